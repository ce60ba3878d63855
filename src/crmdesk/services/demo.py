"""The demo database behind `crmdesk demo`: a sales team (an office equipment dealer) and
three years with its customers, reproducible from a seed and a day.

Every value comes from `random.Random(seed)` and the `as_of` day, never from the wall
clock, so the same seed and day give the same database row for row. Rows are generated as
plain dicts and written in bulk, because the ORM's object-by-object flush is far too slow
for hundreds of thousands of rows; the whole build is one unit of work, so a failure
leaves nothing behind.
"""

from __future__ import annotations

import bisect
import itertools
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone

from crmdesk.db.base import Base
from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import (
    Complaint,
    ComplaintEvent,
    Contact,
    Coupon,
    Customer,
    CustomerTag,
    FollowUp,
    Interaction,
    Order,
    OrderLine,
    PointsEntry,
    Rep,
    SurveyResponse,
    Tag,
)
from crmdesk.db.repositories import bulk, stats
from crmdesk.domain import demo_data as pool
from crmdesk.domain.complaint_workflow import due_at
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerKind,
    CustomerLevel,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    LifecycleStage,
    OrderStatus,
    PointsReason,
    SourceChannel,
    SurveyKind,
)
from crmdesk.domain.errors import CrmError
from crmdesk.domain.progress import ProgressCallback
from crmdesk.domain.recurrence import Frequency, Recurrence, occurrence
from crmdesk.domain.search_text import sort_key
from crmdesk.domain.validation import Problems
from crmdesk.services.info import TableCount, table_counts

DEFAULT_SEED = 1
MAX_CUSTOMERS = 1_000_000
# Demo numbers carry their own prefix (KH-DM-00001) so they never collide with numbers
# this device hands out later.
CODE_PREFIX = "DM"
HISTORY_DAYS = 3 * 365 + 1
CHINA_TIME = timezone(timedelta(hours=8))
_BATCH = 500

Row = dict[str, object]

# Tables in an order that satisfies their foreign keys.
_INSERT_ORDER: tuple[type[Base], ...] = (
    Rep,
    Tag,
    Customer,
    Contact,
    CustomerTag,
    Order,
    OrderLine,
    FollowUp,
    Interaction,
    Complaint,
    ComplaintEvent,
    SurveyResponse,
    PointsEntry,
    Coupon,
)

_S = LifecycleStage
_STAGE_WEIGHTS = {
    _S.EXPLORATION: 10,
    _S.FORMATION: 18,
    _S.STABILITY: 38,
    _S.DECLINE: 20,
    _S.LOST: 14,
}
# How long ago a relationship in each stage began, in days.
_STAGE_AGE_DAYS = {
    _S.EXPLORATION: (3, 180),
    _S.FORMATION: (60, 400),
    _S.STABILITY: (400, 1800),
    _S.DECLINE: (300, 1500),
    _S.LOST: (500, 1800),
}
# Spend over the last twelve months (minor units) that makes a customer VIP, or key.
_LEVEL_SPEND = {
    CustomerKind.COMPANY: (8_000_000, 3_000_000),
    CustomerKind.PERSON: (1_000_000, 400_000),
}
_PAYMENT_TERMS_DAYS = {30: 55, 60: 20, 0: 15, 90: 10}
_LATE_PAYER_SHARE = {0.03: 60, 0.15: 30, 0.5: 10}
_REFUND_SHARE = 0.04
_CANCEL_SHARE = 0.02
_SEVERITY_WEIGHTS = {
    ComplaintSeverity.LOW: 30,
    ComplaintSeverity.MEDIUM: 40,
    ComplaintSeverity.HIGH: 22,
    ComplaintSeverity.CRITICAL: 8,
}
_CATEGORY_WEIGHTS = {
    ComplaintCategory.PRODUCT_QUALITY: 35,
    ComplaintCategory.DELIVERY: 30,
    ComplaintCategory.SERVICE: 18,
    ComplaintCategory.BILLING: 12,
    ComplaintCategory.OTHER: 5,
}
_C = ComplaintStatus
_WORKFLOW = (_C.NEW, _C.ACKNOWLEDGED, _C.IN_PROGRESS, _C.RESOLVED, _C.CLOSED)
_STATUS_WEIGHTS = {
    _C.NEW: 8,
    _C.ACKNOWLEDGED: 10,
    _C.IN_PROGRESS: 12,
    _C.RESOLVED: 12,
    _C.CLOSED: 58,
}
# How many days ago a complaint now in each status came in.
_STATUS_AGE_DAYS = {
    _C.NEW: (1, 2),
    _C.ACKNOWLEDGED: (1, 6),
    _C.IN_PROGRESS: (2, 25),
    _C.RESOLVED: (3, 40),
    _C.CLOSED: (7, HISTORY_DAYS),
}
# Hours each move of the workflow takes: to acknowledged, in progress, resolved, closed.
_STEP_HOURS = {
    _C.ACKNOWLEDGED: (1, 20),
    _C.IN_PROGRESS: (2, 48),
    _C.RESOLVED: (12, 240),
    _C.CLOSED: (24, 168),
}
_SATISFACTION_WEIGHTS = {5: 45, 4: 30, 3: 13, 2: 8, 1: 4}
_NPS_WEIGHTS = {10: 18, 9: 22, 8: 20, 7: 14, 6: 8, 5: 6, 4: 4, 3: 3, 2: 2, 1: 1, 0: 2}
_RECURRENCES = (
    Recurrence(Frequency.MONTHLY, 1),
    Recurrence(Frequency.MONTHLY, 3),
    Recurrence(Frequency.WEEKLY, 2),
)
_PRODUCT_WEIGHTS = [p.weight for p in pool.PRODUCTS]
# How a relationship that began through a channel was first talked about (else a call).
_FIRST_CONTACT_KIND = {
    SourceChannel.SOCIAL_MEDIA: InteractionKind.WECHAT,
    SourceChannel.WALK_IN: InteractionKind.VISIT,
    SourceChannel.EXHIBITION: InteractionKind.MEETING,
}


