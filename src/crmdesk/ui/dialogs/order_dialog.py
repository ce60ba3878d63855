"""Enter a customer's order, or edit one: its date, status, sales rep, when payment is
due and when it was paid, notes, and the product lines (a negative quantity is a
return), with each line's total and the order's total worked out as they are typed."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.clock import local_today
from crmdesk.domain.customers import CustomerRecord
from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.errors import Problem
from crmdesk.domain.orders import (
    PRODUCT_CODE_MAX_LENGTH,
    PRODUCT_NAME_MAX_LENGTH,
    OrderDraft,
    OrderRecord,
)
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.formatting import format_money
from crmdesk.ui.models.order_models import (
    AMOUNT_PATTERN,
    QUANTITY_PATTERN,
    LineColumn,
    OrderLinesModel,
    line_cell,
)
from crmdesk.ui.widgets.choice_combos import EnumCombo, RepCombo
from crmdesk.ui.widgets.customer_form import OptionalDateEdit
from crmdesk.ui.widgets.form_errors import ERROR_STYLE, FormErrors

# A new order's payment is due this long after it, once the user ticks "due".
DEFAULT_PAYMENT_TERM = timedelta(days=30)
_NOTES_HEIGHT = 60
_PATTERNS = {
    LineColumn.QUANTITY: QUANTITY_PATTERN,
    LineColumn.UNIT_PRICE: AMOUNT_PATTERN,
    LineColumn.DISCOUNT: AMOUNT_PATTERN,
}
_MAX_LENGTHS = {
    LineColumn.PRODUCT: PRODUCT_NAME_MAX_LENGTH,
    LineColumn.CODE: PRODUCT_CODE_MAX_LENGTH,
}


def add_order(context: UiContext, parent: QWidget | None, customer_id: uuid.UUID) -> bool:
    """Ask for a new order of the customer and save it; True when it was saved."""
    return run_dialog(OrderDialog(context, customer_id, None, parent))


def edit_order(context: UiContext, parent: QWidget | None, order: OrderRecord) -> bool:
    """Edit `order` as it was read; True when the changes were saved."""
    return run_dialog(OrderDialog(context, order.customer_id, order, parent))


def order_change(customer_id: uuid.UUID) -> Change:
    """What saving or deleting an order of the customer changes: its orders, and the
    value figures computed from them."""
    return Change.of(Topic.ORDERS, Topic.VALUE, Topic.LOYALTY, customers=[customer_id])


class LineEditorDelegate(QStyledItemDelegate):
    """Cells are typed in plain line edits; number cells take only digits, a minus sign
    and a dot, whatever the computer's locale writes."""

    def createEditor(  # noqa: N802
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if not isinstance(editor, QLineEdit):
            return editor
        column = LineColumn(index.column())
        pattern = _PATTERNS.get(column)
        if pattern is not None:
            editor.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), editor))
        if column in _MAX_LENGTHS:
            editor.setMaxLength(_MAX_LENGTHS[column])
        return editor


class LinesErrors(FormErrors):
    """The dialog's problems: those about a line's cell mark that cell (and are listed
    under the lines), the others show beside their fields."""

    def __init__(self, general: QLabel, lines: OrderLinesModel, view: QTableView) -> None:
        super().__init__(general)
        self._lines = lines
        self._view = view

    def show(self, problems: Mapping[str, Problem]) -> None:
        in_lines = {key: problem for key, problem in problems.items() if line_cell(key)}
        super().show({key: problem for key, problem in problems.items() if key not in in_lines})
        self._lines.show_problems(in_lines)
        first = self._lines.first_problem()
        if first.isValid():
            self._view.setCurrentIndex(first)
            # The service names the lines' problems first: they come first to be fixed.
            if next(iter(problems)) in in_lines:
                self._view.setFocus()

    def clear(self) -> None:
        super().clear()
        self._lines.clear_problems()


