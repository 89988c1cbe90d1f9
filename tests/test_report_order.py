"""Reports follow the file: every issue has its line, column and record, in the file's order."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnering
from partnering.cli import main
from partnering.report import Issue, Report, Severity
from partnering.validation import check

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
INVALID = sorted(
    path for path in FIXTURES.glob("*.json") if not path.name.endswith(".expected.json")
)
TODAY = date(2026, 1, 1)

# Events come before partners in this file, and a partner lacks its id.
STEWARD = """{
  "schema_version": "1.0",
  "events": [
    {"id": "w", "name": "Workshop", "start_date": "13/04/2014", "end_date": "2014-04-14"}
  ],
  "partners": [
    {"id": "tpi", "name": "TPI", "organisation_type": "21"},
    {"name": "Philips East Africa", "organisation_type": "70", "contry": "KE"}
  ]
}
"""
# Worked out by hand from the text above: line 4 holds the event, whose start date's value
# opens at column 51; line 8 holds the partner, whose brace is at column 5 and whose
# misspelt key opens at column 64.
STEWARD_PLACES = [
    ("invalid-format", "/events/0/start_date", 4, 51, "event 'Workshop'"),
    ("missing-field", "/partners/1/id", 8, 5, "partner 'Philips East Africa'"),
    ("unknown-field", "/partners/1/contry", 8, 64, "partner 'Philips East Africa'"),
]


def places(report: Report) -> list[tuple[str, str, int | None, int | None, str | None]]:
    return [(i.code, i.pointer, i.line, i.column, i.record) for i in report.issues]


def issue(path: tuple[str | int, ...], line: int | None = None, column: int | None = None) -> Issue:
    return Issue(
        code="c", severity=Severity.ERROR, path=path, message="m", line=line, column=column
    )


# --- The order of a report ----------------------------------------------------------------------


def test_lines_and_columns_come_before_paths() -> None:
    """An issue on an earlier line comes first, whatever its path."""
    later = issue(("events", 0), line=9, column=1)
    earlier = issue(("partners", 0), line=3, column=7)
    same_line = issue(("title",), line=3, column=2)
    report = Report.of([later, earlier, same_line])
    assert [i.pointer for i in report.issues] == ["/title", "/partners/0", "/events/0"]


def test_without_lines_the_entity_lists_come_in_the_order_of_the_format() -> None:
    """Partners come before events, not after as the alphabet has it; indices by number."""
    paths: list[tuple[str | int, ...]] = [
        ("events", 0, "name"),
        ("partners", 10, "id"),
        ("partners", 2, "nmae"),
        ("partners", 2, "name"),
        ("partners", 2, "id"),
        ("partners", 2),
        ("platforms", 0, "members", 1, "partner_id"),
        ("title",),
        ("schema_version",),
    ]
    report = Report.of(issue(path) for path in paths)
    assert [i.pointer for i in report.issues] == [
        "/schema_version",
        "/title",
        "/platforms/0/members/1/partner_id",
        "/partners/2",
        "/partners/2/id",
        "/partners/2/name",
        "/partners/2/nmae",
        "/partners/10/id",
        "/events/0/name",
    ]


def test_unknown_fields_follow_the_known_ones_alphabetically() -> None:
    """Fields the format does not know come after those it does, by name."""
    paths: list[tuple[str | int, ...]] = [("zz",), ("aa",), ("extensions",), ("title",)]
    report = Report.of(issue(path) for path in paths)
    assert [i.pointer for i in report.issues] == ["/title", "/extensions", "/aa", "/zz"]


def test_the_file_decides_the_order_not_the_format() -> None:
    """The same issues come in the order each file writes its lists."""
    events = '"events": [{"id": "w", "name": "W", "start_date": "x", "end_date": "2014-04-14"}]'
    partners = '"partners": [{"id": "p", "name": "P", "organisation_type": "99"}]'
    first = partnering.validate(f'{{"schema_version": "1.0", {events}, {partners}}}', today=TODAY)
    second = partnering.validate(f'{{"schema_version": "1.0", {partners}, {events}}}', today=TODAY)
    assert [i.pointer for i in first.issues] == [
        "/events/0/start_date",
        "/partners/0/organisation_type",
    ]
    assert [i.pointer for i in second.issues] == [
        "/partners/0/organisation_type",
        "/events/0/start_date",
    ]


def test_data_without_text_follows_the_order_of_the_format() -> None:
    """A mapping has no lines: its partners come before its events, as in a file dump writes."""
    data = json.loads(STEWARD)
    report = partnering.validate(data, today=TODAY)
    assert places(report) == [
        ("missing-field", "/partners/1/id", None, None, "partner 'Philips East Africa'"),
        ("unknown-field", "/partners/1/contry", None, None, "partner 'Philips East Africa'"),
        ("invalid-format", "/events/0/start_date", None, None, "event 'Workshop'"),
    ]


SEGMENTS = st.sampled_from(["partners", "events", "platforms", "id", "name", "nmae", "title"])
PATHS = st.lists(SEGMENTS | st.integers(min_value=0, max_value=12), max_size=4).map(tuple)
PLACES = st.none() | st.tuples(st.integers(1, 50), st.integers(1, 80))
ISSUES = st.builds(
    lambda path, place, code: Issue(
        code=code,
        severity=Severity.ERROR,
        path=path,
        message="m",
        line=place and place[0],
        column=place and place[1],
    ),
    PATHS,
    PLACES,
    st.sampled_from(["missing-field", "unknown-field", "wrong-type"]),
)


@given(st.lists(ISSUES, max_size=12), st.randoms(use_true_random=False))
def test_the_order_does_not_depend_on_the_order_of_discovery(
    issues: list[Issue], chance: random.Random
) -> None:
    """Issues found in any order make the same report, placed ones by line and column."""
    shuffled = list(issues)
    chance.shuffle(shuffled)
    report = Report.of(issues)
    assert Report.of(shuffled) == report
    placed = [(i.line, i.column) for i in report.issues if i.line is not None]
    assert placed == sorted(placed)


# --- Every kind of input ------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("kind", ["file", "bytes", "text"])
def test_files_bytes_and_text_give_lines_columns_and_records(
    kind: str, newline: str, tmp_path: Path
) -> None:
    """A document as a file, as bytes or as text is placed alike, whatever its line breaks."""
    text = STEWARD.replace("\n", newline)
    source: Any
    if kind == "file":
        source = tmp_path / "steward.json"
        source.write_bytes(text.encode("utf-8"))
    else:
        source = text.encode("utf-8") if kind == "bytes" else text
    assert places(partnering.validate(source, today=TODAY)) == STEWARD_PLACES


def test_standard_input_gives_lines_columns_and_records() -> None:
    """Validating standard input places the issues, in text and in JSON."""
    command = [sys.executable, "-m", "partnering", "validate"]
    text = subprocess.run(
        [*command, "-"], input=STEWARD.encode(), capture_output=True, check=False, timeout=60
    )
    assert text.returncode == 1
    assert (
        "  line 8, column 5: partner 'Philips East Africa' (/partners/1/id): 'id' is missing"
        in text.stdout.decode()
    )
    as_json = subprocess.run(
        [*command, "--format", "json", "-"],
        input=STEWARD.encode(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    (entry,) = json.loads(as_json.stdout)["files"]
    found = [
        (i["code"], i["pointer"], i["line"], i["column"], i["record"]) for i in entry["issues"]
    ]
    assert found == STEWARD_PLACES


def test_check_and_load_place_their_issues_too(tmp_path: Path) -> None:
    """The report check returns, and the one load raises with, are placed as validate's is."""
    _, report = check(STEWARD, today=TODAY)
    assert places(report) == STEWARD_PLACES
    path = tmp_path / "steward.json"
    path.write_text(STEWARD, encoding="utf-8")
    with pytest.raises(partnering.InvalidDocumentError) as caught:
        partnering.load(path)
    assert places(caught.value.report) == STEWARD_PLACES


