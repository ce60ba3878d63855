"""`crmdesk value`: recompute every customer's value figures (RFM segment, suggested
lifecycle stage, lifetime value, scorecard) and print how the customers fall into the
segments — the same recomputation as the dashboard's button, for scripts and servers."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from dataclasses import replace
from datetime import date

from crmdesk.commands import EXIT_OK, Command, migrated, terminal_progress
from crmdesk.domain.enums import ReferenceDateMode, ValueSegment
from crmdesk.domain.labels import Language, label
from crmdesk.domain.value_settings import ValueSettings
from crmdesk.services.dashboard import DashboardService
from crmdesk.services.value import ValueService

_REFERENCES = {"today": ReferenceDateMode.TODAY, "last-order": ReferenceDateMode.LAST_ORDER}


def _reference(text: str) -> tuple[ReferenceDateMode, date | None]:
    if text in _REFERENCES:
        return _REFERENCES[text], None
    try:
        return ReferenceDateMode.CHOSEN, date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is neither today, last-order nor a date such as 2026-11-20"
        ) from None


def _display_width(text: str) -> int:
    """Columns `text` takes on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reference",
        type=_reference,
        metavar="DAY",
        help="end of the RFM window: today, last-order (the last order in the data) or a "
        "date such as 2026-11-20; saved as the team's setting. Default: as set",
    )
    parser.add_argument(
        "--language", choices=[language.value for language in Language], default="zh_CN"
    )


def _run(args: argparse.Namespace) -> int:
    with migrated(args) as database:
        service = ValueService(database)
        if args.reference is not None:
            mode, day = args.reference
            settings: ValueSettings = service.settings()
            service.save_settings(replace(settings, reference_mode=mode, reference_date=day))
        with terminal_progress(sys.stderr, lambda done, total: f"{done:,} / {total:,}") as report:
            run = service.recompute(progress=report)
        counts = DashboardService(database).figures().customers_by_segment
    language = Language(args.language)
    print(
        f"Reference day {run.reference_day}, {run.window_days}-day window: "
        f"{run.customers:,} customers, {run.buyers:,} with orders, "
        f"{run.stage_changes:,} suggested stages applied, {run.seconds:.1f} s"
    )
    names = {segment: label(segment, language) for segment in ValueSegment}
    width = max(map(_display_width, names.values()))
    for segment, name in names.items():
        padding = " " * (width - _display_width(name))
        print(f"  {name}{padding}  {counts.get(segment, 0):>10,}")
    return EXIT_OK


VALUE_COMMAND = Command(
    "value",
    "recompute every customer's RFM segment, suggested stage, lifetime value and score",
    _add_arguments,
    _run,
)
