"""`print FORM --case CASE --profile PROFILE --out FILE.pdf`: a form saved as a PDF file on purpose.

The PDF is AES-256 protected with a password read like a passphrase (never from argv); --plaintext
writes it in the clear and says so. Saving it to a third party's profile is a provision: recorded.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.documents.definitions import available_forms
from teiretsu_desktop.documents.printing import PrintRequest, prepare_print, save_pdf
from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.domain.wareki import parse_date
from teiretsu_desktop.services.cases import find_case_id

INTERNAL = "internal"  # --profile internal: the center's own copy (センター控え)


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
        profile=None if args.profile == INTERNAL else RecipientKind(args.profile),
        case_id=case_id,
        include_offence=args.include_offence,
        recipient_name=args.recipient_name or "",
        override_reason=args.override_reason,
        period=period,
    )
    result = prepare_print(session, request)
    # A form with a person's data is saved AES-256 protected; plaintext only when asked for by name.
    password = None
    if case_id and not args.plaintext:
        password = ctx.secrets.new("PDFのパスワード / PDF password")
    save_pdf(session, result, path=args.out, password=password)
    print(f"{args.out} ({result.pages} ページ)")
    if case_id and args.plaintext:
        print(
            "注意: このPDFは暗号化されていません。個人情報が入っています。不要になったら削除してください / "
            "this PDF holds personal data unencrypted.",
            file=sys.stderr,
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "print",
        help="render a printable form to an AES-256 protected PDF (a provision to a third party needs "
        "consent and is recorded)",
    )
    p.add_argument("form", choices=sorted(available_forms()))
    p.add_argument("--case", help="case id or case number (as in the ledger); leave out for a blank sheet")
    p.add_argument(
        "--profile",
        required=True,
        choices=[str(r) for r in RecipientKind] + [INTERNAL],
        help="the recipient, or 'internal' for the center's own copy (センター控え, no provision)",
    )
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--include-offence", action="store_true", help="include 罪名 where the profile allows it")
    p.add_argument("--recipient-name", help="the receiving organisation, printed on the form and recorded")
    p.add_argument("--override-reason", help="disclose without a covering consent (needs the permission)")
    p.add_argument("--from", dest="period_from", help="activity log and register: first day")
    p.add_argument("--to", dest="period_to", help="activity log and register: last day")
    p.add_argument(
        "--plaintext",
        action="store_true",
        help="write the PDF without a password (it holds personal data in the clear)",
    )
    p.set_defaults(handler=cmd_print)
