"""The tables of a run, in Markdown, as the README shows them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLE_START = "<!-- results:start -->"
TABLE_END = "<!-- results:end -->"

_STEPS = ["read and strict parse", "schema", "rules", "structure", "free the parsed data"]


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:,.0f}" if seconds >= 0.1 else f"{seconds * 1000:,.1f}"


def _ratio(value: float | None, base: float | None) -> str:
    if value is None or base is None or base == 0:
        return "-"
    return f"{value / base:.2f}"


def _joined(values: list[float] | None) -> str:
    return "unknown" if values is None else ", ".join(f"{value:.2f}" for value in values)


def _median_of(run: dict[str, Any], shape: str, size: int, case: str) -> float | None:
    for result in run["results"]:
        if result["shape"] == shape and result["size"] == size and result["case"] == case:
            return float(result["median"])
    return None


def _heading(run: dict[str, Any]) -> list[str]:
    info = run["machine"]
    load = run["load_average"]
    settings = run["settings"]
    first = (
        f"Run of {run['finished']} on {info['cpu']} ({info['cores']} cores), "
        f"{info['platform']}, Python {info['python']}; medians of {settings['repeats']} runs, "
        f"{settings['large_repeats']} above {settings['naive_once_above']:,} partners. The "
        f"naive pipeline runs once from {settings['naive_once_from']:,} partners, and above "
        f"{settings['naive_once_above']:,} only on the compact shape. "
        f"Load average (1, 5, 15 min) at the start {_joined(load['start'])}, at the end "
        f"{_joined(load['end'])}."
    )
    for later in run.get("later_runs", []):
        at_start = _joined(later["load_average"]["start"])
        first += (
            f" Part of it was measured by a later run, `{later['command']}`, finished "
            f"{later['finished']}; load average at its start {at_start}."
        )
    counts = ", ".join(
        f"{entry['corrupt_issues']:,} ({entry['shape']}, {entry['partners']:,} partners)"
        for entry in run["files"].values()
    )
    versions = ", ".join(f"{name} {version}" for name, version in info["packages"].items())
    return [
        first,
        "",
        f"Versions: {versions}. Issues in the corrupt files: {counts}.",
        "",
    ]


def _times(run: dict[str, Any]) -> list[str]:
    lines = [
        "| shape | partners | file | case | median ms | × floor | × naive | × pydantic |",  # noqa: RUF001
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for shape in run["settings"]["shapes"]:
        for size in run["settings"]["sizes"]:
            if f"{shape}/{size}" not in run["files"]:
                continue  # not measured: the run was stopped before
            floor = _median_of(run, shape, size, "floor")
            naive = _median_of(run, shape, size, "naive")
            peer_time = _median_of(run, shape, size, "peer")
            megabytes = run["files"][f"{shape}/{size}"]["valid_bytes"] / 1_000_000
            for result in run["results"]:
                if result["shape"] != shape or result["size"] != size:
                    continue
                value = result["median"]
                once = len(result["runs"]) == 1 and result["case"] == "naive"
                label = result["label"] + (" (1 run)" if once else "")
                lines.append(
                    f"| {shape} | {size:,} | {megabytes:.1f} MB | {label} | {_ms(value)} | "
                    f"{_ratio(value, floor)} | {_ratio(value, naive)} | "
                    f"{_ratio(value, peer_time)} |"
                )
    return lines


def _phases(run: dict[str, Any]) -> list[str]:
    lines = [
        "Where the time goes: each step of `partnering.load` (valid file) and of "
        "`partnering.validate` (corrupt file), medians in ms:",
        "",
        "| shape | partners | case | " + " | ".join(_STEPS) + " |",
        "|---|---:|---|" + "---:|" * len(_STEPS),
    ]
    for entry in run["files"].values():
        phases = entry["phases"]
        for case, label in (("load", "load"), ("validate_corrupt", "validate, 1% corrupt")):
            cells = [_ms(phases[case].get(step)) for step in _STEPS]
            lines.append(
                f"| {entry['shape']} | {entry['partners']:,} | {label} | "
                + " | ".join(cells)
                + " |"
            )
    return lines


def _memory(run: dict[str, Any]) -> list[str]:
    measured = [entry for entry in run["files"].values() if "memory" in entry]
    if not measured:
        return []
    lines = [
        "Peak memory: the growth of the peak resident set (VmHWM) while each reader reads the "
        "file, each in a new process, in MB:",
        "",
        "| shape | partners | file | json.loads | partnering.load | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for entry in measured:
        memory = entry["memory"]
        floor = memory["json.loads"]["peak_increase_bytes"]
        load = memory["partnering.load"]["peak_increase_bytes"]
        lines.append(
            f"| {entry['shape']} | {entry['partners']:,} | {memory['bytes'] / 1_000_000:.0f} MB "
            f"| {floor / 1_000_000:,.0f} | {load / 1_000_000:,.0f} | {_ratio(load, floor)} |"
        )
    return lines


def _processes(run: dict[str, Any]) -> list[str]:
    processes = run["processes"]
    if processes is None:
        return []
    lines = [
        f"Start-up, {processes['file']}, medians of {len(processes['partnering']['runs'])} runs:",
        "",
        "| command | exit status | median ms |",
        "|---|---:|---:|",
    ]
    for name in ("partnering", "check-jsonschema"):
        entry = processes[name]
        lines.append(f"| `{entry['command']}` | {entry['exit_status']} | {_ms(entry['median'])} |")
    jobs = run.get("jobs")
    if jobs is not None:
        lines += [
            "",
            f"Many files at once: `partnering validate --quiet --jobs N` on {jobs['files']} "
            f"valid files of {jobs['partners']:,} partners ({jobs['bytes'] / 1_000_000:.0f} MB "
            f"in all), medians of {len(jobs['jobs']['1']['runs'])} runs:",
            "",
            "| jobs | exit status | median ms | processor time, all processes, ms |",
            "|---:|---:|---:|---:|",
        ]
        for count, entry in jobs["jobs"].items():
            lines.append(
                f"| {count} | {entry['status']} | {_ms(entry['median'])} | "
                f"{_ms(entry.get('cpu_median'))} |"
            )
    return lines


def _targets(run: dict[str, Any]) -> list[str]:
    lines = ["| target | measured | limit | met |", "|---|---:|---:|:---:|"]
    for target in run["targets"]:
        lines.append(
            f"| {target['target']} | {target['value']:.2f} | {target['kind']} "
            f"{target['limit']:g} | {'yes' if target['met'] else '**no**'} |"
        )
    return lines


def table(run: dict[str, Any]) -> str:
    """Return the tables of a run: times, steps, memory, processes and targets."""
    sections = [_times(run), _phases(run), _memory(run), _processes(run), _targets(run)]
    lines = _heading(run)
    for section in sections:
        if section:
            lines += [*section, ""]
    return "\n".join(lines).rstrip("\n")


def update_readme(readme: Path, text: str) -> None:
    """Replace the results between the markers of ``readme`` with ``text``."""
    content = readme.read_text(encoding="utf-8")
    start = content.index(TABLE_START) + len(TABLE_START)
    end = content.index(TABLE_END)
    readme.write_text(content[:start] + "\n" + text + "\n" + content[end:], encoding="utf-8")
