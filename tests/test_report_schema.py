"""The JSON report's schema: generated from the records that write the report, and strict."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, ValidationError

import partnering
from partnering import make_converter
from partnering._indented import indented_object
from partnering._patterns import compile_pattern
from partnering._report_json import (
    FileReport,
    Issue,
    ValidationReport,
    configure_report_converter,
    iter_json,
    json_document,
    make_report_converter,
    render_json,
)
from partnering.catalogue import issue_codes
from partnering.errors import InvalidValueError
from partnering.report import Issue as FoundIssue
from partnering.report import Report, Severity
from partnering.schemagen import render, report_schema, write_schemas

SCHEMAS = Path(__file__).parents[1] / "schemas"
COMMITTED = SCHEMAS / "1.1" / "report.schema.json"
SCHEMA: dict[str, Any] = json.loads(COMMITTED.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)

ROOT_KEYS = ["format_version", "partnering_version", "valid", "files"]
FILE_KEYS = ["source", "schema_version", "valid", "counts", "counts_by_code", "issues", "truncated"]
ISSUE_KEYS = [
    "code",
    "severity",
    "pointer",
    "path",
    "message",
    "hint",
    "excerpt",
    "line",
    "column",
    "record",
    "cell",
]

PARSE_ISSUE = FoundIssue(
    code="json-syntax",
    severity=Severity.ERROR,
    message="expected a value",
    hint="remove the comma",
    line=1,
    column=25,
)
FIELD_ISSUE = FoundIssue(
    code="missing-field",
    severity=Severity.ERROR,
    path=("partners", 0, "name"),
    message="'name' is missing",
    hint="add 'name'",
    excerpt="{}",
)
WARNING = FoundIssue(
    code="sector-contradicts-type",
    severity=Severity.WARNING,
    path=("partners", 1, "sector"),
    message="the sector does not fit the type",
)


def document() -> dict[str, Any]:
    """A report of three files: a parse error, two errors and a warning, and a clean file."""
    files = [
        ("broken.json", Report(issues=(PARSE_ISSUE,))),
        ("bad.json", Report(issues=(FIELD_ISSUE, WARNING))),
        ("good.json", Report(issues=(), schema_version="1.0")),
    ]
    return json_document(files, version="0.1.0")


# the committed file is the generated one


def test_the_committed_report_schema_is_the_generated_one() -> None:
    """schemas/ holds exactly what the generator writes from the report's records today."""
    assert COMMITTED.read_text(encoding="utf-8") == render(report_schema()), (
        "the committed report schema is out of date: run `python -m partnering.schemagen schemas`"
    )


def test_write_schemas_writes_the_dataset_and_the_report(tmp_path: Path) -> None:
    """The generator's command writes both schemas, each as committed."""
    written = write_schemas(tmp_path)
    assert sorted(path.relative_to(tmp_path).as_posix() for path in written) == [
        "1.0/dataset.schema.json",
        "1.1/dataset.schema.json",
        "1.1/report.schema.json",
    ]
    for path in written:
        committed = SCHEMAS / path.relative_to(tmp_path)
        assert path.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


def test_the_report_schema_keeps_its_identifier() -> None:
    """The schema's $id is the one the format has always published."""
    assert SCHEMA["$id"] == "https://partnering.dev/schemas/1.1/report.schema.json"
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_the_schema_lists_the_keys_in_the_order_they_are_written() -> None:
    """Every key is required, and the schema's order is the report's order."""
    definitions = SCHEMA["$defs"]
    for node, keys in [
        (SCHEMA, ROOT_KEYS),
        (definitions["FileReport"], FILE_KEYS),
        (definitions["Issue"], ISSUE_KEYS),
    ]:
        assert list(node["properties"]) == keys
        assert node["required"] == keys
        assert node["additionalProperties"] is False
    data = document()
    assert list(data) == ROOT_KEYS
    assert list(data["files"][1]) == FILE_KEYS
    assert list(data["files"][1]["issues"][0]) == ISSUE_KEYS


def test_every_catalogued_code_fits_the_schema() -> None:
    """The schema accepts the code of every issue the library can report."""
    pattern = compile_pattern(SCHEMA["$defs"]["Issue"]["properties"]["code"]["pattern"])
    assert [code for code in issue_codes() if not pattern.search(code)] == []


# what the records write


