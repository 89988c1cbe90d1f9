"""The models, their single-field constraints, the code lists and the package's public names."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given
from hypothesis import strategies as st

import partnering
from _strategies_table import STRATEGIES
from partnering import (
    Commitment,
    Dataset,
    InvalidValueError,
    Membership,
    OrganisationType,
    Participant,
    Partner,
    Partnership,
    Platform,
    PlatformScope,
    ResourceKind,
    Sector,
    Source,
    models,
    sector_of,
    strategies,
)
from partnering import _constraints as constraints
from partnering import _patterns as patterns
from partnering.codelists import CodeList, HostingModel, MembershipRole

MODELS = sorted(STRATEGIES, key=lambda model: model.__name__)


def partner(**changes: Any) -> Partner:
    """Return a valid partner, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "gov-ke",
        "name": "Government of Kenya",
        "organisation_type": OrganisationType.GOVERNMENT,
    }
    return Partner(**{**fields, **changes})


def platform(**changes: Any) -> Platform:
    """Return a valid platform, with some fields changed."""
    fields: dict[str, Any] = {
        "id": "zbidf",
        "name": "Zambia Business in Development Facility",
        "scope": PlatformScope.NATIONAL,
        "hosting_model": HostingModel.NGO_HOSTED,
    }
    return Platform(**{**fields, **changes})


def test_every_model_has_a_strategy() -> None:
    """The strategies cover every model the models module defines."""
    defined = {
        value
        for value in (getattr(models, name) for name in models.__all__)
        if isinstance(value, type) and attrs.has(value)
    }
    assert defined == set(STRATEGIES)


# --- Frozen, keyword-only, evolve -------------------------------------------------------------


@given(st.data())
def test_every_model_is_frozen(data: st.DataObject) -> None:
    """Assigning to any field of any model raises FrozenInstanceError and changes nothing."""
    model = data.draw(st.sampled_from(MODELS), label="model")
    record = data.draw(STRATEGIES[model], label="record")
    field = data.draw(st.sampled_from(attrs.fields(model)), label="field")
    before = getattr(record, field.name)
    with pytest.raises(FrozenInstanceError):
        setattr(record, field.name, before)
    with pytest.raises(FrozenInstanceError):
        delattr(record, field.name)
    assert getattr(record, field.name) is before


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_is_keyword_only_and_slotted(model: type[Any]) -> None:
    """Fields are passed by name only, and instances have no __dict__ to add attributes to."""
    assert all(field.kw_only for field in attrs.fields(model))
    assert "__slots__" in vars(model)


def test_positional_arguments_are_refused() -> None:
    """A model cannot be built from positional arguments."""
    with pytest.raises(TypeError):
        Partner("gov-ke", "Government of Kenya", OrganisationType.GOVERNMENT)  # type: ignore[call-arg]


@given(strategies.partners(), strategies.partners())
def test_evolve_changes_one_field_and_keeps_the_original(first: Partner, second: Partner) -> None:
    """attrs.evolve returns a new partner with the new value; the original is unchanged."""
    changed = attrs.evolve(first, name=second.name)
    assert changed.name == second.name
    assert attrs.evolve(changed, name=first.name) == first
    assert {
        f.name for f in attrs.fields(Partner) if getattr(changed, f.name) != getattr(first, f.name)
    } <= {"name"}


def test_evolve_runs_the_validators() -> None:
    """A value evolve puts in a model meets the same constraints as one given at creation."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(partner(), country="XX")
    assert (caught.value.field, caught.value.code) == ("country", "unknown-code")


def test_dataset_defaults_to_the_current_format_version() -> None:
    """A dataset built in Python states the version this library writes."""
    assert Dataset().schema_version == partnering.SCHEMA_VERSION


# --- The effective sector ---------------------------------------------------------------------


@pytest.mark.parametrize("organisation_type", list(OrganisationType), ids=lambda t: t.value)
def test_effective_sector_follows_the_organisation_type(
    organisation_type: OrganisationType,
) -> None:
    """Without a stated sector, a partner's sector is the one its type belongs to."""
    found = partner(organisation_type=organisation_type).effective_sector
    assert found is sector_of(organisation_type)


@pytest.mark.parametrize("sector", list(Sector), ids=lambda sector: sector.value)
def test_a_stated_sector_wins(sector: Sector) -> None:
    """A stated sector is the effective one, whatever the organisation type."""
    assert (
        partner(organisation_type=OrganisationType.OTHER, sector=sector).effective_sector is sector
    )


