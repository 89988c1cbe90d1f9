"""Untrusted workbooks and CSV files: each hostile case gives its exact issue at its cell."""

from __future__ import annotations

from pathlib import Path

import pytest

import hostile_workbooks as hostile
from partnering.sheets import Limits, check_sheets


def found(path: Path, limits: Limits | None = None) -> list[tuple[str, str, str | None]]:
    dataset, report = check_sheets(path, limits=limits)
    if not report.valid:
        assert dataset is None
    return [(issue.code, issue.severity.value, issue.cell) for issue in report.issues]


def test_a_valid_workbook_gives_no_issue(tmp_path: Path) -> None:
    """The base of every hostile case is itself valid."""
    assert found(hostile.saved(hostile.workbook(), tmp_path / "ok.xlsx")) == []


def test_an_entity_expansion_is_refused_before_parsing(tmp_path: Path) -> None:
    """A document type in any part stops the reading; nothing is parsed."""
    path = hostile.entity_expansion(tmp_path)
    assert found(path) == [("sheet-unsafe-xml", "error", None)]
    message = check_sheets(path)[1].issues[0].message
    assert "'xl/worksheets/sheet2.xml'" in message


def test_a_zip_bomb_is_refused_from_its_sizes(tmp_path: Path) -> None:
    """A part compressed a thousandfold is refused before it is unpacked."""
    path = hostile.zip_bomb(tmp_path)
    assert found(path) == [("sheet-too-large", "error", None)]
    assert "may be a zip bomb" in check_sheets(path)[1].issues[0].message


def test_the_unpacked_size_has_a_limit(tmp_path: Path) -> None:
    """A workbook that unpacks to more than the limit is refused."""
    path = hostile.saved(hostile.workbook(), tmp_path / "ok.xlsx")
    assert found(path, Limits(max_unpacked=1000)) == [("sheet-too-large", "error", None)]


def test_rows_beyond_the_limit_are_reported_and_not_read(tmp_path: Path) -> None:
    """With a limit of 4 rows, row 5 is named and the partners after it are not read."""
    path = hostile.many_rows(tmp_path)
    assert found(path, Limits(max_rows=4)) == [
        ("sheet-too-many-rows", "error", "Partners!A5"),
    ]
    dataset, _ = check_sheets(path, limits=Limits(max_rows=11))
    assert dataset is not None
    assert len(dataset.partners) == 10


def test_a_formula_is_reported_at_its_cell_and_never_evaluated(tmp_path: Path) -> None:
    """The formula's cell is read as empty, so the partner's name is missing there too."""
    assert found(hostile.formula(tmp_path)) == [
        ("sheet-formula", "error", "Partners!B2"),
        ("missing-field", "error", "Partners!B2"),
    ]


def test_merged_cells_are_reported_at_their_first_cell(tmp_path: Path) -> None:
    """Only the first cell of a merged range holds a value; the second partner lacks one."""
    assert found(hostile.merged(tmp_path)) == [
        ("sheet-merged-cells", "error", "Partners!C2"),
        ("missing-field", "error", "Partners!C3"),
    ]


def test_hidden_sheets_and_rows_are_read_with_a_warning(tmp_path: Path) -> None:
    """Hidden data is still data: read, and pointed out."""
    path = hostile.hidden_sheet_and_row(tmp_path)
    assert found(path) == [
        ("sheet-hidden", "warning", "Partners!A3"),
        ("sheet-hidden", "warning", "Partners!A1"),
    ]
    dataset, _ = check_sheets(path)
    assert dataset is not None
    assert [partner.id for partner in dataset.partners] == ["tpi", "gov-ke"]


def test_a_number_where_text_belongs_is_reported_at_its_cell(tmp_path: Path) -> None:
    """The id 001 typed into a General cell became the number 1; the issue says so."""
    _, report = check_sheets(hostile.number_for_text(tmp_path))
    (issue,) = report.issues
    assert (issue.code, issue.cell, issue.pointer) == (
        "sheet-not-text",
        "Partners!A2",
        "/partners/0/id",
    )
    assert issue.record == "partner 'One'"
    assert issue.message == "'id' must be text, but the cell holds 1"
    assert "'001" in issue.hint


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (hostile.old_xls, "sheet-old-xls"),
        (hostile.encrypted, "sheet-encrypted"),
        (hostile.not_a_workbook, "sheet-not-a-workbook"),
    ],
)
def test_files_that_are_not_workbooks_are_named(tmp_path: Path, make: object, code: str) -> None:
    """An old .xls, a password-protected workbook and a renamed text file each get their code."""
    assert callable(make)
    assert found(make(tmp_path)) == [(code, "error", None)]


