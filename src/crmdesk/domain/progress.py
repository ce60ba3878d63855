"""How a long job (an import, an export, a recomputation, the demo data) tells its caller
how far it got and learns that the caller wants it to stop, without knowing who asks:
the window's progress dialog, the command line's progress line or a test."""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int], None]  # (done, in all; in all 0 when not known)
CancelCheck = Callable[[], bool]  # True: stop now, leaving everything as it was
