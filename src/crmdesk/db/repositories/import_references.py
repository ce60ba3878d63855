"""Bulk look-ups of what imported records of a customer point to: the customers' live
contacts (to link an interaction to one by name, or to recognise a contact imported
twice), and the contacts an import updates."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db.models import Contact
from crmdesk.db.repositories.import_matching import CHUNK


@dataclass(frozen=True)
class StoredContact:
    id: uuid.UUID
    customer_id: uuid.UUID
    name: str
    phone: str | None
    is_primary: bool


def live_contacts(
    session: Session, customer_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[StoredContact]]:
    """The live contacts of these customers by customer, primary first, then in the
    order they were added."""
    found: dict[uuid.UUID, list[StoredContact]] = {}
    wanted = list(customer_ids)
    for start in range(0, len(wanted), CHUNK):
        rows = session.execute(
            select(Contact.id, Contact.customer_id, Contact.name, Contact.phone, Contact.is_primary)
            .where(
                Contact.customer_id.in_(wanted[start : start + CHUNK]),
                Contact.deleted_at.is_(None),
            )
            .order_by(Contact.is_primary.desc(), Contact.created_at, Contact.id)
        )
        for row in rows:
            found.setdefault(row.customer_id, []).append(
                StoredContact(row.id, row.customer_id, row.name, row.phone, row.is_primary)
            )
    return found


def load_contacts(session: Session, contact_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Contact]:
    """Contacts by id, to be updated through the ORM (versions, search documents)."""
    found: dict[uuid.UUID, Contact] = {}
    wanted = list(contact_ids)
    for start in range(0, len(wanted), CHUNK):
        for contact in session.scalars(
            select(Contact).where(Contact.id.in_(wanted[start : start + CHUNK]))
        ):
            found[contact.id] = contact
    return found
