"""The ``partnering`` command: validate exchange files, summarise one, print the schemas.

The command runs in pre-commit hooks, so starting it must be quick: this module imports only
the standard library, and each command imports what it needs when it runs.

Exit statuses:

- 0: every file is valid (with ``--fail-on warning``, it has no warnings either);
- 1: a file has findings at or above ``--fail-on``; for ``summary``, the file is not valid;
- 2: a usage error, or a file that cannot be read (missing, a directory, no permission);
  when both 1 and 2 apply, 2 wins;
- 3: an internal error, which is a bug; ``--debug`` shows its traceback.

Example:
    >>> main(["validate"])
    bundled example (platforms-2014.json) is valid (format 1.0)
    0
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from partnering.report import Report

__all__ = ["main"]

_PROG = "partnering"
_STDIN = "-"
_STDIN_NAME = "<stdin>"
_PROGRESS_FILES = 5
_PROGRESS_BYTES = 10 * 1024 * 1024

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
  partnering schema > dataset.schema.json

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

Text output gives each file's verdict, then its issues grouped by code and location, with
up to 3 examples per group, a hint on how to fix each, and the counts by code.

{_EXIT_STATUSES}"""

_SUMMARY_EPILOG = """\
examples:
  partnering summary                  summarise the bundled example
  partnering summary platforms.json   summarise a file
  partnering summary - < platforms.json

The file must be valid. If it is not, its validation report goes to standard error and the
exit status is 1; a file that cannot be read gives 2.
"""

_SCHEMA_EPILOG = """\
examples:
  partnering schema                    the schema of exchange files
  partnering schema --name report      the schema of 'partnering validate --format json'
  partnering schema > dataset.schema.json

The text is exactly the file shipped in the package, so it can be compared or committed.
"""


def _version_line() -> str:
    from importlib.metadata import PackageNotFoundError, version

    from partnering._format import SCHEMA_VERSION

    try:
        installed = version("partnering")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        installed = "unknown"
    return f"{_PROG} {installed} (interchange format {SCHEMA_VERSION})"


def _library_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("partnering")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


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
        sys.stdout.write(_version_line() + "\n")
        parser.exit(0)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=_PROG,
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
        help="an exchange file to check; '-' reads standard input (default: the bundled example)",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people, or one JSON document for programs (default: text)",
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
    validate.set_defaults(run=_run_validate)

    summary = commands.add_parser(
        "summary",
        parents=[common],
        help="show what an exchange file holds",
        description=(
            "Show what an exchange file holds: how many records of each kind; platforms\n"
            "by country and by scope; partners by sector; partnerships by platform."
        ),
        epilog=_SUMMARY_EPILOG,
        formatter_class=formatter,
    )
    summary.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the exchange file; '-' reads standard input (default: the bundled example)",
    )
    summary.set_defaults(run=_run_summary)

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
    schema.set_defaults(run=_run_schema)
    return parser


