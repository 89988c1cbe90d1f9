"""Strategies for single values: the leaves that the strategies of whole records are built of.

Each leaf follows what a field declares: its type and its constraints. Strategies are built
once, here or in cached functions: building them anew on every draw costs more than drawing
from them.

Example:
    >>> from hypothesis import find
    >>> find(matching(patterns.SDG_TARGET), lambda target: target.startswith("14."))
    '14.1'
"""

from __future__ import annotations

import functools
import string
from collections.abc import Collection
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st

from partnering import _patterns as patterns
from partnering._constraints import (
    COUNTRY_CODES,
    Constraint,
    Country,
    Currency,
    Length,
    MinItems,
    Pattern,
    Range,
    Subdivision,
    Text,
    UniqueItems,
    Uri,
)
from partnering._currencies import currency_codes
from partnering._format import MAX_INTEGER
from partnering._subdivisions import subdivision_codes
from partnering.partial_dates import PartialDate

T = TypeVar("T")

#: The longest list drawn inside a record; datasets take their own ``max_size``.
MAX_ITEMS = 3
#: The longest text drawn for a field that sets no maximum.
_MAX_TEXT = 20
#: The widest span drawn for a number that sets no bound: the format puts no limit on it, but
#: every tool reads whole numbers of this size.
_SPAN = 2**31

_ALNUM = string.ascii_letters + string.digits


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Build an optional value: sometimes absent (``None``), sometimes from ``strategy``."""
    return st.none() | strategy


def tuples(
    strategy: st.SearchStrategy[T], *, unique: bool = False, min_size: int = 0
) -> st.SearchStrategy[tuple[T, ...]]:
    """Build a short tuple of values from ``strategy``, of at least ``min_size`` items."""
    size = max(min_size, MAX_ITEMS)
    return st.lists(strategy, unique=unique, min_size=min_size, max_size=size).map(tuple)


def fewest_items(constraints: Collection[Constraint]) -> int:
    """Return the fewest items a list field's constraints allow."""
    return max((c.minimum for c in constraints if isinstance(c, MinItems)), default=0)


def distinct_items(constraints: Collection[Constraint]) -> bool:
    """Tell whether a list field's constraints ask for distinct items."""
    return any(isinstance(c, UniqueItems) for c in constraints)


def _word(first: str, rest: str, max_rest: int) -> st.SearchStrategy[str]:
    """Build words of one character of ``first``, then up to ``max_rest`` of ``rest``."""
    return st.tuples(st.sampled_from(first), st.text(rest, max_size=max_rest)).map("".join)


#: Web addresses from a small alphabet, so every one is both an http(s) address and an
#: RFC 3986 URI; no pattern says the second.
URLS = st.builds(
    "{}://{}/{}{}".format,
    st.sampled_from(["http", "https"]),
    st.sampled_from(["example.org", "example.com", "www.example.net", "partnering.dev"]),
    st.lists(st.text(_ALNUM + "-._~", min_size=1, max_size=8), max_size=2).map("/".join),
    st.sampled_from(["", "%C3%A9", "?page=2", "#top"]),
)

COUNTRIES = st.sampled_from(COUNTRY_CODES)


@functools.lru_cache(maxsize=1024)
def sdg_targets(goals: tuple[int, ...]) -> st.SearchStrategy[str]:
    """Build SDG target ids (``3.8``, ``17.17``, ``14.c``) of the given goals.

    Example:
        >>> from hypothesis import find
        >>> find(sdg_targets((3, 17)), lambda target: target.endswith(".c"))
        '3.c'
    """
    return st.builds(
        "{}.{}".format,
        st.sampled_from(goals),
        st.integers(1, 99) | st.sampled_from("abcdefghij"),
    )


