"""The two schema engines agree: jsonschema-rs and jsonschema give the same verdict and issues.

The fast path asks jsonschema-rs whether a document is valid and which records are not, then
lets jsonschema explain those records. These tests hold the engines to the same verdict on the
same data, where engines are known to differ (``$`` before a final newline, digits of other
scripts, date formats, integers written with a fraction, booleans among numbers) and on
datasets mutated at random; and they hold the fast path's issues, and the models it builds,
equal to the reference path's.
"""

import datetime
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnering
from partnering import Validator, _fast, _schema_layer
from partnering._format import SCHEMA_VERSION, checked_version
from partnering._patterns import DATE, DATETIME, URL
from partnering.convert import structure, unstructure
from partnering.models import Dataset
from partnering.strategies import datasets

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = datetime.date(2026, 1, 1)

Document = dict[str, Any]


def _version(data: Document) -> str:
    """The version a document is checked against: the one it declares, when it is read."""
    return checked_version(data) or SCHEMA_VERSION


def rs_verdict(data: Document) -> bool:
    whole, _ = _fast.engines(_version(data))
    verdict: bool = whole.is_valid(data)
    return verdict


def python_verdict(data: Document) -> bool:
    validator = _schema_layer._validator(_version(data))  # type: ignore[attr-defined]  # a private name
    verdict: bool = validator.is_valid(data)
    return verdict


def fast_issues(data: Document) -> list[partnering.Issue]:
    return sorted(_fast.schema_issues(data, plain=True), key=lambda issue: issue.sort_key)


def reference_issues(data: Document) -> list[partnering.Issue]:
    return sorted(_schema_layer.schema_issues(data), key=lambda issue: issue.sort_key)


def assert_engines_agree(data: Document) -> None:
    assert _fast.is_plain_json(data)
    assert rs_verdict(data) == python_verdict(data)
    assert fast_issues(data) == reference_issues(data)


# --- Edge cases where engines are known to differ -------------------------------------------------

VERSION = {"schema_version": "1.0"}


def partner(**fields: Any) -> Document:
    return {**VERSION, "partners": [{"id": "p", "name": "P", "organisation_type": "21", **fields}]}


def partnership(**fields: Any) -> Document:
    record = {"id": "x", "title": "T", "participants": [{"partner_id": "a"}, {"partner_id": "b"}]}
    return {**VERSION, "partnerships": [{**record, **fields}]}


def event(**fields: Any) -> Document:
    record = {"id": "e", "name": "E", "start_date": "2014-04-13", "end_date": "2014-04-14"}
    return {**VERSION, "events": [{**record, **fields}]}


def top(**fields: Any) -> Document:
    return {**VERSION, **fields}


