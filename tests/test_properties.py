"""Properties of every dataset the strategies build, and of every way to break one field.

The round trips and the schema's verdicts are checked on data from
:mod:`partnering.strategies`. The mutation matrix is driven by the models' metadata: for every
constraint declared on every field, and for every wrong JSON type a field can be given, a
valid record is broken in exactly that way, and both engines (the JSON Schema layer of
:func:`partnering.validate` and the converter behind :func:`partnering.structure`) must refuse
it, at the same place and with the same code.
"""

from __future__ import annotations

import contextlib
import copy
import json
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import Phase, assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from _strategies_table import STRATEGIES
from partnering import (
    InvalidDocumentError,
    _fields,
    dumps,
    loads,
    models,
    strategies,
    structure,
    unstructure,
    validate,
)
from partnering._constraints import (
    COUNTRY_CODES,
    Amount,
    Constraint,
    Country,
    Currency,
    Each,
    Keys,
    Length,
    MinItems,
    Omitted,
    Pattern,
    Range,
    Subdivision,
    Text,
    UniqueItems,
    Uri,
    UtcSeconds,
    constraints_of,
)
from partnering._currencies import currency_codes
from partnering._patterns import NamedPattern
from partnering._relations import Dated
from partnering._schema_layer import schema_issues
from partnering.catalogue import SCHEMA_CODES
from partnering.codelists import CodeList
from partnering.entities import ENTITIES, describe
from partnering.models import Dataset
from partnering.partial_dates import PartialDate
from partnering.report import Path
from partnering.rules import rule_issues
from partnering.schemagen import dataset_schema
from partnering.strategies._datasets import consistent_datasets
from partnering.strategies._values import PATTERN_VALUES
from partnering.validation import check

#: The day consistent datasets are checked on; no date of something past lies after it.
TODAY = date(2026, 1, 1)

# --- What the strategies draw ----------------------------------------------------------------

#: Fields whose constraints leave no value but the default: the format's one version.
ONLY_DEFAULT = {(Dataset, "schema_version")}

#: How many draws may pass before every field has been drawn with a value of its own.
MOST_DRAWS = 300


def default_of(field: attrs.Attribute[Any]) -> Any:
    """Return the value a model gives a field left out, or NOTHING for a required field."""
    factory = getattr(field.default, "factory", None)  # an attrs.Factory
    return factory() if callable(factory) else field.default


