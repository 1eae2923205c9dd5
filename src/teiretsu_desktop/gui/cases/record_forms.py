"""The person's and the case's fields of a case window, and what of them the user has edited.

The window saves only the parts edited, keeps edits when the record is reloaded, keeps them as a
draft (the raw text of each edited field, so a half-typed date survives) and marks clean exactly what a
save wrote — text typed while the save was on its way stays unsaved.

The parts on tabs not yet shown are not built (issue 19): a part is made when its page is built, and
loaded then from the record last read. A part never built holds no edits; a save takes its values
from the stored record as read, exactly what the form would have shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from teiretsu_desktop.domain.errors import InvalidInput
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
from teiretsu_desktop.gui.widgets.form import Field, Form
from teiretsu_desktop.services import cases, persons

CERTIFICATES = "certificates"  # the 手帳 rows' key in a draft or a snapshot
PERSON_PART = ("person", "disability")  # with the 手帳: what a person's save writes
CASE_PART = ("case", "follow_up", "outcome")
FIELDS = {
    "person": PERSON_FIELDS,
    "disability": DISABILITY_FIELDS,
    "case": CASE_FIELDS,
    "follow_up": FOLLOW_UP_FIELDS,
    "outcome": OUTCOME_FIELDS,
}


class RecordForms:
    def __init__(
        self,
        *,
        hidden: set[str],
        read_only: bool,
        on_edit: Callable[[], None],
        build_page: Callable[[str], object],
    ) -> None:
        """`build_page(part)` builds the page that shows a part (it calls `make` or `make_certificates`)."""
        self._hidden = hidden
        self._read_only = read_only
        self._on_edit = on_edit
        self._build_page = build_page
        self._forms: dict[str, Form] = {}  # the parts built so far, by the names drafts use
        self._certificates: CertificateTable | None = None
        self._stored: tuple[persons.PersonView, cases.CaseView] | None = None  # as last read

    # -- the parts --------------------------------------------------------------------------------

    def _fields(self, name: str) -> list[Field]:
        return [f for f in FIELDS[name] if f.key not in self._hidden]

    def make(self, name: str, parent: QWidget) -> Form:
        """Build a part (for the page being built), loaded from the record as last read."""
        assert name not in self._forms
        form = Form(self._fields(name), parent)
        form.set_read_only(self._read_only)
        form.edited.connect(self._on_edit)
        self._forms[name] = form
        if self._stored is not None:
            person, case = self._stored
            form.set_values(person_values(person) if name in PERSON_PART else case_values(case))
        return form

    def make_certificates(self, parent: QWidget) -> CertificateTable:
        assert self._certificates is None
        table = self._certificates = CertificateTable(parent)
        table.set_read_only(self._read_only)
        table.edited.connect(self._on_edit)
        if self._stored is not None:
            table.set_value(self._stored[0].certificates)  # and clean
        return table

    def part(self, name: str) -> Form:
        """A part, its page built first if it was not."""
        if name not in self._forms:
            self._build_page(name)
        return self._forms[name]

    def certificates(self) -> CertificateTable:
        if self._certificates is None:
            self._build_page(CERTIFICATES)
        assert self._certificates is not None
        return self._certificates

    # -- loading ----------------------------------------------------------------------------------

    def load(self, person: persons.PersonView, case: cases.CaseView) -> None:
        """Show the stored record; fields with unsaved edits keep what the user typed."""
        self._stored = (person, case)
        values, case_data = person_values(person), case_values(case)
        for name, form in self._forms.items():
            form.set_values(values if name in PERSON_PART else case_data, keep=form.dirty_keys())
        if self._certificates is not None and not self._certificates.is_dirty():
            self._certificates.set_value(person.certificates)

    def clear(self) -> None:
        self._stored = None
        for form in self._forms.values():
            form.clear()
        if self._certificates is not None:
            self._certificates.clear()

    # -- what was edited --------------------------------------------------------------------------

    def _built(self, names: tuple[str, ...]) -> list[Form]:
        return [self._forms[n] for n in names if n in self._forms]

    def _certificates_dirty(self) -> bool:
        return self._certificates is not None and self._certificates.is_dirty()

    def person_dirty(self) -> bool:
        return any(f.is_dirty() for f in self._built(PERSON_PART)) or self._certificates_dirty()

    def case_dirty(self) -> bool:
        return any(f.is_dirty() for f in self._built(CASE_PART))

    def is_dirty(self) -> bool:
        return self.person_dirty() or self.case_dirty()

    def _values(self, names: tuple[str, ...], stored: dict[str, Any]) -> dict[str, Any]:
        """The part's values: from the forms built, else as stored (a part never shown is unedited)."""
        values: dict[str, Any] = {}
        for name in names:
            form = self._forms.get(name)
            values |= form.values() if form else {f.key: stored.get(f.key) for f in self._fields(name)}
        return values

    def gather(self) -> tuple[persons.PersonInput | None, cases.CaseInput | None]:
        """The inputs of the parts that were edited (None: that part is unchanged)."""
        person = case = None
        if self._stored is None:
            if self.is_dirty():  # typed before the record arrived: nothing to judge the edits against
                raise InvalidInput("記録を読み込んでいます。読み込みが終わってから保存してください")
            return None, None
        if self.person_dirty():
            stored = self._stored[0]
            values = self._values(PERSON_PART, person_values(stored))
            table = self._certificates
            person = person_input(values, table.value() if table else stored.certificates)
        if self.case_dirty():
            case = case_input(self._values(CASE_PART, case_values(self._stored[1])))
        return person, case

    def draft(self) -> dict[str, Any]:
        """The edited fields' raw text, to keep in the store."""
        state: dict[str, Any] = {name: form.dirty_state() for name, form in self._forms.items()}
        if self._certificates is not None and self._certificates.is_dirty():
            state[CERTIFICATES] = self._certificates.raw_rows()
        return state

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Put a draft's edits back; they stay unsaved (the pages they are on are built for them)."""
        for name in FIELDS:
            section = state.get(name)
            if isinstance(section, dict) and section:
                self.part(name).apply_state(section)
        rows = state.get(CERTIFICATES)
        if isinstance(rows, list):
            self.certificates().set_raw_rows(rows)

    def snapshot(self) -> dict[str, Any]:
        """Every built field's raw text now (what a save about to start will write)."""
        state: dict[str, Any] = {
            name: {k: form.raw(k) for k in form.fields} for name, form in self._forms.items()
        }
        if self._certificates is not None:
            state[CERTIFICATES] = self._certificates.raw_rows()
        return state

    def mark_saved(self, snapshot: dict[str, Any]) -> None:
        """A save of `snapshot` succeeded: those values are clean; anything typed since stays dirty."""
        for name, form in self._forms.items():
            if name in snapshot:  # a part built while the save was on its way keeps its own state
                form.mark_clean(snapshot[name])
        table = self._certificates
        if table is not None and snapshot.get(CERTIFICATES) == table.raw_rows():
            table.mark_clean()

    def mark_clean(self) -> None:
        """Drop the edits: what is on screen counts as stored (a reload then shows the stored record)."""
        for form in self._forms.values():
            form.mark_clean()
        if self._certificates is not None:
            self._certificates.mark_clean()
