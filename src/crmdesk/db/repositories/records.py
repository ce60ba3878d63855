"""What every record service shares: a live row by key and the version check before a
save, the checks of the customer, contact and rep a record points to, the stamp of a real
change, and the order of enumeration columns in lists.

A record that belongs to a customer (contact, interaction, follow-up, complaint, order)
is live only while its customer is: deleting a customer hides its history without
touching it, so that restoring the customer brings the history back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, case, exists, select
from sqlalchemy.orm import Session

from crmdesk.db.base import Synced
from crmdesk.db.models import Complaint, Contact, Customer, FollowUp, Interaction, Order, Rep
from crmdesk.domain.errors import ConflictError, NotFoundError
from crmdesk.domain.validation import Problems

RowT = TypeVar("RowT", bound=Synced)
CustomerOwned = Contact | Interaction | FollowUp | Complaint | Order


def find_live(session: Session, model: type[RowT], key: uuid.UUID) -> RowT | None:
    """The row, unless it was deleted or belongs to a customer that was."""
    row = session.get(model, key)
    if row is None or row.deleted_at is not None:
        return None
    if isinstance(row, CustomerOwned) and find_live(session, Customer, row.customer_id) is None:
        return None
    return row


def require_live(session: Session, model: type[RowT], key: uuid.UUID, what: str) -> RowT:
    row = find_live(session, model, key)
    if row is None:
        raise NotFoundError(what, key)
    return row


def require_current(
    session: Session,
    model: type[RowT],
    key: uuid.UUID,
    expected_version: int | None,
    what: str,
    label: Callable[[RowT], object],
) -> RowT:
    """The live row about to be saved over, refused if it changed since the caller loaded
    `expected_version`; `label(row)` names it in that refusal.

    None skips the version check, for callers that never loaded the row (a delete by id).
    """
    row = require_live(session, model, key, what)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(what, label(row), expected_version, row.version)
    return row


def of_live_customer(
    model: type[CustomerOwned],
    customer_id: uuid.UUID | None,
) -> ColumnElement[bool]:
    """A list condition: the row's customer has not been deleted. `customer_id` is the one
    customer the list is limited to, if it is."""
    if customer_id is not None:
        return exists().where(Customer.id == customer_id, Customer.deleted_at.is_(None))
    # Deleted customers are few: looking every row up among them is several times faster
    # than an EXISTS per row (139,000 interactions counted in 18 ms rather than 70).
    deleted = select(Customer.id).where(Customer.deleted_at.is_not(None))
    return model.customer_id.not_in(deleted)


def is_new_value(saved: Synced | None, attribute: str, value: object) -> bool:
    """Whether a save gives the row's `attribute` this value anew (always for a new row).

    A reference is checked only when it is set: the row it already points to may have been
    deleted since, and that must not block every other edit of the record.
    """
    return saved is None or getattr(saved, attribute) != value


def check_customer(
    session: Session,
    problems: Problems,
    customer_id: uuid.UUID,
    contact_id: uuid.UUID | None = None,
    *,
    saved: Synced | None = None,
) -> None:
    """Note a problem unless the customer is live and the contact (if any) is one of its
    own; of the `saved` record being edited, only what changes is checked."""
    new_customer = is_new_value(saved, "customer_id", customer_id)
    if new_customer and find_live(session, Customer, customer_id) is None:
        problems.add("customer_id", "This customer does not exist or was deleted.")
    if contact_id is not None and (new_customer or is_new_value(saved, "contact_id", contact_id)):
        contact = find_live(session, Contact, contact_id)
        if contact is None or contact.customer_id != customer_id:
            problems.add("contact_id", "The contact is not one of this customer's contacts.")


def check_rep(
    session: Session,
    problems: Problems,
    field_name: str,
    rep_id: uuid.UUID | None,
    *,
    saved: Synced | None = None,
) -> None:
    """Note a problem unless the rep is live; with a `saved` record, `field_name` is its
    attribute and an unchanged rep is not checked."""
    if (
        rep_id is not None
        and is_new_value(saved, field_name, rep_id)
        and find_live(session, Rep, rep_id) is None
    ):
        problems.add(field_name, "This sales rep does not exist or was deleted.")


def stamp_if_changed(session: Session, row: Synced, now: datetime) -> None:
    """Set `updated_at` only when the row holds real changes, so that saving an unchanged
    record keeps its version and its time of change."""
    if session.is_modified(row):
        row.updated_at = now


def in_declared_order(column: ColumnElement[Any], members: type[StrEnum]) -> ColumnElement[int]:
    """A sort key for an enumeration column: the order its members are declared in (along
    the workflow, from low to high …), not their spelling."""
    return case({member.value: index for index, member in enumerate(members)}, value=column)
