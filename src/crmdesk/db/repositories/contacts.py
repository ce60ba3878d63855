"""Queries about the contact people of customers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db.models import Contact
from crmdesk.domain.contacts import ContactRecord


def contacts_of(session: Session, customer_id: uuid.UUID) -> Sequence[Contact]:
    """A customer's live contacts: the primary one first, then in the order they were added."""
    return session.scalars(
        select(Contact)
        .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.created_at, Contact.id)
    ).all()


def contact_record(contact: Contact) -> ContactRecord:
    return ContactRecord(
        id=contact.id,
        customer_id=contact.customer_id,
        name=contact.name,
        title=contact.title,
        phone=contact.phone,
        email=contact.email,
        wechat=contact.wechat,
        birthday=contact.birthday,
        is_primary=contact.is_primary,
        notes=contact.notes,
        version=contact.version,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
    )
