"""The customer list over 1,000,000 customers, with the real widgets offscreen.

Builds the database once into a cache file (reused while it exists), then prints:

* launch: constructing the Customers tab over the database → first painted rows;
* search: per keystroke, from setting the search text to the first page of rows in the
  model (median and p95 over names, pinyin, initials, phone fragments, Chinese
  fragments), typed twice: the first pass reads the file's pages from disk, the second
  finds them in memory. The tab's 150 ms debounce is skipped by calling the model's
  `set_criteria()` directly, which is what the debounce timer ends in; each keystroke
  waits for the previous one's count;
* sort: from a click's `sort()` on each sortable column to its first page;
* memory: peak RSS after scrolling the table from top to bottom in steps, letting the
  pages of each step load.

    python bench/bench_customer_list.py [--customers N] [--cache PATH] [--rebuild]
                                        [--search-only]

Typing starts once the tab's background reads after its first rows are done (the
filters' choices, and the search index read ahead: `CustomerService.warm_search`), as a
person starts typing after the window has opened; their time is printed. To see a cold
start, drop the OS page cache before a run (as root: `sync; echo 3 >
/proc/sys/vm/drop_caches`).

The cache is filled with quick bulk inserts of realistic rows (names, companies, places
and phones from the demo pools, a primary contact for half the customers, tags, some
follow-ups, a few deleted customers) and their real search documents, in a few minutes.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, CustomerTag, FollowUp, Rep, Tag
from crmdesk.db.repositories.bulk import index_customers, insert_rows
from crmdesk.domain import demo_data as pool
from crmdesk.domain.customers import CustomerFilter, CustomerSummary
from crmdesk.domain.enums import (
    CustomerKind,
    CustomerLevel,
    FollowUpKind,
    FollowUpStatus,
    LifecycleStage,
)
from crmdesk.domain.labels import Language
from crmdesk.domain.paging import PageRequest
from crmdesk.domain.search_text import sort_key
from crmdesk.paths import sqlite_url
from crmdesk.services.database import open_migrated
from crmdesk.services.workspace import Workspace
from crmdesk.ui.context import UiContext
from crmdesk.ui.i18n import install_language
from crmdesk.ui.models.customer_list_model import CustomerListModel
from crmdesk.ui.tabs.customers_tab import CustomersTab
from crmdesk.ui.tasks import TaskRunner

DEFAULT_CACHE = Path("/tmp/crmdesk-bench-1m.sqlite3")
AS_OF = date(2026, 5, 20)
SEED = 20260520
_CHUNK = 5_000

QUERIES = (
    "张三",  # Chinese names
    "王芳",
    "李伟",
    "zs",  # pinyin initials
    "zw",
    "lxm",
    "wang",  # full pinyin
    "zhangwei",
    "keji",
    "1381",  # phone fragments
    "8866",
    "0571",
    "张",  # one- and two-character Chinese fragments
    "科技",
    "有限",
    "贸易",
)


# --- building the cached database ---------------------------------------------------------


Row = dict[str, object]


class _Rows:
    """Customers with their contacts, tags and follow-ups, drawn from one generator."""

    def __init__(self, rng: random.Random, reps: list[uuid.UUID], tags: list[uuid.UUID]) -> None:
        self._rng = rng
        self._reps = reps
        self._tags = tags
        self._keys: dict[str, str] = {}  # names repeat: their pinyin is computed once
        self._start = datetime(2019, 1, 1, tzinfo=UTC)

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self._rng.getrandbits(128), version=4)

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = sort_key(name)
        return key

    def chunk(self, first: int, count: int) -> dict[type, list[Row]]:
        rows: dict[type, list[Row]] = {Customer: [], Contact: [], CustomerTag: [], FollowUp: []}
        for number in range(first, first + count):
            self._customer(number, rows)
        return rows

    def _customer(self, number: int, rows: dict[type, list[Row]]) -> None:
        rng = self._rng
        where = pool.place(rng)
        created = self._start + timedelta(minutes=rng.randrange(7 * 365 * 24 * 60))
        synced: Row = {"created_at": created, "updated_at": created, "version": 1}
        customer_id = self._uuid()
        if rng.random() < 0.65:
            kind = CustomerKind.COMPANY
            name = pool.chinese_company_name(rng, where, pool.industry(rng)).name
            phone = pool.landline(rng, where.city)
        else:
            kind = CustomerKind.PERSON
            name = pool.chinese_person_name(rng)
            phone = pool.mobile(rng)
        rows[Customer].append(
            synced
            | {
                "id": customer_id,
                "deleted_at": created if rng.random() < 0.005 else None,
                "code": f"KH-BM-{number:07d}",
                "name": name,
                "kind": kind,
                "industry": None,
                "source": pool.weighted(rng, pool.SOURCE_WEIGHTS),
                "level": rng.choice(list(CustomerLevel)),
                "lifecycle_stage": rng.choice(list(LifecycleStage)),
                "stage_pinned": False,
                "owner_id": rng.choice(self._reps) if rng.random() < 0.9 else None,
                "phone": phone,
                "phone_alt": None,
                "email": None,
                "wechat": None,
                "province": where.province,
                "city": where.city.name,
                "district": where.district,
                "address": None,
                "birthday": None,
                "referred_by_id": None,
                "notes": None,
                "custom_fields": {},
                "search_keys": self._key(name),
            }
        )
        if rng.random() < 0.5:
            rows[Contact].append(
                synced
                | {
                    "id": self._uuid(),
                    "deleted_at": None,
                    "customer_id": customer_id,
                    "name": pool.chinese_person_name(rng),
                    "title": None,
                    "phone": pool.mobile(rng),
                    "email": None,
                    "wechat": None,
                    "birthday": None,
                    "is_primary": True,
                    "notes": None,
                }
            )
        if rng.random() < 0.3:
            rows[CustomerTag].append(
                synced
                | {
                    "id": self._uuid(),
                    "deleted_at": None,
                    "customer_id": customer_id,
                    "tag_id": rng.choice(self._tags),
                }
            )
        if rng.random() < 0.1:
            rows[FollowUp].append(
                synced
                | {
                    "id": self._uuid(),
                    "deleted_at": None,
                    "customer_id": customer_id,
                    "contact_id": None,
                    "rep_id": None,
                    "kind": FollowUpKind.CALLBACK,
                    "status": FollowUpStatus.PLANNED,
                    "title": "回访",
                    "notes": None,
                    "due_on": AS_OF + timedelta(days=rng.randint(-60, 60)),
                    "recurrence_rule": None,
                    "previous_id": None,
                    "completed_at": None,
                    "result": None,
                }
            )


def _team(rng: random.Random, database: Database) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    now = datetime(2019, 1, 1, tzinfo=UTC)
    synced: Row = {"created_at": now, "updated_at": now, "deleted_at": None, "version": 1}
    reps = [
        synced | {"id": uuid.uuid4(), "name": pool.chinese_person_name(rng), "phone": None,
                  "email": None, "active": True}
        for _ in range(12)
    ]  # fmt: skip
    tags = [
        synced | {"id": uuid.uuid4(), "name": name, "color": color} for name, color in pool.TAGS
    ]
    with database.unit_of_work() as uow:
        insert_rows(uow.session, Rep, reps)
        insert_rows(uow.session, Tag, tags)
        uow.commit()
    return [r["id"] for r in reps], [t["id"] for t in tags]  # type: ignore[misc]


def build(path: Path, customers: int) -> None:
    database, _ = open_migrated(sqlite_url(path))
    rng = random.Random(SEED)
    reps, tags = _team(rng, database)
    rows = _Rows(rng, reps, tags)
    started = time.perf_counter()
    for first in range(0, customers, _CHUNK):
        chunk = rows.chunk(first, min(_CHUNK, customers - first))
        with database.unit_of_work() as uow:
            # Random UUID keys land all over every index: keep the indexes in memory.
            uow.session.execute(text("PRAGMA cache_size=-2000000"))
            for model in (Customer, Contact, CustomerTag, FollowUp):
                insert_rows(uow.session, model, chunk[model])
            index_customers(uow.session, (c["id"] for c in chunk[Customer]))  # type: ignore[misc]
            uow.commit()
        done = first + len(chunk[Customer])
        elapsed = time.perf_counter() - started
        print(f"\r  {done:,} customers, {elapsed:.0f} s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--search-only", action="store_true", help="skip sorting and scrolling")
    args = parser.parse_args()
    if args.rebuild or not args.cache.exists():
        args.cache.unlink(missing_ok=True)
        started = time.perf_counter()
        build(args.cache, args.customers)
        print(f"built {args.cache} in {time.perf_counter() - started:.0f} s", flush=True)
        if not args.build_only:
            # Measure in a fresh process: peak memory must not include the build's.
            again = ["--cache", str(args.cache)] + (["--search-only"] if args.search_only else [])
            os.execv(sys.executable, [sys.executable, __file__, *again])
    if not args.build_only:
        measure(args.cache, search_only=args.search_only)


# --- measuring ----------------------------------------------------------------------------

_LOOK_MS = 2


def _wait(app: QApplication, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Run an event loop, as the window does, until `done()`; looked at every few ms.

    (A loop of processEvents calls with a time limit spins: each returns at once when no
    event is pending, and the spinning thread takes the interpreter lock from the worker
    it waits for, which doubled the measured latencies. Latencies are taken when the
    model's signal arrives, so how often this looks does not change them.)"""
    if done():
        return
    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    late: list[bool] = []

    def look() -> None:
        if done():
            loop.quit()
        elif time.perf_counter() > deadline:
            late.append(True)
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(_LOOK_MS)
    try:
        loop.exec()
    finally:
        timer.stop()
    if late:
        raise TimeoutError("the list did not answer in time")


