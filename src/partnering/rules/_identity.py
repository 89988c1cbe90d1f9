"""Ids that name one record each: an id used twice in one list.

Only the first record with an id stands for it, so the later ones are reported, and references
to the id resolve to the first.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnering._text import quote
from partnering.report import Issue
from partnering.rules._index import Index
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["duplicate_ids"]


def duplicate_ids(index: Index, today: date) -> Iterator[Issue]:
    """Report every record whose id an earlier record of the same list has.

    Example:
        >>> demo(duplicate_ids, {"partners": [{"id": "a"}, {"id": "b"}, {"id": "a"}]})
        ['duplicate-id at /partners/2/id']
    """
    for entity in index.entities.lists:
        if not index.repeats_ids(entity.name):
            continue
        first = index.ids(entity.name)
        for i, record in index.records(entity.name):
            ident = record.get("id")
            if not isinstance(ident, str):
                continue
            earlier = first[ident]
            if earlier != i:
                yield issue(
                    "duplicate-id",
                    (entity.name, i, "id"),
                    f"the id {quote(ident)} is already used by the {entity.noun} at index "
                    f"{earlier}",
                    value=ident,
                )
