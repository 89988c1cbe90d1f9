"""Every generated hostile input of the benchmark, small: the verdict each case promises.

``benchmarks/hostile.py`` writes each case on demand and measures its time and memory at full
size; here each is written at a thousandth of that size (the suggestion cases at theirs, 50 to
400 KB) and validated by the command line, which must give the case's exit status and report
its code. A case added to the benchmark is checked here too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.hostile import CASES, Case, write_case

from partnering.cli import main


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_hostile_input_gets_the_verdict_it_promises(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_case(case, tmp_path, scale=0.001)
    status = main(["validate", "--format", "json", *case.args, str(path)])
    captured = capsys.readouterr()
    assert status == case.status, captured.err
    assert "Traceback" not in captured.err
    report = json.loads(captured.out)  # strict JSON, whatever the file held
    counts = report["files"][0]["counts_by_code"]
    if case.code is None:
        assert report["valid"] is True
        assert counts == {}
    else:
        assert case.code in counts
        assert report["files"][0]["issues"], "a file with findings lists some"
