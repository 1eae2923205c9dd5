"""`teiretsu-admin --data-dir DIR bench [--persons N] [--json FILE]`: the application against plain
SQLite on the same data, in one run (issue 8). Speed is measured here, never asserted in tests.

The store in DIR is built with the demo generator (or reused). A plain-SQLite copy is made with
`sqlcipher_export` for the baseline; that writes the data unencrypted, so the benchmark refuses any
store that holds more than generated demo data.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.documents.printing import PrintRequest, prepare_print
from teiretsu_desktop.domain.codes import ActivityKind, BusinessLine, RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.names import normalize_name
from teiretsu_desktop.domain.wareki import fiscal_year
from teiretsu_desktop.domain.workflow import OPEN_STATES
from teiretsu_desktop.security.keyslots import derive_passphrase_kek, new_argon2_kdf
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.signing import key_id, public_key_text
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import activities, cases
from teiretsu_desktop.services.case_list import CaseQuery, find_cases
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.reminders import reminder_page
from teiretsu_desktop.services.setup import CenterInfo, init_center
from teiretsu_desktop.stats.bundle_format import canonical, payload_sha256, write_bundle
from teiretsu_desktop.stats.export import preview_export
from teiretsu_desktop.stats.workspace import Workspace
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.engine import make_plain_engine
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import Activity, AuditEntry, Person, SupportCase
from teiretsu_desktop.store.paths import DataDir
from teiretsu_desktop.store.queries import person_search
from teiretsu_desktop.store.queries.case_list import CaseListFilter, count_cases, list_cases

SEARCH_PREFIXES = ("山", "山田", "やま", "やまだ", "たか", "高橋", "さとう", "佐")
LOG_ACTIVITIES = 1500  # about 100 pages of activity log


@dataclass
class Result:
    name: str
    samples: list[float]
    baseline: list[float] | None
    target_ms: float | None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000

    @property
    def baseline_ms(self) -> float | None:
        return statistics.median(self.baseline) * 1000 if self.baseline else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline_ms
        return round(self.median_ms / base, 2) if base else None


def _time(fn: Callable[[], Any], repeat: int) -> list[float]:
    fn()  # warm-up: caches and imports, as on a running laptop
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def _ensure_store(ctx: CliContext, persons: int) -> StaffSession:
    if not ctx.data_dir.exists():
        passphrase = ctx.secrets.new("ベンチマーク用ストアのパスフレーズ / bench store passphrase")
        init_center(ctx.data_dir, CenterInfo("139997", "ベンチマークセンター", "13"), admin_login="bench",
                    admin_name="ベンチ 管理者", admin_passphrase=passphrase)  # fmt: skip
        session = unlock_with_passphrase(ctx.data_dir, "bench", passphrase)
        print(f"building {persons} persons …", file=sys.stderr, flush=True)
        generate_demo_data(session, persons=persons, seed=1, today=date.today(),
                           progress=lambda d, t: print(f"\r{d}/{t}", end="", file=sys.stderr, flush=True))  # fmt: skip
        print(file=sys.stderr)
        _add_long_case(session)
        return session
    session = ctx.unlock()
    return session


def _add_long_case(session: StaffSession) -> None:
    with session.uow(write=False) as uow:
        person_id = uow.session.execute(select(Person.id).limit(1)).scalar_one()
    case_id = cases.open_case(
        session, person_id, cases.CaseInput(BusinessLine.SPECIAL, request_date=date.today())
    ).value
    start = datetime.now() - timedelta(days=LOG_ACTIVITIES)
    rows = [
        {"id": f"bench-{i:05d}", "revision": 1, "updated_at": "2026-01-01T00:00:00.000000Z", "case_id": case_id,
         "occurred_at": start + timedelta(days=i), "kind": str(ActivityKind.INTERVIEW), "staff_id": session.actor.staff_id,
         "narrative": f"経過記録 {i}: 本人と面接し、生活の様子と今後の希望について聞き取った。受入先の調整状況を説明した。"}
        for i in range(LOG_ACTIVITIES)
    ]  # fmt: skip
    with session.uow() as uow:
        uow.session.execute(insert(cast(Table, Activity.__table__)), rows)
        uow.commit()


def _only_demo_data(session: StaffSession) -> None:
    with session.uow(write=False) as uow:
        generated = uow.session.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "demo_data_generated")
        ).scalar_one()
        real = uow.session.execute(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action.in_(("person_created", "ledger_imported")))
        ).scalar_one()
    if not generated or real:
        raise InvalidInput(
            "ベンチマークは生成したデモデータのストアでのみ実行できます (平文のコピーを作るため) / "
            "the benchmark runs only on a store of generated demo data (it makes a plaintext copy)."
        )


def _plain_copy(session: StaffSession, target: Path) -> Store:
    if target.exists():
        target.unlink()
    raw = session.store.engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')").fetchall()
        conn.execute("DETACH DATABASE plain")
    finally:
        raw.close()
    return Store(DataDir(target.parent), make_plain_engine(target), DatabaseKey(bytes(32)))


def _plain_session(session: StaffSession, target: Path) -> StaffSession:
    """The baseline: the same staff on a plain-SQLite copy of the store. The copy keeps the sealed
    fields sealed, so the session carries the same credentials (the field key) to read them."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return StaffSession(_plain_copy(session, target), session.actor, "bench", credentials=session.credentials)


