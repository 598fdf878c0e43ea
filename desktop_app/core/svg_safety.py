"""Making an SVG inert before it is rendered: no scripts, no external references, no DTD.

The renderer (QtSvg) runs no scripts, but it can load images named by `href`, and an XML
parser may expand entities. So we refuse documents with a DTD (entity bombs), and strip
scripts, event handlers, foreign objects and every reference that leaves the document
(anything but `#fragment` and inline `data:image/...`). What was removed is reported.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_REFERENCING_ELEMENTS = {"image", "use", "feImage"}
_DROP_ELEMENTS = {"script", "foreignObject", "iframe", "object", "embed", "audio", "video"}
_URL_IN_CSS = re.compile(r"url\(\s*(['\"]?)(?!#)[^)]*\)", re.IGNORECASE)
_IMPORT_IN_CSS = re.compile(r"@import[^;]*;?", re.IGNORECASE)


class UnsafeSvg(ValueError):
    """The document cannot be made safe (or is not an SVG at all)."""


@dataclass(frozen=True, slots=True)
class CleanSvg:
    data: bytes
    removed: tuple[str, ...]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _safe_ref(value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or value.lower().startswith(
        ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"))


def sanitize_svg(data: bytes) -> CleanSvg:
    """An inert copy of `data`, or UnsafeSvg when it cannot be parsed safely."""
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise UnsafeSvg("it declares a DTD or entities, which can expand without limit")
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD (checked above), size capped
    except ET.ParseError as exc:
        raise UnsafeSvg(f"it is not well-formed XML ({exc})") from None
    if _local(root.tag) != "svg":
        raise UnsafeSvg("its root element is not <svg>")
    removed: list[str] = []
    _clean(root, removed)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return CleanSvg(ET.tostring(root, encoding="utf-8"), tuple(dict.fromkeys(removed)))


def _clean(element: ET.Element, removed: list[str]) -> None:
    for child in list(element):
        name = _local(child.tag) if isinstance(child.tag, str) else ""
        if name in _DROP_ELEMENTS:
            element.remove(child)
            removed.append(f"<{name}> element")
            continue
        if name in _REFERENCING_ELEMENTS and not all(
                _safe_ref(v) for a, v in child.attrib.items() if _local(a) == "href"):
            element.remove(child)  # an image without its source only makes warnings
            removed.append("external link")
            continue
        if name == "style" and child.text:
            cleaned = _IMPORT_IN_CSS.sub("", _URL_IN_CSS.sub("none", child.text))
            if cleaned != child.text:
                removed.append("external CSS reference")
                child.text = cleaned
        _clean(child, removed)
    for attr in list(element.attrib):
        local = _local(attr)
        value = element.attrib[attr]
        if local.lower().startswith("on"):
            del element.attrib[attr]
            removed.append("event handler")
        elif local == "href" and not _safe_ref(value):
            del element.attrib[attr]
            removed.append("external link")
        elif local == "style" or "url(" in value.lower():
            cleaned = _URL_IN_CSS.sub("none", value)
            if cleaned != value:
                element.attrib[attr] = cleaned
                removed.append("external CSS reference")
