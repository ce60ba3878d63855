"""Queries on logged conversations and visits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Interaction
from crmdesk.db.repositories.paging import fetch_page
from crmdesk.db.repositories.records import of_live_customer
from crmdesk.domain.interactions import InteractionFilter, InteractionRecord, InteractionSort
from crmdesk.domain.paging import PageRequest

SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    InteractionSort.OCCURRED_AT: Interaction.occurred_at.expression,
    InteractionSort.KIND: Interaction.kind.expression,
    InteractionSort.SUBJECT: Interaction.subject.expression,
}


def page(
    session: Session, where: InteractionFilter, request: PageRequest
) -> tuple[Sequence[Interaction], int]:
    """One page of live interactions of live customers matching `where`, newest first
    unless sorted."""
    query = select(Interaction).where(
        Interaction.deleted_at.is_(None), of_live_customer(Interaction, where.customer_id)
    )
    if where.customer_id is not None:
        query = query.where(Interaction.customer_id == where.customer_id)
    if where.rep_id is not None:
        query = query.where(Interaction.rep_id == where.rep_id)
    if where.kind is not None:
        query = query.where(Interaction.kind == where.kind)
    if where.occurred_from is not None:
        query = query.where(Interaction.occurred_at >= where.occurred_from)
    if where.occurred_before is not None:
        query = query.where(Interaction.occurred_at < where.occurred_before)
    request = request.or_sorted_by(InteractionSort.OCCURRED_AT, descending=True)
    rows, total = fetch_page(session, query, request, SORT_COLUMNS, Interaction.id.expression)
    return [row[0] for row in rows], total


def interaction_record(interaction: Interaction) -> InteractionRecord:
    return InteractionRecord(
        id=interaction.id,
        version=interaction.version,
        customer_id=interaction.customer_id,
        contact_id=interaction.contact_id,
        rep_id=interaction.rep_id,
        kind=interaction.kind,
        occurred_at=interaction.occurred_at,
        subject=interaction.subject,
        content=interaction.content,
        follow_up_id=interaction.follow_up_id,
        created_at=interaction.created_at,
        updated_at=interaction.updated_at,
    )
