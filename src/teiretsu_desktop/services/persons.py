"""対象者: register, update, read (with the sensitive group guarded), search and duplicate warning."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from datetime import date

from sqlalchemy import select

from teiretsu_desktop.domain.codes import (
    CareLevel,
    CertificateKind,
    DisabilityKind,
    RegistrationStatus,
    Sex,
    SupportCategory,
)
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.names import normalize_name, to_katakana
from teiretsu_desktop.domain.wareki import ERAS
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.security.session import StaffSession
from teiretsu_desktop.services.auditing import record_change, record_sensitive_view
from teiretsu_desktop.services.changes import ChangeKind, Changes, Outcome
from teiretsu_desktop.services.lookup import check_revision, fetch
from teiretsu_desktop.store.models import Certificate, Disability, Person, PersonName
from teiretsu_desktop.store.queries import person_search
from teiretsu_desktop.store.unit_of_work import UnitOfWork

SENSITIVE_FIELDS = ("life_history", "diagnosis", "medical_notes")


@dataclass(frozen=True)
class CertificateInput:
    kind: CertificateKind
    grade: str | None = None
    local_label: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    expires_on: date | None = None


@dataclass(frozen=True)
class PersonInput:
    family_name: str
    given_name: str = ""
    family_kana: str = ""
    given_kana: str = ""
    alias: str | None = None
    former_names: tuple[str, ...] = ()
    birth_date: date | None = None
    sex: Sex | None = None
    nationality: str | None = None
    phone: str | None = None
    registered_address: str | None = None
    registration_status: RegistrationStatus | None = None
    desired_return_area: str | None = None
    disabilities: tuple[DisabilityKind, ...] = ()
    certificates: tuple[CertificateInput, ...] = ()
    support_category: SupportCategory | None = None
    care_level: CareLevel | None = None
    care_valid_until: date | None = None
    public_assistance: bool | None = None
    pension: str | None = None
    health_insurance: str | None = None
    money_management: str | None = None
    family_contacts: str | None = None
    emergency_contact: str | None = None
    wishes: str | None = None
    life_history: str | None = None
    diagnosis: str | None = None
    medical_notes: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.family_name} {self.given_name}".strip()

    @property
    def full_kana(self) -> str:
        return f"{self.family_kana} {self.given_kana}".strip()


@dataclass(frozen=True)
class PersonView(PersonInput):
    id: str = ""
    revision: int = 0
    sensitive_visible: bool = False


@dataclass(frozen=True)
class PersonHit:
    id: str
    name: str
    kana: str
    birth_date: date | None
    alias: str | None
    matched: tuple[str, ...] = field(default_factory=tuple)


class LikelyDuplicate(InvalidInput):
    def __init__(self, candidates: list[PersonHit]) -> None:
        self.candidates = candidates
        names = "、".join(f"{c.name} ({c.birth_date or '生年月日不明'})" for c in candidates[:5])
        super().__init__(f"同じ人が登録済みの可能性があります: {names} / This person may already exist.")


_SCALARS = [
    f.name for f in fields(PersonInput) if f.name not in ("former_names", "disabilities", "certificates")
]


def _search_names(data: PersonInput) -> list[tuple[str, str, str]]:
    return person_search.name_rows(
        data.family_name, data.given_name, to_katakana(data.family_kana), to_katakana(data.given_kana),
        data.alias, data.former_names,
    )  # fmt: skip


def _validate(data: PersonInput) -> None:
    if not data.family_name.strip():
        raise InvalidInput("氏名(姓)を入力してください / Enter the family name.")
    if data.birth_date and data.birth_date > date.today():
        raise InvalidInput("生年月日が未来の日付です / The birth date is in the future.")


def _apply(person: Person, data: PersonInput, *, sensitive: bool) -> None:
    for name in _SCALARS:
        if name in SENSITIVE_FIELDS and not sensitive:
            continue
        value = getattr(data, name)
        if name in ("family_kana", "given_kana"):
            value = to_katakana(value or "")  # stored in katakana, typed in either
        setattr(
            person,
            name,
            str(value) if isinstance(value, (Sex, RegistrationStatus, CareLevel, SupportCategory)) else value,
        )


def _write_children(uow: UnitOfWork, person_id: str, data: PersonInput, *, registering: bool = False) -> None:
    s = uow.session
    person_search.replace_names(s, person_id, _search_names(data))
    # A disability keeps the date it became known (判明日); one added to a registered person is known from
    # today, so a past year's 参考1 does not change when a diagnosis is added later. Those entered with the
    # person (often a past case entered late) have no date: known for every year.
    # Only what changed is written: a save that keeps a 障害 or a 手帳 leaves its row alone, so that two
    # devices saving one person (issue 18) do not each remove and re-add it — a 手帳 would be doubled.
    kinds = list(dict.fromkeys(str(k) for k in data.disabilities))
    kept: set[str] = set()
    for row in s.scalars(select(Disability).where(Disability.person_id == person_id)):
        if row.kind in kinds:
            kept.add(row.kind)
        else:
            s.delete(row)
    s.add_all(
        [
            Disability(person_id=person_id, kind=k, identified_on=None if registering else date.today())
            for k in kinds
            if k not in kept
        ]
    )
    wanted = [_certificate_values(c) for c in data.certificates]
    for cert in s.scalars(select(Certificate).where(Certificate.person_id == person_id)):
        held = _certificate_values(cert)
        if held in wanted:
            wanted.remove(held)
        else:
            s.delete(cert)
    s.add_all(
        [Certificate(person_id=person_id, **dict(zip(CERTIFICATE_FIELDS, v, strict=True))) for v in wanted]
    )


# What a 手帳 is, compared between a save and the rows held (the row's id and revision aside).
CERTIFICATE_FIELDS = ("kind", "grade", "local_label", "number", "issuer", "issued_on", "expires_on")


def _certificate_values(certificate: object) -> tuple[object, ...]:
    """A 手帳 as typed (CertificateInput: its kind a code) or as stored (Certificate: its kind text)."""
    values = [getattr(certificate, name) for name in CERTIFICATE_FIELDS]
    return (str(values[0]), *values[1:])  # the kind first


def find_likely_duplicates(
    session: StaffSession, data: PersonInput, *, exclude: str | None = None
) -> list[PersonHit]:
    """Persons with the same name or reading, whose birth date agrees or is unknown on either side."""
    session.require(Permission.READ_CASES)
    keys = [normalize_name(data.full_name), normalize_name(data.full_kana)]
    with session.uow(write=False) as uow:
        ids = person_search.exact_key_ids(uow.session, keys)
        hits = _hits(uow, ids)
    return [
        h
        for h in hits
        if h.id != exclude and (data.birth_date is None or h.birth_date in (None, data.birth_date))
    ]


def register_person(
    session: StaffSession, data: PersonInput, *, allow_duplicate: bool = False
) -> Outcome[str]:
    session.require(Permission.WRITE_CASES)
    _validate(data)
    sensitive = any(getattr(data, f) for f in SENSITIVE_FIELDS)
    if sensitive:
        session.require(Permission.WRITE_SENSITIVE)
    if not allow_duplicate:
        duplicates = find_likely_duplicates(session, data)
        if duplicates:
            raise LikelyDuplicate(duplicates)
    with session.uow() as uow:
        person = Person()
        _apply(person, data, sensitive=True)
        uow.session.add(person)
        uow.session.flush()
        _write_children(uow, person.id, data, registering=True)
        record_change(session, uow, "person_created", "person", person.id)
        uow.commit()
    return Outcome(person.id, Changes.of(ChangeKind.PERSON, person.id))


def update_person(
    session: StaffSession, person_id: str, data: PersonInput, *, expected_revision: int
) -> Outcome[str]:
    """Replace the person's data. Without the sensitive permission the sensitive group is left as it is."""
    session.require(Permission.WRITE_CASES)
    _validate(data)
    sensitive = session.can(Permission.WRITE_SENSITIVE)
    with session.uow() as uow:
        person = fetch(uow, Person, person_id)
        check_revision(person.revision, expected_revision)
        _apply(person, data, sensitive=sensitive)
        _write_children(uow, person_id, data)
        record_change(session, uow, "person_updated", "person", person_id)
        uow.commit()
    return Outcome(person_id, Changes.of(ChangeKind.PERSON, person_id))


