"""The write-behind pipeline of bulk imports (batches built on the caller's thread while
the previous one is written on one writer thread), and a customer import through it."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from factories import START, TestClock
from row_sources import ListSource, Row
from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.exc import IntegrityError

from crmdesk.db.base import Base
from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, CustomerTag, ImportChange, Tag
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.demo_data import BRAND_CHARS, SURNAMES
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportCancelledError, ImportOptions
from crmdesk.domain.search_text import sort_key
from crmdesk.services.customers import CustomerService
from crmdesk.services.importing import import_history, run_import, undo_import
from crmdesk.services.importing.pipeline import HANDOFF_S, write_behind

# Long enough never to be reached when the two threads really overlap.
_PATIENCE_S = 10.0


def _ignore(batch: int) -> None:
    pass


def test_batches_are_written_in_order_then_reported_on_the_callers_thread() -> None:
    written: list[int] = []
    reported: list[tuple[int, threading.Thread]] = []
    writers: set[threading.Thread] = set()

    def write(batch: int) -> None:
        writers.add(threading.current_thread())
        written.append(batch)

    write_behind(range(50), write, lambda b: reported.append((b, threading.current_thread())))

    assert written == list(range(50))
    assert [b for b, _ in reported] == list(range(50))
    assert {thread for _, thread in reported} == {threading.current_thread()}
    assert len(writers) == 1
    assert threading.current_thread() not in writers


def test_the_next_batch_is_built_while_the_previous_one_is_written() -> None:
    second_built = threading.Event()
    overlapped: list[bool] = []

    def build() -> Iterator[int]:
        yield 1
        second_built.set()
        yield 2

    def write(batch: int) -> None:
        if batch == 1:
            # Blocks until the caller builds batch 2, which it can only do meanwhile.
            overlapped.append(second_built.wait(_PATIENCE_S))

    write_behind(build(), write, _ignore)

    assert overlapped == [True]


def test_never_more_than_one_batch_in_flight() -> None:
    events: list[str] = []

    def build() -> Iterator[int]:
        for batch in range(4):
            events.append(f"built {batch}")
            yield batch

    def write(batch: int) -> None:
        events.append(f"written {batch}")

    write_behind(build(), write, lambda batch: events.append(f"reported {batch}"))

    # Batch k+2 is built only after batch k has been written and reported.
    for batch in range(2, 4):
        assert events.index(f"reported {batch - 2}") < events.index(f"built {batch}")


def test_an_error_of_the_writer_is_raised_to_the_caller_and_stops_the_writing() -> None:
    written: list[int] = []

    def write(batch: int) -> None:
        if batch == 2:
            raise ValueError("disk full")
        written.append(batch)

    with pytest.raises(ValueError, match="disk full"):
        write_behind(range(10), write, _ignore)

    assert written == [0, 1]


def test_an_error_while_building_waits_for_the_writer_to_finish() -> None:
    writing = threading.Event()
    finished: list[int] = []

    def build() -> Iterator[int]:
        yield 0
        writing.wait(_PATIENCE_S)
        raise RuntimeError("bad row")

    def write(batch: int) -> None:
        writing.set()
        # The caller raises now; it must not return while this batch is being written.
        threading.Event().wait(0.2)
        finished.append(batch)

    with pytest.raises(RuntimeError, match="bad row"):
        write_behind(build(), write, _ignore)

    assert finished == [0]


def test_a_cancel_when_reporting_stops_before_the_next_batch_is_written() -> None:
    written: list[int] = []

    def report(batch: int) -> None:
        if batch == 1:
            raise ImportCancelledError

    with pytest.raises(ImportCancelledError):
        write_behind(range(5), written.append, report)

    assert written == [0, 1]


def test_the_gil_changes_hands_quickly_while_writing_and_as_before_afterwards() -> None:
    usual = sys.getswitchinterval()
    seen: list[float] = []

    def write(batch: int) -> None:
        seen.append(sys.getswitchinterval())
        if batch == 0:
            # Another write-behind at the same time, on another thread, ends first.
            write_behind(range(2), lambda _: seen.append(sys.getswitchinterval()), _ignore)

    write_behind(range(2), write, _ignore)

    assert seen == pytest.approx([HANDOFF_S] * 4)
    assert sys.getswitchinterval() == usual > HANDOFF_S


# --- the customer import writes through it -------------------------------------------------

# Three chunks of the customer writer, each several multi-row INSERT statements.
_MANY = 4_500


def _many_customers() -> ListSource:
    surnames = list(SURNAMES)
    rows = []
    for i in range(_MANY):
        name = f"{surnames[i % len(surnames)]}{BRAND_CHARS[i % len(BRAND_CHARS)]}{i}号店"
        phone = f"139{i:08d}"
        tags = "老客户" if i % 3 == 0 else "新客户、华东"
        contact = f"联系人{i}" if i % 2 == 0 else None
        values = {"name": name, "phone": [phone], "tags": tags, "contact_name": contact}
        rows.append(Row(i + 2, (name, phone, tags, contact), values))
    return ListSource(tuple(rows), ("客户名称", "手机", "标签", "联系人"))


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


def _count(database: Database, model: type[Base], *where: ColumnElement[bool]) -> int:
    with database.unit_of_work(write=False) as uow:
        query = select(func.count()).select_from(model).where(*where)
        return uow.session.scalar(query) or 0


def _deleted_tag(database: Database, name: str) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Tag(name=name, deleted_at=START))
        uow.commit()


def test_a_large_import_writes_every_customer_contact_tag_and_search_entry(
    database: Database, clock: TestClock
) -> None:
    _deleted_tag(database, "华东")
    source = _many_customers()

    result = run_import(database, source, ImportOptions(ImportEntity.CUSTOMERS), clock=clock)

    assert result.counts.created == _MANY
    assert _count(database, Customer) == _MANY
    assert _count(database, Contact) == _MANY // 2
    assert _count(database, CustomerTag) == _MANY // 3 + 2 * (_MANY - _MANY // 3)
    assert _count(database, Tag, Tag.deleted_at.is_(None)) == 3  # 华东 is live again
    service = CustomerService(database, clock)
    last = source.rows_[-1].values
    (found,) = service.list(CustomerFilter(search=f"{_MANY - 1} haodian")).items
    assert found.name == last["name"]
    record = service.get(found.id)
    assert sorted(t.name for t in record.tags) == ["华东", "新客户"]
    with database.unit_of_work(write=False) as uow:
        stored_keys = uow.session.scalar(
            select(Customer.search_keys).where(Customer.id == found.id)
        )
    assert stored_keys == sort_key(str(last["name"]))


def test_a_large_import_is_undone_as_one_batch(database: Database, clock: TestClock) -> None:
    result = run_import(
        database, _many_customers(), ImportOptions(ImportEntity.CUSTOMERS), clock=clock
    )

    assert result.batch_id is not None
    undo_import(database, result.batch_id, clock)
    assert _count(database, Customer, Customer.deleted_at.is_(None)) == 0
    assert _count(database, Contact, Contact.deleted_at.is_(None)) == 0
    assert _count(database, CustomerTag, CustomerTag.deleted_at.is_(None)) == 0
    assert CustomerService(database, clock).list(CustomerFilter(search="haodian")).items == []


def test_cancelling_after_the_first_chunk_is_written_changes_nothing(
    database: Database, clock: TestClock
) -> None:
    source = _many_customers()
    seen: list[int] = []

    def cancelled() -> bool:
        # Cancel once the first chunk of new customers has been written.
        return bool(seen) and seen[-1] > source.row_count

    with pytest.raises(ImportCancelledError):
        run_import(
            database,
            source,
            ImportOptions(ImportEntity.CUSTOMERS),
            progress=lambda done, _total: seen.append(done),
            cancelled=cancelled,
            clock=clock,
        )

    assert source.row_count < seen[-1] < 2 * source.row_count
    assert _count(database, Customer) == 0
    assert _count(database, CustomerTag) == 0
    assert _count(database, ImportChange) == 0


def test_a_database_error_while_writing_the_second_chunk_changes_nothing(
    database: Database, clock: TestClock
) -> None:
    source = _many_customers()
    refused = str(source.rows_[3_000].values["name"])
    with database.unit_of_work() as uow:
        # A real SQLite error, raised on the writer thread in the middle of the import.
        uow.session.execute(
            text(
                "CREATE TRIGGER refuse BEFORE INSERT ON customer "
                f"WHEN NEW.name = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused here'); END"
            )
        )
        uow.commit()

    with pytest.raises(IntegrityError, match="refused here"):
        run_import(database, source, ImportOptions(ImportEntity.CUSTOMERS), clock=clock)

    assert _count(database, Customer) == 0
    assert _count(database, CustomerTag) == 0
    assert _count(database, ImportChange) == 0
    assert import_history(database) == []
