"""The Customers tab: search as you type, filters, a table that reads only what it paints,
and actions on the selected customers (owner, tag, follow-up, delete)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar, cast

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customers import CustomerFilter, CustomerSort, TagRecord
from crmdesk.domain.enums import CustomerLevel, FollowUpKind, LifecycleStage, ValueSegment
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.formatting import format_count
from crmdesk.ui.models.customer_list_model import CustomerListModel, CustomerQuery
from crmdesk.ui.widgets.choice_combos import EnumCombo, RepCombo, index_of_value
from crmdesk.ui.widgets.list_table import fit_columns, list_table
from crmdesk.ui.widgets.questions import ask_yes_no

SEARCH_DELAY_MS = 150  # typing pauses shorter than this do not start a search
HEADER_KEY = "customers_tab/header"
SPLITTER_KEY = "customers_tab/splitter"
FILTER_PANEL_WIDTH = 220
# Columns whose text is long: cut rather than pushing the other columns out of sight.
MAX_COLUMN_WIDTH = 260

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShownCustomers:
    """What the list shows, for an export to reproduce: which customers, in which order,
    which columns (visible ones, in their on-screen order)."""

    criteria: CustomerFilter
    sort_by: str | None
    descending: bool
    column_keys: tuple[str, ...]


# --- questions the tab asks (tests replace these functions to answer them) -------------


# Each takes its counted (plural) texts from the tab, translated by the tab's tr(): only a
# class's tr() gets lupdate to offer plural forms.


def confirm_delete(parent: QWidget, count: int, question: str) -> bool:
    return ask_yes_no(
        parent,
        QCoreApplication.translate("CustomersTab", "Delete customers"),
        question,
        default_yes=False,
    )


def ask_owner(
    context: UiContext, parent: QWidget, count: int, label: str
) -> tuple[bool, uuid.UUID | None]:
    """(chosen, rep id or None for "nobody")."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("CustomersTab", "Assign owner"))
    nobody = QCoreApplication.translate("CustomersTab", "Nobody")
    combo = RepCombo(context, empty_text=nobody, parent=dialog)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    form.addRow(label, combo)
    form.addRow(buttons)
    chosen = dialog.exec() == QDialog.DialogCode.Accepted
    return chosen, combo.current_value()


def tell_not_loaded(parent: QWidget, message: str) -> None:
    """Say why a bulk action on the selection was refused."""
    QMessageBox.information(
        parent, QCoreApplication.translate("CustomersTab", "Too many customers selected"), message
    )


def ask_tag(parent: QWidget, count: int, known: Sequence[str], label: str) -> str | None:
    """A tag name, typed or chosen among the existing ones; None when cancelled."""
    name, chosen = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("CustomersTab", "Add tag"),
        label,
        list(known),
        0,
        True,
    )
    return name if chosen and name.strip() else None


