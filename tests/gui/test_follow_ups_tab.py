"""The follow-up calendar driven as a user would: plan, complete, reschedule and cancel
from the tab's actions, see each day's counts and agenda, the overdue list in red,
birthdays and holidays as care items days ahead, greetings planned for a holiday, the care
settings, and the rep filter."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from gui_helpers import DEMO_AS_OF, wait_for_tasks
from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crmdesk.domain.care import BirthdayItem, CareSettings, HolidayItem
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import CustomerLevel, FollowUpKind, FollowUpStatus
from crmdesk.domain.follow_ups import FollowUpDraft, FollowUpFilter, FollowUpRecord, FollowUpRow
from crmdesk.domain.holidays import Holiday, HolidayCalendar
from crmdesk.domain.interactions import InteractionFilter
from crmdesk.domain.reps import RepDraft
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import follow_up_dialog
from crmdesk.ui.dialogs.care_settings_dialog import CareSettingsDialog
from crmdesk.ui.dialogs.follow_up_dialog import CompleteDialog, FollowUpDialog, RescheduleDialog
from crmdesk.ui.formatting import format_date
from crmdesk.ui.models.follow_up_models import OVERDUE_COLOR, birthday_text, holiday_text
from crmdesk.ui.tabs import follow_ups_tab
from crmdesk.ui.tabs.follow_ups_tab import FollowUpsTab


def add_customer(
    context: UiContext,
    name: str = "张三",
    *,
    owner_id: uuid.UUID | None = None,
    birthday: date | None = None,
) -> uuid.UUID:
    draft = CustomerDraft(name=name, owner_id=owner_id, birthday=birthday)
    return context.workspace.customers.create(draft).id


def plan(
    context: UiContext,
    customer_id: uuid.UUID,
    due_on: date,
    title: str = "回访",
    *,
    rule: str | None = None,
    rep_id: uuid.UUID | None = None,
) -> FollowUpRecord:
    draft = FollowUpDraft(
        customer_id, FollowUpKind.CALLBACK, title, due_on, rep_id=rep_id, recurrence_rule=rule
    )
    return context.workspace.follow_ups.create(draft)


def open_tab(qtbot: QtBot, context: UiContext, day: date | None = None) -> FollowUpsTab:
    tab = FollowUpsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 660)
    tab.show()
    if day is not None:
        tab.show_day(day)
    wait_for_tasks(qtbot, context)
    return tab


def titles(tab: FollowUpsTab) -> list[str]:
    model = tab.agenda
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def select_agenda_row(tab: FollowUpsTab, text: str) -> None:
    tab.agenda_view.setFocus()
    tab.agenda_view.selectRow(titles(tab).index(text))


def in_dialog(fill: Callable[[QWidget], None]) -> None:
    """Fill the modal dialog an action is about to open and click Save."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        fill(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, answer)


def test_a_follow_up_scheduled_from_the_tab_appears_on_its_day_with_its_count(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    day = date.today() + timedelta(days=3)
    tab = open_tab(qtbot, context, day)
    assert titles(tab) == []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog) and dialog.picker is not None
        assert dialog.due_on.date() == QDate(day)  # the day selected in the calendar
        dialog.picker.set_customer(customer_id, "张三")
        dialog.title.setText("确认报价")

    in_dialog(fill)
    tab.new_action.trigger()
    wait_for_tasks(qtbot, context)

    assert titles(tab) == ["确认报价"]
    counts = tab.calendar.counts_on(day)
    assert counts is not None and (counts.planned, counts.overdue, counts.done) == (1, 0, 0)
    tab.calendar.grab()  # the cells with their counts paint


