"""The subdivisions of ISO 3166-2 (provinces, states, counties), from :mod:`pycountry`.

A subdivision code is its country's ISO 3166-1 alpha-2 code, a hyphen, and one to three
letters or digits: ``CA-AB`` is Alberta, in Canada. The codes come from :mod:`pycountry`,
which carries Debian's ``iso-codes`` data, and are loaded only when a subdivision is checked
or drawn: reading a file without subdivisions never loads them.

Example:
    >>> is_subdivision("CA-AB"), is_subdivision("CA-ZZ"), country_of("CA-AB")
    (True, False, 'CA')
    >>> subdivision_name("KE-30")
    'Nairobi City'
"""

from __future__ import annotations

import functools

__all__ = [
    "country_of",
    "is_subdivision",
    "subdivision_codes",
    "subdivision_name",
    "subdivisions_of",
]


@functools.cache
def _names() -> dict[str, str]:
    import pycountry

    return {entry.code: entry.name for entry in pycountry.subdivisions}


def subdivision_codes() -> tuple[str, ...]:
    """Return every ISO 3166-2 code, sorted.

    Example:
        >>> subdivision_codes()[:2]
        ('AD-02', 'AD-03')
    """
    return tuple(sorted(_names()))


def is_subdivision(code: object) -> bool:
    """Tell whether ``code`` is an ISO 3166-2 subdivision code."""
    return isinstance(code, str) and code in _names()


def subdivision_name(code: str) -> str | None:
    """Return the name of a subdivision, ``None`` for a code ISO 3166-2 does not have."""
    return _names().get(code)


def country_of(code: str) -> str:
    """Return the country a subdivision code belongs to: the part before its hyphen."""
    return code.partition("-")[0]


@functools.cache
def subdivisions_of(country: str) -> tuple[str, ...]:
    """Return the subdivision codes of one country, sorted.

    Example:
        >>> subdivisions_of("CA")[:3]
        ('CA-AB', 'CA-BC', 'CA-MB')
    """
    return tuple(code for code in subdivision_codes() if country_of(code) == country)
