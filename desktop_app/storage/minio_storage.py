"""`Storage` over the official minio SDK: the only module that imports `minio`.

We hand the SDK our own urllib3 pool: short connect timeout (a dead host answers within
seconds, not the SDK's five minutes), and redirects are never followed, so credentials and
SSE-C keys cannot be replayed to another host. Every SDK call uses keyword arguments, and
every SDK or urllib3 failure leaves here as one of our `AppError`s with user-facing text.
"""

from __future__ import annotations

import email.utils
import os
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any, BinaryIO, NoReturn

import certifi
import urllib3
from minio import Minio
from minio.datatypes import Part
from minio.error import InvalidResponseError, S3Error
from minio.error import ServerError as MinioServerError
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import (
    AccessDenied,
    AlreadyExists,
    AppError,
    AuthFailed,
    ConfigError,
    ConnectionFailed,
    NotFound,
    ServerError,
)
from desktop_app.core.redact import redact
from desktop_app.core.transfer_errors import ObjectChanged, TransientError
from desktop_app.core.transfer_types import (
    MultipartUploadInfo,
    ObjectBody,
    PartInfo,
    RemoteObject,
)
from desktop_app.core.types import BucketInfo, FolderEntry, ListingPage, ObjectEntry, ObjectStat
from desktop_app.storage.protocol import MAX_PAGE_SIZE

CONNECT_TIMEOUT_S = 4.0
READ_TIMEOUT_S = 60.0
MAX_PRESIGN_EXPIRY = timedelta(days=7)


