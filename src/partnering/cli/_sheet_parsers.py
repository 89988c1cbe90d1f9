"""The parsers of the spreadsheet commands: ``convert`` and ``template``.

They sit apart from :mod:`partnering.cli._parser`, as the parsers of ``fix`` and ``init``
do; importing them imports nothing but :mod:`argparse`.

Example:
    >>> from partnering.cli._parser import build_parser
    >>> args = build_parser().parse_args(["convert", "a.xlsx", "a.json"])
    >>> args.command, args.input, args.output
    ('convert', 'a.xlsx', 'a.json')
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_convert", "add_template"]

_STATUSES = """\
exit status:
  0  the file was written
  1  the input has findings; nothing was written (they are listed)
  2  a usage error, or a file that cannot be read or written
  3  an internal error: a bug (run again with --debug, and report it)
"""

_CONVERT_EPILOG = f"""\
examples:
  partnering convert platforms.json platforms.xlsx    a workbook, one sheet per list
  partnering convert platforms.xlsx platforms.json    back to an exchange file
  partnering convert platforms.json csv/              a folder of CSV files (UTF-8)
  partnering convert csv/ platforms.xlsx

What to read and write is told by the names: .json, .xlsx, or a folder (a name without
a suffix) for CSV files. The input is validated first; one with errors is not
converted, and its issues are listed with their cells, such as Partners!C7. Files are
written atomically; an existing file is replaced only with --force, and a CSV folder
must not exist yet, or be empty.

{_STATUSES}"""

_TEMPLATE_EPILOG = f"""\
examples:
  partnering template platforms.xlsx
  partnering template --assessment tpi-platforms-2014-provisional assessment.xlsx
  partnering template --assessment my-framework --from platforms.json assessment.xlsx

The template has a sheet per list with its headers (each with the field's description
as a note; required ones bold on yellow), text formatting on id and code columns,
dropdowns for every code list, and a README sheet. The self-assessment workbook has a
row per building block of the framework, with a rating dropdown and columns for the
evidence and the actions.

{_STATUSES}"""


def add_convert(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``convert`` command to the parser's commands."""
    convert = commands.add_parser(
        "convert",
        parents=[common],
        help="convert between exchange files, Excel workbooks and CSV folders",
        description=(
            "Convert a dataset between an exchange file (.json), an Excel workbook (.xlsx)\n"
            "and a folder of CSV files, after validating it."
        ),
        epilog=_CONVERT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("input", metavar="IN", help="the .json file, .xlsx file or CSV folder")
    convert.add_argument("output", metavar="OUT", help="the .json file, .xlsx file or CSV folder")
    convert.add_argument(
        "--force",
        action="store_true",
        help="replace OUT if it is a file that exists (default: refuse)",
    )
    convert.add_argument(
        "--max-rows",
        type=int,
        metavar="N",
        help="the most rows read from one sheet or CSV file (default: 100000)",
    )


def add_template(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``template`` command to the parser's commands."""
    template = commands.add_parser(
        "template",
        parents=[common],
        help="write an Excel workbook ready for data entry, or a self-assessment",
        description=(
            "Write an empty Excel workbook ready for data entry, or with --assessment a\n"
            "self-assessment workbook for the building blocks of one framework."
        ),
        epilog=_TEMPLATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    template.add_argument("output", metavar="OUT", help="the .xlsx workbook to write")
    template.add_argument(
        "--force", action="store_true", help="replace OUT if it exists (default: refuse)"
    )
    template.add_argument(
        "--assessment",
        metavar="FRAMEWORK_ID",
        help="write a self-assessment workbook for the framework of this id",
    )
    template.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="the dataset that holds the framework (default: the bundled example)",
    )
