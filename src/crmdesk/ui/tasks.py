"""The one task runner: database work runs on worker threads, results come back to the
GUI thread, and a successful write announces what it changed.

Writes go through one serial lane, so two writes of this window never race each other
for SQLite's lock; reads (lists, searches, counts) run on a small pool beside it. A
caller whose widget is gone by the time a result arrives is simply not called back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from crmdesk.domain.errors import CrmError, JobCancelledError
from crmdesk.ui.changes import Change

T = TypeVar("T")

READ_THREADS = 2


@dataclass
class JobControl:
    """Handed to long jobs: they report progress and check whether to stop."""

    _cancel: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int], None] = lambda _done, _total: None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        self._report(done, total)


class _Relay(QObject):
    """Lives in the GUI thread. Workers emit its signals; because the receiving slots are
    this object's own, Qt queues each call to the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(
        self,
        on_finished: Callable[[object], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None],
    ) -> None:
        super().__init__()
        self._on_finished = on_finished
        self._on_failed = on_failed
        self._on_progress = on_progress
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._on_finished(result)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        self._on_failed(error)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        self._on_progress(done, total)


class _Work(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # re-raised in the GUI thread unless it is a CrmError
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class TaskRunner(QObject):
    """Runs `work` off the GUI thread and calls `done(result)` or `failed(error)` on it.

    A `CrmError` without a `failed` handler is announced through `error`, which the main
    window shows in plain words; any other exception is a bug and is raised in the GUI
    thread, where it is loud (and fails the test that caused it).
    """

    changed = Signal(object)  # Change, after every successful write
    error = Signal(object)  # CrmError nobody handled
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(READ_THREADS)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def read(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        *,
        owner: QObject,
        failed: Callable[[CrmError], None] | None = None,
    ) -> None:
        """Run a query; `owner` is the object whose callbacks these are."""
        self._start(self._reads, work, done, failed, owner, change=None, control=None)

    def write(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        *,
        owner: QObject,
        change: Change | Callable[[T], Change],
        failed: Callable[[CrmError], None] | None = None,
    ) -> None:
        """Run a write in the serial lane; on success announce `change` (or the change
        computed from the result), then call `done`."""
        self._start(self._writes, work, done, failed, owner, change=change, control=None)

    def job(
        self,
        work: Callable[[JobControl], T],
        done: Callable[[T], None],
        *,
        owner: QObject,
        progress: Callable[[int, int], None],
        change: Change | Callable[[T], Change] | None,
        failed: Callable[[CrmError], None] | None = None,
    ) -> JobControl:
        """Run a long job (in the write lane when it writes, i.e. has a `change`) that
        reports progress and can be cancelled through the returned control."""
        control = JobControl()
        pool = self._reads if change is None else self._writes
        self._start(
            pool,
            lambda: work(control),
            done,
            failed,
            owner,
            change=change,
            control=(control, progress),
        )
        return control

    def wait_until_idle(self, timeout_ms: int = -1) -> bool:
        """Block until the workers are done (at shutdown, before the database closes).
        Their results are still delivered if the event loop runs afterwards."""
        return self._writes.waitForDone(timeout_ms) and self._reads.waitForDone(timeout_ms)

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[CrmError], None] | None,
        owner: QObject,
        *,
        change: Change | Callable[[Any], Change] | None,
        control: tuple[JobControl, Callable[[int, int], None]] | None,
    ) -> None:
        relay: _Relay

        def finish(result: object) -> None:
            self._retire(relay)
            if change is not None:
                self.changed.emit(change(result) if callable(change) else change)
            if shiboken6.isValid(owner):
                done(result)

        def fail(error: BaseException) -> None:
            self._retire(relay)
            if not isinstance(error, CrmError):
                raise error
            if failed is not None and shiboken6.isValid(owner):
                failed(error)
            elif not isinstance(error, JobCancelledError):
                self.error.emit(error)

        def report(done_count: int, total: int) -> None:
            if control is not None and shiboken6.isValid(owner):
                control[1](done_count, total)

        relay = _Relay(finish, fail, report)
        if control is not None:
            control[0]._report = relay.progressed.emit
        was_busy = self.busy
        self._relays.add(relay)
        if not was_busy:
            self.busy_changed.emit(True)
        pool.start(_Work(work, relay))

    def _retire(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self.busy:
            self.busy_changed.emit(False)
