"""The profile's value page: what a person reads there matches the service's report, the
forecast's inputs multiply to the forecast shown, and it follows changes."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from gui_helpers import wait_for_tasks
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from crmdesk.domain.customer_value import CustomerValueReport
from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.enums import LifecycleStage, ScoreComponent
from crmdesk.domain.orders import OrderDraft, OrderLineDraft
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.value_settings_dialog import ValueSettingsDialog
from crmdesk.ui.labels import enum_label
from crmdesk.ui.profile.value_panel import ValuePanel


def shown_panel(qtbot: QtBot, context: UiContext, customer_id: uuid.UUID | None) -> ValuePanel:
    panel = ValuePanel(context)
    qtbot.addWidget(panel)
    panel.resize(540, 900)
    panel.show()
    panel.show_customer(customer_id)
    wait_for_tasks(qtbot, context)
    return panel


def regular_buyer(context: UiContext) -> CustomerValueReport:
    """A demo customer with a segment and several orders."""
    for customer in context.workspace.customers.list().items:
        report = context.workspace.value.report(customer.id)
        if report.rfm is not None and report.history.order_count >= 3:
            return report
    raise AssertionError("the demo has no regular buyer")


def amount(text: str) -> Decimal:
    """The number a person reads in "¥1,234.50", "2.40" or "25 %"."""
    return Decimal(text.replace("¥", "").replace(",", "").replace("%", "").strip())


def test_the_segment_scores_and_grade_of_the_report_are_shown(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    demo_context.workspace.value.recompute()
    report = regular_buyer(demo_context)
    assert report.rfm is not None
    titles: list[str] = []
    panel = ValuePanel(demo_context)
    qtbot.addWidget(panel)
    panel.title_changed.connect(titles.append)

    panel.show_customer(report.customer_id)
    wait_for_tasks(qtbot, demo_context)

    assert panel.rfm.segment.text() == enum_label(report.rfm.segment)
    assert [cell.text() for cell in panel.rfm.scores] == [
        str(report.rfm.r_score),
        str(report.rfm.f_score),
        str(report.rfm.m_score),
    ]
    assert not panel.rfm.missing.isVisibleTo(panel)
    grade = report.scorecard.grade
    assert panel.scorecard.grade.text() == grade.value
    assert panel.scorecard.total.text() == f"{report.scorecard.total} / 100"
    for part in report.scorecard.components:
        assert panel.scorecard.bars[part.component].value() == part.score
        assert panel.scorecard.weights[part.component].text() == str(part.weight)
    assert panel.lifecycle.reason.text() == report.suggestion.reason.message
    assert titles[-1] == f"Value · {grade.value}"


def test_the_forecast_shown_is_the_product_of_the_inputs_shown(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    demo_context.workspace.value.recompute()
    report = regular_buyer(demo_context)

    panel = shown_panel(qtbot, demo_context, report.customer_id)
    clv = panel.clv

    product = (
        amount(clv.average_order_value.text())
        * amount(clv.yearly_frequency.text())
        * amount(clv.margin.text())
        / 100
        * amount(clv.expected_years.text())
    )
    forecast = amount(clv.forecast.text())
    assert forecast > 0
    assert abs(product - forecast) <= forecast * Decimal("0.01")  # inputs shown rounded
    assert clv.forecast_again.text() == clv.forecast.text()
    assert amount(clv.historical.text()) == report.clv.historical_value


def test_a_customer_without_orders_is_in_exploration_without_a_segment(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    demo_context.workspace.value.recompute()
    customer = demo_context.workspace.customers.create(CustomerDraft(name="新客户"))

    panel = shown_panel(qtbot, demo_context, customer.id)

    assert panel.rfm.segment.text() == "No segment"
    assert panel.rfm.missing.text().startswith("No orders up to ")
    assert [cell.text() for cell in panel.rfm.scores] == ["—", "—", "—"]
    assert panel.lifecycle.suggested.text() == enum_label(LifecycleStage.EXPLORATION)
    assert panel.lifecycle.reason.text() == "No orders yet."
    assert amount(panel.clv.forecast.text()) == 0


def test_before_any_recompute_the_page_says_where_to_compute(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    buyer = next(
        customer.id
        for customer in demo_context.workspace.customers.list().items
        if demo_context.workspace.value.report(customer.id).history.order_count > 0
    )

    panel = shown_panel(qtbot, demo_context, buyer)

    assert panel.rfm.missing.text() == "Not computed yet — recompute on the dashboard."
    assert panel.rfm.segment.text() == "No segment"


def test_a_pinned_stage_is_marked_as_chosen_by_hand(qtbot: QtBot, demo_context: UiContext) -> None:
    customer = demo_context.workspace.customers.create(
        CustomerDraft(name="老朋友", lifecycle_stage=LifecycleStage.STABILITY, stage_pinned=True)
    )

    panel = shown_panel(qtbot, demo_context, customer.id)

    assert panel.lifecycle.stage.text() == enum_label(LifecycleStage.STABILITY)
    assert panel.lifecycle.suggested.text() == enum_label(LifecycleStage.EXPLORATION)
    assert panel.lifecycle.pinned.isVisibleTo(panel)


def test_a_new_order_of_the_customer_shows_at_once(qtbot: QtBot, demo_context: UiContext) -> None:
    customer = demo_context.workspace.customers.create(CustomerDraft(name="王记"))
    panel = shown_panel(qtbot, demo_context, customer.id)
    assert amount(panel.clv.historical.text()) == 0
    draft = OrderDraft(
        customer.id,
        date.today() - timedelta(days=3),
        (OrderLineDraft("净水器", 2, Decimal("1200.00")),),
    )
    orders = demo_context.workspace.orders

    demo_context.tasks.write(
        lambda: orders.create(draft),
        lambda _order: None,
        owner=panel,
        change=Change.of(Topic.ORDERS, customers=[customer.id]),
    )
    wait_for_tasks(qtbot, demo_context)

    assert amount(panel.clv.historical.text()) == Decimal("2400.00")
    assert panel.lifecycle.suggested.text() == enum_label(LifecycleStage.FORMATION)


def test_changing_a_weight_changes_the_total_shown(qtbot: QtBot, demo_context: UiContext) -> None:
    demo_context.workspace.value.recompute()
    report = regular_buyer(demo_context)
    panel = shown_panel(qtbot, demo_context, report.customer_id)
    only_purchase_power = next(
        part.score
        for part in report.scorecard.components
        if part.component is ScoreComponent.PURCHASE_POWER
    )
    assert report.scorecard.total != only_purchase_power  # else the test proves nothing

    def weigh() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ValueSettingsDialog)
        try:
            wait_for_tasks(qtbot, demo_context)
            for component, spin in dialog.weights.items():
                spin.setValue(1 if component is ScoreComponent.PURCHASE_POWER else 0)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
            wait_for_tasks(qtbot, demo_context)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test hanging
                dialog.reject()

    QTimer.singleShot(0, weigh)
    panel.scorecard.weights_button.click()
    wait_for_tasks(qtbot, demo_context)

    assert panel.scorecard.total.text() == f"{only_purchase_power} / 100"
    assert panel.scorecard.weights[ScoreComponent.LOYALTY].text() == "0"


def test_without_a_customer_the_page_is_empty(qtbot: QtBot, context: UiContext) -> None:
    titles: list[str] = []
    panel = ValuePanel(context)
    qtbot.addWidget(panel)
    panel.title_changed.connect(titles.append)

    panel.show_customer(None)

    assert titles == ["Value"]
    assert not panel.scorecard.isVisibleTo(panel)
    assert panel.message.text() == "Choose a customer to see their value."