def test_csv_in_windows_1252_is_named_as_such(tmp_path: Path) -> None:
    """The issue names the file, the line, the byte, and Excel's Windows code page."""
    _, report = check_sheets(hostile.windows_1252_csv(tmp_path))
    (issue,) = report.issues
    assert (issue.code, issue.cell) == ("csv-encoding", "Partners.csv!A2")
    assert issue.message.startswith("Partners.csv is not UTF-8: line 2 has the byte 0xE9")
    assert "Windows-1252" in issue.message
    assert "CSV UTF-8" in issue.hint


def test_a_byte_order_mark_is_accepted_in_csv(tmp_path: Path) -> None:
    """Excel's 'CSV UTF-8' starts with a byte-order mark, which is read past."""
    folder = tmp_path / "bom"
    folder.mkdir()
    (folder / "Meta.csv").write_bytes(b"\xef\xbb\xbffield,value\r\nschema_version,1.0\r\n")
    (folder / "Partners.csv").write_bytes(
        "\ufeffid,name,organisation_type\r\nsoc,Société Générale,70\r\n".encode()
    )
    dataset, report = check_sheets(folder)
    assert report.issues == ()
    assert dataset is not None
    assert dataset.partners[0].name == "Société Générale"


def test_unknown_headers_sheets_and_orphan_rows_are_named(tmp_path: Path) -> None:
    """A misspelt header (with a suggestion), a stray sheet and a member of no platform."""
    book = hostile.workbook()
    book["Partners"]["D1"] = "webiste"
    book["Partners"]["D2"] = "https://example.org"
    book.create_sheet("Partner")
    members = book.create_sheet("Platforms_members")
    members.append(["platform.id", "partner_id", "roles"])
    members.append(["zbdf", "tpi", "member"])
    _, report = check_sheets(hostile.saved(book, tmp_path / "typos.xlsx"))
    assert sorted((issue.code, issue.cell, issue.message) for issue in report.issues) == [
        ("sheet-orphan-row", "Platforms_members!A2", "no platforms record has the id 'zbdf'"),
        (
            "sheet-unknown-column",
            "Partners!D1",
            "the column 'webiste' is not a field of Partners (did you mean 'website'?)",
        ),
        (
            "sheet-unknown-sheet",
            "Partner!A1",
            "the sheet 'Partner' is not part of the layout; it is not read",
        ),
    ]


def test_openpyxl_parses_through_defusedxml() -> None:
    """The sheets extra brings defusedxml, which openpyxl then parses every part with."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


def test_a_repeated_header_and_a_list_ending_in_a_backslash_are_named(tmp_path: Path) -> None:
    """Two 'name' columns, and a countries cell whose last backslash escapes nothing.

    The cell that cannot be split is kept as its text, which validation then finds is no list.
    """
    book = hostile.workbook([["tpi", "TPI", "21", "TPI again", "GB\\"]])
    book["Partners"]["D1"] = "name"
    book["Partners"]["E1"] = "country"
    platforms = book.create_sheet("Platforms")
    platforms.append(["id", "name", "scope", "hosting_model", "countries"])
    platforms.append(["p", "P", "national", "government_led", "KE; TZ\\"])
    path = hostile.saved(book, tmp_path / "lists.xlsx")
    assert found(path) == [
        ("sheet-bad-list", "error", "Platforms!E2"),
        ("sheet-duplicate-column", "error", "Partners!D1"),
        ("wrong-type", "error", "Platforms!E2"),
        ("unknown-code", "error", "Partners!E2"),
    ]


def test_a_csv_file_with_an_unclosed_quote_is_named(tmp_path: Path) -> None:
    """The parser's complaint comes with the file and the row it reached."""
    folder = tmp_path / "quote"
    folder.mkdir()
    (folder / "Meta.csv").write_bytes(b"field,value\r\nschema_version,1.0\r\n")
    (folder / "Partners.csv").write_bytes(b'id,name\r\ntpi,"The Partnering\r\n')
    assert found(folder) == [("csv-syntax", "error", "Partners.csv!A2")]
