"""The customer list model over the demo database: it reads only the pages a view paints,
orders and filters in SQL, and drops the answers of queries replaced meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerFilter, CustomerSort
from crmdesk.domain.enums import LifecycleStage
from crmdesk.domain.paging import PageRequest
from crmdesk.ui.context import UiContext
from crmdesk.ui.models.customer_list_model import (
    PLACEHOLDER,
    CustomerListModel,
    CustomerQuery,
)

PAGE = 20
MAX_PAGES = 3


def column(model: CustomerListModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def shown(model: CustomerListModel, row: int, key: str) -> object:
    return model.data(model.index(row, column(model, key)))


@pytest.fixture
def model(demo_context: UiContext, qtbot: QtBot) -> Iterator[CustomerListModel]:
    model = CustomerListModel(demo_context, page_size=PAGE, max_pages=MAX_PAGES)
    with qtbot.waitSignal(model.counted):
        model.set_query(CustomerQuery())
    yield model
    wait_for_tasks(qtbot, demo_context)


@pytest.fixture
def view(model: CustomerListModel, qtbot: QtBot) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_model_keeps_qt_rules(model: CustomerListModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model)


def test_rows_are_counted_at_once_but_only_painted_pages_are_read(
    model: CustomerListModel, view: QTableView, demo_context: UiContext, qtbot: QtBot
) -> None:
    assert model.rowCount() == model.counts[0] == 300  # type: ignore[index]
    view.scrollToBottom()
    qtbot.waitUntil(lambda: shown(model, 299, "name") != PLACEHOLDER)
    wait_for_tasks(qtbot, demo_context)
    # The first page, then only what was on screen at the bottom: not the 13 pages between.
    assert model.pages_fetched <= 3
    assert model.loaded_rows() <= PAGE * MAX_PAGES
    last = demo_context.workspace.customers.rows(CustomerFilter(), PageRequest(299, 1))
    assert shown(model, 299, "name") == last[0].name
    assert model.customer_id(299) == last[0].id


def test_scrolling_through_everything_keeps_only_a_few_pages(
    model: CustomerListModel, view: QTableView, demo_context: UiContext, qtbot: QtBot
) -> None:
    for row in range(0, 300, 15):
        view.scrollTo(model.index(row, 0))
        qtbot.waitUntil(lambda r=row: shown(model, r, "name") != PLACEHOLDER)
        assert model.loaded_rows() <= PAGE * MAX_PAGES
    wait_for_tasks(qtbot, demo_context)


def test_a_row_not_read_yet_shows_a_placeholder_until_its_page_arrives(
    model: CustomerListModel, qtbot: QtBot
) -> None:
    assert shown(model, 250, "name") == PLACEHOLDER
    assert shown(model, 250, "code") is None
    qtbot.waitUntil(lambda: shown(model, 250, "name") != PLACEHOLDER)
    assert str(shown(model, 250, "code")).startswith("KH-")


def test_sorting_by_a_column_orders_the_list_by_it(model: CustomerListModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(model.query_loaded):
        model.sort(column(model, "code"), Qt.SortOrder.DescendingOrder)
    codes = [str(shown(model, row, "code")) for row in range(PAGE)]
    assert codes == sorted(codes, reverse=True)
    assert codes[0] == "KH-DM-00300"
    assert model.query.sort_by == CustomerSort.CODE


def test_every_column_sorts_the_list(model: CustomerListModel, qtbot: QtBot) -> None:
    for index, listed in enumerate(model.columns):
        assert listed.sort_key is not None
        with qtbot.waitSignal(model.query_loaded):
            model.sort(index, Qt.SortOrder.DescendingOrder)
            model.sort(index, Qt.SortOrder.AscendingOrder)
        assert (model.query.sort_by, model.query.descending) == (listed.sort_key, False)
        assert model.summary(0) is not None


def test_a_stage_filter_shows_only_that_stage(
    model: CustomerListModel, demo_context: UiContext, qtbot: QtBot
) -> None:
    declining = CustomerFilter(lifecycle_stages=frozenset({LifecycleStage.DECLINE}))
    with qtbot.waitSignal(model.counted) as counted:
        model.set_criteria(declining)
    expected = demo_context.workspace.customers.count(declining)
    assert counted.args == [expected, 300]
    assert 0 < model.rowCount() == expected < 300
    stages = {shown(model, row, "lifecycle_stage") for row in range(min(PAGE, expected))}
    assert stages == {"Decline"}


def test_answers_to_a_replaced_query_are_dropped(
    model: CustomerListModel, demo_context: UiContext, qtbot: QtBot
) -> None:
    model.set_criteria(CustomerFilter(search="zhang"))
    model.set_criteria(CustomerFilter(search="nobody-has-this-name"))
    wait_for_tasks(qtbot, demo_context)
    assert model.rowCount() == 0
    assert model.counts == (0, 300)


def test_a_refresh_while_a_new_query_loads_still_shows_the_new_query(
    model: CustomerListModel, demo_context: UiContext, qtbot: QtBot
) -> None:
    model.set_criteria(CustomerFilter(search="nobody-has-this-name"))
    model.refresh()
    wait_for_tasks(qtbot, demo_context)
    assert (model.rowCount(), model.counts) == (0, (0, 300))


def test_a_refresh_keeps_the_rows_in_place_and_shows_what_changed(
    model: CustomerListModel, view: QTableView, demo_context: UiContext, qtbot: QtBot
) -> None:
    customers = demo_context.workspace.customers
    first = customers.get(model.customer_id(0))  # type: ignore[arg-type]
    customers.update(first.id, replace(first.to_draft(), phone="13800001111"), first.version)
    model.refresh()
    assert shown(model, 0, "name") == first.name  # the old row, until it is read again
    qtbot.waitUntil(lambda: shown(model, 0, "phone") == "13800001111")
    assert model.rowCount() == 300
