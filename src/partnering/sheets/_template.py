"""Workbooks ready for data entry: the empty template, and the self-assessment workbook.

Both follow the layout, so they are read back as any other workbook. Each header carries its
field's description as a note; required headers are bold on a yellow ground; id, code and
other text columns are formatted as text, so ``001`` stays ``001``; every column of a code
list has a dropdown fed from the hidden ``Codes`` sheet, which lists each code with its title.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from partnering.codelists import CodeList
from partnering.sheets._cells import CellValue
from partnering.sheets._layout import CODES, META, README, Column, Layout
from partnering.sheets._places import column_letter
from partnering.sheets._xlsx import escape_text

__all__ = ["TEMPLATE_ROWS", "template_bytes"]

#: How many rows of each sheet get the dropdowns of their columns.
TEMPLATE_ROWS = 2000

_REQUIRED_FILL = "FFF2CC"


def _note(column: Column) -> str:
    lines = [column.description]
    if column.required:
        lines.append("Required.")
    if column.kind == "list":
        lines.append("A list: separate the items with ';'.")
    if column.codes is not None:
        codes = ", ".join(f"{member.value} ({member.title})" for member in column.codes)
        lines.append(f"Codes: {codes}"[:600])
    if column.kind == "date":
        lines.append("A date, such as 2014-04-13.")
    return "\n".join(line for line in lines if line)


def _codes_sheet(book: Any, lists: Sequence[type[CodeList]]) -> dict[type[CodeList], str]:
    """Write every code list into the hidden sheet; return the range of each list's codes."""
    sheet = book.create_sheet(CODES)
    sheet.sheet_state = "hidden"
    ranges: dict[type[CodeList], str] = {}
    for number, code_list in enumerate(lists):
        code_column, title_column = column_letter(2 * number), column_letter(2 * number + 1)
        sheet[f"{code_column}1"] = code_list.__name__
        sheet[f"{title_column}1"] = "title"
        for row, member in enumerate(code_list, start=2):
            sheet[f"{code_column}{row}"].value = member.value
            sheet[f"{code_column}{row}"].data_type = "s"
            sheet[f"{title_column}{row}"] = member.title
        last = len(code_list) + 1
        ranges[code_list] = f"{CODES}!${code_column}$2:${code_column}${last}"
    return ranges


def _header(sheet: Any, index: int, column: Column | None, header: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    cell = sheet.cell(row=1, column=index + 1)
    cell.value = header
    cell.data_type = "s"
    cell.font = Font(bold=True)
    if column is None:  # the key column of nested items
        cell.comment = Comment("The id of the record this row belongs to. Required.", "partnering")
        cell.fill = PatternFill("solid", fgColor=_REQUIRED_FILL)
        return
    if column.required:
        cell.fill = PatternFill("solid", fgColor=_REQUIRED_FILL)
    note = _note(column)
    if note:
        comment = Comment(note, "partnering")
        comment.width, comment.height = 320, 160
        cell.comment = comment


def _formats(
    sheet: Any, index: int, column: Column | None, ranges: dict[type[CodeList], str]
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = column_letter(index)
    dimension = sheet.column_dimensions[letter]
    dimension.width = 18
    text = column is None or column.text_like
    # The column's own format, which a spreadsheet program gives every cell typed into it.
    if text:
        dimension.number_format = "@"
    elif column is not None and column.kind == "date":
        dimension.number_format = "yyyy-mm-dd"
    if column is None:
        return
    span = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
    if column.kind == "code" and column.codes in ranges:
        validation = DataValidation(type="list", formula1=f"={ranges[column.codes]}")
        validation.error = f"Choose a code of {column.codes.__name__} from the list."
        validation.errorTitle = "Not a code"
        validation.add(span)
        sheet.add_data_validation(validation)
    elif column.kind == "boolean":
        validation = DataValidation(type="list", formula1='"true,false"')
        validation.add(span)
        sheet.add_data_validation(validation)


def _code_lists(layout: Layout) -> list[type[CodeList]]:
    found: dict[type[CodeList], None] = {}
    for sheet in layout.sheets:
        for column in sheet.columns:
            if column.codes is not None:
                found[column.codes] = None
    return list(found)


def template_bytes(
    layout: Layout,
    readme: Iterable[str],
    *,
    titles: Sequence[str] | None = None,
    meta: dict[str, CellValue] | None = None,
    rows: dict[str, list[list[CellValue]]] | None = None,
) -> bytes:
    """Write a workbook for data entry: the README, ``Meta``, the record sheets, the codes.

    Args:
        layout: the layout.
        readme: the lines of the ``README`` sheet.
        titles: the record sheets to include (default: every one).
        meta: values of ``Meta`` fields to fill in, by field.
        rows: rows to fill in, by sheet title, in the order of the sheet's headers.
    """
    import openpyxl

    book = openpyxl.Workbook()
    notes: Any = book.active
    notes.title = README
    for number, line in enumerate(readme, start=1):
        notes.cell(row=number, column=1).value = escape_text(line)
        notes.cell(row=number, column=1).data_type = "s"
    notes.column_dimensions["A"].width = 110
    ranges = _codes_sheet(book, _code_lists(layout))
    meta_sheet = book.create_sheet(META, 1)
    _header(meta_sheet, 0, None, "field")
    meta_sheet.cell(row=1, column=1).comment = None
    _header(meta_sheet, 1, None, "value")
    meta_sheet.cell(row=1, column=2).comment = None
    filled = meta or {}
    for number, column in enumerate((c for c in layout.meta if not c.extensions), start=2):
        name = meta_sheet.cell(row=number, column=1)
        name.value = column.header
        _header_note(name, column)
        value = meta_sheet.cell(row=number, column=2)
        value.number_format = "@" if column.text_like else "General"
        if column.header in filled:
            value.value = filled[column.header]
            value.data_type = "s" if isinstance(filled[column.header], str) else value.data_type
    meta_sheet.column_dimensions["A"].width = 22
    meta_sheet.column_dimensions["B"].width = 60
    for sheet_layout in layout.sheets:
        if titles is not None and sheet_layout.title not in titles:
            continue
        sheet = book.create_sheet(sheet_layout.title, len(book.sheetnames) - 1)
        columns: list[Column | None] = [None] if sheet_layout.key is not None else []
        columns += [column for column in sheet_layout.columns if not column.extensions]
        for index, (shown, header) in enumerate(zip(columns, sheet_layout.headers, strict=True)):
            _header(sheet, index, shown, header)
            _formats(sheet, index, shown, ranges)
        sheet.freeze_panes = "A2"
        for number, row in enumerate((rows or {}).get(sheet_layout.title, []), start=2):
            for index, value in enumerate(row):
                cell = sheet.cell(row=number, column=index + 1)
                cell.value = escape_text(value) if isinstance(value, str) else value
                if isinstance(value, str):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header_note(cell: Any, column: Column) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    note = _note(column)
    if note:
        cell.comment = Comment(note, "partnering")
    if column.required:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_REQUIRED_FILL)
