"""Run the documentation as a test: every example, every command, every reference entry.

Each Markdown page under ``docs/`` is run from top to bottom in a fresh folder holding the
example files the docs ship (``docs/_static/examples``):

- ``python`` and ``pycon`` fences with ``>>>`` run as doctests, sharing one namespace per page;
- in ``console`` fences, a line starting with ``$ `` is a ``partnering`` command, run as
  ``python -m partnering``; the lines after it are what it prints (``...`` matches anything);
- a ``{code-block}`` with a ``:caption:`` naming a file writes that file, and a ``diff``
  block with such a caption applies its changes to the file, so a page can edit a file
  between two commands.

The package under test is the installed one; the pages are read from the checkout.
"""

from __future__ import annotations

import argparse
import doctest
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pytest

import partnering
from partnering.catalogue import PARSE_CODES, SCHEMA_CODES, issue_codes

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "_static" / "examples"
REFERENCE = DOCS / "reference"
FIXTURES = Path(__file__).parent / "fixtures"

OPTIONFLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
COMMAND_TIMEOUT = 120

# What the shown output assumes: UTF-8 output, no colours, help wrapped at 80 columns.
COMMAND_ENV = {"PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "80"}

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w-]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^:(?P<name>[\w-]+):\s*(?P<value>.*)$")


def _pages() -> list[Path]:
    return sorted(
        page
        for page in DOCS.rglob("*.md")
        if not {"_build", "_generated"} & set(page.relative_to(DOCS).parts)
    )


PAGES = _pages()


