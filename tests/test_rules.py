"""Rules across the file: references, duplicates, dates and the field's expectations."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering import Severity, example_path, models, validate
from partnering._relations import Dated, Refers
from partnering.catalogue import RULE_CODES
from partnering.entities import ENTITIES, Reference, describe
from partnering.report import Issue
from partnering.rules import rule_issues

TODAY = date(2026, 1, 1)
FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
RULE_FIXTURES = sorted(
    path for path in FIXTURES.glob("rules-*.json") if not path.name.endswith(".expected.json")
)


def issues_of(data: Mapping[str, Any], today: date = TODAY) -> list[Issue]:
    found = list(rule_issues(data, today=today))
    for issue in found:
        assert issue.code in RULE_CODES
        assert issue.severity is RULE_CODES[issue.code].severity
        assert issue.message
        assert issue.hint
    return found


def pointers(data: Mapping[str, Any], code: str) -> list[str]:
    return [issue.pointer for issue in issues_of(data) if issue.code == code]


def partner(ident: str, kind: str = "21", **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": ident.upper(), "organisation_type": kind, **fields}


def platform(ident: str, scope: str = "global", **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": ident, "scope": scope, "hosting_model": "other", **fields}


def partnership(ident: str, *partner_ids: str, **fields: Any) -> dict[str, Any]:
    participants = [{"partner_id": partner_id} for partner_id in partner_ids]
    return {"id": ident, "title": ident, "participants": participants, **fields}


def assessment(framework: str, *blocks: str) -> dict[str, Any]:
    ratings = [{"building_block_id": block, "rating": "green"} for block in blocks]
    return {
        "id": "check",
        "platform_id": "p",
        "framework_id": framework,
        "assessed_on": "2024-01-01",
        "ratings": ratings,
    }


def block(ident: str, framework: str) -> dict[str, Any]:
    return {"id": ident, "framework_id": framework, "name": ident, "description": ident}


# One example per code: the data, then the code, pointer and a fragment of the message of the
# single issue of that code it must give.
EXAMPLES = [
    pytest.param(
        {
            "partnerships": [
                {
                    "id": "ps",
                    "participants": [
                        {"partner_id": "tpi"},
                        {"partner_id": "sida"},
                        {"partner_id": "tpi"},
                    ],
                }
            ]
        },
        "duplicate-party",
        "/partnerships/0/participants/2/partner_id",
        "names partner 'tpi' as participant 0 and again as participant 2",
        id="duplicate-party",
    ),
    pytest.param(
        {"partners": [partner("tpi"), partner("sida"), partner("tpi")]},
        "duplicate-id",
        "/partners/2/id",
        "the id 'tpi' is already used by the partner at index 0",
        id="duplicate-id",
    ),
    pytest.param(
        {"platforms": [platform("zbidf", host_id="tpi-x")], "partners": [partner("tpi")]},
        "dangling-reference",
        "/platforms/0/host_id",
        "platform 'zbidf' names host 'tpi-x', but no partner has that id",
        id="dangling-reference",
    ),
    pytest.param(
        {"partnerships": [partnership("x", start_date="2020-05-01", end_date="2020-04-30")]},
        "end-before-start",
        "/partnerships/0/end_date",
        "partnership 'x' has end_date 2020-04-30, before its start_date 2020-05-01",
        id="end-before-start",
    ),
    pytest.param(
        {"platforms": [platform("p", launched_on="2026-01-02")]},
        "date-in-future",
        "/platforms/0/launched_on",
        "platform 'p' was launched on 2026-01-02, after today (2026-01-01)",
        id="date-in-future",
    ),
    pytest.param(
        {
            "partners": [partner("a", "70"), partner("b", "10", sector="private")],
            "partnerships": [partnership("x", "a", "b")],
        },
        "single-sector-partnership",
        "/partnerships/0/participants",
        "the 2 participants of partnership 'x' all belong to the 'private' sector",
        id="single-sector-partnership",
    ),
    pytest.param(
        {"partnerships": [partnership("x", sdgs=[3, 17], sdg_targets=["3.8", "14.c"])]},
        "sdg-target-without-goal",
        "/partnerships/0/sdg_targets/1",
        "partnership 'x' lists SDG target '14.c', but not its goal, 14, in sdgs",
        id="sdg-target-without-goal",
    ),
    pytest.param(
        {"platforms": [platform("p", "subnational")]},
        "missing-country",
        "/platforms/0/countries",
        "platform 'p' has scope 'subnational' but lists no countries",
        id="missing-country",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "platforms": [{"id": "p", "countries": ["KE"], "subdivisions": ["KE-30", "CA-AB"]}],
        },
        "subdivision-outside-countries",
        "/platforms/0/subdivisions/1",
        "platform 'p' lists subdivision 'CA-AB', of 'CA', which is not among its countries",
        id="subdivision-outside-countries",
    ),
    pytest.param(
        {"schema_version": "1.1", "partners": [{"id": "firm", "name": "Firm"}]},
        "missing-organisation-type",
        "/partners/0/organisation_type",
        "partner 'firm' gives no organisation_type; with no sector stated either, its sector "
        "is unknown",
        id="missing-organisation-type",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "assessments": [
                {"id": "a", "respondents": [{"key": "r1"}], "ratings": [{"respondent": "r2"}]}
            ],
        },
        "unknown-respondent",
        "/assessments/0/ratings/0/respondent",
        "assessment 'a' has a rating by respondent 'r2', but lists no respondent with that key",
        id="unknown-respondent",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "partnerships": [
                {
                    "id": "p",
                    "participants": [{"partner_id": "a"}, {"partner_id": "b"}],
                    "resources": [{"provider_id": "b"}, {"provider_id": "c"}],
                }
            ],
        },
        "provider-not-participant",
        "/partnerships/0/resources/1/provider_id",
        "partnership 'p' has a resource provided by 'c', but that partner is not among its "
        "participants",
        id="provider-not-participant",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "partnerships": [{"id": "p", "deliverables": [{"id": "d1"}, {"id": "d1"}]}],
        },
        "duplicate-deliverable",
        "/partnerships/0/deliverables/1/id",
        "partnership 'p' lists deliverable 'd1' twice; the first is at index 0 of deliverables",
        id="duplicate-deliverable",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "partnerships": [
                {
                    "id": "p",
                    "deliverables": [{"id": "d1"}],
                    "progress_reports": [{"reported_on": "2025-06-30"}],
                    "deliverable_progress": [{"deliverable": "d2", "reported_on": "2025-06-30"}],
                }
            ],
        },
        "unknown-deliverable",
        "/partnerships/0/deliverable_progress/0/deliverable",
        "partnership 'p' gives the progress of deliverable 'd2', but lists no deliverable with "
        "that id",
        id="unknown-deliverable",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "partnerships": [
                {
                    "id": "p",
                    "deliverables": [{"id": "d1"}],
                    "progress_reports": [{"reported_on": "2025-06-30"}],
                    "deliverable_progress": [
                        {"deliverable": "d1", "reported_on": "2025-06-30"},
                        {"deliverable": "d1", "reported_on": "2025-06-30"},
                    ],
                }
            ],
        },
        "repeated-deliverable-progress",
        "/partnerships/0/deliverable_progress/1/deliverable",
        "partnership 'p' gives the progress of deliverable 'd1' on 2025-06-30 twice; the first "
        "is at index 0 of deliverable_progress",
        id="repeated-deliverable-progress",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "partnerships": [
                {
                    "id": "p",
                    "deliverables": [{"id": "d1"}],
                    "progress_reports": [{"reported_on": "2025-06-30"}],
                    "deliverable_progress": [{"deliverable": "d1", "reported_on": "2025-07-01"}],
                }
            ],
        },
        "unknown-progress-report",
        "/partnerships/0/deliverable_progress/0/reported_on",
        "partnership 'p' gives the progress of a deliverable on 2025-07-01, but has no progress "
        "report of that date",
        id="unknown-progress-report",
    ),
    # Today is 2026-01-01: a report of 2024-12-31 is 12 months and a day old.
    pytest.param(
        {
            "schema_version": "1.1",
            "partnerships": [{"id": "p", "progress_reports": [{"reported_on": "2024-12-31"}]}],
        },
        "progress-report-late",
        "/partnerships/0/progress_reports",
        "partnership 'p' last reported on 2024-12-31, more than 12 months before 2026-01-01: its "
        "reporting is late",
        id="progress-report-late",
    ),
    # No report yet: counted from the last day the start may be, 2023-12-31, over 24 months ago.
    pytest.param(
        {
            "schema_version": "1.1",
            "partnerships": [{"id": "p", "start_date": "2023", "deliverables": [{"id": "d1"}]}],
        },
        "partnership-inactive",
        "/partnerships/0/start_date",
        "partnership 'p' has made no progress report since it started (2023), more than 24 "
        "months before 2026-01-01: its reporting is inactive",
        id="partnership-inactive",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "assessments": [{"id": "a", "respondents": [{"key": "r1"}, {"key": "r1"}]}],
        },
        "duplicate-respondent",
        "/assessments/0/respondents/1/key",
        "assessment 'a' lists respondent 'r1' twice; the first is at index 0 of respondents",
        id="duplicate-respondent",
    ),
    pytest.param(
        {
            "schema_version": "1.1",
            "assessments": [
                {
                    "id": "a",
                    "respondents": [{"key": "r1"}, {"key": "r2"}],
                    "ratings": [
                        {"building_block_id": "b", "respondent": "r1"},
                        {"building_block_id": "b", "respondent": "r2"},
                        {"building_block_id": "b", "respondent": "r1"},
                    ],
                }
            ],
        },
        "duplicate-rating",
        "/assessments/0/ratings/2/building_block_id",
        "assessment 'a' rates building block 'b' again for respondent 'r1'; its first rating "
        "is at index 0 of ratings",
        id="duplicate-rating-by-one-respondent",
    ),
    pytest.param(
        {"platforms": [platform("a", parent_id="a")]},
        "parent-cycle",
        "/platforms/0/parent_id",
        "platform 'a' is its own ancestor through parent_id: 'a' → 'a'",
        id="parent-cycle",
    ),
    pytest.param(
        {
            "assessments": [assessment("f", "funding", "other")],
            "building_blocks": [block("funding", "f"), block("other", "g")],
        },
        "rating-of-other-framework",
        "/assessments/0/ratings/1/building_block_id",
        "assessment 'check' is against framework 'f', but rates building block 'other' of "
        "framework 'g'",
        id="rating-of-other-framework",
    ),
    pytest.param(
        {
            "assessments": [assessment("f", "funding", "focus", "funding")],
            "building_blocks": [block("funding", "f"), block("focus", "f")],
        },
        "duplicate-rating",
        "/assessments/0/ratings/2/building_block_id",
        "rates building block 'funding' again; its first rating is at index 0 of ratings",
        id="duplicate-rating",
    ),
    pytest.param(
        {
            "assessments": [assessment("f", "funding")],
            "building_blocks": [block("funding", "f"), block("focus", "f")],
        },
        "unrated-building-block",
        "/assessments/0/ratings",
        "assessment 'check' does not rate building block 'focus' of framework 'f'",
        id="unrated-building-block",
    ),
    pytest.param(
        {"platforms": [platform("p", host_id="tpi", members=[{"partner_id": "sida"}])]},
        "host-not-member",
        "/platforms/0/host_id",
        "platform 'p' names host 'tpi', but the host is not among its members",
        id="host-not-member",
    ),
    pytest.param(
        {"partners": [partner("p", "70", sector="public")]},
        "sector-contradicts-type",
        "/partners/0/sector",
        "partner 'p' has sector 'public', but its organisation_type '70' (Private Sector) "
        "belongs to the 'private' sector",
        id="sector-contradicts-type",
    ),
    pytest.param(
        {"partners": [partner("p", identifier="GB 09506232")]},
        "invalid-org-id",
        "/partners/0/identifier",
        "partner 'p' has identifier 'GB 09506232', which does not follow the org-id form",
        id="invalid-org-id",
    ),
    pytest.param(
        {"events": [{"id": "e", "sources": [{"title": "T", "year": Decimal("2.014E+3")}]}]},
        "integer-with-fraction",
        "/events/0/sources/0/year",
        "'year' of event 'e' is the whole number 2014, written 2.014E+3",
        id="integer-with-fraction",
    ),
]


@pytest.mark.parametrize(("data", "code", "pointer", "fragment"), EXAMPLES)
def test_each_rule_reports_its_example(
    data: dict[str, Any], code: str, pointer: str, fragment: str
) -> None:
    """Each example gives one issue of its code, at its pointer, with the expected words."""
    found = [issue for issue in issues_of(data) if issue.code == code]
    assert len(found) == 1
    (issue,) = found
    assert issue.severity is RULE_CODES[code].severity
    assert issue.pointer == pointer
    assert fragment in issue.message


def test_every_code_has_an_example_and_a_description() -> None:
    """The examples cover the catalogue exactly, and every entry documents its code."""
    assert {param.values[1] for param in EXAMPLES} == set(RULE_CODES)
    for code, info in RULE_CODES.items():
        assert info.code == code
        assert info.layer == "rules"
        assert info.title
        assert info.description
        assert info.hint
        assert info.example


def test_severities_follow_the_design() -> None:
    """Broken references, duplicates, impossible dates and cycles are errors; the rest warn."""
    errors = {code for code, info in RULE_CODES.items() if info.severity is Severity.ERROR}
    assert errors == {
        "duplicate-id",
        "duplicate-party",
        "dangling-reference",
        "end-before-start",
        "missing-country",
        "parent-cycle",
        "subdivision-outside-countries",
        "unknown-respondent",
        "duplicate-respondent",
        "duplicate-deliverable",
        "unknown-deliverable",
        "repeated-deliverable-progress",
        "unknown-progress-report",
    }


def broken(reference: Reference) -> tuple[str, dict[str, Any], str]:
    """Write the id ``x`` in a reference field: the list, the record's fields and the pointer."""
    source, within, field = reference.source, reference.within, reference.field
    if within is not None:
        return source, {within: [{field: "x"}]}, f"/{source}/0/{within}/0/{field}"
    if reference.many:
        return source, {field: ["x"]}, f"/{source}/0/{field}/0"
    return source, {field: "x"}, f"/{source}/0/{field}"


