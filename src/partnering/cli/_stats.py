r"""``partnering stats``: the portfolio figures of a file, as tables, JSON or CSV.

Every figure states what it counts, its denominator and what it left out, in all three
forms. Text shows at most a few ids per row; JSON and CSV list every id.

Example:
    >>> from partnering import load, example_path
    >>> from partnering.analysis import portfolio
    >>> text = render_text(portfolio(load(example_path())).figures[:1])
    >>> print("\n".join(text.splitlines()[:3]))
    SDGs covered, by partnerships
      Each of the partnerships that lists SDGs counts under every SDG it lists; ...
      partnerships: 1 counted of 3; left out: 2 (no SDGs listed: 2)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from partnering._render import shown
from partnering.analysis import Figure
from partnering.cli._dataset import UNREADABLE, Steps, read_dataset
from partnering.cli._terminal import error
from partnering.reporting import ReportingLimits

__all__ = ["figure_record", "render_csv", "render_json", "render_text", "run_stats"]

_CSV_COLUMNS = (
    "figure",
    "kind",
    "key",
    "label",
    "count",
    "amount",
    "share",
    "denominator",
    "ids",
)


def amount_text(amount: Decimal | None, *, grouped: bool = False) -> str:
    """Write an exact amount in full, never in exponent form; ``-`` for no amount.

    Example:
        >>> amount_text(Decimal("1.5E+6"), grouped=True), amount_text(Decimal("0.10"))
        ('1,500,000', '0.10')
    """
    if amount is None:
        return "-"
    return format(amount, ",f" if grouped else "f")


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def _left_out(figure: Figure) -> str:
    if not figure.left_out:
        return "none left out"
    reasons = "; ".join(f"{item.reason}: {len(item.ids)}" for item in figure.left_out)
    return f"left out: {len(figure.left_out_ids)} ({reasons})"


def render_text(figures: Sequence[Figure]) -> str:
    """Lay out figures as tables: each row's key, label, count and share."""
    lines: list[str] = []
    for figure in figures:
        if lines:
            lines.append("")
        lines += [
            shown(figure.title),
            f"  {shown(figure.definition)}",
            f"  {figure.unit}: {figure.denominator} counted of {figure.total}; {_left_out(figure)}",
        ]
        rows = [
            (
                shown(row.key, 40),
                shown(row.label, 60),
                str(row.count),
                _percent(figure.share(row)),
                "" if figure.summed is None else amount_text(row.amount, grouped=True),
            )
            for row in figure.counts
        ]
        if not rows:
            lines.append("  (no rows)")
            continue
        widths = [max(len(row[column]) for row in rows) for column in range(5)]
        for key, label, count, share, amount in rows:
            lines.append(
                f"  {key:<{widths[0]}}  {label:<{widths[1]}}  "
                f"{count:>{widths[2]}}  {share:>{widths[3]}}  {amount:>{widths[4]}}".rstrip()
            )
    return "\n".join(lines) + "\n"


def figure_record(figure: Figure) -> dict[str, Any]:
    """Return a figure as plain data, as ``--format json`` writes it.

    A figure that sums amounts has ``summed``, and each row its ``amount`` as a string that
    holds the exact decimal (``"0.1"``), or ``null``: a JSON number would be read as a float.
    """
    counts = figure.rows()
    if figure.summed is not None:
        for row in counts:
            row["amount"] = None if row["amount"] is None else amount_text(row["amount"])
    summed = {} if figure.summed is None else {"summed": figure.summed}
    return {
        "name": figure.name,
        "title": figure.title,
        "unit": figure.unit,
        "definition": figure.definition,
        "total": figure.total,
        "denominator": figure.denominator,
        "multiple": figure.multiple,
        **summed,
        "counts": counts,
        "left_out": [{"reason": item.reason, "ids": list(item.ids)} for item in figure.left_out],
    }


def render_json(figures: Sequence[Figure], label: str) -> str:
    """Write figures as one JSON document: the file's name, then every figure."""
    document = {"file": label, "figures": [figure_record(figure) for figure in figures]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_csv(figures: Sequence[Figure]) -> str:
    """Write figures as one CSV table: a line per row of each figure, then its omissions.

    ``kind`` is ``count`` for a row and ``left-out`` for records left out, whose ``key`` is
    the reason; ``amount`` is the row's exact sum in a figure that sums amounts, else empty;
    ``ids`` are separated by spaces (ids hold none).
    """
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for figure in figures:
        for row in figure.counts:
            share = figure.share(row)
            writer.writerow(
                [
                    figure.name,
                    "count",
                    row.key,
                    row.label,
                    row.count,
                    "" if row.amount is None else amount_text(row.amount),
                    "" if share is None else f"{share:.6g}",
                    figure.denominator,
                    " ".join(row.ids),
                ]
            )
        for omission in figure.left_out:
            writer.writerow(
                [
                    figure.name,
                    "left-out",
                    omission.reason,
                    "",
                    len(omission.ids),
                    "",
                    "",
                    figure.denominator,
                    " ".join(omission.ids),
                ]
            )
    return text.getvalue()


def reporting_of(args: argparse.Namespace) -> tuple[date, ReportingLimits]:
    """Return the day and the limits of the reporting status that the options ask for.

    The limits are read as ``validate`` reads them; the day is today unless ``--today``
    gives another.

    Raises:
        ValueError: ``--inactive-after`` is not more than ``--late-after``.
    """
    from partnering.cli._validate import validator_of

    options = argparse.Namespace(
        max_issues=None,
        late_after=getattr(args, "late_after", None),
        inactive_after=getattr(args, "inactive_after", None),
    )
    limits = validator_of(options).reporting
    return getattr(args, "today", None) or date.today(), limits


def run_stats(args: argparse.Namespace) -> int:
    """Run ``partnering stats`` with the parsed arguments, and return the exit status."""
    try:
        today, limits = reporting_of(args)
    except ValueError as problem:
        error(str(problem))
        return UNREADABLE
    steps = Steps(sys.stderr)
    dataset, status, label = read_dataset(args.file, steps)
    if dataset is None:
        return status
    from partnering.analysis import portfolio

    steps.show("computing the figures")
    figures = portfolio(dataset, today=today, limits=limits).figures
    steps.clear()
    if args.format == "json":
        sys.stdout.write(render_json(figures, label))
    elif args.format == "csv":
        sys.stdout.write(render_csv(figures))
    else:
        sys.stdout.write(render_text(figures))
    return 0
