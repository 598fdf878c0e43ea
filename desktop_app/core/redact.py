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


# Credentials that appear in request text by name: an Authorization header (its Credential and
# Signature), the session-token header, an SSE-C customer key (and its copy-source twin), and
# key/secret/password fields in dicts, INI or JSON.
_NAMED_VALUES = re.compile(
    r"(?i)((?:authorization|x-amz-security-token|secret[_-]?(?:access[_-]?)?key|"
    r"x-amz-(?:copy-source-)?server-side-encryption-customer-key(?!-md5)|"
    r"session[_-]?token|password)['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n,}]+"
)
_SIGV4_PARTS = re.compile(r"(?i)((?:Credential|Signature)=)[^,&\s\"']+")


def redact_all(text: str, secrets: Iterable[str] = ()) -> str:
    """`redact` plus anything named like a credential (headers, key fields): for log files
    and crash reports, where text of any origin ends up."""
    text = redact(text, secrets)
    text = _SIGV4_PARTS.sub(r"\1***", text)
    return _NAMED_VALUES.sub(r"\1***", text)
