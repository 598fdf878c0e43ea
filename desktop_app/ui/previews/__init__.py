"""The preview pane's views, one small module per kind of file, plus the worker-side loader."""
