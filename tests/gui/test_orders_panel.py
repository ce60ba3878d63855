"""The profile's orders panel: a customer's orders newest first with the figures of
their purchase history, overdue payments marked, and orders added, edited and deleted
from it."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crmdesk.domain.clock import local_today
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.orders import OrderDraft, OrderFilter, OrderLineDraft, OrderRecord
from crmdesk.domain.paging import PageRequest
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.order_dialog import OrderDialog
from crmdesk.ui.formatting import format_date, format_money
from crmdesk.ui.models.order_models import (
    OVERDUE_COLOR,
    CustomerOrdersModel,
    LineColumn,
    OrderColumn,
)
from crmdesk.ui.profile import orders_panel
from crmdesk.ui.profile.orders_panel import OrdersPanel


def open_panel(
    qtbot: QtBot, context: UiContext, customer_id: uuid.UUID | None
) -> tuple[OrdersPanel, list[str]]:
    """The panel showing the customer's orders, and the tab titles it asked for since."""
    panel = OrdersPanel(context)
    qtbot.addWidget(panel)
    titles: list[str] = []
    panel.title_changed.connect(titles.append)
    panel.show_customer(customer_id)
    panel.show()
    wait_for_tasks(qtbot, context)
    return panel, titles


def column(panel: OrdersPanel, shown: OrderColumn) -> list[str]:
    model = panel.model
    return [model.data(model.index(row, shown)) for row in range(model.rowCount())]


def today(context: UiContext) -> date:
    return local_today(context.workspace.clock)


def add_customer(context: UiContext) -> uuid.UUID:
    return context.workspace.customers.create(CustomerDraft(name="王五")).id


def record(
    context: UiContext,
    customer_id: uuid.UUID,
    days_ago: int,
    price: str,
    *,
    status: OrderStatus = OrderStatus.OPEN,
    due_in: int | None = None,
) -> OrderRecord:
    day = today(context) - timedelta(days=days_ago)
    return context.workspace.orders.create(
        OrderDraft(
            customer_id=customer_id,
            ordered_on=day,
            lines=(OrderLineDraft("茶叶", 1, Decimal(price)),),
            status=status,
            payment_due_on=None if due_in is None else day + timedelta(days=due_in),
            paid_on=day if status is OrderStatus.PAID else None,
        )
    )


def orders_of(context: UiContext, customer_id: uuid.UUID) -> list[OrderRecord]:
    return context.workspace.orders.list(OrderFilter(customer_id=customer_id)).items


def test_a_demo_customers_orders_are_listed_newest_first_with_their_totals(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    orders = demo_context.workspace.orders
    [busiest] = orders.list(OrderFilter(), PageRequest(limit=1, sort_by="total")).items
    panel, titles = open_panel(qtbot, demo_context, busiest.customer_id)

    saved = orders.list(OrderFilter(customer_id=busiest.customer_id)).items
    assert len(saved) > 1
    assert column(panel, OrderColumn.NUMBER) == [order.number for order in saved]
    assert column(panel, OrderColumn.TOTAL) == [format_money(order.total) for order in saved]
    days = [order.ordered_on for order in saved]
    assert days == sorted(days, reverse=True)
    assert column(panel, OrderColumn.LINES) == [str(len(order.lines)) for order in saved]
    assert titles == [f"Orders ({len(saved)})"]
    counted = [order for order in saved if order.status is not OrderStatus.CANCELLED]
    summary = panel.summary()
    assert summary["Orders"] == str(len(counted))
    assert summary["Total spend"] == format_money(sum(order.total for order in counted))
    assert summary["First order"] == format_date(min(order.ordered_on for order in counted))
    assert summary["Last order"] == format_date(max(order.ordered_on for order in counted))


def test_the_summary_gives_spend_average_and_usual_interval(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    record(context, customer_id, 100, "100.00", status=OrderStatus.PAID)
    record(context, customer_id, 70, "200.00", status=OrderStatus.PAID)
    record(context, customer_id, 20, "400.00", status=OrderStatus.PAID)
    record(context, customer_id, 5, "9999.00", status=OrderStatus.CANCELLED)
    panel, titles = open_panel(qtbot, context, customer_id)

    assert panel.summary() == {
        "First order": format_date(today(context) - timedelta(days=100)),
        "Last order": format_date(today(context) - timedelta(days=20)),
        "Orders": "3",
        "Total spend": "¥700.00",
        "Average spend": "¥233.33",
        "Usual interval": "40 days",  # the median of gaps of 30 and 50 days
    }
    assert titles == ["Orders (4)"]


def test_unpaid_orders_past_their_due_date_are_marked(qtbot: QtBot, context: UiContext) -> None:
    customer_id = add_customer(context)
    record(context, customer_id, 40, "10.00", due_in=30)  # due 10 days ago
    record(context, customer_id, 20, "20.00", due_in=30)  # due in 10 days
    record(context, customer_id, 60, "30.00", status=OrderStatus.PAID, due_in=30)
    panel, _ = open_panel(qtbot, context, customer_id)
    model = panel.model

    assert column(panel, OrderColumn.STATUS) == ["Open", "Open, overdue", "Paid"]
    colours = [
        model.data(model.index(row, OrderColumn.TOTAL), Qt.ItemDataRole.ForegroundRole)
        for row in range(3)
    ]
    assert colours == [None, OVERDUE_COLOR, None]
    due = format_date(today(context) - timedelta(days=10))
    assert model.data(model.index(1, OrderColumn.NUMBER), Qt.ItemDataRole.ToolTipRole) == (
        f"Payment was due on {due} and is not recorded as paid."
    )


def test_an_order_added_through_the_dialog_shows_with_its_total_and_in_the_summary(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    record(context, customer_id, 30, "50.00", status=OrderStatus.PAID)
    panel, titles = open_panel(qtbot, context, customer_id)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OrderDialog)
        lines = dialog.lines
        for row, (quantity, price) in enumerate((("4", "125.50"), ("-1", "125.50"))):
            if row:
                dialog.add_line()
            for shown, text in ((LineColumn.PRODUCT, "乌龙茶"), (LineColumn.QUANTITY, quantity)):
                lines.setData(lines.index(row, shown), text)
            lines.setData(lines.index(row, LineColumn.UNIT_PRICE), price)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, fill)
    panel.add_button.click()
    wait_for_tasks(qtbot, context)

    assert column(panel, OrderColumn.TOTAL) == ["¥376.50", "¥50.00"]
    assert column(panel, OrderColumn.LINES) == ["2", "1"]
    assert panel.summary()["Total spend"] == "¥426.50"
    assert panel.summary()["Last order"] == format_date(today(context))
    assert titles[-1] == "Orders (2)"


def test_enter_on_an_order_edits_it_and_the_new_total_shows(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    order = record(context, customer_id, 10, "80.00")
    panel, _ = open_panel(qtbot, context, customer_id)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, OrderColumn.NUMBER))
    titles: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OrderDialog)
        titles.append(dialog.windowTitle())
        dialog.lines.setData(dialog.lines.index(0, LineColumn.QUANTITY), "3")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, fill)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    wait_for_tasks(qtbot, context)

    assert titles == [f"Order {order.number}"]
    assert column(panel, OrderColumn.TOTAL) == ["¥240.00"]
    assert panel.selected_order() is not None  # the edited order stays selected


