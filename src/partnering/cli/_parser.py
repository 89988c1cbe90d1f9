"""The parser of the ``partnering`` command: its commands, options and help text.

The help text is the command's reference: the documentation shows it as printed, and the
exit statuses it lists are those :func:`partnering.cli._main.main` returns.

Example:
    >>> args = build_parser().parse_args(["summary", "platforms.json"])
    >>> args.command, args.file
    ('summary', 'platforms.json')
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from partnering._format import (
    REPORT_FORMAT_VERSION,
    REPORT_FORMAT_VERSIONS,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
)
from partnering.cli._analysis_parser import add_analysis, add_file
from partnering.cli._file_commands import add_fix, add_init, add_upgrade
from partnering.cli._import_parser import add_import
from partnering.cli._sheet_parsers import add_convert, add_template

__all__ = ["PROG", "build_parser", "library_version", "version_line"]

#: The name of the command, as help and error messages show it.
PROG = "partnering"

_EXIT_STATUSES = """\
exit status:
  0  every file is valid (with --fail-on warning: no warnings either)
  1  a file has findings at or above --fail-on; for summary: the file is not valid
  2  a usage error, or a file that cannot be read; 2 wins over 1
  3  an internal error: a bug (run again with --debug, and report it)
"""

_MAIN_EPILOG = f"""\
examples:
  partnering validate platforms.json
  partnering validate --format json data/*.json > report.json
  partnering summary platforms.json
  partnering codes organisation-type
  partnering fix platforms.json
  partnering init
  partnering upgrade old.json -o new.json
  partnering schema > dataset.schema.json
  partnering plan assessed.json
  partnering stats platforms.json
  partnering graph platforms.json -o partnerships.graphml
  partnering report platforms.json -o report.html
  partnering convert platforms.json platforms.xlsx
  partnering template platforms.xlsx

Run 'partnering COMMAND --help' for the options of a command.

{_EXIT_STATUSES}"""

_VALIDATE_EPILOG = f"""\
examples:
  partnering validate                            check the bundled example
  partnering validate platforms.json             check one file
  partnering validate a.json b.json c.json       check several; all are reported
  cat platforms.json | partnering validate -     read standard input
  partnering validate --fail-on warning a.json   fail on warnings too
  partnering validate --format json a.json       one JSON report, described by
                                                 'partnering schema --name report'
  partnering validate --format html a.json > a.html   one HTML page, issues per record
  partnering validate platforms.xlsx csv/        a workbook and a CSV folder; each
                                                 issue names its cell, Partners!C7
  partnering validate --jobs 4 data/*.json       check four files at a time

Text output gives each file's verdict, then its issues grouped by code and location, with
up to 3 examples per group, a hint on how to fix each, and the counts by code.

{_EXIT_STATUSES}"""

_SUMMARY_EPILOG = """\
examples:
  partnering summary                  summarise the bundled example
  partnering summary platforms.json   summarise a file
  partnering summary platforms.xlsx   summarise a workbook (needs the sheets extra)
  partnering summary - < platforms.json

The file must be valid. If it is not, its validation report goes to standard error and the
exit status is 1; a file that cannot be read gives 2.
"""

_CODES_EPILOG = """\
examples:
  partnering codes                             every code list, with its number of codes
  partnering codes organisation-type           each code of a list, with its title and
                                               description
  partnering codes sector --format json        the same, as JSON for programs
  partnering codes country                     the ISO 3166-1 country codes, with their names

A list is named in kebab-case, as messages name it (organisation-type), in snake_case
(organisation_type) or by its class in partnering.codelists (OrganisationType). Under a
code's description, 'Suggested for' gives the other names that validation suggests the
code for; a file must still give the code itself.

exit status:
  0  the lists, or the list, were printed
  2  a usage error, such as the name of no code list
"""

_SCHEMA_EPILOG = """\
examples:
  partnering schema                         the schema of exchange files
  partnering schema --format-version 1.0    the schema of version 1.0 of the format
  partnering schema --name report           the schema of 'partnering validate --format json'
  partnering schema --name report --format-version 1.0
                                            the report's schema as version 0.1.0 wrote it
  partnering schema > dataset.schema.json

The text is exactly the file shipped in the package, so it can be compared or committed.
"""


def library_version() -> str:
    """Return the installed version of the library, looked up only when asked for.

    Example:
        >>> library_version() != ""
        True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("partnering")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def version_line() -> str:
    """Return what ``partnering --version`` prints: the library's and the format's versions.

    Example:
        >>> version_line().endswith("(interchange format 1.1)")
        True
    """
    from partnering._format import SCHEMA_VERSION

    return f"{PROG} {library_version()} (interchange format {SCHEMA_VERSION})"


class _VersionAction(argparse.Action):
    """Print the version, found only when asked for, so that start-up stays quick."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings=option_strings,
            dest=dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help=help,
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(version_line() + "\n")
        parser.exit(0)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, not {value}")
    return value


def _months(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of months, 1 or more, not {value}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a day written YYYY-MM-DD, such as 2026-01-31, not {text!r}"
        ) from None


def _jobs(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Build the parser of the ``partnering`` command, with every command and option.

    The name of the command chosen is in ``command``; :func:`partnering.cli._main.main`
    dispatches on it.

    Example:
        >>> build_parser().parse_args(["validate", "--fail-on", "warning"]).fail_on
        'warning'
    """
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Check and explore exchange files of data about partnership platforms,\n"
            "the partners they bring together and the partnerships they broker."
        ),
        epilog=_MAIN_EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="print the version of partnering and of the interchange format, then exit",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show a traceback when partnering itself fails (an internal error)",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        # Given after the command, or before it: either way it is seen.
        default=argparse.SUPPRESS,
        help="show a traceback when partnering itself fails (an internal error)",
    )
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True
    )

    validate = commands.add_parser(
        "validate",
        parents=[common],
        help="check exchange files against the format and its rules",
        description=(
            "Check exchange files against the interchange format and the rules across\n"
            "each file, and report every problem: where it is, what is wrong, and how\n"
            "to fix it."
        ),
        epilog=_VALIDATE_EPILOG,
        formatter_class=formatter,
    )
    validate.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=(
            "an exchange file, .xlsx workbook or folder of CSV files to check; '-' reads "
            "standard input (default: the bundled example)"
        ),
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help=(
            "text for people, one JSON document for programs, or one HTML page to send "
            "back to the data provider (default: text)"
        ),
    )
    validate.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="the lowest severity that makes the exit status 1 (default: error)",
    )
    validate.add_argument(
        "--max-issues",
        type=_count,
        metavar="N",
        help=(
            "show at most N issues per file; the counts stay exact (default: text shows "
            "every group with up to 3 examples each; json lists every issue)"
        ),
    )
    validate.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=(
            "text only: print nothing when every file passes, and only the verdict line "
            "of each file that fails"
        ),
    )
    validate.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help=(
            "colour the text output; auto: only on a terminal, and not when the NO_COLOR "
            "environment variable is set (default: auto)"
        ),
    )
    validate.add_argument(
        "--today",
        type=_day,
        metavar="YYYY-MM-DD",
        help=(
            "check as if today were this day: dates in the future, and whether progress "
            "reports are late (default: today)"
        ),
    )
    validate.add_argument(
        "--late-after",
        type=_months,
        metavar="MONTHS",
        help="months without a progress report after which one is late (default: 12)",
    )
    validate.add_argument(
        "--inactive-after",
        type=_months,
        metavar="MONTHS",
        help=(
            "months without a progress report after which a partnership counts as inactive; "
            "more than --late-after (default: 24)"
        ),
    )
    validate.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        metavar="N",
        help=(
            "check up to N files at the same time, in N processes; the reports come in "
            "the order of the files all the same (default: the number of cores; 1: one "
            "file after another)"
        ),
    )

    summary = commands.add_parser(
        "summary",
        parents=[common],
        help="show what an exchange file or a workbook holds",
        description=(
            "Show what an exchange file, a workbook or a folder of CSV files holds: how many\n"
            "records of each kind; platforms by country and by scope; partners by sector;\n"
            "partnerships by platform."
        ),
        epilog=_SUMMARY_EPILOG,
        formatter_class=formatter,
    )
    add_file(summary)

    codes = commands.add_parser(
        "codes",
        parents=[common],
        help="list the code lists, or each code of one with what it means",
        description=(
            "List the code lists of the interchange format, or print each code of one list\n"
            "with its title and description."
        ),
        epilog=_CODES_EPILOG,
        formatter_class=formatter,
    )
    codes.add_argument(
        "list",
        nargs="?",
        metavar="LIST",
        help="the code list to print, such as organisation-type (default: list the code lists)",
    )
    codes.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="a table for people, or one JSON document for programs (default: text)",
    )
    add_fix(commands, common)
    add_init(commands, common)
    add_analysis(commands, common, day=_day, months=_months)
    add_import(commands, common)
    add_convert(commands, common)
    add_template(commands, common)
    add_upgrade(commands, common)

    schema = commands.add_parser(
        "schema",
        parents=[common],
        help="print a JSON Schema shipped with partnering",
        description="Print a JSON Schema (draft 2020-12) exactly as shipped in the package.",
        epilog=_SCHEMA_EPILOG,
        formatter_class=formatter,
    )
    schema.add_argument(
        "--name",
        choices=("dataset", "report"),
        default="dataset",
        help=(
            "dataset: the schema of exchange files; report: the schema of the JSON output "
            "of 'partnering validate --format json' (default: dataset)"
        ),
    )
    schema.add_argument(
        "--format-version",
        choices=sorted({*SCHEMA_VERSIONS, *REPORT_FORMAT_VERSIONS}),
        default=None,
        metavar="VERSION",
        help=(
            "the version of the format whose schema to print: of the interchange format for "
            f"the dataset ({', '.join(SCHEMA_VERSIONS)}; default {SCHEMA_VERSION}), of the "
            f"report format for the report ({', '.join(REPORT_FORMAT_VERSIONS)}; default "
            f"{REPORT_FORMAT_VERSION}); each counts its versions apart"
        ),
    )
    return parser
