"""Suggestions that know the domain: what a steward reads for a name where a code belongs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnering
from partnering import Partner
from partnering._constraints import COUNTRY_CODES, Country
from partnering._countries import names_of
from partnering._suggest import code_lists, fold, suggest_code, suggest_country
from partnering.codelists import CodeList, OrganisationType, Rating, Sector
from partnering.errors import InvalidValueError

COUNTRY_LISTING = "Run 'partnering codes country' to see all 250 codes with their names."
TYPE_LISTING = "Run 'partnering codes organisation-type' to see all 16 codes with their titles."
SECTORS = (
    "Use one of: public, private, civil_society, academia, philanthropy, multilateral, "
    "public_private, other."
)
HOSTING_MODELS = (
    "Use one of: government_led, government_un_co_led, un_hosted, business_association_hosted, "
    "ngo_hosted, independent_entity, intergovernmental_initiative, other."
)
RATINGS = "Use one of: green, amber, red, not_applicable."


def partner(**fields: Any) -> dict[str, Any]:
    """A document of one partner, valid but for the fields given."""
    record = {"id": "p", "name": "P", "organisation_type": "21", **fields}
    return {"schema_version": "1.0", "partners": [record]}


def platform(**fields: Any) -> dict[str, Any]:
    """A document of one platform, valid but for the fields given."""
    record = {"id": "x", "name": "X", "scope": "global", "hosting_model": "other", **fields}
    return {"schema_version": "1.0", "platforms": [record]}


def rated(rating: str) -> dict[str, Any]:
    """A document whose one assessment rates one building block ``rating``."""
    return {
        "schema_version": "1.0",
        "platforms": [{"id": "x", "name": "X", "scope": "global", "hosting_model": "other"}],
        "frameworks": [{"id": "f", "name": "F"}],
        "building_blocks": [{"id": "b", "framework_id": "f", "name": "B"}],
        "assessments": [
            {
                "id": "a",
                "platform_id": "x",
                "framework_id": "f",
                "assessed_on": "2020-01-01",
                "ratings": [{"building_block_id": "b", "rating": rating}],
            }
        ],
    }


#: A document, the pointer of its one issue, and the message and hint a steward reads there,
#: all worked out by hand.
SEEN: list[tuple[str, dict[str, Any], str, str, str]] = [
    (
        "country-name",
        partner(country="Kenya"),
        "/partners/0/country",
        "'country' is 'Kenya', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'KE' (Kenya). {COUNTRY_LISTING}",
    ),
    (
        "country-name-in-small-letters",
        partner(country="kenya"),
        "/partners/0/country",
        "'country' is 'kenya', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'KE' (Kenya). {COUNTRY_LISTING}",
    ),
    (
        "country-alpha-3",
        partner(country="KEN"),
        "/partners/0/country",
        "'country' is 'KEN', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'KE' (Kenya). {COUNTRY_LISTING}",
    ),
    (
        "country-numeric",
        partner(country="404"),
        "/partners/0/country",
        "'country' is '404', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'KE' (Kenya). {COUNTRY_LISTING}",
    ),
    (
        "country-code-in-small-letters",
        partner(country="ke"),
        "/partners/0/country",
        "'country' is 'ke', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'KE' (Kenya), in capitals. {COUNTRY_LISTING}",
    ),
    (
        "country-reserved-code",
        partner(country="UK"),
        "/partners/0/country",
        "'country' is 'UK', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'GB' (United Kingdom). {COUNTRY_LISTING}",
    ),
    (
        "country-with-accents",
        platform(countries=["Côte d'Ivoire"]),
        "/platforms/0/countries/0",
        "item 0 of 'countries' is 'Côte d'Ivoire', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'CI' (Côte d'Ivoire). {COUNTRY_LISTING}",
    ),
    (
        "country-without-accents",
        platform(countries=["Cote d'Ivoire"]),
        "/platforms/0/countries/0",
        "item 0 of 'countries' is 'Cote d'Ivoire', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'CI' (Côte d'Ivoire). {COUNTRY_LISTING}",
    ),
    (
        "country-common-name",
        partner(country="Tanzania"),
        "/partners/0/country",
        "'country' is 'Tanzania', which is not an ISO 3166-1 alpha-2 country code",
        f"Write 'TZ' (Tanzania). {COUNTRY_LISTING}",
    ),
    (
        "country-misspelt",
        partner(country="Tanzannia"),
        "/partners/0/country",
        "'country' is 'Tanzannia', which is not an ISO 3166-1 alpha-2 country code",
        f"Did you mean 'TZ' (Tanzania)? {COUNTRY_LISTING}",
    ),
    (
        "country-unknown",
        partner(country="Narnia"),
        "/partners/0/country",
        "'country' is 'Narnia', which is not an ISO 3166-1 alpha-2 country code",
        f"Use the two capital letters of the country, such as 'KE' for Kenya. {COUNTRY_LISTING}",
    ),
    (
        "type-title",
        partner(organisation_type="International NGO"),
        "/partners/0/organisation_type",
        "'organisation_type' is 'International NGO', which is not an organisation type code",
        f"Write '21' (International NGO). {TYPE_LISTING}",
    ),
    (
        "type-title-in-capitals",
        partner(organisation_type="PRIVATE SECTOR"),
        "/partners/0/organisation_type",
        "'organisation_type' is 'PRIVATE SECTOR', which is not an organisation type code",
        f"Write '70' (Private Sector). {TYPE_LISTING}",
    ),
    (
        "type-alias",
        partner(organisation_type="University"),
        "/partners/0/organisation_type",
        "'organisation_type' is 'University', which is not an organisation type code",
        f"Write '80' (Academic, Training and Research). {TYPE_LISTING}",
    ),
    (
        "type-of-several-codes",
        partner(organisation_type="NGO"),
        "/partners/0/organisation_type",
        "'organisation_type' is 'NGO', which is not an organisation type code",
        TYPE_LISTING,
    ),
    (
        "type-unknown",
        partner(organisation_type="99"),
        "/partners/0/organisation_type",
        "'organisation_type' is '99', which is not an organisation type code",
        TYPE_LISTING,
    ),
    (
        "sector-of-an-organisation-type",
        partner(sector="Government"),
        "/partners/0/sector",
        "'sector' is 'Government', which is not a sector code",
        f"Write 'public' (Public sector). {SECTORS}",
    ),
    (
        "sector-alias",
        partner(sector="ngo"),
        "/partners/0/sector",
        "'sector' is 'ngo', which is not a sector code",
        f"Write 'civil_society'. {SECTORS}",
    ),
    (
        "sector-misspelt",
        partner(sector="privat"),
        "/partners/0/sector",
        "'sector' is 'privat', which is not a sector code",
        f"Did you mean 'private' (Private sector)? {SECTORS}",
    ),
    (
        "code-in-capitals",
        rated("Green"),
        "/assessments/0/ratings/0/rating",
        "'rating' is 'Green', which is not a rating code",
        f"Write 'green', as the code is written. {RATINGS}",
    ),
    (
        "code-abbreviated",
        rated("N/A"),
        "/assessments/0/ratings/0/rating",
        "'rating' is 'N/A', which is not a rating code",
        f"Write 'not_applicable'. {RATINGS}",
    ),
    (
        "code-with-a-hyphen",
        platform(hosting_model="ngo-hosted"),
        "/platforms/0/hosting_model",
        "'hosting_model' is 'ngo-hosted', which is not a hosting model code",
        f"Write 'ngo_hosted', as the code is written. {HOSTING_MODELS}",
    ),
    (
        "version-missing",
        {"title": "T"},
        "/schema_version",
        "'schema_version' is missing; every partnership platforms exchange file needs one",
        'Add "schema_version": "1.1" to the top-level object of the file.',
    ),
    (
        "version-as-a-number",
        {"schema_version": 1.0},
        "/schema_version",
        "'schema_version' must be text, not a number",
        'Write the version as text, in double quotes: "schema_version": "1.1".',
    ),
    (
        "version-unsupported",
        {"schema_version": "2.0"},
        "/schema_version",
        "'schema_version' is '2.0'; this library reads versions 1.0 and 1.1 of the format",
        "This release of partnering reads versions 1.0 and 1.1 of the format. Check where the "
        "file came from: a file of another version needs a release of partnering that reads it.",
    ),
]


@pytest.mark.parametrize(
    ("document", "pointer", "message", "hint"),
    [case[1:] for case in SEEN],
    ids=[case[0] for case in SEEN],
)
def test_what_a_steward_reads(
    document: dict[str, Any], pointer: str, message: str, hint: str
) -> None:
    """Data and text alike give the issue the message and the hint worked out by hand."""
    for given_as in (document, json.dumps(document, ensure_ascii=False)):
        issues = partnering.validate(given_as).issues
        assert [(found.message, found.hint) for found in issues if found.pointer == pointer] == [
            (message, hint)
        ]


def test_a_number_for_a_code_is_told_to_be_text() -> None:
    """A code written as a number is offered as text, its title named."""
    issues = partnering.validate(partner(organisation_type=21)).issues
    found = [issue for issue in issues if issue.code == "unknown-code"]
    assert [issue.hint for issue in found] == [
        f"Write '21' (International NGO), as text, in double quotes. {TYPE_LISTING}"
    ]


def test_the_models_say_what_the_schema_layer_says() -> None:
    """A model built with a country's name names the same problem, and Country hints the same."""
    with pytest.raises(InvalidValueError) as raised:
        Partner(id="p", name="P", organisation_type=OrganisationType.NATIONAL_NGO, country="UK")
    assert str(raised.value) == "country: is 'UK', which is not an ISO 3166-1 alpha-2 country code"
    breach = Country().breach("UK")
    assert breach is not None
    assert breach.hint == f"Write 'GB' (United Kingdom). {COUNTRY_LISTING}"