def _timed(app: QApplication, model: CustomerListModel, start: Callable[[], None]) -> float:
    """Milliseconds from `start()` to the first page of the new query in the model."""
    loaded: list[float] = []
    model.query_loaded.connect(lambda: loaded.append(time.perf_counter()))
    began = time.perf_counter()
    start()
    _wait(app, lambda: bool(loaded))
    model.query_loaded.disconnect()
    return (loaded[0] - began) * 1000


def _keystrokes(query: str) -> Iterator[str]:
    """What the box holds after each key: letters and digits one by one, Chinese text
    one character per input-method commit."""
    for end in range(1, len(query) + 1):
        yield query[:end]


class _FirstPaint(QObject):
    """Notes when the table's viewport is first painted with customer rows."""

    def __init__(self, tab: CustomersTab) -> None:
        super().__init__()
        self._tab = tab
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        model = self._tab.model
        if (
            self.at is None
            and event.type() == QEvent.Type.Paint
            and model.rowCount() > 0
            and model.summary(0) is not None
        ):
            self.at = time.perf_counter()
        return False


def measure(path: Path, *, search_only: bool = False) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_language(Language.ENGLISH)
    database, _ = open_migrated(sqlite_url(path))
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-bench-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    context = UiContext(Workspace.over(database), TaskRunner(), settings)

    started = time.perf_counter()
    tab = CustomersTab(context)
    painted = _FirstPaint(tab)
    tab.table.viewport().installEventFilter(painted)
    tab.resize(1100, 720)
    tab.show()
    shown = time.perf_counter()
    _wait(app, lambda: painted.at is not None)
    assert painted.at is not None
    _wait(app, lambda: not context.tasks.busy)
    settled = time.perf_counter()
    print(f"customers: {tab.model.counts[1]:,}" if tab.model.counts else "customers: ?")
    print(
        f"launch → first painted rows: {(painted.at - started) * 1000:.0f} ms "
        f"({(painted.at - shown) * 1000:.0f} ms after the window shows); background reads "
        f"(count, filter choices, search warm-up) done {(settled - painted.at) * 1000:.0f} ms "
        "later"
    )
    model = tab.model
    # The second pass types the same keys again: the file's pages it needs are then in
    # memory, which tells the cost of reading them from disk apart from the rest.
    for label in ("first pass", "second pass"):
        _search_pass(app, context, model, label)
    model.set_criteria(CustomerFilter())
    _wait(app, lambda: not context.tasks.busy)
    if not search_only:
        _sort_and_scroll(app, context, tab)
    context.tasks.wait_until_idle()
    database.dispose()


