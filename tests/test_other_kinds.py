"""Files of another kind given as exchange files are named for what they are."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from partnering import validate
from partnering.cli import main


def _workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


KINDS = {
    "xlsx": (_workbook(), "an Excel workbook (.xlsx)"),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "Excel 97-2003 workbook (.xls)"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
    "html": (b"<!DOCTYPE html>\n<html><body>Please sign in</body></html>", "a web page (HTML)"),
    "iati": (b'<?xml version="1.0"?>\n<iati-activities/>', "an XML document"),
    "yaml": (b'schema_version: "1.0"\ntitle: Platforms in Kenya\n', "YAML"),
    "yaml-document": (b"---\npartners:\n  - id: tpi\n", "YAML"),
    "csv": (b'id,name,country\ntpi,"Partnering Initiative, The",GB\n', "(CSV)"),
    "csv-excel-bom": (b"\xef\xbb\xbfid;name\r\ntpi;TPI\r\n", "(CSV)"),
    "tsv": (b"id\tname\ntpi\tTPI\n", "(CSV)"),
}


@pytest.mark.parametrize("case", sorted(KINDS))
def test_a_file_of_another_kind_gets_one_issue_that_names_its_kind(case: str) -> None:
    data, name = KINDS[case]
    report = validate(data)
    assert [issue.code for issue in report.issues] == ["json-other-format"]
    issue = report.issues[0]
    assert issue.message.startswith("This is not a JSON exchange file: it looks like ")
    assert name in issue.message
    assert issue.hint


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ('{"schema_version": "1.0",}', "json-syntax"),  # meant as JSON: the syntax is wrong
        ("[1, 2]", "json-not-object"),
        ('"a text"', "json-not-object"),
        ("hello there", "json-syntax"),  # prose is neither a table nor YAML
        ("\ufeff{}", "json-encoding"),
    ],
)
def test_a_broken_json_file_keeps_its_own_error(document: str, code: str) -> None:
    report = validate(document.encode("utf-8"))
    assert report.issues[0].code == code


def test_the_verdict_names_no_format_for_a_file_that_could_not_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "partners.csv"
    table.write_bytes(KINDS["csv"][0])
    valid = tmp_path / "valid.json"
    valid.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    assert main(["validate", "--color", "never", str(table), str(valid)]) == 1
    out = capsys.readouterr().out
    assert f"{table} is not valid: 1 error\n" in out
    assert "it looks like a table of comma-, semicolon- or tab-separated values (CSV)" in out
    assert f"{valid} is valid (format 1.0)" in out
