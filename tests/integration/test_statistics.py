"""Fiscal-year tables from known data, disclosure control, the signed bundle and the workspace."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teiretsu_desktop.domain.codes import ActivityKind, BusinessLine, DisabilityKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.activities import ActivityInput, record_activity
from teiretsu_desktop.services.cases import CaseInput, open_case
from teiretsu_desktop.services.demo import generate_demo_data
from teiretsu_desktop.services.persons import PersonInput, register_person
from teiretsu_desktop.stats import bundle_format
from teiretsu_desktop.stats.disclosure import (
    DisclosureAuditFailed,
    Published,
    audit,
    person_columns,
    protect,
    protection,
    reader_bounds,
)
from teiretsu_desktop.stats.export import center_public_key, export_bundle, reopen_year, year_tables
from teiretsu_desktop.stats.tables import Table
from teiretsu_desktop.stats.workspace import Workspace
from tests.helpers.files import mutate, with_zip_member_flags, zip_with_damaged_member
from tests.helpers.stores import TemplateStore, copy_store, unlock_admin

FY = 2024


def _person(session: StaffSession, name: str, birth: date, *kinds: DisabilityKind) -> str:
    data = PersonInput(family_name=name, given_name="テスト", birth_date=birth, disabilities=kinds)
    return register_person(session, data, allow_duplicate=True).value


def _case(session: StaffSession, pid: str, line: BusinessLine, state: str, **dates: object) -> str:
    opening = {k: v for k, v in dates.items() if k in ("request_date", "destination_kind")}
    cid = open_case(session, pid, CaseInput(line, **opening)).value  # type: ignore[arg-type]
    with session.uow() as uow:  # set state and dates directly: these tests are about counting, not workflow
        from teiretsu_desktop.store.models import SupportCase

        row = uow.session.get(SupportCase, cid)
        assert row is not None
        row.state = state
        for name, value in dates.items():
            setattr(row, name, value)
        uow.commit()
    return cid


def test_known_data_give_hand_computed_tables(admin: StaffSession) -> None:
    old = _person(admin, "甲", date(1950, 1, 1), DisabilityKind.INTELLECTUAL)  # 74 at release
    young = _person(admin, "乙", date(1990, 1, 1), DisabilityKind.PHYSICAL, DisabilityKind.MENTAL)
    plain = _person(admin, "丙", date(1955, 6, 1))  # age only: その他
    carried = _person(admin, "丁", date(1980, 1, 1), DisabilityKind.DEVELOPMENTAL)
    declined = _person(admin, "戊", date(1948, 1, 1))
    _case(
        admin,
        old,
        BusinessLine.SPECIAL,
        "closed",
        request_date=date(2024, 5, 1),
        release_date=date(2024, 9, 1),
        destination_kind="08",
        closure_date=date(2025, 2, 1),
        closure_reason="settled",
        readmission="no",
    )
    c2 = _case(
        admin,
        young,
        BusinessLine.SPECIAL,
        "follow_up",
        request_date=date(2024, 6, 1),
        release_date=date(2024, 10, 1),
        destination_kind="08",
    )
    _case(
        admin,
        plain,
        BusinessLine.GENERAL,
        "released",
        request_date=date(2024, 7, 1),
        release_date=date(2025, 3, 31),
        destination_kind="16",
    )
    _case(
        admin,
        carried,
        BusinessLine.SUSPECT,
        "closed",
        request_date=date(2024, 2, 1),
        closure_date=date(2024, 8, 1),
        closure_reason="prosecuted",
    )
    _case(
        admin,
        declined,
        BusinessLine.SPECIAL,
        "declined",
        request_date=date(2024, 4, 10),
        closure_date=date(2024, 4, 20),
        readmission="yes",
        readmission_date=date(2025, 1, 5),
    )
    _case(
        admin, plain, BusinessLine.CONSULTATION, "assessment", request_date=date(2025, 4, 2)
    )  # next year: not counted
    record_activity(admin, c2, ActivityInput(datetime(2024, 6, 5, 10), ActivityKind.INTERVIEW, "x"))
    record_activity(
        admin, c2, ActivityInput(datetime(2025, 4, 5, 10), ActivityKind.PHONE, "next year")
    )  # not counted
    tables = year_tables(admin, FY)

    caseload = tables["caseload"]
    assert caseload.value("special", "new") == 3
    # Coordination ends at the 帰住 when follow-up follows (乙: now フォローアップ), or at 終結 (甲, 戊).
    assert caseload.value("special", "closed") == 3
    assert caseload.value("special", "open_at_year_end") == 0
    assert caseload.value("special", "contacts") == 1  # before the 帰住日: coordination
    assert caseload.value("follow_up", "new") == 1 and caseload.value("follow_up", "open_at_year_end") == 1
    assert caseload.value("general", "new") == 1 and caseload.value("general", "open_at_year_end") == 1
    assert caseload.value("suspect", "carried_over") == 1 and caseload.value("suspect", "closed") == 1
    assert caseload.value("suspect", "new") == 0
    assert caseload.value("consultation", "new") == 0

    settled = tables["settled_by_disability"]
    assert settled.value("intellectual", "65_plus") == 1
    assert settled.value("physical+mental", "under_65") == 1
    assert settled.value("other", "65_plus") == 1
    assert sum(map(sum, settled.cells)) == 3
    residence = tables["residence_at_release"]
    assert residence.value("08", "persons") == 2 and residence.value("16", "persons") == 1
    assert tables["suspect_outcomes"].value("prosecuted", "persons") == 1
    readmission = tables["readmission_fiscal"]
    assert readmission.value("supported_no", "persons") == 1
    assert readmission.value("supported_unknown", "persons") == 1  # 不明 is never 無
    # 戊 declined and has no release date: no cohort to put them in (the day they left is the cohort).
    assert readmission.value("declined_yes", "persons") == 0
    durations = tables["follow_up_durations"]
    assert durations.value("lt_6m", "closed") == 1 and durations.value("lt_6m", "open") == 1


def _table(cells: list[list[int]], tid: str = "t") -> Table:
    rows = tuple(f"r{i}" for i in range(len(cells)))
    cols = tuple(f"c{i}" for i in range(len(cells[0])))
    return Table(tid, 1, tid, rows, rows, cols, cols, tuple(tuple(r) for r in cells))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=4), min_size=1, max_size=5),
    st.sampled_from(["prefecture", "public"]),
)
def test_every_published_cell_is_zero_or_at_least_k(cells: list[list[int]], policy: str) -> None:
    width = len(cells[0])
    cells = [(row + [0] * width)[:width] for row in cells]
    settled = _table(cells, "settled_by_disability")
    residence = _table([[sum(map(sum, cells))]], "residence_at_release")
    published, report = protect(
        {"settled_by_disability": settled, "residence_at_release": residence}, policy=policy
    )
    for table in published.values():
        for row in table.cells:
            assert all(v is None or v == 0 or v >= report.k for v in row)
    # Every hidden cell stays protected: a brute-force reader who tries every value a hidden cell's
    # suppression allows finds at least protection(k) + 1 of them consistent with what was published,
    # the true value among them, and the audit's ranges agree with that search.
    for tid, table in published.items():
        other = published[
            "residence_at_release" if tid == "settled_by_disability" else "settled_by_disability"
        ]
        for i, (low, high) in enumerate(reader_bounds(table, report.k)):
            top = high if high is not None else 500  # above any total these tables can make
            possible = [v for v in range(low, top + 1) if _consistent(table, i, v, other, report.k)]
            assert table.true_values[table.suppressed()[i][0]][table.suppressed()[i][1]] in possible
            assert possible[-1] - possible[0] >= protection(report.k), (tid, i, possible)
            audited_low, audited_high = report.intervals[tid][i]
            assert audited_low == possible[0]
            assert audited_high is None or audited_high == possible[-1]


def _consistent(table: Published, index: int, value: int, other: Published, k: int) -> bool:
    """Whether some choice of the other hidden cells, each within its reader bounds, makes both tables
    total the same with `table`'s hidden cell `index` equal to `value`."""
    own = [b for j, b in enumerate(reader_bounds(table, k)) if j != index]
    own_totals = _sums(own, table.published_sum() + value)
    other_totals = _sums(reader_bounds(other, k), other.published_sum())
    return max(own_totals.start, other_totals.start) < min(own_totals.stop, other_totals.stop)


