r"""Say where each issue of a report is, in a person's terms: the line, the column, the record.

Validation finds issues by path. Once the report is made, and only when it has issues (so a
valid document costs nothing), :func:`place` gives each issue the line and column of its
place in the document's text, found for all issues in one reading (:mod:`partnering._locate`),
and the record it belongs to, named from the data (``partner 'TPI'``).

What the line and column point at:

* an unknown field, or an extension key that is not namespaced: the key, at its opening quote;
* a field the document lacks (a missing field, a partner without a country): the object that
  should hold it, at its opening brace;
* every other issue: the offending value, at its first character; an issue of the whole
  document, at the brace that opens it;
* an issue of the reader (syntax, encoding, a repeated key): where reading stopped, as the
  reader says; a document that could not be read has no text to place anything else in.

Example:
    >>> import json
    >>> from partnering.report import Issue, Report, Severity
    >>> text = '{"schema_version": "1.0",\n "partners": [{"id": "tpi", "name": "TPI"}]}'
    >>> issue = Issue(code="missing-field", severity=Severity.ERROR,
    ...               path=("partners", 0, "organisation_type"), message="m")
    >>> placed = place(Report(issues=(issue,)), data=json.loads(text), text=text).issues[0]
    >>> placed.line, placed.column, placed.record
    (2, 15, "partner 'TPI'")
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from partnering._grouping import KEY_CODES
from partnering._locate import Spot, locate
from partnering._text import quote
from partnering.entities import ENTITIES
from partnering.report import Issue, Path, Report

__all__ = ["KEY_CODES", "place", "place_issues", "record_of"]

#: The fields that name a record, the first present winning.
_NAMING_FIELDS = ("name", "title", "id")

_NOUNS = {entity.name: entity.noun for entity in ENTITIES.lists}


def record_of(data: Mapping[str, Any], path: Path) -> str | None:
    """Name the record a path lies in: its noun, and its name, title or id when it has one.

    Example:
        >>> data = {"partners": [{"id": "tpi", "name": "The Partnering Initiative"}, {}]}
        >>> record_of(data, ("partners", 0, "sector")), record_of(data, ("partners", 1, "id"))
        ("partner 'The Partnering Initiative'", 'partner')
        >>> record_of(data, ("title",)) is None
        True
    """
    if len(path) < 2 or not isinstance(path[0], str) or not isinstance(path[1], int):
        return None
    noun = _NOUNS.get(path[0])
    records = data.get(path[0])
    if noun is None or not isinstance(records, Sequence) or isinstance(records, str):
        return None
    if not 0 <= path[1] < len(records) or not isinstance(records[path[1]], Mapping):
        return None
    record = records[path[1]]
    for field in _NAMING_FIELDS:
        name = record.get(field)
        if isinstance(name, str) and name.strip():
            return f"{noun} {quote(name)}"
    return noun


def _placed(issue: Issue, spot: Spot | None, record: Callable[[Path], str | None]) -> Issue:
    line, column, named = issue.line, issue.column, issue.record
    if spot is not None and line is None:
        where = spot.key if issue.code in KEY_CODES and spot.key is not None else spot.value
        line, column = where.line, where.column
    if named is None:
        named = record(issue.path)
    if (line, column, named) == (issue.line, issue.column, issue.record):
        return issue
    return attrs.evolve(issue, line=line, column=column, record=named)


def place(
    report: Report,
    *,
    data: Mapping[str, Any] | None,
    text: str | bytes | bytearray | memoryview | None,
) -> Report:
    """Give every issue of a report its line, column and record, where they can be known.

    Args:
        report: the report on a document.
        data: the document's data, to name the records; ``None`` when it is not known.
        text: the document's text, or its UTF-8 bytes, as the strict reader accepted them, to
            find lines and columns; ``None`` for data that came without text.

    Returns:
        The report with its issues placed, in the order of the document; the very report
        given when it has no issues.
    """
    if not report.issues:
        return report
    issues = list(report.issues)
    place_issues(issues, data=data, text=text)
    return attrs.evolve(report, issues=tuple(issues))


def place_issues(
    issues: list[Issue],
    *,
    data: Mapping[str, Any] | None,
    text: str | bytes | bytearray | memoryview | None,
) -> None:
    """Place issues in any order as :func:`place` does, replacing each in the list given.

    Each issue is replaced in its place, so the issues before and after placing are never
    all held at once; a report is then made once, and sorted once, from the placed issues.
    Arguments are as for :func:`place`.
    """
    if not issues:
        return
    decoded: str | None = None
    if text is not None:
        decoded = text if isinstance(text, str) else bytes(text).decode("utf-8")
    named: dict[tuple[object, object], str | None] = {}

    def record(path: Path) -> str | None:
        # Many issues of one record name it once. The names of a slice's records are kept,
        # not those of every record: a dict of 100,000 names took a tenth of the report.
        key = (path[0], path[1]) if len(path) >= 2 else (None, None)
        if key not in named:
            if len(named) >= _SLICE:
                named.clear()
            named[key] = record_of(data, path) if data is not None else None
        return named[key]

    # The issues are placed a slice at a time: the places of 100,000 paths, found at once,
    # took several times the memory of the issues themselves.
    for start in range(0, len(issues), _SLICE):
        spots: dict[Path, Spot] = {}
        if decoded is not None:
            paths = [issue.path for issue in issues[start : start + _SLICE] if issue.line is None]
            spots = locate(decoded, paths) if paths else {}
        for index in range(start, min(start + _SLICE, len(issues))):
            issues[index] = _placed(issues[index], spots.get(issues[index].path), record)


#: How many issues are placed at once.
_SLICE = 5_000