def _page_id(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


@dataclass
class Block:
    """One fenced block of a page."""

    language: str
    lines: list[str]
    start: int  # the 0-based line of the first line of the body
    options: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def blocks(text: str) -> Iterator[Block]:
    """Yield the fenced blocks of a Markdown page, with the options of ``{code-block}``."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index].strip())
        if match is None:
            index += 1
            continue
        fence, info = match["fence"], match["info"].strip()
        directive = _DIRECTIVE.match(info)
        language = info.split()[0] if info else ""
        if directive is not None:
            language = directive["argument"].split()[0] if directive["argument"] else ""
            if directive["name"] not in {"code-block", "code", "sourcecode"}:
                language = f"{{{directive['name']}}}"
        body: list[str] = []
        options: dict[str, str] = {}
        index += 1
        start = index
        while index < len(lines):
            stripped = lines[index].strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                break
            option = _OPTION.match(stripped)
            if directive is not None and not body and option is not None:
                options[option["name"]] = option["value"]
                start = index + 1
            else:
                body.append(lines[index])
            index += 1
        index += 1
        yield Block(language=language, lines=body, start=start, options=options)


def _page_blocks(page: Path) -> list[Block]:
    return list(blocks(page.read_text(encoding="utf-8")))


def _is_doctest(block: Block) -> bool:
    return block.language in {"python", "pycon", "py"} and any(
        line.lstrip().startswith(">>>") for line in block.lines
    )


def _is_file(block: Block) -> bool:
    return "caption" in block.options and block.language != "console"


def _runnable(page: Path) -> bool:
    return any(
        _is_doctest(block) or block.language == "console" or _is_file(block)
        for block in _page_blocks(page)
    )


RUNNABLE = [page for page in PAGES if _runnable(page)]


# -- Running a page -----------------------------------------------------------------------


def _expected_pattern(expected: str) -> re.Pattern[str]:
    """Turn shown output into a pattern in which ``...`` stands for anything."""
    parts = [re.escape(part) for part in expected.split("...")]
    return re.compile(".*?".join(parts), re.DOTALL)


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def _commands(block: Block) -> Iterator[tuple[str, str]]:
    """Yield each command of a console block with the output shown after it."""
    command: str | None = None
    output: list[str] = []
    for line in block.lines:
        if line.startswith("$ "):
            if command is not None:
                yield command, "\n".join(output)
            command, output = line[2:], []
        elif command is not None:
            output.append(line)
        elif line.strip():
            raise AssertionError(f"output before any command in a console block: {line!r}")
    if command is not None:
        yield command, "\n".join(output)


def run_command(command: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run a ``partnering`` command as a user would, standard error merged into the output.

    A command may end in ``> FILE``, which writes its standard output to that file.
    """
    argv = shlex.split(command)
    assert argv[:1] == ["partnering"], (
        f"console blocks show partnering commands only, not {command!r}; show other "
        "commands in a bash or text block"
    )
    target: Path | None = None
    if ">" in argv:
        assert argv.index(">") == len(argv) - 2, f"only a final '> FILE' is supported: {command}"
        target = folder / argv[-1]
        argv = argv[:-2]
    result = subprocess.run(
        [sys.executable, "-m", "partnering", *argv[1:]],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if target else subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env={**os.environ, **COMMAND_ENV},
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    if target is not None:
        target.write_text(result.stdout, encoding="utf-8")
        return subprocess.CompletedProcess(result.args, result.returncode, result.stderr)
    return result


def _check_console(block: Block, page: Path, folder: Path) -> None:
    for command, expected in _commands(block):
        result = run_command(command, folder)
        assert result.returncode != 3, f"{command!r} failed inside partnering:\n{result.stdout}"
        actual = _normalise(result.stdout)
        if not _expected_pattern(_normalise(expected)).fullmatch(actual):
            pytest.fail(
                f"{_page_id(page)}, line {block.start + 1}: '$ {command}' printed\n"
                f"{actual}\n\nbut the page shows\n{_normalise(expected)}",
                pytrace=False,
            )


def _hunks(block: Block) -> Iterator[list[str]]:
    hunk: list[str] = []
    for line in block.lines:
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            if hunk:
                yield hunk
            hunk = []
        else:
            hunk.append(line)
    if hunk:
        yield hunk


def apply_diff(block: Block, target: Path) -> None:
    """Apply the hunks of a diff block to a file; each must match exactly one place."""
    text = target.read_text(encoding="utf-8")
    for hunk in _hunks(block):
        old = [line[1:] for line in hunk if not line.startswith("+")]
        new = [line[1:] for line in hunk if not line.startswith("-")]
        before, after = "\n".join(old) + "\n", "\n".join(new) + "\n"
        count = text.count(before)
        assert count == 1, (
            f"a change shown for {target.name} (line {block.start + 1}) matches {count} "
            f"places, not one:\n{before}"
        )
        text = text.replace(before, after)
    target.write_text(text, encoding="utf-8")


def _write_file(block: Block, page: Path, folder: Path) -> None:
    target = folder / block.options["caption"]
    if block.language == "diff":
        assert target.exists(), f"{_page_id(page)}: a change to {target.name}, which is missing"
        apply_diff(block, target)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.text, encoding="utf-8")


def _run_doctest(block: Block, page: Path, globs: dict[str, Any]) -> dict[str, Any]:
    # Fence lines are not part of the block, so output ends where the block ends.
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.text, globs, _page_id(page), str(page), block.start)
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=OPTIONFLAGS, verbose=False)
    result = runner.run(test, out=report.append, clear_globs=False)
    if result.failed:
        pytest.fail("".join(report), pytrace=False)
    return test.globs


def prepare(folder: Path) -> None:
    """Put the example files the docs ship into a folder."""
    for example in EXAMPLES.iterdir():
        if example.is_file():
            shutil.copy(example, folder / example.name)


def run_page(page: Path, folder: Path) -> None:
    """Run every example, command and file of a page, in order, in one folder."""
    prepare(folder)
    globs: dict[str, Any] = {"__name__": "__docs__"}
    for block in _page_blocks(page):
        if _is_file(block):
            _write_file(block, page, folder)
        elif _is_doctest(block):
            globs = _run_doctest(block, page, globs)
        elif block.language == "console":
            _check_console(block, page, folder)


