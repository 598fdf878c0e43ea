"""Translations: the template (resources/translations/minio_desktop.ts) lists every text the
code of desktop_app/ui asks to translate, German is complete with its plural forms and keeps
every placeholder, the compiled catalogues match their sources, and the language is chosen
from the environment, the preference and the system in that order."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.ui.shell import i18n

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
TEMPLATE = TS_DIR / "minio_desktop.ts"
LANGUAGES = ("de",)
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")

sys.path.insert(0, str(ROOT / "packaging"))
from ts_update import translate_calls


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        for message in context.iter("message"):
            found[(context.findtext("name") or "", message.findtext("source") or "")] = message
    return found


class _TrCalls(ast.NodeVisitor):
    """self.tr("text") calls (under the class they are written in) and bare tr("text") calls
    (under no context), as lupdate files them."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        literal = bool(node.args) and isinstance(node.args[0], ast.Constant) and isinstance(
            node.args[0].value, str)
        if (literal and isinstance(func, ast.Attribute) and func.attr == "tr" and self.classes
                and isinstance(func.value, ast.Name) and func.value.id == "self"):
            self.found.add((self.classes[-1], node.args[0].value))  # type: ignore[attr-defined]
        elif literal and isinstance(func, ast.Name) and func.id == "tr":
            # a module's own tr() helper: lupdate files it under no context at all, whatever
            # context the helper passes at run time (so it is never found translated)
            self.found.add(("", node.args[0].value))  # type: ignore[attr-defined]
        self.generic_visit(node)


def code_texts() -> set[tuple[str, str]]:
    texts = {(context, source) for context, source, _n in translate_calls()}
    for path in (ROOT / "desktop_app" / "ui").rglob("*.py"):
        visitor = _TrCalls()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        texts |= visitor.found
    return texts


def test_the_template_lists_every_text_of_the_code_and_no_other() -> None:
    in_code, in_template = code_texts(), set(_messages(TEMPLATE))
    assert in_code - in_template == set(), "run `make ts`: texts missing from the template"
    assert in_template - in_code == set(), "run `make ts`: texts no longer in the code"
    assert len(in_template) > 900


def test_lupdate_finds_what_the_template_holds(tmp_path: Path) -> None:
    """The template is what `make ts` makes now (no hand edits, no stale run)."""
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((ROOT / "desktop_app" / "ui").rglob("*.py"))]
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True)
    # ts_update.py adds the translate calls lupdate skips (a count that is not a plain name)
    from_code = {(context, source) for context, source, _n in translate_calls()}
    assert set(_messages(fresh)) | from_code == set(_messages(TEMPLATE))


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_translation_is_complete_with_plural_forms_and_placeholders(lang: str) -> None:
    messages = _messages(TS_DIR / f"minio_desktop_{lang}.ts")
    assert set(messages) == set(_messages(TEMPLATE))
    counted = {(c, s) for c, s, n in translate_calls() if n}
    problems = []
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") == "unfinished":
            problems.append(f"unfinished: {context}: {source!r}")
            continue
        numerus = message.get("numerus") == "yes"
        if ((context, source) in counted) != numerus and (context, source) in counted:
            problems.append(f"not a plural message: {context}: {source!r}")
        forms = ([f.text or "" for f in translation.findall("numerusform")] if numerus
                 else [translation.text or ""])
        if numerus and len(forms) != 2:  # German: singular and plural
            problems.append(f"{len(forms)} plural forms: {context}: {source!r}")
        for text in forms:
            if not text.strip():
                problems.append(f"empty: {context}: {source!r}")
            elif _placeholders(text) != _placeholders(source) and not (
                    numerus and set(_placeholders(text)) <= set(_placeholders(source))):
                problems.append(f"placeholders differ: {context}: {source!r} -> {text!r}")
    assert problems == []


@pytest.mark.parametrize("lang", [*LANGUAGES, "en"])
def test_the_shipped_catalogues_are_compiled_from_the_current_files(
        lang: str, tmp_path: Path) -> None:
    ts = TS_DIR / f"minio_desktop_{lang}.ts"
    compiled = tmp_path / "out.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", "-removeidentical", str(ts),
                    "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make ts`"


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def test_plural_forms_in_english_and_german(english: None) -> None:
    def files(n: int) -> str:
        return i18n.translate("Controller", "{count} file(s)", "", n).format(count=n)

    assert (files(1), files(3)) == ("1 file", "3 files")
    assert i18n.set_language("de") == "de"
    assert (files(1), files(3)) == ("1 Datei", "3 Dateien")
    assert i18n.translate("ObjectActions", "Copy S3 URI") == "S3-URI kopieren"
    assert i18n.current_language() == "de"
    assert i18n.set_language("en") == "en"
    assert i18n.translate("ObjectActions", "Copy S3 URI") == "Copy S3 URI"


def test_qt_own_texts_follow_the_language(english: None) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.set_language("de")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Abbrechen"
    box.deleteLater()


def test_the_language_comes_from_the_environment_then_the_preference_then_english(
        english: None) -> None:
    assert i18n.wanted_language("", {"MINIO_DESKTOP_LANG": "de_DE.UTF-8"}) == "de"
    assert i18n.wanted_language("en", {"MINIO_DESKTOP_LANG": "de"}) == "de"
    assert i18n.wanted_language("de", {}) == "de"
    assert i18n.wanted_language("fr", {}) == "en"  # no French catalogue: the source language
    assert i18n.available_languages() == ["de", "en"]


def test_the_core_category_labels_are_marked_for_translation(english: None) -> None:
    """Category labels come from core (no Qt); the combo box translates them from a list
    lupdate can read, which must name every category."""
    from desktop_app.core.categories import Category
    from desktop_app.ui.browse.category_combo import _LABELS, category_label

    assert sorted(_LABELS) == sorted(category.label for category in Category)
    i18n.set_language("de")
    assert category_label(Category.IMAGES) == "Bilder"
