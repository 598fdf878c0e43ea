"""What the properties panel shows and edits: headers, user metadata and tags."""

from __future__ import annotations

from minio.commonconfig import COPY, REPLACE, CopySource, Tags

from desktop_app.core.checksums import CHECKSUM_MODE, stored_checksums
from desktop_app.core.errors import ConfigError, ServerError
from desktop_app.core.object_properties import (
    ObjectProperties,
    check_meta_key,
    decode_meta_value,
    encode_meta_value,
    stored_sha256,
)
from desktop_app.core.sse import describe_encryption
from desktop_app.storage.s3.sse import SseRequests, sdk_source_key


class Properties(SseRequests):
    def object_properties(self, bucket: str, key: str) -> ObjectProperties:
        """Everything the properties panel shows: one HEAD plus one tagging read."""
        with self._errors(f"read the details of “{key}”", bucket=bucket, key=key):
            obj = self._client.stat_object(
                bucket_name=bucket, object_name=key,
                # the stored checksums, if any
                extra_headers={**CHECKSUM_MODE, **self.sse_read_headers(bucket)},
            )
        headers = {k.lower(): str(v) for k, v in (obj.metadata or {}).items()}
        meta = {
            k[len("x-amz-meta-"):]: decode_meta_value(v)
            for k, v in headers.items()
            if k.startswith("x-amz-meta-")
        }
        tags = self.get_tags(bucket, key)
        return ObjectProperties(
            bucket=bucket,
            key=key,
            size=obj.size or 0,
            etag=(obj.etag or "").strip('"'),
            content_type=obj.content_type or "",
            last_modified=obj.last_modified,
            storage_class=headers.get("x-amz-storage-class", "") or "STANDARD",
            version_id=obj.version_id,
            cache_control=headers.get("cache-control", ""),
            content_disposition=headers.get("content-disposition", ""),
            content_encoding=headers.get("content-encoding", ""),
            content_language=headers.get("content-language", ""),
            metadata=meta,
            tags=tags,
            sha256=stored_sha256(headers, meta),
            checksums=tuple(stored_checksums(headers)),
            retention_mode=headers.get("x-amz-object-lock-mode", ""),
            retain_until=headers.get("x-amz-object-lock-retain-until-date", ""),
            legal_hold=headers.get("x-amz-object-lock-legal-hold", ""),
            encryption=describe_encryption(headers),
        )

    def get_tags(self, bucket: str, key: str) -> dict[str, str]:
        with self._errors(f"read the tags of “{key}”", bucket=bucket, key=key):
            tags = self._client.get_object_tags(bucket_name=bucket, object_name=key)
        return dict(tags or {})

    def set_tags(self, bucket: str, key: str, tags: dict[str, str]) -> None:
        """Replace the object's tag set (an empty dict removes all tags)."""
        with self._errors(f"change the tags of “{key}”", bucket=bucket, key=key):
            if not tags:
                self._client.delete_object_tags(bucket_name=bucket, object_name=key)
                return
            sdk_tags = Tags.new_object_tags()
            for name, value in tags.items():
                sdk_tags[name] = value
            self._client.set_object_tags(bucket_name=bucket, object_name=key, tags=sdk_tags)

    def replace_metadata(
        self,
        bucket: str,
        key: str,
        *,
        content_type: str,
        cache_control: str = "",
        content_disposition: str = "",
        content_encoding: str = "",
        content_language: str = "",
        storage_class: str = "",
        metadata: dict[str, str] | None = None,
        if_match: str = "",
    ) -> str:
        """Rewrite headers and user metadata by a server-side copy onto itself (REPLACE).

        The copy keeps the data and tags; every header not passed here is dropped, so the
        caller passes the current values of those it does not change. Values are encoded
        for the wire (see `encode_meta_value`). `if_match` refuses to overwrite an object
        that changed since it was read. Returns the new ETag.
        """
        headers: dict[str, str | list[str] | tuple[str]] = {
            "Content-Type": content_type or "application/octet-stream"
        }
        for name, value in (("Cache-Control", cache_control),
                            ("Content-Disposition", content_disposition),
                            ("Content-Encoding", content_encoding),
                            ("Content-Language", content_language)):
            if value and not (value.isascii() and value.isprintable()):
                raise ConfigError(
                    f"{name} must be plain ASCII text (it is sent as an HTTP header).",
                    "For a non-ASCII download name use filename*=UTF-8''<percent-encoded>.",
                )
            if value:
                headers[name] = value
        if storage_class and storage_class != "STANDARD":
            headers["x-amz-storage-class"] = storage_class
        for name, value in (metadata or {}).items():
            problem = check_meta_key(name)
            if problem:
                raise ConfigError(problem, "Rename the metadata entry and try again.")
            headers[f"x-amz-meta-{name}"] = encode_meta_value(value)
        # An object read with our key is written back with it (its encryption unchanged).
        source_key = sdk_source_key(self.encryption, bucket)
        if source_key is not None:
            self.sse_read_headers(bucket)  # refuses a key over http
        source = CopySource(bucket_name=bucket, object_name=key, match_etag=if_match or None,
                            ssec=source_key)
        try:
            with self._errors(f"change the properties of “{key}”", bucket=bucket, key=key):
                result = self._client.copy_object(
                    bucket_name=bucket, object_name=key, source=source, metadata=headers,
                    metadata_directive=REPLACE, tagging_directive=COPY,
                    sse=source_key,  # the same key: its encryption unchanged
                )
        except ServerError as exc:
            if "PreconditionFailed" in exc.message:
                raise ConfigError(
                    f"“{key}” was changed by someone else since its properties were read.",
                    "Refresh and make your edit again.",
                ) from None
            raise
        return (result.etag or "").strip('"')