def _long_case(session: StaffSession) -> str:
    with session.uow(write=False) as uow:
        return str(
            uow.session.execute(select(Activity.case_id).where(Activity.id == "bench-00000")).scalar_one()
        )


def _case_with(session: StaffSession, n: int) -> str:
    with session.uow(write=False) as uow:
        row = uow.session.execute(
            select(Activity.case_id, func.count().label("n")).group_by(Activity.case_id).having(func.count() >= 5)
            .order_by(func.count().desc()).offset(1).limit(1)
        ).first()  # fmt: skip
    return str(row[0]) if row else _long_case(session)


def _workloads(session: StaffSession, year: int) -> dict[str, Callable[[], Any]]:
    case_id = _case_with(session, 200)
    long_case = _long_case(session)

    typed = iter(SEARCH_PREFIXES * 1000)

    def search() -> None:
        """One keystroke's query: the next of the kanji and kana prefixes, as typed."""
        with session.uow(write=False) as uow:
            person_search.search_ids(uow.session, normalize_name(next(typed)), limit=50)

    def open_case() -> None:
        cases.get_case(session, case_id)
        activities.list_activities(session, case_id)

    def first_page() -> None:
        with session.uow(write=False) as uow:
            flt = CaseListFilter()
            count_cases(uow.session, flt)
            list_cases(uow.session, flt, limit=200)

    def stats() -> None:
        preview_export(session, year, "prefecture")

    def referral() -> None:
        prepare_print(
            session, PrintRequest("referral", RecipientKind.FACILITY, case_id, override_reason="bench")
        )

    def log() -> None:
        prepare_print(
            session, PrintRequest("activity-log", RecipientKind.CENTER, long_case, override_reason="bench")
        )

    # What the GUI really runs (issue 19): the list's default filter and sort, a search as the list
    # runs it (count and page, 進行中), the name sort, and the dashboard's reminders.
    listed = iter(SEARCH_PREFIXES * 1000)

    def list_default() -> None:
        find_cases(session, CaseQuery(states=OPEN_STATES))

    def list_search() -> None:
        find_cases(session, CaseQuery(text=next(listed), states=OPEN_STATES))

    def list_by_name() -> None:
        find_cases(session, CaseQuery(states=OPEN_STATES, sort="person_kana", descending=False))

    def dashboard() -> None:
        reminder_page(session, within_days=DASHBOARD_DAYS, limit=DASHBOARD_ROWS)

    return {
        "search_as_you_type": search,
        "open_case": open_case,
        "case_list_first_page": first_page,
        "gui_case_list_default": list_default,
        "gui_search_count_and_page": list_search,
        "gui_case_list_by_name": list_by_name,
        "gui_dashboard_reminders": dashboard,
        "fiscal_year_statistics": stats,
        "referral_form": referral,
        "activity_log_100_pages": log,
    }


