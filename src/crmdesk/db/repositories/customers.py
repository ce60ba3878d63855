"""Queries about customers, including the customer list: filtered, sorted and paged in SQL
so that it answers as quickly on 1,000,000 customers as on 100."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Generator, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    Select,
    and_,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from crmdesk.db.models import (
    SEARCH_MATCH_ORDER_INDEX,
    Complaint,
    Contact,
    Customer,
    CustomerSearch,
    CustomerTag,
    CustomerValue,
    FollowUp,
    Rep,
    Tag,
)
from crmdesk.db.repositories.customer_runs import Run, in_direction, runs_of
from crmdesk.db.repositories.paging import require_sort_key
from crmdesk.db.repositories.records import find_live
from crmdesk.db.repositories.tags import tags_by_customer
from crmdesk.db.search_index import SEARCH_FTS_TABLE, customer_match_condition
from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.customers import (
    CustomerFilter,
    CustomerRecord,
    CustomerSort,
    CustomerSummary,
)
from crmdesk.domain.enums import FollowUpStatus
from crmdesk.domain.exports import CustomerArchiveRow
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.domain.search_text import like_patterns, match_expression

T = TypeVar("T")
_Owner = aliased(Rep, name="owner")
_Referrer = aliased(Customer, name="referrer")
_Row = Row[*tuple[Any, ...]]
# Up to this many matches of a search (or customers of a place) are read and sorted;
# beyond, the list's order is walked. Both cost about the same there (some 40 ms for a
# page of 50 of 1,000,000 customers, at about 6 µs a match and 8 µs a customer walked).
SORTED_MATCHES_LIMIT = 8_000
# The same for a plain search in name order, answered from the search documents alone
# (see `_searched_page_ids`): about 1.2 µs a match sorted, 3.5 µs a customer walked.
SORTED_DOCUMENTS_LIMIT = 15_000
_FTS = table(SEARCH_FTS_TABLE, column("rowid", Integer))
# Rows a streamed read fetches at a time.
STREAM_CHUNK = 2_000
# Between the tag names of a customer as one query hands them over: the ASCII unit
# separator, which no name holds (an .xlsx file could not even store it).
_TAG_SEPARATOR = "\x1f"


def find_customers(session: Session, customer_ids: Iterable[uuid.UUID]) -> Sequence[Customer]:
    """The customers among these ids that have not been deleted."""
    return session.scalars(
        select(Customer).where(Customer.id.in_(list(customer_ids)), Customer.deleted_at.is_(None))
    ).all()


def code_in_use(session: Session, code: str, *, other_than: uuid.UUID | None) -> bool:
    """Whether another customer, deleted ones included, already has this code."""
    query = select(Customer.id).where(Customer.code == code)
    if other_than is not None:
        query = query.where(Customer.id != other_than)
    return session.execute(query.limit(1)).first() is not None


def referral_chain(session: Session, customer_id: uuid.UUID) -> set[uuid.UUID]:
    """The customer, the one who referred it, the one who referred that one, and so on up,
    deleted customers included (restoring one must not close a circle)."""
    chain = (
        select(Customer.id, Customer.referred_by_id)
        .where(Customer.id == customer_id)
        .cte("referral_chain", recursive=True)
    )
    referrer = aliased(Customer)
    # UNION rather than UNION ALL: should the links already form a circle, the walk ends.
    chain = chain.union(
        select(referrer.id, referrer.referred_by_id).join(
            chain, referrer.id == chain.c.referred_by_id
        )
    )
    return set(session.scalars(select(chain.c.id)))


def customer_record(session: Session, customer: Customer) -> CustomerRecord:
    """The customer with its owner's and referrer's names and its tags.

    A deleted owner or referrer keeps its id on the customer (restoring it brings it
    back) but shows no name, as it shows in no list.
    """
    owner = find_live(session, Rep, customer.owner_id) if customer.owner_id else None
    referrer = (
        find_live(session, Customer, customer.referred_by_id) if customer.referred_by_id else None
    )
    return CustomerRecord(
        id=customer.id,
        code=customer.code,
        name=customer.name,
        kind=customer.kind,
        industry=customer.industry,
        source=customer.source,
        level=customer.level,
        lifecycle_stage=customer.lifecycle_stage,
        stage_pinned=customer.stage_pinned,
        owner_id=customer.owner_id,
        owner_name=owner.name if owner else None,
        phone=customer.phone,
        phone_alt=customer.phone_alt,
        email=customer.email,
        wechat=customer.wechat,
        province=customer.province,
        city=customer.city,
        district=customer.district,
        address=customer.address,
        birthday=customer.birthday,
        referred_by_id=customer.referred_by_id,
        referred_by_name=referrer.name if referrer else None,
        notes=customer.notes,
        custom_fields=dict(customer.custom_fields or {}),
        tags=tuple(tags_by_customer(session, [customer.id]).get(customer.id, [])),
        version=customer.version,
        created_at=customer.created_at,
        updated_at=customer.updated_at,
    )


def list_customers(
    session: Session, criteria: CustomerFilter, request: PageRequest, today: date
) -> Page[CustomerSummary]:
    """One page of the customer list and how many customers match in all; `today`
    decides which follow-ups are overdue."""
    items = customer_page(session, criteria, request, today)
    return Page(items=items, total=count_customers(session, criteria, today), offset=request.offset)


def customer_page(
    session: Session, criteria: CustomerFilter, request: PageRequest, today: date
) -> list[CustomerSummary]:
    """The rows of one page of the customer list, without counting the others.

    Two steps: the ids of the page are read off an index that holds the sort order (a
    deep offset walks only that index), then those few customers are read in full.
    """
    ids = _searched_page_ids(session, criteria, request)
    if ids is None:
        ids = _page_ids(session, _page_conditions(session, criteria, today), request)
    if not ids:
        return []
    rows = {row.id: row for row in session.execute(_summary_query().where(Customer.id.in_(ids)))}
    return [_summary(rows[i]) for i in ids if i in rows]


def stream_customers(
    session: Session,
    criteria: CustomerFilter,
    sort_by: str | None,
    descending: bool,
    today: date,
) -> Generator[CustomerSummary, None, None]:
    """Every row of the customer list with these criteria, in the list's order, for an
    export. Read in chunks within the session's transaction, so from one snapshot;
    a bad sort key is refused at once, before the first row is asked for."""
    queries = _ordered_queries(session, _summary_query(), criteria, sort_by, descending, today)
    return _streamed(session, queries, _summary)


def stream_customer_archive(
    session: Session,
    criteria: CustomerFilter,
    sort_by: str | None,
    descending: bool,
    today: date,
) -> Generator[CustomerArchiveRow, None, None]:
    """Like `stream_customers`, with every field the customer import fills in."""
    queries = _ordered_queries(session, _archive_query(), criteria, sort_by, descending, today)
    return _streamed(session, queries, _archive_row)


def count_customers(session: Session, criteria: CustomerFilter, today: date) -> int:
    """How many live customers match the criteria."""
    expression = match_expression(criteria.search) if _dialect(session) == "sqlite" else None
    if expression is not None and criteria == CustomerFilter(search=criteria.search):
        # Only live customers have a search document: counting the matches is enough.
        query = select(func.count()).select_from(_FTS).where(_fts_match(expression))
        return int(session.execute(query).scalar_one())
    query = select(func.count()).where(*_live(), *_matching(session, criteria, today))
    return int(session.execute(query.select_from(Customer)).scalar_one())


def count_live_customers(session: Session) -> int:
    """How many customers there are, deleted ones left out."""
    return count_customers(session, CustomerFilter(), date.min)


def live_places(session: Session) -> list[tuple[str, str | None]]:
    """Each (province, city) that live customers are in, by province then city."""
    query = (
        select(Customer.province, Customer.city)
        .where(*_live(), Customer.province.is_not(None))
        .distinct()
        .order_by(Customer.province, Customer.city)
    )
    return [(str(province), city) for province, city in session.execute(query)]


def customer_list_plan(session: Session, criteria: CustomerFilter, today: date) -> list[str]:
    """SQLite's EXPLAIN QUERY PLAN of the first page's ids, one line per step (for tests
    and tuning)."""
    conditions = _page_conditions(session, criteria, today)
    query = _ids_query(conditions).order_by(*_column_order(CustomerSort.NAME, False)).limit(100)
    sql = str(query.compile(bind=session.get_bind(), compile_kwargs={"literal_binds": True}))
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
    return [str(row[-1]) for row in rows]


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _matching(session: Session, criteria: CustomerFilter, today: date) -> list[ColumnElement[bool]]:
    """The filter's conditions, search included, for reading or counting every match."""
    conditions = _conditions(criteria, today)
    matches = customer_match_condition(criteria.search, _dialect(session))
    return conditions if matches is None else [*conditions, matches]