#: org-id.guide identifiers: a list code (a country or XM/XI, a hyphen, a register), then an id.
ORG_IDS = st.builds(
    "{}-{}-{}".format,
    st.sampled_from((*COUNTRY_CODES, "XM", "XI")),
    _word(string.ascii_uppercase, string.ascii_uppercase + string.digits + "_", 5),
    _word(_ALNUM, _ALNUM + "-", 9),
)

#: Strategies for the format's named patterns, shorter and about three times faster to draw
#: than ``st.from_regex``, which serves every other pattern. Every value matches its pattern:
#: the models check each one they are built with, and a test checks these directly.
PATTERN_VALUES: dict[patterns.NamedPattern, st.SearchStrategy[str]] = {
    patterns.ID: _word(_ALNUM, _ALNUM + "_.:-", 11),
    patterns.URL: URLS,
    patterns.SDG_TARGET: sdg_targets(tuple(range(1, 18))),
    patterns.EXTENSION_KEY: st.builds(
        "{}:{}".format,
        _word(
            string.ascii_lowercase + string.digits, string.ascii_lowercase + string.digits + "-", 7
        ),
        st.text(_ALNUM + "_.-", min_size=1, max_size=10),
    ),
    patterns.ORG_ID: ORG_IDS,
}


@functools.cache
def matching(pattern: patterns.NamedPattern) -> st.SearchStrategy[str]:
    """Build texts that match one of the format's named patterns.

    Example:
        >>> from hypothesis import find
        >>> find(matching(patterns.ID), lambda ident: len(ident) > 1)
        'a0'
    """
    found = PATTERN_VALUES.get(pattern)
    if found is not None:
        return found
    return st.from_regex(patterns.compile_pattern(pattern.regex), fullmatch=True)


def _shortest(amount: Decimal) -> Decimal:
    """Write an amount with no trailing zeros, a whole one without a point: ``2.5``, ``100``."""
    return Decimal(int(amount)) if amount == amount.to_integral_value() else amount.normalize()


#: Exact amounts, zero or more, with up to two decimal places: what a budget line holds. Each
#: is drawn in its shortest form, so that any JSON reader gives back the same text.
AMOUNTS: st.SearchStrategy[Decimal] = st.decimals(
    min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False
).map(_shortest)


@functools.cache
def currencies() -> st.SearchStrategy[str]:
    """Build ISO 4217 codes; pycountry's list is read when the first is drawn.

    Example:
        >>> from hypothesis import find
        >>> find(currencies(), lambda code: code.startswith("K"))
        'KES'
    """
    return st.deferred(lambda: st.sampled_from(currency_codes()))


@functools.cache
def subdivisions() -> st.SearchStrategy[str]:
    """Build ISO 3166-2 codes; pycountry's list is read when the first is drawn.

    Example:
        >>> from hypothesis import find
        >>> find(subdivisions(), lambda code: code.startswith("CA-"))
        'CA-AB'
    """
    return st.deferred(lambda: st.sampled_from(subdivision_codes()))


def texts(constraints: Collection[Constraint]) -> st.SearchStrategy[str]:
    """Build texts that meet every constraint a text field declares.

    Example:
        >>> from hypothesis import find
        >>> find(texts([Country()]), lambda code: code.startswith("K"))
        'KE'
    """
    if any(isinstance(constraint, Uri) for constraint in constraints):
        return URLS
    for constraint in constraints:
        if isinstance(constraint, Pattern):
            return matching(constraint.pattern)
        if isinstance(constraint, Country):
            return COUNTRIES
        if isinstance(constraint, Text):
            return visible_texts(constraint.long)
        if isinstance(constraint, Subdivision):
            return subdivisions()
        if isinstance(constraint, Currency):
            return currencies()
    lengths = [constraint for constraint in constraints if isinstance(constraint, Length)]
    shortest = max((length.minimum for length in lengths), default=0)
    longest = min(
        (length.maximum for length in lengths if length.maximum is not None),
        default=shortest + _MAX_TEXT,
    )
    return _texts(shortest, longest)


