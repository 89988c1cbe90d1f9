"""An organisation's type may stay unknown in format 1.1; a warning says what that costs.

Version 1.0 still requires it. A partner that gives neither a type nor a sector has no known
sector: figures and the summary count it apart and say so.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings

from partnering import (
    Dataset,
    FormatVersionError,
    OrganisationType,
    Partner,
    Sector,
    dumps,
    loads,
    validate,
)
from partnering.analysis import partner_sectors, sector_bridges, sector_mixes
from partnering.analysis.network import partnership_graph
from partnering.cli._summary import summarise
from partnering.models import Participant, Partnership
from partnering.strategies import datasets

NO_TYPE = {"id": "firm", "name": "A firm named only"}


def document(version: str, *partners: dict[str, Any]) -> dict[str, Any]:
    return {"schema_version": version, "title": "Mine", "partners": list(partners)}


def test_a_1_1_partner_without_a_type_is_valid_with_a_warning_at_its_pointer() -> None:
    report = validate(document("1.1", NO_TYPE))
    assert report.valid
    assert [(issue.code, issue.severity.value, issue.pointer) for issue in report.issues] == [
        ("missing-organisation-type", "warning", "/partners/0/organisation_type")
    ]
    assert "its sector is unknown and counts by sector leave it out" in report.issues[0].message


def test_the_warning_says_a_stated_sector_stands_in_for_the_type() -> None:
    (issue,) = validate(document("1.1", {**NO_TYPE, "sector": "private"})).issues
    assert issue.code == "missing-organisation-type"
    assert issue.message.endswith("its sector is taken as the stated 'private'")


def test_a_1_1_partner_with_a_type_gets_no_warning() -> None:
    assert validate(document("1.1", {**NO_TYPE, "organisation_type": "70"})).issues == ()


def test_a_1_0_file_still_requires_the_type() -> None:
    (issue,) = validate(document("1.0", NO_TYPE)).issues
    assert (issue.code, issue.pointer) == ("missing-field", "/partners/0/organisation_type")


def test_the_sector_is_unknown_only_without_both() -> None:
    assert Partner(id="p", name="P").effective_sector is None
    assert Partner(id="p", name="P", sector=Sector.PUBLIC).effective_sector is Sector.PUBLIC
    # '80' is Academic, Training and Research: the academia sector.
    typed = Partner(id="p", name="P", organisation_type=OrganisationType("80"))
    assert typed.effective_sector is Sector.ACADEMIA


def test_a_partner_without_a_type_round_trips_in_1_1_and_is_left_out_of_the_text() -> None:
    dataset = Dataset(title="Mine", partners=(Partner(id="firm", name="A firm named only"),))
    text = dumps(dataset)
    assert json.loads(text)["partners"] == [NO_TYPE]
    assert loads(text) == dataset


def test_dumps_in_1_0_refuses_a_partner_without_a_type() -> None:
    dataset = Dataset(
        partners=(
            Partner(id="a", name="A", organisation_type=OrganisationType("70")),
            Partner(id="b", name="B"),
        )
    )
    with pytest.raises(FormatVersionError) as refused:
        dumps(dataset, version="1.0")
    assert refused.value.pointers == ("/partners/1/organisation_type",)


def _two_partners() -> Dataset:
    # '10' is Government: the public sector. 'firm' gives neither a type nor a sector.
    partners = (
        Partner(id="gov", name="Gov", organisation_type=OrganisationType("10")),
        Partner(id="firm", name="Firm"),
    )
    participants = (Participant(partner_id="gov"), Participant(partner_id="firm"))
    partnership = Partnership(id="x", title="X", participants=participants)
    return Dataset(partners=partners, partnerships=(partnership,))


def test_partner_sectors_leave_out_the_unknown_and_say_why() -> None:
    figure = partner_sectors(_two_partners())
    assert figure.row("public").ids == ("gov",)
    assert figure.total == 2
    assert [(omission.reason, omission.ids) for omission in figure.left_out] == [
        ("unknown sector: neither a sector nor an organisation type", ("firm",))
    ]


def test_a_partnership_with_a_partner_of_unknown_sector_is_not_judged_single_sector() -> None:
    (mix,) = sector_mixes(_two_partners())
    assert [row.key for row in mix.sectors] == ["public"]
    assert mix.unknown_partner_ids == ("firm",)
    assert mix.cross_sector is None  # the firm could bring a second sector


def test_bridges_and_graph_have_no_sector_for_the_unknown() -> None:
    bridges = {bridge.partner_id: bridge for bridge in sector_bridges(_two_partners())}
    assert bridges["firm"].sector is None
    assert bridges["firm"].sectors == ("public",)
    assert bridges["gov"].sectors == ()
    graph = partnership_graph(_two_partners())
    assert "sector" not in graph.nodes["partner:firm"]
    assert graph.nodes["partner:gov"]["sector"] == "public"


def test_the_summary_counts_the_unknown_sector_last() -> None:
    assert summarise(_two_partners()).partners_by_sector == (("public", 1), ("unknown", 1))


def test_the_strategies_draw_partners_without_a_type() -> None:
    # The first example found is enough: shrinking a dataset would take minutes.
    found = find(
        datasets(max_size=2, consistent=False),
        lambda d: any(partner.organisation_type is None for partner in d.partners),
        settings=settings(max_examples=1000, phases=[Phase.generate], database=None),
    )
    assert any(partner.organisation_type is None for partner in found.partners)


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_size=2, consistent=False, version="1.0"))
def test_the_strategies_of_1_0_never_leave_the_type_out(dataset: Dataset) -> None:
    assert all(partner.organisation_type is not None for partner in dataset.partners)
