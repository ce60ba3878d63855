"""Sort, count and slice a list query in SQL."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
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
        require_sort_key(request.sort_by, sort_columns)
        column = sort_columns[request.sort_by]
        ordered = ordered.order_by(column.desc() if request.descending else column.asc())
    ordered = ordered.order_by(tiebreak.desc() if request.descending else tiebreak.asc())
    rows = session.execute(ordered.offset(request.offset).limit(request.limit)).all()
    return rows, int(total.scalar_one())


def require_sort_key(sort_by: str, known: Container[str]) -> None:
    """Refuse a sort key the list does not have, on the request's `sort_by` field."""
    if sort_by not in known:
        raise ValidationError({"sort_by": Problem("Cannot sort by {key}.", {"key": sort_by})})