def test_completing_a_recurring_follow_up_logs_it_and_shows_the_next_on_its_day(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    today = date.today()
    plan(context, customer_id, today, "每周回访", rule="FREQ=WEEKLY;INTERVAL=1")
    tab = open_tab(qtbot, context, today)
    select_agenda_row(tab, "每周回访")
    assert tab.complete_action.isEnabled()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CompleteDialog)
        dialog.result_text.setPlainText("客户已下单")

    in_dialog(fill)
    tab.complete_action.trigger()
    wait_for_tasks(qtbot, context)

    done = tab.agenda.rows()[0]
    assert isinstance(done, FollowUpRow) and done.follow_up.status is FollowUpStatus.DONE
    assert tab.agenda.index(0, 5).data() == "Done"
    next_week = today + timedelta(days=7)
    tab.show_day(next_week)
    wait_for_tasks(qtbot, context)
    assert titles(tab) == ["每周回访"]
    next_counts = tab.calendar.counts_on(next_week)
    assert next_counts is not None and next_counts.planned == 1
    [logged] = context.workspace.interactions.list(InteractionFilter(customer_id=customer_id)).items
    assert logged.content == "客户已下单"


def test_rescheduling_moves_the_follow_up_to_its_new_day(qtbot: QtBot, context: UiContext) -> None:
    today = date.today()
    plan(context, add_customer(context), today, "拜访")
    tab = open_tab(qtbot, context, today)
    select_agenda_row(tab, "拜访")
    later = today + timedelta(days=2)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RescheduleDialog)
        dialog.due_on.setDate(QDate(later))

    in_dialog(fill)
    tab.reschedule_action.trigger()
    wait_for_tasks(qtbot, context)

    assert titles(tab) == []
    assert tab.calendar.counts_on(today) is None
    tab.show_day(later)
    wait_for_tasks(qtbot, context)
    assert titles(tab) == ["拜访"]


def test_cancelling_after_confirmation_greys_it_and_takes_it_off_the_count(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = date.today()
    plan(context, add_customer(context), today, "回访")
    tab = open_tab(qtbot, context, today)
    select_agenda_row(tab, "回访")
    monkeypatch.setattr(follow_up_dialog, "ask", lambda _parent, _title, _question: True)

    tab.cancel_action.trigger()
    wait_for_tasks(qtbot, context)

    assert tab.agenda.index(0, 5).data() == "Cancelled"
    assert tab.agenda.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) != OVERDUE_COLOR
    assert tab.calendar.counts_on(today) is None
    select_agenda_row(tab, "回访")
    assert not tab.cancel_action.isEnabled()


def test_the_overdue_list_shows_past_due_planned_follow_ups_in_red(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    today = date.today()
    plan(context, customer_id, today - timedelta(days=5), "逾期回访")
    plan(context, customer_id, today, "今日回访")

    tab = open_tab(qtbot, context)

    model = tab.overdue
    assert [model.index(row, 3).data() for row in range(model.rowCount())] == ["逾期回访"]
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    assert tab.lists.tabText(0) == "Overdue (1)"
    counts = tab.calendar.counts_on(today - timedelta(days=5))
    if counts is not None:  # the overdue day may lie outside the month shown
        assert counts.overdue == 1
    week = tab.this_week
    assert "今日回访" in [week.index(row, 3).data() for row in range(week.rowCount())]


def test_a_birthday_is_a_care_item_days_ahead_in_another_year_and_can_be_planned(
    qtbot: QtBot, context: UiContext
) -> None:
    day = date.today() + timedelta(days=10)
    customer_id = add_customer(context, "李雷", birthday=day.replace(year=1985))
    reminder = day - timedelta(days=3)  # the default settings remind three days ahead
    tab = open_tab(qtbot, context, reminder)

    assert titles(tab) == [f"Birthday of 李雷 in 3 days (turns {day.year - 1985})"]
    assert tab.calendar.has_birthday(reminder) and not tab.calendar.has_birthday(day)
    select_agenda_row(tab, titles(tab)[0])
    assert tab.plan_care_action.isEnabled() and not tab.complete_action.isEnabled()
    assert not tab.plan_greetings_action.isEnabled()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog)
        assert dialog.title.text() == "Birthday greetings to 李雷"

    in_dialog(fill)
    tab.plan_care_action.trigger()
    wait_for_tasks(qtbot, context)

    [planned] = context.workspace.follow_ups.list(FollowUpFilter(customer_id=customer_id)).items
    assert (planned.kind, planned.due_on) == (FollowUpKind.CARE, day)


