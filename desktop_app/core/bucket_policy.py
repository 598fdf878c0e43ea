"""Bucket access policies without the SDK: the canned kinds a user picks from, per-prefix
anonymous access (like `mc anonymous set download bucket/prefix`), reading a policy on the
server back into one of those kinds (or Custom), checking a hand-written policy before it
is sent, and a readable diff of what will change.

Policies are compared as sets of "atoms" (action, resource, condition) so that the order of
statements, a one-item list written as a string (servers do that on the way back) or an
`s3:GetBucketLocation` grant added by other tools do not turn a canned policy into Custom.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_app.core.errors import ConfigError

VERSION = "2012-10-17"
ARN_PREFIX = "arn:aws:s3:::"
# AWS refuses bucket policies above 20 KB; a bigger one is a mistake on any server.
MAX_POLICY_BYTES = 20 * 1024


class PolicyKind(StrEnum):
    PRIVATE = "private"
    PUBLIC_READ = "public-read"  # objects and listing
    PUBLIC_READ_OBJECTS = "public-read-objects"  # objects only, no listing
    PUBLIC_READ_WRITE = "public-read-write"
    PREFIXES = "prefixes"  # anonymous access to some prefixes only
    CUSTOM = "custom"


KIND_LABELS = {
    PolicyKind.PRIVATE: "Private",
    PolicyKind.PUBLIC_READ: "Public read (objects and listing)",
    PolicyKind.PUBLIC_READ_OBJECTS: "Public read of objects only",
    PolicyKind.PUBLIC_READ_WRITE: "Public read-write",
    PolicyKind.PREFIXES: "Anonymous access to some prefixes",
    PolicyKind.CUSTOM: "Custom",
}


class PrefixAccess(StrEnum):
    """The access `mc anonymous set` grants below a prefix."""

    DOWNLOAD = "download"
    UPLOAD = "upload"
    PUBLIC = "public"  # download and upload


@dataclass(frozen=True)
class AnonymousGrant:
    """Anonymous `access` to every key starting with `prefix` ("" = the whole bucket)."""

    prefix: str
    access: PrefixAccess


@dataclass(frozen=True)
class Classified:
    kind: PolicyKind
    grants: tuple[AnonymousGrant, ...] = ()  # set for PREFIXES
    reason: str = ""  # for CUSTOM: why it is none of the simple kinds

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


class PolicyInvalid(ConfigError):
    """A policy that is not sent: bad JSON (with `line`/`column`) or a rule it breaks."""

    title = "Invalid bucket policy"

    def __init__(self, message: str, hint: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(message, hint)
        self.line = line
        self.column = column


# --- building -------------------------------------------------------------------------

_READ_BUCKET = ("s3:GetBucketLocation", "s3:ListBucket")
_WRITE_BUCKET = ("s3:GetBucketLocation", "s3:ListBucketMultipartUploads")
_READ_OBJECTS = ("s3:GetObject",)
_WRITE_OBJECTS = ("s3:AbortMultipartUpload", "s3:DeleteObject", "s3:ListMultipartUploadParts",
                  "s3:PutObject")
_LOCATION = "s3:GetBucketLocation"


def bucket_arn(bucket: str) -> str:
    return ARN_PREFIX + bucket


def _statement(actions: Iterable[str], resource: str,
               condition: dict[str, Any] | None = None) -> dict[str, Any]:
    statement: dict[str, Any] = {
        "Effect": "Allow", "Principal": {"AWS": ["*"]},
        "Action": sorted(set(actions)), "Resource": [resource],
    }
    if condition:
        statement["Condition"] = condition
    return statement


def _grant_statements(bucket: str, grant: AnonymousGrant) -> list[dict[str, Any]]:
    """What `mc anonymous set <access> bucket/prefix` writes for one grant."""
    reads = grant.access in (PrefixAccess.DOWNLOAD, PrefixAccess.PUBLIC)
    writes = grant.access in (PrefixAccess.UPLOAD, PrefixAccess.PUBLIC)
    bucket_actions = set(_WRITE_BUCKET if writes else ()) | ({_LOCATION} if reads else set())
    statements = [_statement(bucket_actions, bucket_arn(bucket))]
    if reads:
        condition = {"StringEquals": {"s3:prefix": [grant.prefix]}} if grant.prefix else None
        statements.append(_statement(["s3:ListBucket"], bucket_arn(bucket), condition))
    objects = (_READ_OBJECTS if reads else ()) + (_WRITE_OBJECTS if writes else ())
    statements.append(_statement(objects, f"{bucket_arn(bucket)}/{grant.prefix}*"))
    return statements


def prefix_policy(bucket: str, grants: Sequence[AnonymousGrant]) -> str:
    """The policy giving anonymous users each grant ("" when there is none)."""
    statements = [s for g in grants for s in _grant_statements(bucket, g)]
    return _dump({"Version": VERSION, "Statement": statements}) if statements else ""


def canned_policy(bucket: str, kind: PolicyKind) -> str:
    """The policy document of a canned kind; "" for Private (no policy at all)."""
    if kind is PolicyKind.PRIVATE:
        return ""
    if kind is PolicyKind.PUBLIC_READ:
        return prefix_policy(bucket, [AnonymousGrant("", PrefixAccess.DOWNLOAD)])
    if kind is PolicyKind.PUBLIC_READ_WRITE:
        return prefix_policy(bucket, [AnonymousGrant("", PrefixAccess.PUBLIC)])
    if kind is PolicyKind.PUBLIC_READ_OBJECTS:
        statement = _statement(_READ_OBJECTS, f"{bucket_arn(bucket)}/*")
        return _dump({"Version": VERSION, "Statement": [statement]})
    raise ValueError(f"{kind} is not a canned policy")


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2)


# --- reading back ---------------------------------------------------------------------

Atom = tuple[str, str, str]  # (action, resource, condition as canonical JSON)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def is_anonymous(principal: Any) -> bool:
    """`"*"` or `{"AWS": "*"}` / `{"AWS": ["*"]}`: everyone, signed in or not."""
    if principal == "*":
        return True
    if isinstance(principal, dict) and set(principal) == {"AWS"}:
        return _as_list(principal["AWS"]) == ["*"]
    return False


def _canonical_condition(condition: Any) -> str:
    """The condition as canonical JSON (value lists sorted); an odd one as it is."""
    if not condition:
        return ""
    if not (isinstance(condition, dict) and all(isinstance(b, dict)
                                                for b in condition.values())):
        return json.dumps(condition, sort_keys=True)
    canonical = {op: {k: sorted(_as_list(v), key=json.dumps) for k, v in block.items()}
                 for op, block in condition.items()}
    return json.dumps(canonical, sort_keys=True)


def _atoms(document: dict[str, Any]) -> tuple[frozenset[Atom], str]:
    """The policy's grants as atoms, or the reason it cannot be read as plain grants."""
    atoms: set[Atom] = set()
    for number, statement in enumerate(_as_list(document.get("Statement", [])), 1):
        if not isinstance(statement, dict):
            return frozenset(), f"statement {number} is not an object"
        odd = set(statement) - {"Sid", "Effect", "Principal", "Action", "Resource", "Condition"}
        if odd:
            return frozenset(), f"statement {number} uses {', '.join(sorted(odd))}"
        if statement.get("Effect") != "Allow":
            return frozenset(), f"statement {number} denies access"
        if not is_anonymous(statement.get("Principal")):
            return frozenset(), f"statement {number} names particular principals"
        condition = _canonical_condition(statement.get("Condition"))
        for action in _as_list(statement.get("Action", [])):
            for resource in _as_list(statement.get("Resource", [])):
                atoms.add((str(action), str(resource), condition))
    return frozenset(atoms), ""


