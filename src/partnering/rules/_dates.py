"""Dates in order: an end before its start, and a date of something past that lies ahead.

Every date rule is declared on its model field (:class:`~partnering._relations.Dated`) and read
from :data:`partnering.entities.ENTITIES`, the dates of objects nested in records (a member's
``since``) as well. Only real dates written ``YYYY-MM-DD`` are compared, and in a 1.1 file
dates known only to the month or the year (:class:`~partnering.PartialDate`);
any other value is left to the schema layer. A partial date is compared with its precision:
``2016-03`` is neither before nor after ``2016-03-15``, so neither gets an issue.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partnering._text import quote
from partnering.entities import DateRule
from partnering.partial_dates import PartialDate, earliest_day, surely_before
from partnering.report import Issue, Path
from partnering.rules._index import Index, Record, item_noun, objects, read_date
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["dates_in_future", "ends_before_starts", "read_date"]


def _written(value: date | PartialDate) -> str:
    return value.isoformat()


def _holders(index: Index, rule: DateRule) -> Iterator[tuple[int, Record, int | None, Record]]:
    """Yield every object that holds the date field of ``rule``, with the record it is in.

    Each comes as the record's index, the record, the object's index in the record's nested
    list (``None`` when the record holds the date itself) and the object.
    """
    within = rule.within
    if within is None:
        for i, record in index.records(rule.source):
            yield i, record, None, record
        return
    for i, record in index.records(rule.source):
        for j, holder in objects(record.get(within)):
            yield i, record, j, holder


def _path(rule: DateRule, i: int, j: int | None) -> Path:
    if j is None or rule.within is None:
        return (rule.source, i, rule.field)
    return (rule.source, i, rule.within, j, rule.field)


def _key(index: Index, rule: DateRule) -> str | None:
    """Return the field that names the nested objects holding the date, if they have one."""
    for reference in index.entities.references:
        if (
            reference.source == rule.source
            and reference.within is not None
            and reference.within == rule.within
            and not reference.many
        ):
            return reference.field
    return None


def _subject(index: Index, rule: DateRule, i: int, record: Record, holder: Record) -> str:
    """Name the object holding a date: the record, or the record and the nested object.

    A nested object is named by the id it holds, as a member by its ``partner_id``:
    ``platform 'p' says member 'tpi'``.
    """
    owner = index.name_of(rule.source, record, i)
    if rule.within is None:
        return owner
    noun = item_noun(rule.within)
    key = _key(index, rule)
    named = None if key is None else holder.get(key)
    who = f"{noun} {quote(named)}" if isinstance(named, str) else f"a {noun}"
    return f"{owner} says {who}"


def ends_before_starts(index: Index, today: date) -> Iterator[Issue]:
    """Report every date that precedes the date it must not precede, such as an end its start.

    Example:
        >>> event = {"id": "e", "start_date": "2014-04-13", "end_date": "2014-04-12"}
        >>> demo(ends_before_starts, {"events": [event]})
        ['end-before-start at /events/0/end_date']
        >>> partnership = {"id": "x", "start_date": "2016-03", "end_date": "2016-03-01"}
        >>> demo(ends_before_starts, {"schema_version": "1.1", "partnerships": [partnership]})
        []
    """
    for rule in index.entities.dates:
        earliest = rule.not_before
        if earliest is None:
            continue
        for i, record, j, holder in _holders(index, rule):
            written_end, written_start = holder.get(rule.field), holder.get(earliest)
            if (
                type(written_end) is str
                and type(written_start) is str
                and len(written_end) == len(written_start) == 10
                and written_end >= written_start
            ):
                continue  # both YYYY-MM-DD and in order, or not both dates: no issue either way
            end = index.date(written_end)
            if end is None:
                continue
            start = index.date(written_start)
            # Surely before: every day the end may be comes before every day the start may be.
            if start is not None and surely_before(end, start):
                yield issue(
                    "end-before-start",
                    _path(rule, i, j),
                    f"{_subject(index, rule, i, record, holder)} has {rule.field} "
                    f"{_written(end)}, before its {earliest} {_written(start)}",
                    value=holder.get(rule.field),
                )


def dates_in_future(index: Index, today: date) -> Iterator[Issue]:
    """Report dates of things that have happened which lie after ``today``.

    Example:
        >>> demo(dates_in_future, {"platforms": [{"id": "p", "launched_on": "2999-01-01"}]})
        ['date-in-future at /platforms/0/launched_on']
    """
    for rule in index.entities.dates:
        verb = rule.past
        if verb is None:
            continue
        for i, record, j, holder in _holders(index, rule):
            found = index.date(holder.get(rule.field))
            # A month or a year is in the future only when its first day is after today.
            if found is not None and earliest_day(found) > today:
                yield issue(
                    "date-in-future",
                    _path(rule, i, j),
                    f"{_subject(index, rule, i, record, holder)} {verb} {_written(found)}, "
                    f"after today ({today.isoformat()})",
                    value=holder.get(rule.field),
                )
