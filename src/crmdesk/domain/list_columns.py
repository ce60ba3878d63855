"""Columns of the lists the window shows and exports: one definition per column gives its
header in both languages, the kind of value it holds, how to read it from a row and which
sort key orders by it. The table on screen and the exported workbook read the same
definitions, which is what makes an export "exactly what is shown"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from crmdesk.domain.labels import Language, label

Row = TypeVar("Row")


class CellKind(StrEnum):
    """How a column's values are shown and formatted in a workbook."""

    TEXT = "text"
    INTEGER = "integer"
    MONEY = "money"  # Decimal in major units (元)
    DATE = "date"
    DATETIME = "datetime"  # aware; shown in local time
    LABEL = "label"  # a stored enumeration value, shown by its name
    TEXT_LIST = "text_list"  # several short texts, such as tag names


@dataclass(frozen=True)
class ListColumn(Generic[Row]):
    key: str
    header_en: str
    header_zh: str
    kind: CellKind
    value: Callable[[Row], object]
    # The PageRequest.sort_by that orders the list by this column; None: not sortable.
    sort_key: str | None = None

    def header(self, language: Language) -> str:
        return self.header_zh if language is Language.CHINESE else self.header_en

    def shown(self, row: Row, language: Language) -> object:
        """The value as a person reads it: labels named, lists joined; dates, times,
        numbers and money stay typed so that a workbook can format them."""
        value = self.value(row)
        if isinstance(value, StrEnum):
            return label(value, language)
        if isinstance(value, tuple):
            return _LIST_SEPARATOR[language].join(str(item) for item in value)
        return value

    def reader(self, language: Language) -> Callable[[Row], object]:
        """`shown` for many rows: a function made once per column that reads the value as
        a person reads it, without asking each value what it is."""
        value = self.value
        if self.kind is CellKind.LABEL:
            # A handful of members: name each once, then look the name up.
            names: dict[object, object] = {}

            def named(row: Row) -> object:
                member = value(row)
                try:
                    return names[member]
                except KeyError:
                    name = label(member, language) if isinstance(member, StrEnum) else member
                    names[member] = name
                    return name

            return named
        if self.kind is CellKind.TEXT_LIST:
            separator = _LIST_SEPARATOR[language]

            def joined(row: Row) -> object:
                items = value(row)
                return separator.join(map(str, items)) if isinstance(items, tuple) else items

            return joined
        return value


_LIST_SEPARATOR = {Language.CHINESE: "、", Language.ENGLISH: ", "}


def column_by_key(columns: Sequence[ListColumn[Row]], key: str) -> ListColumn[Row]:
    """The column called `key`; KeyError names it when there is none."""
    for column in columns:
        if column.key == key:
            return column
    raise KeyError(key)