DASHBOARD_DAYS, DASHBOARD_ROWS = 7, 500  # the dashboard's default window and its longest list
TARGETS = {
    "search_as_you_type": 50.0, "open_case": 30.0, "case_list_first_page": 150.0,
    "gui_case_list_default": 100.0, "gui_search_count_and_page": 100.0, "gui_case_list_by_name": 100.0,
    "gui_dashboard_reminders": 200.0, "cli_version": 300.0,
    "fiscal_year_statistics": 1000.0, "referral_form": 150.0, "activity_log_100_pages": 2000.0,
    "import_48_bundles": 5000.0, "unlock": 2000.0, "cold_start_to_unlock_screen": None,
}  # fmt: skip
REPEAT = {"search_as_you_type": 40, "open_case": 15, "case_list_first_page": 15, "fiscal_year_statistics": 5,
          "gui_case_list_default": 15, "gui_search_count_and_page": 24, "gui_case_list_by_name": 10,
          "gui_dashboard_reminders": 5,
          "referral_form": 8, "activity_log_100_pages": 3}  # fmt: skip


def _bundles(session: StaffSession, year: int, folder: Path) -> tuple[Workspace, list[Path]]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    preview = preview_export(session, year, "prefecture")
    workspace = Workspace(folder / "ws")
    files = []
    for n in range(48):
        center = f"{n % 47 + 1:02d}{9000 + n:04d}"  # 48 six-digit center codes, each with its prefecture
        key = Ed25519PrivateKey.generate()
        workspace.trust(center, public_key_text(key.public_key(), center))
        manifest = {
            "format_version": 1, "center_id": center, "key_id": key_id(key.public_key()),
            "bundle_id": f"00000000-0000-4000-8000-{n:012d}", "period": f"FY{year}", "fiscal_year": year, "sequence": 1,
            "created_on": date.today().isoformat(), "app_version": "bench", "payload_sha256": payload_sha256(preview.payload),
            "audit_chain_head": "1:" + "0" * 64, "policy": "prefecture", "k": 1,
            "table_versions": {tid: p.version for tid, p in sorted(preview.published.items())}, "signed_off_role": "manager",
        }  # fmt: skip
        path = folder / f"{center}.bundle"
        path.write_bytes(write_bundle(manifest, preview.payload, key.sign(canonical(manifest))))
        files.append(path)
    return workspace, files


LEDGER_ROWS = 10_000


