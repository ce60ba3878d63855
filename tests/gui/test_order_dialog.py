"""The order dialog: lines typed with their totals worked out live, amounts typed the same
whatever the locale, refusals beside the cell they are about, and edits saved against
the version read."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from gui_helpers import wait_for_tasks
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crmdesk.domain.clock import local_today
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.errors import Problem
from crmdesk.domain.orders import OrderDraft, OrderFilter, OrderLineDraft, OrderRecord
from crmdesk.domain.reps import RepDraft
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.order_dialog import OrderDialog
from crmdesk.ui.models.order_models import LineColumn, OrderLinesModel


def add_customer(context: UiContext) -> uuid.UUID:
    owner = context.workspace.reps.create(RepDraft("李四")).id
    return context.workspace.customers.create(CustomerDraft(name="张三", owner_id=owner)).id


def record_order(context: UiContext, customer_id: uuid.UUID) -> OrderRecord:
    today = local_today(context.workspace.clock)
    return context.workspace.orders.create(
        OrderDraft(
            customer_id=customer_id,
            ordered_on=today - timedelta(days=10),
            lines=(
                OrderLineDraft("打印纸", 10, Decimal("25.00"), product_code="P-1"),
                OrderLineDraft("订书机", 2, Decimal("40.00"), Decimal("5.00")),
            ),
            payment_due_on=today + timedelta(days=20),
            notes="老客户",
        )
    )


def draft_of(order: OrderRecord) -> OrderDraft:
    """The order as it was saved, as a draft to save again."""
    lines = tuple(
        OrderLineDraft(
            line.product_name, line.quantity, line.unit_price, line.discount, line.product_code
        )
        for line in order.lines
    )
    return OrderDraft(
        customer_id=order.customer_id,
        ordered_on=order.ordered_on,
        lines=lines,
        status=order.status,
        payment_due_on=order.payment_due_on,
        notes=order.notes,
    )


def orders_of(context: UiContext, customer_id: uuid.UUID) -> list[OrderRecord]:
    return context.workspace.orders.list(OrderFilter(customer_id=customer_id)).items


def open_dialog(
    qtbot: QtBot, context: UiContext, customer_id: uuid.UUID, order: OrderRecord | None = None
) -> OrderDialog:
    dialog = OrderDialog(context, customer_id, order)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_tasks(qtbot, context)
    return dialog


def type_line(dialog: OrderDialog, row: int, *texts: str) -> None:
    """Fill line `row`'s cells from the product on, as typed into the table."""
    model = dialog.lines
    for column, text in zip(LineColumn, texts, strict=False):
        assert model.setData(model.index(row, column), text)


def shown(model: OrderLinesModel, row: int, column: LineColumn) -> str:
    return str(model.data(model.index(row, column)))