def _atoms_of(text: str) -> frozenset[Atom]:
    return _atoms(json.loads(text))[0] if text else frozenset()


def _without_location(atoms: frozenset[Atom]) -> frozenset[Atom]:
    return frozenset(a for a in atoms if a[0] != _LOCATION)


def _guess_grants(bucket: str, atoms: frozenset[Atom]) -> list[AnonymousGrant]:
    """The grants the object statements suggest (checked afterwards by rebuilding them)."""
    prefix_arn = bucket_arn(bucket) + "/"
    actions: dict[str, set[str]] = {}
    for action, resource, _ in atoms:
        if resource.startswith(prefix_arn) and resource.endswith("*"):
            actions.setdefault(resource[len(prefix_arn):-1], set()).add(action)
    grants = []
    for prefix, found in sorted(actions.items()):
        reads, writes = set(_READ_OBJECTS) <= found, set(_WRITE_OBJECTS) <= found
        access = (PrefixAccess.PUBLIC if reads and writes else PrefixAccess.DOWNLOAD if reads
                  else PrefixAccess.UPLOAD if writes else None)
        if access is not None:
            grants.append(AnonymousGrant(prefix, access))
    return grants


def classify(bucket: str, policy_json: str) -> Classified:
    """Which kind the policy on the server is, so the UI can preselect it."""
    if not policy_json.strip():
        return Classified(PolicyKind.PRIVATE)
    try:
        document = json.loads(policy_json)
    except ValueError:
        return Classified(PolicyKind.CUSTOM, reason="it is not valid JSON")
    if not isinstance(document, dict):
        return Classified(PolicyKind.CUSTOM, reason="it is not a JSON object")
    atoms, reason = _atoms(document)
    if reason:
        return Classified(PolicyKind.CUSTOM, reason=reason)
    if not atoms:
        return Classified(PolicyKind.PRIVATE)
    found = _without_location(atoms)
    for kind in (PolicyKind.PUBLIC_READ, PolicyKind.PUBLIC_READ_OBJECTS,
                 PolicyKind.PUBLIC_READ_WRITE):
        if found == _without_location(_atoms_of(canned_policy(bucket, kind))):
            return Classified(kind)
    grants = _guess_grants(bucket, atoms)
    if grants and found == _without_location(_atoms_of(prefix_policy(bucket, grants))):
        return Classified(PolicyKind.PREFIXES, grants=tuple(grants))
    return Classified(PolicyKind.CUSTOM, reason="its grants match none of the simple kinds")


