"""Strict validation of a bundle's manifest and payload (R-EXP-01): no extra fields, enumerated codes,
integer counts, the period as a 年度 only."""

from __future__ import annotations

import re
import uuid
from datetime import date
from functools import lru_cache
from typing import Any

from teiretsu_desktop.domain.center_code import CENTER_CODE
from teiretsu_desktop.domain.wareki import fiscal_year
from teiretsu_desktop.stats import tables as t
from teiretsu_desktop.stats.bundle_format import FORMAT_VERSION, PAYLOAD_VERSION, BundleError
from teiretsu_desktop.stats.disclosure import EXCLUDED_COLUMNS
from teiretsu_desktop.stats.policies import POLICIES

MANIFEST_KEYS_V1 = frozenset(
    {"format_version", "center_id", "key_id", "bundle_id", "period", "fiscal_year", "sequence", "created_on",
     "app_version", "payload_sha256", "audit_chain_head", "policy", "k", "table_versions", "signed_off_role"}
)  # fmt: skip
MANIFEST_KEYS = MANIFEST_KEYS_V1 | {"audit_chain_previous", "authority"}
MANIFEST_KEYS_BY_VERSION = {1: MANIFEST_KEYS_V1, FORMAT_VERSION: MANIFEST_KEYS}
CHAIN_POINT = re.compile(r"\d+:([0-9a-f]{64}|missing)")
FINGERPRINT = re.compile(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}|none")
# A cell is a count of one center's persons or events in one year: the largest centers count hundreds.
# Above MAX_COUNT a bundle is refused; above PLAUSIBLE_COUNT its cell is flagged in the import report.
MAX_COUNT = 100_000
PLAUSIBLE_COUNT = 5_000
MAX_SEQUENCE = 10_000  # exports of one year by one center; a forged 10^40 would block every later one
FIRST_FISCAL_YEAR = 2009  # the program began in 2009 (平成21年度)


@lru_cache(maxsize=1)
def table_shapes() -> dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]]:
    """(version, rows, published columns) of every table, from the definitions themselves."""
    return {
        table.id: (
            table.version,
            table.rows,
            tuple(c for c in table.columns if c not in EXCLUDED_COLUMNS.get(table.id, ())),
        )
        for table in t.empty_tables()
    }


def _fail(message: str) -> BundleError:
    return BundleError("schema", message)


def check_manifest(manifest: dict[str, Any]) -> None:
    keys = set(manifest)
    expected = MANIFEST_KEYS_BY_VERSION.get(manifest.get("format_version"))  # type: ignore[arg-type]
    if expected is None:
        raise BundleError("version", f"対応していない形式の版 {manifest.get('format_version')!r}")
    if keys != expected:
        extra, missing = sorted(keys - expected), sorted(expected - keys)
        raise _fail(f"manifest の項目が違います (余分: {extra}, 不足: {missing})")
    if "audit_chain_previous" in manifest and not CHAIN_POINT.fullmatch(
        str(manifest["audit_chain_previous"])
    ):
        raise _fail("audit_chain_previous が不正です")
    if "authority" in manifest and not FINGERPRINT.fullmatch(str(manifest["authority"])):
        raise _fail("authority が不正です")
    if not isinstance(manifest["center_id"], str) or not CENTER_CODE.fullmatch(manifest["center_id"]):
        raise _fail("center_id は半角数字6桁です")
    for key in ("fiscal_year", "sequence", "k"):
        if not isinstance(manifest[key], int) or isinstance(manifest[key], bool) or manifest[key] < 0:
            raise _fail(f"{key} は整数です")
    if manifest["period"] != f"FY{manifest['fiscal_year']}":
        raise _fail("period は FY + 年度です")
    latest = fiscal_year(date.today())
    if not FIRST_FISCAL_YEAR <= manifest["fiscal_year"] <= latest:
        raise _fail(
            f"年度 {manifest['fiscal_year']} は事業の期間 ({FIRST_FISCAL_YEAR}〜{latest}年度) の外です"
        )
    if not 1 <= manifest["sequence"] <= MAX_SEQUENCE:
        raise _fail(f"連番 {manifest['sequence']} が範囲 (1〜{MAX_SEQUENCE}) の外です")
    if manifest["policy"] not in POLICIES or POLICIES[manifest["policy"]] != manifest["k"]:
        raise _fail("秘匿の方針 (policy, k) が不正です")
    try:
        if uuid.UUID(str(manifest["bundle_id"])).version != 4:
            raise ValueError
        date.fromisoformat(str(manifest["created_on"]))
    except ValueError:
        raise _fail("bundle_id または created_on が不正です") from None
    if not re.fullmatch(r"[0-9a-f]{64}", str(manifest["payload_sha256"])):
        raise _fail("payload_sha256 が不正です")
    if not re.fullmatch(r"\d+:[0-9a-f]{64}", str(manifest["audit_chain_head"])):
        raise _fail("audit_chain_head が不正です")
    if manifest["signed_off_role"] not in ("admin", "manager"):
        raise _fail("signed_off_role が不正です")
    versions = manifest["table_versions"]
    shapes = table_shapes()
    if not isinstance(versions, dict) or versions != {tid: shape[0] for tid, shape in shapes.items()}:
        raise BundleError("version", "表の定義の版が対応していません")


