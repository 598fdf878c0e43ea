"""The preview pane against the real server: one file of every kind, hostile files, limits.

Each kind's preview is also saved as a screenshot (offscreen `grab()`) into
$PREVIEW_SHOTS_DIR (default: the test's tmp dir) so a person can look at them.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.errors import Cancelled
from desktop_app.core.mime import ViewKind
from desktop_app.storage.preview_fetch import fetch_preview
from desktop_app.storage.s3 import MinioStorage
from desktop_app.ui.previews.hex_view import HexView
from desktop_app.ui.previews.image_view import ImageView
from desktop_app.ui.previews.pane import PreviewPane
from desktop_app.ui.previews.table_view import TableView
from desktop_app.ui.previews.zip_view import ZipView
from desktop_app.ui.shell.tasks import TaskRunner
from tests import preview_samples as samples
from tests.helpers import put_bytes

pytestmark = pytest.mark.real_server
WAIT = 20_000


class CountingStorage:
    """Wraps the real adapter and counts the object bytes read through it."""

    def __init__(self, inner: MinioStorage) -> None:
        self._inner = inner
        self.bytes_read = 0
        self.reads: list[tuple[str, int, int]] = []
        self._lock = threading.Lock()

    def read_range(self, bucket: str, key: str, offset: int, length: int) -> bytes:
        data = self._inner.read_range(bucket, key, offset, length)
        with self._lock:
            self.bytes_read += len(data)
            self.reads.append((key, offset, len(data)))
        return data

    def reset(self) -> None:
        with self._lock:
            self.bytes_read = 0
            self.reads.clear()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class Listener:
    """A loopback TCP port that records whether anything ever connected to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.setblocking(False)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def connected(self) -> bool:
        try:
            conn, _ = self.sock.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def counting(storage: MinioStorage) -> CountingStorage:
    return CountingStorage(storage)


@pytest.fixture
def pane(qtbot: QtBot, counting: CountingStorage) -> Iterator[PreviewPane]:
    runner = TaskRunner()
    widget = PreviewPane(runner)
    qtbot.addWidget(widget)
    widget.resize(480, 760)
    widget.show()
    widget.set_storage(counting)  # type: ignore[arg-type]
    yield widget
    widget.clear()
    runner.shutdown(wait=True)


@pytest.fixture
def listener() -> Iterator[Listener]:
    probe = Listener()
    yield probe
    probe.close()


