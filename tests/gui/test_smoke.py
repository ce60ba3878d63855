"""Start-up: the headless smoke test passes, and an unusable database is explained, not
dumped as a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from crmdesk.app import run_gui
from crmdesk.paths import sqlite_url


def test_smoke_test_migrates_paints_the_window_and_leaves_nothing_behind(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp)}

    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test passed: "), result.stdout
    assert "painted the main window with 5 tabs in Chinese" in result.stdout
    assert list(temp.iterdir()) == []


def test_a_file_that_is_not_a_database_is_explained_in_a_message_box(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list, not a database\n")
    shown: list[str] = []

    def read_and_close_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(f"{box.text()}\n{box.informativeText()}")
        box.close()

    QTimer.singleShot(0, read_and_close_box)

    assert run_gui(sqlite_url(path)) == 1
    assert len(shown) == 1
    assert "could not open its database" in shown[0]
    assert "is not a crmdesk database" in shown[0]
    assert path.read_text() == "shopping list, not a database\n"
