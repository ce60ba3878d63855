"""Time a 100,000-row customer import beside a bare python-calamine read of the same file.

Makes a realistic customer workbook (Chinese names and companies, mobile and landline
numbers, cities, e-mail addresses, owners, tags, and a few percent of repeated rows)
with openpyxl write_only, then in one run measures: the bare calamine read of every cell,
and the whole import (read, clean, de-duplicate, insert, index for search) into an empty
database. Prints both times, their ratio, and the peak RSS of the process.

    python bench/bench_import.py [--rows N] [--seed S] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from crmdesk.domain import demo_data as pool
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions
from crmdesk.io.import_source import open_source
from crmdesk.paths import sqlite_url
from crmdesk.services.database import open_migrated
from crmdesk.services.importing import run_import

HEADERS = (
    "客户编号", "客户名称", "客户类型", "行业", "客户等级", "负责人", "手机", "座机", "邮箱",
    "省份", "城市", "地址", "生日", "标签", "备注",
)  # fmt: skip
DUPLICATE_SHARE = 0.03


def make_workbook(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("客户")
    sheet.append(HEADERS)
    written: list[list[object]] = []
    for index in range(rows):
        if written and rng.random() < DUPLICATE_SHARE:
            sheet.append(rng.choice(written))  # the same customer typed in twice
            continue
        where = pool.place(rng)
        company = rng.random() < 0.6
        if company:
            trade = pool.industry(rng)
            name = pool.chinese_company_name(rng, where, trade).name
            industry: str | None = trade.name
        else:
            name, industry = pool.chinese_person_name(rng), None
        row: list[object] = [
            f"C{index + 1:06d}",
            name,
            "公司" if company else "个人",
            industry,
            rng.choice(("VIP", "重点", "普通", "潜在")),
            None,
            # Mobile numbers often arrive as numbers, not text.
            int(pool.mobile(rng)) if rng.random() < 0.5 else pool.mobile(rng),
            pool.landline(rng, where.city) if company and rng.random() < 0.5 else None,
            f"{rng.choice(('info', 'sales', 'kf'))}{index}@example.com"
            if rng.random() < 0.4
            else None,
            where.province,
            where.city.name,
            pool.office_address(rng) if company else pool.home_address(rng),
            None
            if company
            else f"{rng.randint(1960, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            rng.choice(("老客户", "华东,VIP", "展会", None, None)),
            rng.choice(pool.CUSTOMER_NOTES) if rng.random() < 0.1 else None,
        ]
        written.append(row)
        sheet.append(row)
    workbook.save(path)


def bare_read(path: Path) -> int:
    """Every cell of the sheet as Python values, and nothing else."""
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()
    return sum(len(row) for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder to keep the workbook and database in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        workbook = folder / "customers.xlsx"
        started = time.perf_counter()
        make_workbook(workbook, args.rows, args.seed)
        print(
            f"workbook: {args.rows:,} rows, {workbook.stat().st_size / 1e6:.1f} MB, "
            f"made in {time.perf_counter() - started:.1f} s"
        )

        started = time.perf_counter()
        cells = bare_read(workbook)
        bare = time.perf_counter() - started
        print(f"bare calamine read: {bare:.2f} s ({cells:,} cells)")

        target = folder / "import.sqlite3"
        for leftover in (target, *(target.with_name(target.name + e) for e in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)  # a kept folder's last run: start empty again
        database, _ = open_migrated(sqlite_url(target))
        started = time.perf_counter()
        source = open_source(workbook, ImportEntity.CUSTOMERS)
        result = run_import(database, source, ImportOptions(ImportEntity.CUSTOMERS))
        whole = time.perf_counter() - started
        database.dispose()
        c = result.counts
        print(
            f"whole import: {whole:.2f} s ({c.created:,} created, {c.skipped:,} duplicates "
            f"skipped, {c.review:,} held for review, {c.rejected:,} rejected)"
        )
        print(f"ratio import / bare read: {whole / bare:.2f} (target <= 4)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {peak:.0f} MB (target <= 500)")


if __name__ == "__main__":
    main()
