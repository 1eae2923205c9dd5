"""The case window's header: who, which episode, where it stands, what is due next, who is in charge,
and whether a consent covers the work — the things a caseworker checks before anything else."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from teiretsu_desktop.domain.codes import BusinessLine, DestinationKind
from teiretsu_desktop.domain.reminders import CaseDates, next_deadline
from teiretsu_desktop.domain.wareki import age_on, to_wareki
from teiretsu_desktop.services.cases import CaseView
from teiretsu_desktop.services.consent import ConsentView
from teiretsu_desktop.services.persons import PersonView

DESTINATIONS = {str(d): d.label for d in DestinationKind}


def _countdown(days: int) -> str:
    if days < 0:
        return QCoreApplication.translate("CaseHeader", "{0}日超過").format(-days)
    return (
        QCoreApplication.translate("CaseHeader", "今日")
        if days == 0
        else QCoreApplication.translate("CaseHeader", "あと{0}日").format(days)
    )


def header_html(
    case: CaseView,
    person: PersonView,
    *,
    staff_name: str,
    consent: ConsentView | None,
    last_review: date | None,
    today: date,
    last_contact: datetime | None = None,
    unconfirmed: int = 0,
) -> str:
    birth = ""
    if person.birth_date is not None:
        birth = QCoreApplication.translate("CaseHeader", "{0}生 ({1}歳)").format(
            to_wareki(person.birth_date), age_on(person.birth_date, today)
        )
    kana = escape(f"{person.family_kana} {person.given_kana}".strip())
    parts = [escape(case.case_no), escape(case.business_line.label), f"<b>{escape(case.state.label)}</b>"]
    parts.append(
        QCoreApplication.translate("CaseHeader", "担当 {0}").format(escape(staff_name))
        if staff_name
        else QCoreApplication.translate("CaseHeader", "担当 未定")
    )
    deadline = next_deadline(
        CaseDates(
            case.id, case.person_id, case.business_line, case.state, case.expected_release,
            case.detention_expiry, case.release_date, case.follow_up_planned_end, last_review, case.request_date,
        )
    )  # fmt: skip
    if deadline is not None:
        left = (deadline.due - today).days
        colour = "#b00020" if left < 0 else "#8a5a00" if left <= 7 else "inherit"
        parts.append(
            f'<span style="color:{colour}">'
            + QCoreApplication.translate("CaseHeader", "次の期限: {0} {1} ({2})").format(
                escape(deadline.kind.label), to_wareki(deadline.due), _countdown(left)
            )
            + "</span>"
        )
    first_line = len(parts)  # who and where the case stands; the second line: contact, residence, checks
    if last_contact is not None:
        ago = (today - last_contact.date()).days
        parts.append(
            QCoreApplication.translate("CaseHeader", "最終連絡 {0} ({1})").format(
                to_wareki(last_contact.date(), short=True),
                QCoreApplication.translate("CaseHeader", "{0}日前").format(ago)
                if ago > 0
                else QCoreApplication.translate("CaseHeader", "今日"),
            )
        )
    else:
        parts.append(QCoreApplication.translate("CaseHeader", "連絡の記録なし"))
    if case.release_date is not None and case.destination_kind in DESTINATIONS:
        where = DESTINATIONS[case.destination_kind] + (
            f" ({case.destination_name})" if case.destination_name else ""
        )
        parts.append(QCoreApplication.translate("CaseHeader", "居住先 {0}").format(escape(where)))
    if unconfirmed:
        parts.append(
            '<span style="color:#b00020">'
            + QCoreApplication.translate("CaseHeader", "特別調整の要件: 未確認 {0}/6").format(unconfirmed)
            + "</span>"
        )
    if case.business_line is BusinessLine.SUSPECT:
        parts.append(
            '<span style="color:#666">'
            + QCoreApplication.translate("CaseHeader", "情状証人・更生支援計画の作成は対象外 (Q7-6)")
            + "</span>"
        )
    if consent is None:
        parts.append(
            '<span style="color:#b00020">'
            + QCoreApplication.translate("CaseHeader", "同意: この支援の同意なし")
            + "</span>"
        )
    elif consent.expires_on is not None:
        parts.append(
            QCoreApplication.translate("CaseHeader", "同意: あり ({0}まで)").format(
                to_wareki(consent.expires_on)
            )
        )
    else:
        parts.append(QCoreApplication.translate("CaseHeader", "同意: あり"))
    # Two short lines rather than one that wraps mid-phrase (Japanese text breaks anywhere).
    lines = (" ・ ".join(parts[:first_line]), " ・ ".join(parts[first_line:]))
    return f"<h2>{escape(case.person_name)} <small>{kana} {birth}</small></h2>" + "<br>".join(lines)


def header_label(parent: QWidget) -> QLabel:
    """The label the header is shown in. It wraps rather than widening the window past a laptop
    screen; its height is fixed (the name and two lines) so that the tabs stay where they are from case
    to case."""
    label = QLabel(parent)
    label.setObjectName("caseHeader")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setMinimumWidth(200)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * 4 + 8)
    return label
