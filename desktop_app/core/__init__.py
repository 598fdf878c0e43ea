"""Plain-Python foundations shared by every layer; never imports Qt or the S3 SDK."""