def _live() -> tuple[ColumnElement[bool]]:
    # Spelled exactly as the partial indexes' WHERE, so that SQLite may use them.
    return (Customer.deleted_at.is_(None),)


def _ids_query(conditions: Sequence[ColumnElement[bool]]) -> Select[uuid.UUID]:
    return select(Customer.id).where(*_live(), *conditions)


def _page_ids(
    session: Session, conditions: Sequence[ColumnElement[bool]], request: PageRequest
) -> list[uuid.UUID]:
    sort_by = request.sort_by or CustomerSort.NAME
    require_sort_key(sort_by, _SORT_KEYS)
    runs = runs_of(session, sort_by)
    if runs is None:
        query = _ids_query(conditions).order_by(*_column_order(sort_by, request.descending))
        return list(session.scalars(query.offset(request.offset).limit(request.limit)))
    return _run_ids(session, conditions, runs, request)


def _column_order(sort_by: str, descending: bool) -> list[ColumnElement[Any]]:
    columns = [*_COLUMN_ORDERS[sort_by], Customer.id.expression]
    return [column.desc() if descending else column.asc() for column in columns]


def _run_ids(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    runs: Sequence[Run],
    request: PageRequest,
) -> list[uuid.UUID]:
    skip, ids = request.offset, list[uuid.UUID]()
    for run in in_direction(runs, request.descending):
        if skip and run.countable:
            size = _run_size(session, conditions, run)
            if skip >= size:
                skip -= size
                continue
        query = run.rows(_ids_query(conditions), request.descending)
        found = list(session.scalars(query.offset(skip).limit(request.limit - len(ids))))
        if not found and skip:
            skip -= _run_size(session, conditions, run)  # the page lies beyond the run
            continue
        ids.extend(found)
        skip = 0
        if len(ids) == request.limit:
            break
    return ids


