"""Referrers named by another row of the same file (推荐人 = a customer imported with it).

A referrer not found among stored customers is looked for among the file's own valid
rows, by code or by name. Afterwards, once every row's fate is decided, a row keeps its
referrer only if that row is written (or turned out to be a stored customer); otherwise
it is rejected with the reason, so that no link points at nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from crmdesk.domain.errors import Problem, problem_template
from crmdesk.domain.import_results import RowAction, RowOutcome
from crmdesk.services.importing.references import NO_CUSTOMER

FIELD = "referred_by"
SEVERAL = problem_template("Several customers are called {name}; give the referrer's code instead.")


class PlannedRow(Protocol):
    number: int
    id: uuid.UUID
    values: dict[str, Any]


Row = TypeVar("Row", bound=PlannedRow)


@dataclass
class FileReferrals(Generic[Row]):
    """Which row refers to which other row of the file, by row number."""

    referrer_of: dict[int, int] = field(default_factory=dict)

    def resolve(
        self,
        rows: list[tuple[int, Row | dict[str, Problem]]],
        unresolved: Mapping[int, str],
    ) -> None:
        """Point each row in `unresolved` (row number → the referrer's code or name, not
        found among stored customers) at the file row it names, or turn it into a
        rejection saying why. `rows` is changed in place."""
        by_key: dict[str, list[Row]] = {}
        for _number, planned in rows:
            if not isinstance(planned, dict):
                for key in {planned.values.get("code"), planned.values.get("name")} - {None}:
                    by_key.setdefault(str(key), []).append(planned)
        position = {number: index for index, (number, _planned) in enumerate(rows)}
        for number, key in unresolved.items():
            index = position[number]
            planned = rows[index][1]
            if isinstance(planned, dict):
                continue
            found = [other for other in by_key.get(key, []) if other.number != number]
            if len(found) == 1:
                planned.values["referred_by_id"] = found[0].id
                self.referrer_of[number] = found[0].number
            else:
                template = SEVERAL if found else NO_CUSTOMER
                rows[index] = (number, {FIELD: Problem(template, {"name": key})})
        for number in self._in_circles():
            rows[position[number]] = (
                number,
                {FIELD: Problem("The referrals of this file go round in a circle.")},
            )
            self.referrer_of.pop(number, None)

    def settle(self, outcomes: list[RowOutcome], planned_by_number: Mapping[int, Row]) -> set[int]:
        """After every row's fate is decided: a row whose referrer row was not written
        points at the stored customer that row matched, or is rejected. Returns the
        numbers of the rows rejected here; `outcomes` is changed in place."""
        outcome_at = {outcome.number: index for index, outcome in enumerate(outcomes)}
        rejected: set[int] = set()
        changed = True
        while changed:
            changed = False
            for number, referrer in self.referrer_of.items():
                mine = outcomes[outcome_at[number]]
                if mine.action is RowAction.REJECT:
                    continue
                written = _written_id(referrer, outcomes, outcome_at, planned_by_number)
                if written is not None:
                    planned_by_number[number].values["referred_by_id"] = written
                    continue
                outcomes[outcome_at[number]] = RowOutcome(
                    number,
                    RowAction.REJECT,
                    {
                        FIELD: Problem(
                            "The referrer in row {row} was not imported.", {"row": referrer}
                        )
                    },
                )
                rejected.add(number)
                changed = True
        return rejected

    def _in_circles(self) -> set[int]:
        circling: set[int] = set()
        for start in self.referrer_of:
            seen = {start}
            current = self.referrer_of.get(start)
            while current is not None and current not in seen:
                seen.add(current)
                current = self.referrer_of.get(current)
            if current is not None:
                circling |= seen
        return circling


def _written_id(
    number: int,
    outcomes: list[RowOutcome],
    outcome_at: Mapping[int, int],
    planned_by_number: Mapping[int, PlannedRow],
) -> uuid.UUID | None:
    """The customer row `number` ends up as: the one it creates or updates, the stored
    or earlier-row customer it duplicates; None when it is not imported at all."""
    seen: set[int] = set()
    while number not in seen:
        seen.add(number)
        outcome = outcomes[outcome_at[number]]
        if outcome.action is RowAction.CREATE:
            return planned_by_number[number].id
        if outcome.action is RowAction.UPDATE:
            return outcome.record_id
        duplicate = outcome.duplicate_of
        if outcome.action is not RowAction.SKIP or duplicate is None:
            return None
        if duplicate.record_id is not None:
            return duplicate.record_id
        if duplicate.row_number is None:
            return None
        number = duplicate.row_number
    return None
