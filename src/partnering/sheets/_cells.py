r"""What one cell holds: a field's JSON value written as a cell, and read back exactly.

The rules are part of the documented layout (``docs/reference/spreadsheet-layout.md``):

* a list of plain values is one cell, its items joined by ``; ``; inside an item, ``\;`` is a
  semicolon, ``\\`` a backslash, and a backslash before a space keeps that space, which is
  otherwise trimmed from the ends of each item;
* a JSON value (custom data) is written as its JSON text, except that text which is not
  itself JSON is written as it is, so ``Nairobi`` is the text ``Nairobi`` and ``"5"`` the
  text ``5``;
* integers beyond what a spreadsheet's numbers hold exactly (2^53) are written as text.

Example:
    >>> join_items(["health", "a; b", " x"])
    'health; a\\; b; \\ x'
    >>> split_items(join_items(["health", "a; b", " x"]))
    ['health', 'a; b', ' x']
    >>> json_cell({"a": [1, 25.0]}), json_cell("Nairobi"), json_cell("5")
    ('{"a": [1, 25.0]}', 'Nairobi', '"5"')
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timezone
from typing import Any

from partnering._format import MAX_INTEGER
from partnering._json._hooks import ProblemFoundError, parse_float
from partnering._jsondata import json_text
from partnering.sheets._layout import Column, Kind

__all__ = [
    "ABSENT",
    "CellValue",
    "Decoded",
    "decode",
    "encode",
    "join_items",
    "json_cell",
    "read_json_cell",
    "split_items",
]

#: A cell's value as the writers and readers see it.
CellValue = str | int | float | bool | date | datetime | time | None

SEPARATOR = ";"
_SPACE = re.compile(r"\s")


class _Absent:
    """The value of an empty cell: the field is left out."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


def _escape_item(item: str) -> str:
    escaped = item.replace("\\", "\\\\").replace(SEPARATOR, "\\" + SEPARATOR)
    start = len(escaped) - len(escaped.lstrip())
    end = len(escaped.rstrip())
    if start == len(escaped):  # only white space: keep every character
        return "".join("\\" + char for char in escaped)
    lead = "".join("\\" + char for char in escaped[:start])
    trail = "".join("\\" + char for char in escaped[end:])
    return lead + escaped[start:end] + trail


def join_items(items: Sequence[object]) -> str:
    """Write a list of plain values as the text of one cell."""
    return (SEPARATOR + " ").join(
        _escape_item(item) if isinstance(item, str) else json_text(item, indent=None)
        for item in items
    )


def split_items(text: str) -> list[str] | None:
    """Split the text of a list cell into its items; ``None`` if it ends in a lone backslash."""
    items: list[list[tuple[str, bool]]] = []
    current: list[tuple[str, bool]] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            if index + 1 == len(text):
                return None
            current.append((text[index + 1], True))
            index += 2
            continue
        if char == SEPARATOR:
            items.append(current)
            current = []
        else:
            current.append((char, False))
        index += 1
    items.append(current)
    result = []
    for item in items:
        start, end = 0, len(item)
        while start < end and not item[start][1] and item[start][0].isspace():
            start += 1
        while end > start and not item[end - 1][1] and item[end - 1][0].isspace():
            end -= 1
        result.append("".join(char for char, _ in item[start:end]))
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _parse_json(text: str) -> tuple[bool, Any]:
    try:
        # Numbers are read exactly, as the reader of exchange files reads them.
        return True, json.loads(text, parse_constant=_reject_constant, parse_float=parse_float)
    except (ValueError, RecursionError, ProblemFoundError):
        return False, None


def json_cell(value: object) -> str:
    """Write a JSON value as the text of a cell: text as it is unless that reads as JSON."""
    if isinstance(value, str) and value and not _parse_json(value)[0]:
        return value
    return json_text(value, indent=None)


def read_json_cell(text: str) -> Any:
    """Read the text of a JSON cell: its JSON value, or the text itself."""
    parsed, value = _parse_json(text)
    return value if parsed else text


def _number(value: int) -> int | str:
    return value if -MAX_INTEGER <= value <= MAX_INTEGER else str(value)


def encode(column: Column, value: object) -> CellValue:
    """Write the JSON value of a field as a cell's value (text, number, date...)."""
    kind = column.kind
    if kind == "list":
        assert isinstance(value, list)
        return join_items(value)
    if kind == "json":
        return json_cell(value)
    if kind == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:  # pragma: no cover - written from a valid dataset
            return value
    if kind in ("integer", "number") and type(value) is int:
        return _number(value)
    assert isinstance(value, str | int | float | bool)
    return value


#: What reading a cell gave: the JSON value (or :data:`ABSENT`), and the code of the
#: problem found in the cell, if any.
Decoded = tuple[Any, str | None]

_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_NUMBER = re.compile(r"^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$")


def _shown(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plain_item(kind: Kind | None, text: str) -> object:
    if kind == "integer" and _INTEGER.match(text):
        return int(text)
    if kind == "number" and _NUMBER.match(text):
        number = float(text)
        return int(number) if _INTEGER.match(text) else number
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _utc(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="seconds") + "Z"


def decode(column: Column, value: CellValue) -> Decoded:
    """Read a cell's value as the JSON value of its field, naming what is wrong in it."""
    if value is None or value == "":
        return ABSENT, None
    kind = column.kind
    if isinstance(value, str):
        if kind == "list":
            items = split_items(value)
            if items is None:
                return value, "sheet-bad-list"
            return [_plain_item(column.item, item) for item in items], None
        if kind == "json":
            return read_json_cell(value), None
        if kind in ("integer", "number", "boolean"):
            return _plain_item(kind, value), None
        return value, None
    # A number, true/false, a date or a time, as a spreadsheet program stores it.
    if column.text_like:
        shown = _shown(value)
        return ([shown] if kind == "list" else shown), "sheet-not-text"
    if isinstance(value, datetime | date | time):
        if kind == "datetime" and isinstance(value, datetime):
            return _utc(value), None
        return _shown(value), None
    if kind == "list":
        return [int(value) if isinstance(value, float) and value.is_integer() else value], None
    if isinstance(value, float) and value.is_integer() and kind in ("integer", "json"):
        return int(value), None
    return value, None
