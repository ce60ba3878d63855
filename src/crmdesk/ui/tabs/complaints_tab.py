"""The complaints tab (投诉处理): the list of complaints with filters, overdue ones in red,
and below it the chosen complaint with its history and the moves allowed now."""

from __future__ import annotations

import html
import uuid
from dataclasses import replace
from typing import cast

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.complaint_workflow import (
    FINISHED_STATUSES,
    allowed_transitions,
    is_reopening,
)
from crmdesk.domain.complaints import (
    ComplaintEventRow,
    ComplaintFilter,
    ComplaintRecord,
    ComplaintRow,
)
from crmdesk.domain.enums import ComplaintSeverity, ComplaintStatus, FollowUpKind
from crmdesk.domain.errors import CrmError, NotFoundError
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.complaint_dialog import ComplaintMoveDialog, open_complaint
from crmdesk.ui.dialogs.survey_dialog import offer_survey
from crmdesk.ui.formatting import format_instant
from crmdesk.ui.labels import enum_choices, enum_label
from crmdesk.ui.models.complaint_history_model import ComplaintHistoryModel
from crmdesk.ui.models.complaint_table_model import ComplaintTableModel, time_left_text
from crmdesk.ui.widgets.choice_combos import EnumCombo, RepCombo
from crmdesk.ui.widgets.list_table import fit_columns, list_table
from crmdesk.ui.widgets.questions import ask_yes_no

PAGE_SIZE = 200
# Time left and lateness move with the clock, so the list is read again now and then.
REFRESH_INTERVAL_MS = 60_000
SPLITTER_KEY = "complaints_tab/splitter"
HEADER_KEY = "complaints_tab/header"
SHOWN_TOPICS = (Topic.COMPLAINTS, Topic.CUSTOMERS, Topic.REPS)
DEFAULT_SORT_COLUMN = "due"
MAX_COLUMN_WIDTH = 280  # long titles and names are cut rather than pushing columns away
_S = ComplaintStatus
UNFINISHED = frozenset(set(ComplaintStatus) - FINISHED_STATUSES)


def ask_to_schedule_call(parent: QWidget, customer_name: str) -> bool:
    """Whether to plan a call to ask how the customer is doing after the complaint was
    closed (tests replace this function to answer it)."""
    return ask_yes_no(
        parent,
        QCoreApplication.translate("ComplaintsTab", "Schedule a follow-up call"),
        QCoreApplication.translate(
            "ComplaintsTab", "The complaint is closed. Schedule a follow-up call with {customer}?"
        ).format(customer=customer_name),
    )


