"""The parsers of the analysis commands: ``plan``, ``stats``, ``graph`` and ``report``.

They sit apart from :mod:`partnering.cli._parser` to keep each module short; the main parser
adds them with the others, and importing them imports nothing but :mod:`argparse`.

Example:
    >>> from partnering.cli._parser import build_parser
    >>> args = build_parser().parse_args(["graph", "a.json", "-o", "a.gexf"])
    >>> args.command, args.file, args.output, args.kind
    ('graph', 'a.json', 'a.gexf', 'partnerships')
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

__all__ = ["add_analysis", "add_file"]

_VALID_ONLY = """\
The file must be valid. If it is not, its validation report goes to standard error and the
exit status is 1: figures of a file with dangling references or repeated ids would count
records that are not there. Long work shows a line of progress on standard error when it
is a terminal.
"""

_STATUSES = """\
exit status:
  0  done
  1  the file is not valid (its report is on standard error)
  2  a usage error, or a file that cannot be read or written
  3  an internal error: a bug (run again with --debug, and report it)
"""

_PLAN_EPILOG = f"""\
examples:
  partnering plan assessed.json                      every assessment's plan
  partnering plan assessed.json --assessment zbidf-2016

The plan ranks the building blocks by rating, red first, then amber, green and not
applicable. For each red or amber block it lists the evidence and actions the rating
recorded, the challenges the block addresses, the solutions that belong to the block or
address those challenges, and the platforms of the file that apply each solution.

With several respondents (format 1.1), a block is ranked by its most serious rating, and
the plan shows who gave each rating and which sectors rate it red where others rate it
green. When the platform was assessed before against the same framework, each block says
what it was rated then and whether it got better or worse.

{_VALID_ONLY}
{_STATUSES}"""

_STATS_EPILOG = f"""\
examples:
  partnering stats platforms.json                    tables for people
  partnering stats platforms.json --format json      every figure with every id
  partnering stats platforms.json --format csv > figures.csv
  partnering stats platforms.xlsx                    the same, from a workbook

Each figure states what it counts, how many records it counted of how many, and the
records it left out with the reason. JSON and CSV list the ids behind every row. Amounts
of resources are summed per kind and currency, exactly, and printed in full. The reporting
status is worked out as of --today, as validate's warnings of late reports are.

{_VALID_ONLY}
{_STATUSES}"""

_GRAPH_EPILOG = f"""\
examples:
  partnering graph platforms.json -o partnerships.graphml
  partnering graph platforms.json -o members.gexf --kind platforms
  partnering graph platforms.json -o edges.csv --kind co-participation

kinds:
  partnerships       partners and the partnerships they take part in (bipartite)
  platforms          partners and the platforms they are members of (bipartite)
  co-participation   partners joined when they share a partnership
  platform-overlap   platforms joined when they share a member

The file is written in one step, or not at all.

{_VALID_ONLY}
{_STATUSES}"""

_REPORT_EPILOG = f"""\
examples:
  partnering report platforms.json -o report.html
  partnering report assessed.json -o - > report.html

The page holds the portfolio figures as charts and tables, each assessment's action plan
with its rating grid, and a summary of the network. It is one file that needs no network:
its styles, its data and the charting library (Chart.js) are inside it. The tables are
there without scripts too.

{_VALID_ONLY}
{_STATUSES}"""


def add_file(command: argparse.ArgumentParser) -> None:
    """Add the one file a command reads, as ``validate`` reads each of its files."""
    command.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=(
            "the exchange file, a workbook (.xlsx) or a folder of CSV files; '-' reads an "
            "exchange file from standard input (default: the bundled example)"
        ),
    )


def _reporting(
    parser: argparse.ArgumentParser, day: Callable[[str], date], months: Callable[[str], int]
) -> None:
    """Add the options of the reporting status: the day it is worked out for, and the limits."""
    parser.add_argument(
        "--today",
        type=day,
        metavar="YYYY-MM-DD",
        help="work out the reporting status as of this day (default: today)",
    )
    parser.add_argument(
        "--late-after",
        type=months,
        metavar="MONTHS",
        help="months without a progress report after which one is late (default: 12)",
    )
    parser.add_argument(
        "--inactive-after",
        type=months,
        metavar="MONTHS",
        help=(
            "months without a progress report after which a partnership counts as inactive; "
            "more than --late-after (default: 24)"
        ),
    )


def add_analysis(
    commands: Any,
    common: argparse.ArgumentParser,
    *,
    day: Callable[[str], date],
    months: Callable[[str], int],
) -> None:
    """Add the ``plan``, ``stats``, ``graph`` and ``report`` commands to the parser's commands.

    ``day`` and ``months`` read the values of ``--today`` and the reporting limits, as
    ``validate`` reads them.
    """
    formatter = argparse.RawDescriptionHelpFormatter
    plan = commands.add_parser(
        "plan",
        parents=[common],
        help="print the action plan of an assessment",
        description=(
            "Turn an assessment into an action plan: its building blocks ranked by rating,\n"
            "and for each weak one the challenges, solutions and platforms to learn from."
        ),
        epilog=_PLAN_EPILOG,
        formatter_class=formatter,
    )
    add_file(plan)
    plan.add_argument(
        "--assessment",
        metavar="ID",
        help="the assessment to plan for (default: every assessment of the file)",
    )

    stats = commands.add_parser(
        "stats",
        parents=[common],
        help="print the portfolio figures of a file",
        description=(
            "Print the portfolio figures of a file: SDG coverage, sector mix, cross-sector\n"
            "partnerships, partnerships per platform, country and stage, SDG pairs,\n"
            "resources by kind and currency, and reporting status."
        ),
        epilog=_STATS_EPILOG,
        formatter_class=formatter,
    )
    add_file(stats)
    stats.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="tables for people, or JSON or CSV for programs (default: text)",
    )
    _reporting(stats, day, months)

    graph = commands.add_parser(
        "graph",
        parents=[common],
        help="write a network of the file as GraphML, GEXF or CSV",
        description="Write a network of who works with whom, for Gephi, networkx or a spreadsheet.",
        epilog=_GRAPH_EPILOG,
        formatter_class=formatter,
    )
    add_file(graph)
    graph.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the file to write; .graphml, .gexf or .csv names the format",
    )
    graph.add_argument(
        "--kind",
        choices=("partnerships", "platforms", "co-participation", "platform-overlap"),
        default="partnerships",
        help="which network to write (default: partnerships)",
    )
    graph.add_argument(
        "--format",
        choices=("graphml", "gexf", "csv"),
        help="the format, when OUT's name does not tell it",
    )

    report = commands.add_parser(
        "report",
        parents=[common],
        help="write a report of the file as one HTML page",
        description=(
            "Write one self-contained HTML page about a file: its portfolio figures as\n"
            "charts and tables, each assessment's action plan, and its network."
        ),
        epilog=_REPORT_EPILOG,
        formatter_class=formatter,
    )
    add_file(report)
    report.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the page to write, such as report.html; '-' writes standard output",
    )
    _reporting(report, day, months)
