"""`crmdesk import`: import a spreadsheet headless, list the recorded imports, undo one."""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path

from crmdesk.commands import EXIT_OK, Command, migrated, terminal_progress
from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_fields import FIELDS, ImportEntity
from crmdesk.domain.import_results import (
    DuplicatePolicy,
    ImportBatchRecord,
    ImportOptions,
    ImportResult,
    RowAction,
)
from crmdesk.services.import_sources import ColumnMapping, open_source
from crmdesk.services.importing import (
    import_history,
    plan_import,
    reason_text,
    run_import,
    undo_import,
    write_errors_workbook,
)

EXIT_ROWS_NOT_IMPORTED = 3
_SHOWN_PROBLEMS = 20
_ALL_FIELDS = sorted({f.key for fields in FIELDS.values() for f in fields})


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Exit codes: 0 every row was imported (or skipped as a duplicate); 3 some rows were "
        "rejected or held back as possible duplicates (see --errors); 1 the file or the "
        "database could not be used, nothing was changed."
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="spreadsheet to import")
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument(
        "--history", action="store_true", help="list the recorded imports, newest first"
    )
    actions.add_argument(
        "--undo", metavar="BATCH", help="undo a recorded import (its id, or the start of it)"
    )
    parser.add_argument(
        "--sheet", metavar="NAME", help="sheet to read (default: the one with data)"
    )
    parser.add_argument(
        "--entity",
        type=ImportEntity,
        choices=list(ImportEntity),
        default=ImportEntity.CUSTOMERS,
        help="what the rows are (default: customers)",
    )
    parser.add_argument(
        "--mapping",
        default="auto",
        metavar="auto|FILE.json",
        help="columns to fields: guessed from the headers, or a mapping saved by the wizard",
    )
    parser.add_argument(
        "--on-duplicate",
        type=DuplicatePolicy,
        choices=list(DuplicatePolicy),
        default=DuplicatePolicy.SKIP,
        help="rows matching a stored record (customers: code, phone, e-mail, name + city; "
        "contacts: the same customer and name or phone): skip them, update the record "
        "(fill its empty fields), or create a new one anyway",
    )
    parser.add_argument(
        "--overwrite",
        metavar="FIELD,…",
        default="",
        help="with --on-duplicate update: fields whose values from the file replace stored "
        "ones (e.g. phone,city)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would happen; change nothing"
    )
    parser.add_argument(
        "--all-or-nothing",
        action="store_true",
        help="import nothing if any row is rejected or held back (default: import the valid rows)",
    )
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="FILE.xlsx",
        help="write the rows not imported, with a reason column, to this workbook",
    )
    parser.add_argument(
        "--create-customers",
        action="store_true",
        help="orders: create the customers the file names that the database does not have",
    )


def _run(args: argparse.Namespace) -> int:
    if args.history or args.undo:
        if args.file is not None:
            raise CrmError("Give either a FILE to import, or --history, or --undo, not both.")
        return _history(args) if args.history else _undo(args)
    if args.file is None:
        raise CrmError("Name the FILE to import (or use --history or --undo BATCH).")
    overwrite = frozenset(f.strip() for f in args.overwrite.split(",") if f.strip())
    unknown = sorted(overwrite - set(_ALL_FIELDS))
    if unknown:
        raise CrmError(f"Unknown field(s) for --overwrite: {', '.join(unknown)}.")
    options = ImportOptions(
        entity=args.entity,
        on_duplicate=args.on_duplicate,
        overwrite=overwrite,
        all_or_nothing=args.all_or_nothing,
        create_customers=args.create_customers,
    )
    if args.errors is not None:
        _check_writable(args.errors)
    source = open_source(args.file, options.entity, sheet=args.sheet)
    if args.mapping != "auto":
        mapping = ColumnMapping.from_json(_read_mapping(Path(args.mapping)), source.headers)
        source = source.with_mapping(mapping)
    with (
        migrated(args) as database,
        terminal_progress(
            sys.stderr,
            lambda done, total: f"Importing {args.file.name}: {done * 100 // max(total, 1)} %",
        ) as progress,
    ):
        act = plan_import if args.dry_run else run_import
        result = act(database, source, options, progress=progress)
    if args.errors is not None and result.not_imported():
        write_errors_workbook(source, result, options.entity, args.errors)
    print(_summary(result, options, dry_run=args.dry_run))
    _show_problems(result, options.entity)
    return EXIT_ROWS_NOT_IMPORTED if result.counts.not_imported else EXIT_OK