def drawn_fields(record: Any, found: set[tuple[type[Any], str]]) -> None:
    """Add to ``found`` every field of the record, and of the records in it, not at its default."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value != default_of(field):
            found.add((type(record), field.name))
        for item in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(item)):
                drawn_fields(item, found)


def fields_never_drawn(
    strategy: st.SearchStrategy[Any],
    models_: Iterable[type[Any]],
    seen: Iterable[tuple[type[Any], str]] = (),
) -> set[tuple[str, str]]:
    """Return the fields of ``models_`` that ``strategy`` never draws with a value of their own.

    The fields already ``seen`` count as drawn. The draws are the same on every run, and stop
    as soon as every field has been seen.
    """
    wanted = {(model, f.name) for model in models_ for f in attrs.fields(model)} - ONLY_DEFAULT
    found = set(seen)

    def everything_drawn(record: Any) -> bool:
        drawn_fields(record, found)
        return wanted <= found

    quick = settings(
        max_examples=MOST_DRAWS, phases=[Phase.generate], database=None, derandomize=True
    )
    with contextlib.suppress(NoSuchExample):  # some field was never drawn
        find(strategy, everything_drawn, settings=quick)
    return {(model.__name__, name) for model, name in wanted - found}


#: The fields that the datasets drawn by the tests of this module gave a value of their own,
#: consistent or not: the last tests count them, so that a whole run need not draw them again.
SEEN_IN_CONSISTENT: set[tuple[type[Any], str]] = set()
SEEN_IN_FREE: set[tuple[type[Any], str]] = set()


def datasets_seen(**options: Any) -> st.SearchStrategy[Dataset]:
    """Build datasets as ``strategies.datasets(**options)`` does, noting the fields drawn."""
    seen_in = SEEN_IN_FREE if options.get("consistent") is False else SEEN_IN_CONSISTENT

    def seen(dataset: Dataset) -> Dataset:
        drawn_fields(dataset, seen_in)
        return dataset

    return strategies.datasets(**options).map(seen)


# --- Round trips and determinism ----------------------------------------------------------


@given(datasets_seen())
def test_loads_of_dumps_gives_back_the_same_dataset(dataset: Dataset) -> None:
    """Writing a dataset drawn by default and reading it back loses and changes nothing."""
    assert loads(dumps(dataset)) == dataset


@given(datasets_seen(consistent=False))
def test_structure_of_unstructure_gives_back_the_same_dataset(dataset: Dataset) -> None:
    """Any valid dataset survives the round trip; loads refuses it only for rules across it."""
    text = dumps(dataset, check=False)
    assert structure(json.loads(text)) == dataset
    loaded, report = check(text)
    assert [issue.pointer for issue in report.errors if issue.code in SCHEMA_CODES] == []
    assert loaded == (dataset if report.valid else None)


@given(datasets_seen())
def test_dumps_of_loads_keeps_the_json_of_any_valid_text(dataset: Dataset) -> None:
    """A valid text in another key order and layout reads and writes back to the same JSON."""
    text = json.dumps(json.loads(dumps(dataset)), indent=None, sort_keys=True)
    written = dumps(loads(text))
    assert json.loads(written) == json.loads(text)


@given(datasets_seen(consistent=False))
def test_dumps_is_deterministic(dataset: Dataset) -> None:
    """The same dataset, or an equal copy of it, is always written as the same bytes."""
    text = dumps(dataset, check=False)
    copied = copy.deepcopy(dataset)
    rebuilt = structure(json.loads(text))
    assert copied == dataset == rebuilt
    written = [dumps(each, check=False) for each in (dataset, copied, rebuilt)]
    assert written == [text] * 3
    assert text.encode("utf-8") == written[2].encode("utf-8")


def test_custom_data_keeps_its_key_order_through_a_dump() -> None:
    """Custom data is kept exactly, key order included, though equality ignores the order."""
    first = Dataset(extensions={"a-tool:x": 1, "b-tool:y": {"p": 1, "q": 2}})
    second = Dataset(extensions={"b-tool:y": {"q": 2, "p": 1}, "a-tool:x": 1})
    assert first == second
    assert dumps(first) != dumps(second)
    assert [dumps(loads(dumps(dataset))) for dataset in (first, second)] == [
        dumps(first),
        dumps(second),
    ]


@given(datasets_seen(today=date(2015, 1, 1)))
def test_consistent_datasets_keep_their_dates_before_the_day_given(dataset: Dataset) -> None:
    """With another day as today, a consistent dataset still has no issues on that day."""
    report = validate(unstructure(dataset), today=date(2015, 1, 1))
    assert [(issue.code, issue.pointer) for issue in report.issues] == []


# --- The schema accepts what the models accept ------------------------------------------------


@given(datasets_seen(consistent=False))
def test_every_dataset_is_valid_against_the_schema(dataset: Dataset) -> None:
    """No valid dataset breaks the interchange schema, through validate or its schema layer."""
    data = unstructure(dataset)
    assert [(issue.code, issue.pointer) for issue in schema_issues(data)] == []
    schema_codes = set(SCHEMA_CODES)
    report = validate(data, today=TODAY)
    assert [issue.pointer for issue in report.issues if issue.code in schema_codes] == []


@given(datasets_seen())
def test_every_consistent_dataset_has_no_issues_at_all(dataset: Dataset) -> None:
    """A consistent dataset passes the schema and every rule across the file."""
    report = validate(unstructure(dataset), today=TODAY)
    assert [(issue.code, issue.pointer, issue.message) for issue in report.issues] == []


@given(st.data())
def test_every_model_strategy_builds_valid_records(data: st.DataObject) -> None:
    """Each model's strategy builds a record that its schema accepts in a dataset."""
    model = data.draw(st.sampled_from(MODELS), label="model")
    record = unstructure(data.draw(STRATEGIES[model], label="record"))
    document = place(model, record)
    assert [(issue.code, issue.pointer) for issue in schema_issues(document)] == []
    assert unstructure(structure(document)) == document


# --- The strategies draw what the models declare ------------------------------------------


@given(st.data())
def test_the_values_drawn_for_a_named_pattern_match_it(data: st.DataObject) -> None:
    """Each pattern's own strategy draws only texts the pattern accepts."""
    pattern: NamedPattern = data.draw(st.sampled_from(sorted(PATTERN_VALUES, key=str)))
    text = data.draw(PATTERN_VALUES[pattern], label="text")
    assert pattern.matches(text)


