"""Queries on satisfaction survey responses."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Complaint, Customer, SurveyResponse
from crmdesk.domain.enums import SurveyKind
from crmdesk.domain.surveys import SurveyRecord, empty_tallies


def responses(session: Session, customer_id: uuid.UUID) -> list[SurveyRecord]:
    """The customer's live responses, newest first, with the numbers of their complaints."""
    rows = session.execute(
        select(SurveyResponse, Complaint.number)
        .outerjoin(Complaint, Complaint.id == SurveyResponse.complaint_id)
        .where(
            SurveyResponse.customer_id == customer_id,
            SurveyResponse.deleted_at.is_(None),
        )
        .order_by(SurveyResponse.responded_at.desc(), SurveyResponse.id)
    )
    return [survey_record(response, number) for response, number in rows]


def period_tallies(
    session: Session, bounds: Sequence[datetime], kinds: frozenset[SurveyKind]
) -> list[dict[SurveyKind, Counter[int]]]:
    """For each period between consecutive `bounds` ([start, end)), how many live answers
    of live customers gave each score, by kind; counted by the database in one query."""
    periods = len(bounds) - 1
    tallies = [empty_tallies() for _ in range(periods)]
    if periods < 1:
        return tallies
    answered = SurveyResponse.responded_at
    period = case(*((answered < end, index) for index, end in enumerate(bounds[1:])))
    deleted_customers = select(Customer.id).where(Customer.deleted_at.is_not(None))
    query = (
        select(period, SurveyResponse.kind, SurveyResponse.score, func.count())
        .where(
            SurveyResponse.deleted_at.is_(None),
            answered >= bounds[0],
            answered < bounds[-1],
            SurveyResponse.kind.in_(kinds),
            SurveyResponse.customer_id.not_in(deleted_customers),
        )
        .group_by(period, SurveyResponse.kind, SurveyResponse.score)
    )
    for index, kind, score, count in session.execute(query):
        tallies[index][kind][score] += count
    return tallies


def complaint_number(session: Session, complaint_id: uuid.UUID | None) -> str | None:
    if complaint_id is None:
        return None
    return session.scalar(select(Complaint.number).where(Complaint.id == complaint_id))


def survey_record(response: SurveyResponse, complaint_number: str | None) -> SurveyRecord:
    return SurveyRecord(
        id=response.id,
        version=response.version,
        customer_id=response.customer_id,
        complaint_id=response.complaint_id,
        complaint_number=complaint_number,
        kind=response.kind,
        score=response.score,
        comment=response.comment,
        responded_at=response.responded_at,
        created_at=response.created_at,
        updated_at=response.updated_at,
    )
