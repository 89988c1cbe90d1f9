"""``partnering validate --jobs N``: many files at once, the same reports in the same order."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partnering import validate
from partnering.cli import main
from partnering.cli._parallel import check_path, check_paths, default_jobs
from partnering.cli._parser import build_parser
from partnering.report import Report

#: The process that runs the tests; a worker of the pool is another.
MAIN_PROCESS = os.getpid()

#: Workers forked from the tests inherit their functions and their patches.
forked = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the workers are not forked"
)

MISSING_NAME = {"schema_version": "1.0", "partners": [{"id": "a", "organisation_type": "21"}]}
WARNING_ONLY = {
    "schema_version": "1.0",
    "partners": [{"id": "tpi", "name": "TPI", "organisation_type": "70", "sector": "public"}],
}


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Valid, invalid, warned, unparsable, missing and unreadable files, mixed."""
    contents = {
        "good.json": json.dumps({"schema_version": "1.0", "title": "Mine"}),
        "bad.json": json.dumps(MISSING_NAME),
        "warned.json": json.dumps(WARNING_ONLY),
        "broken.json": '{"schema_version": "1.0", "partners": [',
        "good-again.json": json.dumps({"schema_version": "1.0"}),
    }
    for name, text in contents.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "folder.json").mkdir()
    names = ["good.json", "bad.json", "missing.json", "warned.json", "broken.json"]
    return [tmp_path / name for name in [*names, "folder.json", "good-again.json", "bad.json"]]


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("output", ["text", "json"])
def test_two_jobs_print_what_one_job_prints(
    capsys: pytest.CaptureFixture[str], files: list[Path], output: str
) -> None:
    serial = run(capsys, "validate", "--format", output, "--jobs", "1", *files)
    parallel = run(capsys, "validate", "--format", output, "--jobs", "2", *files)
    assert parallel == serial
    status, out, err = serial
    assert status == 2  # a missing file and a folder: 2 wins over findings
    assert err.count("partnering: cannot read") == 2
    if output == "text":
        # A verdict names the version of a file that was read, and none for one that was not.
        verdicts = [
            line for line in out.splitlines() if " is valid" in line or " is not valid" in line
        ]
        assert [line.split()[1].rsplit("/", 1)[-1] for line in verdicts] == [
            "good.json",
            "bad.json",
            "warned.json",
            "broken.json",
            "good-again.json",
            "bad.json",
        ]
        assert out.splitlines()[-1] == "8 files checked: 3 valid, 3 not valid, 2 unreadable"
    else:
        sources = [entry["source"] for entry in json.loads(out)["files"]]
        assert sources == [str(path) for path in files]


def test_more_jobs_than_files_and_many_files_keep_the_order(
    capsys: pytest.CaptureFixture[str], files: list[Path]
) -> None:
    many = files * 3
    serial = run(capsys, "validate", "--format", "json", "--jobs", "1", *many)
    assert run(capsys, "validate", "--format", "json", "--jobs", "5", *many) == serial
    assert run(capsys, "validate", "--format", "json", "--jobs", "64", *files[:2]) == run(
        capsys, "validate", "--format", "json", "--jobs", "1", *files[:2]
    )


def test_standard_input_among_files_in_a_real_process(files: list[Path]) -> None:
    """'-' is read by the main process while the workers check the files."""
    good, bad = files[0], files[1]

    def command(jobs: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "partnering", "validate", "--jobs", jobs, good, "-", bad],
            input=json.dumps(MISSING_NAME),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    serial, parallel = command("1"), command("2")
    assert (parallel.returncode, parallel.stdout, parallel.stderr) == (
        serial.returncode,
        serial.stdout,
        serial.stderr,
    )
    assert serial.returncode == 1
    assert "<stdin> is not valid: 1 error (format 1.0)" in serial.stdout
    assert serial.stdout.index("<stdin>") < serial.stdout.index(str(bad))
    assert "Traceback" not in serial.stderr


def fails_in_a_worker(path: Path) -> Report:
    if os.getpid() != MAIN_PROCESS and path.name == "bad.json":
        raise RuntimeError("the worker broke")
    return check_path(path)


def dies_in_a_worker(path: Path) -> Report:
    if os.getpid() != MAIN_PROCESS and path.name == "warned.json":
        os._exit(9)  # the process dies, and the pool with it
    return check_path(path)


@forked
@pytest.mark.parametrize("check", [fails_in_a_worker, dies_in_a_worker])
def test_a_worker_failure_never_breaks_the_run(files: list[Path], check: object) -> None:
    expected = [validate(path) for path in files]
    found = list(check_paths(files, jobs=2, check=check))  # type: ignore[arg-type]
    assert found == expected
    assert [report.valid for report in found] == [
        True, False, False, True, False, False, True, False
    ]  # fmt: skip


@forked
def test_an_internal_error_in_the_main_process_stays_an_internal_error(
    capsys: pytest.CaptureFixture[str], files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that fails in a worker is checked again here, and fails the way it fails serially."""

    def broken(path: Path, **settings: object) -> Report:
        raise RuntimeError("boom")

    monkeypatch.setattr("partnering.validation.validate", broken)
    for jobs in ("1", "2"):
        status, _, err = run(capsys, "validate", "--jobs", jobs, *files[:2])
        assert status == 3
        assert "internal error: RuntimeError: boom" in err


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_whole_number_from_one(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    status, out, err = run(capsys, "validate", "--jobs", value)
    assert status == 2
    assert out == ""
    assert "--jobs" in err
    assert "Traceback" not in err


def test_the_default_is_the_number_of_cores() -> None:
    assert build_parser().parse_args(["validate"]).jobs is None
    assert build_parser().parse_args(["validate", "-j", "3"]).jobs == 3
    assert default_jobs() == len(os.sched_getaffinity(0))


def test_help_describes_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate", "--help")
    assert status == 0
    assert "-j N, --jobs N" in out
    assert "default: the number of cores" in out
