"""The editable part of a customer's profile: every field a person types or picks, with
the validation message of each beside it, and whether anything differs from what was
loaded."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customers import CustomerDraft, CustomerRecord
from crmdesk.domain.enums import CustomerKind, CustomerLevel, LifecycleStage, SourceChannel
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.conflict_dialog import FieldDifference
from crmdesk.ui.formatting import format_date
from crmdesk.ui.labels import enum_label
from crmdesk.ui.widgets.choice_combos import EnumCombo, RepCombo
from crmdesk.ui.widgets.customer_picker import CustomerPicker
from crmdesk.ui.widgets.form_errors import FormErrors

# The date a birthday field offers first when a person ticks it.
DEFAULT_BIRTHDAY = date(1990, 1, 1)
_NO_DATE = QDate(1899, 12, 31)  # shown as the "none" text; the earliest real date is after it
_NOTES_HEIGHT = 70


class OptionalDateEdit(QWidget):
    """A date that may be absent: the box says whether there is one, the edit picks it."""

    changed = Signal()

    def __init__(self, none_text: str, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default = QDate(default.year, default.month, default.day)
        self.check = QCheckBox()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(none_text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.set_value(None)
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        picked = self.edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_value(self, day: date | None) -> None:
        self.check.blockSignals(True)
        self.check.setChecked(day is not None)
        self.check.blockSignals(False)
        self.edit.setEnabled(day is not None)
        self.edit.setDate(_NO_DATE if day is None else QDate(day.year, day.month, day.day))

    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.edit.setDate(self._default if checked else _NO_DATE)
        self.changed.emit()


class CustomerForm(QWidget):
    """Load a customer (or None for a new one), let the user edit, read back a draft.

    `errors` shows a ValidationError's problems under the fields, by the names the
    customer service uses.
    """

    dirty_changed = Signal(bool)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: CustomerRecord | None = None
        self._baseline = CustomerDraft(name="")
        self._dirty = False
        self._reps_loaded = False
        self._labels: dict[str, str] = {}
        self.errors = FormErrors()

        self.name = QLineEdit()
        self.code = QLineEdit()
        self.kind = EnumCombo(CustomerKind)
        self.level = EnumCombo(CustomerLevel)
        self.stage = EnumCombo(LifecycleStage)
        self.pinned = QCheckBox(self.tr("Pinned"))
        self.pinned.setToolTip(
            self.tr("Keep this stage: the suggestion from purchase history will not change it.")
        )
        self.source = EnumCombo(SourceChannel, empty_text="—")
        self.industry = QLineEdit()
        self.owner = RepCombo(context, empty_text=self.tr("Nobody"))
        self.phone = QLineEdit()
        self.phone_alt = QLineEdit()
        self.email = QLineEdit()
        self.wechat = QLineEdit()
        self.province = QLineEdit()
        self.city = QLineEdit()
        self.district = QLineEdit()
        self.address = QLineEdit()
        self.birthday = OptionalDateEdit(self.tr("No birthday"), DEFAULT_BIRTHDAY)
        self.referrer = CustomerPicker(context)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(_NOTES_HEIGHT)
        self.notes.setTabChangesFocus(True)

        self._lay_out()
        self._watch_edits()
        self.owner.loaded.connect(self._on_reps_loaded)
        self.load(None)

    @property
    def record(self) -> CustomerRecord | None:
        """The saved customer the form was loaded from; None for a new one."""
        return self._record

    def load(self, record: CustomerRecord | None) -> None:
        """Show `record` (None: an empty form for a new customer) with nothing edited."""
        self._record = record
        self._baseline = record.to_draft() if record else CustomerDraft(name="")
        draft = self._baseline
        self._quietly_fill(draft, record)
        self.code.setReadOnly(record is not None)
        self.code.setPlaceholderText("" if record else self.tr("Next number"))
        self.errors.clear()
        self._update_dirty()

    def revert(self) -> None:
        self.load(self._record)

    def is_dirty(self) -> bool:
        return self._dirty

    def draft(self) -> CustomerDraft:
        """What the form holds now, ready for the customer service."""
        return CustomerDraft(
            name=self.name.text(),
            kind=self.kind.current_value() or CustomerKind.COMPANY,
            code=self._record.code if self._record else (self.code.text().strip() or None),
            industry=_text(self.industry),
            source=self.source.current_value(),
            level=self.level.current_value() or CustomerLevel.NORMAL,
            lifecycle_stage=self.stage.current_value() or LifecycleStage.EXPLORATION,
            stage_pinned=self.pinned.isChecked(),
            # Until the reps arrive the combo cannot show the owner; it has not been changed.
            owner_id=self.owner.current_value() if self._reps_loaded else self._baseline.owner_id,
            phone=_text(self.phone),
            phone_alt=_text(self.phone_alt),
            email=_text(self.email),
            wechat=_text(self.wechat),
            province=_text(self.province),
            city=_text(self.city),
            district=_text(self.district),
            address=_text(self.address),
            birthday=self.birthday.value(),
            referred_by_id=self.referrer.current_customer_id(),
            notes=self.notes.toPlainText() or None,
            # Not edited here: whatever was loaded goes back unchanged.
            custom_fields=self._baseline.custom_fields,
        )

    def differences(self, theirs: CustomerRecord) -> list[FieldDifference]:
        """The fields whose value in the form differs from `theirs`, as both read."""
        mine = self.draft()
        saved = theirs.to_draft()
        return [
            FieldDifference(
                self._labels[name],
                self._shown(name, getattr(mine, name), None),
                self._shown(name, getattr(saved, name), theirs),
            )
            for name in (f.name for f in fields(CustomerDraft))
            if name in self._labels and getattr(mine, name) != getattr(saved, name)
        ]

    def _shown(self, name: str, value: object, record: CustomerRecord | None) -> str:
        """`value` of field `name` as the form shows it; `record` names the owner and
        referrer of a saved version, the form's own choices name those of mine."""
        if value is None or value == "":
            return "—"
        if name == "owner_id":
            return (record.owner_name if record else self.owner.currentText()) or "—"
        if name == "referred_by_id":
            return (record.referred_by_name if record else self.referrer.text()) or "—"
        if isinstance(value, StrEnum):
            return enum_label(value)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, date):
            return format_date(value)
        return str(value)

    def _quietly_fill(self, draft: CustomerDraft, record: CustomerRecord | None) -> None:
        editors: list[QWidget] = [
            *self.findChildren(QLineEdit),
            *self.findChildren(QComboBox),
            self.notes,
            self.pinned,
            self.birthday,
        ]
        for editor in editors:
            editor.blockSignals(True)
        try:
            self.name.setText(draft.name)
            self.code.setText(draft.code or "")
            self.kind.set_value(draft.kind)
            self.level.set_value(draft.level)
            self.stage.set_value(draft.lifecycle_stage)
            self.pinned.setChecked(draft.stage_pinned)
            self.source.set_value(draft.source)
            self.industry.setText(draft.industry or "")
            self.owner.set_value(draft.owner_id)
            for edit, value in (
                (self.phone, draft.phone),
                (self.phone_alt, draft.phone_alt),
                (self.email, draft.email),
                (self.wechat, draft.wechat),
                (self.province, draft.province),
                (self.city, draft.city),
                (self.district, draft.district),
                (self.address, draft.address),
            ):
                edit.setText(value or "")
            self.birthday.set_value(draft.birthday)
            self.referrer.set_customer(
                draft.referred_by_id, (record.referred_by_name or "") if record else ""
            )
            self.notes.setPlainText(draft.notes or "")
        finally:
            for editor in editors:
                editor.blockSignals(False)

    def _on_reps_loaded(self) -> None:
        self._reps_loaded = True
        self._update_dirty()

    def _watch_edits(self) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.textChanged.connect(self._update_dirty)
        for combo in (self.kind, self.level, self.source, self.owner):
            combo.currentIndexChanged.connect(self._update_dirty)
        self.stage.currentIndexChanged.connect(self._on_stage_chosen)
        self.pinned.toggled.connect(self._update_dirty)
        self.birthday.changed.connect(self._update_dirty)
        self.referrer.customer_chosen.connect(self._update_dirty)
        self.notes.textChanged.connect(self._update_dirty)

    def _on_stage_chosen(self) -> None:
        # A stage chosen by hand is a decision the suggestion must not undo.
        self.pinned.setChecked(True)
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self.draft() != self._baseline
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _lay_out(self) -> None:
        stage = QWidget()
        stage_row = QHBoxLayout(stage)
        stage_row.setContentsMargins(0, 0, 0, 0)
        stage_row.addWidget(self.stage, 1)
        stage_row.addWidget(self.pinned)

        pairs: list[tuple[tuple[str, str, QWidget], tuple[str, str, QWidget] | None]] = [
            (("name", self.tr("Name"), self.name), ("code", self.tr("Code"), self.code)),
            (("kind", self.tr("Kind"), self.kind), ("level", self.tr("Level"), self.level)),
            (
                ("lifecycle_stage", self.tr("Stage"), stage),
                ("source", self.tr("Source"), self.source),
            ),
            (
                ("industry", self.tr("Industry"), self.industry),
                ("owner_id", self.tr("Owner"), self.owner),
            ),
            (
                ("phone", self.tr("Phone"), self.phone),
                ("phone_alt", self.tr("Other phone"), self.phone_alt),
            ),
            (("email", self.tr("E-mail"), self.email), ("wechat", self.tr("WeChat"), self.wechat)),
            (
                ("province", self.tr("Province"), self.province),
                ("city", self.tr("City"), self.city),
            ),
            (
                ("district", self.tr("District"), self.district),
                ("birthday", self.tr("Birthday"), self.birthday),
            ),
            (("address", self.tr("Address"), self.address), None),
            (("referred_by_id", self.tr("Referred by"), self.referrer), None),
            (("notes", self.tr("Notes"), self.notes), None),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for row, (left, right) in enumerate(pairs):
            self._add_field(grid, row, 0, left, span=1 if right else 3)
            if right is not None:
                self._add_field(grid, row, 2, right, span=1)
        self._labels["stage_pinned"] = self.pinned.text()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.errors.general)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _add_field(
        self, grid: QGridLayout, row: int, column: int, spec: tuple[str, str, QWidget], span: int
    ) -> None:
        name, text, field = spec
        self._labels[name] = text
        label = QLabel(text)
        label.setBuddy(field)
        # As tall as a line edit, so the label stays level with its field when an error
        # line opens under the field.
        label.setMinimumHeight(QLineEdit().sizeHint().height())
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        grid.addWidget(label, row, column, alignment=align)
        grid.addWidget(self.errors.wrap(name, field), row, column + 1, 1, span)


def _text(edit: QLineEdit) -> str | None:
    return edit.text() or None