EDGE_CASES: list[tuple[str, Document, bool]] = [
    # ECMA-262 "$" does not match before a final newline; Python's does.
    ("id with a final newline", partner(id="abc\n"), False),
    ("country with a final newline", partner(country="KE\n"), False),
    ("version with a final newline", top(schema_version="1.0\n"), False),
    ("SDG target with a final newline", partnership(sdg_targets=["3.8\n"]), False),
    ("extension key with a final newline", partner(extensions={"a:b\n": 1}), False),
    ("date with a final newline", event(start_date="2014-04-13\n"), False),
    # Digits of other scripts are not [0-9].
    ("date in Arabic-Indic digits", event(start_date="٢٠١٤-٠٤-١٣"), False),
    ("SDG target in Arabic-Indic digits", partnership(sdg_targets=["٣.٨"]), False),
    ("date in fullwidth digits", event(start_date="２０１４-０４-１３"), False),  # noqa: RUF001
    # Dates: real ones, written YYYY-MM-DD.
    ("impossible date", event(start_date="2014-02-30"), False),
    ("date without zero padding", event(start_date="2014-4-13"), False),
    ("basic ISO date", event(start_date="20140413"), False),
    ("ISO week date", event(start_date="2014-W15-1"), False),
    ("year zero", event(start_date="0000-01-01"), False),
    ("leap day", event(start_date="2016-02-29"), True),
    ("leap day of a common year", event(start_date="2015-02-29"), False),
    ("leap day of 1900", event(start_date="1900-02-29"), False),
    ("leap day of 2000", event(start_date="2000-02-29"), True),
    ("first day of year 1", event(start_date="0001-01-01"), True),
    # Times: UTC to the second, with a final Z.
    ("time with an offset", top(published_at="2026-01-01T00:00:00+00:00"), False),
    ("time in lower case", top(published_at="2026-01-01t00:00:00z"), False),
    ("time with fractions", top(published_at="2026-01-01T00:00:00.5Z"), False),
    ("hour 24", top(published_at="2026-01-01T24:00:00Z"), False),
    ("impossible day in a time", top(published_at="2026-02-30T00:00:00Z"), False),
    ("leap second", top(published_at="2016-12-31T23:59:60Z"), False),
    ("year zero in a time", top(published_at="0000-01-01T00:00:00Z"), False),
    ("time", top(published_at="2026-01-01T00:00:00Z"), True),
    # Web addresses: http(s) URIs of RFC 3986 that name their host.
    ("address with a space", partner(website="http://a b"), False),
    ("host with a space", partner(website="https://exa mple.org"), False),
    ("address with a non-ASCII host", partner(website="https://exämple.org"), False),
    ("address without a host", partner(website="http://"), False),
    ("address with a bad port", partner(website="http://a:b"), False),
    ("address with a bad escape", partner(website="http://a/%zz"), False),
    ("address with a backslash", partner(website="http://a\\b"), False),
    ("address with an IPv6 host", partner(website="http://[::1]/"), False),
    ("address with a bad IPv6 host", partner(website="http://[zz]/"), False),
    ("address with an IPv4 host", partner(website="http://192.0.2.1/"), False),
    ("address with user information", partner(website="http://u@example.org/"), False),
    ("address with an empty host", partner(website="http:///licence"), False),
    ("address with an empty port", partner(website="http://example.org:/"), False),
    ("address with the last port", partner(website="http://example.org:65535/"), True),
    ("address with a port too large", partner(website="http://example.org:65536/"), False),
    ("address with two @", partner(website="http://a@b@c"), False),
    ("address", partner(website="https://example.org/a?b=c#d"), True),
    ("licence over ftp", top(license="ftp://example.org/licence"), False),
    # Numbers: integral floats are integers, booleans are not numbers.
    ("25.0 as a whole number", event(participant_count=25.0), True),
    ("-0.0 as a count", event(participant_count=-0.0), True),
    ("1.5 as a whole number", event(participant_count=1.5), False),
    ("true as a whole number", event(participant_count=True), False),
    ("a very large count", event(participant_count=10**30), False),
    ("a very negative count", event(participant_count=-(10**30)), False),
    ("1e308 as a count", event(participant_count=1e308), False),
    ("2^53 - 1 as a count", event(participant_count=2**53 - 1), True),
    ("2^53 - 1 as a float", event(participant_count=float(2**53 - 1)), True),
    ("2^53 as a count", event(participant_count=2**53), False),
    (
        "2^53 as an order",
        {
            **VERSION,
            "building_blocks": [
                {"id": "b", "framework_id": "f", "name": "B", "description": "D", "order": 2**53}
            ],
        },
        False,
    ),
    ("the smallest float as a count", event(participant_count=5e-324), False),
    ("2014.0 as a year", partner(sources=[{"title": "t", "year": 2014.0}]), True),
    ("SDGs 1 and true", partnership(sdgs=[1, True]), False),
    ("SDGs 1 and 1.0", partnership(sdgs=[1, 1.0]), False),
    ("SDG 3.0", partnership(sdgs=[3.0]), True),
    ("SDGs 17 and 17.0", partnership(sdgs=[17, 17.0]), False),
    ("SDGs 3 and 3.0000000000000004", partnership(sdgs=[3, 3.0000000000000004]), False),
    ("SDGs 10**20 and 1e20", partnership(sdgs=[10**20, 1e20]), False),
    ("SDG 18", partnership(sdgs=[18]), False),
    # Text: lengths count characters, of any script.
    ("empty name", partner(name=""), False),
    ("empty id", partner(id=""), False),
    ("id of 200 characters", partner(id="a" * 200), True),
    ("id of 201 characters", partner(id="a" * 201), False),
    ("name of 100,000 characters", partner(name="x" * 100_000), True),
    ("name in many scripts", partner(name="Ñandú 北京 Москва القاهرة 😀"), True),
    ("name of one astral character", partner(name="😀"), True),
    # Text shows something, and holds no control character but tab (issue 15).
    ("name of a NUL character", partner(name="\x00"), False),
    ("name with a NUL inside", partner(name="a\x00b"), False),
    ("name of a zero-width space", partner(name="\u200b"), False),
    ("name with a tab inside", partner(name="a\tb"), True),
    ("id with a non-ASCII letter", partner(id="é"), False),
    # Objects: empty, unknown and custom fields.
    ("empty extensions", partner(extensions={}), False),
    ("extension key in capitals", partner(extensions={"A:b": 1}), False),
    ("nested extension data", partner(extensions={"a:b": {"x": [1, None, {"y": 2.5}]}}), True),
    ("unknown field", partner(nmae="x"), False),
    ("null value", partner(acronym=None), False),
    ("version as a number", top(schema_version=1), False),
]