# --- One example per kind of constraint -------------------------------------------------------


#: For each kind of constraint, a model broken in one field by it, and the code it must give.
@attrs.frozen
class Short:
    """A model whose one field declares a maximum length, as no field of format 1.0 does."""

    text: str = attrs.field(validator=constraints.Length(1, 3))


BREAKS: list[tuple[type[constraints.Constraint], Callable[[], object], str, str]] = [
    (constraints.Length, lambda: Short(text="four"), "text", "text-too-long"),
    (constraints.Text, lambda: partner(name=""), "name", "empty-text"),
    (constraints.Text, lambda: partner(name=" \u200b\u3000"), "name", "blank-text"),
    (constraints.Text, lambda: partner(name="a\x00b"), "name", "control-character"),
    (constraints.Text, lambda: partner(name="a\nb"), "name", "control-character"),
    (constraints.Text, lambda: platform(description="a\rb"), "description", "control-character"),
    (constraints.Pattern, lambda: partner(id="gov ke"), "id", "invalid-format"),
    (constraints.Pattern, lambda: partner(id="gov-ke\n"), "id", "invalid-format"),
    (constraints.Range, lambda: Source(title="Report", year=999), "year", "out-of-range"),
    (constraints.Country, lambda: partner(country="XX"), "country", "unknown-code"),
    (
        constraints.Amount,
        lambda: Commitment(kind=ResourceKind.FINANCIAL, amount=Decimal("-0.01")),
        "amount",
        "out-of-range",
    ),
    (
        constraints.Amount,
        lambda: Commitment(kind=ResourceKind.FINANCIAL, amount=Decimal("NaN")),
        "amount",
        "out-of-range",
    ),
    (
        constraints.Currency,
        lambda: Commitment(kind=ResourceKind.FINANCIAL, currency="KSH"),
        "currency",
        "unknown-code",
    ),
    (
        constraints.Subdivision,
        lambda: platform(subdivisions=("CA-ZZ",)),
        "subdivisions",
        "unknown-code",
    ),
    (
        constraints.Uri,
        lambda: partner(website="https://example.org/a{b}"),
        "website",
        "invalid-format",
    ),
    (
        constraints.Pattern,
        lambda: partner(website="ftp://example.org/"),
        "website",
        "invalid-format",
    ),
    (
        constraints.UtcSeconds,
        lambda: Dataset(published_at=datetime(2026, 1, 31, 9, 30)),
        "published_at",
        "invalid-format",
    ),
    (
        constraints.UtcSeconds,
        lambda: Dataset(published_at=datetime(2026, 1, 31, 9, 30, 0, 5, tzinfo=timezone.utc)),
        "published_at",
        "invalid-format",
    ),
    (
        constraints.UtcSeconds,
        lambda: Dataset(
            published_at=datetime(2026, 1, 31, 9, 30, tzinfo=timezone(timedelta(hours=3)))
        ),
        "published_at",
        "invalid-format",
    ),
    (
        constraints.Keys,
        lambda: partner(extensions={"window": 1}),
        "extensions",
        "invalid-extension-key",
    ),
    (constraints.MinItems, lambda: Membership(partner_id="p", roles=()), "roles", "too-few-items"),
    (
        constraints.MinItems,
        lambda: Partnership(id="x", title="X", participants=(Participant(partner_id="p"),)),
        "participants",
        "too-few-items",
    ),
    (constraints.UniqueItems, lambda: platform(sdgs=(3, 3)), "sdgs", "duplicate-item"),
    (
        constraints.UniqueItems,
        lambda: platform(countries=("KE", "ZM", "KE")),
        "countries",
        "duplicate-item",
    ),
]

#: Item constraints: the item that breaks one, and the code of the constraint it breaks.
EACH_BREAKS: list[tuple[Callable[[], object], str, int, str]] = [
    (lambda: platform(sdgs=(3, 18)), "sdgs", 1, "out-of-range"),
    (lambda: platform(countries=("KE", "ZM", "XX")), "countries", 2, "unknown-code"),
    (lambda: platform(themes=("health", "")), "themes", 1, "empty-text"),
    (lambda: platform(challenge_ids=("a b",)), "challenge_ids", 0, "invalid-format"),
]


