"""Sync at a center's scale (issue 18, item 10): ten devices, 5,000 persons, about 50,000 activities.

Measures, never asserts: enrolling a device (its first full sync: a verified copy of the hub's store,
restored on the device), a day's incremental packet written on one laptop (its writes, size, time),
applying it at the hub, and the hub's packet applied at another device. Builds a synthetic center in
a temporary folder (nothing personal); its passphrase is random and never leaves the process.

    PYTHONPATH=src .venv/bin/python scripts/sync_bench.py [--persons 5000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import text

from teiretsu_desktop.domain.codes import ActivityKind
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.setup import CenterInfo, init_center
from teiretsu_desktop.services.sync import devices, exchange
from teiretsu_desktop.store.models import Person
from teiretsu_desktop.store.paths import DataDir

DEVICES = 10


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    passphrase = secrets.token_urlsafe(24)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="teiretsu-sync-bench-") as tmp:
        root = Path(tmp)
        hub_dir = DataDir(root / "hub")
        init_center(hub_dir, CenterInfo("139995", "同期ベンチ", "13"), admin_login="bench", admin_name="ベンチ 管理者",
                    admin_passphrase=passphrase)  # fmt: skip
        hub = unlock_with_passphrase(hub_dir, "bench", passphrase)
        print(f"building {args.persons} persons …", file=sys.stderr, flush=True)
        generate_demo_data(hub, persons=args.persons, seed=1, today=date.today(), activities_per_case=8.0)
        with hub.uow(write=False) as uow:
            size = {t: uow.session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()  # noqa: S608
                    for t in ("person", "support_case", "activity")}  # fmt: skip
        results["data"] = size
        devices.init_hub(hub, "事務所PC")
        enrol, restore = [], []
        device_dirs = []
        for n in range(DEVICES - 1):
            out = root / f"device-{n}.zip"
            start = time.perf_counter()
            devices.enroll(hub, f"端末{n + 1}", out)
            enrol.append(time.perf_counter() - start)
            target = DataDir(root / f"device-{n}")
            start = time.perf_counter()
            maintenance.restore(out, target, lambda slots: slots.unwrap_passphrase("bench", passphrase)[0])
            restore.append(time.perf_counter() - start)
            device_dirs.append(target)
            out.unlink()
        results["first_full_sync_enrol_s"] = round(statistics.median(enrol), 2)
        results["first_full_sync_restore_s"] = round(statistics.median(restore), 2)
        results["store_mb"] = round(hub_dir.db.stat().st_size / 1e6, 1)

        folder = root / "folder"
        folder.mkdir()
        laptop = unlock_with_passphrase(device_dirs[0], "bench", passphrase)
        with laptop.uow(write=False) as uow:
            cases = (
                uow.session.execute(text("SELECT id FROM support_case ORDER BY id LIMIT 60")).scalars().all()
            )
            persons = uow.session.execute(text("SELECT id FROM person ORDER BY id LIMIT 20")).scalars().all()
        # A day's work of a caseworker on visits: sixty notes, twenty people's details corrected.
        for n, case_id in enumerate(cases):
            record_activity(laptop, case_id, ActivityInput(datetime(2026, 11, 27, 9 + n % 8), ActivityKind.INTERVIEW,
                                                           f"面接記録 {n}"))  # fmt: skip
        with laptop.uow() as uow:
            for n, person_id in enumerate(persons):
                found = uow.session.get(Person, person_id)
                assert found is not None
                found.phone = f"090-0000-{n:04d}"
            uow.commit()
        start = time.perf_counter()
        sent = exchange.export(laptop, folder)
        results["day_packet_export_s"] = round(time.perf_counter() - start, 3)
        assert sent.path is not None
        results["day_packet_writes"] = sent.writes
        results["day_packet_kb"] = round(sent.path.stat().st_size / 1024, 1)
        laptop.lock()
        start = time.perf_counter()
        report = exchange.import_folder(hub, folder)
        results["day_packet_apply_at_hub_s"] = round(time.perf_counter() - start, 3)
        results["day_packet_applied"] = report.applied
        start = time.perf_counter()
        relayed = exchange.export(hub, folder)
        results["hub_packet_export_s"] = round(time.perf_counter() - start, 3)
        results["hub_packet_writes"] = relayed.writes
        other = unlock_with_passphrase(device_dirs[1], "bench", passphrase)
        start = time.perf_counter()
        report = exchange.import_folder(other, folder)
        results["apply_at_another_device_s"] = round(time.perf_counter() - start, 3)
        results["applied_at_another_device"] = report.applied
        other.lock()
        hub.lock()
    for name, value in results.items():
        print(f"{name:32} {value}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
