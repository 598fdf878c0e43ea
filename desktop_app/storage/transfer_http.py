"""HTTP details both stacks share (the SDK's urllib3 in `storage.s3`, lean_http in the
small-file lanes and the doctor's sockets): the CA file they trust, whether the server's port
answers at all (the end of an outage), and when an ETag is the MD5 of the bytes."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping

import certifi

from desktop_app.core.connection import ConnectionSettings


def ca_file(settings: ConnectionSettings) -> str:
    """The certificates a checked connection trusts: the profile's bundle, SSL_CERT_FILE,
    or certifi's (urllib3 for the SDK and lean_http for the small-file lanes use the same)."""
    return settings.ca_bundle or os.environ.get("SSL_CERT_FILE") or certifi.where()


def port_answers(settings: ConnectionSettings, timeout: float = 2.0) -> bool:
    """Whether the server's port accepts a TCP connection: the cheapest sign that an outage
    is over (no request is sent, so nothing is signed and nothing is logged there)."""
    try:
        with socket.create_connection((settings.host, settings.port), timeout=timeout):
            return True
    except OSError:
        return False


_MD5_ETAG = re.compile(r"[0-9a-fA-F]{32}")
_SSE = "x-amz-server-side-encryption"


def etag_md5(etag: str, headers: Mapping[str, str]) -> str:
    """The MD5 of the object's bytes as its ETag gives it (lower case), or "".

    Only a single-part object's ETag is its MD5 (a multipart one ends in `-N`), and only when
    it is stored in plain or with SSE-S3 (`x-amz-server-side-encryption: AES256`): with SSE-C
    or SSE-KMS the ETag is not the MD5 of the plaintext. `headers` is the GET or HEAD answer's
    header mapping (any case)."""
    etag = etag.strip().strip('"')
    if not _MD5_ETAG.fullmatch(etag):
        return ""
    for name, value in headers.items():
        key = name.lower()
        if key.startswith(_SSE) and (key != _SSE or value.strip().upper() != "AES256"):
            return ""
    return etag.lower()
