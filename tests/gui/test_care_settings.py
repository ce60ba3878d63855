"""The care settings dialog as a user meets it: the stored settings shown, a day its month
lacks refused with a message and nothing saved, then days ahead, audience and the holiday
list (added, removed, switched off, lunar) saved for the whole team."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QSpinBox
from pytestqt.qtbot import QtBot

from crmdesk.db.engine import Database
from crmdesk.domain.care import CareAudience, CareSettings
from crmdesk.domain.holidays import DEFAULT_HOLIDAYS, Holiday, HolidayCalendar
from crmdesk.services.workspace import Workspace
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.care_settings_dialog import (
    CALENDAR,
    DAY,
    MONTH,
    NAME,
    NEXT,
    CareSettingsDialog,
)
from crmdesk.ui.formatting import format_date

# The dialog shows the day each holiday falls on next, counted from this day.
TODAY = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def context(context: UiContext, database: Database) -> UiContext:
    """The window's context with a clock that stands on `TODAY`."""
    return replace(context, workspace=Workspace.over(database, lambda: TODAY))


def open_dialog(qtbot: QtBot, context: UiContext) -> CareSettingsDialog:
    dialog = CareSettingsDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_tasks(qtbot, context)
    return dialog


def spin(dialog: CareSettingsDialog, row: int, column: int) -> QSpinBox:
    widget = dialog.table.cellWidget(row, column)
    assert isinstance(widget, QSpinBox)
    return widget


def row_of(dialog: CareSettingsDialog, name: str) -> int:
    table = dialog.table
    return next(row for row in range(table.rowCount()) if table.item(row, NAME).text() == name)


def save(qtbot: QtBot, context: UiContext, dialog: CareSettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_for_tasks(qtbot, context)


def test_a_day_its_month_lacks_is_refused_and_nothing_is_saved(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = open_dialog(qtbot, context)
    assert dialog.table.rowCount() == len(DEFAULT_HOLIDAYS)
    row = row_of(dialog, "劳动节")
    spin(dialog, row, MONTH).setValue(2)
    spin(dialog, row, DAY).setValue(30)
    assert dialog.table.item(row, NEXT).text() == "—"

    save(qtbot, context, dialog)

    assert dialog.isVisible()
    assert dialog.errors.general.text() == f"Holiday {row + 1}: month 2 has no day 30."
    assert context.workspace.care.settings() == CareSettings()


def test_the_settings_are_saved_for_the_team(qtbot: QtBot, context: UiContext) -> None:
    dialog = open_dialog(qtbot, context)
    dialog.days_ahead.setValue(7)
    dialog.audience_buttons[CareAudience.ALL].setChecked(True)
    dialog.table.item(row_of(dialog, "七夕"), NAME).setCheckState(Qt.CheckState.Unchecked)
    dialog.table.selectRow(row_of(dialog, "妇女节"))
    dialog.remove_button.click()
    dialog.add_button.click()
    added = dialog.table.rowCount() - 1
    dialog.table.item(added, NAME).setText("腊八节")
    kind = dialog.table.cellWidget(added, CALENDAR)
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData(HolidayCalendar.LUNAR))
    spin(dialog, added, MONTH).setValue(12)
    spin(dialog, added, DAY).setValue(8)
    # 腊八 of lunar 2026 falls on 15 January 2027.
    assert dialog.table.item(added, NEXT).text() == format_date(date(2027, 1, 15))

    save(qtbot, context, dialog)

    assert not dialog.isVisible()
    saved = context.workspace.care.settings()
    assert (saved.days_ahead, saved.audience) == (7, CareAudience.ALL)
    names = [holiday.name for holiday in saved.holidays]
    assert "妇女节" not in names and names[-1] == "腊八节"
    assert saved.holidays[-1] == Holiday("腊八节", HolidayCalendar.LUNAR, 12, 8)
    assert [h.name for h in saved.holidays if not h.enabled] == ["七夕"]


def test_the_next_day_of_a_lunar_holiday_is_shown(qtbot: QtBot, context: UiContext) -> None:
    context.workspace.care.save_settings(
        CareSettings(holidays=(Holiday("中秋节", HolidayCalendar.LUNAR, 8, 15),))
    )
    dialog = open_dialog(qtbot, context)

    assert dialog.table.item(0, NEXT).text() == format_date(date(2026, 9, 25))
    assert dialog.days_ahead.value() == 3
