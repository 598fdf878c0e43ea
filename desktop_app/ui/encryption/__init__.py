"""Encryption keys of a connection or bucket (SSE-C, SSE-S3): the dialog and its actions."""
