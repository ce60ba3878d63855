"""The `crmdesk` command. Without a sub-command it opens the window; sub-commands (`demo`,
`info`, …) run headless and never load Qt.

Expected failures (`CrmError`) end as one plain line on stderr and exit code 1; bad
arguments as argparse's usage message and exit code 2. A new sub-command is one more
`Command` (crmdesk/commands/) in COMMANDS: it gets `--db` after its name like the others.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

import crmdesk
from crmdesk.commands import EXIT_FAILED, Command
from crmdesk.commands.demo import DEMO_COMMAND
from crmdesk.commands.export import EXPORT_COMMAND
from crmdesk.commands.import_file import IMPORT_COMMAND
from crmdesk.commands.info import INFO_COMMAND
from crmdesk.commands.value import VALUE_COMMAND
from crmdesk.domain.errors import CrmError
from crmdesk.paths import database_url

PROG = "crmdesk"
EXIT_INTERRUPTED = 130


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


COMMANDS: tuple[Command, ...] = (
    DEMO_COMMAND,
    EXPORT_COMMAND,
    IMPORT_COMMAND,
    INFO_COMMAND,
    VALUE_COMMAND,
)
