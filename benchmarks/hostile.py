"""Hostile inputs, made on demand, and what ``partnering validate`` costs on each.

Every case is a file written by a function here, never committed: a file of errors, a file of
very long strings, a file of suspicious ids. Each case states what ``partnering validate``
must answer (the exit status, and an issue code the report must hold) and the bounds it must
keep: a time, and a peak resident set as a multiple of the file's size (plus a fixed allowance
for the interpreter and the report).

Run from the repository's root::

    python -m benchmarks.hostile                 # every case at full size, a table
    python -m benchmarks.hostile --scale 0.1     # the same cases, a tenth of the size
    python -m benchmarks.hostile --cases bad-countries,unknown-keys --keep /tmp/hostile
    python -m benchmarks.hostile --write /tmp/hostile   # only write the files

Each case runs ``python -m partnering validate --format json`` (or text, as the case says) in
a new process; its wall time and peak resident set (``ru_maxrss`` of that child, read from
``resource.getrusage(RUSAGE_CHILDREN)`` through ``os.wait4``) are measured, its exit status and
codes compared with the expected ones, and the size of its report recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

#: What the interpreter, the library and its schemas take before any file is read, in MB:
#: measured by :func:`baseline` at the start of a run (validating the bundled example).
BASELINE_MB = 40.0
#: What a run may take over the bound, in MB, for what a small file cannot account for: the
#: modules that only an invalid file imports (jsonschema), the allocator's arenas.
SLACK_MB = 16.0

_HEAD = '{"schema_version": "1.0", "title": "Hostile", "partners": ['
_TAIL = "]}\n"


def _partner(index: int, **fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": f"partner-{index}",
        "name": f"Partner {index}",
        "organisation_type": "21",
        "country": "KE",
    }
    record.update(fields)
    return record


def _records(path: Path, records: Iterator[str], *, head: str = _HEAD, tail: str = _TAIL) -> None:
    """Write a document whose partners are the JSON texts given, streaming."""
    with path.open("w", encoding="utf-8") as stream:
        stream.write(head)
        first = True
        for record in records:
            stream.write(record if first else ",\n" + record)
            first = False
        stream.write(tail)


def _repeated_bad_record(path: Path, size: int) -> None:
    # One record, bad in two ways the schema sees, repeated: the ids repeat too.
    record = json.dumps({"id": "p", "name": "", "organisation_type": "99", "country": "XX"})
    count = max(1, size // (len(record) + 2))
    _records(path, (record for _ in range(count)))


def _bad_countries(path: Path, size: int) -> None:
    count = max(1, size // 88)
    _records(path, (json.dumps(_partner(i, country="ZZ")) for i in range(count)))


def _bad_codes(path: Path, size: int) -> None:
    count = max(1, size // 80)
    _records(path, (json.dumps(_partner(i, organisation_type="bogus")) for i in range(count)))


def _suggestions(path: Path, size: int) -> None:
    # Near-duplicate ids: forty zeros with one letter or digit changed, so that deleting that
    # one character leaves every id the same; and references that dangle, each a zero short
    # of an id, or all zeros.
    width = 40
    alphabet = "123456789abcdefghijklmnopqrstuvwxyz"
    ids = [
        "0" * place + char + "0" * (width - place - 1)
        for char in alphabet
        for place in range(width)
    ]
    count = max(2, min(len(ids), size // 320))
    partners = ",\n".join(
        json.dumps({"id": ident, "name": f"P{i}", "organisation_type": "21"})
        for i, ident in enumerate(ids[:count])
    )
    partnerships = ",\n".join(
        json.dumps(
            {
                "id": f"s{i}",
                "title": f"S{i}",
                "participants": [
                    {"partner_id": ids[i][1:], "roles": ["implementing"]},
                    {"partner_id": "0" * (width - 1 - i % 3), "roles": ["implementing"]},
                ],
            }
        )
        for i in range(count)
    )
    path.write_text(
        '{"schema_version": "1.0", "partners": ['
        + partners
        + '],\n"partnerships": ['
        + partnerships
        + "]}\n",
        encoding="utf-8",
    )


def _long_string(path: Path, size: int) -> None:
    text = json.dumps({"schema_version": "1.0", "title": "Long", "description": "x"})
    path.write_text(text.replace('"x"', '"' + "x" * size + '"'), encoding="utf-8")


def _escapes(path: Path, size: int) -> None:
    # Valid: a description of escaped characters, six bytes each in the file.
    count = max(1, size // 6)
    with path.open("w", encoding="utf-8") as stream:
        stream.write('{"schema_version": "1.0", "title": "Escapes", "description": "')
        chunk = "\\u00e9" * 10_000
        for _ in range(count // 10_000):
            stream.write(chunk)
        stream.write("\\u00e9" * (count % 10_000) + '"}\n')


def _unknown_key(path: Path, size: int) -> None:
    text = json.dumps({"schema_version": "1.0", "title": "Key", "k": 1})
    path.write_text(text.replace('"k"', '"' + "k" * size + '"'), encoding="utf-8")


def _url(valid: bool) -> Callable[[Path, int], None]:
    def write(path: Path, size: int) -> None:
        base = "https://example.org/" if valid else "https://exa mple.org/"
        url = base + "a" * max(0, size - len(base))
        record = _partner(0, website="W")
        text = _HEAD + json.dumps(record).replace('"W"', '"' + url + '"') + _TAIL
        path.write_text(text, encoding="utf-8")

    return write


def _report_size(path: Path, size: int) -> None:
    # Unknown keys of escaped characters, each in a partner of its own: the JSON report
    # writes each key in its pointer.
    key = "\\u00e9" * 1_000
    count = max(1, size // (len(key) + 80))
    _records(
        path,
        (
            json.dumps(_partner(i)).replace('"country"', '"' + key + f'{i}": 1, "country"')
            for i in range(count)
        ),
    )


def _unknown_keys(path: Path, size: int) -> None:
    count = max(1, size // 12)
    keys = ", ".join(f'"k{i:07d}": 1' for i in range(count))
    record = json.dumps(_partner(0)).rstrip("}") + ", " + keys + "}"
    path.write_text(_HEAD + record + _TAIL, encoding="utf-8")


@attrs.frozen
class Case:
    """One hostile input: how to make it, what validate must say, and within what bounds.

    Attributes:
        name: the case's name.
        what: the case in words, as the table shows it.
        size: the file's size in bytes at full scale, about.
        write: the function that writes the file, given its path and size.
        status: the exit status ``validate`` must give.
        code: an issue code the report must hold, or ``None`` for a valid file.
        seconds: the most time the case may take.
        memory: the most peak memory, as a multiple of the file's size, over the baseline.
        args: further arguments to ``validate``.
        scales: whether the size follows ``--scale``; the suggestion cases double instead.
    """

    name: str
    what: str
    size: int
    write: Callable[[Path, int], None]
    status: int
    code: str | None
    seconds: float = 30.0
    memory: float = 3.0
    args: tuple[str, ...] = ()
    scales: bool = True


MB = 1_000_000

CASES: tuple[Case, ...] = (
    Case(
        "repeated-record",
        "52 MB: one bad record repeated",
        52 * MB,
        _repeated_bad_record,
        1,
        "unknown-code",
        args=("--max-issues", "5"),
    ),
    Case(
        "bad-countries",
        "100,000 partners, bad country",
        8_800_000,
        _bad_countries,
        1,
        "unknown-code",
    ),
    Case("bad-codes", "4 MB, 50,000 bad codes", 4 * MB, _bad_codes, 1, "unknown-code"),
    *(
        Case(
            f"suggestions-{kb}kb",
            f"{kb} KB: zero-padded ids, every reference dangles",
            kb * 1000,
            _suggestions,
            1,
            "dangling-reference",
            scales=False,
        )
        for kb in (50, 100, 200, 400)
    ),
    Case("long-string", "100 MB string (valid)", 100 * MB, _long_string, 0, None),
    Case("escapes", "50 MB escape-heavy (valid)", 50 * MB, _escapes, 0, None),
    Case("unknown-key", "20 MB unknown key", 20 * MB, _unknown_key, 1, "unknown-field"),
    Case("url-valid", "10 MB URL, valid", 10 * MB, _url(valid=True), 0, None),
    Case("url-invalid", "10 MB URL, invalid", 10 * MB, _url(valid=False), 1, "invalid-format"),
    Case(
        "report-size",
        "10 MB of escaped unknown keys: JSON report size",
        10 * MB,
        _report_size,
        1,
        "unknown-field",
    ),
    Case(
        "unknown-keys",
        "100,000 unknown keys in one record",
        1_200_000,
        _unknown_keys,
        1,
        "unknown-field",
    ),
)


@attrs.frozen
class Result:
    """What one case cost, and whether it kept its promises."""

    case: Case
    bytes: int
    seconds: float
    peak_mb: float
    status: int | None
    codes: tuple[str, ...]
    report_bytes: int
    #: How many issues the JSON report lists.
    listed: int | None
    note: str = ""

    baseline_mb: float = BASELINE_MB
    #: The processor time of the run (user and system), in seconds: on a machine others
    #: share, a steadier measure than the wall time.
    cpu_seconds: float | None = None
    #: The peak of the strict parse alone, in a new process, in MB: the floor of any check
    #: that holds the parsed data, as Python objects, in memory.
    parse_mb: float | None = None

    @property
    def ratio(self) -> float:
        """Peak memory over the baseline, as a multiple of the file's size."""
        return max(0.0, self.peak_mb - self.baseline_mb) / max(self.bytes / MB, 1e-9)

    @property
    def passed(self) -> bool:
        """Whether the verdict is right and both bounds are kept."""
        code_ok = self.case.code is None or self.case.code in self.codes
        return (
            self.status == self.case.status
            and code_ok
            and self.seconds <= self.case.seconds
            and self.memory_kept
        )

    @property
    def memory_kept(self) -> bool:
        """Whether the peak, over the baseline, is within the bound, plus the report's size.

        :data:`SLACK_MB` more is allowed for the interpreter's own noise.
        """
        allowed = self.case.memory * self.bytes / MB + self.report_bytes / MB + SLACK_MB
        return self.peak_mb - self.baseline_mb <= allowed