def test_iter_issues_yields_issues_as_found_without_places() -> None:
    """The stream of issues is not placed: that needs every issue, so it is the report's work."""
    found = list(partnering.iter_issues(STEWARD, today=TODAY))
    assert {(i.code, i.pointer) for i in found} == {(c, p) for c, p, *_ in STEWARD_PLACES}
    assert {(i.line, i.column, i.record) for i in found} == {(None, None, None)}


# --- The conformance fixtures -------------------------------------------------------------------


def test_the_json_report_places_every_issue_of_every_conformance_fixture(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every issue of every invalid fixture has a line and a column in the JSON report."""
    assert main(["validate", "--format", "json", *map(str, INVALID)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert len(document["files"]) == len(INVALID)
    unplaced = [
        (entry["source"], issue["code"], issue["pointer"])
        for entry in document["files"]
        for issue in entry["issues"]
        if not (isinstance(issue["line"], int) and isinstance(issue["column"], int))
    ]
    assert unplaced == []
    assert all(entry["issues"] for entry in document["files"])


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.name)
def test_each_fixture_reports_in_the_order_of_its_file(path: Path) -> None:
    """The issues of a fixture come by line, then column."""
    report = partnering.validate(path, today=TODAY)
    positions = [(i.line, i.column) for i in report.issues]
    placed = [(line, column) for line, column in positions if line and column]
    assert placed == positions
    assert placed == sorted(placed)
