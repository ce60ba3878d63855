"""Recomputing every customer's value figures: 100,000 customers with 1,000,000 orders.

Builds the database once into a cache file (reused while it exists), then times
`ValueService.recompute()` three times in a fresh process and prints the seconds of each
run, the figures of the last one and the peak RSS.

    python bench/bench_value.py [--customers N] [--orders N] [--cache PATH] [--rebuild]
                                [--profile]

The cache holds realistic skew: most customers order a few times, a few order very often
(a log-normal number of orders), some never order; orders spread over three years with
log-normal totals, a few cancelled, deleted or refunded, most with a payment due date
and paid on time or late; complaints, logged conversations, survey answers and referrals
for a share of the customers; a few deleted customers. Order lines are left out: the
value figures read each order's kept total.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import os
import pstats
import random
import resource
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path

from sqlalchemy import text

from crmdesk.db.engine import Database
from crmdesk.db.models import Complaint, Customer, Interaction, Order, SurveyResponse
from crmdesk.db.repositories.bulk import bulk_writing, insert_rows
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerKind,
    CustomerLevel,
    InteractionKind,
    LifecycleStage,
    OrderStatus,
    SurveyKind,
)
from crmdesk.domain.paging import PageRequest
from crmdesk.paths import sqlite_url
from crmdesk.services.customers import CustomerService
from crmdesk.services.database import open_migrated
from crmdesk.services.value import ValueService

DEFAULT_CACHE = Path("/tmp/crmdesk-bench-value.sqlite3")
AS_OF = date(2026, 5, 20)
HISTORY_DAYS = 3 * 365
SEED = 20260520
_CHUNK = 10_000

Row = dict[str, object]


class _Rows:
    """Customers with their orders, complaints, conversations and surveys."""

    def __init__(self, rng: random.Random, orders_per_customer: float) -> None:
        self._rng = rng
        # A log-normal with this mean: mu = ln(mean) - sigma^2 / 2.
        self._sigma = 1.1
        self._mu = math.log(orders_per_customer) - self._sigma**2 / 2
        self._customers: list[uuid.UUID] = []
        self._numbers = 0
        self._stamp = datetime(2023, 1, 1, tzinfo=UTC)

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self._rng.getrandbits(128), version=4)

    def _synced(self, deleted: bool = False) -> Row:
        stamp = self._stamp
        return {
            "id": self._uuid(),
            "created_at": stamp,
            "updated_at": stamp,
            "deleted_at": stamp if deleted else None,
            "version": 1,
        }

    def chunk(self, first: int, count: int) -> dict[type, list[Row]]:
        rows: dict[type, list[Row]] = {
            model: [] for model in (Customer, Order, Complaint, Interaction, SurveyResponse)
        }
        for number in range(first, first + count):
            self._customer(number, rows)
        return rows

    def _customer(self, number: int, rows: dict[type, list[Row]]) -> None:
        rng = self._rng
        customer = self._synced(deleted=rng.random() < 0.005)
        customer_id = customer["id"]
        referrer = rng.choice(self._customers) if self._customers and rng.random() < 0.1 else None
        self._customers.append(customer_id)  # type: ignore[arg-type]
        rows[Customer].append(
            customer
            | {
                "code": f"KH-BV-{number:07d}",
                "name": f"客户{number}",
                "kind": CustomerKind.COMPANY,
                "industry": None,
                "source": None,
                "level": CustomerLevel.NORMAL,
                "lifecycle_stage": LifecycleStage.EXPLORATION,
                "stage_pinned": rng.random() < 0.02,
                "owner_id": None,
                "phone": None,
                "phone_alt": None,
                "email": None,
                "wechat": None,
                "province": None,
                "city": None,
                "district": None,
                "address": None,
                "birthday": None,
                "referred_by_id": referrer,
                "notes": None,
                "custom_fields": {},
                "search_keys": f"kehu{number}",
            }
        )
        orders = 0 if rng.random() < 0.15 else max(1, round(rng.lognormvariate(self._mu, 1.1)))
        # Some customers stopped ordering a while ago: their orders end before AS_OF.
        end = HISTORY_DAYS - (rng.randrange(HISTORY_DAYS) if rng.random() < 0.3 else 0)
        start = rng.randrange(end) if rng.random() < 0.5 else 0
        for _ in range(orders):
            rows[Order].append(self._order(customer_id, start, end))
        for _ in range(rng.choices((0, 1, 2, 5), (70, 20, 7, 3))[0]):
            rows[Interaction].append(self._interaction(customer_id))
        if rng.random() < 0.1:
            rows[Complaint].append(self._complaint(customer_id))
        if rng.random() < 0.15:
            csat = rng.random() < 0.6
            rows[SurveyResponse].append(
                self._synced()
                | {
                    "customer_id": customer_id,
                    "complaint_id": None,
                    "kind": SurveyKind.CSAT if csat else SurveyKind.NPS,
                    "score": rng.randint(1, 5) if csat else rng.randint(0, 10),
                    "comment": None,
                    "responded_at": self._instant(),
                }
            )

    def _day(self, start: int = 0, end: int = HISTORY_DAYS) -> date:
        return AS_OF - timedelta(days=HISTORY_DAYS - self._rng.randrange(start, end + 1))

    def _instant(self) -> datetime:
        return datetime.combine(self._day(), day_time(10), tzinfo=UTC)

    def _order(self, customer_id: object, start: int, end: int) -> Row:
        rng = self._rng
        self._numbers += 1
        ordered_on = self._day(start, end)
        total = round(rng.lognormvariate(7.5, 1.0) * 100)
        if rng.random() < 0.02:
            total = -total // 4  # a refund
        status = rng.choices(list(OrderStatus), (12, 85, 3))[0]
        due = ordered_on + timedelta(days=30) if rng.random() < 0.7 else None
        paid = None
        if status is OrderStatus.PAID:
            late = rng.choice((0, 0, 0, 0, 3, 10, 40))
            paid = min(AS_OF, (due or ordered_on) + timedelta(days=late - rng.randrange(5)))
            paid = max(paid, ordered_on)
        return self._synced(deleted=rng.random() < 0.005) | {
            "number": f"DD-BV-{self._numbers:08d}",
            "customer_id": customer_id,
            "rep_id": None,
            "status": status,
            "ordered_on": ordered_on,
            "currency": "CNY",
            "total_minor": total,
            "payment_due_on": due,
            "paid_on": paid,
            "notes": None,
        }

    def _interaction(self, customer_id: object) -> Row:
        return self._synced() | {
            "customer_id": customer_id,
            "contact_id": None,
            "rep_id": None,
            "kind": InteractionKind.CALL,
            "occurred_at": self._instant(),
            "subject": "电话回访",
            "content": None,
            "follow_up_id": None,
        }

    def _complaint(self, customer_id: object) -> Row:
        self._numbers += 1
        received = self._instant()
        return self._synced() | {
            "number": f"TS-BV-{self._numbers:08d}",
            "customer_id": customer_id,
            "contact_id": None,
            "owner_id": None,
            "category": ComplaintCategory.DELIVERY,
            "severity": ComplaintSeverity.MEDIUM,
            "status": ComplaintStatus.CLOSED,
            "title": "发货延迟",
            "description": None,
            "received_at": received,
            "due_at": received + timedelta(days=3),
            "resolution": None,
            "resolved_at": None,
            "closed_at": None,
            "satisfaction": None,
        }


def build(path: Path, customers: int, orders: int) -> None:
    database, _ = open_migrated(sqlite_url(path))
    rows = _Rows(random.Random(SEED), orders / customers / 0.85)
    started = time.perf_counter()
    made = 0
    for first in range(0, customers, _CHUNK):
        chunk = rows.chunk(first, min(_CHUNK, customers - first))
        with database.unit_of_work() as uow:
            with bulk_writing(uow.session):
                for model in (Customer, Order, Complaint, Interaction, SurveyResponse):
                    insert_rows(uow.session, model, chunk[model])
            uow.commit()
        made += len(chunk[Order])
        elapsed = time.perf_counter() - started
        done = first + len(chunk[Customer])
        print(f"\r  {done:,} customers, {made:,} orders, {elapsed:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    database.dispose()


def _fixed_clock() -> datetime:
    return datetime.combine(AS_OF, day_time(12), tzinfo=UTC)


def measure(path: Path, *, profile: bool) -> None:
    database, _ = open_migrated(sqlite_url(path))
    with database.unit_of_work() as uow:
        # The first run then sets most stages, as on a file that was never computed;
        # the next runs find little to change, as day to day.
        uow.session.execute(text("UPDATE customer SET lifecycle_stage = 'exploration'"))
        uow.commit()
    service = ValueService(database, _fixed_clock)
    timings: list[float] = []
    changes: list[int] = []
    for run in range(3):
        started = time.perf_counter()
        if profile and run == 2:
            profiler = cProfile.Profile()
            summary = profiler.runcall(service.recompute)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        else:
            summary = service.recompute()
        timings.append(time.perf_counter() - started)
        changes.append(summary.stage_changes)
    print(f"recompute: {', '.join(f'{t:.2f}' for t in timings)} s (target <= 10)")
    print(f"stage changes: {', '.join(map(str, changes))}")
    print(f"last run: {summary}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    measure_list_meanwhile(database, service)
    database.dispose()


def measure_list_meanwhile(database: Database, service: ValueService) -> None:
    """The customer list while a recomputation runs in another thread, as in the window:
    how long a page of 50 customers (a scroll) takes then, against an idle machine."""
    customers = CustomerService(database, _fixed_clock)

    def page_times(keep_going: Callable[[], bool]) -> list[float]:
        times: list[float] = []
        offset = 0
        while keep_going() or not times:
            started = time.perf_counter()
            customers.rows(CustomerFilter(), PageRequest(offset, 50))
            times.append((time.perf_counter() - started) * 1000)
            offset = (offset + 5_000) % 95_000
            time.sleep(0.02)
        return times

    idle_until = time.perf_counter() + 3
    idle = page_times(lambda: time.perf_counter() < idle_until)
    worker = threading.Thread(target=service.recompute)
    worker.start()
    busy = page_times(worker.is_alive)
    worker.join()
    for name, times in (("idle", idle), ("during recompute", busy)):
        times.sort()
        p95 = times[int(len(times) * 0.95)]
        print(
            f"list page {name}: median {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms over {len(times)} pages"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile the third run")
    args = parser.parse_args()
    if args.rebuild or not args.cache.exists():
        args.cache.unlink(missing_ok=True)
        started = time.perf_counter()
        build(args.cache, args.customers, args.orders)
        print(f"built {args.cache} in {time.perf_counter() - started:.0f} s", flush=True)
        if not args.build_only:
            # Measure in a fresh process: peak memory must not include the build's.
            again = ["--cache", str(args.cache)] + (["--profile"] if args.profile else [])
            os.execv(sys.executable, [sys.executable, __file__, *again])
    if not args.build_only:
        measure(args.cache, profile=args.profile)


if __name__ == "__main__":
    main()
