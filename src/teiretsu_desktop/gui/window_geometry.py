"""Windows fit the screen they open on, and come back as the user left them.

A caseworker's laptop has 1366×768 (or 1280×720) with a taskbar; every window is sized to the screen's
*available* area less room for the window manager's frame, so its status and message lines stay on
screen. The main and case windows remember their size, place and maximised state (QSettings); a
remembered geometry that no longer fits (a larger monitor unplugged) is fitted again.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for a border and a title bar, which a window does not have before the window manager shows it.
FRAME = QSize(16, 40)


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size the window to (width, height) or the available area, whichever is smaller, and centre it."""
    area = available_area(window)
    w = max(320, min(width, area.width() - FRAME.width()))
    h = max(240, min(height, area.height() - FRAME.height()))
    window.resize(w, h)
    window.move(
        area.x() + max(0, (area.width() - w - FRAME.width()) // 2),
        area.y() + max(0, (area.height() - h - FRAME.height()) // 2),
    )


def restore(window: QWidget, key: str, width: int, height: int) -> None:
    """The geometry the window had when it was last closed, or the preferred size fitted to the screen."""
    saved = QSettings().value(f"windows/{key}")
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        area = available_area(window)
        if window.isMaximized() or area.contains(window.geometry()):
            return
    fit_to_screen(window, width, height)


def remember(window: QWidget, key: str) -> None:
    QSettings().setValue(f"windows/{key}", window.saveGeometry())