def _ledger_file(path: Path, rows: int) -> Path:
    """A year of cases as a center's Excel writes them: Shift_JIS CSV, its own headers, 和暦 dates."""
    import csv

    lines = ["氏名", "フリガナ", "生年月日", "業務", "状況", "受付日", "釈放日", "帰住先", "障害等", "備考"]
    with open(path, "w", encoding="cp932", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(lines)
        for i in range(rows):
            released = i % 3 == 0
            writer.writerow([
                f"台帳 {i:05d}郎", f"ダイチョウ {i:05d}", f"昭和{20 + i % 40}年{1 + i % 12}月{1 + i % 28}日",
                ("特別調整", "一般調整")[i % 2], "フォローアップ中" if released else "調整中",
                f"R{4 + i % 3}.{4 + i % 9}.{1 + i % 28}", f"R{7}.{1 + i % 3}.{1 + i % 28}" if released else "",
                "グループホーム" if released else "", ("知的", "精神", "身体・知的")[i % 3], "手帳申請中" if i % 5 else "",
            ])  # fmt: skip
    return path


def _ledger_import(folder: Path) -> list[Result]:
    """Dry run, import and re-import (every row unchanged) of a 10,000-row ledger, into an empty store and
    into its plain-SQLite copy. Each import writes, so each sample starts from a new empty store."""
    import secrets

    from teiretsu_desktop.services.ledger.importer import import_ledger
    from teiretsu_desktop.services.ledger.mapping import ColumnMapping, read_ledger

    passphrase = secrets.token_urlsafe(24)
    ledger = read_ledger(_ledger_file(folder / "台帳.csv", LEDGER_ROWS))
    mapping = ColumnMapping.suggested(ledger)
    timings: dict[str, tuple[list[float], list[float]]] = {}
    for name in ("ledger_dry_run_10k", "ledger_import_10k", "ledger_reimport_10k"):
        timings[name] = ([], [])
    for sample in range(2):
        store = DataDir(folder / f"ledger-{sample}")
        init_center(store, CenterInfo("139996", "台帳ベンチ", "13"), admin_login="bench", admin_name="ベンチ 管理者",
                    admin_passphrase=passphrase)  # fmt: skip
        session = unlock_with_passphrase(store, "bench", passphrase)
        plain = _plain_session(session, folder / f"ledger-plain-{sample}.db")
        for index, target in enumerate((session, plain)):
            for name, dry_run in (
                ("ledger_dry_run_10k", True), ("ledger_import_10k", False), ("ledger_reimport_10k", False),
            ):  # fmt: skip
                start = time.perf_counter()
                report = import_ledger(target, ledger, mapping=mapping, skip_invalid=True, dry_run=dry_run)
                timings[name][index].append(time.perf_counter() - start)
                assert report.rows == LEDGER_ROWS, report.summary()
        plain.store.close()
        session.lock()
    return [Result(name, enc, plain, None) for name, (enc, plain) in timings.items()]


def _cold_start(data_dir: DataDir) -> list[float]:
    """From starting the process to the lock screen painted, as the person waits for it. The process
    says so on stdout; its exit is not timed (quitting at once waits for the imports the store thread
    began ahead of the unlock, which no one starting the application waits for)."""
    code = (
        "import sys;from PySide6.QtWidgets import QApplication;"
        "from teiretsu_desktop.gui.launcher import Application;from teiretsu_desktop.store.paths import DataDir;"
        "a=QApplication([]);app=Application(a,DataDir(__import__('pathlib').Path(sys.argv[1])));app.show_start();"
        "a.processEvents();print('shown',flush=True);app.shutdown()"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        command = [sys.executable, "-c", code, str(data_dir.root)]  # our own interpreter and code
        with subprocess.Popen(  # noqa: S603 - our own interpreter and code
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        ) as child:
            assert child.stdout is not None
            shown = child.stdout.readline()
            samples.append(time.perf_counter() - start)
            if child.wait() != 0 or shown.strip() != "shown":
                raise RuntimeError("the application did not start")
    return samples


def _cli_version() -> list[float]:
    """`teiretsu-admin --version` as IT types it (a fresh interpreter each time)."""
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        code = "import sys;from teiretsu_desktop.cli.admin import main;sys.argv[0]='teiretsu-admin';main(['--version'])"
        command = [sys.executable, "-c", code]  # our own interpreter and code, as the console script runs
        subprocess.run(command, check=False, capture_output=True)  # noqa: S603 - exits 0 through --version
        samples.append(time.perf_counter() - start)
    return samples


def _unlock_cost(session: StaffSession) -> None:
    """What an unlock costs: the passphrase KDF with the production parameters, then opening the store."""
    derive_passphrase_kek("bench passphrase", new_argon2_kdf())
    Store.open(session.store.data_dir, DatabaseKey(session.store.key.raw()), migrate=False).close()


def cmd_bench(ctx: CliContext, args: argparse.Namespace) -> int:
    session = _ensure_store(ctx, args.persons)
    _only_demo_data(session)
    year = fiscal_year(date.today()) - 1
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="teiretsu-bench-") as tmp:
        plain = _plain_session(session, Path(tmp) / "plain.db")
        encrypted_work, plain_work = _workloads(session, year), _workloads(plain, year)
        only = set(args.only.split(",")) if args.only else None
        for name, work in encrypted_work.items():
            if only is not None and name not in only:
                continue
            print(f"{name} …", file=sys.stderr, flush=True)
            repeat = REPEAT[name]
            results.append(Result(name, _time(work, repeat), _time(plain_work[name], repeat), TARGETS[name]))
        if only is not None:  # a chosen few: the database workloads only, and the command line's start
            plain.store.close()
            results.append(Result("cli_version", _cli_version(), None, TARGETS["cli_version"]))
            return _report(session, results, args)
        workspace, files = _bundles(session, year, Path(tmp))
        samples = []
        for _ in range(3):
            for leftover in (
                (workspace.root / "bundles").glob("*") if (workspace.root / "bundles").exists() else []
            ):
                leftover.unlink()
            (workspace.root / "index.json").unlink(missing_ok=True)
            start = time.perf_counter()
            report = workspace.import_files(files)
            samples.append(time.perf_counter() - start)
            assert len([f for f in report.files if f.status == "new"]) == 48
        results.append(Result("import_48_bundles", samples, None, TARGETS["import_48_bundles"]))
        plain.store.close()
        print("ledger import …", file=sys.stderr, flush=True)
        results += _ledger_import(Path(tmp))
    results.append(Result("unlock", _time(lambda: _unlock_cost(session), 3), None, TARGETS["unlock"]))
    results.append(Result("cold_start_to_unlock_screen", _cold_start(ctx.data_dir), None, None))
    results.append(Result("cli_version", _cli_version(), None, TARGETS["cli_version"]))
    return _report(session, results, args)


def _report(session: StaffSession, results: list[Result], args: argparse.Namespace) -> int:
    db_bound = [r for r in results if r.baseline and not r.name.startswith("ledger_")]  # as before #15
    overhead = sum(r.median_ms for r in db_bound) / sum(r.baseline_ms or 0 for r in db_bound)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with session.uow(write=False) as uow:
        sizes = {
            "persons": uow.session.execute(select(func.count()).select_from(Person)).scalar_one(),
            "cases": uow.session.execute(select(func.count()).select_from(SupportCase)).scalar_one(),
            "activities": uow.session.execute(select(func.count()).select_from(Activity)).scalar_one(),
        }
    print(f"{'workload':32} {'median ms':>10} {'p95 ms':>9} {'plain ms':>9} {'ratio':>6} {'target ms':>10}")
    for r in results:
        base = f"{r.baseline_ms:9.1f}" if r.baseline_ms else f"{'-':>9}"
        ratio = f"{r.ratio:6.2f}" if r.ratio else f"{'-':>6}"
        target = f"{r.target_ms:10.0f}" if r.target_ms else f"{'-':>10}"
        print(f"{r.name:32} {r.median_ms:10.1f} {r.p95_ms:9.1f} {base} {ratio} {target}")
    print(
        f"encryption overhead (DB-bound workloads, encrypted / plain): {overhead:.2f}x; peak memory {peak_mb:.0f} MB"
    )
    for r in results:
        if r.name.startswith("ledger_"):
            print(f"{r.name}: {r.median_ms / LEDGER_ROWS:.2f} ms per row")
    print(f"data: {sizes}")
    if args.json:
        machine = {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
                   "processor": platform.processor() or platform.machine()}  # fmt: skip
        out = {
            "results": [{"name": r.name, "median_ms": round(r.median_ms, 2), "p95_ms": round(r.p95_ms, 2),
                         "baseline_median_ms": round(r.baseline_ms, 2) if r.baseline_ms else None, "ratio": r.ratio,
                         "target_ms": r.target_ms,
                         "per_row_ms": round(r.median_ms / LEDGER_ROWS, 3) if r.name.startswith("ledger_") else None}
                        for r in results],
            "encryption_overhead": round(overhead, 3), "peak_memory_mb": round(peak_mb), "data": sizes, "machine": machine,
        }  # fmt: skip
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0
