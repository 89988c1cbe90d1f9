"""The Python API as pydantic and attrs users expect: plain values, words, lookups."""

from __future__ import annotations

import gc
import importlib.metadata
import pydoc
import re
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnering
from partnering import (
    Dataset,
    Event,
    InvalidValueError,
    Membership,
    MembershipRole,
    OrganisationType,
    Participant,
    Partner,
    Partnership,
    Platform,
    PlatformFunction,
    PlatformScope,
    Rating,
    Sector,
)
from partnering.entities import ENTITIES
from partnering.lookup import _CACHE


def platform(**changes: object) -> Platform:
    fields: dict[str, object] = {
        "id": "kenya",
        "name": "Kenya platform",
        "scope": PlatformScope.NATIONAL,
        "hosting_model": partnering.HostingModel.GOVERNMENT_LED,
    }
    return Platform(**{**fields, **changes})  # type: ignore[arg-type]


def partner(partner_id: str, kind: str = "21") -> Partner:
    return Partner(id=partner_id, name=partner_id.upper(), organisation_type=OrganisationType(kind))


# --- Code lists -----------------------------------------------------------------------------


def test_a_code_list_member_is_found_by_its_code_and_has_its_words() -> None:
    """A member's value is the plain code string; its title and description ride along."""
    private = OrganisationType("70")
    assert private is OrganisationType.PRIVATE_SECTOR
    assert type(private.value) is str
    assert (private.value, private.title) == ("70", "Private Sector")
    assert Rating("green").description == "No concern."
    assert Sector("civil_society").title == "Civil society"


# --- Plain values in constructors ------------------------------------------------------------

# Plain lists and codes go where the types ask for tuples and members, on purpose: the
# constructors convert them, while type checkers keep to the strict types (arg-type).


def test_plain_lists_and_codes_build_the_same_model_as_tuples_and_members() -> None:
    """A list for a tuple field and a code for a code-list field are converted without loss."""
    plain = platform(
        scope="national",
        hosting_model="government_led",
        countries=["KE", "UG"],
        functions=["convening", "brokering"],
        platform_type="dialogue",
        sdgs=[3, 17],
    )
    assert plain == platform(
        countries=("KE", "UG"),
        functions=(PlatformFunction.CONVENING, PlatformFunction.BROKERING),
        platform_type=partnering.PlatformType.DIALOGUE,
        sdgs=(3, 17),
    )
    assert type(plain.countries) is tuple
    assert plain.scope is PlatformScope.NATIONAL


def test_nested_objects_and_their_code_lists_take_plain_values_too() -> None:
    """Members' roles, participants and an event's sectors accept lists of codes."""
    membership = Membership(partner_id="care", roles=["host", "funder"])  # type: ignore[arg-type]
    assert membership.roles == (MembershipRole.HOST, MembershipRole.FUNDER)
    assert Event(
        id="e",
        name="E",
        start_date=date(2014, 4, 13),
        end_date=date(2014, 4, 15),
        sectors_present=["public", "private"],  # type: ignore[arg-type]
    ).sectors_present == (Sector.PUBLIC, Sector.PRIVATE)
    partnership = Partnership(
        id="w",
        title="W",
        participants=[Participant(partner_id="a"), Participant(partner_id="b")],  # type: ignore[arg-type]
    )
    assert [p.partner_id for p in partnership.participants] == ["a", "b"]


@given(st.lists(st.sampled_from(["KE", "UG", "TZ", "GH", "GB", "CI"]), unique=True))
def test_any_sequence_of_countries_gives_the_same_tuple(countries: list[str]) -> None:
    """A list and a tuple of the same items build equal platforms."""
    expected = tuple(countries)
    assert platform(countries=countries).countries == expected
    assert platform(countries=tuple(countries)) == platform(countries=countries)


