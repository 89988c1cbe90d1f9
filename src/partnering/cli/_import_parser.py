"""The parser of ``partnering import``; it imports nothing but :mod:`argparse`.

Example:
    >>> from partnering.cli._parser import build_parser
    >>> argv = ["import", "--preset", "un-registry", "r.csv", "-o", "o.json"]
    >>> args = build_parser().parse_args(argv)
    >>> args.preset, args.paths, args.output
    ('un-registry', ['r.csv'], 'o.json')
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_import"]

_EPILOG = """\
examples:
  partnering import portfolio.toml portfolio.xlsx -o portfolio.json
  partnering import --preset un-registry registry.csv -o registry.json
  partnering import --from iati activities.xml -o activities.json
  partnering import map.toml data.csv -o out.json --report report.json --report-format json

The mapping is checked first, then the source's sheets and columns; a problem with either
is reported at its line of the mapping, and nothing is read. The import report lists every
value transformed, split, crosswalked, guessed or set aside, at its cell. The output is
written only when it is a valid exchange file.

exit status:
  0  the output was written and is valid; the report may still ask a person to decide
  1  rows were set aside (the rest was written), or the data made no valid file and
     nothing was written (the issues are listed under validation)
  2  a usage error, a mapping with errors, or a source that cannot be read
  3  an internal error: a bug (run again with --debug, and report it)
"""


def add_import(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``import`` command to the parser's commands."""
    command = commands.add_parser(
        "import",
        parents=[common],
        help="import a spreadsheet, a CSV file or an IATI file into an exchange file",
        description=(
            "Import a CSV file or an XLSX workbook through a mapping (MAPPING SOURCE), a\n"
            "shipped mapping (--preset NAME SOURCE), or an IATI activity file (--from iati\n"
            "SOURCE), and print the import report."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument(
        "paths", nargs="+", metavar="[MAPPING] SOURCE", help="the mapping and the source"
    )
    command.add_argument("--preset", metavar="NAME", help="use a shipped mapping: un-registry")
    command.add_argument(
        "--from",
        dest="source_format",
        choices=("table", "iati"),
        default="table",
        help="table: CSV or XLSX through a mapping; iati: IATI activity XML (default: table)",
    )
    command.add_argument("-o", "--output", metavar="OUT", help="write the exchange file to OUT")
    command.add_argument(
        "--report", metavar="FILE", help="write the import report to FILE (default: print it)"
    )
    command.add_argument(
        "--report-format",
        choices=("text", "json"),
        default="text",
        help="the import report for people, or as JSON (default: text)",
    )
