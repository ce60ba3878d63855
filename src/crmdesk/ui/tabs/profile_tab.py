"""One customer's profile: a header with the key figures, the editable form with Save and
Revert, tags, contacts and the timeline of everything that happened with the customer.
Creating a new customer starts here too."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial

from PySide6.QtCore import QByteArray, QCoreApplication, QEventLoop, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer_overview import CustomerOverview
from crmdesk.domain.customers import CustomerDraft, CustomerRecord
from crmdesk.domain.errors import ConflictError, CrmError, NotFoundError, ValidationError
from crmdesk.domain.timeline import TIMELINE_PAGE, TimelinePage
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.conflict_dialog import ConflictChoice, resolve_conflict
from crmdesk.ui.dialogs.interaction_dialog import log_interaction
from crmdesk.ui.formatting import format_count, format_date, format_money
from crmdesk.ui.labels import enum_label
from crmdesk.ui.models.timeline_model import TimelineColumn, TimelineModel
from crmdesk.ui.profile.loyalty_panel import LoyaltyPanel
from crmdesk.ui.profile.orders_panel import OrdersPanel
from crmdesk.ui.profile.satisfaction_panel import SatisfactionPanel
from crmdesk.ui.profile.value_panel import ValuePanel
from crmdesk.ui.widgets.contacts_editor import ContactsEditor
from crmdesk.ui.widgets.customer_form import CustomerForm
from crmdesk.ui.widgets.scrolled import scrolled
from crmdesk.ui.widgets.tags_editor import TagsEditor

SPLITTER_KEY = "profile/splitter"
WARNING_COLOR = "#c62828"
NOTICE_STYLE = "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;"
# What a profile shows: a change to any of these, for its customer, makes it refresh.
_SHOWN_TOPICS = (
    Topic.CUSTOMERS,
    Topic.REPS,
    Topic.INTERACTIONS,
    Topic.FOLLOW_UPS,
    Topic.COMPLAINTS,
    Topic.ORDERS,
    Topic.VALUE,
)


class LeaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_leave(parent: QWidget, name: str) -> LeaveChoice:
    """Ask what to do with unsaved edits (tests answer the box or replace this function)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ProfileTab", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("ProfileTab", "Save your changes to {name}?").format(name=name)
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    box.deleteLater()
    return {
        QMessageBox.StandardButton.Save: LeaveChoice.SAVE,
        QMessageBox.StandardButton.Discard: LeaveChoice.DISCARD,
    }.get(QMessageBox.StandardButton(answer), LeaveChoice.CANCEL)


@dataclass(frozen=True)
class ProfileData:
    """Everything the profile reads about one customer, in one background read."""

    record: CustomerRecord
    overview: CustomerOverview
    timeline: TimelinePage


