"""Assessments against a framework: each of its building blocks rated once, and no other."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from partnering._text import quote
from partnering.report import Issue
from partnering.rules._index import ARRAY, Index, Record, objects
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["duplicate_ratings", "ratings_of_other_frameworks", "unrated_building_blocks"]


def _rated_blocks(record: Record) -> Iterator[tuple[int, str]]:
    """Yield the building block ids an assessment rates, with the index of each rating."""
    for j, rating in objects(record.get("ratings")):
        block = rating.get("building_block_id")
        if isinstance(block, str):
            yield j, block


def _blocks_by_framework(index: Index) -> Mapping[str, list[str]]:
    """Return the building block ids of each framework id, in the order of the file."""
    blocks: dict[str, list[str]] = {}
    for ident in index.ids("building_blocks"):
        found = index.record("building_blocks", ident)
        framework = None if found is None else found.get("framework_id")
        if isinstance(framework, str):
            blocks.setdefault(framework, []).append(ident)
    return blocks


def ratings_of_other_frameworks(index: Index, today: date) -> Iterator[Issue]:
    """Report ratings of building blocks that belong to another framework than the assessment's.

    Example:
        >>> data = {
        ...     "assessments": [{"framework_id": "f", "ratings": [{"building_block_id": "b"}]}],
        ...     "building_blocks": [{"id": "b", "framework_id": "g"}],
        ... }
        >>> demo(ratings_of_other_frameworks, data)
        ['rating-of-other-framework at /assessments/0/ratings/0/building_block_id']
    """
    for i, record in index.records("assessments"):
        framework = record.get("framework_id")
        if not isinstance(framework, str):
            continue
        for j, block in _rated_blocks(record):
            found = index.record("building_blocks", block)
            other = None if found is None else found.get("framework_id")
            if isinstance(other, str) and other != framework:
                yield issue(
                    "rating-of-other-framework",
                    ("assessments", i, "ratings", j, "building_block_id"),
                    f"{index.name_of('assessments', record, i)} is against framework "
                    f"{quote(framework)}, but rates building block {quote(block)} of framework "
                    f"{quote(other)}",
                    value=block,
                )


def duplicate_ratings(index: Index, today: date) -> Iterator[Issue]:
    """Report the second and later ratings of one building block by one voice in one assessment.

    Since format 1.1, a rating may name its respondent: each respondent rates each building
    block at most once, and the ratings that name none count as one more voice.

    Example:
        >>> ratings = [{"building_block_id": "b"}, {"building_block_id": "b"}]
        >>> demo(duplicate_ratings, {"assessments": [{"ratings": ratings}]})
        ['duplicate-rating at /assessments/0/ratings/1/building_block_id']
        >>> ratings = [{"building_block_id": "b", "respondent": "r1"},
        ...            {"building_block_id": "b", "respondent": "r2"}]
        >>> data = {"schema_version": "1.1", "assessments": [{"ratings": ratings}]}
        >>> demo(duplicate_ratings, data)
        []
    """
    by_respondent = index.holds("1.1")
    for i, record in index.records("assessments"):
        first: dict[tuple[str, str | None], int] = {}
        ratings: Any = record.get("ratings")  # a list: _rated_blocks yields its objects
        for j, block in _rated_blocks(record):
            respondent = ratings[j].get("respondent") if by_respondent else None
            voice = respondent if isinstance(respondent, str) else None
            earlier = first.setdefault((block, voice), j)
            if earlier != j:
                by = "" if voice is None else f" for respondent {quote(voice)}"
                yield issue(
                    "duplicate-rating",
                    ("assessments", i, "ratings", j, "building_block_id"),
                    f"{index.name_of('assessments', record, i)} rates building block "
                    f"{quote(block)} again{by}; its first rating is at index {earlier} of "
                    "ratings",
                    value=block,
                )


def unrated_building_blocks(index: Index, today: date) -> Iterator[Issue]:
    """Report each building block of an assessment's framework that the assessment leaves unrated.

    Example:
        >>> data = {
        ...     "assessments": [{"framework_id": "f", "ratings": [{"building_block_id": "a"}]}],
        ...     "building_blocks": [
        ...         {"id": "a", "framework_id": "f"}, {"id": "b", "framework_id": "f"}
        ...     ],
        ... }
        >>> demo(unrated_building_blocks, data)
        ['unrated-building-block at /assessments/0/ratings']
    """
    by_framework: Mapping[str, list[str]] | None = None
    for i, record in index.records("assessments"):
        framework = record.get("framework_id")
        ratings = record.get("ratings")
        if not isinstance(framework, str) or not isinstance(ratings, ARRAY):
            continue
        if by_framework is None:
            by_framework = _blocks_by_framework(index)
        blocks = by_framework.get(framework, ())
        if not blocks:
            continue
        rated = {block for _, block in _rated_blocks(record)}
        for block in blocks:
            if block not in rated:
                yield issue(
                    "unrated-building-block",
                    ("assessments", i, "ratings"),
                    f"{index.name_of('assessments', record, i)} does not rate building block "
                    f"{quote(block)} of framework {quote(framework)}",
                    f"Add a rating for {quote(block)}; rate it 'not_applicable' if it does not "
                    "apply.",
                    ratings,
                )
