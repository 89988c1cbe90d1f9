"""How a rule reports: an issue of a catalogued code, with the catalogue's severity and hint.

Each code's severity and default hint are written once, in :data:`partnering.catalogue.RULE_CODES`.
A rule passes a hint of its own only where it says more than the catalogue's, such as the id
to add or the list to add it to.

Example:
    >>> found = issue("date-in-future", ("platforms", 0, "launched_on"), "too late")
    >>> found.severity.value, found.hint
    ('warning', 'Correct the date, or leave it out until it has happened.')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from partnering._text import excerpt
from partnering.catalogue import RULE_CODES
from partnering.entities import ENTITIES
from partnering.report import Issue, Path
from partnering.rules._index import ABSENT, Index

__all__ = ["Rule", "demo", "issue"]

#: A rule: it reads the index and yields what it finds, given the date that is today.
Rule = Callable[[Index, date], Iterator[Issue]]


def issue(
    code: str, path: Path, message: str, hint: str | None = None, value: Any = ABSENT
) -> Issue:
    """Report one issue of a rule code at ``path``, showing ``value`` in the excerpt if given.

    Args:
        code: a code of :data:`~partnering.catalogue.RULE_CODES`, which gives the severity.
        path: where the issue is.
        message: what is wrong, naming the record.
        hint: what to do, where it says more than the catalogue's hint; by default that one.
        value: the offending value, shown briefly; by default no excerpt.
    """
    return Issue(
        code=code,
        severity=RULE_CODES[code].severity,
        path=path,
        message=message,
        hint=RULE_CODES[code].hint if hint is None else hint,
        excerpt=None if value is ABSENT else excerpt(value),
    )


def demo(rule: Rule, data: Mapping[str, Any], today: date = date(2026, 1, 1)) -> list[str]:
    """Run one rule on ``data`` and list what it reports as ``code at pointer`` (for examples)."""
    return [f"{found.code} at {found.pointer}" for found in rule(Index(data, ENTITIES), today)]
