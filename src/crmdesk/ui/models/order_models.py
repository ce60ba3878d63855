"""A customer's orders as a table (newest first, unpaid orders past their due date in
red), and the editable lines of the order being entered, with each line's total worked
out as it is typed."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.errors import Problem
from crmdesk.domain.orders import OrderLineDraft, OrderLineRecord, OrderRecord, line_total
from crmdesk.ui.formatting import format_count, format_date, format_money
from crmdesk.ui.labels import enum_label
from crmdesk.ui.messages import problem_text
from crmdesk.ui.models.row_table_model import ModelIndex, RowTableModel

OVERDUE_COLOR = QColor("#c62828")
CANCELLED_COLOR = QColor("#9e9e9e")
PROBLEM_BACKGROUND = QColor("#fdecea")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# What the amount and quantity cells accept, whatever the computer's locale: digits, a
# minus sign and a dot. More than two decimals get through on purpose, so that the order
# service refuses them with its own words beside the cell.
AMOUNT_PATTERN = r"-?(\d{1,9}(\.\d*)?|\.\d+)"
QUANTITY_PATTERN = r"-?\d{1,7}"
# Refused by the dialog itself: a cell left half-typed never reaches the service.
NOT_AN_AMOUNT = str(QT_TRANSLATE_NOOP("problems", "Type an amount such as 12.50."))
NOT_A_QUANTITY = str(
    QT_TRANSLATE_NOOP("problems", "Type a whole number such as 3 (negative for a return).")
)
_LINE_KEY = re.compile(r"lines\[(\d+)\]\.(\w+)")


def is_payment_overdue(order: OrderRecord, today: date) -> bool:
    """An open order whose payment was due before today and is not recorded as paid."""
    return (
        order.status is OrderStatus.OPEN
        and order.paid_on is None
        and order.payment_due_on is not None
        and order.payment_due_on < today
    )


class OrderColumn(IntEnum):
    NUMBER = 0
    ORDERED_ON = 1
    STATUS = 2
    TOTAL = 3
    PAYMENT_DUE = 4
    PAID_ON = 5
    LINES = 6


class CustomerOrdersModel(RowTableModel[OrderRecord]):
    """One customer's orders in the order given (the service lists newest first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = date.min

    def set_orders(self, orders: Sequence[OrderRecord], today: date) -> None:
        """Show `orders`; `today` decides whose payment is overdue."""
        self.beginResetModel()
        self._rows = list(orders)
        self._today = today
        self.endResetModel()

    def order_at(self, row: int) -> OrderRecord:
        return self._rows[row]

    def row_of(self, order_id: object) -> int | None:
        return next((row for row, order in enumerate(self._rows) if order.id == order_id), None)

    def column_count(self) -> int:
        return len(OrderColumn)

    def header(self, section: int) -> str:
        return {
            OrderColumn.NUMBER: self.tr("Number"),
            OrderColumn.ORDERED_ON: self.tr("Date"),
            OrderColumn.STATUS: self.tr("Status"),
            OrderColumn.TOTAL: self.tr("Total"),
            OrderColumn.PAYMENT_DUE: self.tr("Payment due"),
            OrderColumn.PAID_ON: self.tr("Paid on"),
            OrderColumn.LINES: self.tr("Lines"),
        }[OrderColumn(section)]

    def cell(self, order: OrderRecord, column: int, role: int) -> Any:
        shown = OrderColumn(column)
        overdue = is_payment_overdue(order, self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(order, shown, overdue=overdue)
        if role == Qt.ItemDataRole.TextAlignmentRole and shown in (
            OrderColumn.TOTAL,
            OrderColumn.LINES,
        ):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return OVERDUE_COLOR
            return CANCELLED_COLOR if order.status is OrderStatus.CANCELLED else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                return self.tr("Payment was due on {day} and is not recorded as paid.").format(
                    day=format_date(order.payment_due_on)
                )
            return order.notes or None
        return None

    def _text(self, order: OrderRecord, column: OrderColumn, *, overdue: bool) -> str:
        match column:
            case OrderColumn.NUMBER:
                return order.number
            case OrderColumn.ORDERED_ON:
                return format_date(order.ordered_on)
            case OrderColumn.STATUS:
                status = enum_label(order.status)
                return self.tr("{status}, overdue").format(status=status) if overdue else status
            case OrderColumn.TOTAL:
                return format_money(order.total)
            case OrderColumn.PAYMENT_DUE:
                return format_date(order.payment_due_on)
            case OrderColumn.PAID_ON:
                return format_date(order.paid_on)
            case OrderColumn.LINES:
                return format_count(len(order.lines))


class LineColumn(IntEnum):
    PRODUCT = 0
    CODE = 1
    QUANTITY = 2
    UNIT_PRICE = 3
    DISCOUNT = 4
    LINE_TOTAL = 5


# The order service's name for what each editable column holds (`lines[0].quantity`).
LINE_FIELDS: dict[LineColumn, str] = {
    LineColumn.PRODUCT: "product_name",
    LineColumn.CODE: "product_code",
    LineColumn.QUANTITY: "quantity",
    LineColumn.UNIT_PRICE: "unit_price",
    LineColumn.DISCOUNT: "discount",
}
_COLUMN_OF_FIELD = {name: column for column, name in LINE_FIELDS.items()}


def line_key(row: int, column: LineColumn) -> str:
    """The name the order service gives the field in `column` of line `row`."""
    return f"lines[{row}].{LINE_FIELDS[column]}"


def line_cell(key: str) -> tuple[int, LineColumn] | None:
    """The line and column a problem's field name points at; None when it is not a
    line's field."""
    found = _LINE_KEY.fullmatch(key)
    if found is None or found.group(2) not in _COLUMN_OF_FIELD:
        return None
    return int(found.group(1)), _COLUMN_OF_FIELD[found.group(2)]


def parse_amount(text: str) -> Decimal | None:
    """The amount typed, exactly (no rounding); None when it is not a number."""
    if re.fullmatch(AMOUNT_PATTERN, text) is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_quantity(text: str) -> int | None:
    return int(text) if re.fullmatch(QUANTITY_PATTERN, text) else None


def parse_discount(text: str) -> Decimal | None:
    """A discount left empty is no discount."""
    return parse_amount(text or "0")


# How each number cell is read, and what is said when it cannot be.
_NUMBER_READERS: dict[LineColumn, tuple[Callable[[str], object | None], str]] = {
    LineColumn.QUANTITY: (parse_quantity, NOT_A_QUANTITY),
    LineColumn.UNIT_PRICE: (parse_amount, NOT_AN_AMOUNT),
    LineColumn.DISCOUNT: (parse_discount, NOT_AN_AMOUNT),
}


def _amount_text(amount: Decimal) -> str:
    return f"{amount:.2f}"


class OrderLinesModel(QAbstractTableModel):
    """The lines of the order in the dialog, as typed: every cell but the line total is
    editable; problems found with a cell colour it and show as its tooltip."""

    edited = Signal()  # any line's content, or the number of lines, changed
    problems_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[dict[LineColumn, str]] = []
        self._problems: dict[tuple[int, LineColumn], Problem] = {}

    # --- the lines ----------------------------------------------------------------------

    def set_lines(self, lines: Sequence[OrderLineRecord]) -> None:
        self.beginResetModel()
        self._lines = [
            {
                LineColumn.PRODUCT: line.product_name,
                LineColumn.CODE: line.product_code or "",
                LineColumn.QUANTITY: str(line.quantity),
                LineColumn.UNIT_PRICE: _amount_text(line.unit_price),
                LineColumn.DISCOUNT: _amount_text(line.discount) if line.discount else "",
            }
            for line in lines
        ]
        self._problems.clear()
        self.endResetModel()
        self.problems_changed.emit()
        self.edited.emit()

    def add_line(self) -> int:
        """Append an empty line of quantity 1; returns its row."""
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(dict.fromkeys(LINE_FIELDS, "") | {LineColumn.QUANTITY: "1"})
        self.endInsertRows()
        self._forget_problems()
        self.edited.emit()
        return row

    def remove_line(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()
        self._forget_problems()
        self.edited.emit()

    def drafts(self) -> tuple[tuple[OrderLineDraft, ...], dict[str, Problem]]:
        """The lines as the order service takes them, or, when a number cell does not
        hold a number, the problems with those cells (and no drafts)."""
        problems = {
            line_key(row, column): Problem(_NUMBER_READERS[column][1], {})
            for row in range(len(self._lines))
            for column in self._unreadable(row)
        }
        if problems:
            return (), problems
        drafts = (self._draft(row) for row in range(len(self._lines)))
        return tuple(draft for draft in drafts if draft is not None), {}

    def total(self) -> Decimal:
        """The sum of the line totals that can be worked out from what is typed."""
        totals = (self._line_total(row) for row in range(len(self._lines)))
        return sum((amount for amount in totals if amount is not None), Decimal(0))

    # --- problems -----------------------------------------------------------------------

    def show_problems(self, problems: Mapping[str, Problem]) -> None:
        """Mark the cells these problems are about (problems of other fields are ignored)."""
        self._problems = {}
        for key, problem in problems.items():
            cell = line_cell(key)
            if cell is not None and cell[0] < len(self._lines):
                self._problems[cell] = problem
        self._repaint_all()
        self.problems_changed.emit()

    def clear_problems(self) -> None:
        if self._problems:
            self._forget_problems()
            self._repaint_all()

    def problem_texts(self) -> list[str]:
        """Each problem as a person reads it under the table, by line and column."""
        return [
            self.tr("Line {line}, {column}: {problem}").format(
                line=row + 1, column=self._header(column), problem=problem_text(problem)
            )
            for (row, column), problem in sorted(self._problems.items())
        ]

    def first_problem(self) -> QModelIndex:
        if not self._problems:
            return QModelIndex()
        row, column = min(self._problems)
        return self.index(row, column)

    # --- Qt's interface -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(LineColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(LineColumn)
        ):
            return self._header(LineColumn(section))
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != LineColumn.LINE_TOTAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, column = index.row(), LineColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column is LineColumn.LINE_TOTAL:
                amount = self._line_total(row)
                return format_money(amount) if amount is not None else ""
            return self._lines[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and (
            column in _NUMBER_READERS or column is LineColumn.LINE_TOTAL
        ):
            return _RIGHT
        problem = self._problems.get((row, column))
        if problem is not None and role == Qt.ItemDataRole.BackgroundRole:
            return PROBLEM_BACKGROUND
        if problem is not None and role == Qt.ItemDataRole.ToolTipRole:
            return problem_text(problem)
        return None

    def setData(  # noqa: N802
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() == LineColumn.LINE_TOTAL
        ):
            return False
        row, column = index.row(), LineColumn(index.column())
        text = str(value).strip()
        if text == self._lines[row][column]:
            return True
        self._lines[row][column] = text
        if self._problems.pop((row, column), None) is not None:
            self.problems_changed.emit()
        self.dataChanged.emit(index, index)
        total = self.index(row, LineColumn.LINE_TOTAL)
        self.dataChanged.emit(total, total)
        self.edited.emit()
        return True

    # --- helpers ------------------------------------------------------------------------

    def _header(self, column: LineColumn) -> str:
        return {
            LineColumn.PRODUCT: self.tr("Product"),
            LineColumn.CODE: self.tr("Code"),
            LineColumn.QUANTITY: self.tr("Quantity"),
            LineColumn.UNIT_PRICE: self.tr("Unit price"),
            LineColumn.DISCOUNT: self.tr("Discount"),
            LineColumn.LINE_TOTAL: self.tr("Line total"),
        }[column]

    def _unreadable(self, row: int) -> list[LineColumn]:
        """The number cells of line `row` whose text is not a number."""
        line = self._lines[row]
        return [
            column for column, (read, _) in _NUMBER_READERS.items() if read(line[column]) is None
        ]

    def _draft(self, row: int) -> OrderLineDraft | None:
        """Line `row` as the service takes it; None while a number cell is unreadable."""
        line = self._lines[row]
        quantity = parse_quantity(line[LineColumn.QUANTITY])
        price = parse_amount(line[LineColumn.UNIT_PRICE])
        discount = parse_discount(line[LineColumn.DISCOUNT])
        if quantity is None or price is None or discount is None:
            return None
        return OrderLineDraft(
            product_name=line[LineColumn.PRODUCT],
            quantity=quantity,
            unit_price=price,
            discount=discount,
            product_code=line[LineColumn.CODE] or None,
        )

    def _line_total(self, row: int) -> Decimal | None:
        draft = self._draft(row)
        return line_total(draft) if draft is not None else None

    def _forget_problems(self) -> None:
        """Problems name lines by position; once lines move, they would mark wrong cells."""
        if self._problems:
            self._problems.clear()
            self.problems_changed.emit()

    def _repaint_all(self) -> None:
        if self._lines:
            last = self.index(len(self._lines) - 1, len(LineColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
