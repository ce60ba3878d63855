"""Queries about sales reps."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db.models import Rep
from crmdesk.domain.reps import RepRecord


def list_reps(session: Session, *, include_inactive: bool) -> Sequence[Rep]:
    query = select(Rep).where(Rep.deleted_at.is_(None)).order_by(Rep.name, Rep.id)
    if not include_inactive:
        query = query.where(Rep.active.is_(True))
    return session.scalars(query).all()


def rep_record(rep: Rep) -> RepRecord:
    return RepRecord(
        id=rep.id,
        name=rep.name,
        phone=rep.phone,
        email=rep.email,
        active=rep.active,
        version=rep.version,
        created_at=rep.created_at,
        updated_at=rep.updated_at,
    )
