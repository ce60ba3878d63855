"""The one task runner: database work runs on worker threads, results come back to the
GUI thread, and a successful write announces what it changed.

Writes go through one serial lane, so two writes of this window never race each other
for SQLite's lock; reads (lists, searches, counts) run on a small pool beside it. A
caller whose widget is gone by the time a result arrives is simply not called back.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
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


@dataclass
class _Task:
    """A task's callables, held only by the GUI thread (see `_Work`)."""

    work: Callable[[], object]
    finish: Callable[[object], None]
    fail: Callable[[BaseException], None]
    report: Callable[[int, int], None]


class _Bridge(QObject):
    """Lives in the GUI thread. Workers emit its signals; because the receiving slots are
    this object's own, Qt queues each call to the GUI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)


class _Work(QRunnable):
    """Runs one task on a worker thread.

    It holds only the task's number: the callables (closures over widgets, often) stay in
    the runner's table, which the GUI thread empties after the task ended. Were a worker
    to drop the last reference to a widget, Python would free it on the worker thread,
    which Qt does not survive.
    """

    def __init__(self, number: int, runner: TaskRunner) -> None:
        super().__init__()
        self._number = number
        self._runner = runner

    def run(self) -> None:
        bridge = self._runner._bridge
        try:
            result = self._runner._call(self._number)
        except BaseException as exc:  # re-raised in the GUI thread unless it is a CrmError
            bridge.failed.emit(self._number, exc)
        else:
            bridge.finished.emit(self._number, result)


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
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._finished)
        self._bridge.failed.connect(self._failed)
        self._bridge.progressed.connect(self._progressed)
        self._tasks: dict[int, _Task] = {}
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def read(
        self,
        work: Callable[[], T],
        done: Callable[[T], object],
        *,
        owner: QObject,
        failed: Callable[[CrmError], object] | None = None,
        always: Callable[[], object] | None = None,
    ) -> None:
        """Run a query; `owner` is the object whose callbacks these are. `always` is called
        last, whatever the outcome: also before a bug's exception is raised, so that a
        caller waiting for the answer is never left waiting."""
        self._start(self._reads, work, done, failed, always, owner, change=None, control=None)

    def write(
        self,
        work: Callable[[], T],
        done: Callable[[T], object],
        *,
        owner: QObject,
        change: Change | Callable[[T], Change],
        failed: Callable[[CrmError], object] | None = None,
        always: Callable[[], object] | None = None,
    ) -> None:
        """Run a write in the serial lane; on success announce `change` (or the change
        computed from the result), then call `done` (`always` as for `read`)."""
        self._start(self._writes, work, done, failed, always, owner, change=change, control=None)

    def job(
        self,
        work: Callable[[JobControl], T],
        done: Callable[[T], object],
        *,
        owner: QObject,
        progress: Callable[[int, int], None],
        change: Change | Callable[[T], Change] | None,
        failed: Callable[[CrmError], object] | None = None,
        always: Callable[[], object] | None = None,
    ) -> JobControl:
        """Run a long job (in the write lane when it writes, i.e. has a `change`) that
        reports progress and can be cancelled through the returned control (`always` as
        for `read`)."""
        control = JobControl()
        pool = self._reads if change is None else self._writes
        self._start(
            pool,
            lambda: work(control),
            done,
            failed,
            always,
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
        done: Callable[[Any], object],
        failed: Callable[[CrmError], object] | None,
        always: Callable[[], object] | None,
        owner: QObject,
        *,
        change: Change | Callable[[Any], Change] | None,
        control: tuple[JobControl, Callable[[int, int], None]] | None,
    ) -> None:
        def settle() -> None:
            if always is not None and shiboken6.isValid(owner):
                always()

        def finish(result: object) -> None:
            try:
                if change is not None:
                    self.changed.emit(change(result) if callable(change) else change)
                if shiboken6.isValid(owner):
                    done(result)
            finally:
                settle()

        def fail(error: BaseException) -> None:
            try:
                if not isinstance(error, CrmError):
                    raise error
                if failed is not None and shiboken6.isValid(owner):
                    failed(error)
                elif not isinstance(error, JobCancelledError):
                    self.error.emit(error)
            finally:
                settle()

        def report(done_count: int, total: int) -> None:
            if control is not None and shiboken6.isValid(owner):
                control[1](done_count, total)

        number = next(self._numbers)
        if control is not None:
            control[0]._report = partial(self._bridge.progressed.emit, number)
        was_busy = self.busy
        with self._lock:
            self._tasks[number] = _Task(work, finish, fail, report)
        if not was_busy:
            self.busy_changed.emit(True)
        pool.start(_Work(number, self))

    def _call(self, number: int) -> object:
        """On a worker thread: run task `number`'s work."""
        with self._lock:
            work = self._tasks[number].work
        return work()

    @Slot(int, object)
    def _finished(self, number: int, result: object) -> None:
        self._retire(number).finish(result)

    @Slot(int, object)
    def _failed(self, number: int, error: BaseException) -> None:
        self._retire(number).fail(error)

    @Slot(int, int, int)
    def _progressed(self, number: int, done: int, total: int) -> None:
        task = self._tasks.get(number)
        if task is not None:
            task.report(done, total)

    def _retire(self, number: int) -> _Task:
        with self._lock:
            task = self._tasks.pop(number)
        if not self.busy:
            self.busy_changed.emit(False)
        return task
