"""Assessments with several respondents (format 1.1): each rating names one of them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnering._text import quote
from partnering.report import Issue
from partnering.rules._index import Index, first_places, objects
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["unknown_respondents"]


def unknown_respondents(index: Index, today: date) -> Iterator[Issue]:
    """Report ratings that name a respondent the assessment does not list, and repeated keys.

    Example:
        >>> assessment = {"respondents": [{"key": "r1"}, {"key": "r1"}],
        ...               "ratings": [{"respondent": "r1"}, {"respondent": "r2"}]}
        >>> demo(unknown_respondents, {"schema_version": "1.1", "assessments": [assessment]})
        ['duplicate-respondent at /assessments/0/respondents/1/key', \
'unknown-respondent at /assessments/0/ratings/1/respondent']
    """
    if not index.holds("1.1"):
        return
    for i, record in index.records("assessments"):
        keys, repeats = first_places(record.get("respondents"), "key")
        for k, key, earlier in repeats:
            yield issue(
                "duplicate-respondent",
                ("assessments", i, "respondents", k, "key"),
                f"{index.name_of('assessments', record, i)} lists respondent {quote(key)} "
                f"twice; the first is at index {earlier} of respondents",
                value=key,
            )
        for j, rating in objects(record.get("ratings")):
            named = rating.get("respondent")
            if isinstance(named, str) and named not in keys:
                yield issue(
                    "unknown-respondent",
                    ("assessments", i, "ratings", j, "respondent"),
                    f"{index.name_of('assessments', record, i)} has a rating by respondent "
                    f"{quote(named)}, but lists no respondent with that key",
                    value=named,
                )
