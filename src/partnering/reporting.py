"""Whether a partnership reports on its progress in time, worked out as of a given day.

Registries ask the partnerships they list for a progress report every year. The UN registry
of SDG partnerships shows a green light for a report made within a year, amber once a year has
passed, and marks an entry inactive when two years pass without one. Format 1.1 records the
reports (:class:`~partnering.models.ProgressReport`), never the status: the status depends on
the day it is asked, so a stored one would go stale. This module works it out, for the rule
that warns of late reports and for the portfolio figures alike.

A partnership is held to report when it records deliverables or progress reports. The clock
starts at its latest report or, before its first, at its start date. A partnership that has
ended (its end date or its stage says so, or its latest report says it was completed or
discontinued) owes no more reports. Dates known only to the month or the year count from their
last possible day, so that a partnership is called late only when it surely is.

Example:
    >>> from datetime import date
    >>> status_as_of(date(2026, 1, 1), reports=[(date(2024, 11, 30), None)])
    <ReportingStatus.LATE: 'late'>
    >>> ReportingLimits(late_after=6).inactive_after
    24
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable, Sized
from datetime import date

import attrs

from partnering.codelists import PartnershipStage, ProgressStatus
from partnering.models import Partnership
from partnering.partial_dates import PartialDate, latest_day

__all__ = [
    "FINISHED",
    "ReportingLimits",
    "ReportingStatus",
    "held_to_report",
    "months_after",
    "reporting_status",
    "status_as_of",
]

#: The overall statuses of a progress report after which no more reports are due.
FINISHED = frozenset({ProgressStatus.COMPLETED, ProgressStatus.DISCONTINUED})


class ReportingStatus(enum.Enum):
    """How a partnership's reports stand on a given day."""

    #: It reported within the first limit, 12 months by default.
    CURRENT = "current"
    #: A report is due, as its last report or its start is older than the first limit.
    LATE = "late"
    #: Registries mark it inactive, as nothing came for longer than the second limit, 24 months
    #: by default.
    INACTIVE = "inactive"


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} is a number of months, 1 or more; got {value!r}")


@attrs.frozen(kw_only=True)
class ReportingLimits:
    """How many months may pass without a report before one is late, and before inactive.

    Attributes:
        late_after: months after which a report is late (default 12, a report a year).
        inactive_after: months after which the partnership counts as inactive (default 24, as
            the UN registry of SDG partnerships does); more than ``late_after``.

    Example:
        >>> ReportingLimits(late_after=12, inactive_after=12)
        Traceback (most recent call last):
        ...
        ValueError: inactive_after (12 months) must be more than late_after (12 months)
    """

    late_after: int = attrs.field(default=12, validator=_positive)
    inactive_after: int = attrs.field(default=24, validator=_positive)

    def __attrs_post_init__(self) -> None:
        if self.inactive_after <= self.late_after:
            raise ValueError(
                f"inactive_after ({self.inactive_after} months) must be more than late_after "
                f"({self.late_after} months)"
            )


def months_after(day: date, months: int) -> date:
    """Return the same day ``months`` later, or the last day of that month if it is shorter.

    Example:
        >>> months_after(date(2024, 1, 31), 1), months_after(date(2024, 2, 29), 12)
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28))
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def held_to_report(*, reports: Sized, deliverables: Sized | bool) -> bool:
    """Tell whether a partnership must report: it records deliverables or progress reports.

    Example:
        >>> held_to_report(reports=[], deliverables=())
        False
        >>> held_to_report(reports=[], deliverables=True)
        True
    """
    return bool(reports) or bool(deliverables)


def status_as_of(
    today: date,
    *,
    reports: Iterable[tuple[date, ProgressStatus | None]],
    deliverables: bool = False,
    start: date | PartialDate | None = None,
    end: date | PartialDate | None = None,
    stage: PartnershipStage | None = None,
    limits: ReportingLimits = ReportingLimits(),
) -> ReportingStatus | None:
    """Return the reporting status on ``today`` of a partnership described by its values.

    This is the one place the status is worked out: :func:`~partnering.reporting_status`
    calls it with a :class:`~partnering.models.Partnership`'s fields, and the rule with a
    file's values.

    Args:
        today: the day the status is asked for.
        reports: the day and overall status of each progress report, in any order.
        deliverables: whether the partnership records deliverables.
        start: when the partnership started, if known.
        end: when it ended or is planned to end, if known.
        stage: its stage in the partnering cycle, if known.
        limits: the months after which a report is late, and the partnership inactive.

    Returns:
        ``None`` when the partnership is not held to report (no deliverables and no reports),
        has ended, or gives no day to count from.

    Example:
        >>> status_as_of(date(2026, 1, 1), reports=[], deliverables=True, start=date(2023, 6, 1))
        <ReportingStatus.INACTIVE: 'inactive'>
    """
    reports = sorted(reports, key=lambda report: report[0])
    if not held_to_report(reports=reports, deliverables=deliverables):
        return None
    last_report, last_status = reports[-1] if reports else (None, None)
    ended = (
        stage is PartnershipStage.MOVED_ON
        or last_status in FINISHED
        or (end is not None and latest_day(end) < today)
    )
    counted_from = last_report if last_report is not None else start
    if ended or counted_from is None:
        return None
    since = latest_day(counted_from)
    if today > months_after(since, limits.inactive_after):
        return ReportingStatus.INACTIVE
    if today > months_after(since, limits.late_after):
        return ReportingStatus.LATE
    return ReportingStatus.CURRENT


def reporting_status(
    partnership: Partnership,
    *,
    today: date,
    limits: ReportingLimits = ReportingLimits(),
) -> ReportingStatus | None:
    """Return how a partnership's progress reports stand on ``today``.

    Returns:
        ``None`` when the partnership is not held to report (it records no deliverables and
        no progress reports), has ended, or gives no day to count from.

    Example:
        >>> from partnering import Participant, Partnership, ProgressReport, ProgressStatus
        >>> report = ProgressReport(reported_on=date(2025, 3, 1), status=ProgressStatus.ON_TRACK)
        >>> partnership = Partnership(
        ...     id="p", title="P", progress_reports=[report],
        ...     participants=[Participant(partner_id="a"), Participant(partner_id="b")],
        ... )
        >>> reporting_status(partnership, today=date(2026, 1, 1))
        <ReportingStatus.CURRENT: 'current'>
        >>> reporting_status(partnership, today=date(2027, 3, 2))
        <ReportingStatus.INACTIVE: 'inactive'>
    """
    return status_as_of(
        today,
        reports=[(report.reported_on, report.status) for report in partnership.progress_reports],
        deliverables=bool(partnership.deliverables),
        start=partnership.start_date,
        end=partnership.end_date,
        stage=partnership.stage,
        limits=limits,
    )
