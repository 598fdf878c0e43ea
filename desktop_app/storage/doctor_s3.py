"""The S3-level checks of the connection doctor: server software, clock, keys, region and
bucket addressing, read from HTTP headers and from the error codes of signed requests.

S3 servers say precisely what is wrong (InvalidAccessKeyId vs SignatureDoesNotMatch,
RequestTimeTooSkewed, "expecting 'eu-west-1'"); the app's normal error mapping folds these
into "sign-in failed", so the doctor reads the raw answer instead.
"""

from __future__ import annotations

import re
import time
from datetime import datetime
from email.utils import parsedate_to_datetime

from desktop_app.core.connection import effective_addressing, is_ip_address
from desktop_app.core.errors import AppError
from desktop_app.storage.doctor_net import resolve
from desktop_app.storage.doctor_report import ProbeAnswer, Recorder, Status
from desktop_app.storage.s3 import MinioStorage

MAX_SKEW_S = 15 * 60  # S3 rejects signatures further off than this
_QUIET_SKEW_S = 60
_EXPECTING = re.compile(r"expecting\s+'([A-Za-z0-9-]+)'")
_REGION_TAG = re.compile(r"<Region>\s*([A-Za-z0-9-]+)\s*</Region>")
_SERVER_TIME_TAG = re.compile(r"<ServerTime>\s*([0-9T:.Z+-]+)\s*</ServerTime>")
_REGION_CODES = {
    "AuthorizationHeaderMalformed", "InvalidRegion", "PermanentRedirect",
    "IllegalLocationConstraintException", "AuthorizationQueryParametersError",
}
_TOKEN_CODES = {"ExpiredToken", "InvalidToken", "TokenRefreshRequired"}
_KNOWN_SERVERS = (
    ("seaweedfs", "SeaweedFS"), ("minio", "MinIO"), ("amazons3", "Amazon S3"),
    ("ceph", "Ceph Object Gateway"), ("garage", "Garage"), ("cloudflare", "Cloudflare"),
    ("backblaze", "Backblaze B2"), ("wasabi", "Wasabi"), ("storj", "Storj"),
)


# -- server and clock ------------------------------------------------------------------
def server_check(d: Recorder, headers: dict[str, str]) -> None:
    raw = headers.get("server", "").strip()
    if not raw:
        d.add("server", Status.SKIPPED,
              "The server does not say which software it runs (no Server header).")
        return
    d.add("server", Status.OK, f"The server says it is {describe_server(raw)}.")


def describe_server(raw: str) -> str:
    """"SeaweedFS 8000GB 4.48" -> "SeaweedFS 4.48 (Server: …)"; unknown values verbatim."""
    lowered = raw.lower().replace(" ", "")
    for needle, product in _KNOWN_SERVERS:
        if needle in lowered:
            versions = re.findall(r"\b(?:RELEASE\.[\w:.-]+|v?\d+(?:\.\d+)+)\b", raw)
            version = f" {versions[-1]}" if versions else ""
            return f"{product}{version} (Server: {raw[:80]})"
    return f"“{raw[:80]}”"