def _sort_and_scroll(app: QApplication, context: UiContext, tab: CustomersTab) -> None:
    model = tab.model
    seen: set[str] = set()
    for index, column in enumerate(model.columns):
        if column.sort_key is None or column.sort_key in seen:
            continue
        seen.add(column.sort_key)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            ms = _timed(app, model, lambda i=index, o=order: model.sort(i, o))
            _wait(app, lambda: not context.tasks.busy)
            direction = "↑" if order == Qt.SortOrder.AscendingOrder else "↓"
            print(f"sort by {column.sort_key:9} {direction}: {ms:6.1f} ms")
    model.sort(1, Qt.SortOrder.AscendingOrder)
    _wait(app, lambda: not context.tasks.busy)

    scroll_bar = tab.table.verticalScrollBar()
    steps = 200
    began = time.perf_counter()
    for step in range(steps + 1):
        scroll_bar.setValue(scroll_bar.maximum() * step // steps)
        top = tab.table.rowAt(0)
        bottom = tab.table.rowAt(tab.table.viewport().height() - 1)
        _wait(
            app,
            lambda t=top, b=bottom: all(
                model.summary(row) is not None for row in (t, b) if row >= 0
            ),
        )
    scrolled = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"scrolled top to bottom in {steps} steps ({scrolled:.1f} s, pages read "
        f"{model.pages_fetched}, rows held {model.loaded_rows():,}); peak RSS {peak_mb:.0f} MB"
    )