def _sums(bounds: list[tuple[int, int | None]], base: int) -> range:
    """Every total the cells can make (sums of integer ranges are whole ranges; 10**6 stands for
    "unbounded", far above any total here)."""
    low = base + sum(lo for lo, _hi in bounds)
    high = base + sum(10**6 if hi is None else hi for _lo, hi in bounds)
    return range(low, high + 1)


def test_a_reader_cannot_narrow_a_hidden_cell_through_a_secondary_one() -> None:
    # 参考1 hides its 3 (below k); 参考2 then hides its smallest count, 11. A reader who knows the method
    # knows that 11 is at most 12 (the smallest count left), so the shared total is 13…24 and 参考1's
    # hidden cell 1…4 instead of 1…20: the small count is all but disclosed. The 12 must be hidden too.
    settled = _table([[3], [20]], "settled_by_disability")
    residence = _table([[11], [12]], "residence_at_release")
    published, report = protect(
        {"settled_by_disability": settled, "residence_at_release": residence}, policy="public"
    )
    assert published["settled_by_disability"].cells == [[None], [20]]
    assert published["residence_at_release"].cells == [[None], [None]]
    assert report.intervals["settled_by_disability"] == [(1, 20)]
    narrowed = Published("residence_at_release", 1, ("a", "b"), ("x",), [[None], [12]], [[11], [12]])
    with pytest.raises(DisclosureAuditFailed):
        audit(
            {"settled_by_disability": published["settled_by_disability"], "residence_at_release": narrowed},
            10,
        )