def test_the_converter_writes_every_key_and_null() -> None:
    """Empty hints and absent values are written, not left out, with the values as given."""
    data = document()
    assert data["format_version"] == "1.1"
    assert data["valid"] is False
    broken, bad, good = data["files"]
    assert broken["issues"] == [
        {
            "code": "json-syntax",
            "severity": "error",
            "pointer": "",
            "path": [],
            "message": "expected a value",
            "hint": "remove the comma",
            "excerpt": None,
            "line": 1,
            "column": 25,
            "record": None,
            "cell": None,
        }
    ]
    assert bad["counts"] == {"error": 1, "warning": 1}
    assert bad["counts_by_code"] == {"missing-field": 1, "sector-contradicts-type": 1}
    assert bad["issues"][0]["path"] == ["partners", 0, "name"]
    assert bad["issues"][1]["hint"] == ""
    assert good == {
        "source": "good.json",
        "schema_version": "1.0",
        "valid": True,
        "counts": {"error": 0, "warning": 0},
        "counts_by_code": {},
        "issues": [],
        "truncated": False,
    }


def test_max_issues_shortens_the_list_but_not_the_counts() -> None:
    """With max_issues, each file lists that many issues, says so, and keeps exact counts."""
    report = Report(issues=(FIELD_ISSUE, WARNING))
    (entry,) = json_document([("bad.json", report)], version="0.1.0", max_issues=1)["files"]
    assert [issue["code"] for issue in entry["issues"]] == ["missing-field"]
    assert entry["truncated"] is True
    assert entry["counts"] == {"error": 1, "warning": 1}
    (entry,) = json_document([("bad.json", report)], version="0.1.0", max_issues=2)["files"]
    assert entry["truncated"] is False


def test_the_library_converter_can_write_reports() -> None:
    """configure_report_converter makes another converter write reports whole, constants too."""
    converter = make_converter()
    files = [("bad.json", Report(issues=(WARNING,)))]
    record = ValidationReport.of(files, version="0.1.0")
    assert "format_version" not in converter.unstructure(record)
    configure_report_converter(converter)
    assert converter.unstructure(record) == make_report_converter().unstructure(record)
    assert converter.unstructure(record)["format_version"] == "1.1"
    assert converter.unstructure(record)["files"][0]["issues"][0]["excerpt"] is None


def test_the_records_refuse_what_the_schema_refuses() -> None:
    """A record that would break the schema cannot be built."""
    issue = Issue.of(FIELD_ISSUE)
    with pytest.raises(InvalidValueError):
        Issue.of(FoundIssue(code="Not A Code", severity=Severity.ERROR, message="m"))
    with pytest.raises(InvalidValueError):
        Issue.of(FoundIssue(code="c", severity=Severity.ERROR, message=""))
    with pytest.raises(InvalidValueError):
        Issue.of(FoundIssue(code="c", severity=Severity.ERROR, message="m", line=0))
    fields: dict[str, Any] = {
        "source": "a.json",
        "schema_version": "1.0",
        "valid": False,
        "counts": {Severity.ERROR: 1, Severity.WARNING: 0},
        "counts_by_code": {"missing-field": 1},
        "issues": (issue,),
        "truncated": False,
    }
    FileReport(**fields)
    for name, value in [
        ("schema_version", "one"),
        ("counts", {Severity.ERROR: -1, Severity.WARNING: 0}),
        ("counts_by_code", {"missing-field": 0}),
        ("counts_by_code", {"Missing_Field": 1}),
        ("issues", [issue]),
    ]:
        with pytest.raises(InvalidValueError):
            FileReport(**{**fields, name: value})
    with pytest.raises(InvalidValueError):
        ValidationReport(partnering_version="", valid=True, files=())


# the schema accepts what is written, and refuses the rest


def test_the_schema_accepts_the_report() -> None:
    """A report of parse errors, errors, warnings and a clean file is valid."""
    VALIDATOR.validate(document())


