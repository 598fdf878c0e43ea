"""Bucket policies: read, set (checked first), delete; and `anonymous_access`, which asks the
server what an unsigned request may do now.

The unsigned requests go through the connection's own pool (its CA rules, redirects refused,
never followed) with short timeouts, and carry no credentials at all. Only the removal of
the write probe is signed: the probe must never stay behind.
"""

from __future__ import annotations

import re
import secrets
from urllib.parse import quote, urlencode

import urllib3
from minio.error import S3Error

from desktop_app.core.anonymous_access import AccessCheck, AnonymousAccess, probe_key
from desktop_app.core.bucket_policy import PolicyInvalid, validate_policy
from desktop_app.core.connection import effective_addressing
from desktop_app.core.errors import AppError, NotSupportedByServer
from desktop_app.storage.s3.client import RedirectRefused
from desktop_app.storage.s3.errors import S3Errors

PROBE_TIMEOUT = urllib3.Timeout(connect=4.0, read=15.0)
# One retry of a failed connection, none of a request the server may already have seen.
PROBE_RETRIES = urllib3.Retry(total=1, connect=1, read=0, status=0, redirect=False,
                              raise_on_status=False)
PROBE_BODY = b"Written by MinIO Desktop to test anonymous write access; removed at once.\n"
_NOT_SUPPORTED = frozenset({"NotImplemented", "NotSupported"})
_INVALID = frozenset({"MalformedPolicy", "InvalidPolicyDocument"})


