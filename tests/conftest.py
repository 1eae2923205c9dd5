"""Shared fixtures. Qt runs offscreen (set before anything imports Qt); the keyring is in memory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from teiretsu_desktop.security import keyslots, os_keyring
from teiretsu_desktop.security.session import StaffSession
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.stores import TemplateStore, build_template, copy_store, unlock_admin

# Slots made by the tests use the minimum passes: the calibration to 0.5 s per unlock is tested on
# its own (tests/unit/test_keyslots.py) and would otherwise add minutes to the suite.
keyslots.CALIBRATION_SECONDS = 0.0

# The suite runs each property a bounded number of times; `make fuzz` runs the bundle-reader fuzz longer.
settings.register_profile("suite", max_examples=300)
settings.register_profile("fuzz", max_examples=20_000)
settings.load_profile("suite")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The frozen build first, then the other slow tests, then the rest, each in their order. `make test`
    runs the suite on every core (pytest-xdist hands tests out in this order): the 2-minute build
    started last would leave the other cores idle while it runs."""
    items.sort(
        key=lambda item: (item.get_closest_marker("package") is None, item.get_closest_marker("slow") is None)
    )


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    os_keyring.use_test_backend(backend)
    return backend


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> TemplateStore:
    os_keyring.use_test_backend(MemoryKeyring())
    return build_template(tmp_path_factory.mktemp("template") / "store")


@pytest.fixture
def store(template_store: TemplateStore, tmp_path: Path) -> TemplateStore:
    """A fresh copy of the template store: admin, a caseworker and a clerk."""
    return copy_store(template_store, tmp_path / "store")


@pytest.fixture
def admin(store: TemplateStore) -> Iterator[StaffSession]:
    session = unlock_admin(store.data_dir)
    yield session
    if not session.locked:
        session.lock()