class KeyFigure(QFrame):
    """A caption over one figure, such as "Total spend" over "¥12,345.00"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: palette(placeholder-text);")
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def show_value(self, text: str, *, warning: bool = False, tip: str = "") -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {WARNING_COLOR};" if warning else "")
        self.setToolTip(tip)


class ProfileTab(QWidget):
    """Shows one customer (`show_customer`) or an empty form for a new one
    (`new_customer`). Call `confirm_leave()` before showing another customer."""

    customer_activated = Signal(object)  # a customer's UUID, e.g. the referrer's link

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._latest: CustomerRecord | None = None  # as saved now, may be newer than the form's
        self._timeline_limit = TIMELINE_PAGE
        self._loads = 0  # numbers each load, so that an answer to an earlier one is dropped
        self._saving = False

        self.form = CustomerForm(context)
        self.tags = TagsEditor(context)
        self.contacts = ContactsEditor(context)
        self.timeline_model = TimelineModel(self)
        self.orders = OrdersPanel(context)
        self.value = ValuePanel(context)
        self.loyalty = LoyaltyPanel(context)
        self.satisfaction = SatisfactionPanel(context)
        self._build()
        self.form.dirty_changed.connect(self._update_actions)
        self.contacts.count_changed.connect(self._show_contact_count)
        context.tasks.changed.connect(self._on_changed)
        self.new_customer()

    # --- what the main window calls ---------------------------------------------------

    def current_customer_id(self) -> uuid.UUID | None:
        return self._customer_id

    def show_customer(self, customer_id: uuid.UUID) -> None:
        """Show this customer; edits of another one are dropped (ask `confirm_leave` first)."""
        if customer_id != self._customer_id:
            self._customer_id = customer_id
            self._timeline_limit = TIMELINE_PAGE
            self._show_in_panels(customer_id)
        self._reload()

    def new_customer(self) -> None:
        """An empty form; Save creates the customer and the profile then shows it."""
        self._customer_id = None
        self._latest = None
        self._loads += 1
        self.form.load(None)
        self.tags.set_tags(None, ())
        self._show_in_panels(None)
        self.timeline_model.set_entries(())
        self.timeline_tabs.setTabText(0, self.tr("Timeline"))
        self.timeline_tabs.setCurrentIndex(0)
        self.older_button.hide()
        self._show_header()
        self._hide_notice()
        self._update_actions()
        self.form.name.setFocus()

    def confirm_leave(self) -> bool:
        """True when it is fine to show something else: nothing unsaved, or the user chose
        to save (and it was saved) or to discard the edits."""
        if not self.form.is_dirty():
            return True
        name = self.form.name.text().strip() or self.tr("the new customer")
        choice = ask_leave(self, name)
        if choice is LeaveChoice.DISCARD:
            self.revert()
            return True
        if choice is LeaveChoice.CANCEL:
            return False
        saved: list[bool] = []
        loop = QEventLoop()

        def finished(ok: bool) -> None:
            saved.append(ok)
            loop.quit()

        self._save(finished)
        if not saved:
            loop.exec()  # a real wait for the write: the answer decides whether to leave
        return saved[0]

    def log_interaction(self) -> None:
        if self._customer_id is not None:
            log_interaction(self._context, self, self._customer_id)

    def schedule_follow_up(self) -> None:
        if self._customer_id is None:
            return
        from crmdesk.ui.dialogs.follow_up_dialog import schedule_follow_up

        schedule_follow_up(self._context, self, [self._customer_id])

    def open_complaint(self) -> None:
        if self._customer_id is None:
            return
        from crmdesk.ui.dialogs.complaint_dialog import open_complaint

        open_complaint(self._context, self, self._customer_id)

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        self._save(lambda _saved: None)

    def revert(self) -> None:
        """Back to the customer as saved now (or an empty form for a new one)."""
        self.form.load(self._latest if self._customer_id is not None else None)
        self._hide_notice()

    def _save(self, then: Callable[[bool], None]) -> None:
        if not self.form.is_dirty() or self._saving:
            then(not self.form.is_dirty())
            return
        draft = self.form.draft()
        basis = self.form.record
        customers = self._context.workspace.customers
        if basis is None:
            self._write(lambda: customers.create(draft), then)
        else:
            self._write(lambda: customers.update(basis.id, draft, basis.version), then)

    def _write(self, work: Callable[[], CustomerRecord], then: Callable[[bool], None]) -> None:
        self.form.errors.clear()
        self._saving = True
        self._update_actions()
        self._context.tasks.write(
            work,
            lambda saved: self._saved(saved, then),
            owner=self,
            change=lambda saved: Change.of(Topic.CUSTOMERS, customers=[saved.id]),
            failed=lambda error: self._refused(error, then),
            always=lambda: self._write_ended(then),
        )

    def _write_ended(self, then: Callable[[bool], None]) -> None:
        # Still saving: the write failed with a bug (raised next, loudly), which neither
        # `_saved` nor `_refused` saw; whoever waits for the answer must still get one.
        if self._saving:
            self._saving = False
            self._update_actions()
            then(False)

    def _saved(self, record: CustomerRecord, then: Callable[[bool], None]) -> None:
        self._saving = False
        created = self._customer_id is None
        self._customer_id = record.id
        self._latest = record
        self.form.load(record)
        self._hide_notice()
        if created:
            self.tags.set_tags(record.id, record.tags)
            self._show_in_panels(record.id)
            self._reload()
        self._show_header()
        then(True)

    def _refused(self, error: CrmError, then: Callable[[bool], None]) -> None:
        self._saving = False
        self._update_actions()
        basis = self.form.record
        if isinstance(error, ValidationError):
            self.form.errors.show(error.problems)
        elif isinstance(error, ConflictError) and basis is not None:
            customers = self._context.workspace.customers
            self._context.tasks.read(
                lambda: customers.get(basis.id),
                lambda theirs: self._settle_conflict(theirs, then),
                owner=self,
                failed=lambda gone: self._refused(gone, then),
            )
            return
        elif isinstance(error, NotFoundError):
            self._show_notice(self.tr("This customer was deleted by someone else."))
        else:
            self._context.tasks.error.emit(error)
        then(False)

    def _settle_conflict(self, theirs: CustomerRecord, then: Callable[[bool], None]) -> None:
        self._latest = theirs
        self._show_header()
        mine: CustomerDraft = self.form.draft()
        choice = resolve_conflict(self, theirs.name, self.form.differences(theirs))
        if choice is ConflictChoice.RELOAD:
            self.form.load(theirs)
            self._hide_notice()
        elif choice is ConflictChoice.KEEP_MINE:
            # Fields this form does not edit keep what was saved meanwhile.
            draft = replace(mine, custom_fields=theirs.custom_fields)
            customers = self._context.workspace.customers
            self._write(lambda: customers.update(theirs.id, draft, theirs.version), then)
            return
        then(False)

    # --- loading ------------------------------------------------------------------------

    def _reload(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self._loads += 1
        number, limit = self._loads, self._timeline_limit
        workspace = self._context.workspace
        customers, overview, timeline = workspace.customers, workspace.overview, workspace.timeline

        def read() -> ProfileData:
            return ProfileData(
                customers.get(customer_id),
                overview.overview(customer_id),
                timeline.entries(customer_id, limit),
            )

        self._context.tasks.read(
            read,
            lambda data: self._loaded(number, data),
            owner=self,
            failed=lambda error: self._load_failed(number, error),
        )

    def _loaded(self, number: int, data: ProfileData) -> None:
        if number != self._loads:
            return
        record = data.record
        basis = self.form.record
        self._latest = record
        if basis is None or basis.id != record.id:
            self.form.load(record)  # another customer: the caller asked confirm_leave first
            self._hide_notice()
        elif basis.version == record.version:
            pass  # the customer's own fields did not change: keep the form as it is
        elif not self.form.is_dirty():
            self.form.load(record)
            self._hide_notice()
        else:
            # Never overwrite what the user is typing; Save will show both versions.
            self._show_notice(
                self.tr(
                    "Someone else changed this customer while you were editing. "
                    "Save to compare the two versions, or Revert to see theirs."
                )
            )
        self.tags.set_tags(record.id, record.tags)
        self._show_header(data.overview)
        self.timeline_model.set_entries(data.timeline.entries)
        self.timeline_tabs.setTabText(
            0, self.tr("Timeline ({count})").format(count=format_count(data.timeline.total))
        )
        self.older_button.setVisible(data.timeline.has_more)
        self._update_actions()

    def _load_failed(self, number: int, error: CrmError) -> None:
        if number != self._loads:
            return
        if isinstance(error, NotFoundError):
            self._show_notice(
                self.tr("This customer no longer exists; someone may have deleted it.")
            )
        else:
            self._context.tasks.error.emit(error)

    def _on_changed(self, change: Change) -> None:
        customer_id = self._customer_id
        if (
            customer_id is not None
            and change.touches(*_SHOWN_TOPICS)
            and change.touches_customer(customer_id)
        ):
            self._reload()

    def _show_older(self) -> None:
        self._timeline_limit += TIMELINE_PAGE
        self._reload()

    # --- showing ------------------------------------------------------------------------

    def _show_header(self, overview: CustomerOverview | None = None) -> None:
        record = self._latest
        if record is None:
            self.title.setText(self.tr("New customer"))
            self.facts.setText(self.tr("Fill in the form and save to create the customer."))
        else:
            self.title.setText(record.name)
            self.facts.setText(self._facts_html(record))
        self.figures.setVisible(record is not None)
        if overview is None:
            return
        self.spend.show_value(
            format_money(overview.total_spend),
            tip=self.tr("%n order(s), cancelled ones not counted", "", overview.order_count),
        )
        self.last_order.show_value(format_date(overview.last_order_on) or "—")
        segment = enum_label(overview.segment) if overview.segment else "—"
        grade = enum_label(overview.grade) if overview.grade else "—"
        self.segment.show_value(
            self.tr("{segment} · grade {grade}").format(segment=segment, grade=grade),
            tip=self.tr("From the last recomputation of customer value; see the Value page"),
        )
        self.open_complaints.show_value(
            format_count(overview.open_complaints), warning=overview.open_complaints > 0
        )
        self.next_follow_up.show_value(
            format_date(overview.next_follow_up_on) or "—",
            warning=overview.next_follow_up_overdue,
            tip=overview.next_follow_up_title or "",
        )

    def _facts_html(self, record: CustomerRecord) -> str:
        parts = [
            html.escape(record.code),
            html.escape(enum_label(record.lifecycle_stage)),
            html.escape(enum_label(record.level)),
            html.escape(
                self.tr("Owner: {name}").format(name=record.owner_name or self.tr("nobody"))
            ),
        ]
        if record.referred_by_id is not None and record.referred_by_name:
            link = f'<a href="{record.referred_by_id}">{html.escape(record.referred_by_name)}</a>'
            parts.append(html.escape(self.tr("Referred by {name}")).format(name=link))
        return " · ".join(parts)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _hide_notice(self) -> None:
        self.notice.hide()

    def show_page(self, page: QWidget) -> None:
        """Bring `page` (the timeline's, the contacts or a panel) to the front."""
        for index in range(self.timeline_tabs.count()):
            shown = self.timeline_tabs.widget(index)
            if page in (shown, getattr(shown, "widget", lambda: None)()):
                self.timeline_tabs.setCurrentIndex(index)

    def _show_in_panels(self, customer_id: uuid.UUID | None) -> None:
        self.contacts.set_customer(customer_id)
        for panel in (self.orders, self.value, self.loyalty, self.satisfaction):
            panel.show_customer(customer_id)

    def _show_contact_count(self, count: int) -> None:
        self.timeline_tabs.setTabText(
            1, self.tr("Contacts ({count})").format(count=format_count(count))
        )

    def _update_actions(self) -> None:
        dirty = self.form.is_dirty()
        self.save_button.setEnabled(dirty and not self._saving)
        self.save_action.setEnabled(dirty and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)
        for button in (self.log_button, self.follow_up_button, self.complaint_button):
            button.setEnabled(self._customer_id is not None)
        self.timeline_tabs.setEnabled(self._customer_id is not None)

    def _build(self) -> None:
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.linkActivated.connect(lambda href: self.customer_activated.emit(uuid.UUID(href)))

        self.spend = KeyFigure(self.tr("Total spend"))
        self.last_order = KeyFigure(self.tr("Last order"))
        self.segment = KeyFigure(self.tr("Value segment"))
        self.open_complaints = KeyFigure(self.tr("Open complaints"))
        self.next_follow_up = KeyFigure(self.tr("Next follow-up"))
        self.figures = QWidget()
        figures = QHBoxLayout(self.figures)
        figures.setContentsMargins(0, 0, 0, 0)
        for figure in (
            self.spend,
            self.last_order,
            self.segment,
            self.open_complaints,
            self.next_follow_up,
        ):
            figures.addWidget(figure)
        figures.addStretch(1)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Throw away the changes and show what is saved"))
        self.log_button = QPushButton(self.tr("Log interaction…"))
        self.follow_up_button = QPushButton(self.tr("Schedule follow-up…"))
        self.complaint_button = QPushButton(self.tr("Open complaint…"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.log_button.clicked.connect(self.log_interaction)
        self.follow_up_button.clicked.connect(self.schedule_follow_up)
        self.complaint_button.clicked.connect(self.open_complaint)
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.follow_up_button)
        buttons.addWidget(self.complaint_button)
        buttons.addStretch(1)

        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(self.form)
        tags_box = QGroupBox(self.tr("Tags"))
        QVBoxLayout(tags_box).addWidget(self.tags)
        form_layout.addWidget(tags_box)
        form_layout.addStretch(1)
        scroll = scrolled(form_page)

        self.timeline_view = QTableView()
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.setWordWrap(False)
        rows = self.timeline_view.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.timeline_view.horizontalHeader()
        for column in (TimelineColumn.KIND, TimelineColumn.WHEN, TimelineColumn.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineColumn.SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.older_button = QPushButton(self.tr("Show older entries"))
        self.older_button.hide()
        self.older_button.clicked.connect(self._show_older)
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.addWidget(self.timeline_view, 1)
        timeline_layout.addWidget(self.older_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.timeline_tabs = QTabWidget()
        self.timeline_tabs.addTab(timeline_page, self.tr("Timeline"))
        self.timeline_tabs.addTab(self.contacts, self.tr("Contacts"))
        for panel, title in (
            (self.orders, self.tr("Orders")),
            (self.value, self.tr("Value")),
            (self.loyalty, self.tr("Loyalty")),
            (self.satisfaction, self.tr("Satisfaction")),
        ):
            index = self.timeline_tabs.addTab(scrolled(panel), title)
            panel.title_changed.connect(partial(self.timeline_tabs.setTabText, index))
        self.loyalty.customer_activated.connect(self.customer_activated)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.timeline_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        saved = self._context.settings.value(SPLITTER_KEY)
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)
        splitter.splitterMoved.connect(
            lambda *_: self._context.settings.setValue(SPLITTER_KEY, splitter.saveState())
        )
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.figures)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
