"""Coupons: issue one to a customer (what it is for, its value, until when it can be
used), and redeem one, optionally against one of the customer's orders."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from crmdesk.domain.clock import local_today
from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.errors import Problem
from crmdesk.domain.loyalty import CouponDraft, CouponRecord
from crmdesk.domain.orders import OrderFilter, OrderRecord
from crmdesk.domain.paging import Page
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.formatting import CURRENCY_SYMBOL, format_date, format_money

DEFAULT_VALIDITY = timedelta(days=30)


def parse_amount(text: str) -> Decimal | None:
    """An amount typed as 50, 49.90, ¥1,200 or with full-width digits; None if it is not one."""
    cleaned = (
        "".join(text.split()).replace(",", "").replace("，", "").lstrip(CURRENCY_SYMBOL + "￥")
    )
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


class IssueCouponDialog(SavingDialog):
    def __init__(self, context: UiContext, customer_id: uuid.UUID, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self._customer_id = customer_id
        self.setWindowTitle(self.tr("Issue a coupon"))
        today = local_today(context.workspace.clock)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("For example: birthday coupon, ¥50 off"))
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("Amount, such as 50 or 49.90"))
        self.expires = QCheckBox(self.tr("Expires"))
        self.expires.setChecked(True)
        self.expires_on = QDateEdit(_qdate(today + DEFAULT_VALIDITY))
        self.expires_on.setCalendarPopup(True)
        self.expires_on.setMinimumDate(_qdate(today))
        self.expires.toggled.connect(self.expires_on.setEnabled)
        self.add_field(self.tr("Description"), "description", self.description)
        self.add_field(self.tr("Value"), "value", self.value)
        self.add_field("", "expires", self.expires)
        self.add_field(self.tr("Last day of use"), "expires_on", self.expires_on)
        self.description.setFocus()
        self.resize(420, 0)

    def save(self) -> None:
        amount = parse_amount(self.value.text())
        if amount is None:
            self.refuse({"value": Problem("Enter an amount such as 50 or 49.90.")})
            return
        chosen = self.expires_on.date()
        draft = CouponDraft(
            customer_id=self._customer_id,
            description=self.description.text(),
            value=amount,
            expires_on=date(chosen.year(), chosen.month(), chosen.day())
            if self.expires.isChecked()
            else None,
        )
        loyalty = self.context.workspace.loyalty
        self.write(
            lambda: loyalty.issue_coupon(draft),
            Change.of(Topic.LOYALTY, customers=[self._customer_id]),
        )


class RedeemCouponDialog(SavingDialog):
    def __init__(self, context: UiContext, coupon: CouponRecord, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self._coupon = coupon
        self.setWindowTitle(self.tr("Redeem coupon {code}").format(code=coupon.code))
        summary = QLabel(f"{coupon.description} · {format_money(coupon.value)}")
        summary.setWordWrap(True)
        self.order = QComboBox()
        self.order.addItem(self.tr("No particular order"), None)
        self.add_field(self.tr("Coupon"), "coupon", summary)
        self.add_field(self.tr("Used for order"), "order_id", self.order)
        self.resize(420, 0)
        orders = context.workspace.orders
        context.tasks.read(
            lambda: orders.list(OrderFilter(customer_id=coupon.customer_id)),
            self._show_orders,
            owner=self,
        )

    def save(self) -> None:
        coupon, order_id = self._coupon, self.order.currentData()
        loyalty = self.context.workspace.loyalty
        self.write(
            lambda: loyalty.redeem_coupon(coupon.id, order_id, coupon.version),
            Change.of(Topic.LOYALTY, customers=[coupon.customer_id]),
        )

    def _show_orders(self, page: Page[OrderRecord]) -> None:
        for order in page.items:
            if order.status is not OrderStatus.CANCELLED:
                parts = (order.number, format_date(order.ordered_on), format_money(order.total))
                self.order.addItem(" · ".join(parts), order.id)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def issue_coupon(context: UiContext, parent: QWidget | None, customer_id: uuid.UUID) -> bool:
    """Ask for a coupon and issue it to the customer; True when it was saved."""
    return run_dialog(IssueCouponDialog(context, customer_id, parent))


def redeem_coupon(context: UiContext, parent: QWidget | None, coupon: CouponRecord) -> bool:
    """Ask which order the coupon is used for and redeem it; True when it was saved."""
    return run_dialog(RedeemCouponDialog(context, coupon, parent))
