"""Write the part of the conformance suite that comes from ``tests/fixtures``, and ``codes.json``.

Each fixture becomes one test, with the issues its ``.expected.json`` lists; the bundled
example is a valid test too. The files are written deterministically, so that a test can hold
them equal to what this script would write now::

    python conformance/build.py          # write the files
    python conformance/build.py --check  # exit 1 if a file differs from what would be written

The hand-written files of the suite (edge cases whose expectations were worked out by hand)
are not touched.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conformance.suite import HERE, REPOSITORY, TESTS

__all__ = ["TODAY", "main", "render"]

#: The day the fixtures' rules about the future are checked against (as tests/fixtures does).
TODAY = "2026-01-01"

FIXTURES = REPOSITORY / "tests" / "fixtures"
EXAMPLE = REPOSITORY / "examples" / "platforms-2014.json"

# Every group that comes from the fixtures: its file, its description, which fixtures it holds
# and whether the reader, not the schema, decides their verdict.
_GROUPS = (
    ("fixtures.json", "files valid in every layer", "valid/*.json", False),
    ("fixtures.json", "files that break the schema", "invalid/schema-*.json", False),
    (
        "fixtures.json",
        "files valid against the schema, with issues of the rules across the file",
        "invalid/rules-*.json",
        False,
    ),
    ("parse-level/fixtures.json", "files the strict reader refuses", "invalid/parse-*.json", True),
)


def _layers() -> dict[str, str]:
    from partnering.catalogue import issue_codes

    return {code: info.layer for code, info in issue_codes().items()}


def _expected(path: Path) -> list[dict[str, str]]:
    expected = path.with_name(path.name.removesuffix(".json") + ".expected.json")
    if not expected.exists():
        return []
    issues = json.loads(expected.read_text(encoding="utf-8"))["issues"]
    return [{"code": issue["code"], "pointer": issue["pointer"]} for issue in issues]


def _test(path: Path, *, parse_level: bool, layers: dict[str, str]) -> dict[str, Any]:
    issues = _expected(path)
    # The verdict of a JSON Schema engine: no issue of the reader or of the schema layer.
    valid = not any(layers[issue["code"]] in ("parse", "schema") for issue in issues)
    test: dict[str, Any] = {
        "description": path.name,
        "source": path.relative_to(REPOSITORY).as_posix(),
    }
    if parse_level:
        # The reader's verdict rests on the exact text, which parsed data would lose.
        test["document"] = path.read_text(encoding="utf-8")
    else:
        test["data"] = json.loads(path.read_text(encoding="utf-8"))
    test["valid"] = valid
    test["partnering"] = {"today": TODAY, "issues": issues}
    return test


def _version(path: Path, parse_level: bool) -> str:
    """The version a fixture targets: the one it declares, else 1.0.

    What the reader refuses may declare nothing; it is a test of version 1.0's reader.
    """
    if parse_level:
        return "1.0"
    from partnering._format import SCHEMA_VERSIONS

    declared = json.loads(path.read_text(encoding="utf-8")).get("schema_version")
    # A fixture of a version no release reads (2.0) is a test of version 1.0's verdict.
    return declared if declared in SCHEMA_VERSIONS else "1.0"


def _groups(description: str, pattern: str, parse_level: bool) -> dict[str, dict[str, Any]]:
    """Return the group of the fixtures matching ``pattern``, one per version they target."""
    layers = _layers()
    paths = sorted(
        path for path in FIXTURES.glob(pattern) if not path.name.endswith(".expected.json")
    )
    if pattern == "valid/*.json":
        paths.append(EXAMPLE)
    by_version: dict[str, list[Path]] = {}
    for path in paths:
        by_version.setdefault(_version(path, parse_level), []).append(path)
    groups = {}
    for version, found in sorted(by_version.items()):
        group: dict[str, Any] = {"description": description, "schema_version": version}
        if parse_level:
            group["parse_level"] = True
        group["tests"] = [_test(path, parse_level=parse_level, layers=layers) for path in found]
        groups[version] = group
    return groups


def _codes() -> dict[str, Any]:
    from partnering.catalogue import issue_codes

    return {
        "description": (
            "Every issue code partnering reports, with the layer that reports it. Written by "
            "conformance/build.py from partnering.catalogue; do not edit."
        ),
        "codes": [
            {
                "code": code,
                "layer": info.layer,
                "severity": info.severity.value,
                "title": info.title,
            }
            for code, info in issue_codes().items()
        ],
    }


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def render() -> dict[Path, str]:
    """Return every file this script writes, with the text it would write now.

    Example:
        >>> sorted(path.name for path in render())
        ['codes.json', 'fixtures.json', 'fixtures.json', 'fixtures.json']
    """
    files: dict[Path, list[dict[str, Any]]] = {}
    for name, description, pattern, parse_level in _GROUPS:
        for version, group in _groups(description, pattern, parse_level).items():
            files.setdefault(TESTS / version / name, []).append(group)
    rendered = {path: _dump(groups) for path, groups in sorted(files.items())}
    rendered[HERE / "codes.json"] = _dump(_codes())
    return rendered


def main(argv: list[str] | None = None) -> int:
    """Write the generated files, or with ``--check`` report those that differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that differ")
    arguments = parser.parse_args(argv)
    stale = []
    for path, text in render().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not arguments.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        verb = "differs from what build.py writes" if arguments.check else "written"
        print(f"{path.relative_to(REPOSITORY)}: {verb}")
    return 1 if stale and arguments.check else 0


if __name__ == "__main__":
    sys.exit(main())
