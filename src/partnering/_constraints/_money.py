"""Constraints of resources: an exact amount, and an ISO 4217 currency code."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from partnering._constraints._base import Breach, Constraint
from partnering._constraints._scalars import Range
from partnering._currencies import is_currency
from partnering._text import excerpt

__all__ = ["Amount", "Currency"]


_AT_LEAST_ZERO = Range(minimum=0)


@attrs.frozen
class Amount(Constraint):
    """An amount of money or support: an exact number, zero or more.

    The schema keeps the JSON type ``number`` and ``minimum: 0``; no float is involved, so an
    amount of ``0.1`` stays the decimal 0.1.

    Example:
        >>> Amount().breach(Decimal("0.1")) is None
        True
        >>> Amount().breach(Decimal("-0.5")).problem
        'is -0.5; it must be at least 0'
    """

    code = "out-of-range"
    keywords = ("minimum",)

    def breach(self, value: Any) -> Breach | None:
        if isinstance(value, Decimal) and not value.is_finite():
            return Breach(self.code, f"is {excerpt(value)}; an amount must be a finite number")
        return _AT_LEAST_ZERO.breach(value)  # worded as the schema's minimum is

    def schema(self) -> dict[str, Any]:
        return {"minimum": 0}


@attrs.frozen
class Currency(Constraint):
    """An ISO 4217 alphabetic currency code, such as ``KES``, checked with pycountry.

    The schema states it as a reference to the definition that lists the codes, whose
    ``enum`` is the keyword a wrong code breaks.

    Example:
        >>> Currency().breach("KES") is None
        True
        >>> Currency().breach("KSh").problem
        "is 'KSh', which is not an ISO 4217 currency code"
    """

    code = "unknown-code"
    keywords = ("$ref", "enum")

    def breach(self, value: Any) -> Breach | None:
        if is_currency(value):
            return None
        problem = f"is {excerpt(value)}, which is not an ISO 4217 currency code"
        hint = "Write the currency's three capital letters as ISO 4217 lists them, such as 'KES'."
        return Breach(self.code, problem, hint)

    def schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/currency_code"}
