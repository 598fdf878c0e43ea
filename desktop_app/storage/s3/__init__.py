"""The S3 adapter over the official minio SDK: the only package that imports `minio`.

One module per concern (client, errors, buckets, listing, objects, multipart, versions,
properties, presign, doctor), each a class over the shared `S3Base`; `MinioStorage` joins
them. Every SDK call uses keyword arguments, and every SDK or urllib3 failure leaves the
package as one of our `AppError`s with user-facing text.
"""

from desktop_app.storage.s3.storage import MinioStorage

__all__ = ["MinioStorage"]
