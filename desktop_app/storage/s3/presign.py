"""Presigned links: media previews, shared download links, and the small-file lane's GETs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import SplitResult, urlunsplit

from minio.datatypes import PostPolicy
from minio.helpers import quote

from desktop_app.core.checksums import CHECKSUM_MODE
from desktop_app.core.errors import ConfigError
from desktop_app.core.share_links import PostForm, PostLimits
from desktop_app.storage.object_fetch import ObjectFetcher
from desktop_app.storage.s3.errors import S3Errors
from desktop_app.storage.s3.signing_key import presign_get
from desktop_app.storage.s3.upload_signing import presign_put_url

MAX_PRESIGN_EXPIRY = timedelta(days=7)
_FETCH_EXPIRY = timedelta(minutes=15)
_MAX_BASES = 64  # buckets (and queries) whose URL the lane keeps built
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
        """Small whole-object GETs for an asyncio loop, presigned here (see object_fetch)."""
        return ObjectFetcher(self._settings, self._presign_fetch, connections)

    def _presign_fetch(self, bucket: str, key: str) -> str:
        """A GET link asking for the stored checksums too: `x-amz-checksum-mode` rides in the
        signed query (an unsigned x-amz-* header would break a presigned signature), so
        the answer's own headers carry the CRC the lane checks the body against."""
        keys = getattr(self, "encryption", None)
        if keys is not None and keys.key_for(bucket) is not None:
            # A link cannot carry a customer key: the lane hands this file to the threaded
            # path (which sends it) without a request bound to fail.
            raise ConfigError(f"A link to “{key}” cannot carry its customer key.")
        # Left out once the server refused it (see Objects.open_object).
        query: dict[str, str | list[str] | tuple[str]] = (
            {} if getattr(self, "_no_checksum_mode", False) else dict(CHECKSUM_MODE))
        with self._errors(f"create a link to “{key}”", bucket=bucket, key=key):
            client = self._client
            creds = client._provider.retrieve() if client._provider else None
            if creds is None:  # anonymous: the SDK leaves the URL unsigned
                return client.presigned_get_object(
                    bucket_name=bucket, object_name=key, expires=_FETCH_EXPIRY,
                    extra_query_params=query or None)
            # Signed here with the day's cached key: the SDK's own presigning costs about
            # 0.1 ms of CPU per URL, once per small file (see signing_key).
            if creds.session_token:
                query["X-Amz-Security-Token"] = creds.session_token
            region = client._get_region(bucket)
            return urlunsplit(presign_get(
                self._fetch_url(bucket, key, region, query), region=region,
                access_key=creds.access_key, secret_key=creds.secret_key,
                issued_at=datetime.now(UTC), expires_s=int(_FETCH_EXPIRY.total_seconds())))

    def _fetch_url(self, bucket: str, key: str, region: str,
                   query: dict[str, str | list[str] | tuple[str]]) -> SplitResult:
        """The SDK's URL of `key` (path- or virtual-style, the key encoded as the SDK
        encodes it), from the bucket's URL built once by the SDK: its build cost the lane a
        fifth of each link's time."""
        marker = (bucket, region, repr(sorted(query.items())))
        bases: dict[tuple[str, str, str], SplitResult] = self.__dict__.setdefault(
            "_fetch_bases", {})
        base = bases.get(marker)
        if base is None:  # the object name "_" ends the path; the key's takes its place
            base = self._client._base_url.build(method="GET", region=region,
                                                bucket_name=bucket, object_name="_",
                                                query_params=query)
            if len(bases) >= _MAX_BASES:  # a rotating session token: a new query each time
                bases.clear()
            bases[marker] = base
        return base._replace(path=base.path[:-1] + quote(key))


def _check_expiry(expires: timedelta) -> None:
    if expires <= timedelta(0) or expires > MAX_PRESIGN_EXPIRY:
        raise ConfigError(
            "A presigned link can be valid for at most 7 days (the S3 signature limit).",
            "Choose an expiry between 1 second and 7 days.",
        )
