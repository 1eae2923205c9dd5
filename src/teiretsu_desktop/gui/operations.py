"""The typed bridge between the GUI and the store (in the manner of Anki's aqt/operations).

- `QueryOp(context, op, success)`: reads. `op(session)` runs on the store thread and returns a `T`;
  `success(T)` runs on the GUI thread.
- `ChangeOp(context, op)`: use cases that change the record. `op(session)` returns `Outcome[T]`; the
  outcome's changes are broadcast through `context.data_changed` with the initiator (so the view that
  made the change can skip its own refresh), then `success(T)` runs. Views never announce by hand.

Both take an optional `failure(exc)`; without one, the error is shown in a dialog. A QueryOp may be
`superseding(key)`: a newer one with that key drops it while it still waits. mypy --strict checks
the whole path: the value `op` returns is the value `success` receives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.services.changes import Outcome

if TYPE_CHECKING:
    from teiretsu_desktop.security.session import StaffSession

T = TypeVar("T")

Failure = Callable[[BaseException], None]


class QueryOp(Generic[T]):
    def __init__(
        self, context: AppContext, op: Callable[[StaffSession], T], success: Callable[[T], None]
    ) -> None:
        self._context = context
        self._op = op
        self._success = success
        self._failure: Failure | None = None
        self._key: str | None = None

    def failure(self, handler: Failure) -> QueryOp[T]:
        self._failure = handler
        return self

    def superseding(self, key: str) -> QueryOp[T]:
        """A newer read with the same key drops this one while it still waits (a search typed on)."""
        self._key = key
        return self

    def run_in_background(self) -> None:
        session = self._context.session  # StoreLocked here, on the GUI thread, if the app is locked
        op = self._op
        self._context.runner.submit(
            lambda: op(session), self._success, self._failure or self._context.show_unhandled, key=self._key
        )


class ChangeOp(Generic[T]):
    def __init__(self, context: AppContext, op: Callable[[StaffSession], Outcome[T]]) -> None:
        self._context = context
        self._op = op
        self._success: Callable[[T], None] | None = None
        self._failure: Failure | None = None

    def success(self, handler: Callable[[T], None]) -> ChangeOp[T]:
        self._success = handler
        return self

    def failure(self, handler: Failure) -> ChangeOp[T]:
        self._failure = handler
        return self

    def run_in_background(self, *, initiator: object = None) -> None:
        context = self._context
        session = context.session
        op, success = self._op, self._success

        def done(outcome: Outcome[T]) -> None:
            # The one that acted reloads first, from `success`; the other views refresh behind whatever
            # the user does next (their reads are background work; issue 19). A success handler may open
            # a modal dialog: nothing holds the store thread meanwhile.
            if success is not None:  # first: its reads are foreground and queued before the others'
                success(outcome.value)
            with context.runner.background():
                context.data_changed.emit(outcome.changes, initiator)

        context.runner.submit(lambda: op(session), done, self._failure or context.show_unhandled, write=True)
