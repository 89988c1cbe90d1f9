"""Reporting status as of a date, on partnerships whose status is worked out by hand.

On 2026-12-01, with the default limits (late after 12 months, inactive after 24):

====  ====================================================  ==================================
id    what it records                                       status
====  ====================================================  ==================================
q1    a report on 2026-06-01                                current (6 months)
q2    a report on 2025-06-01                                late (18 months)
q3    a deliverable, started 2024-01-01, no report yet      inactive (35 months since start)
q4    nothing: no deliverable, no report                    left out: not held to report
q5    a report on 2025-01-01 saying it was completed        left out: ended
q6    a deliverable, no start date, no report               left out: no day to count from
====  ====================================================  ==================================
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partnering import (
    Dataset,
    Deliverable,
    Participant,
    Partnership,
    ProgressReport,
    ProgressStatus,
)
from partnering.analysis import partnerships_by_reporting_status, portfolio
from partnering.cli import main
from partnering.reporting import ReportingLimits

TODAY = date(2026, 12, 1)


def partnership(ident: str, **fields: Any) -> Partnership:
    both = (Participant(partner_id="gov"), Participant(partner_id="biz"))
    return Partnership(id=ident, title=ident, participants=both, **fields)


def report(day: date, status: ProgressStatus = ProgressStatus.ON_TRACK) -> ProgressReport:
    return ProgressReport(reported_on=day, status=status)


DELIVERABLE = Deliverable(id="d1", title="A report")
DATASET = Dataset(
    partnerships=(
        partnership("q1", progress_reports=(report(date(2026, 6, 1)),)),
        partnership("q2", progress_reports=(report(date(2025, 6, 1)),)),
        partnership("q3", deliverables=(DELIVERABLE,), start_date=date(2024, 1, 1)),
        partnership("q4"),
        partnership("q5", progress_reports=(report(date(2025, 1, 1), ProgressStatus.COMPLETED),)),
        partnership("q6", deliverables=(DELIVERABLE,)),
    )
)


def test_each_partnership_counts_under_its_status_on_the_day() -> None:
    """q1 current, q2 late, q3 inactive; every status is a row."""
    figure = partnerships_by_reporting_status(DATASET, today=TODAY)
    assert [(row.key, row.label, row.ids) for row in figure.counts] == [
        ("current", "Reported in time", ("q1",)),
        ("late", "Late", ("q2",)),
        ("inactive", "Inactive", ("q3",)),
    ]
    assert figure.title == "Reporting status on 2026-12-01"


def test_partnerships_with_no_status_are_left_out_with_the_reason() -> None:
    """q4 is not held to report; q5 has ended and q6 gives no day to count from."""
    figure = partnerships_by_reporting_status(DATASET, today=TODAY)
    assert [(o.reason, o.ids) for o in figure.left_out] == [
        ("has ended, or gives no day to count from", ("q5", "q6")),
        ("records no deliverables and no progress reports", ("q4",)),
    ]
    assert (figure.total, figure.denominator) == (6, 3)


def test_the_limits_can_be_set() -> None:
    """Late after 3 months, inactive after 6: q1 (6 months to the day) is late, q2 inactive."""
    figure = partnerships_by_reporting_status(
        DATASET, today=TODAY, limits=ReportingLimits(late_after=3, inactive_after=6)
    )
    assert [(row.key, row.ids) for row in figure.counts] == [
        ("current", ()),
        ("late", ("q1",)),
        ("inactive", ("q2", "q3")),
    ]
    assert "more than 3 months old, inactive after 6 months" in figure.definition


def test_an_earlier_day_gives_an_earlier_answer() -> None:
    """On 2025-07-01, q2's report is a month old and q3 has run 18 months: late.

    q1's only report comes after that day; the status counts from it all the same, so q1 is
    current.
    """
    figure = partnerships_by_reporting_status(DATASET, today=date(2025, 7, 1))
    assert [(row.key, row.ids) for row in figure.counts] == [
        ("current", ("q1", "q2")),
        ("late", ("q3",)),
        ("inactive", ()),
    ]


def test_the_portfolio_has_the_figure_only_when_given_the_day() -> None:
    """A figure never reads the clock: without today, there is no reporting status."""
    assert portfolio(DATASET).reporting_status is None
    figures = portfolio(DATASET, today=TODAY)
    assert figures.reporting_status == partnerships_by_reporting_status(DATASET, today=TODAY)
    assert figures.figures[-1].name == "reporting-status"


# -- On the command line ---------------------------------------------------------------------

FILE: dict[str, Any] = {
    "schema_version": "1.1",
    "partners": [
        {"id": "gov", "name": "A Ministry", "organisation_type": "10"},
        {"id": "biz", "name": "A Company", "organisation_type": "70"},
    ],
    "partnerships": [
        {
            "id": "pp1",
            "title": "Reports",
            "participants": [{"partner_id": "gov"}, {"partner_id": "biz"}],
            "progress_reports": [{"reported_on": "2026-03-01", "status": "on_track"}],
        },
        {
            "id": "pp2",
            "title": "Silent",
            "participants": [{"partner_id": "gov"}, {"partner_id": "biz"}],
        },
    ],
}


def stats(capsys: pytest.CaptureFixture[str], tmp_path: Path, *options: str) -> tuple[int, Any]:
    path = tmp_path / "reports.json"
    path.write_text(json.dumps(FILE), encoding="utf-8")
    status = main(["stats", str(path), "--format", "json", *options])
    captured = capsys.readouterr()
    if status != 0:
        return status, captured.err
    document = json.loads(captured.out)
    return status, next(f for f in document["figures"] if f["name"] == "reporting-status")


def test_stats_works_the_status_out_as_of_today_or_the_day_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A report of 2026-03-01: current on 2026-12-01, late on 2027-04-01."""
    status, figure = stats(capsys, tmp_path, "--today", "2026-12-01")
    assert status == 0
    assert figure["title"] == "Reporting status on 2026-12-01"
    assert [(r["key"], r["ids"]) for r in figure["counts"]] == [
        ("current", ["pp1"]),
        ("late", []),
        ("inactive", []),
    ]
    assert figure["left_out"] == [
        {"reason": "records no deliverables and no progress reports", "ids": ["pp2"]}
    ]
    _, later = stats(capsys, tmp_path, "--today", "2027-04-01")
    assert [r["ids"] for r in later["counts"]] == [[], ["pp1"], []]
    _, strict = stats(capsys, tmp_path, "--today", "2026-12-01", "--late-after", "6")
    assert [r["ids"] for r in strict["counts"]] == [[], ["pp1"], []]
    _, default = stats(capsys, tmp_path)
    assert default["title"] == f"Reporting status on {date.today().isoformat()}"


def test_stats_refuses_limits_in_the_wrong_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Inactive before late is a usage error, status 2, with the message validate gives."""
    status, err = stats(capsys, tmp_path, "--late-after", "12", "--inactive-after", "6")
    assert status == 2
    assert err == (
        "partnering: --inactive-after (6 months) must be more than --late-after (12 months)\n"
    )


def test_stats_refuses_a_day_that_is_not_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--today takes a day written YYYY-MM-DD; anything else is a usage error."""
    assert main(["stats", str(tmp_path / "x.json"), "--today", "2026-13-01"]) == 2
    assert "expected a day written YYYY-MM-DD" in capsys.readouterr().err


def test_report_shows_the_reporting_status_of_the_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The page's figure is titled with its day and counts pp1 as reported in time."""
    path = tmp_path / "reports.json"
    path.write_text(json.dumps(FILE), encoding="utf-8")
    assert main(["report", str(path), "-o", "-", "--today", "2026-12-01"]) == 0
    page = capsys.readouterr().out
    article = page[page.index('id="figure-reporting-status"') :]
    article = article[: article.index("</article>")]
    assert "<h3>Reporting status on 2026-12-01</h3>" in article
    assert "1 of 2 partnerships counted." in article
