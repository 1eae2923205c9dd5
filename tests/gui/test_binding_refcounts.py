"""The Qt binding keeps Python's own objects alive (issue 19).

PySide6 6.12.0 on Python 3.11 released a reference to True at every Signal.emit() and one to None at
every call of a method that returns nothing. The application emits about once a second while it only
waits (the idle lock's countdown) and calls such methods thousands of times a minute in use: None or
True reached no references at all after hours, and the interpreter aborted ("Fatal Python error:
bool_dealloc") — a crash with no message, however long the caseworker had been typing. Python 3.12
makes those objects immortal; on 3.11 the binding must count right, so an upgrade that breaks it
fails here rather than at a center."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    bare = Signal()
    counted = Signal(int)


def test_emitting_and_calling_keep_the_references_of_true_false_and_none() -> None:
    emitter = Emitter()
    shared = (("True", True), ("False", False), ("None", None))
    before = {name: sys.getrefcount(value) for name, value in shared}
    for n in range(200):
        emitter.bare.emit()
        emitter.counted.emit(n)
        emitter.setObjectName("emitter")  # returns nothing
        emitter.blockSignals(False)  # returns a bool
    after = {name: sys.getrefcount(value) for name, value in shared}
    assert all(abs(after[name] - before[name]) < 50 for name in before), (before, after)
