"""Where each part of a multipart object lies, from GetObjectAttributes.

A COMPOSITE checksum can only be checked when the part boundaries are known (each range then
checksums every part it holds apart). A HEAD per part number gives them, one request per
part: 128 for a 1 GiB file boto3 uploaded in its 8 MiB parts, 10,000 before the first byte of
an 80 GB one.
GetObjectAttributes (`?attributes`, `x-amz-object-attributes: ETag,ObjectParts`) lists up to
1000 part sizes per request; AWS, MinIO and SeaweedFS answer it. A server that does not is
remembered for the connection and said once in the log; the caller then asks part by part.

It takes no If-Match, so the answer's ETag is compared with the one the download is pinned
to instead: another ETag means the object was replaced (`ObjectChanged`). An answer that does
not add up (missing or repeated part numbers, a marker that does not move on, an oversized
body) gives None, never boundaries that would fail a good download.
"""

from __future__ import annotations

import logging
from xml.etree import ElementTree

from minio.error import S3Error

from desktop_app.storage.listing_xml import DoctypeSeen, NoDoctype, read_capped
from desktop_app.storage.s3.errors import object_changed
from desktop_app.storage.s3.sse import SseRequests

log = logging.getLogger(__name__)
_MAX_BODY = 1 << 20  # 1000 parts take about 60 KB; anything near this is not an answer
# What servers without the call answer it with (a refusal of the request itself, such as
# AccessDenied, is not remembered: another bucket or object may allow it).
_UNSUPPORTED = frozenset({"NotImplemented", "MethodNotAllowed", "InvalidRequest",
                          "InvalidArgument", "BadRequest", "UnsupportedOperation"})
_REFUSED = frozenset({"AccessDenied", "InvalidObjectState"})


class ObjectParts(SseRequests):
    """`part_sizes`: a multipart object's part sizes in a request per 1000 parts."""

    _no_object_attributes = False

    def part_sizes(self, bucket: str, key: str, etag: str | None = None
                   ) -> tuple[int, ...] | None:
        """Every part's size in part order, or None when the server will not say (see the
        module docstring); raises `ObjectChanged` when the object's ETag is not `etag`."""
        if self._no_object_attributes:
            return None
        sizes: list[int] = []
        marker = 0
        with self._transfer_errors(f"read the parts of “{key}”", bucket, key):
            while True:
                page = self._attributes_page(bucket, key, marker)
                if page is None:
                    return None
                seen_etag, numbers, page_sizes, truncated, next_marker = page
                if etag and seen_etag and seen_etag != etag.strip('"'):
                    raise object_changed(key)
                if numbers != list(range(marker + 1, marker + 1 + len(numbers))):
                    return None  # parts missing or out of order: not boundaries to trust
                sizes.extend(page_sizes)
                if not truncated:
                    return tuple(sizes) if sizes else None
                if not numbers or next_marker != numbers[-1]:
                    return None  # a marker that does not move on would loop forever
                marker = next_marker

    def _attributes_page(self, bucket: str, key: str, marker: int
                         ) -> tuple[str, list[int], list[int], bool, int] | None:
        """(ETag, part numbers, sizes, truncated, next marker) of one answer, or None."""
        headers: dict[str, str | list[str] | tuple[str]] = {
            "x-amz-object-attributes": "ETag,ObjectParts", "x-amz-max-parts": "1000"}
        headers.update(self.sse_read_headers(bucket))
        query: dict[str, str | list[str] | tuple[str]] = {"attributes": ""}
        if marker:
            query["part-number-marker"] = str(marker)
        try:
            response = self._client._execute("GET", bucket, key, headers=headers,
                                             query_params=query, preload_content=False)
        except S3Error as exc:
            status = exc.response.status if exc.response is not None else 0
            if exc.code in _REFUSED:
                return None
            if exc.code in _UNSUPPORTED or status in (405, 501):
                self._no_object_attributes = True
                log.info("The server at %s does not list the parts of an object (%s); "
                         "composite checksums are checked with a HEAD per part",
                         self._settings.endpoint, exc.code or status)
                return None
            raise
        body = read_capped(response, _MAX_BODY, _MAX_BODY + 1)
        page = _parse(body) if body is not None else None
        if page is None:  # e.g. a server that ignores `?attributes` and sends the object
            self._no_object_attributes = True
            log.info("The server at %s answered a request for the parts of an object with "
                     "something else; composite checksums are checked with a HEAD per part",
                     self._settings.endpoint)
        return page


def _parse(body: bytes) -> tuple[str, list[int], list[int], bool, int] | None:
    parser = ElementTree.XMLParser(target=NoDoctype())  # noqa: S314 - DOCTYPE refused
    try:
        parser.feed(body)
        root = parser.close()
    except (DoctypeSeen, ElementTree.ParseError):
        return None

    def child(node: ElementTree.Element, name: str) -> ElementTree.Element | None:
        return next((c for c in node if c.tag.rpartition("}")[2] == name), None)

    def text(node: ElementTree.Element | None, name: str) -> str:
        found = child(node, name) if node is not None else None
        return (found.text or "").strip() if found is not None else ""

    if not root.tag.endswith("GetObjectAttributesResponse"):
        return None
    etag = text(root, "ETag").strip('"')
    parts = child(root, "ObjectParts")
    if parts is None:  # an answer, but the object has no parts to list
        return etag, [], [], False, 0
    numbers: list[int] = []
    sizes: list[int] = []
    for part in parts:
        if part.tag.rpartition("}")[2] != "Part":
            continue
        number, size = text(part, "PartNumber"), text(part, "Size")
        if not (number.isdigit() and size.isdigit()) or int(size) <= 0:
            return etag, [], [], False, 0  # parts without sizes: nothing to cut at
        numbers.append(int(number))
        sizes.append(int(size))
    truncated = text(parts, "IsTruncated").lower() == "true"
    next_marker = text(parts, "NextPartNumberMarker")
    return etag, numbers, sizes, truncated, int(next_marker) if next_marker.isdigit() else 0
