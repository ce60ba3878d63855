"""Collect every problem with an input at once, so the user sees them all together."""

from __future__ import annotations

from datetime import date, datetime

from crmdesk.domain.errors import Problem, ValidationError


class Problems:
    """Gathers per-field problems; `raise_if_any()` ends validation with all of them."""

    def __init__(self) -> None:
        self._by_field: dict[str, Problem] = {}

    def add(self, field_name: str, template: str, **params: object) -> None:
        # The first problem found for a field is the one worth showing.
        self._by_field.setdefault(field_name, Problem(template, params))

    def raise_if_any(self) -> None:
        if self._by_field:
            raise ValidationError(self._by_field)

    def required_text(self, field_name: str, value: str | None, *, max_length: int) -> str:
        """Trimmed text that must be present; "" (with a problem noted) when it is not."""
        text = (value or "").strip()
        if not text:
            self.add(field_name, "This field is required.")
        elif len(text) > max_length:
            self.add(field_name, "At most {max_length} characters.", max_length=max_length)
        return text

    def optional_text(self, field_name: str, value: str | None, *, max_length: int) -> str | None:
        """Trimmed text or None for blank input."""
        text = (value or "").strip()
        if len(text) > max_length:
            self.add(field_name, "At most {max_length} characters.", max_length=max_length)
        return text or None

    def date_in_range(
        self, field_name: str, value: date | None, *, earliest: date, latest: date
    ) -> date | None:
        if value is not None and not earliest <= value <= latest:
            self.add(
                field_name,
                "The date must be between {earliest} and {latest}.",
                earliest=earliest.isoformat(),
                latest=latest.isoformat(),
            )
        return value

    def instant_in_range(
        self, field_name: str, value: datetime | None, *, earliest: datetime, latest: datetime
    ) -> datetime | None:
        """An instant between two aware bounds; one without a time zone is refused, since
        its meaning would be a guess."""
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            self.add(field_name, "The time must include its time zone.")
        elif not earliest <= value <= latest:
            # The bounds stay datetimes so that the UI can show them in local time.
            self.add(
                field_name,
                "The time must be between {earliest:%Y-%m-%d %H:%M %Z} and "
                "{latest:%Y-%m-%d %H:%M %Z}.",
                earliest=earliest,
                latest=latest,
            )
        return value
