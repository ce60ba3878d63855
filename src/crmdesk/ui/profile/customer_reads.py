"""The background reads behind a page of the profile: one customer at a time, read again
whenever a write touches what the page shows, an answer to an earlier read dropped (the
user may have moved on to another customer since)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject

from crmdesk.domain.errors import CrmError
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext

T = TypeVar("T")


class CustomerReads(QObject, Generic[T]):
    # A child of the page: the connection to the runner goes when the page does.

    def __init__(
        self,
        owner: QObject,
        context: UiContext,
        topics: Iterable[Topic],
        read: Callable[[uuid.UUID], T],
        shown: Callable[[T | None], object],
        failed: Callable[[CrmError], object] | None = None,
    ) -> None:
        """`read(customer_id)` runs in the background, `shown` gets its answer (None: no
        customer), `failed` a refused read (default: the window reports it)."""
        super().__init__(owner)
        self._context = context
        self._topics = tuple(topics)
        self._read = read
        self._shown = shown
        self._failed = failed or context.tasks.error.emit
        self._customer_id: uuid.UUID | None = None
        self._number = 0  # numbers each read, so that an answer to an earlier one is dropped
        context.tasks.changed.connect(self._on_changed)

    @property
    def customer_id(self) -> uuid.UUID | None:
        return self._customer_id

    def show(self, customer_id: uuid.UUID | None) -> None:
        """Read and show this customer; None shows nothing at once."""
        self._customer_id = customer_id
        if customer_id is None:
            self._number += 1
            self._shown(None)
        else:
            self.reload()

    def reload(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return
        self._number += 1
        number, read = self._number, self._read
        self._context.tasks.read(
            lambda: read(customer_id),
            lambda answer: self._answered(number, answer),
            owner=self,
            failed=lambda error: self._refused(number, error),
        )

    def _answered(self, number: int, answer: T) -> None:
        if number == self._number:
            self._shown(answer)

    def _refused(self, number: int, error: CrmError) -> None:
        if number == self._number:
            self._failed(error)

    def _on_changed(self, change: Change) -> None:
        customer_id = self._customer_id
        if (
            customer_id is not None
            and change.touches(*self._topics)
            and change.touches_customer(customer_id)
        ):
            self.reload()