def _set(*keys: str | int, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value

    return mutate


def _drop(*keys: str | int) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys[:-1]:
            node = node[key]
        del node[keys[-1]]

    return mutate


_FILE = ("files", 1)
_ISSUE = ("files", 1, "issues", 0)
_PARSE = ("files", 0, "issues", 0)

BROKEN: dict[str, Callable[[dict[str, Any]], None]] = {
    **{f"no {key}": _drop(key) for key in ROOT_KEYS},
    **{f"no file {key}": _drop(*_FILE, key) for key in FILE_KEYS},
    **{f"no issue {key}": _drop(*_ISSUE, key) for key in ISSUE_KEYS},
    "no error count": _drop(*_FILE, "counts", "error"),
    "no warning count": _drop(*_FILE, "counts", "warning"),
    "an unknown key": _set("extra", value=1),
    "an unknown file key": _set(*_FILE, "extra", value=1),
    "an unknown issue key": _set(*_ISSUE, "extra", value=1),
    "an unknown severity count": _set(*_FILE, "counts", "fatal", value=0),
    "another format version": _set("format_version", value="2.0"),
    "an empty library version": _set("partnering_version", value=""),
    "a verdict as text": _set("valid", value="no"),
    "files as an object": _set("files", value={}),
    "a file's source as a number": _set(*_FILE, "source", value=1),
    "a schema version without a dot": _set(*_FILE, "schema_version", value="1"),
    "a schema version with a prefix": _set(*_FILE, "schema_version", value="v1.0"),
    "a file verdict as null": _set(*_FILE, "valid", value=None),
    "a negative count": _set(*_FILE, "counts", "error", value=-1),
    "a fractional count": _set(*_FILE, "counts", "warning", value=0.5),
    "a code count of 0": _set(*_FILE, "counts_by_code", "missing-field", value=0),
    "a code count as text": _set(*_FILE, "counts_by_code", "missing-field", value="1"),
    "a counted code in capitals": _set(*_FILE, "counts_by_code", "Missing-Field", value=1),
    "issues as an object": _set(*_FILE, "issues", value={}),
    "truncated as a number": _set(*_FILE, "truncated", value=0),
    "a code with a space": _set(*_ISSUE, "code", value="missing field"),
    "a code ending in a hyphen": _set(*_ISSUE, "code", value="missing-"),
    "an unknown severity": _set(*_ISSUE, "severity", value="fatal"),
    "a pointer as a list": _set(*_ISSUE, "pointer", value=[]),
    "a negative index": _set(*_ISSUE, "path", 1, value=-1),
    "a fractional index": _set(*_ISSUE, "path", 1, value=0.5),
    "a null path segment": _set(*_ISSUE, "path", 1, value=None),
    "an empty message": _set(*_ISSUE, "message", value=""),
    "a null hint": _set(*_ISSUE, "hint", value=None),
    "an excerpt as a number": _set(*_ISSUE, "excerpt", value=5),
    "line 0": _set(*_PARSE, "line", value=0),
    "column 0": _set(*_PARSE, "column", value=0),
    "a line as text": _set(*_PARSE, "line", value="1"),
}


@pytest.mark.parametrize("mutate", BROKEN.values(), ids=list(BROKEN))
def test_the_schema_refuses_a_broken_report(mutate: Callable[[dict[str, Any]], None]) -> None:
    """Each requirement of the report format is enforced by its schema."""
    data = copy.deepcopy(document())
    mutate(data)
    with pytest.raises(ValidationError):
        VALIDATOR.validate(data)


found_issues = st.builds(
    FoundIssue,
    code=st.sampled_from(sorted(issue_codes())),
    severity=st.sampled_from(Severity),
    path=st.lists(st.text(max_size=5) | st.integers(min_value=0), max_size=4).map(tuple),
    message=st.text(min_size=1, max_size=20),
    hint=st.text(max_size=20),
    excerpt=st.none() | st.text(max_size=10),
    # Whole numbers lie within 2^53 - 1, as everywhere in the formats.
    line=st.none() | st.integers(min_value=1, max_value=2**53 - 1),
    column=st.none() | st.integers(min_value=1, max_value=2**53 - 1),
)
reports = st.lists(found_issues, max_size=6).map(lambda issues: Report(issues=tuple(issues)))


@given(
    files=st.lists(st.tuples(st.text(max_size=10), reports), max_size=3),
    max_issues=st.none() | st.integers(min_value=0, max_value=4),
)
def test_every_report_written_follows_the_schema(
    files: list[tuple[str, Report]], max_issues: int | None
) -> None:
    """Whatever the issues, the JSON written is valid, in ASCII, and its counts are exact."""
    text = render_json(files, version="0.1.0", max_issues=max_issues)
    assert text.isascii()
    data = json.loads(text)
    VALIDATOR.validate(data)
    assert data["valid"] is all(report.valid for _, report in files)
    for entry, (source, report) in zip(data["files"], files, strict=True):
        assert entry["source"] == source
        assert sum(entry["counts"].values()) == len(report.issues)
        assert sum(entry["counts_by_code"].values()) == len(report.issues)
        listed = len(report.issues) if max_issues is None else min(max_issues, len(report.issues))
        assert len(entry["issues"]) == listed
        assert entry["truncated"] is (listed < len(report.issues))
        assert [issue["pointer"] for issue in entry["issues"]] == [
            issue.pointer for issue in report.issues[:listed]
        ]


@given(
    files=st.lists(st.tuples(st.text(max_size=10), reports), max_size=3),
    max_issues=st.none() | st.integers(min_value=0, max_value=4),
)
def test_report_written_in_pieces_is_what_json_dumps_writes(
    files: list[tuple[str, Report]], max_issues: int | None
) -> None:
    """The report is written an issue at a time, each by a faster encoder: same text."""
    document = json_document(files, version="0.1.0", max_issues=max_issues)
    expected = json.dumps(document, indent=2, ensure_ascii=True) + "\n"
    assert "".join(iter_json(files, version="0.1.0", max_issues=max_issues)) == expected
    assert render_json(files, version="0.1.0", max_issues=max_issues) == expected


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8)


