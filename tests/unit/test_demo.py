"""The demo database: reproducible from a seed, realistic, consistent, and searchable."""

from __future__ import annotations

import itertools
import shutil
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from crmdesk.db.base import Base
from crmdesk.db.engine import Database, open_database
from crmdesk.db.models import (
    Complaint,
    ComplaintEvent,
    Contact,
    Customer,
    FollowUp,
    Interaction,
    Order,
    OrderLine,
    Rep,
)
from crmdesk.domain import demo_data
from crmdesk.domain.complaint_workflow import allowed_transitions
from crmdesk.domain.contact_details import normalise_email, normalise_phone, normalise_wechat
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.enums import (
    ComplaintStatus,
    CustomerKind,
    CustomerLevel,
    FollowUpStatus,
    LifecycleStage,
    OrderStatus,
)
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.paging import PageRequest
from crmdesk.domain.recurrence import parse_rule
from crmdesk.domain.search_text import is_cjk, sort_key
from crmdesk.paths import sqlite_url
from crmdesk.services.customers import CustomerService
from crmdesk.services.demo import DatabaseNotEmptyError, build_demo

AS_OF = date(2026, 5, 20)
# Midnight at the start of AS_OF in China: everything recorded happened before it.
END_OF_RECORDS = datetime(2026, 5, 19, 16, 0, tzinfo=UTC)
CUSTOMERS = 200


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One demo database of 200 customers, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(sqlite_url(path))
    build_demo(database, customers=CUSTOMERS, seed=7, as_of=AS_OF)
    yield database
    database.dispose()


@pytest.fixture
def session(demo: Database) -> Iterator[Session]:
    with demo.unit_of_work(write=False) as uow:
        yield uow.session


def other_database(template_db: Path, tmp_path: Path, name: str) -> Database:
    path = tmp_path / name
    shutil.copyfile(template_db, path)
    return open_database(sqlite_url(path))


