"""R-KEY-04/05: keyring quick unlock; losing the keyring never loses access; insecure backends refused."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from teiretsu_desktop.domain.errors import KeyringUnavailable, WrongCredentials
from teiretsu_desktop.security import os_keyring
from teiretsu_desktop.security.keyslots import KeySlots
from teiretsu_desktop.security.unlock import unlock_with_keyring, unlock_with_passphrase
from teiretsu_desktop.services.staff import enable_keyring, recover_with_recovery_key
from tests.helpers.files import digests
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.stores import ADMIN, ADMIN_PASS, TemplateStore, unlock_admin


def test_keyring_unlock_and_losing_the_entry(store: TemplateStore, memory_keyring: MemoryKeyring) -> None:
    session = unlock_admin(store.data_dir)
    enable_keyring(session)
    session.lock()
    assert len(memory_keyring.entries) == 1
    blob = next(iter(memory_keyring.entries.values()))
    assert len(blob) <= os_keyring.MAX_BLOB_BYTES
    quick = unlock_with_keyring(store.data_dir, ADMIN)
    assert quick.actor.login == ADMIN and quick.method == "keyring"
    quick.lock()

    # A new Windows profile or machine: the keyring entry is gone.
    memory_keyring.entries.clear()
    before = digests(store.data_dir.store_files())
    with pytest.raises(WrongCredentials, match="passphrase"):
        unlock_with_keyring(store.data_dir, ADMIN)
    assert digests(store.data_dir.store_files()) == before
    unlock_with_passphrase(store.data_dir, ADMIN, ADMIN_PASS).lock()
    new_code = recover_with_recovery_key(
        store.data_dir, code=store.recovery_code, login=ADMIN, new_passphrase="after keyring loss 1"
    )
    assert new_code != store.recovery_code
    unlock_with_passphrase(store.data_dir, ADMIN, "after keyring loss 1").lock()


def test_a_wrong_recovery_key_changes_nothing(store: TemplateStore) -> None:
    from teiretsu_desktop.security import recovery_code

    before = digests(store.data_dir.store_files())
    wrong, _ = recovery_code.generate()
    with pytest.raises(WrongCredentials):
        recover_with_recovery_key(store.data_dir, code=wrong, login=ADMIN, new_passphrase="never used phrase")
    assert digests(store.data_dir.store_files()) == before


@pytest.mark.parametrize("backend", [null.Keyring(), fail.Keyring()])  # type: ignore[no-untyped-call]
def test_insecure_or_missing_backends_are_refused_with_a_reason(
    store: TemplateStore, backend: KeyringBackend
) -> None:
    keyring.set_keyring(backend)  # not through use_test_backend: this is what a real machine may have
    status = os_keyring.backend_status()
    assert not status.usable and "passphrase" in status.reason
    session = unlock_admin(store.data_dir)
    try:
        with pytest.raises(KeyringUnavailable):
            enable_keyring(session)
    finally:
        session.lock()
    assert all(s.kind != "keyring" for s in KeySlots.load(store.data_dir.keyslots).slots)


def test_plaintext_file_backends_are_not_in_the_allowlist() -> None:
    assert not any(
        "keyrings.alt" in name or "null" in name or "fail" in name for name in os_keyring.SECURE_BACKENDS
    )
    assert "keyring.backends.Windows.WinVaultKeyring" in os_keyring.SECURE_BACKENDS