# A model of this module only: a reference and a date declared once, on their fields.
# ruff: noqa: RUF009 (the model helpers return attrs fields, as in the models module)


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting that a partner hosts."""

    id: str = _fields._field("The meeting's id.", _fields._ID)
    host_id: str | None = _fields._ref("The partner that hosts it.", "partners", "names host")
    held_on: date | None = _fields._optional("When it was held.", dated=Dated(past="was held on"))


@attrs.frozen(kw_only=True)
class Meetings:
    """A dataset of partners and the meetings they host."""

    partners: tuple[models.Partner, ...] = _fields._list("The organisations.")
    meetings: tuple[Meeting, ...] = _fields._list("The meetings.")


MEETINGS = consistent_datasets(describe(Meetings), 3, TODAY)


@given(MEETINGS)
def test_a_reference_declared_on_a_new_field_is_drawn_from_its_target(dataset: Meetings) -> None:
    """A reference and a date declared on a new model are kept by consistent datasets at once."""
    partner_ids = {partner.id for partner in dataset.partners}
    assert all(meeting.host_id in {None, *partner_ids} for meeting in dataset.meetings)
    assert all(meeting.held_on is None or meeting.held_on <= TODAY for meeting in dataset.meetings)


def test_a_reference_declared_on_a_new_field_names_records() -> None:
    """The new reference is not only ever left out: it names a partner."""
    assert fields_never_drawn(MEETINGS, [Meeting]) == set()


def test_a_reference_declared_once_reaches_the_rules_and_the_schema() -> None:
    """The one declaration of Meeting.host_id is checked by the rules and stated by the schema."""
    data = {
        "partners": [{"id": "tpi", "name": "TPI", "organisation_type": "21"}],
        "meetings": [{"id": "m1", "host_id": "tpi"}, {"id": "m2", "host_id": "nobody"}],
    }
    found = rule_issues(data, today=TODAY, entities=describe(Meetings))
    assert [(i.code, i.pointer) for i in found] == [("dangling-reference", "/meetings/1/host_id")]
    schema = dataset_schema(Meetings)
    host = schema["$defs"]["Meeting"]["properties"]["host_id"]
    assert host == {"description": "The partner that hosts it.", "allOf": [{"$ref": "#/$defs/id"}]}
    assert list(schema["properties"]) == ["partners", "meetings"]


# --- Rules: one property here, the rest in the rules tests ----------------------------------

#: Where partner ids are referred to, as the models declare it.
PARTNER_REFERENCES = [ref for ref in ENTITIES.references if ref.target == "partners"]


def references_to(data: Mapping[str, Any], partner_id: str) -> set[str]:
    """Return the pointers of every reference to one partner in unstructured data."""
    found: set[str] = set()
    for reference in PARTNER_REFERENCES:
        list_name, nested, field = reference.source, reference.within, reference.field
        for i, record in enumerate(data.get(list_name, [])):
            holders: list[tuple[Path, Any]] = [((i,), record)]
            if nested is not None:
                holders = [((i, nested, j), item) for j, item in enumerate(record.get(nested, []))]
            for where, holder in holders:
                value = holder.get(field)
                base = "/".join(str(part) for part in (list_name, *where, field))
                if value == partner_id:
                    found.add(f"/{base}")
                elif isinstance(value, list) and partner_id in value:
                    found.add(f"/{base}/{value.index(partner_id)}")
    return found


@given(datasets_seen(), st.data())
def test_removing_a_referenced_partner_leaves_dangling_references(
    dataset: Dataset, data: st.DataObject
) -> None:
    """Every reference to a removed partner, and nothing else, is a dangling reference."""
    document = unstructure(dataset)
    referenced = [p.id for p in dataset.partners if references_to(document, p.id)]
    assume(referenced)
    removed = data.draw(st.sampled_from(referenced), label="removed")
    kept = [partner for partner in document["partners"] if partner["id"] != removed]
    if kept:
        document["partners"] = kept
    else:
        del document["partners"]
    report = validate(document, today=TODAY)
    dangling = {issue.pointer for issue in report.issues if issue.code == "dangling-reference"}
    assert dangling == references_to(document, removed)


# --- Valid records with every field, to break one field at a time ---------------------------

SOURCE = {
    "title": "Platforms for Partnership: Emerging good practice",
    "url": "https://thepartneringinitiative.org/publications/platforms-for-partnership",
    "publisher": "The Partnering Initiative",
    "year": 2014,
}
EXTENSIONS = {"kenya-sdgpp:window": {"name": "primary healthcare", "order": 1, "open": True}}
PUBLISHER = {
    "name": "The Partnering Initiative",
    "identifier": "GB-COH-06469264",
    "website": "https://thepartneringinitiative.org/",
}
PARTNER = {
    "id": "gov-ke",
    "name": "Government of Kenya",
    "organisation_type": "10",
    "sector": "public",
    "identifier": "XM-DAC-1",
    "acronym": "GoK",
    "country": "KE",
    "website": "https://www.health.go.ke/",
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
OTHER_PARTNER = {"id": "un-kenya", "name": "UN in Kenya", "organisation_type": "40"}
MEMBERSHIP = {"partner_id": "gov-ke", "roles": ["host", "co_chair"], "since": "2017-09-20"}
PLATFORM = {
    "id": "kenya-sdgpp",
    "name": "SDG Partnership Platform (Kenya)",
    "scope": "national",
    "hosting_model": "government_un_co_led",
    "acronym": "SDGPP",
    "description": "Brings government, the UN, business and civil society together.",
    "countries": ["KE"],
    "subdivisions": ["KE-30"],
    "region": "East Africa",
    "platform_type": "transformative_partnership",
    "focus": "issue",
    "themes": ["primary healthcare", "universal health coverage"],
    "sdgs": [3, 17],
    "host_id": "gov-ke",
    "functions": ["convening", "brokering"],
    "stage": "operational",
    "launched_on": "2017-09-20",
    "parent_id": "p4g",
    "members": [MEMBERSHIP],
    "challenge_ids": ["engaging-government"],
    "website": "https://sdgpp-kenya.org/",
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
PARENT_PLATFORM = {
    "id": "p4g",
    "name": "Partnering for Green Growth and the Global Goals 2030",
    "scope": "global",
    "hosting_model": "intergovernmental_initiative",
}
PARTICIPANT = {
    "partner_id": "gov-ke",
    "roles": ["accountable", "implementing"],
    "lead": True,
    "contribution": "Policy leadership and county health systems.",
}
COMMITMENT = {
    "kind": "financial",
    "provider_id": "gov-ke",
    "amount": 2500000,
    "currency": "KES",
    "description": "County health budgets for the window.",
    "start_date": "2018-01-15",
    "end_date": "2020-12-31",
}
DELIVERABLE = {
    "id": "clinics",
    "title": "Ten clinics equipped",
    "due_date": "2019-12",
    "status": "in_progress",
}
PROGRESS_REPORT = {
    "reported_on": "2019-06-30",
    "status": "on_track",
    "summary": "Six clinics equipped so far.",
}
DELIVERABLE_PROGRESS = {
    "deliverable": "clinics",
    "reported_on": "2019-06-30",
    "status": "in_progress",
}
PARTNERSHIP = {
    "id": "phc-window",
    "title": "Primary healthcare accelerator window",
    "participants": [PARTICIPANT, {"partner_id": "un-kenya", "roles": ["funding"]}],
    "description": "Private investment in primary healthcare in two counties.",
    "platform_id": "kenya-sdgpp",
    "partnership_type": "combine_integrate",
    "stage": "managing_and_maintaining",
    "agreement": "mou",
    "sdgs": [3, 17],
    "sdg_targets": ["3.8", "17.17"],
    "countries": ["KE"],
    "subdivisions": ["KE-30"],
    "start_date": "2018-01-15",
    "end_date": "2022-12-31",
    "resources": [COMMITMENT],
    "deliverables": [DELIVERABLE],
    "progress_reports": [PROGRESS_REPORT],
    "deliverable_progress": [DELIVERABLE_PROGRESS],
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
CHALLENGE = {
    "id": "engaging-government",
    "title": "Engaging government",
    "category": "government_engagement",
    "description": "Getting government to take part and to own the platform's agenda.",
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
SOLUTION = {
    "id": "government-co-chairs",
    "title": "Government co-chairs",
    "challenge_ids": ["engaging-government"],
    "description": "A minister co-chairs the platform's steering committee.",
    "building_block_ids": ["government-engagement"],
    "example_platform_ids": ["kenya-sdgpp"],
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
FRAMEWORK = {
    "id": "tpi-platforms-2014-provisional",
    "name": "Building blocks of a high-performing platform",
    "description": "The provisional framework of the 2014 workshop.",
    "version": "2014",
    "provisional": True,
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
BUILDING_BLOCK = {
    "id": "government-engagement",
    "framework_id": "tpi-platforms-2014-provisional",
    "name": "Government engagement and alignment",
    "description": "Linked to national priorities, with political recognition.",
    "order": 4,
    "challenge_ids": ["engaging-government"],
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
RATING = {
    "building_block_id": "government-engagement",
    "rating": "amber",
    "evidence": "Two ministries take part; the treasury does not.",
    "actions": ["Invite the treasury to the steering committee."],
    "respondent": "r1",
}
RESPONDENT = {"key": "r1", "sector": "public", "role": "secretariat"}
ASSESSMENT = {
    "id": "kenya-2024",
    "platform_id": "kenya-sdgpp",
    "framework_id": "tpi-platforms-2014-provisional",
    "assessed_on": "2024-06-30",
    "ratings": [RATING],
    "assessor": "The platform's secretariat",
    "respondents": [RESPONDENT],
    "summary": "Strong convening; government engagement needs work.",
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
EVENT = {
    "id": "workshop-2014",
    "name": "Platforms for Partnership workshop",
    "start_date": "2014-04-13",
    "end_date": "2014-04-14",
    "description": "Practitioners named the challenges platforms face.",
    "location": "Mexico City",
    "convener_id": "gov-ke",
    "sponsor_ids": ["un-kenya"],
    "participant_count": 25,
    "country_count": 15,
    "sectors_present": ["private", "public", "academia", "civil_society"],
    "challenge_ids": ["engaging-government"],
    "solution_ids": ["government-co-chairs"],
    "building_block_ids": ["government-engagement"],
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
COMMUNITY = {
    "id": "platforms-cop",
    "name": "Community of practice of partnership platforms",
    "description": "Platforms that learn from each other.",
    "convener_id": "gov-ke",
    "platform_ids": ["kenya-sdgpp"],
    "launched_on": "2014-04-14",
    "sources": [SOURCE],
    "extensions": EXTENSIONS,
}
DATASET = {
    "schema_version": "1.1",
    "title": "Partnership platforms in Kenya",
    "description": "One record of each kind, every field filled in.",
    "publisher": PUBLISHER,
    "published_at": "2025-12-31T09:30:00Z",
    "license": "https://creativecommons.org/licenses/by/4.0/",
    "platforms": [PLATFORM, PARENT_PLATFORM],
    "partners": [PARTNER, OTHER_PARTNER],
    "partnerships": [PARTNERSHIP],
    "challenges": [CHALLENGE],
    "solutions": [SOLUTION],
    "frameworks": [FRAMEWORK],
    "building_blocks": [BUILDING_BLOCK],
    "assessments": [ASSESSMENT],
    "events": [EVENT],
    "communities": [COMMUNITY],
    "extensions": EXTENSIONS,
}

#: Every model, by name.
MODELS: tuple[type[Any], ...] = tuple(
    sorted(
        (
            value
            for value in (getattr(models, name) for name in models.__all__)
            if isinstance(value, type) and attrs.has(value)
        ),
        key=lambda model: model.__name__,
    )
)

#: A valid record of each model with every field present.
FULL: Mapping[type[Any], dict[str, Any]] = {
    models.Assessment: ASSESSMENT,
    models.BuildingBlock: BUILDING_BLOCK,
    models.BuildingBlockRating: RATING,
    models.Challenge: CHALLENGE,
    models.Commitment: COMMITMENT,
    models.Community: COMMUNITY,
    models.Dataset: DATASET,
    models.Deliverable: DELIVERABLE,
    models.DeliverableProgress: DELIVERABLE_PROGRESS,
    models.Event: EVENT,
    models.Framework: FRAMEWORK,
    models.Membership: MEMBERSHIP,
    models.Participant: PARTICIPANT,
    models.Partner: PARTNER,
    models.Partnership: PARTNERSHIP,
    models.Platform: PLATFORM,
    models.ProgressReport: PROGRESS_REPORT,
    models.Publisher: PUBLISHER,
    models.Respondent: RESPONDENT,
    models.Solution: SOLUTION,
    models.Source: SOURCE,
}


def item_type(type_: Any) -> tuple[Any, bool]:
    """Return the type of a field's values without ``None``, and whether it is a list."""
    arguments = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        if len(arguments) > 1:  # a date or a partial date: no list, no record
            return type_, False
        (type_,) = arguments
        arguments = list(typing.get_args(type_))
    if typing.get_origin(type_) is tuple:
        return arguments[0], True
    return type_, False


