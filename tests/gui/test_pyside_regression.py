"""PySide6 must survive many calls of Qt methods that return nothing.

PySide6 6.12.0 on Python 3.11 drops a reference to `None` on every such call; after a few
thousand calls the interpreter aborts with "Fatal Python error: none_dealloc". That is why
pyproject.toml pins PySide6 below 6.12. The calls run in a child process because the
failure is an abort that would take the whole test session down with it. The child also
counts the references to `None` it lost, so the leak fails the test even when `None` starts
with enough references to outlast the calls.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 20_000

CHILD = textwrap.dedent(
    f"""
    import sys

    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        widget.update()
    print("None references lost:", before - sys.getrefcount(None))
    """
)


def test_twenty_thousand_calls_returning_nothing_do_not_abort_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=False
    )

    assert result.returncode == 0, result.stderr
    lost = int(result.stdout.rsplit(":", 1)[1])
    assert lost < CALLS // 100, f"{lost} references to None lost in {CALLS} calls"
