"""Build documents for the agreement harness: generated datasets, and mutations of them.

The datasets come from :func:`partnering.strategies.datasets`, drawn by Hypothesis from a
fixed seed; each mutation changes one value, chosen with a :class:`random.Random` of the same
seed, towards the places where engines are known to part: final newlines, impossible dates,
leap seconds, odd web addresses, numbers written as decimals or too large to hold. The same
seed gives the same documents, byte for byte, for a given version of Hypothesis.

Example:
    >>> documents = generated(seed=1, count=2)
    >>> [document.id for document in documents]
    ['generated/0000', 'generated/0001']
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from conformance.causes import location

__all__ = ["Document", "generated", "mutated"]


@attrs.frozen(kw_only=True)
class Document:
    """A document the harness runs every engine on.

    Attributes:
        id: a name to find it by in the harness's output.
        version: the version of the format, and so the schema, it targets.
        document: its exact bytes.
        origin: how it was made, for a person reading the output.
    """

    id: str
    version: str
    document: bytes
    origin: str


def _collect(strategy: Any, seed: int, count: int) -> list[str]:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    from partnering import dumps

    found: list[str] = []

    @fixed_seed(seed)
    @settings(
        database=None,
        max_examples=count,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(dataset: Any) -> None:
        # Free datasets break the rules across records on purpose: write them as they are.
        found.append(dumps(dataset, check=False))

    collect()
    return found[:count]


def generated(*, seed: int, count: int) -> list[Document]:
    """Draw ``count`` datasets, half consistent (valid in every layer), half free.

    Free datasets pass the schema but may break rules across the file; both kinds are valid
    against the schema, so every engine should accept every one.
    """
    from partnering import SCHEMA_VERSION
    from partnering.strategies import datasets

    consistent = _collect(datasets(consistent=True), seed, (count + 1) // 2)
    free = _collect(datasets(consistent=False), seed, count // 2)
    return [
        Document(
            id=f"generated/{number:04}",
            version=SCHEMA_VERSION,
            document=text.encode("utf-8"),
            origin="a consistent dataset" if number < len(consistent) else "a free dataset",
        )
        for number, text in enumerate([*consistent, *free])
    ]


# --- Mutations ----------------------------------------------------------------------------
# Each replacement is the value to write, or a _Raw number text written as it is.


@attrs.frozen
class _Raw:
    text: str


_DATES = (
    "2021-02-29",
    "2021-02-30",
    "2021-04-31",
    "2021-13-01",
    "2021-00-10",
    "2021-01-00",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2020-02-29",
    "1900-02-29",
    "2000-02-29",
    "2021-1-1",
)
_TIMES = (
    "2016-12-31T23:59:60Z",
    "2021-01-01T24:00:00Z",
    "2021-01-01T23:60:00Z",
    "2021-02-30T00:00:00Z",
    "2021-13-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z",
    "2021-01-01T00:00:00+00:00",
    "2021-01-01t00:00:00z",
    "2021-01-01T00:00:00.5Z",
)
_URIS = (
    "http://a:b",
    "http://a@b@c",
    "http://example.org:8080/",
    "http://example.org:/",
    "http://user:secret@example.org/",
    "http://[::1]/",
    "http://[::1",
    "http://a/%41",
    "http://a/%zz",
    "http://a/<b>",
    "http://a/{b}",
    "http://a/b|c",
    "http://a/b\\c",
    "https://a/b#c#d",
    "http:///licence",
    "http://exa mple.org/",
    "ftp://example.org/",
    "http://192.0.2.1/",
    "http://256.1.1.1/",
    "http://example.org:65535/",
    "http://example.org:65536/",
    "http://example.org./",
    "http://a_b.org/",
    "http://localhost/",
    "https://xn--exmple-cua.org/",
)
_EXTENSION_KEYS = ("x:y", "x:y\n", "X:y", "x-y", "x:y z", "-x:y", "x:")
_VERSIONS = ("1.0\n", "1.1", "2.0", "1.0 ", "1")


def _string_replacements(value: str, schema: Mapping[str, Any]) -> list[object]:
    form = schema.get("format")
    common: list[object] = [value + "\n", value + "\r", " " + value, None, 5]
    if form == "date":
        return [*_DATES, *common]
    if form == "date-time":
        return [*_TIMES, *common]
    if form == "uri":
        return [*_URIS, *common]
    if "pattern" in schema:
        return [*common, "", value + " x", "é" + value, "a" * 201]
    if "enum" in schema:
        return [*common, "zz", value.upper()]
    return [*common, ""]


def _integer_replacements(value: int) -> list[object]:
    return [
        _Raw(f"{value}.0"),
        _Raw(f"{value}e0"),
        _Raw(str(2**53 - 1)),
        _Raw(f"{2**53 - 1}.0"),
        _Raw(str(2**53)),
        _Raw(str(2**53 + 1)),
        _Raw("1" + "0" * 400),
        _Raw("1e400"),
        -1,
        1.5,
        str(value),
        True,
        None,
    ]


def _replacements(value: Any, schema: Mapping[str, Any]) -> list[object]:
    if isinstance(value, str):
        return _string_replacements(value, schema)
    if isinstance(value, bool):
        return [None, "true", 1]
    if isinstance(value, int):
        return _integer_replacements(value)
    if isinstance(value, list):
        return [[], [*value, value[0]] if value else [None], value[:1], None, "x"]
    if isinstance(value, dict):
        return [{}, {**value, "nmae": "x"}, None, [value]]
    return [None]


def _sites(
    schema: Mapping[str, Any], data: Any, tokens: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any, Mapping[str, Any]]]:
    """Yield every place of a document that the schema describes, with its subschema."""
    subschema, value = location(schema, data, tokens)
    if subschema is None:
        return
    if tokens:
        yield tokens, value, subschema
    if isinstance(value, dict) and tokens[-1:] != ("extensions",):
        for key in value:
            yield from _sites(schema, data, (*tokens, key))
    elif isinstance(value, list):
        for index in range(len(value)):
            yield from _sites(schema, data, (*tokens, str(index)))


def _put(data: Any, tokens: Sequence[str], value: object) -> None:
    target = data
    for token in tokens[:-1]:
        target = target[int(token)] if isinstance(target, list) else target[token]
    if isinstance(target, list):
        target[int(tokens[-1])] = value
    else:
        target[tokens[-1]] = value


def _render(data: Any, raw: _Raw | None) -> bytes:
    """Write a document as JSON text, with a raw number where the placeholder stands."""
    text = json.dumps(data, ensure_ascii=False)
    if raw is not None:
        text = text.replace(json.dumps(_PLACEHOLDER), raw.text)
    return text.encode("utf-8")


_PLACEHOLDER = "\x00raw number\x00"


_Mutation = tuple[str, Callable[[dict[str, Any]], "_Raw | None"]]


def _mutations(data: dict[str, Any], schema: Mapping[str, Any]) -> list[_Mutation]:
    """List every mutation of one value: what it does, and the function that does it."""
    places: list[_Mutation] = []

    def setter(tokens: tuple[str, ...], new: object) -> Callable[[dict[str, Any]], _Raw | None]:
        def apply(document: dict[str, Any]) -> _Raw | None:
            if tokens == ("extensions", "*key*"):
                document["extensions"] = {str(new): "value"}
                return None
            if isinstance(new, _Raw):
                _put(document, tokens, _PLACEHOLDER)
                return new
            _put(document, tokens, copy.deepcopy(new))
            return None

        return apply

    def place(tokens: tuple[str, ...], values: list[object]) -> None:
        pointer = "".join("/" + token for token in tokens)
        for new in values:
            if tokens[-1] == "*key*":
                places.append((f"the extension key {_show(new)}", setter(tokens, new)))
            else:
                places.append((f"{pointer} = {_show(new)}", setter(tokens, new)))

    for tokens, value, subschema in _sites(schema, data):
        place(tokens, _replacements(value, subschema))
    # Fields every document may have, so that each run reaches them.
    place(("published_at",), [*_TIMES, "2014-04-13T09:30:00Z\n"])
    place(("license",), [*_URIS, "https://example.org/licence\n"])
    place(("schema_version",), list(_VERSIONS))
    place(("extensions", "*key*"), list(_EXTENSION_KEYS))
    return places


def _show(value: object) -> str:
    if isinstance(value, _Raw):
        return value.text if len(value.text) < 24 else f"{value.text[:6]}... ({len(value.text)})"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 40 else text[:36] + "..."


def mutated(
    bases: Sequence[Document], schemas: Mapping[str, Mapping[str, Any]], *, seed: int, each: int
) -> list[Document]:
    """Make ``each`` mutations of every base document, each changing one value.

    Args:
        bases: documents that are valid against the schema.
        schemas: the dataset schema of each version, by version.
        seed: the seed of the choices; the same seed gives the same mutations.
        each: how many mutations to make of each base.
    """
    documents = []
    for base in bases:
        data = json.loads(base.document)
        places = _mutations(data, schemas[base.version])
        chooser = random.Random(f"{seed}:{base.id}")
        for number in range(each):
            description, apply = chooser.choice(places)
            changed = copy.deepcopy(data)
            raw = apply(changed)
            documents.append(
                Document(
                    id=f"{base.id.replace('generated', 'mutated')}.{number}",
                    version=base.version,
                    document=_render(changed, raw),
                    origin=f"{base.id} with {description}",
                )
            )
    return documents
