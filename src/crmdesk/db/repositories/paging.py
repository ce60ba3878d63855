"""Sort, count and slice a list query in SQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crmdesk.domain.errors import Problem, ValidationError
from crmdesk.domain.paging import PageRequest


def fetch_page(
    session: Session,
    query: Select[Any],
    request: PageRequest,
    sort_columns: Mapping[str, ColumnElement[Any] | InstrumentedAttribute[Any]],
    tiebreak: ColumnElement[Any] | InstrumentedAttribute[Any],
) -> tuple[Sequence[Row[Any]], int]:
    """One page of `query` in the requested order, and how many rows match in all.

    `tiebreak` (a unique column) keeps the order stable between pages when sort values tie.
    """
    total = session.execute(select(func.count()).select_from(query.order_by(None).subquery()))
    ordered = query
    if request.sort_by is not None:
        column = sort_columns.get(request.sort_by)
        if column is None:
            raise ValidationError(
                {"sort_by": Problem("Cannot sort by {key}.", {"key": request.sort_by})}
            )
        ordered = ordered.order_by(column.desc() if request.descending else column.asc())
    ordered = ordered.order_by(tiebreak.desc() if request.descending else tiebreak.asc())
    rows = session.execute(ordered.offset(request.offset).limit(request.limit)).all()
    return rows, int(total.scalar_one())
