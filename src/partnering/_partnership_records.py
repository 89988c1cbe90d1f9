"""The records a partnership holds from format 1.1 on: the resources its partners commit.

:mod:`partnering.models` imports them and re-exports them; they live apart to keep that
module short. They follow the same rules: frozen attrs classes, fields declared once with
their constraints and relations.

Example:
    >>> from decimal import Decimal
    >>> grant = Commitment(
    ...     kind=ResourceKind.FINANCIAL, amount=Decimal("0.1"), currency="KES", provider_id="gov-ke"
    ... )
    >>> grant.amount
    Decimal('0.1')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from partnering._constraints import Amount, Currency
from partnering._fields import _LONG_TEXT, _field, _model, _optional, _ref
from partnering._relations import Dated
from partnering.codelists import ResourceKind

__all__ = ["Commitment"]


@attrs.frozen(kw_only=True)
@_model
class Commitment:
    """A resource a partner commits to a partnership: money, in-kind support, staff..."""

    kind: ResourceKind = _field("What kind of resource it is.")
    provider_id: str | None = _ref(
        "The id of the partner that provides it, one of the partnership's participants.",
        "partners",
        "names provider",
        repeats=True,
    )
    amount: Decimal | None = _optional(
        "How much, as an exact number, in the currency given (zero or more).",
        Amount(),
    )
    currency: str | None = _optional(
        "The currency of the amount (ISO 4217, such as 'KES').", Currency()
    )
    description: str | None = _optional("What is committed, in words.", _LONG_TEXT)
    start_date: date | None = _optional("When the commitment starts.")
    end_date: date | None = _optional(
        "When the commitment ends.", dated=Dated(not_before="start_date")
    )
