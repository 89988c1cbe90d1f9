"""The language-neutral conformance suite in ``conformance/``, and its agreement harness.

The suite is up to date with ``tests/fixtures``; partnering gives every test exactly its
verdict, codes and pointers; the allow-list of known engine differences is well formed; and
the harness fails on a difference it does not know. The JavaScript engines are run by
``.ci/run``; nothing here needs Node.js.
"""

import doctest
import importlib
import json
from datetime import date

import pytest
from conformance import build
from conformance.causes import value_cause
from conformance.compare import Allowance, Disagreement, compare, explain, load_allowances
from conformance.engines import EngineInfo, Location, Reference, Verdict, python_engines
from conformance.generate import Document
from conformance.suite import HERE, SuiteTest, load_suite, schema_versions

import partnering
from partnering.catalogue import issue_codes

TESTS = load_suite()
LAYERS = {code: info.layer for code, info in issue_codes().items()}
ENGINES = {
    "jsonschema",
    "jsonschema+formats",
    "jsonschema-rs",
    "jsonschema-rs+formats",
    "ajv",
    "ajv+formats",
    "ajv+formats/strict-false",
    "hyperjump",
    "hyperjump+formats",
}


def test_the_suite_is_what_build_writes_from_the_fixtures() -> None:
    """No generated file of the suite has drifted from tests/fixtures or the catalogue."""
    stale = [
        path.name
        for path, text in build.render().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run: python conformance/build.py"


def test_every_fixture_is_in_the_suite() -> None:
    """Each fixture and the bundled example is one test of the suite."""
    fixtures = [
        path.name
        for path in (build.FIXTURES).rglob("*.json")
        if not path.name.endswith(".expected.json")
    ]
    described = [test.description.rpartition(": ")[2] for test in TESTS]
    assert sorted([*fixtures, "platforms-2014.json"]) == sorted(
        name for name in described if name.endswith(".json")
    )


@pytest.mark.parametrize("test", TESTS, ids=lambda test: test.id)
def test_partnering_gives_each_test_its_issues(test: SuiteTest) -> None:
    """Validation reports exactly the codes and pointers the test expects."""
    report = partnering.validate(test.document, today=date.fromisoformat(test.today))
    assert sorted((issue.code, issue.pointer) for issue in report.issues) == sorted(test.issues)


@pytest.mark.parametrize("test", TESTS, ids=lambda test: test.id)
def test_the_verdict_is_that_of_the_reader_and_the_schema(test: SuiteTest) -> None:
    """A test is valid exactly when neither the reader nor the schema layer has an issue."""
    layers = {LAYERS[code] for code, _ in test.issues}
    assert test.valid == (not layers & {"parse", "schema"})


@pytest.mark.parametrize("test", TESTS, ids=lambda test: test.id)
def test_parse_level_tests_are_those_the_reader_decides(test: SuiteTest) -> None:
    """A test is parse-level exactly when its verdict rests on the reader."""
    refused = any(LAYERS[code] == "parse" for code, _ in test.issues)
    if refused:
        assert test.parse_level
    if not test.parse_level:
        assert not refused


def test_parse_level_tests_include_valid_ones() -> None:
    """The reader's limits are shown from both sides: the depth 64 passes, 65 does not."""
    parse_level = [test for test in TESTS if test.parse_level]
    assert any(test.valid for test in parse_level)
    assert any(not test.valid for test in parse_level)


def test_every_shipped_version_has_tests() -> None:
    """Each schema in schemas/ is the target of some test of the suite."""
    assert set(schema_versions()) <= {test.schema_version for test in TESTS}


def test_the_edge_cases_are_there() -> None:
    """The engine disagreements the issue lists each have a test."""
    documents = b"\n".join(test.document for test in TESTS)
    for needle in (
        b'"tpi\\n"',
        b'"1.0\\n"',
        b'"2014-04-13T09:30:00Z\\n"',
        b'"0000-01-01"',
        b"23:59:60Z",
        b'"2021-02-30"',
        b'"2021-13-01"',
        b"T24:00:00Z",
        b'"http://a:b"',
        b'"http://a@b@c"',
        b": 25.0}",
        b"1" + b"0" * 400,
        b"1e400",
    ):
        assert needle in documents, needle


def test_the_allow_list_is_documented() -> None:
    """Each known difference names engines that exist, a reason and where the format explains it."""
    entries = json.loads((HERE / "known-differences.json").read_text(encoding="utf-8"))[
        "differences"
    ]
    assert entries
    for entry in entries:
        assert set(entry) <= {"cause", "engines", "reason", "explained_by", "versions"}
        assert set(entry["engines"]) <= ENGINES
        assert entry["reason"].strip()
        for page in entry["explained_by"].split(" and "):
            assert (HERE.parent / page.split(" (")[0]).is_file(), page


def test_the_allow_list_holds_only_what_the_format_explains() -> None:
    """With the patterns carrying the meaning, only Ajv's need of ajv-formats is left."""
    assert [(entry.cause, entry.engines) for entry in load_allowances()] == [
        ("default-options-do-not-compile", ("ajv",))
    ]


def test_the_harness_fails_on_a_difference_it_does_not_know() -> None:
    """A new cause, or a known cause on an engine not listed for it, is unexplained."""
    allowances = [
        Allowance(cause="final-newline", engines=("jsonschema",), reason="r", explained_by="e")
    ]

    def disagreement(engine: str, cause: str) -> Disagreement:
        return Disagreement(
            engine=engine,
            document="d",
            version="1.0",
            direction="accepts",
            cause=cause,
            detail="id",
        )

    known = disagreement("jsonschema", "final-newline")
    other_engine = disagreement("ajv", "final-newline")
    new_cause = disagreement("jsonschema", "leap-second")
    explained, unexplained = explain([known, other_engine, new_cause], allowances)
    assert [found for found, _ in explained] == [known]
    assert unexplained == [other_engine, new_cause]


@pytest.mark.parametrize(
    ("value", "schema", "cause"),
    [
        ("tpi\n", {"pattern": "^[a-z]+$"}, "final-newline"),
        ("tpi\r", {"pattern": "^[a-z]+$"}, "pattern-not-matched"),
        ("0000-01-01", {"format": "date"}, "year-0000"),
        ("2021-02-30", {"format": "date"}, "day-out-of-range"),
        ("2021-13-01", {"format": "date"}, "month-out-of-range"),
        ("2016-12-31T23:59:60Z", {"format": "date-time"}, "leap-second"),
        ("2021-01-01T24:00:00Z", {"format": "date-time"}, "hour-24"),
        ("2021-01-01T23:60:00Z", {"format": "date-time"}, "time-out-of-range"),
        ("http://a:b", {"format": "uri"}, "uri-port-not-a-number"),
        ("http://a@b@c", {"format": "uri"}, "uri-two-at-signs"),
        ("http://a/%zz", {"format": "uri"}, "uri-bad-percent-escape"),
        ("http://a/<b>", {"format": "uri"}, "uri-character-not-allowed"),
        (2**53, {"type": "integer"}, "integer-beyond-2^53"),
        (10**400, {"type": "integer"}, "integer-beyond-double"),
        (25, {"type": "integer"}, "unclassified"),
    ],
)
def test_causes_are_named_from_the_value(value: object, schema: dict[str, str], cause: str) -> None:
    """Each kind of value that engines read differently gets its own cause."""
    assert value_cause(value, schema) == cause


def test_an_engine_accepting_a_leap_second_is_a_known_difference() -> None:
    """The harness traces an engine's wrong acceptance to the value partnering refused."""
    from conformance.engines import dataset_schema

    document = Document(
        id="d",
        version="1.0",
        document=b'{"schema_version": "1.0", "published_at": "2016-12-31T23:59:60Z"}',
        origin="",
    )
    reference = Reference(parse_level=False, issues=(("invalid-format", "/published_at"),))
    schema = dataset_schema("1.0")

    def engine(asserts_formats: bool) -> EngineInfo:
        return EngineInfo(name="e", version="1.0", setup="", asserts_formats=asserts_formats)

    accepting = Verdict(valid=True)
    [checked] = compare(engine(True), document, reference, accepting, schema)
    [unchecked] = compare(engine(False), document, reference, accepting, schema)
    assert (checked.direction, checked.cause, checked.detail) == (
        "accepts",
        "leap-second",
        "date-time",
    )
    assert (unchecked.cause, unchecked.detail) == ("format-not-asserted", "leap-second")
    refusing = Verdict(valid=False, locations=(Location("/published_at", "format"),))
    assert compare(engine(True), document, reference, refusing, schema) == []


def test_the_python_engines_agree_with_partnering_on_the_whole_suite() -> None:
    """The Python engines, with and without formats, reach partnering's verdict on every test."""
    from conformance.engines import dataset_schema, partnering_verdict

    schemas = {version: dataset_schema(version) for version in schema_versions()}
    found = []
    for engine in python_engines(schemas):
        for test in TESTS:
            document = Document(
                id=test.id, version=test.schema_version, document=test.document, origin=""
            )
            reference = partnering_verdict(test.document, date.fromisoformat(test.today))
            verdict = engine.judge(test.document, test.schema_version)
            info = engine.info(test.schema_version)
            found += compare(info, document, reference, verdict, schemas[test.schema_version])
    # Python's '$' before a final newline, formats left unchecked, year 0000, leap seconds:
    # the schema's patterns settle every one, whatever the engine's settings.
    assert found == []


@pytest.mark.parametrize(
    "module_name",
    [
        "conformance.agree",
        "conformance.build",
        "conformance.causes",
        "conformance.compare",
        "conformance.engines",
        "conformance.generate",
        "conformance.suite",
    ],
)
def test_docstring_examples_run(module_name: str) -> None:
    """Every docstring example of the harness gives the output it shows."""
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
