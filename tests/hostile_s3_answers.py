"""The well-behaved answers of the hostile fake S3 server (`hostile_s3.py`), and the data it
keeps: objects (bytes, or a size for objects too big to hold), multipart uploads, and the XML
and ETags S3 gives. Kept apart so the misbehaving server stays readable."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate
from typing import TYPE_CHECKING, Any
from urllib.parse import quote_plus
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from tests.hostile_s3 import HostileS3, Misbehaviour

NS = "http://s3.amazonaws.com/doc/2006-03-01/"


class Sized:
    """An object's bytes without holding them: `size` bytes of `fill` (e.g. a 5 GiB object)."""

    def __init__(self, size: int, fill: int = 0) -> None:
        self.size = size
        self.fill = fill

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, part: slice) -> bytes:
        start, stop, _step = part.indices(self.size)
        return bytes([self.fill]) * max(0, stop - start)


Data = bytes | Sized


@dataclass
class Stored:
    data: Data
    etag: str
    metadata: dict[str, str] = field(default_factory=dict)  # lower-case x-amz-meta-* names
    content_type: str = "application/octet-stream"
    modified: float = field(default_factory=time.time)
    # S3 additional checksums as sent with `x-amz-checksum-mode: ENABLED` on a HEAD or a whole
    # GET (`x-amz-checksum-crc64nvme`, `x-amz-checksum-type`, ...), and the part size of a
    # multipart object (a HEAD with `partNumber` then says where that part lies).
    checksums: dict[str, str] = field(default_factory=dict)
    part_size: int = 0


@dataclass
class Upload:
    bucket: str
    key: str
    metadata: dict[str, str]
    parts: dict[int, bytes] = field(default_factory=dict)
    initiated: float = field(default_factory=time.time)


def md5_etag(data: Data) -> str:
    return hashlib.md5(data[0:len(data)], usedforsecurity=False).hexdigest()


