"""The countries of ISO 3166-1: their codes, their names, and what else names each one.

The codes a file may use come from :mod:`iso3166`, as they always have. The names people
write come from :mod:`pycountry`, which carries Debian's ``iso-codes`` data: the short name
(``Tanzania, United Republic of``), the common name (``Tanzania``) and the official name
(``United Republic of Tanzania``). :mod:`iso3166` names few countries as people do (it has no
``United Kingdom`` and no ``South Korea``), so it is the source only where
:mod:`pycountry` has no entry (``XK``, Kosovo).

:mod:`pycountry` is imported only when a name is needed, which is when a file has a country
that is not a code: checking a valid file never loads it.

Example:
    >>> len(COUNTRY_CODES), COUNTRY_CODES[:3]
    (250, ('AD', 'AE', 'AF'))
    >>> country_name("GB"), country_name("XK")
    ('United Kingdom', 'Kosovo')
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import iso3166

__all__ = ["COUNTRY_CODES", "RESERVED", "country_name", "names_of", "official_name"]

#: ISO 3166-1 alpha-2 codes of the countries and territories the standard assigns.
COUNTRY_CODES: tuple[str, ...] = tuple(sorted(iso3166.countries_by_alpha2))

#: The codes ISO 3166-1 reserves "exceptionally" at a country's request, for the country
#: they stand for: ``UK`` is reserved for the United Kingdom, whose code is ``GB``. The other
#: exceptional reservations (``EU``, ``UN``, ``IC``...) stand for no one country.
RESERVED: dict[str, str] = {"UK": "GB"}


# pycountry's fields that name a country, the name people use first.
_NAME_FIELDS = ("common_name", "name", "official_name")


@functools.cache
def _pycountry_names() -> dict[str, tuple[str, ...]]:
    """Map each code to pycountry's names of it: common or short name first."""
    import pycountry

    names: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        found = [getattr(country, field, None) for field in _NAME_FIELDS]
        names[country.alpha_2] = tuple(dict.fromkeys(name for name in found if name))
    return names


def country_name(code: str) -> str:
    """Return the name a person would give the country of ``code``: its common name.

    Example:
        >>> country_name("TZ"), country_name("KE")
        ('Tanzania', 'Kenya')
    """
    names = _pycountry_names().get(code)
    return names[0] if names else iso3166.countries_by_alpha2[code].name


def official_name(code: str) -> str | None:
    """Return the country's official name, when it has one beside its short name.

    Example:
        >>> official_name("KE"), official_name("XK")
        ('Republic of Kenya', None)
    """
    names = _pycountry_names().get(code, ())
    official = names[-1] if len(names) > 1 else None
    return official if official != country_name(code) else None


def names_of(code: str) -> Iterator[str]:
    """Yield every name and other code that stands for the country of ``code``.

    That is its names in :mod:`pycountry` (or :mod:`iso3166`), its alpha-3 and numeric codes,
    and a reserved code that stands for it (:data:`RESERVED`).

    Example:
        >>> list(names_of("KE"))
        ['Kenya', 'Republic of Kenya', 'KEN', '404']
    """
    record = iso3166.countries_by_alpha2[code]
    yield from _pycountry_names().get(code, (record.name,))
    yield record.alpha3
    yield record.numeric
    yield from (reserved for reserved, target in RESERVED.items() if target == code)
