"""The customer-value settings dialog: shows what is stored, saves what the user set,
and refuses figures that cannot work beside the field they are about."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gui_helpers import wait_for_tasks
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from crmdesk.domain.enums import ReferenceDateMode, ScoreComponent
from crmdesk.domain.value_settings import ScorecardWeights, ValueSettings
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.value_settings_dialog import ValueSettingsDialog, edit_value_settings


def opened(qtbot: QtBot, context: UiContext) -> ValueSettingsDialog:
    dialog = ValueSettingsDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_tasks(qtbot, context)  # the stored settings are read in the background
    return dialog


def save(qtbot: QtBot, context: UiContext, dialog: ValueSettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_for_tasks(qtbot, context)


def test_the_stored_settings_are_shown(qtbot: QtBot, context: UiContext) -> None:
    stored = ValueSettings(
        window_days=180,
        reference_mode=ReferenceDateMode.CHOSEN,
        reference_date=date(2026, 6, 30),
        margin=Decimal("0.125"),
        discount_rate=Decimal("0.08"),
        weights=ScorecardWeights(40, 20, 10, 10, 20),
    )
    context.workspace.value.save_settings(stored)

    dialog = opened(qtbot, context)

    assert dialog.window_days.value() == 180
    assert dialog.mode_buttons[ReferenceDateMode.CHOSEN].isChecked()
    assert dialog.reference_date.isEnabled()
    assert dialog.reference_date.date() == QDate(2026, 6, 30)
    assert dialog.margin.text() == "12.5 %"
    assert dialog.discount_rate.text() == "8.0 %"
    assert dialog.weights[ScoreComponent.PURCHASE_POWER].value() == 40
    assert dialog.total.text() == "100"


def test_the_date_can_only_be_edited_when_the_user_chooses_it(
    qtbot: QtBot, context: UiContext
) -> None:
    dialog = opened(qtbot, context)

    assert dialog.mode_buttons[ReferenceDateMode.TODAY].isChecked()  # the default
    assert not dialog.reference_date.isEnabled()
    dialog.mode_buttons[ReferenceDateMode.CHOSEN].click()
    assert dialog.reference_date.isEnabled()
    dialog.mode_buttons[ReferenceDateMode.LAST_ORDER].click()
    assert not dialog.reference_date.isEnabled()


def test_the_total_weight_follows_the_weights(qtbot: QtBot, context: UiContext) -> None:
    dialog = opened(qtbot, context)

    assert dialog.total.text() == "100"  # 30 + 20 + 15 + 10 + 25
    dialog.weights[ScoreComponent.LOYALTY].setValue(5)
    assert dialog.total.text() == "80"


def test_what_the_user_sets_is_saved(qtbot: QtBot, context: UiContext) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ValueSettingsDialog)
        try:
            wait_for_tasks(qtbot, context)
            dialog.window_days.setValue(730)
            dialog.mode_buttons[ReferenceDateMode.LAST_ORDER].click()
            dialog.margin.setValue(30)
            dialog.discount_rate.setValue(12.5)
            dialog.weights[ScoreComponent.SERVICE_COST].setValue(0)
            save(qtbot, context, dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test hanging
                dialog.reject()

    QTimer.singleShot(0, fill)
    assert edit_value_settings(context, None) is True

    assert context.workspace.value.settings() == ValueSettings(
        window_days=730,
        reference_mode=ReferenceDateMode.LAST_ORDER,
        margin=Decimal("0.3"),
        discount_rate=Decimal("0.125"),
        weights=ScorecardWeights(service_cost=0),
    )


def test_a_zero_margin_is_refused_beside_the_field(qtbot: QtBot, context: UiContext) -> None:
    dialog = opened(qtbot, context)

    dialog.margin.setValue(0)
    save(qtbot, context, dialog)

    assert dialog.errors.message_for("margin") == (
        "The margin must lie above 0 % and at most 100 %."
    )
    assert dialog.isVisible()
    assert context.workspace.value.settings() == ValueSettings()  # nothing was stored


def test_all_weights_at_zero_are_refused_beside_the_total(qtbot: QtBot, context: UiContext) -> None:
    dialog = opened(qtbot, context)

    for spin in dialog.weights.values():
        spin.setValue(0)
    save(qtbot, context, dialog)

    assert dialog.errors.message_for("weights") == "At least one weight must be above zero."
    assert dialog.errors.message_for("margin") == ""
    assert dialog.isVisible()
