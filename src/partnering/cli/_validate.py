"""``partnering validate``: check files, print a verdict and the issues of each, set the status.

Example:
    >>> import argparse
    >>> args = argparse.Namespace(
    ...     files=[], format="text", fail_on="error", max_issues=None, quiet=False, color="never"
    ... )
    >>> run_validate(args)
    bundled example (platforms-2014.json) is valid (format 1.1)
    0
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from partnering import validation
from partnering._format import DEFAULT_MAX_BYTES
from partnering._render import Style, fails, render_text
from partnering.cli._parallel import check_paths, default_jobs
from partnering.cli._parser import library_version
from partnering.cli._terminal import (
    STDIN_CLOSED,
    STDIN_NAME,
    Input,
    Progress,
    error,
    is_utf8,
    read_stdin,
    said_unreadable,
    use_color,
)
from partnering.report import Issue, Report, Severity
from partnering.reporting import ReportingLimits

__all__ = ["check_input", "run_validate", "validator_of"]

#: The validator of ``partnering validate`` with no options.
DEFAULT = validation.Validator()


def _stdin_unreadable() -> Report:
    issue = Issue(
        code="read-error",
        severity=Severity.ERROR,
        message=STDIN_CLOSED,
        hint="pipe the document in, or name a file",
    )
    return Report.of([issue], source=STDIN_NAME)


def check_file(path: Path, validator: validation.Validator = DEFAULT) -> Report:
    """Validate one file by its path: an exchange file, a workbook or a folder of CSV files.

    Each worker of ``--jobs`` runs it, so it is a module-level function that pickles.
    """
    from partnering.sheets import is_sheets

    if is_sheets(path):
        from partnering.sheets import validate_sheets

        return validate_sheets(path, today=validator.today, reporting=validator.reporting)
    # A Path, never a str: a str is JSON text to validate().
    return _validate(path, validator)


def check_input(item: Input, validator: validation.Validator = DEFAULT) -> Report:
    """Validate one input: a file by its path, standard input by its bytes."""
    if item.path is not None:
        return check_file(item.path, validator)
    data = read_stdin(DEFAULT_MAX_BYTES)
    if data is None:
        return _stdin_unreadable()
    return _validate(data, validator)


def _validate(source: Path | bytes, validator: validation.Validator) -> Report:
    """Validate with the module's function, the one place a command's checks go through."""
    return validation.validate(
        source,
        max_issues=validator.max_issues,
        today=validator.today,
        reporting=validator.reporting,
    )


def validator_of(args: argparse.Namespace) -> validation.Validator:
    """Build the validator the options ask for: issues listed, today, reporting limits.

    Raises:
        ValueError: ``--inactive-after`` is not more than ``--late-after``.
    """
    defaults = ReportingLimits()
    late = getattr(args, "late_after", None) or defaults.late_after
    inactive = getattr(args, "inactive_after", None) or defaults.inactive_after
    try:
        reporting = ReportingLimits(late_after=late, inactive_after=inactive)
    except ValueError:
        raise ValueError(
            f"--inactive-after ({inactive} months) must be more than --late-after ({late} months)"
        ) from None
    return validation.Validator(
        max_issues=args.max_issues, today=getattr(args, "today", None), reporting=reporting
    )


def _reports(
    inputs: Sequence[Input], jobs: int | None, validator: validation.Validator
) -> Iterator[Report]:
    """Yield the report of each input, in order; files are checked ``jobs`` at a time."""
    paths = [item.path for item in inputs if item.path is not None]
    check = functools.partial(check_file, validator=validator)
    pooled = check_paths(paths, jobs=default_jobs() if jobs is None else jobs, check=check)
    for item in inputs:
        yield next(pooled) if item.path is not None else check_input(item, validator)


def run_validate(args: argparse.Namespace) -> int:
    """Run ``partnering validate`` with the parsed arguments, and return the exit status."""
    fail_on = Severity(args.fail_on)
    as_text = args.format == "text"
    style = Style(color=use_color(args.color, sys.stdout), unicode=is_utf8(sys.stdout))
    inputs = [Input.of(name) for name in args.files] or [Input.of(None)]
    progress = Progress.for_inputs(sys.stderr, inputs)
    results: list[tuple[str, Report]] = []
    status = 0
    written = False
    tally = {"valid": 0, "not valid": 0, "unreadable": 0}
    try:
        validator = validator_of(args)
    except ValueError as problem:
        error(str(problem))
        return 2
    reports = _reports(inputs, getattr(args, "jobs", None), validator)
    for index, item in enumerate(inputs, start=1):
        progress.show(index, len(inputs), item.label)
        report = next(reports)
        progress.clear()
        results.append((item.source, report))
        if said_unreadable(report):
            status = 2
            tally["unreadable"] += 1
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
    if args.format == "html":
        from partnering._html import validation_page

        sys.stdout.write(
            validation_page(results, version=library_version(), max_issues=args.max_issues)
        )
    elif not as_text:
        # Imported here: cattrs, which writes the JSON report, is slow to import.
        from partnering._report_json import iter_json

        sys.stdout.writelines(
            iter_json(results, version=library_version(), max_issues=args.max_issues)
        )
    elif len(inputs) > 1 and not args.quiet:
        counted = ", ".join(f"{count} {what}" for what, count in tally.items() if count)
        sys.stdout.write(f"\n{len(inputs)} files checked: {counted}\n")
    return status
