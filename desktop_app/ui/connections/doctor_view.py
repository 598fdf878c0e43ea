"""The connection doctor on screen: one row per check with an icon, what was found and what to
do, all plain text. A run is a flow awaiting the checks on a browse worker: starting it again,
closing the doctor window or destroying the view cancels it, so a stale report never lands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.connection import ConnectionSettings
from desktop_app.core.errors import AppError
from desktop_app.storage.doctor import Check, DoctorReport, Status, run_checks
from desktop_app.ui.shell.flows import FlowOwner, run_browse
from desktop_app.ui.shell.i18n import translate
from desktop_app.ui.shell.tasks import TaskRunner

Checker = Callable[[ConnectionSettings], DoctorReport]

_SP = QStyle.StandardPixmap
_ICONS = {
    Status.OK: _SP.SP_DialogApplyButton,
    Status.WARN: _SP.SP_MessageBoxWarning,
    Status.FAIL: _SP.SP_MessageBoxCritical,
    Status.SKIPPED: _SP.SP_MediaSkipForward,
}
_STATUS_WORDS = {
    Status.OK: QT_TRANSLATE_NOOP("DoctorView", "OK"),
    Status.WARN: QT_TRANSLATE_NOOP("DoctorView", "Warning"),
    Status.FAIL: QT_TRANSLATE_NOOP("DoctorView", "Problem"),
    Status.SKIPPED: QT_TRANSLATE_NOOP("DoctorView", "Skipped"),
}


def _plain_label(text: str, parent: QWidget, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DoctorView(QWidget):
    """Runs the checks for one connection and lists the results."""

    finished = Signal(object)  # DoctorReport

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None,
                 checks: Checker = run_checks) -> None:
        super().__init__(parent)
        self.setObjectName("doctorView")
        self.runner = runner
        self.checks = checks
        self.flows = FlowOwner(self)
        self.report: DoctorReport | None = None
        self._settings: ConnectionSettings | None = None
        self._busy = False

        self.headline = _plain_label("", self)
        self.headline.setObjectName("doctorHeadline")
        self.headline.setStyleSheet("font-weight:bold;")
        self._rows = QWidget(self)
        self._grid = QGridLayout(self._rows)
        self._grid.setColumnStretch(2, 1)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._rows)
        self.rerun_button = QPushButton(translate("DoctorView", "Check again"), self)
        self.rerun_button.setObjectName("doctorRerun")
        self.rerun_button.clicked.connect(self.rerun)
        self.copy_button = QPushButton(translate("DoctorView", "Copy report"), self)
        self.copy_button.setObjectName("doctorCopy")
        self.copy_button.setToolTip(translate(
            "DoctorView", "Copy the results as text (no keys are included)."))
        self.copy_button.clicked.connect(self.copy_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rerun_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._set_busy(False)

    @property
    def running(self) -> bool:
        return self._busy

    def run(self, settings: ConnectionSettings) -> None:
        """Check `settings`; a run still going is cancelled (its report would be stale)."""
        self.flows.cancel_all()
        self._settings = settings
        self.report = None
        self._clear_rows()
        self.headline.setText(translate("DoctorView", "Checking {url} …").format(url=settings.url))
        self._set_busy(True)
        self.flows.start(self._check(settings))

    def stop(self) -> None:
        """The user left (closed the doctor window): a run still going is cancelled."""
        if self._busy:
            self.flows.cancel_all()
            self._set_busy(False)
            self.headline.setText(translate("DoctorView", "The check was stopped."))

    def rerun(self) -> None:
        if self._settings is not None:
            self.run(self._settings)

    def copy_report(self) -> None:
        if self.report is not None:
            QGuiApplication.clipboard().setText(self.report.as_text())

    def status_of(self, key: str) -> Status | None:
        """For tests and callers: the shown status of one check."""
        if self.report is None:
            return None
        return self.report.check(key).status

    # -- results -------------------------------------------------------------------------
    async def _check(self, settings: ConnectionSettings) -> None:
        try:
            report = await run_browse(self.runner, self.checks, settings)
        except AppError as error:
            self._set_busy(False)
            self.headline.setText(translate(
                "DoctorView",
                "The check itself failed: {user_text}").format(user_text=error.user_text()))
            return
        self._show(report)

    def _show(self, report: DoctorReport) -> None:
        self.report = report
        self._set_busy(False)
        if report.problems:
            count = len(report.problems)
            self.headline.setText(translate(
                "DoctorView",
                "{count} problem(s) found with {endpoint}. {summary}", "", count).format(
                count=count,
                endpoint=report.endpoint,
                summary=report.summary(),
            ))
        else:
            warnings = sum(c.status == Status.WARN for c in report.checks)
            extra = translate(
                "DoctorView",
                " ({warnings} warning(s))", "", warnings).format(
                warnings=warnings,
            ) if warnings else ""
            self.headline.setText(translate(
                "DoctorView",
                "The connection to {endpoint} works{extra}.").format(
                endpoint=report.endpoint,
                extra=extra,
            ))
        for row, check in enumerate(report.checks):
            self._add_row(row, check)
        self.finished.emit(report)

    def _add_row(self, row: int, check: Check) -> None:
        icon = QLabel(self._rows)
        icon.setObjectName(f"doctorIcon_{check.key}")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(_ICONS[check.status]).pixmap(size, size))
        icon.setToolTip(translate("DoctorView", _STATUS_WORDS[check.status]))
        icon.setAccessibleName(translate("DoctorView", _STATUS_WORDS[check.status]))
        name = _plain_label(check.name, self._rows, wrap=False)
        name.setStyleSheet("font-weight:bold;")
        text = check.message + (translate(
            "DoctorView",
            "\nWhat to do: {fix}").format(fix=check.fix) if check.fix else "")
        detail = _plain_label(text, self._rows)
        detail.setObjectName(f"doctorCheck_{check.key}")
        if check.status == Status.SKIPPED:
            detail.setEnabled(False)
        top = Qt.AlignmentFlag.AlignTop
        self._grid.addWidget(icon, row, 0, top)
        self._grid.addWidget(name, row, 1, top)
        self._grid.addWidget(detail, row, 2, top)

    def _clear_rows(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.rerun_button.setEnabled(not busy)
        self.copy_button.setEnabled(not busy and self.report is not None)


class DoctorDialog(QDialog):
    """A non-modal window around `DoctorView`, for "Diagnose connection…"."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorDialog")
        self.setWindowTitle(translate("DoctorDialog", "Connection check"))
        self.resize(720, 520)
        self.view = DoctorView(runner, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        self.finished.connect(self.view.stop)  # closed while checking: the run is dropped

    def run(self, settings: ConnectionSettings) -> None:
        self.view.run(settings)
