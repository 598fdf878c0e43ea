"""The connection doctor's signed request (`storage.doctor_s3` decides what it means)."""

from __future__ import annotations

import time

import urllib3
from minio import Minio
from minio.error import InvalidResponseError, S3Error
from minio.error import ServerError as MinioServerError

from desktop_app.storage.doctor_report import ProbeAnswer
from desktop_app.storage.s3.client import make_client, make_http_client
from desktop_app.storage.s3.errors import S3Errors


class Doctor(S3Errors):
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
        client = make_client(self._settings, http, virtual)
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
