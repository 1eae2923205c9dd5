"""R-SYNC-01, convergence: random edits on three devices, packets exchanged in random order, some
read again, some left for later; afterwards every device holds the same record, no change is lost,
and every pair of edits of one field made without seeing each other is in the conflict queue.

The oracle does not ask the merge what it did. An edit "saw" another when the other's value had been
applied on its device before it was made (every edit writes a value of its own); the edits of a field
that no later edit saw must be exactly what the queue shows — or, when there is one, the value.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.sync import conflicts, exchange
from teiretsu_desktop.store import sealed
from teiretsu_desktop.store.models import Person
from tests.helpers.casework import interview, new_case, new_person
from tests.helpers.stores import TemplateStore, copy_store, unlock_admin
from tests.helpers.sync import Group, copy_group, make_group
from tests.helpers.sync_dump import record

FIELDS = ("phone", "registered_address", "desired_return_area", "life_history")  # life_history is sealed

step = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.sampled_from(FIELDS)),
    st.tuples(st.just("note"), st.integers(0, 2), st.just("")),
    st.tuples(st.just("export"), st.integers(0, 2), st.just("")),
    st.tuples(st.just("import"), st.integers(0, 2), st.just("")),
)


@dataclass(frozen=True)
class Edit:
    field: str
    value: str
    seen: frozenset[str]  # values of edits applied on its device when it was made


def _plain(value: object, session: StaffSession) -> object:
    if isinstance(value, str) and value.startswith(sealed.PREFIX):
        assert session.fields.key is not None
        return sealed.unseal(session.fields.key, value)
    return value


def _applied_values(session: StaffSession, person_id: str) -> frozenset[str]:
    """The values of the person's fields written on or received by this device so far."""
    found: set[str] = set()
    with session.uow(write=False) as uow:
        for fields in uow.session.execute(
            text("SELECT fields FROM sync_write WHERE tbl = 'person' AND key = :k"), {"k": person_id}
        ).scalars():
            found.update(str(_plain(v, session)) for f, v in json.loads(fields).items() if f in FIELDS)
        for row, changed in uow.session.execute(
            text("SELECT row, changed FROM sync_log WHERE tbl = 'person' AND key = :k"), {"k": person_id}
        ).all():
            values = json.loads(row)
            found.update(str(_plain(values[f], session)) for f in (changed or "").split(",") if f in FIELDS)
    return frozenset(found)


def _edit(session: StaffSession, person_id: str, field: str, value: str) -> None:
    with session.uow() as uow:
        person = uow.session.get(Person, person_id)
        assert person is not None
        setattr(person, field, value)
        uow.commit()


@dataclass(frozen=True)
class Base:
    group: Group
    person_id: str
    case_id: str


@pytest.fixture(scope="module")
def base(template_store: TemplateStore, tmp_path_factory: pytest.TempPathFactory) -> Base:
    """A hub with a person and a case made before sync began, and two devices enrolled from it."""
    root = tmp_path_factory.mktemp("sync-base")
    store = copy_store(template_store, root / "hub")
    admin = unlock_admin(store.data_dir)
    try:
        person_id = new_person(admin)
        case_id = new_case(admin, person_id)
        interview(admin, case_id)
    finally:
        admin.lock()
    return Base(make_group(store, root, 2), person_id, case_id)


@pytest.mark.slow
@settings(max_examples=12, deadline=None)
@given(steps=st.lists(step, max_size=16), data=st.data())
def test_three_devices_converge_and_every_concurrent_edit_of_a_field_is_in_the_queue(
    base: Base, steps: list[tuple[str, int, str]], data: st.DataObject
) -> None:
    group, person_id, case_id = base.group, base.person_id, base.case_id
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        copy = copy_group(group, root / "group")
        folder = root / "folder"
        folder.mkdir()
        sessions = [copy.opener.open(d) for d in copy.all()]
        try:
            edits: list[Edit] = []
            notes = 0
            for n, (kind, device, field) in enumerate(steps):
                session = sessions[device]
                if kind == "edit":
                    value = f"{field}-{n}"
                    edits.append(Edit(field, value, _applied_values(session, person_id)))
                    _edit(session, person_id, field, value)
                elif kind == "note":
                    notes += 1
                    record_activity(session, case_id, ActivityInput(
                        datetime(2024, 6, 1, 9, 0), ActivityKind.INTERVIEW, f"面接記録 {n}"))  # fmt: skip
                elif kind == "export":
                    exchange.export(session, folder)
                else:
                    files = sorted(folder.iterdir())
                    if files:
                        chosen = data.draw(st.lists(st.sampled_from(files), max_size=6), label="packets")
                        for path in chosen:  # in any order, some twice, some not at all
                            result = exchange.import_bytes(session, path.read_bytes(), path.name, retry=True)
                            assert result.outcome in ("applied", "own", "seen"), result
            for _ in range(3):
                for session in sessions:
                    exchange.export(session, folder)
                for session in sessions:
                    assert exchange.import_folder(session, folder).refused == []

            dumps = [record(s) for s in sessions]
            assert dumps[0] == dumps[1] == dumps[2]
            with sessions[0].uow(write=False) as uow:
                person = uow.session.get(Person, person_id)
                assert person is not None
                shown = {f: getattr(person, f) for f in FIELDS}
                count = uow.session.execute(
                    text("SELECT count(*) FROM activity WHERE case_id = :c"), {"c": case_id}
                ).scalar()
            assert count == notes + 1  # the note made before the devices were enrolled, and every note since
            queue = {c.field: {v.value for v in c.versions} for c in conflicts.conflicts(sessions[0])}
            for field in FIELDS:
                made = [e for e in edits if e.field == field]
                latest = {e.value for e in made if not any(e.value in other.seen for other in made)}
                if len(latest) > 1:
                    assert queue.get(field) == latest, (field, made)
                    assert shown[field] in latest
                else:
                    assert field not in queue
                    if latest:
                        assert shown[field] == next(iter(latest))
            assert set(queue) <= set(FIELDS)
        finally:
            for session in sessions:
                session.lock()
