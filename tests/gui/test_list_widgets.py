"""The shared pieces of the window's lists: column fitting and yes/no questions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from crmdesk.ui.widgets.list_table import fit_columns, list_table
from crmdesk.ui.widgets.questions import ask_yes_no

MAX_WIDTH = 120


def test_fit_columns_sizes_to_contents_but_cuts_long_texts(qtbot: QtBot) -> None:
    model = QStandardItemModel(1, 2)
    model.setItem(0, 0, QStandardItem("Ok"))
    model.setItem(0, 1, QStandardItem("a very long customer name " * 5))
    table = list_table(model, QAbstractItemView.SelectionMode.SingleSelection)
    qtbot.addWidget(table)
    table.setColumnWidth(0, 400)

    fit_columns(table, MAX_WIDTH)

    assert table.columnWidth(0) < MAX_WIDTH
    assert table.columnWidth(1) == MAX_WIDTH


@pytest.mark.parametrize(("default_yes", "enter_answers"), [(True, True), (False, False)])
def test_ask_yes_no_shows_the_question_and_enter_takes_the_default(
    qtbot: QtBot, default_yes: bool, enter_answers: bool
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(f"{box.windowTitle()}|{box.text()}")
        box.defaultButton().click()

    QTimer.singleShot(0, press_enter)

    assert ask_yes_no(parent, "Delete", "Delete it?", default_yes=default_yes) is enter_answers
    assert shown == ["Delete|Delete it?"]
