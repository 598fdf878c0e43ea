"""Upload links: a presigned PUT whose Content-Type is part of the signature, and the form
fields of a POST policy.

The SDK's `presigned_put_object` signs the host header only, so anyone holding the link could
upload any content type. Here `content-type` is listed in `X-Amz-SignedHeaders`: a PUT sent
with another type (or none) does not match the signature and the server refuses it. The
signing follows AWS Signature Version 4 for query strings; the URL itself (path or virtual
style, region) comes from the SDK so both kinds of link address the bucket the same way.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from urllib.parse import SplitResult, quote

from desktop_app.storage.s3.signing_key import signing_key

_ALGORITHM = "AWS4-HMAC-SHA256"


def _quote(value: str) -> str:
    return quote(value, safe="-_.~")


def presign_put_url(
    url: SplitResult,
    *,
    region: str,
    access_key: str,
    secret_key: str,
    session_token: str | None,
    content_type: str,
    issued_at: datetime,
    expires: timedelta,
) -> str:
    """A SigV4 query-signed PUT of `url` that the server accepts only with exactly this
    `Content-Type` header, from `issued_at` for `expires`."""
    when = issued_at.astimezone(UTC)
    stamp, day = when.strftime("%Y%m%dT%H%M%SZ"), when.strftime("%Y%m%d")
    scope = f"{day}/{region}/s3/aws4_request"
    query = {
        "X-Amz-Algorithm": _ALGORITHM,
        "X-Amz-Credential": f"{access_key}/{scope}",
        "X-Amz-Date": stamp,
        "X-Amz-Expires": str(int(expires.total_seconds())),
        "X-Amz-SignedHeaders": "content-type;host",
    }
    if session_token:
        query["X-Amz-Security-Token"] = session_token
    canonical_query = "&".join(
        f"{_quote(name)}={_quote(value)}" for name, value in sorted(query.items()))
    host = url.netloc
    if (url.scheme == "http" and host.endswith(":80")) or (
            url.scheme == "https" and host.endswith(":443")):
        host = host.rsplit(":", 1)[0]
    canonical = "\n".join((
        "PUT",
        url.path or "/",
        canonical_query,
        f"content-type:{content_type.strip()}\nhost:{host}\n",
        "content-type;host",
        "UNSIGNED-PAYLOAD",
    ))
    to_sign = "\n".join((
        _ALGORITHM, stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()))
    signature = hmac.new(signing_key(secret_key, day, region), to_sign.encode(),
                         hashlib.sha256).hexdigest()
    return f"{url.scheme}://{url.netloc}{url.path}?{canonical_query}&X-Amz-Signature={signature}"
