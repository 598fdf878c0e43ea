"""The small-upload lane's PUTs, signed here with the day's cached key (see `signing_key`).

Each request carries what the threaded path's `put_bytes` sends, headers and all: the
Content-Type, the user metadata, the CRC64NVME the server checks the body against with
`x-amz-content-sha256: UNSIGNED-PAYLOAD` (see `checksummed`), `If-None-Match: *` when asked,
and the bucket's encryption headers (a customer key only over https: `sse_write_headers`
refuses it otherwise, and the lane hands the file to the threaded path, which says why).
Every one of them is signed, as the SDK signs its own requests.
"""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.core.errors import ConfigError
from desktop_app.storage.object_put import ObjectPutter, PutRequest
from desktop_app.storage.s3.checksummed import UNSIGNED_PAYLOAD
from desktop_app.storage.s3.objects import check_upload_key, upload_headers
from desktop_app.storage.s3.signing_key import sign_headers
from desktop_app.storage.s3.sse import SseRequests


class SmallPuts(SseRequests):
    def object_putter(self, connections: int) -> ObjectPutter:
        """Small whole-object PUTs for an asyncio loop, signed here (see object_put)."""
        return ObjectPutter(self._settings, self.sign_put, connections)

    def checksums_known_kept(self) -> bool | None:
        """The `keeps_checksums` answer if it was asked already, without asking (None)."""
        known: bool | None = getattr(self, "_keeps_checksums", None)
        return known

    def sign_put(self, request: PutRequest, now: datetime | None = None
                 ) -> tuple[str, dict[str, str]]:
        """The URL and signed headers of `request` (`now`: the signing time)."""
        bucket, key = request.bucket, request.key
        check_upload_key(key)
        headers = {name: str(value) for name, value in upload_headers(
            request.content_type, request.metadata, request.checksum).items()}
        headers.update({name: str(value)
                        for name, value in self.sse_write_headers(bucket).items()})
        if request.if_absent:
            headers["If-None-Match"] = "*"
        with self._errors(f"upload “{key}”", bucket=bucket, key=key):
            client = self._client
            creds = client._provider.retrieve() if client._provider else None
            if creds is None:  # anonymous: the threaded path sends it unsigned
                raise ConfigError(f"“{key}” is uploaded without credentials.")
            region = client._get_region(bucket)
            url = client._base_url.build(method="PUT", region=region, bucket_name=bucket,
                                         object_name=key)
        when = now or datetime.now(UTC)
        headers["Host"] = url.netloc
        headers["Content-Length"] = str(request.length)
        if creds.session_token:
            headers["X-Amz-Security-Token"] = creds.session_token
        headers["x-amz-date"] = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        headers["Authorization"] = sign_headers(
            "PUT", url, headers, region=region, access_key=creds.access_key,
            secret_key=creds.secret_key, content_sha256=UNSIGNED_PAYLOAD, issued_at=when)
        return url.geturl(), headers
