"""How long ``partnering stats`` and ``partnering report`` take, and how each grows with size.

Run from the repository's root: ``python -m benchmarks.analysis`` (1,000, 10,000 and
100,000 partners, 3 runs each: about five minutes on two cores). Options: ``--sizes
1000,10000``, ``--repeats N``, ``--output PATH`` (the JSON of every run; default
``benchmarks/results/analysis.json`` for the full run), ``--readme PATH`` (the file whose
analysis table to replace; default ``benchmarks/README.md`` for the full run).

The files are those of :mod:`benchmarks.generate`: ``n`` partners, as many partnerships and
``n // 100`` platforms, each with one assessment, so the report holds ``n // 100`` action
plans. Each command is timed whole, in-process, from the file to its output (reading and
checking the file included), and so is each of its steps, in CPU time of the process (the
wall-clock time is kept in the JSON too): ``load`` (read and check),
``portfolio`` (every figure), ``action_plans``, and the page (``analysis_page``, which computes
the figures, the plans and the network summary, and renders them).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generate import dataset, encode

FULL = (1_000, 10_000, 100_000)
ROOT = Path(__file__).resolve().parent
BEGIN = "<!-- analysis-table:begin -->"
END = "<!-- analysis-table:end -->"


def timed(function: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Return the median wall-clock and CPU seconds of ``repeats`` runs, each after a collection.

    The CPU time (of this process) is the one to compare: on a shared machine the wall clock
    also counts the time other work held the cores.
    """
    walls, cpus = [], []
    for _ in range(repeats):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def _command(*argv: str) -> Callable[[], object]:
    from partnering.cli import main

    def run() -> object:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = main(list(argv))
        if status != 0:
            raise RuntimeError(f"partnering {' '.join(argv)} exited {status}")
        return status

    return run


def measure(size: int, folder: Path, repeats: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Time both commands and their steps on one generated file."""
    import partnering
    from partnering._html import analysis_page
    from partnering.analysis import action_plans, portfolio

    path = folder / f"analysis-{size}.json"
    path.write_bytes(encode(dataset(size)))
    loaded = partnering.load(path)
    report = folder / "report.html"
    result: dict[str, Any] = {"partners": size, "bytes": path.stat().st_size}
    steps: dict[str, Callable[[], object]] = {
        "load": lambda: partnering.load(path),
        "portfolio": lambda: portfolio(loaded),
        "action_plans": lambda: action_plans(loaded),
        "analysis_page": lambda: analysis_page(loaded, label="a.json", version="bench"),
        "stats": _command("stats", str(path)),
        "stats_json": _command("stats", str(path), "--format", "json"),
        "report": _command("report", str(path), "-o", str(report)),
    }
    for name, function in steps.items():
        result[f"{name}_wall"], result[name] = timed(function, repeats)
        log(
            f"  {size:>7} partners  {name:<14} {result[name] * 1000:9.0f} ms CPU, "
            f"{result[f'{name}_wall'] * 1000:9.0f} ms wall"
        )
    result["page_bytes"] = report.stat().st_size
    return result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def table(results: list[dict[str, Any]]) -> str:
    """Lay the results out as Markdown: milliseconds per size, then growth per tenfold."""
    columns = [
        "stats",
        "stats_json",
        "report",
        "load",
        "portfolio",
        "action_plans",
        "analysis_page",
    ]
    labels = {
        "stats": "`partnering stats`",
        "stats_json": "`partnering stats --format json`",
        "report": "`partnering report`",
        "load": "of which `load` (read and check)",
        "portfolio": "`portfolio` (every figure)",
        "action_plans": "`action_plans`",
        "analysis_page": "`analysis_page` (figures, plans, network, HTML)",
    }
    sizes = [f"{result['partners']:,}" for result in results]
    lines = [
        "| CPU milliseconds | " + " | ".join(sizes) + " |",
        "|---|" + "---:|" * len(results),
    ]
    for column in columns:
        cells = [_ms(result[column]) for result in results]
        lines.append(f"| {labels[column]} | " + " | ".join(cells) + " |")
    lines.append(
        "| page written, bytes | "
        + " | ".join(f"{result['page_bytes']:,}" for result in results)
        + " |"
    )
    if len(results) > 1:
        lines += [
            "",
            "| growth from one size to the next | "
            + " | ".join(
                f"{a['partners']:,} to {b['partners']:,}" for a, b in itertools.pairwise(results)
            )
            + " |",
            "|---|" + "---:|" * (len(results) - 1),
        ]
        for column in ("stats", "report", "portfolio", "analysis_page"):
            ratios = [f"{b[column] / a[column]:.1f}" for a, b in itertools.pairwise(results)]
            lines.append(f"| {labels[column]} | " + " | ".join(ratios) + " |")
    return "\n".join(lines) + "\n"


def update_readme(readme: Path, text: str) -> None:
    """Replace the text between the analysis table's markers."""
    content = readme.read_text(encoding="utf-8")
    before, rest = content.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{BEGIN}\n{text}{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.analysis")
    parser.add_argument("--sizes", default=",".join(str(size) for size in FULL))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--output")
    parser.add_argument("--readme")
    args = parser.parse_args(argv)
    sizes = tuple(int(size) for size in args.sizes.split(","))
    full = sizes == FULL
    output = args.output or (str(ROOT / "results" / "analysis.json") if full else None)
    readme = args.readme or (str(ROOT / "README.md") if full else None)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as folder:
        results = [measure(size, Path(folder), args.repeats, log) for size in sizes]
    text = table(results)
    print(text, end="")
    if output:
        Path(output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if readme:
        update_readme(Path(readme), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
