"""The conformance corpus: valid files pass; each invalid file gives exactly its issues.

Each ``tests/fixtures/invalid/NAME.json`` is paired with ``NAME.expected.json`` listing the
code, pointer and severity of every issue validation must report, in the report's order.
"""

import json
from datetime import date
from pathlib import Path

import pytest

import partnering
from partnering.catalogue import issue_codes

FIXTURES = Path(__file__).parent / "fixtures"
VALID = sorted((FIXTURES / "valid").glob("*.json"))
INVALID = sorted(
    path
    for path in (FIXTURES / "invalid").glob("*.json")
    if not path.name.endswith(".expected.json")
)
TODAY = date(2026, 1, 1)


def expected_issues(path: Path) -> list[dict[str, str]]:
    expected = path.with_name(path.name.removesuffix(".json") + ".expected.json")
    issues: list[dict[str, str]] = json.loads(expected.read_text(encoding="utf-8"))["issues"]
    return issues


@pytest.mark.parametrize("path", [*VALID, partnering.example_path()], ids=lambda path: path.name)
def test_valid_files_have_no_issues(path: Path) -> None:
    """A valid fixture gives an empty report, and loads."""
    report = partnering.validate(path, today=TODAY)
    assert [(issue.code, issue.pointer) for issue in report.issues] == []
    assert isinstance(partnering.load(path), partnering.Dataset)


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.name)
def test_invalid_files_give_exactly_their_issues(path: Path) -> None:
    """An invalid fixture gives exactly the issues its expectation lists, in order."""
    report = partnering.validate(path, today=TODAY)
    found = [
        {"code": issue.code, "pointer": issue.pointer, "severity": issue.severity.value}
        for issue in report.issues
    ]
    assert found == expected_issues(path)


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.name)
def test_every_issue_has_a_message_and_a_hint(path: Path) -> None:
    """No issue reaches a person without words on what is wrong and what to do."""
    for issue in partnering.validate(path, today=TODAY).issues:
        assert issue.message
        assert issue.hint


def test_the_corpus_covers_every_code_in_the_catalogue() -> None:
    """Every documented code except the unreachable ones is exercised by some fixture."""
    covered = {issue["code"] for path in INVALID for issue in expected_issues(path)}
    tested_elsewhere = {
        "read-error",  # needs a file that cannot be read: tests/test_validation.py
        "json-too-large",  # needs a limit lowered by the caller: tests/test_validation.py
        "json-encoding",
        "json-empty",
        "json-trailing-data",
        "json-non-finite",
        "json-number-too-long",
        "json-too-deep",
        "json-lone-surrogate",
        "not-json-data",  # needs Python values that no file holds: tests/test_misuse.py
        "schema-violation",  # reserved: the schema uses no keyword without its own code
        "invalid-value",  # reserved: only a disagreement of schema and models would give it
        "text-too-long",  # no field of format 1.0 has a maximum: tests/test_models.py
        # Workbooks and CSV folders, which JSON fixtures cannot be: tests/test_sheets_*.py
        *(code for code, info in issue_codes().items() if info.layer == "sheets"),
    }
    assert set(issue_codes()) - tested_elsewhere <= covered
