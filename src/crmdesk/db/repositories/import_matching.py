"""Queries that find the stored customers an imported row may duplicate, in bulk: one
query for a chunk of rows, never one per row."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Contact, Customer, Order

# SQLite allows 32,766 bound values a statement; a chunk of 500 rows stays far below.
CHUNK = 500
_STREAM_BATCH = 5_000


@dataclass(frozen=True)
class StoredCustomer:
    """What matching needs of a live customer; `phones` includes its contacts' phones."""

    id: uuid.UUID
    code: str
    name: str
    city: str | None
    email: str | None
    phones: frozenset[str]


def matching_customers(
    session: Session,
    *,
    codes: Collection[str],
    phones: Collection[str],
    emails: Collection[str],
    names: Collection[str],
) -> list[StoredCustomer]:
    """Live customers with one of these codes, phones (their own or a contact's), e-mail
    addresses (stored lower-cased) or exact names."""
    conditions = []
    if codes:
        conditions.append(Customer.code.in_(codes))
    if phones:
        contact_owners = select(Contact.customer_id).where(
            Contact.phone.in_(phones), Contact.deleted_at.is_(None)
        )
        conditions += [
            Customer.phone.in_(phones),
            Customer.phone_alt.in_(phones),
            Customer.id.in_(contact_owners),
        ]
    if emails:
        conditions.append(Customer.email.in_(emails))
    if names:
        conditions.append(Customer.name.in_(names))
    if not conditions:
        return []
    rows = session.execute(
        select(
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.city,
            Customer.email,
            Customer.phone,
            Customer.phone_alt,
        ).where(Customer.deleted_at.is_(None), or_(*conditions))
    ).all()
    contact_phones = _contact_phones(session, [row.id for row in rows])
    return [
        StoredCustomer(
            id=row.id,
            code=row.code,
            name=row.name,
            city=row.city,
            email=row.email,
            phones=frozenset(
                p for p in (row.phone, row.phone_alt, *contact_phones.get(row.id, ())) if p
            ),
        )
        for row in rows
    ]


def _contact_phones(session: Session, customer_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    phones: dict[uuid.UUID, list[str]] = {}
    for start in range(0, len(customer_ids), CHUNK):
        for owner, phone in session.execute(
            select(Contact.customer_id, Contact.phone).where(
                Contact.customer_id.in_(customer_ids[start : start + CHUNK]),
                Contact.phone.is_not(None),
                Contact.deleted_at.is_(None),
            )
        ):
            if phone:
                phones.setdefault(owner, []).append(phone)
    return phones


def all_live_customers(session: Session) -> Iterator[StoredCustomer]:
    """Every live customer, streamed, without contacts' phones: for comparisons that no
    index answers (names that differ only in punctuation, spacing or width)."""
    query = select(
        Customer.id,
        Customer.code,
        Customer.name,
        Customer.city,
        Customer.email,
        Customer.phone,
        Customer.phone_alt,
    ).where(Customer.deleted_at.is_(None))
    for row in session.execute(query.execution_options(yield_per=_STREAM_BATCH)):
        yield StoredCustomer(
            id=row.id,
            code=row.code,
            name=row.name,
            city=row.city,
            email=row.email,
            phones=frozenset(p for p in (row.phone, row.phone_alt) if p),
        )


def has_live_customers(session: Session) -> bool:
    return (
        session.execute(select(Customer.id).where(Customer.deleted_at.is_(None)).limit(1)).first()
        is not None
    )


def has_customers(session: Session) -> bool:
    """Whether any customer is stored, deleted ones included."""
    return session.execute(select(Customer.id).limit(1)).first() is not None


def codes_taken(session: Session, codes: Collection[str]) -> set[str]:
    """The codes among these that any customer holds, deleted customers included (codes
    stay unique across deletions)."""
    return set(session.scalars(select(Customer.code).where(Customer.code.in_(codes))))


def order_numbers_taken(session: Session, numbers: Collection[str]) -> set[str]:
    """The order numbers among these that any order holds, deleted orders included."""
    return set(session.scalars(select(Order.number).where(Order.number.in_(numbers))))
