"""The team's choices behind the customer-value figures: the RFM window and its reference
day, the margin and discount rate of lifetime value, and the scorecard's weights."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from crmdesk.domain.enums import ReferenceDateMode, ScoreComponent
from crmdesk.domain.value_settings import (
    MAX_WEIGHT,
    MAX_WINDOW_DAYS,
    MIN_WINDOW_DAYS,
    ScorecardWeights,
    ValueSettings,
)
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.formatting import format_count
from crmdesk.ui.labels import enum_label

HUNDRED = Decimal(100)
PERCENT_DECIMALS = 1
NOTE_STYLE = "color: palette(placeholder-text);"


def percent_spin() -> QDoubleSpinBox:
    """A percentage from 0 to 100; the service decides which values are allowed, so that
    its message (not a silently clamped number) tells the user."""
    spin = QDoubleSpinBox()
    spin.setRange(0, 100)
    spin.setDecimals(PERCENT_DECIMALS)
    spin.setSuffix(" %")
    return spin


def share_of(spin: QDoubleSpinBox) -> Decimal:
    """The spin box's percentage as a share of one (25 % → 0.25), exactly as displayed."""
    return Decimal(f"{spin.value():.{PERCENT_DECIMALS}f}") / HUNDRED


class ValueSettingsDialog(SavingDialog):
    def __init__(self, context: UiContext, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Customer value settings"))

        self.window_days = QSpinBox()
        self.window_days.setRange(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS)
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.setToolTip(
            self.tr("RFM counts orders and spend in this many days up to the reference date.")
        )
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[ReferenceDateMode, QRadioButton] = {}
        self.reference_date = QDateEdit()
        self.reference_date.setCalendarPopup(True)
        reference = QWidget()
        grid = QGridLayout(reference)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, mode in enumerate(ReferenceDateMode):
            button = QRadioButton(enum_label(mode))
            self.modes.addButton(button)
            self.mode_buttons[mode] = button
            grid.addWidget(button, row, 0)
            if mode is ReferenceDateMode.CHOSEN:
                grid.addWidget(self.errors.wrap("reference_date", self.reference_date), row, 1)
        grid.setColumnStretch(2, 1)
        self.modes.buttonToggled.connect(self._mode_toggled)
        rfm = self._section(self.tr("RFM segments"))
        rfm.addRow(self.tr("Window"), self.errors.wrap("window_days", self.window_days))
        rfm.addRow(self.tr("Window ends on"), reference)

        self.margin = percent_spin()
        self.margin.setToolTip(self.tr("The share of revenue that is profit."))
        self.discount_rate = percent_spin()
        self.discount_rate.setToolTip(
            self.tr("How much less a year's future profit is worth than profit today.")
        )
        clv = self._section(self.tr("Lifetime value"))
        clv.addRow(self.tr("Margin"), self.errors.wrap("margin", self.margin))
        clv.addRow(self.tr("Discount rate"), self.errors.wrap("discount_rate", self.discount_rate))

        self.weights: dict[ScoreComponent, QSpinBox] = {}
        scorecard = self._section(self.tr("Scorecard weights"))
        for component in ScoreComponent:
            spin = QSpinBox()
            spin.setRange(0, MAX_WEIGHT)
            spin.valueChanged.connect(self._show_total)
            self.weights[component] = spin
            scorecard.addRow(
                enum_label(component), self.errors.wrap(f"weights.{component.value}", spin)
            )
        self.total = QLabel()
        scorecard.addRow(self.tr("Total"), self.errors.wrap("weights", self.total))

        note = QLabel(
            self.tr(
                "Segments, suggested stages and scores of all customers are computed again "
                "when these settings change. Each weight counts relative to the total."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.form.addRow(note)

        self._save_button().setEnabled(False)  # until the stored settings are shown
        self.load(ValueSettings())
        self.resize(460, 0)
        value = context.workspace.value
        context.tasks.read(value.settings, self._settings_read, owner=self)

    def load(self, settings: ValueSettings) -> None:
        """Show `settings` in the form."""
        self.window_days.setValue(settings.window_days)
        self.mode_buttons[settings.reference_mode].setChecked(True)
        chosen = settings.reference_date or self.context.workspace.clock().astimezone().date()
        self.reference_date.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.margin.setValue(float(settings.margin * HUNDRED))
        self.discount_rate.setValue(float(settings.discount_rate * HUNDRED))
        for component, spin in self.weights.items():
            spin.setValue(settings.weights.weight_of(component))
        self._mode_toggled()
        self._show_total()

    def value_settings(self) -> ValueSettings:
        """The settings as the form shows them (not yet checked)."""
        mode = next(m for m, button in self.mode_buttons.items() if button.isChecked())
        chosen = self.reference_date.date()
        return ValueSettings(
            window_days=self.window_days.value(),
            reference_mode=mode,
            reference_date=(
                date(chosen.year(), chosen.month(), chosen.day())
                if mode is ReferenceDateMode.CHOSEN
                else None
            ),
            margin=share_of(self.margin),
            discount_rate=share_of(self.discount_rate),
            weights=ScorecardWeights(
                **{component.value: spin.value() for component, spin in self.weights.items()}
            ),
        )

    def save(self) -> None:
        settings = self.value_settings()
        value = self.context.workspace.value
        self.write(lambda: value.save_settings(settings), Change.of(Topic.SETTINGS, Topic.VALUE))

    def _settings_read(self, settings: ValueSettings) -> None:
        self.load(settings)
        self._save_button().setEnabled(True)

    def _mode_toggled(self) -> None:
        self.reference_date.setEnabled(self.mode_buttons[ReferenceDateMode.CHOSEN].isChecked())

    def _show_total(self) -> None:
        total = sum(spin.value() for spin in self.weights.values())
        self.total.setText(format_count(total))

    def _section(self, title: str) -> QFormLayout:
        """A titled group of fields in the form."""
        box = QGroupBox(title)
        self.form.addRow(box)
        return QFormLayout(box)

    def _save_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)


def edit_value_settings(context: UiContext, parent: QWidget | None) -> bool:
    """Let the user change the customer-value settings; True when they were saved."""
    return run_dialog(ValueSettingsDialog(context, parent))