@pytest.mark.parametrize(
    ("data", "valid"),
    [(data, valid) for _, data, valid in EDGE_CASES],
    ids=[name for name, _, _ in EDGE_CASES],
)
def test_engines_agree_on_edge_cases(data: Document, valid: bool) -> None:
    """Both engines give the verdict expected, and the fast path the reference's issues."""
    assert rs_verdict(data) is valid
    assert python_verdict(data) is valid
    assert_engines_agree(data)


@pytest.mark.parametrize(
    "data",
    [data for _, data, valid in EDGE_CASES if valid],
    ids=[name for name, _, valid in EDGE_CASES if valid],
)
def test_fast_structuring_of_edge_cases_equals_the_converter(data: Document) -> None:
    """What the fast path builds from a valid edge case equals what the converter builds."""
    built = _fast.structure(data)
    assert built == structure(data, Dataset)
    assert unstructure(built) == unstructure(structure(data, Dataset))


# --- Formats are hints: the patterns beside them carry their meaning ------------------------

FORMAT_SAMPLES = [
    "",
    "2014-04-13",
    "2014-02-30",
    "0000-01-01",
    "2014-4-13",
    "20140413",
    "2014-04-13\n",
    "٢٠١٤-٠٤-١٣",
    "2014-W15-1",
    "2026-01-01T00:00:00Z",
    "2016-12-31T23:59:60Z",
    "2026-01-01t00:00:00z",
    "2026-01-01T00:00:00+00:00",
    "2026-01-01T00:00:00.123456Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01 00:00:00Z",
    "https://example.org/",
    "http://a b",
    "https://exa mple.org",
    "https://exämple.org",
    "http://[::1]/",
    "http://a:b",
    "http://a@b@c",
    "mailto:someone@example.org",
    "urn:isbn:0451450523",
    "//example.org",
    "example.org",
]

#: The pattern beside each format in the schema.
FORMAT_PATTERNS = {"date": DATE, "date-time": DATETIME, "uri": URL}


@pytest.mark.parametrize("name", sorted(FORMAT_PATTERNS))
@given(value=st.one_of(st.sampled_from(FORMAT_SAMPLES), st.text(max_size=30)))
def test_what_a_pattern_accepts_its_format_accepts(name: str, value: str) -> None:
    """An engine that also checks formats (as jsonschema's checker does) refuses nothing more."""
    if FORMAT_PATTERNS[name].matches(value):
        assert jsonschema.FormatChecker().conforms(value, name)


def test_the_engines_check_no_format() -> None:
    """Neither engine needs a format check: a value only the uri check would refuse is taken."""
    assert _schema_layer._validator().format_checker is None  # type: ignore[attr-defined]  # a private name
    # Every web address the pattern accepts is a URI; a format the engines do not know would
    # make jsonschema-rs fail if it checked formats, and here it validates.
    data = top(license="https://example.org/")
    assert rs_verdict(data)
    assert python_verdict(data)


# --- Random mutations of valid datasets -----------------------------------------------------------