@functools.cache
def visible_texts(long: bool = False) -> st.SearchStrategy[str]:
    r"""Build visible text: any characters but control characters, save tab (and line feed).

    Example:
        >>> from hypothesis import find
        >>> find(visible_texts(long=True), lambda text: "\n" in text)
        '0\n'
    """
    breaks = "\t\n" if long else "\t"
    characters = st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from(breaks)
    text = Text(long=long)
    return st.text(characters, min_size=1, max_size=_MAX_TEXT).filter(
        lambda drawn: text.breach(drawn) is None
    )


@functools.cache
def _texts(shortest: int, longest: int) -> st.SearchStrategy[str]:
    return st.text(min_size=shortest, max_size=longest)


def integers(constraints: Collection[Constraint]) -> st.SearchStrategy[int]:
    """Build whole numbers within every range a number field declares.

    Example:
        >>> from hypothesis import find
        >>> find(integers([Range(1000, 9999)]), lambda year: year > 2000)
        2001
    """
    ranges = [constraint for constraint in constraints if isinstance(constraint, Range)]
    lowest = max((r.minimum for r in ranges if r.minimum is not None), default=None)
    highest = min((r.maximum for r in ranges if r.maximum is not None), default=None)
    if lowest is None:
        lowest = -_SPAN if highest is None else highest - _SPAN
    if highest is None:
        highest = lowest + _SPAN
    # Every whole number of the format lies within 2^53 - 1 either way, whatever its range.
    return _integers(max(lowest, -MAX_INTEGER), min(highest, MAX_INTEGER))


@functools.cache
def _integers(lowest: int, highest: int) -> st.SearchStrategy[int]:
    return st.integers(lowest, highest)


@functools.cache
def dates(latest: date | None = None) -> st.SearchStrategy[date]:
    """Build calendar dates, on or before ``latest`` when it is given.

    Example:
        >>> from hypothesis import find
        >>> find(dates(date(2014, 4, 13)), lambda day: day.year > 2000)
        datetime.date(2001, 1, 1)
    """
    return st.dates() if latest is None else st.dates(max_value=latest)


def partial_dates(latest: date | None = None) -> st.SearchStrategy[PartialDate]:
    """Build dates known only to the month or the year, none of it after ``latest`` if given.

    Example:
        >>> from hypothesis import find
        >>> find(partial_dates(date(2014, 4, 13)), lambda day: day.month is not None)
        PartialDate(year=1, month=1)
    """
    last = 9999 if latest is None else latest.year

    def month_of(year: int) -> st.SearchStrategy[int | None]:
        months = 12 if latest is None or year < latest.year else latest.month
        return st.none() | st.integers(1, months)

    years = st.integers(1, last)
    return years.flatmap(lambda year: month_of(year).map(lambda month: PartialDate(year, month)))


#: UTC times to the second. Times before the year 1000 are left out: the converter does not
#: yet write their year with four digits, so they could not be read back.
MOMENTS = st.datetimes(min_value=datetime(1000, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0, tzinfo=timezone.utc)
)

_JSON_SCALARS: st.SearchStrategy[Any] = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
)
#: What JSON holds: text, whole and finite numbers, booleans, ``None``, lists and objects.
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    _JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=MAX_ITEMS)
        | st.dictionaries(st.text(max_size=8), children, max_size=MAX_ITEMS)
    ),
    max_leaves=5,
)


@functools.cache
def custom_data(keys: patterns.NamedPattern) -> st.SearchStrategy[dict[str, Any]]:
    """Build custom data: keys matching ``keys``, with any JSON values, or nothing at all.

    Example:
        >>> from hypothesis import find
        >>> custom = find(custom_data(patterns.EXTENSION_KEY), lambda data: len(data) > 1)
        >>> all(patterns.EXTENSION_KEY.matches(key) for key in custom)
        True
    """
    return st.dictionaries(matching(keys), JSON_VALUES, max_size=MAX_ITEMS)