def test_the_audit_refuses_a_recomputable_cell() -> None:
    settled = Published("settled_by_disability", 1, ("a", "b"), ("x",), [[None], [5]], [[1], [5]])
    residence = Published("residence_at_release", 1, ("r",), ("p",), [[6]], [[6]])
    with pytest.raises(DisclosureAuditFailed):
        audit({"settled_by_disability": settled, "residence_at_release": residence}, 3)


def test_small_centers_sizes_one_to_three(admin: StaffSession) -> None:
    for n in (1, 2, 3):
        pid = _person(admin, f"小{n}", date(1950, 1, 1), DisabilityKind.INTELLECTUAL)
        _case(
            admin,
            pid,
            BusinessLine.SPECIAL,
            "released",
            request_date=date(2024, 5, 1),
            release_date=date(2024, 6, 1),
            destination_kind="08",
        )
        # The prefecture gets the exact count; the public policy hides persons below 10 (events are not
        # persons and are never hidden).
        exact, _report = protect(year_tables(admin, FY), policy="prefecture")
        assert exact["settled_by_disability"].cells[1][0] == n
        published, _report = protect(year_tables(admin, FY), policy="public")
        assert published["settled_by_disability"].cells[1][0] is None
        for t in published.values():
            persons = person_columns(t.id, t.columns)
            assert all(
                v is None or v == 0 or v >= 10 for row in t.cells for c, v in enumerate(row) if c in persons
            )


