"""Connections: the manager, the form, the doctor and imports."""
