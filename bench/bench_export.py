"""The customer export over 100,000 customers, beside a bare openpyxl write of the same rows.

Builds a demo database once into a cache file (reused while it exists; the build takes a
few minutes), then prints:

* export: `export_customers` of every customer, all columns, in the list's default order
  (reading the rows from the database, formats, header, widths, formula safety, the
  atomic rename), and the peak RSS of the process after it;
* read: the same rows read from the database alone, no workbook (part of "export");
* bare: an openpyxl `write_only` workbook of the same values (labels named, instants as
  local naive datetimes), appended as plain rows with no header, styles or formats;
* the ratio export / bare (target: at most 1.3).

    python bench/bench_export.py [--customers N] [--cache PATH] [--rebuild]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from crmdesk.domain.customer_columns import CUSTOMER_COLUMNS
from crmdesk.domain.customers import CustomerFilter, CustomerSummary
from crmdesk.domain.labels import Language
from crmdesk.paths import sqlite_url
from crmdesk.services.customers import CustomerService
from crmdesk.services.database import open_migrated
from crmdesk.services.demo import build_demo
from crmdesk.services.exporting import export_customers

AS_OF = date(2025, 6, 1)
LANGUAGE = Language.CHINESE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "crmdesk-bench-export.sqlite3",
    )
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    database = _database(args.cache, args.customers, args.rebuild)
    service = CustomerService(database)
    with tempfile.TemporaryDirectory(prefix="crmdesk-bench-") as folder:
        exported = Path(folder) / "export.xlsx"
        started = time.perf_counter()
        summary = export_customers(database, exported, CustomerFilter(), language=LANGUAGE)
        export_seconds = time.perf_counter() - started
        export_rss = _peak_rss_mb()

        started = time.perf_counter()
        with service.iter_rows(CustomerFilter()) as stream:
            customers = list(stream.rows)
        read_seconds = time.perf_counter() - started

        rows = [_bare_values(customer) for customer in customers]
        bare = Path(folder) / "bare.xlsx"
        started = time.perf_counter()
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("customers")
        for row in rows:
            sheet.append(row)
        workbook.save(bare)
        bare_seconds = time.perf_counter() - started

        print(f"customers:  {summary.rows:,} rows × {len(CUSTOMER_COLUMNS)} columns")
        print(f"export:     {export_seconds:6.2f} s  ({exported.stat().st_size / 1e6:.1f} MB)")
        print(f"  of which reading the rows alone: {read_seconds:6.2f} s")
        print(f"bare write: {bare_seconds:6.2f} s  ({bare.stat().st_size / 1e6:.1f} MB)")
        print(f"ratio:      {export_seconds / bare_seconds:6.2f}  (target ≤ 1.3)")
        print(f"peak RSS after the export: {export_rss:.0f} MB")
    database.dispose()


def _database(cache: Path, customers: int, rebuild: bool):  # type: ignore[no-untyped-def]
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{cache}{suffix}").unlink(missing_ok=True)
    fresh = not cache.exists()
    database, _outcome = open_migrated(sqlite_url(cache))
    if fresh:
        print(f"building {customers:,} demo customers into {cache} …", file=sys.stderr)
        started = time.perf_counter()
        build_demo(database, customers=customers, as_of=AS_OF)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return database


def _bare_values(customer: CustomerSummary) -> list[object]:
    values = [column.shown(customer, LANGUAGE) for column in CUSTOMER_COLUMNS]
    # openpyxl refuses aware datetimes; the export writes local wall-clock time.
    return [
        value.astimezone().replace(tzinfo=None) if isinstance(value, datetime) else value
        for value in values
    ]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
