"""The follow-up calendar (跟进日历): a month marked with each day's follow-ups and care
reminders (birthdays and holidays, the care settings' days ahead), the selected day's
agenda, and the overdue and this-week lists, for all reps or one; from here follow-ups are
planned, edited, rescheduled, completed and cancelled, a birthday becomes a planned care
follow-up, and a holiday's greetings are planned for the customers it greets."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.care import BirthdayItem, CareItem, GreetingsPlanned, HolidayItem
from crmdesk.domain.clock import local_today
from crmdesk.domain.enums import FollowUpKind, FollowUpStatus
from crmdesk.domain.follow_up_columns import AGENDA_EXPORT_COLUMNS, AgendaEntry
from crmdesk.domain.follow_ups import DayCount, FollowUpFilter, FollowUpRow
from crmdesk.domain.list_columns import column_by_key
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.ui import export_actions
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import follow_up_dialog
from crmdesk.ui.dialogs.care_settings_dialog import edit_care_settings
from crmdesk.ui.formatting import format_count, format_date
from crmdesk.ui.models.follow_up_models import (
    FollowUpTableModel,
    agenda_model,
    as_shown,
    follow_up_list_model,
)
from crmdesk.ui.widgets.choice_combos import RepCombo
from crmdesk.ui.widgets.follow_up_calendar import FollowUpCalendar, to_qdate
from crmdesk.ui.widgets.list_table import fit_columns, list_table
from crmdesk.ui.widgets.questions import ask_yes_no

T = TypeVar("T")

# A list this long is a backlog to filter by rep, not to scroll; the tab says how many more.
LIST_LIMIT = 500
SPLITTER_KEY = "follow_ups/splitter"
LISTS_SPLITTER_KEY = "follow_ups/lists_splitter"
HEADER_KEY = "follow_ups/{name}_header"  # each list's column widths
CALENDAR_WIDTH = 370
DAYS_IN_WEEK = 7
# Long company names are cut short (the full name is in the customer list) so that every
# column of a list fits beside the calendar.
MAX_COLUMN_WIDTH = 170

MonthMarks = tuple[list[DayCount], list[CareItem]]
DayAgenda = tuple[Page[FollowUpRow], list[CareItem]]
Lists = tuple[Page[FollowUpRow], Page[FollowUpRow]]


# --- questions the tab asks (tests replace these functions to answer them) -------------


def confirm_greetings(parent: QWidget, question: str) -> bool:
    title = QCoreApplication.translate("FollowUpsTab", "Plan greetings")
    return ask_yes_no(parent, title, question)


def tell_planned(parent: QWidget, text: str) -> None:
    QMessageBox.information(
        parent, QCoreApplication.translate("FollowUpsTab", "Plan greetings"), text
    )


class FollowUpsTab(QWidget):
    customer_activated = Signal(object)  # a customer's UUID

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._care = context.workspace.care
        # Each kind of read is numbered, so that an answer overtaken by a newer ask is dropped.
        self._asked: dict[str, int] = {}
        self._active: QTableView | None = None
        # Lists whose columns were fitted to their first rows or set to the user's widths:
        # a refresh leaves them as they are.
        self._sized: set[QTableView] = set()

        self.rep_filter = RepCombo(context, empty_text=self.tr("All reps"))
        self.calendar = FollowUpCalendar()
        self.calendar.setMinimumWidth(CALENDAR_WIDTH - 100)
        self.agenda_title = QLabel()
        self.agenda = agenda_model(self)
        self.overdue = follow_up_list_model(self)
        self.this_week = follow_up_list_model(self)
        self.agenda_view = self._table(self.agenda)
        self.overdue_view = self._table(self.overdue)
        self.this_week_view = self._table(self.this_week)
        for view in (self.overdue_view, self.this_week_view):
            # Every follow-up these lists hold is planned.
            view.hideColumn(
                self.overdue.columns.index(column_by_key(self.overdue.columns, "status"))
            )
        self.lists = QTabWidget()
        self.lists.addTab(self.overdue_view, "")
        self.lists.addTab(self.this_week_view, "")
        self._build_actions()
        self._lay_out()
        self._restore_layout()

        self.rep_filter.currentIndexChanged.connect(self.refresh)
        self.calendar.currentPageChanged.connect(self._load_month)
        self.calendar.selectionChanged.connect(self._load_agenda)
        context.tasks.changed.connect(self._on_changed)
        self.calendar.select_day(self.today())
        self._update_actions()
        self.refresh()

    # What the main window and an export use.

    def today(self) -> date:
        return local_today(self._context.workspace.clock)

    def show_day(self, day: date) -> None:
        """Turn the calendar to `day` and show its agenda."""
        self.calendar.select_day(day)
        self.calendar.setCurrentPage(day.year, day.month)

    def export_shown(self) -> None:
        """Export the list the user is in (the agenda unless another was chosen) as it is
        shown, with each entry's due date; an agenda's file is named after its day."""
        if self._active is self.overdue_view:
            self._export_list(self.tr("Overdue"), self.overdue)
        elif self._active is self.this_week_view:
            self._export_list(self.tr("This week"), self.this_week)
        else:
            export_actions.export_table_rows(
                self._context,
                self,
                self.tr("Agenda"),
                as_shown(AGENDA_EXPORT_COLUMNS),
                self.agenda.rows(),
                self.calendar.selected_day(),
            )

    def _export_list(self, title: str, model: FollowUpTableModel[FollowUpRow]) -> None:
        export_actions.export_table_rows(self._context, self, title, model.columns, model.rows())

    def selected_entry(self) -> AgendaEntry | None:
        view = self._active
        if view is None:
            return None
        model = view.model()
        assert isinstance(model, FollowUpTableModel)
        entry: AgendaEntry | None = model.row_at(view.currentIndex())
        return entry

    def current_customer_id(self) -> uuid.UUID | None:
        """The customer of the selected follow-up or birthday, if one is selected."""
        entry = self.selected_entry()
        return None if entry is None else _customer_id(entry)

    def save_layout(self) -> None:
        settings = self._context.settings
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        settings.setValue(LISTS_SPLITTER_KEY, self.lists_splitter.saveState())
        for name, view in self._named_views():
            settings.setValue(HEADER_KEY.format(name=name), view.horizontalHeader().saveState())

    def refresh(self) -> None:
        self._load_month()
        self._load_agenda()
        self._load_lists()

    # Building.

    def _table(
        self, model: FollowUpTableModel[FollowUpRow] | FollowUpTableModel[AgendaEntry]
    ) -> QTableView:
        view = list_table(model, QAbstractItemView.SelectionMode.SingleSelection)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.doubleClicked.connect(lambda index, v=view: self._activate(v, index))
        selection = view.selectionModel()
        selection.currentRowChanged.connect(lambda *_args, v=view: self._make_active(v))
        return view

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New…"), self._new)
        self.edit_action = self._action(self.tr("&Edit…"), self._edit)
        self.reschedule_action = self._action(self.tr("&Reschedule…"), self._reschedule)
        self.complete_action = self._action(self.tr("C&omplete…"), self._complete)
        self.cancel_action = self._action(self.tr("&Cancel follow-up"), self._cancel)
        self.plan_care_action = self._action(self.tr("Plan &care…"), self._plan_care)
        self.plan_care_action.setToolTip(self.tr("Plan a care follow-up for the selected birthday"))
        self.plan_greetings_action = self._action(self.tr("Plan &greetings…"), self._plan_greetings)
        self.plan_greetings_action.setToolTip(
            self.tr("Plan a care follow-up for every customer the selected holiday greets")
        )
        self.care_settings_action = self._action(self.tr("Care &settings…"), self._care_settings)
        self.care_settings_action.setToolTip(
            self.tr("Days ahead to remember birthdays and holidays, and the list of holidays")
        )

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Rep:")))
        bar.addWidget(self.rep_filter)
        bar.addStretch(1)
        for action in (
            self.new_action,
            self.edit_action,
            self.reschedule_action,
            self.complete_action,
            self.cancel_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        # Care (客户关怀) under one button, so that the bar fits a narrow window.
        care_menu = QMenu(self)
        for action in (self.plan_care_action, self.plan_greetings_action):
            care_menu.addAction(action)
        care_menu.addSeparator()
        care_menu.addAction(self.care_settings_action)
        self.care_button = QToolButton()
        self.care_button.setText(self.tr("Care"))
        self.care_button.setToolTip(self.tr("Birthdays and holidays: plan care follow-ups"))
        self.care_button.setMenu(care_menu)
        self.care_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.care_button)

        legend = QLabel(
            self.tr(
                "Numbers: <span style='color:#c62828'>overdue</span> · planned · "
                "<span style='color:#9e9e9e'>done</span> · "
                "<span style='color:#d81b60'>●</span> birthday · "
                "<span style='color:#ef6c00'>●</span> holiday"
            )
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar, 1)
        left_layout.addWidget(legend)

        agenda = QWidget()
        agenda_layout = QVBoxLayout(agenda)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.agenda_title)
        agenda_layout.addWidget(self.agenda_view)

        self.lists_splitter = QSplitter(Qt.Orientation.Vertical)
        self.lists_splitter.addWidget(agenda)
        self.lists_splitter.addWidget(self.lists)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.lists_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([CALENDAR_WIDTH, 1000])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _restore_layout(self) -> None:
        for splitter, key in (
            (self.splitter, SPLITTER_KEY),
            (self.lists_splitter, LISTS_SPLITTER_KEY),
        ):
            state = self._context.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        for name, view in self._named_views():
            state = self._context.settings.value(HEADER_KEY.format(name=name))
            if isinstance(state, QByteArray) and view.horizontalHeader().restoreState(state):
                self._sized.add(view)

    def _named_views(self) -> tuple[tuple[str, QTableView], ...]:
        return (
            ("agenda", self.agenda_view),
            ("overdue", self.overdue_view),
            ("this_week", self.this_week_view),
        )

    # Loading.

    def _read(self, name: str, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """Read in the background; only the answer to the latest ask of `name` is shown."""
        number = self._asked.get(name, 0) + 1
        self._asked[name] = number

        def deliver(result: T) -> None:
            if self._asked[name] == number:
                done(result)

        self._context.tasks.read(work, deliver, owner=self)

    def _load_month(self) -> None:
        first, last = self.calendar.shown_range()
        rep_id = self.rep_filter.current_value()
        follow_ups, care = self._context.workspace.follow_ups, self._care

        def load() -> MonthMarks:
            counts = follow_ups.day_counts(first, last, rep_id=rep_id)
            return counts, care.care_items(first, last, owner_id=rep_id)

        self._read("month", load, self._show_month)

    def _load_agenda(self) -> None:
        day = self.calendar.selected_day()
        rep_id = self.rep_filter.current_value()
        follow_ups, care = self._context.workspace.follow_ups, self._care
        long_date = QLocale().toString(to_qdate(day), QLocale.FormatType.LongFormat)
        self.agenda_title.setText(self.tr("Agenda for {day}").format(day=long_date))

        def load() -> DayAgenda:
            rows = follow_ups.list_rows(
                FollowUpFilter(rep_id=rep_id, due_from=day, due_to=day), PageRequest(0, LIST_LIMIT)
            )
            return rows, care.care_items(day, day, owner_id=rep_id)

        self._read("agenda", load, self._show_agenda)

    def _load_lists(self) -> None:
        rep_id = self.rep_filter.current_value()
        today = self.today()
        monday = today - timedelta(days=today.weekday())
        follow_ups = self._context.workspace.follow_ups
        request = PageRequest(0, LIST_LIMIT)

        def load() -> Lists:
            overdue = follow_ups.list_rows(FollowUpFilter(rep_id=rep_id, overdue=True), request)
            week = FollowUpFilter(
                rep_id=rep_id,
                status=FollowUpStatus.PLANNED,
                due_from=max(monday, today),
                due_to=monday + timedelta(days=DAYS_IN_WEEK - 1),
            )
            return overdue, follow_ups.list_rows(week, request)

        self._read("lists", load, self._show_lists)

    def _show_month(self, marks: MonthMarks) -> None:
        counts, care = marks
        self.calendar.set_marks(
            counts,
            (item.remind_on for item in care if isinstance(item, BirthdayItem)),
            (item.remind_on for item in care if isinstance(item, HolidayItem)),
        )

    def _show_agenda(self, agenda: DayAgenda) -> None:
        rows, care = agenda
        # A holiday heads the day, as an all-day event would; birthdays follow its work.
        holidays = [item for item in care if isinstance(item, HolidayItem)]
        birthdays = [item for item in care if isinstance(item, BirthdayItem)]
        entries: list[AgendaEntry] = [*holidays, *rows.items, *birthdays]
        self._keep_selection(self.agenda_view, lambda: self.agenda.set_rows(entries, self.today()))

    def _show_lists(self, lists: Lists) -> None:
        overdue, week = lists
        today = self.today()
        self._keep_selection(self.overdue_view, lambda: self.overdue.set_rows(overdue.items, today))
        self._keep_selection(
            self.this_week_view, lambda: self.this_week.set_rows(week.items, today)
        )
        self.lists.setTabText(0, self._list_title(self.tr("Overdue"), overdue))
        self.lists.setTabText(1, self._list_title(self.tr("This week"), week))

    def _list_title(self, name: str, page: Page[FollowUpRow]) -> str:
        if page.total > len(page.items):
            return self.tr("{name} ({shown} of {total})").format(
                name=name, shown=len(page.items), total=page.total
            )
        return self.tr("{name} ({count})").format(name=name, count=page.total)

    def _keep_selection(self, view: QTableView, reset: Callable[[], None]) -> None:
        """Reset a list and, when it is the list the user acts in, select again the entry
        that was selected, if it is still there (selecting in another list would make that
        one the list the actions apply to)."""
        model = view.model()
        assert isinstance(model, FollowUpTableModel)
        before = _key(model.row_at(view.currentIndex())) if view is self._active else None
        reset()
        for row, entry in enumerate(model.rows()):
            if before is not None and _key(entry) == before:
                view.selectRow(row)
                break
        if view not in self._sized and model.rowCount() > 0:
            self._sized.add(view)
            self._fit_columns(view)
        self._update_actions()

    def _fit_columns(self, view: QTableView) -> None:
        if view is self.agenda_view:  # the agenda has room; the lists beside it do not
            view.resizeColumnsToContents()
        else:
            fit_columns(view, MAX_COLUMN_WIDTH)

    def _on_changed(self, change: Change) -> None:
        # Settings: the care settings decide which birthdays and holidays show when.
        if change.touches(Topic.FOLLOW_UPS, Topic.CUSTOMERS, Topic.REPS, Topic.SETTINGS):
            self.refresh()

    # Acting on the selection.

    def _make_active(self, view: QTableView) -> None:
        self._active = view
        for other in (self.agenda_view, self.overdue_view, self.this_week_view):
            if other is not view:
                other.clearSelection()
        self._update_actions()

    def _update_actions(self) -> None:
        entry = self.selected_entry()
        planned = (
            isinstance(entry, FollowUpRow) and entry.follow_up.status is FollowUpStatus.PLANNED
        )
        for action in (
            self.edit_action,
            self.reschedule_action,
            self.complete_action,
            self.cancel_action,
        ):
            action.setEnabled(planned)
        self.plan_care_action.setEnabled(isinstance(entry, BirthdayItem))
        self.plan_greetings_action.setEnabled(
            isinstance(entry, HolidayItem) and entry.customers > 0
        )

    def _activate(self, view: QTableView, index: QModelIndex | QPersistentModelIndex) -> None:
        model = view.model()
        assert isinstance(model, FollowUpTableModel)
        entry = model.row_at(index)
        customer_id = None if entry is None else _customer_id(entry)
        if customer_id is not None:
            self.customer_activated.emit(customer_id)

    def _new(self) -> None:
        follow_up_dialog.schedule_follow_up(
            self._context, self, due_on=self.calendar.selected_day()
        )

    def _planned_row(self) -> FollowUpRow | None:
        entry = self.selected_entry()
        return entry if isinstance(entry, FollowUpRow) else None

    def _edit(self) -> None:
        if row := self._planned_row():
            follow_up_dialog.edit_follow_up(self._context, self, row.follow_up)

    def _reschedule(self) -> None:
        if row := self._planned_row():
            follow_up_dialog.reschedule_follow_up(self._context, self, row.follow_up)

    def _complete(self) -> None:
        if row := self._planned_row():
            follow_up_dialog.complete_follow_up(self._context, self, row.follow_up)

    def _cancel(self) -> None:
        if row := self._planned_row():
            follow_up_dialog.cancel_follow_up(self._context, self, row.follow_up)

    def _plan_care(self) -> None:
        entry = self.selected_entry()
        if not isinstance(entry, BirthdayItem):
            return
        follow_up_dialog.schedule_follow_up(
            self._context,
            self,
            [entry.customer_id],
            kind=FollowUpKind.CARE,
            title=self.tr("Birthday greetings to {name}").format(name=entry.person_name),
            due_on=entry.on,
            contact_id=entry.contact_id,
        )

    def _plan_greetings(self) -> None:
        """After the user agrees, plan a care follow-up due on the reminder day for each
        customer the selected holiday greets (of the rep chosen above, if any)."""
        item = self.selected_entry()
        if not isinstance(item, HolidayItem):
            return
        question = self.tr(
            "Plan greetings for {holiday}: a care follow-up due on {due} for each customer "
            "it greets ({count} in all)? Customers who already have theirs are skipped."
        ).format(
            holiday=item.greeting_title,
            due=format_date(item.remind_on),
            count=format_count(item.customers),
        )
        if not confirm_greetings(self, question):
            return
        care, rep_id = self._care, self.rep_filter.current_value()
        self._context.tasks.write(
            lambda: care.plan_greetings(item, owner_id=rep_id),
            self._greetings_planned,
            owner=self,
            change=Change.of(Topic.FOLLOW_UPS),
        )

    def _greetings_planned(self, result: GreetingsPlanned) -> None:
        planned = self.tr("Greetings planned: {count}.").format(count=format_count(result.planned))
        if result.already_planned:
            already = format_count(result.already_planned)
            planned += " " + self.tr("Customers who already had theirs: {count}.").format(
                count=already
            )
        tell_planned(self, planned)

    def _care_settings(self) -> None:
        edit_care_settings(self._context, self)


def _customer_id(entry: AgendaEntry) -> uuid.UUID | None:
    """The customer an entry is about; None for a holiday, which greets many."""
    if isinstance(entry, FollowUpRow):
        return entry.follow_up.customer_id
    return None if isinstance(entry, HolidayItem) else entry.customer_id


def _key(entry: AgendaEntry | None) -> tuple[object, ...] | None:
    """What identifies an entry across reloads."""
    if entry is None:
        return None
    if isinstance(entry, FollowUpRow):
        return ("follow_up", entry.follow_up.id)
    if isinstance(entry, HolidayItem):
        return ("holiday", entry.name, entry.on)
    return ("birthday", entry.customer_id, entry.contact_id, entry.on)
