"""`crmdesk value`: the real Online Retail orders imported headless, then every customer's
RFM segment computed against the last order in the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crmdesk.cli import main

RETAIL_SLICE = Path(__file__).parent.parent / "data" / "online_retail_slice.xlsx"


def test_imported_retail_orders_get_segments_as_of_their_last_order(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    db = str(db_path)
    main(["import", str(RETAIL_SLICE), "--db", db, "--entity", "orders", "--create-customers"])
    capsys.readouterr()

    code = main(["value", "--db", db, "--reference", "last-order", "--language", "en"])

    out = capsys.readouterr().out
    assert code == 0
    header = re.search(r"Reference day (\S+), 365-day window: ([\d,]+) customers", out)
    assert header is not None, out
    # The slice's orders end on this day: the window ends there, not today.
    assert header[1] == "2011-12-09"
    customers = int(header[2].replace(",", ""))
    counts = [int(n.replace(",", "")) for n in re.findall(r"^  \D+?\s+([\d,]+)$", out, re.M)]
    assert len(counts) == 8
    assert sum(counts) == customers > 0


def test_a_reference_that_is_no_day_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    assert main(["value", "--db", str(db_path), "--reference", "yesterday"]) == 2
    assert "neither today, last-order nor a date" in capsys.readouterr().err
