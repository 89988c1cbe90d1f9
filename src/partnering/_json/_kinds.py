"""Recognise a file of another kind given where an exchange file belongs.

A workbook, a CSV export, a YAML file or a saved web page fails as JSON at its first byte, and
the syntax error a strict parser gives ("found the bare word id") sends a steward the wrong way.
:func:`other_kind` looks at the start of what failed and names what it most likely is, so the
reader can say so and say what to do. It runs only on the error path.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["OLE_SIGNATURE", "PDF_SIGNATURE", "ZIP_SIGNATURE", "OtherKind", "other_kind"]

#: How much of the start of a file the guesses look at: enough for a header and a few rows.
_SAMPLE = 4096


@attrs.frozen
class OtherKind:
    """A kind of file that is not JSON: what to call it, and what to do with it."""

    name: str
    advice: str


_CONVERT = (
    "Export the data as JSON in the interchange format (see the format reference), or start "
    "from the file that 'partnering init' writes."
)

_XLSX = OtherKind(
    "a ZIP archive, such as an Excel workbook (.xlsx) or an OpenDocument spreadsheet",
    "A workbook in the spreadsheet layout is read as it is when its name ends in .xlsx "
    "('partnering validate data.xlsx'), and 'partnering convert data.xlsx data.json' writes "
    "its exchange file; a workbook laid out otherwise is read through a mapping with "
    "'partnering import'. " + _CONVERT,
)
_XLS = OtherKind(
    "an old Office file, such as an Excel 97-2003 workbook (.xls)",
    "Save the workbook in a current format, then export its data as JSON. " + _CONVERT,
)
_PDF = OtherKind("a PDF document", "Ask for the data file rather than a document about it.")
_HTML = OtherKind(
    "a web page (HTML)",
    "This is often an error or sign-in page saved instead of the file. Download the file "
    "itself again, and check that it starts with '{'.",
)
_XML = OtherKind(
    "an XML document",
    "An IATI activity file is read with 'partnering import --from iati FILE'; another XML "
    "export must be converted first. " + _CONVERT,
)
_YAML = OtherKind(
    "YAML (lines of 'key: value')",
    "Write the same data as JSON: put the whole document in braces, keys and text in double "
    "quotes, and separate the fields with commas.",
)
_CSV = OtherKind(
    "a table of comma-, semicolon- or tab-separated values (CSV)",
    "A CSV export holds one table, while an exchange file holds every list in one JSON "
    "document: read the table through a mapping with 'partnering import', or give the "
    "folder of CSV files in the spreadsheet layout that holds it. " + _CONVERT,
)

#: The first bytes of the binary formats that arrive in place of exchange files: a ZIP archive
#: (an .xlsx workbook is one), an OLE compound file (old Office files, and encrypted
#: workbooks), a PDF. The spreadsheet and import readers tell them by the same bytes.
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_SIGNATURE = b"%PDF-"

_MAGIC = ((ZIP_SIGNATURE, _XLSX), (OLE_SIGNATURE, _XLS), (PDF_SIGNATURE, _PDF))
_YAML_LINE = re.compile(r"[A-Za-z_][\w .-]*:(?:\s|$)")
_DELIMITERS = (",", ";", "\t")


def other_kind(data: bytes | bytearray | memoryview | str) -> OtherKind | None:
    r"""Name the kind of a document that is not JSON, when its start makes it plain.

    Example:
        >>> other_kind(b"id,name\ntpi,The Partnering Initiative\n").name
        'a table of comma-, semicolon- or tab-separated values (CSV)'
        >>> other_kind(b'{"schema_version": "1.0",}') is None
        True
    """
    head = data[:_SAMPLE]
    if not isinstance(head, str):
        raw = bytes(head)
        for magic, kind in _MAGIC:
            if raw.startswith(magic):
                return kind
        decoded = _utf8(raw)
        if decoded is None:
            return None  # the encoding error says more than a guess at the text could
        head = decoded
    text = head.lstrip("\ufeff \t\r\n")
    if not text or text[0] in '{["':
        return None  # it is meant to be JSON: the syntax error says what is wrong
    return _markup(text) or _yaml(text) or _table(text)


def _utf8(raw: bytes) -> str | None:
    """Decode the sample, forgiving only a character the sample cut in two at its end."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        if len(raw) == _SAMPLE and problem.start >= _SAMPLE - 3:
            return raw[: problem.start].decode("utf-8")
        return None


def _markup(text: str) -> OtherKind | None:
    if not text.startswith("<"):
        return None
    start = text[:200].lower()
    if start.startswith("<!doctype html") or "<html" in start:
        return _HTML
    return _XML


def _lines(text: str) -> list[str]:
    lines = [line for line in text.splitlines()[:10] if line.strip()]
    if len(text) == _SAMPLE and len(lines) > 1:
        lines.pop()  # the sample may have cut the last line short
    return lines


def _yaml(text: str) -> OtherKind | None:
    lines = _lines(text)
    if lines and lines[0].strip() == "---":
        return _YAML
    keyed = [line for line in lines if not line.startswith((" ", "-", "#"))]
    if keyed and all(_YAML_LINE.match(line) for line in keyed):
        return _YAML
    return None


def _table(text: str) -> OtherKind | None:
    lines = _lines(text)
    # Every line holds the delimiter; counts may differ where quoted values hold it too.
    for delimiter in _DELIMITERS:
        if lines and all(delimiter in line for line in lines):
            return _CSV
    return None
