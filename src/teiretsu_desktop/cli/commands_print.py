"""`print FORM --case CASE --profile PROFILE --out FILE.pdf`: a form saved as a PDF file on purpose.

The PDF is AES-256 protected with a password read like a passphrase (never from argv); --plaintext
writes it in the clear and says so. Saving it to a third party's profile is a provision: recorded.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from teiretsu_desktop.cli.context import CliContext
from teiretsu_desktop.cli.grammar import INTERNAL
from teiretsu_desktop.documents.printing import PrintRequest, prepare_print, save_pdf
from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.domain.wareki import parse_date
from teiretsu_desktop.services.cases import find_case_id


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