class BucketPolicy(S3Errors):
    def get_bucket_policy(self, bucket: str) -> str:
        """The bucket's policy document as the server keeps it; "" when it has none."""
        with self._errors(f"read the access policy of “{bucket}”", bucket=bucket):
            try:
                return self._client.get_bucket_policy(bucket_name=bucket).strip()
            except S3Error as exc:
                if exc.code == "NoSuchBucketPolicy":
                    return ""
                self._policy_error(exc)
                raise

    def set_bucket_policy(self, bucket: str, policy_json: str) -> None:
        """Checks the policy (`PolicyInvalid`), then sends it; an empty text removes it."""
        if not policy_json.strip():
            self.delete_bucket_policy(bucket)
            return
        validate_policy(bucket, policy_json)
        with self._errors(f"set the access policy of “{bucket}”", bucket=bucket):
            try:
                self._client.set_bucket_policy(bucket_name=bucket, policy=policy_json)
            except S3Error as exc:
                self._policy_error(exc)
                raise

    def delete_bucket_policy(self, bucket: str) -> None:
        """Makes the bucket private again (no policy at all); fine when it had none."""
        with self._errors(f"remove the access policy of “{bucket}”", bucket=bucket):
            try:
                self._client.delete_bucket_policy(bucket_name=bucket)
            except S3Error as exc:
                if exc.code == "NoSuchBucketPolicy":
                    return
                self._policy_error(exc)
                raise

    def _policy_error(self, exc: S3Error) -> None:
        """Raise the policy-specific error for `exc`, if it is one (else return)."""
        answer = f"{self._clean(exc.message or '')} ({exc.code})"
        if exc.code in _NOT_SUPPORTED:
            raise NotSupportedByServer(
                f"This server does not support bucket policies: {answer}.",
                "Access to this bucket is managed on the server itself.",
            ) from None
        if exc.code in _INVALID:
            raise PolicyInvalid(f"The server refused the policy: {answer}.",
                                "Correct the policy and try again.") from None

    # --- what an anonymous user can do ------------------------------------------------

    def anonymous_access(self, bucket: str, probe_prefix: str = "") -> AnonymousAccess:
        """Lists, reads one existing object and writes (then removes) a probe object below
        `probe_prefix`, all unsigned; reports each answer."""
        listed = self._anonymous_list(bucket, probe_prefix)
        read = self._anonymous_read(bucket, probe_prefix)
        write, left = self._anonymous_write(bucket, probe_prefix)
        return AnonymousAccess(bucket=bucket, list=listed, read=read, write=write,
                               probe_left=left)

    def _anonymous_list(self, bucket: str, prefix: str) -> AccessCheck:
        query = {"list-type": "2", "max-keys": "1"} | ({"prefix": prefix} if prefix else {})
        return self._unsigned("list", "GET", bucket, "", prefix, query=query)[0]

    def _anonymous_read(self, bucket: str, prefix: str) -> AccessCheck:
        key = self._some_object(bucket, prefix)
        if not key:
            where = f" below “{prefix}”" if prefix else ""
            return AccessCheck("read", None, f"the bucket has no object{where} to try", prefix)
        # One byte is enough to learn the answer; an empty object answers 416 past the
        # access check, which still means anyone may read it.
        return self._unsigned("read", "GET", bucket, key, key, headers={"Range": "bytes=0-0"},
                              allowed_also=(416,))[0]

    def _some_object(self, bucket: str, prefix: str) -> str:
        with self._errors(f"list “{bucket}”", bucket=bucket):
            for item in self._client.list_objects(bucket_name=bucket, prefix=prefix or None,
                                                  recursive=True):
                name = item.object_name or ""
                if name and not item.is_dir and not name.endswith("/"):
                    return name
        return ""

    def _anonymous_write(self, bucket: str, prefix: str) -> tuple[AccessCheck, str]:
        key = probe_key(prefix, secrets.token_hex(6))
        headers = {"Content-Type": "text/plain"}
        try:
            check, version_id = self._unsigned("write", "PUT", bucket, key, key,
                                               headers=headers, body=PROBE_BODY)
        except AppError as exc:
            # No answer: the probe may have been stored all the same.
            return (AccessCheck("write", None, exc.message, key),
                    self._remove_probe(bucket, key, "", unknown=True))
        left = ""
        if check.allowed:
            left = self._remove_probe(bucket, key, version_id)
        return check, left

    def _remove_probe(self, bucket: str, key: str, version_id: str,
                      unknown: bool = False) -> str:
        """Signed removal of the probe (this version only, so a versioned bucket keeps no
        delete marker); the key when it is still there afterwards, else ""."""
        try:
            if unknown:
                found = self._client.stat_object(bucket_name=bucket, object_name=key)
                version_id = found.version_id or ""
            self._client.remove_object(bucket_name=bucket, object_name=key,
                                       version_id=version_id or None)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchVersion", "NoSuchObject"):
                return ""
            return key
        except (urllib3.exceptions.HTTPError, OSError, ValueError):
            return key
        return ""

    def _unsigned(
        self, action: str, method: str, bucket: str, key: str, target: str,
        query: dict[str, str] | None = None, headers: dict[str, str] | None = None,
        body: bytes | None = None, allowed_also: tuple[int, ...] = (),
    ) -> tuple[AccessCheck, str]:
        """The answer to one unsigned request, and the version id a PUT got (to remove
        exactly that version)."""
        url = self._object_url(bucket, key) + (f"?{urlencode(query)}" if query else "")
        try:
            response = self._http.request(
                method, url, body=body, headers=headers or {}, timeout=PROBE_TIMEOUT,
                retries=PROBE_RETRIES, preload_content=False,
            )
        except RedirectRefused as exc:
            return AccessCheck(action, None, exc.message, target), ""
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise self._network_error(exc, f"check anonymous access to “{bucket}”") from None
        try:
            data = response.read(4096) if response.status >= 300 else b""
        finally:
            response.close()
        allowed = response.status < 300 or response.status in allowed_also
        answer = self._clean(_answer_text(response.status, data))
        return (AccessCheck(action, allowed, answer, target),
                response.headers.get("x-amz-version-id") or "")

    def _object_url(self, bucket: str, key: str) -> str:
        scheme = "https" if self._settings.secure else "http"
        path = quote(key, safe="/~")
        if effective_addressing(self._settings) == "virtual":
            return f"{scheme}://{bucket}.{self._settings.endpoint}/{path}"
        return f"{scheme}://{self._settings.endpoint}/{quote(bucket)}/{path}"


def _answer_text(status: int, body: bytes) -> str:
    """"HTTP 403 AccessDenied: Access Denied." from an S3 error body (plain status else)."""
    text = body.decode("utf-8", "replace")
    code = re.search(r"<Code>([^<]{1,100})</Code>", text)
    message = re.search(r"<Message>([^<]{1,300})</Message>", text)
    parts = [f"HTTP {status}"]
    if code:
        parts.append(f" {code.group(1)}")
    if message:
        parts.append(f": {message.group(1)}")
    return "".join(parts)
