"""The spreadsheet commands: convert, template, and validate on workbooks and CSV folders."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import hostile_workbooks as hostile
from partnering import dumps, example_path, load
from partnering.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_convert_goes_json_xlsx_csv_and_back_to_the_same_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """JSON -> XLSX -> CSV -> JSON writes the very text partnering.dumps writes."""
    assert run(capsys, "convert", example_path(), tmp_path / "a.xlsx")[0] == 0
    assert run(capsys, "convert", tmp_path / "a.xlsx", tmp_path / "csv")[0] == 0
    status, out, _ = run(capsys, "convert", tmp_path / "csv", tmp_path / "back.json")
    assert status == 0
    assert out == f"wrote {tmp_path / 'back.json'} from {tmp_path / 'csv'}\n"
    expected = dumps(load(example_path()))
    assert (tmp_path / "back.json").read_text(encoding="utf-8") == expected


def test_convert_refuses_an_invalid_input_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Findings give status 1, the issues with their cells, and no output file."""
    source = hostile.number_for_text(tmp_path)
    status, out, err = run(capsys, "convert", source, tmp_path / "out.json")
    assert status == 1
    assert "Partners!A2: partner 'One' (/partners/0/id)" in out
    assert "nothing written" in err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("make", [hostile.old_xls, hostile.encrypted, hostile.entity_expansion])
def test_convert_and_validate_give_2_for_files_they_cannot_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object
) -> None:
    """An old .xls, an encrypted workbook and unsafe XML are read errors: status 2."""
    assert callable(make)
    source = make(tmp_path)
    assert run(capsys, "convert", source, tmp_path / "out.json")[0] == 2
    status, _, err = run(capsys, "validate", source)
    assert status == 2
    assert err.startswith("partnering: ")
    assert not (tmp_path / "out.json").exists()


def test_convert_needs_an_output_it_can_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An output named .txt is a usage error."""
    status, _, err = run(capsys, "convert", example_path(), tmp_path / "out.txt")
    assert status == 2
    assert "cannot tell what to write" in err


def test_convert_never_writes_into_a_folder_with_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A CSV folder that exists with files in it is refused: status 2."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("keep", encoding="utf-8")
    status, _, err = run(capsys, "convert", example_path(), tmp_path / "out")
    assert status == 2
    assert "not an empty folder" in err


def test_validate_reports_cells_in_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The JSON report gives each issue's cell."""
    source = hostile.formula(tmp_path)
    status, out, _ = run(capsys, "validate", "--format", "json", source)
    assert status == 1
    issues = json.loads(out)["files"][0]["issues"]
    assert [(issue["code"], issue["cell"]) for issue in issues] == [
        ("sheet-formula", "Partners!B2"),
        ("missing-field", "Partners!B2"),
    ]


def test_template_writes_dropdowns_notes_and_text_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The template's code columns have dropdowns from the hidden Codes sheet."""
    status, out, _ = run(capsys, "template", tmp_path / "t.xlsx")
    assert status == 0
    assert out == f"wrote {tmp_path / 't.xlsx'}: an empty workbook for data entry\n"
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames[:3] == ["README", "Meta", "Platforms"]
    assert book["Codes"].sheet_state == "hidden"
    partners = book["Partners"]
    headers = [cell.value for cell in partners[1]]
    assert headers[:3] == ["id", "name", "organisation_type"]
    assert partners["A1"].font.b
    assert partners["A1"].fill.fgColor.rgb.endswith("FFF2CC")  # required
    assert not partners["D1"].fill.fgColor.rgb.endswith("FFF2CC")  # sector: optional
    assert partners["C1"].comment is not None
    assert "Codes: 10 (Government" in partners["C1"].comment.text
    assert partners.column_dimensions["A"].number_format == "@"
    formulas = [validation.formula1 for validation in partners.data_validations.dataValidation]
    codes = book["Codes"]
    column = next(cell.column_letter for cell in codes[1] if cell.value == "OrganisationType")
    assert f"=Codes!${column}$2:${column}$17" in formulas


def test_template_for_an_unknown_framework_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The message lists the frameworks there are."""
    status, _, err = run(capsys, "template", "--assessment", "nope", tmp_path / "a.xlsx")
    assert status == 2
    assert "no framework has the id 'nope' (known: tpi-platforms-2014-provisional)" in err
    assert not (tmp_path / "a.xlsx").exists()


def test_template_and_convert_never_replace_a_file_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A filled-in workbook is not lost to a new template; --force replaces it."""
    target = tmp_path / "filled.xlsx"
    target.write_bytes(b"what the respondent typed")
    status, _, err = run(capsys, "template", target)
    assert status == 2
    assert "it exists" in err
    assert run(capsys, "convert", example_path(), target)[0] == 2
    assert target.read_bytes() == b"what the respondent typed"
    assert run(capsys, "template", "--force", target)[0] == 0
    assert run(capsys, "convert", "--force", example_path(), target)[0] == 0
    assert target.read_bytes()[:2] == b"PK"


# --- The commands that read one valid file read workbooks and CSV folders too ---------------


@pytest.mark.parametrize("form", ["a.xlsx", "csv"])
@pytest.mark.parametrize("command", ["summary", "stats"])
def test_commands_of_one_file_read_a_workbook_as_the_json_it_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, form: str
) -> None:
    """A workbook or CSV folder gets the summary and the figures its JSON gets."""
    assert run(capsys, "convert", example_path(), tmp_path / form)[0] == 0
    status, from_json, _ = run(capsys, command, example_path())
    assert status == 0
    status, from_sheets, err = run(capsys, command, tmp_path / form)
    assert (status, err) == (0, "")
    # The label differs (the example's path against the workbook's); the figures do not.
    assert from_sheets.replace(str(tmp_path / form), str(example_path())) == from_json
    assert from_json.count("\n") > 5


def test_summary_of_an_invalid_workbook_names_the_cells(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = hostile.number_for_text(tmp_path)
    status, out, err = run(capsys, "summary", source)
    assert (status, out) == (1, "")
    assert "is not valid" in err
    assert "Partners!A2: partner 'One' (/partners/0/id)" in err


@pytest.mark.parametrize("make", [hostile.old_xls, hostile.encrypted, hostile.entity_expansion])
def test_summary_and_stats_give_2_for_workbooks_they_cannot_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object
) -> None:
    assert callable(make)
    source = make(tmp_path)
    for command in ("summary", "stats"):
        status, out, err = run(capsys, command, source)
        assert (status, out) == (2, "")
        assert err.startswith("partnering: ")
        assert "Traceback" not in err
