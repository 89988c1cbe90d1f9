"""The API keeps its promises under misuse: reports for any value, library errors for writing."""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest

import partnering
from partnering import (
    Dataset,
    InvalidValueError,
    OrganisationType,
    Partner,
    PartneringError,
    UnwritableValueError,
    dump,
    dumps,
    loads,
    validate,
)
from partnering.catalogue import issue_codes
from partnering.validation import Validator

VERSION = {"schema_version": "1.0"}
PARTNER = {"id": "tpi", "name": "TPI", "organisation_type": "21"}


def found(report: partnering.Report) -> list[tuple[str, str]]:
    return [(issue.code, issue.pointer) for issue in report.issues]


def both_engines(data: object) -> partnering.Report:
    """Validate with both engines, check they agree, and return the report."""
    fast = Validator(engine="fast").validate(data)  # type: ignore[arg-type]
    reference = Validator(engine="reference").validate(data)  # type: ignore[arg-type]
    assert fast == reference
    return fast


class Opaque:
    """An object that is no JSON value."""


def cycle() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    return loop


# --- validate: what JSON cannot hold is reported at its place ---------------------------------


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (math.nan, "The value is NaN (not a number), which JSON cannot hold."),
        (math.inf, "The value is an infinite number, which JSON cannot hold."),
        (-math.inf, "The value is an infinite number, which JSON cannot hold."),
        ({1, 2}, "The value is a set; JSON has lists, not sets."),
        (frozenset(), "The value is a set; JSON has lists, not sets."),
        (b"bytes", "The value is bytes; JSON holds text, so decode the bytes first."),
        (bytearray(b"x"), "The value is bytes; JSON holds text, so decode the bytes first."),
        (Opaque(), "The value is a Python Opaque, which is not JSON data."),
    ],
    ids=["nan", "inf", "-inf", "set", "frozenset", "bytes", "bytearray", "object"],
)
def test_a_value_json_cannot_hold_is_reported_at_its_pointer(value: object, problem: str) -> None:
    """NaN, infinities, sets, bytes and objects deep in parsed data are not-json-data there."""
    data = {**VERSION, "extensions": {"a:b": [1, {"c": value}]}}
    report = both_engines(data)
    assert found(report) == [("not-json-data", "/extensions/a:b/1/c")]
    assert report.issues[0].message == problem
    assert report.issues[0].hint == issue_codes()["not-json-data"].hint
    assert not report.valid


def test_every_value_json_cannot_hold_is_reported() -> None:
    """Problems are collected, not stopped at the first, and listed in document order."""
    data: dict[str, Any] = {
        **VERSION,
        "title": math.nan,
        "partners": [{**PARTNER, "name": {"x"}}, b"z"],
    }
    # Data given as Python values has no text: issues follow the fields' order in the format.
    assert found(both_engines(data)) == [
        ("not-json-data", "/title"),
        ("not-json-data", "/partners/0/name"),
        ("not-json-data", "/partners/1"),
    ]


def test_a_key_that_is_not_text_is_reported_at_its_mapping() -> None:
    """A mapping with a key that is not a string is reported where the mapping is."""
    report = both_engines({**VERSION, "extensions": {"a:b": {1: "x", None: "y"}}})
    assert found(report) == [("not-json-data", "/extensions/a:b")] * 2
    assert [issue.message for issue in report.issues] == [
        "The value has the key 1 (a number); keys of JSON objects are text.",
        "The value has the key None (null); keys of JSON objects are text.",
    ]
    top = both_engines({"schema_version": "1.0", ("a", "b"): 1})
    assert found(top) == [("not-json-data", "")]
    assert top.issues[0].message == (
        "The data has the key of type tuple; keys of JSON objects are text."
    )