@pytest.mark.parametrize("page", RUNNABLE, ids=_page_id)
def test_page_runs(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example and command on the page gives the output the page shows."""
    monkeypatch.chdir(tmp_path)
    run_page(page, tmp_path)


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_every_example_is_in_a_block_that_runs(page: Path) -> None:
    """No ``>>>`` example or ``$`` command sits where the test above would not run it."""
    text = page.read_text(encoding="utf-8")
    runnable_lines = sum(
        sum(1 for line in block.lines if line.lstrip().startswith(">>>"))
        for block in _page_blocks(page)
        if _is_doctest(block)
    )
    all_lines = sum(1 for line in text.splitlines() if line.lstrip().startswith(">>>"))
    assert runnable_lines == all_lines, "a >>> example outside a python or pycon block"
    for block in _page_blocks(page):
        if block.language in {"bash", "sh", "shell", "text"}:
            shown = [line for line in block.lines if line.startswith("$ partnering")]
            assert not shown, f"a partnering command in a {block.language} block: {shown}"


def test_tutorials_and_guides_have_examples() -> None:
    """Every tutorial and how-to guide shows something that runs."""
    sections = [DOCS / "tutorials", DOCS / "howto"]
    pages = [page for section in sections for page in section.glob("*.md")]
    lessons = [page for page in pages if page.name != "index.md"]
    assert lessons
    assert [page for page in lessons if page not in RUNNABLE] == []


DOCS_HYPOTHESIS_PROFILE = """\
from hypothesis import settings

settings.register_profile("docs", max_examples=20, deadline=None, database=None)
settings.load_profile("docs")
"""


def test_files_the_guides_show_as_tests_pass(tmp_path: Path) -> None:
    """A test module a page shows, such as the one for partnering.strategies, passes."""
    shown: dict[Path, list[Block]] = {}
    for page in PAGES:
        for block in _page_blocks(page):
            if _is_file(block) and re.fullmatch(r"(.*/)?test_\w+\.py", block.options["caption"]):
                shown.setdefault(page, []).append(block)
    assert shown, "the how-to guide on partnering.strategies shows a test module"
    for page, modules in shown.items():
        folder = tmp_path / page.stem
        folder.mkdir()
        prepare(folder)
        # The point is that the shown tests pass, not to search hard: few examples suffice.
        (folder / "conftest.py").write_text(DOCS_HYPOTHESIS_PROFILE, encoding="utf-8")
        for block in modules:
            _write_file(block, page, folder)
        names = [block.options["caption"] for block in modules]
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error", *names],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, f"{_page_id(page)}: {result.stdout}\n{result.stderr}"


# -- The machinery above, on small cases ----------------------------------------------------


def test_blocks_reads_languages_captions_and_bodies() -> None:
    """Blocks come with their language, the options of a code-block and the body alone."""
    text = "\n".join(
        [
            "```{code-block} diff",
            ":caption: data.json",
            "-a",
            "+b",
            "```",
            "````console",
            "$ partnering --version",
            "```",
            "````",
        ]
    )
    found = list(blocks(text))
    assert [(block.language, block.options, block.lines) for block in found] == [
        ("diff", {"caption": "data.json"}, ["-a", "+b"]),
        ("console", {}, ["$ partnering --version", "```"]),
    ]


def test_apply_diff_changes_exactly_the_lines_shown(tmp_path: Path) -> None:
    """A change applies where its context matches, and only there."""
    target = tmp_path / "data.json"
    target.write_text('{\n  "a": 1,\n  "b": 2\n}\n', encoding="utf-8")
    change = Block(language="diff", lines=['   "a": 1,', '-  "b": 2', '+  "b": 3'], start=0)
    apply_diff(change, target)
    assert target.read_text(encoding="utf-8") == '{\n  "a": 1,\n  "b": 3\n}\n'
    with pytest.raises(AssertionError, match="matches 0 places"):
        apply_diff(change, target)


def test_shown_output_may_elide_with_an_ellipsis() -> None:
    """``...`` in shown output stands for any text, including several lines."""
    pattern = _expected_pattern("first\n...\nlast")
    assert pattern.fullmatch("first\nsecond\nthird\nlast")
    assert not pattern.fullmatch("first\nlast but one")


# -- The reference is complete ------------------------------------------------------------


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_generate", DOCS / "_generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The generated reference pages, written afresh into a temporary folder."""
    folder = tmp_path_factory.mktemp("generated")
    paths = _load_generator().generate(folder)
    return {path.name: path.read_text(encoding="utf-8") for path in paths}


def _reference_sources() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in REFERENCE.glob("*.md"))


