"""Roles and what each may do. Deny by default: a permission not granted here is refused."""

from __future__ import annotations

from enum import StrEnum

from teiretsu_desktop.domain.errors import PermissionDenied
from teiretsu_desktop.domain.roles import Role


class Permission(StrEnum):
    MANAGE_STAFF = "manage_staff"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    ROTATE_KEY = "rotate_key"
    VIEW_AUDIT = "view_audit"
    READ_CASES = "read_cases"
    WRITE_CASES = "write_cases"
    READ_SENSITIVE = "read_sensitive"  # 罪名, 診断, 生活歴 and assessment narratives
    WRITE_SENSITIVE = "write_sensitive"
    PRINT_FORMS = "print_forms"
    OVERRIDE_CONSENT = "override_consent"
    EXPORT_PERSONAL_DATA = "export_personal_data"  # the whole case ledger to a file
    MANAGE_DIRECTORY = "manage_directory"  # 関係機関 and network activities
    EXPORT_STATS = "export_stats"
    SIGN_OFF_STATS = "sign_off_stats"
    MANAGE_DEVICES = "manage_devices"  # enrol and revoke the devices that share the record
    SYNC = "sync"  # exchange change packets and resolve conflicts


_CASEWORK = frozenset(
    {
        Permission.READ_CASES,
        Permission.WRITE_CASES,
        Permission.READ_SENSITIVE,
        Permission.WRITE_SENSITIVE,
        Permission.PRINT_FORMS,
        Permission.MANAGE_DIRECTORY,
        Permission.SYNC,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # A small center's administrator is usually also a senior caseworker, so the role holds all rights.
    Role.ADMIN: frozenset(Permission),
    Role.MANAGER: _CASEWORK
    | {
        Permission.VIEW_AUDIT,
        Permission.OVERRIDE_CONSENT,
        Permission.EXPORT_PERSONAL_DATA,
        Permission.EXPORT_STATS,
        Permission.SIGN_OFF_STATS,
        Permission.BACKUP,
    },
    Role.CASEWORKER: _CASEWORK,
    # 事務: directory, printing and case basics; no assessment narratives, offences or diagnoses.
    Role.CLERICAL: frozenset({Permission.READ_CASES, Permission.PRINT_FORMS, Permission.MANAGE_DIRECTORY}),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def require(role: Role, permission: Permission) -> None:
    if not allows(role, permission):
        raise PermissionDenied(
            f"この操作の権限がありません ({role.label_ja}) / Your role ({role.value}) may not do this ({permission.value})."
        )
