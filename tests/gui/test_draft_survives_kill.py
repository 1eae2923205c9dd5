"""A visit-note draft typed and never saved survives killing the process (kill -9)."""

from __future__ import annotations

from teiretsu_desktop.services.activities import load_draft
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore, unlock_admin
from tests.helpers.typist import type_then_kill

TEXT = "本人は帰住先としてグループホームを希望している"


def test_a_typed_note_survives_kill_9(store: TemplateStore) -> None:
    session = unlock_admin(store.data_dir)
    case_id = new_case(session, new_person(session))
    session.lock()
    line = type_then_kill(
        "tests.stress.note_typist", [str(store.data_dir.root), ADMIN, ADMIN_PASS, case_id, TEXT]
    )
    assert line == "saved", line
    again = unlock_admin(store.data_dir)
    try:
        draft = load_draft(again, case_id)
        assert draft is not None and draft.text == TEXT
        assert again.store.integrity_problems() == []
    finally:
        again.lock()
