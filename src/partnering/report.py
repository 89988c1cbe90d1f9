"""Problems found in data, as values: an :class:`Issue` each, gathered in a :class:`Report`.

Example:
    >>> issue = Issue(
    ...     code="missing-field",
    ...     severity=Severity.ERROR,
    ...     path=("partners", 0, "name"),
    ...     message="'name' is missing; every partner needs one",
    ...     hint="add the organisation's name",
    ... )
    >>> issue.pointer
    '/partners/0/name'
    >>> Report(issues=(issue,)).valid
    False
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from enum import Enum

import attrs

from partnering._format import SCHEMA_VERSION
from partnering._grouping import group_pointer, path_key
from partnering._pointers import format_pointer

__all__ = ["Issue", "IssueGroup", "Path", "Report", "Severity"]

#: A location in a document: object keys and array indices, from the root.
Path = tuple[str | int, ...]


class Severity(Enum):
    """How serious an issue is: errors make a file invalid, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Issue:
    """One problem found in a document.

    Attributes:
        code: a stable identifier of the kind of problem; documented, never reused.
        severity: an error makes the document invalid; a warning does not.
        path: where the problem is, as keys and indices from the root.
        message: what is wrong, in the file's own terms.
        hint: how to fix it.
        excerpt: a short, escaped rendering of the offending value, when there is one.
        line: the 1-based line of the problem in the document's text, when the text is known:
            where the offending value starts (for a missing field, the object that should
            hold it; for an unknown field, its key), or where reading stopped.
        column: the 1-based column of that place, in characters.
        record: the record the problem belongs to, in words, such as ``partner 'TPI'``; or
            ``None`` when it belongs to none, or the data is not known.
        cell: for a document read from a workbook or a folder of CSV files, the cell of the
            problem as a spreadsheet program names it, such as ``Partners!C7`` (sheet, column
            letter, row); ``None`` otherwise.
    """

    code: str
    severity: Severity
    path: Path = ()
    message: str
    hint: str = ""
    excerpt: str | None = None
    line: int | None = None
    column: int | None = None
    record: str | None = None
    cell: str | None = None

    @property
    def pointer(self) -> str:
        """The location as an RFC 6901 JSON Pointer."""
        return format_pointer(self.path)

    @property
    def sort_key(self) -> tuple[object, ...]:
        """Give the key that orders issues as the document does: by line and column, then path.

        Issues without a line follow the order of the format (:mod:`partnering._order`); then
        the code and the message break ties, so the order never depends on discovery.
        """
        return (self.line or 0, self.column or 0, path_key(self.path), self.code, self.message)


@attrs.frozen(kw_only=True)
class IssueGroup:
    """Issues of one code at one generic location, such as ``/partners/*/sector``.

    Issues about keys (``KEY_CODES``) are grouped by the object that holds them, whatever
    the key: every unknown field of the partners is at ``/partners/*/*``.
    """

    code: str
    severity: Severity
    generic_pointer: str
    count: int
    issues: tuple[Issue, ...]

    @property
    def first(self) -> Issue | None:
        """The first issue of the group, which stands for the rest.

        ``None`` when the report omitted every issue of the group (see ``Report.omitted``).
        """
        return self.issues[0] if self.issues else None


def _sorted_issues(issues: Iterable[Issue]) -> tuple[Issue, ...]:
    # The order of Issue.sort_key. Most issues of a file have a place of their own: they are
    # ordered by it, and the whole key, which builds the key of the path, is only worked out
    # where places tie (the sort is stable, so this is the order the whole key gives).
    ordered = sorted(issues, key=_place_of)
    result: list[Issue] = []
    for _, tied in itertools.groupby(ordered, key=_place_of):
        run = list(tied)
        if len(run) > 1:
            run.sort(key=lambda issue: issue.sort_key)
        result.extend(run)
    return tuple(result)


def _place_of(issue: Issue) -> tuple[int, int]:
    return (issue.line or 0, issue.column or 0)


