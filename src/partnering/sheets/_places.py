"""Where the records read from the sheets were, and how a spreadsheet program names a cell."""

from __future__ import annotations

import attrs

from partnering.report import Path
from partnering.sheets._layout import META, Layout

__all__ = ["Places", "cell_name", "column_letter"]


def column_letter(index: int) -> str:
    """Name the 0-based column ``index`` as a spreadsheet does: 0 is A, 26 is AA.

    Example:
        >>> column_letter(0), column_letter(25), column_letter(26), column_letter(702)
        ('A', 'Z', 'AA', 'AAA')
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(title: str, column: int, row: int) -> str:
    """Name a cell as a spreadsheet program shows it, such as ``Partners!C7``.

    Example:
        >>> cell_name("Partners", 2, 7), cell_name("My data", 0, 1)
        ('Partners!C7', "'My data'!A1")
    """
    shown = title if title.replace("_", "").replace(".", "").isalnum() else _quoted(title)
    return f"{shown}!{column_letter(column)}{row}"


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


@attrs.define
class Places:
    """Where the records and items read from the sheets were, to name the cell of an issue."""

    layout: Layout
    #: What follows a sheet's title in the names of its cells: ``.csv`` for a CSV folder.
    suffix: str = ""
    #: The data row of each record of each entity list.
    rows: dict[str, list[int]] = attrs.field(factory=dict)
    #: The row of each nested item, by entity list, record index and list field.
    item_rows: dict[tuple[str, int, str], list[int]] = attrs.field(factory=dict)
    #: The column index of each header, by sheet title.
    headers: dict[str, dict[str, int]] = attrs.field(factory=dict)
    #: The row of each field of ``Meta``.
    meta_rows: dict[str, int] = attrs.field(factory=dict)

    def cell(self, path: Path) -> str | None:
        """Name the cell of a path of the data, or the nearest cell that holds it."""
        if not path:
            return None
        head = path[0]
        sheets = {sheet.path: sheet for sheet in self.layout.sheets}
        if not isinstance(head, str) or (head,) not in sheets:
            return self._meta_cell(path)
        sheet = sheets[(head,)]
        if len(path) < 2 or not isinstance(path[1], int):
            return cell_name(sheet.title + self.suffix, 0, 1)
        index = path[1]
        rows = self.rows.get(head, [])
        if index >= len(rows):
            return cell_name(sheet.title + self.suffix, 0, 1)
        row, rest = rows[index], path[2:]
        if rest and isinstance(rest[0], str) and (head, rest[0]) in sheets:
            child = sheets[(head, rest[0])]
            item_rows = self.item_rows.get((head, index, rest[0]), [])
            if len(rest) >= 2 and isinstance(rest[1], int) and rest[1] < len(item_rows):
                sheet, row, rest = child, item_rows[rest[1]], rest[2:]
        return self._in_row(sheet.title, row, rest)

    def _in_row(self, title: str, row: int, rest: Path) -> str:
        headers = self.headers.get(title, {})
        keys = [str(segment) for segment in rest]
        for length in range(len(keys), 0, -1):
            column = headers.get(".".join(keys[:length]))
            if column is not None:
                return cell_name(title + self.suffix, column, row)
        return cell_name(title + self.suffix, 0, row)

    def _meta_cell(self, path: Path) -> str | None:
        keys = [str(segment) for segment in path]
        for length in range(len(keys), 0, -1):
            row = self.meta_rows.get(".".join(keys[:length]))
            if row is not None:
                return cell_name(META + self.suffix, 1, row)
        return cell_name(META + self.suffix, 0, 1)