def test_a_cycle_is_reported_where_it_closes() -> None:
    """A list that holds itself, or a mapping that does, is reported, and the walk ends."""
    report = both_engines({**VERSION, "extensions": {"a:b": cycle()}})
    assert found(report) == [("not-json-data", "/extensions/a:b/0")]
    assert "contains itself" in report.issues[0].message
    loop: dict[str, Any] = {"schema_version": "1.0"}
    loop["self"] = loop
    assert found(both_engines(loop)) == [("not-json-data", "/self")]


def test_data_shared_but_not_cyclic_is_json() -> None:
    """The same list twice, side by side, is no cycle: both copies are JSON."""
    shared = ["x"]
    report = both_engines({**VERSION, "extensions": {"a:b": shared, "a:c": shared}})
    assert report.valid


def test_text_with_half_a_character_is_reported_as_the_reader_reports_it() -> None:
    """A lone surrogate in parsed data, in a value or a key, has the reader's code."""
    report = both_engines({**VERSION, "title": "a\ud800b", "extensions": {"a:\udcff": 1}})
    assert found(report) == [
        ("json-lone-surrogate", "/title"),
        ("json-lone-surrogate", "/extensions"),
    ]
    assert all("\ud800" not in issue.message for issue in report.issues)
    json.dumps([issue.message for issue in report.issues], ensure_ascii=False).encode()


def test_parsed_data_deeper_than_the_limit_is_too_deep_as_text_is() -> None:
    """Nesting in parsed data is limited as in text, at the same place, and not walked past."""
    deep: Any = [1]
    for _ in range(100_000):  # deeper than the stack: the walk must be iterative
        deep = [deep]
    data = {**VERSION, "extensions": {"a:b": deep}}
    # The document is level 1, extensions 2, the list under a:b 3: the 62nd list inside that
    # one is level 65, the first past the limit of 64.
    assert found(both_engines(data)) == [("json-too-deep", "/extensions/a:b" + "/0" * 62)]
    text = '{"schema_version": "1.0", "extensions": {"my-tool:data": [[[[[[1]]]]]]}}'
    assert found(validate(json.loads(text), max_depth=5)) == found(validate(text, max_depth=5))
    assert found(validate(text, max_depth=5)) == [
        ("json-too-deep", "/extensions/my-tool:data/0/0/0")
    ]


@pytest.mark.parametrize(
    "data",
    [
        {**VERSION, "partners": (PARTNER,)},
        MappingProxyType({**VERSION, "partners": [MappingProxyType(PARTNER)]}),
        OrderedDict({**VERSION, "partners": [PARTNER]}),
    ],
    ids=["tuple", "mapping-proxy", "ordered-dict"],
)
def test_json_data_of_other_python_types_is_judged_as_its_text(data: Any) -> None:
    """Tuples and other mappings are judged as the JSON text json.dumps writes for them."""
    assert both_engines(data) == partnering.Report(issues=(), source="<data>", schema_version="1.0")
    text = (
        '{"schema_version": "1.0", '
        '"partners": [{"id": "tpi", "name": "TPI", "organisation_type": "21"}]}'
    )
    dataset, _ = Validator().check(data)
    assert dataset == loads(text)
    assert dataset is not None
    assert dataset.partners[0].name == "TPI"


def test_json_data_of_other_types_keeps_its_issues() -> None:
    """An invalid document in other mapping types gets the issues of its text."""
    data = MappingProxyType({**VERSION, "partners": (MappingProxyType({"id": "tpi"}),)})
    text = '{"schema_version": "1.0", "partners": [{"id": "tpi"}]}'
    assert found(both_engines(data)) == found(validate(text))
    assert found(validate(text)) == [
        ("missing-field", "/partners/0/name"),
        ("missing-field", "/partners/0/organisation_type"),
    ]


def test_a_dataset_holding_half_a_character_is_reported() -> None:
    """A dataset built in Python with a lone surrogate is reported at the field."""
    report = both_engines(Dataset(title="x\udcffy"))
    assert found(report) == [("json-lone-surrogate", "/title")]
    assert report.source == "<dataset>"


