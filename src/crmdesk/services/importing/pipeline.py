"""Build the next batch of a bulk write in Python while a writer thread stores the
previous one.

Python's sqlite3 lets go of the GIL while SQLite runs a statement, so the two overlap
and a bulk write takes about as long as the slower of the two halves, not their sum.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

_T = TypeVar("_T")

# How long a thread may keep the GIL while another waits for it (Python's default is
# 5 ms). The writer needs the GIL back after every statement, and waiting up to the
# default each time made a 100,000-row import 2.5 s slower (a sixth of it).
HANDOFF_S = 0.000_2


def write_behind(
    batches: Iterable[_T], write: Callable[[_T], None], written: Callable[[_T], None]
) -> None:
    """`write` each of `batches`, in order, on one writer thread, while the caller's
    thread builds the next batch (iterates `batches`); `written(batch)` is then called
    on the caller's thread.

    At most one batch is being written at any time and nothing else runs on the writer
    thread, so whatever `write` uses (a database session) is used by one thread at a
    time: by the writer during this call, and by no one else until it returns. Building
    must not touch it. An exception from `write` is raised here; whatever is raised,
    the call returns only once the writer is idle.
    """
    with (
        _SWITCH_INTERVAL.short(),
        ThreadPoolExecutor(1, thread_name_prefix="bulk-writer") as writer,
    ):
        in_flight: tuple[Future[None], _T] | None = None
        for batch in batches:
            if in_flight is not None:
                _wait(*in_flight, written)
            in_flight = (writer.submit(write, batch), batch)
        if in_flight is not None:
            _wait(*in_flight, written)


def _wait(future: Future[None], batch: _T, written: Callable[[_T], None]) -> None:
    future.result()
    written(batch)


class _SwitchInterval:
    """Python's GIL switch interval, which is process-wide: short while any write-behind
    runs, as it was before once none does."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._usual_s = sys.getswitchinterval()

    @contextmanager
    def short(self) -> Iterator[None]:
        with self._lock:
            if self._users == 0:
                self._usual_s = sys.getswitchinterval()
                sys.setswitchinterval(min(self._usual_s, HANDOFF_S))
            self._users += 1
        try:
            yield
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    sys.setswitchinterval(self._usual_s)


_SWITCH_INTERVAL = _SwitchInterval()
