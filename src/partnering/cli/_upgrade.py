r"""The ``partnering upgrade`` command: rewrite an exchange file in the newest version.

A minor version of the format only adds, so upgrading a valid file changes its
``schema_version`` and nothing it says. The file is checked first, against the version it
declares; a file with errors is not upgraded, since what it means is not settled. The
upgraded text goes to standard output, or with ``-o OUT`` to OUT in one step; the input is
rewritten only when OUT names it.

Example:
    >>> import argparse, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "old.json").write_text('{"schema_version": "1.0"}', encoding="utf-8")
    >>> args = argparse.Namespace(file=str(folder / "old.json"), output=str(folder / "new.json"))
    >>> run_upgrade(args)  # doctest: +ELLIPSIS
    /...old.json: format 1.0 upgraded to 1.1, written to /...new.json
    0
    >>> (folder / "new.json").read_text(encoding="utf-8")
    '{\n  "schema_version": "1.1"\n}\n'
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from partnering.cli._changed_file import read_source, write_result
from partnering.cli._terminal import error, is_utf8, use_color

__all__ = ["run_upgrade"]


def run_upgrade(args: argparse.Namespace) -> int:
    """Run ``partnering upgrade`` with the parsed arguments, and return the exit status."""
    from partnering._format import SCHEMA_VERSION
    from partnering._render import Style, render_text, shown
    from partnering.documents import dumps
    from partnering.validation import Validator

    source = Path(args.file)
    data = read_source(source)
    if data is None:
        return 2
    dataset, report = Validator().check(data)
    if dataset is None:
        style = Style(color=use_color("auto", sys.stderr), unicode=is_utf8(sys.stderr))
        sys.stderr.write(render_text(report, str(source), style=style))
        error(f"{shown(str(source))} has errors: fix them first; nothing was written")
        return 1
    text = dumps(dataset, version=SCHEMA_VERSION)
    if not args.output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    target = Path(args.output)
    if not write_result(target, text.encode("utf-8"), source=source):
        return 2
    done = f"format {report.schema_version} upgraded to {SCHEMA_VERSION}"
    if report.schema_version == SCHEMA_VERSION:
        done = f"already in format {SCHEMA_VERSION}, rewritten"
    sys.stdout.write(f"{shown(str(source))}: {done}, written to {shown(str(target))}\n")
    return 0