def find_places() -> dict[type[Any], Path]:
    """Find where a record of each model first sits in a dataset, from the dataset's fields."""
    places: dict[type[Any], Path] = {Dataset: ()}
    queue: list[type[Any]] = [Dataset]
    while queue:
        model = queue.pop(0)
        hints = typing.get_type_hints(model)
        for field in attrs.fields(model):
            inner, many = item_type(hints[field.name])
            if isinstance(inner, type) and attrs.has(inner) and inner not in places:
                places[inner] = (*places[model], field.name, *((0,) if many else ()))
                queue.append(inner)
    return places


PLACES = find_places()


def place(model: type[Any], record: dict[str, Any]) -> dict[str, Any]:
    """Return the full dataset with ``record`` put where a record of ``model`` sits."""
    path = PLACES[model]
    if not path:
        return record
    document = copy.deepcopy(DATASET)
    parent: Any = document
    for segment in path[:-1]:
        parent = parent[segment]
    parent[path[-1]] = record
    return document


def pointer(path: Path) -> str:
    """Render a path as a JSON Pointer (the paths here need no escaping)."""
    return "".join(f"/{segment}" for segment in path)


def test_the_full_records_have_every_field_and_are_valid() -> None:
    """The records the mutations start from fill in every field and pass every check."""
    assert set(FULL) == set(MODELS) == set(STRATEGIES) == set(PLACES)
    for model, record in FULL.items():
        assert list(record) == [field.name for field in attrs.fields(model)], model.__name__
        assert unstructure(structure(record, model)) == record
    report = validate(DATASET, today=TODAY)
    assert [(issue.code, issue.pointer) for issue in report.issues] == []