# Every reference field the models declare, as the record holding it and the pointer of the
# broken reference.
REFERENCES = [
    pytest.param(*broken(ref), id="/".join(filter(None, (ref.source, ref.within, ref.field))))
    for ref in ENTITIES.references
]


@pytest.mark.parametrize(("name", "fields", "pointer"), REFERENCES)
def test_every_reference_field_is_checked(name: str, fields: dict[str, Any], pointer: str) -> None:
    """A reference to an id no record has is reported where it is written."""
    data = {name: [{"id": "r", **fields}]}
    assert pointers(data, "dangling-reference") == [pointer]


@pytest.mark.parametrize(("name", "fields", "pointer"), REFERENCES)
def test_references_resolve_against_the_right_list(
    name: str, fields: dict[str, Any], pointer: str
) -> None:
    """Once every list has a record with the id, no reference dangles."""
    data: dict[str, Any] = {entity.name: [{"id": "x"}] for entity in ENTITIES.lists}
    data[name] = [{"id": "r", **fields}, {"id": "x"}]
    assert pointers(data, "dangling-reference") == []


def test_a_reference_names_the_list_it_misses() -> None:
    """The message says which kind of record is missing and where it was named."""
    data = {"events": [{"id": "w", "solution_ids": ["pooled-fund"]}]}
    data["solutions"] = [{"id": "pooled-funds"}]
    (issue,) = issues_of(data)
    assert issue.message == "event 'w' names solution 'pooled-fund', but no solution has that id"
    assert issue.hint == (
        "Did you mean 'pooled-funds'? Correct the id, or add the solution to 'solutions'."
    )
    assert issue.excerpt == "'pooled-fund'"