def iso(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def error_xml(code: str, message: str, resource: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>'
            f"{escape(message)}</Message><Resource>{escape(resource)}</Resource>"
            "<RequestId>H0ST1LE</RequestId></Error>").encode()


class S3Answers:
    """The well-behaved answers (with a data misbehaviour applied to GET bodies)."""

    def __init__(self, handler: Any, fake: HostileS3, bucket: str, key: str,
                 query: dict[str, list[str]], body: bytes, plan: Misbehaviour | None) -> None:
        self.h = handler
        self.fake = fake
        self.bucket = bucket
        self.key = key
        self.q = {k: v[0] for k, v in query.items()}
        self.body = body
        self.plan = plan

    def answer(self, kind: str) -> None:
        with self.fake.lock:
            objects = self.fake.buckets.get(self.bucket)
        if kind == "buckets":
            names = "".join(f"<Bucket><Name>{escape(b)}</Name><CreationDate>{iso(0)}"
                            "</CreationDate></Bucket>" for b in sorted(self.fake.buckets))
            self.xml(f"<ListAllMyBucketsResult><Owner><ID>h</ID></Owner><Buckets>{names}"
                     "</Buckets></ListAllMyBucketsResult>")
        elif kind == "make_bucket":
            with self.fake.lock:
                self.fake.buckets.setdefault(self.bucket, {})
            self.h._send(200, b"")
        elif objects is None:
            self.h._send(404, error_xml("NoSuchBucket", "The bucket does not exist.", self.bucket))
        else:
            getattr(self, f"on_{kind}", self.unknown)(objects)

    def xml(self, inner: str, status: int = 200, headers: dict[str, str] | None = None) -> None:
        root, rest = inner[1:].split(">", 1)
        tag = root.split(" ")[0]
        text = f'<?xml version="1.0" encoding="UTF-8"?>\n<{tag} xmlns="{NS}">{rest}'
        self.h._send(status, text.encode(), headers)

    def unknown(self, _objects: dict[str, Stored]) -> None:
        self.h._send(501, error_xml("NotImplemented", "Not implemented by this fake."))

    def on_location(self, _objects: dict[str, Stored]) -> None:
        self.xml("<LocationConstraint></LocationConstraint>")

    def on_head_bucket(self, _objects: dict[str, Stored]) -> None:
        self.h._send(200, b"")

    def on_list(self, objects: dict[str, Stored]) -> None:
        prefix, delimiter = self.q.get("prefix", ""), self.q.get("delimiter", "")
        encoded = self.q.get("encoding-type") == "url"
        after = self.q.get("continuation-token") or self.q.get("start-after") or ""
        limit = int(self.q.get("max-keys") or 1000)
        rows: list[tuple[str, Stored | None]] = []
        with self.fake.lock:
            for key in sorted(objects):
                if not key.startswith(prefix) or key <= after:
                    continue
                cut = key.find(delimiter, len(prefix)) if delimiter else -1
                entry = (key[: cut + len(delimiter)], None) if cut >= 0 else (key,
                                                                             objects[key])
                if rows and rows[-1][0] == entry[0]:
                    continue
                if entry[1] is None and entry[0] <= after:
                    continue
                rows.append(entry)
        more = len(rows) > limit
        rows = rows[:limit]

        def text(value: str) -> str:
            return quote_plus(value, safe="/") if encoded else escape(value)

        items = "".join(
            f"<Contents><Key>{text(k)}</Key><LastModified>{iso(s.modified)}</LastModified>"
            f"<ETag>&quot;{s.etag}&quot;</ETag><Size>{len(s.data)}</Size>"
            "<StorageClass>STANDARD</StorageClass></Contents>" if s is not None else
            f"<CommonPrefixes><Prefix>{text(k)}</Prefix></CommonPrefixes>" for k, s in rows)
        token = f"<NextContinuationToken>{escape(rows[-1][0])}</NextContinuationToken>" \
            if more and rows else ""
        self.xml(f"<ListBucketResult><Name>{escape(self.bucket)}</Name><Prefix>{text(prefix)}"
                 f"</Prefix><KeyCount>{len(rows)}</KeyCount><MaxKeys>{limit}</MaxKeys>"
                 f"<Delimiter>{text(delimiter)}</Delimiter>"
                 f"<IsTruncated>{'true' if more else 'false'}</IsTruncated>{token}{items}"
                 + ("<EncodingType>url</EncodingType>" if encoded else "")
                 + "</ListBucketResult>")

    def _object(self, objects: dict[str, Stored]) -> Stored | None:
        with self.fake.lock:
            stored = objects.get(self.key)
        if stored is None:
            self.h._send(404, error_xml("NoSuchKey", "The key does not exist.", self.key))
        return stored

    def _headers(self, stored: Stored) -> dict[str, str]:
        headers = {"ETag": f'"{stored.etag}"', "Last-Modified": formatdate(
            stored.modified, usegmt=True), "Accept-Ranges": "bytes"}
        headers.update({f"x-amz-meta-{k}": v for k, v in stored.metadata.items()})
        return headers

    def _checksums(self, stored: Stored, headers: dict[str, str]) -> None:
        """The stored checksums, when asked for; a "checksum" misbehaviour sends the values
        of other bytes instead (a header that disagrees with the body)."""
        asked = self.h.headers.get("x-amz-checksum-mode") or self.q.get("x-amz-checksum-mode")
        if (asked or "").upper() != "ENABLED":  # a header, or a presigned URL's query
            return
        for name, value in stored.checksums.items():
            if name != "x-amz-checksum-type" and self.plan is not None and \
                    self.plan.kind == "checksum":
                value = ("AAAAAAAAAAA=" if len(value.split("-")[0]) > 8 else "AAAAAA==") + \
                    ("-" + value.split("-")[1] if "-" in value else "")
            headers[name] = value

    def on_head(self, objects: dict[str, Stored]) -> None:
        stored = self._object(objects)
        if stored is None:
            return
        headers = self._headers(stored)
        self._checksums(stored, headers)
        size = length = len(stored.data)
        number = int(self.q.get("partNumber") or 0)
        if number and stored.part_size:
            count = -(-size // stored.part_size)
            start = (number - 1) * stored.part_size
            if number > count:
                self.h._send(416, error_xml("InvalidPartNumber", "No such part."))
                return
            length = min(stored.part_size, size - start)
            headers["Content-Range"] = f"bytes {start}-{start + length - 1}/{size}"
            headers["x-amz-mp-parts-count"] = str(count)
        self.h._send(206 if "Content-Range" in headers else 200, b"", headers,
                     stored.content_type, length=length)

    def on_get(self, objects: dict[str, Stored]) -> None:
        stored = self._object(objects)
        if stored is None:
            return
        match = self.h.headers.get("If-Match")
        if match and match.strip('"') != stored.etag:
            self.h._send(412, error_xml("PreconditionFailed", "At least one of the "
                                     "preconditions you specified did not hold.", self.key))
            return
        size = len(stored.data)
        start, end, status = 0, size - 1, 200
        wanted = self.h.headers.get("Range", "")
        headers = self._headers(stored)
        if wanted.startswith("bytes="):
            first, _, last = wanted[6:].partition("-")
            start = int(first)
            end = min(size - 1, int(last)) if last else size - 1
            if start >= size:
                self.h._send(416, error_xml("InvalidRange", "The range is not satisfiable."))
                return
            status = 206
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        else:  # a whole GET carries the checksums, a ranged one does not
            self._checksums(stored, headers)
        data = stored.data[start:end + 1]
        plan = self.plan
        if plan is not None and plan.kind == "replace":
            self.fake.put(self.bucket, self.key, plan.body, sha256="sha256" in stored.metadata)
        kind = plan.kind if plan is not None else ""
        if kind == "truncate" and len(data) > 1:
            self.h.cut(status, data, {"Content-Type": stored.content_type, **headers})
            return
        if kind == "short" and len(data) > 1:
            data = data[: max(1, len(data) - max(1, len(data) // 10))]
        elif kind == "long":
            data += b"PADDING!" * 64
        elif kind == "corrupt" and data:
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]
        self.h._send(status, data, headers, stored.content_type)

    def _meta(self) -> dict[str, str]:
        return {k.lower()[len("x-amz-meta-"):]: v for k, v in self.h.headers.items()
                if k.lower().startswith("x-amz-meta-")}

    def on_put(self, objects: dict[str, Stored]) -> None:
        if self.h.headers.get("If-None-Match") == "*" and self.key in objects:
            self.h._send(412, error_xml("PreconditionFailed", "The object exists.", self.key))
            return
        stored = self.fake.put(self.bucket, self.key, self.body, sha256=False,
                               metadata=self._meta())
        stored.content_type = self.h.headers.get("Content-Type") or stored.content_type
        self.h._send(200, b"", {"ETag": f'"{stored.etag}"'})

    def on_delete(self, objects: dict[str, Stored]) -> None:
        with self.fake.lock:
            objects.pop(self.key, None)
        self.h._send(204, b"")

    def on_create(self, _objects: dict[str, Stored]) -> None:
        upload_id = f"up-{next(self.fake._ids)}"
        with self.fake.lock:
            self.fake.uploads[upload_id] = Upload(self.bucket, self.key, self._meta())
        self.xml(f"<InitiateMultipartUploadResult><Bucket>{escape(self.bucket)}</Bucket>"
                 f"<Key>{escape(self.key)}</Key><UploadId>{upload_id}</UploadId>"
                 "</InitiateMultipartUploadResult>")

    def _upload(self) -> Upload | None:
        with self.fake.lock:
            upload = self.fake.uploads.get(self.q.get("uploadId", ""))
        if upload is None or (upload.bucket, upload.key) != (self.bucket, self.key):
            self.h._send(404, error_xml("NoSuchUpload", "The upload does not exist.", self.key))
            return None
        return upload

    def on_part(self, _objects: dict[str, Stored]) -> None:
        upload = self._upload()
        if upload is not None:
            with self.fake.lock:
                upload.parts[int(self.q["partNumber"])] = self.body
            self.h._send(200, b"", {"ETag": f'"{md5_etag(self.body)}"'})

    def on_complete(self, _objects: dict[str, Stored]) -> None:
        upload = self._upload()
        if upload is None:
            return
        with self.fake.lock:
            numbers = sorted(upload.parts)
            data = b"".join(upload.parts[n] for n in numbers)
            digest = hashlib.md5(b"".join(bytes.fromhex(md5_etag(upload.parts[n]))
                                          for n in numbers), usedforsecurity=False)
            etag = f"{digest.hexdigest()}-{len(numbers)}"
            self.fake.put(self.bucket, self.key, data, sha256=False, metadata=upload.metadata,
                          etag=etag)
            del self.fake.uploads[self.q["uploadId"]]
        self.xml(f"<CompleteMultipartUploadResult><Bucket>{escape(self.bucket)}</Bucket>"
                 f"<Key>{escape(self.key)}</Key><ETag>&quot;{etag}&quot;</ETag>"
                 "</CompleteMultipartUploadResult>")

    def on_abort(self, _objects: dict[str, Stored]) -> None:
        if self._upload() is not None:
            with self.fake.lock:
                self.fake.uploads.pop(self.q["uploadId"], None)
            self.h._send(204, b"")

    def on_list_parts(self, _objects: dict[str, Stored]) -> None:
        upload = self._upload()
        if upload is None:
            return
        with self.fake.lock:
            parts = "".join(f"<Part><PartNumber>{n}</PartNumber><LastModified>"
                            f"{iso(upload.initiated)}</LastModified><ETag>&quot;"
                            f"{md5_etag(d)}&quot;</ETag><Size>{len(d)}</Size></Part>"
                            for n, d in sorted(upload.parts.items()))
        self.xml(f"<ListPartsResult><Bucket>{escape(self.bucket)}</Bucket><Key>"
                 f"{escape(self.key)}</Key><UploadId>{self.q['uploadId']}</UploadId>"
                 f"<IsTruncated>false</IsTruncated>{parts}</ListPartsResult>")

    def on_list_uploads(self, _objects: dict[str, Stored]) -> None:
        prefix = self.q.get("prefix", "")
        with self.fake.lock:
            found = [(i, u) for i, u in sorted(self.fake.uploads.items())
                     if u.bucket == self.bucket and u.key.startswith(prefix)]
        items = "".join(f"<Upload><Key>{escape(u.key)}</Key><UploadId>{i}</UploadId>"
                        f"<Initiated>{iso(u.initiated)}</Initiated></Upload>"
                        for i, u in found)
        self.xml(f"<ListMultipartUploadsResult><Bucket>{escape(self.bucket)}</Bucket>"
                 f"<IsTruncated>false</IsTruncated>{items}</ListMultipartUploadsResult>")
