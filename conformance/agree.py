"""Hold every JSON Schema engine to partnering's schema layer, and explain each difference.

Runs partnering, Python's jsonschema, jsonschema-rs, Ajv 8 (alone, with ajv-formats, and with
``strict: false``) and @hyperjump/json-schema over the conformance suite and over generated
and mutated documents, for every version of the schema in ``schemas/``. Each engine's verdict
is compared with that of partnering's schema layer; each difference gets a cause
(:mod:`conformance.causes`), and the run fails when a difference is not explained by an entry
of ``conformance/known-differences.json``. Documents that partnering's reader refuses are
parse-level: JSON Schema cannot express the reader's rules, so engines are not compared there.

Usage::

    python -m conformance.agree                 # the whole run
    python -m conformance.agree --suite-only    # the suite alone
    python -m conformance.agree --no-node       # the Python engines alone

Node.js and the packages of ``package-lock.json`` (``npm ci``) are needed for the JavaScript
engines. Without them the run says so, and fails when ``CI=true``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conformance.compare import (
    KNOWN_DIFFERENCES,
    Allowance,
    Disagreement,
    compare,
    compile_findings,
    explain,
    load_allowances,
)
from conformance.engines import (
    EngineInfo,
    Reference,
    Verdict,
    dataset_schema,
    node_engines,
    partnering_verdict,
    python_engines,
)
from conformance.engines import NodeUnavailableError as _NodeUnavailableError
from conformance.generate import Document, generated, mutated
from conformance.suite import load_suite, schema_versions

__all__ = ["TODAY", "main"]

#: The day partnering's rules compare with, for generated documents (the suite gives its own).
TODAY = date(2026, 1, 1)


# --- The run ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Run:
    documents: list[Document]
    references: dict[str, Reference]
    infos: list[EngineInfo]
    verdicts: dict[tuple[str, str], Verdict]
    problems: list[str]


def _documents(arguments: argparse.Namespace, schemas: Mapping[str, Any]) -> list[Document]:
    documents = [
        Document(
            id=f"suite/{test.id}",
            version=test.schema_version,
            document=test.document,
            origin=test.description,
        )
        for test in load_suite()
    ]
    if not arguments.suite_only:
        bases = generated(seed=arguments.seed, count=arguments.datasets)
        documents += bases
        documents += mutated(bases, schemas, seed=arguments.seed, each=arguments.mutations)
    return documents


def _suite_problems(references: Mapping[str, Reference]) -> list[str]:
    problems = []
    tested = set()
    for test in load_suite():
        tested.add(test.schema_version)
        found = references[f"suite/{test.id}"]
        if found.valid != test.valid:
            problems.append(
                f"suite/{test.id}: partnering's verdict is {found.valid}, the suite says "
                f"{test.valid} ({test.description})"
            )
    problems += [
        f"schemas/{version}: shipped, but no test of the suite targets it"
        for version in schema_versions()
        if version not in tested
    ]
    return problems


def _run(arguments: argparse.Namespace) -> _Run:
    versions = schema_versions()
    schemas = {version: dataset_schema(version) for version in versions}
    documents = _documents(arguments, schemas)
    todays = {f"suite/{test.id}": date.fromisoformat(test.today) for test in load_suite()}
    references = {
        document.id: partnering_verdict(document.document, todays.get(document.id, TODAY))
        for document in documents
    }
    problems = _suite_problems(references)
    engines = python_engines(schemas)
    infos = [engine.info(version) for engine in engines for version in versions]
    verdicts = {
        (document.id, engine.name): engine.judge(document.document, document.version)
        for engine in engines
        for document in documents
    }
    if not arguments.no_node:
        try:
            node_infos, node_verdicts = node_engines(
                (document.id, document.version, document.document) for document in documents
            )
        except _NodeUnavailableError as error:
            message = f"the JavaScript engines did not run: {error}"
            if os.environ.get("CI") == "true":
                problems.append(message + " (required in CI)")
            print(f"warning: {message}", file=sys.stderr)
        else:
            infos += node_infos
            verdicts.update(node_verdicts)
    return _Run(
        documents=documents,
        references=references,
        infos=infos,
        verdicts=verdicts,
        problems=problems,
    )


def _disagreements(run: _Run) -> list[Disagreement]:
    found = compile_findings(run.infos)
    schemas = {version: dataset_schema(version) for version in schema_versions()}
    names = list(dict.fromkeys(info.name for info in run.infos))
    info_of = {(info.name, info.version): info for info in run.infos}
    for document in run.documents:
        reference = run.references[document.id]
        for name in names:
            verdict = run.verdicts.get((document.id, name))
            if verdict is not None:
                info = info_of[name, document.version]
                schema = schemas[document.version]
                found += compare(info, document, reference, verdict, schema)
    return found


# --- Printing -----------------------------------------------------------------------------


def _print_engines(infos: Sequence[EngineInfo]) -> None:
    print("== Engines (each compared with partnering's schema layer)")
    for info in infos:
        line = f"  {info.name:26} {info.version}  {info.setup}"
        if info.default_error is not None:
            line += f"\n  {'':26}       FAILS to compile: {info.default_error}"
            line += f"\n  {'':26}       ran with: {info.fallback}"
        print(line)


def _print_documents(run: _Run) -> None:
    kinds = Counter(document.id.split("/")[0] for document in run.documents)
    parse_level = [
        document for document in run.documents if run.references[document.id].parse_level
    ]
    print(
        f"\n== Documents: {len(run.documents)} ("
        + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
        + f"); {len(parse_level)} parse-level, where engines are not compared"
    )
    names = list(dict.fromkeys(info.name for info in run.infos))
    accepted = {
        name: sum(
            bool(run.verdicts.get((document.id, name), Verdict(valid=False)).valid)
            for document in parse_level
        )
        for name in names
    }
    print(
        "   parse-level documents each engine accepts: "
        + ", ".join(f"{name} {count}" for name, count in accepted.items())
    )


def _print_table(
    disagreements: Sequence[Disagreement], allowances: Sequence[Allowance], run: _Run
) -> None:
    names = list(dict.fromkeys(info.name for info in run.infos))
    documents = defaultdict(set)
    for disagreement in disagreements:
        if disagreement.direction != "compile":
            documents[disagreement.engine].add(disagreement.document)
    print("\n== Documents on which each engine's verdict differs from partnering's")
    for name in names:
        print(f"  {name:26} {len(documents[name]):5}")
    groups: dict[tuple[str, str, str], list[Disagreement]] = defaultdict(list)
    for disagreement in disagreements:
        key = (disagreement.engine, disagreement.direction, disagreement.cause)
        groups[key].append(disagreement)
    print("\n== By engine and cause (docs: documents; accepts: the engine accepts what")
    print("   partnering refuses; refuses: the reverse)")
    print(f"  {'engine':26} {'direction':10} {'cause':31} {'docs':>5}  explained  where")
    order = {name: index for index, name in enumerate(names)}
    for (engine, direction, cause), group in sorted(
        groups.items(), key=lambda item: (order.get(item[0][0], 99), item[0][1:])
    ):
        explained = any(entry.allows(group[0]) for entry in allowances)
        details = Counter(disagreement.detail for disagreement in group)
        where = ", ".join(f"{detail} {count}" for detail, count in details.most_common(4))
        if len(details) > 4:
            where += ", ..."
        count = len({disagreement.document for disagreement in group})
        mark = "yes" if explained else "NO"
        print(f"  {engine:26} {direction:10} {cause:31} {count:5}  {mark:9}  {where[:60]}")


def _print_unexplained(unexplained: Sequence[Disagreement], run: _Run) -> None:
    origins = {document.id: document.origin for document in run.documents}
    print(f"\n== Not explained by {KNOWN_DIFFERENCES.name}: {len(unexplained)}")
    for disagreement in unexplained[:40]:
        origin = origins.get(disagreement.document, "")
        print(
            f"  {disagreement.engine}: {disagreement.direction} {disagreement.document}"
            f" ({disagreement.cause}: {disagreement.detail}) {origin[:90]}"
        )
    if len(unexplained) > 40:
        print(f"  ... and {len(unexplained) - 40} more")


def _print_unseen(
    explained: Sequence[tuple[Disagreement, Allowance]], allowances: Sequence[Allowance], run: _Run
) -> None:
    engines = {info.name for info in run.infos}
    seen = {(disagreement.engine, entry.cause) for disagreement, entry in explained}
    unseen = [
        f"{engine}: {entry.cause}"
        for entry in allowances
        for engine in entry.engines
        if engine in engines and (engine, entry.cause) not in seen
    ]
    if unseen:
        print(f"\n== Listed in {KNOWN_DIFFERENCES.name} but not seen in this run: {len(unseen)}")
        for line in unseen:
            print(f"  {line}")


def _write_json(path: Path, disagreements: Sequence[Disagreement], run: _Run) -> None:
    origins = {document.id: document.origin for document in run.documents}
    records = [
        {**attrs.asdict(disagreement), "origin": origins.get(disagreement.document, "")}
        for disagreement in disagreements
    ]
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the harness and print its table; return 1 on any unexplained difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14, help="seed of generation (14)")
    parser.add_argument("--datasets", type=int, default=120, help="generated datasets (120)")
    parser.add_argument("--mutations", type=int, default=4, help="mutations of each (4)")
    parser.add_argument("--suite-only", action="store_true", help="run on the suite alone")
    parser.add_argument("--no-node", action="store_true", help="skip the JavaScript engines")
    parser.add_argument("--json", type=Path, help="also write every disagreement to this file")
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    run = _run(arguments)
    disagreements = _disagreements(run)
    allowances = load_allowances()
    explained, unexplained = explain(disagreements, allowances)
    _print_engines(run.infos)
    _print_documents(run)
    _print_table(disagreements, allowances, run)
    _print_unexplained(unexplained, run)
    _print_unseen(explained, allowances, run)
    if arguments.json is not None:
        _write_json(arguments.json, disagreements, run)
    for problem in run.problems:
        print(f"error: {problem}")
    failed = bool(unexplained or run.problems)
    print(
        f"\nagreement: {len(run.documents)} documents, {len({i.name for i in run.infos})} "
        f"engines, {len(unexplained)} unexplained differences, {len(run.problems)} other "
        f"problems, in {time.perf_counter() - started:.0f} s: {'FAILED' if failed else 'ok'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