def test_the_first_record_with_an_id_stands_for_it() -> None:
    """A duplicated id is reported once per later record, and references to it resolve."""
    data = {
        "partners": [partner("tpi"), partner("tpi"), partner("tpi")],
        "events": [{"id": "e", "convener_id": "tpi"}],
    }
    assert [(issue.code, issue.pointer) for issue in issues_of(data)] == [
        ("duplicate-id", "/partners/1/id"),
        ("duplicate-id", "/partners/2/id"),
    ]


def test_ids_repeat_freely_across_lists() -> None:
    """A platform and a partner may share an id: ids are unique within one list."""
    assert issues_of({"platforms": [platform("tpi")], "partners": [partner("tpi")]}) == []


def test_events_that_end_before_they_start() -> None:
    """Events are checked as partnerships are; ending on the start day is fine."""
    events = [
        {"id": "a", "start_date": "2014-04-13", "end_date": "2014-04-12"},
        {"id": "b", "start_date": "2014-04-13", "end_date": "2014-04-13"},
    ]
    assert pointers({"events": events}, "end-before-start") == ["/events/0/end_date"]


@pytest.mark.parametrize("bad", ["2014-02-30", "13/04/2014", "2014-4-1", 20140413, None])
def test_dates_that_are_not_dates_are_left_to_the_schema(bad: object) -> None:
    """Only real YYYY-MM-DD dates are compared."""
    event = {"id": "e", "start_date": "2014-04-13", "end_date": bad}
    assert issues_of({"events": [event]}) == []


