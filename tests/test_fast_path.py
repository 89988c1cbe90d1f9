"""The fast path: hostile input is still refused, and reports equal the reference path's.

``partnering.load`` and ``partnering.validate`` check documents with jsonschema-rs and build
models with generated functions. These tests show that the strict parser still stands before
both, that data the fast engine cannot judge exactly goes to the reference path, and that a
corrupted registry gets, issue for issue, the report the pure-Python reference path gives.
"""

import copy
import gc
import json
import math
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import partnering
from partnering import JSONParseError, Validator, _fast
from partnering._fast import _engine
from partnering.convert import structure
from partnering.models import Dataset

TODAY = date(2026, 1, 1)
FAST = Validator(today=TODAY)
REFERENCE = Validator(engine="reference", today=TODAY)
HEAD = b'{"schema_version": "1.0", "partners": [{"id": "p", "name": "P", "organisation_type": "21"'


def nested(depth: int) -> bytes:
    return b'{"schema_version": "1.0", "extensions": {"a:b": ' + b"[" * depth + b"]" * depth + b"}}"


def extension(value: bytes) -> bytes:
    return HEAD + b', "extensions": {"a:b": ' + value + b"}}]}"


HOSTILE: list[tuple[str, bytes, str]] = [
    ("repeated top-level key", b'{"title": "a", "title": "b"}', "json-duplicate-key"),
    ("repeated key in a record", HEAD + b', "id": "q"}]}', "json-duplicate-key"),
    ("NaN", extension(b"NaN"), "json-non-finite"),
    ("Infinity", extension(b"Infinity"), "json-non-finite"),
    ("-Infinity", extension(b"-Infinity"), "json-non-finite"),
    ("a number too large to be finite", extension(b"1e400"), "json-non-finite"),
    ("nesting deeper than the limit", nested(100), "json-too-deep"),
    ("nesting deeper than the interpreter's stack", nested(100_000), "json-too-deep"),
    ("a byte order mark", b"\xef\xbb\xbf" + HEAD + b"}]}", "json-encoding"),
    ("UTF-16", '{"schema_version": "1.0"}'.encode("utf-16-le"), "json-encoding"),
    ("a Latin-1 byte", HEAD.replace(b'"P"', b'"Caf\xe9"') + b"}]}", "json-encoding"),
    ("a lone surrogate escape", HEAD.replace(b'"P"', b'"\\ud800"') + b"}]}", "json-lone-surrogate"),
    ("an integer of 5,000 digits", extension(b"9" * 5000), "json-number-too-long"),
]  # fmt: skip


def refusal(read: Callable[[], object]) -> str:
    """Return the code with which ``read`` refuses a document.

    loads and load raise JSONParseError, or InvalidDocumentError whose report holds the
    parser's issue (tests/test_documents.py follows which one they should raise).
    """
    try:
        read()
    except JSONParseError as error:
        return error.code
    except partnering.InvalidDocumentError as error:
        (issue,) = error.report.issues
        return issue.code
    raise AssertionError("the document was read")


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any use of the fast engine fail the test."""

    def refuse() -> None:
        raise AssertionError("the fast engine was given data the strict parser refuses")

    monkeypatch.setattr(_engine, "engines", refuse)
    monkeypatch.setattr(_fast, "structure", refuse)


@pytest.mark.usefixtures("no_engine")
@pytest.mark.parametrize(
    ("document", "code"), [(d, c) for _, d, c in HOSTILE], ids=[n for n, _, _ in HOSTILE]
)
def test_hostile_input_is_refused_before_any_engine(
    document: bytes, code: str, tmp_path: Path
) -> None:
    """load, loads and validate refuse hostile input with the parser's code, engines unused."""
    report = partnering.validate(document)
    assert [issue.code for issue in report.issues] == [code]
    path = tmp_path / "hostile.json"
    path.write_bytes(document)
    assert [issue.code for issue in partnering.validate(path).issues] == [code]
    assert refusal(lambda: partnering.loads(document)) == code
    assert refusal(lambda: partnering.load(path)) == code


@pytest.mark.usefixtures("no_engine")
def test_the_size_limit_is_kept_before_any_engine(tmp_path: Path) -> None:
    """A document over max_bytes is refused alike, whether given as bytes or as a file."""
    document = HEAD + b"}]}"
    assert [i.code for i in partnering.validate(document, max_bytes=10).issues] == [
        "json-too-large"
    ]
    path = tmp_path / "large.json"
    path.write_bytes(document)
    assert partnering.validate(path, max_bytes=10).issues[0].code == "json-too-large"
    with pytest.raises(partnering.PartneringError):
        partnering.load(path, max_bytes=10)


