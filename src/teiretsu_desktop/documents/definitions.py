"""Form definitions: one TOML file per printable document in the top-level forms/ folder.

Office staff may change wording there without touching code. A broken file is refused with its
name and the line of the problem.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teiretsu_desktop.documents.context_keys import LIST_KEYS, VALUE_KEYS
from teiretsu_desktop.domain.codes import BusinessLine, RecipientKind
from teiretsu_desktop.domain.errors import TeiretsuError

BLOCK_TYPES = frozenset(
    {"title", "text", "ruby_text", "fields", "list", "activities", "blank", "signature", "section"}
)
GROUPS = frozenset(
    {"identity", "contact", "disability", "care", "benefits", "custody", "offence", "medical", "life_history",
     "wishes", "plan", "narrative", "family", "closure", "admin", "meeting"}
)  # fmt: skip
SENSITIVE_GROUPS = frozenset({"offence", "medical", "life_history"})  # Permission.READ_SENSITIVE
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")


class FormDefinitionError(TeiretsuError):
    exit_code = 14


def forms_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "forms"
    return Path(__file__).resolve().parents[3] / "forms"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    group: str


@dataclass(frozen=True)
class Block:
    type: str
    text: str = ""
    heading: str = ""
    group: str | None = None
    rows: tuple[Row, ...] = ()
    source: str = ""
    columns: tuple[Row, ...] = ()
    lines: int = 0
    labels: tuple[str, ...] = ()
    size: float = 0.0


@dataclass(frozen=True)
class FormDefinition:
    id: str
    title: str
    version: int
    third_party: bool
    needs_case: bool
    blocks: tuple[Block, ...]
    profiles: dict[str, frozenset[str]] = field(default_factory=dict)
    font_size: float = 10.5
    running_header: str = ""
    path: Path = Path()
    center_wide: bool = False  # lists every person's records for a period (an internal register)
    # The business lines whose cases it is for (empty: all) — a 被疑者等支援 報告書 is not for a 特別調整 case.
    lines: frozenset[str] = frozenset()
    # The value naming whom a letter is addressed to, recorded as the 提供記録's recipient when the person
    # printing names none (the 回答書 goes to the case's 依頼元の機関).
    addressed_to: str = ""

    def applies_to(self, line: str) -> bool:
        return not self.lines or line in self.lines

    def groups_for(self, profile: str, *, include_offence: bool) -> frozenset[str]:
        groups = set(self.profiles.get(profile, frozenset()))
        if not include_offence:
            groups.discard("offence")
        return frozenset(groups)

    def internal_groups(self, *, include_offence: bool, sensitive: bool) -> frozenset[str]:
        """The center's own copy (センター控え): everything the form holds, except what the reader's
        role may not read (罪名, 診断, 生活歴) and 罪名 unless asked for on purpose."""
        groups = set(GROUPS)
        if not sensitive:
            groups -= SENSITIVE_GROUPS
        if not include_offence:
            groups.discard("offence")
        return frozenset(groups)


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def _fail(path: Path, text: str, needle: str, message: str) -> FormDefinitionError:
    line = _line_of(text, needle) if needle else 1
    return FormDefinitionError(
        f"帳票定義 {path.name} の {line} 行目: {message} / form definition {path.name} line {line}: {message}"
    )


def _check_placeholders(path: Path, text: str, value: str) -> None:
    for key in PLACEHOLDER.findall(value):
        if key not in VALUE_KEYS:
            raise _fail(path, text, "{" + key + "}", f"知らない項目 {{{key}}}")


def _rows(
    path: Path, text: str, raw: Any, *, keys: frozenset[str], default_group: str | None
) -> tuple[Row, ...]:
    rows = []
    for item in raw or []:
        if not isinstance(item, dict) or "label" not in item or "value" not in item:
            raise _fail(path, text, str(item)[:20], "行には label と value が必要です")
        value, group = str(item["value"]), str(item.get("group", default_group or ""))
        if value not in keys:
            raise _fail(path, text, value, f"知らない項目 {value}")
        if group not in GROUPS:
            raise _fail(path, text, f'"{group}"' if group else str(item["label"]), f"知らない区分 {group!r}")
        rows.append(Row(str(item["label"]), value, group))
    return tuple(rows)


def load_definition(path: Path) -> FormDefinition:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(
            f"帳票定義 {path.name} を読めません / cannot read {path.name}: {exc}"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError(
            f"帳票定義 {path.name} の書き方に誤りがあります / {path.name}: {exc}"
        ) from None
    for key in ("id", "title", "version"):
        if key not in data:
            raise _fail(path, text, "", f"{key} がありません")
    blocks = []
    for raw in data.get("block", []):
        kind = raw.get("type")
        if kind not in BLOCK_TYPES:
            raise _fail(
                path, text, f'"{kind}"', f"知らないブロック {kind!r} ({', '.join(sorted(BLOCK_TYPES))})"
            )
        group = raw.get("group")
        if group is not None and group not in GROUPS:
            raise _fail(path, text, f'"{group}"', f"知らない区分 {group!r}")
        for key in ("text", "heading"):
            _check_placeholders(path, text, str(raw.get(key, "")))
        source = str(raw.get("source", ""))
        if kind == "list" and source not in LIST_KEYS:
            raise _fail(path, text, source or "list", f"知らない一覧 {source!r}")
        blocks.append(
            Block(
                type=kind,
                text=str(raw.get("text", "")),
                heading=str(raw.get("heading", "")),
                group=group,
                rows=_rows(path, text, raw.get("rows"), keys=VALUE_KEYS, default_group=group),
                source=source,
                columns=_rows(
                    path,
                    text,
                    raw.get("columns"),
                    keys=LIST_KEYS.get(source, frozenset()),
                    default_group=group or "plan",
                ),
                lines=int(raw.get("lines", 0)),
                labels=tuple(str(x) for x in raw.get("labels", [])),
                size=float(raw.get("size", 0)),
            )
        )
    profiles: dict[str, frozenset[str]] = {}
    valid = {str(r) for r in RecipientKind}
    for name, groups in data.get("profiles", {}).items():
        if name not in valid:
            raise _fail(path, text, name, f"知らない提供先 {name!r} ({', '.join(sorted(valid))})")
        unknown = set(groups) - GROUPS
        if unknown:
            raise _fail(path, text, name, f"知らない区分 {sorted(unknown)}")
        profiles[name] = frozenset(groups)
    _check_placeholders(path, text, str(data.get("running_header", "")))
    addressed_to = str(data.get("addressed_to", ""))
    if addressed_to and addressed_to not in VALUE_KEYS:
        raise _fail(path, text, addressed_to, f"知らない値 {addressed_to!r}")
    known_lines = {str(line) for line in BusinessLine}
    lines = [str(x) for x in data.get("lines", [])]
    for line in lines:
        if line not in known_lines:
            raise _fail(path, text, line, f"知らない業務区分 {line!r} ({', '.join(sorted(known_lines))})")
    return FormDefinition(
        id=str(data["id"]),
        title=str(data["title"]),
        version=int(data["version"]),
        third_party=bool(data.get("third_party", False)),
        needs_case=bool(data.get("needs_case", True)),
        blocks=tuple(blocks),
        profiles=profiles,
        font_size=float(data.get("font_size", 10.5)),
        running_header=str(data.get("running_header", "")),
        path=path,
        center_wide=bool(data.get("center_wide", False)),
        lines=frozenset(lines),
        addressed_to=addressed_to,
    )


def available_forms(directory: Path | None = None) -> dict[str, Path]:
    folder = directory or forms_dir()
    return {p.stem: p for p in sorted(folder.glob("*.toml"))}


def load_form(form_id: str, directory: Path | None = None) -> FormDefinition:
    forms = available_forms(directory)
    if form_id not in forms:
        raise FormDefinitionError(
            f"帳票 {form_id} はありません (あるもの: {', '.join(forms)}) / no form {form_id}"
        )
    return load_definition(forms[form_id])
