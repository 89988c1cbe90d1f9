"""Resources of partnerships (format 1.1): each is provided by one of the partnership's partners."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnering._text import quote
from partnering.report import Issue
from partnering.rules._index import Index
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["providers_not_participants"]


def providers_not_participants(index: Index, today: date) -> Iterator[Issue]:
    """Report resources whose provider is not among the partnership's participants.

    A provider that names no partner at all is a ``dangling-reference`` too; this rule says
    only that the partnership does not list it.

    Example:
        >>> partnership = {"participants": [{"partner_id": "a"}, {"partner_id": "b"}],
        ...                "resources": [{"provider_id": "a"}, {"provider_id": "c"}]}
        >>> demo(providers_not_participants,
        ...      {"schema_version": "1.1", "partnerships": [partnership]})
        ['provider-not-participant at /partnerships/0/resources/1/provider_id']
    """
    if not index.holds("1.1"):
        return
    taking_part = index.nested("partnerships", "participants", "partner_id")
    records = index.items("partnerships")
    for i, (providers, places) in index.nested("partnerships", "resources", "provider_id").items():
        partners = set(taking_part[i][0]) if i in taking_part else set()
        for k, provider in zip(places, providers, strict=True):
            if provider not in partners:
                yield issue(
                    "provider-not-participant",
                    ("partnerships", i, "resources", k, "provider_id"),
                    f"{index.name_of('partnerships', records[i], i)} has a resource provided by "
                    f"{quote(provider)}, but that partner is not among its participants",
                    value=provider,
                )