def get_person(session: StaffSession, person_id: str) -> PersonView:
    session.require(Permission.READ_CASES)
    show_sensitive = session.can(Permission.READ_SENSITIVE)
    with session.uow(write=False) as uow:
        person = fetch(uow, Person, person_id)
        names = uow.session.execute(
            select(PersonName.text).where(PersonName.person_id == person_id, PersonName.kind == "former")
        ).scalars()
        disabilities = uow.session.execute(
            select(Disability.kind).where(Disability.person_id == person_id)
        ).scalars()
        certificates = uow.session.execute(
            select(Certificate).where(Certificate.person_id == person_id)
        ).scalars()
        view = _to_view(person, list(names), list(disabilities), list(certificates), show_sensitive)
    shown = [f for f in SENSITIVE_FIELDS if getattr(view, f)]
    if shown:
        record_sensitive_view(session, "person", person_id, shown)
    return view


def _to_view(
    person: Person, former: list[str], disabilities: list[str], certs: list[Certificate], sensitive: bool
) -> PersonView:
    def code(enum: type, value: str | None) -> object:
        return enum(value) if value else None

    view = PersonView(
        family_name=person.family_name,
        given_name=person.given_name,
        family_kana=person.family_kana,
        given_kana=person.given_kana,
        alias=person.alias,
        former_names=tuple(former),
        birth_date=person.birth_date,
        sex=code(Sex, person.sex),  # type: ignore[arg-type]
        nationality=person.nationality,
        phone=person.phone,
        registered_address=person.registered_address,
        registration_status=code(RegistrationStatus, person.registration_status),  # type: ignore[arg-type]
        desired_return_area=person.desired_return_area,
        disabilities=tuple(DisabilityKind(d) for d in disabilities),
        certificates=tuple(
            CertificateInput(
                CertificateKind(c.kind), c.grade, c.local_label, c.number, c.issuer, c.issued_on, c.expires_on
            )
            for c in certs
        ),
        support_category=code(SupportCategory, person.support_category),  # type: ignore[arg-type]
        care_level=code(CareLevel, person.care_level),  # type: ignore[arg-type]
        care_valid_until=person.care_valid_until,
        public_assistance=person.public_assistance,
        pension=person.pension,
        health_insurance=person.health_insurance,
        money_management=person.money_management,
        family_contacts=person.family_contacts,
        emergency_contact=person.emergency_contact,
        wishes=person.wishes,
        id=person.id,
        revision=person.revision,
        sensitive_visible=sensitive,
    )
    if sensitive:
        view = replace(
            view,
            life_history=person.life_history,
            diagnosis=person.diagnosis,
            medical_notes=person.medical_notes,
        )
    return view


