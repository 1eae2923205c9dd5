"""R-KEY-01/02/03: every slot unwraps to the same key; any tampering fails; parameters are stored."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

import pytest

from teiretsu_desktop.domain.errors import CorruptStore, WrongCredentials
from teiretsu_desktop.security.keyslots import ARGON2_MEMORY_KIB, KeySlots
from teiretsu_desktop.store.keys import DatabaseKey

NOW = "2026-11-26T00:00:00.000000Z"


@pytest.fixture(scope="module")
def slots_and_key() -> tuple[KeySlots, DatabaseKey, str, bytes]:
    key = DatabaseKey.generate()
    slots = KeySlots(db_id="db-1")
    slots.set_passphrase(key, staff_id="s1", login="yamada", passphrase="first passphrase", now=NOW)
    code = slots.set_recovery(key, now=NOW)
    wrapping = b"\x07" * 32
    slots.set_keyring(key, staff_id="s1", login="yamada", wrapping_key=wrapping, now=NOW)
    return slots, key, code, wrapping


def test_every_slot_unwraps_to_the_same_key(slots_and_key: tuple[KeySlots, DatabaseKey, str, bytes]) -> None:
    slots, key, code, wrapping = slots_and_key
    assert slots.unwrap_passphrase("yamada", "first passphrase")[0].raw() == key.raw()
    assert slots.unwrap_recovery(code).raw() == key.raw()
    keyring_slot = slots.keyring_slot("s1")
    assert keyring_slot is not None
    assert slots.unwrap_keyring(keyring_slot, wrapping).raw() == key.raw()


def test_the_file_holds_no_key_material(slots_and_key: tuple[KeySlots, DatabaseKey, str, bytes]) -> None:
    slots, key, code, _ = slots_and_key
    text = slots.to_bytes()
    assert key.hex().encode() not in text and key.raw() not in text
    assert base64.b64encode(key.raw()) not in text
    assert code.encode() not in text
    data = json.loads(text)
    kdf = next(s for s in data["slots"] if s["kind"] == "passphrase")["kdf"]
    assert kdf["alg"] == "argon2id" and kdf["memory_kib"] >= ARGON2_MEMORY_KIB >= 65536


def test_wrong_secrets_are_refused(slots_and_key: tuple[KeySlots, DatabaseKey, str, bytes]) -> None:
    slots, _key, _code, _ = slots_and_key
    with pytest.raises(WrongCredentials):
        slots.unwrap_passphrase("yamada", "first passphrasE")
    with pytest.raises(WrongCredentials):
        slots.unwrap_passphrase("nobody", "first passphrase")
    from teiretsu_desktop.security import recovery_code

    other, _ = recovery_code.generate()
    with pytest.raises(WrongCredentials, match="does not match"):
        slots.unwrap_recovery(other)


@pytest.mark.parametrize("field", ["nonce", "ciphertext"])
def test_flipping_any_byte_of_a_wrap_fails(
    slots_and_key: tuple[KeySlots, DatabaseKey, str, bytes], field: str
) -> None:
    slots, _key, code, _ = slots_and_key
    recovery = next(s for s in slots.slots if s.kind == "recovery")
    raw = bytearray(base64.b64decode(getattr(recovery, field)))
    for index in range(len(raw)):
        mutated = bytearray(raw)
        mutated[index] ^= 0x01
        tampered = KeySlots(
            slots.db_id,
            [replace(recovery, **{field: base64.b64encode(bytes(mutated)).decode()})],  # type: ignore[arg-type]
        )
        with pytest.raises(WrongCredentials):
            tampered.unwrap_recovery(code)


def test_associated_data_binds_db_id_and_owner(
    slots_and_key: tuple[KeySlots, DatabaseKey, str, bytes],
) -> None:
    slots, _key, code, _ = slots_and_key
    moved = KeySlots("another-db", list(slots.slots))
    with pytest.raises(WrongCredentials):
        moved.unwrap_recovery(code)
    passphrase_slot = slots.passphrase_slot("yamada")
    assert passphrase_slot is not None
    renamed = KeySlots(slots.db_id, [replace(passphrase_slot, login="sato")])
    with pytest.raises(WrongCredentials):
        renamed.unwrap_passphrase("sato", "first passphrase")


def test_round_trip_through_bytes_and_damage_is_reported(
    slots_and_key: tuple[KeySlots, DatabaseKey, str, bytes],
) -> None:
    slots, key, _code, _ = slots_and_key
    again = KeySlots.parse(slots.to_bytes())
    assert again.unwrap_passphrase("yamada", "first passphrase")[0].raw() == key.raw()
    for bad in (b"", b"{}", b"not json", b'{"format": "teiretsu-keyslots", "version": 99}'):
        with pytest.raises(CorruptStore):
            KeySlots.parse(bad)


def test_database_key_is_32_random_bytes_and_wipes() -> None:
    a, b = DatabaseKey.generate(), DatabaseKey.generate()
    assert len(a.raw()) == 32 and a.raw() != b.raw()
    assert "hidden" in repr(a)
    a.wipe()
    assert a.wiped
    with pytest.raises(ValueError):
        a.raw()


def test_passes_are_calibrated_to_half_a_second_within_bounds() -> None:
    """Issue 14 (6): Argon2id is calibrated at init to at least 0.5 s on the machine."""
    from teiretsu_desktop.security import keyslots

    assert keyslots.CALIBRATION_SECONDS == 0.0  # the suite's own setting (tests/conftest.py)
    assert keyslots.iterations_for(0.0375, 0.5) == 14  # 64 MiB at 37.5 ms a pass: 14 passes ≥ 0.5 s
    assert keyslots.iterations_for(0.2, 0.5) == 8  # never fewer than 8
    assert keyslots.iterations_for(0.0001, 0.5) == keyslots.MAX_ITERATIONS  # never more than the bound


@pytest.mark.parametrize(
    "change",
    [
        {"iterations": 100_000_000},
        {"memory_kib": 2**40},
        {"lanes": 0},
        {"iterations": 1},
        {"memory_kib": 1024},
        {"iterations": "8"},
        {"alg": "pbkdf2"},
    ],
)
def test_a_slot_with_absurd_kdf_parameters_is_refused_at_once(
    slots_and_key: tuple[KeySlots, DatabaseKey, str, bytes], change: dict[str, object]
) -> None:
    """Issue 14, attack 6: passes = 10^8 hung the unlock; a huge memory cost ended in MemoryError."""
    from teiretsu_desktop.domain.errors import CorruptStore

    slots, _key, _code, _ = slots_and_key
    slot = slots.passphrase_slot("yamada")
    assert slot is not None
    hostile = KeySlots(slots.db_id, [replace(slot, kdf={**slot.kdf, **change})])
    with pytest.raises(CorruptStore, match="範囲の外"):
        hostile.unwrap_passphrase("yamada", "first passphrase")
