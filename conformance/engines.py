"""Run each engine on documents: partnering, the Python engines, and the JavaScript ones.

Every engine reads the schema files in ``schemas/`` and parses each document as a developer
in its language would (``json.loads``, ``JSON.parse``); partnering reads it with its own strict
reader. An engine's verdict is whether the document is valid, with the places of its first
errors; partnering's is the verdict of its schema layer alone (the rules across the file are
not JSON Schema), or "parse-level" when its reader refuses the document.

Example:
    >>> engine = python_engines({"1.0": dataset_schema("1.0")})[0]
    >>> engine.name, engine.judge(b'{"schema_version": "1.0"}', "1.0").valid
    ('jsonschema', True)
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from conformance.suite import HERE, REPOSITORY

__all__ = [
    "EngineInfo",
    "Location",
    "PythonEngine",
    "Reference",
    "Verdict",
    "dataset_schema",
    "node_engines",
    "partnering_verdict",
    "python_engines",
]


@attrs.frozen
class Location:
    """A place an engine names: a JSON Pointer, the keyword, and the key it is about if any."""

    pointer: str
    keyword: str
    key: str | None = None


@attrs.frozen(kw_only=True)
class Verdict:
    """What one engine says of one document.

    Attributes:
        valid: the verdict, or ``None`` when the engine could not read the document at all.
        locations: where its first errors are.
        note: why there is no verdict, when there is none.
    """

    valid: bool | None
    locations: tuple[Location, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True)
class EngineInfo:
    """How an engine is set up for one version of the schema.

    Attributes:
        name: the engine and its settings, such as ``ajv+formats``.
        version: the version of the format.
        setup: the code that builds it, in its own language.
        asserts_formats: whether it checks ``format`` keywords.
        default_error: the error its default options raise when they cannot compile the
            schema, or ``None``.
        fallback: the setting used instead, when the default options failed.
    """

    name: str
    version: str
    setup: str
    asserts_formats: bool
    default_error: str | None = None
    fallback: str | None = None


@attrs.frozen(kw_only=True)
class Reference:
    """partnering's verdict: parse-level, or the schema layer's issues as (code, pointer)."""

    parse_level: bool
    issues: tuple[tuple[str, str], ...]

    @property
    def valid(self) -> bool:
        """Tell whether the schema layer found nothing (and the reader read the document)."""
        return not self.parse_level and not self.issues


def dataset_schema(version: str) -> dict[str, Any]:
    """Read ``schemas/VERSION/dataset.schema.json`` from the repository."""
    path = REPOSITORY / "schemas" / version / "dataset.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def partnering_verdict(document: bytes, today: date) -> Reference:
    """Validate with partnering, and keep what its reader and its schema layer say.

    Example:
        >>> partnering_verdict(b'{"title": ""}', date(2026, 1, 1))
        Reference(parse_level=False, issues=(('empty-text', '/title'), \
('missing-field', '/schema_version')))
    """
    import partnering
    from partnering.catalogue import PARSE_CODES, SCHEMA_CODES

    report = partnering.validate(document, today=today)
    return Reference(
        parse_level=any(issue.code in PARSE_CODES for issue in report.issues)
        or (report.issues != () and _misread_by_doubles(document)),
        issues=tuple(
            sorted(
                (issue.code, issue.pointer) for issue in report.issues if issue.code in SCHEMA_CODES
            )
        ),
    )


class _MisreadError(Exception):
    pass


def _exactly_a_double(literal: str) -> float:
    if Decimal(repr(float(literal))) != Decimal(literal):
        raise _MisreadError
    return float(literal)


def _misread_by_doubles(document: bytes) -> bool:
    """Tell whether a reader that holds numbers as doubles reads some number as another.

    The format reads numbers exactly, as written: ``1e-400`` is not 0. JSON Schema judges the
    values a reader built, so engines that judge doubles cannot agree on such a document,
    whose verdict rests on the reader's rules (a parse-level document).
    """
    try:
        json.loads(document, parse_float=_exactly_a_double)
    except _MisreadError:
        return True
    except ValueError:  # not JSON the standard library reads: the reader decides anyway
        return False
    return False


def _pointer(path: Iterable[object]) -> str:
    from partnering._pointers import format_pointer

    return format_pointer([part if isinstance(part, int) else str(part) for part in path])


@attrs.frozen(kw_only=True)
class PythonEngine:
    """A Python engine: its name and set-up, and a function from parsed data to a verdict."""

    name: str
    setup: str
    asserts_formats: bool
    check: Callable[[str, Any], Verdict]

    def info(self, version: str) -> EngineInfo:
        """Say how the engine is set up for a version of the format."""
        return EngineInfo(
            name=self.name, version=version, setup=self.setup, asserts_formats=self.asserts_formats
        )

    def judge(self, document: bytes, version: str) -> Verdict:
        """Parse the document as Python developers do, then validate it."""
        try:
            data = json.loads(document.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            return Verdict(valid=None, note=f"json.loads: {error}")
        try:
            return self.check(version, data)
        except UnicodeEncodeError as error:  # jsonschema-rs cannot take half a character
            return Verdict(valid=None, note=f"{self.name}: {error}")


_MAX_ERRORS = 5


def _key_of(data: Any, path: Sequence[object], instance: object) -> str | None:
    # An error about an object whose failing instance is a string concerns one of its keys.
    target = data
    for part in path:
        target = target[part]
    return instance if isinstance(target, dict) and isinstance(instance, str) else None


def _jsonschema(schemas: Mapping[str, Mapping[str, Any]], *, formats: bool) -> PythonEngine:
    import jsonschema

    checker = jsonschema.FormatChecker() if formats else None
    validators = {
        version: jsonschema.Draft202012Validator(schema, format_checker=checker)
        for version, schema in schemas.items()
    }
    name = "jsonschema+formats" if formats else "jsonschema"
    setup = "Draft202012Validator(schema" + (
        ", format_checker=FormatChecker())" if formats else ")"
    )

    def check(version: str, data: Any) -> Verdict:
        errors = sorted(validators[version].iter_errors(data), key=lambda error: list(error.path))
        locations = tuple(
            Location(
                _pointer(error.absolute_path),
                str(error.validator),
                _key_of(data, list(error.absolute_path), error.instance),
            )
            for error in errors[:_MAX_ERRORS]
        )
        return Verdict(valid=not errors, locations=locations)

    return PythonEngine(name=name, setup=setup, asserts_formats=formats, check=check)


def _jsonschema_rs(schemas: Mapping[str, Mapping[str, Any]], *, formats: bool) -> PythonEngine:
    import jsonschema_rs

    validators = {
        version: jsonschema_rs.validator_for(dict(schema), validate_formats=formats or None)
        for version, schema in schemas.items()
    }
    name = "jsonschema-rs+formats" if formats else "jsonschema-rs"
    setup = "validator_for(schema" + (", validate_formats=True)" if formats else ")")

    def check(version: str, data: Any) -> Verdict:
        errors = list(validators[version].iter_errors(data))
        locations = []
        for error in errors[:_MAX_ERRORS]:
            keywords = [part for part in error.schema_path if isinstance(part, str)]
            path = list(error.instance_path)
            keyword = keywords[-1] if keywords else ""
            locations.append(Location(_pointer(path), keyword, _key_of(data, path, error.instance)))
        return Verdict(valid=not errors, locations=tuple(locations))

    return PythonEngine(name=name, setup=setup, asserts_formats=formats, check=check)


def python_engines(schemas: Mapping[str, Mapping[str, Any]]) -> list[PythonEngine]:
    """Build the Python engines for the given schemas: jsonschema and jsonschema-rs.

    Each comes with its default settings (``format`` only an annotation, as JSON Schema
    2020-12 says) and with formats checked.
    """
    return [
        _jsonschema(schemas, formats=False),
        _jsonschema(schemas, formats=True),
        _jsonschema_rs(schemas, formats=False),
        _jsonschema_rs(schemas, formats=True),
    ]


class NodeUnavailableError(RuntimeError):
    """Node.js, or the packages ``npm ci`` installs, are missing."""


def node_engines(
    documents: Iterable[tuple[str, str, bytes]], *, timeout: float = 600
) -> tuple[list[EngineInfo], dict[tuple[str, str], Verdict]]:
    """Run ``engines.mjs`` on documents given as (id, version, bytes).

    Returns:
        How each JavaScript engine is set up for each version, and the verdict of each
        engine on each document, by (document id, engine name).

    Raises:
        NodeUnavailableError: ``node`` is not on the path, or ``node_modules`` is missing.
    """
    node = shutil.which("node")
    if node is None:
        raise NodeUnavailableError("node is not installed")
    if not (REPOSITORY / "node_modules" / "ajv").is_dir():
        raise NodeUnavailableError("node_modules lacks Ajv: run npm ci first")
    lines = "".join(
        json.dumps({"id": id, "version": version, "base64": base64.b64encode(data).decode()}) + "\n"
        for id, version, data in documents
    )
    done = subprocess.run(
        [node, str(HERE / "engines.mjs")],
        input=lines,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"engines.mjs failed:\n{done.stderr}")
    infos = []
    verdicts = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        if record["type"] == "engine":
            infos.append(
                EngineInfo(
                    name=record["engine"],
                    version=record["version"],
                    setup=record["setup"],
                    asserts_formats=record["asserts_formats"],
                    default_error=record["default_error"],
                    fallback=record["fallback"],
                )
            )
            continue
        locations = tuple(
            Location(error["pointer"], error["keyword"], error["key"])
            for error in record.get("errors", ())
        )
        note = record.get("parse_error") or record.get("engine_error")
        verdicts[record["id"], record["engine"]] = Verdict(
            valid=record["valid"], locations=locations, note=note
        )
    return infos, verdicts
