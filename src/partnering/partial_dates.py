"""Dates known only to the month or the year, as registries give them (format 1.1).

A :class:`PartialDate` is a month (``2016-03``) or a year (``2016``), not a day. It has no
order with days: ``2016-03`` is neither before nor after ``2016-03-15``. The helpers compare
what is surely so: :func:`surely_before` is true only when every day a value may be comes
before every day the other may be.

Example:
    >>> march = PartialDate.fromisoformat("2016-03")
    >>> str(march), march.first_day, march.last_day
    ('2016-03', datetime.date(2016, 3, 1), datetime.date(2016, 3, 31))
    >>> from datetime import date
    >>> surely_before(march, date(2016, 3, 15)), surely_before(date(2016, 3, 15), march)
    (False, False)
    >>> surely_before(march, date(2016, 4, 1))
    True
"""

from __future__ import annotations

import calendar
from datetime import date

import attrs

from partnering._patterns import DATE, PARTIAL_DATE

__all__ = ["PartialDate", "earliest_day", "latest_day", "read_date_of_1_1", "surely_before"]


def _year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or not 1 <= value <= 9999:
        raise ValueError(f"the year of a partial date must be 1 to 9999, not {value!r}")


def _month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 12):
        raise ValueError(f"the month of a partial date must be 1 to 12, not {value!r}")


@attrs.frozen(order=False)
class PartialDate:
    """A date known only to the month, or only to the year.

    Attributes:
        year: the year, 1 to 9999.
        month: the month, 1 to 12, or ``None`` for a date known only to the year.

    Example:
        >>> str(PartialDate(2016)), str(PartialDate(2016, 3)), str(PartialDate(987, 12))
        ('2016', '2016-03', '0987-12')
    """

    year: int = attrs.field(validator=_year)
    month: int | None = attrs.field(default=None, validator=_month)

    def __str__(self) -> str:
        return self.isoformat()

    def isoformat(self) -> str:
        """Write the date as the format does: ``YYYY-MM``, or ``YYYY``."""
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read ``YYYY-MM`` or ``YYYY``; raise :class:`ValueError` for anything else.

        Example:
            >>> PartialDate.fromisoformat("2016")
            PartialDate(year=2016, month=None)
            >>> PartialDate.fromisoformat("2016-13")
            Traceback (most recent call last):
            ...
            ValueError: not a month or a year written YYYY-MM or YYYY: '2016-13'
        """
        if not (isinstance(text, str) and len(text) in (4, 7) and PARTIAL_DATE.matches(text)):
            raise ValueError(f"not a month or a year written YYYY-MM or YYYY: {text!r}")
        return cls(int(text[:4]), int(text[5:]) if len(text) == 7 else None)

    @property
    def first_day(self) -> date:
        """The first day the date may be."""
        return date(self.year, self.month or 1, 1)

    @property
    def last_day(self) -> date:
        """The last day the date may be."""
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])


def earliest_day(value: date | PartialDate) -> date:
    """Return the first day ``value`` may be: the day itself, for a full date."""
    return value.first_day if isinstance(value, PartialDate) else value


def latest_day(value: date | PartialDate) -> date:
    """Return the last day ``value`` may be: the day itself, for a full date."""
    return value.last_day if isinstance(value, PartialDate) else value


def surely_before(first: date | PartialDate, second: date | PartialDate) -> bool:
    """Tell whether ``first`` is before ``second`` whichever days they stand for.

    Example:
        >>> surely_before(PartialDate(2016), PartialDate(2016, 12)), surely_before(
        ...     PartialDate(2015), PartialDate(2016, 1))
        (False, True)
    """
    return latest_day(first) < earliest_day(second)


def read_date_of_1_1(text: str) -> date | PartialDate:
    """Read a date of format 1.1: a full date, or a partial one; raise :class:`ValueError`.

    Example:
        >>> read_date_of_1_1("2016-03-15"), read_date_of_1_1("2016-03")
        (datetime.date(2016, 3, 15), PartialDate(year=2016, month=3))
    """
    if DATE.matches(text):
        return date.fromisoformat(text)
    return PartialDate.fromisoformat(text)
