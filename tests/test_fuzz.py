"""Random byte mutations of valid files: never a traceback, never a hang, one verdict.

Each case starts from a valid file, the bundled example or a small generated dataset, and
changes its bytes a few times: a bit flipped, bytes inserted or deleted, a piece of the file
copied elsewhere, the end cut off. Whatever comes out, :func:`partnering.validate` returns a
report, the report can be shown as text and as JSON, and :func:`partnering.loads` raises one
of the library's errors exactly when the report has errors; :func:`partnering.fix` corrects
it without failing, and its verdict on the text it writes is that of ``loads`` too. A case
that takes longer than :data:`SECONDS_PER_CASE` is stopped by an alarm and fails as a hang.

The number of cases is that of the Hypothesis profile (``tests/conftest.py``).
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from partnering import PartneringError, dumps, fix, load, loads, validate
from partnering._render import render_text
from partnering._report_json import render_json
from partnering.examples import example_path
from partnering.report import Report
from partnering.strategies import datasets

#: Far more than any case takes, even on a loaded machine: only a hang reaches it.
SECONDS_PER_CASE = 30

EXAMPLE = example_path().read_bytes()

# Bytes that reach past the reader when they land in the right place: the marks of JSON's
# structure, escapes, numbers at the edges, text that is not UTF-8, line endings.
TOKENS = [
    b'"',
    b",",
    b":",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"\\n",
    b"null",
    b"true",
    b"-0",
    b"1e999",
    b"1E-400",
    b"0.30000000000000000001",
    b"99999999999999999999999",
    b"\r",
    b"\r\n",
    b"\t",
    b"\x00",
    b"\xc3",
    b"\xe2\x82",
    b"\xff",
    b"\xef\xbb\xbf",
    "\u200b".encode(),
    b'"id": "p1"',
]


# Values a string of the file may become: the text stays JSON where a value was, so the case
# reaches the schema and the rules.
VALUES = [
    b"5",
    b"-1",
    b"1e-400",
    b"1E+300",
    b"null",
    b"true",
    b"[]",
    b"{}",
    b'""',
    b'" "',
    b'"a\\u0000b"',
]

# A JSON string, as written in a file: its quotes, and what is between them.
STRING = re.compile(rb'"(?:[^"\\\x00-\x1f]|\\.)*"')


BLIND = ["flip", "insert", "delete", "splice", "truncate"]
STRINGWISE = ["swap", "value"]


class Hung(BaseException):
    """A case took too long. Not an Exception, so that no ``except Exception`` hides it."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop the block with :class:`Hung` after ``seconds``, where the system has alarms."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Hung(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@st.composite
def mutated(draw: st.DrawFn, seeds: st.SearchStrategy[bytes]) -> bytes:
    """Draw a seed, then change its bytes from one to four times.

    Most changes are blind to JSON (flip, insert, delete, splice, truncate); two change one
    string of the file into another string of it or into some other value, so that the text
    often stays JSON and the later layers are reached.
    """
    data = bytearray(draw(seeds))
    # Half the cases change only strings: one blind change would mostly end at the reader.
    kinds = draw(st.sampled_from([BLIND + STRINGWISE, STRINGWISE]))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(kinds))
        at = draw(st.integers(0, len(data)))
        strings = [match.span() for match in STRING.finditer(data)] if kind in STRINGWISE else []
        if strings:
            start, end = draw(st.sampled_from(strings))
            if kind == "swap":
                other_start, other_end = draw(st.sampled_from(strings))
                data[start:end] = data[other_start:other_end]
            else:
                data[start:end] = draw(st.sampled_from(VALUES))
        elif kind == "flip" and data:
            data[min(at, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif kind == "splice":
            start = draw(st.integers(0, len(data)))
            data[at:at] = data[start : start + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


generated = datasets(max_size=2).map(lambda dataset: dumps(dataset).encode("utf-8"))
seeds = st.just(EXAMPLE) | generated


def verdict_of_loading(call: Callable[[], object]) -> bool:
    """Tell whether loading succeeded; only the library's errors may say it did not."""
    try:
        call()
    except PartneringError:
        return False
    return True


def shown_both_ways(report: Report) -> None:
    """Render the report as the command does, as text and as JSON; neither may fail."""
    assert isinstance(render_text(report, "fuzzed.json"), str)
    assert render_json([("fuzzed.json", report)], version="0").startswith("{")


def test_the_seeds_are_valid() -> None:
    """A mutation starts from a valid file, so what goes wrong is the mutation's doing."""
    assert validate(EXAMPLE).valid
    loads(EXAMPLE)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated(seeds))
def test_a_mutated_file_gets_a_report_and_the_same_verdict_from_loads(data: bytes) -> None:
    """No traceback, no hang, and ``loads`` raises exactly when the report has errors."""
    with time_limit(SECONDS_PER_CASE):
        report = validate(data)
        # What each case reached shows in --hypothesis-show-statistics.
        event(report.issues[0].code if report.issues else "valid")
        shown_both_ways(report)
        loaded = verdict_of_loading(lambda: loads(data))
    assert loaded == report.valid, [(issue.code, issue.pointer) for issue in report.issues]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated(st.just(EXAMPLE)))
def test_a_mutated_file_on_disk_gets_the_same_verdict_from_load(folder: Path, data: bytes) -> None:
    """Read from a file, as the command reads it, the verdicts agree and the issues match."""
    path = folder / "fuzzed.json"
    path.write_bytes(data)
    with time_limit(SECONDS_PER_CASE):
        report = validate(path)
        loaded = verdict_of_loading(lambda: load(path))
        direct = validate(data)
    assert loaded == report.valid, [(issue.code, issue.pointer) for issue in report.issues]
    assert [(i.code, i.pointer, i.line, i.column) for i in report.issues] == [
        (i.code, i.pointer, i.line, i.column) for i in direct.issues
    ]


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no alarms here")
def test_the_time_limit_stops_a_case_that_hangs() -> None:
    """The alarm is what turns a hang into a failure, so it must fire."""
    started = time.monotonic()
    with pytest.raises(Hung, match=r"no answer after 0\.2 s"), time_limit(0.2):
        time.sleep(10)
    assert time.monotonic() - started < 5


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated(seeds))
def test_fix_of_a_mutated_file_never_fails_and_tells_the_truth(data: bytes) -> None:
    """``partnering fix`` takes any bytes; its verdict on the text it writes is that of loads."""
    with time_limit(SECONDS_PER_CASE):
        result = fix(data)
        assert isinstance(result.diff("fuzzed.json"), str)
        written = result.text.encode("utf-8", "surrogateescape")  # as the command writes it
        loaded = verdict_of_loading(lambda: loads(written))
    assert loaded == result.report.valid
