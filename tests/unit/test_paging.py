"""A list request that would load everything or make no sense is refused up front."""

from __future__ import annotations

import pytest

from crmdesk.domain.errors import ValidationError
from crmdesk.domain.paging import MAX_PAGE_SIZE, PageRequest


@pytest.mark.parametrize(
    ("offset", "limit", "field"),
    [(-1, 10, "offset"), (0, 0, "limit"), (0, -1, "limit"), (0, MAX_PAGE_SIZE + 1, "limit")],
)
def test_nonsense_pages_are_refused_with_a_message_on_the_field(
    offset: int, limit: int, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        PageRequest(offset=offset, limit=limit)
    assert list(refused.value.problems) == [field]


def test_ordinary_pages_are_accepted() -> None:
    assert PageRequest(offset=200, limit=MAX_PAGE_SIZE).limit == MAX_PAGE_SIZE


def test_a_list_fills_in_its_default_order_only_when_none_was_asked_for() -> None:
    asked = PageRequest(sort_by="title", descending=True)
    assert asked.or_sorted_by("due_on") is asked
    assert PageRequest(descending=True).or_sorted_by("due_on") == PageRequest(
        sort_by="due_on", descending=True
    )
    assert PageRequest().or_sorted_by("ordered_on", descending=True) == PageRequest(
        sort_by="ordered_on", descending=True
    )
