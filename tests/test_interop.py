"""Tools of other languages read the schema: Ajv compiles it, code generators make good code.

Ajv compiles every schema with its default, strict options (and ajv-formats, for the format
hints); json-schema-to-typescript's types have one name each and compile with
``tsc --strict``; datamodel-code-generator's pydantic models load the bundled example
(:mod:`conformance.codegen` checks both generators for every shipped schema). The how-to "Use
the schema from another language" runs here from top to bottom, its shell commands included,
and what it shows is what they print.

The JavaScript tests need Node.js and ``npm ci``; the pydantic tests, the ``interop`` extra.
Each is skipped without them; ``.ci/run`` installs both and runs this file.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conformance import codegen
from conformance.suite import REPOSITORY, schema_versions

from test_docs import (
    DOCS,
    Block,
    _check_console,
    _expected_pattern,
    _normalise,
    _write_file,
    blocks,
    prepare,
)

NODE_TOOLS = shutil.which("node") is not None and (REPOSITORY / "node_modules" / ".bin").is_dir()
PYDANTIC_TOOLS = importlib.util.find_spec("datamodel_code_generator") is not None

needs_node = pytest.mark.skipif(not NODE_TOOLS, reason="needs node and npm ci")
needs_generator = pytest.mark.skipif(
    not PYDANTIC_TOOLS, reason="needs datamodel-code-generator (the interop extra)"
)

SCHEMAS = [
    REPOSITORY / "schemas" / version / "dataset.schema.json" for version in schema_versions()
]


@needs_node
def test_ajv_compiles_every_schema_with_its_default_options() -> None:
    """Ajv with ajv-formats compiles each schema in strict mode; without, only formats fail."""
    done = subprocess.run(
        ["node", str(REPOSITORY / "conformance" / "engines.mjs")],
        input="",
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    engines = {
        (record["engine"], record["version"]): record
        for record in map(json.loads, done.stdout.splitlines())
        if record["type"] == "engine"
    }
    for version in schema_versions():
        with_formats = engines["ajv+formats", version]
        assert with_formats["setup"] == "addFormats(new Ajv2020())"
        assert with_formats["default_error"] is None
        alone = engines["ajv", version]
        assert alone["setup"] == "new Ajv2020()"
        assert alone["default_error"].startswith('unknown format "')
        assert alone["fallback"] == "new Ajv2020({validateFormats: false})"


@needs_node
@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda path: path.parent.name)
def test_typescript_types_have_one_name_each_and_compile(schema: Path, tmp_path: Path) -> None:
    """No numbered or shadowing name, and tsc --strict takes the example and no unknown code."""
    assert codegen.typescript(schema, tmp_path) == []
    source = (tmp_path / "dataset.ts").read_text(encoding="utf-8")
    for name in (
        "ID",
        "VisibleText",
        "VisibleProse",
        "CalendarDate",
        "UTCTime",
        "WebAddress",
        "Partner",
    ):
        assert f"export type {name} =" in source or f"export interface {name} {{" in source


def test_a_schema_of_numbered_names_is_caught(tmp_path: Path) -> None:
    """A property title beside a reference, as the schema once had, makes numbered names."""
    if not NODE_TOOLS:
        pytest.skip("needs node and npm ci")
    schema = tmp_path / "old.schema.json"
    schema.write_text(
        '{"title": "Root", "type": "object", "$defs": {"S": {"title": "S", "enum": ["a"]}},'
        ' "properties": {"a": {"title": "Stage", "$ref": "#/$defs/S"},'
        ' "b": {"title": "Stage", "$ref": "#/$defs/S"}}}',
        encoding="utf-8",
    )
    problems = codegen.typescript(schema, tmp_path)
    assert "a numbered name: Stage1" in problems


@needs_generator
@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda path: path.parent.name)
def test_pydantic_models_load_the_bundled_example(schema: Path, tmp_path: Path) -> None:
    """The generated model of a whole file reads the example and refuses an unknown code."""
    module, problems = codegen.pydantic_models(schema, tmp_path)
    assert problems == []
    # Types keep the names of the schema's definitions, and code lists their meanings.
    assert {"ID", "VisibleText", "VisibleProse", "CalendarDate", "UTCTime", "WebAddress"} <= set(
        vars(module)
    )
    assert "| `amber` | Amber | Some concern. |" in (module.Rating.__doc__ or "")


def test_type_names_follow_the_titles() -> None:
    """A title's words, capitalised and run together, as both generators name types."""
    assert codegen.type_name("Non-empty text") == "NonEmptyText"
    assert codegen.type_name("IDs") == "IDs"
    assert codegen.type_name("Country code") == "CountryCode"