# --- The mutation matrix ------------------------------------------------------------------

#: What a mutation does to a field's valid value: the bad value, and where below the field
#: the problem lies.
Breaker = Callable[[Any], tuple[Any, Path]]
#: Removes the field instead of giving it a value.
REMOVE = object()


@attrs.frozen
class Mutation:
    """One way to break one field of one model, with the code both engines must report."""

    model: type[Any]
    field: str
    label: str
    breaker: Breaker
    code: str

    @property
    def id(self) -> str:
        """A readable test id, such as ``Platform.sdgs-each-above``."""
        return f"{self.model.__name__}.{self.field}-{self.label}"


def constant(value: Any) -> Breaker:
    """Break a field by giving it ``value``, whatever it held."""
    return lambda valid: (value, ())


def constraint_breakers(constraint: Constraint) -> list[tuple[str, Breaker, str]]:
    """Return the ways to break exactly one constraint: label, breaker and issue code."""
    if isinstance(constraint, Length):
        found = [("short", constant("x" * (constraint.minimum - 1)), constraint.code)]
        if constraint.maximum is not None:
            found.append(("long", constant("x" * (constraint.maximum + 1)), constraint.code))
        return found
    if isinstance(constraint, Text):
        found = [
            ("short", constant(""), "empty-text"),
            ("blank", constant(" \u200b\u3000"), "blank-text"),
            ("control", lambda valid: (valid + "\x00", ()), "control-character"),
            ("carriage-return", lambda valid: (valid + "\r", ()), "control-character"),
        ]
        if not constraint.long:
            found.append(("newline", lambda valid: (valid + "\n", ()), "control-character"))
        return found
    if isinstance(constraint, Pattern):
        # A final newline passes Python's "$" but not ECMA-262's, nor the converter's.
        return [("newline", lambda valid: (valid + "\n", ()), constraint.code)]
    if isinstance(constraint, Range):
        found = []
        if constraint.minimum is not None:
            found.append(("below", constant(constraint.minimum - 1), constraint.code))
        if constraint.maximum is not None:
            # Beyond 2^53 - 1, a whole number is too large to exchange, whatever the range.
            code = "integer-too-large" if constraint.maximum >= 2**53 - 1 else constraint.code
            found.append(("above", constant(constraint.maximum + 1), code))
        return found
    if isinstance(constraint, Country):
        assert "XX" not in COUNTRY_CODES
        return [
            ("lowercase", lambda valid: (valid.lower(), ()), constraint.code),
            ("unassigned", constant("XX"), constraint.code),
        ]
    if isinstance(constraint, Subdivision):
        # 'ZZ' is no subdivision of any country: ISO 3166-2 lists no 'CA-ZZ', 'KE-ZZ'...
        return [
            ("lowercase", lambda valid: (valid.lower(), ()), constraint.code),
            ("unassigned", lambda valid: (valid.partition("-")[0] + "-ZZ", ()), constraint.code),
        ]
    if isinstance(constraint, Amount):
        # The reader keeps the decimal text, so a number below zero is refused as written.
        return [
            ("negative", constant(-1), constraint.code),
            ("negative-fraction", constant(-0.5), constraint.code),
        ]
    if isinstance(constraint, Currency):
        assert "XXY" not in currency_codes()
        return [
            ("lowercase", lambda valid: (valid.lower(), ()), constraint.code),
            ("unassigned", constant("XXY"), constraint.code),
        ]
    if isinstance(constraint, Uri):
        # Braces are printable ASCII, so the http(s) pattern holds and only RFC 3986 fails.
        return [("not-rfc3986", lambda valid: (valid + "{}", ()), constraint.code)]
    if isinstance(constraint, UtcSeconds):
        return [("offset", lambda valid: (valid.replace("Z", "+00:00"), ()), constraint.code)]
    if isinstance(constraint, Keys):
        return [
            ("key", lambda valid: ({**valid, "custom": 1}, ("custom",)), constraint.code),
            ("empty", constant({}), "empty-object"),
        ]
    if isinstance(constraint, MinItems):
        # An empty list in a file is always reported as one, whatever its minimum.
        code = "empty-list" if constraint.minimum == 1 else constraint.code
        return [("few", lambda valid: (valid[: constraint.minimum - 1], ()), code)]
    if isinstance(constraint, Omitted):
        return [("empty", constant([]), constraint.code)]
    if isinstance(constraint, UniqueItems):
        return [("repeated", lambda valid: ([*valid, valid[0]], (len(valid),)), constraint.code)]
    if isinstance(constraint, Each):
        found = []
        for inner in constraint.constraints:
            for label, breaker, code in constraint_breakers(inner):

                def each(valid: Any, breaker: Breaker = breaker) -> tuple[Any, Path]:
                    bad, below = breaker(valid[0])
                    return [*valid, bad], (len(valid), *below)

                found.append((f"each-{label}", each, code))
        return found
    raise TypeError(f"no mutation breaks {constraint!r}: teach constraint_breakers about it")


