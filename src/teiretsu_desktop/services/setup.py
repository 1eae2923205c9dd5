"""Creating a center's store: the first administrator, the recovery key, the audit chain's first links."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from teiretsu_desktop.domain.center_code import center_code_problem
from teiretsu_desktop.domain.errors import InvalidInput, StoreExists
from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.security import audit, authority, staff_keys
from teiretsu_desktop.security.authority import Roster
from teiretsu_desktop.security.keyslots import KeySlots, SlotPayload
from teiretsu_desktop.security.passphrase_policy import check_new
from teiretsu_desktop.security.signing import ensure_signing_key
from teiretsu_desktop.store import sealed
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.models import CenterProfile, Staff, StoreMeta, new_id, utc_now
from teiretsu_desktop.store.paths import DataDir

LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9._-]{2,64}$")


@dataclass(frozen=True)
class CenterInfo:
    center_code: str
    center_name: str
    prefecture_code: str


@dataclass(frozen=True)
class InitResult:
    db_id: str
    admin_staff_id: str
    recovery_code: str
    authority_fingerprint: str  # printed on the recovery sheet, in backups and in bundles


def check_login(login: str) -> str:
    if not LOGIN_PATTERN.match(login):
        raise InvalidInput(
            "スタッフ名は半角英数字と . _ - の2〜64文字にしてください / "
            "A staff name is 2-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'."
        )
    return login


def check_center(center: CenterInfo) -> CenterInfo:
    if not re.fullmatch(r"\d{2}", center.prefecture_code) or not 1 <= int(center.prefecture_code) <= 47:
        raise InvalidInput("都道府県コードは01〜47の2桁です / The prefecture code is two digits, 01-47.")
    problem = center_code_problem(center.center_code, center.prefecture_code)
    if problem:
        raise InvalidInput(problem)
    if not center.center_name.strip():
        raise InvalidInput("センター名を入力してください / Enter the center's name.")
    return center


def init_center(
    data_dir: DataDir, center: CenterInfo, *, admin_login: str, admin_name: str, admin_passphrase: str
) -> InitResult:
    """Create the encrypted store and its key slots. The recovery code is returned once, never stored."""
    check_center(center)
    check_login(admin_login)
    passphrase = check_new(admin_passphrase, login=admin_login, known_words=(admin_name, center.center_name))
    if not admin_name.strip():
        raise InvalidInput("管理者の氏名を入力してください / Enter the administrator's name.")
    for path in (data_dir.db, data_dir.keyslots):
        if path.exists():
            raise StoreExists(
                f"既にデータがあります / {path} already exists; choose an empty data directory."
            )

    db_id = new_id()
    key = DatabaseKey.generate()
    now = utc_now()
    admin_id = new_id()
    # The administrator authority signs who is who (ADR 0011): its private half goes only into the
    # administrator's slot and the recovery slot.
    signer = authority.new_authority()
    public = authority.raw_public(signer.public_key())
    secret = staff_keys.new_secret()
    first = Roster(db_id, 0, {admin_id: authority.member(admin_login, Role.ADMIN, secret)})
    slots = KeySlots(db_id=db_id, authority_public=public, roster=first.signed(signer))
    held = authority.private_bytes(signer)
    fields = secrets.token_bytes(32)  # seals 罪名・診断・生活歴・支援経過 (store/sealed.py)
    slots.set_passphrase(
        SlotPayload(DatabaseKey(key.raw()), secret, held, fields),
        staff_id=admin_id, login=admin_login, passphrase=passphrase, now=now,
    )  # fmt: skip
    code = slots.set_recovery(SlotPayload(DatabaseKey(key.raw()), None, held, fields), now=now)
    fingerprint = authority.fingerprint(public)

    store = Store.create(data_dir, DatabaseKey(key.raw()), db_id)
    try:
        with store.uow(actor_id=admin_id) as uow:
            uow.session.add(
                CenterProfile(
                    center_code=center.center_code,
                    center_name=center.center_name.strip(),
                    prefecture_code=center.prefecture_code,
                )
            )
            uow.session.add(
                Staff(
                    id=admin_id,
                    login=admin_login,
                    display_name=admin_name.strip(),
                    role=Role.ADMIN.value,
                    active=True,
                    created_at=now,
                )
            )
            audit.append(uow.session, actor_id=admin_id, action="store_created", detail={"db_id": db_id})
            audit.append(
                uow.session, actor_id=admin_id, action="staff_added", target_kind="staff", target_id=admin_id
            )
            audit.append(uow.session, actor_id=admin_id, action="recovery_key_issued")
            audit.append(
                uow.session,
                actor_id=admin_id,
                action="authority_established",
                detail={"fingerprint": fingerprint},
            )
            staff_keys.pin(uow.session, slots)
            uow.session.add(StoreMeta(key=sealed.MARKER, value="1"))
            ensure_signing_key(uow.session)  # the center's statistics-bundle key
            uow.commit()
        # The key slots are written last: until they exist the directory is not a usable store.
        slots.save(data_dir.keyslots)
    finally:
        store.close()
        key.wipe()
    return InitResult(
        db_id=db_id, admin_staff_id=admin_id, recovery_code=code, authority_fingerprint=fingerprint
    )