def test_evolve_converts_plain_values_as_the_constructor_does() -> None:
    """attrs.evolve runs the same conversion, so changes can be written plainly too."""
    moved = attrs.evolve(platform(), scope="regional", countries=["KE", "UG"])  # type: ignore[arg-type]
    assert (moved.scope, moved.countries) == (PlatformScope.REGIONAL, ("KE", "UG"))


def test_a_string_that_is_no_code_names_the_valid_codes() -> None:
    """A wrong code is refused at once, with every code of its list and a suggestion."""
    with pytest.raises(InvalidValueError) as caught:
        platform(scope="nationwide")
    error = caught.value
    assert (error.field, error.code) == ("scope", "unknown-code")
    assert str(error) == (
        "scope: is 'nationwide', which is not a platform scope code (did you mean "
        "'national'?); use one of: subnational, national, regional, global"
    )


def test_a_wrong_code_inside_a_list_is_refused_naming_the_list() -> None:
    """An unknown role among several is refused with the code of an unknown code."""
    with pytest.raises(InvalidValueError) as caught:
        Membership(partner_id="care", roles=["host", "boss"])  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.code) == ("roles", "unknown-code")
    assert "'boss'" in caught.value.problem


@pytest.mark.parametrize(
    "value",
    ["KE", {"KE"}, (country for country in ["KE"]), b"KE"],
    ids=["text", "set", "generator", "bytes"],
)
def test_what_is_not_a_sequence_of_items_is_still_refused(value: object) -> None:
    """Text is not split into letters, and unordered or one-shot values are not guessed at."""
    with pytest.raises(InvalidValueError) as caught:
        platform(countries=value)
    assert (caught.value.field, caught.value.code) == ("countries", "wrong-type")


def test_a_code_of_the_wrong_list_or_type_is_still_refused() -> None:
    """A member of another list, or a number, is a wrong type, not a code to look up."""
    for value in (OrganisationType.GOVERNMENT, 10):
        with pytest.raises(InvalidValueError) as caught:
            platform(scope=value)
        assert caught.value.code == "wrong-type"


def test_the_file_reader_stays_strict_about_codes() -> None:
    """In a file, a code in the wrong case is the same issue at the same pointer as before."""
    text = (
        '{"schema_version": "1.0", "platforms": [{"id": "p", "name": "P",'
        ' "scope": "National", "hosting_model": "un_hosted"}]}'
    )
    report = partnering.validate(text.encode())
    assert [(found.code, found.pointer) for found in report.issues] == [
        ("unknown-code", "/platforms/0/scope")
    ]
    with pytest.raises(partnering.InvalidDocumentError) as caught:
        partnering.structure(
            {
                "schema_version": "1.0",
                "partners": [{"id": "p", "name": "P", "organisation_type": "Government"}],
            }
        )
    assert [(found.code, found.pointer) for found in caught.value.report.issues] == [
        ("unknown-code", "/partners/0/organisation_type")
    ]


# --- Words for help() -------------------------------------------------------------------------


def test_help_on_a_model_shows_each_field_with_its_description() -> None:
    """help(Partner) lists the fields under Attributes, with the words of their metadata."""
    text = pydoc.render_doc(Partner, renderer=pydoc.plaintext)  # type: ignore[attr-defined]  # not in typeshed
    assert "Attributes:" in text
    assert "organisation_type: The kind of organisation, as an IATI OrganisationType code." in text
    assert "country: The country of the organisation's seat (ISO 3166-1 alpha-2)." in text


@pytest.mark.parametrize("model", [Dataset, *ENTITIES.models.values(), Membership, Participant])
def test_every_field_is_documented_once_in_its_model_docstring(model: type) -> None:
    """Each field appears once in the Attributes section, in the order of the class."""
    doc = model.__doc__ or ""
    summary, _, section = doc.partition("\n\nAttributes:\n")
    assert summary
    assert section
    names = re.findall(r"^    (\w+): ", section, re.M)
    assert names == [field.name for field in attrs.fields(model)]