def shots_dir(tmp_path: Path) -> Path:
    path = Path(os.environ.get("PREVIEW_SHOTS_DIR") or tmp_path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def preview(qtbot: QtBot, pane: PreviewPane, bucket: str, key: str) -> None:
    with qtbot.waitSignal(pane.preview_shown, timeout=WAIT):
        pane.show_object(bucket, key)
    qtbot.waitUntil(lambda: pane.properties_panel.properties is not None, timeout=WAIT)


def shoot(pane: PreviewPane, tmp_path: Path, name: str) -> None:
    assert pane.grab().save(str(shots_dir(tmp_path) / f"{name}.png"))


Check = Callable[[PreviewPane], None]


def _is(view_type: type) -> Check:
    def check(pane: PreviewPane) -> None:
        assert isinstance(pane.current_view, view_type), type(pane.current_view)
    return check


def _text(expected: str) -> Check:
    def check(pane: PreviewPane) -> None:
        assert expected in pane.shown_text
    return check


def _image(pane: PreviewPane) -> None:
    assert pane.showing_image


def _animated(pane: PreviewPane) -> None:
    assert pane.showing_image
    assert pane.image_view.animated


KINDS: list[tuple[str, str, Callable[[], bytes], Check]] = [
    ("png", "pic.png", lambda: samples.png_bytes(320, 200), _image),
    ("jpeg", "photo.jpg", lambda: samples.qt_image_bytes("jpeg", 400, 300), _image),
    ("gif-animated", "anim.gif",
     lambda: samples.gif_bytes([(255, 0, 0), (0, 160, 0), (0, 0, 255)], 48), _animated),
    ("webp", "pic.webp", lambda: samples.qt_image_bytes("webp"), _image),
    ("bmp", "pic.bmp", lambda: samples.qt_image_bytes("bmp"), _image),
    ("tiff", "pic.tiff", lambda: samples.qt_image_bytes("tiff"), _image),
    ("ico", "favicon.ico", lambda: samples.qt_image_bytes("ico", 32, 32), _image),
    ("svg", "drawing.svg", lambda: samples.CLEAN_SVG, _image),
    ("text-utf8", "notes.txt", lambda: "Grüße, 世界\nline two\n".encode(), _text("世界")),
    ("text-utf16", "wide.txt", lambda: "\ufeffUTF-16 text ✓\n".encode("utf-16-le"),
     _text("UTF-16 text ✓")),
    ("text-latin1", "old.txt", lambda: "café crème\n".encode("latin-1"), _text("café crème")),
    ("json", "data.json", lambda: samples.JSON_TEXT.encode(), _text('  "items": [\n    1,')),
    ("markdown", "readme.md", lambda: samples.MARKDOWN_TEXT.encode(),
     _text("![remote](http://127.0.0.1:9/x.png)")),
    ("python", "script.py", lambda: b"def main() -> None:\n    print('hi')\n" * 30,
     _text("def main()")),
    ("csv", "table.csv", lambda: samples.CSV_TEXT.encode(), _is(TableView)),
    ("tsv", "table.tsv", lambda: samples.TSV_TEXT.encode(), _is(TableView)),
    ("zip", "bundle.zip", lambda: samples.zip_bytes(
        {"a.txt": b"a" * 1000, "dir/b.bin": os.urandom(500), "dir/c/d.md": b"# d"}),
     _is(ZipView)),
    ("hex", "blob.bin", lambda: os.urandom(100_000), _is(HexView)),
]


@pytest.mark.parametrize(("shot", "key", "make", "check"), KINDS, ids=[k[0] for k in KINDS])
def test_each_kind_previews(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, bucket: str,
                            tmp_path: Path, shot: str, key: str, make: Callable[[], bytes],
                            check: Check) -> None:
    # The server's Content-Type is deliberately useless: the kind comes from the bytes.
    put_bytes(storage, bucket, key, make(), "application/x-bogus")
    preview(qtbot, pane, bucket, key)
    check(pane)
    assert pane.metadata()["Content type"].startswith("application/x-bogus  (detected: ")
    shoot(pane, tmp_path, shot)


def test_csv_table_counts_and_errors(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                     bucket: str, tmp_path: Path) -> None:
    body = "x;y\n1;2\n3;4;5\n" + "".join(f"{i};{i}\n" for i in range(20_000))
    put_bytes(storage, bucket, "semi.csv", body.encode(), "text/csv")
    preview(qtbot, pane, bucket, "semi.csv")
    view = pane.table_view
    assert pane.current_view is view
    assert view.model.columnCount() == 3
    assert view.model.rowCount() == 10_000
    assert "semicolon" in view.summary.text()
    assert "rows × 3 columns" in view.summary.text()
    assert "different number of fields" in view.errors.text()
    shoot(pane, tmp_path, "csv-errors")


def test_pdf_pages_navigate_on_white(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                     bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "ten.pdf", samples.pdf_pages(10), "binary/octet-stream")
    preview(qtbot, pane, bucket, "ten.pdf")
    pdf = pane.pdf_view
    assert pane.current_view is pdf
    assert pdf.page_count == 10
    assert pdf.page_label.text() == "Page 1 of 10"
    page = pdf.rendered_page()
    assert page.pixelColor(2, page.height() - 3).name() == "#ffffff"  # painted on white
    shoot(pane, tmp_path, "pdf")
    pdf.next.click()
    pdf.next.click()
    assert pdf.page_label.text() == "Page 3 of 10"
    pdf.go_to(99)
    assert pdf.page_label.text() == "Page 10 of 10"
    assert not pdf.next.isEnabled()


@pytest.mark.qt_log_ignore(r"PulseAudioService", r"No audio device", r"qt\.multimedia",
                           r"Couldn't (load|resolve)")
def test_audio_streams_from_presigned_url(qtbot: QtBot, pane: PreviewPane,
                                          storage: MinioStorage, counting: CountingStorage,
                                          bucket: str, tmp_path: Path,
                                          capfd: pytest.CaptureFixture[str]) -> None:
    put_bytes(storage, bucket, "tone.wav", samples.wav_bytes(2.0), "application/octet-stream")
    preview(qtbot, pane, bucket, "tone.wav")
    media = pane.media_view
    assert pane.current_view is media
    if not media.available:  # the view must say why, never fail silently
        assert "cannot be played" in media.status.text()
        return
    qtbot.waitUntil(lambda: media.duration > 1500, timeout=WAIT)
    assert counting.bytes_read <= 256 * 1024  # only the sniffing head went through us
    media.seek(1000)
    media.toggle()
    shoot(pane, tmp_path, "audio")
    assert "Playback failed" not in media.status.text()
    out, err = capfd.readouterr()
    assert "X-Amz-Signature" not in out + err


def test_decompression_bomb_is_refused(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                       bucket: str, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "bomb.png", samples.bomb_png(), "image/png")
    preview(qtbot, pane, bucket, "bomb.png")
    assert not pane.showing_image
    assert "30,000 × 30,000" in pane.message
    assert "decompression bomb" in pane.message
    shoot(pane, tmp_path, "bomb")


def test_hostile_svg_is_rendered_inert(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                       bucket: str, listener: Listener, tmp_path: Path) -> None:
    put_bytes(storage, bucket, "evil.svg", samples.hostile_svg(listener.url), "image/svg+xml")
    preview(qtbot, pane, bucket, "evil.svg")
    assert pane.showing_image
    notes = pane.image_view.info.text()
    for removed in ("<script> element", "external link", "event handler",
                    "<foreignObject> element", "external CSS reference"):
        assert removed in notes
    qtbot.wait(300)
    assert not listener.connected()
    shoot(pane, tmp_path, "svg-hostile")


def test_svg_with_entities_is_refused(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                      bucket: str) -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>')
    put_bytes(storage, bucket, "laughs.svg", laughs, "image/svg+xml")
    preview(qtbot, pane, bucket, "laughs.svg")
    assert "DTD" in pane.message


def test_html_and_key_shown_as_plain_source(qtbot: QtBot, pane: PreviewPane,
                                            storage: MinioStorage, bucket: str,
                                            listener: Listener, tmp_path: Path) -> None:
    key = "<b>bold<img src=x onerror=alert(1)>.html"
    html = samples.hostile_html(listener.url)
    put_bytes(storage, bucket, key, html, "text/html")
    preview(qtbot, pane, bucket, key)
    assert pane.shown_text == html.decode()
    title = pane.findChild(object, "titleLabel")
    assert title.text() == key  # literally, as plain text
    assert title.textFormat() == Qt.TextFormat.PlainText
    qtbot.wait(300)
    assert not listener.connected()
    shoot(pane, tmp_path, "html-source")


def test_huge_object_reads_at_most_the_cap(qtbot: QtBot, pane: PreviewPane,
                                           storage: MinioStorage, counting: CountingStorage,
                                           bucket: str, tmp_path: Path) -> None:
    size = 200 * 1024 * 1024
    head = samples.qt_image_bytes("jpeg", 64, 64)

    class Stream:
        """200 MB: a real JPEG start, then zeros, generated as it is read."""

        def __init__(self) -> None:
            self.pos = 0

        def read(self, n: int = -1) -> bytes:
            n = size - self.pos if n < 0 else min(n, size - self.pos)
            start, self.pos = self.pos, self.pos + n
            chunk = bytearray(n)
            if start < len(head):
                part = head[start:start + n]
                chunk[:len(part)] = part
            return bytes(chunk)

    storage.put_stream(bucket, "huge.jpg", Stream(), size, "image/jpeg")  # type: ignore[arg-type]
    storage.put_stream(bucket, "huge.log", _Repeat(b"log line 0123456789\n", size),  # type: ignore[arg-type]
                       size, "text/plain")
    counting.reset()
    preview(qtbot, pane, bucket, "huge.jpg")
    assert "too large to preview" in pane.message
    assert pane.card.has_actions
    with qtbot.waitSignal(pane.download_requested, timeout=WAIT) as signal:
        pane.card.download.click()
    assert signal.args == [bucket, "huge.jpg"]
    print(f"\nbytes read to preview a 200 MB JPEG: {counting.bytes_read:,}")
    assert counting.bytes_read <= pane.cap
    shoot(pane, tmp_path, "too-large")
    counting.reset()
    preview(qtbot, pane, bucket, "huge.log")
    assert pane.shown_text.startswith("log line 0123456789\n")
    print(f"bytes read to preview a 200 MB log: {counting.bytes_read:,}")
    assert counting.bytes_read <= 256 * 1024


class _Repeat:
    def __init__(self, pattern: bytes, size: int) -> None:
        self.pattern, self.size, self.pos = pattern, size, 0

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.pos if n < 0 else min(n, self.size - self.pos)
        offset = self.pos % len(self.pattern)
        reps = (offset + n) // len(self.pattern) + 1
        self.pos += n
        return (self.pattern * reps)[offset:offset + n]


def test_zip_listing_uses_ranged_reads(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                       counting: CountingStorage, bucket: str) -> None:
    entries = {f"folder/file-{i:04}.txt": os.urandom(2000) for i in range(300)}
    body = samples.zip_bytes(entries)
    put_bytes(storage, bucket, "many.zip", body)
    counting.reset()
    preview(qtbot, pane, bucket, "many.zip")
    assert pane.current_view is pane.zip_view
    names = pane.zip_view.names()
    assert len(names) == 300
    assert names[0] == "folder/file-0000.txt"
    assert "300 files" in pane.zip_view.summary.text()
    assert len(body) > 600_000
    assert counting.bytes_read < 400_000  # head + tail + directory, not the whole archive


def test_recent_previews_are_cached_by_etag(qtbot: QtBot, pane: PreviewPane,
                                            storage: MinioStorage, counting: CountingStorage,
                                            bucket: str) -> None:
    put_bytes(storage, bucket, "a.txt", b"first version\n")
    preview(qtbot, pane, bucket, "a.txt")
    counting.reset()
    preview(qtbot, pane, bucket, "a.txt")
    assert counting.bytes_read == 0
    assert pane.shown_text == "first version\n"
    put_bytes(storage, bucket, "a.txt", b"second version\n")  # new ETag: cache must miss
    preview(qtbot, pane, bucket, "a.txt")
    assert pane.shown_text == "second version\n"


def test_view_kinds_are_not_taken_from_content_type(qtbot: QtBot, pane: PreviewPane,
                                                    storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "liar.png", b"just words, not a picture\n", "image/png")
    preview(qtbot, pane, bucket, "liar.png")
    assert pane.loaded is not None
    assert pane.loaded.data.view is ViewKind.TEXT
    assert pane.shown_text == "just words, not a picture\n"


def test_image_zoom(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "big.png", samples.png_bytes(1600, 1200))
    preview(qtbot, pane, bucket, "big.png")
    view: ImageView = pane.image_view
    fitted = view.zoom
    assert fitted < 1.0
    view.zoom_in()
    assert view.zoom > fitted
    view.actual_size()
    assert view.zoom == 1.0
    assert view.displayed_size().width() == 1600
    view.fit()
    assert view.zoom == pytest.approx(fitted)


def test_cancelled_fetch_stops_before_reading(storage: MinioStorage, counting: CountingStorage,
                                              bucket: str) -> None:
    put_bytes(storage, bucket, "p.png", samples.png_bytes(100, 100))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        fetch_preview(counting, bucket, "p.png", cancel=cancel)  # type: ignore[arg-type]
    assert counting.bytes_read == 0


@pytest.mark.qt_log_ignore(r"PulseAudioService", r"No audio device", r"qt\.multimedia",
                           r"Couldn't (load|resolve)", r"No RHI backend")
def test_video_streams_with_controls(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                     counting: CountingStorage, bucket: str,
                                     tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    clip = samples.mp4_bytes(str(tmp_path / "clip.mp4"), frames=100)  # 10 s
    put_bytes(storage, bucket, "clip.mp4", clip, "application/x-bogus")
    counting.reset()
    preview(qtbot, pane, bucket, "clip.mp4")
    media = pane.media_view
    assert pane.current_view is media
    if not media.available:
        assert "cannot be played" in media.status.text()
        return
    qtbot.waitUntil(lambda: media.duration > 5000, timeout=WAIT)
    media.seek(500)
    if not media.playing:  # a slow machine may already have reached the end
        media.toggle()
    qtbot.waitUntil(lambda: media.playing, timeout=WAIT)
    media.toggle()
    qtbot.waitUntil(lambda: not media.playing, timeout=WAIT)
    media.seek(1000)
    sink = media.video_sink()
    qtbot.waitUntil(lambda: sink.videoFrame().isValid(), timeout=WAIT)
    assert sink.videoFrame().size().width() == 160  # decoded frames reach the video widget
    assert counting.bytes_read <= 256 * 1024
    shoot(pane, tmp_path, "video")
    out, err = capfd.readouterr()
    assert "X-Amz-Signature" not in out + err  # FFmpeg must not print the presigned link


def test_pdf_actions_and_links_stay_inert(qtbot: QtBot, pane: PreviewPane, storage: MinioStorage,
                                          bucket: str, listener: Listener) -> None:
    from desktop_app.storage.sample_data import pdf_bytes

    catalog = (f"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS "
               f"(app.launchURL\\(\"{listener.url}/js\"\\);) >> /AA << /WC << /S /URI "
               f"/URI ({listener.url}/uri) >> >> >>").encode()
    # The cross-reference offsets no longer match; PDF readers repair that, as QtPdf does.
    hostile = pdf_bytes("Hostile", ["actions inside"]).replace(
        b"<< /Type /Catalog /Pages 2 0 R >>", catalog)
    put_bytes(storage, bucket, "actions.pdf", hostile, "application/pdf")
    preview(qtbot, pane, bucket, "actions.pdf")
    assert pane.current_view is pane.pdf_view
    assert pane.pdf_view.page_count == 1
    qtbot.wait(300)
    assert not listener.connected()


def test_big_photo_is_decoded_at_reduced_size(qtbot: QtBot, pane: PreviewPane,
                                              storage: MinioStorage, bucket: str) -> None:
    put_bytes(storage, bucket, "big.jpg", samples.qt_image_bytes("jpeg", 4000, 3000))
    preview(qtbot, pane, bucket, "big.jpg")
    assert pane.showing_image
    assert pane.loaded is not None
    assert pane.loaded.image is not None
    assert pane.loaded.image.width() == 2000
    assert pane.image_view.info.text() == "4000 × 3000 px (previewed at 2000 × 1500)"
