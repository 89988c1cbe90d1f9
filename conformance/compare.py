"""Compare an engine's verdict with partnering's, name the cause, and check the allow-list.

A :class:`Disagreement` is one engine differing from partnering's schema layer on one
document, for one cause; an :class:`Allowance` is an entry of ``known-differences.json``
that explains a cause on some engines. :func:`explain` splits disagreements into the
explained and the unexplained, and the harness fails on the latter.

Example:
    >>> known = Disagreement(engine="ajv", document="schema 1.0", version="1.0",
    ...     direction="compile", cause="default-options-do-not-compile", detail="unknown format")
    >>> explain([known], load_allowances())[1]
    []
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from conformance.causes import (
    FORMAT_CAUSES,
    FORMAT_NOT_ASSERTED,
    field_kind,
    location,
    parse_pointer,
    value_cause,
)
from conformance.engines import EngineInfo, Reference, Verdict
from conformance.generate import Document
from conformance.suite import HERE

__all__ = [
    "KNOWN_DIFFERENCES",
    "UNCLASSIFIED",
    "Allowance",
    "Disagreement",
    "compare",
    "compile_findings",
    "explain",
    "load_allowances",
]

#: The allow-list: every class of difference that is known, with its reason and its fix.
KNOWN_DIFFERENCES = HERE / "known-differences.json"

#: The cause of a difference that no cause of :mod:`conformance.causes` explains.
UNCLASSIFIED = "unclassified"


@attrs.frozen(kw_only=True)
class Disagreement:
    """One engine's verdict on one document differs from partnering's, for one cause.

    Attributes:
        engine: the engine and its settings.
        document: the document's id (or ``schema VERSION`` when the schema did not compile).
        version: the version of the format.
        direction: ``accepts`` (what partnering refuses), ``refuses`` (what partnering
            accepts), ``no-verdict`` (the engine could not read the document), or ``compile``
            (its default options could not compile the schema).
        cause: why, as :mod:`conformance.causes` names it.
        detail: which kind of field, or the value's own cause, or the engine's message.
    """

    engine: str
    document: str
    version: str
    direction: str
    cause: str
    detail: str


@attrs.frozen(kw_only=True)
class Allowance:
    """An entry of ``known-differences.json``: a cause that some engines may show, and why.

    Attributes:
        cause: the cause of the differences it explains.
        engines: the engines that may show it.
        reason: why they differ.
        explained_by: where the format's documentation says so.
        versions: the versions of the format it concerns, or ``None`` for all.
    """

    cause: str
    engines: tuple[str, ...]
    reason: str
    explained_by: str
    versions: tuple[str, ...] | None = None

    def allows(self, disagreement: Disagreement) -> bool:
        """Tell whether this entry explains a disagreement."""
        return (
            disagreement.cause == self.cause
            and disagreement.engine in self.engines
            and (self.versions is None or disagreement.version in self.versions)
        )


def load_allowances(path: Path = KNOWN_DIFFERENCES) -> list[Allowance]:
    """Read the allow-list.

    Example:
        >>> [entry.cause for entry in load_allowances()]
        ['default-options-do-not-compile']
    """
    entries = json.loads(path.read_text(encoding="utf-8"))["differences"]
    return [
        Allowance(
            cause=entry["cause"],
            engines=tuple(entry["engines"]),
            reason=entry["reason"],
            explained_by=entry["explained_by"],
            versions=tuple(entry["versions"]) if "versions" in entry else None,
        )
        for entry in entries
    ]


def explain(
    disagreements: Iterable[Disagreement], allowances: Sequence[Allowance]
) -> tuple[list[tuple[Disagreement, Allowance]], list[Disagreement]]:
    """Split disagreements into those an allowance explains and the unexplained ones.

    Example:
        >>> new = Disagreement(engine="ajv", document="d", version="1.0",
        ...     direction="accepts", cause="something-new", detail="id")
        >>> explain([new], load_allowances())[1] == [new]
        True
    """
    explained = []
    unexplained = []
    for disagreement in disagreements:
        entry = next((entry for entry in allowances if entry.allows(disagreement)), None)
        if entry is None:
            unexplained.append(disagreement)
        else:
            explained.append((disagreement, entry))
    return explained, unexplained


def _about(
    schema: Mapping[str, Any], data: Any, tokens: list[str], key: str | None
) -> tuple[Mapping[str, Any] | None, Any]:
    """Find the subschema and value a place is about; a key is checked by propertyNames."""
    if key is None:
        return location(schema, data, tokens)
    parent, _ = location(schema, data, tokens)
    names = parent.get("propertyNames") if parent is not None else None
    return (names if isinstance(names, Mapping) else None), key


def _causes(
    info: EngineInfo,
    reference: Reference,
    verdict: Verdict,
    schema: Mapping[str, Any],
    data: Any,
) -> tuple[str, set[tuple[str, str]]]:
    """Say in which direction an engine differs, and the causes with their details."""
    found: set[tuple[str, str]] = set()
    if verdict.valid:
        for code, pointer in reference.issues:
            tokens = parse_pointer(pointer)
            key = tokens.pop() if code == "invalid-extension-key" and tokens else None
            subschema, value = _about(schema, data, tokens, key)
            cause = value_cause(value, subschema)
            if cause == UNCLASSIFIED:
                found.add((UNCLASSIFIED, code))
            elif not info.asserts_formats and (cause in FORMAT_CAUSES or cause == "date-other"):
                found.add((FORMAT_NOT_ASSERTED, cause))
            else:
                found.add((cause, field_kind(subschema, tokens)))
        return "accepts", found or {(UNCLASSIFIED, "no issue")}
    for place in verdict.locations:
        tokens = parse_pointer(place.pointer)
        naming = place.key if place.keyword in ("pattern", "propertyNames", "format") else None
        subschema, value = _about(schema, data, tokens, naming)
        cause = value_cause(value, subschema)
        detail = place.keyword if cause == UNCLASSIFIED else field_kind(subschema, tokens)
        found.add((cause, detail))
    return "refuses", found or {(UNCLASSIFIED, "no error given")}


def compare(
    info: EngineInfo,
    document: Document,
    reference: Reference,
    verdict: Verdict,
    schema: Mapping[str, Any],
) -> list[Disagreement]:
    """List the disagreements of one engine with partnering on one document, by cause.

    A parse-level document gives none: engines are not held to the reader's rules.
    """
    if reference.parse_level:
        return []

    def disagreement(direction: str, cause: str, detail: str) -> Disagreement:
        return Disagreement(
            engine=info.name,
            document=document.id,
            version=document.version,
            direction=direction,
            cause=cause,
            detail=detail,
        )

    if verdict.valid is None:
        return [disagreement("no-verdict", "no-verdict", verdict.note or "")]
    if verdict.valid == reference.valid:
        return []
    data = json.loads(document.document)
    direction, causes = _causes(info, reference, verdict, schema, data)
    return [disagreement(direction, cause, detail) for cause, detail in sorted(causes)]


def compile_findings(infos: Iterable[EngineInfo]) -> list[Disagreement]:
    """List each engine whose default options could not compile a version's schema."""
    return [
        Disagreement(
            engine=info.name,
            document=f"schema {info.version}",
            version=info.version,
            direction="compile",
            cause="default-options-do-not-compile",
            detail=info.default_error,
        )
        for info in infos
        if info.default_error is not None
    ]
