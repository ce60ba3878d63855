"""Money is integer minor units (分/cents) in storage and Decimal in Python; never float."""

from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")


def to_minor(amount: Decimal) -> int:
    """Round half up to the cent, the way a receipt does."""
    return int((amount.quantize(_CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())


def from_minor(minor: int) -> Decimal:
    return (Decimal(minor) / 100).quantize(_CENT)