@pytest.mark.parametrize(
    ("build", "field", "item", "code"), EACH_BREAKS, ids=[b[1] for b in EACH_BREAKS]
)
def test_an_item_constraint_raises_naming_the_item_and_its_code(
    build: Callable[[], object], field: str, item: int, code: str
) -> None:
    """A list item that breaks a constraint is reported by index, with that constraint's code."""
    with pytest.raises(InvalidValueError) as caught:
        build()
    assert (caught.value.field, caught.value.item, caught.value.code) == (field, item, code)
    assert str(caught.value).startswith(f"{field}[{item}]: ")


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: platform(scope=2), "scope"),
        (lambda: partner(name=5), "name"),
        (lambda: platform(sdgs="3"), "sdgs"),
        (lambda: platform(sdgs=(3, True)), "sdgs"),
        (lambda: Source(title="Report", year=2014.0), "year"),  # type: ignore[arg-type]  # wrong type on purpose
        (lambda: Dataset(published_at="2026-01-31T09:30:00Z"), "published_at"),  # type: ignore[arg-type]  # wrong type on purpose
        (lambda: partner(extensions=[("a:b", 1)]), "extensions"),
    ],
    ids=["code-as-number", "number-as-text", "text-as-list", "bool-as-int", "float", "time", "map"],
)
def test_a_value_of_the_wrong_type_is_refused_at_once(
    build: Callable[[], object], field: str
) -> None:
    """A model built from Python refuses a value whose type its field does not declare."""
    with pytest.raises(InvalidValueError) as caught:
        build()
    assert (caught.value.field, caught.value.code) == (field, "wrong-type")


def test_every_kind_of_constraint_has_an_example() -> None:
    """Each constraint that can fail on a model has an example above; Omitted never fails."""
    kinds = {
        value
        for value in vars(constraints).values()
        if isinstance(value, type)
        and issubclass(value, constraints.Constraint)
        and value is not constraints.Constraint
    }
    covered = {kind for kind, *_ in BREAKS} | {constraints.Each, constraints.Omitted}
    assert kinds == covered
    assert constraints.Omitted().check(()) is None


def test_absent_optional_values_are_not_constrained() -> None:
    """None in an optional field passes every constraint declared on it."""
    built = partner(country=None, website=None, acronym=None)
    assert (built.country, built.website, built.acronym) == (None, None, None)


# --- Code lists --------------------------------------------------------------------------------

CODE_LISTS = sorted(CodeList.__subclasses__(), key=lambda code_list: code_list.__name__)


def test_the_code_lists_are_the_ones_the_package_exports() -> None:
    """Every code list is a public name of the package."""
    assert CODE_LISTS
    assert {code_list.__name__ for code_list in CODE_LISTS} <= set(partnering.__all__)


@pytest.mark.parametrize("code_list", CODE_LISTS, ids=lambda code_list: code_list.__name__)
def test_every_code_has_a_title_and_a_description(code_list: type[CodeList]) -> None:
    """Documentation and the schema can say what each code means."""
    for member in code_list:
        assert member.title.strip()
        assert member.description.strip()
        assert member.value.strip() == member.value
    assert code_list.__doc__


@pytest.mark.parametrize("code_list", CODE_LISTS, ids=lambda code_list: code_list.__name__)
def test_codes_are_unique_and_titles_too(code_list: type[CodeList]) -> None:
    """No two members share a code (which would make one an alias) or a title."""
    codes = [member.value for member in code_list]
    assert len(codes) == len(set(codes)) == len(code_list.__members__)
    assert code_list.codes() == tuple(codes)
    titles = [member.title for member in code_list]
    assert len(titles) == len(set(titles))


def test_sector_of_covers_every_organisation_type() -> None:
    """Every IATI organisation type belongs to one sector, and every sector but none is used."""
    sectors = {sector_of(organisation_type) for organisation_type in OrganisationType}
    assert all(isinstance(sector, Sector) for sector in sectors)
    assert sectors == set(Sector)


def test_codes_are_looked_up_by_the_string_in_files() -> None:
    """A code list member is found from the code written in files, and only from it."""
    assert OrganisationType("70") is OrganisationType.PRIVATE_SECTOR
    with pytest.raises(ValueError, match="70"):
        OrganisationType(70)  # type: ignore[arg-type]