def test_every_date_of_the_past_is_checked() -> None:
    """Launches, assessments and memberships may not lie in the future; today is fine."""
    future = "2030-06-01"
    data = {
        "platforms": [
            platform(
                "p",
                launched_on=future,
                members=[{"partner_id": "tpi", "since": "2026-01-01"}, {"since": future}],
            )
        ],
        "assessments": [{"id": "a", "assessed_on": future}],
        "communities": [{"id": "c", "launched_on": future}],
        "partnerships": [partnership("planned", start_date=future, end_date="2031-01-01")],
    }
    assert pointers(data, "date-in-future") == [
        "/platforms/0/launched_on",
        "/platforms/0/members/1/since",
        "/assessments/0/assessed_on",
        "/communities/0/launched_on",
    ]


def test_a_member_is_named_by_its_partner_in_a_date_message() -> None:
    """A member's date in the future is told of the member, by its partner_id if it has one."""
    members = [{"partner_id": "tpi", "since": "2999-01-01"}, {"since": "2999-01-01"}]
    data = {"platforms": [platform("p", members=members)], "partners": [partner("tpi")]}
    assert [issue.message for issue in issues_of(data)] == [
        "platform 'p' says member 'tpi' joined on 2999-01-01, after today (2026-01-01)",
        "platform 'p' says a member joined on 2999-01-01, after today (2026-01-01)",
    ]


def test_today_is_a_parameter() -> None:
    """The same date is in the future before it and not after it."""
    data = {"communities": [{"id": "c", "launched_on": "2015-01-01"}]}
    assert issues_of(data, today=date(2014, 12, 31))
    assert not issues_of(data, today=date(2015, 1, 1))


def test_partnerships_across_sectors_pass() -> None:
    """Two sectors are enough, whether stated or implied by the type."""
    data = {
        "partners": [
            partner("gov", "10"),
            partner("firm", "70"),
            partner("ngo", "70", sector="civil_society"),
        ],
        "partnerships": [partnership("x", "gov", "firm"), partnership("y", "firm", "ngo")],
    }
    assert pointers(data, "single-sector-partnership") == []


