"""Headless sub-commands of `crmdesk` (one module each) and what they share.

A sub-command is a `Command`: its name, one-line help, its own options and what it does.
`cli.py` lists them in COMMANDS and gives each a `--db` option. None of them loads Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

from crmdesk.db.engine import Database
from crmdesk.domain.progress import ProgressCallback
from crmdesk.paths import database_url
from crmdesk.services.database import open_migrated

EXIT_OK = 0
EXIT_FAILED = 1


@dataclass(frozen=True)
class Command:
    """A sub-command: its name and one-line help, its own options, and what it does."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


@contextmanager
def disposed(database: Database) -> Iterator[Database]:
    """Use `database` and close its connections afterwards, whatever happens."""
    try:
        yield database
    finally:
        database.dispose()


@contextmanager
def migrated(args: argparse.Namespace) -> Iterator[Database]:
    """The database `--db` names, its schema brought up to date, closed afterwards."""
    database, _outcome = open_migrated(database_url(args.db))
    with disposed(database):
        yield database


@contextmanager
def terminal_progress(
    stream: TextIO, describe: Callable[[int, int], str]
) -> Iterator[ProgressCallback | None]:
    """A progress callback that rewrites one line on a terminal; None when redirected,
    so that logs and pipes get only the final summary. `describe(done, total)` is the text.
    """
    if not stream.isatty():
        yield None
        return
    width = 0

    def show(done: int, total: int) -> None:
        nonlocal width
        text = describe(done, total)
        width = max(width, len(text))
        stream.write(f"\r{text}")
        stream.flush()

    try:
        yield show
    finally:
        stream.write("\r" + " " * width + "\r")
        stream.flush()