# --- The how-to, run as a reader would ---------------------------------------------------

HOWTO = DOCS / "howto" / "use-the-schema-elsewhere.md"

#: Commands a reader runs to install the tools, which the test environment has already, and
#: commands run in the partnering repository, which .ci/run runs itself.
NOT_RUN = ("npm install", "pip install", "npm ci", "python -m conformance.")


#: The generated file that a block of each language without a caption shows part of.
EXCERPTS = {"typescript": "dataset.ts", "python": "dataset_models.py"}


def _commands(block: Block) -> list[str]:
    """The commands of a shell block, lines continued with a backslash joined."""
    commands: list[str] = []
    pending: list[str] = []
    for line in block.lines:
        continued = line.rstrip().endswith("\\")
        pending.append(line.strip().removesuffix("\\").strip())
        if not continued:
            command = " ".join(part for part in pending if part)
            if command:
                commands.append(command)
            pending = []
    return commands


def _run_shell(command: str, folder: Path) -> subprocess.CompletedProcess[str] | None:
    """Run one command of the page, or return None when this machine lacks its tool."""
    argv = shlex.split(command)
    if argv[0] == "npx":
        argv = argv[1:]
    if argv[0] in ("node", "json2ts", "tsc") and not NODE_TOOLS:
        return None
    if argv[0] in ("datamodel-codegen", "python") and not PYDANTIC_TOOLS:
        return None
    if argv[0] == "python":
        argv[0] = sys.executable
    elif argv[0] == "datamodel-codegen":
        argv = [sys.executable, "-m", "datamodel_code_generator", *argv[1:]]
    elif argv[0] in ("json2ts", "tsc"):
        argv[0] = str(REPOSITORY / "node_modules" / ".bin" / argv[0])
    return subprocess.run(
        argv,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": str(folder)},
    )


def test_the_howto_runs_as_written(tmp_path: Path) -> None:
    """Each command of the how-to succeeds, prints what it shows, and writes the code shown."""
    prepare(tmp_path)
    if NODE_TOOLS:  # the packages `npm install` would bring, where the reader's are
        (tmp_path / "node_modules").symlink_to(REPOSITORY / "node_modules")
    skipped: list[str] = []
    last: subprocess.CompletedProcess[str] | None = None
    ran_shell = False
    for block in blocks(HOWTO.read_text(encoding="utf-8")):
        if "caption" in block.options and block.language != "console":
            _write_file(block, HOWTO, tmp_path)
        elif block.language == "console":
            _check_console(block, HOWTO, tmp_path)
        elif block.language == "bash":
            for command in _commands(block):
                if command.startswith(NOT_RUN):
                    continue
                last = _run_shell(command, tmp_path)
                if last is None:
                    skipped.append(command)
                    continue
                ran_shell = True
                expected_status = 1 if command.startswith("node validate.mjs") else 0
                assert last.returncode == expected_status, f"{command}:\n{last.stdout}{last.stderr}"
        elif block.language == "text" and last is not None:
            shown = _normalise(block.text)
            assert _expected_pattern(shown).fullmatch(_normalise(last.stdout)), last.stdout
            last = None
        elif block.language in EXCERPTS and not block.options:
            generated = tmp_path / EXCERPTS[block.language]
            if generated.exists():
                assert _normalise(block.text) in _normalise(
                    generated.read_text(encoding="utf-8")
                ), f"not in {generated.name}:\n{block.text}"
            else:
                skipped.append(f"the excerpt of {generated.name}")
        elif block.language == "text":
            last = None
    assert ran_shell or skipped
    if skipped:
        pytest.skip(f"this machine lacks the tools of: {skipped}")
