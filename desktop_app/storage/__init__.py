"""Talking to S3: the `Storage` protocol, its minio implementation and the local sandbox."""