def test_api_reference_documents_every_public_name() -> None:
    """Every name in ``partnering.__all__`` has an autodoc entry in the API reference."""
    documented = set(
        re.findall(r"^\.\. auto\w+:: partnering\.(\w+)\s*$", _reference_sources(), re.M)
    )
    missing = sorted(set(partnering.__all__) - documented)
    assert missing == [], f"not in docs/reference: {missing}"


def test_api_reference_documents_the_strategies() -> None:
    """The strategies module is documented with all its members."""
    assert re.search(
        r"^\.\. automodule:: partnering\.strategies\n\s+:members:", _reference_sources(), re.M
    )


def test_issue_code_page_lists_every_code(generated: dict[str, str]) -> None:
    """Every code in the catalogue has its own section, with its meaning and its fix."""
    page = generated["issue-codes.md"]
    escape = _load_generator().escape
    for code, info in issue_codes().items():
        section = page.split(f"(issue-{code})=\n### `{code}`\n", 1)
        assert len(section) == 2, code
        entry = section[1].split("\n### ", 1)[0]
        for text in (info.title, info.description, info.hint):
            assert escape(text) in entry, f"{code}: {text}"


def _emitted_codes() -> set[str]:
    """The codes the library reports: the conformance fixtures' and the layers' own."""
    codes = set(PARSE_CODES) | set(SCHEMA_CODES)
    for expected in FIXTURES.glob("**/*.expected.json"):
        document = json.loads(expected.read_text(encoding="utf-8"))
        codes |= {issue["code"] for issue in document.get("issues", [])}
    return codes


def test_every_code_the_library_reports_is_catalogued() -> None:
    """No code reaches a user without an entry in the catalogue."""
    assert sorted(_emitted_codes() - set(issue_codes())) == []


def test_cli_reference_lists_every_command_and_option(generated: dict[str, str]) -> None:
    """Every command of the real parser, and every option of each, is in the reference."""
    from partnering.cli._parser import build_parser

    page = generated["cli.md"]
    parser = build_parser()
    subparsers = next(
        action for action in parser._actions if action.__class__.__name__ == "_SubParsersAction"
    )
    choices = cast("dict[str | None, argparse.ArgumentParser]", subparsers.choices)
    commands = {None: parser, **choices}
    for name, command in commands.items():
        heading = "## `partnering`" if name is None else f"## `partnering {name}`"
        assert heading in page
        for action in command._actions:
            for option in action.option_strings:
                assert option in page, f"{option} of {name or 'partnering'}"
    assert "0 |" in (REFERENCE / "cli.md").read_text(encoding="utf-8")


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = partnering.get_schema(name)
    return loaded


def _check_schema_page(page: str, schema: dict[str, Any], prefix: str) -> None:
    objects = [("root", schema), *schema.get("$defs", {}).items()]
    for name, node in objects:
        if node.get("type") == "object" and "properties" in node:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            assert f"({prefix}-{slug})=" in page, name
            section = page.split(f"({prefix}-{slug})=", 1)[1]
            for field_name in node["properties"]:
                assert f"| `{field_name}` |" in section, f"{name}.{field_name}"
        for value in node.get("enum", []):
            assert f"`{value}`" in page, f"{name}: {value}"
        # A code list's description ends in a table of its codes' titles and meanings.
        table = str(node.get("description", ""))
        for title in re.findall(r"^\| `[^`]*` \| (.*?) \| .* \|$", table, re.MULTILINE):
            assert title in page, f"{name}: {title}"


def test_format_reference_lists_every_field_and_code(generated: dict[str, str]) -> None:
    """Every object, field and code of the interchange schema is in the reference."""
    _check_schema_page(generated["format.md"], _schema("dataset"), "format")


def test_report_reference_lists_every_field(generated: dict[str, str]) -> None:
    """Every object and field of the JSON report's schema is in the reference."""
    _check_schema_page(generated["report-format.md"], _schema("report"), "report")


def test_generated_pages_are_included_by_the_reference() -> None:
    """Each generated page is included by a hand-written page of the reference."""
    sources = _reference_sources()
    for name in ("cli.md", "format.md", "report-format.md", "issue-codes.md"):
        assert f"```{{include}} _generated/{name}" in sources, name
