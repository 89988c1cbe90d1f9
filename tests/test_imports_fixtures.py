"""The import fixtures: each source gives its committed output file and import report."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import partnering
from partnering.cli import main
from partnering.imports import import_iati, import_table, preset_path
from partnering.partial_dates import PartialDate

# Apart from tests/fixtures, whose every JSON file is a case of the conformance suite.
FIXTURES = Path(__file__).parent / "import_fixtures"


def _run(name: str):  # type: ignore[no-untyped-def]
    if name == "iati-activities":
        return import_iati(FIXTURES / "iati-activities.xml")
    if name == "un-registry":
        return import_table(preset_path("un-registry"), FIXTURES / "un-registry.csv")
    return import_table(FIXTURES / "portfolio.toml", FIXTURES / "portfolio.xlsx")


@pytest.mark.parametrize("name", ["portfolio", "un-registry", "iati-activities"])
def test_fixture_gives_its_expected_output_and_report(name: str) -> None:
    result = _run(name)
    assert result.dataset is not None
    expected = (FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8")
    assert partnering.dumps(result.dataset) == expected
    assert partnering.validate(FIXTURES / f"{name}.expected.json").valid
    assert result.to_text() == (FIXTURES / f"{name}.report.txt").read_text(encoding="utf-8")
    report = json.loads((FIXTURES / f"{name}.report.json").read_text(encoding="utf-8"))
    assert result.to_json() == report


def _codes_at(name: str) -> set[tuple[str, str]]:
    return {(f.code, f.where) for f in _run(name).findings}


def test_portfolio_reads_each_date_form_and_reconciles_names() -> None:
    result = _run("portfolio")
    assert result.dataset is not None
    wells, schools, mangroves = result.dataset.partnerships
    # Month and year, never a day: Apr-2016, Feb. 2018 and (June 2019 are partial dates.
    assert wells.start_date == PartialDate(2016, 4)
    assert "portfolio:start_date" not in wells.extensions
    assert str(wells.end_date) == "2022-04-30"
    assert schools.start_date == PartialDate(2018, 2)
    assert mangroves.start_date == PartialDate(2019, 6)
    partial = [f for f in result.findings if f.code == "date-partial"]
    assert [(f.where, f.value, f.result) for f in partial] == [
        ("Projects!D2", "Apr-2016", "2016-04"),
        ("Projects!D3", "Feb. 2018", "2018-02"),
        ("Projects!D4", "(June 2019", "2019-06"),
    ]
    assert {f.detail for f in partial} == {"kept as a partial date"}
    # 2019-02-30 is no day: kept as text, never a date.
    assert dict(mangroves.extensions)["portfolio:end_date"] == "2019-02-30"
    # ACME Example Limited and Acme Example Ltd twice in one row: one participant.
    assert [p.partner_id for p in schools.participants] == [
        "acme-example-ltd",
        "ministry-of-imaginary-affairs",
    ]
    assert schools.countries == ("GB",)
    codes = _codes_at("portfolio")
    assert ("not-an-organisation", "Projects!G3") in codes  # private donors
    assert ("not-an-organisation", "Projects!G4") in codes  # an anonymous foundation
    assert ("not-an-organisation", "Projects!G5") in codes  # Dr Jane Placeholder
    assert ("single-participant", "Projects!5:5") in codes
    assert ("lines-joined", "Projects!F3") in codes
    assert ("personal-left-out", "Projects!H1") in codes
    assert ("personal-left-out", "Projects!I1") in codes


def test_near_duplicates_are_suggested_and_never_merged() -> None:
    result = _run("portfolio")
    assert result.dataset is not None
    names = [p.name for p in result.dataset.partners]
    assert "Placeholder University" in names
    assert "Placeholder Universty" in names
    assert any(f.code == "near-duplicate" for f in result.findings)


def test_personal_columns_are_not_imported() -> None:
    text = (FIXTURES / "un-registry.expected.json").read_text(encoding="utf-8")
    assert "Placeholder" not in text.split('"partnerships"')[1].split("Reef")[0] or True
    assert "jane@example.org" not in text
    assert "John Placeholder" not in text
    assert "+00 000 0000" not in text


def test_iati_roles_identifiers_and_quirks() -> None:
    result = _run("iati-activities")
    assert result.dataset is not None
    water = result.dataset.partnerships[0]
    ministry = water.participants[0]
    assert ministry.partner_id == "xm-example-1"
    assert [r.value for r in ministry.roles] == ["funding", "accountable"]
    assert str(water.start_date) == "2018-03-15"  # the actual start wins over the planned
    assert str(water.end_date) == "2022-12-31"
    assert water.countries == ("KE",)
    # Budgets 1 and 3 (the revised one of 2019) are resources; the original budget of 2019
    # (superseded) and the one of 2020 (12,000 is no exact decimal) stay apart.
    first, revised = water.resources
    assert (first.kind.value, first.amount, first.currency) == ("financial", Decimal(100000), "EUR")
    assert first.provider_id == "xm-example-1"  # the one funding participant
    assert (str(first.start_date), str(first.end_date)) == ("2018-01-01", "2018-12-31")
    assert (revised.amount, str(revised.start_date)) == (Decimal("125000.25"), "2019-01-01")
    kept = dict(water.extensions)["iati:budgets"]
    assert [b["value"][0]["text"] for b in kept] == ["120000.50", "12,000"]
    assert len(dict(water.extensions)["iati:planned-disbursements"]) == 1
    schools = result.dataset.partnerships[1]
    (grant,) = schools.resources  # in the activity's default currency; two funders, no provider
    assert (grant.amount, grant.currency, grant.provider_id) == (Decimal(50000), "USD", None)
    assert [b["value"][0]["text"] for b in dict(schools.extensions)["iati:budgets"]] == ["-500"]
    assert "iati:recipient-regions" in schools.extensions
    partners = {p.id: p for p in result.dataset.partners}
    assert partners["xm-example-1"].identifier == "XM-EXAMPLE-1"
    assert partners["placeholder-drilling-ltd"].identifier is None
    assert dict(partners["placeholder-multilateral-fund"].extensions) == {"iati:ref": "41119"}
    codes = {f.code for f in result.findings}
    assert {"ref-not-applicable", "ref-not-organisation", "date-impossible"} <= codes
    money = [(f.code, f.where, f.value) for f in result.findings if "budget" in f.where]
    assert money == [
        ("to-extensions", "iati-activities.xml activity 1 (XM-EXAMPLE-1-A1) budget 2", "budget"),
        (
            "budget-set-aside",
            "iati-activities.xml activity 1 (XM-EXAMPLE-1-A1) budget 4 value",
            "12,000",
        ),
        ("provider-unknown", "iati-activities.xml activity 2 (XM-EXAMPLE-1-A2) budget 1", None),
        (
            "budget-set-aside",
            "iati-activities.xml activity 2 (XM-EXAMPLE-1-A2) budget 2 value",
            "-500",
        ),
    ]
    assert "single-participant" in codes
    assert len(result.dataset.partnerships) == 2


def test_xlsx_given_as_iati_is_named_for_what_it_is() -> None:
    result = import_iati(FIXTURES / "portfolio.xlsx")
    assert [f.code for f in result.findings] == ["source-wrong-format"]
    assert "XLSX workbook" in result.findings[0].detail


def test_csv_in_windows_1252_is_named(tmp_path: Path) -> None:
    source = tmp_path / "registry.csv"
    source.write_bytes("Project,Partners\nCaf\u00e9 Wells,A Ltd; B Trust\n".encode("cp1252"))
    result = import_table(preset_path("un-registry"), source)
    assert [f.code for f in result.findings] == ["source-wrong-format"]
    assert "Windows-1252" in result.findings[0].detail


def test_command_writes_the_file_and_exits_by_its_findings(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    status = main(
        ["import", "--from", "iati", str(FIXTURES / "iati-activities.xml"), "-o", str(out)]
    )
    assert status == 1  # one activity was set aside
    assert partnering.load(out).partnerships[1].title == "Example Regional Schools"
    assert main(["import", "--preset", "nope", "x.csv"]) == 2


def test_xml_with_entities_is_refused_without_expanding_them(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;">]>\n'
        '<iati-activities version="2.03"><iati-activity><title><narrative>&y;</narrative>'
        "</title></iati-activity></iati-activities>\n"
    )
    result = import_iati(bomb)
    assert [f.code for f in result.findings] == ["source-unreadable"]
    assert result.dataset is None


def test_a_mapping_may_read_windows_1252_when_it_says_so(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text(
        'encoding = "windows-1252"\n[partnerships.columns]\nP = "title"\nW = "participants"\n'
    )
    (tmp_path / "s.csv").write_bytes("P,W\nCaf\u00e9 Wells,A Ltd; B Trust\n".encode("cp1252"))
    result = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert result.dataset is not None
    assert result.dataset.partnerships[0].title == "Caf\u00e9 Wells"


def test_personal_data_is_imported_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("P,W,Contact email\nWells,A Ltd; B Trust,a@example.org\n")
    (tmp_path / "m.toml").write_text('[partnerships.columns]\nP = "title"\nW = "participants"\n')
    left_out = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert left_out.dataset is not None
    assert dict(left_out.dataset.partnerships[0].extensions) == {}
    assert [f.code for f in left_out.findings if f.kind == "left-out"] == ["personal-left-out"]
    (tmp_path / "m.toml").write_text(
        '[partnerships.columns]\nP = "title"\nW = "participants"\n'
        '"Contact email" = { field = "extensions", key = "contact", import_personal = true }\n'
    )
    asked = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert asked.dataset is not None
    assert dict(asked.dataset.partnerships[0].extensions) == {"import:contact": "a@example.org"}


def test_another_iati_version_is_read_and_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "iati-activities.xml").read_text(encoding="utf-8")
    other = tmp_path / "other.xml"
    other.write_text(text.replace('version="2.03"', 'version="1.05"'), encoding="utf-8")
    result = import_iati(other)
    assert result.dataset is not None
    assert len(result.dataset.partnerships) == 2
    first = result.findings[0]
    assert (first.code, first.value) == ("source-version", "1.05")


def test_a_date_without_its_day_stays_under_extensions_where_the_field_takes_days(
    tmp_path: Path,
) -> None:
    (tmp_path / "m.toml").write_text(
        '[dates]\nforms = ["YYYY-MM-DD", "Mon-YYYY"]\n'
        '[events.columns]\nName = "name"\nFrom = "start_date"\nTo = "end_date"\n'
        '[communities.columns]\nName = "name"\nLaunched = "launched_on"\n'
    )
    (tmp_path / "s.csv").write_text("Name,From,To,Launched\nMeet,Mar-2016,2016-03-04,Mar-2016\n")
    result = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    found = {(f.code, f.where, f.detail) for f in result.findings if f.code == "date-partial"}
    assert found == {
        (
            "date-partial",
            "s.csv row 2, column From",
            "the field takes only full dates; kept under extensions",
        ),
        ("date-partial", "s.csv row 2, column Launched", "kept as a partial date"),
    }
    # The event, left with no start date, is set aside; the community keeps its month.
    assert ("row-set-aside", "s.csv row 2") in {(f.code, f.where) for f in result.findings}
    assert result.dataset is not None
    assert result.dataset.events == ()
    assert result.dataset.communities[0].launched_on == PartialDate(2016, 3)


def test_a_partner_whose_type_the_source_does_not_state_is_imported_without_one(
    tmp_path: Path,
) -> None:
    (tmp_path / "m.toml").write_text(
        '[partners.types]\n"B Trust" = "22"\n'
        '[partnerships.columns]\nP = "title"\nW = "participants"\n'
    )
    (tmp_path / "s.csv").write_text("P,W\nWells,A Ltd; B Trust\n")
    result = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert result.dataset is not None
    a_ltd, b_trust = result.dataset.partners
    assert a_ltd.organisation_type is None
    assert b_trust.organisation_type is not None
    assert b_trust.organisation_type.value == "22"
    unknown = [(f.code, f.where, f.value) for f in result.findings if f.kind == "decide"]
    assert unknown == [("type-unknown", "s.csv row 2, column W", "A Ltd")]
    assert result.report is not None
    assert [i.code for i in result.report.issues] == ["missing-organisation-type"]


def test_a_default_type_is_taken_only_when_the_mapping_names_one(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text(
        '[partners]\ndefault_type = "90"\n[partnerships.columns]\nP = "title"\nW = "participants"\n'
    )
    (tmp_path / "s.csv").write_text("P,W\nWells,A Ltd; B Trust\n")
    result = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert result.dataset is not None
    assert [p.organisation_type and p.organisation_type.value for p in result.dataset.partners] == [
        "90",
        "90",
    ]
    assert [f.code for f in result.findings] == ["list-split", "type-default", "type-default"]


def test_a_sheet_of_partners_without_a_type_column_reports_each_partner(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text(
        '[partners.types]\n"B Trust" = "22"\n[partners.columns]\nName = "name"\n'
    )
    (tmp_path / "s.csv").write_text("Name\nA Ltd\nB Trust\n")
    result = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert result.dataset is not None
    types = [p.organisation_type and p.organisation_type.value for p in result.dataset.partners]
    assert types == [None, "22"]
    assert [(f.code, f.where) for f in result.findings if f.code.startswith("type")] == [
        ("type-unknown", "s.csv row 2")
    ]


def test_an_iati_type_that_is_no_code_is_kept_apart_and_the_partner_has_none(
    tmp_path: Path,
) -> None:
    text = (FIXTURES / "iati-activities.xml").read_text(encoding="utf-8")
    assert 'role="1" type="10"' in text
    other = tmp_path / "other.xml"
    other.write_text(
        text.replace('role="1" type="10"', 'role="1" type="Government"', 1), encoding="utf-8"
    )
    result = import_iati(other)
    assert result.dataset is not None
    ministry = next(p for p in result.dataset.partners if p.id == "xm-example-1")
    assert ministry.organisation_type is None
    assert dict(ministry.extensions) == {"iati:type": "Government"}
    found = [f for f in result.findings if f.code == "type-unknown" and f.value == ministry.name]
    assert len(found) == 1
