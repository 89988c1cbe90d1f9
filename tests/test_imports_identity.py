"""What ``partnering convert`` writes, the identity mapping reads back: every dataset drawn.

The datasets are drawn by ``partnering.strategies`` in the newest format (partial dates,
organisation types left out, resources, respondents and subdivisions included), written with
the functions ``partnering convert`` calls (a CSV folder, and a workbook), and imported with
the identity mapping, and compared with the dataset drawn: its own fields (from the ``Meta``
sheet) and every list, with the records' own lists (participants, resources, ratings,
respondents, members, sources). No shape is left out.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

import partnering
from partnering.codelists import OrganisationType, ResourceKind
from partnering.imports import identity_mapping, import_table
from partnering.imports._mapping import parse_mapping
from partnering.models import Commitment, Participant, Partner, Partnership
from partnering.partial_dates import PartialDate
from partnering.sheets import write_csv_folder, write_workbook
from partnering.strategies import datasets

MAPPING, FINDINGS = parse_mapping(identity_mapping(), "identity.toml")


#: Datasets of the newest format.
DATASETS = datasets()

#: Few examples, and no shrinking: a drawn dataset writes and imports twenty-odd sheets.
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_the_identity_mapping_is_valid_and_names_every_list_and_every_sheet() -> None:
    assert FINDINGS == []
    assert MAPPING is not None
    names = {
        section.entity: [inner.entity for inner in section.lists] for section in MAPPING.sections
    }
    assert names["partnerships"] == [
        "participants",
        "resources",
        "deliverables",
        "progress_reports",
        "deliverable_progress",
        "sources",
    ]
    assert names["assessments"] == ["ratings", "respondents", "sources"]
    assert names["platforms"] == ["members", "sources"]
    assert len(names) == 10


def _imported(source: Path) -> partnering.Dataset | None:
    assert MAPPING is not None
    result = import_table(MAPPING, source)
    assert [f for f in result.findings if f.severity == "error"] == []
    return result.dataset


@SETTINGS
@given(DATASETS)
def test_a_csv_folder_convert_writes_imports_back_with_the_identity_mapping(
    dataset: partnering.Dataset,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_csv_folder(dataset, Path(folder) / "out")
        assert _imported(Path(folder) / "out") == dataset


@settings(SETTINGS, max_examples=10)
@given(DATASETS)
def test_a_workbook_convert_writes_imports_back_with_the_identity_mapping(
    dataset: partnering.Dataset,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_workbook(dataset, Path(folder) / "out.xlsx")
        assert _imported(Path(folder) / "out.xlsx") == dataset


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_partial_date_a_resource_and_custom_data_come_back(kind: str) -> None:
    """A worked example of what the property covers, checked field by field."""
    partners = (
        Partner(id="a", name="A; B \\ C _x0041_", organisation_type=OrganisationType("10")),
        Partner(id="b", name="B", extensions={"x:n": [1, "2"], "x:t": "5"}),
    )
    partnership = Partnership(
        id="p",
        title="P",
        participants=(Participant(partner_id="a"), Participant(partner_id="b", lead=True)),
        start_date=PartialDate(2016, 3),
        resources=(
            Commitment(
                kind=ResourceKind.FINANCIAL, amount=Decimal("0.10"), currency="KES", provider_id="a"
            ),
        ),
    )
    dataset = partnering.Dataset(
        title="Wells", partners=partners, partnerships=(partnership,), extensions={"x:y": 1}
    )
    with tempfile.TemporaryDirectory() as folder:
        if kind == "csv":
            write_csv_folder(dataset, Path(folder) / "out")
        else:
            write_workbook(dataset, Path(folder) / "out")
        back = _imported(Path(folder) / "out")
    assert back is not None
    assert (back.title, dict(back.extensions)) == ("Wells", {"x:y": 1})
    assert back.partners[0].name == "A; B \\ C _x0041_"
    assert dict(back.partners[1].extensions) == {"x:n": [1, "2"], "x:t": "5"}
    assert back.partners[1].organisation_type is None
    imported = back.partnerships[0]
    assert imported.start_date == PartialDate(2016, 3)
    assert [p.lead for p in imported.participants] == [None, True]
    (resource,) = imported.resources
    assert (resource.amount, str(resource.amount), resource.provider_id) == (
        Decimal("0.10"),
        "0.10",
        "a",
    )
    assert back == dataset