def write_case(case: Case, folder: Path, scale: float) -> Path:
    """Write one case's file into ``folder``, and return its path."""
    size = int(case.size * scale) if case.scales else case.size
    path = folder / f"{case.name}.json"
    case.write(path, max(size, 1000))
    return path


def baseline() -> float:
    """Measure the peak memory of validating the bundled example, in MB."""
    child = subprocess.Popen(
        [sys.executable, "-m", "partnering", "validate", "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(child.pid, 0)
    return float(usage.ru_maxrss / 1024)


# The parse as the validator makes it: a large document's equal flat objects shared.
_PARSE_ONLY = (
    "import sys; from partnering._json import parse_json_text; "
    "from partnering._reading import SHARE_OVER; data = open(sys.argv[1], 'rb').read(); "
    "parse_json_text(data, max_bytes=1 << 30, max_depth=64, shared=len(data) >= SHARE_OVER); "
    "print(next(line.split()[1] for line in open('/proc/self/status') "
    "if line.startswith('VmHWM')))"
)


def parse_peak(path: Path) -> float | None:
    """Measure the peak memory of the strict parse of a file alone, in MB.

    The child reads its own peak (``VmHWM``): the ``ru_maxrss`` of a child started without
    a fork of its own counts the benchmark's memory too.
    """
    done = subprocess.run(
        [sys.executable, "-c", _PARSE_ONLY, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return None  # the file is not JSON the reader accepts
    return float(done.stdout.strip()) / 1024


def run_case(
    case: Case, path: Path, timeout: float, limit_mb: int, base: float = BASELINE_MB
) -> Result:
    """Validate one case's file in a new process, measuring its time and peak memory."""
    command = [sys.executable, "-m", "partnering", "validate", "--format", "json", *case.args]
    out = path.with_suffix(".report")
    limit = limit_mb * 1024 * 1024

    def cap() -> None:  # runs in the child: a runaway case stops, the machine does not
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.perf_counter()
    with out.open("wb") as stream:
        child = subprocess.Popen(
            [*command, str(path)],
            stdout=stream,
            stderr=subprocess.DEVNULL,
            preexec_fn=cap,
        )
        note = ""
        deadline = started + timeout
        while True:
            pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, wait_status, usage = os.wait4(child.pid, 0)
                note = f"killed after {timeout:.0f} s"
                break
            time.sleep(0.05)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(wait_status)
    status = None if note else child.returncode
    if status is not None and status < 0:
        note = f"signal {-status}"
        status = None
    peak_mb = usage.ru_maxrss / 1024
    if status == 3 and peak_mb > limit_mb * 0.8:
        note = f"out of memory at {limit_mb} MB"
    codes: tuple[str, ...] = ()
    listed: int | None = None
    report_bytes = out.stat().st_size
    report: Any = None
    if status in (0, 1):
        try:
            with out.open("rb") as written:
                report = json.load(written)
            codes = tuple(sorted(report["files"][0]["counts_by_code"]))
            listed = len(report["files"][0]["issues"])
        except (OSError, ValueError, KeyError, IndexError) as problem:
            note = f"report unreadable: {type(problem).__name__}"
    out.unlink()
    del report  # not held while the next process starts
    size = path.stat().st_size
    parsed = parse_peak(path)
    cpu = usage.ru_utime + usage.ru_stime
    return Result(
        case, size, seconds, peak_mb, status, codes, report_bytes, listed, note, base, cpu, parsed
    )


def table(results: list[Result]) -> str:
    """Lay the results out as a Markdown table."""
    lines = [
        "| case | file | status | time (s) | peak RSS (MB) | x file | JSON report | bounds kept |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        kept = "yes" if result.passed else "no"
        status = "-" if result.status is None else str(result.status)
        note = f" ({result.note})" if result.note else ""
        lines.append(
            f"| {result.case.what} | {result.bytes / MB:.1f} MB | {status} | "
            f"{result.seconds:.1f} | {result.peak_mb:.0f} | {result.ratio:.1f} | "
            f"{result.report_bytes / MB:.2f} MB | {kept}{note} |"
        )
    return "\n".join(lines)


def _cell(row: dict[str, object] | None) -> tuple[str, str]:
    if row is None:
        return "-", "-"
    seconds = f"{row['seconds']:.1f}"
    if row.get("note"):
        seconds = f">{seconds} ({row['note']})" if "killed" in str(row["note"]) else seconds
    elif row.get("cpu_seconds") is not None:
        seconds += f" (cpu {row['cpu_seconds']:.1f})"
    return seconds, f"{row['peak_mb']:.0f}"


def compare(before: Path, after: Path) -> str:
    """Lay out two runs' results side by side, with the bounds of each case, as Markdown."""
    old = {row["case"]: row for row in json.loads(before.read_text(encoding="utf-8"))}
    new = {row["case"]: row for row in json.loads(after.read_text(encoding="utf-8"))}
    lines = [
        "| case | file | expected | time before (s) | peak before (MB) | time after (s) "
        "| peak after (MB) | after: x file | parse alone (MB) | JSON report after "
        "| bounds kept |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for case in CASES:
        if case.name not in old and case.name not in new:
            continue
        row = new.get(case.name) or old[case.name]
        expected = f"{case.status}" + (f", {case.code}" if case.code else "")
        before_time, before_peak = _cell(old.get(case.name))
        after_time, after_peak = _cell(new.get(case.name))
        ratio = "-"
        kept = "-"
        parsed = new.get(case.name, {}).get("parse_mb")
        parse = "-" if parsed is None else f"{float(parsed):.0f}"
        if case.name in new:
            growth = float(row["peak_mb"]) - float(row["baseline_mb"])
            ratio = f"{max(growth, 0.0) / (float(row['bytes']) / MB):.1f}"
            kept = "yes" if row["passed"] else "**no**"
        lines.append(
            f"| {case.what} | {float(row['bytes']) / MB:.1f} MB | {expected} | {before_time} | "
            f"{before_peak} | {after_time} | {after_peak} | {ratio} | {parse} | "
            f"{float(new[case.name]['report_bytes']) / MB if case.name in new else 0:.2f} MB "
            f"| {kept} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write the hostile files, validate each in a new process, and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the files, 1 = full")
    parser.add_argument("--cases", help="comma-separated names of the cases to run")
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="seconds before a case is killed"
    )
    parser.add_argument("--limit-mb", type=int, default=4096, help="address space of each run")
    parser.add_argument("--keep", type=Path, help="a folder to write the files into and keep")
    parser.add_argument("--write", type=Path, help="only write the files into this folder")
    parser.add_argument("--output", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("BEFORE", "AFTER"),
        help="print two runs' JSON results side by side, and run nothing",
    )
    parser.add_argument(
        "--parse-into",
        type=Path,
        metavar="RESULTS",
        help="measure the strict parse alone of each case, into a run's JSON results",
    )
    args = parser.parse_args(argv)
    if args.parse_into is not None:
        rows = json.loads(args.parse_into.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="hostile-") as temporary:
            for row in rows:
                case = next(case for case in CASES if case.name == row["case"])
                path = write_case(case, Path(temporary), args.scale)
                row["parse_mb"] = parse_peak(path)
                path.unlink()
        args.parse_into.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
        return 0
    if args.compare is not None:
        print(compare(*args.compare))
        return 0
    chosen = [case for case in CASES if not args.cases or case.name in args.cases.split(",")]
    if args.write is not None:
        args.write.mkdir(parents=True, exist_ok=True)
        for case in chosen:
            print(write_case(case, args.write, args.scale))
        return 0
    results = []
    base = baseline()
    print(f"baseline: {base:.0f} MB", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="hostile-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for case in chosen:
            path = write_case(case, folder, args.scale)
            result = run_case(case, path, args.timeout, args.limit_mb, base)
            results.append(result)
            print(
                f"{case.name}: {result.seconds:.1f} s, {result.peak_mb:.0f} MB, "
                f"cpu {result.cpu_seconds or 0:.1f} s, "
                f"status {result.status}, codes {','.join(result.codes)} {result.note}",
                file=sys.stderr,
            )
            if args.keep is None:
                path.unlink()
    print(table(results))
    if args.output is not None:
        rows = [
            {
                "case": r.case.name,
                "bytes": r.bytes,
                "seconds": round(r.seconds, 2),
                "cpu_seconds": None if r.cpu_seconds is None else round(r.cpu_seconds, 2),
                "peak_mb": round(r.peak_mb, 1),
                "status": r.status,
                "codes": list(r.codes),
                "report_bytes": r.report_bytes,
                "listed": r.listed,
                "passed": r.passed,
                "note": r.note,
                "baseline_mb": round(r.baseline_mb, 1),
                "parse_mb": None if r.parse_mb is None else round(r.parse_mb, 1),
            }
            for r in results
        ]
        args.output.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0 if all(result.passed for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