def test_the_codes_of_issues_stay_the_same() -> None:
    """A suggestion changes the hint, never the code, severity or place of the issue."""
    issues = partnering.validate(partner(country="Kenya", sector="Government")).issues
    assert [(issue.code, issue.severity.value, issue.pointer) for issue in issues] == [
        ("unknown-code", "error", "/partners/0/sector"),
        ("unknown-code", "error", "/partners/0/country"),
    ]


# -- Properties ---------------------------------------------------------------------------

_MEMBERS = [member for code_list in code_lists() for member in code_list]
_CASES = st.sampled_from([str.upper, str.lower, str.swapcase, str.title, str])


def _names(member: CodeList) -> list[str]:
    return [member.value, member.title, *member.aliases]


@given(
    code_list=st.sampled_from(code_lists()),
    value=st.one_of(
        st.text(max_size=40),
        st.integers(),
        st.sampled_from([name for member in _MEMBERS for name in _names(member)]),
        st.sampled_from(_MEMBERS).flatmap(
            lambda member: st.sampled_from(_names(member)).map(lambda name: name[:-1] + "x")
        ),
    ),
    case=_CASES,
)
def test_a_suggestion_is_always_a_code_of_its_list(
    code_list: type[CodeList], value: object, case: Callable[[str], str]
) -> None:
    """Whatever the value, a suggested code is one of the codes of the value's own list."""
    if isinstance(value, str):
        value = case(value)
    suggestion = suggest_code(value, code_list.codes(), code_list)
    assert suggestion is None or suggestion.code in code_list.codes()


