"""The dataset's JSON data as tables of cells, and tables read back as JSON data.

Writing and reading are the same for a workbook and a CSV folder; only how cells are stored
differs (:mod:`partnering.sheets._xlsx`, :mod:`partnering.sheets._csv`). Reading remembers
where each record came from (:class:`Places`), so that every issue names its cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from partnering._text import did_you_mean, quote
from partnering.catalogue import SHEET_CODES
from partnering.report import Issue, Path
from partnering.sheets._cells import ABSENT, CellValue, decode, encode
from partnering.sheets._layout import META, Column, Layout, Sheet
from partnering.sheets._places import Places, cell_name, column_letter

__all__ = ["Table", "cell_name", "column_letter", "read_tables", "sheet_issue", "tables"]

EXTENSIONS = "extensions"


@attrs.frozen
class Table:
    """One sheet's cells: its headers, and its rows of values."""

    title: str
    headers: tuple[str, ...]
    rows: list[list[CellValue]]
    #: The column of each header (``None`` for the key column and the ``Meta`` columns).
    columns: tuple[Column | None, ...] = ()


def _get(record: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return ABSENT
        value = value[key]
    return value


def _extension_keys(records: Iterable[Mapping[str, Any]], column: Column) -> list[str]:
    keys: dict[str, None] = {}
    for record in records:
        found = _get(record, column.path)
        if isinstance(found, Mapping):
            keys.update(dict.fromkeys(found))
    return list(keys)


def _expanded(sheet_columns: Iterable[Column], records: list[Mapping[str, Any]]) -> list[Column]:
    """Give each key of custom data found in the records a column of its own."""
    columns: list[Column] = []
    for column in sheet_columns:
        if not column.extensions:
            columns.append(column)
            continue
        for key in _extension_keys(records, column):
            columns.append(
                attrs.evolve(column, header=f"{column.header}.{key}", path=(*column.path, key))
            )
    return columns


def _row(columns: Iterable[Column], record: Mapping[str, Any]) -> list[CellValue]:
    row: list[CellValue] = []
    for column in columns:
        value = _get(record, column.path)
        row.append(None if value is ABSENT else encode(column, value))
    return row


def _items(records: Iterable[Mapping[str, Any]], sheet: Sheet) -> Iterator[tuple[Any, Any]]:
    field = tuple(sheet.path[1].split("."))
    for record in records:
        items = _get(record, field)
        if isinstance(items, list):
            for item in items:
                yield record.get("id"), item


def tables(layout: Layout, data: Mapping[str, Any]) -> Iterator[Table]:
    """Lay out the JSON data of a dataset as tables: ``Meta``, then every record sheet."""
    meta_columns = _expanded(layout.meta, [data])
    yield Table(
        META,
        ("field", "value"),
        [[column.header, _row([column], data)[0]] for column in meta_columns],
    )
    for sheet in layout.sheets:
        records = data.get(sheet.path[0], [])
        if sheet.key is None:
            columns = _expanded(sheet.columns, records)
            rows = [_row(columns, record) for record in records]
            yield Table(sheet.title, tuple(c.header for c in columns), rows, tuple(columns))
            continue
        pairs = list(_items(records, sheet))
        columns = _expanded(sheet.columns, [item for _, item in pairs])
        rows = [[key, *_row(columns, item)] for key, item in pairs]
        headers = (sheet.key, *(c.header for c in columns))
        yield Table(sheet.title, headers, rows, (None, *columns))


def sheet_issue(
    code: str, cell: str | None, message: str, path: Path = (), hint: str | None = None
) -> Issue:
    """Make an issue of the spreadsheet reader, with its severity and hint from the catalogue.

    ``cell`` is ``None`` for an issue of the whole file, such as a file that is no workbook.
    """
    info = SHEET_CODES[code]
    return Issue(
        code=code,
        severity=info.severity,
        path=path,
        message=message,
        hint=info.hint if hint is None else hint,
        cell=cell,
    )


def _set(record: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        record = record.setdefault(key, {})
    record[path[-1]] = value


def _bind(
    title: str, headers: list[CellValue], columns: Mapping[str, Column], key: str | None
) -> tuple[list[Column | None], list[Issue], dict[str, int]]:
    """Match a sheet's headers to its columns; report the unknown and repeated ones."""
    bound: list[Column | None] = []
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    known = [*([] if key is None else [key]), *columns]
    for index, header in enumerate(headers):
        text = "" if header is None else str(header)
        where = cell_name(title, index, 1)
        column: Column | None = None
        if text in seen:
            issues.append(
                sheet_issue(
                    "sheet-duplicate-column", where, f"the column {quote(text)} appears twice"
                )
            )
        elif text == key and key is not None:
            pass
        elif text in columns:
            column = columns[text]
        elif text:
            extension = _extension_column(text, columns)
            if extension is None:
                issues.append(
                    sheet_issue(
                        "sheet-unknown-column",
                        where,
                        f"the column {quote(text)} is not a field of {title}"
                        + did_you_mean(text, known),
                    )
                )
            column = extension
        if text:
            seen.setdefault(text, index)
        bound.append(column)
    return bound, issues, seen


def _extension_column(header: str, columns: Mapping[str, Column]) -> Column | None:
    for column in columns.values():
        prefix = column.header + "."
        if column.extensions and header.startswith(prefix) and len(header) > len(prefix):
            return attrs.evolve(column, header=header, path=(*column.path, header[len(prefix) :]))
    return None


#: The rows of one sheet as read: its title, then (row number, cells) for each row, the
#: header row first.
RawSheet = tuple[str, Iterable[tuple[int, list[CellValue]]]]


def read_tables(
    layout: Layout,
    sheets: Mapping[str, Iterable[tuple[int, list[CellValue]]]],
    suffix: str = "",
) -> tuple[dict[str, Any], list[Issue], Places]:
    """Read the record sheets (and ``Meta``) back into the JSON data of a dataset.

    Args:
        layout: the layout the sheets follow.
        sheets: the rows of each sheet, by title, each with its 1-based row number.
        suffix: what follows each title in the names of cells (``.csv`` for CSV files).
    """
    data: dict[str, Any] = {}
    issues: list[Issue] = []
    places = Places(layout, suffix)
    if META in sheets:
        issues.extend(_read_meta(layout, sheets[META], data, places))
    for sheet in layout.sheets:
        if sheet.title in sheets:
            issues.extend(_read_sheet(sheet, sheets[sheet.title], data, places))
    return data, issues, places


def _read_meta(
    layout: Layout,
    rows: Iterable[tuple[int, list[CellValue]]],
    data: dict[str, Any],
    places: Places,
) -> Iterator[Issue]:
    columns = {column.header: column for column in layout.meta}
    title = META + places.suffix
    for number, cells in rows:
        if number == 1:
            continue
        name = "" if not cells or cells[0] is None else str(cells[0])
        value = cells[1] if len(cells) > 1 else None
        if not name:
            if value not in (None, ""):
                message = "this value has no field name in column A"
                yield sheet_issue("sheet-unknown-column", cell_name(title, 0, number), message)
            continue
        column = columns.get(name) or _extension_column(name, columns)
        if column is None:
            message = f"{quote(name)} is not a field of the dataset" + did_you_mean(name, columns)
            yield sheet_issue("sheet-unknown-column", cell_name(title, 0, number), message)
            continue
        places.meta_rows[name] = number
        yield from _store(column, value, data, cell_name(title, 1, number), column.path)


def _store(
    column: Column, value: CellValue, record: dict[str, Any], where: str, path: Path
) -> Iterator[Issue]:
    decoded, problem = decode(column, value)
    if decoded is ABSENT:
        return
    _set(record, column.path, decoded)
    if problem == "sheet-not-text":
        message = f"{quote(column.header)} must be text, but the cell holds {value!r}"
        yield sheet_issue(problem, where, message, (*path, *column.path))
    elif problem is not None:
        yield sheet_issue(problem, where, f"the list in {quote(column.header)} cannot be split")


def _read_sheet(
    sheet: Sheet,
    rows: Iterable[tuple[int, list[CellValue]]],
    data: dict[str, Any],
    places: Places,
) -> Iterator[Issue]:
    iterator = iter(rows)
    header_row = next(iterator, None)
    columns = {column.header: column for column in sheet.columns}
    if header_row is None:
        return
    title = sheet.title + places.suffix
    bound, problems, seen = _bind(title, header_row[1], columns, sheet.key)
    places.headers[sheet.title] = seen
    yield from problems
    entity = sheet.path[0]
    records: list[dict[str, Any]] = data.setdefault(entity, [])
    if sheet.key is not None:
        key_column = seen.get(sheet.key)
        field = tuple(sheet.path[1].split("."))
        by_id: dict[object, int] = {}
        for index, record in enumerate(records):
            by_id.setdefault(record.get("id"), index)
    for number, cells in iterator:
        if all(value is None or value == "" for value in cells):
            continue
        if len(cells) > len(bound):
            extra = next(
                (i for i in range(len(bound), len(cells)) if cells[i] not in (None, "")), None
            )
            if extra is not None:
                yield sheet_issue(
                    "sheet-unknown-column",
                    cell_name(title, extra, number),
                    "this cell is in a column without a header; its value would be lost",
                )
        item: dict[str, Any] = {}
        if sheet.key is None:
            path: Path = (entity, len(records))
        else:
            key = cells[key_column] if key_column is not None and key_column < len(cells) else None
            parent = by_id.get(str(key) if isinstance(key, int | float) else key)
            if parent is None:
                where = cell_name(title, key_column or 0, number)
                message = (
                    f"this row names no {sheet.path[0]} record by its id"
                    if key in (None, "")
                    else f"no {sheet.path[0]} record has the id {quote(str(key))}"
                )
                yield sheet_issue("sheet-orphan-row", where, message)
                continue
            target = records[parent]
            existing = target
            for segment in field[:-1]:
                existing = existing.setdefault(segment, {})
            items: list[Any] = existing.setdefault(field[-1], [])
            place = (entity, parent, sheet.path[1])
            path = (*place, len(items))
        for index, value in enumerate(cells):
            column = bound[index] if index < len(bound) else None
            if column is not None:
                yield from _store(column, value, item, cell_name(title, index, number), path)
        if sheet.key is None:
            records.append(item)
            places.rows.setdefault(entity, []).append(number)
        else:
            items.append(item)
            places.item_rows.setdefault(place, []).append(number)
    if not records:
        del data[entity]
