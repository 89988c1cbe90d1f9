"""``partnering import``: a table through a mapping, or an IATI file, into an exchange file.

Example:
    >>> from partnering.cli._parser import build_parser
    >>> args = build_parser().parse_args(["import", "--preset", "un-registry", "r.csv", "-o", "o.json"])
    >>> args.preset, args.source, args.output
    ('un-registry', 'r.csv', 'o.json')
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["add_import", "run_import"]

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
  1  the data could not make a valid file: rows set aside, or issues listed under validation
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
    command.add_argument("paths", nargs="+", metavar="[MAPPING] SOURCE", help="the mapping and the source")
    command.add_argument("--preset", metavar="NAME", help="use a shipped mapping: un-registry")
    command.add_argument("--from", dest="source_format", choices=("table", "iati"), default="table",
                         help="table: CSV or XLSX through a mapping; iati: IATI activity XML (default: table)")  # fmt: skip
    command.add_argument("-o", "--output", metavar="OUT", help="write the exchange file to OUT")
    command.add_argument("--report", metavar="FILE", help="write the import report to FILE (default: print it)")  # fmt: skip
    command.add_argument("--report-format", choices=("text", "json"), default="text",
                         help="the import report for people, or as JSON (default: text)")  # fmt: skip


def _paths(args: argparse.Namespace) -> tuple[str | None, str] | None:
    from partnering.cli._terminal import error

    paths = list(args.paths)
    wanted = 1 if args.preset or args.source_format == "iati" else 2
    if len(paths) != wanted:
        what = "SOURCE" if wanted == 1 else "MAPPING SOURCE"
        error(f"import: give {what}")
        return None
    if args.preset:
        from partnering.imports import preset_path

        try:
            return str(preset_path(args.preset)), paths[0]
        except ValueError as problem:
            error(f"import: {problem}")
            return None
    return (None, paths[0]) if wanted == 1 else (paths[0], paths[1])


def run_import(args: argparse.Namespace) -> int:
    """Run the import and return the exit status."""
    from partnering._files import write_bytes
    from partnering.cli._terminal import error
    from partnering.errors import ReadError, WriteError
    from partnering.imports import import_iati, import_table

    paths = _paths(args)
    if paths is None:
        return 2
    mapping, source = paths
    try:
        result = import_iati(source) if mapping is None else import_table(mapping, source)
    except ReadError as problem:
        error(str(problem))
        return 2
    text = (
        json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n"
        if args.report_format == "json"
        else result.to_text()
    )
    try:
        if args.report:
            write_bytes(args.report, text.encode("utf-8"))
        else:
            sys.stdout.write(text)
        if result.dataset is not None and args.output:
            from partnering.documents import dumps

            write_bytes(args.output, dumps(result.dataset).encode("utf-8"))
    except WriteError as problem:
        error(str(problem))
        return 2
    if result.report is None:
        return 2
    if result.dataset is None or any(f.severity == "error" for f in result.findings):
        return 1
    return 0
