"""The fast path of validation and loading, with the verdicts and reports of the reference path.

The reference path checks a document with jsonschema's pure-Python validator
(:mod:`partnering._schema_layer`), then builds the models with the converter
(:mod:`partnering.convert`). Both are exact and explain everything, and both are slow on files
of tens of thousands of records. The fast path gets the same results another way:

1. **Schema.** ``jsonschema-rs`` checks the whole document against the very same bundled
   schema. Its ``format`` checks are the Python functions in :data:`FORMAT_CHECKS`, which the
   reference validator uses too, so the two engines agree on formats by construction; both
   read ``pattern`` as ECMA-262 does. A valid document needs nothing more, and ``jsonschema``
   is not even imported. When the document is invalid, ``jsonschema-rs`` only says *which
   records* are wrong; the reference validator then checks those records and the top level of
   the document, and writes the issues, so they are exactly the issues the reference path
   writes for the whole document.
2. **Structure.** A document the schema and rules accept is built into models by functions
   generated from the models' fields. They skip the checks the schema has just made (types,
   required and unknown fields, the attrs validators) without switching attrs validators off
   for the whole process; the values they build are equal to the converter's.
3. **Garbage collection.** Reading a large file creates millions of dicts, lists and models,
   none of them in a reference cycle; CPython's cyclic collector would walk the growing heap
   again and again meanwhile, which more than doubles the time. :func:`collection_paused`
   pauses it while a document is read and checked. Reference counting still frees memory as
   usual, and the collector runs again as soon as the last such read ends.

Only plain JSON data takes the fast path: what :func:`partnering._json.parse_json` returns,
or a mapping that :func:`is_plain_json` accepts. Anything else (tuples, ``NaN``, keys that are
not strings, lone surrogates, very deep nesting) goes to the reference path, whose handling of
such data is the defined behaviour.

Example:
    >>> data = {"schema_version": "1.0", "partners": [{"id": "tpi", "nmae": "x"}]}
    >>> [issue.pointer for issue in schema_issues(data)]
    ['/partners/0/name', '/partners/0/organisation_type', '/partners/0/nmae']
    >>> structure({"schema_version": "1.0", "title": "Mine"}).title
    'Mine'
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import functools
import gc
import math
import re
import threading
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from partnering._format import SCHEMA_VERSION
from partnering._formats import FORMAT_CHECKS
from partnering.codelists import CodeList
from partnering.models import ENTITY_LISTS, Dataset
from partnering.report import Issue

__all__ = ["collection_paused", "is_plain_json", "schema_issues", "structure"]

# --- Formats --------------------------------------------------------------------------------------


def _formats_in(schema: object) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "format" and isinstance(value, str):
                found.add(value)
            else:
                found |= _formats_in(value)
    elif isinstance(schema, list):
        for item in schema:
            found |= _formats_in(item)
    return found


# --- Plain JSON -----------------------------------------------------------------------------------

_SCALARS = frozenset({int, bool, type(None)})
_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain_text(text: str) -> bool:
    return text.isascii() or _SURROGATE.search(text) is None


def _plain_scalar(value: object) -> bool:
    kind = type(value)
    if kind is str:
        return _plain_text(value)  # type: ignore[arg-type]
    if kind is float:
        return math.isfinite(value)  # type: ignore[arg-type]
    return kind in _SCALARS


def is_plain_json(value: object, max_depth: int = 64) -> bool:
    """Tell whether a value is made only of what strict JSON parsing produces.

    That is: ``dict`` with ``str`` keys, ``list``, ``str`` without lone surrogates, ``int``,
    finite ``float``, ``bool`` and ``None`` (exact types, not subclasses), nested at most
    ``max_depth`` objects and lists deep.

    Example:
        >>> is_plain_json({"sdgs": [3, 17]}), is_plain_json({"sdgs": (3, 17)})
        (True, False)
        >>> is_plain_json({"share": float("nan")})
        False
    """
    if type(value) is not dict and type(value) is not list:
        return _plain_scalar(value)
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            return False
        children: Iterable[object]
        if type(item) is dict:
            for key in item:
                if type(key) is not str or not _plain_text(key):
                    return False
            children = item.values()
        else:
            children = item
        for child in children:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))
            elif not _plain_scalar(child):
                return False
    return True


# --- Schema ---------------------------------------------------------------------------------------


@functools.cache
def _engines() -> tuple[Any, Any]:
    """Return the validator of whole documents, and the one that finds the invalid records."""
    import jsonschema_rs

    from partnering.schemas import get_schema

    schema = get_schema()
    unknown = _formats_in(schema) - set(FORMAT_CHECKS)
    if unknown:  # pragma: no cover - a schema that gained a format without a shared check
        raise RuntimeError(f"no shared check for the formats {sorted(unknown)}")
    # Only the entity lists' items: every error it reports lies inside one record, so the
    # value it carries is at most that record (an error at the top level would carry, and
    # copy back into Python, the whole document).
    records = {key: schema[key] for key in ("$schema", "$defs") if key in schema} | {
        "properties": {
            name: {"items": schema["properties"][name]["items"]} for name in ENTITY_LISTS
        }
    }
    options: dict[str, Any] = {
        "formats": dict(FORMAT_CHECKS),
        "validate_formats": True,
        "ignore_unknown_formats": False,
        # The linear-time engine: patterns from a schema cannot make validation slow.
        "pattern_options": jsonschema_rs.RegexOptions(),
    }
    whole = jsonschema_rs.Draft202012Validator(schema, **options)
    parts = jsonschema_rs.Draft202012Validator(records, **options)
    return whole, parts


def _reference(data: Mapping[str, Any]) -> Iterator[Issue]:
    from partnering._schema_layer import schema_issues as reference_issues

    return reference_issues(data)


def schema_issues(data: Mapping[str, Any], *, plain: bool | None = None) -> Iterator[Issue]:
    """Yield the issues the reference schema layer yields for ``data``, found faster.

    Args:
        data: a parsed document.
        plain: whether ``data`` is plain JSON (see :func:`is_plain_json`), as what the strict
            parser returns is; ``None`` to check. Data that is not goes to the reference path.

    Example:
        >>> [issue.code for issue in schema_issues({"schema_version": "1.0", "title": ""})]
        ['empty-text']
    """
    version = data.get("schema_version")
    if plain is None:
        plain = is_plain_json(data)
    if not plain or (isinstance(version, str) and version != SCHEMA_VERSION):
        yield from _reference(data)
        return
    whole, parts = _engines()
    try:
        if whole.is_valid(data):
            return
        records = sorted(
            {
                (error.instance_path[0], error.instance_path[1])
                for error in parts.iter_errors(data)
                # Errors lie inside the records of lists, so paths start with a name, an index.
                if len(error.instance_path) >= 2 and type(error.instance_path[1]) is int
            },
            key=_document_order,
        )
    except ValueError:  # pragma: no cover - data jsonschema-rs cannot read after all
        yield from _reference(data)
        return
    from partnering._schema_layer import issues_in_parts

    yield from issues_in_parts(data, records)


_LIST_ORDER = {name: position for position, name in enumerate(ENTITY_LISTS)}


def _document_order(record: tuple[str, int]) -> tuple[int, int]:
    return _LIST_ORDER[record[0]], record[1]


# --- Structure ------------------------------------------------------------------------------------

_UTC = datetime.timezone.utc


def _structure_datetime(value: str) -> datetime.datetime:
    # As the converter reads it: the schema allows only "YYYY-MM-DDTHH:MM:SSZ".
    return datetime.datetime.fromisoformat(value[:-1]).replace(tzinfo=_UTC)


class _Generator:
    """Writes one structuring function per model, as Python source, and compiles it."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_new": object.__new__,
            "_date": datetime.date.fromisoformat,
            "_datetime": _structure_datetime,
            "_deepcopy": copy.deepcopy,
            "_tuple": tuple,
            "_int": int,
        }
        self.functions: dict[type[Any], str] = {}

    def name(self, value: object, prefix: str) -> str:
        """Put a value in the namespace of the generated code, and return its name."""
        name = f"_{prefix}{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def convert(self, type_: Any, expression: str) -> str:
        """Return an expression building a value of ``type_`` from JSON ``expression``."""
        origin = typing.get_origin(type_)
        if type_ is str or type_ is bool:
            return expression
        if type_ is int:
            # As in the converter and JSON Schema: 25.0 is the whole number 25.
            return f"({expression} if type({expression}) is int else _int({expression}))"
        if type_ is datetime.date:
            return f"_date({expression})"
        if type_ is datetime.datetime:
            return f"_datetime({expression})"
        if isinstance(type_, type) and issubclass(type_, CodeList):
            members = self.name(type_._value2member_map_, "codes")
            return f"{members}[{expression}]"
        if type_ == Mapping[str, Any]:
            # As the converter does: the model does not share mutable data with the caller.
            return f"_deepcopy({expression})"
        if attrs.has(type_):
            return f"{self.function(type_)}({expression})"
        if origin is tuple:
            (item, _) = typing.get_args(type_)
            built = self.convert(item, "x")
            if built == "x":
                return f"_tuple({expression})"
            return f"_tuple([{built} for x in {expression}])"
        raise TypeError(f"no fast structuring for {type_!r}")  # pragma: no cover

    def default(self, default: object) -> str:
        """Return an expression giving a field's default, a new one each time for a factory."""
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = default.factory  # type: ignore[attr-defined]
            if factory is tuple:
                return "()"
            if factory is dict:
                return "{}"
            return f"{self.name(factory, 'factory')}()"
        return self.name(default, "default")

    def function(self, cls: type[Any]) -> str:
        """Return the name of the function that builds ``cls``, writing it if needed."""
        if cls in self.functions:
            return self.functions[cls]
        plain = "__slots__" in cls.__dict__ and not hasattr(cls, "__attrs_post_init__")
        if not plain:  # pragma: no cover - every model is a plain slotted attrs class
            raise TypeError(f"{cls.__name__} needs the converter")
        name = f"_structure_{cls.__name__}_{len(self.functions)}"
        self.functions[cls] = name
        hints = typing.get_type_hints(cls)
        lines = [f"def {name}(d):", f"    o = _new({self.name(cls, 'cls')})"]
        for field in attrs.fields(cls):
            if field.converter is not None or field.alias != field.name:  # pragma: no cover
                raise TypeError(f"{cls.__name__}.{field.name} needs the converter")
            type_ = hints[field.name]
            arguments = typing.get_args(type_)
            if typing.get_origin(type_) in (typing.Union, types.UnionType):
                (type_,) = [argument for argument in arguments if argument is not type(None)]
            # A member descriptor sets the slot without the frozen class's __setattr__, as
            # attrs' own __init__ does, and without running the validators.
            setter = self.name(cls.__dict__[field.name].__set__, "set")
            if field.default is attrs.NOTHING:
                built = self.convert(type_, f"d[{field.name!r}]")
                lines.append(f"    {setter}(o, {built})")
                continue
            # The schema allows no null, so None stands for an absent field.
            lines.append(f"    v = d.get({field.name!r})")
            built = self.convert(type_, "v")
            if field.default is None:
                value = "v" if built == "v" else f"None if v is None else {built}"
            else:
                value = f"{self.default(field.default)} if v is None else {built}"
            lines.append(f"    {setter}(o, {value})")
        lines.append("    return o")
        # Our own source, written from our models: nothing of the document is in it.
        exec("\n".join(lines), self.namespace)
        return name


@functools.cache
def _structure_dataset() -> Callable[[Mapping[str, Any]], Dataset]:
    generator = _Generator()
    name = generator.function(Dataset)
    built: Callable[[Mapping[str, Any]], Dataset] = generator.namespace[name]
    return built


def structure(data: Mapping[str, Any]) -> Dataset:
    """Build the dataset of a document that the schema has accepted.

    The result equals what :func:`partnering.convert.structure` builds. Only call it on data
    that has no schema issue: it does not check the data again.

    Example:
        >>> structure({"schema_version": "1.0", "title": "Mine"}).published_at is None
        True
    """
    return _structure_dataset()(data)


# --- Garbage collection ---------------------------------------------------------------------------

_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the block.

    Blocks may nest and run in several threads at once: the collector is paused when the first
    begins and restored, if it was enabled, when the last ends.

    Example:
        >>> with collection_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