def test_differencing_against_the_previous_bundle(admin: StaffSession, tmp_path: Path) -> None:
    generate_demo_data(admin, persons=120, seed=3, today=date(2025, 3, 1))
    export_bundle(admin, FY, "public", tmp_path / "1.bundle")
    pid = _person(admin, "追加", date(1950, 1, 1), DisabilityKind.INTELLECTUAL)
    _case(
        admin,
        pid,
        BusinessLine.FOLLOW_UP,
        "follow_up",
        request_date=date(2024, 5, 1),
        release_date=date(2024, 5, 2),
    )
    with pytest.raises(InvalidInput, match="locked"):
        export_bundle(admin, FY, "public", tmp_path / "2.bundle")
    reopen_year(admin, FY, "追加入力があったため")
    export_bundle(admin, FY, "public", tmp_path / "2.bundle")
    first, second = (_cells(tmp_path / f"{n}.bundle") for n in (1, 2))
    for tid in first:
        for old_row, new_row in zip(first[tid], second[tid], strict=True):
            for old, new in zip(old_row, new_row, strict=True):
                assert old is None or new is None or not 0 < abs(new - old) < 10


def _cells(path: Path) -> dict[str, list[list[int | None]]]:
    with zipfile.ZipFile(path) as archive:
        tables = json.loads(archive.read("payload.json"))["tables"]
    return {tid: t["cells"] for tid, t in tables.items()}


TEXT_FIELDS = ("alias", "nationality", "phone", "registered_address", "desired_return_area", "pension",
               "health_insurance", "money_management", "family_contacts", "emergency_contact", "wishes",
               "life_history", "diagnosis", "medical_notes")  # fmt: skip


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(canary=st.text(alphabet="アイウエオカキクケコ定着試験", min_size=8, max_size=12),
       day=st.dates(min_value=date(1930, 1, 1), max_value=date(2000, 12, 31)))  # fmt: skip
def test_a_canary_in_every_free_text_and_date_field_never_reaches_the_bundle(
    template_store: TemplateStore, tmp_path_factory: pytest.TempPathFactory, canary: str, day: date
) -> None:
    store = copy_store(template_store, tmp_path_factory.mktemp("canary") / "s")
    session = unlock_admin(store.data_dir)
    try:
        person = replace(PersonInput(family_name=canary, given_name=canary, family_kana=canary, given_kana=canary,
                                     birth_date=day, former_names=(canary,)), **{f: canary for f in TEXT_FIELDS})  # type: ignore[arg-type]  # fmt: skip
        pid = register_person(session, person, allow_duplicate=True).value
        case = CaseInput(BusinessLine.SPECIAL, partner_center=canary, partner_reference=canary, requester_document_no=canary,
                         request_date=date(2024, 5, 1), facility_name=canary, offence=canary, lawyer_name=canary,
                         lawyer_contact=canary, release_date=date(2024, 6, 1), destination_kind="08",
                         destination_name=canary, readmission_source=canary, sentence_end=day)  # fmt: skip
        cid = open_case(session, pid, case).value
        record_activity(session, cid, ActivityInput(datetime(2024, 6, 1, 10), ActivityKind.INTERVIEW, canary, place=canary,
                                                    counterpart=canary))  # fmt: skip
        out = store.data_dir.root.parent / "b.bundle"
        export_bundle(session, FY, "prefecture", out)
    finally:
        session.lock()
    with zipfile.ZipFile(out) as archive:
        contents = b"".join(archive.read(n) for n in archive.namelist()) + out.read_bytes()
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "shift_jis", "euc_jp"):
        assert canary.encode(encoding) not in contents
    for form in (day.isoformat(), day.strftime("%Y%m%d"), f"{day.year}-{day.month:02d}"):
        assert form.encode() not in contents


@pytest.fixture
def exported(admin: StaffSession, tmp_path: Path) -> tuple[Workspace, Path, bytes]:
    generate_demo_data(admin, persons=80, seed=2, today=date(2025, 3, 1))
    path = tmp_path / "13A.bundle"
    export_bundle(admin, FY, "prefecture", path)
    (tmp_path / "13A.key").write_text(center_public_key(admin), encoding="ascii")
    workspace = Workspace(tmp_path / "ws")
    workspace.trust("130001", (tmp_path / "13A.key").read_text(encoding="ascii"))
    return workspace, path, path.read_bytes()


