"""The report of a validation as one HTML page, to send back to whoever provided the files.

Issues are grouped per record (``partner 'tpi'``), in the order of the file, each with its
line and column, its location, its message and its hint; counts by severity and by code
come first, with a chart of the codes.

Example:
    >>> from partnering.report import Report
    >>> page = validation_page([("a.json", Report(issues=()))], version="1.0")
    >>> "a.json is valid" in page
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from partnering._html._page import chart_json, render
from partnering._pointers import display_pointer
from partnering._text import safe_text
from partnering.catalogue import issue_codes
from partnering.report import Issue, Report

__all__ = ["WHOLE_FILE", "validation_page"]

#: The heading of the issues that belong to no one record.
WHOLE_FILE = "the file as a whole"


def _issue(issue: Issue) -> dict[str, Any]:
    where = []
    if issue.line is not None:
        where.append(f"line {issue.line}")
    if issue.column is not None:
        where.append(f"column {issue.column}")
    return {
        "issue": issue,
        "where": ", ".join(where),
        "pointer": safe_text(display_pointer(issue.path), 200) if issue.path else "",
    }


def _records(issues: Sequence[Issue]) -> list[dict[str, Any]]:
    grouped: dict[str, list[Issue]] = {}
    for issue in issues:
        grouped.setdefault(issue.record or WHOLE_FILE, []).append(issue)
    return [
        {
            "record": record,
            "errors": sum(1 for issue in members if issue.severity.value == "error"),
            "warnings": sum(1 for issue in members if issue.severity.value == "warning"),
            "issues": [_issue(issue) for issue in members],
        }
        for record, members in grouped.items()
    ]


def _file(number: int, source: str, report: Report, max_issues: int | None) -> dict[str, Any]:
    codes = issue_codes()
    by_code = report.count_by_code()
    shown = report.issues if max_issues is None else report.issues[:max_issues]
    return {
        "number": number,
        "source": source,
        "report": report,
        "severities": report.count_by_severity(),
        "codes": [
            (code, codes[code].title if code in codes else "", count)
            for code, count in by_code.items()
        ],
        "records": _records(shown),
        "hidden": len(report.issues) - len(shown),
        "chart": {
            "id": f"chart-codes-{number}",
            "title": "Issues by code",
            "unit": "issues",
            "labels": list(by_code),
            "values": list(by_code.values()),
            "horizontal": True,
            "cut": False,
        }
        if by_code
        else None,
    }


def validation_page(
    results: Sequence[tuple[str, Report]], *, version: str, max_issues: int | None = None
) -> str:
    """Render the reports of one or more files as one self-contained HTML page.

    Args:
        results: each file's name and its report, in the order checked.
        version: the library's version, named at the foot of the page.
        max_issues: show at most this many issues per file; the counts stay exact.
    """
    files = [
        _file(number, source, report, max_issues)
        for number, (source, report) in enumerate(results, start=1)
    ]
    charts = [item["chart"] for item in files if item["chart"] is not None]
    valid = sum(1 for _, report in results if report.valid)
    return render(
        "validation.html",
        title="Validation report",
        files=files,
        valid=valid,
        version=version,
        charts=chart_json(charts),
    )
