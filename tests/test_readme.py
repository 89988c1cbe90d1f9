"""The README's quick start: two commands, the same as the docs', and both really work."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def quick_start_commands(text: str) -> list[str]:
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:console|bash)\n(.*?)```", section, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_quick_start_is_two_commands_that_install_then_run() -> None:
    """One command installs and validates the bundled example, one installs and tests."""
    commands = quick_start_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert commands == ["pip install . && partnering validate", "pip install '.[test]' && pytest"]


def test_the_docs_landing_page_shows_the_same_commands() -> None:
    """The landing page of the documentation and the README do not drift apart."""
    landing = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in quick_start_commands(readme):
        assert command in landing


def test_ci_runs_the_readme_test_command() -> None:
    """Continuous integration runs the very test command the README gives."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands((ROOT / "README.md").read_text(encoding="utf-8"))[1] in ci


def test_the_main_job_validates_the_bundled_example() -> None:
    """The installed command of the first quick-start line succeeds and says so."""
    script = shutil.which("partnering")
    command = [script] if script else [sys.executable, "-m", "partnering"]
    result = subprocess.run(
        [*command, "validate"], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "platforms-2014.json) is valid" in result.stdout
