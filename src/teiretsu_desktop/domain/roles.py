"""Staff roles of a center (DESIGN §4)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    CASEWORKER = "caseworker"
    CLERICAL = "clerical"

    @property
    def label_ja(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Role:
        """Accept the code ("caseworker") or the Japanese label ("相談員")."""
        for role in cls:
            if text in (role.value, _LABELS[role]):
                return role
        raise ValueError(text)


_LABELS = {
    Role.ADMIN: "管理者",
    Role.MANAGER: "センター長",
    Role.CASEWORKER: "相談員",
    Role.CLERICAL: "事務",
}