def _run_size(session: Session, conditions: Sequence[ColumnElement[bool]], run: Run) -> int:
    counted = run.narrow(select(func.count()).select_from(Customer))
    return int(session.execute(counted.where(*_live(), *conditions)).scalar_one())


def _primary_contact_name() -> ColumnElement[str | None]:
    return (
        select(Contact.name)
        .where(
            Contact.customer_id == Customer.id,
            Contact.is_primary.is_(True),
            Contact.deleted_at.is_(None),
        )
        .order_by(Contact.name, Contact.id)
        .limit(1)
        .scalar_subquery()
    )


def _summary_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.kind,
            Customer.level,
            Customer.lifecycle_stage,
            _Owner.name.label("owner_name"),
            Customer.phone,
            Customer.email,
            Customer.province,
            Customer.city,
            _primary_contact_name().label("primary_contact_name"),
            _tag_names().label("tag_names"),
            Customer.created_at,
            Customer.updated_at,
            CustomerValue.segment,
        )
        .outerjoin(_Owner, _live_owner())
        .outerjoin(CustomerValue, CustomerValue.customer_id == Customer.id)
    )


def _live_owner() -> ColumnElement[bool]:
    # A deleted rep shows as no owner, as in the list.
    return and_(_Owner.id == Customer.owner_id, _Owner.deleted_at.is_(None))


def _tag_names() -> ColumnElement[str | None]:
    """The names of the customer's live tags in one text, read alongside the customer:
    some 5 µs a customer on SQLite, where reading them by a query of their own for
    each chunk of customers and matching them up in Python costs twice that."""
    return (
        select(func.aggregate_strings(Tag.name, _TAG_SEPARATOR))
        .join(CustomerTag, CustomerTag.tag_id == Tag.id)
        .where(
            CustomerTag.customer_id == Customer.id,
            CustomerTag.deleted_at.is_(None),
            Tag.deleted_at.is_(None),
        )
        .scalar_subquery()
    )


def _split_tag_names(joined: str | None) -> tuple[str, ...]:
    # In name order, as the tags are listed everywhere.
    return tuple(sorted(joined.split(_TAG_SEPARATOR))) if joined else ()


