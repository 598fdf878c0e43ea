"""Listings with XML a plain answer never has: CDATA, character references, a DOCTYPE with
entities (nested, and one naming a local file), and a page far larger than max-keys. Keys
are read by XML's rules or the answer is refused; an entity is never a row."""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from desktop_app.core.errors import AppError
from desktop_app.storage.s3 import MinioStorage
from desktop_app.transfers.rows import TransferView
from tests.hostile_s3 import NS, HostileS3, Misbehaviour
from tests.reliability.audit import CANARY_SECRET, Audit, Box, clear, judge
from tests.reliability.harness import BUCKET, engine_for, errors_of, settle

ENTRY = ("<Contents><Key>{key}</Key><LastModified>2026-12-01T10:00:00.000Z</LastModified>"
         "<ETag>&quot;{etag}&quot;</ETag><Size>{size}</Size>"
         "<StorageClass>STANDARD</StorageClass></Contents>")


def page(prefix: str, entries: list[str], doctype: str = "") -> bytes:
    """A raw ListObjectsV2 answer: keys exactly as written (no URL encoding)."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<ListBucketResult xmlns="{NS}">'
            f"<Name>{BUCKET}</Name><Prefix>{prefix}</Prefix><KeyCount>{len(entries)}</KeyCount>"
            "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
            + "".join(entries) + "</ListBucketResult>").encode()


def download(storage: MinioStorage, box: Box, prefix: str) -> tuple[str, list[TransferView]]:
    engine = engine_for(storage, box.data)
    error = ""
    try:
        try:
            engine.download_prefix(BUCKET, prefix, box.target)
        except AppError as exc:
            error = exc.user_text()
        return error, settle(engine)
    finally:
        engine.shutdown()


def served(hostile: HostileS3, written: dict[str, str]) -> tuple[dict[str, bytes], list[str]]:
    """Store an object under each true key; the listing entries as written in XML."""
    objects, entries = {}, []
    for raw, key in written.items():
        objects[key] = os.urandom(200)
        stored = hostile.put(BUCKET, key, objects[key])
        entries.append(ENTRY.format(key=raw, etag=stored.etag, size=200))
    return objects, entries


def test_cdata_keys(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                    audit: Audit) -> None:
    objects, entries = served(hostile, {
        "<![CDATA[x/a&b <c>.txt]]>": "x/a&b <c>.txt", "x/<![CDATA[half]]>.txt": "x/half.txt",
        "x/plain.txt": "x/plain.txt"})
    hostile.misbehave(Misbehaviour("raw", "list", body=page("x/", entries)))
    error, rows = download(hostile_storage, box, "x/")
    right, outcome = judge(rows, done=objects)
    if error:
        right, outcome = False, f"listing refused: {error[:100]}"
    audit.finish(right, outcome, local=objects, texts=[error, *errors_of(rows)])


def test_character_references(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                              audit: Audit) -> None:
    objects, entries = served(hostile, {
        "c/euro&#128;.txt": "c/euro\u0080.txt", "c/&#x41;bc.txt": "c/Abc.txt",
        "c/amp&amp;.txt": "c/amp&.txt", "c/q&quot;&apos;.txt": "c/q\"'.txt",
        "c/nb&#160;sp.txt": "c/nb\u00a0sp.txt", "c/&#x1F600;.txt": "c/\U0001f600.txt",
        "c/&#151;dash.txt": "c/\u0097dash.txt"})
    hostile.misbehave(Misbehaviour("raw", "list", body=page("c/", entries)))
    error, rows = download(hostile_storage, box, "c/")
    c1 = ["c/euro\u0080.txt", "c/\u0097dash.txt"]  # C1 controls: saved as is, or refused
    right, outcome = judge(rows, done=[k for k in objects if k not in c1], either=c1)
    if error:
        right, outcome = False, f"listing refused: {error[:100]}"
    audit.finish(right, outcome, local=objects, texts=[error, *errors_of(rows)])


def test_doctype_and_entities(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                              audit: Audit) -> None:
    secret = box.src / "secret.txt"
    secret.write_text(CANARY_SECRET)
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    doctype = (f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{laughs}'
               f'<!ENTITY xxe SYSTEM "file://{escape(str(secret))}">]>\n')
    _objects, entries = served(hostile, {"e/plain.txt": "e/plain.txt"})
    entries += [ENTRY.format(key=k, etag="0" * 32, size=3) for k in ("e/&lol9;", "e/&xxe;")]
    hostile.misbehave(Misbehaviour("raw", "list", body=page("e/", entries, doctype)))
    error, rows = download(hostile_storage, box, "e/")
    table_error = ""
    try:
        shown = hostile_storage.list_page(BUCKET, "e/")
        table_rows = [o.key for o in shown.objects]
    except AppError as exc:
        table_error, table_rows = exc.user_text(), []
    right = clear(error) and not rows and clear(table_error) and not table_rows
    outcome = (f"refused: {error[:70]}" if right else
               f"download: {error[:40] or [r.key for r in rows]}; table: "
               f"{table_error[:40] or table_rows}")
    audit.finish(right, outcome, local={}, texts=[error, table_error, *errors_of(rows),
                                                  *(r.key for r in rows), *table_rows])


def test_page_far_over_max_keys(hostile: HostileS3, hostile_storage: MinioStorage, box: Box,
                                audit: Audit) -> None:
    """20,000 entries where 1000 were asked for: not taken whole."""
    entries = [ENTRY.format(key=f"h/{n:06d}", etag="0" * 32, size=1) for n in range(20_000)]
    hostile.misbehave(Misbehaviour("raw", "list", body=page("h/", entries)))
    def table() -> int:
        return len(hostile_storage.list_page(BUCKET, "h/").objects)

    def search() -> int:
        return len(next(iter(hostile_storage.iter_listing(BUCKET, "h/"))).objects)

    seen: dict[str, str | int] = {}
    for name, call in (("table", table), ("search", search)):
        try:
            seen[name] = call()
        except AppError as exc:
            seen[name] = exc.user_text()
    right = all((isinstance(v, str) and clear(v)) or (isinstance(v, int) and v <= 1000)
                for v in seen.values())
    outcome = "; ".join(f"{k}: {v if isinstance(v, int) else v[:50]} rows" if isinstance(v, int)
                        else f"{k}: {v[:50]}" for k, v in seen.items())
    audit.finish(right, outcome, local={}, texts=[str(v) for v in seen.values()])
