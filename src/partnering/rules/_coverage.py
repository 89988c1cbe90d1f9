"""What a record says it covers: the goals of its SDG targets, and the countries of its scope."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnering._patterns import SDG_TARGET
from partnering._subdivisions import country_of, is_subdivision
from partnering._text import quote
from partnering.report import Issue
from partnering.rules._index import ABSENT, ARRAY, Index, strings
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["missing_countries", "sdg_targets_without_goal", "subdivisions_outside_countries"]


def sdg_targets_without_goal(index: Index, today: date) -> Iterator[Issue]:
    """Report SDG targets of partnerships whose goal is not among their ``sdgs``.

    Example:
        >>> data = {"partnerships": [{"sdgs": [17], "sdg_targets": ["17.17", "3.8"]}]}
        >>> demo(sdg_targets_without_goal, data)
        ['sdg-target-without-goal at /partnerships/0/sdg_targets/1']
    """
    # The goal of each target, read once: a file names the same targets again and again.
    goal_of: dict[str, int | None] = {}
    for i, record in index.records("partnerships"):
        targets = record.get("sdg_targets")
        if not targets:
            continue  # no target, nothing to check: most partnerships name none
        sdgs = record.get("sdgs", ())
        if not isinstance(sdgs, ARRAY):
            continue
        goals = {goal for goal in sdgs if type(goal) is int}
        for k, target in strings(targets):
            if target in goal_of:
                goal = goal_of[target]
            else:
                match = SDG_TARGET.match(target)
                goal = goal_of[target] = None if match is None else int(match.group(1))
            if goal is not None and goal not in goals:
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


def subdivisions_outside_countries(index: Index, today: date) -> Iterator[Issue]:
    """Report subdivisions of platforms and partnerships outside the record's countries.

    A subdivision code starts with its country's code (``CA-AB`` is in ``CA``). Codes that
    are not ISO 3166-2 codes are the schema layer's to report.

    Example:
        >>> data = {"schema_version": "1.1",
        ...         "platforms": [{"countries": ["CA"], "subdivisions": ["CA-AB", "KE-30"]}]}
        >>> demo(subdivisions_outside_countries, data)
        ['subdivision-outside-countries at /platforms/0/subdivisions/1']
    """
    if not index.holds("1.1"):
        return
    for name in ("platforms", "partnerships"):
        for i, record in index.records(name):
            countries = {text for _, text in strings(record.get("countries"))}
            for k, code in strings(record.get("subdivisions")):
                country = country_of(code)
                if not is_subdivision(code) or country in countries:
                    continue
                yield issue(
                    "subdivision-outside-countries",
                    (name, i, "subdivisions", k),
                    f"{index.name_of(name, record, i)} lists subdivision {quote(code)}, of "
                    f"{quote(country)}, which is not among its countries",
                    f"Add {quote(country)} to countries, or correct the subdivision.",
                    code,
                )
