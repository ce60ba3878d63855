"""Queries about tags and which customers carry them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db.models import CustomerTag, Tag
from crmdesk.domain.customers import TagRecord


def find_tag_by_name(session: Session, name: str) -> Tag | None:
    """The tag of that name, deleted or not: names stay unique across tombstones."""
    return session.scalars(select(Tag).where(Tag.name == name)).first()


def list_tags(session: Session) -> Sequence[Tag]:
    return session.scalars(
        select(Tag).where(Tag.deleted_at.is_(None)).order_by(Tag.name, Tag.id)
    ).all()


def find_customer_tag(
    session: Session, customer_id: uuid.UUID, tag_id: uuid.UUID
) -> CustomerTag | None:
    """The link between a customer and a tag, removed or not (the pair is unique)."""
    return session.scalars(
        select(CustomerTag).where(
            CustomerTag.customer_id == customer_id, CustomerTag.tag_id == tag_id
        )
    ).first()


def tags_by_customer(
    session: Session, customer_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[TagRecord]]:
    """The live tags of each customer, by name."""
    ids = list(customer_ids)
    found: dict[uuid.UUID, list[TagRecord]] = {}
    if not ids:
        return found
    rows = session.execute(
        select(CustomerTag.customer_id, Tag)
        .join(Tag, Tag.id == CustomerTag.tag_id)
        .where(
            CustomerTag.customer_id.in_(ids),
            CustomerTag.deleted_at.is_(None),
            Tag.deleted_at.is_(None),
        )
        .order_by(Tag.name)
    )
    for customer_id, tag in rows:
        found.setdefault(customer_id, []).append(tag_record(tag))
    return found


def tag_record(tag: Tag) -> TagRecord:
    return TagRecord(id=tag.id, name=tag.name, color=tag.color)
