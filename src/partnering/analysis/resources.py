"""What partners commit to partnerships (format 1.1): amounts by kind of resource and currency.

Amounts are never added across currencies, and stay exact: each sum is a
:class:`~decimal.Decimal` computed with no rounding, whatever the number of digits.

Example:
    >>> from decimal import Decimal
    >>> from partnering import Commitment, Participant, Partnership, ResourceKind, Dataset
    >>> def funded(ident, amount):
    ...     grant = Commitment(kind=ResourceKind.FINANCIAL, amount=Decimal(amount), currency="KES")
    ...     both = (Participant(partner_id="gov"), Participant(partner_id="biz"))
    ...     return Partnership(id=ident, title=ident, participants=both, resources=(grant,))
    >>> dataset = Dataset(partnerships=(funded("a", "0.1"), funded("b", "0.2")))
    >>> row = resources_by_kind(dataset).row("financial/KES")
    >>> row.amount, row.ids
    (Decimal('0.3'), ('a', 'b'))
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from partnering._currencies import currency_name
from partnering.analysis.figures import Count, Figure, Omission
from partnering.codelists import ResourceKind
from partnering.models import Commitment, Dataset

__all__ = ["NO_AMOUNT", "NO_CURRENCY", "resources_by_kind"]

#: The part of a row's key, after the kind, for commitments that give no amount.
NO_AMOUNT = "no-amount"
#: The part of a row's key, after the kind, for amounts that name no currency.
NO_CURRENCY = "no-currency"

# Sums are exact: enough digits for any sum of finite amounts, and an error rather than a
# rounding should that ever fall short.
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.Overflow, decimal.InvalidOperation],
)
_KINDS = tuple(ResourceKind)


def _key(commitment: Commitment) -> str:
    if commitment.amount is None:
        return f"{commitment.kind.value}/{NO_AMOUNT}"
    if commitment.currency is None:
        return f"{commitment.kind.value}/{NO_CURRENCY}"
    return f"{commitment.kind.value}/{commitment.currency}"


def _label(key: str) -> str:
    kind, _, rest = key.partition("/")
    title = ResourceKind(kind).title
    if rest == NO_AMOUNT:
        return f"{title}, no amount given"
    if rest == NO_CURRENCY:
        return f"{title}, amounts in no stated currency"
    return f"{title}, {currency_name(rest) or rest} ({rest})"


def _order(row: Count) -> tuple[int, int, str]:
    kind, _, rest = row.key.partition("/")
    last = {NO_CURRENCY: 1, NO_AMOUNT: 2}.get(rest, 0)
    return (_KINDS.index(ResourceKind(kind)), last, rest)


def resources_by_kind(dataset: Dataset) -> Figure:
    """Sum what partners commit to partnerships, per kind of resource and currency.

    Each row is a kind and a currency (key ``financial/KES``): its ``amount`` is the exact
    sum of the amounts committed of that kind in that currency, and its ids the
    partnerships with such a commitment. Commitments that give no amount are counted in a
    row of their kind with no amount (``staff/no-amount``), and amounts that name no currency
    in one of their own (``financial/no-currency``): neither adds to any sum, and neither
    is dropped. Partnerships that list no resources are left out.

    Example:
        >>> from partnering import load, example_path
        >>> resources_by_kind(load(example_path())).left_out[0].reason
        'no resources listed'
    """
    sums: dict[str, Decimal | None] = {}
    ids: dict[str, set[str]] = {}
    left_out: list[str] = []
    for partnership in dataset.partnerships:
        if not partnership.resources:
            left_out.append(partnership.id)
        for commitment in partnership.resources:
            key = _key(commitment)
            ids.setdefault(key, set()).add(partnership.id)
            amount, so_far = commitment.amount, sums.get(key)
            if amount is None or commitment.currency is None:
                sums[key] = None
            else:
                sums[key] = amount if so_far is None else _EXACT.add(so_far, amount)
    counts = sorted(
        (
            Count(key=key, label=_label(key), ids=tuple(sorted(ids[key])), amount=sums[key])
            for key in ids
        ),
        key=_order,
    )
    return Figure(
        name="resources-by-kind",
        title="Resources committed, by kind and currency",
        unit="partnerships",
        definition=(
            "Each row sums the amounts committed of one kind of resource in one currency, and "
            "lists the partnerships with such a commitment; amounts in different currencies "
            "are never added. Commitments with no amount, or no currency, have rows of their "
            "own and no sum. Partnerships that list no resources are left out."
        ),
        total=len(dataset.partnerships),
        counts=tuple(counts),
        left_out=(
            (Omission(reason="no resources listed", ids=tuple(sorted(left_out))),)
            if left_out
            else ()
        ),
        multiple=True,
        summed="amount committed",
    )
