"""`teiretsu --demo`: a populated demo center, created once in its own data directory.

The demo passphrase is public by design (it is shown on the unlock screen); the demo directory holds
synthetic people only and is never the default store.
"""

from __future__ import annotations

from dataclasses import dataclass

from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.setup import CenterInfo, init_center
from teiretsu_desktop.services.staff import add_staff
from teiretsu_desktop.store.paths import DataDir

DEMO_PASSPHRASE = "teiretsu-demo-2026"  # noqa: S105 - published on purpose for the demo store
DEMO_ADMIN = "demo"
DEMO_STAFF = (
    ("kanri", "管理 花子", Role.MANAGER),
    ("sato", "佐藤 一郎", Role.CASEWORKER),
    ("suzuki", "鈴木 由美", Role.CASEWORKER),
    ("jimu", "事務 太郎", Role.CLERICAL),
)
DEMO_PERSONS = 300


@dataclass(frozen=True)
class DemoCenter:
    data_dir: DataDir
    login: str
    passphrase: str
    created: bool


def ensure_demo_center(data_dir: DataDir) -> DemoCenter:
    if data_dir.exists():
        return DemoCenter(data_dir, DEMO_ADMIN, DEMO_PASSPHRASE, created=False)
    init_center(
        data_dir,
        CenterInfo("139999", "デモ地域生活定着支援センター", "13"),
        admin_login=DEMO_ADMIN,
        admin_name="デモ 管理者",
        admin_passphrase=DEMO_PASSPHRASE,
    )
    session = unlock_with_passphrase(data_dir, DEMO_ADMIN, DEMO_PASSPHRASE)
    try:
        for login, name, role in DEMO_STAFF:
            add_staff(session, login=login, display_name=name, role=role, passphrase=DEMO_PASSPHRASE)
        generate_demo_data(session, persons=DEMO_PERSONS, seed=2026)
    finally:
        session.lock()
    return DemoCenter(data_dir, DEMO_ADMIN, DEMO_PASSPHRASE, created=True)
