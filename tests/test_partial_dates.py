"""Dates known only to the month or the year (format 1.1), and how the rules compare them.

``2016-03`` is neither before nor after ``2016-03-15``; it is before ``2016-04-01``. Version
1.0 holds full dates only.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from partnering import Dataset, FormatVersionError, dumps, loads, validate
from partnering._fast import structure as fast_structure
from partnering.convert import structure
from partnering.models import Participant, Partnership
from partnering.partial_dates import PartialDate, read_date_of_1_1, surely_before
from partnering.strategies import datasets

PARTNERS = [
    {"id": "a", "name": "A ministry", "organisation_type": "10"},
    {"id": "b", "name": "A firm", "organisation_type": "70"},
]
PARTICIPANTS = [{"partner_id": "a"}, {"partner_id": "b"}]


def with_dates(version: str, **dates: str) -> dict[str, Any]:
    partnership = {"id": "x", "title": "X", "participants": PARTICIPANTS, **dates}
    return {"schema_version": version, "partners": PARTNERS, "partnerships": [partnership]}


def codes(document: dict[str, Any]) -> list[tuple[str, str]]:
    issues = validate(document, today=date(2026, 1, 1)).issues
    return [(issue.code, issue.pointer) for issue in issues]


# -- the type ----------------------------------------------------------------------------


def test_a_partial_date_is_written_and_read_to_its_precision() -> None:
    assert str(PartialDate(2016, 3)) == "2016-03"
    assert str(PartialDate(2016)) == "2016"
    assert str(PartialDate(5, 1)) == "0005-01"
    assert PartialDate.fromisoformat("2016-03") == PartialDate(2016, 3)
    assert PartialDate.fromisoformat("2016") == PartialDate(2016, None)


@pytest.mark.parametrize("text", ["2016-13", "2016-00", "0000", "16", "2016-3", "2016-03-15", ""])
def test_an_impossible_partial_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a month or a year"):
        PartialDate.fromisoformat(text)


@pytest.mark.parametrize(("year", "month"), [(0, None), (10000, None), (2016, 0), (2016, 13)])
def test_the_type_refuses_an_impossible_month_or_year(year: int, month: int | None) -> None:
    with pytest.raises(ValueError, match="of a partial date must be"):
        PartialDate(year, month)


def test_the_days_a_partial_date_may_be() -> None:
    assert (PartialDate(2016, 2).first_day, PartialDate(2016, 2).last_day) == (
        date(2016, 2, 1),
        date(2016, 2, 29),  # 2016 is a leap year
    )
    assert (PartialDate(2015).first_day, PartialDate(2015).last_day) == (
        date(2015, 1, 1),
        date(2015, 12, 31),
    )


def test_a_partial_date_has_no_order() -> None:
    with pytest.raises(TypeError):
        _ = PartialDate(2016, 3) < PartialDate(2016, 4)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (PartialDate(2016, 3), date(2016, 3, 15), False),
        (date(2016, 3, 15), PartialDate(2016, 3), False),
        (PartialDate(2016, 3), date(2016, 4, 1), True),
        (date(2016, 2, 29), PartialDate(2016, 3), True),
        (PartialDate(2016), PartialDate(2016, 3), False),
        (PartialDate(2016, 3), PartialDate(2016), False),
        (PartialDate(2015), PartialDate(2016, 1), True),
        (date(2016, 1, 1), date(2016, 1, 2), True),
    ],
)
def test_surely_before(first: Any, second: Any, expected: bool) -> None:
    assert surely_before(first, second) is expected


def test_a_full_date_reads_as_a_day() -> None:
    assert read_date_of_1_1("2016-03-15") == date(2016, 3, 15)
    with pytest.raises(ValueError, match="not a month or a year"):
        read_date_of_1_1("2016-W01-1")  # ISO week dates are not the format's


# -- the file ----------------------------------------------------------------------------


def test_partial_dates_load_and_dump_in_1_1() -> None:
    document = with_dates("1.1", start_date="2016-03", end_date="2016")
    dataset = loads(json.dumps(document))
    (partnership,) = dataset.partnerships
    assert (partnership.start_date, partnership.end_date) == (
        PartialDate(2016, 3),
        PartialDate(2016),
    )
    assert json.loads(dumps(dataset))["partnerships"][0]["start_date"] == "2016-03"


def test_the_fast_path_builds_partial_dates_as_the_converter_does() -> None:
    document = with_dates("1.1", start_date="2016", end_date="2016-03-15")
    assert fast_structure(document) == structure(document)
    assert fast_structure(document).partnerships[0].start_date == PartialDate(2016)


@pytest.mark.parametrize("field", ["start_date", "end_date"])
def test_an_impossible_partial_date_gets_an_issue_at_its_pointer(field: str) -> None:
    assert codes(with_dates("1.1", **{field: "2016-13"})) == [
        ("invalid-format", f"/partnerships/0/{field}")
    ]


def test_a_1_0_file_keeps_full_dates_only() -> None:
    assert codes(with_dates("1.0", start_date="2016-03")) == [
        ("invalid-format", "/partnerships/0/start_date")
    ]
    assert codes(with_dates("1.0", start_date="2016-03-01")) == []


def test_dumps_in_1_0_refuses_a_partial_date_and_names_it() -> None:
    participants = (Participant(partner_id="a"), Participant(partner_id="b"))
    full = Partnership(id="x", title="X", participants=participants, start_date=date(2016, 3, 1))
    partial = attrs.evolve(full, id="y", end_date=PartialDate(2017))
    partners = tuple(structure({"schema_version": "1.0", "partners": PARTNERS}).partners)
    with pytest.raises(FormatVersionError) as refused:
        dumps(Dataset(partners=partners, partnerships=(full, partial)), version="1.0")
    assert refused.value.pointers == ("/partnerships/1/end_date",)
    text = dumps(Dataset(partners=partners, partnerships=(full,)), version="1.0")
    assert '"start_date": "2016-03-01"' in text


@pytest.mark.parametrize(
    ("start", "end", "found"),
    [
        ("2016-03", "2016-03-15", []),  # neither before nor after
        ("2016-03-15", "2016-03", []),
        ("2016", "2016-03", []),
        ("2016-04-01", "2016-03", [("end-before-start", "/partnerships/0/end_date")]),
        ("2016-04", "2016-03-31", [("end-before-start", "/partnerships/0/end_date")]),
        ("2016", "2015-12-31", [("end-before-start", "/partnerships/0/end_date")]),
    ],
)
def test_end_before_start_compares_with_the_precision(
    start: str, end: str, found: list[tuple[str, str]]
) -> None:
    assert codes(with_dates("1.1", start_date=start, end_date=end)) == found


def test_the_message_writes_the_dates_as_given() -> None:
    (issue,) = validate(with_dates("1.1", start_date="2016-04", end_date="2016-03-31")).issues
    assert issue.message == (
        "partnership 'x' has end_date 2016-03-31, before its start_date 2016-04"
    )


def _platform(launched_on: str) -> dict[str, Any]:
    platform = {"id": "p", "name": "P", "scope": "national", "hosting_model": "other"}
    return {
        "schema_version": "1.1",
        "platforms": [{**platform, "countries": ["KE"], "launched_on": launched_on}],
    }


def test_a_month_is_in_the_future_only_when_it_begins_after_today() -> None:
    today = date(2026, 3, 15)
    assert validate(_platform("2026-03"), today=today).issues == ()
    assert validate(_platform("2026"), today=today).issues == ()
    (issue,) = validate(_platform("2026-04"), today=today).issues
    assert (issue.code, issue.pointer) == ("date-in-future", "/platforms/0/launched_on")
    assert "was launched on 2026-04, after today (2026-03-15)" in issue.message


def test_a_member_may_have_joined_in_a_year() -> None:
    document = _platform("2016")
    document["partners"] = PARTNERS[:1]
    document["platforms"][0]["members"] = [{"partner_id": "a", "roles": ["host"], "since": "2017"}]
    assert validate(document, today=date(2026, 1, 1)).issues == ()
    assert loads(json.dumps(document)).platforms[0].members[0].since == PartialDate(2017)


# -- the strategies ----------------------------------------------------------------------


def _partial_dates_of(dataset: Dataset) -> list[PartialDate]:
    found = [p.launched_on for p in dataset.platforms]
    found += [m.since for p in dataset.platforms for m in p.members]
    found += [d for p in dataset.partnerships for d in (p.start_date, p.end_date)]
    return [value for value in found if isinstance(value, PartialDate)]


def test_the_strategies_draw_partial_dates() -> None:

    # The first example found is enough: shrinking a dataset would take minutes.
    found = find(
        datasets(max_size=2, consistent=False),
        lambda d: bool(_partial_dates_of(d)),
        settings=settings(max_examples=1000, phases=[Phase.generate], database=None),
    )
    assert _partial_dates_of(found)


@given(st.data())
def test_the_strategies_of_1_0_draw_full_dates_only(data: st.DataObject) -> None:
    dataset = data.draw(datasets(max_size=2, consistent=False, version="1.0"))
    assert _partial_dates_of(dataset) == []