def _hits(uow: UnitOfWork, ids: list[str]) -> list[PersonHit]:
    if not ids:
        return []
    rows = {
        p.id: p
        for p in uow.session.execute(
            select(
                Person.id,
                Person.family_name,
                Person.given_name,
                Person.family_kana,
                Person.given_kana,
                Person.birth_date,
                Person.alias,
            ).where(Person.id.in_(ids))
        )
    }
    hits = []
    for pid in ids:
        p = rows.get(pid)
        if p is not None:
            hits.append(
                PersonHit(
                    pid,
                    f"{p.family_name} {p.given_name}".strip(),
                    f"{p.family_kana} {p.given_kana}".strip(),
                    p.birth_date,
                    p.alias,
                )
            )
    return hits


def names_of(session: StaffSession, person_ids: set[str]) -> dict[str, str]:
    """Display names (氏名) of these persons, for lists such as the 第三者提供記録簿."""
    session.require(Permission.READ_CASES)
    with session.uow(write=False) as uow:
        return {hit.id: hit.name for hit in _hits(uow, sorted(person_ids))}


_YEAR = re.compile(r"^(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?$")
_ERA_YEAR = re.compile(
    r"^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})年?(?:(\d{1,2})月?)?(?:(\d{1,2})日?)?$"
)


def birth_range(token: str) -> person_search.BirthRange | None:
    """1950, 1950-03, 1950-03-02, 昭和25, S25, 昭和25年3月 → the dates they cover."""
    t = unicodedata.normalize("NFKC", token).upper()
    m = _YEAR.match(t)
    year = month = day = None
    if m:
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    else:
        e = _ERA_YEAR.match(t)
        if not e:
            return None
        era = next(x for x in ERAS if e[1] in (x.name, x.letter))
        year = era.start.year + (1 if e[2] == "元" else int(e[2])) - 1
        month, day = e[3] and int(e[3]), e[4] and int(e[4])
    try:
        if day and month:
            d = date(year, month, day)
            return person_search.BirthRange(d, d)
        if month:
            end = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
            return person_search.BirthRange(date(year, month, 1), date.fromordinal(end))
        return person_search.BirthRange(date(year, 1, 1), date(year, 12, 31))
    except ValueError:
        return None


def parse_search(query: str) -> tuple[str, person_search.BirthRange | None]:
    """Typed search text → (normalised name key, birth-date range). The first date-like word is the date."""
    birth = None
    words = []
    for token in unicodedata.normalize("NFKC", query).split():
        parsed = birth_range(token)
        if parsed is not None and birth is None:
            birth = parsed
        else:
            words.append(token)
    return normalize_name("".join(words)), birth


def search_persons(session: StaffSession, query: str, *, limit: int = 50) -> list[PersonHit]:
    """Search as one types: name, reading, alias or former name (folded), plus an optional birth date part."""
    session.require(Permission.READ_CASES)
    key, birth = parse_search(query)
    with session.uow(write=False) as uow:
        ids = person_search.search_ids(uow.session, key, birth=birth, limit=limit)
        return _hits(uow, ids)