EDGE_STRINGS = [
    "",
    "abc\n",
    "٢٠١٤-٠٤-١٣",
    "٣.٨",
    "2014-02-30",
    "2014-4-13",
    "2014-04-13",
    "2026-01-01T00:00:00+00:00",
    "2026-01-01T00:00:00Z",
    "http://a b",
    "https://exa mple.org",
    "https://example.org/",
    "21",
    "KE",
    "ke",
    "national",
    "1.0",
    "x" * 201,
    "a:b",
    "Ñandú 😀",
]
FIELD_NAMES = ["id", "name", "title", "nmae", "extensions", "sdgs", "website", "roles", "year"]

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([0, 1, 17, 18, 25.0, -0.0, 1.5, 1e308, 2014.0]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(EDGE_STRINGS),
    st.text(max_size=12),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), children, max_size=3),
    ),
    max_leaves=6,
)


def containers(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """List the paths of every object and array in ``value``."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        found.append(path)
        for key, child in value.items():
            found.extend(containers(child, (*path, key)))
    elif isinstance(value, list):
        found.append(path)
        for index, child in enumerate(value):
            found.extend(containers(child, (*path, index)))
    return found


def at(document: object, path: tuple[Any, ...]) -> Any:
    for segment in path:
        document = document[segment]  # type: ignore[index]
    return document


def exact_copy(dataset: Dataset) -> Document:
    """The dataset's file as the standard library reads it, numbers with a fraction exact."""
    copied: Document = json.loads(partnering.dumps(dataset), parse_float=Decimal)
    return copied


@st.composite
def mutated_documents(draw: Callable[..., Any]) -> Document:
    document: Document = exact_copy(draw(datasets(max_size=2)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = containers(document)
        container = at(document, draw(st.sampled_from(paths)))
        action = draw(st.sampled_from(["replace", "add", "remove"]))
        if isinstance(container, dict):
            keys = list(container)
            if action == "add" or not keys:
                key = draw(st.sampled_from(FIELD_NAMES) | st.text(max_size=6))
                container[key] = draw(json_values)
            elif action == "remove":
                del container[draw(st.sampled_from(keys))]
            else:
                container[draw(st.sampled_from(keys))] = draw(json_values)
        elif action == "add" or not container:
            container.append(draw(json_values))
        elif action == "remove":
            del container[draw(st.integers(min_value=0, max_value=len(container) - 1))]
        else:
            index = draw(st.integers(min_value=0, max_value=len(container) - 1))
            container[index] = draw(json_values)
    return document


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_documents())
def test_engines_agree_on_mutated_datasets(document: Document) -> None:
    """On a dataset mutated at random, both engines agree, and so do the issues they give."""
    assert_engines_agree(document)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_documents())
def test_both_validators_report_mutated_datasets_alike(document: Document) -> None:
    """Whole reports, rules included, and what check builds are the same on either engine."""
    fast = Validator(today=TODAY)
    reference = Validator(engine="reference", today=TODAY)
    assert fast.validate(document) == reference.validate(document)
    assert fast.check(document) == reference.check(document)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(datasets())
def test_engines_agree_on_valid_datasets(dataset: Dataset) -> None:
    """Every dataset the strategies build is valid for both engines, and structures alike."""
    data: Document = exact_copy(dataset)
    assert rs_verdict(data)
    assert python_verdict(data)
    assert _fast.structure(data) == dataset == structure(data, Dataset)
    fast = Validator(today=TODAY).validate(dataset)
    assert fast == Validator(engine="reference", today=TODAY).validate(dataset)
    assert fast.source == "<dataset>"


# --- The conformance corpus -----------------------------------------------------------------------

CORPUS = sorted(
    path for path in FIXTURES.glob("*/*.json") if not path.name.endswith(".expected.json")
)


@pytest.mark.parametrize(
    "path", [*CORPUS, partnering.example_path()], ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_fast_and_reference_paths_report_the_corpus_alike(path: Path) -> None:
    """Every file of the conformance corpus gets the same report on both paths."""
    fast = Validator(today=TODAY)
    reference = Validator(engine="reference", today=TODAY)
    assert fast.validate(path) == reference.validate(path)
    assert fast.check(path) == reference.check(path)
