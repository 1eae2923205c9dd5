"""The benchmark's workloads run on both of its stores: the encrypted one and the plain-SQLite copy
it compares against (a full `make bench` once stopped at the referral form: the copy's sealed fields
read as nothing, issue 19). Speed is not asserted here, only that every workload completes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from teiretsu_desktop.cli import bench
from teiretsu_desktop.domain.wareki import fiscal_year
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.demo import generate_demo_data
from tests.helpers.stores import TemplateStore


def test_every_workload_runs_on_the_store_and_its_plain_copy(
    store: TemplateStore, admin: StaffSession, tmp_path: Path
) -> None:
    generate_demo_data(admin, persons=40, seed=3, today=date.today())
    bench._add_long_case(admin)
    plain = bench._plain_session(admin, tmp_path / "plain" / "plain.db")
    try:
        year = fiscal_year(date.today()) - 1
        for session in (admin, plain):
            workloads = bench._workloads(session, year)
            assert set(workloads) == set(bench.REPEAT)
            for work in workloads.values():
                work()  # raises if the workload cannot run on this store
    finally:
        plain.store.close()
