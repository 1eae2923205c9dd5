"""Finding and registering a Japanese TrueType font, embedded (subset) in every PDF.

Order: a font configured by the center, then the usual system fonts (Windows: Yu Gothic, Meiryo,
MS Gothic; Linux: IPAex or Noto CJK through fontconfig). No font is a clear error, never tofu boxes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from teiretsu_desktop.domain.errors import TeiretsuError

FONT_NAME = "TeiretsuJP"

WINDOWS_CANDIDATES = ("YuGothM.ttc", "YuGothR.ttc", "meiryo.ttc", "msgothic.ttc")
POSIX_CANDIDATES = (
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
)
TEST_GLYPHS = "地域生活定着支援センター令和ふりがなカタカナ"


class FontMissing(TeiretsuError):
    exit_code = 13


def _fontconfig_candidates() -> list[str]:
    if not shutil.which("fc-match"):
        return []
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}\n", ":lang=ja:style=Regular"],  # noqa: S607
            capture_output=True, text=True, timeout=5, check=False,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    return [line for line in out.splitlines() if line.lower().endswith((".ttf", ".ttc", ".otf"))]


def candidates(configured: str | None) -> list[Path]:
    paths: list[str] = [configured] if configured else []
    if sys.platform == "win32":
        windir = Path(__import__("os").environ.get("WINDIR", r"C:\Windows"))
        paths += [str(windir / "Fonts" / name) for name in WINDOWS_CANDIDATES]
    paths += list(POSIX_CANDIDATES) + _fontconfig_candidates()
    return [Path(p) for p in dict.fromkeys(paths) if p]


def _load(path: Path) -> TTFont | None:
    try:
        font = (
            TTFont(FONT_NAME, str(path), subfontIndex=0)
            if path.suffix.lower() == ".ttc"
            else TTFont(FONT_NAME, str(path))
        )
    except Exception:  # reportlab raises assorted errors for CFF/OTF or damaged files
        return None
    widths = font.face.charToGlyph
    return font if all(ord(ch) in widths for ch in TEST_GLYPHS) else None


@lru_cache(maxsize=4)
def register_japanese_font(configured: str | None = None) -> str:
    """Register the first usable font under FONT_NAME and return its path."""
    tried = candidates(configured)
    for path in tried:
        if path.exists():
            font = _load(path)
            if font is not None:
                pdfmetrics.registerFont(font)
                return str(path)
    raise FontMissing(
        "帳票用の日本語フォントが見つかりません。設定でフォントファイル (.ttf/.ttc) を指定するか、"
        "IPAexフォント (fonts-ipaexfont) を入れてください / No Japanese TrueType font found; "
        "configure one or install fonts-ipaexfont."
    )
