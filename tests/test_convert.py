"""The converter: strict, exact about where a problem is, and lossless on the way out."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

import cattrs
import pytest

from partnering import (
    SCHEMA_VERSION,
    Dataset,
    Event,
    InvalidDocumentError,
    Issue,
    OrganisationType,
    Partner,
    PartneringError,
    Platform,
    Severity,
    make_converter,
    structure,
    unstructure,
    validate,
)
from partnering.codelists import HostingModel, PlatformScope
from partnering.convert import explain

PARTNER = {"id": "tpi", "name": "The Partnering Initiative", "organisation_type": "21"}
EVENT = {"id": "workshop", "name": "Workshop", "start_date": "2014-04-13", "end_date": "2014-04-14"}
PARTNERSHIP = {
    "id": "cassava",
    "title": "Cassava to flour",
    "participants": [{"partner_id": "tpi"}, {"partner_id": "miller"}],
}


def document(list_name: str, record: dict[str, Any]) -> dict[str, Any]:
    """Return a dataset document holding one record in one list."""
    return {"schema_version": SCHEMA_VERSION, list_name: [record]}


def refusal(data: object, cls: type[Any] = Dataset) -> list[Issue]:
    """Structure data that must be refused; return the issues of the error's report."""
    with pytest.raises(InvalidDocumentError) as caught:
        structure(data, cls)
    return list(caught.value.report.issues)


def problems(data: object) -> list[tuple[tuple[str | int, ...], str]]:
    """Structure a dataset that must be refused; return the paths and codes of its issues."""
    return [(issue.path, issue.code) for issue in refusal(data)]


def without(record: dict[str, Any], name: str) -> dict[str, Any]:
    """Return a copy of a record without one field."""
    return {key: value for key, value in record.items() if key != name}


@pytest.mark.parametrize(
    ("data", "path", "code"),
    [
        (document("partners", {**PARTNER, "name": 5}), ("partners", 0, "name"), "wrong-type"),
        (document("partners", {**PARTNER, "name": True}), ("partners", 0, "name"), "wrong-type"),
        (
            document("partners", {**PARTNER, "organisation_type": 21}),
            ("partners", 0, "organisation_type"),
            "wrong-type",
        ),
        (
            document("partners", {**PARTNER, "organisation_type": "99"}),
            ("partners", 0, "organisation_type"),
            "unknown-code",
        ),
        (
            document("events", {**EVENT, "participant_count": "5"}),
            ("events", 0, "participant_count"),
            "wrong-type",
        ),
        (
            document("events", {**EVENT, "participant_count": True}),
            ("events", 0, "participant_count"),
            "wrong-type",
        ),
        (
            document("events", {**EVENT, "participant_count": 25.5}),
            ("events", 0, "participant_count"),
            "wrong-type",
        ),
        (
            document("events", {**EVENT, "start_date": 20140413}),
            ("events", 0, "start_date"),
            "wrong-type",
        ),
        (
            document("events", {**EVENT, "start_date": "2014-02-30"}),
            ("events", 0, "start_date"),
            "invalid-format",
        ),
        (
            document(
                "partnerships",
                {
                    **PARTNERSHIP,
                    "participants": [{"partner_id": "tpi", "lead": 1}, {"partner_id": "m"}],
                },
            ),
            ("partnerships", 0, "participants", 0, "lead"),
            "wrong-type",
        ),
        (document("partners", {**PARTNER, "name": None}), ("partners", 0, "name"), "null-value"),
        (
            document("partners", {**PARTNER, "acronym": None}),
            ("partners", 0, "acronym"),
            "null-value",
        ),
        (
            document("partners", {**PARTNER, "sources": "abc"}),
            ("partners", 0, "sources"),
            "wrong-type",
        ),
        (
            document("partners", {**PARTNER, "sources": {"title": "Report"}}),
            ("partners", 0, "sources"),
            "wrong-type",
        ),
        (
            document("partners", {**PARTNER, "sources": []}),
            ("partners", 0, "sources"),
            "empty-list",
        ),
        (
            document("partners", {**PARTNER, "sources": [{"title": "Report", "year": "2014"}]}),
            ("partners", 0, "sources", 0, "year"),
            "wrong-type",
        ),
        (
            document("partners", {**PARTNER, "extensions": {}}),
            ("partners", 0, "extensions"),
            "empty-object",
        ),
        (
            document("partners", {**PARTNER, "extensions": {"window": 1}}),
            ("partners", 0, "extensions"),
            "invalid-extension-key",
        ),
        (document("partners", {**PARTNER, "nmae": "x"}), ("partners", 0, "nmae"), "unknown-field"),
        (document("partners", without(PARTNER, "name")), ("partners", 0, "name"), "missing-field"),
        ({"title": "No version"}, ("schema_version",), "missing-field"),
        (
            {"schema_version": SCHEMA_VERSION, "partners": {"0": PARTNER}},
            ("partners",),
            "wrong-type",
        ),
        ({"schema_version": SCHEMA_VERSION, "publisher": "TPI"}, ("publisher",), "wrong-type"),
        ({"schema_version": SCHEMA_VERSION, "partners": [5]}, ("partners", 0), "wrong-type"),
        (
            {"schema_version": SCHEMA_VERSION, "published_at": "2026-01-01T00:00:00+00:00"},
            ("published_at",),
            "invalid-format",
        ),
    ],
)
def test_the_converter_never_coerces_and_says_exactly_where(
    data: dict[str, Any], path: tuple[str | int, ...], code: str
) -> None:
    """Each wrong value is refused, and explain() names only its exact path and code."""
    assert problems(data) == [(path, code)]