# --- The package's public names ----------------------------------------------------------------


def ruff_order(name: str) -> tuple[int, str]:
    """Sort as ruff's RUF022 does: SCREAMING_CASE, then CamelCase, then the rest."""
    if name.isupper():
        return (0, name)
    if name[0].isupper():
        return (1, name)
    return (2, name)


def test_all_is_sorted() -> None:
    """The package's __all__ is sorted the way ruff sorts it, without repeats."""
    assert partnering.__all__ == sorted(partnering.__all__, key=ruff_order)
    assert len(set(partnering.__all__)) == len(partnering.__all__)


def test_every_name_in_all_is_importable() -> None:
    """Each name in __all__ resolves to an object that is not a module."""
    for name in partnering.__all__:
        assert not isinstance(getattr(partnering, name), types.ModuleType), name


def test_every_exported_name_is_the_public_name_of_its_module() -> None:
    """Each name of the root is re-exported from a module whose own __all__ lists it.

    The root imports names lazily from the modules its table names: a name missing there,
    named in the wrong module, or left out of that module's __all__ fails here.
    """
    exports: dict[str, str] = partnering._EXPORTS
    assert set(exports) == set(partnering.__all__)
    for name, module_name in exports.items():
        module = importlib.import_module(module_name)
        assert name in module.__all__, f"{module_name}.__all__ lacks {name}"
        assert getattr(partnering, name) is getattr(module, name), name


def test_dir_shows_the_exports_and_no_helper_of_the_root() -> None:
    """dir() of the package lists every public name, and none of the root's own helpers."""
    shown = dir(partnering)
    assert set(partnering.__all__) <= set(shown)
    assert {"importlib", "TYPE_CHECKING", "Any"}.isdisjoint(shown)
    public = {name for name in shown if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(partnering, name), types.ModuleType)}
    assert public - modules == set(partnering.__all__)


