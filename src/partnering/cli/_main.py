"""The entry point: parse the arguments, run the command chosen, turn failures into statuses.

Each command's module is imported only when that command runs, so that starting the command
(and asking it for ``--help``) stays quick.

Example:
    >>> sorted(COMMANDS)
    ['codes', 'fix', 'init', 'schema', 'summary', 'upgrade', 'validate']
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence

from partnering.cli._parser import build_parser
from partnering.cli._terminal import error, tolerate_encoding

__all__ = ["COMMANDS", "main"]


def _validate(args: argparse.Namespace) -> int:
    from partnering.cli._validate import run_validate

    return run_validate(args)


def _summary(args: argparse.Namespace) -> int:
    from partnering.cli._summary import run_summary

    return run_summary(args)


def _codes(args: argparse.Namespace) -> int:
    from partnering.cli._codes import run_codes

    return run_codes(args)


def _fix(args: argparse.Namespace) -> int:
    from partnering.cli._fix import run_fix

    return run_fix(args)


def _init(args: argparse.Namespace) -> int:
    from partnering.cli._init import run_init

    return run_init(args)


def _schema(args: argparse.Namespace) -> int:
    from partnering.cli._schema import run_schema

    return run_schema(args)


def _upgrade(args: argparse.Namespace) -> int:
    from partnering.cli._upgrade import run_upgrade

    return run_upgrade(args)


#: What runs each command of the parser, by the command's name.
COMMANDS: Mapping[str, Callable[[argparse.Namespace], int]] = {
    "validate": _validate,
    "summary": _summary,
    "codes": _codes,
    "schema": _schema,
    "fix": _fix,
    "init": _init,
    "upgrade": _upgrade,
}


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``partnering`` command and return its exit status.

    Args:
        argv: the arguments, without the program's name (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 success, 1 findings, 2 usage or read error, 3 internal error.

    Example:
        >>> main(["validate", "--quiet"])
        0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(None if argv is None else list(argv))
    except SystemExit as exit_:
        return _exit_status(exit_.code)
    tolerate_encoding(sys.stdout)
    tolerate_encoding(sys.stderr)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (as `| head` does): stop quietly, and keep Python from
        # complaining again when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as problem:
        # The promise is: never a traceback, unless asked for.
        if getattr(args, "debug", False):
            import traceback

            traceback.print_exc()
        from partnering._text import safe_text

        detail = safe_text(str(problem), 200)
        error(f"internal error: {type(problem).__name__}: {detail} (run with --debug for details)")
        return 3
