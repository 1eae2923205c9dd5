"""Logging and the crash handler. Nothing here may write personal data to disk (R-SES-03).

Log records carry ids, codes and counts; the crash handler writes the exception type and the stack of
file/line/function names — never local variables, never the exception message of a foreign exception
(a driver's message can quote row values). Our own TeiretsuError messages never hold personal data,
so those are kept.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from teiretsu_desktop.domain.errors import TeiretsuError

LOGGER = logging.getLogger("teiretsu")


def setup_logging(log_dir: Path | None, *, level: int = logging.INFO) -> None:
    root = logging.getLogger("teiretsu")
    root.setLevel(level)
    root.handlers.clear()
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir / "teiretsu.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    # SQLAlchemy's echo would print SQL parameters; keep its loggers quiet whatever the level.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)


def describe_exception(exc: BaseException) -> str:
    """Type and stack only; the message only for our own typed errors."""
    frames = traceback.extract_tb(exc.__traceback__)
    stack = " <- ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(frames))
    message = f": {exc.user_message}" if isinstance(exc, TeiretsuError) else ""
    return f"{type(exc).__module__}.{type(exc).__qualname__}{message} at {stack or '?'}"


def log_crash(exc: BaseException) -> None:
    LOGGER.error("unexpected error: %s", describe_exception(exc))


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        log_crash(exc)
        sys.stderr.write(
            "予期しないエラーが発生しました。ログを確認してください / An unexpected error occurred; see the log.\n"
        )

    sys.excepthook = hook