def test_loads_refuses_what_is_neither_text_nor_bytes() -> None:
    """Text or bytes are read; anything else is a TypeError naming what it was given."""
    with pytest.raises(TypeError, match="not dict"):
        loads({"schema_version": "1.0"})  # type: ignore[arg-type]


# --- dumps and dump: only a Dataset, and only what strict JSON holds --------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [({"schema_version": "1.0"}, "a dict"), (None, "None"), ('{"schema_version": "1.0"}', "a str")],
    ids=["dict", "none", "str"],
)
def test_dumps_and_dump_write_only_a_dataset(value: object, shown: str, tmp_path: Path) -> None:
    """Something that is not a Dataset is refused before anything is written."""
    with pytest.raises(TypeError, match=f"dumps writes a Dataset, not {shown};"):
        dumps(value)  # type: ignore[arg-type]
    target = tmp_path / "out.json"
    with pytest.raises(TypeError):
        dump(value, target)  # type: ignore[arg-type]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def smuggled(value: object) -> Dataset:
    """A dataset whose custom data was replaced behind the model's back."""
    dataset = Dataset()
    object.__setattr__(dataset, "extensions", {"a:b": [value]})
    return dataset


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({1}, "is a set; JSON has lists, not sets"),
        (Opaque(), "is a Python Opaque, which is not JSON data"),
        (math.nan, "is NaN (not a number), which JSON cannot hold"),
    ],
    ids=["set", "object", "nan"],
)
def test_dumps_refuses_an_unwritable_value_with_a_library_error(
    value: object, problem: str, tmp_path: Path
) -> None:
    """A value JSON cannot hold is an UnwritableValueError naming its pointer, not a bare error."""
    with pytest.raises(UnwritableValueError) as caught:
        dumps(smuggled(value))
    error = caught.value
    assert isinstance(error, PartneringError)
    assert isinstance(error, TypeError)
    assert isinstance(error, ValueError)
    assert (error.code, error.pointer) == ("not-json-data", "/extensions/a:b/0")
    assert error.path == ("extensions", "a:b", 0)
    assert error.problem == problem
    assert str(error) == f"cannot write the dataset: the value at /extensions/a:b/0 {problem}"
    target = tmp_path / "out.json"
    with pytest.raises(UnwritableValueError):
        dump(smuggled(value), target)
    assert list(tmp_path.iterdir()) == []


def test_validate_reports_what_was_smuggled_into_a_dataset() -> None:
    """A dataset holding a value JSON cannot hold gets a report, not an exception."""
    report = both_engines(smuggled({1}))
    assert found(report) == [("not-json-data", "/extensions/a:b/0")]
    assert Validator().check(smuggled(math.inf)) == (None, Validator().validate(smuggled(math.inf)))


def test_dumps_refuses_text_with_half_a_character() -> None:
    """A lone surrogate, which UTF-8 cannot encode and load refuses, is not written."""
    partner = Partner(id="p", name="a\ud83d", organisation_type=OrganisationType.FOUNDATION)
    with pytest.raises(UnwritableValueError) as caught:
        dumps(Dataset(partners=(partner,)))
    assert (caught.value.code, caught.value.pointer) == ("json-lone-surrogate", "/partners/0/name")


# --- extensions: immutable, hashable, compared as JSON ------------------------------------------


def test_custom_data_cannot_change_after_construction() -> None:
    """The model's custom data is frozen all the way down."""
    dataset = Dataset(extensions={"a:b": {"list": [1, {"c": 2}]}})
    custom = dataset.extensions
    with pytest.raises(TypeError):
        custom["a:b"] = math.nan  # type: ignore[index]
    with pytest.raises(TypeError):
        custom["a:b"]["list"][1]["c"] = math.nan
    with pytest.raises(AttributeError):
        custom["a:b"]["list"].append(math.nan)
    with pytest.raises(AttributeError):
        custom._items = {}  # type: ignore[attr-defined]
    assert dumps(dataset) == dumps(Dataset(extensions={"a:b": {"list": [1, {"c": 2}]}}))


