"""The Customers tab driven as a user would: search as you type (pinyin too), filters,
sorting, bulk actions on the selection, opening a customer, and a layout that persists."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerDraft, CustomerFilter, CustomerSort
from crmdesk.domain.enums import FollowUpKind, LifecycleStage
from crmdesk.domain.reps import RepDraft
from crmdesk.ui.context import UiContext
from crmdesk.ui.tabs import customers_tab
from crmdesk.ui.tabs.customers_tab import CustomersTab

NAMES = (
    ("张三", LifecycleStage.STABILITY),
    ("李四", LifecycleStage.DECLINE),
    ("王五", LifecycleStage.STABILITY),
)


@pytest.fixture
def people(context: UiContext) -> dict[str, uuid.UUID]:
    customers = context.workspace.customers
    return {
        name: customers.create(CustomerDraft(name=name, lifecycle_stage=stage)).id
        for name, stage in NAMES
    }


@pytest.fixture
def tab(context: UiContext, people: dict[str, uuid.UUID], qtbot: QtBot) -> Iterator[CustomersTab]:
    tab = CustomersTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    wait_for_tasks(qtbot, context)
    yield tab
    wait_for_tasks(qtbot, context)


def column(tab: CustomersTab, key: str) -> int:
    return [c.key for c in tab.model.columns].index(key)


def shown_names(tab: CustomersTab) -> list[str]:
    model = tab.model
    return [str(model.data(model.index(r, column(tab, "name")))) for r in range(model.rowCount())]


def select(tab: CustomersTab, *names: str) -> None:
    rows = shown_names(tab)
    selection = tab.table.selectionModel()
    for name in names:
        selection.select(
            tab.model.index(rows.index(name), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_typing_pinyin_initials_finds_the_customer_and_says_how_many_match(
    tab: CustomersTab, context: UiContext, qtbot: QtBot
) -> None:
    statuses: list[str] = []
    tab.status_text_changed.connect(statuses.append)
    tab.focus_search()
    qtbot.keyClicks(tab.search, "zs")
    qtbot.waitUntil(lambda: shown_names(tab) == ["张三"])
    wait_for_tasks(qtbot, context)
    assert statuses[-1] == "1 of 3 customers"
    tab.search.setText("王")
    qtbot.waitUntil(lambda: shown_names(tab) == ["王五"])


def test_a_stage_filter_shows_only_customers_in_that_stage(
    tab: CustomersTab, context: UiContext, qtbot: QtBot
) -> None:
    tab.stage_filter.set_value(LifecycleStage.STABILITY)
    qtbot.waitUntil(lambda: shown_names(tab) == ["王五", "张三"])
    assert tab.shown_query().criteria.lifecycle_stages == {LifecycleStage.STABILITY}
    tab.clear_filters()
    qtbot.waitUntil(lambda: len(shown_names(tab)) == 3)
    assert tab.stage_filter.current_value() is None


def test_clicking_a_header_sorts_and_the_export_query_follows(
    tab: CustomersTab, qtbot: QtBot
) -> None:
    assert shown_names(tab) == ["李四", "王五", "张三"]  # by pinyin
    with qtbot.waitSignal(tab.model.query_loaded):
        tab.table.sortByColumn(column(tab, "name"), Qt.SortOrder.DescendingOrder)
    assert shown_names(tab) == ["张三", "王五", "李四"]
    tab.table.horizontalHeader().setSectionHidden(column(tab, "email"), True)
    shown = tab.shown_query()
    assert (shown.sort_by, shown.descending) == (CustomerSort.NAME, True)
    assert "email" not in shown.column_keys and shown.column_keys[:2] == ("code", "name")


def test_enter_and_double_click_open_the_customer(
    tab: CustomersTab, people: dict[str, uuid.UUID], qtbot: QtBot
) -> None:
    tab.table.setCurrentIndex(tab.model.index(shown_names(tab).index("王五"), 1))
    with qtbot.waitSignal(tab.customer_activated) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened.args == [people["王五"]]
    index = tab.model.index(shown_names(tab).index("李四"), 1)
    spot = tab.table.visualRect(index).center()
    with qtbot.waitSignal(tab.customer_activated) as opened:
        # A real double click starts with a press, which the view needs to see.
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened.args == [people["李四"]]


def test_assigning_an_owner_to_the_selection_shows_in_the_owner_column_and_keeps_it_selected(
    tab: CustomersTab, context: UiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    rep = context.workspace.reps.create(RepDraft(name="周经理"))
    asked: list[int] = []

    def choose_owner(
        _context: UiContext, _parent: object, count: int, _label: str
    ) -> tuple[bool, uuid.UUID]:
        asked.append(count)
        return True, rep.id

    monkeypatch.setattr(customers_tab, "ask_owner", choose_owner)
    select(tab, "张三", "李四")
    assert tab.assign_button.isEnabled()
    tab.assign_button.click()
    owner = column(tab, "owner")
    qtbot.waitUntil(
        lambda: (
            [tab.model.data(tab.model.index(r, owner)) for r in range(3)]
            == ["周经理", None, "周经理"]
        )
    )
    wait_for_tasks(qtbot, context)
    assert asked == [2]
    assert sorted(tab.selected_customer_ids()) == sorted(tab.model.customer_id(r) for r in (0, 2))


def test_adding_a_tag_to_the_selection_shows_in_the_tags_column(
    tab: CustomersTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        customers_tab, "ask_tag", lambda _parent, _count, _known, _label: "重点跟进"
    )
    select(tab, "王五")
    tab.tag_button.click()
    tags = column(tab, "tags")
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(1, tags)) == "重点跟进")
    qtbot.waitUntil(lambda: tab.tag_filter.count() == 2)


def test_delete_asks_how_many_and_removes_the_rows(
    tab: CustomersTab, context: UiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([False, True])
    asked: list[int] = []

    def confirm(_parent: object, count: int, _question: str) -> bool:
        asked.append(count)
        return next(answers)

    monkeypatch.setattr(customers_tab, "confirm_delete", confirm)
    statuses: list[str] = []
    tab.status_text_changed.connect(statuses.append)
    select(tab, "张三", "李四")
    tab.delete_button.click()
    wait_for_tasks(qtbot, context)
    assert shown_names(tab) == ["李四", "王五", "张三"]
    tab.delete_button.click()
    qtbot.waitUntil(lambda: shown_names(tab) == ["王五"])
    wait_for_tasks(qtbot, context)
    assert asked == [2, 2]
    assert statuses[-1] == "1 of 1 customers"
    assert context.workspace.customers.count_all() == 1


def test_schedule_follow_up_hands_the_selection_to_the_dialog(
    tab: CustomersTab, people: dict[str, uuid.UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = _planned_follow_ups(monkeypatch)
    select(tab, "李四", "张三")
    tab.follow_up_button.click()
    assert planned == [([people["李四"], people["张三"]], FollowUpKind.CALLBACK)]


def test_the_declining_view_schedules_rescue_follow_ups_for_the_selection(
    tab: CustomersTab, people: dict[str, uuid.UUID], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    planned = _planned_follow_ups(monkeypatch)
    assert tab.rescue_button.isHidden()
    tab.apply_filter(CustomerFilter(lifecycle_stages=frozenset({LifecycleStage.DECLINE})))
    qtbot.waitUntil(lambda: shown_names(tab) == ["李四"])
    assert not tab.rescue_button.isHidden()
    select(tab, "李四")
    tab.rescue_button.click()
    assert planned == [([people["李四"]], FollowUpKind.RESCUE)]
    tab.stage_filter.set_value(None)
    assert tab.rescue_button.isHidden()


def _planned_follow_ups(
    monkeypatch: pytest.MonkeyPatch,
) -> list[tuple[list[uuid.UUID], FollowUpKind]]:
    dialog = pytest.importorskip("crmdesk.ui.dialogs.follow_up_dialog")
    planned: list[tuple[list[uuid.UUID], FollowUpKind]] = []

    def schedule(
        _context: object, _parent: object, ids: list[uuid.UUID], *, kind: FollowUpKind, title: str
    ) -> None:
        planned.append((ids, kind))

    monkeypatch.setattr(dialog, "schedule_follow_up", schedule)
    return planned


def test_apply_filter_sets_the_panel_and_the_list(tab: CustomersTab, qtbot: QtBot) -> None:
    tab.apply_filter(
        CustomerFilter(search="li", lifecycle_stages=frozenset({LifecycleStage.DECLINE}))
    )
    qtbot.waitUntil(lambda: shown_names(tab) == ["李四"])
    assert tab.search.text() == "li"
    assert tab.stage_filter.current_value() == LifecycleStage.DECLINE
    assert tab.shown_query().criteria.lifecycle_stages == {LifecycleStage.DECLINE}


def test_column_layout_and_splitter_are_restored_in_a_new_tab(
    tab: CustomersTab, context: UiContext, settings: QSettings, qtbot: QtBot
) -> None:
    header = tab.table.horizontalHeader()
    phone = column(tab, "phone")
    (action,) = [a for a in tab.column_menu().actions() if a.text() == "Phone"]
    action.trigger()
    assert header.isSectionHidden(phone)
    header.moveSection(column(tab, "city"), 0)
    header.resizeSection(column(tab, "name"), 333)
    with qtbot.waitSignal(tab.model.query_loaded):
        tab.table.sortByColumn(column(tab, "code"), Qt.SortOrder.DescendingOrder)
    tab.splitter.setSizes([300, 800])
    tab.save_layout()

    again = CustomersTab(context)
    qtbot.addWidget(again)
    again.resize(tab.size())
    again.show()
    wait_for_tasks(qtbot, context)
    restored = again.table.horizontalHeader()
    assert restored.isSectionHidden(phone)
    assert restored.logicalIndex(0) == column(tab, "city")
    assert restored.sectionSize(column(tab, "name")) == 333
    assert again.splitter.sizes()[0] == tab.splitter.sizes()[0]
    assert (again.shown_query().sort_by, again.shown_query().descending) == (
        CustomerSort.CODE,
        True,
    )


def test_a_bulk_action_on_rows_not_loaded_is_refused_rather_than_done_on_a_part(
    context: UiContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    customers = context.workspace.customers
    for number in range(130):  # more than two pages of 50: the last page is never painted
        customers.create(CustomerDraft(name=f"客户{number:03}"))
    tab = CustomersTab(context)
    qtbot.addWidget(tab)
    tab.resize(900, 300)
    tab.show()
    wait_for_tasks(qtbot, context)
    told: list[str] = []
    monkeypatch.setattr(customers_tab, "tell_not_loaded", lambda _parent, text: told.append(text))
    monkeypatch.setattr(customers_tab, "confirm_delete", lambda _parent, _count, _q: True)
    tab.table.selectAll()
    assert tab.model.loaded_rows() < 130
    tab.delete_button.click()
    wait_for_tasks(qtbot, context)
    assert len(told) == 1 and "narrow the list" in told[0]
    assert customers.count_all() == 130
    tab.table.clearSelection()
    tab.table.selectRow(0)
    tab.delete_button.click()
    wait_for_tasks(qtbot, context)
    assert customers.count_all() == 129