class ComplaintsTab(QWidget):
    customer_activated = Signal(object)  # a customer's UUID

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        # Number each read, so that a slow answer to an older one is dropped.
        self._reads = 0
        self._detail_reads = 0
        self._sort_key: str | None = None  # None: the list's own order, soonest due first
        self._descending = False
        self._wanted: uuid.UUID | None = None  # to select once the list holds it
        self._shown: tuple[ComplaintRow, ComplaintRecord] | None = None

        self.model = ComplaintTableModel(self)
        self._sort_section = self.model.column_of(DEFAULT_SORT_COLUMN)
        self.model.more_wanted.connect(self._read_more)
        self.history_model = ComplaintHistoryModel(self)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self._build_table())
        self.splitter.addWidget(self._build_detail())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self._restore_layout()

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_INTERVAL_MS)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        context.tasks.changed.connect(self._on_changed)
        self.reload()

    # --- what the window uses ---------------------------------------------------------------

    def shown_sort(self) -> tuple[str | None, bool]:
        """The sort key and direction the table shows (None: soonest due first)."""
        return self._sort_key, self._descending

    def show_complaint(self, complaint_id: uuid.UUID) -> None:
        """Select the complaint, clearing the filters when they hide it."""
        row = self.model.row_of(complaint_id)
        if row is not None:
            self.table.selectRow(row)
            return
        self._wanted = complaint_id
        self._clear_filters()
        self.reload()

    def current_customer_id(self) -> uuid.UUID | None:
        """The customer of the selected complaint, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).customer_id if rows else None

    def criteria(self) -> ComplaintFilter:
        """What the filters ask for."""
        statuses = cast("frozenset[ComplaintStatus]", self.status_filter.currentData())
        severity = self.severity_filter.current_value()
        return ComplaintFilter(
            statuses=statuses,
            severities=frozenset({severity}) if severity is not None else frozenset(),
            owner_id=self.owner_filter.current_value(),
            overdue=self.overdue_only.isChecked(),
        )

    def reload(self) -> None:
        self._read_page(0)

    def save_layout(self) -> None:
        settings = self._context.settings
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # --- building ----------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("New complaint…"))
        self.new_button.clicked.connect(self._new_complaint)
        self.status_filter = self._status_combo()
        self.severity_filter = EnumCombo(ComplaintSeverity, empty_text=self.tr("All severities"))
        self.owner_filter = RepCombo(self._context, empty_text=self.tr("All owners"))
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.count_label = QLabel()
        for combo in (self.status_filter, self.severity_filter, self.owner_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.overdue_only.toggled.connect(self.reload)

        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addSpacing(16)
        for label, field in (
            (self.tr("Status"), self.status_filter),
            (self.tr("Severity"), self.severity_filter),
            (self.tr("Owner"), self.owner_filter),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            bar.addWidget(caption)
            bar.addWidget(field)
        bar.addWidget(self.overdue_only)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        return bar

    def _status_combo(self) -> QComboBox:
        """All statuses, the unfinished ones (the tab starts with these: the work still to
        do), or one status."""
        combo = QComboBox()
        combo.addItem(self.tr("All statuses"), frozenset())
        combo.addItem(self.tr("Not yet resolved"), UNFINISHED)
        for status, name in enum_choices(ComplaintStatus):
            combo.addItem(name, frozenset({status}))
        combo.setCurrentIndex(1)
        return combo

    def _build_table(self) -> QTableView:
        self.table = list_table(self.model, QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setSortIndicator(self._sort_section, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._row_activated)
        return self.table

    def _build_detail(self) -> QStackedWidget:
        self.detail = QStackedWidget()
        hint = QLabel(self.tr("Choose a complaint to see its details and history."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)
        self.detail.addWidget(hint)

        page = QWidget()
        self.title_label = QLabel()
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.customer_link = QLabel()
        self.customer_link.setTextFormat(Qt.TextFormat.RichText)
        self.customer_link.linkActivated.connect(self._customer_link_activated)
        self.facts_label = QLabel()
        self.dates_label = QLabel()
        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        self.description = QPlainTextEdit()
        self.description.setReadOnly(True)
        self.description.setPlaceholderText(self.tr("No description was given."))
        facts = QFormLayout()
        facts.addRow(self.tr("Customer"), self.customer_link)
        facts.addRow(self.tr("Complaint"), self.facts_label)
        facts.addRow(self.tr("Timing"), self.dates_label)
        facts.addRow(self.tr("Outcome"), self.outcome_label)
        facts.addRow(self.tr("Description"), self.description)

        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(False)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        history_box = QVBoxLayout()
        history_box.addWidget(QLabel(self.tr("History")))
        history_box.addWidget(self.history)

        columns = QHBoxLayout()
        columns.addLayout(facts, 1)
        columns.addLayout(history_box, 1)

        self.move_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for key, text, target in (
            ("acknowledge", self.tr("Acknowledge"), _S.ACKNOWLEDGED),
            ("start", self.tr("Start work"), _S.IN_PROGRESS),
            ("resolve", self.tr("Resolve…"), _S.RESOLVED),
            ("close", self.tr("Close…"), _S.CLOSED),
            ("reopen", self.tr("Reopen…"), _S.IN_PROGRESS),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, target=target: self._move(target))
            self.move_buttons[key] = button
            buttons.addWidget(button)
        buttons.addStretch(1)

        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.title_label)
        box.addLayout(columns, 1)
        box.addLayout(buttons)
        self.detail.addWidget(page)
        return self.detail

    def _restore_layout(self) -> None:
        settings = self._context.settings
        splitter = settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header_state = settings.value(HEADER_KEY)
        header = self.table.horizontalHeader()
        self._sized = isinstance(header_state, QByteArray) and header.restoreState(header_state)
        section = header.sortIndicatorSection()
        if self._sized and 0 <= section < len(self.model.columns):
            self._sort_section = section
            self._sort_key = self.model.columns[section].sort_key
            self._descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    # --- reading -------------------------------------------------------------------------------

    def _read_page(self, offset: int) -> None:
        if offset == 0:
            self._reads += 1
        number = self._reads
        criteria = self.criteria()
        request = PageRequest(offset, PAGE_SIZE, self._sort_key, self._descending)
        complaints = self._context.workspace.complaints
        self._context.tasks.read(
            lambda: complaints.rows(criteria, request),
            lambda page: self._rows_arrived(number, page),
            owner=self,
        )

    def _read_more(self) -> None:
        self._read_page(self.model.loaded_count())

    def _rows_arrived(self, number: int, page: Page[ComplaintRow]) -> None:
        if number != self._reads:
            return
        if page.offset == 0:
            shown = self._shown[0] if self._shown else None
            self.model.set_rows(page.items, page.total)
            if self._wanted is None and shown is not None:
                if self.model.row_of(shown.id) is not None:
                    self._wanted = shown.id
                else:
                    # It left the list (resolved under "not yet resolved", say): it stays
                    # in the pane, up to date, until another complaint is chosen.
                    self._load_detail(shown)
        else:
            self.model.append_rows(page.items, page.total)
        self.count_label.setText(self.tr("%n complaint(s)", "", page.total))
        if not self._sized and page.items:
            fit_columns(self.table, MAX_COLUMN_WIDTH)
            self._sized = True
        self._select_wanted()

    def _select_wanted(self) -> None:
        if self._wanted is None:
            return
        row = self.model.row_of(self._wanted)
        if row is not None:
            self._wanted = None
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        elif self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        else:
            self._wanted = None  # gone: deleted, or its customer was
            self._show_nothing()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._load_detail(self.model.row_at(rows[0].row()))

    def _load_detail(self, row: ComplaintRow) -> None:
        self._detail_reads += 1
        number = self._detail_reads
        complaints = self._context.workspace.complaints

        def load() -> tuple[ComplaintRecord, list[ComplaintEventRow]]:
            return complaints.get(row.id), complaints.history_rows(row.id)

        self._set_moves_enabled(False)
        self._context.tasks.read(
            load,
            lambda loaded: self._detail_arrived(number, row, *loaded),
            owner=self,
            failed=self._detail_failed,
        )

    def _detail_failed(self, error: CrmError) -> None:
        if isinstance(error, NotFoundError):
            self._show_nothing()  # deleted meanwhile
        else:
            self._context.tasks.error.emit(error)

    def _detail_arrived(
        self,
        number: int,
        row: ComplaintRow,
        record: ComplaintRecord,
        history: list[ComplaintEventRow],
    ) -> None:
        if number != self._detail_reads:
            return  # another complaint was chosen meanwhile
        # The row may be older than the record when the complaint left the list.
        row = replace(
            row,
            version=record.version,
            status=record.status,
            due_at=record.due_at,
            as_of=self._context.workspace.clock(),
        )
        self._shown = (row, record)
        self.title_label.setText(record.title)
        self.customer_link.setText(
            f'<a href="customer">{html.escape(row.customer_name)}</a>  ·  {row.customer_code}'
        )
        self.facts_label.setText(
            "  ·  ".join(
                (
                    record.number,
                    enum_label(record.category),
                    enum_label(record.severity),
                    enum_label(record.status),
                    row.owner_name or self.tr("no owner"),
                )
            )
        )
        left = time_left_text(row.hours_left)
        self.dates_label.setText(
            self.tr("received {received}, due {due}").format(
                received=format_instant(record.received_at), due=format_instant(record.due_at)
            )
            + (self.tr("  ({time_left})").format(time_left=left) if left else "")
        )
        self.outcome_label.setText(self._outcome(record))
        self.description.setPlainText(record.description or "")
        self.history_model.set_rows(history)
        self.history.resizeColumnsToContents()
        self._show_moves(record.status)
        self.detail.setCurrentIndex(1)

    def _outcome(self, record: ComplaintRecord) -> str:
        if record.resolution is None:
            return self.tr("not resolved yet")
        text = self.tr("Resolved: {resolution}").format(resolution=record.resolution)
        if record.satisfaction is not None:
            text += "\n" + self.tr("Customer's satisfaction: {score} of 5").format(
                score=record.satisfaction
            )
        return text

    def _show_nothing(self) -> None:
        self._detail_reads += 1
        self._shown = None
        self.history_model.set_rows([])
        self.detail.setCurrentIndex(0)

    # --- moving along the workflow ------------------------------------------------------------

    def _show_moves(self, status: ComplaintStatus) -> None:
        """Only the moves allowed from `status` have a button; the rest are hidden."""
        allowed = allowed_transitions(status)
        reopening = status in (_S.RESOLVED, _S.CLOSED)
        shown = {
            "acknowledge": _S.ACKNOWLEDGED in allowed,
            "start": _S.IN_PROGRESS in allowed and not reopening,
            "resolve": _S.RESOLVED in allowed,
            "close": _S.CLOSED in allowed,
            "reopen": _S.IN_PROGRESS in allowed and reopening,
        }
        for key, button in self.move_buttons.items():
            button.setVisible(shown[key])
        self._set_moves_enabled(True)

    def _set_moves_enabled(self, enabled: bool) -> None:
        for button in self.move_buttons.values():
            button.setEnabled(enabled)

    def _move(self, target: ComplaintStatus) -> None:
        if self._shown is None:
            return
        row, record = self._shown
        if target in (_S.RESOLVED, _S.CLOSED) or is_reopening(record.status, target):
            dialog = ComplaintMoveDialog(self._context, record, target, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if target is _S.CLOSED:
                dialog.moved.connect(lambda closed: offer_survey(self._context, self, closed))
                dialog.moved.connect(lambda closed: self._offer_follow_up(row, closed))
            dialog.open()
            return
        self._set_moves_enabled(False)
        complaints = self._context.workspace.complaints
        self._context.tasks.write(
            lambda: complaints.move(record.id, target, record.version, actor_id=None),
            lambda _moved: None,
            owner=self,
            change=Change.of(Topic.COMPLAINTS, customers=[record.customer_id]),
            failed=self._move_refused,
        )

    def _move_refused(self, error: CrmError) -> None:
        # Shown as the window shows any refusal; the list is read again, since the usual
        # cause is someone else having moved the complaint meanwhile.
        self._context.tasks.error.emit(error)
        self.reload()

    def _offer_follow_up(self, row: ComplaintRow, closed: ComplaintRecord) -> None:
        if not ask_to_schedule_call(self, row.customer_name):
            return
        # Imported here: the follow-up dialogs are a separate part of the window.
        from crmdesk.ui.dialogs.follow_up_dialog import schedule_follow_up

        schedule_follow_up(
            self._context,
            self,
            [closed.customer_id],
            kind=FollowUpKind.CALLBACK,
            title=self.tr("Follow-up call on complaint {number}").format(number=closed.number),
        )

    # --- reacting --------------------------------------------------------------------------------

    def _new_complaint(self) -> None:
        open_complaint(self._context, self, None)

    def _on_changed(self, change: Change) -> None:
        if change.touches(Topic.REPS):
            self.owner_filter.reload()
        if change.touches(*SHOWN_TOPICS):
            self.reload()

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        column = self.model.columns[section]
        if column.sort_key is None:
            # Not sortable in SQL: put the indicator back where the list really is sorted.
            self._restore_sort_indicator()
            return
        self._sort_section = section
        self._sort_key = column.sort_key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def _restore_sort_indicator(self) -> None:
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self._sort_section, order)
        header.blockSignals(False)

    def _clear_filters(self) -> None:
        for widget in (self.status_filter, self.severity_filter, self.owner_filter):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.overdue_only.blockSignals(True)
        self.overdue_only.setChecked(False)
        self.overdue_only.blockSignals(False)

    def _row_activated(self, index: QModelIndex) -> None:
        self.customer_activated.emit(self.model.row_at(index.row()).customer_id)

    def _customer_link_activated(self, _link: str) -> None:
        if self._shown is not None:
            self.customer_activated.emit(self._shown[1].customer_id)
