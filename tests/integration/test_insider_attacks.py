"""Issue 14: an insider with file access, and hostile files, scripted as attacks against a real store.

Each test names the attack it reproduces; each is refused or detected with a specific message, and
files that should not change do not.
"""

from __future__ import annotations

import json
import signal
import stat
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import delete, select, text, update

from teiretsu_desktop.domain.errors import BackupError, InvalidInput, NotADatabase, WrongCredentials
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import authority
from teiretsu_desktop.security.authority import Roster, TamperDetected
from teiretsu_desktop.security.keyslots import KeySlots, SlotPayload
from teiretsu_desktop.security.rotation import rotate_database_key
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.security.unlock_throttle import UnlockThrottle
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.cases import get_case
from teiretsu_desktop.services.persons import get_person
from teiretsu_desktop.services.staff import (
    add_staff,
    change_own_passphrase,
    remove_staff,
    reset_passphrase,
    upgrade_keys,
)
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import AuditEntry, Staff, StoreMeta, SupportCase
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.casework import interview, new_case, new_person
from tests.helpers.cli import run_admin
from tests.helpers.stores import (
    ADMIN,
    ADMIN_PASS,
    CASEWORKER,
    CASEWORKER_PASS,
    CLERK,
    CLERK_PASS,
    TemplateStore,
)


def _entries(store: TemplateStore, action: str, passphrase: str = ADMIN_PASS) -> list[AuditEntry]:
    session = unlock_with_passphrase(store.data_dir, ADMIN, passphrase)
    try:
        with session.uow(write=False) as uow:
            return list(uow.session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars())
    finally:
        session.lock()


def test_4_what_is_typed_in_the_name_box_is_never_kept(store: TemplateStore) -> None:
    """Attack 4: a client's name or a passphrase typed as the staff name stayed in clear on disk and in
    the audit log; the file was 0644."""
    for typed in ("山田太郎", "kanri-passphrase-typed-in-the-wrong-box"):
        with pytest.raises(WrongCredentials):
            unlock_with_passphrase(store.data_dir, typed, "whatever-it-was-1")
    with pytest.raises(WrongCredentials):
        unlock_with_passphrase(store.data_dir, ADMIN, "wrong-passphrase-1")
    path = store.data_dir.unlock_failures
    raw = path.read_text(encoding="utf-8")
    assert "山田太郎" not in raw and "wrong-box" not in raw and ADMIN in raw
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    failed = _entries(store, "unlock_failed")
    details = [json.loads(e.detail) for e in failed]
    assert [d.get("unknown_login", False) for d in details] == [True, True, False]
    assert all(d["unauthenticated"] for d in details)
    assert not any("山田" in e.detail for e in failed)