def _summary(row: _Row) -> CustomerSummary:
    # Unpacked by position, which costs a fraction of reading 15 attributes by name.
    (
        customer_id, code, name, kind, level, lifecycle_stage, owner_name, phone, email,
        province, city, primary_contact_name, tag_names, created_at, updated_at, segment,
    ) = row  # fmt: skip
    return CustomerSummary(
        id=customer_id,
        code=code,
        name=name,
        kind=kind,
        level=level,
        lifecycle_stage=lifecycle_stage,
        owner_name=owner_name,
        phone=phone,
        email=email,
        province=province,
        city=city,
        primary_contact_name=primary_contact_name,
        tag_names=_split_tag_names(tag_names),
        created_at=created_at,
        updated_at=updated_at,
        segment=segment,
    )


def _archive_query() -> Select[*tuple[Any, ...]]:
    # In the order of CustomerArchiveRow's fields; no id, which the archive leaves out.
    return (
        select(
            Customer.code,
            Customer.name,
            Customer.kind,
            Customer.industry,
            Customer.source,
            Customer.level,
            Customer.lifecycle_stage,
            _Owner.name.label("owner_name"),
            Customer.phone,
            Customer.phone_alt,
            Customer.email,
            Customer.wechat,
            Customer.province,
            Customer.city,
            Customer.district,
            Customer.address,
            Customer.birthday,
            _Referrer.code.label("referred_by_code"),
            Customer.notes,
            _tag_names().label("tag_names"),
            _primary_contact_name().label("primary_contact_name"),
        )
        .outerjoin(_Owner, _live_owner())
        .outerjoin(
            # A deleted referrer shows no name on the profile; nor does it here.
            _Referrer,
            and_(_Referrer.id == Customer.referred_by_id, _Referrer.deleted_at.is_(None)),
        )
    )


def _archive_row(row: _Row) -> CustomerArchiveRow:
    (
        code, name, kind, industry, source, level, lifecycle_stage, owner_name, phone,
        phone_alt, email, wechat, province, city, district, address, birthday,
        referred_by_code, notes, tag_names, primary_contact_name,
    ) = row  # fmt: skip
    return CustomerArchiveRow(
        code=code,
        name=name,
        kind=kind,
        industry=industry,
        source=source,
        level=level,
        lifecycle_stage=lifecycle_stage,
        owner_name=owner_name,
        phone=phone,
        phone_alt=phone_alt,
        email=email,
        wechat=wechat,
        province=province,
        city=city,
        district=district,
        address=address,
        birthday=birthday,
        referred_by_code=referred_by_code,
        notes=notes,
        tag_names=_split_tag_names(tag_names),
        primary_contact_name=primary_contact_name,
    )


def _ordered_queries(
    session: Session,
    columns: Select[*tuple[Any, ...]],
    criteria: CustomerFilter,
    sort_by: str | None,
    descending: bool,
    today: date,
) -> list[Select[*tuple[Any, ...]]]:
    """`columns` of every matching customer in the list's order, as queries to run one
    after the other (one per run of an order read in runs, see `customer_runs`)."""
    sort_by = sort_by or CustomerSort.NAME
    require_sort_key(sort_by, _SORT_KEYS)
    query = columns.where(*_live(), *_matching(session, criteria, today))
    runs = runs_of(session, sort_by)
    if runs is None:
        return [query.order_by(*_column_order(sort_by, descending))]
    return [run.rows(query, descending) for run in in_direction(runs, descending)]


def _streamed(
    session: Session,
    queries: Sequence[Select[*tuple[Any, ...]]],
    make: Callable[[_Row], T],
) -> Generator[T, None, None]:
    """The rows of `queries` one after the other, made into values, fetched a chunk at a
    time (by the session's connection: the ORM adds nothing to plain columns but time)."""
    connection = session.connection()
    for query in queries:
        with connection.execute(query.execution_options(yield_per=STREAM_CHUNK)) as result:
            for rows in result.partitions():
                yield from map(make, rows)


def _page_conditions(
    session: Session, criteria: CustomerFilter, today: date
) -> list[ColumnElement[bool]]:
    conditions = _conditions(criteria, today, paging_in=session)
    matches = _page_match_condition(session, criteria.search)
    return conditions if matches is None else [*conditions, matches]