class DatabaseNotEmptyError(CrmError):
    """Demo data only goes into a database without customers."""


@dataclass(frozen=True)
class DemoSummary:
    location: str
    counts: tuple[TableCount, ...]


def build_demo(
    database: Database,
    *,
    customers: int,
    seed: int = DEFAULT_SEED,
    as_of: date | None = None,
    progress: ProgressCallback | None = None,
) -> DemoSummary:
    """Fill an empty database with `customers` demo customers and their history up to
    `as_of` (default today). Raises DatabaseNotEmptyError if it has customers already."""
    problems = Problems()
    if not 1 <= customers <= MAX_CUSTOMERS:
        problems.add("customers", "From 1 to {maximum} customers.", maximum=MAX_CUSTOMERS)
    problems.raise_if_any()
    story = _DemoStory(random.Random(seed), as_of or date.today())
    with database.unit_of_work() as uow:
        session = uow.session
        if stats.has_rows(session, Customer):
            raise DatabaseNotEmptyError(
                f"The database {database.location} already holds customers, and demo data "
                "only goes into an empty database. Nothing was changed; choose a new file."
            )
        _write(uow, story.team())
        for written in range(0, customers, _BATCH):
            batch = story.customers(min(_BATCH, customers - written))
            _write(uow, batch)
            bulk.index_customers(session, batch.customer_ids)
            if progress is not None:
                progress(written + len(batch.customer_ids), customers)
        uow.commit()
    return DemoSummary(database.location, table_counts(database))


def _write(uow: UnitOfWork, batch: _Batch) -> None:
    for model in _INSERT_ORDER:
        bulk.insert_rows(uow.session, model, batch.rows[model])


@dataclass
class _Batch:
    rows: defaultdict[type[Base], list[Row]] = field(default_factory=lambda: defaultdict(list))
    customer_ids: list[uuid.UUID] = field(default_factory=list)

    def add(self, model: type[Base], row: Row) -> None:
        self.rows[model].append(row)


class _Calendar:
    """The days of the story: when people buy (seasons), and instants in office hours.

    Everything recorded happened before `as_of` (China time); only plans and deadlines
    lie on or after it.
    """

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self._rng = rng
        self.as_of = as_of
        self.yesterday = as_of - timedelta(days=1)
        self.history_start = as_of - timedelta(days=HISTORY_DAYS)
        self.end_of_records = datetime.combine(as_of, time(0), CHINA_TIME).astimezone(UTC)
        total = 0.0
        self._cumulative: list[float] = []
        for offset in range((self.yesterday - self.history_start).days + 1):
            total += _buying_weight(self.history_start + timedelta(days=offset))
            self._cumulative.append(total)

    def buying_days(self, first: date, last: date, count: int) -> list[date]:
        """`count` order days between `first` and `last`, busier in the buying seasons."""
        low_index = max((first - self.history_start).days, 0)
        high_index = (last - self.history_start).days
        low = self._cumulative[low_index - 1] if low_index else 0.0
        high = self._cumulative[high_index]
        days = []
        for _ in range(count):
            index = bisect.bisect_left(self._cumulative, self._rng.uniform(low, high))
            days.append(self.history_start + timedelta(days=min(max(index, low_index), high_index)))
        return sorted(days)

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self._rng.randint(0, max((last - first).days, 0)))

    def instant(self, day: date) -> datetime:
        """A moment in office hours (China time) on `day`, as UTC."""
        moment = time(self._rng.randint(9, 17), self._rng.randint(0, 59))
        return datetime.combine(day, moment, CHINA_TIME).astimezone(UTC)


def _buying_weight(day: date) -> float:
    """How busy buying is on `day`, relative to an ordinary weekday."""
    weight = 0.35 if day.weekday() >= 5 else 1.0
    festival = pool.spring_festival(day.year + (1 if day.month == 12 else 0))
    to_festival = (day - festival).days
    if -25 <= to_festival < -3:
        weight *= 2.0  # stocking up and spending the year's budget before 春节
    elif -3 <= to_festival <= 8:
        weight *= 0.15  # the holiday
    if day.month == 10 and day.day <= 7:
        weight *= 0.3  # the National Day holiday
    elif day.month in (10, 11, 12):
        weight *= 1.4  # year-end budgets
    if day.month == 11 and day.day <= 11:
        weight *= 1.3  # 双十一 promotions
    if day.month == 6 and day.day <= 18:
        weight *= 1.2  # 618 promotions
    return weight


