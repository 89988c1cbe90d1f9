"""Codes of the spreadsheet reader: a workbook or CSV folder that cannot be read as a dataset."""

from __future__ import annotations

from collections.abc import Mapping

from partnering.catalogue._info import CodeInfo
from partnering.catalogue._tables import entries
from partnering.report import Severity

__all__ = ["SHEET_CODES"]

#: Codes of the spreadsheet reader (:mod:`partnering.sheets`), each reported at its cell.
SHEET_CODES: Mapping[str, CodeInfo] = {
    **entries(
        "sheets",
        Severity.ERROR,
        (
            "sheet-not-a-workbook",
            "The file is not an Excel workbook",
            "A file named .xlsx that is not a zip archive of a workbook, or is damaged.",
            "Save the file again from the spreadsheet program as an Excel workbook (.xlsx).",
            "a text file renamed to data.xlsx",
        ),
        (
            "sheet-old-xls",
            "The file is an old Excel 97-2003 workbook",
            "An .xls file in the binary format of Excel 97-2003, which is not read.",
            "Open it and save it as 'Excel Workbook (.xlsx)', or as 'CSV UTF-8' files.",
            "data.xls saved by Excel 2003",
        ),
        (
            "sheet-encrypted",
            "The workbook is protected by a password",
            "The workbook is encrypted with a password, so its cells cannot be read.",
            "Open it with the password and save a copy without one (File, Info, Protect "
            "Workbook, Encrypt with Password, and clear the password).",
            "a workbook saved with 'Encrypt with Password'",
        ),
        (
            "sheet-unsafe-xml",
            "The workbook holds XML that is not safe to read",
            "A part of the workbook declares a document type or entities, the means of XML "
            "entity attacks such as 'billion laughs'; spreadsheet programs never write them.",
            "Save the workbook again from a spreadsheet program, or ask its sender where it "
            "came from.",
            "a sharedStrings.xml with <!ENTITY lol ...>",
        ),
        (
            "sheet-too-large",
            "The workbook unpacks to too many bytes",
            "The parts of the zip archive are larger, once uncompressed, than the limit (256 "
            "MiB by default), or compressed so tightly that the file may be a zip bomb.",
            "Split the data into several workbooks, or raise the limit if the file is trusted.",
            "a 40 kB workbook that unpacks to 4 GB",
        ),
        (
            "sheet-too-many-rows",
            "A sheet has more rows than the limit",
            "A sheet has more rows than the row limit (100,000 by default); the rows after it "
            "are not read.",
            "Split the data, or raise the limit (--max-rows) if the file is trusted.",
            "a sheet of 2 million rows",
        ),
        (
            "sheet-formula",
            "A cell holds a formula",
            "A cell holds a formula. Formulas are never evaluated, and the value a spreadsheet "
            "program last showed is not trusted, so the cell is read as empty.",
            "Replace the formula by its value (copy, then paste values only).",
            "=CONCATENATE(A2, B2) in Partners!C2",
        ),
        (
            "sheet-merged-cells",
            "Cells are merged",
            "A range of cells is merged; only its first cell holds a value, so the others "
            "would be read as empty.",
            "Unmerge the cells and write the value into each cell that needs it.",
            "Partners!B2:B4 merged",
        ),
        (
            "sheet-not-text",
            "A number or date stands where text belongs",
            "A cell of a text, id or code column holds a number, a date or true/false. A "
            "spreadsheet program turns an id typed as 001 into the number 1, and a code such "
            "as 21 into a number, so the text may have changed.",
            "Format the column as text (Format Cells, Text) and type the value again, or start "
            "it with an apostrophe ('001).",
            "the number 1 in the id column of Partners",
        ),
        (
            "sheet-unknown-column",
            "A column is not part of the layout",
            "A column header names no field of the sheet's records, or a column holds values "
            "but has no header. Its values would be lost.",
            "Correct the header to the field's name, move custom data to an 'extensions.' "
            "column, or remove the column.",
            "a column 'nmae' in Partners",
        ),
        (
            "sheet-duplicate-column",
            "Two columns have the same header",
            "Two columns of one sheet have the same header, so it is not clear which holds "
            "the field.",
            "Keep one of the two columns.",
            "two columns 'name' in Partners",
        ),
        (
            "sheet-unknown-sheet",
            "A sheet is not part of the layout",
            "A sheet (or a CSV file of the folder) has a name the layout does not know, so "
            "its rows would be lost.",
            "Rename the sheet to one of the layout's names, or remove it.",
            "a sheet 'Partner' next to 'Partners'",
        ),
        (
            "sheet-orphan-row",
            "A row names no record to belong to",
            "A row of a sheet of nested items (such as Platforms_members) names, in its first "
            "column, the id of no record of the parent sheet, or none at all.",
            "Write the id of the record the row belongs to, as it is in the parent sheet.",
            "a member row naming platform 'zbdf' when the platform is 'zbidf'",
        ),
        (
            "sheet-bad-list",
            "A list cell cannot be split",
            "A cell holding a list ends with a lone backslash, which escapes nothing.",
            "Write \\\\ for a backslash and \\; for a semicolon inside an item.",
            "themes cell 'health\\'",
        ),
        (
            "sheet-text-too-long",
            "A text is longer than a workbook cell holds",
            "Writing a workbook: a text has more than 32,767 characters, the most an Excel "
            "cell holds, so it would be cut.",
            "Shorten the text, or write the dataset as JSON or as a folder of CSV files.",
            "a description of 40,000 characters",
        ),
        (
            "csv-encoding",
            "A CSV file is not UTF-8",
            "A CSV file of the folder is not UTF-8. Excel on Windows saves 'CSV (Comma "
            "delimited)' in the Windows-1252 code page, where letters such as é, ñ or the € "
            "sign are single bytes that are not UTF-8.",
            "Save the sheet as 'CSV UTF-8 (Comma delimited)', or convert the file to UTF-8.",
            "Partners.csv saved by Excel on Windows with 'Société'",
        ),
        (
            "csv-syntax",
            "A CSV file cannot be parsed",
            "A CSV file of the folder has a quote that is never closed, or a NUL byte.",
            "Save the sheet again from the spreadsheet program as CSV UTF-8.",
            'a cell "unfinished',
        ),
    ),
    **entries(
        "sheets",
        Severity.WARNING,
        (
            "sheet-hidden",
            "A sheet or row is hidden",
            "A sheet of the layout, or a row of one, is hidden. Its data is read as any "
            "other, but the person who filled the workbook may not have seen it.",
            "Unhide it (right-click the sheet tab or the row numbers, Unhide) and check it.",
            "row 7 of Partners hidden",
        ),
    ),
}
