"""The SigV4 signing key, derived once per day instead of once per request.

AWS Signature Version 4 signs every request with a key made by four chained HMACs over the
secret key, the day (YYYYMMDD), the region and the service. The key depends on nothing else,
yet minio-py 7.2.20 derives it again for every request and every presigned URL: about a fifth
of the SDK's signing time, paid once per file when a thousand small files move. Here the
derivation is remembered per (secret, day, region, service), so a new day (or another region
or secret) derives a new key and a signature never uses a stale one.

`cached_signing_key` takes the SDK's place (`install`, called once when the first client is
built); `sign_headers` (PUTs) and `sign_get` sign the small-file lanes' requests with it
directly, without the SDK's per-request overhead: the headers the SDK would send for the same
inputs.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import SplitResult, quote

from minio import signer

_ALGORITHM = "AWS4-HMAC-SHA256"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # of no body
_SPACES = re.compile(" +")
_UNSIGNED = ("authorization", "user-agent")  # left out of the signature, as the SDK does
_SDK_SIGNING_KEY: Callable[[str, datetime, str, str], bytes] = signer._get_signing_key


@lru_cache(maxsize=16)
def _derive(secret_key: str, day: str, region: str, service: str) -> bytes:
    key = hmac.new(("AWS4" + secret_key).encode(), day.encode(), hashlib.sha256).digest()
    for part in (region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def signing_key(secret_key: str, day: str, region: str) -> bytes:
    """The S3 signing key of `day` (YYYYMMDD), derived once a day: for signing of our own."""
    return _derive(secret_key, day, region, "s3")


def cached_signing_key(secret_key: str, date: datetime, region: str, service_name: str) -> bytes:
    """The SDK's `_get_signing_key`, remembered per day (of UTC, as the SDK counts days)."""
    return _derive(secret_key, _day(date), region, service_name)


def _day(date: datetime) -> str:
    """YYYYMMDD of `date` in UTC (a naive datetime is taken as UTC already)."""
    if date.tzinfo is not None:
        date = date.astimezone(UTC)
    return f"{date.year:04d}{date.month:02d}{date.day:02d}"


def install() -> None:
    """Let every SDK signature (requests and presigned URLs) use the cached key."""
    signer._get_signing_key = cached_signing_key


def _quote(value: str) -> str:
    return quote(value, safe="-_.~")


def _stamp(issued_at: datetime, region: str) -> tuple[str, str, str]:
    """The day (YYYYMMDD), the X-Amz-Date stamp and the credential scope of a signature."""
    when = issued_at.astimezone(UTC)
    day = _day(when)
    return (day, f"{day}T{when.hour:02d}{when.minute:02d}{when.second:02d}Z",
            f"{day}/{region}/s3/aws4_request")


def _signature(canonical: str, secret_key: str, day: str, region: str, stamp: str,
               scope: str) -> str:
    """The SigV4 signature of a canonical request, with the day's cached key."""
    to_sign = f"{_ALGORITHM}\n{stamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
    return hmac.digest(_derive(secret_key, day, region, "s3"), to_sign.encode(), "sha256").hex()


def _canonical_headers(headers: Mapping[str, str]) -> tuple[str, str]:
    """The canonical headers of a signature and the names it signs: every header but
    Authorization and User-Agent, names in lower case, runs of spaces in values made one."""
    lowered = sorted((name.lower(), _SPACES.sub(" ", value).strip())
                     for name, value in headers.items() if name.lower() not in _UNSIGNED)
    return ("\n".join(f"{name}:{value}" for name, value in lowered),
            ";".join(name for name, _value in lowered))


def sign_headers(method: str, url: SplitResult, headers: Mapping[str, str], *, region: str,
                 access_key: str, secret_key: str, content_sha256: str,
                 issued_at: datetime) -> str:
    """The Authorization header of a header-signed request: every header in `headers` but
    Authorization and User-Agent is signed (names in lower case, runs of spaces in values
    made one), as the SDK's `sign_v4_s3` does. `headers` must already hold Host and
    x-amz-date (of `issued_at`) and x-amz-content-sha256 (`content_sha256`)."""
    day, stamp, scope = _stamp(issued_at, region)
    block, signed = _canonical_headers(headers)
    canonical_query = "&".join(
        "=".join(pair) for pair in sorted(part.split("=") for part in url.query.split("&")))
    canonical = (f"{method}\n{url.path or '/'}\n{canonical_query}\n{block}"
                 f"\n\n{signed}\n{content_sha256}")
    signature = _signature(canonical, secret_key, day, region, stamp, scope)
    return (f"{_ALGORITHM} Credential={access_key}/{scope}, SignedHeaders={signed}, "
            f"Signature={signature}")


def sign_get(url: SplitResult, extra: tuple[tuple[str, str], ...], *, region: str,
             access_key: str, secret_key: str, session_token: str | None,
             issued_at: datetime) -> dict[str, str]:
    """The headers of a header-signed GET of `url` (no query) carrying the `extra` headers:
    what `sign_headers` signs for the same headers, the parts every GET of one second shares
    built once (the lane signs a thousand GETs a second; only the path differs)."""
    day, stamp, scope = _stamp(issued_at, region)
    headers, block, prefix = _get_template(url.netloc, extra, session_token, stamp,
                                           access_key, scope)
    signature = _signature(f"GET\n{url.path or '/'}\n\n{block}", secret_key, day, region,
                           stamp, scope)
    return {**headers, "Authorization": prefix + signature}


@lru_cache(maxsize=8)
def _get_template(netloc: str, extra: tuple[tuple[str, str], ...], session_token: str | None,
                  stamp: str, access_key: str, scope: str
                  ) -> tuple[dict[str, str], str, str]:
    """A GET's headers before its signature, its canonical headers (and what follows them in
    the canonical request), and its Authorization header up to the signature."""
    headers = {**dict(extra), "Host": netloc}
    if session_token:
        headers["X-Amz-Security-Token"] = session_token
    headers["x-amz-content-sha256"] = EMPTY_SHA256
    headers["x-amz-date"] = stamp
    canonical, signed = _canonical_headers(headers)
    block = f"{canonical}\n\n{signed}\n{EMPTY_SHA256}"
    prefix = f"{_ALGORITHM} Credential={access_key}/{scope}, SignedHeaders={signed}, Signature="
    return headers, block, prefix

