r"""Tables to import from, read through one small interface: sheets of rows of text.

A :class:`Table` gives each sheet's header and then its rows, each as the row's number and
its cells by column name. CSV files are read with the standard library, workbooks with
openpyxl in read-only mode (with defusedxml installed, so that their XML is parsed safely).
A file in another format than its name says is named for what it is.

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "projects.csv"
    >>> _ = path.write_bytes(b"\xef\xbb\xbfProject,Partners\nWater,A; B\n")
    >>> table = open_table(path)
    >>> table.sheets(), table.header("projects")
    (('projects',), ('Project', 'Partners'))
    >>> list(table.rows("projects"))
    [(2, {'Project': 'Water', 'Partners': 'A; B'})]
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from partnering._files import read_bytes
from partnering._json._kinds import OLE_SIGNATURE, PDF_SIGNATURE, ZIP_SIGNATURE
from partnering.sheets._places import column_letter
from partnering.sheets._xlsx import unescape_text

__all__ = ["SourceError", "Table", "open_table", "sniff"]

Row = tuple[int, dict[str, str]]


class SourceError(ValueError):
    """A source that cannot be read, with the code of the import report that says why."""

    def __init__(self, message: str, code: str = "source-unreadable") -> None:
        super().__init__(message)
        self.code = code


class Table(Protocol):
    """A source of rows: the one interface an import reads through."""

    def sheets(self) -> tuple[str, ...]:
        """The names of the sheets, in order; a CSV file has one, named after the file."""

    def header(self, sheet: str, header_row: int = 1) -> tuple[str, ...]:
        """The column names of a sheet, from its header row."""

    def rows(self, sheet: str, header_row: int = 1) -> Iterator[Row]:
        """Each row below the header: its number (from 1) and its non-empty cells."""

    def cell(self, sheet: str, row: int, column: str) -> str:
        """Where a cell is, for the import report."""

    def place(self, sheet: str, row: int) -> str:
        """Where a row is, for the import report."""

    @property
    def workbook(self) -> bool:
        """Whether the table is a workbook of named sheets, rather than one CSV table."""

    def close(self) -> None:
        """Let go of the file."""


def sniff(data: bytes) -> str | None:
    """Name the format the bytes are in, when they show it: ``xlsx``, ``xls``, ``xml``, ``pdf``."""
    if data.startswith(ZIP_SIGNATURE):
        return "xlsx"
    if data.startswith(OLE_SIGNATURE):
        return "xls"
    if data.startswith(PDF_SIGNATURE):
        return "pdf"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "xml"
    return None


_NAMED = {
    "xlsx": "an XLSX workbook (a zip archive)",
    "xls": "an old-style Excel workbook (.xls), which cannot be read: save it as .xlsx or CSV",
    "pdf": "a PDF document",
    "xml": "an XML document",
    "csv": "a CSV table",
}


def named(kind: str) -> str:
    """How the import report names a format."""
    return _NAMED.get(kind, kind)


class _Csv:
    def __init__(self, path: Path, data: bytes, encoding: str) -> None:
        self.name = path.stem
        self.shown = path.name
        self.text = _decode(data, encoding, path.name)
        self._header: tuple[str, ...] | None = None

    def sheets(self) -> tuple[str, ...]:
        return (self.name,)

    def _reader(self, header_row: int) -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(io.StringIO(self.text, newline=""))
        for number, row in enumerate(reader, start=1):
            if number >= header_row:
                yield number, row

    def header(self, sheet: str, header_row: int = 1) -> tuple[str, ...]:
        for _, row in self._reader(header_row):
            self._header = tuple(cell.strip() for cell in row)
            return self._header
        return ()

    def rows(self, sheet: str, header_row: int = 1) -> Iterator[Row]:
        header = self.header(sheet, header_row)
        for number, row in self._reader(header_row + 1):
            cells = {header[i]: value for i, value in enumerate(row) if i < len(header)}
            cells = {key: value for key, value in cells.items() if value != ""}
            if len(row) > len(header) and any(value.strip() for value in row[len(header) :]):
                cells[""] = ",".join(row[len(header) :])
            if cells:
                yield number, cells

    def cell(self, sheet: str, row: int, column: str) -> str:
        return f"{self.shown} row {row}, column {column}"

    def place(self, sheet: str, row: int) -> str:
        return f"{self.shown} row {row}"

    @property
    def workbook(self) -> bool:
        return False

    def close(self) -> None:
        self.text = ""


def _decode(data: bytes, encoding: str, shown: str) -> str:
    if encoding.casefold().replace("_", "-") in ("utf-8", "utf8"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            try:
                data.decode("cp1252")
            except UnicodeDecodeError:
                raise SourceError(
                    f"{shown} is not UTF-8 text (byte {error.start}): save it as CSV UTF-8",
                    "source-wrong-format",
                ) from None
            raise SourceError(
                f"{shown} is in Windows-1252, not UTF-8: save it as 'CSV UTF-8', or say "
                'encoding = "windows-1252" in the mapping',
                "source-wrong-format",
            ) from None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as error:
        raise SourceError(f"{shown} cannot be read as {encoding}: {error}") from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        # Text a workbook cannot hold is written in OOXML's escape, _x000D_, as Excel does.
        return unescape_text(value)
    return str(value)


class _Workbook:
    def __init__(self, path: Path) -> None:
        try:
            import openpyxl
        except ImportError:  # pragma: no cover - depends on the extra installed
            raise SourceError(
                "reading workbooks needs openpyxl: pip install 'partnering[import]'"
            ) from None
        from partnering.sheets._xlsx import Limits, refusal

        self.shown = path.name
        self._letters: dict[str, dict[str, str]] = {}
        # The same defences as the workbooks validate reads: nothing is unpacked or parsed
        # before the archive's declared sizes and its XML have been judged safe.
        data = read_bytes(path, max_bytes=Limits().max_bytes)
        refused, _ = refusal(data, path.name, Limits())
        if refused is not None:
            raise SourceError(refused.message)
        try:
            self.book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken archive
            raise SourceError(f"{path.name} cannot be read as a workbook: {error}") from None

    def sheets(self) -> tuple[str, ...]:
        return tuple(self.book.sheetnames)

    def _rows(self, sheet: str, first: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
        rows = self.book[sheet].iter_rows(min_row=first, values_only=True)
        yield from enumerate(rows, start=first)

    def header(self, sheet: str, header_row: int = 1) -> tuple[str, ...]:
        for _, row in self._rows(sheet, header_row):
            header = tuple(_text(value).strip() for value in row)
            self._letters[sheet] = {name: column_letter(i) for i, name in enumerate(header)}
            return header
        return ()

    def rows(self, sheet: str, header_row: int = 1) -> Iterator[Row]:
        header = self.header(sheet, header_row)
        for number, row in self._rows(sheet, header_row + 1):
            cells = {
                header[i]: _text(value)
                for i, value in enumerate(row)
                if i < len(header) and _text(value) != ""
            }
            if cells:
                yield number, cells

    def cell(self, sheet: str, row: int, column: str) -> str:
        letter = self._letters.get(sheet, {}).get(column, "?")
        return f"{sheet}!{letter}{row}"

    def place(self, sheet: str, row: int) -> str:
        return f"{sheet}!{row}:{row}"

    @property
    def workbook(self) -> bool:
        return True

    def close(self) -> None:
        self.book.close()


class _CsvFolder:
    """A folder of CSV files, read as a workbook whose sheets are the files' names."""

    def __init__(self, folder: Path, encoding: str) -> None:
        self.tables = {
            path.stem: _Csv(path, read_bytes(path), encoding)
            for path in sorted(folder.glob("*.csv"))
        }
        if not self.tables:
            raise SourceError(f"{folder.name} is a folder without CSV files")

    def sheets(self) -> tuple[str, ...]:
        return tuple(self.tables)

    def header(self, sheet: str, header_row: int = 1) -> tuple[str, ...]:
        return self.tables[sheet].header(sheet, header_row)

    def rows(self, sheet: str, header_row: int = 1) -> Iterator[Row]:
        return self.tables[sheet].rows(sheet, header_row)

    def cell(self, sheet: str, row: int, column: str) -> str:
        return self.tables[sheet].cell(sheet, row, column)

    def place(self, sheet: str, row: int) -> str:
        return self.tables[sheet].place(sheet, row)

    @property
    def workbook(self) -> bool:
        return True

    def close(self) -> None:
        self.tables = {}


def open_table(path: str | os.PathLike[str], *, encoding: str = "utf-8") -> Table:
    """Open a CSV file, a folder of CSV files (one per sheet) or an XLSX workbook.

    Raises:
        SourceError: the file cannot be read, or is in another format than a table.
        ReadError: the file cannot be opened at all.
    """
    source = Path(path)
    if source.is_dir():
        return _CsvFolder(source, encoding)
    data = read_bytes(source)
    kind = sniff(data)
    suffix = source.suffix.casefold()
    if kind == "xlsx":
        return _Workbook(source)
    if kind is not None:
        raise SourceError(f"{source.name} is {named(kind)}, not a table", "source-wrong-format")
    if suffix in (".xlsx", ".xlsm"):
        raise SourceError(
            f"{source.name} is named as a workbook but is not one: it holds text",
            "source-wrong-format",
        )
    return _Csv(source, data, encoding)
