"""アセスメント: the structured assessment of the case, item by item, in versions (issue 17). Saving makes
a new version from what is on the screen; an earlier version is shown by choosing it. Roles that may
not read 要配慮 narratives (事務) see only that versions exist."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from teiretsu_desktop.domain.assessment import ASSESSMENT_ITEMS
from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.form import Field, Form
from teiretsu_desktop.gui.widgets.scroll import scrolling
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import assessment
from teiretsu_desktop.services.assessment import AssessmentView

FIELDS = [
    Field("written_on", "実施日", "date"),
    *(Field(key, label, "multiline") for key, label in ASSESSMENT_ITEMS),
]


class AssessmentTab(QWidget):
    saved = Signal()  # a new version was stored (the window drops the draft it kept)

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.versions: list[AssessmentView] = []
        self.may_read = context.session.can(Permission.READ_SENSITIVE)
        self.may_write = context.session.can(Permission.WRITE_SENSITIVE)
        label = self.tr("版")
        self.version = QComboBox(self)
        self.version.setObjectName("assessmentVersion")
        self.version.setAccessibleName(label)
        self.version.currentIndexChanged.connect(lambda _i: self._show())
        self.save_button = Button(self.tr("新しい版として保存"), self)
        self.save_button.setObjectName("saveAssessment")
        self.save_button.setVisible(self.may_write)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setObjectName("assessmentStatus")
        self.status.setWordWrap(True)
        self.form = Form(FIELDS, self)
        area = scrolling(self.form, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(label, self))
        top.addWidget(self.version, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if self.may_read:
            layout.addWidget(area, 1)
        else:
            area.hide()
            layout.addWidget(QLabel(self.tr("アセスメントの記述は閲覧権限がありません"), self))
            layout.addStretch(1)
        layout.addWidget(self.status)

    def load(self) -> None:
        case_id = self.case_id
        QueryOp(
            self.context, lambda s: assessment.list_assessments(s, case_id), self._loaded
        ).run_in_background()

    def _loaded(self, versions: list[AssessmentView]) -> None:
        self.versions = versions
        self.version.blockSignals(True)
        self.version.clear()
        for v in versions:
            self.version.addItem(
                self.tr("第{0}版 {1} ({2})").format(v.version, to_wareki(v.written_on), v.staff_name), v.id
            )
        if not versions:
            self.version.addItem(self.tr("まだありません"), None)
        self.version.blockSignals(False)
        self._show()

    def _show(self) -> None:
        if not self.may_read:
            return
        chosen = next((v for v in self.versions if v.id == self.version.currentData()), None)
        values: dict[str, Any] = {key: "" for key, _label in ASSESSMENT_ITEMS}
        values["written_on"] = date.today()
        if chosen is not None and chosen.items is not None:
            values.update(chosen.items)
            values["written_on"] = chosen.written_on
        # What is being typed (or came back from a draft) stays as typed (ADR 0008).
        self.form.set_values(values, keep=self.form.dirty_keys())

    def is_dirty(self) -> bool:
        return self.may_write and self.form.is_dirty()

    def draft(self) -> dict[str, Any]:
        return dict(self.form.dirty_state())

    def drop_edits(self) -> None:
        """Back to the version chosen, as stored (the window's 破棄 and 保存されている内容に戻す)."""
        self.form.mark_clean()
        self._show()

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Edits kept by a lock, a quit or a crash come back unsaved."""
        if self.may_read:
            self.form.apply_state(state)

    def save(self) -> None:
        if not self.may_write:
            return
        values = self.form.values()
        items = {key: values.get(key) or "" for key, _label in ASSESSMENT_ITEMS}
        written_on, case_id = values.get("written_on"), self.case_id
        ChangeOp(
            self.context, lambda s: assessment.save_assessment(s, case_id, items, written_on=written_on)
        ).success(lambda _: self._saved()).failure(
            lambda error: self.status.setText(message_for(error))
        ).run_in_background(initiator=self)

    def _saved(self) -> None:
        self.form.mark_clean()
        self.status.setText(self.tr("新しい版として保存しました"))
        self.saved.emit()
        if self.context.is_unlocked:
            self.load()

    def clear(self) -> None:
        """On lock: nothing of the narratives stays in the widgets."""
        self.versions = []
        self.version.clear()
        self.form.set_values({key: "" for key, _label in ASSESSMENT_ITEMS})