@dataclass
class _Subject:
    """The customer being written, and what the later parts of its story need."""

    id: uuid.UUID
    kind: CustomerKind
    name: str
    english: bool
    stage: LifecycleStage
    start: date
    created: datetime
    owner_id: uuid.UUID
    latest: datetime  # the last recorded activity, for updated_at
    contact_ids: list[uuid.UUID] = field(default_factory=list)
    birthday: date | None = None

    @property
    def primary_contact_id(self) -> uuid.UUID | None:
        return self.contact_ids[0] if self.contact_ids else None

    def touch(self, when: datetime) -> None:
        self.latest = max(self.latest, when)


@dataclass(frozen=True)
class _Line:
    product: pool.Product
    quantity: int  # negative for goods returned
    unit_price_minor: int
    discount_minor: int
    created: datetime

    @property
    def total_minor(self) -> int:
        return self.quantity * self.unit_price_minor - self.discount_minor


@dataclass(frozen=True)
class _OrderFact:
    id: uuid.UUID
    day: date
    total_minor: int
    status: OrderStatus
    paid_on: date | None


class _DemoStory:
    """Makes the rows, customer after customer, from one random generator."""

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self._rng = rng
        self._cal = _Calendar(rng, as_of)
        self._reps: dict[uuid.UUID, int] = {}  # id → weight as an owner
        self._tags: dict[str, uuid.UUID] = {}
        self._serials: defaultdict[str, int] = defaultdict(int)
        self._earlier: list[tuple[uuid.UUID, date]] = []  # customers so far, for referrals
        self._complaints = 0

    # --- helpers ------------------------------------------------------------------------

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self._rng.getrandbits(128), version=4)

    def _number(self, letters: str) -> str:
        self._serials[letters] += 1
        return f"{letters}-{CODE_PREFIX}-{self._serials[letters]:05d}"

    def _synced(
        self,
        created: datetime,
        updated: datetime | None = None,
        *,
        row_id: uuid.UUID | None = None,
        version: int = 1,
    ) -> Row:
        return {
            "id": row_id or self._uuid(),
            "created_at": created,
            "updated_at": updated or created,
            "deleted_at": None,
            "version": version,
        }

    def _chance(self, probability: float) -> bool:
        return self._rng.random() < probability

    # --- the team -------------------------------------------------------------------------

    def team(self) -> _Batch:
        rng, cal, batch = self._rng, self._cal, _Batch()
        count = rng.randint(5, 8)
        for index in range(count):
            name = pool.chinese_person_name(rng)
            hired = cal.instant(cal.history_start - timedelta(days=rng.randint(0, 700)))
            # The last rep of a larger team has left: old customers still name them.
            active = index < count - 1 or count < 6
            rep_id = self._uuid()
            batch.add(
                Rep,
                self._synced(hired, row_id=rep_id)
                | {
                    "name": name,
                    "phone": pool.mobile(rng),
                    "email": pool.work_email(rng, name, pool.REP_MAIL_DOMAIN),
                    "active": active,
                },
            )
            self._reps[rep_id] = 10 if active else 1
        created = cal.instant(cal.history_start)
        for name, color in pool.TAGS:
            self._tags[name] = tag_id = self._uuid()
            batch.add(Tag, self._synced(created, row_id=tag_id) | {"name": name, "color": color})
        return batch

    # --- customers ------------------------------------------------------------------------

    def customers(self, count: int) -> _Batch:
        batch = _Batch()
        for _ in range(count):
            batch.customer_ids.append(self._customer(batch))
        return batch

    def _customer(self, batch: _Batch) -> uuid.UUID:
        rng, cal = self._rng, self._cal
        kind = CustomerKind.COMPANY if self._chance(0.65) else CustomerKind.PERSON
        english = self._chance(0.08 if kind is CustomerKind.COMPANY else 0.05)
        stage = pool.weighted(rng, _STAGE_WEIGHTS)
        start = cal.as_of - timedelta(days=rng.randint(*_STAGE_AGE_DAYS[stage]))
        where = pool.place(rng)
        created = cal.instant(start)
        subject = _Subject(
            id=self._uuid(),
            kind=kind,
            name="",
            english=english,
            stage=stage,
            start=start,
            created=created,
            owner_id=pool.weighted(rng, self._reps),
            latest=created,
        )
        if kind is CustomerKind.COMPANY:
            details = self._company(batch, subject, where)
        else:
            details = self._person(batch, subject, where)
        referrer = self._referrer(start) if self._chance(0.15) else None
        source = SourceChannel.REFERRAL if referrer else pool.weighted(rng, pool.SOURCE_WEIGHTS)
        if referrer is not None:
            self._referral_points(batch, referrer, subject)
        interval = rng.randint(30, 120) if kind is CustomerKind.COMPANY else rng.randint(60, 240)
        orders = self._orders(batch, subject, interval)
        level = self._level(subject.kind, orders)
        self._interactions(batch, subject, source, orders)
        self._follow_ups(batch, subject, bool(orders))
        if orders:
            self._complaints_of(batch, subject, orders)
            self._loyalty(batch, subject, orders)
        self._tag(batch, subject, level, source, interval)
        batch.add(
            Customer,
            self._synced(created, subject.latest, row_id=subject.id)
            | details
            | {
                "code": self._number("KH"),
                "name": subject.name,
                "kind": kind,
                "source": source,
                "level": level,
                "lifecycle_stage": stage,
                "stage_pinned": self._chance(0.03),
                "owner_id": subject.owner_id,
                "province": where.province,
                "city": where.city.name,
                "district": where.district,
                "birthday": subject.birthday,
                "referred_by_id": referrer,
                "notes": rng.choice(pool.CUSTOMER_NOTES) if self._chance(0.15) else None,
                "custom_fields": {},
                "search_keys": sort_key(subject.name),
            },
        )
        self._earlier.append((subject.id, start))
        return subject.id

    def _company(self, batch: _Batch, subject: _Subject, where: pool.Place) -> Row:
        rng = self._rng
        if subject.english:
            company, industry = pool.english_company_name(rng)
        else:
            trade = pool.industry(rng)
            company, industry = pool.chinese_company_name(rng, where, trade), trade.name
        subject.name = company.name
        for index in range(rng.choices((1, 2, 3), weights=(45, 35, 20))[0]):
            self._contact(
                batch, subject, rng.choice(pool.CONTACT_TITLES), company.mail_domain, index == 0
            )
        alt = None
        if self._chance(0.1):
            alt = f"400-{rng.randint(100, 999)}-{rng.randrange(10**4):04d}"
        elif self._chance(0.3):
            alt = pool.landline(rng, where.city)
        mailbox = rng.choice(("info", "sales", "service", "office"))
        return {
            "industry": industry,
            "phone": pool.landline(rng, where.city) if self._chance(0.8) else pool.mobile(rng),
            "phone_alt": alt,
            "email": f"{mailbox}@{company.mail_domain}" if self._chance(0.6) else None,
            "wechat": None,
            "address": pool.office_address(rng),
        }

    def _person(self, batch: _Batch, subject: _Subject, where: pool.Place) -> Row:
        rng, cal = self._rng, self._cal
        english = subject.english
        subject.name = pool.english_person_name(rng) if english else pool.chinese_person_name(rng)
        if self._chance(0.7):
            age_days = rng.randint(22 * 365, 65 * 365)
            subject.birthday = cal.as_of - timedelta(days=age_days)
        phone = pool.international_phone(rng) if english and self._chance(0.5) else pool.mobile(rng)
        if self._chance(0.2):
            self._contact(batch, subject, rng.choice(pool.PERSON_CONTACT_TITLES), None, False)
        return {
            "industry": None,
            "phone": phone,
            "phone_alt": pool.mobile(rng) if self._chance(0.1) else None,
            "email": pool.personal_email(rng, subject.name) if self._chance(0.5) else None,
            "wechat": pool.wechat_id(rng, subject.name, phone) if self._chance(0.75) else None,
            "address": pool.home_address(rng),
        }

    def _contact(
        self,
        batch: _Batch,
        subject: _Subject,
        title: str,
        mail_domain: str | None,
        primary: bool,
    ) -> None:
        rng, cal = self._rng, self._cal
        english = subject.english and self._chance(0.7)
        name = pool.english_person_name(rng) if english else pool.chinese_person_name(rng)
        phone = pool.mobile(rng)
        email = None
        if mail_domain and self._chance(0.7):
            email = pool.work_email(rng, name, mail_domain)
        birthday = None
        if self._chance(0.3):
            birthday = cal.as_of - timedelta(days=rng.randint(24 * 365, 60 * 365))
        contact_id = self._uuid()
        batch.add(
            Contact,
            self._synced(subject.created, row_id=contact_id)
            | {
                "customer_id": subject.id,
                "name": name,
                "title": title,
                "phone": phone,
                "email": email,
                "wechat": pool.wechat_id(rng, name, phone) if self._chance(0.5) else None,
                "birthday": birthday,
                "is_primary": primary,
                "notes": None,
            },
        )
        subject.contact_ids.append(contact_id)

    def _referrer(self, start: date) -> uuid.UUID | None:
        """An earlier customer who was already a customer when this one started."""
        for _ in range(5):
            if not self._earlier:
                return None
            candidate, their_start = self._rng.choice(self._earlier)
            if their_start < start:
                return candidate
        return None

    def _referral_points(self, batch: _Batch, referrer: uuid.UUID, subject: _Subject) -> None:
        when = subject.created
        batch.add(
            PointsEntry,
            self._synced(when)
            | {
                "customer_id": referrer,
                "points": 200,
                "reason": PointsReason.REFERRAL,
                "order_id": None,
                "note": "推荐新客户",
                "occurred_at": when,
            },
        )

    # --- orders ---------------------------------------------------------------------------

    def _order_days(self, subject: _Subject, interval: int) -> list[date]:
        """When this customer bought, following its lifecycle stage."""
        rng, cal = self._rng, self._cal
        stage = subject.stage
        if stage is _S.EXPLORATION:
            return []
        first = max(subject.start + timedelta(days=rng.randint(3, 45)), cal.history_start)
        if stage is _S.FORMATION:
            last = cal.yesterday
        elif stage is _S.STABILITY:
            last = cal.yesterday - timedelta(days=rng.randint(0, interval // 2))
        elif stage is _S.DECLINE:
            # A gap well beyond the customer's own rhythm.
            last = cal.yesterday - timedelta(days=max(60, int(interval * rng.uniform(2.2, 4.0))))
        else:
            last = cal.yesterday - timedelta(days=rng.randint(380, 700))
        first = min(first, last)
        if stage is _S.FORMATION:
            count = rng.randint(1, 4)
        else:
            count = max(1, round((last - first).days / interval * rng.uniform(0.7, 1.2)))
        days = cal.buying_days(first, last, min(count, 60))
        if stage is not _S.FORMATION:
            days[-1] = last  # the last purchase sets how recent (or how long silent) they are
        return days

    def _orders(self, batch: _Batch, subject: _Subject, interval: int) -> list[_OrderFact]:
        rng, cal = self._rng, self._cal
        company = subject.kind is CustomerKind.COMPANY
        terms = pool.weighted(rng, _PAYMENT_TERMS_DAYS) if company else 0
        late_share = pool.weighted(rng, _LATE_PAYER_SHARE) if company else 0.0
        size = rng.uniform(0.3, 1.5)
        facts = []
        for day in self._order_days(subject, interval):
            order_id = self._uuid()
            created = cal.instant(day)
            lines, notes = self._order_lines(day, company, size, created)
            due = day + timedelta(days=terms)
            paid_on: date | None = None
            if self._chance(_CANCEL_SHARE):
                status = OrderStatus.CANCELLED
            else:
                if self._chance(late_share):
                    paid_on = due + timedelta(days=rng.randint(5, 75))
                else:
                    paid_on = day + timedelta(days=rng.randint(0, terms))
                if paid_on >= cal.as_of:
                    paid_on = None
                status = OrderStatus.PAID if paid_on else OrderStatus.OPEN
            updated = max(line.created for line in lines)
            if paid_on is not None:
                updated = max(updated, cal.instant(paid_on))
            for position, line in enumerate(lines, start=1):
                batch.add(OrderLine, self._line_row(order_id, position, line))
            total = sum(line.total_minor for line in lines)
            batch.add(
                Order,
                self._synced(created, updated, row_id=order_id)
                | {
                    "number": self._number("DD"),
                    "customer_id": subject.id,
                    "rep_id": subject.owner_id,
                    "status": status,
                    "ordered_on": day,
                    "currency": "CNY",
                    "total_minor": total,
                    "payment_due_on": due,
                    "paid_on": paid_on,
                    "notes": notes,
                },
            )
            subject.touch(updated)
            facts.append(_OrderFact(order_id, day, total, status, paid_on))
        return facts

    def _order_lines(
        self, day: date, company: bool, size: float, created: datetime
    ) -> tuple[list[_Line], str | None]:
        """The lines of one order; now and then a return, as a line with negative quantity."""
        rng = self._rng
        products: list[pool.Product] = []
        for _ in range(rng.choices((1, 2, 3, 4), weights=(45, 30, 15, 10))[0]):
            product = rng.choices(pool.PRODUCTS, weights=_PRODUCT_WEIGHTS)[0]
            if product not in products:
                products.append(product)
        lines = []
        for product in products:
            if company:
                quantity = max(1, round(rng.randint(1, product.max_quantity_company) * size))
            else:
                quantity = rng.randint(1, product.max_quantity_person)
            discount = 0
            if self._chance(0.15):
                # 5 or 10 per cent off, in whole yuan
                discount = quantity * product.price_minor * rng.choice((5, 10)) // 10_000 * 100
            lines.append(_Line(product, quantity, product.price_minor, discount, created))
        if not self._chance(_REFUND_SHARE):
            return lines, None
        sold = rng.choice(lines)
        returned = rng.randint(1, sold.quantity)
        when = self._cal.instant(min(day + timedelta(days=rng.randint(3, 20)), self._cal.yesterday))
        # Refunded at the price actually paid for each piece.
        lines.append(_Line(sold.product, -returned, sold.total_minor // sold.quantity, 0, when))
        return lines, f"部分退货：{sold.product.name} × {returned}"

    def _line_row(self, order_id: uuid.UUID, position: int, line: _Line) -> Row:
        return self._synced(line.created) | {
            "order_id": order_id,
            "position": position,
            "product_code": line.product.code,
            "product_name": line.product.name,
            "quantity": line.quantity,
            "unit_price_minor": line.unit_price_minor,
            "discount_minor": line.discount_minor,
            "line_total_minor": line.total_minor,
        }

    def _level(self, kind: CustomerKind, orders: list[_OrderFact]) -> CustomerLevel:
        if not orders:
            return CustomerLevel.POTENTIAL
        year_ago = self._cal.as_of - timedelta(days=365)
        spend = sum(
            o.total_minor
            for o in orders
            if o.day >= year_ago and o.status is not OrderStatus.CANCELLED
        )
        vip, key = _LEVEL_SPEND[kind]
        if spend >= vip:
            return CustomerLevel.VIP
        return CustomerLevel.KEY if spend >= key else CustomerLevel.NORMAL

    # --- conversations and plans ----------------------------------------------------------

    def _interaction(
        self,
        batch: _Batch,
        subject: _Subject,
        when: date | datetime,
        kind: InteractionKind,
        subject_line: str,
        *,
        content: str | None = None,
        follow_up_id: uuid.UUID | None = None,
    ) -> None:
        if not isinstance(when, datetime):
            when = self._cal.instant(when)
        batch.add(
            Interaction,
            self._synced(when)
            | {
                "customer_id": subject.id,
                "contact_id": subject.primary_contact_id,
                "rep_id": subject.owner_id,
                "kind": kind,
                "occurred_at": when,
                "subject": subject_line,
                "content": content,
                "follow_up_id": follow_up_id,
            },
        )
        subject.touch(when)

    def _interactions(
        self, batch: _Batch, subject: _Subject, source: SourceChannel, orders: list[_OrderFact]
    ) -> None:
        rng, cal = self._rng, self._cal
        first_kind = _FIRST_CONTACT_KIND.get(source, InteractionKind.CALL)
        self._interaction(
            batch, subject, subject.created, first_kind, pool.FIRST_CONTACT_SUBJECTS[source]
        )
        for order in orders:
            if self._chance(0.5):
                talk_day = max(order.day - timedelta(days=rng.randint(0, 5)), subject.start)
                kind = pool.weighted(rng, pool.INTERACTION_WEIGHTS)
                self._interaction(
                    batch, subject, talk_day, kind, rng.choice(pool.ORDER_TALK_SUBJECTS)
                )
        # Calls and chats go on while the relationship lives; a lost customer fell silent.
        until = cal.yesterday
        if subject.stage is _S.LOST and orders:
            until = min(orders[-1].day + timedelta(days=60), until)
        first = max(subject.start, cal.history_start)
        touches = (until - first).days // rng.randint(40, 120)
        for _ in range(min(max(touches, 0), 30)):
            kind = pool.weighted(rng, pool.INTERACTION_WEIGHTS)
            content = rng.choice(pool.FOLLOW_UP_RESULTS) if self._chance(0.3) else None
            self._interaction(
                batch,
                subject,
                cal.day_between(first, until),
                kind,
                rng.choice(pool.INTERACTION_SUBJECTS[kind]),
                content=content,
            )

    def _follow_up(
        self,
        batch: _Batch,
        subject: _Subject,
        kind: FollowUpKind,
        due: date,
        status: FollowUpStatus,
        *,
        title: str | None = None,
        rule: Recurrence | None = None,
        previous_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        """A follow-up due on `due`; one that is done comes with the call it led to."""
        rng, cal = self._rng, self._cal
        title = title or rng.choice(pool.FOLLOW_UP_TITLES[kind])
        planned_on = due - timedelta(days=rng.randint(3, 30))
        planned_on = min(max(subject.start, planned_on), cal.yesterday)
        follow_up_id = self._uuid()
        row = self._synced(cal.instant(planned_on), row_id=follow_up_id) | {
            "customer_id": subject.id,
            "contact_id": subject.primary_contact_id,
            "rep_id": subject.owner_id,
            "kind": kind,
            "status": status,
            "title": title,
            "notes": None,
            "due_on": due,
            "recurrence_rule": rule.to_rule() if rule else None,
            "previous_id": previous_id,
            "completed_at": None,
            "result": None,
        }
        if status is FollowUpStatus.DONE:
            done_on = min(due + timedelta(days=rng.randint(0, 2)), cal.yesterday)
            completed = cal.instant(done_on)
            result = rng.choice(pool.FOLLOW_UP_RESULTS)
            row |= {"completed_at": completed, "result": result, "updated_at": completed}
            talk = InteractionKind.VISIT if kind is FollowUpKind.VISIT else InteractionKind.CALL
            self._interaction(
                batch, subject, completed, talk, title, content=result, follow_up_id=follow_up_id
            )
        if status is not FollowUpStatus.PLANNED:
            row["version"] = 2
        batch.add(FollowUp, row)
        return follow_up_id

    def _follow_ups(self, batch: _Batch, subject: _Subject, has_orders: bool) -> None:
        rng, cal = self._rng, self._cal
        stage = subject.stage
        done, planned = FollowUpStatus.DONE, FollowUpStatus.PLANNED
        if has_orders:
            for _ in range(rng.randint(0, 3)):
                due = cal.day_between(max(subject.start, cal.history_start), cal.yesterday)
                status = done if self._chance(0.9) else FollowUpStatus.CANCELLED
                self._follow_up(batch, subject, FollowUpKind.CALLBACK, due, status)
        if stage is not _S.LOST and self._chance(0.7):
            # Some overdue, some this week, most later.
            due = cal.as_of + timedelta(days=rng.randint(-21, 45))
            kind = FollowUpKind.VISIT if self._chance(0.25) else FollowUpKind.CALLBACK
            self._follow_up(batch, subject, kind, due, planned)
        if stage is _S.STABILITY and self._chance(0.3):
            self._recurring_callbacks(batch, subject)
        if stage is _S.DECLINE and self._chance(0.6):
            due = cal.as_of + timedelta(days=rng.randint(-10, 14))
            self._follow_up(batch, subject, FollowUpKind.RESCUE, due, planned)
        birthday = _next_birthday(subject.birthday, cal.as_of)
        if birthday is not None and birthday <= cal.as_of + timedelta(days=30):
            title = pool.FOLLOW_UP_TITLES[FollowUpKind.CARE][0]
            yearly = Recurrence(Frequency.YEARLY, 1)
            self._follow_up(
                batch, subject, FollowUpKind.CARE, birthday, planned, title=title, rule=yearly
            )

    def _recurring_callbacks(self, batch: _Batch, subject: _Subject) -> None:
        """A repeating callback: a few done occurrences and the next one planned."""
        rng, cal = self._rng, self._cal
        rule = rng.choice(_RECURRENCES)
        done = rng.randint(1, 4)
        last_done = cal.as_of - timedelta(days=rng.randint(1, 25))
        anchor = occurrence(rule, last_done, 1 - done)
        previous = None
        for index in range(done + 1):
            previous = self._follow_up(
                batch,
                subject,
                FollowUpKind.CALLBACK,
                occurrence(rule, anchor, index),
                FollowUpStatus.PLANNED if index == done else FollowUpStatus.DONE,
                title=pool.RECURRING_CALLBACK_TITLE,
                rule=rule,
                previous_id=previous,
            )

    # --- complaints -----------------------------------------------------------------------

    def _complaints_of(self, batch: _Batch, subject: _Subject, orders: list[_OrderFact]) -> None:
        if self._chance(0.12):
            self._complaint(batch, subject, orders)
            if self._chance(0.25):
                self._complaint(batch, subject, orders)

    def _complaint(self, batch: _Batch, subject: _Subject, orders: list[_OrderFact]) -> None:
        rng, cal = self._rng, self._cal
        # The first few complaints take each status in turn, so even a small demo has all.
        if self._complaints < len(_WORKFLOW):
            status = _WORKFLOW[self._complaints]
        else:
            status = pool.weighted(rng, _STATUS_WEIGHTS)
        self._complaints += 1
        age = rng.randint(*_STATUS_AGE_DAYS[status])
        day = max(
            cal.as_of - timedelta(days=age), min(orders[0].day + timedelta(days=1), cal.yesterday)
        )
        received = cal.instant(day)
        severity = pool.weighted(rng, _SEVERITY_WEIGHTS)
        category = pool.weighted(rng, _CATEGORY_WEIGHTS)
        moves = list(_WORKFLOW[1 : _WORKFLOW.index(status) + 1])
        if status is _C.CLOSED and self._chance(0.15):
            moves += [_C.IN_PROGRESS, _C.RESOLVED, _C.CLOSED]  # reopened once
        times = self._move_times(received, moves)
        complaint_id = self._uuid()
        events: list[tuple[ComplaintStatus | None, ComplaintStatus, datetime]] = [
            (None, _C.NEW, received)
        ]
        for (source, target), when in zip(itertools.pairwise([_C.NEW, *moves]), times, strict=True):
            events.append((source, target, when))
        for before, after, when in events:
            reopened = after is _C.IN_PROGRESS and before in (_C.RESOLVED, _C.CLOSED)
            batch.add(
                ComplaintEvent,
                self._synced(when)
                | {
                    "complaint_id": complaint_id,
                    "from_status": before,
                    "to_status": after,
                    "actor_id": subject.owner_id,
                    "occurred_at": when,
                    "note": pool.REOPEN_NOTE if reopened else None,
                },
            )
        resolved_at = max((w for _b, a, w in events if a is _C.RESOLVED), default=None)
        closed_at = max((w for _b, a, w in events if a is _C.CLOSED), default=None)
        satisfaction = pool.weighted(rng, _SATISFACTION_WEIGHTS) if closed_at else None
        last = events[-1][2]
        batch.add(
            Complaint,
            self._synced(received, last, row_id=complaint_id, version=len(events))
            | {
                "number": self._number("TS"),
                "customer_id": subject.id,
                "contact_id": subject.primary_contact_id,
                "owner_id": subject.owner_id,
                "category": category,
                "severity": severity,
                "status": status,
                "title": rng.choice(pool.COMPLAINT_TITLES[category]),
                "description": None,
                "received_at": received,
                "due_at": due_at(received, severity),
                "resolution": rng.choice(pool.COMPLAINT_RESOLUTIONS) if resolved_at else None,
                "resolved_at": resolved_at,
                "closed_at": closed_at,
                "satisfaction": satisfaction,
            },
        )
        subject.touch(last)
        if closed_at is not None and satisfaction is not None:
            self._survey(batch, subject, SurveyKind.CSAT, satisfaction, closed_at, complaint_id)

    def _move_times(self, received: datetime, moves: list[ComplaintStatus]) -> list[datetime]:
        """When each move happened: typical durations, squeezed to end before `as_of`."""
        rng = self._rng
        minutes = [rng.randint(_STEP_HOURS[m][0] * 60, _STEP_HOURS[m][1] * 60) for m in moves]
        room = int((self._cal.end_of_records - received).total_seconds() // 60 * 0.95)
        total = sum(minutes)
        if total > room:
            minutes = [max(1, m * room // total) for m in minutes]
        times, when = [], received
        for step in minutes:
            when += timedelta(minutes=step)
            times.append(when)
        return times

    def _survey(
        self,
        batch: _Batch,
        subject: _Subject,
        kind: SurveyKind,
        score: int,
        when: datetime,
        complaint_id: uuid.UUID | None,
    ) -> None:
        batch.add(
            SurveyResponse,
            self._synced(when)
            | {
                "customer_id": subject.id,
                "complaint_id": complaint_id,
                "kind": kind,
                "score": score,
                "comment": None,
                "responded_at": when,
            },
        )

    # --- loyalty --------------------------------------------------------------------------

    def _loyalty(self, batch: _Batch, subject: _Subject, orders: list[_OrderFact]) -> None:
        rng, cal = self._rng, self._cal
        if self._chance(0.12):
            day = cal.day_between(
                max(orders[0].day, cal.as_of - timedelta(days=365)), cal.yesterday
            )
            self._survey(
                batch,
                subject,
                SurveyKind.NPS,
                pool.weighted(rng, _NPS_WEIGHTS),
                cal.instant(day),
                None,
            )
        if subject.kind is not CustomerKind.PERSON:
            return
        balance = 0
        for order in orders:
            if order.paid_on is not None and order.total_minor > 0:
                points = order.total_minor // 100  # a point a yuan
                self._points(batch, subject, points, PointsReason.PURCHASE, order.paid_on, order.id)
                balance += points
        if balance >= 2000 and self._chance(0.3):
            self._points(batch, subject, -1000, PointsReason.REDEMPTION, orders[-1].day, None)
        self._birthday_coupon(batch, subject, orders)

    def _points(
        self,
        batch: _Batch,
        subject: _Subject,
        points: int,
        reason: PointsReason,
        day: date,
        order_id: uuid.UUID | None,
    ) -> None:
        when = self._cal.instant(day)
        batch.add(
            PointsEntry,
            self._synced(when)
            | {
                "customer_id": subject.id,
                "points": points,
                "reason": reason,
                "order_id": order_id,
                "note": None,
                "occurred_at": when,
            },
        )

    def _birthday_coupon(self, batch: _Batch, subject: _Subject, orders: list[_OrderFact]) -> None:
        """A coupon sent before the last birthday, redeemed if an order came in time."""
        cal = self._cal
        birthday = _next_birthday(subject.birthday, cal.as_of - timedelta(days=365))
        if birthday is None or birthday >= cal.as_of:
            return
        issued = max(birthday - timedelta(days=3), subject.start)
        expires = issued + timedelta(days=30)
        used = next((o for o in orders if issued <= o.day <= expires and o.paid_on), None)
        issued_at = cal.instant(issued)
        redeemed_at = cal.instant(used.day) if used else None
        batch.add(
            Coupon,
            self._synced(issued_at, redeemed_at)
            | {
                "code": self._number("YH"),
                "customer_id": subject.id,
                "description": "生日优惠券",
                "value_minor": self._rng.choice((5000, 10000)),
                "issued_on": issued,
                "expires_on": expires,
                "redeemed_at": redeemed_at,
                "redeemed_order_id": used.id if used else None,
            },
        )

    def _tag(
        self,
        batch: _Batch,
        subject: _Subject,
        level: CustomerLevel,
        source: SourceChannel,
        interval: int,
    ) -> None:
        company = subject.kind is CustomerKind.COMPANY
        wanted = {
            "大客户": level is CustomerLevel.VIP,
            "老客户": (self._cal.as_of - subject.start).days > 730,
            "需开专票": company and self._chance(0.4),
            "价格敏感": self._chance(0.2),
            "决策链长": company and self._chance(0.1),
            "季度采购": subject.stage is _S.STABILITY and 60 <= interval <= 100,
            "电商渠道": source in (SourceChannel.WEBSITE, SourceChannel.SOCIAL_MEDIA),
            "英文沟通": subject.english,
            "重点跟进": subject.stage is _S.DECLINE,
        }
        for name, applies in wanted.items():
            if applies:
                batch.add(
                    CustomerTag,
                    self._synced(subject.created)
                    | {"customer_id": subject.id, "tag_id": self._tags[name]},
                )


def _next_birthday(birthday: date | None, on_or_after: date) -> date | None:
    """The first birthday on or after a day (Feb 29 falls on Feb 28 in common years)."""
    if birthday is None:
        return None
    for year in (on_or_after.year, on_or_after.year + 1):
        try:
            candidate = birthday.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate >= on_or_after:
            return candidate
    return None
