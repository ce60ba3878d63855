"""Build a 10,000-customer demo database in a temporary folder, then time customer search on it.

Prints the build time, rows per table and file size, and the latency of the customer
list query with a search (names, pinyin, initials, phone fragments, one- and
two-character Chinese fragments): median and 95th percentile per query and overall.

    python bench/bench_demo.py [--customers N] [--seed S] [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.paging import PageRequest
from crmdesk.paths import sqlite_url
from crmdesk.services.customers import CustomerService
from crmdesk.services.database import open_migrated
from crmdesk.services.demo import build_demo
from crmdesk.services.info import table_counts

# A fixed day, so that every run builds the same database.
AS_OF = date(2026, 5, 20)
QUERIES = (
    "张",  # one Chinese character: a common surname
    "科",
    "科技",  # two characters inside company names
    "有限",
    "王芳",
    "zhang",  # full pinyin, as a prefix
    "zhangwei",
    "keji",
    "zw",  # pinyin initials
    "hzxr",
    "shan",  # 单 read as a surname
    "Carter",  # English names
    "northwind",
    "1380",  # phone fragments
    "8000",
    "0571",
    "KH-DM-0042",  # a customer code
    "zz 科技",  # two words: both must match
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crmdesk-bench-") as folder:
        path = Path(folder) / "demo.sqlite3"
        database, _ = open_migrated(sqlite_url(path))
        started = time.perf_counter()
        build_demo(database, customers=args.customers, seed=args.seed, as_of=AS_OF)
        seconds = time.perf_counter() - started
        database.dispose()  # the last connection to close folds the WAL into the file
        print(f"demo build: {args.customers:,} customers in {seconds:.1f} s (seed {args.seed})")
        print(f"file size: {path.stat().st_size / 2**20:.1f} MiB")
        database, _ = open_migrated(sqlite_url(path))
        try:
            for count in table_counts(database):
                print(f"  {count.label:<18}{count.rows:>10,}")
            print_search_latency(CustomerService(database), args.repeat)
        finally:
            database.dispose()


def print_search_latency(service: CustomerService, repeat: int) -> None:
    print(f"\ncustomer list with search, first page of 50, {repeat} runs each (ms):")
    print(f"  {'query':<14}{'matches':>9}{'median':>9}{'p95':>9}")
    everything: list[float] = []
    for query in QUERIES:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            page = service.list(CustomerFilter(search=query), PageRequest(limit=50))
            timings.append((time.perf_counter() - started) * 1000)
        everything.extend(timings)
        print(
            f"  {query:<14}{page.total:>9,}{statistics.median(timings):>9.1f}{p95(timings):>9.1f}"
        )
    print(
        f"  {'all queries':<14}{'':>9}{statistics.median(everything):>9.1f}{p95(everything):>9.1f}"
    )


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


if __name__ == "__main__":
    main()