class Text(str):
    """A string subclass: not what a JSON parser returns."""


PARTNER = {"id": "p", "name": "P", "organisation_type": "21"}
EVENT = {"id": "e", "name": "E", "start_date": "2014-04-13", "end_date": "2014-04-14"}

NOT_PLAIN: list[tuple[str, dict[str, Any]]] = [
    ("a tuple for a list", {"schema_version": "1.0", "partners": (PARTNER,)}),
    ("NaN", {"schema_version": "1.0", "events": [{**EVENT, "participant_count": math.nan}]}),
    ("infinity", {"schema_version": "1.0", "extensions": {"a:b": math.inf}}),
    ("a str subclass", {"schema_version": "1.0", "title": Text("x")}),
    ("a lone surrogate", {"schema_version": "1.0", "title": "\ud800"}),
    ("a key that is not a string", {"schema_version": "1.0", "extensions": {1: 2}}),
    ("nesting deeper than max_depth", json.loads(nested(80))),
]  # fmt: skip


@pytest.mark.usefixtures("no_engine")
@pytest.mark.parametrize("data", [d for _, d in NOT_PLAIN], ids=[n for n, _ in NOT_PLAIN])
def test_data_that_is_not_plain_json_takes_the_reference_path(data: dict[str, Any]) -> None:
    """Parsed data the fast engine could judge differently never reaches it."""
    assert not _fast.is_plain_json(data)
    assert FAST.validate(data) == REFERENCE.validate(data)
    assert FAST.check(data) == REFERENCE.check(data)


def test_plain_mappings_take_the_fast_path() -> None:
    """Data a caller parsed with json.loads is plain, and gets the reference's report."""
    data = json.loads(partnering.example_path().read_bytes())
    assert _fast.is_plain_json(data)
    broken = copy.deepcopy(data)
    broken["partners"][0]["website"] = "http://a b"
    assert partnering.validate(broken, today=TODAY) == REFERENCE.validate(broken)


# --- A corrupted registry -------------------------------------------------------------------------

TYPES = ["10", "15", "21", "22", "40", "60", "70", "72", "80"]
COUNTRIES = ["KE", "ZM", "CO", "SG", "GB", "SE", "MX", "IN"]


