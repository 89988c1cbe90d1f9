"""What a record says it covers: the goals of its SDG targets, and the countries of its scope."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnering._patterns import SDG_TARGET
from partnering._text import quote
from partnering.report import Issue
from partnering.rules._index import ABSENT, ARRAY, Index, strings
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["missing_countries", "sdg_targets_without_goal"]


def sdg_targets_without_goal(index: Index, today: date) -> Iterator[Issue]:
    """Report SDG targets of partnerships whose goal is not among their ``sdgs``.

    Example:
        >>> data = {"partnerships": [{"sdgs": [17], "sdg_targets": ["17.17", "3.8"]}]}
        >>> demo(sdg_targets_without_goal, data)
        ['sdg-target-without-goal at /partnerships/0/sdg_targets/1']
    """
    for i, record in index.records("partnerships"):
        sdgs = record.get("sdgs", ())
        if not isinstance(sdgs, ARRAY):
            continue
        goals = {goal for goal in sdgs if type(goal) is int}
        for k, target in strings(record.get("sdg_targets")):
            match = SDG_TARGET.match(target)
            if match is None:
                continue
            goal = int(match.group(1))
            if goal not in goals:
                yield issue(
                    "sdg-target-without-goal",
                    ("partnerships", i, "sdg_targets", k),
                    f"{index.name_of('partnerships', record, i)} lists SDG target "
                    f"{quote(target)}, but not its goal, {goal}, in sdgs",
                    f"Add {goal} to sdgs, or correct the target.",
                    target,
                )


def missing_countries(index: Index, today: date) -> Iterator[Issue]:
    """Report national and subnational platforms that name no country.

    The issue points at ``countries`` whether the field is absent or empty, as the schema
    layer points at a missing field.

    Example:
        >>> demo(missing_countries, {"platforms": [{"id": "p", "scope": "national"}]})
        ['missing-country at /platforms/0/countries']
    """
    for i, record in index.records("platforms"):
        scope = record.get("scope")
        if not (isinstance(scope, str) and scope in ("national", "subnational")):
            continue
        countries = record.get("countries", ABSENT)
        if countries is ABSENT or (isinstance(countries, ARRAY) and not countries):
            yield issue(
                "missing-country",
                ("platforms", i, "countries"),
                f"{index.name_of('platforms', record, i)} has scope {quote(scope)} but lists no "
                "countries",
                value=countries,
            )
