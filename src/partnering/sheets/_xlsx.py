"""Workbooks: tables written with openpyxl's write-only mode, and read safely in read-only mode.

An untrusted workbook is checked before openpyxl parses it: the file's first bytes (an old
``.xls`` or a password-protected workbook is an OLE file, not a zip archive), the
uncompressed sizes of its parts (a zip bomb unpacks to gigabytes), and every XML part for a
document type or entity declaration (the means of entity expansion attacks; openpyxl also
parses through defusedxml, which the ``sheets`` extra installs). Formulas are reported at
their cell and never evaluated; merged cells and hidden sheets and rows are reported too.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

import attrs

from partnering._json._kinds import OLE_SIGNATURE
from partnering._text import quote
from partnering.errors import UnwritableValueError
from partnering.report import Issue
from partnering.sheets._cells import CellValue
from partnering.sheets._layout import CODES, README
from partnering.sheets._places import cell_name
from partnering.sheets._tables import Table, sheet_issue

__all__ = [
    "Limits",
    "Workbook",
    "escape_text",
    "read_workbook_bytes",
    "refusal",
    "workbook_bytes",
]

_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_UNSAFE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_MERGED = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)([0-9]+)(?::([A-Z]+[0-9]+))?"')
_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
#: The compression ratio beyond which a large part is taken for a zip bomb.
_MAX_RATIO = 200
_RATIO_FLOOR = 1 << 20

# Characters XML 1.0 cannot hold, and the carriage return, which XML readers turn into a line
# feed; written in OOXML's own escape, _xHHHH_, as Excel does. A literal "_x0041_" in the text
# has its underscore escaped, so reading it back gives the text as it was.
_UNSTORABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)"
)
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def escape_text(text: str) -> str:
    r"""Escape what a workbook's XML cannot hold, as Excel does.

    Example:
        >>> escape_text("a\rb_x0041_")
        'a_x000D_b_x005F_x0041_'
    """
    return _UNSTORABLE.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def unescape_text(text: str) -> str:
    r"""Undo :func:`escape_text`.

    Example:
        >>> unescape_text("a_x000D_b_x005F_x0041_")
        'a\rb_x0041_'
    """
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


@attrs.frozen(kw_only=True)
class Limits:
    """How much of an untrusted workbook is read.

    Attributes:
        max_bytes: the largest file read (default 256 MiB).
        max_unpacked: the most bytes its parts may hold once uncompressed (default 256 MiB).
        max_rows: the most rows read from one sheet, its header included (default 100,000).
    """

    max_bytes: int = 256 * 1024 * 1024
    max_unpacked: int = 256 * 1024 * 1024
    max_rows: int = 100_000


@attrs.frozen
class Workbook:
    """A workbook as read: the rows of each sheet by title, and what was found on the way."""

    sheets: dict[str, list[tuple[int, list[CellValue]]]]
    issues: list[Issue]


#: The most characters an Excel cell holds; openpyxl would cut longer text without a word.
MAX_CELL_TEXT = 32_767


def _too_long(title: str, column: int, row: int, length: int) -> UnwritableValueError:
    where = cell_name(title, column, row)
    return UnwritableValueError(
        f"cannot write {where}: its text has {length:,} characters, more than the "
        f"{MAX_CELL_TEXT:,} an Excel cell holds; write JSON or a CSV folder instead",
        code="sheet-text-too-long",
    )


def workbook_bytes(tables: Iterable[Table], readme: Iterable[str]) -> bytes:
    """Write tables as the bytes of a workbook, in write-only mode (memory stays flat).

    Raises:
        UnwritableValueError: a text is longer than an Excel cell holds (32,767 characters).
    """
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    tables = list(tables)
    for table in tables:  # before writing anything, so a refusal leaves nothing half-made
        for number, row in enumerate(table.rows, start=2):
            for index, value in enumerate(row):
                if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
                    raise _too_long(table.title, index, number, len(value))
    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    notes = book.create_sheet(README)
    for line in readme:
        notes.append([_text_cell(WriteOnlyCell(notes), line)])
    for table in tables:
        sheet = book.create_sheet(table.title)
        headers = []
        for header in table.headers:
            cell = _text_cell(WriteOnlyCell(sheet), header)
            cell.font = bold
            headers.append(cell)
        sheet.append(headers)
        sheet.freeze_panes = "A2"
        for row in table.rows:
            sheet.append([_cell(WriteOnlyCell, sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text_cell(cell: Any, text: str) -> Any:
    cell.value = escape_text(text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _cell(factory: Any, sheet: Any, value: CellValue) -> Any:
    if isinstance(value, str):
        return _text_cell(factory(sheet), value)
    if isinstance(value, date) and not isinstance(value, datetime):
        cell = factory(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def refusal(
    data: bytes, source: str, limits: Limits
) -> tuple[Issue | None, zipfile.ZipFile | None]:
    """Say why an untrusted workbook must not be opened, or return its archive, unopened.

    An old or password-protected Office file, something that is no zip archive, a zip bomb
    (judged on the sizes its directory declares, before anything is unpacked) and XML that
    declares a document type or entities are each refused with an issue.
    """
    where = None  # the whole file
    if data.startswith(OLE_SIGNATURE):
        if _ENCRYPTED in data:
            message = f"{source} is protected by a password, so its cells cannot be read"
            return sheet_issue("sheet-encrypted", where, message), None
        message = f"{source} is an Excel 97-2003 workbook (.xls), which is not read"
        return sheet_issue("sheet-old-xls", where, message), None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        message = f"{source} is not an Excel workbook (.xlsx): it is not a zip archive"
        return sheet_issue("sheet-not-a-workbook", where, message), None
    unpacked = sum(member.file_size for member in members)
    bomb = next(
        (
            member
            for member in members
            if member.file_size > _RATIO_FLOOR
            and member.file_size > _MAX_RATIO * max(member.compress_size, 1)
        ),
        None,
    )
    if unpacked > limits.max_unpacked or bomb is not None:
        message = (
            f"{source} unpacks to {unpacked:,} bytes, more than the limit of "
            f"{limits.max_unpacked:,}"
            if bomb is None
            else f"{source} holds the part {quote(bomb.filename)}, compressed "
            f"{bomb.file_size // max(bomb.compress_size, 1):,} times: it may be a zip bomb"
        )
        return sheet_issue("sheet-too-large", where, message), None
    for member in members:
        if member.filename.endswith((".xml", ".rels", ".vml")) and _UNSAFE.search(
            archive.read(member)
        ):
            message = (
                f"the part {quote(member.filename)} of {source} declares a document type "
                "or entities, which workbooks never need; it is not read"
            )
            return sheet_issue("sheet-unsafe-xml", where, message), None
    return None, archive


def read_workbook_bytes(data: bytes, source: str, limits: Limits, known: Iterable[str]) -> Workbook:
    """Read every sheet of a workbook's bytes as rows of values, reporting what is unsafe."""
    refused, archive = refusal(data, source, limits)
    if refused is not None or archive is None:
        return Workbook({}, [refused] if refused is not None else [])
    import openpyxl

    try:
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        message = f"{source} is not a readable Excel workbook: {type(error).__name__}"
        return Workbook({}, [sheet_issue("sheet-not-a-workbook", None, message)])
    issues: list[Issue] = []
    sheets: dict[str, list[tuple[int, list[CellValue]]]] = {}
    known_titles = {*known, README, CODES}
    try:
        for sheet in book.worksheets:
            title = sheet.title
            if title not in known_titles:
                message = f"the sheet {quote(title)} is not part of the layout; it is not read"
                issues.append(sheet_issue("sheet-unknown-sheet", cell_name(title, 0, 1), message))
                continue
            if title in (README, CODES):
                continue
            # openpyxl keeps the worksheet's part name here; merged cells and hidden rows,
            # which read-only mode does not expose, are read from that part.
            part: str = getattr(sheet, "_worksheet_path", "")
            xml = archive.read(part.lstrip("/"))
            if sheet.sheet_state != "visible":
                message = f"the sheet {quote(title)} is hidden; its rows are read"
                issues.append(sheet_issue("sheet-hidden", cell_name(title, 0, 1), message))
            issues.extend(_structure_issues(title, xml))
            sheets[title] = list(_rows(sheet, title, xml, limits, issues))
    finally:
        book.close()
    return Workbook(sheets, issues)


