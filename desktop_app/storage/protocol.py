"""What the app may ask of an S3 server, one role protocol per kind of caller.

`BrowseStorage` (buckets, listings, details, reads for previews), `ObjectStorage` (changing
objects, their tags and metadata, links), `VersionStorage`, `BucketAdmin` and
`TransferStorage` (what the transfer engine needs); `Storage` is all of them but transfers.
Code names the narrowest role it uses, so a test double implements only that. Calls are
synchronous and thread-safe; the UI runs them on worker threads. Results are the frozen
dataclasses of `desktop_app.core.types`; failures are `desktop_app.core.errors`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import BinaryIO, Protocol, runtime_checkable

from desktop_app.core.anonymous_access import AnonymousAccess
from desktop_app.core.bucket_settings import BucketEncryption, LifecycleRule, ObjectLockConfig
from desktop_app.core.buckets import BucketUsage, EmptyReport, Retention
from desktop_app.core.checksums import Algo, Crc
from desktop_app.core.object_properties import ObjectProperties
from desktop_app.core.share_links import PostForm, PostLimits
from desktop_app.core.transfer_types import (
    MultipartUploadInfo,
    ObjectBody,
    ObjectHead,
    PartInfo,
    RemoteObject,
)
from desktop_app.core.types import BucketInfo, ListingPage, ObjectStat
from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.listing_columns import ColumnsPage
from desktop_app.storage.listing_xml import ParsedListing

MAX_PAGE_SIZE = 1000
# S3 copies at most 5 GiB in one CopyObject call; bigger objects need a multipart copy.
SINGLE_COPY_LIMIT = 5 << 30
# One multi-object delete request carries at most 1000 keys.
MAX_DELETE_BATCH = 1000


@runtime_checkable
class Endpoint(Protocol):
    """The server a storage talks to, and its pool to close."""

    @property
    def endpoint_url(self) -> str: ...

    def close(self) -> None: ...


@runtime_checkable
class BrowseStorage(Protocol):
    """Reading: buckets, folder listings, object details and bytes for previews."""

    def list_buckets(self) -> list[BucketInfo]: ...

    def list_page(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ListingPage:
        """One page (at most `limit`, capped at MAX_PAGE_SIZE) of folders and objects."""
        ...

    def list_tree_page(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ListingPage:
        """One page of EVERY object below `prefix` (recursive, folder markers included)."""
        ...

    def list_columns(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ColumnsPage:
        """`list_page` with the objects kept in columns (no object per row)."""
        ...

    def iter_listing(
        self, bucket: str, prefix: str = "", recursive: bool = True,
        cancel: threading.Event | None = None,
    ) -> Iterator[ParsedListing]:
        """Every page below `prefix` (all depths when `recursive`), streamed; stops early
        once `cancel` is set."""
        ...

    def stat(self, bucket: str, key: str) -> ObjectStat: ...

    def exists(self, bucket: str, key: str) -> bool: ...

    def read_range(self, bucket: str, key: str, offset: int, length: int) -> bytes:
        """Up to `length` bytes from `offset` (fewer at the end of the object)."""
        ...

    def presign_get(self, bucket: str, key: str, expires: timedelta) -> str:
        """A short-lived link (a media preview plays the object from it)."""
        ...


@runtime_checkable
class ObjectStorage(Protocol):
    """Changing objects: upload, delete, copy, tags and metadata; downloads and links."""

    def put_stream(
        self,
        bucket: str,
        key: str,
        stream: BinaryIO,
        length: int,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> str:
        """Upload `length` bytes from `stream`; returns the new ETag."""
        ...

    def delete(self, bucket: str, key: str) -> None: ...

    def delete_many(self, bucket: str, keys: Sequence[str]) -> list[tuple[str, str]]:
        """Multi-object delete of at most 1000 keys; returns (key, reason) per failure."""
        ...

    def copy_object(
        self,
        src_bucket: str,
        src_key: str,
        dst_bucket: str,
        dst_key: str,
        multipart_threshold: int = SINGLE_COPY_LIMIT,
        part_size: int | None = None,
        size: int | None = None,
    ) -> str:
        """Server-side copy keeping content type and metadata; returns the new ETag.
        `size` (from a listing) saves a HEAD when the object is small enough to copy at once."""
        ...

    def presign_download(
        self,
        bucket: str,
        key: str,
        expires: timedelta,
        issued_at: datetime,
        content_disposition: str | None = None,
    ) -> str:
        """A presigned GET valid from `issued_at` for `expires` (at most 7 days)."""
        ...

    def presign_upload(
        self, bucket: str, key: str, content_type: str, expires: timedelta,
        issued_at: datetime,
    ) -> str:
        """A presigned PUT of exactly `key`, accepted only with this Content-Type."""
        ...

    def presign_post(self, bucket: str, limits: PostLimits, valid_until: datetime) -> PostForm:
        """The URL and signed fields of a POST-policy upload form within `limits`."""
        ...

    def iter_chunks(
        self, bucket: str, key: str, if_match: str | None = None, chunk_size: int = 1 << 20
    ) -> Iterator[bytes]:
        """Stream an object's bytes; with `if_match` a replaced object fails instead."""
        ...

    def object_properties(self, bucket: str, key: str) -> ObjectProperties:
        """Stat plus tags, retention and legal hold where present; metadata decoded."""
        ...

    def get_tags(self, bucket: str, key: str) -> dict[str, str]: ...

    def set_tags(self, bucket: str, key: str, tags: dict[str, str]) -> None: ...

    def replace_metadata(
        self,
        bucket: str,
        key: str,
        *,
        content_type: str,
        cache_control: str = "",
        content_disposition: str = "",
        content_encoding: str = "",
        content_language: str = "",
        storage_class: str = "",
        metadata: dict[str, str] | None = None,
        if_match: str = "",
    ) -> str:
        """Server-side copy onto itself with REPLACE; keeps data and tags; new ETag."""
        ...