@attrs.frozen(kw_only=True)
class Report:
    """Every issue found in one document, in the order of the document.

    Attributes:
        issues: the issues, in the order of the file: by line and column when they are
            known, otherwise by path in the order of the format (the entity lists as a file
            has them, then the index, then the field); then by code.
        schema_version: the version of the interchange format the document was checked against.
        source: where the document came from (a path, ``<stdin>``, ``<bytes>``), for display.
        omitted: the issues found but not listed, when validation was asked to list at most
            so many of each group (``max_issues``): how many of each code, severity and
            generic location. The counts, the verdict and the groups include them.
    """

    issues: tuple[Issue, ...] = attrs.field(converter=_sorted_issues)
    schema_version: str = SCHEMA_VERSION
    source: str | None = None
    omitted: tuple[tuple[str, Severity, str, int], ...] = ()

    @property
    def valid(self) -> bool:
        """Whether the document has no errors (warnings are allowed)."""
        return not any(issue.severity is Severity.ERROR for issue in self.issues) and not any(
            severity is Severity.ERROR for _, severity, _, _ in self.omitted
        )

    @property
    def errors(self) -> tuple[Issue, ...]:
        """The issues of severity ``error`` that the report lists."""
        return tuple(issue for issue in self.issues if issue.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """The issues of severity ``warning`` that the report lists."""
        return tuple(issue for issue in self.issues if issue.severity is Severity.WARNING)

    @property
    def count(self) -> int:
        """How many issues the document has, those listed and those omitted.

        Example:
            >>> Report(issues=()).count
            0
        """
        return len(self.issues) + sum(count for *_, count in self.omitted)

    def count_by_code(self) -> dict[str, int]:
        """Count the issues of each code, codes in alphabetical order.

        Example:
            >>> Report(issues=()).count_by_code()
            {}
        """
        counts = Counter(issue.code for issue in self.issues)
        for code, _, _, count in self.omitted:
            counts[code] += count
        return dict(sorted(counts.items()))

    def count_by_severity(self) -> dict[str, int]:
        """Count the issues of each severity, errors first.

        Example:
            >>> Report(issues=()).count_by_severity()
            {'error': 0, 'warning': 0}
        """
        counts = Counter(issue.severity for issue in self.issues)
        for _, severity, _, count in self.omitted:
            counts[severity] += count
        return {severity.value: counts[severity] for severity in Severity}

    def groups(self, *, examples: int = 3) -> tuple[IssueGroup, ...]:
        """Group issues of the same code at the same generic location.

        Args:
            examples: how many issues each group keeps to stand for the rest.

        Example:
            >>> issues = [
            ...     Issue(code="c", severity=Severity.ERROR, path=("partners", n), message="m")
            ...     for n in range(5)
            ... ]
            >>> [(g.generic_pointer, g.count) for g in Report(issues=issues).groups()]
            [('/partners/*', 5)]
        """
        grouped: dict[tuple[str, str], list[Issue]] = {}
        counts: Counter[tuple[str, str]] = Counter()
        severities: dict[tuple[str, str], Severity] = {}
        for issue in self.issues:
            key = (issue.code, group_pointer(issue.code, issue.path))
            counts[key] += 1
            severities.setdefault(key, issue.severity)
            kept = grouped.setdefault(key, [])
            if len(kept) < examples:
                kept.append(issue)
        for code, severity, pointer, count in self.omitted:
            counts[(code, pointer)] += count
            severities.setdefault((code, pointer), severity)
            grouped.setdefault((code, pointer), [])
        return tuple(
            IssueGroup(
                code=code,
                severity=severities[(code, pointer)],
                generic_pointer=pointer,
                count=counts[(code, pointer)],
                issues=tuple(kept),
            )
            for (code, pointer), kept in grouped.items()
        )

    @classmethod
    def of(
        cls,
        issues: Iterable[Issue],
        *,
        source: str | None = None,
        schema_version: str = SCHEMA_VERSION,
    ) -> Report:
        """Build a report from issues in any order."""
        return cls(issues=tuple(issues), source=source, schema_version=schema_version)
