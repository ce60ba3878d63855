"""Reading the search index ahead: what it reads, and that it is harmless on any file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from crmdesk.db.engine import Database
from crmdesk.db.models import CustomerSearch
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService


def add_customers(database: Database) -> None:
    customers = CustomerService(database)
    for name, phone in (("张三", "13800001111"), ("杭州某某科技有限公司", "057188660000")):
        customer = customers.create(CustomerDraft(name=name, phone=phone))
        ContactService(database).create(customer.id, ContactDraft(name="王小明"))


@contextmanager
def statements_run(database: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def query_plans(database: Database, statements: list[str]) -> set[str]:
    with database.unit_of_work(write=False) as uow:
        connection = uow.session.connection()
        return {
            str(step[-1])
            for statement in statements
            if statement.lstrip().upper().startswith("SELECT")
            for step in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}")
        }


def test_reads_every_index_of_the_documents_whole_and_nothing_else(
    database: Database,
) -> None:
    add_customers(database)
    documents = CustomerSearch.__tablename__
    indexes = CustomerSearch.metadata.tables[documents].indexes

    with statements_run(database) as statements:
        read = CustomerService(database).warm_search()

    assert read > 0
    plans = query_plans(database, statements)
    assert plans == {f"SCAN {documents} USING COVERING INDEX {index.name}" for index in indexes}
    assert len(indexes) == 2  # the name order and the matches' order (0006, 0008)


def test_an_empty_database_reads_nothing_and_does_not_fail(database: Database) -> None:
    assert CustomerService(database).warm_search() == 0
