"""The Upload rules tab: the rules in force for uploads into this bucket, read-only (they are
edited from "Upload rules…" in the bucket's menu). The rules live in the app's settings, not
on the server, so the main window tells this module where to find them (`rules_source`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core.upload_rules import UploadRules
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

# (storage, bucket) -> (rules or None, "bucket" | "connection" | ""); set by the main window.
RulesSource = Callable[[object, str], tuple[UploadRules | None, str]]
rules_source: RulesSource | None = None
TITLE = QT_TRANSLATE_NOOP("BucketTabs", "Upload rules")
# The core's rule names and fixed settings (plain English there), for the translator.
_TEXTS = (
    QT_TRANSLATE_NOOP("UploadRulesTab", "Largest file"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "No limit"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Allowed kinds (by content)"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Any kind"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Programs under another name"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Refused"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Allowed"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Key of each file"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Category folders"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Yes (images/, documents/, …)"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "No"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Same content already there"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Upload anyway"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Skip it"),
    QT_TRANSLATE_NOOP("UploadRulesTab", "Ask"),
)


class UploadRulesTab(QWidget):
    title = TITLE
    changed = Signal()

    def __init__(self, rules: UploadRules | None, source: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadRulesTab")
        layout = QVBoxLayout(self)
        if rules is None:
            origin = translate(
                "UploadRulesTab", "No upload rules: every file is uploaded under its own name.")
        elif source == "bucket":
            origin = translate(
                "UploadRulesTab", "This bucket has rules of its own (they replace the "
                "connection's):")
        else:
            origin = translate("UploadRulesTab", "The connection's rules apply to this bucket:")
        head = QLabel(origin, self)
        head.setObjectName("uploadRulesOrigin")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(head)
        self.lines: list[tuple[str, str]] = rules.summary() if rules is not None else []
        form = QFormLayout()
        for name, value in self.lines:
            shown = QLabel(translate("UploadRulesTab", value), self)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(translate("UploadRulesTab", name) + ":", shown)
        layout.addLayout(form)
        hint = QLabel(translate(
            "UploadRulesTab", "Change them with “Upload rules…” in the bucket's menu (in the tree "
            "or the Bucket menu)."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    def is_dirty(self) -> bool:
        return False

    async def load(self, runner: TaskRunner) -> None:
        return None  # read when the dialog was built: the rules are local settings

    async def apply(self, runner: TaskRunner) -> None:
        return None


def upload_rules_tab(storage: object, bucket: str, parent: QWidget) -> UploadRulesTab | None:
    """The tab, when the main window has said where rules come from."""
    if rules_source is None:
        return None
    rules, source = rules_source(storage, bucket)
    return UploadRulesTab(rules, source, parent)
