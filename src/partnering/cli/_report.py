"""``partnering report``: write the report of a valid file as one self-contained HTML page.

Example:
    >>> import argparse, pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> run_report(argparse.Namespace(file=None, output=str(out)))
    wrote ...report.html
    0
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from partnering._render import shown
from partnering.cli._dataset import UNREADABLE, Steps, read_dataset
from partnering.cli._parser import library_version
from partnering.cli._terminal import STDIN, error

__all__ = ["run_report"]


def run_report(args: argparse.Namespace) -> int:
    """Run ``partnering report`` with the parsed arguments, and return the exit status."""
    from partnering.cli._stats import reporting_of

    try:
        today, limits = reporting_of(args)
    except ValueError as problem:
        error(str(problem))
        return UNREADABLE
    steps = Steps(sys.stderr)
    dataset, status, label = read_dataset(args.file, steps)
    if dataset is None:
        return status
    from partnering._files import write_bytes
    from partnering._html import analysis_page
    from partnering.errors import WriteError

    steps.show("computing the figures and plans")
    page = analysis_page(
        dataset, label=label, version=library_version(), today=today, limits=limits
    )
    if args.output == STDIN:
        steps.clear()
        sys.stdout.write(page)
        return 0
    steps.show(f"writing {shown(args.output, 60)}")
    try:
        write_bytes(Path(args.output), page.encode("utf-8"))
    except WriteError as problem:
        steps.clear()
        error(shown(problem.message))
        return UNREADABLE
    steps.clear()
    sys.stdout.write(f"wrote {shown(args.output)}\n")
    return 0
