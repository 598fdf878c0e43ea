"""The SigV4 signing key, derived once per day instead of once per request.

AWS Signature Version 4 signs every request with a key made by four chained HMACs over the
secret key, the day (YYYYMMDD), the region and the service. The key depends on nothing else,
yet minio-py 7.2.20 derives it again for every request and every presigned URL: about a fifth
of the SDK's signing time, paid once per file when a thousand small files move. Here the
derivation is remembered per (secret, day, region, service), so a new day (or another region
or secret) derives a new key and a signature never uses a stale one.

`cached_signing_key` takes the SDK's place (`install`, called once when the first client is
built); `presign_get` signs the small-file lane's GETs with it directly, without the SDK's
per-URL overhead, producing the very URL the SDK would for the same inputs; `sign_headers` does
the same for the small-upload lane's PUTs (an Authorization header, as the SDK signs requests).
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


def presign_get(url: SplitResult, *, region: str, access_key: str, secret_key: str,
                issued_at: datetime, expires_s: int) -> SplitResult:
    """A query-signed GET of `url` (built by the SDK, its query already encoded and any
    session token in it), byte for byte what the SDK's `presign_v4` returns."""
    day, stamp, scope = _stamp(issued_at, region)
    query, canonical_query = _link_query(url.query, access_key, scope, stamp, expires_s)
    canonical = (f"GET\n{url.path or '/'}\n{canonical_query}\nhost:{url.netloc}\n\nhost\n"
                 "UNSIGNED-PAYLOAD")
    signature = _signature(canonical, secret_key, day, region, stamp, scope)
    return url._replace(query=f"{query}&X-Amz-Signature={signature}")


@lru_cache(maxsize=8)
def _link_query(query: str, access_key: str, scope: str, stamp: str, expires_s: int
                ) -> tuple[str, str]:
    """A link's query before its signature, and that query sorted as the signature takes
    it: the same for every link of a bucket signed within one second, so the lane's
    thousand links a second build and sort it once (a third of their signing time)."""
    full = (query + "&" if query else "") + (
        f"X-Amz-Algorithm={_ALGORITHM}&X-Amz-Credential={_quote(f'{access_key}/{scope}')}"
        f"&X-Amz-Date={stamp}&X-Amz-Expires={expires_s}&X-Amz-SignedHeaders=host")
    canonical = "&".join(
        "=".join(pair) for pair in sorted(part.split("=") for part in full.split("&")))
    return full, canonical


def sign_headers(method: str, url: SplitResult, headers: Mapping[str, str], *, region: str,
                 access_key: str, secret_key: str, content_sha256: str,
                 issued_at: datetime) -> str:
    """The Authorization header of a header-signed request: every header in `headers` but
    Authorization and User-Agent is signed (names in lower case, runs of spaces in values
    made one), as the SDK's `sign_v4_s3` does. `headers` must already hold Host and
    x-amz-date (of `issued_at`) and x-amz-content-sha256 (`content_sha256`)."""
    day, stamp, scope = _stamp(issued_at, region)
    lowered = sorted((name.lower(), _SPACES.sub(" ", value).strip())
                     for name, value in headers.items() if name.lower() not in _UNSIGNED)
    signed = ";".join(name for name, _value in lowered)
    canonical_query = "&".join(
        "=".join(pair) for pair in sorted(part.split("=") for part in url.query.split("&")))
    canonical = (f"{method}\n{url.path or '/'}\n{canonical_query}\n"
                 + "\n".join(f"{name}:{value}" for name, value in lowered)
                 + f"\n\n{signed}\n{content_sha256}")
    signature = _signature(canonical, secret_key, day, region, stamp, scope)
    return (f"{_ALGORITHM} Credential={access_key}/{scope}, SignedHeaders={signed}, "
            f"Signature={signature}")
