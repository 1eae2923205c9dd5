from __future__ import annotations

import pytest

from teiretsu_desktop.domain.errors import PermissionDenied
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security.permissions import ROLE_PERMISSIONS, Permission, allows, require


def test_clerical_staff_cannot_read_sensitive_groups_or_manage_staff() -> None:
    assert allows(Role.CLERICAL, Permission.PRINT_FORMS)
    for denied in (
        Permission.READ_SENSITIVE,
        Permission.WRITE_CASES,
        Permission.MANAGE_STAFF,
        Permission.BACKUP,
    ):
        assert not allows(Role.CLERICAL, denied)
    with pytest.raises(PermissionDenied):
        require(Role.CLERICAL, Permission.READ_SENSITIVE)


def test_caseworkers_work_cases_but_do_not_administer() -> None:
    assert allows(Role.CASEWORKER, Permission.READ_SENSITIVE)
    assert not allows(Role.CASEWORKER, Permission.MANAGE_STAFF)
    assert not allows(Role.CASEWORKER, Permission.OVERRIDE_CONSENT)


def test_every_role_is_listed_and_unknown_roles_get_nothing() -> None:
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert not allows("visitor", Permission.READ_CASES)  # type: ignore[arg-type]


def test_role_labels_parse() -> None:
    assert Role.parse("相談員") is Role.CASEWORKER
    assert Role.parse("manager") is Role.MANAGER
    with pytest.raises(ValueError):
        Role.parse("boss")