@given(
    value=st.one_of(
        st.text(max_size=40),
        st.integers(),
        st.sampled_from(COUNTRY_CODES).flatmap(lambda code: st.sampled_from(list(names_of(code)))),
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=3),
    ),
    case=_CASES,
)
def test_a_country_suggestion_is_always_a_country_code(
    value: object, case: Callable[[str], str]
) -> None:
    """Whatever the value, a suggested country code is one a file may use."""
    if isinstance(value, str):
        value = case(value)
    suggestion = suggest_country(value)
    assert suggestion is None or suggestion.code in COUNTRY_CODES


@given(member=st.sampled_from(_MEMBERS), data=st.data(), case=_CASES)
def test_a_title_or_alias_in_any_case_names_its_own_code(
    member: CodeList, data: st.DataObject, case: Callable[[str], str]
) -> None:
    """Each title and alias of a code, in any case, suggests that code and says it is exact."""
    name = case(data.draw(st.sampled_from(_names(member)[1:])))
    code_list = type(member)
    suggestion = suggest_code(name, code_list.codes(), code_list)
    assert suggestion is not None
    assert (suggestion.code, suggestion.exact) == (member.value, True)


@given(code=st.sampled_from(COUNTRY_CODES), data=st.data(), case=_CASES)
def test_every_name_of_a_country_names_it(
    code: str, data: st.DataObject, case: Callable[[str], str]
) -> None:
    """Each name and other code of a country, in any case, suggests the country's code."""
    name = case(data.draw(st.sampled_from(list(names_of(code)))))
    suggestion = suggest_country(name)
    assert suggestion is not None
    assert (suggestion.code, suggestion.exact) == (code, True)


def test_no_two_codes_of_a_list_share_a_name() -> None:
    """A title or alias names one code of its list only, however it is written."""
    for code_list in code_lists():
        owners: dict[str, set[str]] = {}
        for member in code_list:
            for name in _names(member):
                owners.setdefault(fold(name), set()).add(member.value)
        shared = {name: codes for name, codes in owners.items() if len(codes) > 1}
        assert shared == {}, code_list.__name__


def test_a_sector_is_named_by_its_organisation_types() -> None:
    """The titles of a sector's organisation types are aliases of that sector."""
    assert Sector.PUBLIC.aliases == ("Government", "Local Government", "Other Public Sector")
    assert "International NGO" in Sector.CIVIL_SOCIETY.aliases
    assert "University" in Sector.ACADEMIA.aliases
    assert Rating.GREEN.aliases == ()


def test_a_close_suggestion_is_not_exact() -> None:
    """A value only close in spelling is offered as a question, for a person to decide."""
    suggestion = suggest_country("Russia")
    assert suggestion is not None
    assert (suggestion.code, suggestion.exact) == ("RU", False)
    assert suggestion.hint == "Did you mean 'RU' (Russian Federation)?"
    assert suggest_code("Goverment", Sector.codes(), Sector) == suggest_code(
        "goverment", Sector.codes(), Sector
    )


@pytest.mark.parametrize("value", ["Korea", "Congo, Republic", "", "   ", None, True, 3.5, ["KE"]])
def test_a_country_of_several_codes_or_none_gets_no_suggestion(value: object) -> None:
    """A name of several countries, and a value that is no text or number, get nothing."""
    assert suggest_country(value) is None


@pytest.mark.parametrize("value", ["NGO", "", "-", None, False, 21.0, {}])
def test_a_code_of_several_codes_or_none_gets_no_suggestion(value: object) -> None:
    """A name of several codes, and a value that is no text or number, get nothing."""
    assert suggest_code(value, OrganisationType.codes(), OrganisationType) is None
