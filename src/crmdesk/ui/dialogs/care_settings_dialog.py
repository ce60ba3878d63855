"""The team's care settings (客户关怀): how many days ahead birthdays and holidays are
remembered in the follow-up calendar, which customers a holiday greets, and the list of
holidays, each on a day of the solar or the lunar calendar."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.care import MAX_DAYS_AHEAD, CareAudience, CareSettings
from crmdesk.domain.clock import local_today
from crmdesk.domain.holidays import (
    MONTHS,
    Holiday,
    HolidayCalendar,
    occurrences,
)
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.formatting import format_date

NOTE_STYLE = "color: palette(placeholder-text);"
# The longest solar month; the settings refuse a day its month lacks, with a message.
MAX_DAY = 31
NAME, CALENDAR, MONTH, DAY, NEXT = range(5)
YEAR_DAYS = 366
TABLE_WIDTH, TABLE_HEIGHT = 520, 300


class CareSettingsDialog(SavingDialog):
    def __init__(self, context: UiContext, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Care settings"))
        self._today = local_today(context.workspace.clock)

        self.days_ahead = QSpinBox()
        self.days_ahead.setRange(0, MAX_DAYS_AHEAD)
        self.days_ahead.setSuffix(self.tr(" days ahead"))
        self.days_ahead.setToolTip(
            self.tr("Birthdays and holidays show in the calendar this many days before they fall.")
        )
        self.add_field(self.tr("Remind"), "days_ahead", self.days_ahead)

        self.audiences = QButtonGroup(self)
        self.audience_buttons = {
            CareAudience.VIP_AND_KEY: QRadioButton(self.tr("VIP and key customers")),
            CareAudience.ALL: QRadioButton(self.tr("All customers")),
        }
        audience = QWidget()
        audience_layout = QVBoxLayout(audience)
        audience_layout.setContentsMargins(0, 0, 0, 0)
        for button in self.audience_buttons.values():
            self.audiences.addButton(button)
            audience_layout.addWidget(button)
        self.add_field(self.tr("Holidays greet"), "audience", audience)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Holiday"),
                self.tr("Calendar"),
                self.tr("Month"),
                self.tr("Day"),
                self.tr("Next"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumSize(TABLE_WIDTH, TABLE_HEIGHT)
        self.add_button = QPushButton(self.tr("&Add holiday"))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        note = QLabel(
            self.tr(
                "Tick a holiday to remember it. A lunar holiday falls on its day of the "
                "Chinese calendar (day 30 of a short month on its last day); Next shows the "
                "day it falls on next."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        holidays = QWidget()
        holidays_layout = QVBoxLayout(holidays)
        holidays_layout.setContentsMargins(0, 0, 0, 0)
        holidays_layout.addWidget(self.errors.wrap("holidays", self.table))
        holidays_layout.addLayout(row_buttons)
        holidays_layout.addWidget(note)
        self.form.addRow(holidays)

        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.load(CareSettings())
        care = context.workspace.care
        context.tasks.read(care.settings, self._settings_read, owner=self)

    def load(self, settings: CareSettings) -> None:
        """Show `settings` in the form."""
        self.days_ahead.setValue(settings.days_ahead)
        self.audience_buttons[settings.audience].setChecked(True)
        self.table.setRowCount(0)
        for holiday in settings.holidays:
            self._append(holiday)
        self._update_buttons()

    def care_settings(self) -> CareSettings:
        """The settings as the form shows them (not yet checked)."""
        audience = next(a for a, button in self.audience_buttons.items() if button.isChecked())
        return CareSettings(
            days_ahead=self.days_ahead.value(),
            audience=audience,
            holidays=tuple(self._holiday(row) for row in range(self.table.rowCount())),
        )

    def save(self) -> None:
        settings = self.care_settings()
        care = self.context.workspace.care
        self.write(lambda: care.save_settings(settings), Change.of(Topic.SETTINGS))

    def _settings_read(self, settings: CareSettings) -> None:
        self.load(settings)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    # The holiday table: a row per holiday, its widgets read back by `_holiday`.

    def _append(self, holiday: Holiday) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(holiday.name)
        name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        name.setCheckState(Qt.CheckState.Checked if holiday.enabled else Qt.CheckState.Unchecked)
        self.table.setItem(row, NAME, name)
        kind = QComboBox()
        kind.addItem(self.tr("Solar"), HolidayCalendar.SOLAR)
        kind.addItem(self.tr("Lunar"), HolidayCalendar.LUNAR)
        kind.setCurrentIndex(kind.findData(holiday.calendar))
        self.table.setCellWidget(row, CALENDAR, kind)
        month, day = _spin(MONTHS, holiday.month), _spin(MAX_DAY, holiday.day)
        self.table.setCellWidget(row, MONTH, month)
        self.table.setCellWidget(row, DAY, day)
        following = QTableWidgetItem()
        following.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, NEXT, following)
        for changed in (kind.currentIndexChanged, month.valueChanged, day.valueChanged):
            changed.connect(lambda *_args, item=name: self._show_next(item.row()))
        self._show_next(row)
        return row

    def _holiday(self, row: int) -> Holiday:
        name = self._item(row, NAME)
        kind = self.table.cellWidget(row, CALENDAR)
        month, day = self.table.cellWidget(row, MONTH), self.table.cellWidget(row, DAY)
        assert isinstance(kind, QComboBox) and isinstance(month, QSpinBox)
        assert isinstance(day, QSpinBox)
        return Holiday(
            name=name.text(),
            calendar=HolidayCalendar(kind.currentData()),
            month=month.value(),
            day=day.value(),
            enabled=name.checkState() == Qt.CheckState.Checked,
        )

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None, "every row has its name and next day"
        return item

    def _show_next(self, row: int) -> None:
        """The day the row's holiday falls on next (from today), or a dash for a day that
        does not exist."""
        holiday = self._holiday(row)
        try:
            days = occurrences(holiday, self._today, self._today + timedelta(days=YEAR_DAYS))
        except ValueError:  # a day its month lacks: the save says so
            days = []
        self._item(row, NEXT).setText(format_date(days[0]) if days else "—")

    def _add(self) -> None:
        row = self._append(Holiday("", HolidayCalendar.SOLAR, self._today.month, self._today.day))
        self.table.selectRow(row)
        self.table.editItem(self._item(row, NAME))

    def _remove(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        for row in sorted(rows, reverse=True):
            self.table.removeRow(row)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))


def _spin(high: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, high)
    spin.setValue(value)
    spin.setFrame(False)
    return spin


def edit_care_settings(context: UiContext, parent: QWidget | None) -> bool:
    """Let the user change the care settings; True when they were saved."""
    return run_dialog(CareSettingsDialog(context, parent))
