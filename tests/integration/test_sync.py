"""One center, several devices (issue 18): packets through a folder, merge by field, the conflict
queue, refusals, revocation, audit chains. Each device is a real SQLCipher store made the way IT makes
it: enrolled at the hub, restored from the enrolment file."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from teiretsu_desktop.domain.codes import CertificateKind
from teiretsu_desktop.domain.eligibility import SpecialRequirement
from teiretsu_desktop.domain.errors import InvalidInput, PermissionDenied, WrongCredentials
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import sync_packet as packet
from teiretsu_desktop.security.authority import TamperDetected
from teiretsu_desktop.security.devices import DeviceEntry, DeviceIdentity
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.cases import get_case
from teiretsu_desktop.services.eligibility import confirm_requirement
from teiretsu_desktop.services.persons import CertificateInput, get_person, update_person
from teiretsu_desktop.services.staff import add_staff, remove_staff
from teiretsu_desktop.services.sync import conflicts, devices, exchange, kits
from teiretsu_desktop.services.sync import state as sync_state
from teiretsu_desktop.stats.export import export_bundle
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Disability, new_id, utc_now
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.casework import interview, new_case, new_person, person
from tests.helpers.stores import CASEWORKER, CASEWORKER_PASS, TemplateStore, build_template
from tests.helpers.sync import Group, make_group
from tests.helpers.sync_dump import record


@pytest.fixture
def group(store: TemplateStore, tmp_path: Path) -> Group:
    return make_group(store, tmp_path, 2)


def _exchange(sessions: list[StaffSession], folder: Path, rounds: int = 2) -> None:
    for _ in range(rounds):
        for session in sessions:
            exchange.export(session, folder)
        for session in sessions:
            report = exchange.import_folder(session, folder)
            assert report.refused == [], report.refused


def test_edits_of_different_fields_merge_and_the_same_field_on_two_devices_is_a_conflict_a_person_resolves(
    group: Group, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    person_id = new_person(hub)
    case_id = new_case(hub, person_id)
    _exchange([hub, laptop1, laptop2], folder)
    assert get_case(laptop1, case_id).case_no == get_case(hub, case_id).case_no

    # The caseworker on laptop 1 corrects the phone; on laptop 2 another records the address and, not
    # having seen laptop 1's change, a different phone.
    update_person(
        laptop1,
        person_id,
        person(phone="03-1111-1111"),
        expected_revision=get_person(laptop1, person_id).revision,
    )
    update_person(
        laptop2, person_id, person(phone="03-2222-2222", registered_address="東京都府中市"),
        expected_revision=get_person(laptop2, person_id).revision,
    )  # fmt: skip
    interview(laptop1, case_id, "訪問先で本人と面接（端末1）。")
    interview(laptop2, case_id, "訪問先で本人と面接（端末2）。")
    _exchange([hub, laptop1, laptop2], folder)

    dumps = [record(s) for s in (hub, laptop1, laptop2)]
    assert dumps[0] == dumps[1] == dumps[2]
    merged = get_person(hub, person_id)
    assert merged.registered_address == "東京都府中市"  # a field only one device changed is simply merged
    queue = conflicts.conflicts(hub)
    assert [(c.kind, c.table, c.field) for c in queue] == [("field", "person", "phone")]
    assert {v.value for v in queue[0].versions} == {"03-1111-1111", "03-2222-2222"}
    assert {v.device for v in queue[0].versions} == {"訪問用PC-1", "訪問用PC-2"}
    with hub.uow(write=False) as uow:  # both notes are there: notes never conflict
        notes = uow.session.execute(
            text("SELECT count(*) FROM activity WHERE case_id = :c"), {"c": case_id}
        ).scalar()
    assert notes == 2

    chosen = next(i for i, v in enumerate(queue[0].versions) if v.value == "03-1111-1111")
    conflicts.resolve(hub, "person", person_id, "phone", chosen)
    _exchange([hub, laptop1, laptop2], folder)
    for session in (hub, laptop1, laptop2):
        assert get_person(session, person_id).phone == "03-1111-1111"
        assert conflicts.conflicts(session) == []
    assert record(hub) == record(laptop1) == record(laptop2)
    with hub.uow(write=False) as uow:
        resolved = (
            uow.session.execute(text("SELECT detail FROM audit_log WHERE action = 'sync_conflict_resolved'"))
            .scalars()
            .all()
        )
    assert [json.loads(d)["field"] for d in resolved] == ["phone"]


def test_the_same_unique_record_made_on_two_devices_sets_the_same_one_aside_everywhere(
    group: Group, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    case_id = new_case(hub, new_person(hub))
    _exchange([hub, laptop1, laptop2], folder)
    for session, met in ((laptop1, True), (laptop2, False)):
        confirm_requirement(
            session, case_id, SpecialRequirement.NO_RESIDENCE, met=met, checked_on=date(2024, 6, 1)
        )
    _exchange([hub, laptop1, laptop2], folder)
    assert record(hub) == record(laptop1) == record(laptop2)
    queue = conflicts.conflicts(laptop2)
    assert [c.kind for c in queue] == ["set_aside"]
    assert queue[0].table == "eligibility_check"


def test_each_device_numbers_cases_in_its_own_series(group: Group, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    made = {s: new_case(s, new_person(s), request_date=date(2026, 5, 1)) for s in (hub, laptop1, laptop2)}
    _exchange([hub, laptop1, laptop2], folder)
    numbers = sorted(get_case(hub, c).case_no for c in made.values())
    assert numbers == ["2026-00001", "2026-B00001", "2026-C00001"]
    assert (
        new_case(hub, new_person(hub), request_date=date(2026, 5, 2))
        and get_case(hub, new_case(hub, new_person(hub), request_date=date(2026, 5, 3))).case_no
        == "2026-00003"
    )


def _header_of(header: bytes) -> bytes:
    """A packet-shaped file whose header is `header` (sorted first in the folder by its name)."""
    return packet.MAGIC + len(header).to_bytes(4, "big") + header + bytes(8) + bytes(64)


def _tables(session: StaffSession) -> dict[str, object]:
    dump = record(session)
    with session.uow(write=False) as uow:
        dump["log"] = uow.session.execute(text("SELECT count(*) FROM sync_write")).scalar()
    return dump


def _forge(hub: StaffSession, device: DeviceIdentity, *, center: str | None = None, key: bytes | None = None,
           entry: DeviceEntry | None = None) -> bytes:  # fmt: skip
    with hub.uow(write=False) as uow:
        state = sync_state.require(uow.session)
    header = {
        "center": center or state.center, "center_code": "", "device": device.device_id, "packet_id": new_id(),
        "created_at": utc_now(), "key_generation": state.generation, "vv": {}, "audit_seen": {},
        "devices": [entry.to_json()] if entry else [], "envelopes": [],
    }  # fmt: skip
    return packet.encode(header, {"writes": [], "audit": []}, key or state.keys[state.generation], device)


def test_tampered_foreign_unknown_and_revoked_packets_are_refused_and_change_nothing(
    group: Group, tmp_path: Path, template_store: TemplateStore
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    new_case(laptop2, new_person(laptop2))
    sent = exchange.export(laptop2, folder).path
    assert sent is not None
    good = sent.read_bytes()
    sent.unlink()
    before = _tables(laptop1)

    tampered = bytearray(good)
    tampered[len(good) // 2] ^= 0x01
    stranger = DeviceIdentity.generate(new_id())
    other_center = make_group(build_template(tmp_path / "other-template"), tmp_path / "other", 0)
    foreign_hub = other_center.opener.open(other_center.hub)
    new_person(foreign_hub)
    foreign = exchange.export(foreign_hub, tmp_path / "other").path
    assert foreign is not None
    forged_entry = DeviceEntry(
        {"id": stranger.device_id, "name": "偽の端末", "hub": False, "kit": False, "series": "Z", "signing": stranger.signing_public(),
         "box": stranger.box_public(), "enrolled_at": utc_now(), "fork_vv": {}, "fork_audit_seq": 0, "revoked_at": None},
        "AAAA",
    )  # fmt: skip
    cases = {
        "tampered.tsync": (bytes(tampered), "signature"),
        "truncated.tsync": (good[:-10], "malformed"),
        "noise.tsync": (b"PK\x03\x04" + b"\x00" * 100, "malformed"),
        "a-number-bomb.tsync": (_header_of(b'{"version": ' + b"9" * 5000 + b"}"), "malformed"),
        "stranger.tsync": (_forge(hub, stranger), "unknown_device"),
        "self-enrolled.tsync": (_forge(hub, stranger, entry=forged_entry), "signature"),
        "foreign.tsync": (foreign.read_bytes(), "foreign"),
    }
    for name, (data, _reason) in cases.items():
        (folder / name).write_bytes(data)
    report = exchange.import_folder(laptop1, folder)
    assert {r.file_name: r.reason for r in report.results} == {n: r for n, (_, r) in cases.items()}
    for result in report.results:
        assert "/" in result.message and result.message.split(" / ")[0]  # Japanese, then English
    assert _tables(laptop1) == before
    for name in cases:
        (folder / name).unlink()

    # laptop 2 is lost: the administrator revokes it at the hub. Its packets are refused from then on,
    # and what the hub sends after is under a new sync key that laptop 2 cannot open.
    entry = next(e for e in devices.devices(hub) if e.name == "訪問用PC-2")
    devices.revoke(hub, entry.device_id)
    assert exchange.export(hub, folder).path is not None
    assert exchange.import_folder(laptop1, folder).refused == []
    (folder / "late.tsync").write_bytes(good)
    for session in (hub, laptop1):
        outcome = {r.file_name: r.reason for r in exchange.import_folder(session, folder).results}
        assert outcome["late.tsync"] == "revoked"
    lost = {r.reason for r in exchange.import_folder(laptop2, folder).results if r.outcome == "refused"}
    assert lost == {"key"}
    with hub.uow(write=False) as uow:
        actions = (
            uow.session.execute(text("SELECT action FROM audit_log WHERE action LIKE 'sync_%'"))
            .scalars()
            .all()
        )
    assert "sync_device_revoked" in actions and "sync_packet_refused" in actions


def test_only_an_administrator_enrols_and_the_bundle_comes_from_the_hub(
    store: TemplateStore, group: Group, tmp_path: Path
) -> None:
    caseworker = unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
    try:
        with pytest.raises(PermissionDenied):
            devices.enroll(caseworker, "私物PC", tmp_path / "x.zip")
    finally:
        caseworker.lock()
    laptop = group.opener.open(group.replicas[0])
    with pytest.raises(InvalidInput, match="拠点"):
        export_bundle(laptop, 2024, "prefecture", tmp_path / "bundle.json")
    with pytest.raises(InvalidInput, match="拠点"):
        devices.revoke(laptop, "no-such-device")


def test_the_hub_keeps_every_devices_audit_chain_and_verify_checks_them(group: Group, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    new_case(laptop1, new_person(laptop1))
    new_case(laptop2, new_person(laptop2))
    _exchange([hub, laptop1, laptop2], folder)
    report = maintenance.verify(hub)
    assert report.ok, report.problems
    assert any(check.startswith("devices' audit chains (2): ok") for check in report.checks)
    with hub.uow() as uow:
        uow.session.execute(
            text("UPDATE sync_audit SET action = 'print' WHERE seq = (SELECT max(seq) FROM sync_audit)")
        )
        uow.commit()
    assert any("内容が変更されています" in p for p in maintenance.verify(hub).problems)


def test_the_same_disability_added_on_two_devices_with_different_dates_converges(
    group: Group, tmp_path: Path
) -> None:
    """A person's 障害 rows are unique by kind: two laptops adding one kind on different days must not
    make either packet unappliable — one row is kept everywhere, the other set aside for a person."""
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    person_id = new_person(hub)
    _exchange([hub, laptop1, laptop2], folder)
    for session, day in ((laptop1, date(2024, 6, 1)), (laptop2, date(2024, 6, 2))):
        with session.uow() as uow:
            uow.session.add(Disability(person_id=person_id, kind="physical", identified_on=day))
            uow.commit()
    _exchange([hub, laptop1, laptop2], folder)
    assert record(hub) == record(laptop1) == record(laptop2)
    with hub.uow(write=False) as uow:
        kept = uow.session.execute(
            text("SELECT count(*) FROM disability WHERE person_id = :p AND kind = 'physical'"),
            {"p": person_id},
        ).scalar()
    assert kept == 1
    assert [c.kind for c in conflicts.conflicts(hub)] == ["set_aside"]


def test_staff_changes_at_the_hub_reach_the_devices_with_the_signed_roster(
    group: Group, tmp_path: Path
) -> None:
    """A member added or removed at the hub travels with the hub's signed roster: the device's verify
    stays clean (its staff rows agree with its roster), and a removed member no longer unlocks it."""
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop = group.opener.open(group.hub), group.opener.open(group.replicas[0])
    add_staff(
        hub, login="tanaka", display_name="田中 次郎", role=Role.MANAGER, passphrase="sekinin-passphrase-04"
    )
    remove_staff(hub, CASEWORKER)
    _exchange([hub, laptop], folder)
    report = maintenance.verify(laptop)
    assert report.ok, report.problems
    laptop.lock()
    with pytest.raises((WrongCredentials, TamperDetected)):
        unlock_with_passphrase(group.replicas[0], CASEWORKER, CASEWORKER_PASS)


def test_two_devices_saving_one_person_keep_one_of_each_certificate(group: Group, tmp_path: Path) -> None:
    """Saving a person rewrote every 手帳 with a new id, so two devices saving the same person (each a
    different field) left the person with every 手帳 twice on every device."""
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    book = (CertificateInput(CertificateKind.RYOIKU, grade="B1", issued_on=date(2020, 4, 1)),)
    person_id = new_person(hub, certificates=book)
    _exchange([hub, laptop1, laptop2], folder)
    for session, change in ((laptop1, {"phone": "090-1"}), (laptop2, {"registered_address": "府中市"})):
        update_person(session, person_id, person(certificates=book, **change),
                      expected_revision=get_person(session, person_id).revision)  # fmt: skip
    _exchange([hub, laptop1, laptop2], folder)
    assert record(hub) == record(laptop1) == record(laptop2)
    with hub.uow(write=False) as uow:
        books = uow.session.execute(
            text("SELECT count(*) FROM certificate WHERE person_id = :p"), {"p": person_id}
        ).scalar()
    assert books == 1
    assert (get_person(hub, person_id).phone, get_person(hub, person_id).registered_address) == (
        "090-1",
        "府中市",
    )


def test_a_revocation_holds_even_when_the_packet_that_brings_it_is_refused(
    group: Group, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1, laptop2 = (group.opener.open(d) for d in group.all())
    new_person(laptop2)
    late = exchange.export(laptop2, tmp_path).path  # written before the loss, arrives after
    assert late is not None
    lost = next(e for e in devices.devices(hub) if e.name == "訪問用PC-2")
    devices.revoke(hub, lost.device_id)
    sent = exchange.export(hub, tmp_path).path
    assert sent is not None
    damaged = bytearray(sent.read_bytes())
    damaged[-100] ^= 0x01  # the body, not the header: the packet is refused, its signed entries are not
    (folder / "a-hub.tsync").write_bytes(bytes(damaged))
    (folder / "b-late.tsync").write_bytes(late.read_bytes())
    outcome = {r.file_name: r.reason for r in exchange.import_folder(laptop1, folder).results}
    assert outcome == {"a-hub.tsync": "signature", "b-late.tsync": "revoked"}


def test_a_visit_kit_gets_no_sync_key_and_its_packets_are_refused(group: Group, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hub, laptop1 = group.opener.open(group.hub), group.opener.open(group.replicas[0])
    case_id = new_case(hub, new_person(hub))
    kit = kits.check_out(hub, [case_id], staff_login=CASEWORKER, staff_passphrase=CASEWORKER_PASS,
                         out=tmp_path / "kit").value  # fmt: skip
    devices.revoke(hub, next(e for e in devices.devices(hub) if e.name == "訪問用PC-2").device_id)
    with hub.uow(write=False) as uow:
        state = sync_state.require(uow.session)
        held = json.loads(
            uow.session.execute(text("SELECT value FROM store_meta WHERE key = 'sync.kits'")).scalar_one()
        )
    assert {e["device"] for e in state.envelopes} == {
        e.device_id for e in devices.devices(hub) if e.name == "訪問用PC-1"
    }
    kit_store = Store.open(
        DataDir(tmp_path / "kit"), DatabaseKey(base64.b64decode(held[kit.kit_id]["key"])), migrate=False
    )
    with kit_store.uow(write=False) as uow:  # what a holder who kept a copy of the kit could use
        identity = DeviceIdentity.from_json(
            uow.session.execute(text("SELECT value FROM store_meta WHERE key = 'sync.device'")).scalar_one()
        )
    kit_store.close()
    (folder / "from-kit.tsync").write_bytes(_forge(hub, identity))
    outcome = {r.file_name: r.reason for r in exchange.import_folder(laptop1, folder).results}
    assert outcome == {"from-kit.tsync": "unknown_device"}