def test_custom_data_the_caller_keeps_changing_does_not_change_the_model() -> None:
    """The model holds a frozen copy, not the caller's dict."""
    given: dict[str, Any] = {"a:b": ["x"]}
    partner = Partner(
        id="p", name="P", organisation_type=OrganisationType.FOUNDATION, extensions=given
    )
    given["a:b"].append("y")
    given["a:c"] = 1
    assert partner.extensions == {"a:b": ["x"]}


def test_models_with_custom_data_are_hashable_and_hash_as_they_compare() -> None:
    """hash() works, and models equal as JSON hash alike."""
    one = Dataset(extensions={"a:b": 1, "a:c": [1, {"x": None}]})
    same = Dataset(extensions={"a:c": [1.0, {"x": None}], "a:b": 1.0})
    assert one == same
    assert hash(one) == hash(same)
    assert len({one, same}) == 1


def test_true_is_not_one_in_custom_data() -> None:
    """Two datasets that write different files do not compare equal."""
    with_true = Dataset(extensions={"a:b": [True]})
    with_one = Dataset(extensions={"a:b": [1]})
    assert dumps(with_true) != dumps(with_one)
    assert with_true != with_one
    assert Dataset(extensions={"a:b": False}) != Dataset(extensions={"a:b": 0})


def test_custom_data_json_cannot_hold_is_refused_by_the_model() -> None:
    """NaN, sets, objects and cycles cannot be put into a model at all."""
    with pytest.raises(InvalidValueError) as caught:
        Dataset(extensions={"a:b": {"c": [math.nan]}})
    assert caught.value.field == "extensions"
    assert caught.value.code == "not-json-data"
    assert str(caught.value) == (
        "extensions: the value at /a:b/c/0 is NaN (not a number), which JSON cannot hold"
    )
    for value in ({1}, Opaque(), cycle(), {1: 2}):
        with pytest.raises(InvalidValueError, match=r"^extensions: "):
            Dataset(extensions={"a:b": value})
    with pytest.raises(InvalidValueError, match=r"^extensions: .*keys of JSON objects are text"):
        Dataset(extensions={1: 2})  # type: ignore[dict-item]


def test_evolve_freezes_new_custom_data_too() -> None:
    """attrs.evolve runs the converter: the new custom data is frozen and checked."""
    dataset = attrs.evolve(Dataset(), extensions={"a:b": [1]})
    assert type(dataset.extensions).__name__ == "FrozenObject"
    with pytest.raises(InvalidValueError):
        attrs.evolve(dataset, extensions={"a:b": math.inf})


def test_structure_reports_custom_data_json_cannot_hold_at_its_place() -> None:
    """The converter explains a value JSON cannot hold at its exact pointer."""
    data = {**VERSION, "partners": [{**PARTNER, "extensions": {"a:b": [0, math.nan]}}]}
    with pytest.raises(partnering.InvalidDocumentError) as caught:
        partnering.structure(data)
    assert found(caught.value.report) == [("not-json-data", "/partners/0/extensions/a:b/1")]


def test_custom_data_comes_out_as_plain_json() -> None:
    """Unstructuring gives dicts and lists again, in the order they were given."""
    dataset = Dataset(extensions={"z:a": {"y": [1, {"b": 2, "a": 1}]}, "a:z": None})
    data = partnering.unstructure(dataset)
    assert data == {
        "schema_version": "1.1",
        "extensions": {"z:a": {"y": [1, {"b": 2, "a": 1}]}, "a:z": None},
    }
    custom = data["extensions"]
    assert type(custom) is dict
    assert type(custom["z:a"]["y"]) is list
    assert type(custom["z:a"]["y"][1]) is dict
    assert list(custom) == ["z:a", "a:z"]
    assert list(custom["z:a"]["y"][1]) == ["b", "a"]