def test_4_planted_lines_cannot_back_date_the_audit_or_impose_waits(store: TemplateStore) -> None:
    """Attack 4: anyone who could write the file planted arbitrary or back-dated audit entries, and
    future-dated lines forced long waits at unlock."""
    path = store.data_dir.unlock_failures
    future = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    past = "2019-01-01T00:00:00.000000Z"
    recent = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    lines = [
        *[{"at": future, "login": ADMIN, "method": "passphrase"}] * 20,
        {"at": past, "login": ADMIN, "method": "passphrase"},
        {"at": recent, "login": ADMIN, "method": "passphrase", "action": "staff_removed"},
        {"at": recent, "login": ADMIN, "method": "passphrase"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "not json\n", encoding="utf-8")
    assert UnlockThrottle(path).wait_seconds(ADMIN) == 0
    before = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    failed = _entries(store, "unlock_failed")
    assert len(failed) == 1  # only the one line this program could have written
    assert failed[0].at >= before  # dated by the unlock that moved it in, not by the line
    assert json.loads(failed[0].detail)["reported_at"] == recent
    discarded = _entries(store, "unlock_failures_discarded")
    assert [json.loads(e.detail)["lines"] for e in discarded] == [23]


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("1234567890", "12文字以上"),
        ("password12", "12文字以上"),
        ("qwertyuiop", "12文字以上"),
        ("qwertyuiopas", "よく使われるパスワードに似ています"),
        ("asdfghjkl;12", "キーボードの並び"),
        ("password1234", "よく使われる"),
        ("aaaaaaaaaaaaaaa", "繰り返し"),
        ("takahashi-hanako", "氏名"),  # the staff member's own name
    ],
)
def test_5_weak_passphrases_are_refused_with_a_reason(admin: StaffSession, weak: str, reason: str) -> None:
    """Attack 5: 1234567890, password12 and qwertyuiop were accepted; one slot opens everything."""
    with pytest.raises(InvalidInput, match=reason):
        add_staff(admin, login="takahashi", display_name="takahashi hanako", role=Role.CASEWORKER,
                  passphrase=weak)  # fmt: skip
    add_staff(admin, login="takahashi", display_name="高橋 花子", role=Role.CASEWORKER,
              passphrase="みかん-自転車-雲-42")  # fmt: skip


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("DROP TRIGGER audit_log_no_update", "トリガー audit_log_no_update がありません"),
        ("DROP TRIGGER disclosure_kept_three_years", "トリガー disclosure_kept_three_years がありません"),
        ("CREATE TRIGGER quiet AFTER INSERT ON audit_log BEGIN SELECT 1; END", "想定外のトリガー quiet"),
        ("DROP INDEX ix_activity_case_time", "索引 ix_activity_case_time がありません"),
    ],
)
def test_2_verify_sees_a_dropped_or_added_trigger(admin: StaffSession, statement: str, named: str) -> None:
    """Attack 2: with the key the append-only triggers could be dropped, and verify did not check them."""
    assert maintenance.verify(admin).ok
    with admin.uow() as uow:
        uow.session.execute(text(statement))
        uow.commit()
    report = maintenance.verify(admin)
    assert not report.ok and any(named in p for p in report.problems), report.problems


def test_12_backups_are_private_and_a_killed_one_leaves_nothing(store: TemplateStore, tmp_path: Path) -> None:
    """Attack 12: a killed backup left hidden .teiretsu-backup-* folders with encrypted copies of the
    store; backups were written 0644."""
    out_dir = tmp_path / "usb"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from teiretsu_desktop.security.unlock import unlock_with_passphrase\n"
        "from teiretsu_desktop.services import maintenance\n"
        "from teiretsu_desktop.store.paths import DataDir\n"
        "session = unlock_with_passphrase(DataDir(Path(sys.argv[1])), sys.argv[2], sys.stdin.readline().strip())\n"
        "maintenance.backup(session, Path(sys.argv[3]), progress=lambda done, total: os.kill(os.getpid(), 9))\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", script, str(store.data_dir.root), ADMIN, str(out_dir / "b.zip")],
        input=ADMIN_PASS + "\n", capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert list(out_dir.glob(".teiretsu-backup-*")), "the kill should leave the work folder behind"
    session = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)  # the next start cleans it
    try:
        assert not list(out_dir.glob(".teiretsu-backup-*"))
        made = maintenance.backup(session, out_dir / "good.zip").path
    finally:
        session.lock()
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_12_a_damaged_backup_is_a_clear_message_and_the_target_stays_as_it_was(
    admin: StaffSession, tmp_path: Path
) -> None:
    """Attack 12: a bad zip checksum ended in "unexpected error (BadZipFile)"; refused restores left an
    empty target folder."""
    good = maintenance.backup(admin, tmp_path / "good.zip").path
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("cases.db")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF  # the CRC in the header no longer matches
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    target = DataDir(tmp_path / "new-center")
    with pytest.raises(BackupError, match="壊れています"):
        maintenance.restore(damaged, target, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0])
    assert not target.root.exists()


def _slots(store: TemplateStore) -> KeySlots:
    return KeySlots.load(store.data_dir.keyslots)


