"""The profile's loyalty page on demo data: the balance a user reads is the ledger's sum,
redeeming through the dialog lowers it, redeeming too much is refused beside the points,
an issued coupon shows as active, and referred customers open their profile."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from gui_helpers import wait_for_tasks
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer, PointsEntry
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.coupon_dialog import IssueCouponDialog
from crmdesk.ui.dialogs.points_dialog import PointsAction, PointsDialog
from crmdesk.ui.profile.loyalty_panel import (
    CouponColumn,
    LedgerColumn,
    LoyaltyPanel,
    ReferredColumn,
)

SHOTS = Path("/tmp/shots")


def richest_customer(database: Database) -> tuple[uuid.UUID, int]:
    """The demo customer with the most points, and the sum of their ledger."""
    total = func.sum(PointsEntry.points)
    with database.unit_of_work(write=False) as uow:
        row = uow.session.execute(
            select(PointsEntry.customer_id, total)
            .where(PointsEntry.deleted_at.is_(None))
            .group_by(PointsEntry.customer_id)
            .order_by(total.desc())
            .limit(1)
        ).one()
    return row[0], int(row[1])


def busiest_referrer(database: Database) -> uuid.UUID:
    with database.unit_of_work(write=False) as uow:
        return uow.session.execute(
            select(Customer.referred_by_id)
            .where(Customer.referred_by_id.is_not(None), Customer.deleted_at.is_(None))
            .group_by(Customer.referred_by_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()


def shown_panel(qtbot: QtBot, context: UiContext, customer_id: uuid.UUID) -> LoyaltyPanel:
    panel = LoyaltyPanel(context)
    qtbot.addWidget(panel)
    panel.resize(760, 720)
    panel.show()
    panel.show_customer(customer_id)
    wait_for_tasks(qtbot, context)
    return panel


def answer_dialog(fill: Callable[[QDialog], None]) -> None:
    """Fill the modal dialog that is about to open and press its Save button."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        fill(dialog)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, act)


def test_the_balance_shown_is_the_sum_of_the_ledger(
    qtbot: QtBot, demo_context: UiContext, demo_database: Database
) -> None:
    customer_id, points = richest_customer(demo_database)
    titles: list[str] = []
    panel = LoyaltyPanel(demo_context)
    qtbot.addWidget(panel)
    panel.title_changed.connect(titles.append)
    panel.show_customer(customer_id)
    wait_for_tasks(qtbot, demo_context)

    assert points > 0
    assert panel.balance.text() == f"{points:,}"
    assert titles[-1] == f"Loyalty ({points:,} pts)"
    ledger = panel.ledger_model
    assert ledger.index(0, LedgerColumn.BALANCE).data() == f"{points:,}"
    assert panel.ledger_view.isEnabled() and panel.redeem_button.isEnabled()

    panel.show_customer(None)
    assert not panel.isEnabled() and ledger.rowCount() == 0
    assert titles[-1] == "Loyalty"


def test_redeeming_through_the_dialog_lowers_the_balance(
    qtbot: QtBot, demo_context: UiContext, demo_database: Database
) -> None:
    customer_id, points = richest_customer(demo_database)
    panel = shown_panel(qtbot, demo_context, customer_id)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PointsDialog)
        dialog.points.setValue(300)
        dialog.note.setText("兑换保温杯")

    answer_dialog(fill)
    panel.redeem_button.click()
    wait_for_tasks(qtbot, demo_context)

    assert panel.balance.text() == f"{points - 300:,}"
    ledger = panel.ledger_model
    assert ledger.index(0, LedgerColumn.REASON).data() == "Redemption"
    assert ledger.index(0, LedgerColumn.POINTS).data() == "-300"
    assert ledger.index(0, LedgerColumn.NOTE).data() == "兑换保温杯"


def test_redeeming_more_than_the_balance_shows_why_and_keeps_the_dialog_open(
    qtbot: QtBot, demo_context: UiContext, demo_database: Database
) -> None:
    customer_id, points = richest_customer(demo_database)
    panel = shown_panel(qtbot, demo_context, customer_id)
    dialog = PointsDialog(demo_context, customer_id, points, PointsAction.REDEEM, panel)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.points.setValue(points + 1)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    wait_for_tasks(qtbot, demo_context)

    assert dialog.isVisible()
    assert dialog.errors.message_for("points") == f"Only {points} points are available."
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "loyalty_over_redeem.png"))
    assert panel.balance.text() == f"{points:,}"


def test_an_issued_coupon_shows_as_active(
    qtbot: QtBot, demo_context: UiContext, demo_database: Database
) -> None:
    customer_id, _points = richest_customer(demo_database)
    panel = shown_panel(qtbot, demo_context, customer_id)
    coupons_before = panel.coupon_model.rowCount()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, IssueCouponDialog)
        dialog.description.setText("新品体验券")
        QTest.keyClicks(dialog.value, "49.90")

    answer_dialog(fill)
    panel.issue_button.click()
    wait_for_tasks(qtbot, demo_context)

    coupons = panel.coupon_model
    assert coupons.rowCount() == coupons_before + 1
    newest = panel.overview.coupons[0] if panel.overview else None
    assert newest is not None and newest.value == Decimal("49.90")
    row = [coupons.index(r, CouponColumn.DESCRIPTION).data() for r in range(coupons.rowCount())]
    shown = row.index("新品体验券")
    assert coupons.index(shown, CouponColumn.STATUS).data() == "Active"
    assert coupons.index(shown, CouponColumn.VALUE).data() == "¥49.90"
    assert coupons.index(shown, CouponColumn.CODE).data().startswith("YH-")

    panel.coupon_view.selectRow(shown)
    assert panel.redeem_coupon_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "loyalty_panel.png"))


def test_an_unreadable_coupon_value_is_refused_before_saving(
    qtbot: QtBot, demo_context: UiContext, demo_database: Database
) -> None:
    customer_id, _points = richest_customer(demo_database)
    dialog = IssueCouponDialog(demo_context, customer_id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.description.setText("满减券")
    QTest.keyClicks(dialog.value, "fifty")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.errors.message_for("value") == "Enter an amount such as 50 or 49.90."
    assert dialog.isVisible() and not demo_context.tasks.busy


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_referred_customers_are_listed_and_open_on_double_click(
    qtbot: QtBot,
    demo_context: UiContext,
    demo_database: Database,
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    request.getfixturevalue(language)
    referrer = busiest_referrer(demo_database)
    panel = shown_panel(qtbot, demo_context, referrer)
    overview = panel.overview
    assert overview is not None and overview.referrals.count > 0
    referred = panel.referred_model
    assert referred.rowCount() == overview.referrals.count
    first = overview.referrals.referred[0]
    assert referred.index(0, ReferredColumn.CODE).data() == first.code

    view = panel.referred_view
    rect = view.visualRect(referred.index(0, ReferredColumn.NAME))
    with qtbot.waitSignal(panel.customer_activated) as opened:
        # Qt's views see a double-click only after the click that precedes it.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [first.id]
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / f"loyalty_referrals_{language}.png"))

    panel.show_customer(first.id)
    wait_for_tasks(qtbot, demo_context)
    assert f'href="{referrer}"' in panel.referrer.text()
    with qtbot.waitSignal(panel.customer_activated) as back:
        panel.referrer.linkActivated.emit(str(referrer))
    assert back.args == [referrer]