def type_breakers(field: attrs.Attribute[Any], type_: Any) -> list[tuple[str, Breaker, str]]:
    """Return the ways to give a field a value of the wrong JSON type, null, or nothing."""
    found: list[tuple[str, Breaker, str]] = []
    if field.default is None:
        found.append(("null", constant(None), "null-value"))
    if field.default is attrs.NOTHING or field.metadata.get("required_in_files"):
        found.append(("missing", constant(REMOVE), "missing-field"))
    inner, many = item_type(type_)
    if many:
        found += [
            ("text-for-list", constant("abc"), "wrong-type"),
            ("object-for-list", constant({"a": 1}), "wrong-type"),
            ("item-type", lambda valid: (["5"] if inner is int else [5], (0,)), "wrong-type"),
        ]
    elif inner is str:
        found += [("number-for-text", constant(5), "wrong-type")]
    elif inner is bool:
        found += [
            ("text-for-boolean", constant("false"), "wrong-type"),
            ("number-for-boolean", constant(1), "wrong-type"),
        ]
    elif inner is int:
        found += [
            # 5.0 is the whole number 5, as in JSON Schema; 5.5 is not.
            ("fraction", constant(5.5), "wrong-type"),
            ("boolean-for-number", constant(True), "wrong-type"),
            ("text-for-number", constant("5"), "wrong-type"),
        ]
    elif inner is Decimal:
        found += [
            ("boolean-for-number", constant(True), "wrong-type"),
            ("text-for-number", constant("0.1"), "wrong-type"),
        ]
    elif inner is datetime:
        found += [
            ("no-zone", constant("2026-01-01T00:00:00"), "invalid-format"),
            ("unreal-day", constant("2026-02-30T00:00:00Z"), "invalid-format"),
            ("number-for-time", constant(5), "wrong-type"),
        ]
    elif inner is date:
        found += [
            ("unreal-day", constant("2014-02-30"), "invalid-format"),
            ("unpadded", constant("2014-4-13"), "invalid-format"),
            ("arabic-indic-digits", constant("٢٠١٤-٠٤-١٣"), "invalid-format"),
            ("number-for-date", constant(20140413), "wrong-type"),
        ]
    elif {date, PartialDate} <= set(typing.get_args(inner)):
        # A day, or (format 1.1) a month or a year.
        found += [
            ("unreal-day", constant("2014-02-30"), "invalid-format"),
            ("unreal-month", constant("2016-13"), "invalid-format"),
            ("year-zero", constant("0000"), "invalid-format"),
            ("unpadded-month", constant("2016-3"), "invalid-format"),
            ("number-for-date", constant(2016), "wrong-type"),
        ]
    elif isinstance(inner, type) and issubclass(inner, CodeList):
        found += [
            ("unknown-code", constant("not-a-code"), "unknown-code"),
            ("number-for-code", constant(5), "wrong-type"),
        ]
    elif isinstance(inner, type) and attrs.has(inner):
        found += [
            ("text-for-object", constant("abc"), "wrong-type"),
            ("list-for-object", constant([]), "wrong-type"),
        ]
    elif inner == Mapping[str, Any]:
        found += [
            ("list-for-object", constant(["a"]), "wrong-type"),
            ("text-for-object", constant("abc"), "wrong-type"),
        ]
    else:
        raise TypeError(f"no wrong type known for {type_!r}: teach type_breakers about it")
    return found


