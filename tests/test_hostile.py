"""The error path under hostile input: repeated errors explained once, keys grouped.

Long strings are cut and suggestions bounded too. Small sizes only; the costs are measured in
``benchmarks/hostile.py``, never asserted here.
"""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnering import _reading, _schema_layer, validate
from partnering._jsondata import json_text
from partnering._render import render_text
from partnering._report_json import render_json
from partnering._text import did_you_mean
from partnering.rules._suggestions import IdSuggestions
from test_engines import mutated_documents


def _document(partners: list[Any]) -> str:
    return json.dumps({"schema_version": "1.0", "partners": partners})


def _count_explanations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    explained: list[tuple[str, int]] = []
    original = _schema_layer._record_errors

    def counting(validator: Any, data: Any, name: str, index: int) -> Any:
        explained.append((name, index))
        return original(validator, data, name, index)

    monkeypatch.setattr(_schema_layer, "_record_errors", counting)
    return explained


def test_a_record_repeated_is_explained_once_and_counted_every_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    explained = _count_explanations(monkeypatch)
    bad = {"id": "p", "name": "P", "organisation_type": "99", "country": "XX"}
    report = validate(_document([bad] * 40))
    assert explained == [("partners", 0)]
    schema_issues = [issue for issue in report.issues if issue.code == "unknown-code"]
    # Two bad codes in each of the 40 records, each at its own index.
    assert len(schema_issues) == 80
    assert {issue.pointer for issue in schema_issues} == {
        f"/partners/{index}/{field}"
        for index in range(40)
        for field in ("organisation_type", "country")
    }
    assert report.issues[0].line == 1
    assert {issue.message for issue in schema_issues if issue.path[-1] == "country"} == {
        "'country' is 'XX', which is not an ISO 3166-1 alpha-2 country code"
    }


def test_records_alike_but_for_their_valid_fields_are_explained_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    explained = _count_explanations(monkeypatch)
    partners = [
        {"id": f"p{n}", "name": f"Partner {n}", "organisation_type": "21", "country": "ZZ"}
        for n in range(30)
    ]
    report = validate(_document(partners))
    assert explained == [("partners", 0)]
    assert [issue.pointer for issue in report.issues] == [
        f"/partners/{n}/country" for n in range(30)
    ]
    assert report.issues[29].record == "partner 'Partner 29'"


def test_records_with_other_bad_values_are_explained_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    explained = _count_explanations(monkeypatch)
    partners = [
        {"id": "a", "name": "A", "organisation_type": "21", "country": "ZZ"},
        {"id": "b", "name": "B", "organisation_type": "21", "country": "QQ"},
        {"id": "c", "name": "C", "organisation_type": "21", "country": "ZZ"},
    ]
    report = validate(_document(partners))
    assert explained == [("partners", 0), ("partners", 1)]
    assert [issue.excerpt for issue in report.issues] == ["'ZZ'", "'QQ'", "'ZZ'"]


def test_records_that_are_not_objects_are_named_by_their_own_index() -> None:
    report = validate(_document([5, 5, 5]))
    assert [(issue.pointer, issue.message) for issue in report.issues] == [
        (f"/partners/{n}", f"item {n} of 'partners' must be an object, not a number")
        for n in range(3)
    ]


def test_unknown_keys_at_one_place_are_one_group() -> None:
    partner = {"id": "p", "name": "P", "organisation_type": "21"}
    many = {**partner, **{f"k{n}": n for n in range(50)}}
    other = {**partner, "id": "q", "nmae": "Q"}
    report = validate(_document([many, other]))
    groups = report.groups()
    assert [(group.code, group.generic_pointer, group.count) for group in groups] == [
        ("unknown-field", "/partners/*/*", 51)
    ]
    text = render_text(report, "keys.json")
    assert "error unknown-field at /partners/*/* (51 times)" in text
    assert "and 48 more" in text


def test_only_the_first_hundred_unknown_keys_of_an_object_get_a_suggestion() -> None:
    partner: dict[str, object] = {"id": "p", "name": "P", "organisation_type": "21"}
    partner.update({f"countyr{number:03d}": 1 for number in range(150)})
    report = validate(_document([partner]))
    hints = {issue.path[-1]: issue.hint for issue in report.issues}
    assert len(hints) == 150
    suggested = sorted(key for key, hint in hints.items() if hint == "Did you mean 'country'?")
    assert suggested == [f"countyr{number:03d}" for number in range(100)]
    assert hints["countyr100"] == (
        "Correct the name; put custom data under 'extensions' with a namespaced key."
    )