def registry(size: int, seed: int = 7) -> dict[str, Any]:
    """Build a valid registry of ``size`` partners and partnerships and a few platforms."""
    rng = random.Random(seed)
    partners = []
    for number in range(size):
        partner: dict[str, Any] = {
            "id": f"org-{number}",
            "name": f"Organisation {number}: Ñandú",
            "organisation_type": TYPES[number % len(TYPES)],
            "country": rng.choice(COUNTRIES),
        }
        if number % 3 == 0:
            partner["website"] = f"https://org-{number}.example.org/"
        if number % 4 == 0:
            partner["sources"] = [{"title": "Annual report", "year": 2014}]
        partners.append(partner)
    platforms = [
        {
            "id": f"platform-{number}",
            "name": f"Platform {number}",
            "scope": "global",
            "hosting_model": "ngo_hosted",
            "sdgs": [3, 17],
            "launched_on": "2015-06-01",
            "members": [{"partner_id": f"org-{number}", "roles": ["member"]}],
        }
        for number in range(max(1, size // 100))
    ]
    partnerships = []
    for number in range(size):
        first, second = number, (number + 1) % size
        # The first digit of an organisation type stands for its sector here.
        while TYPES[first % len(TYPES)][0] == TYPES[second % len(TYPES)][0]:
            second = (second + 1) % size
        partnerships.append(
            {
                "id": f"pship-{number}",
                "title": f"Partnership {number}",
                "participants": [{"partner_id": f"org-{first}"}, {"partner_id": f"org-{second}"}],
                "platform_id": rng.choice(platforms)["id"],
                "sdgs": [3],
                "sdg_targets": ["3.8"],
                "start_date": "2016-01-31",
            }
        )
    return {
        "schema_version": "1.0",
        "title": "A registry",
        "publisher": {"name": "Registry"},
        "published_at": "2026-01-01T00:00:00Z",
        "platforms": platforms,
        "partners": partners,
        "partnerships": partnerships,
    }


CORRUPTIONS: list[tuple[str, str, Any]] = [
    ("partners", "name", None),
    ("partners", "name", 42),
    ("partners", "name", ""),
    ("partners", "nmae", "typo"),
    ("partners", "organisation_type", "99"),
    ("partners", "country", "ke"),
    ("partners", "id", "org with space"),
    ("partners", "id", "abc\n"),
    ("partners", "website", "https://exa mple.org"),
    ("partners", "website", "http://a b"),
    ("partners", "extensions", {"window": 1, "a:b": 2}),
    ("partners", "sources", [{"title": "", "year": "2014", "extra": 1}]),
    ("partnerships", "start_date", "2014-02-30"),
    ("partnerships", "start_date", "2014-4-13"),
    ("partnerships", "start_date", "٢٠١٤-٠٤-١٣"),
    ("partnerships", "sdgs", [0, 3, 3, True, 18, 2.5]),
    ("partnerships", "sdg_targets", ["٣.٨", "3.8", "3.8"]),
    ("partnerships", "participants", [{"partner_id": "org-0", "role": "lead"}]),
    ("partnerships", "participants", {"partner_id": "org-0"}),
    ("platforms", "scope", "planetary"),
    ("platforms", "members", []),
]


def corrupt(document: dict[str, Any], rate: float = 0.01, seed: int = 11) -> dict[str, Any]:
    """Break ``rate`` of the records, and the top level, in the ways listed above."""
    rng = random.Random(seed)
    broken = copy.deepcopy(document)
    for turn, index in enumerate(rng.sample(range(len(broken["partners"])), 30)):
        name, field, value = CORRUPTIONS[turn % len(CORRUPTIONS)]
        records = broken[name]
        record = records[index % len(records)]
        if value is None and field == "name":
            del record[field]
        else:
            record[field] = copy.deepcopy(value)
    broken["partners"].append("not a partner")
    broken["partners"][5] = None
    broken["title"] = 7
    broken["publisher"] = {"nmae": "Registry"}
    broken["published_at"] = "2026-01-01T00:00:00+00:00"
    broken["challenges"] = {"id": "not a list"}
    broken["frameworks"] = []
    broken["nmae"] = "a typo at the top"
    return broken


@pytest.fixture(scope="module")
def corrupted() -> bytes:
    return json.dumps(corrupt(registry(1000)), ensure_ascii=False).encode("utf-8")


def test_corrupted_registry_report_is_the_references_issue_for_issue(corrupted: bytes) -> None:
    """Every issue of a corrupted registry, code, place, words and order, is the reference's."""
    fast = partnering.validate(corrupted, today=TODAY)
    reference = REFERENCE.validate(corrupted)
    assert len(fast.issues) > 50
    assert [
        (issue.code, issue.pointer, issue.message, issue.hint, issue.excerpt)
        for issue in fast.issues
    ] == [
        (issue.code, issue.pointer, issue.message, issue.hint, issue.excerpt)
        for issue in reference.issues
    ]
    assert fast == reference
    with pytest.raises(partnering.InvalidDocumentError) as caught:
        partnering.loads(corrupted)
    assert caught.value.report.issues == Validator(engine="reference").validate(corrupted).issues


def test_valid_registry_loads_as_the_converter_builds_it() -> None:
    """A valid registry has no issue, and the fast path builds the converter's dataset."""
    data = registry(1000)
    document = json.dumps(data).encode("utf-8")
    assert partnering.validate(document, today=TODAY).issues == ()
    loaded = partnering.loads(document)
    assert loaded == structure(json.loads(document), Dataset)
    assert partnering.loads(partnering.dumps(loaded)) == loaded


def test_a_valid_file_is_checked_without_importing_jsonschema() -> None:
    """Validating a valid file imports neither jsonschema nor cattrs, so the command starts fast."""
    script = (
        "import sys, partnering\n"
        "assert partnering.validate(partnering.example_path()).valid\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'jsonschema', 'cattrs'}))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


# --- Garbage collection ---------------------------------------------------------------------------


def test_collection_resumes_after_concurrent_loads() -> None:
    """Loads in several threads at once leave the collector as they found it."""
    document = json.dumps(registry(200)).encode("utf-8")
    errors: list[BaseException] = []

    def load() -> None:
        try:
            for _ in range(5):
                partnering.loads(document)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    assert gc.isenabled()
    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    """A caller that switched the collector off finds it off after a load."""
    gc.disable()
    try:
        partnering.load(partnering.example_path())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collection_resumes_when_reading_fails() -> None:
    """A load that raises still restores the collector."""
    with pytest.raises(partnering.InvalidDocumentError):
        partnering.loads('{"schema_version": "1.0", "title": 5}')
    with pytest.raises(partnering.PartneringError):
        partnering.loads("{")
    assert gc.isenabled()
