"""`make ts`: bring the translation files up to date with the texts in desktop_app/ui.

1. pyside6-lupdate writes the template (minio_desktop.ts, every source text) and updates
   each language's file (new texts unfinished, finished ones kept, vanished ones dropped).
2. pyside6-lupdate 6.11 sees the count of `translate(context, text, "", n)` only when n is
   a number literal, so it files "{count} file(s)" as a plain message and Qt would never
   pick a plural form. The counted calls are found here in the code (the same scan as
   tests/test_translations.py) and their messages made plural ("numerus") again, with the
   forms a translator gave before step 1. English plurals are a catalogue too
   (minio_desktop_en.ts): forms derived from the source, "file(s)" -> "file" / "files".
3. pyside6-lrelease compiles every language to .qm (package data, loaded by ui/shell/i18n.py).

    python packaging/ts_update.py [lang ...]     # default: every minio_desktop_<lang>.ts
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop_app" / "ui"
TS_DIR = ROOT / "resources" / "translations"
CATALOGUE = "minio_desktop"
BIN = Path(sys.executable).parent


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def translate_calls(folder: Path = UI) -> list[tuple[str, str, bool]]:
    """(context, source, counted) of every translate/QT_TRANSLATE_NOOP call with literal
    texts under `folder`."""
    found: list[tuple[str, str, bool]] = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("translate", "QT_TRANSLATE_NOOP") or len(node.args) < 2:
                continue
            context, source = _literal(node.args[0]), _literal(node.args[1])
            if context is None or source is None:
                continue
            counted = len(node.args) >= 4 or any(k.arg == "n" for k in node.keywords)
            found.append((context, source, counted))
    return found


WORD_PAIR = re.compile(r"\b([A-Za-z]+)/([A-Za-z]+)\b")


def english_forms(source: str) -> list[str]:
    """The singular and plural English text of a counted source text: "file(s)" -> "file" /
    "files", "match(es)" -> "match" / "matches", "is/are" -> "is" / "are" (any word/word)."""
    one = WORD_PAIR.sub(r"\1", source.replace("(%n errors)", "(%n error)"))
    other = WORD_PAIR.sub(r"\2", source)
    one = one.replace("(s) have", " has").replace("(s)", "").replace("(es)", "")
    other = other.replace("(s)", "s").replace("(es)", "es")
    return [one, other]


def _message(context: ET.Element, source: str) -> ET.Element | None:
    for message in context.findall("message"):
        if message.findtext("source") == source:
            return message
    return None


def _context(root: ET.Element, name: str) -> ET.Element:
    for context in root.findall("context"):
        if context.findtext("name") == name:
            return context
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = name
    return context


def saved_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    """What a translator gave, by (context, source), before lupdate runs: the plural forms
    of a counted text, or the one text of another."""
    forms: dict[tuple[str, str], list[str]] = {}
    if not ts.exists():
        return forms
    for context in ET.parse(ts).getroot().findall("context"):  # noqa: S314 - our own file
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            texts = [f.text or "" for f in translation.iter("numerusform")]
            if message.get("numerus") != "yes":
                texts = [translation.text or ""]
            if all(texts):
                forms[(context.findtext("name") or "", message.findtext("source") or "")] = texts
    return forms


def mark(ts: Path, calls: list[tuple[str, str, bool]], english: bool,
         before: dict[tuple[str, str], list[str]]) -> None:
    """Make the counted texts plural messages, and put back the texts lupdate dropped (it
    skips a translate call whose count is not a plain name, such as `self.found`)."""
    tree = ET.parse(ts)  # noqa: S314 - our own file
    root = tree.getroot()
    for context_name, source, counted in sorted(set(calls)):
        context = _context(root, context_name)
        message = _message(context, source)
        if message is None:
            if english and not counted:
                continue
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            saved = before.get((context_name, source), [])
            if not counted:
                if saved:
                    translation.text = saved[0]
                else:
                    translation.set("type", "unfinished")
                continue
        if not counted:
            continue
        message.set("numerus", "yes")
        translation = message.find("translation")
        assert translation is not None
        forms = before.get((context_name, source), [])
        if english:
            forms = english_forms(source)
        if len(forms) == 2 and all(forms):
            translation.attrib.pop("type", None)
        else:
            forms = ["", ""]
            translation.set("type", "unfinished")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for text in forms:
            ET.SubElement(translation, "numerusform").text = text
    if english:  # only the counted texts belong in the English catalogue
        for context in root.findall("context"):
            for message in context.findall("message"):
                if message.get("numerus") != "yes":
                    context.remove(message)
            if not context.findall("message"):
                root.remove(context)
    ET.indent(tree, "    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def _run(tool: str, *args: str) -> None:
    subprocess.run([str(BIN / tool), "-silent", *args], check=True, cwd=ROOT)  # noqa: S603


def main(langs: list[str]) -> None:
    sources = [str(p.relative_to(ROOT)) for p in sorted(UI.rglob("*.py"))]
    langs = langs or sorted(p.stem.split("_")[-1] for p in TS_DIR.glob(f"{CATALOGUE}_*.ts")
                            if not p.stem.endswith("_en"))
    files = {lang: TS_DIR / f"{CATALOGUE}_{lang}.ts" for lang in [*langs, "en"]}
    before = {lang: saved_forms(ts) for lang, ts in files.items()}
    lupdate = ["-no-obsolete", "-locations", "none", *sources]
    _run("pyside6-lupdate", *lupdate, "-ts", str(TS_DIR / f"{CATALOGUE}.ts"))
    for lang, ts in files.items():
        extra = ["-pluralonly"] if lang == "en" else []
        _run("pyside6-lupdate", *lupdate, *extra, "-target-language", lang, "-ts", str(ts))
    calls = translate_calls()
    mark(TS_DIR / f"{CATALOGUE}.ts", calls, english=False, before={})
    for lang, ts in files.items():
        mark(ts, calls, english=lang == "en", before=before[lang])
        _run("pyside6-lrelease", "-removeidentical", str(ts), "-qm", str(ts.with_suffix(".qm")))


if __name__ == "__main__":
    main(sys.argv[1:])
