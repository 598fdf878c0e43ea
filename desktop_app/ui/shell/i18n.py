"""Languages: the app's texts go through Qt's translator; English is the source language.

Every user-visible text in ui/ is written as `translate("Context", "text")` (placeholders as
`{name}` filled by `.format(...)`; counts as `%n` with the n argument, which picks the plural
form), so `make ts` (pyside6-lupdate) finds them all. The compiled catalogues (`.qm`) are
package data in `desktop_app.resources.translations`; Qt's own catalogue for the same language
(standard buttons, file dialogs) is loaded beside ours when Qt ships one.

Which language: `MINIO_DESKTOP_LANG` (for a run), else the preference (`language`, "" = the
system's), else the system locale. `set_language` swaps the translators while the app runs
and re-translates the open windows (shell/retranslate.py says how, and what waits for its
next refresh).

Texts made in core/ and storage/ (error explanations, check results) stay English: they are
plain Python without Qt, and many carry server answers that cannot be translated anyway.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QThread, QTranslator

from desktop_app.ui.shell.retranslate import remember, retranslate_open_windows

LANGUAGE_ENV = "MINIO_DESKTOP_LANG"
CATALOGUE = "minio_desktop"
SOURCE_LANGUAGE = "en"
# Shown in the language list by their own names (a reader who cannot read the current
# language still finds theirs).
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate, after making sure a catalogue is installed: English needs
    one too, for its plural forms (the source texts say "{count} file(s)")."""
    app = QCoreApplication.instance()
    if not _Installed.ready and app is not None and app.thread() is QThread.currentThread():
        set_language(SOURCE_LANGUAGE)
    text = QCoreApplication.translate(context, source, disambiguation, n)
    if n < 0:
        remember(text, (context, source, disambiguation))
    return text


def _lookup(context: str, source: str, disambiguation: str | None) -> str:
    text = QCoreApplication.translate(context, source, disambiguation)
    remember(text, (context, source, disambiguation))
    return text


def available_languages() -> list[str]:
    """The language codes the app can show: English and every shipped catalogue."""
    folder = resources.files("desktop_app.resources") / "translations"
    found = {SOURCE_LANGUAGE}
    for entry in folder.iterdir():
        name = entry.name
        if name.startswith(CATALOGUE + "_") and name.endswith(".qm"):
            found.add(name[len(CATALOGUE) + 1:-3])
    return sorted(found)


def wanted_language(preference: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The language code to show: the environment override, the preference, the system's."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANGUAGE_ENV, "").strip() or preference.strip()
    if not chosen:
        chosen = QLocale.system().name()
    code = chosen.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in available_languages() else SOURCE_LANGUAGE


class _Installed:
    """The translators currently installed in the application (kept alive here)."""

    language = SOURCE_LANGUAGE
    ready = False  # set_language ran (English plural forms are a catalogue too)
    translators: list[QTranslator] = []  # noqa: RUF012 - one shared list on purpose


def current_language() -> str:
    """The code of the language the texts are shown in now."""
    return _Installed.language


class _Catalogue(QTranslator):
    """A translator over a copy of the `.qm` in memory, which it keeps alive: Qt maps a file
    it loads by name, and a catalogue rewritten under a running app (a package upgrade,
    `make ts`) then kills it with SIGBUS on the next lookup."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data  # Qt reads from this buffer without copying it


def _load_ours(language: str) -> QTranslator | None:
    entry = resources.files("desktop_app.resources") / "translations" / f"{CATALOGUE}_{language}.qm"
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    translator = _Catalogue(data)
    return translator if translator.load(data) else None


def _load_qt(language: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        return translator
    return None


def set_language(language: str) -> str:
    """Show the app in `language` (a code from available_languages(); anything else means
    English) from now on; returns the code in effect. Open windows get a LanguageChange."""
    app = QCoreApplication.instance()
    code = language if language in available_languages() else SOURCE_LANGUAGE
    if app is None or (code == _Installed.language and _Installed.ready):
        return _Installed.language
    for old in _Installed.translators:
        QCoreApplication.removeTranslator(old)
    _Installed.translators = []
    for translator in (_load_ours(code), _load_qt(code) if code != SOURCE_LANGUAGE else None):
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            _Installed.translators.append(translator)
    changed = _Installed.ready and code != _Installed.language
    _Installed.language = code
    _Installed.ready = True
    QLocale.setDefault(QLocale(code) if code != SOURCE_LANGUAGE else QLocale.system())
    if changed:
        retranslate_open_windows(_lookup)
    return code
