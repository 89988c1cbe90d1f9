"""Read the conformance suite: each test as one document with its expected verdict.

A file of the suite holds a list of groups; a group holds tests. See ``conformance/README.md``
for what each field means.

Example:
    >>> tests = load_suite()
    >>> sorted({test.schema_version for test in tests})
    ['1.0', '1.1']
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

__all__ = ["HERE", "REPOSITORY", "TESTS", "SuiteTest", "load_suite", "schema_versions"]

#: The folder of the suite and its tools.
HERE = Path(__file__).resolve().parent

#: The repository root: ``schemas/`` and ``tests/fixtures`` are read from there.
REPOSITORY = HERE.parent

#: The folder of test files, one subfolder for each version of the format.
TESTS = HERE / "tests"


@attrs.frozen(kw_only=True)
class SuiteTest:
    """One test of the suite: a document, the format's verdict on it, and partnering's issues.

    Attributes:
        id: where the test is, as ``1.0/dates.json#2.1`` (group 2, test 1, counted from 0).
        schema_version: the version of the format, and so the schema, the test targets.
        description: what the test is about.
        document: the exact bytes of the document.
        valid: whether the document is valid against the schema (and readable at all).
        parse_level: whether the verdict rests on a rule of the reader that JSON Schema
            cannot express; engines are not expected to agree on such tests.
        issues: the (code, pointer) of every issue partnering reports, in any order.
        today: the day partnering's rules about the future compare with.
    """

    id: str
    schema_version: str
    description: str
    document: bytes
    valid: bool
    parse_level: bool
    issues: tuple[tuple[str, str], ...]
    today: str


def _document(test: dict[str, Any]) -> bytes:
    if "document_base64" in test:
        return base64.b64decode(test["document_base64"])
    if "document" in test:
        text: str = test["document"]
        return text.encode("utf-8")
    return json.dumps(test["data"], ensure_ascii=False).encode("utf-8")


def _tests_of(path: Path) -> Iterator[SuiteTest]:
    name = path.relative_to(TESTS).as_posix()
    groups: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    for number, group in enumerate(groups):
        for index, test in enumerate(group["tests"]):
            partnering = test["partnering"]
            yield SuiteTest(
                id=f"{name}#{number}.{index}",
                schema_version=group["schema_version"],
                description=f"{group['description']}: {test['description']}",
                document=_document(test),
                valid=test["valid"],
                parse_level=group.get("parse_level", False),
                issues=tuple((issue["code"], issue["pointer"]) for issue in partnering["issues"]),
                today=partnering["today"],
            )


def load_suite(folder: Path = TESTS) -> list[SuiteTest]:
    """Read every test of the suite, file by file in sorted order.

    Example:
        >>> any(test.parse_level for test in load_suite())
        True
    """
    return [test for path in sorted(folder.rglob("*.json")) for test in _tests_of(path)]


def schema_versions() -> list[str]:
    """Name every version of the format whose schema ships in ``schemas/``, oldest first.

    Example:
        >>> "1.0" in schema_versions()
        True
    """
    found = (path.parent.name for path in (REPOSITORY / "schemas").glob("*/dataset.schema.json"))
    return sorted(found, key=lambda version: tuple(int(part) for part in version.split(".")))
