"""Names of stored enumeration values in the window's current language."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from crmdesk.domain.labels import label, labels_of
from crmdesk.ui.i18n import current_language

E = TypeVar("E", bound=StrEnum)


def enum_label(value: StrEnum) -> str:
    return label(value, current_language())


def enum_choices(enum: type[E]) -> list[tuple[E, str]]:
    """Every value with its name, in declaration order, for combo boxes and filters."""
    return labels_of(enum, current_language())
