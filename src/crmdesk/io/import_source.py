"""A sheet ready to import: the sheet that holds the data, its header row, the mapping of
its columns to fields, and its rows cleaned as they are read."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice, repeat
from pathlib import Path
from types import MappingProxyType

from crmdesk.domain.errors import Problem
from crmdesk.domain.import_errors import EmptySpreadsheetError, InvalidMappingError
from crmdesk.domain.import_fields import FIELDS, ImportEntity, ImportField, ValueKind
from crmdesk.io.cleaning import Cleaner, cleaner_for
from crmdesk.io.column_mapping import ColumnMapping, auto_mapping, check_mapping
from crmdesk.io.header_row import HEADER_SCAN_ROWS, find_header_row
from crmdesk.io.spreadsheet import Sheet, Workbook, open_workbook

REQUIRED = "This field is required."
_BATCH = 1024
# Shared by the rows without problems: fewer objects for the garbage collector to visit
# when a caller keeps 100,000 rows.
_NO_PROBLEMS: Mapping[str, Problem] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class SourceRow:
    number: int  # the row's number in the sheet, as Excel shows it
    raw: tuple[object, ...]  # the cells of the row, one per header
    values: Mapping[str, object]  # field key → cleaned value (None when empty); mapped only
    problems: Mapping[str, Problem]  # field key → what is wrong with its cell


@dataclass(frozen=True)
class ImportSource:
    """One sheet of a file, read for an import of `entity`. The cells stay loaded, so
    `rows()` can be read again (preview, checks, import) without reading the file again."""

    path: Path
    entity: ImportEntity
    sheet: str
    sheets: tuple[str, ...]  # every sheet of the file that can hold data, in the file's order
    header_row: int  # 1-based
    headers: tuple[str, ...]
    mapping: ColumnMapping
    data: Sheet = field(repr=False, compare=False)

    @functools.cached_property
    def row_count(self) -> int:
        """The data rows below the header, blank rows not counted (one pass over the
        sheet, on first use)."""
        return sum(map(any, islice(self.data.rows(), self.header_row, None)))

    def rows(self) -> Iterator[SourceRow]:
        """The data rows, cleaned. Blank rows (every cell empty, zero or false: no
        record in them) are skipped."""
        return _clean_rows(self)

    def with_mapping(self, mapping: ColumnMapping) -> ImportSource:
        """The same sheet with another mapping (InvalidMappingError when it does not fit)."""
        _check_fits(mapping, self.entity, self.headers)
        return dataclasses.replace(self, mapping=mapping)


def open_source(
    path: Path,
    entity: ImportEntity,
    *,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
) -> ImportSource:
    """Read `path` for an import of `entity`: the sheet named (or the one holding the
    data), its header row found, its columns mapped (guessed when no mapping is given).

    Raises a SpreadsheetError when the file cannot be read or holds no data, and
    InvalidMappingError when `mapping` names fields that `entity` lacks."""
    workbook = open_workbook(path)
    name = sheet if sheet is not None else _choose_sheet(workbook, entity)
    data = workbook.sheet(name)
    found = find_header_row(list(islice(data.rows(), HEADER_SCAN_ROWS)), entity, data.merged)
    if found is None:
        raise EmptySpreadsheetError(path, name)
    chosen = mapping if mapping is not None else auto_mapping(found.headers, entity)
    _check_fits(chosen, entity, found.headers)
    if not any(map(any, islice(data.rows(), found.index + 1, None))):
        raise EmptySpreadsheetError(path, name)
    return ImportSource(
        path=path,
        entity=entity,
        sheet=name,
        sheets=tuple(workbook.sheet_names),
        header_row=found.index + 1,
        headers=found.headers,
        mapping=chosen,
        data=data,
    )


def _check_fits(mapping: ColumnMapping, entity: ImportEntity, headers: Sequence[str]) -> None:
    check_mapping(mapping, entity)
    for column in mapping.columns:
        if not 0 <= column < len(headers):
            raise InvalidMappingError(
                f"The column mapping uses column {column + 1}, which this sheet does not have."
            )


def _choose_sheet(workbook: Workbook, entity: ImportEntity) -> str:
    """The sheet that holds the data: the one whose header names the most fields of
    `entity`, then the one with more rows under its header (among its first rows), then
    the first."""
    best: str | None = None
    best_score = (-1, 0)
    for name in workbook.sheet_names:
        data = workbook.sheet(name)
        head = list(islice(data.rows(), HEADER_SCAN_ROWS))
        found = find_header_row(head, entity, data.merged)
        if found is not None:
            filled = sum(map(any, head[found.index + 1 :]))
            if (found.known, filled) > best_score:
                best, best_score = name, (found.known, filled)
    if best is None:
        raise EmptySpreadsheetError(workbook.path)
    for name in workbook.sheet_names:
        if name != best:
            workbook.forget(name)
    return best


@dataclass(frozen=True)
class _Plan:
    """How the mapped columns become values: the single columns, cleaned column by
    column, then the repeatable fields fed by several columns, then the required check."""

    keys: tuple[str, ...]
    columns: tuple[int, ...]
    cleaners: tuple[Cleaner, ...]
    combined: tuple[_Combined, ...]
    required: tuple[str, ...]


@dataclass(frozen=True)
class _Combined:
    key: str
    kind: ValueKind
    columns: tuple[tuple[int, Cleaner], ...]


def _plan(mapping: ColumnMapping, entity: ImportEntity) -> _Plan:
    fields: dict[str, ImportField] = {f.key: f for f in FIELDS[entity]}
    single: list[tuple[str, int, Cleaner]] = []
    combined: list[_Combined] = []
    for key in dict.fromkeys(mapping.columns.values()):
        import_field = fields[key]
        indexes = mapping.columns_of(key)
        if len(indexes) == 1:
            single.append((key, indexes[0], cleaner_for(import_field)))
        else:
            columns = tuple((index, cleaner_for(import_field)) for index in indexes)
            combined.append(_Combined(key, import_field.kind, columns))
    mapped = set(mapping.columns.values())
    return _Plan(
        keys=tuple(key for key, _index, _clean in single),
        columns=tuple(index for _key, index, _clean in single),
        cleaners=tuple(clean for _key, _index, clean in single),
        combined=tuple(combined),
        required=tuple(key for key, f in fields.items() if f.required and key in mapped),
    )


def _clean_rows(source: ImportSource) -> Iterator[SourceRow]:
    plan = _plan(source.mapping, source.entity)
    keys = plan.keys
    for numbers, raws in _batches(source):
        cleaned, troubled = _clean_columns(plan, raws)
        rows_cells = zip(*cleaned, strict=True) if cleaned else repeat((), len(raws))
        for position, (number, raw, cells) in enumerate(
            zip(numbers, raws, rows_cells, strict=True)
        ):
            values: dict[str, object] = dict(zip(keys, cells, strict=True))
            if position in troubled or plan.combined:
                yield SourceRow(number, raw, values, _complete(plan, raw, values))
            else:
                yield SourceRow(number, raw, values, _NO_PROBLEMS)


def _batches(source: ImportSource) -> Iterator[tuple[list[int], list[tuple[object, ...]]]]:
    """The data rows in batches, with their numbers; blank rows left out."""
    width = len(source.headers)
    rows = islice(source.data.rows(), source.header_row, None)
    first = source.header_row + 1
    while batch := list(islice(rows, _BATCH)):
        filled = list(map(any, batch))
        numbers = list(compress(range(first, first + len(batch)), filled))
        raws = list(map(tuple, compress(batch, filled)))
        first += len(batch)
        if raws and min(map(len, raws)) < width:  # a CSV row can be short
            raws = [(*raw, *("",) * (width - len(raw))) for raw in raws]
        yield numbers, raws


def _clean_columns(
    plan: _Plan, raws: list[tuple[object, ...]]
) -> tuple[list[list[object]], set[int]]:
    """Each mapped column cleaned as a whole (one cleaner over a column with map() costs
    far less than a call per cell from Python), and the positions of the rows that need
    a closer look: a problem, or a required value missing."""
    cells = list(zip(*raws, strict=False))
    cleaned = [
        list(map(clean, cells[index]))
        for index, clean in zip(plan.columns, plan.cleaners, strict=True)
    ]
    troubled: set[int] = set()
    for key, column in zip(plan.keys, cleaned, strict=True):
        if key in plan.required:
            troubled.update(i for i, value in enumerate(column) if value is None)
        troubled.update(i for i, value in enumerate(column) if type(value) is Problem)
    return cleaned, troubled


def _complete(
    plan: _Plan, raw: tuple[object, ...], values: dict[str, object]
) -> dict[str, Problem]:
    """Move problems out of the values, fill the repeatable fields, check required ones."""
    problems: dict[str, Problem] = {}
    for key, value in values.items():
        if type(value) is Problem:
            problems[key] = value
            values[key] = None
    for group in plan.combined:
        _combine(group, raw, values, problems)
    for key in plan.required:
        if values[key] is None and key not in problems:
            problems[key] = Problem(REQUIRED)
    return problems


def _combine(
    group: _Combined,
    raw: tuple[object, ...],
    values: dict[str, object],
    problems: dict[str, Problem],
) -> None:
    """Phones from all the columns, texts joined line by line, or the first value."""
    found: list[object] = []
    for index, clean in group.columns:
        value = clean(raw[index])
        if type(value) is Problem:
            problems.setdefault(group.key, value)
        elif value is not None:
            found.append(value)
    if not found:
        values[group.key] = None
    elif group.kind is ValueKind.PHONES:
        phones: dict[str, None] = {}
        for value in found:
            if isinstance(value, list):
                phones.update(dict.fromkeys(value))
        values[group.key] = list(phones)
    elif group.kind is ValueKind.TEXT:
        values[group.key] = "\n".join(str(value) for value in found)
    else:
        values[group.key] = found[0]
