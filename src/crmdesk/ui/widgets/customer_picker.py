"""A line edit that finds a customer as you type: the customer service's search (names,
pinyin, codes, phone numbers) runs in the background a moment after the last keystroke,
and a popup lists the matches by name, code and city."""

from __future__ import annotations

import uuid
from typing import Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from crmdesk.domain.contacts import ContactRecord
from crmdesk.domain.customers import CustomerFilter, CustomerRecord, CustomerSummary
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.services.workspace import Workspace
from crmdesk.ui.context import UiContext

# Long enough that a fast typist's word is one search, short enough to feel immediate.
SEARCH_DELAY_MS = 200
MATCHES_SHOWN = 20
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
# Refused by a dialog itself: the service is never asked without a customer.
NO_CUSTOMER = str(QT_TRANSLATE_NOOP("problems", "Choose a customer."))

CustomerWithContacts = tuple[CustomerRecord, list[ContactRecord]]


def customer_with_contacts(workspace: Workspace, customer_id: uuid.UUID) -> CustomerWithContacts:
    """The chosen customer and its contacts, which a dialog offers once it is chosen."""
    return workspace.customers.get(customer_id), workspace.contacts.list_for_customer(customer_id)


class CustomerPicker(QLineEdit):
    """Type part of a name, pinyin, code or phone number; pick a customer from the popup.

    `customer_chosen` carries the chosen customer's UUID. Editing the text afterwards
    forgets the choice until another customer is picked.
    """

    customer_chosen = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._searches = 0  # numbers each search, so that a slow answer to an old one is dropped
        self.setPlaceholderText(self.tr("Type a name, pinyin, code or phone number"))
        self.setClearButtonEnabled(True)

        self.matches = QStandardItemModel(self)
        self._completer = QCompleter(self.matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(NAME_ROLE)
        self._completer.setMaxVisibleItems(10)
        self._completer.setWidget(self)
        # The stubs cannot index an overloaded signal; this picks activated(QModelIndex).
        cast(Any, self._completer.activated)[QModelIndex].connect(self._choose)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._on_edited)

    def current_customer_id(self) -> uuid.UUID | None:
        return self._customer_id

    def set_customer(self, customer_id: uuid.UUID | None, name: str = "") -> None:
        """Show `name` as the chosen customer without searching."""
        self._timer.stop()
        self._searches += 1
        self._customer_id = customer_id
        self.setText(name)
        self._hide_popup()

    def popup(self) -> QAbstractItemView | None:
        """The list of matches under the field."""
        return self._completer.popup()

    def popup_texts(self) -> list[str]:
        """The matches the popup lists, as a person reads them."""
        return [self.matches.item(row).text() for row in range(self.matches.rowCount())]

    def _on_edited(self, _text: str) -> None:
        self._customer_id = None
        self._timer.start()

    def _search(self) -> None:
        text = self.text().strip()
        self._searches += 1
        if not text:
            self.matches.clear()
            self._hide_popup()
            return
        number = self._searches
        customers = self._context.workspace.customers
        self._context.tasks.read(
            lambda: customers.list(CustomerFilter(search=text), PageRequest(0, MATCHES_SHOWN)),
            lambda page: self._show_matches(number, page),
            owner=cast(QObject, self),
        )

    def _show_matches(self, number: int, page: Page[CustomerSummary]) -> None:
        if number != self._searches:
            return
        self.matches.clear()
        for customer in page.items:
            item = QStandardItem(_match_text(customer))
            item.setData(customer.id, ID_ROLE)
            item.setData(customer.name, NAME_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
        if page.items:
            self._completer.complete()
        else:
            self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self.popup()
        if popup is not None:
            popup.hide()

    def _choose(self, index: QModelIndex | QPersistentModelIndex) -> None:
        customer_id = index.data(ID_ROLE)
        if not isinstance(customer_id, uuid.UUID):
            return
        self.set_customer(customer_id, str(index.data(NAME_ROLE)))
        self.customer_chosen.emit(customer_id)


def _match_text(customer: CustomerSummary) -> str:
    place = customer.city or customer.province
    parts = [customer.name, customer.code] + ([place] if place else [])
    return "  ·  ".join(parts)