def test_the_schema_agrees_with_each_refusal() -> None:
    """Validation reports the converter's codes at the converter's paths for the same data."""
    data = document("partners", {**PARTNER, "name": 5, "acronym": None, "nmae": "x"})
    found = {(issue.path, issue.code) for issue in validate(data).issues}
    assert set(problems(data)) <= found


def test_an_unknown_field_is_named_and_the_closest_field_suggested() -> None:
    """The issue of a misspelt field names it as written, and the hint names the right one."""
    (found,) = refusal(document("partners", {**PARTNER, "nmae": "x"}))
    assert found.message == "'nmae' is not a field of a partner"
    assert found.hint == "Did you mean 'name'?"


def test_every_problem_is_collected_in_a_stable_order() -> None:
    """The converter reports every problem of a document at once, in the order of the format."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "title": 5,
        "partners": [{**PARTNER, "name": None}, without(PARTNER, "name")],
        "events": [{**EVENT, "country_count": "15", "nmae": 1}],
    }
    assert problems(data) == [
        (("title",), "wrong-type"),
        (("partners", 0, "name"), "null-value"),
        (("partners", 1, "name"), "missing-field"),
        (("events", 0, "country_count"), "wrong-type"),
        (("events", 0, "nmae"), "unknown-field"),
    ]


def test_explain_prefixes_a_given_path() -> None:
    """explain() puts the given path before the paths it finds, and gives whole issues."""
    with pytest.raises(cattrs.BaseValidationError) as caught:
        make_converter().structure({**PARTNER, "name": 5}, Partner)
    assert explain(caught.value, ("partners", 3)) == [
        Issue(
            code="wrong-type",
            severity=Severity.ERROR,
            path=("partners", 3, "name"),
            message="'name' must be text, not a number",
            hint="Write the value with the type the field needs.",
            excerpt="5",
        )
    ]


@pytest.mark.parametrize(
    "data",
    [
        5,
        [],
        {"title": "No version"},
        document("partners", {**PARTNER, "name": 5}),
        document("partners", {**PARTNER, "name": ""}),
        {"schema_version": SCHEMA_VERSION, "published_at": "2026-01-31T09:30:00.5Z"},
    ],
    ids=["number", "list", "no-version", "wrong-type", "constraint", "time"],
)
def test_structure_raises_the_library_error_never_a_cattrs_one(data: object) -> None:
    """Whatever is wrong, structure() raises InvalidDocumentError with a report of errors."""
    with pytest.raises(InvalidDocumentError) as caught:
        structure(data)
    error = caught.value
    assert not isinstance(error, cattrs.BaseValidationError)
    assert isinstance(error, PartneringError)
    assert isinstance(error, ValueError)
    assert error.report.issues
    assert not error.report.valid


def test_a_constraint_broken_while_structuring_is_reported_at_its_field() -> None:
    """A value the attrs validator refuses becomes an issue at the field, in its words."""
    (found,) = refusal(document("partners", {**PARTNER, "name": ""}))
    assert (found.pointer, found.code) == ("/partners/0/name", "empty-text")
    assert found.message == "'name' must not be empty"
    assert found.hint == "Write the text, or leave the field out if it is optional."


def test_a_top_level_value_of_the_wrong_type_is_the_document() -> None:
    """Data that is not an object at all is named as the document, at the root."""
    (found,) = refusal(5, Partner)
    assert (found.pointer, found.code, found.message) == (
        "",
        "wrong-type",
        "the document must be an object, not a number",
    )


#: Documents the converter refuses, each for one problem of a field's type.
TYPE_PROBLEMS = [
    document("partners", {**PARTNER, "name": 5}),
    document("partners", {**PARTNER, "acronym": None}),
    document("partners", {**PARTNER, "organisation_type": "99"}),
    document("partners", {**PARTNER, "sector": "privat"}),
    document("partners", {**PARTNER, "sources": []}),
    document("partners", {**PARTNER, "extensions": {}}),
    document("partners", {**PARTNER, "webiste": "https://example.org/"}),
    document("partners", without(PARTNER, "name")),
    document("events", {**EVENT, "start_date": "2014-02-30"}),
    document("events", {**EVENT, "participant_count": "5"}),
    {"schema_version": SCHEMA_VERSION, "published_at": "2026-02-30T00:00:00Z"},
    {"schema_version": SCHEMA_VERSION, "partners": "none"},
]


@pytest.mark.parametrize("data", TYPE_PROBLEMS)
def test_the_converter_words_a_problem_of_type_as_the_schema_layer_does(
    data: dict[str, Any],
) -> None:
    """Code, place, message, hint and excerpt are the same from both, from one source."""

    def said(issues: Any) -> list[tuple[object, ...]]:
        return [(i.code, i.pointer, i.message, i.hint, i.excerpt) for i in issues]

    assert said(refusal(data)) == said(validate(data).issues)


def test_the_converter_words_a_broken_constraint_as_the_schema_layer_does() -> None:
    """A value that breaks a constraint gets the same message from both layers."""
    data = document(
        "platforms",
        {"id": "p", "name": "P", "scope": "global", "hosting_model": "other", "sdgs": [3, 18]},
    )
    (converted,) = refusal(data)
    (validated,) = validate(data).issues
    assert converted.message == validated.message == "item 1 of 'sdgs' is 18; it must be at most 17"
    assert (converted.code, converted.pointer) == (validated.code, validated.pointer)


def test_a_whole_number_written_with_a_fraction_is_read_as_a_whole_number() -> None:
    """25.0 is the whole number 25, as in JSON Schema, and is written back as 25."""
    dataset: Dataset = structure(document("events", {**EVENT, "participant_count": 25.0}))
    count = dataset.events[0].participant_count
    assert (count, type(count)) == (25, int)
    assert unstructure(dataset)["events"][0]["participant_count"] == 25


@pytest.mark.parametrize("data", [[], "dataset", None, 5])
def test_a_document_that_is_not_an_object_is_refused_at_the_root(data: object) -> None:
    """A top-level list, string, null or number is refused with one issue at the root."""
    assert problems(data) == [((), "wrong-type" if data is not None else "null-value")]


def test_make_converter_makes_a_new_converter_each_time() -> None:
    """Each call gives a converter of its own, never cattrs' global one."""
    first, second = make_converter(), make_converter()
    assert first is not second
    assert cattrs.global_converter not in (first, second)
    first.register_structure_hook(str, lambda value, _: str(value))
    assert first.structure(5, str) == "5"
    with pytest.raises(ValueError, match="must be text, not a number"):
        second.structure(5, str)
    with pytest.raises(InvalidDocumentError):
        structure({**PARTNER, "name": 5}, Partner)


