"""Check that code generators of other languages make good code from every shipped schema.

For each version of the format in ``schemas/``:

- json-schema-to-typescript writes the TypeScript types of the dataset schema. Each type has
  one name: none is numbered (``ID1``, ``Sector2``) and none is a name JavaScript already
  has (``Date``, ``URL``). ``tsc --strict`` compiles the types, with the bundled example
  written as a constant that ``satisfies`` the type of a whole file, and refuses the same
  example with a code that is not in its list;
- datamodel-code-generator writes pydantic models of the dataset schema, whose model of a
  whole file loads the bundled example, and refuses it with a code that is not in its list.

Usage::

    python -m conformance.codegen             # both, for every version
    python -m conformance.codegen --no-node   # the pydantic models alone

json-schema-to-typescript and TypeScript come from ``package-lock.json`` (``npm ci``);
datamodel-code-generator from the ``interop`` extra (``pip install '.[interop]'``).

Example:
    >>> type_name("Partnership platforms exchange file"), type_name("UTC time")
    ('PartnershipPlatformsExchangeFile', 'UTCTime')
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conformance.suite import REPOSITORY, schema_versions

__all__ = [
    "JAVASCRIPT_NAMES",
    "NodeToolsMissingError",
    "main",
    "pydantic_models",
    "type_name",
    "typescript",
]

#: Names of JavaScript and of the browser that a generated type would shadow.
JAVASCRIPT_NAMES = frozenset(
    {"Array", "Boolean", "Date", "Error", "Function", "Map", "Number", "Object", "Record"}
    | {"Set", "String", "Symbol", "Text", "URL", "Document", "Element", "Node", "Location"}
)

#: A code that no code list of the format holds.
_UNKNOWN_CODE = "99"

_BIN = REPOSITORY / "node_modules" / ".bin"


class NodeToolsMissingError(RuntimeError):
    """Node.js, or the packages ``npm ci`` installs, are missing."""


def type_name(title: str) -> str:
    """Name a type as json-schema-to-typescript and datamodel-code-generator name it."""
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[^A-Za-z0-9]+", title))


def _example(schema: Path) -> dict[str, Any]:
    """The bundled example, or the copy of it in the version of ``schema`` it once had."""
    import partnering

    version = schema.parent.name
    path = partnering.example_path()
    example: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    # The example of an older version is kept as a fixture of the tests; a schema outside the
    # shipped folders (a test's own) is tried on the bundled example.
    old = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "valid"
    older = old / f"platforms-2014-{version}.json"
    if example["schema_version"] != version and older.is_file():
        example = json.loads(older.read_text(encoding="utf-8"))
    return example


def _with_unknown_code(example: dict[str, Any]) -> dict[str, Any]:
    changed: dict[str, Any] = json.loads(json.dumps(example))
    changed["partners"][0]["organisation_type"] = _UNKNOWN_CODE
    return changed


def _run(command: Sequence[str], folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), cwd=folder, capture_output=True, text=True, timeout=600, check=False
    )


def _tool(name: str) -> str:
    if shutil.which("node") is None:
        raise NodeToolsMissingError("node is not installed")
    path = _BIN / name
    if not path.exists():
        raise NodeToolsMissingError(f"node_modules lacks {name}: run npm ci first")
    return str(path)


def typescript(schema: Path, folder: Path) -> list[str]:
    """Generate the TypeScript types of a schema into ``folder``, and check them.

    Returns:
        Every problem found: numbered or shadowing names, and what ``tsc`` says.

    Raises:
        NodeToolsMissingError: node, json-schema-to-typescript or TypeScript is missing.
    """
    json2ts, tsc = _tool("json2ts"), _tool("tsc")
    generated = _run([json2ts, "--input", str(schema), "--output", "dataset.ts"], folder)
    if generated.returncode != 0:
        return [f"json2ts failed: {generated.stderr.strip()}"]
    source = (folder / "dataset.ts").read_text(encoding="utf-8")
    names = re.findall(r"^export (?:type|interface) (\w+)", source, re.MULTILINE)
    problems = [f"a numbered name: {name}" for name in names if name[-1].isdigit()]
    problems += [f"a name JavaScript has: {name}" for name in names if name in JAVASCRIPT_NAMES]
    root = type_name(json.loads(schema.read_text(encoding="utf-8"))["title"])
    example = _example(schema)
    for check, data, compiles in (
        ("example.ts", example, True),
        ("unknown-code.ts", _with_unknown_code(example), False),
    ):
        (folder / check).write_text(
            f'import type {{ {root} }} from "./dataset";\n\n'
            f"export const file = {json.dumps(data, indent=2)} satisfies {root};\n",
            encoding="utf-8",
        )
        done = _run([tsc, "--strict", "--noEmit", "dataset.ts", check], folder)
        if compiles and done.returncode != 0:
            problems.append(f"tsc --strict refuses {check}:\n{done.stdout.strip()}")
        if not compiles and _UNKNOWN_CODE not in done.stdout:
            problems.append(f"tsc --strict accepts {check}, whose code is not in its list")
    return problems


def _import(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"generated_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # pydantic resolves the models' annotations in the module's namespace.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def pydantic_models(schema: Path, folder: Path) -> tuple[ModuleType, list[str]]:
    """Generate pydantic models of a schema into ``folder``, import them, and check them.

    Returns:
        The module of the models, and every problem found.
    """
    from pydantic import ValidationError

    output = folder / "dataset_models.py"
    command = [
        sys.executable,
        "-m",
        "datamodel_code_generator",
        "--input",
        str(schema),
        "--input-file-type",
        "jsonschema",
        "--output-model-type",
        "pydantic_v2.BaseModel",
        "--use-title-as-name",
        "--use-schema-description",
        "--use-field-description",
        "--formatters",
        "builtin",
        "--output",
        str(output),
    ]
    done = _run(command, folder)
    if done.returncode != 0:
        raise RuntimeError(f"datamodel-codegen failed:\n{done.stderr}")
    module = _import(output)
    root = getattr(module, type_name(json.loads(schema.read_text(encoding="utf-8"))["title"]))
    problems = []
    example = _example(schema)
    try:
        root.model_validate_json(json.dumps(example))
    except ValidationError as error:
        problems.append(f"the models refuse the bundled example:\n{error}")
    try:
        root.model_validate_json(json.dumps(_with_unknown_code(example)))
    except ValidationError:
        pass
    else:
        problems.append("the models accept a code that is not in its list")
    return module, problems


def main(argv: list[str] | None = None) -> int:
    """Check both generators on every version's schema; return 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-node", action="store_true", help="skip TypeScript")
    arguments = parser.parse_args(argv)
    problems: list[str] = []
    for version in schema_versions():
        schema = REPOSITORY / "schemas" / version / "dataset.schema.json"
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            if arguments.no_node:
                print(f"{version}: TypeScript skipped (--no-node)")
            else:
                found = typescript(schema, folder)
                problems += [f"{version}, TypeScript: {problem}" for problem in found]
                print(
                    f"{version}: json-schema-to-typescript and tsc --strict: {len(found)} problems"
                )
            _, found = pydantic_models(schema, folder)
            problems += [f"{version}, pydantic: {problem}" for problem in found]
            print(f"{version}: datamodel-code-generator, pydantic: {len(found)} problems")
    for problem in problems:
        print(f"error: {problem}")
    print(f"codegen: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
