"""Deliverables, progress reports and the reporting status worked out as of a day (format 1.1).

The expected statuses are worked out by hand from the dates in each case: 12 months after
2024-03-31 is 2025-03-31, so on 2025-03-31 a report of 2024-03-31 is still current, and on
2025-04-01 it is late.
"""

from __future__ import annotations

import json
import pickle
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import partnering
from partnering import (
    PartialDate,
    Participant,
    Partnership,
    PartnershipStage,
    ProgressReport,
    ProgressStatus,
    ReportingLimits,
    ReportingStatus,
    reporting_status,
)
from partnering.cli import main
from partnering.models import Deliverable
from partnering.reporting import months_after
from partnering.strategies import datasets

CURRENT, LATE, INACTIVE = ReportingStatus.CURRENT, ReportingStatus.LATE, ReportingStatus.INACTIVE
PAIR = (Participant(partner_id="a"), Participant(partner_id="b"))


def partnership(**fields: Any) -> Partnership:
    return Partnership(id="p", title="P", participants=PAIR, **fields)


def reported(*days: date, status: ProgressStatus = ProgressStatus.ON_TRACK) -> list[ProgressReport]:
    return [ProgressReport(reported_on=day, status=status) for day in days]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 3, 31), 12, date(2025, 3, 31)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # a leap year's February
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 11, 15), 3, date(2025, 2, 15)),  # across the year's end
        (date(2024, 12, 31), 24, date(2026, 12, 31)),
    ],
)
def test_months_after_keeps_the_day_or_the_month_end(
    start: date, months: int, expected: date
) -> None:
    assert months_after(start, months) == expected


@pytest.mark.parametrize(
    ("fields", "today", "expected"),
    [
        # Counted from the latest report, whatever the order of the list.
        ({"progress_reports": reported(date(2024, 3, 31))}, date(2025, 3, 31), CURRENT),
        ({"progress_reports": reported(date(2024, 3, 31))}, date(2025, 4, 1), LATE),
        ({"progress_reports": reported(date(2024, 3, 31))}, date(2026, 3, 31), LATE),
        ({"progress_reports": reported(date(2024, 3, 31))}, date(2026, 4, 1), INACTIVE),
        (
            {"progress_reports": reported(date(2025, 2, 1), date(2023, 1, 1))},
            date(2026, 1, 1),
            CURRENT,
        ),
        # No report yet: counted from the start; a year's start from its last day.
        (
            {"deliverables": [Deliverable(id="d", title="D")], "start_date": PartialDate(2024)},
            date(2025, 12, 31),
            CURRENT,
        ),
        (
            {"deliverables": [Deliverable(id="d", title="D")], "start_date": PartialDate(2024)},
            date(2026, 1, 1),
            LATE,
        ),
        (
            {"deliverables": [Deliverable(id="d", title="D")], "start_date": PartialDate(2024, 2)},
            date(2026, 3, 1),
            INACTIVE,
        ),
        # Not held to report, or nothing to count from, or ended: no status.
        ({"start_date": date(2010, 1, 1)}, date(2026, 1, 1), None),
        ({"deliverables": [Deliverable(id="d", title="D")]}, date(2026, 1, 1), None),
        (
            {"progress_reports": reported(date(2020, 1, 1)), "end_date": date(2021, 6, 30)},
            date(2026, 1, 1),
            None,
        ),
        (
            {
                "progress_reports": reported(date(2020, 1, 1)),
                "stage": PartnershipStage.MOVED_ON,
            },
            date(2026, 1, 1),
            None,
        ),
        (
            {"progress_reports": reported(date(2020, 1, 1), status=ProgressStatus.COMPLETED)},
            date(2026, 1, 1),
            None,
        ),
        # An end only planned, or a year that has not surely passed, does not end it.
        (
            {"progress_reports": reported(date(2020, 1, 1)), "end_date": PartialDate(2026)},
            date(2026, 1, 1),
            INACTIVE,
        ),
    ],
)
def test_reporting_status_as_of_a_day(
    fields: dict[str, Any], today: date, expected: ReportingStatus | None
) -> None:
    assert reporting_status(partnership(**fields), today=today) is expected


def test_the_limits_are_settable() -> None:
    record = partnership(progress_reports=reported(date(2025, 1, 1)))
    six_and_twelve = ReportingLimits(late_after=6, inactive_after=12)
    assert reporting_status(record, today=date(2025, 7, 1), limits=six_and_twelve) is CURRENT
    assert reporting_status(record, today=date(2025, 7, 2), limits=six_and_twelve) is LATE
    assert reporting_status(record, today=date(2026, 1, 2), limits=six_and_twelve) is INACTIVE


