"""Several respondents, and the change since the last time: how an assessment's voices agree.

Since format 1.1 an assessment may list its respondents, each described by sector and role,
and give one rating per respondent for each building block. This module says, for one block:

- the **spread** of its ratings (:class:`Spread`): which respondents gave each rating;
- where the **sectors diverge** (:class:`Divergence`): a respondent of one sector rates the
  block red where a respondent of another sector rates it green, two steps apart;
- its **overall rating** (:func:`overall_rating`): the most serious of its ratings, so that
  one respondent's serious concern is never averaged away;
- its **change** (:class:`Change`) since the platform's previous assessment against the same
  framework, comparing overall ratings.

Example:
    >>> from partnering import Rating
    >>> overall_rating([Rating.GREEN, Rating.RED, Rating.NOT_APPLICABLE])
    <Rating.RED: 'red'>
    >>> direction(Rating.RED, Rating.AMBER)
    <Direction.BETTER: 'better'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence

import attrs

from partnering.codelists import Rating, Sector
from partnering.models import Assessment, BuildingBlockRating

__all__ = [
    "Change",
    "Direction",
    "Divergence",
    "Spread",
    "Voices",
    "change",
    "direction",
    "divergences",
    "overall_rating",
    "previous_assessments",
    "spread",
]

# The steps of the scale, the most serious first; not applicable is no step of it.
_STEP = {Rating.RED: 0, Rating.AMBER: 1, Rating.GREEN: 2}
_ORDER = (Rating.RED, Rating.AMBER, Rating.GREEN, Rating.NOT_APPLICABLE)


class Direction(enum.Enum):
    """How a building block's overall rating moved since the previous assessment."""

    BETTER = "better"
    WORSE = "worse"
    UNCHANGED = "unchanged"
    #: Rated not applicable now or before, so there is no step to compare.
    NOT_COMPARABLE = "not_comparable"
    #: Not rated by the previous assessment.
    NEW = "new"


def overall_rating(ratings: Iterable[Rating]) -> Rating:
    """Return the most serious rating, red before amber before green.

    Not applicable counts only when every rating says so. With one rating, it is that
    rating. The most serious, rather than the median, because a health check asks every
    partner in order to find concerns: one partner's red is a finding, and the median of two
    ratings is not defined.

    Raises:
        ValueError: there is no rating.

    Example:
        >>> overall_rating([Rating.NOT_APPLICABLE, Rating.NOT_APPLICABLE])
        <Rating.NOT_APPLICABLE: 'not_applicable'>
    """
    given = set(ratings)
    if not given:
        raise ValueError("there is no rating to combine")
    return min(given, key=_ORDER.index)


def direction(before: Rating, now: Rating) -> Direction:
    """Return how an overall rating moved from ``before`` to ``now``.

    Example:
        >>> direction(Rating.GREEN, Rating.NOT_APPLICABLE)
        <Direction.NOT_COMPARABLE: 'not_comparable'>
    """
    if before not in _STEP or now not in _STEP:
        return Direction.NOT_COMPARABLE
    if _STEP[now] > _STEP[before]:
        return Direction.BETTER
    if _STEP[now] < _STEP[before]:
        return Direction.WORSE
    return Direction.UNCHANGED


@attrs.frozen(kw_only=True)
class Voices:
    """The respondents who gave a building block one rating.

    Attributes:
        rating: the rating.
        respondents: the keys of the respondents who gave it, in the assessment's order of
            respondents (a key the assessment does not list comes after, in rating order).
        unnamed: how many ratings of this value name no respondent: the assessment's own
            voice, which counts as one more.
    """

    rating: Rating
    respondents: tuple[str, ...] = ()
    unnamed: int = 0

    @property
    def count(self) -> int:
        """How many ratings of this value the block has."""
        return len(self.respondents) + self.unnamed


@attrs.frozen(kw_only=True)
class Divergence:
    """A pair of sectors two steps apart on one block: one rates it red, the other green.

    Attributes:
        red: the sector of the respondents who rate it red.
        green: the sector of the respondents who rate it green.
        red_respondents: the keys of those respondents of ``red`` who rate it red.
        green_respondents: the keys of those respondents of ``green`` who rate it green.
    """

    red: Sector
    green: Sector
    red_respondents: tuple[str, ...]
    green_respondents: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Spread:
    """How the ratings of one building block are spread over the scale.

    Attributes:
        voices: one entry per rating, red, amber, green, then not applicable, each present
            even when no respondent gave it.
        divergences: the pairs of sectors that rate the block red and green; empty when
            the sectors agree within a step.
    """

    voices: tuple[Voices, ...]
    divergences: tuple[Divergence, ...] = ()

    def of(self, rating: Rating) -> Voices:
        """Return the respondents who gave ``rating``."""
        return next(voices for voices in self.voices if voices.rating == rating)

    @property
    def diverges(self) -> bool:
        """Whether two sectors rate the block two steps apart."""
        return bool(self.divergences)


