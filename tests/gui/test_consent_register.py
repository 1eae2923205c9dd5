"""同意・提供記録 in the case window: a consent prepared, printed for signature and signed; a provision by
telephone recorded, refused without a covering consent, and listed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from teiretsu_desktop.domain.codes import ConsentStatus, ProvisionChannel, RecipientKind
from teiretsu_desktop.gui.cases.consent_register import ConsentRegister
from teiretsu_desktop.gui.launcher import Application
from teiretsu_desktop.gui.printing.dialog import PrintDialog
from teiretsu_desktop.gui.widgets.form import MultiCheck
from teiretsu_desktop.services.consent import list_disclosures
from tests.gui.conftest import settle, show_tab, unlock
from tests.helpers.casework import new_case, new_person
from tests.helpers.stores import TemplateStore, unlock_admin


def test_a_consent_is_prepared_printed_signed_and_then_covers_a_phone_call(
    qtbot: QtBot, gui: Application, store: TemplateStore
) -> None:
    session = unlock_admin(store.data_dir)
    pid = new_person(session)
    cid = new_case(session, pid)
    session.lock()
    unlock(qtbot, gui, "sato", "soudan-passphrase-02")
    gui.main.open_case(cid)
    settle(qtbot, gui)
    window = gui.main.case_windows[cid]
    assert window.findChild(ConsentRegister) is None  # built when first shown
    register = show_tab(qtbot, gui, window, "同意・提供記録")
    assert isinstance(register, ConsentRegister)
    consents, disclosures = register.consents, register.disclosures

    # A call to the lawyer with no consent on file: refused, and the dialog says why and stays open.
    call = disclosures.record()
    call.form.set_values({"method": "phone", "recipient": "lawyer", "recipient_name": "弁護士 佐藤",
                          "items": "障害の状況、帰住予定地"})  # fmt: skip
    call.buttons.accepted.emit()
    settle(qtbot, gui)
    assert call.isVisible() and "同意が記録されていません" in call.status.text()
    call.reject()

    prepare = consents.prepare()
    recipients = prepare.form.widgets["recipients"]
    assert isinstance(recipients, MultiCheck) and "person" not in recipients.boxes  # 本人 is not a recipient
    recipients.set_value(("facility", "lawyer"))
    prepare.buttons.accepted.emit()
    settle(qtbot, gui)
    assert [c.status for c in consents.model.rows()] == [ConsentStatus.DRAFT]

    consents.print_form()
    settle(qtbot, gui)
    printing = window.findChildren(PrintDialog)
    assert [(d.form.currentData(), bool(d.consent_id)) for d in printing] == [("consent", True)]
    printing[0].reject()

    sign = consents.sign()
    assert sign is not None
    giver = sign.form.widgets["given_by"]
    assert isinstance(giver, QComboBox)
    choices = [giver.itemData(i) for i in range(giver.count())]
    assert "family" not in choices  # a family member may be present, not give it
    sign.form.set_value("present", "姉")
    sign.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: [c.given_on is not None for c in consents.model.rows()] == [True], timeout=10000)

    call = disclosures.record()
    call.form.set_values({"method": "phone", "recipient": "lawyer", "recipient_name": "弁護士 佐藤",
                          "items": "障害の状況、帰住予定地"})  # fmt: skip
    call.buttons.accepted.emit()
    settle(qtbot, gui)
    qtbot.waitUntil(lambda: len(disclosures.model.rows()) == 1, timeout=10000)
    row = disclosures.model.rows()[0]
    assert (row.method, row.recipient, row.items) == (
        ProvisionChannel.PHONE, RecipientKind.LAWYER, ("障害の状況", "帰住予定地"))  # fmt: skip
    check = unlock_admin(store.data_dir)
    try:
        assert list_disclosures(check, pid)[0].consent_id is not None
    finally:
        check.lock()
