"""The `crmdesk` command. Without a sub-command it opens the window; sub-commands (`demo`,
`info`, …) run headless and never load Qt.

Expected failures (`CrmError`) end as one plain line on stderr and exit code 1; bad
arguments as argparse's usage message and exit code 2. A new sub-command is one more
`Command` in COMMANDS: it gets `--db` after its name like the others.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TextIO

import crmdesk
from crmdesk.db.engine import Database
from crmdesk.domain.errors import CrmError
from crmdesk.paths import database_url
from crmdesk.services.database import open_existing, open_migrated
from crmdesk.services.demo import DEFAULT_SEED, MAX_CUSTOMERS, ProgressCallback, build_demo
from crmdesk.services.info import DatabaseInfo, TableCount, database_info

PROG = "crmdesk"
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Command:
    """A sub-command: its name and one-line help, its own options, and what it does."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv` (default: the process's) and return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or bad arguments (code 2)
        return done.code if isinstance(done.code, int) else EXIT_FAILED
    run: Callable[[argparse.Namespace], int] | None = args.run
    try:
        if args.smoke_test:
            return _smoke_test()
        if run is None:
            return _run_gui(args)
        return run(args)
    except CrmError as exc:
        _fail(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _fail("interrupted.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`crmdesk info | head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Offline-first CRM for small sales teams. "
        "Without a command, opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {crmdesk.__version__}")
    parser.add_argument("--db", metavar="PATH", default=None, help=_DB_HELP)
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="migrate a temporary database, build the main window offscreen and exit "
        "(0 when everything worked)",
    )
    parser.set_defaults(run=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.help)
        # SUPPRESS: when `--db` is not given after the command, the one given before it
        # (or None) stays in place instead of being overwritten.
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=_DB_HELP)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


_DB_HELP = (
    "database file (or SQLAlchemy URL) to use; default: $CRMDESK_DB_URL, "
    "else crmdesk.sqlite3 in your user data folder"
)


def _fail(message: str) -> None:
    # One line, whatever the message holds, so that scripts can log it as one record.
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)


# --- the window ---------------------------------------------------------------------------


# Qt is imported here, when the window is asked for, and nowhere else in this module.


def _run_gui(args: argparse.Namespace) -> int:
    from crmdesk.app import run_gui

    return run_gui(database_url(args.db))


def _smoke_test() -> int:
    from crmdesk.app import smoke_test

    return smoke_test()


@contextmanager
def _disposed(database: Database) -> Iterator[Database]:
    try:
        yield database
    finally:
        database.dispose()


# --- crmdesk demo --------------------------------------------------------------------------


def _add_demo_arguments(parser: argparse.ArgumentParser) -> None:
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


def _run_demo(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    database, _outcome = open_migrated(database_url(args.db))
    with _disposed(database), _progress_line(sys.stderr) as progress:
        summary = build_demo(
            database,
            customers=args.customers,
            seed=args.seed,
            as_of=args.as_of,
            progress=progress,
        )
    seconds = time.perf_counter() - started
    print(_demo_summary(summary.location, summary.counts, seconds))
    return EXIT_OK


@contextmanager
def _progress_line(stream: TextIO) -> Iterator[ProgressCallback | None]:
    """A progress callback that rewrites one line on a terminal; None when redirected."""
    if not stream.isatty():
        yield None
        return
    width = 0

    def show(done: int, total: int) -> None:
        nonlocal width
        text = f"Building demo data: {done:,} of {total:,} customers"
        width = max(width, len(text))
        stream.write(f"\r{text}")
        stream.flush()

    try:
        yield show
    finally:
        stream.write("\r" + " " * width + "\r")
        stream.flush()


def _demo_summary(location: str, counts: Sequence[TableCount], seconds: float) -> str:
    rows = {count.label: count.rows for count in counts}
    others = ", ".join(f"{n:,} {label}" for label, n in rows.items() if n and label != "customers")
    return (
        f"Demo database with {rows.get('customers', 0):,} customers built in {seconds:.1f} s "
        f"({others}): {location}"
    )


# --- crmdesk info --------------------------------------------------------------------------


def _add_info_arguments(parser: argparse.ArgumentParser) -> None:
    """`info` takes no options of its own besides --db."""


def _run_info(args: argparse.Namespace) -> int:
    # Looking changes nothing: a mistyped path gets an error, not a new empty database,
    # and an old schema is reported, not upgraded.
    with _disposed(open_existing(database_url(args.db))) as database:
        info = database_info(database)
    print(format_info(info))
    return EXIT_OK


def format_info(info: DatabaseInfo) -> str:
    lines = [
        f"Database:  {info.location}",
        f"Schema:    {info.revision or 'none yet'} (this program's newest: {info.head_revision})",
    ]
    if info.needs_upgrade:
        lines.append("           crmdesk upgrades it, after a backup copy, when it next opens it")
    if info.counts is not None:
        lines.append("Rows (not counting deleted ones):")
        width = max(len(count.label) for count in info.counts)
        lines.extend(f"  {count.label:<{width}}  {count.rows:>12,}" for count in info.counts)
    return "\n".join(lines)


COMMANDS: tuple[Command, ...] = (
    Command(
        "demo",
        "fill an empty database with realistic demo customers and three years of history",
        _add_demo_arguments,
        _run_demo,
    ),
    Command(
        "info",
        "show where the database is, its schema revision and how many rows each table holds",
        _add_info_arguments,
        _run_info,
    ),
)