#: The schema layer names a wrong format version for what it is.
SCHEMA_LAYER_CODES = {"Dataset.schema_version-newline": "unsupported-version"}


def all_mutations() -> list[Mutation]:
    """List every mutation of every field of every model, from the models' metadata."""
    found = []
    for model in MODELS:
        hints = typing.get_type_hints(model)
        for field in attrs.fields(model):
            ways = [
                *(way for c in constraints_of(field) for way in constraint_breakers(c)),
                *type_breakers(field, hints[field.name]),
            ]
            found += [Mutation(model, field.name, *way) for way in ways]
        found.append(Mutation(model, "nmae", "unknown-field", constant(1), "unknown-field"))
    return found


MUTATIONS = all_mutations()


def break_record(mutation: Mutation, record: dict[str, Any]) -> tuple[dict[str, Any], Path]:
    """Apply a mutation to a copy of a record; return it and the path of the problem in it."""
    broken = copy.deepcopy(record)
    bad, below = mutation.breaker(copy.deepcopy(record.get(mutation.field)))
    if bad is REMOVE:
        del broken[mutation.field]
    else:
        broken[mutation.field] = bad
    return broken, (mutation.field, *below)


def broken_document(mutation: Mutation, record: dict[str, Any]) -> tuple[dict[str, Any], Path]:
    """Return a dataset holding the broken record, and the path of the problem in it."""
    broken, below = break_record(mutation, record)
    return place(mutation.model, broken), (*PLACES[mutation.model], *below)


def converter_problems(document: dict[str, Any]) -> list[tuple[str, Path]]:
    """Check that the converter refuses a document; return the problems it explains."""
    with pytest.raises(InvalidDocumentError) as caught:
        structure(document)
    return [(issue.code, issue.path) for issue in caught.value.report.issues]


