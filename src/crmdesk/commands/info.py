"""`crmdesk info`: where the database is, its schema and how many rows each table holds."""

from __future__ import annotations

import argparse

from crmdesk.commands import EXIT_OK, Command, disposed
from crmdesk.paths import database_url
from crmdesk.services.database import open_existing
from crmdesk.services.info import DatabaseInfo, database_info


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    """`info` takes no options of its own besides --db."""


def _run(args: argparse.Namespace) -> int:
    # Looking changes nothing: a mistyped path gets an error, not a new empty database,
    # and an old schema is reported, not upgraded.
    with disposed(open_existing(database_url(args.db))) as database:
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


INFO_COMMAND = Command(
    "info",
    "show where the database is, its schema revision and how many rows each table holds",
    _add_arguments,
    _run,
)