def _page_match_condition(session: Session, search: str) -> ColumnElement[bool] | None:
    """The search condition for reading a page, in the form SQLite answers fastest.

    A query that few customers match (a phone fragment, a full name) is answered from
    the full-text index's matches: they are few enough to sort. One that many match (a
    common surname, a single letter) is answered by walking the list's order and
    checking each customer's search document with LIKE, which stops as soon as the
    page is full; its matches are never all read. (LIKE rather than the full-text index
    for each customer: one FTS5 query costs some 100 µs, one LIKE a few.) On 1,000,000
    customers either takes some 10-60 ms for a page of 50 once the file is in memory.
    """
    dialect = _dialect(session)
    expression = match_expression(search) if dialect == "sqlite" else None
    if expression is None or _few_matches(session, expression, SORTED_MATCHES_LIMIT):
        return customer_match_condition(search, dialect)
    return exists().where(CustomerSearch.customer_id == Customer.id, *_document_like(search))


def _searched_page_ids(
    session: Session, criteria: CustomerFilter, request: PageRequest
) -> list[uuid.UUID] | None:
    """The ids of a page of a plain search (nothing else filtered) in name order, read
    off the search documents alone, which hold each customer's name sort key (only live
    customers have one); None for any other list, which `_page_ids` reads.

    Few matches are sorted: one lookup a full-text match. Many are found by walking the
    documents' name-order index and checking each document with LIKE until the page is
    full (see `_page_match_condition`).
    """
    plain = criteria == CustomerFilter(search=criteria.search)
    expression = match_expression(criteria.search) if _dialect(session) == "sqlite" else None
    if (
        not plain
        or expression is None
        or (request.sort_by or CustomerSort.NAME) != CustomerSort.NAME
    ):
        return None
    if _few_matches(session, expression, SORTED_DOCUMENTS_LIMIT):
        return _sorted_matches(session, expression, request)
    order = (CustomerSearch.search_keys, CustomerSearch.customer_id)
    query = (
        select(CustomerSearch.customer_id)
        .where(*_document_like(criteria.search))
        .order_by(*(c.desc() if request.descending else c.asc() for c in order))
    )
    return list(session.scalars(query.offset(request.offset).limit(request.limit)))


def _sorted_matches(session: Session, expression: str, request: PageRequest) -> list[uuid.UUID]:
    """A page of the full-text matches in name order, sorted from the small index that
    holds each document's row id, sort key and customer. Written out because SQLite
    must be told to use it (it would read each match's row, document and all, from the
    table) and SQLAlchemy writes no INDEXED BY."""
    direction = "DESC" if request.descending else "ASC"
    query = text(
        f"SELECT customer_id FROM {CustomerSearch.__tablename__} "
        f"INDEXED BY {SEARCH_MATCH_ORDER_INDEX} "
        f"WHERE id IN (SELECT rowid FROM {SEARCH_FTS_TABLE} WHERE {SEARCH_FTS_TABLE} MATCH :match) "
        f"ORDER BY search_keys {direction}, customer_id {direction} LIMIT :limit OFFSET :offset"
    ).columns(CustomerSearch.customer_id)
    parameters = {"match": expression, "limit": request.limit, "offset": request.offset}
    return list(session.scalars(query, parameters))


def _few_matches(session: Session, expression: str, limit: int) -> bool:
    """Whether at most `limit` documents match the FTS5 expression."""
    return _at_most(session, select(_FTS.c.rowid).where(_fts_match(expression)), limit)


def _at_most(session: Session, query: Select[Any], limit: int) -> bool:
    """Whether `query` gives at most `limit` rows."""
    # Counted in SQL: handing thousands of ids over to Python costs more than reading them.
    some = query.limit(limit + 1).subquery()
    return session.execute(select(func.count()).select_from(some)).scalar_one() <= limit


def _document_like(search: str) -> list[ColumnElement[bool]]:
    """The search as LIKE conditions on a customer's document, one per typed word."""
    padded = literal(" ") + CustomerSearch.document + literal(" ")
    return [or_(*(padded.like(p) for p in term)) for term in like_patterns(search)]


