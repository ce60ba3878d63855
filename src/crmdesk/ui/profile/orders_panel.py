"""The profile's purchase history: a strip of figures (first and last order, how many,
total and average spend, the usual interval between orders) over the customer's orders,
newest first, which are added, edited and deleted here."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.clock import local_today
from crmdesk.domain.orders import OrderFilter, OrderRecord
from crmdesk.domain.paging import MAX_PAGE_SIZE, Page, PageRequest
from crmdesk.domain.purchase_history import PurchaseHistory, history_of
from crmdesk.ui.changes import Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.order_dialog import add_order, edit_order, order_change
from crmdesk.ui.formatting import format_count, format_date, format_days, format_money
from crmdesk.ui.models.order_models import CustomerOrdersModel
from crmdesk.ui.profile.customer_reads import CustomerReads
from crmdesk.ui.widgets.list_table import fit_columns, list_table
from crmdesk.ui.widgets.questions import ask_yes_no

COLUMN_MAX_WIDTH = 180
_NONE = "—"
_SUMMARY_COLUMNS = 3


def confirm_delete(parent: QWidget, number: str) -> bool:
    """Ask before deleting an order (tests replace this function to answer it)."""
    return ask_yes_no(
        parent,
        QCoreApplication.translate("OrdersPanel", "Delete order"),
        QCoreApplication.translate(
            "OrdersPanel", "Delete order {number}? It no longer counts in the customer's value."
        ).format(number=number),
        default_yes=False,
    )


class OrdersPanel(QWidget):
    """The orders of the customer given to `show_customer`, kept current by itself."""

    title_changed = Signal(str)  # "Orders (12)"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        workspace = context.workspace
        self._reads = CustomerReads(
            self,
            context,
            (Topic.ORDERS,),
            lambda customer_id: (
                workspace.orders.list(
                    OrderFilter(customer_id=customer_id), PageRequest(limit=MAX_PAGE_SIZE)
                ),
                local_today(workspace.clock),
            ),
            self._loaded,
        )

        self.model = CustomerOrdersModel(self)
        self.table = list_table(self.model, QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("Add order…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.add_button.clicked.connect(self.add_order)
        self.edit_button.clicked.connect(self.edit_order)
        self.delete_button.clicked.connect(self.delete_order)
        # Enter and a double click both activate a row.
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._build()
        self.show_customer(None)

    # --- the panel's interface ----------------------------------------------------------

    def show_customer(self, customer_id: uuid.UUID | None) -> None:
        """Show this customer's orders; None: no customer (an empty, disabled panel)."""
        self._reads.show(customer_id)
        self.setEnabled(customer_id is not None)

    def reload(self) -> None:
        self._reads.reload()

    def selected_order(self) -> OrderRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.order_at(rows[0].row()) if rows else None

    def select_order(self, order_id: uuid.UUID) -> None:
        row = self.model.row_of(order_id)
        if row is not None:
            self.table.selectRow(row)

    def summary(self) -> dict[str, str]:
        """The strip of figures as a person reads it: caption → value."""
        return {caption.text(): value.text() for caption, value in self._figures}

    # --- actions ------------------------------------------------------------------------

    def add_order(self) -> None:
        if self._reads.customer_id is not None:
            add_order(self._context, self, self._reads.customer_id)

    def edit_order(self) -> None:
        order = self.selected_order()
        if order is not None:
            edit_order(self._context, self, order)

    def delete_order(self) -> None:
        order = self.selected_order()
        if order is None or not confirm_delete(self, order.number):
            return
        orders = self._context.workspace.orders
        self._context.tasks.write(
            lambda: orders.delete(order.id, order.version),
            lambda _none: None,
            owner=self,
            change=order_change(order.customer_id),
        )

    # --- loading and showing ------------------------------------------------------------

    def _loaded(self, answer: tuple[Page[OrderRecord], date] | None) -> None:
        self._show(*(answer or (Page([], 0, 0), date.min)))

    def _show(self, page: Page[OrderRecord], today: date) -> None:
        selected = self.selected_order()
        self.model.set_orders(page.items, today)
        if selected is not None:
            self.select_order(selected.id)
        fit_columns(self.table, COLUMN_MAX_WIDTH)
        self._show_summary(history_of(page.items, today))
        self._update_buttons()
        if self._reads.customer_id is None:
            self.title_changed.emit(self.tr("Orders"))
        else:
            count = format_count(page.total)
            self.title_changed.emit(self.tr("Orders ({count})").format(count=count))

    def _show_summary(self, history: PurchaseHistory) -> None:
        usual = history.usual_interval_days
        average = history.average_spend
        texts = {
            self.first_order: format_date(history.first_order_on) or _NONE,
            self.last_order: format_date(history.last_order_on) or _NONE,
            self.order_count: format_count(history.order_count),
            self.total_spend: format_money(history.total_spend),
            self.average_spend: format_money(average) if average is not None else _NONE,
            self.usual_interval: format_days(usual) if usual is not None else _NONE,
        }
        for label, text in texts.items():
            label.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_order()

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected_order() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _build(self) -> None:
        self.first_order = QLabel()
        self.last_order = QLabel()
        self.order_count = QLabel()
        self.total_spend = QLabel()
        self.average_spend = QLabel()
        self.usual_interval = QLabel()
        self.order_count.setToolTip(self.tr("Cancelled orders are not counted."))
        self._figures = [
            (QLabel(self.tr("First order")), self.first_order),
            (QLabel(self.tr("Last order")), self.last_order),
            (QLabel(self.tr("Orders")), self.order_count),
            (QLabel(self.tr("Total spend")), self.total_spend),
            (QLabel(self.tr("Average spend")), self.average_spend),
            (QLabel(self.tr("Usual interval")), self.usual_interval),
        ]
        strip = QGridLayout()
        strip.setHorizontalSpacing(16)
        for position, (caption, value) in enumerate(self._figures):
            caption.setStyleSheet("color: palette(placeholder-text);")
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            row, column = divmod(position, _SUMMARY_COLUMNS)
            strip.addWidget(caption, row, column * 2)
            strip.addWidget(value, row, column * 2 + 1)
        strip.setColumnStretch(_SUMMARY_COLUMNS * 2 - 1, 1)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(strip)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
