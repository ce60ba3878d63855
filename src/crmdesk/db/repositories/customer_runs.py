"""Customer list orders read as runs: consecutive groups of customers, each read off an
index in its own order, one after the other.

An enumeration, the owner, the value segment, the primary contact or the tags order the list by
something an index on the customer table cannot walk: an ORDER BY over a CASE
expression, a rep's name or another table's column would sort every matching customer
before the first page. Read run by run instead, each page reads only what it shows.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, select
from sqlalchemy.orm import Session, aliased

from crmdesk.db.models import Contact, Customer, CustomerTag, CustomerValue, Rep, Tag
from crmdesk.domain.customers import CustomerSort
from crmdesk.domain.enums import CustomerKind, CustomerLevel, LifecycleStage, ValueSegment

# Aliases, so that a run's join never meets the same tables in a query's own columns (the
# list's segment column and its primary-contact subquery).
_RunValue = aliased(CustomerValue, name="run_value")
_RunContact = aliased(Contact, name="run_contact")
_OtherContact = aliased(Contact, name="other_contact")
_RunTag = aliased(CustomerTag, name="run_tag")
_OtherTag = aliased(CustomerTag, name="other_tag")


@dataclass(frozen=True)
class Run:
    """Customers that meet `condition` (with `joined` joined on `on`), in `order`, which
    ends in the customer's id (or a column equal to it, so that an index serves it)."""

    condition: ColumnElement[bool]
    joined: Any = None
    on: ColumnElement[bool] | None = None
    order: tuple[ColumnElement[Any], ...] = field(default=(Customer.id.expression,))
    # Counted off an index alone. Runs that check each customer against another table
    # (those without a segment, contact or tag, and the runs that skip customers listed
    # under an earlier contact or tag) cost up to seconds to count on 1,000,000 customers,
    # so a page read tries such a run first and counts it only when the page lies beyond.
    countable: bool = True

    def narrow(self, query: Select[Any]) -> Select[Any]:
        """`query` (over the customer table) narrowed to this run."""
        if self.joined is not None:
            query = query.join(self.joined, self.on)
        return query.where(self.condition)

    def rows(self, query: Select[Any], descending: bool) -> Select[Any]:
        """`query` narrowed to this run, in its order."""
        return self.narrow(query).order_by(
            *(c.desc() if descending else c.asc() for c in self.order)
        )


def runs_of(session: Session, sort_by: str) -> list[Run] | None:
    """The list in this order as runs (ascending); None for orders an index on the
    customer table serves in one go."""
    if sort_by == CustomerSort.LEVEL:
        return [Run(Customer.level == level) for level in CustomerLevel]
    if sort_by == CustomerSort.STAGE:
        return [Run(Customer.lifecycle_stage == stage) for stage in LifecycleStage]
    if sort_by == CustomerSort.KIND:
        return [Run(Customer.kind == kind) for kind in CustomerKind]
    if sort_by == CustomerSort.OWNER:
        # Customers of a deleted rep show no owner, so they go with the unowned ones.
        reps = session.execute(
            select(Rep.id).order_by(Rep.deleted_at.is_(None), Rep.name, Rep.id)
        ).scalars()
        return [Run(Customer.owner_id.is_(None)), *(Run(Customer.owner_id == rep) for rep in reps)]
    if sort_by == CustomerSort.SEGMENT:
        return _segment_runs()
    if sort_by == CustomerSort.CONTACT:
        return _contact_runs()
    if sort_by == CustomerSort.TAGS:
        live_tags = select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None))
        ordered = session.execute(live_tags.order_by(Tag.name, Tag.id))
        return _tag_runs([(tag_id, name) for tag_id, name in ordered])
    return None


def _segment_runs() -> list[Run]:
    """Customers without a segment (never ordered, or not yet recomputed) first, like
    empty cells; then each segment in its order, read off the segment index."""
    segmented = exists().where(
        CustomerValue.customer_id == Customer.id, CustomerValue.segment.is_not(None)
    )
    return [
        Run(~segmented, countable=False),
        *(
            Run(
                _RunValue.segment == segment,
                _RunValue,
                _RunValue.customer_id == Customer.id,
                # The index holds (segment, customer_id): its own column keeps its order.
                (_RunValue.customer_id.expression,),
                countable=False,
            )
            for segment in ValueSegment
        ),
    ]


def _contact_runs() -> list[Run]:
    """Customers without a primary contact first, like empty cells; then the others by
    their primary contact's name, read off the index of primary contacts' names."""
    primary = and_(_RunContact.is_primary.is_(True), _RunContact.deleted_at.is_(None))
    # Should two contacts be marked primary, the customer is listed once, under the
    # first name of the two, as the list shows it.
    earlier_primary = exists().where(
        _OtherContact.customer_id == _RunContact.customer_id,
        _OtherContact.is_primary.is_(True),
        _OtherContact.deleted_at.is_(None),
        (_OtherContact.name < _RunContact.name)
        | and_(_OtherContact.name == _RunContact.name, _OtherContact.id < _RunContact.id),
    )
    has_primary = exists().where(
        Contact.customer_id == Customer.id,
        Contact.is_primary.is_(True),
        Contact.deleted_at.is_(None),
    )
    return [
        Run(~has_primary, countable=False),
        Run(
            and_(primary, ~earlier_primary),
            _RunContact,
            _RunContact.customer_id == Customer.id,
            (_RunContact.name.expression, _RunContact.customer_id.expression),
            countable=False,
        ),
    ]


def _tag_runs(tags: Sequence[tuple[uuid.UUID, str]]) -> list[Run]:
    """Customers without tags first, like empty cells; then the customers of each tag in
    name order, a customer under the first of its tags by name (the list shows them in
    that order), each run read off the index of a tag's live customers."""
    tagged = exists().where(
        CustomerTag.customer_id == Customer.id,
        CustomerTag.deleted_at.is_(None),
        CustomerTag.tag_id.in_(select(Tag.id).where(Tag.deleted_at.is_(None))),
    )
    runs = [Run(~tagged, countable=False)]
    for tag_id, name in tags:
        earlier_tag = exists().where(
            _OtherTag.customer_id == _RunTag.customer_id,
            _OtherTag.deleted_at.is_(None),
            _OtherTag.tag_id.in_(
                select(Tag.id).where(
                    Tag.deleted_at.is_(None),
                    (Tag.name < name) | and_(Tag.name == name, Tag.id < tag_id),
                )
            ),
        )
        runs.append(
            Run(
                and_(_RunTag.tag_id == tag_id, _RunTag.deleted_at.is_(None), ~earlier_tag),
                _RunTag,
                _RunTag.customer_id == Customer.id,
                (_RunTag.customer_id.expression,),
                countable=False,
            )
        )
    return runs


def in_direction(runs: Sequence[Run], descending: bool) -> list[Run]:
    """The runs in the order a list read this way meets them."""
    return list(reversed(runs)) if descending else list(runs)
