"""The encryption headers each request carries, from the connection's `EncryptionKeys`.

What SeaweedFS 4.48 does over HTTPS (tests/test_sse.py checks it): PUT, multipart (the key on
Create and on every part, not on Complete), GET, ranged GET and HEAD take the SSE-C headers;
a copy needs the source's key in the copy-source headers and the target's in the plain ones
(a copy from key A to key B re-encrypts); an SSE-C object's ETag is the MD5 of its plaintext
there (AWS gives another value: `transfer_http.etag_md5` does not trust it either way).
SSE-S3 (`x-amz-server-side-encryption: AES256`) is accepted and reported on HEAD.

Over http no key is ever sent: a request that would need one is refused here with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from minio.sse import Sse, SseCustomerKey, SseS3

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import ConfigError
from desktop_app.core.logging_setup import remember_secrets
from desktop_app.core.sse import EncryptionKeys, Mode, https_problem, server_headers
from desktop_app.storage.s3.errors import S3Errors

Headers = dict[str, str | list[str] | tuple[str]]


class SseRequests(S3Errors):
    """Encryption headers for reads, writes and copies, per bucket."""

    def __init__(self, settings: ConnectionSettings, pool_size: int = 32,
                 encryption: EncryptionKeys | None = None) -> None:
        super().__init__(settings, pool_size)
        self._encryption = encryption if encryption is not None else EncryptionKeys()
        remember_secrets(self._encryption.all_secrets())

    @property
    def encryption(self) -> EncryptionKeys:
        """The settings in force; the UI changes them in place (`set`, `replace`)."""
        return self._encryption

    def set_encryption(self, keys: EncryptionKeys) -> None:
        """Take another connection's settings (the transfer process gets them this way)."""
        remember_secrets(keys.all_secrets())
        self._encryption.replace(keys.snapshot())

    def _had_key(self, bucket: str) -> bool:
        return bucket != "" and self._encryption.key_for(bucket) is not None

    def _check_https(self) -> None:
        problem = https_problem(self._settings.secure)
        if problem is not None:
            raise ConfigError(problem, "Connect over https, or remove the encryption key of "
                              "this connection or bucket.")

    def sse_read_headers(self, bucket: str) -> Headers:
        """GET, ranged GET and HEAD of an object in `bucket`."""
        key = self._encryption.key_for(bucket)
        if key is None:
            return {}
        self._check_https()
        return dict(key.headers())

    def sse_write_headers(self, bucket: str) -> Headers:
        """PUT, CreateMultipartUpload and UploadPart into `bucket`."""
        setting = self._encryption.for_bucket(bucket)
        if setting.mode is Mode.CUSTOMER and setting.key is not None:
            self._check_https()
            return dict(setting.key.headers())
        return dict(server_headers(setting.mode))

    def sse_part_headers(self, bucket: str) -> Headers:
        """UploadPart: the customer key again (SSE-S3 is said once, on Create)."""
        setting = self._encryption.for_bucket(bucket)
        if setting.mode is Mode.CUSTOMER and setting.key is not None:
            self._check_https()
            return dict(setting.key.headers())
        return {}

    def sse_copy_headers(self, src_bucket: str, dst_bucket: str) -> Headers:
        """A server-side copy: the source's key to read it, the target's mode to write."""
        headers: Headers = {}
        source = self._encryption.key_for(src_bucket)
        if source is not None:
            self._check_https()
            headers.update(source.copy_source_headers())
        headers.update(self.sse_write_headers(dst_bucket))
        return headers

    def _copy_encryption(self, src_bucket: str, dst_bucket: str) -> CopyEncryption:
        """The source's key and the target's mode, for `objects.server_copy`."""
        self.sse_copy_headers(src_bucket, dst_bucket)  # refuses a key over http
        return CopyEncryption(sdk_source_key(self._encryption, src_bucket),
                              self.sdk_target(dst_bucket))

    def sdk_target(self, bucket: str) -> Sse | None:
        """The SDK's `Sse` for writing into `bucket`. Its own types, because its multipart
        calls (put_object of a long stream, compose) send a customer key again with every
        part only when it is an `SseCustomerKey`."""
        self.sse_write_headers(bucket)  # refuses a key over http
        setting = self._encryption.for_bucket(bucket)
        if setting.mode is Mode.CUSTOMER and setting.key is not None:
            return SseCustomerKey(setting.key.raw)
        return SseS3() if setting.mode is Mode.SERVER else None


@dataclass(frozen=True)
class CopyEncryption:
    """How a copy reads its source (customer key) and writes its target (SDK `Sse`)."""

    source: SseCustomerKey | None = None
    target: Sse | None = None


def sdk_source_key(keys: EncryptionKeys, bucket: str) -> SseCustomerKey | None:
    """The source key of an SDK `CopySource`/`ComposeSource` (it sends the copy-source
    headers from it)."""
    key = keys.key_for(bucket)
    return SseCustomerKey(key.raw) if key is not None else None
