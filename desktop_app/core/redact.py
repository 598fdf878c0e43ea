"""Scrub secrets from text before it reaches a log line or an error message."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SIGNATURE_PARAMS = re.compile(
    r"(?i)([?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|"
    r"AWSAccessKeyId)=)[^&\s\"'<>]*"
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Replace each known secret and any presigned-URL signature in `text`."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return _SIGNATURE_PARAMS.sub(r"\1***", text)
