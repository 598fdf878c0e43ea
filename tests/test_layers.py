"""The layering rules hold: no Qt below ui/, and only storage/s3/ imports minio."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"


def test_core_storage_transfers_load_without_qt() -> None:
    modules = sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for layer in ("core", "storage", "transfers")
        for path in (PACKAGE / layer).rglob("*.py")
    )
    assert len(modules) > 5
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_only_the_adapter_imports_minio() -> None:
    importers = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            if any(name == "minio" or name.startswith("minio.") for name in names):
                importers.add(path.relative_to(PACKAGE).as_posix())
    assert "storage/s3/client.py" in importers  # the adapter builds the SDK client
    assert all(path.startswith("storage/s3/") for path in importers), sorted(importers)


def test_minio_contract_lists_every_module_but_the_adapter() -> None:
    """The import-linter contract names storage modules one by one (it cannot name the
    storage package without its s3 package), so a new module must be added to it."""
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    contract = next(c for c in contracts if c.get("forbidden_modules") == ["minio"])
    graph = grimp.build_graph("desktop_app", cache_dir=None)  # its cache keeps deleted modules
    covered: set[str] = set()
    for expression in contract["source_modules"]:
        covered |= graph.find_matching_modules(expression) if "*" in expression else {expression}
    adapter = {m for m in graph.modules if m.startswith("desktop_app.storage.s3")}
    assert "desktop_app.storage.s3.client" in adapter
    assert covered == set(graph.modules) - adapter


def _ui_import_graph() -> dict[str, set[str]]:
    """Module -> the desktop_app.ui modules it imports (TYPE_CHECKING imports count too: a
    circle drawn only for the type checker still ties the modules together)."""
    graph = grimp.build_graph("desktop_app", cache_dir=None)
    ui = {m for m in graph.modules if m == "desktop_app.ui" or m.startswith("desktop_app.ui.")}
    return {m: graph.find_modules_directly_imported_by(m) & ui for m in ui}


def _find_cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import circle as [a, b, ..., a], or [] when there is none (depth-first search)."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> list[str]:
        path.append(module)
        on_path.add(module)
        for imported in sorted(edges.get(module, ())):
            if imported in on_path:
                return [*path[path.index(imported):], imported]
            if imported not in done and (cycle := visit(imported)):
                return cycle
        on_path.discard(path.pop())
        done.add(module)
        return []

    for module in sorted(edges):
        if module not in done and (cycle := visit(module)):
            return cycle
    return []


def test_find_cycle_sees_a_circle_and_its_absence() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_import_circle_in_ui() -> None:
    edges = _ui_import_graph()
    assert len(edges) > 40
    assert _find_cycle(edges) == []


def test_only_app_imports_the_main_window() -> None:
    """Controllers get a typed context (ui/shell/context.py), never the window class."""
    graph = grimp.build_graph("desktop_app", cache_dir=None)
    importers = graph.find_modules_that_directly_import("desktop_app.ui.shell.main_window")
    assert importers == {"desktop_app.app"}
