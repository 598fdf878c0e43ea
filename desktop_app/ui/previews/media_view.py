"""Audio and video through QtMultimedia (package PySide6-Addons), streamed from a short-lived
presigned URL: the player fetches ranges as it plays, nothing is downloaded whole.

QtMultimedia is imported on first use: it is big, and on machines without a media backend
(or without libpulse) the view says so instead of failing.

Player controls are *queued* (run by the event loop, outside Python): the FFmpeg backend's
threads call into our Python-made QAudioOutput (which needs the GIL) while holding a Qt
lock, so a direct `stop()` from Python - holding the GIL, waiting for that lock - could
deadlock. Queued calls run while the event loop has released the GIL.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from PySide6.QtCore import (
    Q_ARG,
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEventLoop,
    QMetaObject,
    Qt,
    QUrl,
)
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.shell.i18n import translate

NO_BACKEND = (QT_TRANSLATE_NOOP(
    "MediaView", "Audio and video cannot be played here: Qt's multimedia support is not "
    "available ({reason}). Download the file to play it in another program."))


def _multimedia() -> tuple[ModuleType, ModuleType] | str:
    """The QtMultimedia modules, or why they cannot be used."""
    try:
        media = importlib.import_module("PySide6.QtMultimedia")
        widgets = importlib.import_module("PySide6.QtMultimediaWidgets")
    except ImportError as exc:  # package missing, or libpulse0 missing on Linux
        return str(exc).split(":")[0] or translate("MediaView", "import failed")
    return media, widgets


def quiet_ffmpeg() -> bool:
    """Silence FFmpeg's own logging to stderr: it prints the input URL, which for us is a
    presigned link with its signature. Qt's FFmpeg backend ships libavutil beside Qt; we set
    its log level to quiet (the library is already loaded, so this changes the same copy)."""
    import ctypes
    from pathlib import Path

    import PySide6

    for lib_dir in (Path(PySide6.__file__).parent / translate("MediaView", "Qt") / "lib",):
        for candidate in sorted(lib_dir.glob("libavutil.so*")):
            try:
                avutil = ctypes.CDLL(str(candidate))
                avutil.av_log_set_level(ctypes.c_int(-8))  # AV_LOG_QUIET
            except (OSError, AttributeError):
                continue
            return True
    return False


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


class MediaView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewMedia")
        self._player: Any = None
        self._audio: Any = None
        self._video: QWidget | None = None
        self._seeking = False
        self.status = QLabel(self)
        self.status.setObjectName("mediaStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.play_button = QToolButton(self)
        self.play_button.setObjectName("mediaPlay")
        self.play_button.setText(translate("MediaView", "▶ Play"))
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("mediaSeek")
        self.slider.sliderPressed.connect(lambda: setattr(self, "_seeking", True))
        self.slider.sliderReleased.connect(self._seek_released)
        self.time = QLabel("0:00 / 0:00", self)
        self.time.setTextFormat(Qt.TextFormat.PlainText)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time)
        self._screen = QStackedLayout()
        self._audio_face = QLabel("♪", self)
        self._audio_face.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._audio_face.setStyleSheet("font-size:64pt; color:palette(mid);")
        self._screen.addWidget(self._audio_face)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._screen, 1)
        layout.addWidget(self.status)
        layout.addLayout(controls)

    # -- public ------------------------------------------------------------------------------
    def play_url(self, url: str, video: bool) -> bool:
        """Start streaming; False (with a message shown) when there is no backend."""
        if not self._ensure_player():
            return False
        self._screen.setCurrentWidget(self._video if video and self._video else
                                      self._audio_face)
        self.status.setText(translate("MediaView", "Loading…"))
        self._invoke("setSource", Q_ARG("QUrl", QUrl(url)))
        self._invoke("play")
        return True

    def stop(self) -> None:
        self._invoke("stop")
        self._invoke("setSource", Q_ARG("QUrl", QUrl()))
        self.slider.setValue(0)
        self.time.setText("0:00 / 0:00")

    def release(self) -> None:
        """Stop and unload now (the queued calls run here, outside Python); for shutdown
        only, as it processes events."""
        if self._player is not None:
            self.stop()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def toggle(self) -> None:
        if self._player is None:
            return
        playing = self._player.playbackState() == self._player.PlaybackState.PlayingState
        self._invoke("pause" if playing else "play")

    def seek(self, ms: int) -> None:
        self._invoke("setPosition", Q_ARG("qint64", int(ms)))

    def _invoke(self, method: str, *args: Any) -> None:
        if self._player is not None:
            QMetaObject.invokeMethod(self._player, method,
                                     Qt.ConnectionType.QueuedConnection, *args)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.stop()  # another preview is shown: nothing plays unseen

    def video_sink(self) -> Any:
        """The sink decoded frames go to (the video widget's), or None without a backend."""
        return self._video.videoSink() if self._video is not None else None  # type: ignore[attr-defined]

    @property
    def available(self) -> bool:
        return self._player is not None

    @property
    def duration(self) -> int:
        return int(self._player.duration()) if self._player is not None else 0

    @property
    def playing(self) -> bool:
        return self._player is not None and (
            self._player.playbackState() == self._player.PlaybackState.PlayingState)

    # -- internals -----------------------------------------------------------------------------
    def _ensure_player(self) -> bool:
        if self._player is not None:
            return True
        modules = _multimedia()
        if isinstance(modules, str):
            self.status.setText(translate("MediaView", NO_BACKEND).format(reason=modules))
            return False
        media, widgets = modules
        player = media.QMediaPlayer(self)
        if not player.isAvailable():
            player.deleteLater()
            self.status.setText(translate("MediaView", NO_BACKEND).format(
                reason=translate("MediaView", "no media backend")))
            return False
        quiet_ffmpeg()
        self._audio = media.QAudioOutput(self)
        player.setAudioOutput(self._audio)
        self._video = widgets.QVideoWidget(self)
        self._screen.addWidget(self._video)
        player.setVideoOutput(self._video)
        player.durationChanged.connect(self._on_duration)
        player.positionChanged.connect(self._on_position)
        player.playbackStateChanged.connect(self._on_state)
        player.errorOccurred.connect(self._on_error)
        player.mediaStatusChanged.connect(self._on_status)
        self._player = player
        if not media.QMediaDevices.audioOutputs():
            self.status.setText(translate(
                "MediaView", "No sound output device was found; video plays silently."))
        return True

    def _seek_released(self) -> None:
        self._seeking = False
        self.seek(self.slider.value())

    def _on_duration(self, ms: int) -> None:
        self.slider.setRange(0, int(ms))
        self._on_position(self._player.position())

    def _on_position(self, ms: int) -> None:
        if not self._seeking:
            self.slider.setValue(int(ms))
        self.time.setText(f"{_clock(int(ms))} / {_clock(self.duration)}")

    def _on_state(self, state: Any) -> None:
        playing = state == self._player.PlaybackState.PlayingState
        self.play_button.setText(translate(
            "MediaView", "⏸ Pause") if playing else translate(
            "MediaView", "▶ Play"))

    def _on_status(self, status: Any) -> None:
        statuses = self._player.MediaStatus
        if status in (statuses.LoadedMedia, statuses.BufferedMedia):
            if self.status.text() == "Loading…":
                self.status.setText("")
        elif status == statuses.InvalidMedia:
            self.status.setText(translate(
                "MediaView", "This file cannot be played (unsupported or damaged)."))

    def _on_error(self, _error: Any, text: str) -> None:
        # Qt's error text may quote the URL; keep the signed query out of the message.
        self.status.setText(translate(
            "MediaView", "Playback failed: ") + text.split("?", 1)[0][:200])
