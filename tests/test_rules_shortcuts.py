"""The shortcuts the rules take on files without problems give the issues of the long way.

Each rule settles a file that breaks nothing with a quick look (a set comparison, an order of
texts, a look for fractions across a whole list) and walks it again only when the look finds
something. These tests put the problem just where the quick look could miss it, and check the
facts the rules' index works out once for all of them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from partnering.codelists import Sector
from partnering.entities import ENTITIES
from partnering.partial_dates import PartialDate
from partnering.rules import rule_issues
from partnering.rules._index import Index

TODAY = date(2026, 1, 1)


def found(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(issue.code, issue.pointer) for issue in rule_issues(data, today=TODAY)]


def partner(ident: str, kind: str = "21", **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": ident, "organisation_type": kind, **fields}


def partnership(ident: str, *partner_ids: str, **fields: Any) -> dict[str, Any]:
    participants = [{"partner_id": partner_id} for partner_id in partner_ids]
    return {"id": ident, "title": ident, "participants": participants, **fields}


# Types 10 and 70 are of the public and the private sector: a partnership of both is fine.
PARTNERS = [partner("pub", "10"), partner("priv", "70")]


def test_one_dangling_participant_among_many_known_ones_is_found() -> None:
    partnerships = [partnership(f"x{i}", "pub", "priv") for i in range(5)]
    partnerships[3]["participants"].append({"partner_id": "nobody"})
    data = {"schema_version": "1.0", "partners": PARTNERS, "partnerships": partnerships}
    assert found(data) == [("dangling-reference", "/partnerships/3/participants/2/partner_id")]


def test_a_participant_that_is_no_object_keeps_the_places_of_the_others() -> None:
    participants: list[Any] = [7, {"partner_id": "pub"}, {"partner_id": 5}, {"partner_id": "gone"}]
    data = {
        "schema_version": "1.0",
        "partners": PARTNERS,
        "partnerships": [{"id": "x", "title": "x", "participants": participants}],
    }
    # Index 3 of the list, not 1 of the two texts: the objects keep their places.
    assert found(data) == [("dangling-reference", "/partnerships/0/participants/3/partner_id")]


def test_a_partner_named_twice_is_found_in_the_one_partnership_that_does() -> None:
    partnerships = [partnership("a", "pub", "priv"), partnership("b", "pub", "priv", "pub")]
    data = {"schema_version": "1.0", "partners": PARTNERS, "partnerships": partnerships}
    assert found(data) == [("duplicate-party", "/partnerships/1/participants/2/partner_id")]


def test_a_repeated_id_in_a_list_otherwise_unique_is_found() -> None:
    partners = [partner("a"), partner("b"), partner("c"), partner("b")]
    assert found({"schema_version": "1.0", "partners": partners}) == [
        ("duplicate-id", "/partners/3/id")
    ]


def test_one_sector_counts_only_partners_whose_sector_says_something() -> None:
    partners = [
        partner("pub", "10"),
        partner("pub2", "10"),
        partner("other", "90"),  # the "other" type: its sector says nothing
        {"id": "untyped", "name": "untyped"},
    ]
    partnerships = [
        partnership("two-public", "pub", "pub2"),
        partnership("one-public-and-unknowns", "pub", "other", "untyped", "nobody"),
        partnership("public-twice-over", "pub", "pub", "other"),
    ]
    data = {"schema_version": "1.1", "partners": partners, "partnerships": partnerships}
    single = [pointer for code, pointer in found(data) if code == "single-sector-partnership"]
    # One known public partner, or the same one twice, is not a partnership of one sector.
    assert single == ["/partnerships/0/participants"]


def test_the_first_record_of_a_partner_gives_its_sector() -> None:
    partners = [partner("a", "70"), partner("a", "21"), partner("b", "21", sector="academia")]
    sectors = Index({"partners": partners}, ENTITIES).sectors()
    assert sectors == {"a": Sector.PRIVATE, "b": Sector.ACADEMIA}


def test_ends_compared_as_texts_only_when_both_are_days_in_order() -> None:
    partnerships = [
        # In order as texts and as dates.
        partnership("in-order", "pub", "priv", start_date="2016-01-01", end_date="2016-01-02"),
        # Before as texts and as dates.
        partnership("before", "pub", "priv", start_date="2016-01-02", end_date="2016-01-01"),
        # Before as texts, but the end is no real day: no issue.
        partnership("no-day", "pub", "priv", start_date="2016-03-01", end_date="2016-02-30"),
        # A year before a day: compared as dates, not as texts.
        partnership("year", "pub", "priv", start_date="2016-03-01", end_date="2015"),
        partnership("same-year", "pub", "priv", start_date="2016-03-01", end_date="2016"),
    ]
    data = {"schema_version": "1.1", "partners": PARTNERS, "partnerships": partnerships}
    ends = [pointer for code, pointer in found(data) if code == "end-before-start"]
    assert ends == ["/partnerships/1/end_date", "/partnerships/3/end_date"]


def test_a_date_is_read_by_the_files_version_once_for_every_record() -> None:
    newer = Index({"schema_version": "1.1"}, ENTITIES)
    older = Index({"schema_version": "1.0"}, ENTITIES)
    assert newer.date("2016-03") == PartialDate(2016, 3)
    assert older.date("2016-03") is None  # 1.0 knows only days
    assert newer.date("2016-03-15") == older.date("2016-03-15") == date(2016, 3, 15)
    assert newer.date("2016-13") is None
    assert newer.date(2016) is None


def test_one_number_with_a_fraction_deep_in_a_long_list_is_found() -> None:
    partners = [partner(f"p{i}", sources=[{"title": "t", "year": 2014}]) for i in range(6)]
    partners[4]["sources"].append({"title": "u", "year": Decimal("2015.0")})
    partnerships = [partnership("x", "p0", "p1", sdgs=[3, Decimal("17.0")])]
    data = {"schema_version": "1.0", "partners": partners, "partnerships": partnerships}
    fractions = [pointer for code, pointer in found(data) if code == "integer-with-fraction"]
    assert fractions == ["/partners/4/sources/1/year", "/partnerships/0/sdgs/1"]


def test_a_fraction_in_a_field_of_text_or_a_list_of_other_things_is_not_a_whole_number() -> None:
    partners = [partner("p", sources=[{"title": "t", "year": 2014}], name=Decimal("1.5"))]
    assert found({"schema_version": "1.0", "partners": partners}) == []


participant: st.SearchStrategy[Any] = st.one_of(
    st.fixed_dictionaries({"partner_id": st.sampled_from(["a", "b", "c"])}),
    st.fixed_dictionaries({"partner_id": st.one_of(st.integers(), st.none())}),
    st.fixed_dictionaries({}),
    st.integers(),
    st.text(max_size=2),
)
record: st.SearchStrategy[Any] = st.one_of(
    st.fixed_dictionaries({"participants": st.lists(participant, max_size=5)}),
    st.fixed_dictionaries({"participants": st.integers()}),
    st.fixed_dictionaries({}),
    st.integers(),
)


@given(st.lists(record, max_size=6))
def test_the_nested_ids_are_those_a_walk_of_each_list_finds(
    partnerships: list[Any],
) -> None:
    index = Index({"partnerships": partnerships}, ENTITIES)
    expected: dict[int, tuple[list[str], list[int]]] = {}
    for i, item in enumerate(partnerships):
        if isinstance(item, dict) and isinstance(item.get("participants"), list):
            pairs = [
                (j, entry["partner_id"])
                for j, entry in enumerate(item["participants"])
                if isinstance(entry, dict) and isinstance(entry.get("partner_id"), str)
            ]
            expected[i] = ([text for _, text in pairs], [j for j, _ in pairs])
    assert index.nested("partnerships", "participants", "partner_id") == expected
    assert index.named("partnerships", "participants", "partner_id") == {
        text for texts, _ in expected.values() for text in texts
    }