def divergences(
    ratings: Sequence[BuildingBlockRating], sectors: Mapping[str, Sector]
) -> tuple[Divergence, ...]:
    """Return the pairs of sectors whose respondents rate one block red and green.

    Args:
        ratings: the block's ratings.
        sectors: the sector of each respondent, by key. Ratings by no respondent, or by one
            the assessment does not list, have no sector and take no part.

    Example:
        >>> from partnering import BuildingBlockRating as R
        >>> found = divergences(
        ...     [R(building_block_id="b", rating=Rating.RED, respondent="r1"),
        ...      R(building_block_id="b", rating=Rating.GREEN, respondent="r2")],
        ...     {"r1": Sector.PRIVATE, "r2": Sector.PUBLIC},
        ... )
        >>> [(item.red.value, item.green.value) for item in found]
        [('private', 'public')]
    """
    by_sector: dict[tuple[Rating, Sector], list[str]] = {}
    for rating in ratings:
        key = rating.respondent
        sector = None if key is None else sectors.get(key)
        if key is not None and sector is not None and rating.rating in (Rating.RED, Rating.GREEN):
            by_sector.setdefault((rating.rating, sector), []).append(key)
    found = [
        Divergence(
            red=red,
            green=green,
            red_respondents=tuple(by_sector[Rating.RED, red]),
            green_respondents=tuple(by_sector[Rating.GREEN, green]),
        )
        for red in Sector
        for green in Sector
        if red != green and (Rating.RED, red) in by_sector and (Rating.GREEN, green) in by_sector
    ]
    return tuple(found)


def spread(ratings: Sequence[BuildingBlockRating], assessment: Assessment) -> Spread:
    """Return the spread of one block's ratings among an assessment's respondents.

    Example:
        >>> from datetime import date
        >>> from partnering import Assessment, BuildingBlockRating as R, Respondent
        >>> ratings = (R(building_block_id="b", rating=Rating.RED, respondent="r2"),
        ...            R(building_block_id="b", rating=Rating.RED, respondent="r1"))
        >>> assessment = Assessment(
        ...     id="a", platform_id="p", framework_id="f", assessed_on=date(2020, 1, 1),
        ...     ratings=ratings, respondents=(Respondent(key="r1", sector=Sector.PUBLIC),
        ...                                   Respondent(key="r2", sector=Sector.PUBLIC)))
        >>> spread(ratings, assessment).of(Rating.RED).respondents
        ('r1', 'r2')
    """
    place = {respondent.key: i for i, respondent in enumerate(assessment.respondents)}
    unlisted = len(place)
    voices = []
    for value in _ORDER:
        named = [r.respondent for r in ratings if r.rating == value and r.respondent is not None]
        named.sort(key=lambda key: place.get(key, unlisted))
        unnamed = sum(1 for r in ratings if r.rating == value and r.respondent is None)
        voices.append(Voices(rating=value, respondents=tuple(named), unnamed=unnamed))
    sectors = {respondent.key: respondent.sector for respondent in assessment.respondents}
    return Spread(voices=tuple(voices), divergences=divergences(ratings, sectors))


@attrs.frozen(kw_only=True)
class Change:
    """How a building block's overall rating moved since the previous assessment.

    Attributes:
        before: the block's overall rating in the previous assessment, or ``None`` when it
            did not rate the block.
        now: the block's overall rating now.
        direction: better, worse, unchanged, not comparable (not applicable on either side)
            or new (not rated before).
        previous_ratings: the block's ratings in the previous assessment, in its order.
    """

    before: Rating | None
    now: Rating
    direction: Direction
    previous_ratings: tuple[BuildingBlockRating, ...] = ()


def change(block_id: str, now: Rating, previous: Sequence[Assessment]) -> Change:
    """Compare a block's overall rating now with its overall rating in ``previous``.

    Example:
        >>> from datetime import date
        >>> from partnering import Assessment, BuildingBlockRating as R
        >>> before = Assessment(
        ...     id="a", platform_id="p", framework_id="f", assessed_on=date(2019, 1, 1),
        ...     ratings=(R(building_block_id="b", rating=Rating.AMBER),))
        >>> change("b", Rating.RED, [before]).direction
        <Direction.WORSE: 'worse'>
    """
    ratings = tuple(
        rating
        for assessment in previous
        for rating in assessment.ratings
        if rating.building_block_id == block_id
    )
    if not ratings:
        return Change(before=None, now=now, direction=Direction.NEW)
    before = overall_rating(rating.rating for rating in ratings)
    return Change(
        before=before, now=now, direction=direction(before, now), previous_ratings=ratings
    )


def previous_assessments(
    assessment: Assessment, others: Iterable[Assessment]
) -> tuple[Assessment, ...]:
    """Return the assessment's previous ones: same platform and framework, the latest before.

    The previous assessment is the one of the same platform against the same framework made
    on the latest day before ``assessment.assessed_on``. When several were made on that day,
    all of them are returned, in the order given, and their ratings are pooled.

    Example:
        >>> from datetime import date
        >>> from partnering import Assessment, BuildingBlockRating as R
        >>> def made(ident, year):
        ...     return Assessment(id=ident, platform_id="p", framework_id="f",
        ...                       assessed_on=date(year, 1, 1),
        ...                       ratings=(R(building_block_id="b", rating=Rating.RED),))
        >>> a, b, c = made("a", 2018), made("b", 2019), made("c", 2020)
        >>> [item.id for item in previous_assessments(c, [c, a, b])]
        ['b']
    """
    earlier = [
        other
        for other in others
        if other.platform_id == assessment.platform_id
        and other.framework_id == assessment.framework_id
        and other.assessed_on < assessment.assessed_on
    ]
    if not earlier:
        return ()
    latest = max(other.assessed_on for other in earlier)
    return tuple(other for other in earlier if other.assessed_on == latest)