def test_a_partnership_needs_two_known_partners_to_be_judged() -> None:
    """Unknown partners, partners of sector 'other' and repeats of one partner do not count."""
    data = {
        "partners": [partner("a", "70"), partner("b", "90"), partner("c", "99")],
        "partnerships": [
            partnership("dangling", "a", "nobody"),
            partnership("other", "a", "b"),
            partnership("unknown-type", "a", "c"),
            partnership("same-partner", "a", "a"),
        ],
    }
    assert pointers(data, "single-sector-partnership") == []


def test_sdg_targets_with_their_goals_pass() -> None:
    """A target whose goal is listed gives nothing; malformed targets are the schema's."""
    data = {"partnerships": [partnership("x", sdgs=[3, 17], sdg_targets=["3.8", "17.17", "3.x"])]}
    assert issues_of(data) == []


def test_sdg_targets_without_any_goal() -> None:
    """With sdgs left out, every well-formed target lacks its goal."""
    data = {"partnerships": [partnership("x", sdg_targets=["3.8", "17.17"])]}
    assert pointers(data, "sdg-target-without-goal") == [
        "/partnerships/0/sdg_targets/0",
        "/partnerships/0/sdg_targets/1",
    ]


@pytest.mark.parametrize(
    ("scope", "countries", "reported"),
    [
        ("national", None, True),
        ("national", [], True),
        ("subnational", None, True),
        ("national", ["KE"], False),
        ("regional", None, False),
        ("global", None, False),
        ("national", "KE", False),
    ],
)
def test_national_and_subnational_platforms_need_countries(
    scope: str, countries: object, reported: bool
) -> None:
    """An absent or empty countries list is reported; other types are the schema's."""
    record = platform("p", scope)
    if countries is not None:
        record["countries"] = countries
    expected = ["/platforms/0/countries"] if reported else []
    assert pointers({"platforms": [record]}, "missing-country") == expected


def test_a_cycle_is_reported_once_per_platform_on_it() -> None:
    """Platforms on the cycle are reported; those that lead into it are not."""
    platforms = [
        platform("leaf", parent_id="a"),
        platform("a", parent_id="b"),
        platform("b", parent_id="c"),
        platform("c", parent_id="a"),
        platform("root"),
        platform("child", parent_id="root"),
    ]
    found = [issue for issue in issues_of({"platforms": platforms}) if issue.code == "parent-cycle"]
    assert [issue.pointer for issue in found] == [
        "/platforms/1/parent_id",
        "/platforms/2/parent_id",
        "/platforms/3/parent_id",
    ]
    assert found[1].message.endswith(": 'b' → 'c' → 'a' → 'b'")


def test_a_long_chain_needs_no_recursion_and_a_long_cycle_is_shortened() -> None:
    """Deep hierarchies are walked without recursion; long cycles are shown in brief."""
    size = 20_000
    chain = [platform(f"p{n}", parent_id=f"p{n + 1}") for n in range(size)] + [platform(f"p{size}")]
    assert issues_of({"platforms": chain}) == []
    cycle = [platform(f"p{n}", parent_id=f"p{(n + 1) % size}") for n in range(size)]
    found = issues_of({"platforms": cycle})
    assert len(found) == size
    assert found[0].message.endswith("'p0' → 'p1' → 'p2' → … (20000 platforms) → 'p0'")


def test_an_assessment_that_rates_its_framework_completely_passes() -> None:
    """Rating every block of the framework, once each, gives no issue."""
    data = {
        "assessments": [assessment("f", "focus", "funding")],
        "building_blocks": [block("funding", "f"), block("focus", "f"), block("other", "g")],
        "frameworks": [{"id": "f"}, {"id": "g"}],
        "platforms": [platform("p")],
    }
    assert issues_of(data) == []


def test_each_unrated_block_is_named() -> None:
    """One issue per block left unrated, each naming its block."""
    data = {
        "assessments": [assessment("f", "a")],
        "building_blocks": [block(name, "f") for name in "abc"],
    }
    found = [issue for issue in issues_of(data) if issue.code == "unrated-building-block"]
    assert [issue.pointer for issue in found] == ["/assessments/0/ratings"] * 2
    assert ["'b'" in found[0].message, "'c'" in found[1].message] == [True, True]


def test_a_host_among_the_members_passes() -> None:
    """A host that is a member gives nothing; so does a platform without a host."""
    members = [{"partner_id": "sida"}, {"partner_id": "tpi"}]
    data = {
        "partners": [partner("tpi"), partner("sida", "10")],
        "platforms": [
            platform("p", host_id="tpi", members=members),
            platform("q", members=members),
        ],
    }
    assert issues_of(data) == []


def test_a_host_of_a_platform_without_members() -> None:
    """A host with no members listed at all is still not among them."""
    data = {"partners": [partner("tpi")], "platforms": [platform("p", host_id="tpi")]}
    assert pointers(data, "host-not-member") == ["/platforms/0/host_id"]