def within(path: Path, field: Path, expected: Path) -> bool:
    """Tell whether ``path`` is the expected path or a prefix of it down to the field at least.

    The converter checks a constraint on a whole list or mapping once the field is built, so
    it names the field where the schema names the item or key.
    """
    return len(path) >= len(field) and expected[: len(path)] == path


def assert_both_engines_refuse(mutation: Mutation, record: dict[str, Any]) -> None:
    """Check that validation and conversion both refuse the broken record, at the same place."""
    document, expected_path = broken_document(mutation, record)
    field_path = (*PLACES[mutation.model], mutation.field)
    expected = (SCHEMA_LAYER_CODES.get(mutation.id, mutation.code), pointer(expected_path))

    found = [(issue.code, issue.pointer) for issue in validate(document, today=TODAY).issues]
    assert expected in found
    # Exactly that field is broken: the schema finds nothing anywhere else.
    field_pointer = pointer(field_path)
    schema_found = [(issue.code, issue.pointer) for issue in schema_issues(document)]
    assert all(
        where == field_pointer or where.startswith(field_pointer + "/") for _, where in schema_found
    ), schema_found

    problems = converter_problems(document)
    assert any(within(path, field_path, expected_path) for _, path in problems), problems


def test_every_constraint_and_type_has_mutations() -> None:
    """The matrix covers every field of every model, and every constraint declared on it."""
    covered = {(mutation.model, mutation.field) for mutation in MUTATIONS}
    for model in MODELS:
        for field in attrs.fields(model):
            assert (model, field.name) in covered
    labels = {mutation.label for mutation in MUTATIONS}
    assert {"short", "newline", "above", "lowercase", "not-rfc3986", "offset", "key"} <= labels
    assert {"blank", "control", "carriage-return"} <= labels
    assert {"few", "empty", "repeated", "each-above", "each-lowercase", "null"} <= labels


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda mutation: mutation.id)
def test_both_engines_refuse_each_mutation(mutation: Mutation) -> None:
    """A record broken in one field is refused by the schema and the converter alike."""
    assert_both_engines_refuse(mutation, FULL[mutation.model])


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda mutation: mutation.id)
def test_the_converter_reports_the_code_the_schema_reports(mutation: Mutation) -> None:
    """explain() gives the broken field the same issue code as the schema layer."""
    document, expected_path = broken_document(mutation, FULL[mutation.model])
    field_path = (*PLACES[mutation.model], mutation.field)
    problems = converter_problems(document)
    assert any(
        code == mutation.code and within(path, field_path, expected_path) for code, path in problems
    ), problems


@given(st.data())
def test_both_engines_refuse_mutations_of_generated_records(data: st.DataObject) -> None:
    """A generated record broken in one field is refused by the schema and the converter."""
    mutation = data.draw(st.sampled_from(MUTATIONS), label="mutation")
    drawn = unstructure(data.draw(STRATEGIES[mutation.model], label="record"))
    # Fields the generated record leaves out keep the full record's values.
    assert_both_engines_refuse(mutation, {**FULL[mutation.model], **drawn})


def integer_fields() -> list[tuple[type[Any], str]]:
    """List every field of every model that holds a whole number."""
    return [
        (model, field.name)
        for model in MODELS
        for field in attrs.fields(model)
        if item_type(typing.get_type_hints(model)[field.name]) == (int, False)
    ]


@pytest.mark.parametrize(
    ("model", "field"), integer_fields(), ids=lambda value: getattr(value, "__name__", value)
)
def test_both_engines_accept_a_whole_number_written_with_a_fraction(
    model: type[Any], field: str
) -> None:
    """A whole number written like 25.0 is valid for the schema and read as 25 by the converter."""
    whole = FULL[model][field]
    document = place(model, {**FULL[model], field: float(whole)})
    assert list(schema_issues(document)) == []
    assert structure(document) == structure(DATASET)
    assert unstructure(structure(document)) == DATASET


# --- Last, as they count what the tests above drew -------------------------------------------

TABLE = sorted(STRATEGIES, key=lambda model: model.__name__)


@pytest.mark.parametrize("model", TABLE, ids=[model.__name__ for model in TABLE])
def test_every_field_of_a_model_is_drawn_with_a_value_of_its_own(model: type[Any]) -> None:
    """A model's strategy gives every field, sooner or later, a value other than its default.

    The datasets the tests above drew with ``consistent=False`` count: they are built of the
    table's strategies of single records, and differ from its datasets in size only.
    """
    seen = {(of, field) for of, field in SEEN_IN_FREE if of is model}
    assert fields_never_drawn(STRATEGIES[model], [model], seen) == set()


def test_every_field_of_every_model_is_drawn_in_consistent_datasets() -> None:
    """Consistent datasets hold, sooner or later, every field of every model, not at its default."""
    assert fields_never_drawn(strategies.datasets(), MODELS, SEEN_IN_CONSISTENT) == set()