@runtime_checkable
class VersionStorage(Protocol):
    """A bucket's versioning switch and the versions of its objects."""

    def versioning_enabled(self, bucket: str) -> bool: ...

    def set_versioning(self, bucket: str, enabled: bool) -> None: ...

    def list_versions(self, bucket: str, prefix: str, exact: bool = True) -> list[ObjectVersion]:
        """Versions and delete markers of one key (`exact`) or of the objects directly in a
        folder (not recursive), newest first per key."""
        ...

    def restore_version(
        self, bucket: str, key: str, version_id: str,
        multipart_threshold: int = SINGLE_COPY_LIMIT, part_size: int | None = None,
    ) -> str:
        """Server-side copy of an old version over the latest; returns the new ETag."""
        ...

    def delete_version(self, bucket: str, key: str, version_id: str) -> None:
        """Remove one version for good (removing a delete marker undeletes the object)."""
        ...


@runtime_checkable
class VersionCleanupOps(Protocol):
    """Removing many versions at once (cleanup in versioned buckets). Not part of `Storage`."""

    def iter_versions_below(
        self, bucket: str, prefix: str = "", cancel: threading.Event | None = None,
    ) -> Iterator[ObjectVersion]:
        """Every version and delete marker below `prefix`, all depths, streamed."""
        ...

    def delete_versions(
        self, bucket: str, versions: Sequence[tuple[str, str]],
    ) -> list[tuple[str, str, str]]:
        """Multi-delete of at most 1000 (key, version id); (key, version id, reason) refused."""
        ...


@runtime_checkable
class BucketAdmin(Protocol):
    """Changing buckets (listing them is browsing: `BrowseStorage.list_buckets`)."""

    def make_bucket(self, bucket: str) -> None: ...


@runtime_checkable
class BucketLifecycleOps(Protocol):
    """Creating buckets with their settings, emptying and deleting them, and object lock
    on single versions (retention, legal hold). Not part of `Storage`."""

    def make_bucket(self, bucket: str, region: str = "", object_lock: bool = False,
                    versioning: bool = False) -> None:
        """Object lock can only be chosen at creation (it turns versioning on too)."""
        ...

    def delete_bucket(self, bucket: str) -> None:
        """Delete an empty bucket; anything in it raises `core.buckets.BucketNotEmpty`."""
        ...

    def bucket_usage(self, bucket: str, cancel: threading.Event | None = None) -> BucketUsage:
        ...

    def empty_bucket(
        self, bucket: str, progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None, bypass_governance: bool = False,
    ) -> EmptyReport:
        """Remove every version and delete marker and abort unfinished uploads; versions
        object lock keeps are reported with the reason. `progress(removed, total)`."""
        ...

    def get_retention(self, bucket: str, key: str, version_id: str = "") -> Retention | None:
        ...

    def set_retention(
        self, bucket: str, key: str, retention: Retention | None, version_id: str = "",
        bypass_governance: bool = False,
    ) -> None:
        """A compliance retention in force is never shortened: `RetentionRefused`."""
        ...

    def get_legal_hold(self, bucket: str, key: str, version_id: str = "") -> bool: ...

    def set_legal_hold(self, bucket: str, key: str, on: bool, version_id: str = "") -> None:
        ...


@runtime_checkable
class BucketSettingsOps(Protocol):
    """A bucket's settings: versioning state, lifecycle, object lock default retention,
    default encryption, tags. Values are checked before sending (`InvalidBucketSetting`);
    a setting the server lacks raises `NotSupportedByServer`."""

    def get_versioning(self, bucket: str) -> str:
        """"Enabled", "Suspended" or "Off" (never enabled)."""
        ...

    def get_lifecycle(self, bucket: str) -> tuple[LifecycleRule, ...]: ...

    def set_lifecycle(self, bucket: str, rules: tuple[LifecycleRule, ...]) -> None:
        """Replace the rules; an empty tuple removes the configuration."""
        ...

    def lifecycle_xml(self, rules: tuple[LifecycleRule, ...]) -> str:
        """The document `set_lifecycle` would send, for a read-only view."""
        ...

    def get_object_lock(self, bucket: str) -> ObjectLockConfig: ...

    def set_default_retention(
        self, bucket: str, mode: str | None, days: int | None = None, years: int | None = None,
    ) -> None:
        """Mode None removes the default; a bucket without lock raises `ObjectLockNotEnabled`."""
        ...

    def get_bucket_encryption(self, bucket: str) -> BucketEncryption | None: ...

    def set_bucket_encryption(self, bucket: str, enc: BucketEncryption | None) -> None: ...

    def get_bucket_tags(self, bucket: str) -> dict[str, str]: ...

    def set_bucket_tags(self, bucket: str, tags: dict[str, str]) -> None:
        """Replace the tags (empty removes them); S3's limits are checked first."""
        ...