_LISTY = ("Action", "NotAction", "Resource", "NotResource")


def canonical_policy(document: Any) -> Any:
    """The policy in one fixed form: Action/Resource always sorted lists, conditions'
    values likewise, statements sorted; anything else is left as it is."""
    if not isinstance(document, dict):
        return document
    statements = []
    for statement in _as_list(document.get("Statement", [])):
        if isinstance(statement, dict):
            statement = {k: (sorted(map(str, _as_list(v))) if k in _LISTY else v)
                         for k, v in statement.items()}
            if statement.get("Condition"):
                statement["Condition"] = json.loads(_canonical_condition(statement["Condition"]))
        statements.append(statement)
    statements.sort(key=lambda s: json.dumps(s, sort_keys=True))
    return {**document, "Statement": statements}


def same_policy(first: str, second: str) -> bool:
    """Whether two policy texts (valid JSON or empty) grant the same: statement order,
    one-item lists written as strings, Sids and the anonymous principal's spelling aside."""
    def key(text: str) -> Any:
        if not text.strip():
            return None
        document = canonical_policy(json.loads(text))
        for statement in document.get("Statement", []):
            if isinstance(statement, dict):
                statement.pop("Sid", None)
                if is_anonymous(statement.get("Principal")):
                    statement["Principal"] = "*"
        return canonical_policy(document)
    return bool(key(first) == key(second))


def policy_diff(current: str, new: str) -> str:
    """A unified diff of the two policies, both put in the same form (`canonical_policy`,
    pretty-printed), so only what really changes shows; "" when nothing does."""
    def lines(text: str) -> list[str]:
        if not text.strip():
            return ["(no policy: private)"]
        try:
            document = canonical_policy(json.loads(text))
        except ValueError:
            return text.splitlines()
        return json.dumps(document, indent=2, sort_keys=True).splitlines()
    diff = difflib.unified_diff(lines(current), lines(new), "current policy", "new policy",
                                lineterm="", n=3)
    return "\n".join(diff)


# --- checking before sending ----------------------------------------------------------

_STATEMENT_KEYS = {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                   "Resource", "NotResource", "Condition"}
_ACTION = re.compile(r"s3:[A-Za-z*?]+")
_FIX_HINT = "Correct the policy and try again."


