"""`crmdesk export`: the customer list, the order lines, the report workbook or an import
template, as .xlsx."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from crmdesk.commands import (
    EXIT_OK,
    Command,
    migrated,
    terminal_progress,
)
from crmdesk.db.engine import Database
from crmdesk.domain.customers import CustomerFilter, CustomerSort
from crmdesk.domain.enums import CustomerLevel, LifecycleStage
from crmdesk.domain.errors import Problem, ValidationError
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.labels import Language, parse_label
from crmdesk.domain.progress import ProgressCallback
from crmdesk.services.exporting import (
    export_customer_archive,
    export_customers,
    export_order_lines,
    export_report,
)
from crmdesk.services.reps import RepService
from crmdesk.services.templates import write_import_template

E = TypeVar("E", bound=StrEnum)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(title="what to export", metavar="WHAT", required=True)
    _add_kind(
        kinds,
        "customers",
        _export_customers,
        help="the customer list, filtered and sorted as in the window",
        description="Export the customers that match every given filter, in the list's order.",
        own_arguments=_customer_arguments,
    )
    _add_kind(
        kinds,
        "orders",
        _export_orders,
        help="every order line, under the order import's headers",
        description="Export every line of every order, one row per line with its order's "
        "number, customer code, dates and status: a copy that the order import reads back.",
    )
    _add_kind(
        kinds,
        "report",
        _export_report,
        help="a report workbook: summary, customers, follow-ups due, complaints",
        description="Export the report workbook: a summary sheet of counts, every customer, "
        "follow-ups due within a week or overdue, and complaints with their deadline status.",
    )
    _add_kind(
        kinds,
        "template",
        _export_template,
        help="an empty import template for one kind of record",
        description="Write an import template: headers, an example row, drop-down lists for "
        "fixed values and instructions in Chinese and English.",
        leading=_template_entity_argument,
    )


def _add_kind(
    kinds: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    export: Callable[[argparse.Namespace], str],
    *,
    help: str,
    description: str,
    leading: Callable[[argparse.ArgumentParser], None] | None = None,
    own_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
) -> None:
    """One kind of export: `leading` positionals, the FILE (and `--db`), its own options,
    then `--language`."""
    parser = kinds.add_parser(name, help=help, description=description)
    if leading is not None:
        leading(parser)
    parser.add_argument("file", type=Path, metavar="FILE", help="the .xlsx file to write")
    # `--db` also after the kind of export; SUPPRESS keeps one given earlier in place.
    parser.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help="database file or URL to use"
    )
    if own_arguments is not None:
        own_arguments(parser)
    parser.add_argument(
        "--language",
        type=Language,
        choices=list(Language),
        default=Language.CHINESE,
        help="language of headers and names (default: zh_CN)",
    )
    parser.set_defaults(export=export)


def _template_entity_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("entity", choices=[entity.value for entity in ImportEntity])


def _customer_arguments(customers: argparse.ArgumentParser) -> None:
    customers.add_argument("--search", default="", metavar="TEXT", help="search text (pinyin too)")
    customers.add_argument(
        "--stage",
        action="append",
        type=_member_of(LifecycleStage),
        default=[],
        metavar="S",
        help="lifecycle stage, by value or label (exploration, 考察期, …); repeat for several",
    )
    customers.add_argument(
        "--level",
        action="append",
        type=_member_of(CustomerLevel),
        default=[],
        metavar="L",
        help="customer level, by value or label (vip, 重点客户, …); repeat for several",
    )
    customers.add_argument("--owner", metavar="NAME", help="the owning sales rep's name")
    customers.add_argument("--province", metavar="P")
    customers.add_argument("--city", metavar="C")
    customers.add_argument(
        "--sort",
        choices=[key.value for key in CustomerSort],
        default=None,
        metavar="KEY",
        help=f"order of the rows: {', '.join(CustomerSort)} (default: name)",
    )
    customers.add_argument("--descending", action="store_true", help="reverse the order")
    customers.add_argument(
        "--all-fields",
        action="store_true",
        help="every field the customer import reads, under its headers (for a copy that "
        "imports back), instead of the list's columns; sorted by code unless --sort",
    )


def _member_of(enum: type[E]) -> Callable[[str], E]:
    def parse(text: str) -> E:
        member = parse_label(enum, text)
        if member is None:
            choices = ", ".join(member.value for member in enum)
            raise argparse.ArgumentTypeError(f"{text!r} is none of {choices}")
        return member

    return parse


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    export: Callable[[argparse.Namespace], str] = args.export
    done = export(args)
    print(f"{done} in {time.perf_counter() - started:.1f} s: {args.file}")
    return EXIT_OK


def _export_customers(args: argparse.Namespace) -> str:
    with migrated(args) as database:
        criteria = CustomerFilter(
            search=args.search,
            lifecycle_stages=frozenset(args.stage),
            levels=frozenset(args.level),
            owner_ids=frozenset({_rep_id(database, args.owner)}) if args.owner else frozenset(),
            province=args.province,
            city=args.city,
        )
        with _progress("customers") as progress:
            if args.all_fields:
                summary = export_customer_archive(
                    database,
                    args.file,
                    args.language,
                    progress,
                    criteria=criteria,
                    sort_by=args.sort or CustomerSort.CODE,
                    descending=args.descending,
                )
            else:
                summary = export_customers(
                    database,
                    args.file,
                    criteria,
                    sort_by=args.sort,
                    descending=args.descending,
                    language=args.language,
                    progress=progress,
                )
    return f"Exported {summary.rows:,} customers"


def _export_orders(args: argparse.Namespace) -> str:
    with migrated(args) as database, _progress("order lines") as progress:
        summary = export_order_lines(database, args.file, args.language, progress)
    return f"Exported {summary.rows:,} order lines"


def _export_report(args: argparse.Namespace) -> str:
    with migrated(args) as database, _progress("rows") as progress:
        summary = export_report(database, args.file, args.language, progress=progress)
    return f"Exported the report ({summary.rows:,} rows)"


def _export_template(args: argparse.Namespace) -> str:
    write_import_template(args.file, ImportEntity(args.entity), args.language)
    return f"Wrote the import template for {args.entity}"


def _progress(what: str) -> AbstractContextManager[ProgressCallback | None]:
    return terminal_progress(
        sys.stderr, lambda done, total: f"Exporting: {done:,} of {total:,} {what}"
    )


def _rep_id(database: Database, name: str) -> uuid.UUID:
    wanted = " ".join(name.split()).casefold()
    for rep in RepService(database).list(include_inactive=True):
        if rep.name.casefold() == wanted:
            return rep.id
    raise ValidationError(
        {"owner": Problem("There is no sales rep called {name}.", {"name": name})}
    )


EXPORT_COMMAND = Command(
    "export",
    "export the customer list, the order lines, a report workbook or an import template to .xlsx",
    _add_arguments,
    _run,
)
