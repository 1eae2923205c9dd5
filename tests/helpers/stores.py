"""Building test stores. Key derivation is deliberately slow, so a template is made once per test
session and its (closed) files are copied per test."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services.setup import CenterInfo, init_center
from teiretsu_desktop.services.staff import add_staff
from teiretsu_desktop.store.paths import DataDir

ADMIN = "admin"
ADMIN_PASS = "kanri-passphrase-01"
CASEWORKER = "sato"
CASEWORKER_PASS = "soudan-passphrase-02"
CLERK = "suzuki"
CLERK_PASS = "jimu-passphrase-03"
CENTER = CenterInfo("130001", "東京都地域生活定着支援センター", "13")


@dataclass(frozen=True)
class TemplateStore:
    data_dir: DataDir
    recovery_code: str


def build_template(root: Path) -> TemplateStore:
    data_dir = DataDir(root)
    result = init_center(
        data_dir, CENTER, admin_login=ADMIN, admin_name="管理 太郎", admin_passphrase=ADMIN_PASS
    )
    session = unlock_with_passphrase(data_dir, ADMIN, ADMIN_PASS)
    try:
        add_staff(
            session,
            login=CASEWORKER,
            display_name="佐藤 花子",
            role=Role.CASEWORKER,
            passphrase=CASEWORKER_PASS,
        )
        add_staff(session, login=CLERK, display_name="鈴木 一郎", role=Role.CLERICAL, passphrase=CLERK_PASS)
    finally:
        session.lock()
    return TemplateStore(data_dir, result.recovery_code)


def copy_store(template: TemplateStore, dest: Path) -> TemplateStore:
    """Copy a closed template store (test-only: a live database is never copied as a file)."""
    shutil.copytree(template.data_dir.root, dest)
    return TemplateStore(DataDir(dest), template.recovery_code)


def unlock_admin(data_dir: DataDir) -> StaffSession:
    return unlock_with_passphrase(data_dir, ADMIN, ADMIN_PASS)
