"""Creating, editing, deleting, tagging, reassigning and listing customers on a real file."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from factories import set_deleted, ticking_clock, value_row
from sqlalchemy import select

from crmdesk.db.engine import Database
from crmdesk.db.models import Complaint, Contact, Customer, FollowUp, Rep
from crmdesk.db.repositories import customers as customer_queries
from crmdesk.domain.contact_details import PHONE_PROBLEM
from crmdesk.domain.contacts import ContactDraft
from crmdesk.domain.customers import CustomerDraft, CustomerFilter, CustomerSort
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerKind,
    CustomerLevel,
    FollowUpKind,
    FollowUpStatus,
    LifecycleStage,
    ValueSegment,
)
from crmdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from crmdesk.domain.paging import PageRequest
from crmdesk.domain.reps import RepDraft
from crmdesk.services.contacts import ContactService
from crmdesk.services.customers import CustomerService
from crmdesk.services.reps import RepService
from crmdesk.services.tags import TagService

NOW = datetime(2024, 6, 1, 8, 30, tzinfo=UTC)
TODAY = date(2024, 6, 1)


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture
def customers(database: Database) -> CustomerService:
    return CustomerService(database, clock=fixed_clock)


@pytest.fixture
def reps(database: Database) -> RepService:
    return RepService(database, clock=fixed_clock)


def names(service: CustomerService, criteria: CustomerFilter, sort: str | None = None) -> list[str]:
    page = service.list(criteria, PageRequest(sort_by=sort))
    return [row.name for row in page.items]


def test_a_new_customer_gets_a_code_defaults_and_clean_contact_details(
    customers: CustomerService,
) -> None:
    created = customers.create(
        CustomerDraft(
            name="  张三  ",
            phone="+86 138-1234-5678",
            phone_alt="(010)12345678转8",
            email="Zhang.San@Example.COM",
            wechat="wxid_zhangsan",
            custom_fields={"开票抬头": "张三工作室", "月结": True},
        )
    )
    assert re.fullmatch(r"KH-[2-9A-Z]{4}-00001", created.code)
    assert created.name == "张三"
    assert (created.kind, created.level, created.lifecycle_stage) == (
        CustomerKind.COMPANY,
        CustomerLevel.NORMAL,
        LifecycleStage.EXPLORATION,
    )
    assert (created.phone, created.phone_alt) == ("13812345678", "010-12345678-8")
    assert created.email == "zhang.san@example.com"
    assert (created.version, created.created_at, created.updated_at) == (1, NOW, NOW)
    assert customers.get(created.id) == created
    second = customers.create(CustomerDraft(name="李四"))
    assert second.code.endswith("-00002")


def test_every_problem_is_reported_at_once_on_its_field_and_nothing_is_saved(
    customers: CustomerService,
) -> None:
    with pytest.raises(ValidationError) as refused:
        customers.create(
            CustomerDraft(
                name="  ",
                phone="12345",
                email="zhang@",
                wechat="8",
                birthday=TODAY + timedelta(days=1),
                owner_id=uuid.uuid4(),
                referred_by_id=uuid.uuid4(),
                custom_fields={"尺寸": [1, 2]},
            )
        )
    problems = refused.value
    assert problems.message_for("name") == "This field is required."
    assert problems.message_for("phone") == PHONE_PROBLEM
    assert problems.message_for("email") is not None
    assert problems.message_for("wechat") is not None
    assert problems.message_for("birthday") == "The date must be between 1900-01-01 and 2024-06-01."
    assert problems.message_for("owner_id") == "This sales rep does not exist or was deleted."
    assert problems.message_for("referred_by_id") is not None
    assert problems.message_for("custom_fields") is not None
    assert customers.list(CustomerFilter()).total == 0


def test_a_name_longer_than_200_characters_is_refused(customers: CustomerService) -> None:
    with pytest.raises(ValidationError) as refused:
        customers.create(CustomerDraft(name="名" * 201))
    assert refused.value.message_for("name") == "At most 200 characters."


def test_a_code_already_in_use_is_refused_on_the_code_field(customers: CustomerService) -> None:
    first = customers.create(CustomerDraft(name="甲公司", code="A-001"))
    assert first.code == "A-001"
    with pytest.raises(ValidationError) as refused:
        customers.create(CustomerDraft(name="乙公司", code="A-001"))
    assert (
        refused.value.message_for("code") == "The code A-001 is already used by another customer."
    )
    other = customers.create(CustomerDraft(name="丙公司"))
    with pytest.raises(ValidationError):
        customers.update(other.id, CustomerDraft(name="丙公司", code="A-001"), other.version)
    assert customers.list(CustomerFilter()).total == 2


def test_an_update_saves_every_field_and_raises_the_version(
    customers: CustomerService, reps: RepService
) -> None:
    rep = reps.create(RepDraft(name="王经理"))
    referrer = customers.create(CustomerDraft(name="老客户"))
    created = customers.create(CustomerDraft(name="新客户"))
    edited = replace(
        created.to_draft(),
        name="新客户有限公司",
        level=CustomerLevel.VIP,
        lifecycle_stage=LifecycleStage.STABILITY,
        stage_pinned=True,
        owner_id=rep.id,
        referred_by_id=referrer.id,
        province="广东省",
        city="深圳市",
        birthday=date(1980, 2, 29),
    )
    saved = customers.update(created.id, edited, expected_version=created.version)
    assert saved.version == created.version + 1
    assert saved.code == created.code
    assert (saved.owner_name, saved.referred_by_name) == ("王经理", "老客户")
    assert saved.to_draft() == edited
    assert customers.get(created.id) == saved


def test_a_customer_cannot_refer_itself(customers: CustomerService) -> None:
    created = customers.create(CustomerDraft(name="张三"))
    draft = CustomerDraft(name="张三", referred_by_id=created.id)
    with pytest.raises(ValidationError) as refused:
        customers.update(created.id, draft, created.version)
    assert refused.value.message_for("referred_by_id") == "A customer cannot refer itself."


def test_a_stale_update_is_refused_and_changes_nothing(customers: CustomerService) -> None:
    created = customers.create(CustomerDraft(name="张三"))
    mine = customers.update(created.id, CustomerDraft(name="张三丰"), created.version)
    with pytest.raises(ConflictError) as conflict:
        customers.update(created.id, CustomerDraft(name="张三 (old copy)"), created.version)
    assert (conflict.value.expected_version, conflict.value.current_version) == (1, 2)
    assert customers.get(created.id) == mine


def test_a_deleted_customer_is_gone_from_lookups_and_lists_but_kept_as_a_tombstone(
    customers: CustomerService, database: Database
) -> None:
    kept = customers.create(CustomerDraft(name="留下"))
    gone = customers.create(CustomerDraft(name="删掉"))
    customers.delete(gone.id)
    with pytest.raises(NotFoundError):
        customers.get(gone.id)
    with pytest.raises(NotFoundError):
        customers.update(gone.id, CustomerDraft(name="复活"), gone.version + 1)
    assert [row.id for row in customers.list(CustomerFilter()).items] == [kept.id]
    with database.unit_of_work(write=False) as uow:
        tombstone = uow.session.get(Customer, gone.id)
        assert tombstone is not None
        assert tombstone.deleted_at == NOW


def test_a_stale_delete_is_refused(customers: CustomerService) -> None:
    created = customers.create(CustomerDraft(name="张三"))
    customers.update(created.id, CustomerDraft(name="张三丰"), created.version)
    with pytest.raises(ConflictError):
        customers.delete(created.id, expected_version=created.version)
    assert customers.get(created.id).name == "张三丰"


def test_delete_many_deletes_several_customers_at_once_or_none(
    customers: CustomerService,
) -> None:
    first = customers.create(CustomerDraft(name="甲"))
    second = customers.create(CustomerDraft(name="乙"))
    kept = customers.create(CustomerDraft(name="丙"))
    with pytest.raises(NotFoundError):
        customers.delete_many([first.id, uuid.uuid4()])
    assert customers.count_all() == 3
    assert customers.delete_many([first.id, second.id]) == 2
    assert [row.id for row in customers.list(CustomerFilter()).items] == [kept.id]
    with pytest.raises(NotFoundError):
        customers.delete_many([first.id, kept.id])
    assert customers.get(kept.id).name == "丙"


def test_saving_an_unchanged_customer_keeps_its_version(database: Database) -> None:
    customers = CustomerService(database, clock=ticking_clock(NOW))
    created = customers.create(
        CustomerDraft(name="张三", phone="138 1234 5678", custom_fields={"月结": True})
    )
    assert customers.update(created.id, created.to_draft(), created.version) == created
    assert customers.get(created.id) == created


def test_a_deleted_referrer_or_owner_blocks_no_edit_and_shows_no_name(
    customers: CustomerService, reps: RepService, database: Database
) -> None:
    rep = reps.create(RepDraft(name="王经理"))
    referrer = customers.create(CustomerDraft(name="老客户"))
    referred = customers.create(
        CustomerDraft(name="新客户", owner_id=rep.id, referred_by_id=referrer.id)
    )
    customers.delete(referrer.id)
    set_deleted(database, Rep, rep.id)

    edited = replace(referred.to_draft(), phone="13812345678")
    saved = customers.update(referred.id, edited, referred.version)

    assert saved.phone == "13812345678"
    assert (saved.referred_by_id, saved.referred_by_name) == (referrer.id, None)
    assert (saved.owner_id, saved.owner_name) == (rep.id, None)
    assert [(row.name, row.owner_name) for row in customers.list(CustomerFilter()).items] == [
        ("新客户", None)
    ]
    other = customers.create(CustomerDraft(name="别人"))
    with pytest.raises(ValidationError) as refused:
        customers.update(
            other.id,
            replace(other.to_draft(), referred_by_id=referrer.id, owner_id=rep.id),
            other.version,
        )
    assert refused.value.message_for("referred_by_id") == (
        "The referring customer does not exist or was deleted."
    )
    assert refused.value.message_for("owner_id") == "This sales rep does not exist or was deleted."


def test_referrals_cannot_go_round_in_a_circle(customers: CustomerService) -> None:
    first = customers.create(CustomerDraft(name="甲"))
    second = customers.create(CustomerDraft(name="乙", referred_by_id=first.id))
    third = customers.create(CustomerDraft(name="丙", referred_by_id=second.id))
    for referrer in (second, third):
        draft = replace(first.to_draft(), referred_by_id=referrer.id)
        with pytest.raises(ValidationError) as refused:
            customers.update(first.id, draft, first.version)
        assert refused.value.message_for("referred_by_id") == (
            "The referring customer was referred by this customer, directly or through "
            "others; referrals cannot go round in a circle."
        )
    assert customers.get(first.id) == first


def test_tags_are_added_by_name_once_removed_and_added_again(
    customers: CustomerService, database: Database
) -> None:
    customer = customers.create(CustomerDraft(name="张三"))
    other = customers.create(CustomerDraft(name="李四"))
    customers.add_tag(customer.id, "VIP回访")
    tagged = customers.add_tag(customer.id, " VIP回访 ")
    assert [tag.name for tag in tagged.tags] == ["VIP回访"]
    (tag,) = TagService(database).list()
    assert names(customers, CustomerFilter(tag_ids=frozenset({tag.id}))) == ["张三"]
    assert customers.list(CustomerFilter()).items[1].tag_names == ("VIP回访",)

    assert customers.remove_tag(customer.id, "VIP回访").tags == ()
    assert names(customers, CustomerFilter(tag_ids=frozenset({tag.id}))) == []
    customers.add_tag(other.id, "VIP回访")
    customers.add_tag(customer.id, "VIP回访")
    assert names(customers, CustomerFilter(tag_ids=frozenset({tag.id}))) == ["李四", "张三"]
    with pytest.raises(ValidationError) as refused:
        customers.add_tag(customer.id, "   ")
    assert refused.value.message_for("tag") == "This field is required."


def test_set_owner_moves_several_customers_at_once_or_none(
    customers: CustomerService, reps: RepService
) -> None:
    rep = reps.create(RepDraft(name="王经理"))
    first = customers.create(CustomerDraft(name="甲"))
    second = customers.create(CustomerDraft(name="乙"))
    assert customers.set_owner([first.id, second.id], rep.id) == 2
    assert customers.set_owner([first.id], rep.id) == 0
    page = customers.list(CustomerFilter(owner_ids=frozenset({rep.id})))
    assert [row.owner_name for row in page.items] == ["王经理", "王经理"]

    with pytest.raises(NotFoundError):
        customers.set_owner([first.id, uuid.uuid4()], None)
    assert customers.get(first.id).owner_id == rep.id
    with pytest.raises(ValidationError) as refused:
        customers.set_owner([first.id], uuid.uuid4())
    assert refused.value.message_for("owner_id") is not None


def test_the_list_filters_by_stage_level_place_and_owner(
    customers: CustomerService, reps: RepService
) -> None:
    rep = reps.create(RepDraft(name="王经理"))
    customers.create(
        CustomerDraft(name="甲", level=CustomerLevel.VIP, province="广东省", city="深圳市")
    )
    customers.create(
        CustomerDraft(
            name="乙", lifecycle_stage=LifecycleStage.DECLINE, province="广东省", city="广州市"
        )
    )
    customers.create(CustomerDraft(name="丙", owner_id=rep.id, province="北京市"))
    assert names(customers, CustomerFilter(levels=frozenset({CustomerLevel.VIP}))) == ["甲"]
    stages = frozenset({LifecycleStage.DECLINE, LifecycleStage.LOST})
    assert names(customers, CustomerFilter(lifecycle_stages=stages)) == ["乙"]
    assert names(customers, CustomerFilter(province="广东省")) == ["甲", "乙"]
    assert names(customers, CustomerFilter(province="广东省", city="广州市")) == ["乙"]
    assert names(customers, CustomerFilter(owner_ids=frozenset({rep.id}))) == ["丙"]


def test_the_list_finds_customers_with_overdue_follow_ups_and_open_complaints(
    customers: CustomerService, database: Database
) -> None:
    overdue = customers.create(CustomerDraft(name="逾期"))
    due_today = customers.create(CustomerDraft(name="今天"))
    done_late = customers.create(CustomerDraft(name="已完成"))
    complaining = customers.create(CustomerDraft(name="投诉中"))
    resolved = customers.create(CustomerDraft(name="已解决"))
    with database.unit_of_work() as uow:
        for customer, due_on, status in (
            (overdue, TODAY - timedelta(days=1), FollowUpStatus.PLANNED),
            (due_today, TODAY, FollowUpStatus.PLANNED),
            (done_late, TODAY - timedelta(days=9), FollowUpStatus.DONE),
        ):
            uow.session.add(
                FollowUp(
                    customer_id=customer.id,
                    kind=FollowUpKind.CALLBACK,
                    status=status,
                    title="回访",
                    due_on=due_on,
                )
            )
        for number, customer, complaint_status in (
            ("TS-1", complaining, ComplaintStatus.IN_PROGRESS),
            ("TS-2", resolved, ComplaintStatus.RESOLVED),
            ("TS-3", resolved, ComplaintStatus.CLOSED),
        ):
            uow.session.add(
                Complaint(
                    number=number,
                    customer_id=customer.id,
                    category=ComplaintCategory.DELIVERY,
                    severity=ComplaintSeverity.HIGH,
                    status=complaint_status,
                    title="送货晚了",
                    received_at=NOW,
                    due_at=NOW,
                )
            )
        uow.commit()
    assert names(customers, CustomerFilter(has_overdue_follow_up=True)) == ["逾期"]
    assert "逾期" not in names(customers, CustomerFilter(has_overdue_follow_up=False))
    assert names(customers, CustomerFilter(has_open_complaint=True)) == ["投诉中"]
    assert len(names(customers, CustomerFilter(has_open_complaint=False))) == 4


def test_the_list_sorts_by_level_stage_and_owner(
    customers: CustomerService, reps: RepService
) -> None:
    wang = reps.create(RepDraft(name="Wang"))
    li = reps.create(RepDraft(name="Li"))
    customers.create(
        CustomerDraft(name="甲", level=CustomerLevel.POTENTIAL, lifecycle_stage=LifecycleStage.LOST)
    )
    customers.create(CustomerDraft(name="乙", level=CustomerLevel.VIP, owner_id=wang.id))
    customers.create(
        CustomerDraft(
            name="丙",
            level=CustomerLevel.KEY,
            lifecycle_stage=LifecycleStage.STABILITY,
            owner_id=li.id,
        )
    )
    assert names(customers, CustomerFilter(), CustomerSort.LEVEL) == ["乙", "丙", "甲"]
    assert names(customers, CustomerFilter(), CustomerSort.STAGE) == ["乙", "丙", "甲"]
    assert names(customers, CustomerFilter(), CustomerSort.OWNER) == ["甲", "丙", "乙"]
    with pytest.raises(ValidationError):
        customers.list(CustomerFilter(), PageRequest(sort_by="shoe size"))


def test_one_tag_goes_on_several_customers_at_once_or_on_none(
    customers: CustomerService, database: Database
) -> None:
    first = customers.create(CustomerDraft(name="甲"))
    second = customers.create(CustomerDraft(name="乙"))
    customers.add_tag(first.id, "重点跟进")
    assert customers.add_tag_to_many([first.id, second.id], "重点跟进") == 1
    (tag,) = TagService(database).list()
    assert names(customers, CustomerFilter(tag_ids=frozenset({tag.id}))) == ["甲", "乙"]
    with pytest.raises(NotFoundError):
        customers.add_tag_to_many([first.id, uuid.uuid4()], "新标签")
    assert [t.name for t in TagService(database).list()] == ["重点跟进"]


def test_rows_and_counts_come_separately(customers: CustomerService, database: Database) -> None:
    for name in ("甲", "乙", "丙"):
        customers.create(CustomerDraft(name=name, level=CustomerLevel.VIP))
    gone = customers.create(CustomerDraft(name="丁", province="广东省", city="深圳市"))
    customers.create(CustomerDraft(name="戊", province="广东省", city="广州市"))
    customers.create(CustomerDraft(name="己", province="北京市"))
    customers.delete(gone.id)
    vips = CustomerFilter(levels=frozenset({CustomerLevel.VIP}))
    page = customers.rows(vips, PageRequest(offset=1, limit=1, sort_by=CustomerSort.NAME))
    assert [row.name for row in page] == ["甲"]  # 丙 bing, 甲 jia, 乙 yi
    assert (customers.count(vips), customers.count(CustomerFilter()), customers.count_all()) == (
        3,
        5,
        5,
    )
    assert customers.places() == [("北京市", None), ("广东省", "广州市")]


@pytest.mark.parametrize(
    "sort",
    [
        CustomerSort.LEVEL,
        CustomerSort.STAGE,
        CustomerSort.OWNER,
        CustomerSort.KIND,
        CustomerSort.PHONE,
        CustomerSort.EMAIL,
        CustomerSort.SEGMENT,
        CustomerSort.CONTACT,
        CustomerSort.TAGS,
    ],
)
def test_pages_of_a_list_ordered_by_runs_of_one_value_join_up(
    customers: CustomerService, reps: RepService, database: Database, sort: CustomerSort
) -> None:
    """Level, stage, owner, type, value segment, contact and tag orders are read run by run;
    pages that start inside a run or span several runs give the whole list in order, both
    ways. Phone and e-mail orders, read off their indexes, page the same way. Customers
    without the value (no phone, no segment, no contact) come first, like empty cells."""
    team = [reps.create(RepDraft(name=name)) for name in ("Zhou", "Li", "Wang")]
    gone = reps.create(RepDraft(name="Anyone"))
    levels, stages = list(CustomerLevel), list(LifecycleStage)
    owners = [*(rep.id for rep in team), gone.id, None]
    for number in range(23):
        customers.create(
            CustomerDraft(
                name=f"客户{number:02d}",
                level=levels[number % len(levels)],
                lifecycle_stage=stages[number * 7 % len(stages)],
                owner_id=owners[number % len(owners)],
                kind=list(CustomerKind)[number % 2],
                # Some repeated, some missing: ties are broken by id, blanks come first.
                phone=None if number % 5 == 0 else f"1380000{number % 9:04d}",
                email=None if number % 3 == 0 else f"c{number % 7}@example.com",
            )
        )
    set_deleted(database, Rep, gone.id)
    made = customers.rows(CustomerFilter(), PageRequest(limit=100, sort_by=CustomerSort.CODE))
    segments = [*ValueSegment, None]
    contacts = ContactService(database)
    with database.unit_of_work() as uow:
        for number, row in enumerate(made):
            if number % 4:  # a quarter were never valued
                uow.session.add(value_row(row.id, segments[number * 3 % len(segments)]))
        uow.commit()
    for number, row in enumerate(made):
        if number % 3:  # a third have no contact; names repeat; a few have two
            contacts.create(row.id, ContactDraft(name=f"联系人{number % 5}"))
        if number % 7 == 1:
            contacts.create(row.id, ContactDraft(name="阿联系人", is_primary=True))
    tag_names = ("老客户", "VIP", "展会", "华东")
    for number, row in enumerate(made):
        for name in tag_names[number % 5 :][: number % 3]:  # none, one or two tags
            customers.add_tag(row.id, name)
    with database.unit_of_work() as uow:  # two primary contacts, as a bad sync might leave
        for contact in uow.session.scalars(
            select(Contact).where(Contact.customer_id == made[1].id)
        ):
            contact.is_primary = True
        uow.commit()
    for descending in (False, True):
        whole = customers.rows(
            CustomerFilter(), PageRequest(limit=100, sort_by=sort, descending=descending)
        )
        paged = [
            row
            for offset in range(0, 23, 4)
            for row in customers.rows(
                CustomerFilter(), PageRequest(offset, 4, sort_by=sort, descending=descending)
            )
        ]
        assert [row.id for row in paged] == [row.id for row in whole]
        key = {
            CustomerSort.LEVEL: lambda row: levels.index(row.level),
            CustomerSort.STAGE: lambda row: stages.index(row.lifecycle_stage),
            CustomerSort.OWNER: lambda row: row.owner_name or "",
            CustomerSort.KIND: lambda row: list(CustomerKind).index(row.kind),
            CustomerSort.PHONE: lambda row: row.phone or "",
            CustomerSort.EMAIL: lambda row: row.email or "",
            CustomerSort.SEGMENT: lambda row: segments.index(row.segment) + 1 if row.segment else 0,
            CustomerSort.CONTACT: lambda row: row.primary_contact_name or "",
            CustomerSort.TAGS: lambda row: row.tag_names[:1],
        }[sort]
        assert [key(row) for row in whole] == sorted(map(key, whole), reverse=descending)


@pytest.mark.parametrize("sorted_limit", [0, 8_000])
def test_place_filters_give_the_same_pages_whether_the_place_is_large_or_small(
    customers: CustomerService, monkeypatch: pytest.MonkeyPatch, sorted_limit: int
) -> None:
    """A large place is read by walking the list's order, a small one through its index."""
    monkeypatch.setattr(customer_queries, "SORTED_MATCHES_LIMIT", sorted_limit)
    for name, city in (("甲", "深圳市"), ("乙", "广州市"), ("丙", "深圳市"), ("丁", None)):
        customers.create(CustomerDraft(name=name, province="广东省", city=city))
    customers.create(CustomerDraft(name="戊", province="北京市"))
    assert names(customers, CustomerFilter(province="广东省")) == ["丙", "丁", "甲", "乙"]
    assert names(customers, CustomerFilter(province="广东省", city="深圳市")) == ["丙", "甲"]
    assert names(customers, CustomerFilter(city="广州市")) == ["乙"]
