"""``partnering import``: a table through a mapping, or an IATI file, into an exchange file.

Example:
    >>> import argparse
    >>> args = argparse.Namespace(paths=["x.csv"], preset="nope", source_format="table")
    >>> run_import(args)
    2
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["run_import"]


def _paths(args: argparse.Namespace) -> tuple[str | None, str] | None:
    from partnering.cli._terminal import error

    paths = list(args.paths)
    wanted = 1 if args.preset or args.source_format == "iati" else 2
    if len(paths) != wanted:
        what = "SOURCE" if wanted == 1 else "MAPPING SOURCE"
        error(f"import: give {what}")
        return None
    if args.preset:
        from partnering.imports import preset_path

        try:
            return str(preset_path(args.preset)), paths[0]
        except ValueError as problem:
            error(f"import: {problem}")
            return None
    return (None, paths[0]) if wanted == 1 else (paths[0], paths[1])


def run_import(args: argparse.Namespace) -> int:
    """Run the import and return the exit status."""
    from partnering._files import write_bytes
    from partnering.cli._terminal import error
    from partnering.errors import ReadError, WriteError
    from partnering.imports import import_iati, import_table

    paths = _paths(args)
    if paths is None:
        return 2
    mapping, source = paths
    try:
        result = import_iati(source) if mapping is None else import_table(mapping, source)
    except ReadError as problem:
        error(str(problem))
        return 2
    text = (
        json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n"
        if args.report_format == "json"
        else result.to_text()
    )
    try:
        if args.report:
            write_bytes(args.report, text.encode("utf-8"))
        else:
            sys.stdout.write(text)
        if result.dataset is not None and args.output:
            from partnering.documents import dumps

            write_bytes(args.output, dumps(result.dataset).encode("utf-8"))
    except WriteError as problem:
        error(str(problem))
        return 2
    if result.report is None:
        return 2
    if result.dataset is None or any(f.severity == "error" for f in result.findings):
        return 1
    return 0
