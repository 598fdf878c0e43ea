"""Command line: `--help` and `--version` answer without loading Qt or needing a display."""

from __future__ import annotations

import argparse
import os
import sys

from desktop_app import APP_NAME, __version__, quit_signals

EPILOG = """\
environment:
  MINIO_ENDPOINT      server to open, host:port or URL (unset: the saved connections
                      that were open; with none, the welcome page, or the local sandbox
                      when run from a source checkout)
  MINIO_ACCESS_KEY    access key for MINIO_ENDPOINT
  MINIO_SECRET_KEY    secret key for MINIO_ENDPOINT
  MINIO_SECURE        true to use https when MINIO_ENDPOINT has no scheme
  MINIO_BUCKET_NAME   bucket to open first (optional)
  MINIO_REGION        region (optional; blank = auto)
  MINIO_DESKTOP_SANDBOX  1: start the local sandbox when nothing is configured; 0: show
                      the welcome page instead
"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="minio-desktop",
        description=f"{APP_NAME}: browse, preview, upload and share files on MinIO and any "
        "S3-compatible object store.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--self-test", metavar="BUCKET", default="",
                        help="list BUCKET on the server named by MINIO_ENDPOINT & co., print it "
                        "and quit (exit code 0 when listed): a check of an installed copy")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    quit_signals.install()  # before the second it takes to load Qt and build the window
    if not args.self_test:  # already running: bring that window forward, now (see app.main)
        from desktop_app.ui.shell.single_instance import ask_running, socket_path

        if ask_running(socket_path(os.environ)):
            print(f"{APP_NAME} is already running: its window was brought forward.")
            return 0
    from desktop_app.app import main as run_app

    return run_app(self_test=args.self_test)


if __name__ == "__main__":
    sys.exit(main())