def server_time(headers: dict[str, str], body: str = "") -> datetime | None:
    """The server's clock from its Date header, or from <ServerTime> in an error body."""
    date = headers.get("date")
    if date:
        try:
            return parsedate_to_datetime(date)
        except (TypeError, ValueError):
            pass
    match = _SERVER_TIME_TAG.search(body)
    if match:
        try:
            return datetime.fromisoformat(match.group(1).replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def describe_offset(seconds: float) -> str:
    rounded = round(abs(seconds))
    if rounded >= 3600:  # seconds are noise at this size
        rounded = round(rounded / 60) * 60
    hours, rest = divmod(rounded, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    if minutes or hours:
        parts.append(f"{minutes} min")
    if not hours:
        parts.append(f"{secs} s")
    direction = "behind" if seconds > 0 else "ahead of"
    return f"This computer's clock is {' '.join(parts)} {direction} the server's"


def clock_check(
    d: Recorder, headers: dict[str, str], local_time: float, body: str = "",
    rejected: bool = False,
) -> None:
    """`local_time` is this computer's time (epoch s) when the server stamped its answer."""
    theirs = server_time(headers, body)
    fix = ("Set this computer's date, time and time zone correctly, ideally with automatic "
           "network time. If this computer is right, the server's clock is wrong: tell its "
           "administrator.")
    if theirs is None:
        if rejected:
            d.add("clock", Status.FAIL, "The server refused the request because the clocks "
                  "differ too much, but it did not say what time it has.", fix)
        else:
            d.add("clock", Status.SKIPPED, "The server did not send its time (no Date header).")
        return
    # The Date header drops the fraction of its second: on average it is half a second late.
    offset = theirs.timestamp() + 0.5 - local_time
    if abs(offset) < 2:
        offset = 0.0  # the Date header only has whole seconds
    text = describe_offset(offset)
    if rejected or abs(offset) >= MAX_SKEW_S:
        verdict = ("The server refused the signed request because of it (RequestTimeTooSkewed)"
                   if rejected else "Signed requests will be refused")
        d.add("clock", Status.FAIL, f"{text}. {verdict}: S3 allows at most 15 minutes.", fix)
    elif abs(offset) >= _QUIET_SKEW_S:
        d.add("clock", Status.WARN, f"{text}. That still works (S3 allows 15 minutes), but "
              "it is drifting.", "Turn on automatic network time on this computer.")
    elif offset == 0:
        d.add("clock", Status.OK, "This computer's clock agrees with the server's (within "
              "2 s; S3 allows 15 minutes).")
    else:
        d.add("clock", Status.OK, f"{text} (S3 allows 15 minutes).")


# -- sign-in and region ----------------------------------------------------------------
def suggested_region(answer: ProbeAnswer) -> str | None:
    header = answer.headers.get("x-amz-bucket-region")
    if header:
        return header
    for pattern in (_REGION_TAG, _EXPECTING):
        match = pattern.search(answer.body) or pattern.search(answer.message)
        if match:
            return match.group(1)
    return None


def interpret_sign_in(d: Recorder, answer: ProbeAnswer) -> bool:
    """Record the credentials and region checks; True when signed requests work."""
    s = d.settings
    key = s.access_key
    if answer.ok:
        count = len(answer.bucket_names)
        d.add("credentials", Status.OK, f"Signed in with access key “{key}”; {count} "
              f"bucket{'s' if count != 1 else ''} visible.")
        d.add("region", Status.OK, f"The server accepts the region “{s.region}”." if s.region
              else "No region is set; the server accepts the default (us-east-1).")
        clock = d.get("clock")
        if clock is not None and clock.status == Status.FAIL:
            # Far off, yet signed requests pass: this server does not enforce the limit.
            d.add("clock", Status.WARN, clock.message.replace(
                "Signed requests will be refused", "This server accepts it anyway, others will "
                "not"), clock.fix)
        return True
    code = answer.code
    if code == "InvalidAccessKeyId":
        d.add("credentials", Status.FAIL, f"The server does not know the access key “{key}”.",
              "Check the access key: copy it again from the server's console or from your "
              "administrator.")
    elif code == "SignatureDoesNotMatch":
        d.add("credentials", Status.FAIL, f"The server knows the access key “{key}”, but the "
              "secret key does not match it.",
              "Enter the secret key again (watch for spaces copied along with it). If it is "
              "right, a proxy between you and the server may be changing the requests.")
    elif code == "RequestTimeTooSkewed":
        clock_check(d, answer.headers, _now(), answer.body, rejected=True)
        d.add("credentials", Status.SKIPPED,
              "Not checked: the server refused the request because of the clock difference.")
    elif code in _TOKEN_CODES:
        d.add("credentials", Status.FAIL, f"The session token was refused ({code}); temporary "
              "credentials have probably expired.",
              "Get fresh temporary credentials (access key, secret key and session token).")
    elif code in _REGION_CODES or (code in ("BadRequest", "Redirect") and suggested_region(answer)):
        _region_mismatch(d, answer)
        d.add("credentials", Status.SKIPPED, "Not checked: the region must be right first.")
    elif code in ("AccessDenied", "AllAccessDisabled"):
        d.add("credentials", Status.WARN, f"The keys were accepted, but access key “{key}” may "
              "not list the buckets.",
              "That is fine if you only use certain buckets: set the bucket to open in the "
              "connection settings.")
        d.add("region", Status.OK, "The server accepted the signature's region.")
        return True
    elif code == "InvalidResponse":
        d.add("credentials", Status.FAIL, "The answer to a signed request was not S3 XML "
              f"({answer.message[:160]}).", "Check that the endpoint is the S3 API port.")
    else:
        detail = f"{code or 'no code'} {answer.message[:160]}".strip()
        d.add("credentials", Status.FAIL, f"The server refused the signed request: {detail}.",
              "Check the keys and the server's logs.")
    return False


def _region_mismatch(d: Recorder, answer: ProbeAnswer) -> None:
    used = d.settings.region or "us-east-1 (the default)"
    right = suggested_region(answer)
    if right:
        d.add("region", Status.FAIL, f"The server is in region “{right}”, but this connection "
              f"signs for “{used}”.", f"Set the region to “{right}”.")
    else:
        d.add("region", Status.FAIL, f"The server says the region “{used}” is wrong "
              f"({answer.code}) but does not say which one is right.",
              "Ask the administrator which region the server uses and enter it.")


def _now() -> float:
    return time.time()


# -- addressing ------------------------------------------------------------------------
def addressing_check(d: Recorder, bucket_names: tuple[str, ...]) -> None:
    s = d.settings
    style = effective_addressing(s)
    how = "chosen in the settings" if s.addressing_style != "auto" else "picked automatically"
    bucket = s.initial_bucket or (bucket_names[0] if bucket_names else None)
    if style == "virtual":
        if is_ip_address(s.host) or "." not in s.host:
            d.add("addressing", Status.FAIL,
                  "Virtual-host addressing puts the bucket name in front of the server name "
                  f"(bucket.{s.host}), which cannot work with “{s.host}”.",
                  "Choose path-style (or automatic) addressing for this connection.")
            return
        if bucket is None:
            d.add("addressing", Status.SKIPPED, f"Virtual-host addressing ({how}); there is no "
                  "bucket to test it with.")
            return
        vhost = f"{bucket}.{s.host}"
        _found, error = resolve(vhost, s.port, d.left(floor=0.5))
        if error is not None:
            d.add("addressing", Status.FAIL,
                  f"“{vhost}” cannot be found in DNS ({error}), so virtual-host addressing "
                  "cannot reach buckets on this server.",
                  "Choose path-style addressing, or ask the administrator for wildcard DNS "
                  f"(*.{s.host}).")
            return
    label = "Virtual-host" if style == "virtual" else "Path-style"
    if bucket is None:
        d.add("addressing", Status.OK, f"{label} addressing ({how}); there is no bucket yet to "
              "test it with.")
        return
    storage = MinioStorage(s, pool_size=2)
    try:
        answer = storage.doctor_probe(d.left(floor=1.0), bucket=bucket,
                                      virtual=style == "virtual")
    except AppError as exc:
        d.add("addressing", Status.FAIL, f"{label} addressing failed: {exc.message}", exc.hint)
        return
    finally:
        storage.close()
    if answer.ok and answer.bucket_exists:
        d.add("addressing", Status.OK,
              f"{label} addressing ({how}) works: the bucket “{bucket}” was found.")
    elif answer.ok:
        d.add("addressing", Status.WARN, f"The bucket “{bucket}” does not exist on this server.",
              "Check the bucket name in the connection settings.")
    else:
        d.add("addressing", Status.FAIL, f"{label} addressing failed for the bucket “{bucket}” "
              f"({answer.code or answer.status}).",
              "Try the other addressing style in the connection settings.")
