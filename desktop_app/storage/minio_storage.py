"""`Storage` over the official minio SDK: the only module that imports `minio`.

We hand the SDK our own urllib3 pool: short connect timeout (a dead host answers within
seconds, not the SDK's five minutes), and redirects are never followed, so credentials and
SSE-C keys cannot be replayed to another host (a redirect fails as `RedirectRefused`). Every
SDK call uses keyword arguments, and every SDK or urllib3 failure leaves here as one of our
`AppError`s with user-facing text.
"""

from __future__ import annotations

import ssl
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import BinaryIO, NoReturn

import urllib3
from minio import Minio
from minio.commonconfig import COPY, ENABLED, REPLACE, ComposeSource, CopySource, Tags
from minio.datatypes import Part
from minio.deleteobjects import DeleteObject
from minio.error import InvalidResponseError, S3Error
from minio.error import ServerError as MinioServerError
from minio.versioningconfig import SUSPENDED, VersioningConfig
from urllib3.exceptions import (
    HTTPError,
    InsecureRequestWarning,
)

from desktop_app.core.connection import ConnectionSettings, effective_addressing
from desktop_app.core.errors import (
    AppError,
    ConfigError,
    ConnectionFailed,
    ServerError,
    ServerUnreachable,
)
from desktop_app.core.object_properties import (
    ObjectProperties,
    check_meta_key,
    decode_meta_value,
    encode_meta_value,
    stored_sha256,
)
from desktop_app.core.redact import redact
from desktop_app.core.transfer_errors import DestinationExists, ObjectChanged, TransientError
from desktop_app.core.transfer_types import (
    MultipartUploadInfo,
    ObjectBody,
    PartInfo,
    RemoteObject,
)
from desktop_app.core.types import BucketInfo, FolderEntry, ListingPage, ObjectEntry, ObjectStat
from desktop_app.core.versions import ObjectVersion
from desktop_app.storage.doctor_report import ProbeAnswer
from desktop_app.storage.error_text import network_error, s3_error
from desktop_app.storage.listing_columns import ColumnsPage
from desktop_app.storage.listing_xml import (
    ParsedListing,
    listing_stalled,
    next_token,
    parse_listing,
    parse_listing_columns,
    read_listing_body,
)
from desktop_app.storage.object_fetch import ObjectFetcher
from desktop_app.storage.protocol import MAX_DELETE_BATCH, MAX_PAGE_SIZE, SINGLE_COPY_LIMIT
from desktop_app.storage.transfer_http import (
    TRANSIENT_CODES,
    NoRedirectPool,
    RetryableBody,
    ca_file,
    check_upload_key,
    etag_md5,
    port_answers,
    retry_after_seconds,
)

CONNECT_TIMEOUT_S = 4.0
READ_TIMEOUT_S = 60.0
MAX_PRESIGN_EXPIRY = timedelta(days=7)


def make_http_client(settings: ConnectionSettings, pool_size: int = 32,
                     refuse_redirects: bool = True) -> urllib3.PoolManager:
    """The pool every request goes through; see the module docstring for why it is ours.
    `refuse_redirects=False` (the doctor) hands a redirect answer back to be looked at."""
    pool = NoRedirectPool if refuse_redirects else urllib3.PoolManager
    retries = urllib3.Retry(
        total=2, connect=1, read=0, status=0, redirect=False, backoff_factor=0.2,
        raise_on_status=False,
    )
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT_S, read=READ_TIMEOUT_S)
    if settings.secure and not settings.verify_tls:
        # The user chose this per profile and the window shows a badge for it; urllib3's
        # warning on every request would only flood the log.
        warnings.filterwarnings("ignore", category=InsecureRequestWarning)
        return pool(
            timeout=timeout, retries=retries, maxsize=pool_size, cert_reqs=ssl.CERT_NONE,
            assert_hostname=False,
        )
    return pool(
        timeout=timeout, retries=retries, maxsize=pool_size, cert_reqs=ssl.CERT_REQUIRED,
        ca_certs=ca_file(settings),
    )


