"""Printing from a case: consent is checked before any page is shown; preview from memory; a saved
PDF is password-protected."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.services.consent import list_disclosures
from tests.gui.conftest import settle, unlock
from tests.helpers.casework import consent, new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_print_preview_checks_consent_and_saves_protected_pdf(
    qtbot: QtBot, gui: Application, store: TemplateStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = unlock_admin(store.data_dir)
    pid = new_person(session)
    cid = new_case(session, pid)
    session.lock()
    unlock(qtbot, gui, "sato", "soudan-passphrase-02")  # a caseworker: may print, may not override consent
    gui.main.open_case(cid)
    settle(qtbot, gui)
    dialog = gui.main.case_windows[cid].open_print()
    dialog.form.setCurrentIndex(dialog.form.findData("referral"))
    dialog.profile.setCurrentIndex(dialog.profile.findData("facility"))
    dialog.recipient.setText("グループホームさくら")
    dialog.preview()
    settle(qtbot, gui)
    assert "consent" in dialog.status.text() and dialog.printed is None
    assert dialog.pages_layout.count() == 0

    admin = unlock_admin(store.data_dir)
    consent(admin, pid, RecipientKind.FACILITY)
    admin.lock()
    dialog.preview()
    settle(qtbot, gui)
    assert dialog.printed is not None and dialog.pages_layout.count() == dialog.printed.pages >= 1
    assert "提供記録" in dialog.status.text()

    out = tmp_path / "referral.pdf"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("pdf-password-1", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    dialog.save_pdf()
    settle(qtbot, gui)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted and reader.trailer["/Encrypt"]["/V"] == 5
    check = unlock_admin(store.data_dir)
    try:
        records = list_disclosures(check, pid)
    finally:
        check.lock()
    assert [(r.form_id, r.recipient) for r in records] == [("referral", RecipientKind.FACILITY)]


def test_backup_from_settings_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, gui: Application, store: TemplateStore, tmp_path: Path
) -> None:
    unlock(qtbot, gui)
    page = gui.main.settings.center
    out = tmp_path / "b.backup"
    dialog = page.run_backup(out)
    dialog.cancel()  # pressed at once: the copy stops at its first step, or finishes if it was quicker
    settle(qtbot, gui)
    assert "中止" in page.status.text() or out.exists()
    page.run_backup(out)
    settle(qtbot, gui)
    assert out.exists() and "バックアップを作成しました" in page.status.text()
