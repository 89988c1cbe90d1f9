"""Hostile workbooks and CSV files, made with openpyxl and zipfile rather than kept as blobs.

Each maker writes one case of untrusted input into a folder and returns its path; the tests
in ``test_sheets_hostile.py`` say the exact issue and cell each must give.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

PARTNERS = ["id", "name", "organisation_type"]
ROWS = [["tpi", "The Partnering Initiative", "21"], ["gov-ke", "Government of Kenya", "10"]]


def workbook(rows: list[list[Any]] | None = None) -> openpyxl.Workbook:
    """A small valid workbook: Meta, and two partners."""
    book = openpyxl.Workbook()
    meta: Any = book.active
    meta.title = "Meta"
    meta.append(["field", "value"])
    meta.append(["schema_version", "1.0"])
    partners = book.create_sheet("Partners")
    partners.append(PARTNERS)
    for row in ROWS if rows is None else rows:
        partners.append(row)
    return book


def saved(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)
    return path


def rewritten(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """Rewrite one part of a workbook's zip archive."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            target.writestr(member, change(data) if member.filename == part else data)
    path.write_bytes(buffer.getvalue())
    return path


def entity_expansion(folder: Path) -> Path:
    """A 'billion laughs' document type declared in a worksheet."""
    path = saved(workbook(), folder / "laughs.xlsx")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    return rewritten(
        path,
        "xl/worksheets/sheet2.xml",
        lambda data: laughs + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data),
    )


def zip_bomb(folder: Path) -> Path:
    """A workbook with a part of 8 MiB of zeros, which compresses a thousandfold."""
    path = saved(workbook(), folder / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (8 << 20))
    return path


def formula(folder: Path) -> Path:
    """A name computed by a formula."""
    book = workbook()
    book["Partners"]["B2"] = '=CONCATENATE("The ", "Partnering Initiative")'
    return saved(book, folder / "formula.xlsx")


def merged(folder: Path) -> Path:
    """The organisation type of both partners in one merged cell."""
    book = workbook()
    book["Partners"].merge_cells("C2:C3")
    return saved(book, folder / "merged.xlsx")


def hidden_sheet_and_row(folder: Path) -> Path:
    """The Partners sheet hidden, and its third row too."""
    book = workbook()
    book["Partners"].sheet_state = "hidden"
    book["Partners"].row_dimensions[3].hidden = True
    return saved(book, folder / "hidden.xlsx")


def number_for_text(folder: Path) -> Path:
    """An id typed as 001 in a column not formatted as text: the number 1."""
    return saved(workbook([[1, "One", "21"], ["two", "Two", "10"]]), folder / "number.xlsx")


def old_xls(folder: Path) -> Path:
    """The first bytes of an Excel 97-2003 file: an OLE compound document."""
    path = folder / "old.xls"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le")
    )
    return path


def encrypted(folder: Path) -> Path:
    """A password-protected workbook: an OLE file with EncryptionInfo and EncryptedPackage."""
    path = folder / "secret.xlsx"
    streams = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + streams)
    return path


def not_a_workbook(folder: Path) -> Path:
    path = folder / "text.xlsx"
    path.write_text("id,name\n", encoding="utf-8")
    return path


def many_rows(folder: Path) -> Path:
    rows = [[f"p{number}", f"Partner {number}", "21"] for number in range(10)]
    return saved(workbook(rows), folder / "rows.xlsx")


def windows_1252_csv(folder: Path) -> Path:
    """A CSV folder whose Partners.csv Excel saved on Windows as 'CSV (Comma delimited)'."""
    target = folder / "csv"
    target.mkdir()
    (target / "Meta.csv").write_bytes(b"field,value\r\nschema_version,1.0\r\n")
    (target / "Partners.csv").write_bytes(
        "id,name,organisation_type\r\nsoc,Société Générale,70\r\n".encode("cp1252")
    )
    return target
