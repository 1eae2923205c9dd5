"""IT's way through sync (issue 18): `teiretsu-admin sync …` at the hub and on a device."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services.cases import get_case
from teiretsu_desktop.services.persons import search_persons
from tests.helpers.casework import new_case, new_person
from tests.helpers.cli import run_admin
from tests.helpers.stores import ADMIN, ADMIN_PASS, CASEWORKER, CASEWORKER_PASS, TemplateStore

PASS = f"{ADMIN_PASS}\n"


@pytest.mark.slow
def test_it_sets_up_a_hub_enrols_a_laptop_and_the_two_exchange_packets(
    store: TemplateStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hub, laptop, folder = store.data_dir.root, tmp_path / "laptop", tmp_path / "usb"
    folder.mkdir()

    def admin(data_dir: Path, *args: str) -> tuple[int, str]:
        result = run_admin(monkeypatch, capsys, data_dir, "--user", ADMIN, *args, stdin=PASS)
        return result.code, result.out + result.err

    assert admin(hub, "sync", "init", "--name", "事務所PC")[0] == 0
    code, out = admin(hub, "sync", "enroll", "--name", "訪問用PC-1", "--out", str(tmp_path / "laptop.zip"))
    assert code == 0 and "系列 B" in out
    assert admin(laptop, "restore", "--from", str(tmp_path / "laptop.zip"))[0] == 0

    session = unlock_with_passphrase(store.data_dir.__class__(laptop), ADMIN, ADMIN_PASS)
    try:
        new_case(session, new_person(session, family="訪問", fkana="ホウモン"))
    finally:
        session.lock()
    code, out = admin(laptop, "sync", "export", str(folder))
    assert code == 0 and "書き出しました" in out
    code, out = admin(hub, "sync", "import", str(folder))
    assert code == 0 and "適用 / applied" in out, out
    hub_session = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    try:
        assert [h.kana.split()[0] for h in search_persons(hub_session, "ホウモン")] == ["ホウモン"]
        case_no = get_case(hub_session, new_case(hub_session, new_person(hub_session))).case_no
    finally:
        hub_session.lock()

    kit = tmp_path / "kit"
    result = run_admin(monkeypatch, capsys, hub, "--user", ADMIN, "sync", "kit-out", case_no, "--for", CASEWORKER,
                       "--out", str(kit), stdin=f"{ADMIN_PASS}\n{CASEWORKER_PASS}\n")  # fmt: skip
    assert result.code == 0 and "訪問キットを作りました" in result.out, result.err
    assert "貸出中" in admin(hub, "sync", "kits")[1]
    code, out = admin(hub, "sync", "kit-in", str(kit))
    assert code == 0 and "チェックインしました" in out and list(kit.iterdir()) == []
    assert "返却済" in admin(hub, "sync", "kits")[1]
    code, out = admin(hub, "sync", "devices")
    assert "事務所PC" in out and "訪問用PC-1" in out
    assert "競合はありません" in admin(hub, "sync", "conflicts")[1]

    packet = next(folder.iterdir())
    data = bytearray(packet.read_bytes())
    data[-5] ^= 0xFF
    (folder / "copy.tsync").write_bytes(bytes(data))
    code, out = admin(hub, "sync", "import", str(folder))
    assert code == 3 and "拒否 / refused: copy.tsync: 同期パケットの署名が一致しません" in out
    assert "Traceback" not in out

    device_id = next(
        line.split("\t")[0] for line in admin(hub, "sync", "devices")[1].splitlines() if "訪問用PC-1" in line
    )
    code, out = admin(hub, "sync", "revoke", device_id)
    assert code == 0 and "取り消し" in out
    assert admin(laptop, "sync", "revoke", device_id)[1].count("拠点") == 1
