"""A center's sync group for tests: a hub and replicas made the way IT makes them (enrol at the hub,
restore the device's store), then opened quickly with the key the first unlock gave (key derivation
is deliberately slow; the tests open stores many times)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from teiretsu_desktop.security.keyslots import SlotPayload
from teiretsu_desktop.security.session import Actor, StaffSession
from teiretsu_desktop.security.unlock import unlock_with_passphrase
from teiretsu_desktop.services import maintenance
from teiretsu_desktop.services.sync import devices
from teiretsu_desktop.store.database import Store
from teiretsu_desktop.store.keys import DatabaseKey
from teiretsu_desktop.store.paths import DataDir
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore


@dataclass(frozen=True)
class Opener:
    """Opens any store of the group as the administrator without deriving the key again."""

    actor: Actor
    credentials: SlotPayload
    key: bytes

    def open(self, data_dir: DataDir) -> StaffSession:
        store = Store.open(data_dir, DatabaseKey(self.key), migrate=False)
        credentials = SlotPayload(
            DatabaseKey(self.key),
            self.credentials.secret,
            self.credentials.authority,
            self.credentials.fields,
        )
        return StaffSession(store, self.actor, "passphrase", credentials=credentials)


@dataclass(frozen=True)
class Group:
    hub: DataDir
    replicas: list[DataDir]
    opener: Opener

    def all(self) -> list[DataDir]:
        return [self.hub, *self.replicas]


def make_group(store: TemplateStore, root: Path, replicas: int) -> Group:
    admin = unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS)
    assert admin.credentials is not None
    opener = Opener(admin.actor, admin.credentials, admin.credentials.dek.raw())
    try:
        devices.init_hub(admin, "事務所PC")
        dirs = []
        for n in range(replicas):
            kit = root / f"replica-{n}.zip"
            devices.enroll(admin, f"訪問用PC-{n + 1}", kit)
            dirs.append(kit)
    finally:
        admin.lock()
    replica_dirs = []
    for n, kit in enumerate(dirs):
        data_dir = DataDir(root / f"device-{n}")
        maintenance.restore(kit, data_dir, lambda slots: slots.unwrap_passphrase(ADMIN, ADMIN_PASS)[0])
        replica_dirs.append(data_dir)
    return Group(store.data_dir, replica_dirs, opener)


def copy_group(group: Group, root: Path) -> Group:
    """A copy of a closed group (test-only), for one Hypothesis example."""
    hub = DataDir(root / "hub")
    shutil.copytree(group.hub.root, hub.root)
    replicas = []
    for n, replica in enumerate(group.replicas):
        copy = DataDir(root / f"device-{n}")
        shutil.copytree(replica.root, copy.root)
        replicas.append(copy)
    return Group(hub, replicas, group.opener)