def check_payload(payload: Any) -> dict[str, list[list[int | None]]]:
    """The published cells by table id; raises BundleError naming the first problem."""
    if not isinstance(payload, dict) or set(payload) != {"format_version", "tables"}:
        raise _fail("payload の項目が違います")
    if payload["format_version"] != PAYLOAD_VERSION:
        raise BundleError("version", "payload の版が違います")
    tables = payload["tables"]
    shapes = table_shapes()
    if not isinstance(tables, dict) or set(tables) != set(shapes):
        raise _fail("表の一覧が違います")
    out: dict[str, list[list[int | None]]] = {}
    for tid, (version, rows, columns) in shapes.items():
        table = tables[tid]
        if not isinstance(table, dict) or set(table) != {"version", "rows", "columns", "cells"}:
            raise _fail(f"{tid} の項目が違います")
        if table["version"] != version or table["rows"] != list(rows) or table["columns"] != list(columns):
            raise _fail(f"{tid} の行・列が定義と違います")
        cells = table["cells"]
        if not isinstance(cells, list) or len(cells) != len(rows):
            raise _fail(f"{tid} の行数が違います")
        for row in cells:
            if not isinstance(row, list) or len(row) != len(columns):
                raise _fail(f"{tid} の列数が違います")
            for value in row:
                if value is None:
                    continue
                if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
                    raise _fail(f"{tid} に整数でない値か、大きすぎる値 ({MAX_COUNT} 超) があります")
        out[tid] = cells
    _check_totals(out)
    return out


# Tables counting the same persons in two ways; when neither has a suppressed cell, their totals agree.
SAME_PERSONS = (("settled_by_disability", "residence_at_release"),)


def _check_totals(cells: dict[str, list[list[int | None]]]) -> None:
    for first, second in SAME_PERSONS:
        values = [[v for row in cells[tid] for v in row] for tid in (first, second)]
        if any(v is None for vs in values for v in vs):
            continue
        totals = [sum(v for v in vs if v is not None) for vs in values]
        if totals[0] != totals[1]:
            raise _fail(f"表どうしの合計が一致しません ({first} {totals[0]} 人 / {second} {totals[1]} 人)")


def implausible_cells(cells: dict[str, list[list[int | None]]]) -> list[str]:
    """Cells larger than one center could count in a year: accepted, but shown in the import report."""
    return [
        f"{tid} {r + 1}行{c + 1}列 = {value}"
        for tid, rows in cells.items()
        for r, row in enumerate(rows)
        for c, value in enumerate(row)
        if value is not None and value > PLAUSIBLE_COUNT
    ]
