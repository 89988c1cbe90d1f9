"""A type checker sees the API as it behaves: required fields, code lists, lookups.

``mypy --strict`` checks two scripts against the installed package: one that uses the API as
a developer would, which must pass (and run), and one of deliberate mistakes, each of which
must be reported on its line with its error code.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy comes with the lint extra")

HERE = Path(__file__).parent / "typing"
USAGE = HERE / "api_usage.py"
MISTAKES = HERE / "mistakes.py"
ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[int, str]]]:
    """Run mypy once on both scripts and return each file's errors as (line, code)."""
    cache = tmp_path_factory.mktemp("mypy-cache")
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(cache),
            "--no-error-summary",
            str(USAGE),
            str(MISTAKES),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path_factory.mktemp("mypy-run"),  # away from src/: the installed package
    )
    found: dict[str, set[tuple[int, str]]] = {USAGE.name: set(), MISTAKES.name: set()}
    for line in completed.stdout.splitlines():
        match = re.match(r"(.+?):(\d+): error: .*\[([a-z-]+)\]$", line)
        assert match, f"unexpected mypy output: {line}"
        found[Path(match[1]).name].add((int(match[2]), match[3]))
    assert completed.returncode in (0, 1), completed.stderr
    return found


def marked_errors(path: Path) -> set[tuple[int, str]]:
    """The (line, code) of each ``# error: CODE`` mark in a file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        (number, match[1])
        for number, line in enumerate(lines, start=1)
        if (match := re.search(r"# error: ([a-z-]+)$", line))
    }


def test_the_api_as_a_developer_uses_it_passes_mypy_strict(
    reported: dict[str, set[tuple[int, str]]],
) -> None:
    """Code lists built from codes, required fields, evolve and lookups type-check."""
    assert reported[USAGE.name] == set()


def test_every_deliberate_mistake_is_reported_on_its_line(
    reported: dict[str, set[tuple[int, str]]],
) -> None:
    """A missing required field, a wrong code list and the rest are each caught where made."""
    expected = marked_errors(MISTAKES)
    assert len(expected) == 10  # the marks themselves are read right
    assert reported[MISTAKES.name] == expected


def test_the_script_of_the_api_runs() -> None:
    """What type-checks also works: the usage script runs without an assertion failing."""
    completed = subprocess.run(
        [sys.executable, str(USAGE)], capture_output=True, text=True, check=False, cwd=HERE
    )
    assert completed.returncode == 0, completed.stderr