def _search_pass(
    app: QApplication, context: UiContext, model: CustomerListModel, label: str
) -> None:
    worker_ms = _time_worker(context)
    per_query: dict[str, list[float]] = {}
    for query in QUERIES:
        for typed in _keystrokes(query):
            criteria = CustomerFilter(search=typed)
            ms = _timed(app, model, lambda c=criteria: model.set_criteria(c))
            per_query.setdefault(query, []).append(ms)
            _wait(app, lambda: not context.tasks.busy)
    latencies = [ms for values in per_query.values() for ms in values]
    print(
        f"search ({label}), {len(latencies)} keystrokes: median "
        f"{statistics.median(latencies):.1f} ms, p95 {_p95(latencies):.1f} ms, "
        f"max {max(latencies):.1f} ms"
    )
    print(
        f"  of which reading the page on the worker thread: median "
        f"{statistics.median(worker_ms):.1f} ms, p95 {_p95(worker_ms):.1f} ms"
    )
    for query, values in per_query.items():
        print(f"  {query:10} " + " ".join(f"{ms:6.1f}" for ms in values))


def _time_worker(context: UiContext) -> list[float]:
    """Times of `CustomerService.rows` as the model's reads call it (from now on)."""
    service = context.workspace.customers
    rows = getattr(service.rows, "untimed", service.rows)
    times: list[float] = []

    def timed(criteria: CustomerFilter, request: PageRequest) -> list[CustomerSummary]:
        began = time.perf_counter()
        try:
            return rows(criteria, request)
        finally:
            times.append((time.perf_counter() - began) * 1000)

    timed.untimed = rows  # type: ignore[attr-defined]
    service.rows = timed  # type: ignore[method-assign]
    return times


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


if __name__ == "__main__":
    main()
