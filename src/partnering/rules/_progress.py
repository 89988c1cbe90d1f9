"""Deliverables and progress reports of partnerships (format 1.1), and reports overdue.

Whether a partnership's reports are up to date is worked out here as of ``today`` by
:func:`partnering.reporting.status_as_of`, the function the portfolio figures use too; the
file never stores it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TypeVar

from partnering._text import quote
from partnering.codelists import PartnershipStage, ProgressStatus
from partnering.report import Issue
from partnering.reporting import ReportingLimits, ReportingStatus, status_as_of
from partnering.rules._dates import read_date
from partnering.rules._index import Index, Record, first_places, objects
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["late_reports", "unknown_deliverables"]

_Code = TypeVar("_Code", ProgressStatus, PartnershipStage)


def unknown_deliverables(index: Index, today: date) -> Iterator[Issue]:
    """Report deliverable ids used twice, and progress that names no deliverable or report.

    Example:
        >>> partnership = {
        ...     "deliverables": [{"id": "d1"}, {"id": "d1"}],
        ...     "progress_reports": [{"reported_on": "2025-06-30"}],
        ...     "deliverable_progress": [
        ...         {"deliverable": "d1", "reported_on": "2025-06-30"},
        ...         {"deliverable": "d2", "reported_on": "2025-06-30"},
        ...         {"deliverable": "d1", "reported_on": "2025-06-30"},
        ...         {"deliverable": "d1", "reported_on": "2024-06-30"}],
        ... }
        >>> for found in demo(unknown_deliverables,
        ...                   {"schema_version": "1.1", "partnerships": [partnership]}):
        ...     print(found)
        duplicate-deliverable at /partnerships/0/deliverables/1/id
        unknown-deliverable at /partnerships/0/deliverable_progress/1/deliverable
        repeated-deliverable-progress at /partnerships/0/deliverable_progress/2/deliverable
        unknown-progress-report at /partnerships/0/deliverable_progress/3/reported_on
    """
    if not index.holds("1.1"):
        return
    for i, record in index.records("partnerships"):
        name = index.name_of("partnerships", record, i)
        ids, repeats = first_places(record.get("deliverables"), "id")
        for k, ident, earlier in repeats:
            yield issue(
                "duplicate-deliverable",
                ("partnerships", i, "deliverables", k, "id"),
                f"{name} lists deliverable {quote(ident)} twice; the first is at index "
                f"{earlier} of deliverables",
                value=ident,
            )
        reported = {
            day
            for _, report in objects(record.get("progress_reports"))
            if isinstance(day := report.get("reported_on"), str)
        }
        seen: dict[tuple[str, str | None], int] = {}
        for k, progress in objects(record.get("deliverable_progress")):
            yield from _progress_issues(name, (i, k), progress, ids, reported, seen)


def _progress_issues(
    name: str,
    where: tuple[int, int],
    progress: Record,
    ids: dict[str, int],
    reported: set[str],
    seen: dict[tuple[str, str | None], int],
) -> Iterator[Issue]:
    """Check one entry of a partnership's ``deliverable_progress``."""
    i, k = where
    path = ("partnerships", i, "deliverable_progress", k)
    ident, day = progress.get("deliverable"), progress.get("reported_on")
    if isinstance(ident, str):
        if ident not in ids:
            yield issue(
                "unknown-deliverable",
                (*path, "deliverable"),
                f"{name} gives the progress of deliverable {quote(ident)}, but lists no "
                "deliverable with that id",
                value=ident,
            )
        earlier = seen.setdefault((ident, day if isinstance(day, str) else None), k)
        if earlier != k:
            yield issue(
                "repeated-deliverable-progress",
                (*path, "deliverable"),
                f"{name} gives the progress of deliverable {quote(ident)} on {day} twice; the "
                f"first is at index {earlier} of deliverable_progress",
                value=ident,
            )
    if isinstance(day, str) and day not in reported:
        yield issue(
            "unknown-progress-report",
            (*path, "reported_on"),
            f"{name} gives the progress of a deliverable on {day}, but has no progress report "
            "of that date",
            value=day,
        )


def late_reports(
    index: Index,
    today: date,
    limits: ReportingLimits = ReportingLimits(),  # noqa: B008 (frozen, so safe to share)
) -> Iterator[Issue]:
    """Warn of partnerships whose progress reports are overdue on ``today``.

    Example:
        >>> partnership = {"deliverables": [{"id": "d1"}], "start_date": "2022",
        ...                "progress_reports": [{"reported_on": "2024-06-30"}]}
        >>> demo(late_reports, {"schema_version": "1.1", "partnerships": [partnership]})
        ['progress-report-late at /partnerships/0/progress_reports']
    """
    if not index.holds("1.1"):
        return
    for i, record in index.records("partnerships"):
        reports = [
            (day, _code(ProgressStatus, report.get("status")))
            for _, report in objects(record.get("progress_reports"))
            if (day := read_date(report.get("reported_on"))) is not None
        ]
        status = status_as_of(
            today,
            reports=reports,
            deliverables=any(True for _ in objects(record.get("deliverables"))),
            start=index.date(record.get("start_date")),
            end=index.date(record.get("end_date")),
            stage=_code(PartnershipStage, record.get("stage")),
            limits=limits,
        )
        if status is None or status is ReportingStatus.CURRENT:
            continue
        yield _late(index, i, record, status, reports, limits, today)


def _late(
    index: Index,
    i: int,
    record: Record,
    status: ReportingStatus,
    reports: list[tuple[date, ProgressStatus | None]],
    limits: ReportingLimits,
    today: date,
) -> Issue:
    name = index.name_of("partnerships", record, i)
    if reports:
        since = f"last reported on {max(day for day, _ in reports).isoformat()}"
    else:
        since = f"has made no progress report since it started ({record.get('start_date')})"
    if status is ReportingStatus.INACTIVE:
        code, months, verdict = "partnership-inactive", limits.inactive_after, "inactive"
    else:
        code, months, verdict = "progress-report-late", limits.late_after, "late"
    where = "progress_reports" if reports else "start_date"
    return issue(
        code,
        ("partnerships", i, where),
        f"{name} {since}, more than {months} months before {today.isoformat()}: its "
        f"reporting is {verdict}",
    )


def _code(codes: type[_Code], value: object) -> _Code | None:
    """Read a code of ``codes``, or None for anything else (the schema layer reports it)."""
    if not isinstance(value, str):
        return None
    try:
        return codes(value)
    except ValueError:
        return None
