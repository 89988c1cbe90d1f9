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

import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import Enum

import attrs

from partnering._format import SCHEMA_VERSION
from partnering._pointers import escape_pointer_segment, format_pointer

__all__ = [
    "KEY_CODES",
    "KEY_LIMIT",
    "Bound",
    "Issue",
    "IssueGroup",
    "Path",
    "Report",
    "Severity",
    "bounded",
    "format_pointer",
    "generic_pointer",
    "group_pointer",
    "shortened",
]

#: A location in a document: object keys and array indices, from the root.
Path = tuple[str | int, ...]


class Severity(Enum):
    """How serious an issue is: errors make a file invalid, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


#: The most characters of one key that a report shows, in text as in JSON: a longer key is
#: cut there, and ``…`` (U+2026) follows it, in the issue's path and in its pointer.
KEY_LIMIT = 200
_MARK = "\u2026"

#: The codes whose subject is a key rather than a value: an unknown field, an extension key
#: that is not namespaced. Their issues at one place are grouped whatever the key.
KEY_CODES = frozenset({"unknown-field", "invalid-extension-key"})


def shortened(path: Sequence[str | int]) -> Path:
    """Cut every key of a path longer than :data:`KEY_LIMIT` characters, marking the cut.

    Example:
        >>> shortened(("partners", 0, "k" * 300))[2] == "k" * 200 + "\u2026"
        True
        >>> shortened(("partners", 0, "name"))
        ('partners', 0, 'name')
    """
    if all(isinstance(segment, int) or len(segment) <= KEY_LIMIT for segment in path):
        return tuple(path)
    return tuple(
        segment
        if isinstance(segment, int) or len(segment) <= KEY_LIMIT
        else segment[:KEY_LIMIT] + _MARK
        for segment in path
    )


def generic_pointer(path: Sequence[str | int]) -> str:
    """Render a path with every array index replaced by ``*``, to group like issues.

    Example:
        >>> generic_pointer(("partners", 12, "sector"))
        '/partners/*/sector'
    """
    return "".join(
        "/*" if isinstance(segment, int) else "/" + escape_pointer_segment(segment)
        for segment in shortened(path)
    )


def group_pointer(code: str, path: Sequence[str | int]) -> str:
    """Render the generic location that groups an issue: for a key's issue, any key there.

    Example:
        >>> group_pointer("unknown-field", ("partners", 3, "nmae"))
        '/partners/*/*'
        >>> group_pointer("missing-field", ("partners", 3, "name"))
        '/partners/*/name'
    """
    return _pointer_of(_group_key(code, path))


# In a group's key, an index (any index) and, for a key's issue, the key (any key).
_ANY_INDEX = -1
_ANY_KEY = None


def _group_key(code: str, path: Sequence[str | int]) -> tuple[str | int | None, ...]:
    """Key an issue by its group, cheaply: what :func:`group_pointer` renders, not rendered."""
    generic: tuple[str | int | None, ...] = tuple(
        _ANY_INDEX if type(segment) is int else segment for segment in path
    )
    if code in KEY_CODES and generic and isinstance(generic[-1], str):
        return (code, *generic[:-1], _ANY_KEY)
    return (code, *generic)


@functools.lru_cache(maxsize=4096)
def _pointer_of(key: tuple[str | int | None, ...]) -> str:
    parts = []
    for segment in key[1:]:
        if isinstance(segment, str):
            cut = segment if len(segment) <= KEY_LIMIT else segment[:KEY_LIMIT] + _MARK
            parts.append("/" + escape_pointer_segment(cut))
        else:
            parts.append("/*")
    return "".join(parts)


def _path_key(path: Path) -> tuple[tuple[int, int, str], ...]:
    # The order of the format, not of the alphabet: /partners comes before /events, as in a file.
    # The key of a path depends on its indices only where they stand, so the key of its
    # generic form is worked out once and the indices are put in.
    key = _generic_key(tuple(0 if isinstance(segment, int) else segment for segment in path))
    return tuple(
        (step[0], segment, step[2]) if isinstance(segment, int) else step
        for step, segment in zip(key, path, strict=True)
    )


@functools.lru_cache(maxsize=4096)
def _generic_key(path: Path) -> tuple[tuple[int, int, str], ...]:
    from partnering._order import order_key

    return order_key(path)


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
        return (self.line or 0, self.column or 0, _path_key(self.path), self.code, self.message)


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
            key = (issue.code, _pointer_of(_group_key(issue.code, issue.path)))
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


class Bound:
    """Keep the first issues of each group, in the order they come, and count the rest.

    Validation gives it to the layers that find issues by the thousand, so that an issue
    past the bound of its group is counted without being made (see :meth:`full`).

    Example:
        >>> bound = Bound(1)
        >>> issues = [
        ...     Issue(code="c", severity=Severity.ERROR, path=("partners", n), message="m")
        ...     for n in range(3)
        ... ]
        >>> [bound.keeps(issue) for issue in issues], bound.omitted()
        ([True, False, False], (('c', <Severity.ERROR: 'error'>, '/partners/*', 2),))
    """

    def __init__(self, most: int) -> None:
        self.most = most
        self._kept: Counter[tuple[str | int | None, ...]] = Counter()
        self._left: dict[tuple[str | int | None, ...], tuple[str, Severity, int]] = {}

    @staticmethod
    def key(issue: Issue) -> tuple[str | int | None, ...]:
        """Key an issue by its group; issues of one record moved to another keep their key."""
        return _group_key(issue.code, issue.path)

    def full(self, key: tuple[str | int | None, ...]) -> bool:
        """Tell whether the group of ``key`` has all the issues it keeps."""
        return self._kept[key] >= self.most

    def count(self, key: tuple[str | int | None, ...], code: str, severity: Severity) -> None:
        """Count an issue of a full group that is not made, as :meth:`keeps` would."""
        _, _, count = self._left.get(key, (code, severity, 0))
        self._left[key] = (code, severity, count + 1)

    def keeps(self, issue: Issue) -> bool:
        """Tell whether ``issue`` is kept, counting it either way."""
        key = _group_key(issue.code, issue.path)
        if self._kept[key] < self.most:
            self._kept[key] += 1
            return True
        self.count(key, issue.code, issue.severity)
        return False

    def omitted(self) -> tuple[tuple[str, Severity, str, int], ...]:
        """Say how many issues of each group were left out: code, severity, pointer, count."""
        return tuple(
            (code, severity, _pointer_of(key), count)
            for key, (code, severity, count) in self._left.items()
        )


def bounded(
    issues: Iterable[Issue], most: int, bound: Bound | None = None
) -> tuple[list[Issue], tuple[tuple[str, Severity, str, int], ...]]:
    """Keep the first ``most`` issues of each group, in the order given, and count the rest.

    What :meth:`Report.groups` and a list of the first ``most`` issues of a file show is then
    among the issues kept, when each group's issues come in the order of the file. A
    :class:`Bound` given (of ``most``) also counts the issues the layers did not make.

    Example:
        >>> issues = [
        ...     Issue(code="c", severity=Severity.ERROR, path=("partners", n), message="m")
        ...     for n in range(5)
        ... ]
        >>> kept, omitted = bounded(issues, 2)
        >>> [issue.pointer for issue in kept], omitted
        (['/partners/0', '/partners/1'], (('c', <Severity.ERROR: 'error'>, '/partners/*', 3),))
    """
    bound = Bound(most) if bound is None else bound
    kept = [issue for issue in issues if bound.keeps(issue)]
    return kept, bound.omitted()
