"""``partnering fix``: make the mechanical corrections of a file, show them, write them.

The corrections are shown as a unified diff; the corrected file is written in one step (in
place, or to ``--output``), or not at all with ``--dry-run``; then what still needs a person
is listed as ``partnering validate`` lists it. The file read is never changed but by that
one write.

Example:
    >>> import argparse, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
    >>> _ = path.write_text('{"schema_version": "1.0",}', encoding="utf-8")
    >>> args = argparse.Namespace(file=str(path), output=None, dry_run=True, color="never")
    >>> run_fix(args)
    --- ...a.json
    +++ ...a.json (fixed)
    @@ -1 +1 @@
    -{"schema_version": "1.0",}
    +{"schema_version": "1.0"}
    <BLANKLINE>
    1 correction (dry run: nothing written)
    <BLANKLINE>
    ...a.json, once corrected, is valid (format 1.0)
    0
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from partnering.cli._changed_file import read_source, write_result
from partnering.cli._terminal import error, is_utf8, use_color

__all__ = ["run_fix"]

_KINDS = {
    "byte-order-mark": ("byte order mark removed", "byte order marks removed"),
    "trailing-comma": ("trailing comma", "trailing commas"),
    "smart-quotes": ("text in typographic quotes", "texts in typographic quotes"),
    "single-quotes": ("text in single quotes", "texts in single quotes"),
    "code-spelling": (
        "code in other capitals or separators",
        "codes in other capitals or separators",
    ),
    "code-title": ("code title", "code titles"),
    "country-name": ("country name", "country names"),
    "whole-number": ("whole number written as text", "whole numbers written as text"),
    "whole-number-fraction": (
        "whole number written with a fraction",
        "whole numbers written with a fraction",
    ),
    "line-endings": (
        "text with carriage-return line breaks",
        "texts with carriage-return line breaks",
    ),
}


def _counted(kinds: Counter[str]) -> str:
    return ", ".join(
        f"{count} {_KINDS[kind][0 if count == 1 else 1]}" for kind, count in kinds.items()
    )


def run_fix(args: argparse.Namespace) -> int:
    """Run ``partnering fix`` with the parsed arguments, and return the exit status."""
    from partnering._render import Style, render_text, shown
    from partnering.fixing import fix
    from partnering.sheets import is_sheets

    source = Path(args.file)
    if is_sheets(source):
        # Corrections are made on the text of an exchange file, keeping its layout; a
        # workbook has no such text. Its cells are corrected by hand, or its JSON is.
        json_name = shown(str(source.with_suffix(".json")))
        error(
            f"{shown(str(source))} is a workbook or a folder of CSV files; fix corrects "
            f"exchange files: run 'partnering convert {shown(str(source))} {json_name}', "
            f"then fix {json_name}"
        )
        return 2
    data = read_source(source)
    if data is None:
        return 2
    result = fix(data)
    target = Path(args.output) if args.output else source
    label = shown(str(target))
    out = sys.stdout
    count = len(result.changes)
    if result.changed:
        out.write(result.diff(str(source)) + "\n")
        counted = f"{count} correction{'s' if count != 1 else ''}"
        details = f" ({_counted(Counter(change.kind for change in result.changes))})"
        if args.dry_run:
            out.write(f"{counted} (dry run: nothing written)\n\n")
        else:
            if not write_result(
                target, result.text.encode("utf-8", "surrogateescape"), source=source
            ):
                return 2
            out.write(f"{counted} written to {label}{details}\n\n")
    else:
        out.write("nothing to correct mechanically\n\n")
        if args.output and not args.dry_run and not write_result(target, data):
            return 2
    style = Style(color=use_color(args.color, out), unicode=is_utf8(out))
    name = f"{target}, once corrected," if result.changed and args.dry_run else str(target)
    if not result.changed and args.dry_run:
        name = str(source)
    out.write(render_text(result.report, name, style=style))
    out.flush()
    return 0 if result.report.valid else 1