def test_long_keys_are_cut_with_a_marker_in_json_and_in_text() -> None:
    key = "k" * 300
    text = json.dumps({"schema_version": "1.0", key: 1})
    report = validate(text)
    (issue,) = report.issues
    assert issue.path == (key,)  # the API keeps the key whole
    written = json.loads(render_json([("keys.json", report)], version="0"))
    listed = written["files"][0]["issues"][0]
    assert listed["path"] == ["k" * 200 + "\u2026"]
    assert listed["pointer"] == "/" + "k" * 200 + "\u2026"
    assert "k" * 201 not in json.dumps(written)
    shown = render_text(report, "keys.json")
    assert "k" * 201 not in shown
    assert "k" * 60 + "\u2026" in shown  # the message quotes it, cut at 60


def test_long_values_are_cut_with_a_marker() -> None:
    url = "https://exa mple.org/" + "a" * 5000
    partner = {"id": "p", "name": "P", "organisation_type": "21", "website": url}
    (issue,) = validate(_document([partner])).issues
    assert issue.code == "invalid-format"
    assert issue.excerpt is not None
    assert issue.excerpt.endswith("\u2026'")
    assert len(issue.excerpt) == 60 + 3
    assert len(issue.message) < 400


def test_a_key_far_longer_than_every_field_suggests_nothing() -> None:
    assert did_you_mean("n" * 1_000_000, ["name", "id"]) == ""
    assert did_you_mean("nmae", ["name", "id"]) == " (did you mean 'name'?)"
    assert did_you_mean("nmae", []) == ""


def test_zero_padded_ids_suggest_the_nearest() -> None:
    ids = [f"p{n:06d}" for n in range(2_000)]
    suggestions = IdSuggestions(ids)
    # 'p00012' is a zero short of 'p000012', and a letter from 'p000120' and 'p001012'; the
    # first two are as close (12/13), and the first in order wins.
    assert suggestions.closest("p00012") == "p000012"
    # 'p0001999' is a zero too many for 'p001999' and a '9' too many for 'p000199': 14/15
    # each, and the first in order wins.
    assert suggestions.closest("p0001999") == "p000199"
    assert suggestions.closest("q777777777777") is None


def test_ids_that_all_look_alike_still_get_the_nearest() -> None:
    # Forty zeros with one character changed: deleting it leaves every id the same key.
    ids = ["0" * place + char + "0" * (39 - place) for char in "123456789" for place in range(40)]
    suggestions = IdSuggestions(ids)
    # Every id is one letter from forty zeros (ratio 80/81); the first in order wins.
    assert suggestions.closest("0" * 40) == "0" * 39 + "1"
    # A zero short: every id continues it or is a letter from it (78/79); the first wins.
    assert suggestions.closest("0" * 39) == "0" * 39 + "1"


def test_max_issues_places_only_the_issues_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from partnering import _places

    located: list[int] = []
    original = getattr(_places, "locate")  # noqa: B009 - not among the module's exports

    def counting(text: str, paths: Any) -> Any:
        located.append(len(paths))
        return original(text, paths)

    monkeypatch.setattr(_places, "locate", counting)
    bad = {"id": "p", "name": "P", "organisation_type": "99"}
    report = validate(_document([bad] * 40), max_issues=2)
    # Two groups (unknown-code at organisation_type, duplicate-id at id): two of each kept.
    assert located == [4]
    assert [issue.pointer for issue in report.issues] == [
        "/partners/0/organisation_type",
        "/partners/1/id",
        "/partners/1/organisation_type",
        "/partners/2/id",
    ]
    assert report.count_by_code() == {"duplicate-id": 39, "unknown-code": 40}
    assert report.count_by_severity() == {"error": 79, "warning": 0}
    assert report.count == 79
    assert not report.valid
    assert [
        (group.generic_pointer, group.count, len(group.issues)) for group in report.groups()
    ] == [
        ("/partners/*/organisation_type", 40, 2),
        ("/partners/*/id", 39, 2),
    ]


