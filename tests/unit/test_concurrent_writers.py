"""The window and a command-line job may write to one file at the same time (DESIGN.md §4):
writers queue on SQLite's lock instead of failing, and per-device numbers stay unique."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from crmdesk.db.engine import Database
from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.domain.paging import PageRequest
from crmdesk.services.customers import CustomerService

PER_WRITER = 150

OTHER_PROGRAM = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from crmdesk.db.engine import open_database
    from crmdesk.domain.customers import CustomerDraft
    from crmdesk.paths import sqlite_url
    from crmdesk.services.customers import CustomerService

    database = open_database(sqlite_url(Path(sys.argv[1])))
    service = CustomerService(database)
    print("ready", flush=True)
    for i in range(int(sys.argv[2])):
        service.create(CustomerDraft(name=f"后台导入{i}", phone=f"1390000{i:04d}"))
    database.dispose()
    """
)


def test_two_programs_writing_one_file_both_succeed_with_unique_codes(
    database: Database, db_path: Path
) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, str(db_path), str(PER_WRITER)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None
    assert other.stdout.readline().strip() == "ready"
    service = CustomerService(database)
    for i in range(PER_WRITER):
        service.create(CustomerDraft(name=f"窗口录入{i}", phone=f"1380000{i:04d}"))
    _out, err = other.communicate(timeout=120)
    assert other.returncode == 0, err

    page = service.list(CustomerFilter(), PageRequest(limit=1000))
    assert page.total == 2 * PER_WRITER
    codes = [row.code for row in page.items]
    assert len(set(codes)) == len(codes)
    assert len(service.list(CustomerFilter(search="houtaidaoru")).items) == 100  # default page
