"""Benchmark: time from selection to preview on loopback, and bytes read for a big object.

Starts a throwaway sandbox server, uploads a ~5 MB JPEG, a 1 MB text file, a 10-page PDF
(all generated here; Qt writes the JPEG and the PDF) and a large object, then drives the real
PreviewPane offscreen: `show_object` -> `preview_shown`. Prints medians in ms, cold (empty
preview cache) and warm (cache hit: one stat only), and the bytes the adapter read.

Usage: make bench-preview   (or: python packaging/bench_preview.py [--runs 7] [--large-mb 1024])
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _name in list(os.environ):
    if _name.startswith(("AWS_", "MINIO_")):
        del os.environ[_name]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.storage.preview_fetch import PreviewCache  # noqa: E402
from desktop_app.storage.s3 import MinioStorage  # noqa: E402
from desktop_app.storage.sandbox import SandboxServer  # noqa: E402
from desktop_app.ui.previews.pane import PreviewPane  # noqa: E402
from desktop_app.ui.shell.tasks import TaskRunner  # noqa: E402
from tests.preview_samples import noisy_jpeg, pdf_pages  # noqa: E402


class CountingStorage:
    """The real adapter, counting object bytes read (what a preview costs on the wire)."""

    def __init__(self, inner: MinioStorage) -> None:
        self._inner = inner
        self.bytes_read = 0

    def read_range(self, bucket: str, key: str, offset: int, length: int) -> bytes:
        data = self._inner.read_range(bucket, key, offset, length)
        self.bytes_read += len(data)
        return data

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


class Zeros:
    def __init__(self, size: int, head: bytes) -> None:
        self.size, self.pos, self.head = size, 0, head

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.pos if n < 0 else min(n, self.size - self.pos)
        start, self.pos = self.pos, self.pos + n
        chunk = bytearray(n)
        if start < len(self.head):
            part = self.head[start:start + n]
            chunk[:len(part)] = part
        return bytes(chunk)


def time_preview(pane: PreviewPane, bucket: str, key: str, cold: bool) -> float:
    if cold:
        pane.cache = PreviewCache()
    done: list[str] = []
    pane.preview_shown.connect(lambda _b, k: done.append(k))
    start = time.perf_counter()
    pane.show_object(bucket, key)
    deadline = start + 60
    while not done and time.perf_counter() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.0005)
    elapsed = (time.perf_counter() - start) * 1000
    pane.preview_shown.disconnect()
    if not done:
        raise TimeoutError(f"no preview of {key} within 60 s")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--large-mb", type=int, default=1024)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        server = SandboxServer(Path(tmp))
        settings = server.start()
        storage = MinioStorage(settings)
        counting = CountingStorage(storage)
        runner = TaskRunner()
        pane = PreviewPane(runner)
        pane.resize(480, 760)
        pane.show()
        pane.set_storage(counting)  # type: ignore[arg-type]
        try:
            bucket = "bench"
            storage.make_bucket(bucket)
            jpeg = noisy_jpeg(5 * 1024 * 1024)
            text = b"".join(f"{i:07d} the quick brown fox jumps over the lazy dog\n".encode()
                            for i in range(1024 * 1024 // 52))[: 1024 * 1024]
            pdf = pdf_pages(10)
            files = {"photo.jpg": jpeg, "notes.txt": text, "ten-pages.pdf": pdf}
            for key, body in files.items():
                storage.put_stream(bucket, key, io.BytesIO(body), len(body))
            load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
            print(f"server {settings.url}, {args.runs} runs each, pane 480x760 offscreen, "
                  f"load average {load} on {os.cpu_count()} CPUs")
            print(f"{'file':<16}{'size':>12}{'cold median':>14}{'min':>9}{'max':>9}"
                  f"{'warm median':>14}{'bytes read':>14}")
            for key, body in files.items():
                time_preview(pane, bucket, "notes.txt" if key != "notes.txt" else key, True)
                cold: list[float] = []
                counting.bytes_read = 0
                for _ in range(args.runs):
                    cold.append(time_preview(pane, bucket, key, cold=True))
                read = counting.bytes_read // args.runs
                warm = [time_preview(pane, bucket, key, cold=False) for _ in range(args.runs)]
                print(f"{key:<16}{len(body):>12,}{statistics.median(cold):>11.1f} ms"
                      f"{min(cold):>6.1f} ms{max(cold):>6.1f} ms"
                      f"{statistics.median(warm):>11.1f} ms{read:>14,}")
            size = args.large_mb * 1024 * 1024
            started = time.perf_counter()
            storage.put_stream(bucket, "huge.jpg", Zeros(size, jpeg[:65536]),  # type: ignore[arg-type]
                               size, "image/jpeg")
            upload_s = time.perf_counter() - started
            for key in ("huge.jpg",):
                counting.bytes_read = 0
                ms = time_preview(pane, bucket, key, cold=True)
                print(f"{args.large_mb} MB object ({key}, uploaded in {upload_s:.1f} s): preview "
                      f"in {ms:.1f} ms, {counting.bytes_read:,} bytes read "
                      f"(cap {pane.cap:,}); shown: {pane.message[:60]!r}")
        finally:
            runner.shutdown(wait=True)
            storage.close()
            server.stop()
            pane.close()
            pane.deleteLater()
            QCoreApplication.processEvents()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