def _read_mapping(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CrmError(f"The mapping file {path} could not be read: {exc}") from None


def _check_writable(path: Path) -> None:
    """Refuse an --errors path that cannot be written before anything is imported, so
    that exit code 1 keeps meaning "nothing was changed"."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise CrmError(f"The folder {folder} for --errors does not exist; nothing was imported.")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CrmError(f"{path} cannot be written (--errors); nothing was imported.")


def _summary(result: ImportResult, options: ImportOptions, *, dry_run: bool) -> str:
    c = result.counts
    counts = (
        f"{c.created:,} created, {c.updated:,} updated, {c.skipped:,} skipped as duplicates, "
        f"{c.review:,} held back as possible duplicates, {c.rejected:,} rejected"
    )
    where = f"{result.file_name} (sheet {result.sheet})"
    if dry_run:
        return f"Dry run of {where}, nothing changed: {counts}."
    if result.batch_id is not None:
        records = ", ".join(f"{n:,} {table}" for table, n in result.records_created.items())
        return (
            f"Imported {where}: {counts}. Written: {records or 'updates only'}. "
            f"Undo with: crmdesk import --undo {result.batch_id.hex[:8]}"
        )
    if options.all_or_nothing and c.not_imported:
        return f"Nothing imported from {where} (--all-or-nothing): {counts}."
    return f"Nothing to import from {where}: {counts}."


def _show_problems(result: ImportResult, entity: ImportEntity) -> None:
    rows = result.not_imported()
    for outcome in rows[:_SHOWN_PROBLEMS]:
        what = "held back" if outcome.action is RowAction.REVIEW else "rejected"
        print(f"  row {outcome.number} {what}: {reason_text(outcome, entity)}", file=sys.stderr)
    if len(rows) > _SHOWN_PROBLEMS:
        print(f"  … and {len(rows) - _SHOWN_PROBLEMS:,} more (see --errors)", file=sys.stderr)


def _history(args: argparse.Namespace) -> int:
    with migrated(args) as database:
        batches = import_history(database)
    if not batches:
        print("No imports recorded.")
    for batch in batches:
        print(_history_line(batch))
    return EXIT_OK


def _history_line(batch: ImportBatchRecord) -> str:
    c = batch.counts
    when = batch.finished_at.astimezone().strftime("%Y-%m-%d %H:%M")
    undone = f", undone {batch.undone_at.astimezone():%Y-%m-%d %H:%M}" if batch.undone_at else ""
    return (
        f"{batch.id.hex[:8]}  {when}  {batch.file_name} [{batch.entity}]  "
        f"{c.created} created, {c.updated} updated, {c.skipped} skipped, "
        f"{c.review} held back, {c.rejected} rejected{undone}"
    )


def _undo(args: argparse.Namespace) -> int:
    with migrated(args) as database:
        batch_id = _batch_id(args.undo, import_history(database))
        result = undo_import(database, batch_id)
    print(
        f"Undone import {batch_id.hex[:8]}: {result.removed:,} records removed, "
        f"{result.restored:,} records restored."
    )
    return EXIT_OK


def _batch_id(text: str, batches: list[ImportBatchRecord]) -> uuid.UUID:
    """A batch by its id or a unique start of it, as --history shows them."""
    wanted = text.strip().lower().replace("-", "")
    found = [b.id for b in batches if b.id.hex.startswith(wanted)] if wanted else []
    if len(found) != 1:
        problem = "matches several imports" if found else "matches no recorded import"
        raise CrmError(f"{text} {problem}; see crmdesk import --history.")
    return found[0]


IMPORT_COMMAND = Command(
    "import",
    "import customers, contacts, orders, interactions, follow-ups or complaints from a "
    "spreadsheet; list or undo earlier imports",
    _add_arguments,
    _run,
)