@runtime_checkable
class BucketPolicyOps(Protocol):
    """A bucket's access policy, and what anonymous users can do with it right now."""

    def get_bucket_policy(self, bucket: str) -> str:
        """The policy document ("" when the bucket has none)."""
        ...

    def set_bucket_policy(self, bucket: str, policy_json: str) -> None:
        """Checked before sending (`PolicyInvalid`); "" removes the policy."""
        ...

    def delete_bucket_policy(self, bucket: str) -> None: ...

    def anonymous_access(self, bucket: str, probe_prefix: str = "") -> AnonymousAccess:
        """Unsigned list, read and write (a probe object, removed again) below the prefix."""
        ...


@runtime_checkable
class Storage(Endpoint, BrowseStorage, ObjectStorage, VersionStorage, BucketAdmin, Protocol):
    """Every role but transfers: what a window's connection offers."""


@runtime_checkable
class TransferStorage(Endpoint, Protocol):
    """What the transfer engine needs: single PUTs, multipart, ranged GETs, listings.

    Failures worth retrying raise `core.transfer_errors.TransientError`; a failed If-Match
    raises `ObjectChanged`.
    """

    def keeps_checksums(self, bucket: str) -> bool:
        """Whether the server checks and keeps S3 additional checksums (asked once per
        connection, then remembered); False: put the CRC into the user metadata instead."""
        ...

    def put_bytes(
        self, bucket: str, key: str, data: bytes | memoryview, content_type: str,
        metadata: dict[str, str],
        if_absent: bool = False, checksum: Crc | None = None,
    ) -> str:
        """One single PUT of `data` (small files); returns the ETag. `if_absent` sends
        `If-None-Match: *`: an existing object raises `DestinationExists` instead of being
        replaced (on servers that honour it; others ignore the header). `checksum` (the CRC of
        `data`) is sent for the server to check, and then the body is not hashed again."""
        ...

    def create_multipart(
        self, bucket: str, key: str, content_type: str, metadata: dict[str, str],
        checksum: Algo | None = None,
    ) -> str:
        """Start a multipart upload; returns its upload id. With `checksum` it is a
        FULL_OBJECT upload of that algorithm: every part must then carry its CRC."""
        ...

    def upload_part(
        self, bucket: str, key: str, upload_id: str, part_number: int, data: bytes | memoryview,
        checksum: Crc | None = None,
    ) -> str:
        """One part; a part refused as damaged on the way (BadDigest) is a TransientError."""
        ...

    def complete_multipart(
        self, bucket: str, key: str, upload_id: str, parts: list[PartInfo],
        checksum: Crc | None = None,
    ) -> str:
        """Join the parts; `checksum` is the whole object's CRC (the parts' combined)."""
        ...

    def abort_multipart(self, bucket: str, key: str, upload_id: str) -> None: ...

    def list_parts(self, bucket: str, key: str, upload_id: str) -> list[PartInfo]: ...

    def list_multipart_uploads(self, bucket: str, prefix: str = "") -> list[MultipartUploadInfo]:
        ...

    def open_object(
        self, bucket: str, key: str, offset: int = 0, length: int | None = None,
        if_match: str | None = None,
    ) -> ObjectBody:
        """GET (a range of) an object; `if_match` pins the ETag so versions never mix."""
        ...

    def head_checksums(self, bucket: str, key: str, if_match: str | None = None,
                       part_number: int = 0) -> ObjectHead:
        """HEAD with `x-amz-checksum-mode: ENABLED`: the stored checksums a download is
        checked against; with `part_number`, where that part of a multipart object lies."""
        ...

    def part_sizes(self, bucket: str, key: str, etag: str | None = None
                   ) -> tuple[int, ...] | None:
        """Every part's size of a multipart object, a request per 1000 parts; None when the
        server will not say (then `head_checksums` per part number); `ObjectChanged` when
        its ETag is no longer `etag`."""
        ...

    def iter_objects(self, bucket: str, prefix: str) -> Iterator[RemoteObject]:
        """Every object under `prefix`, recursively, in key order."""
        ...

    def head(self, bucket: str, key: str) -> ObjectStat:
        """`stat` for transfers: network trouble raises `TransientError` (retried, and
        waited out when the server cannot be reached), not `ConnectionFailed`."""
        ...
