"""Reports on the benchmark's corrupt files stay the same, issue for issue.

``tests/snapshots/corrupt-reports.json`` holds the code, severity and pointer of every issue
that release 0.1.0 reported for the benchmark's corrupt files of 1,000 and 10,000 partners.
Refactoring must not change what a steward is told is wrong, nor where; wording may change,
and the changelog lists where it did on purpose.
"""

import json
from datetime import date
from pathlib import Path

import pytest
from benchmarks import generate

import partnering

SNAPSHOT = Path(__file__).parent / "snapshots" / "corrupt-reports.json"
EXPECTED: dict[str, list[list[str]]] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@pytest.mark.parametrize("partners", sorted(EXPECTED, key=int))  # type: ignore[arg-type]  # mypy: T is object here
def test_corrupt_file_reports_match_the_snapshot(partners: str) -> None:
    """Every issue of the corrupt file has the code, severity and pointer it had in 0.1.0."""
    document = generate.corrupt(generate.dataset(int(partners)))
    report = partnering.validate(generate.encode(document), today=date(2026, 1, 1))
    found = sorted([issue.code, issue.severity.value, issue.pointer] for issue in report.issues)
    assert found == sorted(EXPECTED[partners])
