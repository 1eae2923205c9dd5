"""Reading passphrases and recovery keys: a no-echo prompt, or one line each from stdin.

Secrets never come from argv or the environment (they would show in process lists and shell history).
With --passphrase-stdin each secret the command needs is one line, in the order the command documents.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from teiretsu_desktop.domain.errors import InvalidInput


class SecretSource:
    def __init__(
        self,
        *,
        from_stdin: bool,
        stdin: TextIO | None = None,
        prompt: Callable[[str], str] = getpass.getpass,
    ) -> None:
        self._from_stdin = from_stdin
        self._stdin = stdin or sys.stdin
        self._prompt = prompt

    def _line(self, label: str) -> str:
        line = self._stdin.readline()
        if not line:
            raise InvalidInput(f"標準入力に{label}がありません / stdin has no line for: {label}")
        return line.rstrip("\r\n")

    def _interactive(self) -> None:
        if not self._stdin.isatty():
            raise InvalidInput(
                "端末がありません。--passphrase-stdin を使ってください / No terminal; use --passphrase-stdin."
            )

    def existing(self, label: str) -> str:
        if self._from_stdin:
            return self._line(label)
        self._interactive()
        return self._prompt(f"{label}: ")

    def new(self, label: str) -> str:
        if self._from_stdin:
            return self._line(label)
        self._interactive()
        first = self._prompt(f"{label}: ")
        second = self._prompt(f"{label} (確認 / again): ")
        if first != second:
            raise InvalidInput("入力が一致しません / The two entries differ.")
        return first
