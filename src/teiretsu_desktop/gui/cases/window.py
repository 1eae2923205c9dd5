"""A case, opened: the person and the case in tabs, the state and what the rules still need.

One window per case; its editable fields live in record_forms.py, its tabs — built when first shown
(ADR 0021) — in case_tabs.py. The window respects typing (ADR 0008):
- it knows which fields are edited and unsaved, and saves only those, in one transaction with the
  state change a button asks for;
- a change made elsewhere reloads only the tabs it concerns; where the record itself changed under
  unsaved edits, the edits are kept, the other fields are refreshed, and a bar says so and offers to
  take the stored version instead;
- unsaved edits are kept as an encrypted draft in the store while typing and before a lock or quit,
  and come back when the same staff member unlocks or restarts after a crash;
- closing with unsaved edits asks 保存 / 破棄 / キャンセル;
- a role that may not change cases (事務) gets a read-only view.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.case_rules import LINE_FIELDS, shows_field
from teiretsu_desktop.domain.wareki import local_stamp
from teiretsu_desktop.domain.workflow import TERMINAL, CaseState, needs_reason
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.cases.case_data import CaseData, load_case
from teiretsu_desktop.gui.cases.case_tabs import CaseTabs
from teiretsu_desktop.gui.cases.certificates import CertificateTable
from teiretsu_desktop.gui.cases.forms import SENSITIVE_KEYS
from teiretsu_desktop.gui.cases.header import header_html, header_label
from teiretsu_desktop.gui.cases.record_forms import RecordForms
from teiretsu_desktop.gui.context import AppContext, LockReason
from teiretsu_desktop.gui.directory.choices import REQUESTING, agency_choices
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.printing.dialog import PrintDialog
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.form import Form
from teiretsu_desktop.gui.window_geometry import remember, restore
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import case_record, cases
from teiretsu_desktop.services.changes import ChangeKind, Changes

DRAFT_DELAY_MS = 800
ASSESSMENT_DRAFT = "assessment"  # the assessment tab's edits, kept in the window's draft


class CaseWindow(QWidget):
    closed = Signal(str)
    person_view_requested = Signal(str, str)  # person, this case

    def __init__(self, context: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.case_id = case_id
        self.person_id = ""
        self._revisions = (0, 0)
        self._draft_saved = False  # a form draft of this window is in the store
        self._close_after_save = False
        self._saving = False
        self._saving_state: dict[str, Any] = {}
        self._closed_for_good = False
        self._state = CaseState.RECEIVED
        self.may_write = context.session.can(Permission.WRITE_CASES)
        self.setObjectName("caseWindow")
        restore(self, "case", 1100, 760)
        self.header = header_label(self)
        self.notice = QFrame(self)
        self.notice.setObjectName("caseNotice")
        self.notice.setStyleSheet("#caseNotice { background: #fff4d6; border: 1px solid #e0b000; }")
        self.notice_text = QLabel(self.notice)
        self.notice_text.setWordWrap(True)
        self.notice_text.setObjectName("caseNoticeText")
        self.take_stored = Button(self.tr("保存されている内容に戻す"), self.notice)
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.addWidget(self.notice_text, 1)
        notice_layout.addWidget(self.take_stored)
        self.notice.hide()
        self.steps_box = QHBoxLayout()
        self.steps_note = QLabel(self)
        self.steps_note.setWordWrap(False)
        self.steps_note.setFixedHeight(self.steps_note.fontMetrics().height() + 4)
        self.steps_note.setObjectName("stepsNote")
        self.status = QLabel(self)
        self.status.setObjectName("caseStatus")
        self.status.setWordWrap(True)
        self.save_button = Button(self.tr("保存 (Ctrl+S)"), self)
        self.save_button.setVisible(self.may_write)
        self.print_button = Button(self.tr("印刷 (Ctrl+P)…"), self)
        self.print_button.setVisible(context.session.can(Permission.PRINT_FORMS))
        self.person_button = Button(self.tr("本人の全体像"), self)
        self.person_button.setObjectName("personView")
        self.person_button.setToolTip(self.tr("この人のすべてのケース、そのつながり、障害・手帳、同意"))
        self.person_button.clicked.connect(self._request_person_view)
        may_sensitive = context.session.can(Permission.READ_SENSITIVE)
        self.forms = RecordForms(
            hidden=set() if may_sensitive else SENSITIVE_KEYS, read_only=not self.may_write,
            on_edit=self._edited, build_page=lambda part: self.pages.build_part(part),
        )  # fmt: skip
        self._read = False  # the record has been read once
        self.pages = CaseTabs(
            self, context, case_id, self.forms, open_print=self.open_print, print_meeting=self._print_meeting,
            edited=self._edited, assessment_saved=self._assessment_saved,
        )  # fmt: skip
        self.tabs = self.pages.tabs
        self.person_form, self.case_form = self.forms.part("person"), self.forms.part("case")
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.person_button)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(self.steps_box)
        layout.addWidget(self.steps_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        self.save_button.clicked.connect(lambda: self.save())  # not save(checked): clicked passes a bool
        self.print_button.clicked.connect(lambda: self.open_print())
        self.take_stored.clicked.connect(self.discard_edits)
        if self.may_write:
            QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, lambda: self.open_print())
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        # The main window's Ctrl+L (lock) and Ctrl+Q (quit) work from a case window too.
        QShortcut(QKeySequence("Ctrl+L"), self, lambda: context.lock(LockReason.MANUAL))
        QShortcut(
            QKeySequence.StandardKey.Quit, self, lambda: context.main_widget and context.main_widget.close()
        )
        context.data_changed.connect(self._changed)
        context.about_to_lock.connect(self.keep_drafts)
        context.locked.connect(self.clear_and_close)
        self.reload()

    # -- the record's forms on other tabs (each built with its tab) ------------------------------

    @property
    def disability_form(self) -> Form:
        return self.forms.part("disability")

    @property
    def certificates(self) -> CertificateTable:
        return self.forms.certificates()

    @property
    def follow_up_form(self) -> Form:
        return self.forms.part("follow_up")

    @property
    def outcome_form(self) -> Form:
        return self.forms.part("outcome")

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the record; fields with unsaved edits keep what the user typed."""
        case_id = self.case_id
        QueryOp(self.context, lambda s: load_case(s, case_id), self._loaded).run_in_background()

    def _loaded(self, data: CaseData) -> None:
        if self._closed_for_good:
            return
        case, person = data.case, data.person
        self.person_id = person.id
        self._revisions = (person.revision, case.revision)
        staff = [(s.display_name, s.staff_id) for s in data.staff]
        known = {staff_id for _name, staff_id in staff}
        for key in ("primary_staff_id", "secondary_staff_id"):
            assigned = getattr(case, key)
            # A colleague who has left stays assigned until someone changes it (not silently cleared).
            extra = (
                [(self.tr("(登録を削除したスタッフ)"), assigned)]
                if assigned and assigned not in known
                else []
            )
            self.case_form.set_choices(key, staff + extra)
        self.case_form.set_choices("requester_agency_id", agency_choices(list(data.agencies), REQUESTING))
        self.forms.load(person, case)
        names = dict((staff_id, name) for name, staff_id in staff)
        self.header.setText(
            header_html(
                case, person, staff_name=names.get(case.primary_staff_id or "", ""), consent=data.consent,
                last_review=data.last_review, today=date.today(), last_contact=data.last_contact,
                unconfirmed=data.unconfirmed,
            )
        )  # fmt: skip
        for key in LINE_FIELDS:  # only the fields of the case's business line (and any already filled)
            self.case_form.set_field_visible(key, shows_field(key, case.business_line, getattr(case, key)))
        self.setWindowTitle(f"{case.case_no} — Teiretsu")
        self._state = case.state
        self._show_steps(data.steps)
        self.pages.record_read(person.id, case.business_line, data.requirements)
        if not self._read:  # the first reading
            self._read = True
            if data.note_draft is not None and self.may_write:
                self.pages.timeline.restore_draft(data.note_draft)  # the note left unfinished
            if data.draft is not None and self.may_write:
                self._restore(data.draft)

    def _restore(self, draft: case_record.FormDraftView) -> None:
        """Put back the edits of a draft (left by a lock, a quit or a crash); they stay unsaved."""
        self.forms.apply_draft(draft.fields)
        kept = draft.fields.get(ASSESSMENT_DRAFT)
        if isinstance(kept, dict):
            self.pages.assessment.apply_draft(kept)
        self._draft_saved = True
        if not self.is_dirty():  # the draft holds what is stored already (a save had won the race)
            self._drop_edits()
            return
        self._show_notice(
            self.tr(
                "保存されていない編集を復元しました (下書き {0})。保存するか、元に戻してください。"
            ).format(local_stamp(draft.saved_at))
        )

    def _show_steps(self, steps: list[cases.NextStep]) -> None:
        while self.steps_box.count():
            item = self.steps_box.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        notes = []
        if self.may_write and steps:
            self.steps_box.addWidget(QLabel(self.tr("状態を進める:"), self))
        for step in steps:
            # Always clickable: what was just typed may be exactly what the rule needs; it is saved
            # with the state change in one transaction, and a refusal names what is still missing.
            if step.missing:
                notes.append(f"「{step.state.label}」に必要: " + "、".join(step.missing))
            if not self.may_write:
                continue
            button = Button(step.state.label, self)
            button.setObjectName(f"step_{step.state.value}")
            if step.missing:
                button.setToolTip(self.tr("必要なもの: ") + "、".join(step.missing))
            button.clicked.connect(lambda _=False, s=step.state: self.move_to(s))
            self.steps_box.addWidget(button)
        if self.may_write and not self._state.is_open:
            reopen = Button(self.tr("再開…"), self)
            reopen.setObjectName("reopenCase")
            reopen.setToolTip(self.tr("終結日・終結理由を直すとき、支援を続けるとき (理由を記録します)"))
            reopen.clicked.connect(self.reopen)
            self.steps_box.addWidget(QLabel(self.tr("終了したケース:"), self))
            self.steps_box.addWidget(reopen)
        self.steps_box.addStretch(1)
        # One line that never pushes the tabs down: the whole text is in its tooltip.
        text = " ／ ".join(notes) if self.may_write else ""
        self.steps_note.setToolTip(text)
        elided = self.steps_note.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, max(200, self.width() - 40)
        )
        self.steps_note.setText(elided)

    def _reload_steps(self) -> None:
        case_id = self.case_id
        QueryOp(self.context, lambda s: cases.next_steps(s, case_id), self._show_steps).run_in_background()

    # -- what was edited --------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self.may_write and (self.forms.is_dirty() or self._assessment_dirty())

    def _assessment_dirty(self) -> bool:
        assessment = self.pages.built_assessment
        return assessment is not None and assessment.is_dirty()

    def _edited(self) -> None:
        if self.is_dirty():
            self.status.setText(self.tr("未保存の変更があります"))
        self._draft_timer.start()

    def save_draft_now(self) -> None:
        """Keep the unsaved edits in the encrypted store (or drop the draft when nothing is edited)."""
        self._draft_timer.stop()
        if not self.may_write or not self.context.is_unlocked:
            return
        case_id = self.case_id
        if self.is_dirty():
            state = self.forms.draft()
            assessment = self.pages.built_assessment
            if assessment is not None and assessment.is_dirty():
                state[ASSESSMENT_DRAFT] = assessment.draft()
            self._draft_saved = True
            ChangeOp(self.context, lambda s: case_record.save_form_draft(s, case_id, state)).failure(
                self._draft_failed
            ).run_in_background(initiator=self)
        elif self._draft_saved:
            self._draft_saved = False
            ChangeOp(self.context, lambda s: case_record.discard_form_draft(s, case_id)).failure(
                self._draft_failed
            ).run_in_background(initiator=self)

    def _draft_failed(self, error: BaseException) -> None:
        """A draft that could not be written (a full disk): say so; the edits are still on screen."""
        self.status.setText(message_for(error))

    def keep_drafts(self) -> None:
        """Before a lock: queue the drafts now; the store thread writes them before it locks."""
        self.save_draft_now()
        if (timeline := self.pages.built_timeline) is not None:
            timeline.flush()

    # -- actions ----------------------------------------------------------------------------------

    def _assessment_saved(self) -> None:
        """The assessment's version is stored: keep a draft only of what else is still unsaved."""
        self.save_draft_now()
        if not self.is_dirty():
            self.status.setText(self.tr("保存しました"))
            if self._close_after_save:  # 保存 chosen when closing: the window may close now
                self._close_after_save = False
                self.close()

    def save(self, move_to: CaseState | None = None, reason: str | None = None) -> None:
        if not self.may_write or self._saving:
            return  # a second Ctrl+S while the first is on its way would be judged stale
        assessment = self.pages.built_assessment
        if assessment is not None and assessment.is_dirty():  # Ctrl+S saves it too (as a new version)
            assessment.save()
            if not self.forms.is_dirty() and move_to is None:
                return
        closing, self._close_after_save = self._close_after_save, False  # set again only if saving
        try:
            person, case = self.forms.gather()
        except Exception as exc:
            self.status.setText(message_for(exc))
            return
        if person is None and case is None and move_to is None:
            self.status.setText(self.tr("変更はありません"))
            if closing:
                self._discard_and_close()
            return
        line_reason = None
        if "business_line" in self.case_form.dirty_keys() and self._state is not CaseState.RECEIVED:
            # 特別調整 ↔ 一般調整 after 依頼受理: the switch is recorded with its reason.
            label = self.tr("業務区分を切り替える理由")
            line_reason = dialogs.ask_text(self, self.tr("業務区分の切り替え"), label)
            if line_reason is None:
                return
        self._draft_timer.stop()
        self._saving = True
        self._close_after_save = closing
        # What is being saved: edits typed while the save is on its way stay unsaved (and kept).
        self._saving_state = self.forms.snapshot()
        self.status.setText(self.tr("保存しています…"))
        person_rev, case_rev = self._revisions
        case_id = self.case_id
        ChangeOp(
            self.context,
            lambda s: case_record.save_case_record(
                s, case_id, person=person, person_revision=person_rev, case=case, case_revision=case_rev,
                move_to=move_to, reason=reason, line_change_reason=line_reason,
            ),
        ).success(self._saved).failure(self._failed).run_in_background(initiator=self)  # fmt: skip

    def _saved(self, saved: case_record.SavedCase) -> None:
        self._saving = False
        self._revisions = (saved.person_revision, saved.case_revision)
        self.forms.mark_saved(self._saving_state)  # only what was saved is clean now
        self._draft_saved = False
        self.notice.hide()
        self.status.setText(self.tr("保存しました"))
        if self._close_after_save and not self.is_dirty():
            self._close_after_save = False
            self.close()
            return
        self._close_after_save = False
        if self.is_dirty():  # typed during the save: kept, and kept as a draft
            self.status.setText(self.tr("保存しました (その後に入力した内容はまだ保存されていません)"))
            self._draft_timer.start()
        if self.context.is_unlocked:
            self.reload()

    def move_to(self, state: CaseState) -> None:
        """Save what was edited and change the state, in one transaction (the rules read the values
        just typed). A terminal state asks first; a refusal writes nothing and keeps the edits."""
        if state in TERMINAL:
            question = self.tr(
                "ケースを「{0}」にします。よろしいですか？ (あとで「再開」で戻せます。理由が記録されます)"
            )
            if not dialogs.confirm(
                self, self.tr("状態の変更"), question.format(state.label), yes=state.label
            ):
                return
        reason = None
        if needs_reason(self._state, state):  # a move back, or support going on: the history keeps why
            label = self.tr("「{0}」にする理由").format(state.label)
            reason = dialogs.ask_text(self, self.tr("状態を変える理由"), label)
            if reason is None:
                return
        self.save(move_to=state, reason=reason)

    def _request_person_view(self) -> None:
        if self.person_id:  # known once the record has loaded
            self.person_view_requested.emit(self.person_id, self.case_id)

    def reopen(self) -> None:
        """Back to the state the case ended from, with the reason audited (asks for the reason)."""
        reason = dialogs.ask_text(self, self.tr("ケースの再開"), self.tr("再開する理由"))
        if reason is None:
            return
        case_id = self.case_id
        ChangeOp(self.context, lambda s: cases.reopen_case(s, case_id, reason=reason)).success(
            lambda _: self.reload() if self.context.is_unlocked else None
        ).failure(self._failed).run_in_background(initiator=self)

    def open_print(
        self, form_id: str | None = None, consent_id: str | None = None, *, meeting_id: str | None = None
    ) -> PrintDialog | None:
        if not self.context.session.can(Permission.PRINT_FORMS):
            return None
        dialog = PrintDialog(
            self.context, self.case_id, self, form_id=form_id, consent_id=consent_id, meeting_id=meeting_id
        )
        dialog.open()
        return dialog

    def _print_meeting(self, meeting_id: str) -> PrintDialog | None:
        return self.open_print("meeting-record", meeting_id=meeting_id)

    def _failed(self, error: BaseException) -> None:
        """A refused save or state change wrote nothing: keep the edits, refresh the stored revisions
        (and the other fields) so that the next save is judged against what is stored now."""
        self._close_after_save = False
        self._saving = False
        self.status.setText(message_for(error))
        if self.context.is_unlocked:
            self.reload()

    def discard_edits(self) -> None:
        """Take the stored version: drop the unsaved edits and the draft (asks first)."""
        question = self.tr("保存していない編集を破棄して、保存されている内容に戻しますか？")
        if not dialogs.confirm(self, self.tr("編集の破棄"), question, yes=self.tr("破棄する")):
            return
        self._drop_edits()
        self.notice.hide()
        self.reload()

    def _drop_edits(self) -> None:
        self._draft_timer.stop()
        self.forms.mark_clean()
        if (assessment := self.pages.built_assessment) is not None:
            assessment.drop_edits()
        if self._draft_saved and self.context.is_unlocked:
            self._draft_saved = False
            case_id = self.case_id
            ChangeOp(self.context, lambda s: case_record.discard_form_draft(s, case_id)).run_in_background(
                initiator=self
            )

    def _show_notice(self, text: str) -> None:
        self.notice_text.setText(text)
        self.notice.show()

    # -- changes made elsewhere -------------------------------------------------------------------

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not self.context.is_unlocked:
            return
        kinds = changes.kinds_for_case(self.case_id)
        record_changed = ChangeKind.CASE in kinds or (
            bool(self.person_id) and changes.touches_record(ChangeKind.PERSON, self.person_id)
        )
        if record_changed:
            if self.is_dirty():
                self._show_notice(
                    self.tr(
                        "このケースは別の画面で変更されました。入力中の項目はそのまま残し、ほかの項目を最新にしました。"
                    )
                )
            self.reload()
        self.pages.follow(changes, kinds)
        if not record_changed and (
            kinds & {ChangeKind.CANDIDATE, ChangeKind.ACTIVITY} or changes.touches(ChangeKind.CONSENT)
        ):
            self._reload_steps()  # what the rules still need may have changed

    # -- closing ----------------------------------------------------------------------------------

    def clear_and_close(self) -> None:
        """On lock: the drafts were queued by `keep_drafts`; clear every widget and close unasked."""
        self._draft_timer.stop()
        self.forms.clear()
        self.header.clear()
        self.steps_note.clear()
        self.notice_text.clear()
        self.pages.clear()
        self.close()

    def ask_to_close(self) -> bool:
        """With unsaved edits: 保存 / 破棄 / キャンセル. True when the window may close now."""
        if not self.context.is_unlocked or not self.is_dirty():
            return True
        answer = dialogs.ask_save_discard_cancel(
            self,
            self.tr("保存されていない変更"),
            self.tr("このケースには保存されていない変更があります。保存しますか？"),
        )
        if answer is dialogs.CloseAnswer.SAVE:
            self._close_after_save = True
            self.save()
            return False  # closes when the save succeeds
        if answer is dialogs.CloseAnswer.DISCARD:
            self._drop_edits()
            return True
        return False

    def _discard_and_close(self) -> None:
        self._drop_edits()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed_for_good:
            super().closeEvent(event)
            return
        if not self.ask_to_close():
            event.ignore()
            return
        if self.context.is_unlocked and (timeline := self.pages.built_timeline) is not None:
            timeline.flush()
        # A closed window no longer follows changes or locks (it would reload, and audit views of
        # sensitive fields nobody looked at, and on a lock close a newer window's entry).
        self._closed_for_good = True
        for signal, slot in (
            (self.context.data_changed, self._changed),
            (self.context.about_to_lock, self.keep_drafts),
            (self.context.locked, self.clear_and_close),
        ):
            signal.disconnect(slot)
        remember(self, "case")
        self.closed.emit(self.case_id)
        super().closeEvent(event)