def test_1_a_clerk_cannot_write_themselves_an_administrator_slot(store: TemplateStore) -> None:
    """Attack 1: a 事務 used their own passphrase to get the key, wrote a 管理者 slot with a passphrase of
    their choosing, acted as administrator, then put the old keyslots.json back."""
    original = store.data_dir.keyslots.read_bytes()
    slots = _slots(store)
    payload, _clerk_slot = slots.open_passphrase(CLERK, CLERK_PASS)  # the clerk's own passphrase
    admin_slot = slots.passphrase_slot(ADMIN)
    assert admin_slot is not None and admin_slot.staff_id
    for forged_payload in (SlotPayload(payload.dek, b"\x01" * 32), SlotPayload(payload.dek)):
        forged = _slots(store)
        forged.set_passphrase(forged_payload, staff_id=admin_slot.staff_id, login=ADMIN,
                              passphrase="the-clerks-own-choice-7", now="t")  # fmt: skip
        forged.save(store.data_dir.keyslots)
        with pytest.raises(TamperDetected, match="本人のものではありません"):
            unlock_with_passphrase(store.data_dir, ADMIN, "the-clerks-own-choice-7")
    store.data_dir.keyslots.write_bytes(original)  # the old file put back
    assert [json.loads(e.detail)["reason"] for e in _entries(store, "tamper_detected")] == [
        f"{ADMIN} の鍵の枠が、本人のものではありません"
    ] * 2


def test_1_a_role_changed_in_the_table_is_refused_and_reported(store: TemplateStore) -> None:
    """Attack 1: `UPDATE staff SET role='admin'` with the key also passed verify."""
    payload, _slot = _slots(store).open_passphrase(CLERK, CLERK_PASS)
    raw = Store.open(store.data_dir, DatabaseKey(payload.dek.raw()))  # the key, outside the application
    try:
        with raw.uow() as uow:
            uow.session.execute(update(Staff).where(Staff.login == CLERK).values(role="admin"))
            uow.commit()
    finally:
        raw.close()
    with pytest.raises(TamperDetected, match="役割または状態"):
        unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)
    admin = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    try:
        report = maintenance.verify(admin)
    finally:
        admin.lock()
    assert any(f"スタッフ {CLERK} の役割" in p for p in report.problems), report.problems


def test_1_a_roster_signed_by_a_new_authority_is_caught_by_verify(store: TemplateStore) -> None:
    """Attack 1, thorough: the insider makes an authority of their own, signs a roster naming
    themselves administrator and pins it in the store. Unlock cannot tell (they hold the key); verify
    can, because the audit chain recorded the real authority (ADR 0011; the chain itself is witnessed
    by the bundles)."""
    slots = _slots(store)
    payload, clerk_slot = slots.open_passphrase(CLERK, CLERK_PASS)
    assert slots.roster is not None and clerk_slot.staff_id
    forger = authority.new_authority()
    members = dict(slots.roster.members)
    members[clerk_slot.staff_id] = authority.member(CLERK, Role.ADMIN, b"\x02" * 32)
    slots.authority_public = authority.raw_public(forger.public_key())
    slots.roster = Roster(slots.db_id, slots.roster.serial, members).signed(forger)
    slots.set_passphrase(SlotPayload(payload.dek, b"\x02" * 32, authority.private_bytes(forger)),
                         staff_id=clerk_slot.staff_id, login=CLERK, passphrase=CLERK_PASS, now="t")  # fmt: skip
    slots.save(store.data_dir.keyslots)
    raw = Store.open(store.data_dir, DatabaseKey(payload.dek.raw()))
    try:
        with raw.uow() as uow:
            uow.session.execute(update(Staff).where(Staff.login == CLERK).values(role="admin"))
            authority.write_pin(uow.session, slots.authority_public, slots.roster.serial)
            uow.commit()
    finally:
        raw.close()
    forged_admin = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)
    try:
        report = maintenance.verify(forged_admin)
    finally:
        forged_admin.lock()
    assert not report.ok and any("監査ログに記録されたもの" in p for p in report.problems), report.problems


def _make_legacy(store: TemplateStore) -> None:
    """The store as an earlier version wrote it: slots wrapping only the key, no authority, no pin."""
    slots = _slots(store)
    dek = slots.open_passphrase(ADMIN, ADMIN_PASS)[0].dek
    legacy = KeySlots(slots.db_id)
    for login, passphrase in ((ADMIN, ADMIN_PASS), (CASEWORKER, CASEWORKER_PASS), (CLERK, CLERK_PASS)):
        slot = slots.passphrase_slot(login)
        assert slot is not None and slot.staff_id
        legacy.set_passphrase(DatabaseKey(dek.raw()), staff_id=slot.staff_id, login=login, passphrase=passphrase,
                              now="t")  # fmt: skip
    legacy.set_recovery(DatabaseKey(dek.raw()), now="t")
    legacy.save(store.data_dir.keyslots)
    raw = Store.open(store.data_dir, DatabaseKey(dek.raw()))
    try:
        with raw.uow() as uow:
            uow.session.execute(delete(StoreMeta).where(StoreMeta.key.like("security.%")))
            uow.commit()
    finally:
        raw.close()


