"""Which column holds which field: guessed from the headers, corrected by the user, and
saved by header text so that the same export with its columns in another order still
maps.

Headers are compared folded: full-width to half-width, lower case, without spaces,
punctuation, trailing numbers ("电话2") or a bracketed remark ("客户名称（必填）",
"金额(元)"). A header that names no field outright is matched by the field name it ends
with ("联系人电话" → phone, "Company Phone" → phone), unless a longer name of another
kind of record is what it holds ("产品名称" is a product, not a customer's name).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from crmdesk.domain.import_errors import InvalidMappingError
from crmdesk.domain.import_fields import FIELDS, ImportEntity, ImportField
from crmdesk.domain.search_text import fold

_FORMAT = "crmdesk column mapping"
_VERSION = 1
_BRACKETED = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")
_NOISE = re.compile(r"[\s*:_\-.#'\"/\\]+")
_TRAILING_NUMBER = re.compile(r"\d+$")
# Shorter names ("id", "tel", "市") occur inside unrelated words, so only these are
# looked for inside longer headers.
_MIN_CJK_INSIDE = 2
_MIN_LATIN_INSIDE = 5


def header_key(text: str) -> str:
    """The form in which headers and field names are compared."""
    return _NOISE.sub("", _BRACKETED.sub("", fold(text)))


@dataclass(frozen=True)
class HeaderMatch:
    field: ImportField
    exact: bool  # the header is one of the field's names, not a longer text ending in one


def match_header(text: str, entity: ImportEntity | None) -> HeaderMatch | None:
    """The field of `entity` (of any entity when None) that the header `text` names."""
    key = header_key(text)
    if not key:
        return None
    index = _synonym_index()
    for candidate in (key, _TRAILING_NUMBER.sub("", key)):
        if candidate in index:
            return _pick(index[candidate], entity, exact=True)
    inside = [name for name in _inside_names() if name in key]
    if not inside:
        return None
    # The head noun of a Chinese or English compound comes last: "联系人电话" is a phone.
    best = max(inside, key=lambda name: (key.rfind(name) + len(name), len(name)))
    return _pick(index[best], entity, exact=False)


def _pick(
    fields: Mapping[ImportEntity, ImportField], entity: ImportEntity | None, *, exact: bool
) -> HeaderMatch | None:
    found = fields.get(entity) if entity else next(iter(fields.values()))
    return HeaderMatch(found, exact) if found else None


@functools.cache
def _synonym_index() -> Mapping[str, Mapping[ImportEntity, ImportField]]:
    index: dict[str, dict[ImportEntity, ImportField]] = {}
    for entity, fields in FIELDS.items():
        for import_field in fields:
            for header in import_field.headers:
                index.setdefault(header_key(header), {}).setdefault(entity, import_field)
    return MappingProxyType(index)


@functools.cache
def _inside_names() -> tuple[str, ...]:
    return tuple(
        name
        for name in _synonym_index()
        if len(name) >= (_MIN_LATIN_INSIDE if name.isascii() else _MIN_CJK_INSIDE)
    )


@dataclass(frozen=True)
class ColumnMapping:
    """Column index (0-based, among the sheet's data columns) → field key. Unmapped
    columns are absent; a repeatable field may have several columns."""

    columns: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", MappingProxyType(dict(sorted(self.columns.items()))))

    def with_column(self, column: int, key: str | None) -> ColumnMapping:
        """This mapping with `column` mapped to `key`, or unmapped when `key` is None."""
        columns = dict(self.columns)
        columns.pop(column, None)
        if key is not None:
            columns[column] = key
        return ColumnMapping(columns)

    def columns_of(self, key: str) -> list[int]:
        return [column for column, mapped in self.columns.items() if mapped == key]

    def to_json(self, headers: Sequence[str]) -> str:
        """The mapping by header text, to be saved and used for the next file."""
        entries = [
            {"header": headers[column] if column < len(headers) else "", "field": key}
            for column, key in self.columns.items()
        ]
        document = {"format": _FORMAT, "version": _VERSION, "columns": entries}
        return json.dumps(document, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str, headers: Sequence[str]) -> ColumnMapping:
        """The saved mapping applied to `headers`; saved headers that are not there are
        left out. InvalidMappingError when `text` is not a saved mapping."""
        entries = _saved_entries(text)
        keys = [header_key(header) for header in headers]
        columns: dict[int, str] = {}
        for saved_header, key in entries:
            wanted = header_key(saved_header)
            column = next(
                (i for i, got in enumerate(keys) if got == wanted and i not in columns), None
            )
            if column is not None:
                columns[column] = key
        return cls(columns)


def _saved_entries(text: str) -> list[tuple[str, str]]:
    problem = "This file is not a column mapping saved by crmdesk."
    try:
        document = json.loads(text)
    except ValueError:
        raise InvalidMappingError(problem) from None
    if not isinstance(document, dict) or document.get("format") != _FORMAT:
        raise InvalidMappingError(problem)
    entries = document.get("columns")
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict)
        and isinstance(entry.get("header"), str)
        and isinstance(entry.get("field"), str)
        for entry in entries
    ):
        raise InvalidMappingError(problem)
    return [(entry["header"], entry["field"]) for entry in entries]


def auto_mapping(headers: Sequence[str], entity: ImportEntity) -> ColumnMapping:
    """The mapping guessed from the headers. A field gets one column (the exact name
    before a longer header ending in it, then the leftmost), except a repeatable one,
    which gets every column that names it."""
    matches = [
        (not match.exact, column, match.field)
        for column, header in enumerate(headers)
        if (match := match_header(header, entity))
    ]
    columns: dict[int, str] = {}
    for _inexact, column, import_field in sorted(matches, key=lambda m: (m[0], m[1])):
        if import_field.repeatable or import_field.key not in columns.values():
            columns[column] = import_field.key
    return ColumnMapping(columns)


def check_mapping(mapping: ColumnMapping, entity: ImportEntity) -> None:
    """InvalidMappingError when the mapping names a field that `entity` does not have, or
    gives a field that takes one column several."""
    fields = {import_field.key: import_field for import_field in FIELDS[entity]}
    for key in set(mapping.columns.values()):
        if key not in fields:
            raise InvalidMappingError(
                f"The column mapping uses a field '{key}' that {entity.value} do not have."
            )
        if not fields[key].repeatable and len(mapping.columns_of(key)) > 1:
            raise InvalidMappingError(
                f"Several columns are mapped to '{fields[key].label_en}'; choose one."
            )


def missing_required(mapping: ColumnMapping, entity: ImportEntity) -> tuple[ImportField, ...]:
    """The required fields of `entity` that no column is mapped to."""
    mapped = set(mapping.columns.values())
    return tuple(f for f in FIELDS[entity] if f.required and f.key not in mapped)
