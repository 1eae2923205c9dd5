"""The person's and the case's fields of a case window, and what of them the user has edited.

The window saves only the parts edited, keeps edits when the record is reloaded, keeps them as a
draft (the raw text of each edited field, so a half-typed date survives) and marks clean exactly what a
save wrote — text typed while the save was on its way stays unsaved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from teiretsu_desktop.gui.cases.certificates import CertificateTable
from teiretsu_desktop.gui.cases.forms import (
    CASE_FIELDS,
    DISABILITY_FIELDS,
    FOLLOW_UP_FIELDS,
    OUTCOME_FIELDS,
    PERSON_FIELDS,
    case_input,
    case_values,
    person_input,
    person_values,
)
from teiretsu_desktop.gui.widgets.form import Form
from teiretsu_desktop.services import cases, persons

CERTIFICATES = "certificates"  # the 手帳 rows' key in a draft or a snapshot


class RecordForms:
    def __init__(
        self, parent: QWidget, *, hidden: set[str], read_only: bool, on_edit: Callable[[], None]
    ) -> None:
        self.person = Form([f for f in PERSON_FIELDS if f.key not in hidden], parent)
        self.case = Form([f for f in CASE_FIELDS if f.key not in hidden], parent)
        self.disability = Form([f for f in DISABILITY_FIELDS if f.key not in hidden], parent)
        self.certificates = CertificateTable(parent)
        self.follow_up = Form(FOLLOW_UP_FIELDS, parent)
        self.outcome = Form(OUTCOME_FIELDS, parent)
        # By the names drafts use; the person's part first, then the case's.
        self.by_name = {
            "person": self.person,
            "disability": self.disability,
            "case": self.case,
            "follow_up": self.follow_up,
            "outcome": self.outcome,
        }
        self._person_part = (self.person, self.disability)
        self._case_part = (self.case, self.follow_up, self.outcome)
        for form in self.by_name.values():
            form.set_read_only(read_only)
            form.edited.connect(on_edit)
        self.certificates.set_read_only(read_only)
        self.certificates.edited.connect(on_edit)

    # -- loading ----------------------------------------------------------------------------------

    def load(self, person: persons.PersonView, case: cases.CaseView) -> None:
        """Show the stored record; fields with unsaved edits keep what the user typed."""
        values = person_values(person)
        for form in self._person_part:
            form.set_values(values, keep=form.dirty_keys())
        if not self.certificates.is_dirty():
            self.certificates.set_value(person.certificates)
        case_data = case_values(case)
        for form in self._case_part:
            form.set_values(case_data, keep=form.dirty_keys())

    def clear(self) -> None:
        for form in self.by_name.values():
            form.clear()
        self.certificates.clear()

    # -- what was edited --------------------------------------------------------------------------

    def person_dirty(self) -> bool:
        return any(f.is_dirty() for f in self._person_part) or self.certificates.is_dirty()

    def case_dirty(self) -> bool:
        return any(f.is_dirty() for f in self._case_part)

    def is_dirty(self) -> bool:
        return self.person_dirty() or self.case_dirty()

    def gather(self) -> tuple[persons.PersonInput | None, cases.CaseInput | None]:
        """The inputs of the parts that were edited (None: that part is unchanged)."""
        person = case = None
        if self.person_dirty():
            values = self.person.values() | self.disability.values()
            person = person_input(values, self.certificates.value())
        if self.case_dirty():
            case = case_input(self.case.values() | self.follow_up.values() | self.outcome.values())
        return person, case

    def draft(self) -> dict[str, Any]:
        """The edited fields' raw text, to keep in the store."""
        state: dict[str, Any] = {name: form.dirty_state() for name, form in self.by_name.items()}
        if self.certificates.is_dirty():
            state[CERTIFICATES] = self.certificates.raw_rows()
        return state

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Put a draft's edits back; they stay unsaved."""
        for name, form in self.by_name.items():
            section = state.get(name)
            if isinstance(section, dict):
                form.apply_state(section)
        rows = state.get(CERTIFICATES)
        if isinstance(rows, list):
            self.certificates.set_raw_rows(rows)

    def snapshot(self) -> dict[str, Any]:
        """Every field's raw text now (what a save about to start will write)."""
        state: dict[str, Any] = {
            name: {k: form.raw(k) for k in form.fields} for name, form in self.by_name.items()
        }
        state[CERTIFICATES] = self.certificates.raw_rows()
        return state

    def mark_saved(self, snapshot: dict[str, Any]) -> None:
        """A save of `snapshot` succeeded: those values are clean; anything typed since stays dirty."""
        for name, form in self.by_name.items():
            form.mark_clean(snapshot.get(name))
        if snapshot.get(CERTIFICATES) == self.certificates.raw_rows():
            self.certificates.mark_clean()

    def mark_clean(self) -> None:
        """Drop the edits: what is on screen counts as stored (a reload then shows the stored record)."""
        for form in self.by_name.values():
            form.mark_clean()
        self.certificates.mark_clean()
