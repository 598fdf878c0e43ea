# Two commands for users: `make run` and `make test`. Both set up what a fresh
# Debian/Ubuntu machine lacks (system packages, the virtualenv, pinned Python packages).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest system-deps-run system-deps-test screenshot clean \
	bench bench-preview bench-list bench-buckets bench-stats bench-sync bench-csv reliability system-deps-reliability \
	package package-test system-deps-package screenshots \
	ts

run: system-deps-run $(STAMP)
	$(BIN)/python -m desktop_app

test: system-deps-test $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests packaging
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	packaging/with-keyring.sh $(BIN)/pytest $(PYTEST_ARGS)

system-deps-run:
	@packaging/system-deps.sh run

system-deps-test:
	@packaging/system-deps.sh test

system-deps-reliability:
	@packaging/system-deps.sh reliability

system-deps-package:
	@packaging/system-deps.sh package

$(STAMP): pyproject.toml setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $(STAMP)

# The README screenshot: the window on a fresh sandbox under a virtual X screen.
screenshot: system-deps-test $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python packaging/screenshot.py docs/screenshot.png

# The user guide's pictures (docs/guide-*.png): a scripted tour of the main flows on a fresh
# sandbox under a virtual X screen.
screenshots: system-deps-test $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python packaging/screenshot_tour.py docs

# Installable copies in build/: a one-folder bundle (PyInstaller, from a clean install in
# build/package-venv) and a .deb of it, then the smoke test below. About 6-10 minutes.
package: system-deps-package $(STAMP)
	packaging/build_package.sh
	$(BIN)/python packaging/smoke_test_deb.py

# The .deb unpacked into a temporary root; its app lists a bucket on a real server, offscreen.
package-test: system-deps-package $(STAMP)
	$(BIN)/python packaging/smoke_test_deb.py

# Selection-to-preview times (5 MB JPEG, 1 MB text, 10-page PDF) and bytes read for a big object.
bench-preview: $(STAMP)
	$(BIN)/python packaging/bench_preview.py $(BENCH_ARGS)

# Listing benchmark (figures, not asserts): ours vs rclone vs plain minio-py on a real server.
bench-list: system-deps-test $(STAMP) $(VENV)/.bench-installed
	$(BIN)/python packaging/bench_listing.py $(BENCH_ARGS)

# Time to empty and delete a 10,000-object versioned bucket on a fresh sandbox (figures).
bench-buckets: system-deps-test $(STAMP)
	$(BIN)/python packaging/bench_buckets.py $(BENCH_ARGS)

# Statistics scan vs our own listing, memory extrapolated to 1M objects (figures).
bench-stats: system-deps-test $(STAMP)
	$(BIN)/python packaging/bench_stats.py $(BENCH_ARGS)

# Sync compare of 10,000 and 100,000 files vs rclone check and rclone sync --dry-run (figures).
bench-sync: system-deps-test $(STAMP) $(VENV)/.bench-installed
	$(BIN)/python packaging/bench_sync.py $(BENCH_ARGS)

# CSV validation of a generated 200 MB file, streamed from disk and from a real server:
# rows/s and peak memory growth (figures).
bench-csv: system-deps-test $(STAMP)
	$(BIN)/python packaging/bench_csv.py $(BENCH_ARGS)

# Transfer benchmark: our engine vs s5cmd vs rclone vs plain minio-py on a real local server.
# BENCH_ARGS=--quick uses smaller workloads.
bench: system-deps-test $(STAMP) $(VENV)/.bench-installed
	$(BIN)/python packaging/bench_transfers.py $(BENCH_ARGS)

# Reliability suite (not part of `make test`): the engine, its process and the window against a
# hostile fake S3 server and a real one that is killed and restarted; prints one table of
# figures per scenario (survived, bytes wrongly saved, files outside, canary hits, temp files,
# orphan uploads). A failing scenario is a defect to fix, not a flaky test.
reliability: system-deps-reliability $(STAMP)
	packaging/with-keyring.sh $(BIN)/pytest tests/reliability $(PYTEST_ARGS)

$(VENV)/.bench-installed: pyproject.toml
	$(BIN)/python -m pip install -q -e ".[dev,bench]"
	@touch $@

# Translations: the template of every source text (resources/translations/minio_desktop.ts),
# each language's file updated with new and changed texts (finished ones kept), English plural
# forms, compiled .qm files. Translate with Qt Linguist (pyside6-linguist) on minio_desktop_<lang>.ts.
ts: $(STAMP)
	$(BIN)/python packaging/ts_update.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info