class CustomersTab(QWidget):
    customer_activated = Signal(object)  # a customer's UUID
    status_text_changed = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tags: list[TagRecord] = []
        self._places: list[tuple[str, str | None]] = []
        self._reselect: set[uuid.UUID] = set()  # selection to bring back after a refresh
        self._first_rows_seen = False  # the first rows have been shown (columns sized to them)
        self.model = CustomerListModel(context, self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, pinyin, phone, e-mail or code"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_criteria)
        self.search.textChanged.connect(self._search_timer.start)

        self.table = self._build_table()
        self._build_actions()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_filters())
        self.splitter.addWidget(self._build_list_side())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([FILTER_PANEL_WIDTH, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.model.counted.connect(self._show_counts)
        self.model.pages_loaded.connect(self._restore_selection)
        self.model.query_loaded.connect(self._first_rows_shown)
        context.tasks.changed.connect(self._on_change)
        self._columns_fitted = False
        self._restore_layout()
        self.model.set_query(self._query())

    # --- building ---------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = list_table(self.model, QAbstractItemView.SelectionMode.ExtendedSelection)
        # Every row is one line: the view need not measure rows it does not paint.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        # Sizing a column to its contents looks at the rows on screen only.
        header.setResizeContentsPrecision(0)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        header.setSortIndicator(self._section_sorting_by(None), Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)  # every column sorts
        table.activated.connect(self._activated)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _build_actions(self) -> None:
        self.assign_button = QPushButton(self.tr("Assign owner…"))
        self.tag_button = QPushButton(self.tr("Add tag…"))
        self.follow_up_button = QPushButton(self.tr("Schedule follow-up…"))
        # Shown in the view of declining customers (stage filter 退化期) only.
        self.rescue_button = QPushButton(self.tr("Schedule rescue follow-ups…"))
        self.rescue_button.setToolTip(
            self.tr("Plan a rescue call (挽救回访) for each selected declining customer")
        )
        self.rescue_button.hide()
        self.delete_button = QPushButton(self.tr("Delete…"))
        for button, handler in (
            (self.assign_button, self.assign_owner),
            (self.tag_button, self.add_tag),
            (self.follow_up_button, self.schedule_follow_up),
            (self.rescue_button, self.schedule_rescue),
            (self.delete_button, self.delete_selected),
        ):
            button.clicked.connect(handler)
            button.setEnabled(False)

    def _build_list_side(self) -> QWidget:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (
            self.assign_button,
            self.tag_button,
            self.follow_up_button,
            self.rescue_button,
            self.delete_button,
        ):
            bar.addWidget(button)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        return side

    def _build_filters(self) -> QWidget:
        self.stage_filter = EnumCombo(LifecycleStage, empty_text=self.tr("Any stage"))
        self.segment_filter = EnumCombo(ValueSegment, empty_text=self.tr("Any segment"))
        self.level_filter = EnumCombo(CustomerLevel, empty_text=self.tr("Any level"))
        self.owner_filter = RepCombo(self._context, empty_text=self.tr("Anyone"))
        self.tag_filter = QComboBox()
        self.province_filter = QComboBox()
        self.city_filter = QComboBox()
        self.overdue_filter = self._yes_no_combo()
        self.complaint_filter = self._yes_no_combo()
        self._fill_tags()
        self._fill_provinces()
        for combo in (
            self.stage_filter,
            self.segment_filter,
            self.level_filter,
            self.owner_filter,
            self.tag_filter,
            self.city_filter,
            self.overdue_filter,
            self.complaint_filter,
        ):
            combo.currentIndexChanged.connect(self._apply_criteria)
        self.province_filter.currentIndexChanged.connect(self._province_chosen)
        clear = QPushButton(self.tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)

        panel = QWidget()
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 6, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Lifecycle stage"), self.stage_filter)
        form.addRow(self.tr("Value segment"), self.segment_filter)
        form.addRow(self.tr("Level"), self.level_filter)
        form.addRow(self.tr("Owner"), self.owner_filter)
        form.addRow(self.tr("Tag"), self.tag_filter)
        form.addRow(self.tr("Province"), self.province_filter)
        form.addRow(self.tr("City"), self.city_filter)
        form.addRow(self.tr("Overdue follow-up"), self.overdue_filter)
        form.addRow(self.tr("Open complaint"), self.complaint_filter)
        form.addRow(clear)
        return panel

    def _yes_no_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Any"), None)
        combo.addItem(self.tr("Yes"), True)
        combo.addItem(self.tr("No"), False)
        return combo

    # --- the main window's interface -------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_customer_ids(self) -> list[uuid.UUID]:
        """The selected customers whose rows are loaded, top to bottom."""
        return self._loaded_ids(self._selected_spans())

    def chosen_customer_ids(self) -> list[uuid.UUID] | None:
        """The selected customers, for an action on all of them; None, after telling the
        user, when some selected rows are not loaded (acting on a part of the selection
        would be a surprise)."""
        spans = self._selected_spans()
        ids = self._loaded_ids(spans)
        if len(ids) < sum(last - first + 1 for first, last in spans):
            tell_not_loaded(
                self,
                self.tr(
                    "Only customers loaded on screen can be changed together; narrow the "
                    "list with the search or filters, or select fewer rows."
                ),
            )
            return None
        return ids

    def _selected_spans(self) -> list[tuple[int, int]]:
        """The selected rows as (first, last) spans, top to bottom, without overlaps: a
        selection of a million rows is a few spans, not a million indexes."""
        selection = self.table.selectionModel().selection()
        ranges = sorted(
            (r.top(), r.bottom()) for r in (selection.at(i) for i in range(selection.size()))
        )
        spans: list[tuple[int, int]] = []
        for first, last in ranges:
            if spans and first <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(spans[-1][1], last))
            else:
                spans.append((first, last))
        return spans

    def _loaded_ids(self, spans: Sequence[tuple[int, int]]) -> list[uuid.UUID]:
        return [i for first, last in spans for i in self.model.loaded_ids(first, last)]

    def current_customer_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return self.model.customer_id(index.row()) if index.isValid() else None

    def apply_filter(self, criteria: CustomerFilter) -> None:
        """Show the customers of `criteria`, with the search box and the filters set to it
        (a filter the panel cannot show, such as several stages, still applies)."""
        widgets = (self.search, *self._filter_combos())
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(criteria.search)
        self.stage_filter.set_value(_single(criteria.lifecycle_stages))
        self.segment_filter.set_value(_single(criteria.segments))
        self.level_filter.set_value(_single(criteria.levels))
        self.owner_filter.set_value(_single(criteria.owner_ids))
        self.tag_filter.setCurrentIndex(index_of_value(self.tag_filter, _single(criteria.tag_ids)))
        self.province_filter.setCurrentIndex(
            index_of_value(self.province_filter, criteria.province)
        )
        self._fill_cities()
        self.city_filter.setCurrentIndex(index_of_value(self.city_filter, criteria.city))
        self.overdue_filter.setCurrentIndex(
            index_of_value(self.overdue_filter, criteria.has_overdue_follow_up)
        )
        self.complaint_filter.setCurrentIndex(
            index_of_value(self.complaint_filter, criteria.has_open_complaint)
        )
        for widget in widgets:
            widget.blockSignals(False)
        self._search_timer.stop()
        self._show_rescue(criteria)
        self.model.set_query(CustomerQuery(criteria, *self._sort()))

    def clear_filters(self) -> None:
        self.apply_filter(CustomerFilter(search=self.search.text()))

    def shown_query(self) -> ShownCustomers:
        query = self.model.query
        header = self.table.horizontalHeader()
        visible = sorted(
            (header.visualIndex(i), column.key)
            for i, column in enumerate(self.model.columns)
            if not header.isSectionHidden(i)
        )
        return ShownCustomers(
            query.criteria, query.sort_by, query.descending, tuple(key for _, key in visible)
        )

    def save_layout(self) -> None:
        settings = self._context.settings
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    # --- bulk actions -------------------------------------------------------------------

    def assign_owner(self) -> None:
        ids = self.chosen_customer_ids()
        if not ids:
            return
        label = self.tr("Give %n customer(s) to:", "", len(ids))
        chosen, owner_id = ask_owner(self._context, self, len(ids), label)
        if chosen:
            customers = self._context.workspace.customers
            self._write(lambda: customers.set_owner(ids, owner_id), ids)

    def add_tag(self) -> None:
        ids = self.chosen_customer_ids()
        if not ids:
            return
        label = self.tr("Tag for %n customer(s):", "", len(ids))
        name = ask_tag(self, len(ids), [tag.name for tag in self._tags], label)
        if name is not None:
            customers = self._context.workspace.customers
            self._write(lambda: customers.add_tag_to_many(ids, name), ids)

    def schedule_follow_up(self) -> None:
        self._schedule(FollowUpKind.CALLBACK, "")

    def schedule_rescue(self) -> None:
        """Rescue follow-ups (挽救回访) for the selected customers, one each."""
        self._schedule(FollowUpKind.RESCUE, self.tr("Rescue call"))

    def _schedule(self, kind: FollowUpKind, title: str) -> None:
        ids = self.chosen_customer_ids()
        if not ids:
            return
        # Imported here: the dialogs import widgets that import this tab's neighbours.
        from crmdesk.ui.dialogs.follow_up_dialog import schedule_follow_up

        schedule_follow_up(self._context, self, ids, kind=kind, title=title)

    def delete_selected(self) -> None:
        ids = self.chosen_customer_ids()
        if not ids:
            return
        question = self.tr(
            "Delete %n customer(s)? Their contacts, history, follow-ups and complaints "
            "disappear from every list with them.",
            "",
            len(ids),
        )
        if not confirm_delete(self, len(ids), question):
            return
        customers = self._context.workspace.customers
        self.table.clearSelection()
        self._write(lambda: customers.delete_many(ids), ids)

    def _write(self, work: Callable[[], object], ids: Sequence[uuid.UUID]) -> None:
        self._context.tasks.write(
            work,
            lambda _result: None,
            owner=self,
            change=Change.of(Topic.CUSTOMERS, customers=ids),
        )

    # --- reacting -----------------------------------------------------------------------

    def _query(self) -> CustomerQuery:
        return CustomerQuery(self._criteria(), *self._sort())

    def _criteria(self) -> CustomerFilter:
        return CustomerFilter(
            search=self.search.text().strip(),
            lifecycle_stages=_set_of(_member(LifecycleStage, self.stage_filter.currentData())),
            segments=_set_of(_member(ValueSegment, self.segment_filter.currentData())),
            levels=_set_of(_member(CustomerLevel, self.level_filter.currentData())),
            owner_ids=_set_of(self.owner_filter.current_value()),
            tag_ids=_set_of(cast("uuid.UUID | None", self.tag_filter.currentData())),
            province=cast("str | None", self.province_filter.currentData()),
            city=cast("str | None", self.city_filter.currentData()),
            has_overdue_follow_up=cast("bool | None", self.overdue_filter.currentData()),
            has_open_complaint=cast("bool | None", self.complaint_filter.currentData()),
        )

    def _sort(self) -> tuple[str | None, bool]:
        header = self.table.horizontalHeader()
        section = header.sortIndicatorSection()
        if not 0 <= section < len(self.model.columns):
            return None, False
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return self.model.columns[section].sort_key, descending

    def _apply_criteria(self) -> None:
        self._search_timer.stop()
        criteria = self._criteria()
        self._show_rescue(criteria)
        self.model.set_criteria(criteria)

    def _section_sorting_by(self, sort_by: str | None) -> int:
        """The first column that orders the list by `sort_by` (None: the default order)."""
        keys = [column.sort_key for column in self.model.columns]
        return keys.index(sort_by or CustomerSort.NAME)

    def _activated(self) -> None:
        customer_id = self.current_customer_id()
        if customer_id is not None:
            self.customer_activated.emit(customer_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        # hasSelection, not a count: after Ctrl+A a million rows would be listed.
        selected = self.table.selectionModel().hasSelection()
        for button in (
            self.assign_button,
            self.tag_button,
            self.follow_up_button,
            self.rescue_button,
            self.delete_button,
        ):
            button.setEnabled(selected)

    def _show_counts(self, matching: int, everyone: int) -> None:
        self.status_text_changed.emit(
            self.tr("{matching} of {everyone} customers").format(
                matching=format_count(matching), everyone=format_count(everyone)
            )
        )

    def _first_rows_shown(self) -> None:
        self.table.clearSelection()
        self.table.scrollToTop()
        if not self._first_rows_seen:
            # The filters' choices, and the search index read ahead (so that the first
            # searches after the computer started do not wait for the disk), once the
            # first rows are on screen, so that they never delay them.
            self._first_rows_seen = True
            self._load_choices()
            self._start_search_warm_up()
        # Columns are fitted to the first rows there are (a first run may start empty and
        # fill with demo data), unless the user's own widths were restored.
        if (
            not self._columns_fitted
            and self.model.rowCount() > 0
            and not self._context.settings.contains(HEADER_KEY)
        ):
            self._columns_fitted = True
            self._fit_columns()

    def _start_search_warm_up(self) -> None:
        # A failure is only logged: searching works without it.
        self._context.tasks.read(
            self._context.workspace.customers.warm_search,
            lambda _bytes_read: None,
            owner=self,
            failed=lambda error: _log.warning("Reading the search index ahead failed: %s", error),
        )

    def _fit_columns(self) -> None:
        fit_columns(self.table, MAX_COLUMN_WIDTH)

    def _on_change(self, change: Change) -> None:
        criteria = self.model.query.criteria
        if change.touches(Topic.CUSTOMERS, Topic.REPS) or (
            (criteria.has_overdue_follow_up is not None and change.touches(Topic.FOLLOW_UPS))
            or (criteria.has_open_complaint is not None and change.touches(Topic.COMPLAINTS))
        ):
            self._reselect = set(self.selected_customer_ids())
            self.table.clearSelection()
            self.model.refresh()
        if change.touches(Topic.CUSTOMERS):
            self._load_choices()

    def _restore_selection(self) -> None:
        if not self._reselect:
            return
        selection = QItemSelection()
        for customer_id in list(self._reselect):
            row = self.model.row_of(customer_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, 0))
                self._reselect.discard(customer_id)
        if not selection.isEmpty():
            self.table.selectionModel().select(
                selection,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_rescue(self, criteria: CustomerFilter) -> None:
        self.rescue_button.setVisible(criteria.lifecycle_stages == {LifecycleStage.DECLINE})

    # --- choices of the filters -------------------------------------------------------

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (
            self.stage_filter,
            self.segment_filter,
            self.level_filter,
            self.owner_filter,
            self.tag_filter,
            self.province_filter,
            self.city_filter,
            self.overdue_filter,
            self.complaint_filter,
        )

    def _load_choices(self) -> None:
        workspace, tasks = self._context.workspace, self._context.tasks
        tasks.read(workspace.tags.list, self._tags_loaded, owner=self)
        tasks.read(workspace.customers.places, self._places_loaded, owner=self)

    def _tags_loaded(self, tags: list[TagRecord]) -> None:
        self._tags = tags
        self._fill_tags()

    def _places_loaded(self, places: list[tuple[str, str | None]]) -> None:
        self._places = places
        self._fill_provinces()

    def _fill_tags(self) -> None:
        _refill(self.tag_filter, self.tr("Any tag"), [(t.name, t.id) for t in self._tags])

    def _fill_provinces(self) -> None:
        provinces = list(dict.fromkeys(province for province, _ in self._places))
        _refill(self.province_filter, self.tr("Anywhere"), [(p, p) for p in provinces])
        self._fill_cities()

    def _fill_cities(self) -> None:
        province = self.province_filter.currentData()
        cities = [city for p, city in self._places if p == province and city]
        _refill(self.city_filter, self.tr("Any city"), [(c, c) for c in cities])
        self.city_filter.setEnabled(province is not None)

    def _province_chosen(self) -> None:
        self.city_filter.blockSignals(True)
        self._fill_cities()
        self.city_filter.blockSignals(False)
        self._apply_criteria()

    # --- layout -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self._context.settings
        header_state = settings.value(HEADER_KEY)
        header = self.table.horizontalHeader()
        if isinstance(header_state, QByteArray):
            header.blockSignals(True)
            header.restoreState(header_state)
            header.blockSignals(False)
        splitter_state = settings.value(SPLITTER_KEY)
        if isinstance(splitter_state, QByteArray):
            self.splitter.restoreState(splitter_state)

    def _show_header_menu(self, position: QPoint) -> None:
        self.column_menu().popup(self.table.horizontalHeader().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        """The header's context menu: show or hide each column, fit them to contents."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for section in range(len(self.model.columns)):
            action = QAction(self.model.headerData(section, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.toggled.connect(lambda shown, s=section: header.setSectionHidden(s, not shown))
            menu.addAction(action)
        menu.addSeparator()
        fit = menu.addAction(self.tr("Fit columns to contents"))
        fit.triggered.connect(self._fit_columns)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu


def _single(values: frozenset[T]) -> T | None:
    """The one value of a set, for a combo box that holds one; None otherwise."""
    return next(iter(values)) if len(values) == 1 else None


def _member(enum: type[E], value: str | None) -> E | None:
    # Qt hands item data back as plain str; the filter holds enumeration members.
    return None if value is None else enum(value)


def _set_of(value: T | None) -> frozenset[T]:
    return frozenset() if value is None else frozenset({value})


def _refill(combo: QComboBox, any_text: str, items: Sequence[tuple[str, object]]) -> None:
    """Replace a filter's choices, keeping the chosen one when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_text, None)
    for text, value in items:
        combo.addItem(text, value)
    _choose(combo, chosen)
    combo.blockSignals(False)


def _choose(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(index_of_value(combo, value))
