"""The customer list's search box, through CustomerService.list on a real database file:
pinyin, surname readings, Chinese fragments, phone digits, e-mail, codes, contacts."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Uuid, create_mock_engine, event, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer
from crmdesk.db.repositories import customers as customer_queries
from crmdesk.db.repositories.customers import customer_list_plan
from crmdesk.db.search_index import customer_match_condition
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft, CustomerFilter, CustomerSort
from crmdesk.domain.enums import CustomerKind, CustomerLevel
from crmdesk.domain.paging import PageRequest
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService


@pytest.fixture
def customers(database: Database) -> CustomerService:
    return CustomerService(database)


@pytest.fixture
def filled(customers: CustomerService, database: Database) -> CustomerService:
    """A handful of customers whose names, phones and e-mails overlap only where meant to."""
    customers.create(
        CustomerDraft(name="张三", phone="138-1234-8000", email="Zhang.San@Example.com")
    )
    customers.create(CustomerDraft(name="张伟", phone="13955559000", level=CustomerLevel.VIP))
    customers.create(CustomerDraft(name="李四", phone="010-66668888", code="VIP-0042"))
    company = customers.create(CustomerDraft(name="某某科技有限公司"))
    ContactService(database).create(company.id, ContactDraft(name="王小明"))
    for name in ("单田芳", "曾国藩", "解缙", "仇英", "区志明"):
        customers.create(CustomerDraft(name=name, kind=CustomerKind.PERSON))
    return customers


def found(customers: CustomerService, search: str) -> list[str]:
    return sorted(row.name for row in customers.list(CustomerFilter(search=search)).items)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("zs", ["张三"]),
        ("zhangsan", ["张三"]),
        ("ZhangSan", ["张三"]),
        ("张", ["张三", "张伟"]),
        ("张三", ["张三"]),
        ("科技", ["某某科技有限公司"]),
        ("keji", ["某某科技有限公司"]),
        ("zhang", ["张三", "张伟"]),
        ("zhang 8000", ["张三"]),
        ("张 9000", ["张伟"]),
        ("8000", ["张三"]),
        ("1234", ["张三"]),
        ("138-1234", ["张三"]),
        ("6666", ["李四"]),
        ("zhang.san@example.com", ["张三"]),
        ("example.com", ["张三"]),
        ("VIP-0042", ["李四"]),
        ("vip0042", ["李四"]),
        ("王小明", ["某某科技有限公司"]),
        ("wangxiaoming", ["某某科技有限公司"]),
        ("wxm", ["某某科技有限公司"]),
        ("nobody", []),
    ],
)
def test_one_box_finds_names_pinyin_fragments_phones_emails_codes_and_contacts(
    filled: CustomerService, search: str, expected: list[str]
) -> None:
    assert found(filled, search) == expected
    assert filled.count(CustomerFilter(search=search)) == len(expected)


@pytest.mark.parametrize(
    ("name", "surname_reading", "everyday_reading"),
    [
        ("单田芳", "shantianfang", "dantianfang"),
        ("曾国藩", "zengguofan", "cengguofan"),
        ("解缙", "xiejin", "jiejin"),
        ("仇英", "qiuying", "chouying"),
        ("区志明", "ouzhiming", "quzhiming"),
    ],
)
def test_surnames_with_a_special_reading_are_found_both_ways(
    filled: CustomerService, name: str, surname_reading: str, everyday_reading: str
) -> None:
    assert found(filled, surname_reading) == [name]
    assert found(filled, everyday_reading) == [name]


def test_special_surnames_are_found_by_their_initials(filled: CustomerService) -> None:
    assert found(filled, "stf") == ["单田芳"]
    assert found(filled, "dtf") == ["单田芳"]
    assert found(filled, "zgf") == ["曾国藩"]
    assert found(filled, "ozm") == ["区志明"]


def test_a_renamed_customer_is_found_by_the_new_name_only(customers: CustomerService) -> None:
    created = customers.create(CustomerDraft(name="张三"))
    customers.update(created.id, CustomerDraft(name="李逍遥"), created.version)
    assert found(customers, "lixiaoyao") == ["李逍遥"]
    assert found(customers, "逍遥") == ["李逍遥"]
    assert found(customers, "zhangsan") == []
    assert found(customers, "张") == []


def test_a_deleted_customer_is_not_found(customers: CustomerService) -> None:
    created = customers.create(CustomerDraft(name="张三", phone="13812348000"))
    customers.delete(created.id)
    assert found(customers, "zhangsan") == []
    assert found(customers, "8000") == []
    assert customers.count(CustomerFilter(search="zhangsan")) == 0


def test_search_combines_with_the_other_filters(filled: CustomerService) -> None:
    vips = filled.list(CustomerFilter(search="zhang", levels=frozenset({CustomerLevel.VIP})))
    assert ([row.name for row in vips.items], vips.total) == (["张伟"], 1)


def test_a_search_with_few_matches_reads_and_sorts_only_the_matches(
    filled: CustomerService, database: Database
) -> None:
    with database.unit_of_work(write=False) as uow:
        plan = customer_list_plan(uow.session, CustomerFilter(search="zs"), date.today())
    assert any("customer_search_fts VIRTUAL TABLE INDEX" in step for step in plan), plan
    assert "SEARCH customer_search USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
    assert not any(step.startswith("SCAN customer ") for step in plan), plan


def test_a_search_with_many_matches_walks_the_list_order_and_stops_when_the_page_is_full(
    filled: CustomerService, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    searches = ("zs", "张", "科技", "8000", "138-1234", "zhang 8000", "wxm", "VIP-0042", "shan")
    sorted_matches = {search: found(filled, search) for search in searches}
    monkeypatch.setattr(customer_queries, "SORTED_MATCHES_LIMIT", 1)
    assert {search: found(filled, search) for search in searches} == sorted_matches
    with database.unit_of_work(write=False) as uow:
        plan = customer_list_plan(uow.session, CustomerFilter(search="zhang"), date.today())
    # Each customer walked past is checked against its own search document.
    assert plan == [
        "SCAN customer USING COVERING INDEX ix_customer_live_search_keys",
        "CORRELATED SCALAR SUBQUERY 1",
        "SEARCH customer_search USING INDEX sqlite_autoindex_customer_search_1 (customer_id=?)",
    ]


def test_deep_pages_are_read_off_the_live_index_alone(
    filled: CustomerService, database: Database
) -> None:
    with database.unit_of_work(write=False) as uow:
        plan = customer_list_plan(uow.session, CustomerFilter(), date.today())
    assert plan == ["SCAN customer USING COVERING INDEX ix_customer_live_search_keys"]


@pytest.fixture
def statements(database: Database) -> Iterator[list[str]]:
    """The SQL the program sends while the test runs."""
    sent: list[str] = []

    def remember(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", remember)
    yield sent
    event.remove(database.engine, "before_cursor_execute", remember)


def test_sorting_and_paging_happen_in_sql(
    customers: CustomerService, statements: list[str]
) -> None:
    for name in ("张三", "阿里巴巴", "Zoe Smith", "北京科技", "王五"):
        customers.create(CustomerDraft(name=name))
    statements.clear()
    first = customers.list(CustomerFilter(), PageRequest(offset=0, limit=2, sort_by="name"))
    assert (first.total, [row.name for row in first.items]) == (5, ["阿里巴巴", "北京科技"])
    rest = customers.list(CustomerFilter(), PageRequest(offset=2, limit=10, sort_by="name"))
    assert [row.name for row in rest.items] == ["王五", "张三", "Zoe Smith"]
    backwards = customers.list(
        CustomerFilter(), PageRequest(limit=2, sort_by=CustomerSort.NAME, descending=True)
    )
    assert [row.name for row in backwards.items] == ["Zoe Smith", "张三"]
    page_queries = [sql for sql in statements if "LIMIT" in sql and "search_keys" in sql]
    assert len(page_queries) == 3
    assert all("ORDER BY customer.search_keys" in sql for sql in page_queries)


def test_names_in_other_scripts_and_with_accents_are_found(customers: CustomerService) -> None:
    for name in ("Zoë Müller", "Иван Петров", "김민수"):
        customers.create(CustomerDraft(name=name, kind=CustomerKind.PERSON))
    assert found(customers, "muller") == ["Zoë Müller"]
    assert found(customers, "Zoë") == ["Zoë Müller"]
    assert found(customers, "иван") == ["Иван Петров"]
    assert found(customers, "김민") == ["김민수"]


def test_typing_only_punctuation_finds_nobody_and_a_blank_box_shows_everyone(
    filled: CustomerService,
) -> None:
    assert found(filled, "--- ·") == []
    assert len(found(filled, "  ")) == 9


@pytest.mark.parametrize(
    "search",
    [
        "zs",
        "张",
        "科技",
        "keji",
        "8000",
        "138-1234",
        "zhang 8000",
        "wxm",
        "VIP-0042",
        "shan",
        "---",
    ],
)
def test_engines_without_fts5_find_the_same_customers_by_scanning_documents(
    filled: CustomerService, database: Database, search: str
) -> None:
    """The LIKE fallback used on an office server gives what the FTS5 index gives."""

    def names(dialect: str) -> list[str]:
        condition = customer_match_condition(search, dialect)
        assert condition is not None
        with database.unit_of_work(write=False) as uow:
            return sorted(uow.session.scalars(select(Customer.name).where(condition)))

    assert names("postgresql") == names("sqlite") == found(filled, search)


def ordered(
    customers: CustomerService, criteria: CustomerFilter, request: PageRequest
) -> list[str]:
    return [row.name for row in customers.list(criteria, request).items]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("offset", [0, 1])
def test_a_plain_search_gives_the_same_page_by_sorting_its_matches_or_walking_the_index(
    filled: CustomerService, monkeypatch: pytest.MonkeyPatch, descending: bool, offset: int
) -> None:
    request = PageRequest(offset, 3, CustomerSort.NAME, descending)
    searches = ("张", "zhang", "8000", "s", "科技")
    # Any level: the same customers, but through the general filtered query.
    general = {
        search: ordered(
            filled, CustomerFilter(search=search, levels=frozenset(CustomerLevel)), request
        )
        for search in searches
    }
    sorted_matches = {
        search: ordered(filled, CustomerFilter(search=search), request) for search in searches
    }
    monkeypatch.setattr(customer_queries, "SORTED_DOCUMENTS_LIMIT", 0)
    walked = {
        search: ordered(filled, CustomerFilter(search=search), request) for search in searches
    }

    assert sorted_matches == general
    assert walked == general


def test_a_renamed_customer_moves_to_its_new_place_in_search_results(
    customers: CustomerService,
) -> None:
    customers.create(CustomerDraft(name="张甲"))
    second = customers.create(CustomerDraft(name="张乙"))
    customers.update(second.id, replace(second.to_draft(), name="阿张"), second.version)

    names = ordered(customers, CustomerFilter(search="张"), PageRequest(0, 10, CustomerSort.NAME))

    assert names == ["阿张", "张甲"]


def test_a_filtered_page_compiles_for_postgresql_with_owner_ids_bound_as_uuids() -> None:
    """The `column || ''` planner hint is SQLite's: PostgreSQL has no `uuid || text`."""
    owners = [uuid.uuid4(), uuid.uuid4()]
    office = create_mock_engine("postgresql://", lambda *_args, **_kwargs: None)
    criteria = CustomerFilter(
        owner_ids=frozenset(owners),
        levels=frozenset({CustomerLevel.VIP}),
        province="浙江省",
        city="杭州市",
    )
    with Session(bind=office) as session:
        conditions = customer_queries._page_conditions(session, criteria, date.today())
    compiled = select(Customer.id).where(*conditions).compile(dialect=postgresql.dialect())

    assert "||" not in str(compiled)
    assert "customer.owner_id IN (__[POSTCOMPILE_owner_id_1])" in str(compiled)
    owner_ids = compiled.binds["owner_id_1"]
    assert sorted(owner_ids.value) == sorted(owners)
    assert isinstance(owner_ids.type, Uuid)