def table_contents(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    contents = {}
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            order = ", ".join(column.name for column in table.primary_key.columns)
            rows = conn.execute(text(f"SELECT * FROM {table.name} ORDER BY {order}")).all()
            contents[table.name] = [tuple(row) for row in rows]
    return contents


def test_the_same_seed_and_day_give_the_same_database_row_for_row(
    database: Database, template_db: Path, tmp_path: Path
) -> None:
    build_demo(database, customers=60, seed=3, as_of=AS_OF)
    twin = other_database(template_db, tmp_path, "twin.sqlite3")
    try:
        build_demo(twin, customers=60, seed=3, as_of=AS_OF)
        first, second = table_contents(database), table_contents(twin)
    finally:
        twin.dispose()
    assert len(first["customer"]) == 60
    assert first["sales_order"] and first["customer_search"]
    for table, rows in first.items():
        assert rows == second[table], f"table {table} differs"


def test_another_seed_gives_other_customers(
    database: Database, template_db: Path, tmp_path: Path
) -> None:
    build_demo(database, customers=30, seed=3, as_of=AS_OF)
    other = other_database(template_db, tmp_path, "other.sqlite3")
    try:
        build_demo(other, customers=30, seed=4, as_of=AS_OF)
        names = [table_contents(db)["customer"] for db in (database, other)]
    finally:
        other.dispose()
    assert names[0] != names[1]


def test_counts_fit_the_size_asked_for(session: Session) -> None:
    def count(model: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    assert count(Customer) == CUSTOMERS
    assert 5 <= count(Rep) <= 8
    assert CUSTOMERS < count(Order) < CUSTOMERS * 40
    assert count(Order) < count(OrderLine) < count(Order) * 4
    assert count(Interaction) > CUSTOMERS * 3
    assert CUSTOMERS / 2 < count(FollowUp) < CUSTOMERS * 10
    assert 0 < count(Complaint) < CUSTOMERS / 2
    assert count(ComplaintEvent) >= count(Complaint)


def test_every_company_has_one_to_three_contacts_and_one_primary(session: Session) -> None:
    rows = session.execute(
        select(Customer.kind, func.count(Contact.id), func.sum(Contact.is_primary))
        .outerjoin(Contact, Contact.customer_id == Customer.id)
        .group_by(Customer.id)
    ).all()
    companies = [(n, primary) for kind, n, primary in rows if kind is CustomerKind.COMPANY]
    assert companies and all(1 <= n <= 3 and primary == 1 for n, primary in companies)
    assert any(kind is CustomerKind.PERSON for kind, _n, _p in rows)


def test_contact_details_are_in_the_forms_the_program_stores(session: Session) -> None:
    phones, emails, wechats = [], [], []
    for model in (Customer, Contact):
        for phone, email, wechat in session.execute(select(model.phone, model.email, model.wechat)):
            phones.append(phone)
            emails.append(email)
            wechats.append(wechat)
    phones += session.scalars(select(Customer.phone_alt)).all()
    assert [p for p in phones if p and normalise_phone(p) != p] == []
    assert [e for e in emails if e and normalise_email(e) != e] == []
    assert [w for w in wechats if w and normalise_wechat(w) != w] == []
    assert any(p and p.startswith("0") and "-" in p for p in phones)  # landlines
    assert any(p and len(p) == 11 and p.startswith("1") for p in phones)  # mobiles


def test_province_city_and_district_belong_together(session: Session) -> None:
    known = {
        (province.name, city.name, district)
        for province in demo_data.PROVINCES
        for city in province.cities
        for district in city.districts
    }
    places = set(session.execute(select(Customer.province, Customer.city, Customer.district)))
    assert places and places <= known


def test_every_complaint_status_is_present_with_a_history_that_leads_to_it(
    session: Session,
) -> None:
    complaints = session.scalars(select(Complaint)).all()
    assert {c.status for c in complaints} == set(ComplaintStatus)
    for complaint in complaints:
        events = session.scalars(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_id == complaint.id)
            .order_by(ComplaintEvent.occurred_at)
        ).all()
        assert events[0].from_status is None and events[0].to_status is ComplaintStatus.NEW
        assert events[0].occurred_at == complaint.received_at
        for before, after in itertools.pairwise(events):
            assert after.from_status is before.to_status
            assert after.to_status in allowed_transitions(before.to_status)
        assert events[-1].to_status is complaint.status
        assert events[-1].occurred_at < END_OF_RECORDS
        finished = complaint.status in (ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED)
        assert (complaint.resolved_at is not None) == finished
        assert (complaint.closed_at is not None) == (complaint.status is ComplaintStatus.CLOSED)
        assert (complaint.satisfaction is not None) == (complaint.status is ComplaintStatus.CLOSED)
        assert complaint.due_at > complaint.received_at


def test_follow_ups_are_overdue_due_this_week_recurring_and_done(session: Session) -> None:
    follow_ups = session.scalars(select(FollowUp)).all()
    planned = [f for f in follow_ups if f.status is FollowUpStatus.PLANNED]
    assert any(f.due_on < AS_OF for f in planned)  # overdue
    assert any(AS_OF <= f.due_on < AS_OF + timedelta(days=7) for f in planned)
    recurring = [f for f in follow_ups if f.recurrence_rule]
    assert recurring
    assert {parse_rule(f.recurrence_rule or "").to_rule() for f in recurring} >= {
        "FREQ=MONTHLY;INTERVAL=1"
    }
    by_id = {f.id: f for f in follow_ups}
    continued = [f for f in recurring if f.previous_id is not None]
    assert continued
    assert all(
        by_id[f.previous_id].status is FollowUpStatus.DONE for f in continued if f.previous_id
    )
    done = [f for f in follow_ups if f.status is FollowUpStatus.DONE]
    assert done and all(f.due_on < AS_OF and f.completed_at for f in done)
    logged = set(session.scalars(select(Interaction.follow_up_id)))
    assert all(f.id in logged for f in done)  # completing a follow-up logged the call


def test_some_orders_have_returns_and_every_total_is_the_sum_of_its_lines(
    session: Session,
) -> None:
    lines_by_order = select(OrderLine.order_id, func.sum(OrderLine.line_total_minor)).group_by(
        OrderLine.order_id
    )
    sums = dict(session.execute(lines_by_order).all())
    orders = session.scalars(select(Order)).all()
    assert all(order.total_minor == sums[order.id] for order in orders)
    returned = session.scalars(select(OrderLine.order_id).where(OrderLine.quantity < 0)).all()
    assert returned
    assert all(sums[order_id] < _gross(session, order_id) for order_id in returned)


def _gross(session: Session, order_id: uuid.UUID) -> int:
    return int(
        session.scalar(
            select(func.sum(OrderLine.line_total_minor)).where(
                OrderLine.order_id == order_id, OrderLine.quantity > 0
            )
        )
        or 0
    )


def test_orders_cover_three_years_and_payments_are_sometimes_late(session: Session) -> None:
    orders = session.scalars(select(Order)).all()
    days = [o.ordered_on for o in orders]
    assert min(days) >= AS_OF - timedelta(days=3 * 365 + 1)
    assert min(days) < AS_OF - timedelta(days=2 * 365)
    assert max(days) < AS_OF
    paid = [o for o in orders if o.status is OrderStatus.PAID]
    assert all(o.paid_on and o.paid_on < AS_OF for o in paid)
    assert any(o.paid_on and o.payment_due_on and o.paid_on > o.payment_due_on for o in paid)
    assert all(o.paid_on is None for o in orders if o.status is not OrderStatus.PAID)


def test_more_orders_before_the_spring_festival_than_during_it(session: Session) -> None:
    days = session.scalars(select(Order.ordered_on)).all()
    before = holiday = 0
    for year in (2024, 2025, 2026):
        festival = demo_data.spring_festival(year)
        before += sum(
            festival - timedelta(days=25) <= d < festival - timedelta(days=3) for d in days
        )
        holiday += sum(
            festival - timedelta(days=3) <= d <= festival + timedelta(days=8) for d in days
        )
    # 22 days of stocking up against 12 of holiday, per day far busier.
    assert before / 22 > 4 * holiday / 12


def test_nothing_recorded_happens_after_the_day_the_demo_is_as_of(session: Session) -> None:
    for model in (Customer, Contact, Order, Interaction, Complaint, ComplaintEvent, FollowUp):
        assert session.scalar(select(func.max(model.created_at))) < END_OF_RECORDS
        assert session.scalar(select(func.max(model.updated_at))) < END_OF_RECORDS
    assert session.scalar(select(func.max(Interaction.occurred_at))) < END_OF_RECORDS


def test_referrals_point_at_customers_who_were_there_first(session: Session) -> None:
    customers = {c.id: c for c in session.scalars(select(Customer))}
    referred = [c for c in customers.values() if c.referred_by_id is not None]
    assert referred
    for customer in referred:
        referrer = customers[customer.referred_by_id]  # type: ignore[index]
        assert referrer.created_at < customer.created_at
        assert referrer.code < customer.code


def test_stages_and_levels_follow_the_orders(session: Session) -> None:
    last_by_customer = select(Order.customer_id, func.max(Order.ordered_on)).group_by(
        Order.customer_id
    )
    last_order = dict(session.execute(last_by_customer).all())
    customers = session.scalars(select(Customer)).all()
    for customer in customers:
        last = last_order.get(customer.id)
        if customer.lifecycle_stage is LifecycleStage.EXPLORATION:
            assert last is None
            assert customer.level is CustomerLevel.POTENTIAL
        if customer.lifecycle_stage is LifecycleStage.LOST:
            assert last is not None and last < AS_OF - timedelta(days=365)
        if customer.level is CustomerLevel.POTENTIAL:
            assert last is None
    stages = Counter(c.lifecycle_stage for c in customers)
    assert set(stages) == set(LifecycleStage)
    assert {c.level for c in customers} == set(CustomerLevel)


def test_demo_customers_are_found_by_search(demo: Database, session: Session) -> None:
    people = session.scalars(
        select(Customer).where(Customer.kind == CustomerKind.PERSON).order_by(Customer.code)
    )
    person = next(p for p in people if is_cjk(p.name[0]) and p.phone)
    assert person.phone
    initials = sort_key(person.name).split()[1]
    service = CustomerService(demo)
    for query in (initials, person.name[:2], person.phone[-4:]):
        page = service.list(CustomerFilter(search=query), PageRequest(limit=CUSTOMERS))
        assert person.id in {item.id for item in page.items}, query


def test_a_database_with_customers_is_refused_and_left_as_it_was(database: Database) -> None:
    build_demo(database, customers=5, seed=1, as_of=AS_OF)
    before = table_contents(database)
    with pytest.raises(DatabaseNotEmptyError, match="already holds customers"):
        build_demo(database, customers=5, seed=2, as_of=AS_OF)
    assert table_contents(database) == before


def test_a_build_that_fails_half_way_leaves_nothing_behind(database: Database) -> None:
    def fail_after_first_batch(done: int, total: int) -> None:
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        build_demo(database, customers=600, seed=1, as_of=AS_OF, progress=fail_after_first_batch)
    contents = table_contents(database)
    assert contents["customer"] == [] and contents["rep"] == [] and contents["sales_order"] == []


def test_a_customer_count_out_of_range_is_refused(database: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        build_demo(database, customers=0, as_of=AS_OF)
    assert refused.value.message_for("customers") == "From 1 to 1000000 customers."
