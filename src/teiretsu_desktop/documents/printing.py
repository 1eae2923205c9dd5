"""Printing a form for a case: need-to-know profile, the basis of a provision, 提供記録, audit.

Two steps, because a preview is not a provision (DOMAIN §10.9):
- `prepare_print` checks what may be printed and on what basis (the consent that covers it, or an
  authorised override and its reason), words the letter by that basis and renders the PDF in memory.
  It writes nothing: a preview that is cancelled leaves no trace.
- `record_print` is called when the print job is accepted or the file is saved. It writes the
  提供記録 (a provision to someone else) or, for a センター控え, a blank sheet or a paper for the person,
  the audit entry — once, with the basis the pages were worded by.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from teiretsu_desktop.documents.context import (
    FormContext,
    blank_context,
    case_context,
    center_register_context,
    describe_basis,
)
from teiretsu_desktop.documents.definitions import FormDefinition, load_form
from teiretsu_desktop.documents.render import render
from teiretsu_desktop.domain.codes import BusinessLine, ProvisionChannel, RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.changes import Changes, Outcome
from teiretsu_desktop.services.consent import Basis, DisclosureRequest, basis_for, record_disclosure
from teiretsu_desktop.services.settings import load_settings
from teiretsu_desktop.store.atomic import atomic_write_bytes

INTERNAL_MARK = "センター控え（外部提供不可）"


@dataclass(frozen=True)
class PrintRequest:
    form_id: str
    profile: RecipientKind | None  # None: the center's own copy (センター控え), not a provision
    case_id: str | None = None
    include_offence: bool = False
    recipient_name: str = ""
    override_reason: str | None = None
    period: tuple[datetime, datetime] | None = None
    agency_id: str | None = None
    consent_id: str | None = None  # the consent a 同意書 is printed for (a draft, before signature)
    meeting_id: str | None = None  # the meeting a ケース会議記録 is printed for (else the latest)
    on: date | None = None

    @property
    def internal(self) -> bool:
        return self.profile is None


@dataclass(frozen=True)
class PrintResult:
    pdf: bytes
    pages: int
    items: tuple[str, ...]
    request: PrintRequest
    person_id: str | None
    provision: DisclosureRequest | None  # set when printing this gives data to someone else
    basis: Basis | None

    @property
    def by_override(self) -> bool:
        return self.basis is not None and self.basis.override_reason is not None


def _provision(
    form: FormDefinition, request: PrintRequest, ctx: FormContext, day: date
) -> DisclosureRequest | None:
    if request.internal or not form.third_party or ctx.person_id is None:
        return None
    assert request.profile is not None
    return DisclosureRequest(
        person_id=ctx.person_id,
        recipient=request.profile,
        items=(),
        method=ProvisionChannel.PRINT,
        on=day,
        case_id=request.case_id,
        recipient_name=request.recipient_name
        or (ctx.values.get(form.addressed_to) if form.addressed_to else None)
        or None,
        agency_id=request.agency_id,
        form_id=form.id,
        override_reason=request.override_reason,
    )


def prepare_print(session: StaffSession, request: PrintRequest) -> PrintResult:
    """Check and render; nothing is recorded (see `record_print`)."""
    session.require(Permission.PRINT_FORMS)
    form = load_form(request.form_id)
    day = request.on or date.today()
    if request.profile is not None and str(request.profile) not in form.profiles:
        raise InvalidInput(
            f"帳票「{form.title}」は {request.profile.label} 向けに印刷できません "
            f"(できる提供先: {'、'.join(RecipientKind(p).label for p in form.profiles)})"
            f" / profile {request.profile} not defined for {form.id}"
        )
    if request.include_offence:
        session.require(Permission.READ_SENSITIVE)
    if form.center_wide and not request.internal:
        raise InvalidInput(
            f"帳票「{form.title}」はセンター控えとしてだけ印刷できます / {form.id} is internal."
        )
    if request.case_id is None and form.needs_case:
        raise InvalidInput(f"帳票「{form.title}」にはケースが必要です / {form.id} needs a case.")
    if form.center_wide:
        ctx = center_register_context(session, request.period)
    elif request.case_id is not None:
        ctx = case_context(
            session,
            request.case_id,
            recipient_name=request.recipient_name,
            period=request.period,
            consent_id=request.consent_id,
            meeting_id=request.meeting_id,
        )
    else:
        ctx = blank_context(session)
    if ctx.business_line is not None and not form.applies_to(str(ctx.business_line)):
        lines = "・".join(BusinessLine(line).label for line in sorted(form.lines))
        raise InvalidInput(
            f"帳票「{form.title}」は{lines}のケースの書類です（このケースは{ctx.business_line.label}）"
            f" / {form.id} is not for a {ctx.business_line} case."
        )
    provision = _provision(form, request, ctx, day)
    basis = basis_for(session, provision) if provision is not None else None
    ctx.values.update(describe_basis(basis, internal=request.internal))
    if request.internal:
        groups = form.internal_groups(
            include_offence=request.include_offence,
            sensitive=session.can(Permission.READ_SENSITIVE),
        )
    else:
        assert request.profile is not None
        groups = form.groups_for(str(request.profile), include_offence=request.include_offence)
    font = load_settings(session).font_path or None
    rendered = render(form, ctx, groups=groups, mark=INTERNAL_MARK if request.internal else "", font=font)
    if provision is not None:
        provision = replace(provision, items=rendered.items)
    return PrintResult(rendered.pdf, rendered.pages, rendered.items, request, ctx.person_id, provision, basis)


def record_print(
    session: StaffSession, result: PrintResult, channel: ProvisionChannel
) -> Outcome[str | None]:
    """The pages were handed to the printer or saved: the 提供記録, or the audit entry, now."""
    session.require(Permission.PRINT_FORMS)
    if result.provision is None:
        request = result.request
        session.record(
            "form_printed",
            target_kind="case" if request.case_id else None,
            target_id=request.case_id,
            detail={
                "form": request.form_id,
                "profile": str(request.profile) if request.profile else "internal",
                "method": str(channel),
                "blank": request.case_id is None,
                "internal": request.internal,
            },
        )
        return Outcome(None, Changes())
    provision = replace(result.provision, method=channel, on=date.today())
    current = basis_for(session, provision)
    if result.basis is not None and current.by_consent != result.basis.by_consent:
        raise InvalidInput(
            "プレビューの後で同意の状況が変わりました。もう一度プレビューしてください"
            " / The consent changed after the preview; preview again."
        )
    outcome = record_disclosure(session, provision)
    return Outcome(outcome.value, outcome.changes)


def protect_pdf(pdf: bytes, password: str) -> bytes:
    """AES-256 (PDF /V 5) with a user password, for a PDF that must be saved to a file."""
    if len(password) < 8:
        raise InvalidInput("PDFのパスワードは8文字以上にしてください / The PDF password needs 8 characters.")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def save_pdf(
    session: StaffSession, result: PrintResult, *, path: Path, password: str | None
) -> Outcome[str | None]:
    """Save a printed form on purpose — AES-256 protected unless `password` is None, which only the
    command line's explicit --plaintext asks for — written atomically, then recorded as a provision
    (or audited). A refusal removes the file again, so no unrecorded copy is left behind."""
    session.require(Permission.PRINT_FORMS)
    data = protect_pdf(result.pdf, password) if password is not None else result.pdf
    if result.provision is not None:
        basis_for(session, replace(result.provision, on=date.today()))  # refuse before writing
    atomic_write_bytes(path, data)
    try:
        outcome = record_print(session, result, ProvisionChannel.PDF)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    session.record("pdf_saved", detail={"form": result.request.form_id, "protected": password is not None})
    return outcome
