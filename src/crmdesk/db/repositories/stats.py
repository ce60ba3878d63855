"""Counts over whole tables: what a database holds, for `crmdesk info` and the demo."""

from __future__ import annotations

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from crmdesk.db.base import Base, Synced
from crmdesk.db.models import (
    Complaint,
    ComplaintEvent,
    Contact,
    Coupon,
    Customer,
    CustomerTag,
    FollowUp,
    Interaction,
    Order,
    OrderLine,
    PointsEntry,
    Rep,
    SavedSegment,
    Setting,
    SurveyResponse,
    Tag,
)

# Every synchronised table, in the order a person reads them, with its name in plain words.
COUNTED_TABLES: tuple[tuple[str, type[Synced]], ...] = (
    ("reps", Rep),
    ("customers", Customer),
    ("contacts", Contact),
    ("tags", Tag),
    ("customer tags", CustomerTag),
    ("interactions", Interaction),
    ("follow-ups", FollowUp),
    ("complaints", Complaint),
    ("complaint events", ComplaintEvent),
    ("orders", Order),
    ("order lines", OrderLine),
    ("survey responses", SurveyResponse),
    ("points entries", PointsEntry),
    ("coupons", Coupon),
    ("saved segments", SavedSegment),
    ("settings", Setting),
)


def live_row_counts(session: Session) -> list[tuple[str, int]]:
    """Rows per table, not counting soft-deleted ones, in one query."""
    counts = [
        select(func.count()).select_from(model).where(model.deleted_at.is_(None)).scalar_subquery()
        for _label, model in COUNTED_TABLES
    ]
    row = session.execute(select(*counts)).one()
    return [(label, int(n)) for (label, _model), n in zip(COUNTED_TABLES, row, strict=True)]


def has_rows(session: Session, model: type[Base]) -> bool:
    """Whether the table holds any row at all, soft-deleted ones included."""
    return bool(session.execute(select(exists().select_from(model))).scalar())