class MinioStorage:
    """Thread-safe: the SDK client and urllib3 pool may be shared by worker threads."""

    def __init__(self, settings: ConnectionSettings, pool_size: int = 32) -> None:
        self._settings = settings
        self._http = make_http_client(settings, pool_size)
        self._client = Minio(
            endpoint=settings.endpoint,
            access_key=settings.access_key,
            secret_key=settings.secret_key,
            session_token=settings.session_token,
            secure=settings.secure,
            region=settings.region,
            http_client=self._http,
        )
        _apply_addressing(self._client, settings)

    @property
    def endpoint_url(self) -> str:
        return self._settings.url

    @property
    def settings(self) -> ConnectionSettings:
        return self._settings

    def transfer_factory(self) -> Callable[[], MinioStorage]:
        """A picklable recipe for the same storage in another process (the transfer engine's)."""
        return partial(MinioStorage, self._settings)

    def object_fetcher(self, connections: int) -> ObjectFetcher:
        """Small whole-object GETs for an asyncio loop, presigned here (see object_fetch)."""
        expiry = timedelta(minutes=15)
        return ObjectFetcher(self._settings, lambda b, k: self.presign_get(b, k, expiry),
                             connections)

    def reachable(self) -> bool:
        """The server's port answers (transfers waiting out an outage go on at once)."""
        return port_answers(self._settings)

    def close(self) -> None:
        self._http.clear()

    # -- buckets -------------------------------------------------------------------------
    def list_buckets(self) -> list[BucketInfo]:
        with self._errors("list the buckets"):
            buckets = self._client.list_buckets()
        return [BucketInfo(name=b.name, created=b.creation_date) for b in buckets]

    def make_bucket(self, bucket: str) -> None:
        with self._errors(f"create the bucket “{bucket}”", bucket=bucket):
            self._client.make_bucket(bucket_name=bucket)

    # -- listing -------------------------------------------------------------------------
    def list_page(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ListingPage:
        """One page through the fast parser (see `# -- fast listing --`)."""
        return self.list_page_fast(bucket, prefix, start_after, limit)

    # -- objects -------------------------------------------------------------------------
    def stat(self, bucket: str, key: str) -> ObjectStat:
        with self._errors(f"read the details of “{key}”", bucket=bucket, key=key):
            obj = self._client.stat_object(bucket_name=bucket, object_name=key)
        meta = {
            k[len("x-amz-meta-"):]: v
            for k, v in (obj.metadata or {}).items()
            if k.lower().startswith("x-amz-meta-")
        }
        return ObjectStat(
            bucket=bucket,
            key=key,
            size=obj.size or 0,
            etag=(obj.etag or "").strip('"'),
            content_type=obj.content_type or "",
            last_modified=obj.last_modified,
            version_id=obj.version_id,
            metadata=meta,
        )

    def read_range(self, bucket: str, key: str, offset: int, length: int) -> bytes:
        if length <= 0:
            return b""
        with self._errors(f"read “{key}”", bucket=bucket, key=key, empty_range_ok=True):
            response = self._client.get_object(
                bucket_name=bucket, object_name=key, offset=offset, length=length
            )
            try:
                return bytes(response.read())
            finally:
                response.close()
                response.release_conn()
        return b""  # only reached when the range starts past the end of the object

    def put_stream(
        self,
        bucket: str,
        key: str,
        stream: BinaryIO,
        length: int,
        content_type: str = "application/octet-stream",
        metadata: dict[str, str] | None = None,
    ) -> str:
        with self._errors(f"upload “{key}”", bucket=bucket, key=key):
            result = self._client.put_object(
                bucket_name=bucket, object_name=key, data=stream, length=length,
                content_type=content_type, metadata=dict(metadata) if metadata else None,
            )
        return (result.etag or "").strip('"')

    def delete(self, bucket: str, key: str) -> None:
        with self._errors(f"delete “{key}”", bucket=bucket, key=key):
            self._client.remove_object(bucket_name=bucket, object_name=key)

    def presign_get(self, bucket: str, key: str, expires: timedelta) -> str:
        if expires <= timedelta(0) or expires > MAX_PRESIGN_EXPIRY:
            raise ConfigError(
                "A presigned link can be valid for at most 7 days (the S3 signature limit).",
                "Choose an expiry between 1 second and 7 days.",
            )
        with self._errors(f"create a link to “{key}”", bucket=bucket, key=key):
            return self._client.presigned_get_object(
                bucket_name=bucket, object_name=key, expires=expires
            )

    # -- error translation ---------------------------------------------------------------
    @contextmanager
    def _errors(
        self, action: str, bucket: str = "", key: str = "", empty_range_ok: bool = False
    ) -> Iterator[None]:
        try:
            yield
        except AppError:
            raise
        except S3Error as exc:
            if empty_range_ok and exc.code == "InvalidRange":
                return
            self._raise_s3(exc, action, bucket, key)
        except (MinioServerError, InvalidResponseError) as exc:
            raise ServerError(
                f"The server at {self.endpoint_url} gave an unexpected answer when trying to "
                f"{action} ({self._clean(str(exc))[:200]}).",
                "Check that the endpoint is an S3 server, and try again later.",
            ) from None
        except (HTTPError, OSError) as exc:
            raise self._network_error(exc, action) from None
        except ValueError as exc:
            raise ConfigError(f"Cannot {action}: {self._clean(str(exc))}.") from None

    def _clean(self, text: str) -> str:
        return redact(text, self._settings.secrets())

    def _raise_s3(self, exc: S3Error, action: str, bucket: str, key: str) -> NoReturn:
        raise s3_error(
            exc.code or "", self._clean(exc.message or ""), action, self.endpoint_url,
            self._settings.access_key, bucket, key,
        ) from None

    def _network_error(self, exc: BaseException, action: str) -> AppError:
        return network_error(exc, action, self.endpoint_url, self._settings.host, self._clean)


    # -- doctor --------------------------------------------------------------------------
    def doctor_probe(
        self, timeout: float, bucket: str | None = None, virtual: bool | None = None
    ) -> ProbeAnswer:
        """One signed request for the connection doctor, with a short timeout: ListBuckets, or
        HEAD `bucket` (path or virtual-host style when `virtual` is given). S3 errors come back
        as data (code, headers, body) so the doctor can tell causes apart that `_raise_s3`
        folds together; network failures still raise `ConnectionFailed`."""
        http = make_http_client(self._settings, pool_size=2, refuse_redirects=False)
        budget = max(0.1, timeout)
        http.connection_pool_kw["timeout"] = urllib3.Timeout(connect=budget, read=budget)
        http.connection_pool_kw["retries"] = urllib3.Retry(
            total=0, redirect=False, raise_on_status=False
        )
        client = Minio(
            endpoint=self._settings.endpoint,
            access_key=self._settings.access_key,
            secret_key=self._settings.secret_key,
            session_token=self._settings.session_token,
            secure=self._settings.secure,
            region=self._settings.region,
            http_client=http,
        )
        if virtual is None:
            _apply_addressing(client, self._settings)
        else:
            _set_virtual_style(client, virtual)
        try:
            with self._errors("sign in" if bucket is None else f"open the bucket “{bucket}”"):
                answer = self._doctor_call(client, bucket)
        finally:
            http.clear()
        return answer

    def _doctor_call(self, client: Minio, bucket: str | None) -> ProbeAnswer:
        started = time.monotonic()
        try:
            if bucket is None:
                names = tuple(b.name for b in client.list_buckets())
                return ProbeAnswer(ok=True, bucket_names=names, elapsed=time.monotonic() - started)
            exists = client.bucket_exists(bucket_name=bucket)
            return ProbeAnswer(ok=True, bucket_exists=exists, elapsed=time.monotonic() - started)
        except S3Error as exc:
            response = exc.response
            body = bytes(response.data or b"")[:4000].decode("utf-8", "replace")
            return ProbeAnswer(
                ok=False, code=exc.code or "", message=self._clean(exc.message or ""),
                status=response.status,
                headers={k.lower(): v for k, v in response.headers.items()},
                body=self._clean(body), elapsed=time.monotonic() - started,
            )
        except (MinioServerError, InvalidResponseError) as exc:
            return ProbeAnswer(
                ok=False, code="InvalidResponse", message=self._clean(str(exc))[:300],
                elapsed=time.monotonic() - started,
            )

    # -- object actions --
    def list_tree_page(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ListingPage:
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        objects: list[ObjectEntry] = []
        last: str | None = None
        with self._errors(f"list everything below “{bucket}/{prefix}”", bucket=bucket):
            items = self._client.list_objects(
                bucket_name=bucket, prefix=prefix or None, recursive=True,
                start_after=start_after,
            )
            for item in items:
                name = item.object_name or ""
                last = name
                objects.append(
                    ObjectEntry(
                        key=name,
                        size=item.size or 0,
                        last_modified=item.last_modified,
                        etag=(item.etag or "").strip('"'),
                        storage_class=item.storage_class or "",
                    )
                )
                if len(objects) >= limit:
                    break
            else:
                last = None
        return ListingPage(
            bucket=bucket, prefix=prefix, folders=(), objects=tuple(objects),
            next_start_after=last,
        )

    def delete_many(self, bucket: str, keys: Sequence[str]) -> list[tuple[str, str]]:
        if len(keys) > MAX_DELETE_BATCH:
            raise ValueError(f"at most {MAX_DELETE_BATCH} keys per multi-object delete")
        if not keys:
            return []
        with self._errors(f"delete {len(keys)} objects from “{bucket}”", bucket=bucket):
            errors = list(self._client.remove_objects(
                bucket_name=bucket,
                delete_object_list=[DeleteObject(name=key) for key in keys],
            ))
        return [(err.name or "", self._delete_reason(err.code, err.message)) for err in errors]

    def _delete_reason(self, code: str, message: str | None) -> str:
        if code in ("AccessDenied", "AllAccessDisabled"):
            return "the server refused access (ask for delete rights)"
        if code == "ObjectLocked" or "lock" in (message or "").lower():
            return "the object is locked by a retention rule or legal hold"
        return f"{self._clean(message or code)} ({code})"

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
        action = f"copy “{src_key}” to “{dst_bucket}/{dst_key}”"
        with self._errors(action, bucket=src_bucket, key=src_key):
            return self._server_copy(src_bucket, src_key, dst_bucket, dst_key,
                                     multipart_threshold, part_size, size)

    def _server_copy(
        self, src_bucket: str, src_key: str, dst_bucket: str, dst_key: str, threshold: int,
        part_size: int | None, size: int | None, version_id: str | None = None,
    ) -> str:
        info = None
        if size is None or size > threshold:
            info = self._client.stat_object(
                bucket_name=src_bucket, object_name=src_key, version_id=version_id)
            size = info.size or 0
        if size <= threshold:
            # A plain CopyObject keeps content type and user metadata (directive COPY).
            result = self._client.copy_object(
                bucket_name=dst_bucket, object_name=dst_key,
                source=CopySource(bucket_name=src_bucket, object_name=src_key,
                                  version_id=version_id),
            )
            return (result.etag or "").strip('"')
        assert info is not None
        # Above the single-copy limit: a multipart copy of ranges. The SDK would drop the
        # content type and metadata here, so we pass them on explicitly.
        part = part_size or max(512 << 20, -(-size // 10_000))
        headers = {k.lower(): v for k, v in (info.metadata or {}).items()}
        metadata: dict[str, str | list[str] | tuple[str]] = {
            "Content-Type": info.content_type or "application/octet-stream",
        }
        for name, value in headers.items():
            if name.startswith("x-amz-meta-") or name in _KEPT_HEADERS:
                metadata[name] = value
        sources = [
            ComposeSource(
                bucket_name=src_bucket, object_name=src_key, version_id=version_id,
                offset=offset, length=min(part, size - offset),
            )
            for offset in range(0, size, part)
        ]
        result = self._client.compose_object(
            bucket_name=dst_bucket, object_name=dst_key, sources=sources, metadata=metadata,
        )
        return (result.etag or "").strip('"')

    def exists(self, bucket: str, key: str) -> bool:
        with self._errors(f"check whether “{key}” exists", bucket=bucket, key=key):
            try:
                self._client.stat_object(bucket_name=bucket, object_name=key)
            except S3Error as exc:
                if exc.code in ("NoSuchKey", "NoSuchObject", "NotFound", "ResourceNotFound"):
                    return False
                raise
        return True

    def presign_download(
        self,
        bucket: str,
        key: str,
        expires: timedelta,
        issued_at: datetime,
        content_disposition: str | None = None,
    ) -> str:
        if expires <= timedelta(0) or expires > MAX_PRESIGN_EXPIRY:
            raise ConfigError(
                "A presigned link can be valid for at most 7 days (the S3 signature limit).",
                "Choose an expiry between 1 second and 7 days.",
            )
        response_headers: dict[str, str | list[str] | tuple[str]] | None = None
        if content_disposition:
            response_headers = {"response-content-disposition": content_disposition}
        with self._errors(f"create a link to “{key}”", bucket=bucket, key=key):
            return self._client.presigned_get_object(
                bucket_name=bucket, object_name=key, expires=expires,
                response_headers=response_headers, request_date=issued_at,
            )

    def iter_chunks(
        self, bucket: str, key: str, if_match: str | None = None, chunk_size: int = 1 << 20
    ) -> Iterator[bytes]:
        headers: dict[str, str | list[str] | tuple[str]] | None = None
        if if_match:
            headers = {"If-Match": f'"{if_match}"'}
        with self._errors(f"download “{key}”", bucket=bucket, key=key):
            try:
                response = self._client.get_object(
                    bucket_name=bucket, object_name=key, request_headers=headers,
                )
            except S3Error as exc:
                if exc.code == "PreconditionFailed":
                    raise ConfigError(
                        f"“{key}” was replaced on the server while it was being downloaded.",
                        "Refresh the folder (F5) and download it again.",
                    ) from None
                raise
            try:
                yield from response.stream(chunk_size)
            finally:
                response.close()
                response.release_conn()


    # -- fast listing --------------------------------------------------------------------
    # The SDK's ListObjects parser costs ~60 µs per object (namespaced `findtext` and
    # `strptime` for every field); a flat pass over ElementTree children plus a per-page date
    # cache is ~7x faster, which makes listing network-bound like rclone. We still use the
    # SDK's own signing and error mapping (`_execute`), only the answer is parsed here.
    def list_v2_raw(
        self, bucket: str, prefix: str, delimiter: str = "/", start_after: str | None = None,
        token: str | None = None, max_keys: int = MAX_PAGE_SIZE,
    ) -> bytes:
        """One ListObjectsV2 answer as bytes (keys URL-encoded, so any key is valid XML),
        read no further than an answer of `max_keys` entries can reach (listing_xml)."""
        max_keys = max(1, min(max_keys, MAX_PAGE_SIZE))
        query: dict[str, str | list[str] | tuple[str]] = {
            "list-type": "2", "delimiter": delimiter, "encoding-type": "url",
            "max-keys": str(max_keys), "prefix": prefix,
        }
        if token:
            query["continuation-token"] = token
        elif start_after:
            query["start-after"] = start_after
        with self._errors(f"list “{bucket}/{prefix}”", bucket=bucket):
            response = self._client._execute(
                "GET", bucket, query_params=query, preload_content=False
            )
            return read_listing_body(response, max_keys)

    def list_page_fast(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ListingPage:
        """`list_page` over the fast parser: one request, at most `limit` rows."""
        page = self.list_columns(bucket, prefix, start_after, limit)
        return ListingPage(
            bucket=bucket, prefix=prefix, folders=tuple(FolderEntry(p) for p in page.folders),
            objects=page.columns.entries(), next_start_after=page.next_start_after,
        )

    def list_columns(
        self, bucket: str, prefix: str = "", start_after: str | None = None, limit: int = 1000
    ) -> ColumnsPage:
        """Like `list_page`, but the objects stay in columns (what the file table stores)."""
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        data = self.list_v2_raw(bucket, prefix, "/", start_after, None, limit)
        with self._errors(f"list “{bucket}/{prefix}”", bucket=bucket):
            columns = parse_listing_columns(data, limit)
        last: str | None = None
        if columns.truncated:  # keys and prefixes come merged in key order
            ends = [names[-1] for names in (columns.keys, columns.prefixes) if names]
            last = max(ends) if ends else start_after
            if last is None or (start_after is not None and last <= start_after):
                raise listing_stalled()  # asking on from there would loop forever
        if columns.keys and columns.keys[0] == prefix:
            columns = columns.without_first()  # a folder's own marker is not a row of itself
        folders = tuple(p for p in columns.prefixes if p != start_after and p != prefix)
        return ColumnsPage(bucket, prefix, folders, columns, last)

    def iter_listing(
        self, bucket: str, prefix: str = "", recursive: bool = True,
        cancel: threading.Event | None = None,
    ) -> Iterator[ParsedListing]:
        """Every page below `prefix`, streamed. The next page is requested while this one is
        parsed (one request ahead), so parsing overlaps the network. Stops when `cancel` is set.
        """
        delimiter = "" if recursive else "/"
        with ThreadPoolExecutor(1, thread_name_prefix="list-ahead") as ahead:
            pending = ahead.submit(self.list_v2_raw, bucket, prefix, delimiter)
            tokens: set[str] = set()
            while True:
                data = pending.result()
                if cancel is not None and cancel.is_set():
                    return
                token = next_token(data, MAX_PAGE_SIZE)
                if token in tokens:
                    raise listing_stalled()  # asking on with it would loop forever
                if token is not None:
                    tokens.add(token)
                    pending = ahead.submit(
                        self.list_v2_raw, bucket, prefix, delimiter, None, token
                    )
                with self._errors(f"list “{bucket}/{prefix}”", bucket=bucket):
                    parsed = parse_listing(data, MAX_PAGE_SIZE)
                yield parsed
                if token is None:
                    return


    # -- object actions: versions --
    def versioning_enabled(self, bucket: str) -> bool:
        with self._errors(f"read the versioning setting of “{bucket}”", bucket=bucket):
            return self._client.get_bucket_versioning(bucket_name=bucket).status == ENABLED

    def set_versioning(self, bucket: str, enabled: bool) -> None:
        with self._errors(f"change the versioning setting of “{bucket}”", bucket=bucket):
            self._client.set_bucket_versioning(
                bucket_name=bucket, config=VersioningConfig(ENABLED if enabled else SUSPENDED),
            )

    def list_versions(self, bucket: str, prefix: str, exact: bool = True) -> list[ObjectVersion]:
        result: list[ObjectVersion] = []
        with self._errors(f"list the versions of “{prefix}”", bucket=bucket, key=prefix):
            for item in self._client.list_objects(
                bucket_name=bucket, prefix=prefix or None, recursive=exact,
                include_version=True,
            ):
                name = item.object_name or ""
                if item.is_dir or (exact and name != prefix):
                    continue
                result.append(ObjectVersion(
                    key=name,
                    version_id=item.version_id or "null",
                    size=item.size or 0,
                    last_modified=item.last_modified,
                    etag=(item.etag or "").strip('"'),
                    is_latest=str(item.is_latest).lower() == "true",
                    is_delete_marker=bool(item.is_delete_marker),
                ))
        # The SDK returns versions and delete markers as two runs: put each key's history
        # back in order, the latest first.
        oldest = datetime.min.replace(tzinfo=UTC)
        result.sort(key=lambda v: (v.key, not v.is_latest, oldest - (v.last_modified or oldest)))
        return result

    def restore_version(
        self, bucket: str, key: str, version_id: str,
        multipart_threshold: int = SINGLE_COPY_LIMIT, part_size: int | None = None,
    ) -> str:
        with self._errors(f"restore a version of “{key}”", bucket=bucket, key=key):
            return self._server_copy(bucket, key, bucket, key, multipart_threshold, part_size,
                                     None, version_id)

    def delete_version(self, bucket: str, key: str, version_id: str) -> None:
        with self._errors(f"delete a version of “{key}”", bucket=bucket, key=key):
            self._client.remove_object(bucket_name=bucket, object_name=key, version_id=version_id)

    # -- preview and properties ----------------------------------------------------------
    def object_properties(self, bucket: str, key: str) -> ObjectProperties:
        """Everything the properties panel shows: one HEAD plus one tagging read."""
        with self._errors(f"read the details of “{key}”", bucket=bucket, key=key):
            obj = self._client.stat_object(
                bucket_name=bucket, object_name=key,
                extra_headers={"x-amz-checksum-mode": "ENABLED"},  # stored SHA-256, if any
            )
        headers = {k.lower(): str(v) for k, v in (obj.metadata or {}).items()}
        meta = {
            k[len("x-amz-meta-"):]: decode_meta_value(v)
            for k, v in headers.items()
            if k.startswith("x-amz-meta-")
        }
        tags = self.get_tags(bucket, key)
        return ObjectProperties(
            bucket=bucket,
            key=key,
            size=obj.size or 0,
            etag=(obj.etag or "").strip('"'),
            content_type=obj.content_type or "",
            last_modified=obj.last_modified,
            storage_class=headers.get("x-amz-storage-class", "") or "STANDARD",
            version_id=obj.version_id,
            cache_control=headers.get("cache-control", ""),
            content_disposition=headers.get("content-disposition", ""),
            content_encoding=headers.get("content-encoding", ""),
            content_language=headers.get("content-language", ""),
            metadata=meta,
            tags=tags,
            sha256=stored_sha256(headers, meta),
            retention_mode=headers.get("x-amz-object-lock-mode", ""),
            retain_until=headers.get("x-amz-object-lock-retain-until-date", ""),
            legal_hold=headers.get("x-amz-object-lock-legal-hold", ""),
        )

    def get_tags(self, bucket: str, key: str) -> dict[str, str]:
        with self._errors(f"read the tags of “{key}”", bucket=bucket, key=key):
            tags = self._client.get_object_tags(bucket_name=bucket, object_name=key)
        return dict(tags or {})

    def set_tags(self, bucket: str, key: str, tags: dict[str, str]) -> None:
        """Replace the object's tag set (an empty dict removes all tags)."""
        with self._errors(f"change the tags of “{key}”", bucket=bucket, key=key):
            if not tags:
                self._client.delete_object_tags(bucket_name=bucket, object_name=key)
                return
            sdk_tags = Tags.new_object_tags()
            for name, value in tags.items():
                sdk_tags[name] = value
            self._client.set_object_tags(bucket_name=bucket, object_name=key, tags=sdk_tags)

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
        """Rewrite headers and user metadata by a server-side copy onto itself (REPLACE).

        The copy keeps the data and tags; every header not passed here is dropped, so the
        caller passes the current values of those it does not change. Values are encoded
        for the wire (see `encode_meta_value`). `if_match` refuses to overwrite an object
        that changed since it was read. Returns the new ETag.
        """
        headers: dict[str, str | list[str] | tuple[str]] = {
            "Content-Type": content_type or "application/octet-stream"
        }
        for name, value in (("Cache-Control", cache_control),
                            ("Content-Disposition", content_disposition),
                            ("Content-Encoding", content_encoding),
                            ("Content-Language", content_language)):
            if value and not (value.isascii() and value.isprintable()):
                raise ConfigError(
                    f"{name} must be plain ASCII text (it is sent as an HTTP header).",
                    "For a non-ASCII download name use filename*=UTF-8''<percent-encoded>.",
                )
            if value:
                headers[name] = value
        if storage_class and storage_class != "STANDARD":
            headers["x-amz-storage-class"] = storage_class
        for name, value in (metadata or {}).items():
            problem = check_meta_key(name)
            if problem:
                raise ConfigError(problem, "Rename the metadata entry and try again.")
            headers[f"x-amz-meta-{name}"] = encode_meta_value(value)
        source = CopySource(bucket_name=bucket, object_name=key, match_etag=if_match or None)
        try:
            with self._errors(f"change the properties of “{key}”", bucket=bucket, key=key):
                result = self._client.copy_object(
                    bucket_name=bucket, object_name=key, source=source, metadata=headers,
                    metadata_directive=REPLACE, tagging_directive=COPY,
                )
        except ServerError as exc:
            if "PreconditionFailed" in exc.message:
                raise ConfigError(
                    f"“{key}” was changed by someone else since its properties were read.",
                    "Refresh and make your edit again.",
                ) from None
            raise
        return (result.etag or "").strip('"')

    # -- transfers -----------------------------------------------------------------------
    # The SDK's public API has no part-level calls, so these wrap its internal multipart
    # methods (present and stable in 7.2.x; keyword arguments as everywhere). Failures worth
    # retrying leave as `TransientError` (with Retry-After when the server sent one).
    def put_bytes(
        self, bucket: str, key: str, data: bytes, content_type: str, metadata: dict[str, str],
        if_absent: bool = False,
    ) -> str:
        # The internal single PUT sends `data` as is (put_object would copy it twice).
        check_upload_key(key)
        headers: dict[str, str | list[str] | tuple[str]] = {"Content-Type": content_type}
        for name, value in metadata.items():
            headers[f"x-amz-meta-{name}"] = value
        if if_absent:
            headers["If-None-Match"] = "*"
        try:
            with self._transfer_errors(f"upload “{key}”", bucket, key):
                result = self._client._put_object(
                    bucket_name=bucket, object_name=key, data=data, headers=headers
                )
        except ObjectChanged:  # 412: only If-None-Match can fail here
            raise DestinationExists(f"“{key}” already exists in “{bucket}”.") from None
        return (result.etag or "").strip('"')

    def create_multipart(
        self, bucket: str, key: str, content_type: str, metadata: dict[str, str]
    ) -> str:
        check_upload_key(key)
        headers: dict[str, str | list[str] | tuple[str]] = {"Content-Type": content_type}
        for name, value in metadata.items():
            headers[f"x-amz-meta-{name}"] = value
        with self._transfer_errors(f"start uploading “{key}”", bucket, key):
            return self._client._create_multipart_upload(
                bucket_name=bucket, object_name=key, headers=headers
            )

    def upload_part(
        self, bucket: str, key: str, upload_id: str, part_number: int, data: bytes
    ) -> str:
        with self._transfer_errors(f"upload part {part_number} of “{key}”", bucket, key):
            etag = self._client._upload_part(
                bucket_name=bucket, object_name=key, data=data, headers=None,
                upload_id=upload_id, part_number=part_number,
            )
        return etag.strip('"')

    def complete_multipart(
        self, bucket: str, key: str, upload_id: str, parts: list[PartInfo]
    ) -> str:
        sdk_parts = [
            Part(part_number=p.number, etag=p.etag) for p in sorted(parts, key=lambda p: p.number)
        ]
        with self._transfer_errors(f"finish uploading “{key}”", bucket, key):
            result = self._client._complete_multipart_upload(
                bucket_name=bucket, object_name=key, upload_id=upload_id, parts=sdk_parts
            )
        return (result.etag or "").strip('"')

    def abort_multipart(self, bucket: str, key: str, upload_id: str) -> None:
        with self._transfer_errors(f"abort the upload of “{key}”", bucket, key):
            self._client._abort_multipart_upload(
                bucket_name=bucket, object_name=key, upload_id=upload_id
            )

    def list_parts(self, bucket: str, key: str, upload_id: str) -> list[PartInfo]:
        parts: list[PartInfo] = []
        marker: str | None = None
        with self._transfer_errors(f"list the uploaded parts of “{key}”", bucket, key):
            while True:
                result = self._client._list_parts(
                    bucket_name=bucket, object_name=key, upload_id=upload_id,
                    max_parts=1000, part_number_marker=marker,
                )
                parts.extend(
                    PartInfo(number=p.part_number, etag=p.etag.strip('"'), size=p.size or 0)
                    for p in result.parts
                )
                if not result.is_truncated or not result.parts:
                    break
                marker = result.next_part_number_marker or str(result.parts[-1].part_number)
        return parts

    def list_multipart_uploads(self, bucket: str, prefix: str = "") -> list[MultipartUploadInfo]:
        found: list[MultipartUploadInfo] = []
        key_marker: str | None = None
        upload_marker: str | None = None
        with self._transfer_errors(f"list unfinished uploads in “{bucket}”", bucket):
            while True:
                result = self._client._list_multipart_uploads(
                    bucket_name=bucket, prefix=prefix or None, max_uploads=1000,
                    key_marker=key_marker, upload_id_marker=upload_marker,
                )
                found.extend(
                    MultipartUploadInfo(
                        bucket=bucket, key=u.object_name, upload_id=u.upload_id or "",
                        initiated=u.initiated_time,
                    )
                    for u in result.uploads
                )
                if not result.is_truncated or not result.uploads:
                    break
                key_marker = result.uploads[-1].object_name
                upload_marker = result.uploads[-1].upload_id
        return found

    def open_object(
        self, bucket: str, key: str, offset: int = 0, length: int | None = None,
        if_match: str | None = None,
    ) -> ObjectBody:
        headers: dict[str, str | list[str] | tuple[str]] = {}
        if if_match:
            headers["If-Match"] = f'"{if_match}"'
        with self._transfer_errors(f"download “{key}”", bucket, key):
            response = self._client.get_object(
                bucket_name=bucket, object_name=key, offset=offset, length=length or 0,
                request_headers=headers or None,
            )
        content_length = int(response.headers.get("content-length") or 0)
        total = content_length
        content_range = response.headers.get("content-range") or ""
        if "/" in content_range and not content_range.endswith("/*"):
            total = int(content_range.rsplit("/", 1)[1])
        metadata = {
            k.lower()[len("x-amz-meta-"):]: v
            for k, v in response.headers.items()
            if k.lower().startswith("x-amz-meta-")
        }
        etag = (response.headers.get("etag") or "").strip('"')
        return ObjectBody(
            etag=etag,
            total_size=total,
            content_length=content_length,
            body=RetryableBody(response, key),
            metadata=metadata,
            md5=etag_md5(etag, response.headers),
        )

    def head(self, bucket: str, key: str) -> ObjectStat:
        with self._transfer_errors(f"read the details of “{key}”", bucket, key):
            return self.stat(bucket, key)

    def iter_objects(self, bucket: str, prefix: str) -> Iterator[RemoteObject]:
        """Everything below `prefix` (a folder download), through the fast listing parser."""
        with self._transfer_errors(f"list “{bucket}/{prefix}”", bucket):
            for page in self.iter_listing(bucket, prefix):
                for entry in page.objects:
                    yield RemoteObject(key=entry.key, size=entry.size, etag=entry.etag)

    @contextmanager
    def _transfer_errors(self, action: str, bucket: str = "", key: str = "") -> Iterator[None]:
        """Like `_errors`, but marks retryable failures and If-Match failures."""
        try:
            with self._errors(action, bucket=bucket, key=key):
                try:
                    yield
                except S3Error as exc:
                    status = getattr(exc.response, "status", 0) or 0
                    code = exc.code or ""
                    if code == "PreconditionFailed" or status == 412:
                        raise ObjectChanged(
                            f"“{key}” was replaced on the server while it was being "
                            "downloaded (precondition failed: the ETag no longer matches).",
                            "Download it again to get the new version.",
                        ) from None
                    if status >= 500 or code in TRANSIENT_CODES:
                        raise TransientError(
                            f"The server could not {action} right now ({code or status}).",
                            "Wait a little, or check that the server is healthy.",
                            retry_after=retry_after_seconds(exc.response),
                        ) from None
                    raise
                except MinioServerError as exc:
                    if exc.status_code == 412:
                        raise ObjectChanged(
                            f"“{key}” was replaced on the server while it was being "
                            "downloaded (precondition failed: the ETag no longer matches).",
                            "Download it again to get the new version.",
                        ) from None
                    if exc.status_code >= 500:
                        raise TransientError(
                            f"The server could not {action} right now "
                            f"(HTTP {exc.status_code}).",
                            "Wait a little, or check that the server is healthy.",
                        ) from None
                    raise
        except ConnectionFailed as exc:
            raise TransientError(exc.message, exc.hint,
                                 outage=isinstance(exc, ServerUnreachable)) from None

def _apply_addressing(client: Minio, settings: ConnectionSettings) -> None:
    """Path or virtual-host style as the settings ask; "auto" keeps the SDK's own choice,
    which is already path style everywhere except AWS."""
    if settings.addressing_style != "auto":
        _set_virtual_style(client, effective_addressing(settings) == "virtual")


def _set_virtual_style(client: Minio, virtual: bool) -> None:
    if virtual:
        client.enable_virtual_style_endpoint()  # type: ignore[no-untyped-call]
    else:
        client.disable_virtual_style_endpoint()  # type: ignore[no-untyped-call]


_KEPT_HEADERS = frozenset(
    ("cache-control", "content-disposition", "content-encoding", "content-language")
)
