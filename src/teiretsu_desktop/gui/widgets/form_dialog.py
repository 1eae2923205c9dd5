"""A small modal form whose OK runs a use case on the store thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp
from teiretsu_desktop.gui.widgets.form import Field, Form
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import Outcome

# What OK runs: a use case over the form's values, already bound to them (runs on the store thread).
Job = Callable[[StaffSession], Outcome[Any]]


class FormDialog(QDialog):
    """A small form whose OK runs a use case on the store thread. The dialog stays open, with the
    message shown and the input kept, until the use case succeeds."""

    def __init__(
        self,
        title: str,
        fields: list[Field],
        context: AppContext,
        make_job: Callable[[dict[str, Any]], Job],
        on_success: Callable[[], None] | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.context = context
        self.form = Form(fields, self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._make_job = make_job
        self._on_success = on_success
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        context.locked.connect(self.reject)

    def _ok(self) -> None:
        try:
            op = self._make_job(self.form.values())
        except Exception as exc:
            self.status.setText(message_for(exc))
            return
        self.buttons.setEnabled(False)
        ChangeOp(self.context, op).success(self._done).failure(self._failed).run_in_background(initiator=self)

    def _done(self, _result: object) -> None:
        if self._on_success is not None:
            self._on_success()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(message_for(error))
