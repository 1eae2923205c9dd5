"""Printing from a case: the basis is checked before any page is shown; a preview records nothing;
the print job or the saved (password-protected) PDF is the provision and is recorded once."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import CandidateStatus, ProvisionChannel, RecipientKind
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.printing.dialog import INTERNAL
from teiretsu_desktop.services import coordination
from teiretsu_desktop.services.consent import DisclosureView, list_disclosures
from tests.gui.conftest import Answers, settle, unlock
from tests.helpers.casework import consent, new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def _disclosures(store: TemplateStore, person_id: str) -> list[DisclosureView]:
    check = unlock_admin(store.data_dir)
    try:
        return list_disclosures(check, person_id)
    finally:
        check.lock()


def test_a_preview_is_not_a_provision_and_a_print_or_a_saved_pdf_is_one(
    qtbot: QtBot, gui: Application, store: TemplateStore, tmp_path: Path, answers: Answers
) -> None:
    session = unlock_admin(store.data_dir)
    pid = new_person(session)
    cid = new_case(session, pid)
    session.lock()
    unlock(qtbot, gui, "sato", "soudan-passphrase-02")  # a caseworker: may print, may not override consent
    gui.main.open_case(cid)
    settle(qtbot, gui)
    dialog = gui.main.case_windows[cid].open_print()
    assert dialog is not None
    dialog.form.setCurrentIndex(dialog.form.findData("referral"))
    dialog.profile.setCurrentIndex(dialog.profile.findData("facility"))
    dialog.recipient.setText("グループホームさくら")
    dialog.preview()
    settle(qtbot, gui)
    assert "同意が記録されていません" in dialog.status.text() and dialog.printed is None
    assert dialog.pages_layout.count() == 0

    admin = unlock_admin(store.data_dir)
    consent(admin, cid, RecipientKind.FACILITY)
    admin.lock()
    dialog.preview()
    settle(qtbot, gui)
    assert dialog.printed is not None and dialog.pages_layout.count() == dialog.printed.pages >= 1
    assert "同意に基づく提供" in dialog.status.text()
    assert _disclosures(store, pid) == []  # previewed only

    answers.printer = None  # the print dialog is cancelled: still nothing
    dialog.print_pages()
    settle(qtbot, gui)
    assert _disclosures(store, pid) == [] and "何も記録していません" in dialog.status.text()

    answers.printer = tmp_path / "printed.pdf"
    dialog.print_pages()
    settle(qtbot, gui)
    assert answers.printer.exists() and "提供記録を作成しました" in dialog.status.text()
    assert [(r.method, r.form_id) for r in _disclosures(store, pid)] == [(ProvisionChannel.PRINT, "referral")]

    out = tmp_path / "referral.pdf"
    answers.password, answers.save_path = "pdf-password-1", out
    dialog.save_pdf()
    settle(qtbot, gui)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted and reader.trailer["/Encrypt"]["/V"] == 5
    assert sorted(r.method for r in _disclosures(store, pid)) == [
        ProvisionChannel.PDF,
        ProvisionChannel.PRINT,
    ]


def test_the_center_copy_and_the_decided_candidate(
    qtbot: QtBot, gui: Application, store: TemplateStore, tmp_path: Path, answers: Answers
) -> None:
    session = unlock_admin(store.data_dir)
    pid = new_person(session)
    cid = new_case(session, pid)
    candidate = coordination.add_candidate(session, cid, name="グループホームみどり", destination_kind=None,
                                           contacted_on=None, note=None).value  # fmt: skip
    coordination.set_candidate_status(session, candidate, CandidateStatus.DECIDED)
    session.lock()
    unlock(qtbot, gui, "sato", "soudan-passphrase-02")
    gui.main.open_case(cid)
    settle(qtbot, gui)
    dialog = gui.main.case_windows[cid].open_print()
    assert dialog is not None
    dialog.form.setCurrentIndex(dialog.form.findData("referral"))
    settle(qtbot, gui)
    dialog.profile.setCurrentIndex(dialog.profile.findData("facility"))
    assert dialog.recipient.text() == "グループホームみどり"  # the decided placement is offered

    dialog.form.setCurrentIndex(dialog.form.findData("activity-log"))
    dialog.profile.setCurrentIndex(dialog.profile.findData(INTERNAL))
    dialog.preview()
    settle(qtbot, gui)
    assert dialog.printed is not None and "センター控え" in dialog.status.text()
    answers.printer = tmp_path / "copy.pdf"
    dialog.print_pages()
    settle(qtbot, gui)
    assert answers.printer.exists() and _disclosures(store, pid) == []


def test_the_center_register_for_a_period_prints_from_the_file_menu(
    qtbot: QtBot, gui: Application, store: TemplateStore, tmp_path: Path, answers: Answers
) -> None:
    unlock(qtbot, gui)
    dialog = gui.main.print_register()
    assert [dialog.profile.itemData(i) for i in range(dialog.profile.count())] == [INTERNAL]
    dialog.period_start.edit.setText("令和8年4月1日")
    dialog.period_end.edit.setText("令和9年3月31日")
    dialog.preview()
    settle(qtbot, gui)
    assert dialog.printed is not None and dialog.printed.request.period is not None
    assert dialog.printed.request.period[0].date().isoformat() == "2026-04-01"
    dialog.period_end.edit.setText("令和9年13月1日")
    dialog.preview()
    assert "期間" in dialog.status.text() and dialog.printed is None


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


def test_the_preview_can_be_zoomed(qtbot: QtBot, gui: Application, store: TemplateStore) -> None:
    """Issue 17: the preview is read before it goes out, so it is large enough and can be zoomed."""
    session = unlock_admin(store.data_dir)
    cid = new_case(session, new_person(session))
    session.lock()
    unlock(qtbot, gui)
    gui.main.open_case(cid)
    settle(qtbot, gui)
    dialog = gui.main.case_windows[cid].open_print("face-sheet")
    assert dialog is not None
    dialog.profile.setCurrentIndex(dialog.profile.findData("internal"))
    dialog.preview()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: dialog.pages_layout.count() >= 1, timeout=10000)

    def width() -> int:
        item = dialog.pages_layout.itemAt(0)
        label = item.widget() if item is not None else None
        assert isinstance(label, QLabel)
        return label.pixmap().width()

    assert dialog.zoom.currentText() == "100%" and dialog.zoom.accessibleName() == "表示倍率"
    normal = width()
    assert normal >= 780  # an A4 page at 96 dpi is 794 pixels wide
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(200))
    settle(qtbot, gui)
    assert abs(width() - 2 * normal) <= 2
    dialog._step_zoom(-4)  # Ctrl+- down to the smallest
    settle(qtbot, gui)
    assert dialog.zoom.currentData() == 50 and abs(width() - normal // 2) <= 2
    assert dialog.printed is not None  # zooming is not a change of what is printed
