"""The Access tab's two helpers: the Custom policy editor (monospace JSON, checked while it
is typed, a syntax error pointed at by line and column and the cursor put there on request)
and the confirmation that shows, as a unified diff, what applying a policy will change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.bucket_policy import PolicyInvalid, validate_policy
from desktop_app.ui.buckets.new_bucket_dialog import ERROR_STYLE, NOTE_STYLE, plain_label
from desktop_app.ui.shell.i18n import translate

OK_STYLE = "color:#1e6b2e;"


def monospace() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class PolicyEditor(QWidget):
    """A JSON policy editor whose verdict (`problem`) follows every keystroke."""

    edited = Signal()

    def __init__(self, bucket: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyEditor")
        self.bucket = bucket
        self.problem: PolicyInvalid | None = None
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("policyText")
        self.text_edit.setFont(monospace())
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(160)
        self.verdict = plain_label(self, "policyVerdict")
        self.go_to = QPushButton(translate("PolicyEditor", "Show where"), self)
        self.go_to.setObjectName("policyGoToError")
        self.go_to.setToolTip(translate(
            "PolicyEditor", "Put the cursor where the syntax error is."))
        self.go_to.clicked.connect(self.show_error_place)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.verdict, 1)
        row.addWidget(self.go_to, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.text_edit.textChanged.connect(self._check)
        self._check()

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.text_edit.setPlainText(text)

    def _check(self) -> None:
        """Parse and check the policy as it stands, showing the first problem found."""
        try:
            validate_policy(self.bucket, self.text())
        except PolicyInvalid as err:
            self.problem = err
            self.verdict.setText(err.user_text())
            self.verdict.setStyleSheet(ERROR_STYLE)
        else:
            self.problem = None
            self.verdict.setText(translate(
                "PolicyEditor", "The policy is valid JSON and passes the checks."))
            self.verdict.setStyleSheet(OK_STYLE)
        self.go_to.setVisible(bool(self.problem and self.problem.line))
        self.edited.emit()

    def show_error_place(self) -> None:
        """Move the cursor to the syntax error's line and column."""
        if self.problem is None or not self.problem.line:
            return
        block = self.text_edit.document().findBlockByLineNumber(self.problem.line - 1)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor,
                            max(0, min(self.problem.column - 1, block.length() - 1)))
        self.text_edit.setTextCursor(cursor)
        self.text_edit.setFocus()


class DiffHighlighter(QSyntaxHighlighter):
    """Removed lines red, added lines green, hunk headers blue: the change at a glance."""

    COLORS = (("---", "#555555"), ("+++", "#555555"), ("@@", "#1a56a8"), ("-", "#b3261e"),
              ("+", "#1e6b2e"))

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        for start, color in self.COLORS:
            if text.startswith(start):
                shape = QTextCharFormat()
                shape.setForeground(QColor(color))
                self.setFormat(0, len(text), shape)
                return


class PolicyDiffDialog(QDialog):
    """Apply this change? The unified diff of the current and the new policy."""

    def __init__(self, bucket: str, diff: str, removes: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyDiffDialog")
        self.setWindowTitle(translate(
            "PolicyDiffDialog", "Change the access policy of {bucket}").format(bucket=bucket))
        self.resize(620, 460)
        action = (translate(
            "PolicyDiffDialog",
            "remove the bucket's policy: only signed-in users with rights to it will have "
            "access") if removes else translate(
                      "PolicyDiffDialog", "replace the bucket's policy"))
        intro = plain_label(self, "policyDiffIntro",
                            translate(
                                "PolicyDiffDialog",
                                "Applying will {action}. Lines starting with “-” go, lines "
                                "starting with “+” come.").format(action=action))
        self.diff = QPlainTextEdit(diff, self)
        self.diff.setObjectName("policyDiff")
        self.diff.setReadOnly(True)
        self.diff.setFont(monospace())
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = DiffHighlighter(self.diff.document())
        note = plain_label(self, "policyDiffNote",
                           translate(
                               "PolicyDiffDialog",
                               "Both sides are shown in one normal form, so only real changes "
                               "appear."), NOTE_STYLE)
        buttons = QDialogButtonBox(self)
        apply = buttons.addButton(translate(
            "PolicyDiffDialog", "Apply policy"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setObjectName("policyDiffApply")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.diff, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
