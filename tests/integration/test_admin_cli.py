"""teiretsu-admin as IT uses it: init, verify, staff, passphrases, recovery, backup and restore."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from teiretsu_desktop.store.paths import DataDir
from tests.helpers.cli import run_admin, run_admin_process
from tests.helpers.files import digests, flip_byte
from tests.helpers.stores import ADMIN, ADMIN_PASS, CASEWORKER, CASEWORKER_PASS, TemplateStore

Run = pytest.MonkeyPatch
Cap = pytest.CaptureFixture[str]
RECOVERY = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\b")


def test_init_prints_the_recovery_key_once_and_verify_passes(
    tmp_path: Path, monkeypatch: Run, capsys: Cap
) -> None:
    data = tmp_path / "center"
    r = run_admin(
        monkeypatch,
        capsys,
        data,
        "init",
        "--center-code",
        "270001",
        "--center-name",
        "大阪府地域生活定着支援センター",
        "--prefecture",
        "27",
        "--admin-name",
        "山田 太郎",
        stdin="first admin passphrase\n",
    )
    assert r.code == 0, r.err
    codes = RECOVERY.findall(r.out)
    assert len(codes) == 1
    assert codes[0] not in DataDir(data).keyslots.read_text(encoding="utf-8")

    r = run_admin(monkeypatch, capsys, data, "verify", stdin="first admin passphrase\n")
    assert r.code == 0, r.out + r.err
    assert "verify: ok" in r.out

    r = run_admin(
        monkeypatch,
        capsys,
        data,
        "init",
        "--center-code",
        "270001",
        "--center-name",
        "x",
        "--prefecture",
        "27",
        "--admin-name",
        "x",
        stdin="first admin passphrase\n",
    )
    assert r.code != 0 and "already exists" in r.err


def test_wrong_passphrase_is_one_clear_line_and_changes_no_store_file(store: TemplateStore) -> None:
    before = digests(store.data_dir.store_files())
    r = run_admin_process(store.data_dir.root, "--user", ADMIN, "verify", stdin="not the passphrase\n")
    assert r.code == 4
    assert r.err.strip().count("\n") == 0, r.err
    assert "Wrong staff name or passphrase" in r.err
    assert "Traceback" not in r.err + r.out
    assert digests(store.data_dir.store_files()) == before


def test_expected_failures_are_clear(
    tmp_path: Path, store: TemplateStore, monkeypatch: Run, capsys: Cap
) -> None:
    r = run_admin_process(tmp_path / "empty", "verify", stdin="whatever passphrase\n")
    assert r.code == 3 and "No store" in r.err and "Traceback" not in r.err
    r = run_admin(monkeypatch, capsys, store.data_dir.root, "verify", stdin=ADMIN_PASS + "\n")
    assert r.code == 2 and "--user" in r.err  # three staff: the name is needed
    r = run_admin(monkeypatch, capsys, store.data_dir.root, "--user", ADMIN, "verify", stdin="")
    assert r.code == 2 and "stdin" in r.err


@pytest.mark.parametrize("page_fraction", [0.1, 0.4, 0.7, 0.99])
def test_a_flipped_byte_makes_verify_fail_and_say_so(
    store: TemplateStore, monkeypatch: Run, capsys: Cap, page_fraction: float
) -> None:
    pages = store.data_dir.db.stat().st_size // 4096
    assert pages > 5
    page = max(1, int(pages * page_fraction))  # zero-based; never page 1 (offset 0)
    flip_byte(store.data_dir.db, page * 4096 + 100)
    r = run_admin(
        monkeypatch, capsys, store.data_dir.root, "--user", ADMIN, "verify", stdin=ADMIN_PASS + "\n"
    )
    assert r.code == 1, r.out + r.err
    assert "FAILED" in r.out and "verify: ok" not in r.out


def test_staff_lifecycle(store: TemplateStore, monkeypatch: Run, capsys: Cap) -> None:
    root = store.data_dir.root
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        ADMIN,
        "add-user",
        "tanaka",
        "--name",
        "田中 次郎",
        "--role",
        "センター長",
        stdin=f"{ADMIN_PASS}\ntanaka passphrase 9\n",
    )
    assert r.code == 0, r.err
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        "tanaka",
        "passwd",
        stdin="tanaka passphrase 9\ntanaka new phrase 10\n",
    )
    assert r.code == 0, r.err
    r = run_admin(monkeypatch, capsys, root, "--user", "tanaka", "verify", stdin="tanaka passphrase 9\n")
    assert r.code == 4
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        CASEWORKER,
        "add-user",
        "x1",
        "--name",
        "x",
        "--role",
        "admin",
        stdin=f"{CASEWORKER_PASS}\nsome passphrase 11\n",
    )
    assert r.code == 9 and "may not" in r.err  # a caseworker cannot add staff
    r = run_admin(
        monkeypatch, capsys, root, "--user", ADMIN, "remove-user", "tanaka", stdin=f"{ADMIN_PASS}\n"
    )
    assert r.code == 0, r.err
    assert "tanaka" not in store.data_dir.keyslots.read_text(encoding="utf-8")
    r = run_admin(monkeypatch, capsys, root, "--user", "tanaka", "verify", stdin="tanaka new phrase 10\n")
    assert r.code == 4
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "list-users", stdin=f"{ADMIN_PASS}\n")
    assert re.search(r"tanaka\tmanager\tremoved", r.out), r.out


def test_forgotten_passphrase_recovery_issues_a_new_recovery_key(
    store: TemplateStore, monkeypatch: Run, capsys: Cap
) -> None:
    root = store.data_dir.root
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        ADMIN,
        "recover",
        stdin=f"{store.recovery_code}\nbrand new admin phrase\n",
    )
    assert r.code == 0, r.err
    new_code = RECOVERY.findall(r.out)[0]
    assert new_code != store.recovery_code
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "verify", stdin="brand new admin phrase\n")
    assert r.code == 0
    # The used code no longer works; the new one does.
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        ADMIN,
        "recover",
        stdin=f"{store.recovery_code}\nanother admin phrase\n",
    )
    assert r.code == 4
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "audit", stdin="brand new admin phrase\n")
    assert "recovery_key_used" in r.out and "unlock_failed" in r.out and "chain: ok" in r.out


def test_backup_and_restore_through_the_command(
    store: TemplateStore, tmp_path: Path, monkeypatch: Run, capsys: Cap
) -> None:
    backup = tmp_path / "backups" / "center.teiretsu-backup"
    r = run_admin(
        monkeypatch,
        capsys,
        store.data_dir.root,
        "--user",
        ADMIN,
        "backup",
        "--out",
        str(backup),
        stdin=f"{ADMIN_PASS}\n",
    )
    assert r.code == 0, r.err
    target = tmp_path / "restored"
    r = run_admin(
        monkeypatch,
        capsys,
        target,
        "--user",
        CASEWORKER,
        "restore",
        "--from",
        str(backup),
        stdin="wrong passphrase here\n",
    )
    assert r.code == 4 and not DataDir(target).exists()
    r = run_admin(
        monkeypatch,
        capsys,
        target,
        "--user",
        CASEWORKER,
        "restore",
        "--from",
        str(backup),
        stdin=f"{CASEWORKER_PASS}\n",
    )
    assert r.code == 0, r.err
    r = run_admin(monkeypatch, capsys, target, "--user", ADMIN, "verify", stdin=f"{ADMIN_PASS}\n")
    assert r.code == 0, r.out
    # Restoring over an existing store is refused.
    r = run_admin(
        monkeypatch,
        capsys,
        target,
        "--user",
        CASEWORKER,
        "restore",
        "--from",
        str(backup),
        stdin=f"{CASEWORKER_PASS}\n",
    )
    assert r.code == 3 and "already holds" in r.err
    # With the recovery key instead of a passphrase.
    other = tmp_path / "restored-2"
    r = run_admin(
        monkeypatch,
        capsys,
        other,
        "restore",
        "--recovery",
        "--from",
        str(backup),
        stdin=f"{store.recovery_code}\n",
    )
    assert r.code == 0, r.err


def test_casework_commands(store: TemplateStore, tmp_path: Path, monkeypatch: Run, capsys: Cap) -> None:
    root = store.data_dir.root
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        ADMIN,
        "demo-data",
        "--persons",
        "30",
        "--seed",
        "2",
        stdin=f"{ADMIN_PASS}\n",
    )
    assert r.code == 0, r.err
    assert "30 persons" in r.out
    r = run_admin(monkeypatch, capsys, root, "ledger-template", "--out", str(tmp_path / "t.xlsx"))
    assert r.code == 0 and (tmp_path / "t.xlsx").exists()
    out = tmp_path / "cases.csv"
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        ADMIN,
        "export-ledger",
        "--out",
        str(out),
        "--plaintext",
        stdin=f"{ADMIN_PASS}\n",
    )
    assert r.code == 0 and "unencrypted" in r.err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    r = run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        ADMIN,
        "import-ledger",
        str(out),
        "--dry-run",
        stdin=f"{ADMIN_PASS}\n",
    )
    # Every case is already in this store, as it is: a second import would change nothing.
    with out.open(encoding="utf-8-sig", newline="") as exported:
        rows = sum(1 for _ in csv.reader(exported)) - 1  # one per case, after the header
    assert rows >= 30 and f"新規 0・更新 0・変更なし {rows}・競合 0・取込不可 0" in r.out, r.out
    assert "UTF-8 (BOM付き)" in r.out
    center_ledger = FIXTURES / "令和4年度_コーディネート台帳.xlsx"
    mapping = tmp_path / "対応.toml"
    r = run_admin(monkeypatch, capsys, root, "ledger-mapping", str(center_ledger), "--out", str(mapping))
    assert r.code == 0 and "障害等 → 障害種別" in r.out and "見出し 3行目" in r.out
    assert '"障害等" = "障害種別"' in mapping.read_text(encoding="utf-8")
    problems = tmp_path / "problems.xlsx"
    r = run_admin(
        monkeypatch, capsys, root, "--user", ADMIN, "import-ledger", str(center_ledger), "--mapping", str(mapping),
        "--errors", str(problems), stdin=f"{ADMIN_PASS}\n",
    )  # fmt: skip
    assert r.code == 1 and "何も取り込んでいません" in r.out and problems.exists()
    r = run_admin(
        monkeypatch, capsys, root, "--user", ADMIN, "import-ledger", str(center_ledger), "--mapping", str(mapping),
        "--skip-invalid", stdin=f"{ADMIN_PASS}\n",
    )  # fmt: skip
    assert r.code == 0 and "取り込みました" in r.out
    r = run_admin(
        monkeypatch, capsys, root, "--user", ADMIN, "audit", "--last", "12", stdin=f"{ADMIN_PASS}\n"
    )
    assert "ledger_exported" in r.out and "ledger_imported" in r.out


FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "center-ledgers"


def test_print_command_writes_a_pdf_and_records_the_disclosure(
    store: TemplateStore, tmp_path: Path, monkeypatch: Run, capsys: Cap
) -> None:
    root = store.data_dir.root
    run_admin(
        monkeypatch, capsys, root, "--user", ADMIN, "demo-data", "--persons", "10", stdin=f"{ADMIN_PASS}\n"
    )
    export = tmp_path / "l.csv"
    run_admin(
        monkeypatch,
        capsys,
        root,
        "--user",
        ADMIN,
        "export-ledger",
        "--out",
        str(export),
        "--plaintext",
        stdin=f"{ADMIN_PASS}\n",
    )
    import csv

    rows = list(csv.DictReader(export.read_text(encoding="utf-8-sig").splitlines()))
    case_no = next(r["ケース番号"] for r in rows if r["業務区分"] == "特別調整")
    out = tmp_path / "referral.pdf"
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "print", "referral", "--case", case_no, "--profile",
                  "facility", "--recipient-name", "グループホームさくら", "--out", str(out),
                  stdin=f"{ADMIN_PASS}\npdf password 1\n")  # fmt: skip
    assert r.code == 0, r.err
    assert b"/Encrypt" in out.read_bytes()
    blank = tmp_path / "blank.pdf"
    r = run_admin(monkeypatch, capsys, root, "--user", ADMIN, "print", "interview-sheet", "--profile", "center",
                  "--out", str(blank), stdin=f"{ADMIN_PASS}\n")  # fmt: skip
    assert r.code == 0 and blank.read_bytes().startswith(b"%PDF")
    r = run_admin(
        monkeypatch, capsys, root, "--user", ADMIN, "audit", "--last", "12", stdin=f"{ADMIN_PASS}\n"
    )
    assert "personal_data_disclosed" in r.out and "form_printed" in r.out


def test_version_and_help_load_none_of_what_the_commands_need() -> None:
    """Issue 19: `teiretsu-admin --version`/`--help` answer at once — the store, the forms, the
    spreadsheets and the migrations are imported only by the command that uses them."""
    probe = (
        "import sys\n"
        "from teiretsu_desktop.cli.admin import main\n"
        "for argv in (['--version'], ['--help'], ['stats', '--help'], ['print', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('sqlalchemy', 'sqlcipher3', 'reportlab', 'openpyxl', 'pypdf', 'alembic', 'cryptography')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout[-500:]


def test_a_crash_in_a_command_that_made_the_data_directory_is_in_its_log(
    tmp_path: Path, monkeypatch: Run, capsys: Cap
) -> None:
    """init and bench make the data directory: logging began before it existed, so a crash said
    "see the log" of a directory where no log was written (found when `make bench` failed)."""
    data = DataDir(tmp_path / "new-center")

    def makes_the_directory_then_fails(ctx: object, args: object) -> int:
        data.logs.parent.mkdir(parents=True)
        raise RuntimeError("a driver's message that may quote row values")

    monkeypatch.setattr("teiretsu_desktop.cli.admin.resolve", lambda name: makes_the_directory_then_fails)
    r = run_admin(monkeypatch, capsys, data.root, "verify")
    assert r.code == 70
    assert str(data.logs) in r.err
    written = (data.logs / "teiretsu.log").read_text(encoding="utf-8")
    assert "RuntimeError" in written and "makes_the_directory_then_fails" in written
    assert "row values" not in written + r.err
