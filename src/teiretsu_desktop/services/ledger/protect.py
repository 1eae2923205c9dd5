"""Password protection for a ledger written to a file: an .xlsx that Excel opens with a password.

msoffcrypto-tool writes the ECMA-376 agile encryption Excel itself uses (AES-256), so the file can be
opened in Excel by whoever is given the password and by nobody else.
"""

from __future__ import annotations

import io

from msoffcrypto.format.ooxml import OOXMLFile

from teiretsu_desktop.domain.errors import InvalidInput

MIN_PASSWORD = 8


def encrypt_xlsx(data: bytes, password: str) -> bytes:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"ファイルのパスワードは{MIN_PASSWORD}文字以上にしてください / The file password needs {MIN_PASSWORD} characters."
        )
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()
