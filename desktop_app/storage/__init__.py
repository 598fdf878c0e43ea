"""Talking to S3: the role protocols, their implementation over the minio SDK (`s3/`, the
only package importing `minio`), and the SDK-free parts: listing parser, doctor, bulk
operations, previews and the local sandbox."""
