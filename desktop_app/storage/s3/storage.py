"""`MinioStorage`: the `Storage` and `TransferStorage` implementation, assembled from one
class per concern over the shared base (`S3Base`: settings, pool, SDK client)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from desktop_app.core.sse import EncryptionKeys
from desktop_app.storage.s3.bucket_admin import BucketLifecycle
from desktop_app.storage.s3.bucket_settings import BucketSettings
from desktop_app.storage.s3.buckets import Buckets
from desktop_app.storage.s3.checksum_probe import ChecksumProbe
from desktop_app.storage.s3.checksums import Checksums
from desktop_app.storage.s3.doctor import Doctor
from desktop_app.storage.s3.listing import Listing
from desktop_app.storage.s3.multipart import Multipart
from desktop_app.storage.s3.object_parts import ObjectParts
from desktop_app.storage.s3.objects import Objects
from desktop_app.storage.s3.policy import BucketPolicy
from desktop_app.storage.s3.presign import Presign
from desktop_app.storage.s3.properties import Properties
from desktop_app.storage.s3.small_puts import SmallPuts
from desktop_app.storage.s3.versions import Versions


class MinioStorage(Buckets, Listing, Objects, Multipart, Versions, Properties, Presign, Doctor,
                   BucketSettings, BucketPolicy, BucketLifecycle, Checksums, ChecksumProbe,
                   SmallPuts, ObjectParts):
    """Thread-safe: the SDK client and urllib3 pool may be shared by worker threads."""

    def transfer_factory(self) -> Callable[[], MinioStorage]:
        """A picklable recipe for the same storage in another process (the transfer engine's)."""
        return partial(MinioStorage, self._settings,
                       encryption=EncryptionKeys(self.encryption.snapshot()))
