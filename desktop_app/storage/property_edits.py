"""Applying the properties dialog's edits: a metadata REPLACE copy and/or a tag update.

Everything the user did not change is carried over from the properties read before the
dialog opened; the copy is conditional on that read's ETag, so a concurrent upload is never
overwritten with stale headers.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.errors import ConfigError
from desktop_app.core.object_properties import (
    ObjectProperties,
    PropertyEdits,
    check_meta_key,
    check_tags,
)
from desktop_app.storage.protocol import ObjectStorage


def validate_edits(edits: PropertyEdits) -> None:
    """Raise ConfigError with user text for edits S3 would refuse."""
    for name in (edits.metadata or {}):
        problem = check_meta_key(name)
        if problem:
            raise ConfigError(problem, "Rename the metadata entry and try again.")
    if edits.tags is not None:
        problem = check_tags(edits.tags)
        if problem:
            raise ConfigError(problem, "Fix the tags and try again.")
    for label, value in (("Content type", edits.content_type),
                         ("Cache-Control", edits.cache_control),
                         ("Content-Disposition", edits.content_disposition)):
        if value and not (value.isascii() and value.isprintable()):
            raise ConfigError(f"{label} must be plain ASCII text (it is an HTTP header).",
                              "Remove accents and special characters from it.")


def apply_property_edits(
    storage: ObjectStorage, props: ObjectProperties, edits: PropertyEdits
) -> ObjectProperties:
    """Worker-side: apply `edits` to the object `props` describes; returns fresh properties."""
    validate_edits(edits)
    headers_changed = (
        (edits.content_type is not None and edits.content_type != props.content_type)
        or (edits.cache_control is not None and edits.cache_control != props.cache_control)
        or (edits.content_disposition is not None
            and edits.content_disposition != props.content_disposition)
        or (edits.metadata is not None and edits.metadata != props.metadata)
    )
    if headers_changed:
        storage.replace_metadata(
            props.bucket, props.key,
            content_type=props.content_type if edits.content_type is None
            else edits.content_type,
            cache_control=props.cache_control if edits.cache_control is None
            else edits.cache_control,
            content_disposition=props.content_disposition
            if edits.content_disposition is None else edits.content_disposition,
            content_encoding=props.content_encoding,
            content_language=props.content_language,
            storage_class=props.storage_class,
            metadata=props.metadata if edits.metadata is None else edits.metadata,
            if_match=props.etag,
        )
    if edits.tags is not None and edits.tags != props.tags:
        storage.set_tags(props.bucket, props.key, edits.tags)
    return storage.object_properties(props.bucket, props.key)


@dataclass(frozen=True, slots=True)
class BulkEdit:
    """Changes shared by many objects. None keeps each object's own value.

    `tags` are merged into each object's tags (`replace_tags=False`) or replace them all.
    """

    content_type: str | None = None
    tags: dict[str, str] | None = None
    replace_tags: bool = False

    @property
    def empty(self) -> bool:
        return self.content_type is None and self.tags is None


def apply_bulk_edit(
    storage: ObjectStorage, bucket: str, key: str, edit: BulkEdit
) -> ObjectProperties:
    """Worker-side, one object of a multi-selection: read, merge, apply."""
    props = storage.object_properties(bucket, key)
    tags: dict[str, str] | None = None
    if edit.tags is not None:
        tags = dict(edit.tags) if edit.replace_tags else {**props.tags, **edit.tags}
    return apply_property_edits(storage, props, PropertyEdits(
        content_type=edit.content_type, tags=tags))