@pytest.mark.parametrize(
    ("kind", "sector", "reported"),
    [
        ("70", "private", False),
        ("90", "public", False),
        ("60", "philanthropy", False),
        ("40", "public", True),
        ("10", "private", True),
        ("99", "private", False),
        ("70", "business", False),
    ],
)
def test_a_stated_sector_must_agree_with_the_type(kind: str, sector: str, reported: bool) -> None:
    """Type 90 (Other) fits any sector; unknown codes are the schema's."""
    data = {"partners": [partner("p", kind, sector=sector)]}
    expected = ["/partners/0/sector"] if reported else []
    assert pointers(data, "sector-contradicts-type") == expected


@pytest.mark.parametrize(
    "identifier",
    ["GB-COH-09506232", "US-EIN-123456789", "XM-DAC-41114", "XI-IATI-EC_DEVCO", "BE-BCE_KBO-0403"],
)
def test_org_ids_in_the_org_id_form_pass(identifier: str) -> None:
    """Identifiers of the org-id.guide form give nothing."""
    data = {
        "publisher": {"name": "P", "identifier": identifier},
        "partners": [partner("p", identifier=identifier)],
    }
    assert issues_of(data) == []


@pytest.mark.parametrize(
    "identifier",
    ["09506232", "gb-coh-09506232", "GB-COH-", "GB-COH-0950 6232", "GBR-COH-1", "GB-COH-1\n"],
)
def test_org_ids_out_of_form_are_reported(identifier: str) -> None:
    """Partners' and the publisher's identifiers are both checked."""
    data = {
        "publisher": {"name": "P", "identifier": identifier},
        "partners": [partner("p", identifier=identifier)],
    }
    found = [issue for issue in issues_of(data) if issue.code == "invalid-org-id"]
    assert [issue.pointer for issue in found] == ["/publisher/identifier", "/partners/0/identifier"]
    assert found[0].message.startswith("the publisher has identifier")


def test_values_from_the_file_are_escaped_in_messages() -> None:
    """Control characters in an id never reach a message raw."""
    data = {"platforms": [platform("p\x1b[31m", host_id="tpi\x00")]}
    for issue in issues_of(data):
        assert "\x1b" not in issue.message
        assert "\x00" not in issue.message
        assert "\\u001b" in issue.message


def test_records_without_ids_are_named_by_their_place() -> None:
    """A record without an id is named by its index."""
    data = {"platforms": [{"host_id": "tpi"}, {"id": 7, "host_id": "tpi"}]}
    messages = [issue.message for issue in issues_of(data) if issue.code == "dangling-reference"]
    assert messages[0].startswith("the platform at index 0 names host 'tpi'")
    assert messages[1].startswith("the platform at index 1 names host 'tpi'")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"platforms": "many"},
        {"partners": [1, None, "p", [], {"id": 5}, {"id": ["a"]}]},
        {"platforms": [{"id": "p", "members": "x", "challenge_ids": {"a": 1}, "host_id": 3}]},
        {"partnerships": [{"participants": [1, {"partner_id": None}], "sdgs": "3"}]},
        {"assessments": [{"framework_id": ["f"], "ratings": [{"building_block_id": {}}]}]},
        {"publisher": "TPI"},
        {"schema_version": "2.0", "partners": [partner("a"), partner("a")]},
    ],
)
def test_values_of_the_wrong_type_are_left_to_the_schema(data: dict[str, Any]) -> None:
    """Rules skip what the schema reports, and a file of another version is not judged."""
    assert issues_of(data) == []


def test_the_bundled_example_breaks_no_rule() -> None:
    """The example file gives no rule issue, error or warning."""
    data = json.loads(example_path().read_text(encoding="utf-8"))
    assert issues_of(data) == []
    assert issues_of(data, today=date.today()) == []
    assert validate(example_path(), today=TODAY).issues == ()


@pytest.mark.parametrize("path", RULE_FIXTURES, ids=lambda path: path.name)
def test_rule_fixtures_give_exactly_their_issues(path: Path) -> None:
    """Each rules fixture is schema-valid and gives exactly the issues it expects."""
    expected_path = path.with_name(path.name.removesuffix(".json") + ".expected.json")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))["issues"]
    report = validate(path, today=TODAY)
    found = [
        {"code": issue.code, "pointer": issue.pointer, "severity": issue.severity.value}
        for issue in report.issues
    ]
    assert found == expected
    assert all(issue["code"] in RULE_CODES for issue in found)


def test_rule_fixtures_cover_every_code() -> None:
    """There is a fixture named for every rule code."""
    assert {
        path.name.removeprefix("rules-").removesuffix(".json") for path in RULE_FIXTURES
    } == set(RULE_CODES)


# Arbitrary JSON, and JSON shaped like a dataset whose values are random.
JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
IDS = st.sampled_from(["a", "b", "c", "tpi", ""])
CODES = st.sampled_from(
    [
        "national",
        "subnational",
        "global",
        "10",
        "70",
        "90",
        "public",
        "private",
        "other",
        "3.8",
        "17.c",
        "GB-COH-1",
        "2014-04-13",
        "2999-01-01",
        "2014-02-30",
        "0000-01-01",
    ]
)
SCALARS = st.one_of(IDS, CODES, JSON_SCALARS, st.integers(1, 17))
NESTED = st.dictionaries(
    st.sampled_from(["partner_id", "building_block_id", "since", "roles", "rating", "id"]),
    st.one_of(SCALARS, JSON_VALUES),
    max_size=4,
)
FIELD_VALUES = st.one_of(SCALARS, st.lists(st.one_of(SCALARS, NESTED), max_size=4), JSON_VALUES)


