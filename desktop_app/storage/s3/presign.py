"""Presigned links (media previews, shared download links) and the small-file lane's GETs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import SplitResult

from minio.datatypes import PostPolicy
from minio.helpers import quote

from desktop_app.core.checksums import CHECKSUM_MODE
from desktop_app.core.errors import ConfigError
from desktop_app.core.share_links import PostForm, PostLimits
from desktop_app.storage.object_fetch import ObjectFetcher
from desktop_app.storage.s3.errors import S3Errors
from desktop_app.storage.s3.signing_key import sign_get
from desktop_app.storage.s3.upload_signing import presign_put_url

MAX_PRESIGN_EXPIRY = timedelta(days=7)
_MAX_BASES = 64  # buckets whose URL the lane keeps built
_LARGEST_OBJECT = 5 << 40  # S3's 5 TiB: "at least N bytes" with no upper bound


class Presign(S3Errors):
    def presign_get(self, bucket: str, key: str, expires: timedelta) -> str:
        _check_expiry(expires)
        with self._errors(f"create a link to “{key}”", bucket=bucket, key=key):
            return self._client.presigned_get_object(
                bucket_name=bucket, object_name=key, expires=expires
            )

    def presign_download(
        self,
        bucket: str,
        key: str,
        expires: timedelta,
        issued_at: datetime,
        content_disposition: str | None = None,
    ) -> str:
        _check_expiry(expires)
        response_headers: dict[str, str | list[str] | tuple[str]] | None = None
        if content_disposition:
            response_headers = {"response-content-disposition": content_disposition}
        with self._errors(f"create a link to “{key}”", bucket=bucket, key=key):
            return self._client.presigned_get_object(
                bucket_name=bucket, object_name=key, expires=expires,
                response_headers=response_headers, request_date=issued_at,
            )

    def presign_upload(
        self, bucket: str, key: str, content_type: str, expires: timedelta,
        issued_at: datetime,
    ) -> str:
        """A PUT link for exactly `key`, accepted only with this Content-Type header."""
        _check_expiry(expires)
        settings = self._settings
        with self._errors(f"create an upload link to “{key}”", bucket=bucket, key=key):
            region = self._client._get_region(bucket)
            url = self._client._base_url.build(
                method="PUT", region=region, bucket_name=bucket, object_name=key)
            return presign_put_url(
                url, region=region, access_key=settings.access_key,
                secret_key=settings.secret_key, session_token=settings.session_token,
                content_type=content_type, issued_at=issued_at, expires=expires)

    def presign_post(self, bucket: str, limits: PostLimits, valid_until: datetime) -> PostForm:
        """The URL and signed form fields of an HTML-form (POST policy) upload into
        `bucket` within `limits`, usable until `valid_until`."""
        _check_expiry(valid_until - datetime.now(valid_until.tzinfo))
        policy = PostPolicy(bucket, valid_until)
        policy.add_starts_with_condition("key", limits.key_prefix)
        if limits.max_size is not None or limits.min_size > 0:
            policy.add_content_length_range_condition(
                limits.min_size, _LARGEST_OBJECT if limits.max_size is None else limits.max_size)
        policy.add_starts_with_condition("Content-Type", limits.content_type_prefix)
        with self._errors("create an upload form", bucket=bucket):
            fields = self._client.presigned_post_policy(policy)
            region = self._client._get_region(bucket)
            url = self._client._base_url.build(method="POST", region=region, bucket_name=bucket)
        return PostForm(url.geturl(), tuple(fields.items()))

    def object_fetcher(self, connections: int) -> ObjectFetcher:
        """Small whole-object GETs for an asyncio loop, signed here (see object_fetch)."""
        return ObjectFetcher(self._settings, self._sign_fetch, connections)

    def _sign_fetch(self, bucket: str, key: str, now: datetime | None = None
                    ) -> tuple[str, dict[str, str]]:
        """The URL and headers of a header-signed GET asking for the stored checksums too
        (`x-amz-checksum-mode`, signed with the rest), so the answer's own headers carry
        the CRC the lane checks the body against.

        Signed in headers, as the SDK and s5cmd sign: a query-signed link cost SeaweedFS
        about a tenth of a millisecond more per GET in its server profile, parsing and
        unescaping the long query again at each step of its routing and checking."""
        keys = getattr(self, "encryption", None)
        if keys is not None and keys.key_for(bucket) is not None:
            # The lane does not send customer keys: it hands this file to the threaded path
            # (which sends it) without a request bound to fail.
            raise ConfigError(f"The lane does not carry the customer key of “{key}”.")
        # Left out once the server refused it (see Objects.open_object).
        headers = {} if getattr(self, "_no_checksum_mode", False) else dict(CHECKSUM_MODE)
        with self._errors(f"read “{key}”", bucket=bucket, key=key):
            client = self._client
            creds = client._provider.retrieve() if client._provider else None
            region = client._get_region(bucket)
            url = self._fetch_url(bucket, key, region)
        if creds is None:  # anonymous: sent unsigned, as the SDK sends it
            return url.geturl(), headers
        return url.geturl(), sign_get(
            url, tuple(headers.items()), region=region, access_key=creds.access_key,
            secret_key=creds.secret_key, session_token=creds.session_token,
            issued_at=now or datetime.now(UTC))

    def _fetch_url(self, bucket: str, key: str, region: str) -> SplitResult:
        """The SDK's URL of `key` (path- or virtual-style, the key encoded as the SDK
        encodes it), from the bucket's URL built once by the SDK: its build cost the lane a
        fifth of each request's signing time."""
        bases: dict[tuple[str, str], SplitResult] = self.__dict__.setdefault("_fetch_bases", {})
        base = bases.get((bucket, region))
        if base is None:  # the object name "_" ends the path; the key's takes its place
            base = self._client._base_url.build(method="GET", region=region,
                                                bucket_name=bucket, object_name="_")
            if len(bases) >= _MAX_BASES:
                bases.clear()
            bases[bucket, region] = base
        return base._replace(path=base.path[:-1] + quote(key))


def _check_expiry(expires: timedelta) -> None:
    if expires <= timedelta(0) or expires > MAX_PRESIGN_EXPIRY:
        raise ConfigError(
            "A presigned link can be valid for at most 7 days (the S3 signature limit).",
            "Choose an expiry between 1 second and 7 days.",
        )