def test_flipping_any_byte_fails_verification(exported: tuple[Workspace, Path, bytes]) -> None:
    workspace, _path, data = exported
    workspace.verify(data)
    for index in range(len(data)):
        mutated = bytearray(data)
        mutated[index] ^= 0x01
        with pytest.raises(bundle_format.BundleError):
            workspace.verify(bytes(mutated))


def _zip(
    members: list[tuple[str, bytes]],
    *,
    flag: int = 0,
    mode: int = 0o644,
    compress: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compress) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.external_attr = mode << 16
            info.compress_type = compress
            archive.writestr(info, data)
    raw = out.getvalue()
    if flag:
        raw = raw.replace(b"PK\x03\x04\x14\x00\x00\x00", b"PK\x03\x04\x14\x00" + bytes([flag, 0]), 1)
        raw = raw.replace(
            b"PK\x01\x02\x14\x03\x14\x00\x00\x00", b"PK\x01\x02\x14\x03\x14\x00" + bytes([flag, 0]), 1
        )
    return raw


def _workspace_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_corpus_of_malicious_files_is_refused_each_with_its_error(
    exported: tuple[Workspace, Path, bytes], tmp_path: Path, admin: StaffSession
) -> None:
    workspace, path, data = exported
    with zipfile.ZipFile(path) as archive:
        good = {n: archive.read(n) for n in archive.namelist()}
    manifest = json.loads(good["manifest.json"])
    cases: dict[str, tuple[bytes, str]] = {
        "empty": (b"", "not-zip"),
        "text": (b"hello", "not-zip"),
        "truncated": (data[: len(data) // 2], "corrupt"),
        "oversize": (b"PK\x03\x04" + b"0" * (bundle_format.MAX_FILE_BYTES + 1), "oversize"),
        "extra-member": (_zip([*good.items(), ("notes.txt", b"x")]), "member"),
        "traversal": (_zip([*good.items(), ("../evil.json", b"x")]), "path"),
        "absolute": (_zip([*good.items(), ("/etc/passwd", b"x")]), "path"),
        "backslash": (_zip([*good.items(), ("..\\evil.json", b"x")]), "path"),
        "drive": (_zip([*good.items(), ("C:evil", b"x")]), "path"),
        "directory": (_zip([*good.items(), ("sub/", b"")]), "path"),
        "symlink": (
            _zip(
                [
                    ("manifest.json", good["manifest.json"]),
                    ("payload.json", good["payload.json"]),
                    ("signature.b64", b"/etc/passwd"),
                ],
                mode=0o120777,
            ),
            "symlink",
        ),
        "duplicate": (_zip([*good.items(), ("payload.json", good["payload.json"])]), "duplicate"),
        "missing": (
            _zip([("manifest.json", good["manifest.json"]), ("payload.json", good["payload.json"])]),
            "missing",
        ),
        "encrypted": (_zip(list(good.items()), flag=1), "encrypted"),
        "zip-bomb": (
            _zip(
                [
                    ("manifest.json", good["manifest.json"]),
                    ("payload.json", b" " * 900_000),
                    ("signature.b64", good["signature.b64"]),
                ]
            ),
            "ratio",
        ),
        "too-large-member": (
            _zip(
                [
                    ("manifest.json", b" " * 30_000),
                    ("payload.json", good["payload.json"]),
                    ("signature.b64", good["signature.b64"]),
                ],
                compress=zipfile.ZIP_STORED,
            ),
            "size",
        ),
        "nested": (
            _zip(
                [
                    ("manifest.json", good["manifest.json"]),
                    ("payload.json", data),
                    ("signature.b64", good["signature.b64"]),
                ]
            ),
            "nested",
        ),
        "bad-signature": (
            _zip(
                [
                    ("manifest.json", good["manifest.json"]),
                    ("payload.json", good["payload.json"]),
                    ("signature.b64", base64.b64encode(b"\x00" * 64)),
                ]
            ),
            "bad-signature",
        ),
        "signature-format": (_zip([*list(good.items())[:2], ("signature.b64", b"%%%")]), "signature"),
        "unknown-center": (
            _zip(
                [
                    ("manifest.json", bundle_format.canonical({**manifest, "center_id": "99Z"})),
                    ("payload.json", good["payload.json"]),
                    ("signature.b64", good["signature.b64"]),
                ]
            ),
            "unknown-key",
        ),
        "manifest-garbage": (
            _zip(
                [
                    ("manifest.json", b"{not json"),
                    ("payload.json", good["payload.json"]),
                    ("signature.b64", good["signature.b64"]),
                ]
            ),
            "manifest",
        ),
        "payload-swapped": (
            _zip(
                [
                    ("manifest.json", good["manifest.json"]),
                    ("payload.json", good["payload.json"] + b" "),
                    ("signature.b64", good["signature.b64"]),
                ]
            ),
            "payload-hash",
        ),
    }
    assert len(cases) >= 20
    before = _workspace_digest(workspace.root)
    files = []
    for name, (blob, _code) in cases.items():
        p = tmp_path / f"{name}.bundle"
        p.write_bytes(blob)
        files.append(p)
    report = workspace.import_files(files)
    assert not report.written
    codes = {f.name.removesuffix(".bundle"): f.message for f in report.files}
    for name, (_blob, code) in cases.items():
        assert f"[{code}]" in codes[name], (name, codes[name])
    assert _workspace_digest(workspace.root) == before


def test_import_rules_duplicate_newer_older_and_report(
    exported: tuple[Workspace, Path, bytes], admin: StaffSession, tmp_path: Path
) -> None:
    workspace, first, _ = exported
    assert workspace.import_files([first], dry_run=True).written is False
    assert not (workspace.root / "index.json").exists()
    report = workspace.import_files([first])
    assert report.written and report.files[0].status == "new"
    again = workspace.import_files([first])
    assert again.files[0].status == "duplicate" and not again.written
    reopen_year(admin, FY, "修正")
    second = tmp_path / "second.bundle"
    export_bundle(admin, FY, "prefecture", second)
    assert workspace.import_files([second]).files[0].status == "replaces"
    older = workspace.import_files([first])
    assert older.files[0].status == "refused" and "[older]" in older.files[0].message
    assert workspace.verify_audit() == []
    from teiretsu_desktop.stats.report import write_report

    for fmt in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"report.{fmt}"
        assert write_report(workspace, FY, fmt, out) > 50
        assert out.stat().st_size > 500
    text = (tmp_path / "report.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"130001" in text
    assert text.decode("utf-8-sig").startswith("取扱注意")  # exact counts (the prefecture policy)


def test_a_bundle_member_zipfile_cannot_read_is_refused_as_damaged(
    exported: tuple[Workspace, Path, bytes],
) -> None:
    """Found by the fuzz test below: a member flagged as compressed patched data (bit 5) made zipfile
    raise NotImplementedError through the reader — an "unexpected error" for a hostile file."""
    workspace, _path, good = exported
    assert workspace.verify(good) is not None  # the untouched bundle reads
    for flags in (0x20, 0x40):
        with pytest.raises(bundle_format.BundleError, match="対応していない"):
            workspace.verify(with_zip_member_flags(good, "manifest.json", flags))
    with pytest.raises(bundle_format.BundleError, match="読めません"):
        with zipfile.ZipFile(io.BytesIO(good)) as source:
            members = {name: source.read(name) for name in source.namelist()}
        workspace.verify(zip_with_damaged_member(members, "payload.json"))


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # examples: the profile
@given(data=st.data())
def test_fuzzed_bundles_raise_only_the_readers_error(
    exported: tuple[Workspace, Path, bytes], data: st.DataObject
) -> None:
    """R-IMP-02: whatever the bytes, the reader either accepts or raises BundleError — nothing else."""
    workspace, _path, good = exported
    with contextlib.suppress(bundle_format.BundleError):
        workspace.verify(mutate(bytearray(good), data))
