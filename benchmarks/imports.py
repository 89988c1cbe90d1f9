"""Measure ``partnering import``: a workbook of 10,000 rows through a mapping, with peak memory.

Run from the repository's root, with the ``import`` and ``bench`` extras installed::

    python -m benchmarks.imports                 # 10,000 rows, XLSX and CSV
    python -m benchmarks.imports --rows 500      # a quick run while developing

Each import runs in a fresh interpreter, which reports its time and its peak resident memory
(``ru_maxrss``); the peak of an interpreter that only imports the library is given beside it,
so the difference is what the import itself holds. The organisations are invented.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

MAPPING = """\
namespace = "bench"
[dates]
forms = ["YYYY-MM-DD", "Mon-YYYY", "Month D YYYY"]
[lists]
separators = [";", ","]
drop = ["and", "etc."]
[partnerships]
sheet = "Projects"
[partnerships.columns]
Project = "title"
Start = "start_date"
Partners = "participants"
Goals = "sdgs"
Country = "countries"
"""

_WORDS = ["River", "Valley", "Hill", "Coast", "Harbour", "Meadow", "Summit", "Forest"]
_KINDS = ["Trust", "Council", "Foundation", "Ltd", "Institute", "Network", "Cooperative"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rows(count: int, seed: int = 12) -> list[list[str]]:
    """Invented rows: free-text partner lists from 2,000 example organisations, mixed dates."""
    generator = random.Random(seed)
    names = [
        f"Example {a} {b} {kind}" for a in _WORDS for b in _WORDS for kind in _KINDS if a != b
    ] * 5
    made = []
    for number in range(count):
        partners = generator.sample(names, generator.randint(2, 5))
        if generator.random() < 0.2:
            partners.append("etc.")
        year = generator.randint(2005, 2024)
        start = generator.choice(
            [
                f"{year}-03-0{generator.randint(1, 9)}",
                f"{_MONTHS[number % 12]}-{year}",
                f"April 30 {year}",
            ]
        )
        made.append([
            f"Example project {number}",
            start,
            "; ".join(partners),
            ", ".join(str(goal) for goal in generator.sample(range(1, 18), 2)),
            generator.choice(["Kenya", "GH", "Tanzania", "ZM"]),
        ])  # fmt: skip
    return made


HEADER = ["Project", "Start", "Partners", "Goals", "Country"]


def write_sources(folder: Path, count: int) -> tuple[Path, Path]:
    """Write the workbook and the CSV file of ``count`` rows; return their paths."""
    import openpyxl

    data = rows(count)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Projects")
    sheet.append(HEADER)
    for row in data:
        sheet.append(row)
    workbook = folder / "projects.xlsx"
    book.save(workbook)
    table = folder / "projects.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows(data)
    return workbook, table


_CHILD = """\
import json, resource, sys, time
import partnering.imports as imports
started = time.perf_counter()
result = imports.import_table(sys.argv[1], sys.argv[2]) if len(sys.argv) > 2 else None
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "seconds": seconds,
    "peak_kib": peak,
    "partnerships": len(result.dataset.partnerships) if result and result.dataset else None,
    "partners": len(result.dataset.partners) if result and result.dataset else None,
    "findings": len(result.findings) if result else None,
}))
"""


def measure(*arguments: str) -> dict[str, Any]:
    """Run one import in a fresh interpreter and return what it reports."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *arguments],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.imports")
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the sheet")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        mapping = folder / "bench.toml"
        mapping.write_text(MAPPING, encoding="utf-8")
        workbook, table = write_sources(folder, args.rows)
        baseline = measure()
        base = baseline["peak_kib"] / 1024
        print(f"{args.rows:,} rows; an interpreter with partnering loaded peaks at {base:.0f} MiB")
        for source in (workbook, table):
            found = measure(str(mapping), str(source))
            peak = found["peak_kib"] / 1024
            print(
                f"{source.suffix[1:]:>4}: {found['seconds']:.2f} s, peak {peak:.0f} MiB "
                f"({peak - base:+.0f} MiB over the baseline); "
                f"{found['partnerships']:,} partnerships, {found['partners']:,} partners, "
                f"{found['findings']:,} findings"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
