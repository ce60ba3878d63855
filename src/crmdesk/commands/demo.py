"""`crmdesk demo`: fill a database with realistic demo customers and their history."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import date

from crmdesk.commands import EXIT_OK, Command, migrated, terminal_progress
from crmdesk.services.demo import DEFAULT_SEED, MAX_CUSTOMERS, build_demo
from crmdesk.services.info import TableCount


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--customers",
        type=_customer_count,
        required=True,
        metavar="N",
        help=f"how many customers to make (1 to {MAX_CUSTOMERS:,})",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"random seed; the same seed and day give the same data (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--as-of",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day the demo history runs up to (default: today)",
    )


def _customer_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if not 1 <= value <= MAX_CUSTOMERS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_CUSTOMERS:,}, not {value}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date written YYYY-MM-DD, not {text!r}"
        ) from None


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with (
        migrated(args) as database,
        terminal_progress(
            sys.stderr, lambda done, total: f"Building demo data: {done:,} of {total:,} customers"
        ) as progress,
    ):
        summary = build_demo(
            database,
            customers=args.customers,
            seed=args.seed,
            as_of=args.as_of,
            progress=progress,
        )
    seconds = time.perf_counter() - started
    print(_summary(summary.location, summary.counts, seconds))
    return EXIT_OK


def _summary(location: str, counts: Sequence[TableCount], seconds: float) -> str:
    rows = {count.label: count.rows for count in counts}
    others = ", ".join(f"{n:,} {label}" for label, n in rows.items() if n and label != "customers")
    return (
        f"Demo database with {rows.get('customers', 0):,} customers built in {seconds:.1f} s "
        f"({others}): {location}"
    )


DEMO_COMMAND = Command(
    "demo",
    "fill an empty database with realistic demo customers and three years of history",
    _add_arguments,
    _run,
)
