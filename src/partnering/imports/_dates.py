"""The date forms a mapping may accept, each named by a template such as ``Mon-YYYY``.

A template is made of tokens and the literal characters between them: ``YYYY`` (the year),
``MM`` and ``M`` (the month as a number), ``DD`` and ``D`` (the day), ``Mon`` (a month's
abbreviation: ``Apr``, ``Sept``), ``Month`` (a month's full name). Spaces in a template match
one or more spaces; letters match in any case. A form without a day gives a partial date.

Example:
    >>> forms = [DateForm.of(name) for name in ("YYYY-MM-DD", "Mon-YYYY", "Month D YYYY")]
    >>> read_date("Apr-2016", forms)
    ReadDate(text='2016-04', partial=True, form='Mon-YYYY')
    >>> read_date("April 30 2022", forms).text
    '2022-04-30'
    >>> read_date("2019-02-30", forms) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import attrs

__all__ = ["MONTHS", "DateForm", "DateFormError", "ReadDate", "is_real_date", "read_date"]

#: The months' full names, in order.
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

_ABBREVIATIONS = {name[:3]: number for number, name in enumerate(MONTHS, start=1)}
_ABBREVIATIONS["sept"] = 9
_FULL = {name: number for number, name in enumerate(MONTHS, start=1)}

_TOKENS = {
    "YYYY": r"(?P<year>[0-9]{4})",
    "Month": r"(?P<month_name>[A-Za-z]+)",
    "Mon": r"(?P<month_abbreviation>[A-Za-z]{3,4})",
    "MM": r"(?P<month>[0-9]{2})",
    "M": r"(?P<month>[0-9]{1,2})",
    "DD": r"(?P<day>[0-9]{2})",
    "D": r"(?P<day>[0-9]{1,2})",
}
_TOKEN = re.compile("|".join(sorted(_TOKENS, key=len, reverse=True)))
_LITERAL = re.compile(r"[ ,./()\-]")


class DateFormError(ValueError):
    """A template that names no date form."""


@attrs.frozen
class DateForm:
    """One accepted way of writing a date."""

    name: str
    pattern: re.Pattern[str]
    partial: bool

    @classmethod
    def of(cls, name: str) -> DateForm:
        """Make the form a template names.

        Raises:
            DateFormError: the template has no year, a month twice, a day without a month,
                or characters that are neither tokens nor separators.
        """
        parts: list[str] = []
        seen: list[str] = []
        position = 0
        for token in _TOKEN.finditer(name):
            parts.append(_literal(name[position : token.start()], name))
            parts.append(_TOKENS[token.group()])
            seen.append(token.group())
            position = token.end()
        parts.append(_literal(name[position:], name))
        months = [t for t in seen if t in ("MM", "M", "Mon", "Month")]
        days = [t for t in seen if t in ("DD", "D")]
        if seen.count("YYYY") != 1 or len(months) > 1 or len(days) > 1 or (days and not months):
            raise DateFormError(
                f"{name!r} matches no date: a form needs YYYY once, at most one month "
                "(MM, M, Mon or Month) and at most one day (DD or D), with a month"
            )
        return cls(name, re.compile("".join(parts), re.IGNORECASE), not days)


def _literal(text: str, name: str) -> str:
    for char in text:
        if not _LITERAL.fullmatch(char):
            raise DateFormError(
                f"{name!r} matches no date: {char!r} is neither a token (YYYY, MM, M, DD, D, "
                "Mon, Month) nor a separator (space , . / ( ) -)"
            )
    return "".join(r"\s+" if char == " " else re.escape(char) for char in text)


@attrs.frozen
class ReadDate:
    """A date read from text: ``YYYY-MM-DD``, or ``YYYY-MM`` or ``YYYY`` when partial."""

    text: str
    partial: bool
    form: str


def is_real_date(year: int, month: int, day: int) -> bool:
    """Tell whether the day exists (no 30 February)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _month(found: dict[str, str | None]) -> int | None:
    if found.get("month"):
        return int(found["month"] or 0)
    if found.get("month_abbreviation"):
        return _ABBREVIATIONS.get((found["month_abbreviation"] or "").casefold())
    if found.get("month_name"):
        return _FULL.get((found["month_name"] or "").casefold())
    return 0


def read_date(text: str, forms: Iterable[DateForm]) -> ReadDate | None:
    """Read ``text`` in the first form that fits it and gives a real date, else ``None``."""
    for form in forms:
        match = form.pattern.fullmatch(text.strip())
        if not match:
            continue
        found = match.groupdict()
        year = int(found["year"] or 0)
        month = _month(found)
        if month is None or not 0 <= month <= 12 or (month == 0 and found.get("day")):
            continue
        if found.get("day"):
            day = int(found["day"] or 0)
            if not is_real_date(year, month, day):
                continue
            return ReadDate(f"{year:04d}-{month:02d}-{day:02d}", False, form.name)
        if month:
            return ReadDate(f"{year:04d}-{month:02d}", True, form.name)
        return ReadDate(f"{year:04d}", True, form.name)
    return None


def fits_a_form(text: str, forms: Iterable[DateForm]) -> bool:
    """Tell whether ``text`` is written in one of the forms, real date or not."""
    return any(form.pattern.fullmatch(text.strip()) for form in forms)
