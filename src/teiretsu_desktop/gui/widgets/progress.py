"""A progress dialog that follows the store thread's long task (a backup, a sync import)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QProgressDialog, QWidget

from teiretsu_desktop.gui.tasks import Progress, TaskRunner

SHOW_AFTER_MS = 300  # a task done sooner shows no dialog


def follow_progress(
    parent: QWidget, runner: TaskRunner, label: str, button: str, *, cancels: Progress | None = None
) -> tuple[QProgressDialog, Callable[[], None]]:
    """The dialog, following `runner`'s progress reports, and the function the task's success and failure
    handlers call when it ends. With `cancels`, the button asks the task to stop between its steps."""
    dialog = QProgressDialog(label, button, 0, 100, parent)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    if cancels is not None:
        dialog.canceled.connect(lambda: setattr(cancels, "cancelled", True))

    def moved(done: int, total: int) -> None:
        dialog.setValue(int(done * 100 / total) if total else 0)

    runner.progress.connect(moved)

    def finished() -> None:
        runner.progress.disconnect(moved)
        dialog.reset()

    return dialog, finished