def test_a_holiday_shows_on_its_reminder_day_and_plans_its_greetings_once(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    vip = context.workspace.customers.create(
        CustomerDraft(name="贵宾公司", level=CustomerLevel.VIP)
    ).id
    add_customer(context, "普通客户")
    spring = Holiday("春节", HolidayCalendar.LUNAR, 1, 1)
    context.workspace.care.save_settings(CareSettings(days_ahead=3, holidays=(spring,)))
    reminder = date(2026, 2, 14)
    tab = open_tab(qtbot, context, reminder)

    text = f"春节 in 3 days, on {format_date(date(2026, 2, 17))}; customers to greet: 1"
    assert titles(tab) == [text]
    assert tab.calendar.has_holiday(reminder) and not tab.calendar.has_holiday(date(2026, 2, 17))
    tab.calendar.grab()  # the dots paint
    select_agenda_row(tab, text)
    assert tab.plan_greetings_action.isEnabled() and not tab.plan_care_action.isEnabled()
    assert tab.current_customer_id() is None
    questions: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        follow_ups_tab, "confirm_greetings", lambda _parent, q: questions.append(q) or True
    )
    monkeypatch.setattr(follow_ups_tab, "tell_planned", lambda _parent, t: told.append(t))

    tab.plan_greetings_action.trigger()
    wait_for_tasks(qtbot, context)
    select_agenda_row(tab, text)
    tab.plan_greetings_action.trigger()
    wait_for_tasks(qtbot, context)

    assert questions[0].startswith("Plan greetings for 春节 (2026-02-17): a care follow-up due")
    assert "it greets (1 in all)?" in questions[0]
    assert told == [
        "Greetings planned: 1.",
        "Greetings planned: 0. Customers who already had theirs: 1.",
    ]
    [planned] = context.workspace.follow_ups.list(FollowUpFilter()).items
    assert (planned.customer_id, planned.kind, planned.due_on) == (
        vip,
        FollowUpKind.CARE,
        reminder,
    )
    assert sorted(titles(tab)) == sorted([text, "春节 (2026-02-17)"])


def test_care_settings_saved_from_the_tab_move_the_reminders(
    qtbot: QtBot, context: UiContext
) -> None:
    day = date.today() + timedelta(days=10)
    add_customer(context, "李雷", birthday=day.replace(year=1985))
    tab = open_tab(qtbot, context, day)
    assert titles(tab) == []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CareSettingsDialog)
        qtbot.waitUntil(dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled)
        dialog.days_ahead.setValue(0)

    in_dialog(fill)
    tab.care_settings_action.trigger()
    wait_for_tasks(qtbot, context)

    assert titles(tab) == [f"Birthday of 李雷 (turns {day.year - 1985})"]
    assert tab.calendar.has_birthday(day)


def test_the_rep_filter_keeps_one_reps_follow_ups(qtbot: QtBot, context: UiContext) -> None:
    reps = context.workspace.reps
    mine, theirs = reps.create(RepDraft(name="甲")), reps.create(RepDraft(name="乙"))
    customer_id = add_customer(context)
    today = date.today()
    plan(context, customer_id, today, "甲的回访", rep_id=mine.id)
    plan(context, customer_id, today, "乙的回访", rep_id=theirs.id)
    tab = open_tab(qtbot, context, today)
    assert sorted(titles(tab)) == ["乙的回访", "甲的回访"]

    tab.rep_filter.setCurrentIndex(tab.rep_filter.findText("甲"))
    wait_for_tasks(qtbot, context)

    assert titles(tab) == ["甲的回访"]
    counts = tab.calendar.counts_on(today)
    assert counts is not None and counts.planned == 1


