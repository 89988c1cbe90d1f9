"""The parsers of the commands that write files: ``fix``, ``init`` and ``upgrade``.

They sit apart from :mod:`partnering.cli._parser` to keep each module short; the main parser
adds them with the others, and importing them imports nothing but :mod:`argparse`.

Example:
    >>> from partnering.cli._parser import build_parser
    >>> args = build_parser().parse_args(["fix", "a.json", "-o", "b.json", "--dry-run"])
    >>> args.command, args.file, args.output, args.dry_run
    ('fix', 'a.json', 'b.json', True)
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_fix", "add_init", "add_upgrade"]

_FIX_EPILOG = """\
examples:
  partnering fix platforms.json               correct the file in place
  partnering fix platforms.json -o fixed.json write the corrected file elsewhere
  partnering fix --dry-run platforms.json     show the corrections, change nothing

Only corrections with one possible meaning are made: trailing commas, typographic and
single quotes, a byte order mark, codes written in other capitals or with other
separators (Green for green), code titles and country names where exactly one code
fits (International NGO for 21, Kenya for KE), and whole numbers written as text.
Nothing is guessed: a date like 01/03/2017 is left for you. The corrections are shown
as a diff; the file is written in one step, or not at all. Then the issues that still
need a person are listed, as 'partnering validate' lists them.

exit status:
  0  the corrected file is valid
  1  issues remain for a person to fix
  2  a usage error, or a file that cannot be read or written
  3  an internal error: a bug (run again with --debug, and report it)
"""

_INIT_EPILOG = """\
examples:
  partnering init                  write dataset.json
  partnering init platforms.json   write platforms.json
  partnering init --force a.json   replace a.json if it exists

The file holds one platform, two partners of different sectors and one partnership
between them, with stand-in names to replace with your own. It is valid as written.

exit status:
  0  the file was written
  2  a usage error, or the file exists (without --force) or cannot be written
  3  an internal error: a bug (run again with --debug, and report it)
"""


_UPGRADE_EPILOG = """\
examples:
  partnering upgrade old.json > new.json      print the upgraded file
  partnering upgrade old.json -o new.json     write it to new.json in one step
  partnering upgrade old.json -o old.json     rewrite old.json itself

A minor version of the format only adds: an upgraded file says what the old one said, in
the newest version's terms. The file is checked first, against the version it declares;
a file with errors is not upgraded. FILE is never changed unless OUT names it.

exit status:
  0  the upgraded file was printed or written
  1  the file has errors; nothing was written
  2  a usage error, or a file that cannot be read or written
  3  an internal error: a bug (run again with --debug, and report it)
"""


def add_upgrade(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``upgrade`` command to the parser's commands."""
    upgrade = commands.add_parser(
        "upgrade",
        parents=[common],
        help="rewrite an exchange file in the newest version of the format",
        description=(
            "Rewrite a valid exchange file in the newest version of the format, which\n"
            "this release writes; what the file says is unchanged."
        ),
        epilog=_UPGRADE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    upgrade.add_argument("file", metavar="FILE", help="the exchange file to upgrade")
    upgrade.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the upgraded file to OUT, atomically (default: print it)",
    )


def add_fix(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``fix`` command to the parser's commands."""
    fix = commands.add_parser(
        "fix",
        parents=[common],
        help="make the mechanical corrections of an exchange file",
        description=(
            "Make the corrections of an exchange file that have only one possible\n"
            "meaning, show them as a diff, and list what still needs a person."
        ),
        epilog=_FIX_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fix.add_argument("file", metavar="FILE", help="the exchange file to correct")
    fix.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the corrected file to OUT, leaving FILE as it is (default: FILE itself)",
    )
    fix.add_argument(
        "--dry-run",
        action="store_true",
        help="show the corrections and what remains, but write nothing",
    )
    fix.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the list of remaining issues, as for validate (default: auto)",
    )


def add_init(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``init`` command to the parser's commands."""
    init = commands.add_parser(
        "init",
        parents=[common],
        help="write a small starter exchange file",
        description=(
            "Write a small, valid exchange file to start from: one platform, two\n"
            "partners and one partnership, with today's publication time."
        ),
        epilog=_INIT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument(
        "file", nargs="?", metavar="FILE", help="the file to write (default: dataset.json)"
    )
    init.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (default: refuse)"
    )