class OrderDialog(SavingDialog):
    """A new order of `customer_id` (`order` None) or `order` as read, saved against the
    version read: a save over someone else's newer one is refused."""

    def __init__(
        self,
        context: UiContext,
        customer_id: uuid.UUID,
        order: OrderRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self._customer_id = customer_id
        self._order = order
        self._today = local_today(context.workspace.clock)
        self.setWindowTitle(
            self.tr("Order {number}").format(number=order.number) if order else self.tr("New order")
        )
        self.lines = OrderLinesModel(self)
        self.lines_view = QTableView()
        self.errors = LinesErrors(self.errors.general, self.lines, self.lines_view)

        self.ordered_on = QDateEdit()
        self.ordered_on.setCalendarPopup(True)
        self.status = EnumCombo(OrderStatus)
        self.rep = RepCombo(context, empty_text=self.tr("Nobody"))
        self.payment_due_on = OptionalDateEdit(
            self.tr("No due date"), self._today + DEFAULT_PAYMENT_TERM
        )
        self.paid_on = OptionalDateEdit(self.tr("Not paid"), self._today)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(_NOTES_HEIGHT)
        self.total = QLabel()
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        self.line_problems = QLabel()
        self.line_problems.setStyleSheet(ERROR_STYLE)
        self.line_problems.setWordWrap(True)
        self.line_problems.hide()
        self.add_line_button = QPushButton(self.tr("Add line"))
        self.remove_line_button = QPushButton(self.tr("Remove line"))

        self.add_field(self.tr("Date"), "ordered_on", self.ordered_on)
        self.add_field(self.tr("Status"), "status", self.status)
        self.add_field(self.tr("Sales rep"), "rep_id", self.rep)
        self.add_field(self.tr("Payment due"), "payment_due_on", self.payment_due_on)
        self.add_field(self.tr("Paid on"), "paid_on", self.paid_on)
        self.add_field(self.tr("Notes"), "notes", self.notes)
        # Below the form, not in it: the lines take whatever height the dialog is given.
        layout = cast(QVBoxLayout, self.layout())
        layout.insertWidget(layout.indexOf(self.buttons), self._lines_box(), 1)

        self.lines.edited.connect(self._show_total)
        self.lines.problems_changed.connect(self._show_line_problems)
        self.status.currentIndexChanged.connect(self._on_status_chosen)
        self.add_line_button.clicked.connect(self.add_line)
        self.remove_line_button.clicked.connect(self.remove_line)
        self.lines_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._fill(order)
        self.errors.clear()
        self.resize(780, 600)

    def add_line(self) -> None:
        """A new line at the end, its product name ready to be typed."""
        row = self.lines.add_line()
        index = self.lines.index(row, LineColumn.PRODUCT)
        self.lines_view.setCurrentIndex(index)
        self.lines_view.edit(index)

    def remove_line(self) -> None:
        index = self.lines_view.currentIndex()
        if index.isValid():
            self.lines.remove_line(index.row())

    def save(self) -> None:
        lines, problems = self.lines.drafts()
        if problems:
            self.refuse(problems)
            return
        draft = OrderDraft(
            customer_id=self._customer_id,
            ordered_on=_day(self.ordered_on.date()),
            lines=lines,
            rep_id=self.rep.current_value(),
            status=self.status.current_value() or OrderStatus.OPEN,
            currency=self._order.currency if self._order else OrderDraft.currency,
            payment_due_on=self.payment_due_on.value(),
            paid_on=self.paid_on.value(),
            notes=self.notes.toPlainText() or None,
        )
        orders, order = self.context.workspace.orders, self._order
        change = order_change(self._customer_id)
        if order is None:
            self.write(lambda: orders.create(draft), change)
        else:
            self.write(lambda: orders.update(order.id, draft, order.version), change)

    def _fill(self, order: OrderRecord | None) -> None:
        if order is None:
            self.ordered_on.setDate(_qdate(self._today))
            self.lines.add_line()
            customers, customer_id = self.context.workspace.customers, self._customer_id
            self.context.tasks.read(
                lambda: customers.get(customer_id),
                self._got_customer,
                owner=self,
                failed=lambda _gone: None,  # saving says so, beside the customer
            )
            return
        self.ordered_on.setDate(_qdate(order.ordered_on))
        self.status.set_value(order.status)
        self.rep.set_value(order.rep_id)
        self.payment_due_on.set_value(order.payment_due_on)
        self.paid_on.set_value(order.paid_on)
        self.notes.setPlainText(order.notes or "")
        self.lines.set_lines(order.lines)

    def _got_customer(self, customer: CustomerRecord) -> None:
        """A new order is the customer's owner's unless the user chose someone else."""
        if self.rep.current_value() is None:
            self.rep.set_value(customer.owner_id)

    def _lines_box(self) -> QWidget:
        view = self.lines_view
        view.setModel(self.lines)
        view.setItemDelegate(LineEditorDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LineColumn.PRODUCT, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_line_button)
        buttons.addWidget(self.remove_line_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Lines (a negative quantity is a return)"))
        layout.addWidget(caption)
        layout.addWidget(self.errors.wrap("lines", view), 1)
        layout.addWidget(self.line_problems)
        layout.addLayout(buttons)
        return box

    def _show_total(self) -> None:
        self.total.setText(
            self.tr("Total: {amount}").format(amount=format_money(self.lines.total()))
        )
        self._update_buttons()

    def _show_line_problems(self) -> None:
        texts = self.lines.problem_texts()
        self.line_problems.setText("\n".join(texts))
        self.line_problems.setVisible(bool(texts))

    def _on_status_chosen(self) -> None:
        """Marking an order paid offers today as the day it was paid."""
        if self.status.current_value() is OrderStatus.PAID and self.paid_on.value() is None:
            self.paid_on.set_value(self._today)

    def _update_buttons(self, *_: object) -> None:
        self.remove_line_button.setEnabled(self.lines_view.currentIndex().isValid())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(picked: QDate) -> date:
    return date(picked.year(), picked.month(), picked.day())
