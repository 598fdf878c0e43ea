"""S3's rules for a bucket name, checked before the name is sent.

The server would refuse a bad name too, but with a terse code after a round trip; the New
bucket dialog checks while the user types and shows the one rule the name breaks, in a plain
sentence, so they can fix it before pressing OK. The rules are those of S3's general purpose
buckets, which MinIO and SeaweedFS follow (or are laxer than).
"""

from __future__ import annotations

import ipaddress
import string

MIN_LENGTH = 3
MAX_LENGTH = 63
ALLOWED = frozenset(string.ascii_lowercase + string.digits + ".-")
ENDS = frozenset(string.ascii_lowercase + string.digits)
RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3")


def _char_problem(name: str) -> str:
    for char in name:
        if char in ALLOWED:
            continue
        if char.isupper():
            return f"Use lowercase letters only: “{char}” is uppercase."
        if char.isspace():
            return "A bucket name cannot contain spaces."
        shown = char if char.isprintable() else f"U+{ord(char):04X}"
        return (f"“{shown}” is not allowed: use lowercase letters, digits, dots (.) and "
                "hyphens (-) only.")
    return ""


def _is_ip_address(name: str) -> bool:
    try:
        ipaddress.IPv4Address(name)
    except ValueError:
        return False
    return True


def bucket_name_problem(name: str) -> str:
    """The first S3 naming rule `name` breaks, as a sentence for the user; "" when valid."""
    if not name:
        return "Type a name for the bucket (3 to 63 characters)."
    problem = _char_problem(name)
    if problem:
        return problem
    if len(name) < MIN_LENGTH:
        return f"A bucket name needs at least {MIN_LENGTH} characters."
    if len(name) > MAX_LENGTH:
        return f"A bucket name can have at most {MAX_LENGTH} characters (this one has {len(name)})."
    if name[0] not in ENDS:
        return "A bucket name must start with a lowercase letter or a digit."
    if name[-1] not in ENDS:
        return "A bucket name must end with a lowercase letter or a digit."
    if ".." in name:
        return "A bucket name cannot have two dots in a row (..)."
    if _is_ip_address(name):
        return "A bucket name cannot look like an IP address (such as 192.168.5.4)."
    for prefix in RESERVED_PREFIXES:
        if name.startswith(prefix):
            return f"A bucket name cannot start with “{prefix}”: S3 reserves that prefix."
    for suffix in RESERVED_SUFFIXES:
        if name.endswith(suffix):
            return f"A bucket name cannot end with “{suffix}”: S3 reserves that suffix."
    return ""