def test_a_converter_without_detailed_validation_still_refuses() -> None:
    """The faster converter refuses the same data, without collecting every problem."""
    converter = make_converter(detailed_validation=False)
    with pytest.raises(ValueError, match="must be text, not a number"):
        converter.structure({**PARTNER, "name": 5}, Partner)
    assert converter.structure(PARTNER, Partner) == structure(PARTNER, Partner)


def test_unstructure_leaves_out_what_is_absent_and_always_writes_the_version() -> None:
    """None, empty lists and empty custom data are left out; schema_version is always written."""
    assert unstructure(Dataset()) == {"schema_version": SCHEMA_VERSION}
    partner = Partner(id="tpi", name="TPI", organisation_type=OrganisationType.INTERNATIONAL_NGO)
    assert unstructure(partner) == {"id": "tpi", "name": "TPI", "organisation_type": "21"}
    platform = Platform(
        id="p",
        name="P",
        scope=PlatformScope.GLOBAL,
        hosting_model=HostingModel.OTHER,
        countries=(),
        sdgs=(3, 17),
        extensions={},
    )
    assert unstructure(platform) == {
        "id": "p",
        "name": "P",
        "scope": "global",
        "hosting_model": "other",
        "sdgs": [3, 17],
    }


def test_unstructure_writes_dates_times_and_codes_as_strings() -> None:
    """Dates are YYYY-MM-DD, times UTC with a Z, codes their string; the result is JSON."""
    dataset = Dataset(
        published_at=datetime(2026, 1, 31, 9, 30, tzinfo=timezone.utc),
        events=(Event(id="w", name="W", start_date=date(14, 4, 13), end_date=date(2014, 4, 14)),),
    )
    data = unstructure(dataset)
    assert data["published_at"] == "2026-01-31T09:30:00Z"
    assert data["events"][0]["start_date"] == "0014-04-13"
    assert json.loads(json.dumps(data)) == data
    assert structure(data) == dataset


def test_unstructure_writes_every_valid_time_so_it_reads_back() -> None:
    """A UTC time in the first millennium is written with a four-digit year and reads back."""
    dataset = Dataset(published_at=datetime(999, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    data = unstructure(dataset)
    assert data["published_at"] == "0999-01-02T03:04:05Z"
    assert structure(data) == dataset


def test_custom_data_is_copied_not_shared() -> None:
    """Changing the data after structuring does not change the model."""
    data = document("partners", {**PARTNER, "extensions": {"tpi:tags": ["hub"]}})
    dataset: Dataset = structure(data)
    data["partners"][0]["extensions"]["tpi:tags"].append("changed")
    assert dataset.partners[0].extensions == {"tpi:tags": ["hub"]}
