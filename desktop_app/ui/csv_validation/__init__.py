"""Validating CSV/TSV objects: the Validate job, its results dialog, schemas per folder."""