def test_strategies_is_public_but_not_imported_by_the_package() -> None:
    """Using the whole package imports neither partnering.strategies nor Hypothesis."""
    code = (
        "import sys, partnering\n"
        "for name in partnering.__all__: getattr(partnering, name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('hypothesis', 'partnering.strat'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert strategies.__all__ == sorted(strategies.__all__)
    assert set(strategies.__all__) == {
        name
        for name in vars(strategies)
        if not name.startswith("_")
        and callable(getattr(strategies, name))
        and getattr(strategies, name).__module__ == strategies.__name__
    }


# --- Each constraint words its own breach ------------------------------------------------------

#: A constraint, a value that breaks it, and what it must say, by hand.
WORDS: list[tuple[constraints.Constraint, object, constraints.Breach]] = [
    (constraints.Length(1), "", constraints.Breach("empty-text", "must not be empty")),
    (
        constraints.Length(3),
        "ab",
        constraints.Breach("empty-text", "must have at least 3 characters"),
    ),
    (
        constraints.Length(1, 5),
        "abcdefgh",
        constraints.Breach("text-too-long", "has 8 characters; it may have at most 5"),
    ),
    (
        constraints.Range(1, 17),
        0,
        constraints.Breach("out-of-range", "is 0; it must be at least 1"),
    ),
    (
        constraints.Range(1, 17),
        18,
        constraints.Breach("out-of-range", "is 18; it must be at most 17"),
    ),
    (
        constraints.Pattern(patterns.SDG_TARGET),
        "3.x",
        constraints.Breach(
            "invalid-format", "must be an SDG target id such as '3.8', '17.17' or '14.c'"
        ),
    ),
    (
        constraints.Country(),
        "ke",
        constraints.Breach(
            "unknown-code",
            "is 'ke', which is not an ISO 3166-1 alpha-2 country code",
            "Write 'KE' (Kenya), in capitals. Run 'partnering codes country' to see all 250 "
            "codes with their names.",
        ),
    ),
    (
        constraints.Country(),
        "Narnia",
        constraints.Breach(
            "unknown-code",
            "is 'Narnia', which is not an ISO 3166-1 alpha-2 country code",
            "Use the two capital letters of the country, such as 'KE' for Kenya. Run "
            "'partnering codes country' to see all 250 codes with their names.",
        ),
    ),
    (
        constraints.Uri(),
        "https://example.org/a{b}",
        constraints.Breach("invalid-format", "must be a valid absolute web address"),
    ),
    (
        constraints.UtcSeconds(),
        datetime(2026, 1, 31, 9, 30),
        constraints.Breach(
            "invalid-format", "must be a UTC time written like 2026-01-31T09:30:00Z, to the second"
        ),
    ),
    (
        constraints.Keys(patterns.EXTENSION_KEY),
        {"window": 1},
        constraints.Breach(
            "invalid-extension-key",
            "has the key 'window'; keys must be namespaced, like 'my-platform:field' "
            "(a lowercase prefix, a colon, then the name)",
        ),
    ),
    (
        constraints.MinItems(2),
        ("a",),
        constraints.Breach("too-few-items", "has 1 item(s); it needs at least 2"),
    ),
    (
        constraints.UniqueItems(),
        (MembershipRole.HOST, MembershipRole.FUNDER, MembershipRole.HOST),
        constraints.Breach("duplicate-item", "lists 'host' more than once"),
    ),
    (
        constraints.Each([constraints.Range(1, 17)]),
        (3, 18),
        constraints.Breach("out-of-range", "item 1 is 18; it must be at most 17"),
    ),
]


@pytest.mark.parametrize(
    ("constraint", "value", "expected"), WORDS, ids=[repr(case[0]) for case in WORDS]
)
def test_each_constraint_words_its_breach(
    constraint: constraints.Constraint, value: object, expected: constraints.Breach
) -> None:
    """A constraint says which code a value breaks it with, what is wrong and, if more, how."""
    assert constraint.breach(value) == expected
    assert constraint.check(value) == expected.problem


def test_a_model_raises_with_the_words_of_the_constraint() -> None:
    """The error of a model built from Python carries the constraint's code and problem."""
    with pytest.raises(InvalidValueError) as caught:
        Source(title="Report", year=999)
    assert (caught.value.code, str(caught.value)) == (
        "out-of-range",
        "year: is 999; it must be at least 1000",
    )


def test_the_words_for_an_empty_list_or_object_in_a_file() -> None:
    """What the schema layer and the converter say of a list or mapping written empty."""
    assert constraints.Omitted.empty() == constraints.Breach(
        "empty-list", "is an empty list; an empty list is written by leaving it out"
    )
    assert constraints.MinItems(2).empty() == constraints.Breach(
        "empty-list",
        "is an empty list; it needs at least 2 item(s)",
        "Add at least 2 item(s); the field is required.",
    )
    assert constraints.Keys.empty() == constraints.Breach(
        "empty-object", "is an empty object; it is written by leaving it out"
    )


@attrs.frozen(kw_only=True)
class Note:
    """A model of a test, with a text of at most five characters."""

    text: str = attrs.field(validator=constraints.Length(1, 5))


def test_text_too_long_is_reported_when_a_model_is_built() -> None:
    """Length(maximum=...) refuses longer text with the code text-too-long."""
    with pytest.raises(InvalidValueError) as caught:
        Note(text="abcdefgh")
    assert (caught.value.field, caught.value.code) == ("text", "text-too-long")
    assert Note(text="abcde").text == "abcde"


def test_text_too_long_is_reported_when_data_is_structured() -> None:
    """The converter reports a text longer than its field allows as an issue of its own."""
    with pytest.raises(partnering.InvalidDocumentError) as caught:
        partnering.structure({"text": "abcdefgh"}, Note)
    (issue,) = caught.value.report.issues
    assert (issue.code, issue.pointer, issue.severity) == (
        "text-too-long",
        "/text",
        partnering.Severity.ERROR,
    )
    assert issue.message == "'text' has 8 characters; it may have at most 5"
    assert issue.hint == "Shorten the text to the length the message gives."


def declared_constraints() -> list[tuple[str, constraints.Constraint]]:
    """List every constraint declared on a field of a model, items' constraints included."""
    found = []
    for model in MODELS:
        for field in attrs.fields(model):
            for constraint in constraints.constraints_of(field):
                inner = getattr(constraint, "constraints", (constraint,))
                found += [(f"{model.__name__}.{field.name}", item) for item in inner]
    return found


def test_every_constraint_states_only_the_keywords_it_declares() -> None:
    """The keywords a constraint writes into the schema are the ones it owns the words of."""
    checked = declared_constraints()
    assert len(checked) > 50
    for where, constraint in checked:
        assert set(constraint.schema()) <= set(constraint.keywords), where
