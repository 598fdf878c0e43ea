"""MinIO Desktop: a desktop client for MinIO and any S3-compatible object store."""

__version__ = "0.1.0"
APP_NAME = "MinIO Desktop"
APP_ID = "minio-desktop"
DESKTOP_ID = "io.github.miniodesktop.MinioDesktop"  # the .desktop file and AppStream id