def test_double_clicking_a_row_opens_its_customer(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    today = date.today()
    plan(context, customer_id, today)
    tab = open_tab(qtbot, context, today)
    view = tab.agenda_view
    rect = view.visualRect(tab.agenda.index(0, 0))

    with qtbot.waitSignal(tab.customer_activated) as activated:
        # Qt's views see a double-click only after the click that precedes it.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert activated.args == [customer_id]


def test_the_demo_month_is_marked_and_the_models_are_sound(
    qtbot: QtBot, demo_context: UiContext, qtmodeltester: ModelTester
) -> None:
    tab = open_tab(qtbot, demo_context, DEMO_AS_OF)

    first, last = tab.calendar.shown_range()
    marked = [
        first + timedelta(days=n)
        for n in range((last - first).days + 1)
        if tab.calendar.counts_on(first + timedelta(days=n))
    ]
    assert marked
    for model in (tab.agenda, tab.overdue, tab.this_week):
        qtmodeltester.check(model)
    assert tab.agenda.headerData(0, Qt.Orientation.Horizontal) == "Customer"
    assert tab.agenda.index(0, 0, QModelIndex()).isValid() == bool(tab.agenda.rows())


def test_a_refresh_keeps_the_selection_in_the_list_the_user_is_in(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    today = date.today()
    today_call = plan(context, customer_id, today, "今日回访")
    late = plan(context, customer_id, today - timedelta(days=3), "逾期回访")
    tab = open_tab(qtbot, context)
    select_agenda_row(tab, "今日回访")
    tab.overdue_view.selectRow(0)
    assert tab.current_customer_id() == customer_id

    tab.refresh()
    wait_for_tasks(qtbot, context)

    entry = tab.selected_entry()
    assert isinstance(entry, FollowUpRow) and entry.follow_up.id == late.id
    assert not tab.agenda_view.selectionModel().hasSelection()

    select_agenda_row(tab, "今日回访")  # each list now has had a selection: back and forth
    tab.refresh()
    wait_for_tasks(qtbot, context)

    entry = tab.selected_entry()
    assert isinstance(entry, FollowUpRow) and entry.follow_up.id == today_call.id
    assert not tab.overdue_view.selectionModel().hasSelection()


def test_column_widths_of_the_lists_survive_a_refresh_and_come_back_in_a_new_tab(
    qtbot: QtBot, context: UiContext
) -> None:
    plan(context, add_customer(context), date.today() - timedelta(days=3), "逾期回访")
    tab = open_tab(qtbot, context)
    tab.overdue_view.setColumnWidth(1, 321)
    tab.agenda_view.setColumnWidth(0, 123)
    tab.refresh()
    wait_for_tasks(qtbot, context)
    assert (tab.overdue_view.columnWidth(1), tab.agenda_view.columnWidth(0)) == (321, 123)

    tab.save_layout()
    again = open_tab(qtbot, context)
    assert (again.overdue_view.columnWidth(1), again.agenda_view.columnWidth(0)) == (321, 123)


def test_care_items_are_worded_in_chinese_in_a_chinese_window(chinese: None) -> None:
    birthday = BirthdayItem(
        on=date(2026, 11, 23),
        birthday=date(1980, 11, 23),
        customer_id=uuid.uuid4(),
        customer_name="吴丹",
        customer_code="KH-1",
        owner_id=None,
        owner_name=None,
        days_ahead=3,
    )
    holiday = HolidayItem(on=date(2027, 2, 6), name="春节", days_ahead=3, customers=78)

    assert birthday_text(birthday) == "3 天后是吴丹的生日（46 岁）"
    assert holiday_text(holiday).startswith("3 天后（")
    assert holiday_text(holiday).endswith("是春节；需问候客户：78 位")
