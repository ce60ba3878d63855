"""Lookups every record service shares: a live (not deleted) row by key, the version
check before a save, and the customer, contact and rep a record points to."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy.orm import Session

from crmdesk.db.base import Synced
from crmdesk.db.models import Contact, Customer, Rep
from crmdesk.domain.errors import ConflictError, NotFoundError
from crmdesk.domain.validation import Problems

RowT = TypeVar("RowT", bound=Synced)


def find_live(session: Session, model: type[RowT], key: uuid.UUID) -> RowT | None:
    row = session.get(model, key)
    return row if row is not None and row.deleted_at is None else None


def require_live(session: Session, model: type[RowT], key: uuid.UUID, what: str) -> RowT:
    row = find_live(session, model, key)
    if row is None:
        raise NotFoundError(what, key)
    return row


def check_version(row: Synced, expected_version: int | None, what: str, label: object) -> None:
    """Refuse to save over a row that changed since the caller loaded `expected_version`.

    None skips the check, for callers that never loaded the row (a delete by id).
    """
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(what, label, expected_version, row.version)


def check_customer(
    session: Session,
    problems: Problems,
    customer_id: uuid.UUID,
    contact_id: uuid.UUID | None = None,
) -> None:
    """Note a problem unless the customer is live and the contact (if any) is one of its own."""
    if find_live(session, Customer, customer_id) is None:
        problems.add("customer_id", "This customer does not exist or was deleted.")
    if contact_id is not None:
        contact = find_live(session, Contact, contact_id)
        if contact is None or contact.customer_id != customer_id:
            problems.add("contact_id", "The contact is not one of this customer's contacts.")


def check_rep(
    session: Session, problems: Problems, field_name: str, rep_id: uuid.UUID | None
) -> None:
    if rep_id is not None and find_live(session, Rep, rep_id) is None:
        problems.add(field_name, "This sales rep does not exist or was deleted.")
