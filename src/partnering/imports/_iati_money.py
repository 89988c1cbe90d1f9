"""An IATI activity's budgets as the partnership's resources (format 1.1), and what stays apart.

Each ``budget`` becomes a :class:`~partnering.models.Commitment` of kind ``financial``: the
exact decimal amount, its currency (``value/@currency``, else the activity's
``@default-currency``), the period from ``period-start`` and ``period-end``, and as provider
the one participant that funds the activity (IATI role 1). A budget is kept under
``iati:budgets`` instead, with a finding at its element, when its amount is not an exact
decimal of zero or more, its currency is missing or no ISO 4217 code, or its period has no
such day or ends before it starts. An original budget for a period that a revised budget of
the same activity also covers is superseded: it stays under ``iati:budgets`` too, so that the
same money is not counted twice.

``planned-disbursement`` elements stay under ``iati:planned-disbursements``: they schedule
payments of the money the budgets already count, so as commitments they would count it twice.

Example:
    >>> from xml.etree.ElementTree import fromstring
    >>> activity = fromstring('''<iati-activity default-currency="EUR">
    ... <budget type="1"><period-start iso-date="2018-01-01"/><period-end iso-date="2018-12-31"/>
    ... <value>100000.50</value></budget>
    ... <budget type="1"><value currency="USD">-5</value></budget></iati-activity>''')
    >>> money = Money("a.xml activity 1", {"gov": ["funding"], "ngo": ["implementing"]})
    >>> resources, kept = money.budgets(activity)
    >>> [(r["amount"], r["currency"], r["provider_id"], r["start_date"]) for r in resources]
    [(Decimal('100000.50'), 'EUR', 'gov', '2018-01-01')]
    >>> [(f.code, f.where) for f in money.findings]
    [('budget-set-aside', 'a.xml activity 1 budget 2 value')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from xml.etree.ElementTree import Element

from partnering._currencies import is_currency
from partnering.codelists import ResourceKind
from partnering.imports._dates import is_real_date
from partnering.imports._findings import Finding

__all__ = ["Money", "element_data"]

_DECIMAL = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_NEGATIVE = re.compile(r"^-[0-9]+(?:\.[0-9]+)?$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_TYPES = {"1": "original", "2": "revised"}
_STATUSES = {"1": "indicative", "2": "committed"}


def element_data(element: Element) -> dict[str, Any]:
    """An element as JSON data: its attributes, its text, and its children by tag."""
    data: dict[str, Any] = dict(element.attrib)
    text = (element.text or "").strip()
    if text:
        data["text"] = text
    for child in element:
        data.setdefault(child.tag, []).append(element_data(child))
    return data


def _period(budget: Element, tag: str) -> str | None:
    found = budget.find(tag)
    return None if found is None else found.get("iso-date", "").strip()


class Money:
    """Reads the budgets of one activity; keeps the findings of what it did."""

    def __init__(self, where: str, roles: Mapping[str, Sequence[str]]) -> None:
        self.where = where
        self.findings: list[Finding] = []
        funders = [partner for partner, held in roles.items() if "funding" in held]
        self.provider = funders[0] if len(funders) == 1 else None
        self.funders = funders

    def note(self, code: str, where: str, value: str | None, detail: str) -> None:
        """Record a finding."""
        self.findings.append(Finding(code, where, value, None, detail))

    def budgets(self, activity: Element) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Return the commitments the budgets make, and the budgets kept under extensions."""
        default = (activity.get("default-currency") or "").strip()
        budgets = list(activity.iter("budget"))
        revised = {
            (_period(b, "period-start"), _period(b, "period-end"))
            for b in budgets
            if b.get("type") == "2"
        }
        resources: list[dict[str, Any]] = []
        kept: list[dict[str, Any]] = []
        for number, budget in enumerate(budgets, start=1):
            where = f"{self.where} budget {number}"
            period = (_period(budget, "period-start"), _period(budget, "period-end"))
            if budget.get("type") != "2" and period in revised:
                kept.append(element_data(budget))
                self.findings.append(
                    Finding(
                        "to-extensions",
                        where,
                        "budget",
                        "iati:budgets",
                        "an original budget superseded by the revised one for the same "
                        "period; kept apart so that its money is not counted twice",
                    )
                )
                continue
            resource = self.commitment(budget, where, default)
            if resource is None:
                kept.append(element_data(budget))
                continue
            if self.provider is None:
                funders = ", ".join(self.funders)
                self.note(
                    "provider-unknown",
                    where,
                    None,
                    (f"the funders are {funders}" if funders else "no participant funds it")
                    + "; kept as a resource without a provider",
                )
            resources.append(resource)
        return resources, kept

    def commitment(self, budget: Element, where: str, default: str) -> dict[str, Any] | None:
        """The commitment a budget makes, or ``None`` (and a finding) when it cannot."""
        value = budget.find("value")
        text = "" if value is None else (value.text or "").strip()
        at = f"{where} value"
        if not _DECIMAL.match(text):
            why = "it is negative" if _NEGATIVE.match(text) else "it is not an exact decimal"
            if not text:
                why = "it gives no amount"
            self.note(
                "budget-set-aside",
                at,
                text or None,
                f"{why}; an amount is a number of zero or more such as 1500.50; "
                "kept under iati:budgets",
            )
            return None
        given = "" if value is None else (value.get("currency") or "").strip()
        currency = given or default
        if not is_currency(currency):
            why = (
                f"{currency!r} is not an ISO 4217 currency code"
                if currency
                else "it names no currency, and the activity no default-currency"
            )
            self.note("budget-set-aside", at, currency or None, f"{why}; kept under iati:budgets")
            return None
        record: dict[str, Any] = {"kind": ResourceKind.FINANCIAL.value}
        if self.provider is not None:
            record["provider_id"] = self.provider
        record["amount"] = Decimal(text)
        record["currency"] = currency
        described = [
            _TYPES.get(budget.get("type", ""), ""),
            _STATUSES.get(budget.get("status", ""), ""),
        ]
        value_date = "" if value is None else (value.get("value-date") or "").strip()
        if value_date:
            described.append(f"value date {value_date}")
        words = ", ".join(word for word in described if word)
        record["description"] = f"IATI budget ({words})" if words else "IATI budget"
        for field, tag in (("start_date", "period-start"), ("end_date", "period-end")):
            day = _period(budget, tag)
            if not day:
                continue
            match = _ISO.match(day)
            if not match or not is_real_date(*(int(g) for g in match.groups())):
                self.note(
                    "date-impossible",
                    f"{where} {tag}",
                    day,
                    "no such day; the budget is kept under iati:budgets",
                )
                return None
            record[field] = day
        if record.get("end_date", "9999") < record.get("start_date", "0000"):
            self.note(
                "budget-set-aside",
                f"{where} period-end",
                record["end_date"],
                f"the period ends before it starts ({record['start_date']}); "
                "kept under iati:budgets",
            )
            return None
        return record

    def disbursements(self, activity: Element) -> list[dict[str, Any]]:
        """The planned disbursements, kept under extensions as they are."""
        found = [element_data(element) for element in activity.iter("planned-disbursement")]
        if found:
            self.findings.append(
                Finding(
                    "to-extensions",
                    self.where,
                    "planned-disbursement",
                    "iati:planned-disbursements",
                    "they schedule the money the budgets count; as resources they would "
                    "count it twice",
                )
            )
        return found