@given(
    st.dictionaries(
        st.text(max_size=6),
        _JSON_SCALARS
        | st.lists(_JSON_SCALARS, max_size=3)
        | st.lists(st.dictionaries(st.text(max_size=3), _JSON_SCALARS, max_size=2), max_size=2),
        max_size=5,
    ),
    st.sampled_from(["", "  ", " " * 8]),
)
def test_indented_object_is_what_json_dumps_writes(data: dict[str, Any], indent: str) -> None:
    expected = json.dumps(data, indent=2, ensure_ascii=True).replace("\n", "\n" + indent)
    assert indented_object(data, indent) == expected


def test_indented_object_example() -> None:
    assert indented_object({"a": [], "b": [0, "\u00e9"], "c": True}, "") == (
        '{\n  "a": [],\n  "b": [\n    0,\n    "\\u00e9"\n  ],\n  "c": true\n}'
    )


# --- Report format 1.0, as 0.1.0 published it ---------------------------------------------

REPORT_1_0 = SCHEMAS / "1.0" / "report.schema.json"

#: What ``partnering validate --format json bad.json`` printed with partnering 0.1.0, for the
#: file ``{"schema_version": "1.0", "partners": [{"id": "tpi", "nmae": "TPI"}]}``.
WRITTEN_BY_0_1_0: dict[str, Any] = {
    "format_version": "1.0",
    "partnering_version": "0.1.0",
    "valid": False,
    "files": [
        {
            "source": "bad.json",
            "schema_version": "1.0",
            "valid": False,
            "counts": {"error": 3, "warning": 0},
            "counts_by_code": {"missing-field": 2, "unknown-field": 1},
            "issues": [
                {
                    "code": "missing-field",
                    "severity": "error",
                    "pointer": "/partners/0/name",
                    "path": ["partners", 0, "name"],
                    "message": "'name' is missing; every partner needs one",
                    "hint": "add 'name' to this partner",
                    "excerpt": None,
                    "line": None,
                    "column": None,
                },
                {
                    "code": "unknown-field",
                    "severity": "error",
                    "pointer": "/partners/0/nmae",
                    "path": ["partners", 0, "nmae"],
                    "message": "unknown field 'nmae' in partner (did you mean 'name'?)",
                    "hint": "correct the name, or put custom data under 'extensions' "
                    "with a namespaced key such as 'my-platform:field'",
                    "excerpt": None,
                    "line": None,
                    "column": None,
                },
                {
                    "code": "missing-field",
                    "severity": "error",
                    "pointer": "/partners/0/organisation_type",
                    "path": ["partners", 0, "organisation_type"],
                    "message": "'organisation_type' is missing; every partner needs one",
                    "hint": "add 'organisation_type' to this partner",
                    "excerpt": None,
                    "line": None,
                    "column": None,
                },
            ],
            "truncated": False,
        }
    ],
}


def test_the_schema_of_report_format_1_0_is_the_one_published() -> None:
    """A published format never changes: the file is byte for byte the one 0.1.0 shipped."""
    digest = hashlib.sha256(REPORT_1_0.read_bytes()).hexdigest()
    assert digest == "e19d55f091ceade731157f56fbfedd567c5f8393d5b4618bfcde0992e736d9c6"
    assert partnering.get_schema("report", version="1.0")["$id"] == (
        "https://partnering.dev/schemas/1.0/report.schema.json"
    )


def test_a_report_of_0_1_0_follows_format_1_0_and_not_1_1() -> None:
    old = Draft202012Validator(json.loads(REPORT_1_0.read_text(encoding="utf-8")))
    assert list(old.iter_errors(WRITTEN_BY_0_1_0)) == []
    # 1.1 names the record and the cell of every issue, so a 1.0 report is not a 1.1 one.
    assert {error.validator for error in VALIDATOR.iter_errors(WRITTEN_BY_0_1_0)} == {
        "const",
        "required",
    }


def test_a_report_of_today_follows_format_1_1_and_not_1_0() -> None:
    written = document()
    assert list(VALIDATOR.iter_errors(written)) == []
    assert written["format_version"] == "1.1"
    old = Draft202012Validator(json.loads(REPORT_1_0.read_text(encoding="utf-8")))
    assert not old.is_valid(written)