def records(model: type[Any]) -> st.SearchStrategy[dict[str, Any]]:
    names = [field.name for field in attrs.fields(model)]
    return st.dictionaries(st.sampled_from(names), FIELD_VALUES, max_size=8)


DATASETS = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": st.one_of(st.just("1.0"), JSON_SCALARS),
        "publisher": st.one_of(
            st.fixed_dictionaries({"identifier": st.one_of(CODES, JSON_SCALARS)}), JSON_VALUES
        ),
        **{
            name: st.one_of(
                st.lists(st.one_of(records(model), JSON_VALUES), max_size=6), JSON_VALUES
            )
            for name, model in ENTITIES.models.items()
        },
    },
)


@given(JSON_VALUES)
def test_arbitrary_json_never_breaks_the_rules(data: Any) -> None:
    """Whatever JSON the rules get, they report issues of known codes and never raise."""
    for issue in rule_issues(data, today=TODAY):
        assert issue.code in RULE_CODES


@given(DATASETS, st.dates())
def test_dataset_shaped_json_never_breaks_the_rules(data: dict[str, Any], today: date) -> None:
    """Records of random values give catalogued issues at paths of keys and indices."""
    for issue in rule_issues(data, today=today):
        assert issue.code in RULE_CODES
        assert issue.severity is RULE_CODES[issue.code].severity
        assert all(isinstance(segment, (str, int)) for segment in issue.path)
        assert issue.path[0] in data
        assert issue.message
        assert issue.hint


EXAMPLE = json.loads(example_path().read_text(encoding="utf-8"))
EXAMPLE_LISTS = sorted(entity.name for entity in ENTITIES.lists if EXAMPLE.get(entity.name))


@given(st.data())
def test_a_duplicated_record_gives_exactly_one_duplicate_id(data: st.DataObject) -> None:
    """Copying any record of the example into its list gives one issue, at the later copy."""
    name = data.draw(st.sampled_from(EXAMPLE_LISTS), label="list")
    items = EXAMPLE[name]
    original = data.draw(st.integers(0, len(items) - 1), label="original")
    position = data.draw(st.integers(0, len(items)), label="position")
    changed = dict(EXAMPLE)
    changed[name] = [*items[:position], copy.deepcopy(items[original]), *items[position:]]
    moved = original if original < position else original + 1
    later = max(moved, position)
    assert [(issue.code, issue.pointer) for issue in issues_of(changed)] == [
        ("duplicate-id", f"/{name}/{later}/id")
    ]


@pytest.mark.parametrize(
    ("reference", "suggestion"),
    [
        ("tpi-x", "Did you mean 'tpi'? "),  # two letters too many
        ("tip", "Did you mean 'tpi'? "),  # two letters swapped
        ("TPI", "Did you mean 'tpi'? "),  # only the case differs
        ("zm-cassava-business", "Did you mean 'zm-cassava-businesses'? "),  # a lost plural
        ("sidaa", "Did you mean 'sida'? "),  # a letter too many
        ("unrelated-organisation", ""),  # nothing close: no suggestion
    ],
)
def test_a_dangling_reference_suggests_the_closest_id(reference: str, suggestion: str) -> None:
    """The suggestion for a dangling reference is the id a typo away, or nothing."""
    partners = [
        {"id": ident, "name": ident, "organisation_type": "21"}
        for ident in ("tpi", "sida", "zm-cassava-businesses", "undp")
    ]
    data = {
        "schema_version": "1.0",
        "partners": partners,
        "events": [{"id": "e", "convener_id": reference}],
    }
    (issue,) = [i for i in rule_issues(data, today=TODAY) if i.code == "dangling-reference"]
    assert issue.message.endswith("no partner has that id")
    assert issue.hint == f"{suggestion}Correct the id, or add the partner to 'partners'."


def test_a_platform_member_named_twice_is_a_duplicate_party() -> None:
    """Members are checked like participants: the second entry for a partner is reported."""
    members = [{"partner_id": "tpi"}, {"partner_id": "sida"}, {"partner_id": "tpi"}]
    data = {"platforms": [{"id": "p", "members": members}]}
    assert pointers(data, "duplicate-party") == ["/platforms/0/members/2/partner_id"]


# A root of another shape, declared in one place: platforms with a sponsor and a closing date.
@attrs.frozen(kw_only=True)
class SponsoredPlatform:
    id: str
    sponsor_id: str | None = attrs.field(
        default=None, metadata={"refers": Refers("partners", "names sponsor")}
    )
    closed_on: str | None = attrs.field(
        default=None, metadata={"dated": Dated(past="was closed on")}
    )


