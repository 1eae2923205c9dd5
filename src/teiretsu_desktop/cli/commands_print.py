"""`print FORM --case CASE --profile PROFILE --out FILE.pdf`: batch printing to a PDF file."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.documents.definitions import available_forms
from teiretsu_desktop.documents.printing import PrintRequest, print_form, protect_pdf
from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.domain.wareki import parse_date
from teiretsu_desktop.services.cases import find_case_id
from teiretsu_desktop.store.atomic import atomic_write_bytes


def cmd_print(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.unlock()
    case_id = find_case_id(session, args.case) if args.case else None
    period = None
    if args.period_from or args.period_to:
        start = parse_date(args.period_from) if args.period_from else datetime.min.date()
        end = parse_date(args.period_to) if args.period_to else datetime.max.date()
        period = (datetime.combine(start, datetime.min.time()), datetime.combine(end, datetime.max.time()))
    request = PrintRequest(
        form_id=args.form,
        profile=RecipientKind(args.profile),
        case_id=case_id,
        include_offence=args.include_offence,
        recipient_name=args.recipient_name or "",
        override_reason=args.override_reason,
        period=period,
        method="pdf",
    )
    result = print_form(session, request)
    pdf = result.pdf
    if args.password_stdin:
        pdf = protect_pdf(pdf, ctx.secrets.new("PDFのパスワード / PDF password"))
    atomic_write_bytes(args.out, pdf)
    print(f"{args.out} ({result.pages} ページ)")
    if case_id and not args.password_stdin:
        print(
            "注意: このPDFには個人情報が入っています。不要になったら削除してください (--password-stdin で保護できます) / "
            "this PDF holds personal data.",
            file=sys.stderr,
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "print", help="render a printable form to a PDF file (audited; third parties need consent)"
    )
    p.add_argument("form", choices=sorted(available_forms()))
    p.add_argument("--case", help="case id or case number (as in the ledger); leave out for a blank sheet")
    p.add_argument("--profile", required=True, choices=[str(r) for r in RecipientKind])
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--include-offence", action="store_true", help="include 罪名 where the profile allows it")
    p.add_argument("--recipient-name", help="the receiving organisation, printed on the form and recorded")
    p.add_argument("--override-reason", help="disclose without a covering consent (needs the permission)")
    p.add_argument("--from", dest="period_from", help="activity log: first day")
    p.add_argument("--to", dest="period_to", help="activity log: last day")
    p.add_argument(
        "--password-stdin", action="store_true", help="protect the PDF with AES-256; password from stdin"
    )
    p.set_defaults(handler=cmd_print)
