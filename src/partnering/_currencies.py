"""The currencies of ISO 4217 (``USD``, ``KES``, ``EUR``...), from :mod:`pycountry`.

The codes come from :mod:`pycountry`, which carries Debian's ``iso-codes`` data, and are
loaded only when a currency is checked or drawn: reading a file without resources never
loads them.

Example:
    >>> is_currency("KES"), is_currency("KSH"), currency_name("KES")
    (True, False, 'Kenyan Shilling')
"""

from __future__ import annotations

import functools

__all__ = ["currency_codes", "currency_name", "is_currency"]


@functools.cache
def _names() -> dict[str, str]:
    import pycountry

    return {entry.alpha_3: entry.name for entry in pycountry.currencies}


def currency_codes() -> tuple[str, ...]:
    """Return every ISO 4217 alphabetic code, sorted.

    Example:
        >>> currency_codes()[:2]
        ('AED', 'AFN')
    """
    return tuple(sorted(_names()))


def is_currency(code: object) -> bool:
    """Tell whether ``code`` is an ISO 4217 alphabetic currency code."""
    return isinstance(code, str) and code in _names()


def currency_name(code: str) -> str | None:
    """Return the name of a currency, ``None`` for a code ISO 4217 does not have."""
    return _names().get(code)
