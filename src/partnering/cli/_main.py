"""The entry point: parse the arguments, run the command chosen, turn failures into statuses.

Each command's module is imported only when that command runs, so that starting the command
(and asking it for ``--help``) stays quick.

Example:
    >>> print(*sorted(COMMANDS))
    codes convert fix graph import init plan report schema stats summary template upgrade validate
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Mapping, Sequence

from partnering.cli._parser import build_parser
from partnering.cli._terminal import (
    BROKEN_PIPE,
    OutputError,
    StandardStreams,
    error,
    tolerate_encoding,
)

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


def _import(args: argparse.Namespace) -> int:
    from partnering.cli._import import run_import

    return run_import(args)


def _schema(args: argparse.Namespace) -> int:
    from partnering.cli._schema import run_schema

    return run_schema(args)


def _plan(args: argparse.Namespace) -> int:
    from partnering.cli._plan import run_plan

    return run_plan(args)


def _stats(args: argparse.Namespace) -> int:
    from partnering.cli._stats import run_stats

    return run_stats(args)


def _graph(args: argparse.Namespace) -> int:
    from partnering.cli._graph import run_graph

    return run_graph(args)


def _report(args: argparse.Namespace) -> int:
    from partnering.cli._report import run_report

    return run_report(args)


def _convert(args: argparse.Namespace) -> int:
    from partnering.cli._sheets import run_convert

    return run_convert(args)


def _template(args: argparse.Namespace) -> int:
    from partnering.cli._sheets import run_template

    return run_template(args)


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
    "plan": _plan,
    "stats": _stats,
    "graph": _graph,
    "report": _report,
    "import": _import,
    "convert": _convert,
    "template": _template,
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
        The exit status: 0 success, 1 findings, 2 usage error, a file that cannot be read or
        output that cannot be written, 3 internal error, 141 when the reader of the output
        went away (as ``| head`` does), 130 when interrupted.

    Example:
        >>> main(["validate", "--quiet"])
        0
    """
    tolerate_encoding(sys.stdout)
    tolerate_encoding(sys.stderr)
    # Every command writes through these, so a closed stream, a full disk or a broken pipe
    # is told apart from a bug here, once for all of them.
    streams = StandardStreams.guard()
    try:
        status = _run(argv)
        streams.flush()
    except OutputError as failure:
        streams.silence_failed()
        if failure.broken_pipe:
            # The reader went away: stop quietly, as Unix tools do.
            return BROKEN_PIPE
        error(str(failure))  # lost, if the stream that failed is standard error
        return 2
    finally:
        streams.restore()
    return status


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(None if argv is None else list(argv))
    except SystemExit as exit_:
        return _exit_status(exit_.code)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except OutputError:
        raise
    except Exception as problem:
        # The promise is: never a traceback, unless asked for.
        if getattr(args, "debug", False):
            import traceback

            with contextlib.suppress(OutputError):  # standard error closed: still exit 3
                traceback.print_exc()
        from partnering._text import safe_text

        detail = safe_text(str(problem), 200)
        error(f"internal error: {type(problem).__name__}: {detail} (run with --debug for details)")
        return 3
