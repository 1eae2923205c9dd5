"""Name search as one types, over the normalised keys of person_name.

Short keys (1-2 characters) use the key index as a prefix range; longer keys also search substrings
through the FTS5 trigram table. Prefix matches rank before substring matches. Callers normalise the
typed text with domain.names.normalize_name first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, select, text
from sqlalchemy.orm import Session

from teiretsu_desktop.domain.names import normalize_name
from teiretsu_desktop.store.models import Person, PersonName

PREFIX_END = "\U0010ffff"


@dataclass(frozen=True)
class BirthRange:
    start: date
    end: date


def _prefix_ids(session: Session, key: str, limit: int) -> list[str]:
    # Through the connection, not the ORM: a one-letter key reads 4,000 ids, and the ORM's row loading
    # cost 8 ms of each search as one types (issue 19).
    rows = (
        session.connection()
        .execute(
            select(PersonName.person_id)
            .where(PersonName.key >= key, PersonName.key < key + PREFIX_END)
            .order_by(PersonName.key)
            .limit(limit * 4)
        )
        .scalars()
        .all()
    )
    return list(dict.fromkeys(rows))


def _substring_ids(session: Session, key: str, limit: int) -> list[str]:
    quoted = '"' + key.replace('"', '""') + '"'
    rows = session.execute(
        text(
            "SELECT pn.person_id FROM person_name_fts JOIN person_name pn ON pn.rowid = person_name_fts.rowid "
            "WHERE person_name_fts MATCH :q LIMIT :n"
        ),
        {"q": quoted, "n": limit * 4},
    ).scalars()
    return list(dict.fromkeys(rows))


def search_ids(session: Session, key: str, *, birth: BirthRange | None = None, limit: int = 50) -> list[str]:
    """Person ids whose name, reading, alias or former name matches `key`, best first."""
    if not key and birth is None:
        return []
    if not key:
        assert birth is not None
        query = select(Person.id).where(Person.birth_date.between(birth.start, birth.end)).limit(limit)
        return list(session.execute(query).scalars())
    ids = _prefix_ids(session, key, limit)
    if len(key) >= 3 and len(ids) < limit:
        ids = list(dict.fromkeys(ids + _substring_ids(session, key, limit)))
    if birth is not None and ids:
        keep = set(
            session.execute(
                select(Person.id).where(
                    and_(Person.id.in_(ids), Person.birth_date.between(birth.start, birth.end))
                )
            ).scalars()
        )
        ids = [i for i in ids if i in keep]
    return ids[:limit]


def exact_key_ids(session: Session, keys: Iterable[str]) -> list[str]:
    wanted = [k for k in keys if k]
    if not wanted:
        return []
    return list(
        dict.fromkeys(
            session.execute(select(PersonName.person_id).where(PersonName.key.in_(wanted))).scalars()
        )
    )


def name_rows(
    family: str,
    given: str,
    family_kana: str,
    given_kana: str,
    alias: str | None = None,
    former: Iterable[str] = (),
) -> list[tuple[str, str, str]]:
    """The (kind, text, key) rows a person is found by: full name and given name, their readings, the
    alias and former names; each (kind, key) once, none with an empty key."""
    full, kana = f"{family} {given}".strip(), f"{family_kana} {given_kana}".strip()
    rows = [("name", full), ("name", given), ("kana", kana), ("kana", given_kana)]
    rows += [("alias", alias)] if alias else []
    rows += [("former", n) for n in former]
    unique: dict[tuple[str, str], tuple[str, str, str]] = {}
    for kind, shown in rows:
        key = normalize_name(shown)  # spaces are not part of a key: 「山田 太郎」 is 「やまだたろう」
        if key:
            unique.setdefault((kind, key), (kind, shown, key))
    return list(unique.values())


def replace_names(session: Session, person_id: str, names: Iterable[tuple[str, str, str]]) -> None:
    """Set the (kind, text, key) rows of one person (rows from `name_rows`)."""
    # Only the rows that change are removed or added (a device's save must not re-add a name another
    # device removed meanwhile; issue 18).
    wanted = list(names)
    for row in session.scalars(select(PersonName).where(PersonName.person_id == person_id)):
        if (row.kind, row.text, row.key) in wanted:
            wanted.remove((row.kind, row.text, row.key))
        else:
            session.delete(row)
    session.add_all(
        PersonName(person_id=person_id, kind=kind, text=shown, key=key) for kind, shown, key in wanted
    )