def save(qtbot: QtBot, context: UiContext, dialog: OrderDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    wait_for_tasks(qtbot, context)


def test_a_new_order_is_dated_today_and_belongs_to_the_customers_owner(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = open_dialog(qtbot, context, add_customer(context))

    assert dialog.windowTitle() == "New order"
    assert dialog.ordered_on.date() == QDate(local_today(context.workspace.clock))
    assert dialog.status.current_value() is OrderStatus.OPEN
    assert dialog.rep.currentText() == "李四"
    assert (dialog.payment_due_on.value(), dialog.paid_on.value()) == (None, None)
    assert dialog.lines.rowCount() == 1 and shown(dialog.lines, 0, LineColumn.QUANTITY) == "1"


def test_line_totals_and_the_order_total_follow_what_is_typed(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = open_dialog(qtbot, context, add_customer(context))
    type_line(dialog, 0, "办公椅", "C-7", "3", "450.5", "1.50")
    assert shown(dialog.lines, 0, LineColumn.LINE_TOTAL) == "¥1,350.00"
    assert dialog.total.text() == "Total: ¥1,350.00"

    dialog.add_line_button.click()
    type_line(dialog, 1, "办公椅", "C-7", "-1", "450.50", "-0.50")  # one chair returned

    assert shown(dialog.lines, 1, LineColumn.LINE_TOTAL) == "-¥450.00"
    assert dialog.total.text() == "Total: ¥900.00"
    dialog.lines_view.setCurrentIndex(dialog.lines.index(0, LineColumn.PRODUCT))
    dialog.remove_line_button.click()
    assert dialog.lines.rowCount() == 1
    assert dialog.total.text() == "Total: -¥450.00"


def test_number_cells_take_digits_a_minus_sign_and_a_dot_only(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = open_dialog(qtbot, context, add_customer(context))
    view = dialog.lines_view
    for column, keys, kept in (
        (LineColumn.QUANTITY, "-2x.5", "-25"),
        (LineColumn.UNIT_PRICE, "1,234.567", "1234.567"),
    ):
        view.setCurrentIndex(dialog.lines.index(0, column))
        view.edit(view.currentIndex())
        editor = view.findChild(QLineEdit)
        assert editor is not None
        editor.selectAll()
        QTest.keyClicks(editor, keys)
        assert editor.text() == kept
        QTest.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda column=column, kept=kept: shown(dialog.lines, 0, column) == kept)


def test_an_order_with_a_return_line_is_saved_with_its_net_total(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = open_dialog(qtbot, context, customer_id)
    type_line(dialog, 0, "墨盒", "", "5", "80")
    dialog.add_line()
    type_line(dialog, 1, "墨盒", "", "-1", "80")
    dialog.payment_due_on.check.setChecked(True)

    save(qtbot, context, dialog)

    assert not dialog.isVisible()
    [saved] = orders_of(context, customer_id)
    assert saved.total == Decimal("320.00")
    assert [(line.quantity, line.line_total) for line in saved.lines] == [
        (5, Decimal("400.00")),
        (-1, Decimal("-80.00")),
    ]
    assert saved.payment_due_on == local_today(context.workspace.clock) + timedelta(days=30)


def test_bad_figures_are_refused_beside_their_cells_and_nothing_is_saved(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = open_dialog(qtbot, context, customer_id)
    type_line(dialog, 0, "墨盒", "", "0", "12.345")
    dialog.add_line()
    type_line(dialog, 1, "纸", "", "2", "10")
    dialog.status.set_value(OrderStatus.PAID)
    dialog.paid_on.set_value(None)

    save(qtbot, context, dialog)

    assert dialog.isVisible()
    assert orders_of(context, customer_id) == []
    lines = dialog.lines
    quantity, price = lines.index(0, LineColumn.QUANTITY), lines.index(0, LineColumn.UNIT_PRICE)
    assert lines.data(quantity, Qt.ItemDataRole.ToolTipRole) == "The quantity cannot be zero."
    assert lines.data(price, Qt.ItemDataRole.ToolTipRole) == (
        "Amounts have at most two decimal places."
    )
    assert lines.data(lines.index(1, LineColumn.QUANTITY), Qt.ItemDataRole.ToolTipRole) is None
    assert dialog.line_problems.isVisibleTo(dialog)
    assert dialog.line_problems.text().splitlines() == [
        "Line 1, Quantity: The quantity cannot be zero.",
        "Line 1, Unit price: Amounts have at most two decimal places.",
    ]
    assert dialog.errors.message_for("paid_on") == "Give the date a paid order was paid."
    assert dialog.lines_view.currentIndex() == quantity

    type_line(dialog, 0, "墨盒", "", "1")  # fixing a cell takes its mark away
    assert lines.data(quantity, Qt.ItemDataRole.ToolTipRole) is None
    assert dialog.line_problems.text() == (
        "Line 1, Unit price: Amounts have at most two decimal places."
    )


def test_a_half_typed_amount_is_refused_without_asking_the_service(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    dialog = open_dialog(qtbot, context, customer_id)
    type_line(dialog, 0, "墨盒", "", "-", "")

    save(qtbot, context, dialog)

    assert dialog.isVisible() and orders_of(context, customer_id) == []
    assert dialog.line_problems.text().splitlines() == [
        "Line 1, Quantity: Type a whole number such as 3 (negative for a return).",
        "Line 1, Unit price: Type an amount such as 12.50.",
    ]


def test_an_order_without_lines_is_refused_under_the_lines(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = open_dialog(qtbot, context, add_customer(context))
    dialog.lines.remove_line(0)

    save(qtbot, context, dialog)

    assert dialog.errors.message_for("lines") == "An order needs at least one line."


def test_editing_shows_the_order_and_saves_the_changed_lines(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    order = record_order(context, customer_id)
    dialog = open_dialog(qtbot, context, customer_id, order)

    assert dialog.windowTitle() == f"Order {order.number}"
    assert dialog.notes.toPlainText() == "老客户"
    assert [shown(dialog.lines, row, LineColumn.PRODUCT) for row in range(2)] == [
        "打印纸",
        "订书机",
    ]
    assert shown(dialog.lines, 1, LineColumn.DISCOUNT) == "5.00"
    assert dialog.total.text() == "Total: ¥325.00"
    type_line(dialog, 0, "打印纸", "P-1", "20")

    save(qtbot, context, dialog)

    saved = context.workspace.orders.get(order.id)
    assert saved.total == Decimal("575.00")
    assert saved.version > order.version
    assert (saved.notes, saved.payment_due_on) == ("老客户", order.payment_due_on)


def test_a_save_over_someone_elses_newer_edit_is_refused_with_a_clear_message(
    qtbot: QtBot, context: UiContext
) -> None:
    customer_id = add_customer(context)
    order = record_order(context, customer_id)
    dialog = open_dialog(qtbot, context, customer_id, order)
    orders = context.workspace.orders
    theirs = orders.update(order.id, replace(draft_of(order), notes="别人改的"), order.version)
    type_line(dialog, 0, "打印纸", "P-1", "20")

    save(qtbot, context, dialog)

    assert dialog.isVisible()
    assert "Someone else saved this record" in dialog.errors.general.text()
    assert orders.get(order.id).total == theirs.total == Decimal("325.00")


def test_choosing_paid_offers_today_as_the_day_it_was_paid(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = open_dialog(qtbot, context, add_customer(context))
    dialog.status.set_value(OrderStatus.PAID)
    assert dialog.paid_on.value() == local_today(context.workspace.clock)


def test_the_lines_model_keeps_qt_rules(qtmodeltester: ModelTester, qapp: object) -> None:
    model = OrderLinesModel()
    model.add_line()
    model.add_line()
    model.setData(model.index(0, LineColumn.UNIT_PRICE), "12.50")
    model.show_problems({"lines[1].discount": Problem("Too much.", {})})
    qtmodeltester.check(model, force_py=True)