def make_http_client(settings: ConnectionSettings, pool_size: int = 32) -> urllib3.PoolManager:
    """The pool every request goes through; see the module docstring for why it is ours."""
    retries = urllib3.Retry(
        total=2, connect=1, read=0, status=0, redirect=False, backoff_factor=0.2,
        raise_on_status=False,
    )
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT_S, read=READ_TIMEOUT_S)
    if settings.secure and not settings.verify_tls:
        return urllib3.PoolManager(
            timeout=timeout, retries=retries, maxsize=pool_size, cert_reqs=ssl.CERT_NONE,
            assert_hostname=False,
        )
    ca_file = settings.ca_bundle or os.environ.get("SSL_CERT_FILE") or certifi.where()
    return urllib3.PoolManager(
        timeout=timeout, retries=retries, maxsize=pool_size, cert_reqs=ssl.CERT_REQUIRED,
        ca_certs=ca_file,
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

    @property
    def endpoint_url(self) -> str:
        return self._settings.url

    @property
    def settings(self) -> ConnectionSettings:
        return self._settings

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
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        folders: list[FolderEntry] = []
        objects: list[ObjectEntry] = []
        last: str | None = None
        with self._errors(f"list “{bucket}/{prefix}”", bucket=bucket):
            items = self._client.list_objects(
                bucket_name=bucket, prefix=prefix or None, recursive=False,
                start_after=start_after,
            )
            for item in items:
                name = item.object_name or ""
                last = name
                if item.is_dir:
                    folders.append(FolderEntry(prefix=name))
                elif name != prefix:  # a folder's own marker object is not a row of itself
                    objects.append(
                        ObjectEntry(
                            key=name,
                            size=item.size or 0,
                            last_modified=item.last_modified,
                            etag=(item.etag or "").strip('"'),
                            storage_class=item.storage_class or "",
                        )
                    )
                if len(folders) + len(objects) >= limit:
                    break
            else:
                last = None
        return ListingPage(
            bucket=bucket, prefix=prefix, folders=tuple(folders), objects=tuple(objects),
            next_start_after=last,
        )

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
        code = exc.code or ""
        where = self.endpoint_url
        if code == "NoSuchBucket":
            raise NotFound(
                f"The bucket “{bucket}” does not exist on {where}.",
                "Check the bucket name, or pick another bucket.",
            ) from None
        if code in ("NoSuchKey", "NoSuchObject", "NoSuchVersion"):
            raise NotFound(
                f"“{key}” no longer exists in “{bucket}”.",
                "It may have been deleted or renamed; refresh the folder (F5).",
            ) from None
        if code == "InvalidAccessKeyId":
            raise AuthFailed(
                f"The server at {where} does not know the access key "
                f"“{self._settings.access_key}”.",
                "Check the access key in the connection settings.",
            ) from None
        if code == "SignatureDoesNotMatch":
            raise AuthFailed(
                f"The server at {where} rejected the secret key for access key "
                f"“{self._settings.access_key}”.",
                "Check the secret key in the connection settings.",
            ) from None
        if code == "RequestTimeTooSkewed":
            raise AuthFailed(
                "The server rejected the request because this computer's clock is wrong.",
                "Set the system clock to the correct time (enable network time sync).",
            ) from None
        if code in ("AccessDenied", "AllAccessDisabled"):
            raise AccessDenied(
                f"The server refused to let you {action}.",
                "Ask the administrator for access, or use a key with more rights.",
            ) from None
        if code in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise AlreadyExists(
                f"A bucket named “{bucket}” already exists.", "Choose another name."
            ) from None
        message = self._clean(exc.message or code or "unknown error")
        raise ServerError(
            f"The server could not {action}: {message} ({code or 'no error code'}).",
            "Try again; if it keeps failing, check the server's logs.",
        ) from None

    def _network_error(self, exc: BaseException, action: str) -> AppError:
        reason: BaseException = exc
        if isinstance(exc, MaxRetryError) and exc.reason is not None:
            reason = exc.reason
        where = self.endpoint_url
        if isinstance(reason, NameResolutionError):
            return ConnectionFailed(
                f"The server name “{self._settings.host}” could not be found (DNS).",
                "Check the spelling of the endpoint and your network connection.",
            )
        if isinstance(reason, SSLError):
            return ConnectionFailed(
                f"A secure (TLS) connection to {where} could not be set up.",
                "Check the certificate settings, or whether the server uses http instead.",
            )
        # urllib3's NewConnectionError subclasses ConnectTimeoutError: test refusals first.
        refused = isinstance(reason, ConnectionRefusedError) or (
            isinstance(reason, NewConnectionError)
            and isinstance(reason.__context__, ConnectionRefusedError)
        )
        if refused:
            return ConnectionFailed(
                f"The server at {where} refused the connection.",
                "Check that the server is running and the port is right.",
            )
        timed_out = isinstance(reason, ReadTimeoutError | TimeoutError) or (
            isinstance(reason, ConnectTimeoutError) and not isinstance(reason, NewConnectionError)
        )
        if timed_out:
            return ConnectionFailed(
                f"The server at {where} did not answer in time while trying to {action}.",
                "Check that the server is running and that no firewall blocks the port.",
            )
        if isinstance(reason, ProtocolError | ConnectionError):
            return ConnectionFailed(
                f"The connection to {where} broke while trying to {action}.",
                "Check your network and try again.",
            )
        cause = reason.__context__ if isinstance(reason, NewConnectionError) else reason
        return ConnectionFailed(
            f"Could not {action} on {where}: {self._clean(str(cause or reason))[:200]}.",
            "Check the endpoint and your network connection.",
        )


    # -- transfers -----------------------------------------------------------------------
    # The SDK's public API has no part-level calls, so these wrap its internal multipart
    # methods (present and stable in 7.2.x; keyword arguments as everywhere). Failures worth
    # retrying leave as `TransientError` (with Retry-After when the server sent one).
    def put_bytes(
        self, bucket: str, key: str, data: bytes, content_type: str, metadata: dict[str, str]
    ) -> str:
        # The internal single PUT sends `data` as is (put_object would copy it twice).
        _check_key(key)
        headers: dict[str, str | list[str] | tuple[str]] = {"Content-Type": content_type}
        for name, value in metadata.items():
            headers[f"x-amz-meta-{name}"] = value
        with self._transfer_errors(f"upload “{key}”", bucket, key):
            result = self._client._put_object(
                bucket_name=bucket, object_name=key, data=data, headers=headers
            )
        return (result.etag or "").strip('"')

    def create_multipart(
        self, bucket: str, key: str, content_type: str, metadata: dict[str, str]
    ) -> str:
        _check_key(key)
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
        return ObjectBody(
            etag=(response.headers.get("etag") or "").strip('"'),
            total_size=total,
            content_length=content_length,
            body=_Body(response, self, key),
            metadata=metadata,
        )

    def iter_objects(self, bucket: str, prefix: str) -> Iterator[RemoteObject]:
        with self._transfer_errors(f"list “{bucket}/{prefix}”", bucket):
            for item in self._client.list_objects(
                bucket_name=bucket, prefix=prefix or None, recursive=True
            ):
                yield RemoteObject(
                    key=item.object_name or "", size=item.size or 0,
                    etag=(item.etag or "").strip('"'),
                )

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
                    if status >= 500 or code in _TRANSIENT_CODES:
                        raise TransientError(
                            f"The server could not {action} right now ({code or status}).",
                            "It will be retried; if it keeps failing, try again later.",
                            retry_after=_retry_after(exc.response),
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
                            "It will be retried; if it keeps failing, try again later.",
                        ) from None
                    raise
        except ConnectionFailed as exc:
            raise TransientError(exc.message, exc.hint) from None


def _check_key(key: str) -> None:
    """The SDK's public calls refuse these; its internal ones (used here) do not."""
    if not key or any(part in (".", "..") for part in key.split("/")):
        raise ConfigError(
            f"Cannot upload to “{key}”: object names with “.” or “..” segments are not "
            "supported.", "Choose another name or folder.",
        )


_TRANSIENT_CODES = frozenset(
    {"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout", "Throttling"}
)


def _retry_after(response: Any) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), if any."""
    value = (getattr(response, "headers", None) or {}).get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _Body:
    """A GET body whose network failures leave as `TransientError` (a retry restarts it)."""

    def __init__(self, response: Any, owner: MinioStorage, key: str) -> None:
        self._response = response
        self._owner = owner
        self._key = key

    def read(self, size: int) -> bytes:
        try:
            return bytes(self._response.read(size))
        except (HTTPError, OSError) as exc:
            raise TransientError(
                f"The connection broke while downloading “{self._key}” ({type(exc).__name__}).",
                "It will be retried; check your network if it keeps failing.",
            ) from None

    def close(self) -> None:
        try:
            self._response.close()
            self._response.release_conn()
        except (HTTPError, OSError):
            pass