@pytest.mark.slow
def test_1_an_old_store_is_upgraded_and_then_refuses_forged_slots(store: TemplateStore) -> None:
    _make_legacy(store)
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)  # an old store still opens
    assert clerk.actor.role is Role.CLERICAL
    clerk.lock()
    admin = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    try:
        pid = new_person(admin, diagnosis="旧い記録の診断")  # written in the clear, as an older version did
        assert _raw(store, admin, "SELECT diagnosis FROM person WHERE id = :id", pid) == "旧い記録の診断"
        result = upgrade_keys(admin, passphrase=ADMIN_PASS)
        assert str(_raw(store, admin, "SELECT diagnosis FROM person WHERE id = :id", pid)).startswith(
            "sealed1:"
        )
        assert get_person(admin, pid).diagnosis == "旧い記録の診断"  # the administrator still reads it
    finally:
        admin.lock()
    assert result.legacy_logins == sorted([CASEWORKER, CLERK])
    assert len(result.fingerprint) == 19 and result.recovery_code
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)  # bound by its own slot's hash
    try:
        with pytest.raises(InvalidInput, match="passwd --for"):
            change_own_passphrase(clerk, current=CLERK_PASS, new="みかん-自転車-雲-42")
    finally:
        clerk.lock()
    slots = _slots(store)
    admin_slot = slots.passphrase_slot(ADMIN)
    assert admin_slot is not None and admin_slot.staff_id
    dek = slots.open_passphrase(CLERK, CLERK_PASS)[0].dek
    slots.set_passphrase(SlotPayload(dek), staff_id=admin_slot.staff_id, login=ADMIN,
                         passphrase="the-clerks-own-choice-7", now="t")  # fmt: skip
    original = store.data_dir.keyslots.read_bytes()
    slots.save(store.data_dir.keyslots)
    with pytest.raises(TamperDetected):
        unlock_with_passphrase(store.data_dir, ADMIN, "the-clerks-own-choice-7")
    store.data_dir.keyslots.write_bytes(original)
    admin = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    try:
        reset_passphrase(admin, login=CLERK, new="たこ焼き-電車-窓-58")
    finally:
        admin.lock()
    clerk = unlock_with_passphrase(store.data_dir, CLERK, "たこ焼き-電車-窓-58")
    try:
        change_own_passphrase(clerk, current="たこ焼き-電車-窓-58", new="みかん-自転車-雲-42")
    finally:
        clerk.lock()
    unlock_with_passphrase(store.data_dir, CLERK, "みかん-自転車-雲-42").lock()


def test_3_a_removed_member_or_a_leaked_passphrase_opens_nothing_after_the_rotation(
    store: TemplateStore, tmp_path: Path
) -> None:
    """Attack 3: after `passwd`, an old keyslots.json with the old passphrase still opened the store; a
    removed member's old slot (and every backup) kept opening it until someone ran rotate-key."""
    old_file = store.data_dir.keyslots.read_bytes()  # what the caseworker copied before leaving
    admin = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    before = maintenance.backup(admin, tmp_path / "before.zip").path
    remove_staff(admin, CASEWORKER)
    rotated, result = rotate_database_key(admin, ADMIN_PASS)
    rotated.lock()
    assert result.dropped_logins == []  # the remaining members take the new key up themselves
    current = store.data_dir.keyslots.read_bytes()
    store.data_dir.keyslots.write_bytes(old_file)
    with pytest.raises((NotADatabase, WrongCredentials)):
        unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)
    store.data_dir.keyslots.write_bytes(current)
    assert _clerk_has_envelope(store)
    unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS).lock()  # takes the sealed key up
    assert not _clerk_has_envelope(store)
    unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS).lock()  # and opens with its own slot now
    restored = DataDir(tmp_path / "restored")  # a backup made before opens with its own keys
    maintenance.restore(before, restored, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0])
    assert restored.exists()


