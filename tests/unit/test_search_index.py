"""The search index follows every write path that changes what a customer is found by."""

from __future__ import annotations

from sqlalchemy import event, select, update

from crmdesk.db.engine import Database
from crmdesk.db.migrate import migrate
from crmdesk.db.models import Contact, Customer, CustomerSearch, SearchIndexState
from crmdesk.db.search_index import SEARCH_FORMAT_VERSION
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService


def found(database: Database, search: str) -> list[str]:
    page = CustomerService(database).list(CustomerFilter(search=search))
    return sorted(row.name for row in page.items)


def test_editing_and_removing_a_contact_changes_what_finds_its_company(database: Database) -> None:
    company = CustomerService(database).create(CustomerDraft(name="某某科技有限公司"))
    contacts = ContactService(database)
    contact = contacts.create(company.id, ContactDraft(name="王小明", phone="13700001111"))
    assert found(database, "wxm") == ["某某科技有限公司"]

    renamed = contacts.update(
        contact.id, ContactDraft(name="赵六", phone="13700001111", is_primary=True), 1
    )
    assert found(database, "wxm") == []
    assert found(database, "zhaoliu") == ["某某科技有限公司"]

    contacts.delete(renamed.id)
    assert found(database, "zhaoliu") == []
    assert found(database, "1111") == []
    assert found(database, "keji") == ["某某科技有限公司"]


def test_a_contact_moved_to_another_customer_is_found_only_with_the_new_one(
    database: Database,
) -> None:
    customers = CustomerService(database)
    old = customers.create(CustomerDraft(name="甲公司"))
    new = customers.create(CustomerDraft(name="乙公司"))
    contact = ContactService(database).create(old.id, ContactDraft(name="钱七"))
    with database.unit_of_work() as uow:
        row = uow.session.get(Contact, contact.id)
        assert row is not None
        row.customer_id = new.id
        uow.commit()
    assert found(database, "qianqi") == ["乙公司"]


def test_edits_that_do_not_change_what_is_searched_leave_the_document_alone(
    database: Database,
) -> None:
    customers = CustomerService(database)
    created = customers.create(CustomerDraft(name="张三"))
    statements: list[str] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    edited = customers.update(
        created.id, CustomerDraft(name="张三", notes="喜欢周五下午来电"), created.version
    )
    assert not any("customer_search" in s for s in statements)

    customers.update(edited.id, CustomerDraft(name="张三丰"), edited.version)
    assert any(s.startswith("DELETE FROM customer_search") for s in statements)
    with database.unit_of_work(write=False) as uow:
        keys = uow.session.scalar(select(Customer.search_keys).where(Customer.id == created.id))
    assert keys == "zhangsanfeng zsf"
    assert found(database, "zsf") == ["张三丰"]


def test_documents_made_by_older_token_rules_are_rebuilt_when_the_database_opens(
    database: Database,
) -> None:
    created = CustomerService(database).create(CustomerDraft(name="张三", phone="13812348000"))
    with database.engine.begin() as conn:
        conn.execute(update(CustomerSearch).values(document="stale"))
        conn.execute(update(Customer).values(search_keys=""))
        conn.execute(update(SearchIndexState).values(format_version=SEARCH_FORMAT_VERSION - 1))
    assert found(database, "zs") == []

    migrate(database)

    assert found(database, "zs") == ["张三"]
    assert found(database, "8000") == ["张三"]
    with database.unit_of_work(write=False) as uow:
        keys = uow.session.scalar(select(Customer.search_keys).where(Customer.id == created.id))
        state = uow.session.scalar(select(SearchIndexState.format_version))
    assert (keys, state) == ("zhangsan zs", SEARCH_FORMAT_VERSION)