def _structure_issues(title: str, xml: bytes) -> Iterator[Issue]:
    for match in _MERGED.finditer(xml):
        column, row, end = (part.decode() if part else "" for part in match.groups())
        span = f"{column}{row}:{end}" if end else f"{column}{row}"
        message = f"the cells {span} are merged; only {column}{row} holds a value"
        yield sheet_issue("sheet-merged-cells", f"{_shown_title(title)}!{column}{row}", message)
    for match in _ROW.finditer(xml):
        tag = match.group(0)
        number = _ROW_NUMBER.search(tag)
        if number and _HIDDEN.search(tag):
            row = int(number.group(1))
            message = f"row {row} of {title} is hidden; it is read"
            yield sheet_issue("sheet-hidden", cell_name(title, 0, row), message)


def _shown_title(title: str) -> str:
    return cell_name(title, 0, 1).rsplit("!", 1)[0]


def _rows(
    sheet: Any, title: str, xml: bytes, limits: Limits, issues: list[Issue]
) -> Iterator[tuple[int, list[CellValue]]]:
    sheet.reset_dimensions()  # never trust the stated size: read every cell there is
    formulas = bool(_FORMULA.search(xml))
    for number, row in enumerate(sheet.iter_rows(values_only=not formulas), start=1):
        if number > limits.max_rows:
            message = f"{title} has more than {limits.max_rows:,} rows; the rest are not read"
            issues.append(sheet_issue("sheet-too-many-rows", cell_name(title, 0, number), message))
            return
        if formulas:
            values: list[CellValue] = []
            for index, cell in enumerate(row):
                if getattr(cell, "data_type", None) == "f":
                    message = f"the cell holds the formula {quote(str(cell.value))}; it is not read"
                    issues.append(
                        sheet_issue("sheet-formula", cell_name(title, index, number), message)
                    )
                    values.append(None)
                else:
                    values.append(_value(cell.value))
            yield number, values
        else:
            yield number, [_value(value) for value in row]


def _value(value: Any) -> CellValue:
    if isinstance(value, str):
        return unescape_text(value)
    if value is None or isinstance(value, int | float | date):
        return value
    return str(value)  # a time span, or something newer: its text
