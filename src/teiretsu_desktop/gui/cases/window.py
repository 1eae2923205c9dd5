"""A case, opened: the person and the case in tabs, the state and what the rules still need.

One window per case; the main window closes them all on lock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.domain.wareki import to_wareki
from teiretsu_desktop.gui.cases.certificates import CertificateTable
from teiretsu_desktop.gui.cases.forms import (
    CASE_FIELDS,
    DISABILITY_FIELDS,
    FOLLOW_UP_FIELDS,
    OUTCOME_FIELDS,
    PERSON_FIELDS,
    SENSITIVE_KEYS,
    case_input,
    case_values,
    person_input,
    person_values,
)
from teiretsu_desktop.gui.cases.records import ApplicationsTab, CandidatesTab, ConsentTab, ReviewsTab
from teiretsu_desktop.gui.cases.timeline import TimelineTab
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.printing.dialog import PrintDialog
from teiretsu_desktop.gui.widgets.form import Form
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import cases, persons
from teiretsu_desktop.services.changes import Changes, Outcome
from teiretsu_desktop.services.staff import list_colleagues


def _scroll(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def load_case(session: StaffSession, case_id: str) -> dict[str, Any]:
    """Everything the window shows, read in one trip to the store thread."""
    case = cases.get_case(session, case_id)
    return {
        "case": case,
        "person": persons.get_person(session, case.person_id),
        "steps": cases.next_steps(session, case_id),
        "staff": list_colleagues(session),
    }


def save_case(
    session: StaffSession, case_id: str, person_id: str, person: persons.PersonInput, person_rev: int,
    case: cases.CaseInput, case_rev: int,
) -> Outcome[str]:  # fmt: skip
    changes = persons.update_person(session, person_id, person, expected_revision=person_rev).changes
    changes |= cases.update_case(session, case_id, case, expected_revision=case_rev).changes
    return Outcome(case_id, changes)


class CaseWindow(QWidget):
    closed = Signal(str)

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.case_id = case_id
        self.person_id = ""
        self._revisions = (0, 0)
        self.setObjectName("caseWindow")
        self.resize(1100, 780)
        self.header = QLabel(self)
        self.header.setObjectName("caseHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.steps_box = QHBoxLayout()
        self.steps_note = QLabel(self)
        self.steps_note.setWordWrap(True)
        self.steps_note.setObjectName("stepsNote")
        self.status = QLabel(self)
        self.status.setObjectName("caseStatus")
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"), self)
        self.print_button = QPushButton(self.tr("印刷 (Ctrl+P)…"), self)
        self.print_button.setVisible(context.session.can(Permission.PRINT_FORMS))
        may_sensitive = context.session.can(Permission.READ_SENSITIVE)
        hidden = set() if may_sensitive else SENSITIVE_KEYS
        self.person_form = Form([f for f in PERSON_FIELDS if f.key not in hidden], self)
        self.case_form = Form([f for f in CASE_FIELDS if f.key not in hidden], self)
        self.disability_form = Form([f for f in DISABILITY_FIELDS if f.key not in hidden], self)
        self.certificates = CertificateTable(self)
        self.follow_up_form = Form(FOLLOW_UP_FIELDS, self)
        self.outcome_form = Form(OUTCOME_FIELDS, self)
        self.timeline = TimelineTab(context, case_id, self)
        self.candidates = CandidatesTab(context, case_id, self)
        self.applications = ApplicationsTab(context, case_id, self)
        self.reviews = ReviewsTab(context, case_id, self)
        self.consents: ConsentTab | None = None
        self.tabs = QTabWidget(self)
        basic = QWidget(self)
        basic_layout = QHBoxLayout(basic)
        basic_layout.addWidget(self.person_form, 1)
        basic_layout.addWidget(self.case_form, 1)
        disability = QWidget(self)
        disability_layout = QVBoxLayout(disability)
        disability_layout.addWidget(self.disability_form)
        disability_layout.addWidget(self.certificates)
        follow_up = QWidget(self)
        follow_layout = QVBoxLayout(follow_up)
        follow_layout.addWidget(self.follow_up_form)
        follow_layout.addWidget(self.reviews)
        self.tabs.addTab(_scroll(basic, self), self.tr("基本情報"))
        self.tabs.addTab(_scroll(disability, self), self.tr("障害・手帳"))
        self.consent_index = self.tabs.addTab(QWidget(self), self.tr("同意"))
        self.tabs.addTab(self.timeline, self.tr("支援経過"))
        self.tabs.addTab(self.candidates, self.tr("受入先調整"))
        self.tabs.addTab(self.applications, self.tr("申請支援"))
        self.tabs.addTab(follow_up, self.tr("フォローアップ"))
        self.tabs.addTab(_scroll(self.outcome_form, self), self.tr("終結"))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.steps_box)
        layout.addWidget(self.steps_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.open_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, self.open_print)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        context.data_changed.connect(self._changed)
        context.about_to_lock.connect(self.timeline.flush)
        context.locked.connect(self.clear_and_close)
        self.reload()

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.context.run(load_case, self.case_id, on_done=self._loaded)

    def _loaded(self, data: dict[str, Any]) -> None:
        case: cases.CaseView = data["case"]
        person: persons.PersonView = data["person"]
        self.person_id = person.id
        self._revisions = (person.revision, case.revision)
        staff = [(s.display_name, s.staff_id) for s in data["staff"]]
        for key in ("primary_staff_id", "secondary_staff_id"):
            self.case_form.set_choices(key, staff)
        values = person_values(person)
        self.person_form.set_values(values)
        self.disability_form.set_values(values)
        self.certificates.set_value(person.certificates)
        case_data = case_values(case)
        for form in (self.case_form, self.follow_up_form, self.outcome_form):
            form.set_values(case_data)
        birth = f"{to_wareki(person.birth_date)}生" if person.birth_date else ""
        self.header.setText(
            f"<h2>{case.person_name} <small>{person.family_kana} {person.given_kana} {birth}</small></h2>"
            f"{case.case_no} ・ {case.business_line.label} ・ <b>{case.state.label}</b>"
        )
        self.setWindowTitle(f"{case.case_no} — Teiretsu")
        self._show_steps(data["steps"])
        if self.consents is None:
            self.consents = ConsentTab(self.context, self.case_id, person.id, self)
            self.tabs.removeTab(self.consent_index)
            self.tabs.insertTab(self.consent_index, self.consents, self.tr("同意"))
        for tab in (self.consents, self.candidates, self.applications, self.reviews):
            tab.load()
        self.timeline.load()
        line = case.business_line
        self.tabs.setTabVisible(4, line in (BusinessLine.SPECIAL, BusinessLine.GENERAL, BusinessLine.SUSPECT))

    def _show_steps(self, steps: list[cases.NextStep]) -> None:
        while self.steps_box.count():
            item = self.steps_box.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        notes = []
        self.steps_box.addWidget(QLabel(self.tr("状態を進める:"), self))
        for step in steps:
            button = QPushButton(step.state.label, self)
            button.setObjectName(f"step_{step.state.value}")
            # Always clickable: the click saves the form first, and what was just typed may be exactly
            # what the rule needs. A refusal then names what is still missing.
            if step.missing:
                button.setToolTip(self.tr("必要なもの: ") + "、".join(step.missing))
                notes.append(f"「{step.state.label}」に必要: " + "、".join(step.missing))
            button.clicked.connect(lambda _=False, s=step.state: self.move_to(s))
            self.steps_box.addWidget(button)
        self.steps_box.addStretch(1)
        self.steps_note.setText("\n".join(notes))

    # -- actions ----------------------------------------------------------------------------------

    def gather(self) -> tuple[persons.PersonInput, cases.CaseInput]:
        values = self.person_form.values() | self.disability_form.values()
        case_data = self.case_form.values() | self.follow_up_form.values() | self.outcome_form.values()
        return person_input(values, self.certificates.value()), case_input(case_data)

    def save(self, then: Any = None) -> None:
        try:
            person, case = self.gather()
        except Exception as exc:
            self.status.setText(message_for(exc))
            return
        self.status.setText(self.tr("保存しています…"))
        self.context.run(
            save_case, self.case_id, self.person_id, person, self._revisions[0], case, self._revisions[1],
            initiator=self, on_done=lambda _: self._saved(then), on_error=self._failed,
        )  # fmt: skip

    def _saved(self, then: Any) -> None:
        self.status.setText(self.tr("保存しました"))
        if callable(then):
            then()
        else:
            self.reload()

    def move_to(self, state: Any) -> None:
        """Save first (the rules look at the saved dates), then change the state."""

        def transition() -> None:
            self.context.run(
                cases.transition_case, self.case_id, state, initiator=self, on_done=lambda _: self.reload(),
                on_error=self._failed,
            )  # fmt: skip

        self.save(then=transition)

    def open_print(self) -> PrintDialog:
        dialog = PrintDialog(self.context, self.case_id, self)
        dialog.open()
        return dialog

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return
        if self.case_id in changes.ids or (self.person_id and self.person_id in changes.ids):
            self.reload()

    def clear_and_close(self) -> None:
        for form in (
            self.person_form,
            self.case_form,
            self.disability_form,
            self.follow_up_form,
            self.outcome_form,
        ):
            form.clear()
        self.certificates.clear()
        self.header.clear()
        self.steps_note.clear()
        for tab in (self.timeline, self.candidates, self.applications, self.reviews, self.consents):
            if tab is not None:
                tab.clear()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.context.is_unlocked:
            self.timeline.flush()
        self.closed.emit(self.case_id)
        super().closeEvent(event)
