"""`teiretsu --self-test`: prove on this machine that the pieces a center relies on work (R-PKG-01).

Headless. Creates a temporary store, unlocks it, migrates, writes and reads a record, verifies the
store and the audit chain, and checks the cipher. Passphrases are generated here, never taken from
argv or the environment. The temporary directory is removed afterwards.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from teiretsu_desktop.documents.fonts import register_japanese_font
from teiretsu_desktop.documents.printing import PrintRequest, prepare_print
from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.domain.errors import TeiretsuError
from teiretsu_desktop.security import os_keyring
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.setup import CenterInfo, init_center
from teiretsu_desktop.store.engine import EXPECTED_CIPHER_SETTINGS, SUPPORTED_CIPHER_MAJOR, cipher_report
from teiretsu_desktop.store.models import Setting
from teiretsu_desktop.store.paths import DataDir
from teiretsu_desktop.store.schema import current_revision, head_revision


class SelfTestFailure(Exception):
    pass


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailure(what)


def run_self_test(report: Callable[[str], None] = print) -> bool:
    tmp = Path(tempfile.mkdtemp(prefix="teiretsu-selftest-"))
    try:
        data_dir = DataDir(tmp / "store")
        passphrase = secrets.token_urlsafe(18)
        init_center(
            data_dir,
            CenterInfo("139998", "自己診断センター", "13"),
            admin_login="selftest",
            admin_name="自己診断",
            admin_passphrase=passphrase,
        )
        report("store created")
        session = unlock_with_passphrase(data_dir, "selftest", passphrase)
        try:
            raw = session.store.engine.raw_connection()
            try:
                cipher = cipher_report(raw.driver_connection)
            finally:
                raw.close()
            _check(
                cipher["cipher_version"].startswith(SUPPORTED_CIPHER_MAJOR + "."), f"cipher_version {cipher}"
            )
            _check(cipher["cipher_provider"] == "openssl", "cipher_provider is not openssl")
            for name, expected in EXPECTED_CIPHER_SETTINGS.items():
                _check(cipher.get(name) == expected, f"{name} = {cipher.get(name)}")
            report(f"cipher: SQLCipher {cipher['cipher_version']} ({cipher['cipher_provider']})")
            with session.store.engine.connect() as conn:
                _check(current_revision(conn) == head_revision(), "schema not at head")
            report(f"schema: {head_revision()}")

            marker = "自己診断 " + secrets.token_hex(4)
            with session.uow() as uow:
                uow.session.add(Setting(key="self_test.marker", value=f'"{marker}"'))
                uow.commit()
            with session.uow(write=False) as uow:
                value = uow.session.scalar(select(Setting.value).where(Setting.key == "self_test.marker"))
            _check(value == f'"{marker}"', "record round trip")
            report("record round trip: ok")

            verify = maintenance.verify(session)
            _check(verify.ok, "verify: " + "; ".join(verify.problems))
            report("verify: ok")

            printed = prepare_print(session, PrintRequest("interview-sheet", RecipientKind.CENTER))
            _check(printed.pdf.startswith(b"%PDF") and printed.pages >= 1, "PDF rendering")
            _check(b"/FontFile2" in printed.pdf, "Japanese font embedded")
            report(f"pdf: interview-sheet, {printed.pages} page(s), font {register_japanese_font()}")
        finally:
            session.lock()
        status = os_keyring.backend_status()
        report(f"keyring: {status.name} ({'usable' if status.usable else 'not used: passphrases only'})")
        return True
    except (SelfTestFailure, TeiretsuError) as failure:
        report(f"SELF-TEST FAILED: {failure}")
        return False
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
