"""Importing a line-level order sheet (tests/data/online_retail_slice.xlsx, invoice lines
of the UCI Online Retail shop): orders with lines, cancellation invoices negative, totals
right, customers linked, made or refused."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from factories import TestClock
from python_calamine import CalamineWorkbook

from crmdesk.db.engine import Database
from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions, RowAction
from crmdesk.domain.orders import OrderFilter, OrderRecord
from crmdesk.domain.paging import PageRequest
from crmdesk.io.import_source import open_source
from crmdesk.services.customers import CustomerService
from crmdesk.services.importing import run_import, undo_import
from crmdesk.services.orders import OrderService

SLICE = Path(__file__).parent.parent / "data" / "online_retail_slice.xlsx"
WITH_CUSTOMERS = ImportOptions(ImportEntity.ORDERS, create_customers=True)


def invoices() -> dict[str, list[list[object]]]:
    """The slice's lines by invoice number, read independently of the import."""
    book = CalamineWorkbook.from_path(str(SLICE))
    lines = book.get_sheet_by_name(book.sheet_names[0]).to_python()[1:]
    grouped: dict[str, list[list[object]]] = defaultdict(list)
    for line in lines:
        number = line[0]
        grouped[f"{number:.0f}" if isinstance(number, float) else str(number)].append(line)
    return grouped


def importable(lines: list[list[object]]) -> bool:
    """A customer on every line and no negative price (shop adjustments)."""
    return all(line[6] != "" and float(line[5]) >= 0 for line in lines)  # type: ignore[arg-type]


def stored_orders(database: Database) -> dict[str, OrderRecord]:
    page = OrderService(database).list(OrderFilter(), PageRequest(limit=1_000))
    return {order.number: order for order in page.items}


def test_lines_become_orders_with_cancellations_negative_and_totals_right(
    database: Database,
) -> None:
    expected = {n: lines for n, lines in invoices().items() if importable(lines)}

    result = run_import(database, open_source(SLICE, ImportEntity.ORDERS), WITH_CUSTOMERS)

    orders = stored_orders(database)
    assert sorted(orders) == sorted(expected)
    assert any(len(lines) > 1 for lines in expected.values())  # grouping is exercised
    assert result.records_created["order_line"] == sum(map(len, expected.values()))
    for number, lines in expected.items():
        order = orders[number]
        assert len(order.lines) == len(lines)
        total = sum(
            (Decimal(str(q)) * Decimal(str(p)) for _, _, _, q, _, p, _, _ in lines), Decimal(0)
        )
        assert order.total == total.quantize(Decimal("0.01"))
        if number.startswith("C"):
            assert order.total < 0
            assert all(line.quantity < 0 for line in order.lines)
    rejected = [o for o in result.outcomes if o.action is RowAction.REJECT]
    assert len(rejected) == sum(len(v) for n, v in invoices().items() if n not in expected)
    assert any(o.problems.get("customer") for o in rejected)
    one = next(iter(expected.values()))[0]
    code = f"{one[6]:.0f}"
    found = CustomerService(database).list(CustomerFilter(search=code)).items
    assert [(c.code, c.name) for c in found] == [(code, code)]


def test_orders_link_to_stored_customers_and_unknown_customers_are_refused(
    database: Database,
) -> None:
    number, lines = next((n, v) for n, v in invoices().items() if len(v) > 1 and importable(v))
    code = f"{lines[0][6]:.0f}"
    stored = CustomerService(database).create(CustomerDraft(name="Norway Toys", code=code))

    result = run_import(
        database, open_source(SLICE, ImportEntity.ORDERS), ImportOptions(ImportEntity.ORDERS)
    )

    orders = stored_orders(database)
    assert number in orders
    assert {order.customer_id for order in orders.values()} == {stored.id}
    messages = {o.problems["customer"].message for o in result.outcomes if "customer" in o.problems}
    assert any(m.startswith("No customer has the code or name") for m in messages)
    assert CustomerService(database).list(CustomerFilter()).total == 1


def test_the_same_invoices_again_are_skipped_and_undo_removes_the_import(
    database: Database,
) -> None:
    first = run_import(
        database, open_source(SLICE, ImportEntity.ORDERS), WITH_CUSTOMERS, clock=TestClock()
    )
    again = run_import(database, open_source(SLICE, ImportEntity.ORDERS), WITH_CUSTOMERS)
    assert again.counts.created == 0
    assert again.counts.skipped == first.counts.created
    assert again.batch_id is None

    assert first.batch_id is not None
    undone = undo_import(database, first.batch_id)
    assert undone.removed == sum(first.records_created.values())
    assert stored_orders(database) == {}
    assert CustomerService(database).list(CustomerFilter()).total == 0