def _unindexed(column: InstrumentedAttribute[T]) -> ColumnElement[T]:
    """The column as an expression no index can serve (`column || ''`), same values."""
    return type_coerce(column.op("||")(literal_column("''")), column.type)


def _as_is(column: InstrumentedAttribute[T]) -> ColumnElement[T]:
    return column.expression


def _place_conditions(
    criteria: CustomerFilter,
    shown: Callable[[InstrumentedAttribute[str | None]], ColumnElement[str | None]] = _as_is,
) -> list[ColumnElement[bool]]:
    conditions = []
    if criteria.province:
        conditions.append(shown(Customer.province) == criteria.province)
    if criteria.city:
        conditions.append(shown(Customer.city) == criteria.city)
    return conditions


def _few_in_place(session: Session, criteria: CustomerFilter) -> bool:
    """Whether the chosen province or city has few enough customers to read them all
    through the place index and sort them (a place may hold a tenth of all customers,
    or a handful)."""
    place = _place_conditions(criteria)
    if not place:
        return False
    return _at_most(session, select(Customer.id).where(*_live(), *place), SORTED_MATCHES_LIMIT)


def _fts_match(expression: str) -> ColumnElement[bool]:
    return literal_column(SEARCH_FTS_TABLE).op("MATCH")(expression)


def _conditions(
    criteria: CustomerFilter, today: date, *, paging_in: Session | None = None
) -> list[ColumnElement[bool]]:
    """The filter's conditions, search left out (counts and pages search differently).

    `paging_in`: the session of a page read, where walking the list's order and checking
    each customer beats reading every customer of a stage, level, owner or large place
    (a fifth of all, say) through their index and sorting them, which SQLite would
    otherwise do. The trick is SQLite's alone: PostgreSQL has no `uuid || text`.
    """
    conditions: list[ColumnElement[bool]] = []
    sqlite_page = paging_in if paging_in is not None and _dialect(paging_in) == "sqlite" else None
    shown = _as_is if sqlite_page is None else _unindexed
    if criteria.lifecycle_stages:
        conditions.append(shown(Customer.lifecycle_stage).in_(criteria.lifecycle_stages))
    if criteria.levels:
        conditions.append(shown(Customer.level).in_(criteria.levels))
    if criteria.owner_ids:
        conditions.append(shown(Customer.owner_id).in_(criteria.owner_ids))
    if criteria.segments:
        conditions.append(
            exists().where(
                CustomerValue.customer_id == Customer.id,
                CustomerValue.segment.in_(criteria.segments),
            )
        )
    if criteria.tag_ids:
        conditions.append(
            exists().where(
                CustomerTag.customer_id == Customer.id,
                CustomerTag.tag_id.in_(criteria.tag_ids),
                CustomerTag.deleted_at.is_(None),
            )
        )
    few = sqlite_page is None or _few_in_place(sqlite_page, criteria)
    conditions.extend(_place_conditions(criteria, _as_is if few else _unindexed))
    overdue = exists().where(
        FollowUp.customer_id == Customer.id,
        FollowUp.status == FollowUpStatus.PLANNED,
        FollowUp.deleted_at.is_(None),
        FollowUp.due_on < today,
    )
    open_complaint = exists().where(
        Complaint.customer_id == Customer.id,
        Complaint.deleted_at.is_(None),
        Complaint.status.not_in(FINISHED_STATUSES),
    )
    for wanted, condition in (
        (criteria.has_overdue_follow_up, overdue),
        (criteria.has_open_complaint, open_complaint),
    ):
        if wanted is not None:
            conditions.append(condition if wanted else ~condition)
    return conditions


_SORT_KEYS = frozenset(CustomerSort)
# Orders served by an index on these columns and id; the other sort keys are segmented.
_COLUMN_ORDERS: dict[str, tuple[ColumnElement[Any], ...]] = {
    CustomerSort.NAME: (Customer.search_keys.expression,),
    CustomerSort.CODE: (Customer.code.expression,),
    CustomerSort.CREATED: (Customer.created_at.expression,),
    CustomerSort.UPDATED: (Customer.updated_at.expression,),
    CustomerSort.LOCATION: (Customer.province.expression, Customer.city.expression),
    CustomerSort.PHONE: (Customer.phone.expression,),
    CustomerSort.EMAIL: (Customer.email.expression,),
}