def test_max_issues_lists_what_the_full_report_lists_first() -> None:
    partners = [
        {"id": f"p{n}", "name": "", "organisation_type": "99" if n % 2 else "21"} for n in range(20)
    ]
    text = _document(partners)
    full = validate(text)
    bounded = validate(text, max_issues=3)
    written_full = json.loads(render_json([("f.json", full)], version="0", max_issues=3))
    written_bounded = json.loads(render_json([("f.json", bounded)], version="0", max_issues=3))
    assert written_bounded == written_full
    assert written_bounded["files"][0]["truncated"] is True
    assert render_text(bounded, "f.json", max_issues=3) == render_text(full, "f.json", max_issues=3)


def test_max_issues_on_the_command_line_keeps_the_counts(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from partnering.cli import main

    path = tmp_path / "bad.json"
    bad = {"id": "p", "name": "P", "organisation_type": "99"}
    path.write_text(_document([bad] * 30), encoding="utf-8")
    assert main(["validate", "--max-issues", "1", str(path)]) == 1
    out = capsys.readouterr().out
    assert "is not valid: 59 errors (format 1.0)" in out
    assert "error unknown-code at /partners/*/organisation_type (30 times)" in out
    assert "29 more issues of 1 other kind not shown (--max-issues 1)" in out


def test_max_issues_counts_the_issues_of_repeated_records_without_making_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    moved: list[int] = []
    original = _schema_layer._moved

    def counting(found: Any, index: int) -> Any:
        moved.append(index)
        return original(found, index)

    monkeypatch.setattr(_schema_layer, "_moved", counting)
    record = {"id": "p", "name": "", "organisation_type": "21", "country": "XX"}
    text = _document([record] * 20)
    report = validate(text, max_issues=2)
    # The first record is explained; only the second's two issues are moved to its index,
    # one of each group; the 18 records after it are counted.
    assert moved == [1, 1]
    assert report.count_by_code()["empty-text"] == 20
    assert report.count_by_code()["unknown-code"] == 20
    full = validate(text)
    assert report.count_by_code() == full.count_by_code()
    assert [issue.pointer for issue in report.issues if issue.code != "duplicate-id"] == [
        "/partners/0/name",
        "/partners/0/country",
        "/partners/1/name",
        "/partners/1/country",
    ]


def test_the_reference_validator_does_not_quote_long_unknown_keys() -> None:
    from partnering._schema_layer._validator import validator

    key = "k" * 5000
    (error,) = validator("1.0").iter_errors({"schema_version": "1.0", key: 1})
    assert error.validator == "additionalProperties"
    assert error.message == "1 properties are not allowed"
    report = validate(json.dumps({"schema_version": "1.0", key: 1}))
    assert [issue.code for issue in report.issues] == ["unknown-field"]


def test_records_with_long_text_are_each_explained() -> None:
    # Not recognised as alike by a digest: each is explained, with its own place.
    partner = {"id": "p", "name": "P", "organisation_type": "21", "website": "x" * 5000}
    other = {**partner, "id": "q"}
    report = validate(_document([partner, other, partner]))
    assert [
        (issue.code, issue.pointer) for issue in report.issues if issue.code != "duplicate-id"
    ] == [
        ("invalid-format", "/partners/0/website"),
        ("invalid-format", "/partners/1/website"),
        ("invalid-format", "/partners/2/website"),
    ]


def test_issues_placed_a_slice_at_a_time_are_placed_as_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from partnering import _places

    partners = [
        {"id": f"p{n}", "name": "" if n % 2 else f"P{n}", "organisation_type": "21", f"k{n}": 1}
        for n in range(7)
    ]
    text = json.dumps({"schema_version": "1.0", "partners": partners}, indent=1)
    at_once = validate(text)
    monkeypatch.setattr(_places, "_SLICE", 2)
    in_slices = validate(text)
    assert in_slices == at_once
    # The key k0 (line 8, after 3 spaces), then the empty name of p1 (line 12, its value).
    assert [(issue.line, issue.column) for issue in in_slices.issues][:2] == [(8, 4), (12, 12)]


# --- Records written alike share one dict: the reports stay those of every record its own ---
# Only a document over SHARE_OVER is read so; these tests read every document so.


@pytest.fixture
def shared_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_reading, "SHARE_OVER", 0)


def _without_places(report: Any) -> list[Any]:
    """The issues of a report, their places in the text left out, in the order of their paths."""
    import attrs

    unplaced = [attrs.evolve(issue, line=None, column=None) for issue in report.issues]
    return sorted(unplaced, key=lambda issue: (repr(issue.path), issue.code, issue.message))