def test_the_version_comes_from_the_package_metadata() -> None:
    """partnering.__version__ is the installed distribution's version."""
    assert partnering.__version__ == importlib.metadata.version("partnering")
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", partnering.__version__)


# --- Lookups ----------------------------------------------------------------------------------

# Plain lists go where the types ask for tuples and members, on purpose: the
# constructors convert them, while type checkers keep to the strict types (arg-type).


@pytest.fixture
def dataset() -> Dataset:
    care, acme, gov = partner("care"), partner("acme", "70"), partner("gov", "10")
    kenya = platform(
        host_id="care",
        members=[
            Membership(partner_id="care", roles=["host"]),  # type: ignore[arg-type]
            Membership(partner_id="gov", roles=["member"]),  # type: ignore[arg-type]
        ],
    )
    water = Partnership(
        id="water",
        title="Water",
        participants=[Participant(partner_id="acme"), Participant(partner_id="care")],  # type: ignore[arg-type]
        platform_id="kenya",
    )
    health = Partnership(
        id="health",
        title="Health",
        participants=[Participant(partner_id="gov"), Participant(partner_id="care")],  # type: ignore[arg-type]
    )
    return Dataset(partners=[care, acme, gov], platforms=[kenya], partnerships=[water, health])  # type: ignore[arg-type]


def test_a_record_is_found_by_its_model_and_id(dataset: Dataset) -> None:
    """The record or None from get; indexing returns it or raises KeyError."""
    found = partnering.index(dataset)
    assert found.get(Partner, "acme") is dataset.partners[1]
    assert found.get(Partner, "kenya") is None  # a platform's id, not a partner's
    assert found.get(Platform, "kenya") is dataset.platforms[0]
    assert found[Partnership, "health"] is dataset.partnerships[1]
    assert (Partner, "gov") in found
    with pytest.raises(KeyError):
        found[Partner, "nobody"]


def test_the_records_that_refer_to_one_come_in_the_order_of_the_file(dataset: Dataset) -> None:
    """A platform names care as host and member, and two partnerships name care: three records."""
    care = dataset.partners[0]
    found = partnering.index(dataset)
    assert [record.id for record in found.referrers(care)] == ["kenya", "water", "health"]
    assert found.referrers(care, Platform) == (dataset.platforms[0],)
    assert found.referrers(dataset.platforms[0]) == (dataset.partnerships[0],)
    assert found.referrers(dataset.partners[1], Platform) == ()
    assert found.referrers(Membership(partner_id="care", roles=["host"])) == ()  # type: ignore[arg-type]


def test_the_partnerships_of_a_partner_are_found_by_the_partner_or_its_id(dataset: Dataset) -> None:
    """partnerships_of gives the partnerships in which a partner is a participant."""
    found = partnering.index(dataset)
    assert [p.id for p in found.partnerships_of("care")] == ["water", "health"]
    assert [p.id for p in found.partnerships_of(dataset.partners[2])] == ["health"]
    assert found.partnerships_of("nobody") == ()


def test_the_index_is_worked_out_once_and_freed_with_its_dataset() -> None:
    """Asking twice reuses the tables; they go when the dataset goes; equal datasets differ."""
    first = Dataset(partners=[partner("a")])  # type: ignore[arg-type]
    twin = Dataset(partners=[partner("a")])  # type: ignore[arg-type]
    assert partnering.index(first)._tables is partnering.index(first)._tables
    assert partnering.index(twin)._tables is not partnering.index(first)._tables
    key = id(first)
    assert key in _CACHE
    del first
    gc.collect()
    assert key not in _CACHE


def test_the_index_leaves_the_models_frozen(dataset: Dataset) -> None:
    """The dataset and its records are unchanged and still frozen after indexing."""
    before = attrs.asdict(dataset)
    partnering.index(dataset)
    assert attrs.asdict(dataset) == before
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        dataset.title = "changed"  # type: ignore[misc]