def validate_policy(bucket: str, text: str) -> dict[str, Any]:
    """The parsed policy if it may be sent as the policy of `bucket`, else `PolicyInvalid`
    saying what is wrong and where (JSON errors with line and column)."""
    if len(text.encode()) > MAX_POLICY_BYTES:
        raise PolicyInvalid(f"The policy is {len(text.encode()):,} bytes long; bucket "
                            f"policies may be at most {MAX_POLICY_BYTES:,} bytes.",
                            "Shorten it, e.g. by merging statements.")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PolicyInvalid(
            f"The policy is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}.", _FIX_HINT, line=exc.lineno, column=exc.colno,
        ) from None
    if not isinstance(document, dict):
        raise PolicyInvalid("The policy must be a JSON object ({ ... }).", _FIX_HINT)
    odd = set(document) - {"Version", "Id", "Statement"}
    if odd:
        raise PolicyInvalid(f"The policy has unknown fields: {', '.join(sorted(odd))}.",
                            "A policy has only Version, Id and Statement.")
    if document.get("Version") != VERSION:
        raise PolicyInvalid(f"The policy's Version must be \"{VERSION}\".",
                            f"Add \"Version\": \"{VERSION}\".")
    statements = document.get("Statement")
    if isinstance(statements, dict):
        statements = [statements]
    if not isinstance(statements, list) or not statements:
        raise PolicyInvalid("The policy has no Statement.",
                            "Add a Statement list with at least one statement.")
    for number, statement in enumerate(statements, 1):
        _check_statement(bucket, number, statement)
    return document


def _check_statement(bucket: str, number: int, statement: Any) -> None:
    where = f"Statement {number}"
    if not isinstance(statement, dict):
        raise PolicyInvalid(f"{where} is not a JSON object.", _FIX_HINT)
    if isinstance(statement.get("Sid"), str) and statement["Sid"]:
        where = f"{where} (“{statement['Sid']}”)"
    odd = set(statement) - _STATEMENT_KEYS
    if odd:
        raise PolicyInvalid(f"{where} has unknown fields: {', '.join(sorted(odd))}.",
                            _FIX_HINT)
    if statement.get("Effect") not in ("Allow", "Deny"):
        raise PolicyInvalid(f"{where}: Effect must be \"Allow\" or \"Deny\".", _FIX_HINT)
    _check_principal(where, statement)
    actions = _one_of(where, statement, "Action", "NotAction")
    for action in actions:
        if not _ACTION.fullmatch(action):
            raise PolicyInvalid(f"{where}: “{action}” is not an S3 action.",
                                "Actions look like \"s3:GetObject\" or \"s3:*\".")
    for resource in _one_of(where, statement, "Resource", "NotResource"):
        problem = resource_problem(bucket, resource)
        if problem:
            raise PolicyInvalid(f"{where}: {problem}",
                                f"Name only “{bucket_arn(bucket)}” or "
                                f"“{bucket_arn(bucket)}/…” in this bucket's policy.")
    condition = statement.get("Condition")
    if condition is not None and not (
        isinstance(condition, dict) and all(isinstance(v, dict) for v in condition.values())
    ):
        raise PolicyInvalid(f"{where}: Condition must map operators to key/value objects.",
                            _FIX_HINT)


def _check_principal(where: str, statement: dict[str, Any]) -> None:
    has = [k for k in ("Principal", "NotPrincipal") if k in statement]
    if len(has) != 1:
        raise PolicyInvalid(f"{where} needs a Principal (who it applies to).",
                            "Use \"Principal\": {\"AWS\": [\"*\"]} for everyone.")
    principal = statement[has[0]]
    if principal == "*":
        return
    ok = isinstance(principal, dict) and principal and all(
        isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(i, str) for i in v))
        for v in principal.values())
    if not ok:
        raise PolicyInvalid(f"{where}: {has[0]} must be \"*\" or an object such as "
                            "{\"AWS\": [\"*\"]}.", _FIX_HINT)


def _one_of(where: str, statement: dict[str, Any], name: str, negated: str) -> list[str]:
    has = [k for k in (name, negated) if k in statement]
    if len(has) != 1:
        raise PolicyInvalid(f"{where} needs exactly one of {name} or {negated}.", _FIX_HINT)
    values = _as_list(statement[has[0]])
    if not values or not all(isinstance(v, str) and v for v in values):
        raise PolicyInvalid(f"{where}: {has[0]} must be a text or a list of texts.",
                            _FIX_HINT)
    return values


def resource_problem(bucket: str, resource: str) -> str:
    """Why `resource` may not appear in this bucket's policy ("" when it may)."""
    if not resource.startswith(ARN_PREFIX):
        return (f"“{resource}” is not an S3 resource ARN (they start with "
                f"“{ARN_PREFIX}”).")
    named, _, _ = resource[len(ARN_PREFIX):].partition("/")
    if named == bucket:
        return ""
    if any(c in named for c in "*?"):
        return (f"“{resource}” can match other buckets than “{bucket}”; a bucket's policy "
                "may only govern that bucket.")
    return (f"“{resource}” names the bucket “{named}”, not “{bucket}”; a bucket's policy "
            "may only govern that bucket.")