@st.composite
def documents_with_repeats(draw: Any) -> str:
    """A mutated dataset whose records are repeated, some exactly, some with one value changed."""
    document = draw(mutated_documents())
    for name, items in document.items():
        if not isinstance(items, list) or not items:
            continue
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            copied = copy.deepcopy(items[draw(st.integers(0, len(items) - 1))])
            if isinstance(copied, dict) and copied and draw(st.booleans()):
                key = draw(st.sampled_from(sorted(copied)))
                copied[key] = draw(st.sampled_from([True, 1, "1", None, "", "XX", 25]))
            items.insert(draw(st.integers(0, len(items))), copied)
        assert name  # every list of the root may hold repeats
    return json_text(document, indent=None)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], max_examples=60)
@given(documents_with_repeats())
def test_records_read_as_one_dict_report_as_records_read_apart(text: str) -> None:
    """The text, whose alike records share a dict, reports what its parse without sharing does."""
    from decimal import Decimal

    today = datetime.date(2026, 1, 1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_reading, "SHARE_OVER", 0)
        from_text = validate(text, today=today)
        bounded = validate(text, today=today, max_issues=1)
    from_data = validate(json.loads(text, parse_float=Decimal), today=today)
    assert _without_places(from_text) == _without_places(from_data)
    assert bounded.count_by_code() == from_text.count_by_code()


@pytest.mark.usefixtures("shared_always")
def test_a_record_repeated_in_one_dict_is_reported_at_every_index() -> None:
    bad = {"id": "p", "name": "", "organisation_type": "99"}
    report = validate(_document([bad] * 3 + [{**bad, "organisation_type": "21"}, bad]))
    pointers = sorted(issue.pointer for issue in report.issues if issue.code == "unknown-code")
    assert pointers == [f"/partners/{i}/organisation_type" for i in (0, 1, 2, 4)]
    empty = sorted(issue.pointer for issue in report.issues if issue.code == "empty-text")
    assert empty == [f"/partners/{i}/name" for i in range(5)]
    assert [issue.line for issue in report.issues if issue.code == "empty-text"] == [1] * 5


@pytest.mark.usefixtures("shared_always")
def test_records_equal_in_python_but_not_in_json_are_judged_apart() -> None:
    # 1 == True and Decimal("1.0") == Decimal("1.00") in Python; in the file they differ, and so
    # must the verdicts: records written alike share a dict only when their texts are alike.
    head = '{"schema_version": "1.1", "frameworks": [{"id": "f", "name": "F"}], '
    block = '{"id": "b", "framework_id": "f", "name": "B", "description": "D", "order": %s}'
    blocks = ", ".join(block % order for order in ["1", "true", "1"])
    report = validate(head + '"building_blocks": [' + blocks + "]}")
    assert sorted((issue.code, issue.pointer) for issue in report.issues) == [
        ("duplicate-id", "/building_blocks/1/id"),
        ("duplicate-id", "/building_blocks/2/id"),
        ("wrong-type", "/building_blocks/1/order"),
    ]


def test_a_large_document_is_read_with_its_alike_records_shared() -> None:
    record = '{"id": "p", "name": "P", "organisation_type": "21"}'
    small = _reading.read_document(_document_text(record, 2), "<text>", fast=True)
    assert small.data["partners"][0] is not small.data["partners"][1]
    count = _reading.SHARE_OVER // len(record) + 1
    large = _reading.read_document(_document_text(record, count), "<text>", fast=True)
    assert large.data["partners"][0] is large.data["partners"][-1]


def _document_text(record: str, count: int) -> str:
    return '{"schema_version": "1.0", "partners": [' + ", ".join([record] * count) + "]}"


def test_an_invalid_document_read_here_holds_its_short_texts_once() -> None:
    text = _document([{"id": str(i), "name": "", "country": "KE"} for i in range(3)])
    document = _reading.read_document(text, "<text>", fast=True)
    countries = [partner["country"] for partner in document.data["partners"]]
    assert countries[0] is not countries[1]
    document.compact()
    after = [partner["country"] for partner in document.data["partners"]]
    assert after[0] is after[1] is after[2]
    assert document.data == json.loads(text)


def test_data_given_as_a_mapping_is_never_changed() -> None:
    partners = [{"id": str(i), "name": "", "country": "".join(["K", "E"])} for i in range(3)]
    data = {"schema_version": "1.0", "partners": partners}
    before = [id(partner["country"]) for partner in partners]
    report = validate(data)
    assert not report.valid
    assert [id(partner["country"]) for partner in partners] == before