def _is_utf8(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _is_tty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except (OSError, ValueError):
        return False


def _use_color(choice: str, stream: object) -> bool:
    if choice != "auto":
        return choice == "always"
    # https://no-color.org: any non-empty value turns colour off; an explicit flag wins.
    return not os.environ.get("NO_COLOR") and _is_tty(stream)


def _tolerate_encoding(stream: object) -> None:
    # A terminal or pipe that cannot show a character gets an escape, never a crash.
    if isinstance(stream, io.TextIOWrapper) and not _is_utf8(stream):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _error(message: str) -> None:
    sys.stderr.write(f"{_PROG}: {message}\n")
    sys.stderr.flush()


class _Input:
    """A file named on the command line: how to show it, and where to read it."""

    def __init__(self, label: str, source: str, path: Path | None) -> None:
        self.label = label  # shown to people
        self.source = source  # written in JSON reports
        self.path = path  # None for standard input

    @classmethod
    def of(cls, name: str | None) -> _Input:
        if name is None:
            from partnering.examples import example_path

            path = example_path()
            return cls(f"bundled example ({path.name})", str(path), path)
        if name == _STDIN:
            return cls(_STDIN_NAME, _STDIN_NAME, None)
        return cls(name, name, Path(name))

    def size(self) -> int:
        if self.path is None:
            return 0
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def _read_stdin(limit: int) -> bytes | None:
    stream = sys.stdin
    if stream is None:
        return None
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data: bytes = buffer.read(limit + 1)
            return data
        return str(stream.read(limit + 1)).encode("utf-8", errors="surrogateescape")
    except (OSError, ValueError):
        return None


def _stdin_unreadable() -> Report:
    from partnering.report import Issue, Report, Severity

    issue = Issue(
        code="read-error",
        severity=Severity.ERROR,
        message="cannot read standard input: it is closed",
        hint="pipe the document in, or name a file",
    )
    return Report.of([issue], source=_STDIN_NAME)


def _check(item: _Input) -> Report:
    from partnering import validation
    from partnering._format import DEFAULT_MAX_BYTES

    if item.path is not None:
        # A Path, never a str: validate() would read a str starting with '{' as JSON text.
        return validation.validate(item.path)
    data = _read_stdin(DEFAULT_MAX_BYTES)
    if data is None:
        return _stdin_unreadable()
    return validation.validate(data)


def _unreadable(report: Report) -> bool:
    return any(issue.code == "read-error" for issue in report.issues)


class _Progress:
    """Progress lines on a terminal, each overwriting the one before."""

    def __init__(self, stream: IO[str], *, enabled: bool) -> None:
        self._stream = stream
        self._enabled = enabled
        self._width = 0
        self._ellipsis = "…" if _is_utf8(stream) else "..."

    def show(self, index: int, total: int, label: str) -> None:
        if not self._enabled:
            return
        from partnering._render import shown

        line = f"checking {index}/{total}: {shown(label, 60)}{self._ellipsis}"
        padding = " " * max(0, self._width - len(line))
        self._stream.write(f"\r{line}{padding}")
        self._stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def _run_validate(args: argparse.Namespace) -> int:
    from partnering._render import Style, fails, render_text, shown
    from partnering.report import Severity

    fail_on = Severity(args.fail_on)
    as_text = args.format == "text"
    style = Style(color=_use_color(args.color, sys.stdout), unicode=_is_utf8(sys.stdout))
    inputs = [_Input.of(name) for name in args.files] or [_Input.of(None)]
    wanted = _is_tty(sys.stderr) and (
        len(inputs) > _PROGRESS_FILES or any(item.size() > _PROGRESS_BYTES for item in inputs)
    )
    progress = _Progress(sys.stderr, enabled=wanted)
    results: list[tuple[str, Report]] = []
    status = 0
    written = False
    tally = {"valid": 0, "not valid": 0, "unreadable": 0}
    for index, item in enumerate(inputs, start=1):
        progress.show(index, len(inputs), item.label)
        report = _check(item)
        progress.clear()
        results.append((item.source, report))
        if _unreadable(report):
            status = 2
            tally["unreadable"] += 1
            for issue in report.issues:
                _error(shown(issue.message))
            continue
        tally["valid" if report.valid else "not valid"] += 1
        if fails(report, fail_on):
            status = max(status, 1)
        if as_text:
            text = render_text(
                report,
                item.label,
                fail_on=fail_on,
                max_issues=args.max_issues,
                style=style,
                quiet=args.quiet,
            )
            if text:
                sys.stdout.write(("\n" if written and not args.quiet else "") + text)
                sys.stdout.flush()
                written = True
    if not as_text:
        # Imported here: cattrs, which writes the JSON report, is slow to import.
        from partnering._report_json import render_json

        sys.stdout.write(
            render_json(results, version=_library_version(), max_issues=args.max_issues)
        )
    elif len(inputs) > 1 and not args.quiet:
        counted = ", ".join(f"{count} {what}" for what, count in tally.items() if count)
        sys.stdout.write(f"\n{len(inputs)} files checked: {counted}\n")
    return status


def _summary_lines(dataset: Any, label: str) -> list[str]:
    from collections import Counter

    from partnering._render import shown, table
    from partnering.codelists import PlatformScope, Sector
    from partnering.models import ENTITY_LISTS

    lines = []
    if dataset.title:
        lines.append(shown(dataset.title, 200))
    lines.append(f"{shown(label)}, format {dataset.schema_version}")

    lines += ["", "records:"]
    lines += table([(name.replace("_", " "), len(getattr(dataset, name))) for name in ENTITY_LISTS])

    countries: Counter[str] = Counter()
    for platform in dataset.platforms:
        countries.update(platform.countries)
    without = sum(1 for platform in dataset.platforms if not platform.countries)
    lines += ["", "platforms by country:"]
    rows = [(shown(code), countries[code]) for code in sorted(countries)]
    lines += table([*rows, ("(no country)", without)] if without else rows)

    scopes = Counter(platform.scope for platform in dataset.platforms)
    lines += ["", "platforms by scope:"]
    lines += table([(scope.value, scopes[scope]) for scope in PlatformScope if scopes[scope]])

    sectors = Counter(partner.effective_sector for partner in dataset.partners)
    lines += ["", "partners by sector:"]
    lines += table([(sector.value, sectors[sector]) for sector in Sector if sectors[sector]])

    names = {platform.id: platform.name for platform in dataset.platforms}
    brokered: Counter[str | None] = Counter(item.platform_id for item in dataset.partnerships)
    rows = [(shown(names[key], 80), brokered[key]) for key in names if brokered[key]]
    rows += [
        (f"(unknown platform {shown(key, 40)!r})", brokered[key])
        for key in brokered
        if key is not None and key not in names
    ]
    if brokered[None]:
        rows.append(("(no platform)", brokered[None]))
    lines += ["", "partnerships by platform:"]
    lines += table(rows)
    return lines


def _run_summary(args: argparse.Namespace) -> int:
    import partnering
    from partnering import validation
    from partnering._format import DEFAULT_MAX_BYTES
    from partnering._render import Style, render_text, shown
    from partnering.errors import InvalidDocumentError, JSONParseError, ReadError

    item = _Input.of(args.file)
    source: Path | bytes | None = item.path or _read_stdin(DEFAULT_MAX_BYTES)
    if source is None:
        _error("cannot read standard input: it is closed")
        return 2
    try:
        dataset = partnering.load(source) if isinstance(source, Path) else partnering.loads(source)
    except ReadError as error:
        _error(shown(error.message))
        return 2
    except InvalidDocumentError as error:
        report = error.report
    except JSONParseError:
        # The parser's problem is reported as validation reports it, with line and column.
        report = validation.validate(source)
    else:
        sys.stdout.write("\n".join(_summary_lines(dataset, item.label)) + "\n")
        return 0
    style = Style(color=_use_color("auto", sys.stderr), unicode=_is_utf8(sys.stderr))
    sys.stderr.write(render_text(report, item.label, style=style))
    return 1


def _run_schema(args: argparse.Namespace) -> int:
    from partnering.schemas import schema_text

    text = schema_text(args.name)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        # The bytes exactly as shipped, whatever the terminal's encoding.
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return 0


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
    parser = _parser()
    try:
        args = parser.parse_args(None if argv is None else list(argv))
    except SystemExit as exit_:
        return _exit_status(exit_.code)
    _tolerate_encoding(sys.stdout)
    _tolerate_encoding(sys.stderr)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (as `| head` does): stop quietly, and keep Python from
        # complaining again when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as error:
        # The promise is: never a traceback, unless asked for.
        if getattr(args, "debug", False):
            import traceback

            traceback.print_exc()
        from partnering._text import safe_text

        detail = safe_text(str(error), 200)
        _error(f"internal error: {type(error).__name__}: {detail} (run with --debug for details)")
        return 3
