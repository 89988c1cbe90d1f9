"""``partnering convert`` and ``partnering template``: datasets as workbooks and CSV folders.

Example:
    >>> import argparse, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> args = argparse.Namespace(
    ...     output=str(folder / "t.xlsx"), assessment=None, source=None, force=False
    ... )
    >>> run_template(args)
    wrote ...t.xlsx: an empty workbook for data entry
    0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from partnering._render import render_text
from partnering.cli._terminal import error, said_unreadable
from partnering.errors import PartneringError, WriteError
from partnering.models import Dataset
from partnering.report import Report

__all__ = ["output_kind", "run_convert", "run_template"]

_KINDS = {".json": "json", ".xlsx": "xlsx"}


def output_kind(path: Path) -> str | None:
    """Tell what to write from a path: ``json``, ``xlsx``, ``csv`` (a folder), or ``None``.

    Example:
        >>> output_kind(Path("a.json")), output_kind(Path("out")), output_kind(Path("a.xls"))
        ('json', 'csv', None)
    """
    if path.suffix.lower() in _KINDS:
        return _KINDS[path.suffix.lower()]
    if not path.suffix or path.is_dir():
        return "csv"
    return None


def _read(path: Path, max_rows: int | None) -> tuple[Dataset | None, Report]:
    from partnering.sheets import Limits, check_sheets, is_sheets

    if is_sheets(path):
        limits = Limits() if max_rows is None else Limits(max_rows=max_rows)
        return check_sheets(path, limits=limits)
    from partnering import validation

    return validation.check(path)


def _write(dataset: Dataset, path: Path, kind: str, force: bool) -> None:
    from partnering import sheets

    if kind == "json":
        from partnering._files import write_bytes
        from partnering.documents import dumps

        write_bytes(path, dumps(dataset).encode("utf-8"), replace=force)
    elif kind == "xlsx":
        sheets.write_workbook(dataset, path, replace=force)
    else:
        sheets.write_csv_folder(dataset, path)


def run_convert(args: argparse.Namespace) -> int:
    """Run ``partnering convert`` with the parsed arguments, and return the exit status."""
    source, target = Path(args.input), Path(args.output)
    kind = output_kind(target)
    if kind is None:
        error(
            f"cannot tell what to write from {args.output!r}: name a .json or .xlsx file, "
            "or a folder for CSV files"
        )
        return 2
    dataset, report = _read(source, getattr(args, "max_rows", None))
    if said_unreadable(report):
        return 2
    if dataset is None:
        sys.stdout.write(render_text(report, args.input))
        error(f"nothing written: fix {args.input} first")
        return 1
    try:
        _write(dataset, target, kind, getattr(args, "force", False))
    except (WriteError, PartneringError) as problem:
        error(str(problem))
        return 2
    sys.stdout.write(f"wrote {args.output} from {args.input}\n")
    return 0


def run_template(args: argparse.Namespace) -> int:
    """Run ``partnering template`` with the parsed arguments, and return the exit status."""
    from partnering import sheets

    force = getattr(args, "force", False)
    if Path(args.output).suffix.lower() != ".xlsx":
        error(f"a template is an .xlsx workbook, not {args.output!r}")
        return 2
    try:
        if args.assessment is None:
            sheets.write_template(args.output, replace=force)
            what = "an empty workbook for data entry"
        else:
            source = None
            if args.source is not None:
                dataset, report = _read(Path(args.source), None)
                if dataset is None:
                    sys.stdout.write(render_text(report, args.source))
                    return 2 if sheets.unreadable(report) else 1
                source = dataset
            sheets.write_assessment_template(args.output, args.assessment, source, replace=force)
            what = f"a self-assessment workbook for {args.assessment!r}"
    except KeyError as problem:
        error(str(problem.args[0]))
        return 2
    except WriteError as problem:
        error(str(problem))
        return 2
    sys.stdout.write(f"wrote {args.output}: {what}\n")
    return 0