@attrs.frozen(kw_only=True)
class SponsoredDataset:
    platforms: tuple[SponsoredPlatform, ...] = ()
    partners: tuple[models.Partner, ...] = ()


SPONSORED = {
    "partners": [partner("tpi")],
    "platforms": [
        {"id": "a", "sponsor_id": "tpi", "closed_on": "2020-01-01"},
        {"id": "b", "sponsor_id": "tpl", "closed_on": "2030-01-01"},
    ],
}


def test_a_reference_declared_on_a_model_is_checked_by_the_rules() -> None:
    """The graph is a parameter: a new reference field is checked as soon as it is declared."""
    found = list(rule_issues(SPONSORED, today=TODAY, entities=describe(SponsoredDataset)))
    dangling = [issue for issue in found if issue.code == "dangling-reference"]
    assert [issue.pointer for issue in dangling] == ["/platforms/1/sponsor_id"]
    assert dangling[0].message == (
        "sponsored platform 'b' names sponsor 'tpl', but no partner has that id"
    )
    assert (
        dangling[0].hint == "Did you mean 'tpi'? Correct the id, or add the partner to 'partners'."
    )


def test_a_date_declared_on_a_model_is_checked_by_the_rules() -> None:
    """A new date of the past is checked as soon as it is declared."""
    found = list(rule_issues(SPONSORED, today=TODAY, entities=describe(SponsoredDataset)))
    dates = [issue for issue in found if issue.code == "date-in-future"]
    assert [issue.pointer for issue in dates] == ["/platforms/1/closed_on"]
    assert dates[0].message == (
        "sponsored platform 'b' was closed on 2030-01-01, after today (2026-01-01)"
    )


def test_the_real_graph_does_not_know_the_new_fields() -> None:
    """Without the new root, the same data gives no issue: the fields are unknown to it."""
    assert issues_of(SPONSORED) == []


def id_fields_without_target(model_classes: list[type[Any]], lists: set[str]) -> list[str]:
    """Name each ``*_id``/``*_ids`` field without ``Refers``, and each ``Refers`` to no list."""
    problems = []
    for model in model_classes:
        for field in attrs.fields(model):
            refers = field.metadata.get("refers")
            if field.name.endswith(("_id", "_ids")) and not isinstance(refers, Refers):
                problems.append(f"{model.__name__}.{field.name} names no list")
            if isinstance(refers, Refers) and refers.target not in lists:
                problems.append(f"{model.__name__}.{field.name} names {refers.target!r}")
    return problems


MODELS = [
    value
    for value in (getattr(models, name) for name in models.__all__)
    if isinstance(value, type) and attrs.has(value)
]


def test_every_id_field_of_the_models_names_its_list() -> None:
    """Every field named *_id or *_ids declares the entity list it names, and the list exists."""
    assert {"Platform", "Membership", "BuildingBlockRating", "Event"} <= {
        model.__name__ for model in MODELS
    }
    lists = {entity.name for entity in ENTITIES.lists}
    assert id_fields_without_target(MODELS, lists) == []


def test_every_declared_reference_reaches_the_rules() -> None:
    """Each field that declares Refers, nested ones included, is in the graph the rules read."""
    declared = {
        (model, field.name)
        for model in MODELS
        for field in attrs.fields(model)
        if isinstance(field.metadata.get("refers"), Refers)
    }
    assert {(models.Platform, "host_id"), (models.Membership, "partner_id")} <= declared
    assert {(reference.model, reference.field) for reference in ENTITIES.references} == declared


def test_the_model_walk_finds_fields_without_a_target() -> None:
    """The check fails on an id field without Refers and on a Refers to a missing list."""

    @attrs.frozen
    class Loose:
        owner_id: str
        friend_ids: tuple[str, ...] = attrs.field(
            default=(), metadata={"refers": Refers("friends", "names friend")}
        )

    assert id_fields_without_target([Loose], {"partners"}) == [
        "Loose.owner_id names no list",
        "Loose.friend_ids names 'friends'",
    ]


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        pytest.param(
            {"platforms": [platform("p", launched_on="2030-01-01")]},
            "Correct the date, or leave it out until it has happened.",
            id="date-in-future",
        ),
        pytest.param(
            {"partners": [partner("a"), partner("a")]},
            "Give each record its own id; if both describe the same thing, merge them.",
            id="duplicate-id",
        ),
        pytest.param(
            {"events": [{"id": "e", "sponsor_ids": ["nobody"]}]},
            "Correct the id, or add the partner to 'partners'.",
            id="dangling-reference",
        ),
        pytest.param(
            {"partnerships": [partnership("x", sdgs=[17], sdg_targets=["3.8"])]},
            "Add 3 to sdgs, or correct the target.",
            id="sdg-target-without-goal",
        ),
    ],
)
def test_hints_come_from_the_catalogue_unless_they_say_more(data: Any, hint: str) -> None:
    """A rule's hint is the catalogue's, in lower case, unless it names what to add."""
    (issue,) = issues_of(data)
    assert issue.hint == hint
