"""The checks of the ``format`` keywords the interchange schema uses, shared by both engines.

They are jsonschema's own checks for ``date``, ``date-time`` and ``uri``, written out so that
the fast path need not import jsonschema; the reference validator registers these very
functions and the fast engine calls them, so the two cannot disagree on a format.
tests/test_engines.py holds them equal to jsonschema's FormatChecker.

Example:
    >>> FORMAT_CHECKS["date"]("2014-04-13"), FORMAT_CHECKS["date"]("2014-02-30")
    (True, False)
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping

from rfc3339_validator import validate_rfc3339  # type: ignore[import-untyped]
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from partnering._patterns import DATE

__all__ = ["FORMAT_CHECKS"]


def _is_date(value: str) -> bool:
    try:
        return bool(DATE.matches(value) and datetime.date.fromisoformat(value))
    except ValueError:  # jsonschema's checker raises it, and its FormatChecker reports a failure
        return False


def _is_datetime(value: str) -> bool:
    return bool(validate_rfc3339(value.upper()))


def _is_uri(value: str) -> bool:
    return bool(validate_rfc3986(value, rule="URI"))


#: The check of each ``format`` the schema uses, for strings (other values always pass).
FORMAT_CHECKS: Mapping[str, Callable[[str], bool]] = {
    "date": _is_date,
    "date-time": _is_datetime,
    "uri": _is_uri,
}