def _clerk_has_envelope(store: TemplateStore) -> bool:
    slots = _slots(store)
    slot = slots.passphrase_slot(CLERK)
    return slot is not None and (slot.staff_id or "") in slots.envelopes


@pytest.mark.slow
def test_3_a_passphrase_changed_as_leaked_rotates_the_key(
    store: TemplateStore, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old_file = store.data_dir.keyslots.read_bytes()
    r = run_admin(monkeypatch, capsys, store.data_dir.root, "--user", ADMIN, "passwd", "--compromised",
                  stdin=f"{ADMIN_PASS}\nみかん-自転車-雲-42\n")  # fmt: skip
    assert r.code == 0 and "漏えいの疑い" in r.out, r.err
    current = store.data_dir.keyslots.read_bytes()
    store.data_dir.keyslots.write_bytes(old_file)
    with pytest.raises((NotADatabase, WrongCredentials)):
        unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    store.data_dir.keyslots.write_bytes(current)
    unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS).lock()  # the others take the key up
    unlock_with_passphrase(store.data_dir, ADMIN, "みかん-自転車-雲-42").lock()
    # A member who may not rotate: the change is made and recorded for an administrator to act on.
    r = run_admin(monkeypatch, capsys, store.data_dir.root, "--user", CLERK, "passwd", "--compromised",
                  stdin=f"{CLERK_PASS}\nたこ焼き-電車-窓-58\n")  # fmt: skip
    assert r.code == 0 and "rotate-key" in r.out, r.err
    assert _entries(store, "passphrase_compromised", "みかん-自転車-雲-42")


def test_item_2_a_clerk_slot_opened_outside_the_application_reads_no_sensitive_text(
    store: TemplateStore,
) -> None:
    """Item 2 (need-to-know by key): a 事務 slot opened with raw sqlcipher3 yields no 罪名, 診断 or note."""
    canary = "カナリア-要配慮-7Q"
    admin = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    try:
        pid = new_person(admin, diagnosis=f"{canary}診断", life_history=f"{canary}生活歴")
        cid = new_case(admin, pid, offence=f"{canary}罪名")
        interview(admin, cid, f"{canary}面接の記録")
    finally:
        admin.lock()
    dek = _slots(store).open_passphrase(CLERK, CLERK_PASS)[0].dek  # the clerk's own passphrase
    conn = sqlcipher3.connect(str(store.data_dir.db))
    try:
        conn.execute(f"PRAGMA key = \"x'{dek.hex()}'\"")
        sensitive = (("support_case", "offence"), ("person", "diagnosis"), ("person", "life_history"),
                     ("activity", "narrative"))  # fmt: skip
        values = [
            str(v)
            for table, column in sensitive
            for (v,) in conn.execute(f"SELECT {column} FROM {table}")
            if v
        ]
    finally:
        conn.close()
    assert values and not any(canary in v for v in values)
    assert all(v.startswith("sealed1:") for v in values)
    clerk = unlock_with_passphrase(store.data_dir, CLERK, CLERK_PASS)  # and in the application: nothing
    try:
        with clerk.uow(write=False) as uow:
            offence = uow.session.execute(select(SupportCase.offence).where(SupportCase.id == cid)).scalar()
    finally:
        clerk.lock()
    assert offence is None
    worker = unlock_with_passphrase(store.data_dir, CASEWORKER, CASEWORKER_PASS)  # a 相談員 reads them
    try:
        assert get_case(worker, cid).offence == f"{canary}罪名"
    finally:
        worker.lock()


def _raw(store: TemplateStore, session: StaffSession, sql: str, pid: str) -> object:
    """The stored value itself, as someone with the database key would see it."""
    with session.store.uow(write=False) as uow:
        return uow.session.execute(text(sql), {"id": pid}).scalar()


def test_item_2_text_that_looks_sealed_is_sealed_too(admin: StaffSession) -> None:
    cid = new_case(admin, new_person(admin), offence="sealed1:AAAA")
    assert get_case(admin, cid).offence == "sealed1:AAAA"
