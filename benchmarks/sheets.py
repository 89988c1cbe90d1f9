"""Benchmark workbooks: JSON -> XLSX and XLSX -> validated dataset, against openpyxl alone.

``python -m benchmarks.sheets [--sizes 1000,10000] [--repeats 3] [--output PATH]``

For each size, the generated registry (:mod:`benchmarks.generate`) is

- written as a workbook by :func:`partnering.sheets.workbook_bytes_of` (the layout, the
  cells and the write-only workbook), against openpyxl alone writing the very same rows of
  cells in write-only mode;
- read back and validated by :func:`partnering.sheets.check_sheets` (safety checks, cells,
  validation, the dataset), against openpyxl alone reading every cell of every sheet in
  read-only mode, and python-calamine doing the same when it is installed.

The ratio to openpyxl alone is the cost of the layout and the checks; the target is at most
2x. Peak memory is the resident set of a fresh process that does one operation, measured
apart from the timings.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generate import dataset as generated


def _dataset(size: int) -> Any:
    from partnering import structure

    return structure(generated(size))


def _tables(dataset: Any) -> list[Any]:
    from partnering.convert import unstructure
    from partnering.sheets import LAYOUT
    from partnering.sheets._tables import tables

    return list(tables(LAYOUT, unstructure(dataset)))


def plain_write(tables: list[Any]) -> bytes:
    """Write the same rows with openpyxl alone, in write-only mode."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(table.title)
        sheet.append(list(table.headers))
        for row in table.rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def plain_read(path: Path) -> int:
    """Read every cell of every sheet with openpyxl alone, in read-only mode."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
    return cells


def calamine_read(path: Path) -> int:
    """Read every cell of every sheet with python-calamine."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            cells += len(row)
    return cells


def _timed(function: Callable[[], object], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _peak(case: str, size: int, path: Path) -> float:
    """Run one operation in a fresh process; return its peak resident memory in MiB."""
    # VmHWM, not getrusage's ru_maxrss, which Linux carries over from the parent through exec.
    code = (
        "from benchmarks import sheets\n"
        f"sheets._one({case!r}, {size}, {str(path)!r})\n"
        "print(sheets.peak_kib())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=1800
    )
    return int(result.stdout.split()[-1]) / 1024


def peak_kib() -> int:
    """The peak resident memory of this process, in KiB (Linux)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _one(case: str, size: int, path: str) -> None:
    from partnering.sheets import check_sheets, workbook_bytes_of

    if case == "write":
        workbook_bytes_of(_dataset(size))
    elif case == "plain-write":
        plain_write(_tables(_dataset(size)))
    elif case == "read":
        dataset, _ = check_sheets(path)
        assert dataset is not None
    elif case == "plain-read":
        plain_read(Path(path))
    elif case == "baseline":
        _dataset(size)


def measure(size: int, repeats: int, folder: Path, memory: bool) -> dict[str, Any]:
    """Time the four cases at one size (and calamine when installed)."""
    from partnering.sheets import check_sheets, workbook_bytes_of

    dataset = _dataset(size)
    tables = _tables(dataset)
    path = folder / f"registry-{size}.xlsx"
    path.write_bytes(workbook_bytes_of(dataset))
    back, report = check_sheets(path)
    assert back == dataset, report.issues[:3]
    result: dict[str, Any] = {
        "size": size,
        "cells": sum(len(table.rows) * len(table.headers) for table in tables),
        "bytes": path.stat().st_size,
        "write": _timed(lambda: workbook_bytes_of(dataset), repeats),
        "plain_write": _timed(lambda: plain_write(tables), repeats),
        "read": _timed(lambda: check_sheets(path), repeats),
        "plain_read": _timed(lambda: plain_read(path), repeats),
    }
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        result["calamine_read"] = None
    else:
        result["calamine_read"] = _timed(lambda: calamine_read(path), repeats)
    if memory:
        baseline = _peak("baseline", size, path)
        result["peak_mib"] = {
            case: _peak(case, size, path) for case in ("write", "plain-write", "read", "plain-read")
        }
        result["peak_mib"]["dataset alone"] = baseline
    return result


def table(results: list[dict[str, Any]]) -> str:
    """Render the results as the Markdown table of the README's section."""
    lines = [
        "| partners | cells | task | partnering | openpyxl alone | ratio | peak memory |",
        "|---:|---:|---|---:|---:|---:|---:|",
    ]
    for result in results:
        peaks = result.get("peak_mib", {})
        for task, ours, plain, key in (
            ("JSON -> XLSX", "write", "plain_write", "write"),
            ("XLSX -> validated dataset", "read", "plain_read", "read"),
        ):
            peak = peaks.get(key)
            plain_peak = peaks.get(f"plain-{key}")
            memory = f"{peak:.0f} MiB (alone: {plain_peak:.0f})" if peak else "-"
            lines.append(
                f"| {result['size']:,} | {result['cells']:,} | {task} | "
                f"{result[ours] * 1000:,.0f} ms | {result[plain] * 1000:,.0f} ms | "
                f"{result[ours] / result[plain]:.2f}x | {memory} |"
            )
        if result.get("calamine_read"):
            lines.append(
                f"| {result['size']:,} | {result['cells']:,} | read every cell, python-calamine "
                f"| - | {result['calamine_read'] * 1000:,.0f} ms | - | - |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sheets")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(part) for part in args.sizes.split(",")):
            results.append(measure(size, args.repeats, Path(folder), not args.no_memory))
            print(f"measured {size:,} partners", file=sys.stderr)
    print(table(results))
    if args.output is not None:
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
