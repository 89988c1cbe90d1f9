"""Which partnerships report on their progress in time, as of a given day (format 1.1).

The status of each partnership is ``partnering.reporting.reporting_status``'s: this
module only counts them, so the figure and the rule that warns of late reports always agree.

Example:
    >>> from datetime import date
    >>> from partnering import load, example_path
    >>> figure = partnerships_by_reporting_status(load(example_path()), today=date(2026, 12, 1))
    >>> figure.title, figure.left_out[0].reason
    ('Reporting status on 2026-12-01', 'records no deliverables and no progress reports')
"""

from __future__ import annotations

from datetime import date

from partnering.analysis._tally import Tally
from partnering.analysis.figures import Figure
from partnering.models import Dataset
from partnering.reporting import (
    ReportingLimits,
    ReportingStatus,
    held_to_report,
    reporting_status,
)

__all__ = ["DEFAULT_LIMITS", "partnerships_by_reporting_status"]

#: The limits the rule uses unless told otherwise: late after 12 months, inactive after 24.
DEFAULT_LIMITS = ReportingLimits()

_TITLES = {
    ReportingStatus.CURRENT: "Reported in time",
    ReportingStatus.LATE: "Late",
    ReportingStatus.INACTIVE: "Inactive",
}
#: Why a partnership has no status: it is not held to report at all.
NOT_HELD = "records no deliverables and no progress reports"
#: Why a partnership held to report has no status.
NO_STATUS = "has ended, or gives no day to count from"


def partnerships_by_reporting_status(
    dataset: Dataset, *, today: date, limits: ReportingLimits = DEFAULT_LIMITS
) -> Figure:
    """Count the partnerships whose progress reports are current, late or inactive on ``today``.

    Each partnership counts under its ``partnering.reporting.reporting_status`` on
    ``today`` with ``limits`` (a report is late after 12 months, the partnership inactive
    after 24, by default). Every status is a row. Partnerships with no status are left
    out: those that record no deliverables and no progress reports, which are not held to
    report, apart from those that have ended or give no day to count from.

    Args:
        dataset: the dataset.
        today: the day the status is asked for; the figure never reads the clock.
        limits: the months after which a report is late, and the partnership inactive.

    Example:
        >>> from datetime import date
        >>> from partnering import Dataset
        >>> figure = partnerships_by_reporting_status(Dataset(), today=date(2026, 1, 1))
        >>> [row.key for row in figure.counts]
        ['current', 'late', 'inactive']
    """
    tally = Tally(status.value for status in ReportingStatus)
    for partnership in dataset.partnerships:
        status = reporting_status(partnership, today=today, limits=limits)
        if status is not None:
            tally.add(status.value, partnership.id)
        elif not held_to_report(
            reports=partnership.progress_reports, deliverables=partnership.deliverables
        ):
            tally.leave_out(NOT_HELD, partnership.id)
        else:
            tally.leave_out(NO_STATUS, partnership.id)
    day = today.isoformat()
    return tally.figure(
        name="reporting-status",
        title=f"Reporting status on {day}",
        unit="partnerships",
        definition=(
            f"Each partnership counts under how its progress reports stand on {day}: late "
            f"when its last report (or, before any, its start) is more than "
            f"{limits.late_after} months old, inactive after {limits.inactive_after} months, "
            "else reported in time. Partnerships that record no deliverables and no progress "
            "reports, have ended, or give no day to count from are left out."
        ),
        total=len(dataset.partnerships),
        label={status.value: title for status, title in _TITLES.items()}.__getitem__,
    )