@pytest.mark.parametrize("confirmed", [True, False])
def test_an_order_is_deleted_only_once_confirmed(
    qtbot: QtBot, context: UiContext, monkeypatch: pytest.MonkeyPatch, confirmed: bool
) -> None:
    customer_id = add_customer(context)
    record(context, customer_id, 30, "50.00")
    kept = record(context, customer_id, 10, "80.00")
    panel, _ = open_panel(qtbot, context, customer_id)
    asked: list[str] = []

    def confirm(_parent: object, number: str) -> bool:
        asked.append(number)
        return confirmed

    monkeypatch.setattr(orders_panel, "confirm_delete", confirm)
    panel.table.selectRow(1)  # the older order
    older = column(panel, OrderColumn.NUMBER)[1]
    panel.delete_button.click()
    wait_for_tasks(qtbot, context)

    assert asked == [older]
    if confirmed:
        assert [order.id for order in orders_of(context, customer_id)] == [kept.id]
        assert column(panel, OrderColumn.NUMBER) == [kept.number]
        assert panel.summary()["Total spend"] == "¥80.00"
    else:
        assert len(orders_of(context, customer_id)) == 2
        assert panel.model.rowCount() == 2


def test_without_a_customer_the_panel_is_empty_and_disabled(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    record(context, customer_id, 10, "80.00")
    panel, titles = open_panel(qtbot, context, customer_id)

    panel.show_customer(None)

    assert panel.model.rowCount() == 0 and not panel.isEnabled()
    assert panel.summary()["Orders"] == "0"
    assert titles[-1] == "Orders"


def test_an_order_entered_elsewhere_for_the_customer_appears(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    panel, _ = open_panel(qtbot, context, customer_id)
    assert panel.model.rowCount() == 0
    dialog = OrderDialog(context, customer_id, None)
    qtbot.addWidget(dialog)
    dialog.lines.setData(dialog.lines.index(0, LineColumn.PRODUCT), "红茶")
    dialog.lines.setData(dialog.lines.index(0, LineColumn.UNIT_PRICE), "66")

    dialog.save()
    wait_for_tasks(qtbot, context)

    assert column(panel, OrderColumn.TOTAL) == ["¥66.00"]


def test_the_orders_model_keeps_qt_rules(
    demo_context: UiContext, qtmodeltester: ModelTester
) -> None:
    orders = demo_context.workspace.orders.list(OrderFilter(), PageRequest(limit=50)).items
    model = CustomerOrdersModel()
    model.set_orders(orders, max(order.ordered_on for order in orders))
    qtmodeltester.check(model, force_py=True)
