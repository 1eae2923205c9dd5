"""Synthetic persons: names and readings, ages, disabilities, certificates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from teiretsu_desktop.domain.codes import CertificateKind, DisabilityKind
from teiretsu_desktop.domain.names import normalize_name
from teiretsu_desktop.services.demo.generator import Gen, record
from teiretsu_desktop.services.demo.names import FEMALE_GIVEN, MALE_GIVEN, MUNICIPALITIES, SURNAMES

D = DisabilityKind
DISABILITY_CHOICES = [D.INTELLECTUAL, D.MENTAL, D.PHYSICAL, D.DEVELOPMENTAL, D.SUSPECTED]


@dataclass
class PersonRows:
    persons: list[dict[str, Any]] = field(default_factory=list)
    names: list[dict[str, Any]] = field(default_factory=list)
    disabilities: list[dict[str, Any]] = field(default_factory=list)
    certificates: list[dict[str, Any]] = field(default_factory=list)


def _certificates(g: Gen, pid: str, kinds: list[DisabilityKind]) -> list[dict[str, Any]]:
    out = []
    if D.MENTAL in kinds and g.r.random() < 0.6:
        out.append(
            record(
                g,
                person_id=pid,
                kind=str(CertificateKind.MENTAL),
                grade=g.r.choice(["1級", "2級", "3級"]),
                issued_on=g.today - timedelta(days=600),
                expires_on=g.today + timedelta(days=g.r.randint(-10, 700)),  # valid 2 years
            )
        )
    if D.INTELLECTUAL in kinds and g.r.random() < 0.7:
        out.append(
            record(
                g,
                person_id=pid,
                kind=str(CertificateKind.RYOIKU),
                grade=g.r.choice(["A", "B"]),
                local_label=g.r.choice(["愛の手帳3度", "愛の手帳4度", "B2"]),
                issued_on=g.today - timedelta(days=g.r.randint(100, 3000)),
            )
        )
    return out


def persons(g: Gen, n: int) -> PersonRows:
    rows = PersonRows()
    for _ in range(n):
        family, fkana = g.r.choice(SURNAMES)
        male = g.r.random() < 0.8  # most people released from prison are men
        given, gkana = g.r.choice(MALE_GIVEN if male else FEMALE_GIVEN)
        elderly = g.r.random() < 0.45
        age = g.r.randint(66, 88) if elderly else g.r.randint(22, 64)
        birth = g.today - timedelta(days=365 * age + g.r.randint(0, 364))
        alias = f"{g.r.choice(SURNAMES)[0]} {given}" if g.r.random() < 0.05 else None
        kinds: list[DisabilityKind] = []
        if not elderly or g.r.random() < 0.4:
            kinds = g.r.sample(DISABILITY_CHOICES, k=g.r.choice([1, 1, 1, 2]))
        person = record(
            g,
            family_name=family,
            given_name=given,
            family_kana=fkana,
            given_kana=gkana,
            alias=alias,
            birth_date=birth,
            sex="m" if male else "f",
            registration_status=g.r.choice(["registered", "struck_off", "none"]),
            care_level=g.r.choice([None, None, "s1", "c1", "c2", "c3"]) if elderly else None,
            care_valid_until=g.today + timedelta(days=g.r.randint(-20, 360))
            if elderly and g.r.random() < 0.5
            else None,
            support_category=g.r.choice([None, "2", "3", "4"]) if kinds else None,
            public_assistance=g.r.random() < 0.6,
            desired_return_area=g.r.choice(MUNICIPALITIES)[1],
            life_history="中学卒業後、職を転々とする。家族との連絡は途絶えている。",
            diagnosis="軽度知的障害" if D.INTELLECTUAL in kinds else None,
        )
        pid = person["id"]
        rows.persons.append(person)
        names = [
            ("name", f"{family} {given}", family + given),
            ("name", given, given),
            ("kana", f"{fkana} {gkana}", fkana + gkana),
            ("kana", gkana, gkana),
        ]
        if alias:
            names.append(("alias", alias, alias))
        rows.names += [
            {"person_id": pid, "kind": k, "text": t, "key": normalize_name(key)} for k, t, key in names
        ]
        rows.disabilities += [{"person_id": pid, "kind": str(k)} for k in kinds]
        rows.certificates += _certificates(g, pid, kinds)
    return rows
