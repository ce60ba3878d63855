"""The profile's loyalty page: the points balance and ledger, the customer's coupons, and
the referrals (who referred the customer, whom the customer referred and what they
bought)."""

from __future__ import annotations

import html
import uuid
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.loyalty import (
    CouponRecord,
    CouponStatus,
    LoyaltyOverview,
    PointsEntryRecord,
    ReferredCustomer,
)
from crmdesk.ui.changes import Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.coupon_dialog import issue_coupon, redeem_coupon
from crmdesk.ui.dialogs.points_dialog import adjust_points, redeem_points
from crmdesk.ui.formatting import format_count, format_date, format_instant, format_money
from crmdesk.ui.labels import enum_label
from crmdesk.ui.models.row_table_model import RowTableModel
from crmdesk.ui.profile.customer_reads import CustomerReads
from crmdesk.ui.widgets.list_table import fit_columns, list_table

# Points come from orders, coupons are redeemed against them, referrers are renamed.
_SHOWN_TOPICS = (Topic.LOYALTY, Topic.ORDERS, Topic.CUSTOMERS)
_MAX_COLUMN_WIDTH = 260
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MUTED = "#757575"


def signed(points: int) -> str:
    """Points as a ledger shows a change: +120, −80."""
    return f"+{format_count(points)}" if points > 0 else format_count(points)


class LedgerColumn(IntEnum):
    WHEN = 0
    REASON = 1
    POINTS = 2
    NOTE = 3
    BALANCE = 4


