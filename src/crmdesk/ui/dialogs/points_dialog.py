"""Change a customer's points by hand: an adjustment (±, with the reason) or a
redemption (points spent, with an optional note). The service refuses a change that would
take the balance below zero; its message shows beside the points."""

from __future__ import annotations

import uuid
from enum import Enum

from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

from crmdesk.domain.loyalty import MAX_POINTS_CHANGE
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.formatting import format_count


class PointsAction(Enum):
    ADJUST = "adjust"
    REDEEM = "redeem"


class PointsDialog(SavingDialog):
    def __init__(
        self,
        context: UiContext,
        customer_id: uuid.UUID,
        balance: int,
        action: PointsAction,
        parent: QWidget | None,
    ) -> None:
        super().__init__(context, parent)
        self._customer_id = customer_id
        self._action = action
        redeeming = action is PointsAction.REDEEM
        self.setWindowTitle(self.tr("Redeem points") if redeeming else self.tr("Adjust points"))
        self.balance = QLabel(format_count(balance))
        self.points = QSpinBox()
        self.points.setRange(1 if redeeming else -MAX_POINTS_CHANGE, MAX_POINTS_CHANGE)
        self.points.setValue(min(balance, 100) if redeeming and balance > 0 else 1)
        self.points.setGroupSeparatorShown(True)
        if not redeeming:
            self.points.setToolTip(self.tr("A negative number takes points away"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("What the points were spent on")
            if redeeming
            else self.tr("Why the points change (required)")
        )
        self.add_field(self.tr("Balance"), "balance", self.balance)
        self.add_field(self.tr("Points"), "points", self.points)
        self.add_field(self.tr("Note"), "note", self.note)
        self.points.setFocus()
        self.points.selectAll()
        self.resize(440, 0)

    def save(self) -> None:
        customer_id, points, note = self._customer_id, self.points.value(), self.note.text()
        loyalty = self.context.workspace.loyalty
        change = Change.of(Topic.LOYALTY, customers=[customer_id])
        if self._action is PointsAction.REDEEM:
            self.write(lambda: loyalty.redeem_points(customer_id, points, note), change)
        else:
            self.write(lambda: loyalty.adjust_points(customer_id, points, note), change)


def adjust_points(
    context: UiContext, parent: QWidget | None, customer_id: uuid.UUID, balance: int
) -> bool:
    """Ask for an adjustment and save it; True when it was saved."""
    return run_dialog(PointsDialog(context, customer_id, balance, PointsAction.ADJUST, parent))


def redeem_points(
    context: UiContext, parent: QWidget | None, customer_id: uuid.UUID, balance: int
) -> bool:
    """Ask how many points to spend and spend them; True when it was saved."""
    return run_dialog(PointsDialog(context, customer_id, balance, PointsAction.REDEEM, parent))
