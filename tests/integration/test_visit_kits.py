"""R-SYNC-02, visit kits (issue 18, item 5): only the chosen cases and fields go to the laptop, for
one staff member, until a date; check-in brings the visit's notes and edits back and wipes the kit."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.domain.errors import InvalidInput, SyncRefused, WrongCredentials
from teiretsu_desktop.security.kit_expiry import KIT, KitExpired
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services.activities import ActivityInput, list_activities, record_activity
from teiretsu_desktop.services.cases import get_case
from teiretsu_desktop.services.persons import get_person, update_person
from teiretsu_desktop.services.sync import exchange, kits
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.store import sealed
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.engine import key_pragma
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import SupportCase, sealed_columns
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.casework import new_case, new_person, person
from tests.helpers.stores import ADMIN, ADMIN_PASS, CASEWORKER, CASEWORKER_PASS, TemplateStore
from tests.helpers.sync import make_group

CANARIES = ("カナリア別人", "CANARY-0427-PHONE", "カナリアの面接記録", "窃盗CANARY罪名")


def _encodings(canary: str) -> list[bytes]:
    raw = canary.encode("utf-8")
    forms = [raw, canary.encode("utf-16-le"), canary.encode("utf-16-be"),
             json.dumps(canary).encode("ascii"), base64.b64encode(raw)]  # fmt: skip
    forms += [base64.b64encode(b"\0" * pad + raw)[4:-4] for pad in (1, 2)]  # base64 at any alignment
    return forms


def _plaintext(kit: DataDir, key: bytes, into: Path) -> bytes:
    """Every byte of the kit's database as plain SQLite (sqlcipher_export), so that nothing hides in
    the encryption: names, sealed values, free pages, indexes."""
    conn = sqlcipher3.connect(str(kit.db), isolation_level=None)
    try:
        conn.execute(key_pragma(DatabaseKey(key)))
        conn.execute(f"ATTACH DATABASE '{into}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    return into.read_bytes()


def _unsealed(kit: DataDir, key: bytes, field_key: bytes | None) -> bytes:
    """Every sealed value in the kit, opened: a sealed 罪名 or note is in the kit if it opens to it."""
    assert field_key is not None
    store = Store.open(kit, DatabaseKey(key), migrate=False)
    found = []
    try:
        with store.uow(write=False) as uow:
            for model, attribute in sealed_columns():
                column = model.__table__.c[attribute]
                for value in uow.session.execute(
                    text(f'SELECT "{column.name}" FROM "{column.table.name}"')
                ).scalars():
                    if isinstance(value, str) and value.startswith(sealed.PREFIX):
                        found.append(sealed.unseal(field_key, value))
            for dots in uow.session.execute(text("SELECT dots FROM sync_field")).scalars():
                for dot in json.loads(dots):
                    value = dot["v"]
                    if isinstance(value, str) and value.startswith(sealed.PREFIX):
                        found.append(sealed.unseal(field_key, value))
    finally:
        store.close()
    return "\n".join(found).encode("utf-8")


def test_a_kit_holds_only_the_chosen_case_expires_and_checks_in(store: TemplateStore, tmp_path: Path) -> None:
    group = make_group(store, tmp_path / "made", 1)
    hub = group.opener.open(group.hub)
    visited_person = new_person(hub, family="訪問", fkana="ホウモン")
    visited = new_case(hub, visited_person, offence="窃盗（のちに訂正）")
    with hub.uow() as uow:  # corrected after sync began: the merge state holds the 罪名 too
        corrected = uow.session.get(SupportCase, visited)
        assert corrected is not None
        corrected.offence = "窃盗CANARY罪名"
        uow.commit()
    other = new_case(hub, new_person(hub, family="カナリア別人", phone="CANARY-0427-PHONE"))
    record_activity(
        hub, other, ActivityInput(datetime(2024, 6, 1, 9), ActivityKind.INTERVIEW, "カナリアの面接記録")
    )
    record_activity(
        hub, visited, ActivityInput(datetime(2024, 5, 20, 9), ActivityKind.INTERVIEW, "訪問前の面接記録")
    )
    kit_dir = tmp_path / "kit"

    with pytest.raises(WrongCredentials):  # the kit is wrapped for the staff member, with their passphrase
        kits.check_out(
            hub, [visited], staff_login=CASEWORKER, staff_passphrase="not-theirs-at-all", out=kit_dir
        )
    info = kits.check_out(
        hub, [visited], staff_login=CASEWORKER, staff_passphrase=CASEWORKER_PASS, out=kit_dir
    ).value
    assert (info.cases, info.status, info.staff_name) == (1, "out", "佐藤 花子")
    assert [k.kit_id for k in kits.kits(hub)] == [info.kit_id]

    with hub.uow(write=False) as uow:
        held = json.loads(
            uow.session.execute(text("SELECT value FROM store_meta WHERE key = 'sync.kits'")).scalar_one()
        )
    key = base64.b64decode(held[info.kit_id]["key"])
    files = b"".join(p.read_bytes() for p in DataDir(kit_dir).root.iterdir() if p.is_file())
    plain = _plaintext(DataDir(kit_dir), key, tmp_path / "plain.db")
    opened = _unsealed(DataDir(kit_dir), key, hub.fields.key)  # sealed values too, opened with the field key
    assert "訪問前の面接記録".encode() in opened  # the visited case's own notes are there
    for canary in CANARIES:
        for form in _encodings(canary):
            assert form not in plain and form not in files and form not in opened, canary

    with pytest.raises(WrongCredentials):  # only its staff member opens it: not even the administrator
        unlock_with_passphrase(DataDir(kit_dir), ADMIN, ADMIN_PASS)
    visit = unlock_with_passphrase(DataDir(kit_dir), CASEWORKER, CASEWORKER_PASS)
    try:
        assert get_case(visit, visited).offence in (None, "")
        with pytest.raises(InvalidInput, match="見つかりません"):
            get_case(visit, other)
        record_activity(
            visit, visited, ActivityInput(datetime(2024, 7, 1, 10), ActivityKind.INTERVIEW, "拘置所で面接。")
        )
        update_person(visit, visited_person, person(family="訪問", fkana="ホウモン", phone="090-7777-0000"),
                      expected_revision=get_person(visit, visited_person).revision)  # fmt: skip
        with visit.uow(write=False) as uow:  # a kit never makes the year's bundle (export_bundle asks this)
            assert not sync_state.may_export_statistics(uow.session)
        with pytest.raises(SyncRefused):
            exchange.export(visit, tmp_path)
    finally:
        visit.lock()

    # A week passes: the kit no longer opens, but it can still be checked in.
    kit_store = Store.open(DataDir(kit_dir), DatabaseKey(key), migrate=False)
    with kit_store.uow() as uow:
        meta = json.loads(
            uow.session.execute(text("SELECT value FROM store_meta WHERE key = :k"), {"k": KIT}).scalar_one()
        )
        uow.session.execute(text("UPDATE store_meta SET value = :v WHERE key = :k"),
                            {"v": json.dumps({**meta, "expires_at": "2024-01-01T00:00:00+00:00"}), "k": KIT})  # fmt: skip
        uow.commit()
    kit_store.close()
    with pytest.raises(KitExpired, match="期限"):
        unlock_with_passphrase(DataDir(kit_dir), CASEWORKER, CASEWORKER_PASS)

    merged = kits.check_in(hub, kit_dir).value
    assert merged >= 2
    assert list(kit_dir.iterdir()) == []  # wiped
    assert [k.status for k in kits.kits(hub)] == ["in"]
    assert "拘置所で面接。" in [a.narrative for a in list_activities(hub, visited)]
    assert get_person(hub, visited_person).phone == "090-7777-0000"
    assert get_case(hub, visited).offence == "窃盗CANARY罪名"  # the hub's 罪名 was never touched
    with hub.uow(write=False) as uow:  # the kit's writes follow what the hub had when it was checked out
        hub_id = json.loads(
            uow.session.execute(text("SELECT value FROM store_meta WHERE key = 'sync.device'")).scalar_one()
        )["id"]
        made_before = uow.session.execute(
            text("SELECT max(counter) FROM sync_write WHERE origin = :o"), {"o": hub_id}
        ).scalar_one()
        for deps in uow.session.execute(
            text("SELECT deps FROM sync_write WHERE origin = :k"), {"k": info.kit_id}
        ).scalars():
            assert json.loads(deps)[hub_id] >= made_before - 1

    # What the visit wrote reaches the other devices through the hub's next packet.
    folder = tmp_path / "folder"
    folder.mkdir()
    exchange.export(hub, folder)
    laptop = group.opener.open(group.replicas[0])
    assert exchange.import_folder(laptop, folder).refused == []
    assert "拘置所で面接。" in [a.narrative for a in list_activities(laptop, visited)]
