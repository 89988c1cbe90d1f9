"""Bound a report: keep the first issues of each group, and only count the others.

Validation asks for it with ``max_issues``, so that a file of 100,000 alike errors is
explained by a few of them and counted exactly.

Example:
    >>> from partnering.report import Issue, Severity
    >>> issues = [
    ...     Issue(code="c", severity=Severity.ERROR, path=("partners", n), message="m")
    ...     for n in range(3)
    ... ]
    >>> [issue.pointer for issue in bounded(issues, 1)[0]]
    ['/partners/0']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from partnering._grouping import GroupKey, group_key, pointer_of
from partnering.report import Issue, Severity

__all__ = ["Bound", "bounded"]


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
        self._kept: Counter[GroupKey] = Counter()
        self._left: dict[GroupKey, tuple[str, Severity, int]] = {}

    @staticmethod
    def key(issue: Issue) -> GroupKey:
        """Key an issue by its group; issues of one record moved to another keep their key."""
        return group_key(issue.code, issue.path)

    def full(self, key: GroupKey) -> bool:
        """Tell whether the group of ``key`` has all the issues it keeps."""
        return self._kept[key] >= self.most

    def count(self, key: GroupKey, code: str, severity: Severity) -> None:
        """Count an issue of a full group that is not made, as :meth:`keeps` would."""
        _, _, count = self._left.get(key, (code, severity, 0))
        self._left[key] = (code, severity, count + 1)

    def keeps(self, issue: Issue) -> bool:
        """Tell whether ``issue`` is kept, counting it either way."""
        key = group_key(issue.code, issue.path)
        if self._kept[key] < self.most:
            self._kept[key] += 1
            return True
        self.count(key, issue.code, issue.severity)
        return False

    def omitted(self) -> tuple[tuple[str, Severity, str, int], ...]:
        """Say how many issues of each group were left out: code, severity, pointer, count."""
        return tuple(
            (code, severity, pointer_of(key), count)
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
