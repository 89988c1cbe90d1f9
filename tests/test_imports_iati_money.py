"""IATI budgets: each a resource of the partnership, or kept apart with a finding at its element."""

from __future__ import annotations

from decimal import Decimal
from xml.etree.ElementTree import fromstring

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering.imports._iati_money import Money

ONE_FUNDER = {"gov": ["funding", "accountable"], "ngo": ["implementing"]}


def _budget(
    value: str, currency: str = "", start: str = "2018-01-01", end: str = "2018-12-31"
) -> str:
    money = f' currency="{currency}"' if currency else ""
    return (
        f'<budget type="1" status="2"><period-start iso-date="{start}"/>'
        f'<period-end iso-date="{end}"/><value{money}>{value}</value></budget>'
    )


def _read(*budgets: str, default: str = "", roles: dict[str, list[str]] = ONE_FUNDER):  # type: ignore[no-untyped-def]
    attribute = f' default-currency="{default}"' if default else ""
    activity = fromstring(f"<iati-activity{attribute}>{''.join(budgets)}</iati-activity>")
    money = Money("f.xml activity 1", roles)
    resources, kept = money.budgets(activity)
    return resources, kept, [(f.code, f.where, f.value) for f in money.findings]


def test_a_budget_becomes_a_financial_resource_of_the_one_funder() -> None:
    resources, kept, findings = _read(_budget("1500.50", "KES"))
    assert resources == [
        {
            "kind": "financial",
            "provider_id": "gov",
            "amount": Decimal("1500.50"),
            "currency": "KES",
            "description": "IATI budget (original, committed)",
            "start_date": "2018-01-01",
            "end_date": "2018-12-31",
        }
    ]
    assert (kept, findings) == ([], [])


def test_the_currency_falls_back_to_the_activitys_default() -> None:
    resources, _, _ = _read(_budget("10"), default="EUR")
    assert resources[0]["currency"] == "EUR"


@pytest.mark.parametrize(
    ("budget", "where", "value"),
    [
        (_budget("12,000", "EUR"), "f.xml activity 1 budget 1 value", "12,000"),
        (_budget("1.5e4", "EUR"), "f.xml activity 1 budget 1 value", "1.5e4"),
        (_budget("-0.01", "EUR"), "f.xml activity 1 budget 1 value", "-0.01"),
        (_budget("", "EUR"), "f.xml activity 1 budget 1 value", None),
        (_budget("10", "KSh"), "f.xml activity 1 budget 1 value", "KSh"),
        (_budget("10"), "f.xml activity 1 budget 1 value", None),
        (
            _budget("10", "EUR", end="2017-12-31"),
            "f.xml activity 1 budget 1 period-end",
            "2017-12-31",
        ),
    ],
)
def test_a_budget_that_cannot_be_a_resource_is_kept_apart_at_its_element(
    budget: str, where: str, value: str | None
) -> None:
    resources, kept, findings = _read(budget)
    assert resources == []
    assert len(kept) == 1
    assert findings == [("budget-set-aside", where, value)]


def test_a_period_with_no_such_day_keeps_the_budget_apart() -> None:
    resources, kept, findings = _read(_budget("10", "EUR", start="2019-02-30"))
    assert (resources, len(kept)) == ([], 1)
    assert findings == [("date-impossible", "f.xml activity 1 budget 1 period-start", "2019-02-30")]


@pytest.mark.parametrize(
    "roles", [{"a": ["funding"], "b": ["funding"]}, {"a": ["implementing"], "b": ["extending"]}]
)
def test_without_exactly_one_funder_the_resource_has_no_provider(
    roles: dict[str, list[str]],
) -> None:
    resources, _, findings = _read(_budget("10", "EUR"), roles=roles)
    assert "provider_id" not in resources[0]
    assert findings == [("provider-unknown", "f.xml activity 1 budget 1", None)]


def test_an_original_budget_a_revised_one_covers_is_kept_apart() -> None:
    original = _budget("100", "EUR")
    revised = original.replace('type="1"', 'type="2"').replace(">100<", ">120<")
    resources, kept, findings = _read(original, revised)
    assert [r["amount"] for r in resources] == [Decimal(120)]
    assert kept[0]["value"] == [{"currency": "EUR", "text": "100"}]
    assert findings == [("to-extensions", "f.xml activity 1 budget 1", "budget")]


@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False))
def test_an_amount_is_read_exactly_as_written(amount: Decimal) -> None:
    resources, _, _ = _read(_budget(str(amount), "EUR"))
    assert resources[0]["amount"] == amount
    assert str(resources[0]["amount"]) == str(amount)
