"""Smoke test of the built .deb (`make package-test`, also run by `make package`).

Unpacks the package into a temporary root (`dpkg-deb -x`, no install), checks what it puts
where, then starts the bundled app offscreen against a real sandbox server: it must list a
bucket and exit 0, write its log file without the secret key, and its transfer-engine child
must start from the bundle. The same listing is asked of the `minio-desktop` entry point of
the plain `pip install .` that the bundle was made from (build/package-venv: what `pipx
install .` gives). Prints the figures; exits non-zero on the first failed check.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop_app import DESKTOP_ID, __version__
from desktop_app.storage.s3 import MinioStorage
from desktop_app.storage.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parent.parent


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        sys.exit(1)


def run(cmd: list[str], env: dict[str, str], timeout: float,
        stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,  # noqa: S603
                          stdin=stdin, check=False)


def main() -> int:
    debs = sorted((ROOT / "build").glob(f"minio-desktop_{__version__}_*.deb"))
    check(bool(debs), "a .deb is built (make package)")
    deb = debs[-1]
    print(f"     {deb.name}: {deb.stat().st_size / 2**20:.1f} MiB", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deb-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        root = tmp / "root"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)  # noqa: S603,S607
        exe = root / "opt/minio-desktop/minio-desktop"
        launcher = root / "usr/bin/minio-desktop"
        check(exe.is_file() and os.access(exe, os.X_OK), "bundle at /opt/minio-desktop")
        check(launcher.is_symlink() and os.readlink(launcher) == "/opt/minio-desktop/"
              "minio-desktop", "launcher /usr/bin/minio-desktop points into /opt")
        desktop = root / f"usr/share/applications/{DESKTOP_ID}.desktop"
        icon = root / f"usr/share/icons/hicolor/scalable/apps/{DESKTOP_ID}.svg"
        metainfo = root / f"usr/share/metainfo/{DESKTOP_ID}.metainfo.xml"
        check(desktop.is_file() and icon.is_file() and metainfo.is_file(),
              ".desktop entry, hicolor icon and metainfo installed")
        check(run(["desktop-file-validate", str(desktop)], dict(os.environ), 30).returncode
              == 0, "desktop-file-validate")
        check(run(["appstreamcli", "validate", "--no-net", str(metainfo)], dict(os.environ),
                  60).returncode == 0, "appstreamcli validate")

        server = SandboxServer(tmp / "server")
        settings = server.start()
        try:
            storage = MinioStorage(settings)
            bucket = "smoke-" + secrets.token_hex(3)
            storage.make_bucket(bucket)
            for key in ("hello.txt", "photos/cat.jpg", "report.pdf"):
                storage.put_bytes(bucket, key, b"smoke " + key.encode(), "text/plain", {})
            storage.close()
            home = tmp / "home"
            env = {
                "PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                "MINIO_ENDPOINT": f"http://{settings.endpoint}",
                "MINIO_ACCESS_KEY": settings.access_key,
                "MINIO_SECRET_KEY": settings.secret_key,
                "MINIO_REGION": settings.region or "",
            }
            version = run([str(exe), "--version"], env, 60)
            check(version.returncode == 0 and __version__ in version.stdout,
                  f"--version: {version.stdout.strip()}")
            t0 = time.monotonic()
            listed = run([str(exe), "--self-test", bucket], env, 120)
            took = time.monotonic() - t0
            output = listed.stdout + listed.stderr
            check(listed.returncode == 0 and "listed 3 entries" in listed.stdout
                  and "hello.txt" in listed.stdout and "photos/" in listed.stdout,
                  f"the bundled app listed {bucket} and exited 0 ({took:.1f} s): "
                  + listed.stdout.strip()[:120] + ("" if listed.returncode == 0 else output))
            check("Traceback" not in output, "no traceback on its output")
            logs = list(home.rglob("minio-desktop.log"))
            check(len(logs) == 1, f"log file written: {logs[0] if logs else 'none'}")
            text = logs[0].read_text()
            check(settings.secret_key not in text and "PySide6: " in text,
                  "log names the versions, not the secret key")
            # The transfer engine is a child process of the same executable (`-m module`).
            t0 = time.monotonic()
            child = run([str(exe), "-m", "desktop_app.transfers.engine_child"], env, 60,
                        stdin=subprocess.DEVNULL)
            check(child.returncode == 0 and "Traceback" not in child.stderr,
                  f"transfer engine child starts from the bundle and ends on EOF "
                  f"({time.monotonic() - t0:.1f} s){child.stderr[-500:]}")
            # Qt modules loaded by some features only: charts (statistics), PDF, media.
            for module in ("desktop_app.ui.insight.stats_charts",
                           "desktop_app.ui.previews.pdf_view"):
                loaded = run([str(exe), "-m", module], env, 60)
                check(loaded.returncode == 0, f"{module} loads in the bundle"
                      + loaded.stderr[-500:])
            qt = root / "opt/minio-desktop/_internal/PySide6"
            check(all((qt / f"{m}.abi3.so").is_file() for m in ("QtMultimedia",
                                                               "QtMultimediaWidgets")),
                  "QtMultimedia (audio and video previews) is in the bundle")
            # The wheel install's entry point (pipx install . makes the same).
            entry = ROOT / "build/package-venv/bin/minio-desktop"
            check(entry.is_file(), f"pip-installed entry point {entry.relative_to(ROOT)}")
            env["HOME"] = str(tmp / "home-pip")
            t0 = time.monotonic()
            listed = run([str(entry), "--self-test", bucket], env, 120)
            check(listed.returncode == 0 and "listed 3 entries" in listed.stdout,
                  f"the pip-installed app listed {bucket} and exited 0 "
                  f"({time.monotonic() - t0:.1f} s)" + ("" if listed.returncode == 0
                                                        else listed.stdout + listed.stderr))
        finally:
            server.stop()
    print(f"smoke test passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
