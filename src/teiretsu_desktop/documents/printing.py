"""Printing a form for a case: need-to-know profile, consent check, 提供記録, audit.

The PDF is made in memory. Giving it to a third party needs a covering consent (or a permitted
override with a reason) and writes a disclosure record; every print is audited. A blank sheet
discloses nothing and writes no disclosure record.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from teiretsu_desktop.documents.context import blank_context, case_context
from teiretsu_desktop.documents.definitions import load_form
from teiretsu_desktop.documents.render import render
from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.consent import DisclosureRequest, authorise_and_record_disclosure
from teiretsu_desktop.services.settings import load_settings
from teiretsu_desktop.store.atomic import atomic_write_bytes


@dataclass(frozen=True)
class PrintRequest:
    form_id: str
    profile: RecipientKind
    case_id: str | None = None
    include_offence: bool = False
    recipient_name: str = ""
    override_reason: str | None = None
    period: tuple[datetime, datetime] | None = None
    method: str = "print"  # print | pdf


@dataclass(frozen=True)
class PrintResult:
    pdf: bytes
    pages: int
    items: tuple[str, ...]
    disclosure_id: str | None


def print_form(session: StaffSession, request: PrintRequest, *, on: date | None = None) -> PrintResult:
    session.require(Permission.PRINT_FORMS)
    form = load_form(request.form_id)
    profile = str(request.profile)
    if profile not in form.profiles:
        raise InvalidInput(
            f"帳票「{form.title}」は {request.profile.label} 向けに印刷できません "
            f"(できる提供先: {', '.join(form.profiles)}) / profile {profile} not defined for {form.id}"
        )
    if request.include_offence:
        session.require(Permission.READ_SENSITIVE)
    if request.case_id is None and form.needs_case:
        raise InvalidInput(f"帳票「{form.title}」にはケースが必要です / {form.id} needs a case.")
    if request.case_id is not None:
        ctx = case_context(
            session, request.case_id, recipient_name=request.recipient_name, period=request.period
        )
    else:
        ctx = blank_context(session)
    font = load_settings(session).font_path or None
    rendered = render(form, ctx, profile=profile, include_offence=request.include_offence, font=font)
    disclosure_id = None
    if form.third_party and ctx.person_id and request.profile is not RecipientKind.PERSON:
        outcome = authorise_and_record_disclosure(
            session,
            DisclosureRequest(
                person_id=ctx.person_id,
                recipient=request.profile,
                items=list(rendered.items),
                method=request.method,
                form_id=form.id,
                case_id=request.case_id,
                recipient_name=request.recipient_name or None,
                override_reason=request.override_reason,
            ),
            on=on or date.today(),
        )
        disclosure_id = outcome.value
    else:
        session.record(
            "form_printed",
            target_kind="case" if request.case_id else None,
            target_id=request.case_id,
            detail={
                "form": form.id,
                "profile": profile,
                "method": request.method,
                "blank": request.case_id is None,
            },
        )
    return PrintResult(rendered.pdf, rendered.pages, rendered.items, disclosure_id)


def protect_pdf(pdf: bytes, password: str) -> bytes:
    """AES-256 (PDF /V 5) with a user password, for a PDF that must be saved to a file."""
    if len(password) < 8:
        raise InvalidInput("PDFのパスワードは8文字以上にしてください / The PDF password needs 8 characters.")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def print_form_recorded(session: StaffSession, request: PrintRequest) -> Outcome[PrintResult]:
    """`print_form` as a use case of the GUI: its disclosure record is announced as a change."""
    result = print_form(session, request)
    changes = Changes.of(ChangeKind.DISCLOSURE, result.disclosure_id) if result.disclosure_id else Changes()
    return Outcome(result, changes)


def save_protected_pdf(
    session: StaffSession, pdf: bytes, *, password: str, path: Path, form_id: str
) -> Outcome[Path]:
    """Save a printed form on purpose: AES-256 protected, written atomically, and audited — all on the
    store thread, so neither the encryption nor the disk write stalls the window."""
    session.require(Permission.PRINT_FORMS)
    atomic_write_bytes(path, protect_pdf(pdf, password))
    session.record("pdf_saved", detail={"form": form_id, "protected": True})
    return Outcome(path, Changes())