@pytest.mark.parametrize(
    ("late", "inactive", "message"),
    [
        (12, 12, "inactive_after (12 months) must be more than late_after (12 months)"),
        (0, 24, "late_after is a number of months, 1 or more; got 0"),
        (12, True, "inactive_after is a number of months, 1 or more; got True"),
    ],
)
def test_impossible_limits_are_refused(late: Any, inactive: Any, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        ReportingLimits(late_after=late, inactive_after=inactive)


def file_of(*partnerships: dict[str, Any]) -> dict[str, Any]:
    partners = [
        {"id": "a", "name": "A", "organisation_type": "10"},
        {"id": "b", "name": "B", "organisation_type": "70"},
    ]
    pair = [{"partner_id": "a"}, {"partner_id": "b"}]
    return {
        "schema_version": "1.1",
        "partners": partners,
        "partnerships": [
            {"id": f"p{i}", "title": f"P{i}", "participants": pair, **fields}
            for i, fields in enumerate(partnerships)
        ],
    }


LATE_FILE = file_of(
    {"progress_reports": [{"reported_on": "2024-03-31", "status": "on_track"}]},
    {"start_date": "2023-04", "deliverables": [{"id": "d1", "title": "Ten wells"}]},
)


def test_the_rule_and_the_function_agree_on_late_and_inactive() -> None:
    today = date(2025, 6, 1)
    report = partnering.validate(LATE_FILE, today=today)
    found = [(issue.code, issue.pointer) for issue in report.issues]
    assert found == [
        ("progress-report-late", "/partnerships/0/progress_reports"),
        ("partnership-inactive", "/partnerships/1/start_date"),
    ]
    assert report.valid  # both are warnings
    dataset = partnering.loads(json.dumps(LATE_FILE))
    statuses = [reporting_status(each, today=today) for each in dataset.partnerships]
    assert statuses == [LATE, INACTIVE]


def test_the_status_is_never_stored() -> None:
    """A file may not hold the status: it would go stale the day after it was written."""
    stale = file_of({"reporting_status": "current"})
    report = partnering.validate(stale, today=date(2025, 6, 1))
    assert [issue.code for issue in report.issues] == ["unknown-field"]


def test_a_file_of_1_0_has_no_progress_reports() -> None:
    old = file_of({"progress_reports": [{"reported_on": "2024-03-31", "status": "on_track"}]})
    old["schema_version"] = "1.0"
    report = partnering.validate(old, today=date(2025, 6, 1))
    (issue,) = report.issues
    assert issue.code == "unknown-field"
    assert issue.pointer == "/partnerships/0/progress_reports"
    assert "1.1" in (issue.hint or "")


def test_the_validator_takes_the_limits() -> None:
    validator = partnering.Validator(
        today=date(2025, 6, 1), reporting=ReportingLimits(late_after=1, inactive_after=2)
    )
    codes = [issue.code for issue in validator.validate(LATE_FILE).issues]
    assert codes == ["partnership-inactive", "partnership-inactive"]
    assert pickle.loads(pickle.dumps(validator)) == validator


def test_the_command_line_sets_today_and_the_limits(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "late.json"
    path.write_text(json.dumps(LATE_FILE), encoding="utf-8")
    status = main(["validate", str(path), "--today", "2024-04-15", "--format", "json"])
    assert status == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["issues"] == []
    args = ["--today", "2025-06-01", "--late-after", "6", "--inactive-after", "40"]
    status = main(["validate", str(path), *args, "--fail-on", "warning", "--format", "json"])
    assert status == 1
    issues = json.loads(capsys.readouterr().out)["files"][0]["issues"]
    assert [issue["code"] for issue in issues] == ["progress-report-late"] * 2
    assert "more than 6 months before 2025-06-01" in issues[0]["message"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--late-after", "24", "--inactive-after", "24"],
            "--inactive-after (24 months) must be more than --late-after (24 months)",
        ),
        (["--late-after", "30"], "--inactive-after (24 months) must be more than --late-after"),
        (["--late-after", "0"], "expected a number of months, 1 or more, not 0"),
        (["--today", "2025-02-30"], "expected a day written YYYY-MM-DD"),
    ],
)
def test_impossible_options_are_usage_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", *args]) == 2
    assert message in capsys.readouterr().err


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(version="1.1", today=date(2026, 1, 1)))
def test_drawn_datasets_report_in_time(dataset: partnering.Dataset) -> None:
    """Consistent datasets are drawn with current reports, so validation has nothing to say."""
    report = partnering.validate(dataset, today=date(2026, 1, 1))
    assert report.issues == ()
    for each in dataset.partnerships:
        assert reporting_status(each, today=date(2026, 1, 1)) in (None, CURRENT)