class LedgerModel(RowTableModel[PointsEntryRecord]):
    """Ledger entries, newest first, each with the balance after it."""

    def set_rows(self, rows: tuple[PointsEntryRecord, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def column_count(self) -> int:
        return len(LedgerColumn)

    def header(self, section: int) -> str:
        return {
            LedgerColumn.WHEN: self.tr("When"),
            LedgerColumn.REASON: self.tr("Reason"),
            LedgerColumn.POINTS: self.tr("Points"),
            LedgerColumn.NOTE: self.tr("Note"),
            LedgerColumn.BALANCE: self.tr("Balance"),
        }[LedgerColumn(section)]

    def cell(self, entry: PointsEntryRecord, column: int, role: int) -> Any:
        shown = LedgerColumn(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and shown in (
            LedgerColumn.POINTS,
            LedgerColumn.BALANCE,
        ):
            return _RIGHT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match shown:
                case LedgerColumn.WHEN:
                    return format_instant(entry.occurred_at)
                case LedgerColumn.REASON:
                    return enum_label(entry.reason)
                case LedgerColumn.POINTS:
                    return signed(entry.points)
                case LedgerColumn.NOTE:
                    return self._note(entry)
                case LedgerColumn.BALANCE:
                    return format_count(entry.balance)
        return None

    def _note(self, entry: PointsEntryRecord) -> str:
        if entry.order_number is None:
            return entry.note or ""
        order = self.tr("Order {number}").format(number=entry.order_number)
        return f"{order} · {entry.note}" if entry.note else order


class CouponColumn(IntEnum):
    CODE = 0
    DESCRIPTION = 1
    VALUE = 2
    ISSUED = 3
    EXPIRES = 4
    STATUS = 5


class CouponModel(RowTableModel[CouponRecord]):
    def set_rows(self, rows: tuple[CouponRecord, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def coupon(self, row: int) -> CouponRecord:
        return self._rows[row]

    def column_count(self) -> int:
        return len(CouponColumn)

    def header(self, section: int) -> str:
        return {
            CouponColumn.CODE: self.tr("Code"),
            CouponColumn.DESCRIPTION: self.tr("Description"),
            CouponColumn.VALUE: self.tr("Value"),
            CouponColumn.ISSUED: self.tr("Issued"),
            CouponColumn.EXPIRES: self.tr("Expires"),
            CouponColumn.STATUS: self.tr("Status"),
        }[CouponColumn(section)]

    def cell(self, coupon: CouponRecord, column: int, role: int) -> Any:
        shown = CouponColumn(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and shown is CouponColumn.VALUE:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and coupon.status is not CouponStatus.ACTIVE:
            return Qt.GlobalColor.darkGray
        if role == Qt.ItemDataRole.ToolTipRole and coupon.redeemed_at is not None:
            when = format_instant(coupon.redeemed_at)
            if coupon.redeemed_order_number:
                return self.tr("Redeemed {when} for order {number}").format(
                    when=when, number=coupon.redeemed_order_number
                )
            return self.tr("Redeemed {when}").format(when=when)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match shown:
            case CouponColumn.CODE:
                return coupon.code
            case CouponColumn.DESCRIPTION:
                return coupon.description
            case CouponColumn.VALUE:
                return format_money(coupon.value)
            case CouponColumn.ISSUED:
                return format_date(coupon.issued_on)
            case CouponColumn.EXPIRES:
                return format_date(coupon.expires_on) or self.tr("Never")
            case CouponColumn.STATUS:
                return enum_label(coupon.status)


class ReferredColumn(IntEnum):
    NAME = 0
    CODE = 1
    REVENUE = 2


class ReferredModel(RowTableModel[ReferredCustomer]):
    def set_rows(self, rows: tuple[ReferredCustomer, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def customer(self, row: int) -> ReferredCustomer:
        return self._rows[row]

    def column_count(self) -> int:
        return len(ReferredColumn)

    def header(self, section: int) -> str:
        return {
            ReferredColumn.NAME: self.tr("Name"),
            ReferredColumn.CODE: self.tr("Code"),
            ReferredColumn.REVENUE: self.tr("Revenue"),
        }[ReferredColumn(section)]

    def cell(self, customer: ReferredCustomer, column: int, role: int) -> Any:
        shown = ReferredColumn(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and shown is ReferredColumn.REVENUE:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match shown:
            case ReferredColumn.NAME:
                return customer.name
            case ReferredColumn.CODE:
                return customer.code
            case ReferredColumn.REVENUE:
                return format_money(customer.revenue)


class LoyaltyPanel(QWidget):
    """Shows one customer's loyalty (`show_customer`); writes go through the dialogs."""

    title_changed = Signal(str)
    customer_activated = Signal(object)  # the UUID of a referrer or referred customer

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._overview: LoyaltyOverview | None = None
        self._reads = CustomerReads(
            self, context, _SHOWN_TOPICS, context.workspace.loyalty.overview, self._show
        )
        self.ledger_model = LedgerModel(self)
        self.coupon_model = CouponModel(self)
        self.referred_model = ReferredModel(self)
        self._build()
        self.show_customer(None)

    @property
    def overview(self) -> LoyaltyOverview | None:
        """What the panel shows now (None while empty)."""
        return self._overview

    def show_customer(self, customer_id: uuid.UUID | None) -> None:
        self._reads.show(customer_id)

    # --- actions ------------------------------------------------------------------------

    def adjust(self) -> None:
        if self._reads.customer_id is not None and self._overview is not None:
            adjust_points(
                self._context, self, self._reads.customer_id, self._overview.ledger.balance
            )

    def redeem(self) -> None:
        if self._reads.customer_id is not None and self._overview is not None:
            redeem_points(
                self._context, self, self._reads.customer_id, self._overview.ledger.balance
            )

    def issue_coupon(self) -> None:
        if self._reads.customer_id is not None:
            issue_coupon(self._context, self, self._reads.customer_id)

    def redeem_coupon(self) -> None:
        coupon = self._selected_coupon()
        if coupon is not None and coupon.status is CouponStatus.ACTIVE:
            redeem_coupon(self._context, self, coupon)

    # --- showing ------------------------------------------------------------------------

    def _show(self, overview: LoyaltyOverview | None) -> None:
        self._overview = overview
        self.setEnabled(overview is not None)
        if overview is None:
            self.balance.setText("—")
            self.ledger_model.set_rows(())
            self.coupon_model.set_rows(())
            self.referred_model.set_rows(())
            self.referrer.setText("")
            self.referral_totals.setText("")
            self.title_changed.emit(self.tr("Loyalty"))
            self._update_actions()
            return
        points = overview.ledger.balance
        self.balance.setText(format_count(points))
        self.ledger_model.set_rows(overview.ledger.entries)
        self.coupon_model.set_rows(overview.coupons)
        referrals = overview.referrals
        self.referred_model.set_rows(referrals.referred)
        if referrals.referrer_id is not None and referrals.referrer_name is not None:
            link = f'<a href="{referrals.referrer_id}">{html.escape(referrals.referrer_name)}</a>'
            self.referrer.setText(html.escape(self.tr("Referred by {name}")).format(name=link))
        else:
            self.referrer.setText(html.escape(self.tr("Not referred by another customer.")))
        self.referral_totals.setText(
            self.tr("Customers referred: {count} · their revenue: {revenue}").format(
                count=format_count(referrals.count), revenue=format_money(referrals.total_revenue)
            )
        )
        for table in (self.ledger_view, self.coupon_view, self.referred_view):
            fit_columns(table, _MAX_COLUMN_WIDTH)
        self.title_changed.emit(
            self.tr("Loyalty ({points} pts)").format(points=format_count(points))
        )
        self._update_actions()

    def _selected_coupon(self) -> CouponRecord | None:
        rows = self.coupon_view.selectionModel().selectedRows()
        return self.coupon_model.coupon(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        overview = self._overview
        self.adjust_button.setEnabled(overview is not None)
        self.redeem_button.setEnabled(overview is not None and overview.ledger.balance > 0)
        self.issue_button.setEnabled(overview is not None)
        coupon = self._selected_coupon()
        self.redeem_coupon_button.setEnabled(
            coupon is not None and coupon.status is CouponStatus.ACTIVE
        )

    def _open_referred(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_activated.emit(self.referred_model.customer(index.row()).id)

    def _build(self) -> None:
        self.balance = QLabel()
        font = self.balance.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.balance.setFont(font)
        caption = QLabel(self.tr("Points balance"))
        caption.setStyleSheet(f"color: {_MUTED};")
        self.adjust_button = QPushButton(self.tr("Adjust…"))
        self.adjust_button.setToolTip(self.tr("Add or take away points by hand, with a reason"))
        self.redeem_button = QPushButton(self.tr("Redeem…"))
        self.redeem_button.setToolTip(self.tr("Spend points from the balance"))
        self.adjust_button.clicked.connect(self.adjust)
        self.redeem_button.clicked.connect(self.redeem)
        self.ledger_view = self._table(self.ledger_model)
        self.ledger_view.horizontalHeader().setSectionResizeMode(
            LedgerColumn.NOTE, QHeaderView.ResizeMode.Stretch
        )
        figures = QVBoxLayout()
        figures.setSpacing(0)
        figures.addWidget(caption)
        figures.addWidget(self.balance)
        top = QHBoxLayout()
        top.addLayout(figures)
        top.addStretch(1)
        top.addWidget(self.adjust_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.redeem_button, 0, Qt.AlignmentFlag.AlignBottom)
        points_box = QGroupBox(self.tr("Points"))
        points_layout = QVBoxLayout(points_box)
        points_layout.addLayout(top)
        points_layout.addWidget(self.ledger_view)

        self.coupon_view = self._table(self.coupon_model)
        self.coupon_view.horizontalHeader().setSectionResizeMode(
            CouponColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        self.coupon_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.coupon_view.doubleClicked.connect(lambda _index: self.redeem_coupon())
        self.issue_button = QPushButton(self.tr("Issue…"))
        self.issue_button.setToolTip(self.tr("Give the customer a new coupon"))
        self.redeem_coupon_button = QPushButton(self.tr("Redeem…"))
        self.redeem_coupon_button.setToolTip(self.tr("Mark the selected coupon as used"))
        self.issue_button.clicked.connect(self.issue_coupon)
        self.redeem_coupon_button.clicked.connect(self.redeem_coupon)
        coupon_buttons = QHBoxLayout()
        coupon_buttons.addStretch(1)
        coupon_buttons.addWidget(self.issue_button)
        coupon_buttons.addWidget(self.redeem_coupon_button)
        coupons_box = QGroupBox(self.tr("Coupons"))
        coupons_layout = QVBoxLayout(coupons_box)
        coupons_layout.addWidget(self.coupon_view)
        coupons_layout.addLayout(coupon_buttons)

        self.referrer = QLabel()
        self.referrer.setTextFormat(Qt.TextFormat.RichText)
        self.referrer.linkActivated.connect(
            lambda href: self.customer_activated.emit(uuid.UUID(href))
        )
        self.referral_totals = QLabel()
        self.referred_view = self._table(self.referred_model)
        self.referred_view.horizontalHeader().setSectionResizeMode(
            ReferredColumn.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.referred_view.setToolTip(self.tr("Double-click a customer to open their profile"))
        self.referred_view.doubleClicked.connect(self._open_referred)
        referrals_box = QGroupBox(self.tr("Referrals"))
        referrals_layout = QVBoxLayout(referrals_box)
        referrals_layout.addWidget(self.referrer)
        referrals_layout.addWidget(self.referral_totals)
        referrals_layout.addWidget(self.referred_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for box in (points_box, coupons_box, referrals_box):
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _table(self, model: RowTableModel[Any]) -> QTableView:
        table = list_table(model, QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        return table
