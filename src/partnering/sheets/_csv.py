"""Folders of CSV files: one file per sheet, UTF-8, written atomically and read strictly.

Files are written in UTF-8 with a byte-order mark, which Excel needs to open them as UTF-8;
files are read with or without one. A file that is not UTF-8 is reported, and the common case
(Excel on Windows saving "CSV (Comma delimited)" in Windows-1252) is named.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from partnering._files import display_path, read_bytes
from partnering.errors import ReadError, WriteError
from partnering.report import Issue
from partnering.sheets._cells import CellValue
from partnering.sheets._tables import Table, sheet_issue
from partnering.sheets._xlsx import Limits, Workbook

__all__ = ["SUFFIX", "folder_tables", "read_folder", "write_folder"]

SUFFIX = ".csv"
_BOM = b"\xef\xbb\xbf"


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    writer.writerows([_text(value) for value in row] for row in table.rows)
    return _BOM + buffer.getvalue().encode("utf-8")


def folder_tables(tables: Iterable[Table]) -> dict[str, bytes]:
    """Write each table as the bytes of its CSV file, by file name."""
    return {table.title + SUFFIX: _csv_bytes(table) for table in tables}


def write_folder(path: str | os.PathLike[str], files: dict[str, bytes]) -> None:
    """Write a folder of files atomically: in a new folder beside it, then renamed.

    Raises:
        WriteError: the folder exists and is not empty, or cannot be written.
    """
    target = Path(path)
    shown = display_path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise WriteError(
            f"cannot write {shown!r}: it exists and is not an empty folder", path=shown
        )
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    except OSError as error:
        raise WriteError(f"cannot write {shown!r}: {error.strerror}", path=shown) from None
    try:
        for name, data in files.items():
            with (temporary / name).open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        if target.exists():
            target.rmdir()
        temporary.rename(target)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        raise WriteError(f"cannot write {shown!r}: {error.strerror}", path=shown) from None


def _encoding_issue(name: str, data: bytes, error: UnicodeDecodeError) -> Issue:
    line = data[: error.start].count(b"\n") + 1
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        guess = ""
    else:
        guess = (
            "; it looks like Windows-1252, as Excel on Windows saves 'CSV (Comma delimited)', "
            "where letters such as é and the € sign are single bytes"
        )
    message = f"{name} is not UTF-8: line {line} has the byte 0x{data[error.start]:02X}{guess}"
    return sheet_issue("csv-encoding", f"{name}!A{line}", message)


def _parse(
    name: str, data: bytes, limits: Limits, issues: list[Issue]
) -> list[tuple[int, list[CellValue]]]:
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        issues.append(_encoding_issue(name, body, error))
        return []
    rows: list[tuple[int, list[CellValue]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for number, row in enumerate(reader, start=1):
            if number > limits.max_rows:
                message = f"{name} has more than {limits.max_rows:,} rows; the rest are not read"
                issues.append(sheet_issue("sheet-too-many-rows", f"{name}!A{number}", message))
                break
            rows.append((number, [value if value else None for value in row]))
    except csv.Error as error:
        message = f"{name} cannot be parsed near line {reader.line_num}: {error}"
        issues.append(sheet_issue("csv-syntax", f"{name}!A{len(rows) + 1}", message))
    return rows


def read_folder(path: str | os.PathLike[str], limits: Limits, known: Iterable[str]) -> Workbook:
    """Read the CSV files of a folder as the rows of sheets, by title.

    Raises:
        ReadError: the folder cannot be listed, or holds no CSV file.
    """
    folder = Path(path)
    try:
        names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(SUFFIX))
    except OSError as error:
        shown = display_path(folder)
        raise ReadError(f"cannot read {shown!r}: {error.strerror}", path=shown) from None
    if not names:
        shown = display_path(folder)
        raise ReadError(f"cannot read {shown!r}: it is a directory with no CSV files", path=shown)
    titles = set(known)
    sheets: dict[str, list[tuple[int, list[CellValue]]]] = {}
    issues: list[Issue] = []
    for name in names:
        title = name[: -len(SUFFIX)]
        if title not in titles:
            message = f"the file {name} is not part of the layout; it is not read"
            issues.append(sheet_issue("sheet-unknown-sheet", f"{name}!A1", message))
            continue
        data = read_bytes(folder / name, max_bytes=limits.max_bytes)
        sheets[title] = _parse(name, data, limits, issues)
    return Workbook(sheets, issues)
