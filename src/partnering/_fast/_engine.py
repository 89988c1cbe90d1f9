"""Check a document with jsonschema-rs, and let the reference validator explain what it finds.

``jsonschema-rs`` checks the whole document against the very same bundled schema as the
reference validator (:mod:`partnering._schema_layer`), with the same settings: ``pattern``
read as ECMA-262 does, and ``format`` an annotation, as JSON Schema 2020-12 makes it by
default. The schema's patterns carry the whole meaning of dates, times and web addresses, so
the engine never calls back into Python. A valid document needs nothing more, and
``jsonschema`` is not even imported. When the
document is invalid, ``jsonschema-rs`` only says *which records* are wrong; the reference
validator then checks those records and the top level of the document, and writes the issues,
so they are exactly the issues the reference path writes for the whole document.

Example:
    >>> data = {"schema_version": "1.0", "partners": [{"id": "tpi", "nmae": "x"}]}
    >>> [issue.pointer for issue in schema_issues(data)]
    ['/partners/0/name', '/partners/0/organisation_type', '/partners/0/nmae']
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import Any

from partnering._bounds import Bound
from partnering._fast._plain import is_plain_json
from partnering._format import SCHEMA_VERSION, checked_version
from partnering._jsondata import json_text
from partnering.entities import ENTITIES
from partnering.report import Issue

__all__ = ["engines", "schema_issues"]


@functools.cache
def engines(version: str = SCHEMA_VERSION) -> tuple[Any, Any]:
    """Return the validator of whole documents, and the one that finds the invalid records.

    Both check against the dataset schema of ``version``.
    """
    import jsonschema_rs

    from partnering.schemas import get_schema

    schema = get_schema(version=version)
    # Only the entity lists' items: every error it reports lies inside one record, so the
    # value it carries is at most that record (an error at the top level would carry, and
    # copy back into Python, the whole document).
    records = {key: schema[key] for key in ("$schema", "$defs") if key in schema} | {
        "properties": {
            name: {"items": schema["properties"][name]["items"]} for name in ENTITIES.models
        }
    }
    options: dict[str, Any] = {
        # As in the reference validator: the patterns beside each format carry its meaning.
        "validate_formats": False,
        # The linear-time engine: patterns from a schema cannot make validation slow.
        "pattern_options": jsonschema_rs.RegexOptions(),
    }
    whole = jsonschema_rs.Draft202012Validator(schema, **options)
    parts = jsonschema_rs.Draft202012Validator(records, **options)
    return whole, parts


def _reference(data: Mapping[str, Any]) -> Iterator[Issue]:
    from partnering._schema_layer import schema_issues as reference_issues

    return reference_issues(data)


def schema_issues(
    data: Mapping[str, Any],
    *,
    plain: bool | None = None,
    bound: Bound | None = None,
    on_invalid: Callable[[], object] | None = None,
) -> Iterator[Issue]:
    """Yield the issues the reference schema layer yields for ``data``, found faster.

    Args:
        data: a parsed document.
        plain: whether ``data`` is plain JSON (see :func:`is_plain_json`), as what the strict
            parser returns is; ``None`` to check. Data that is not goes to the reference path.
        bound: the bound of the report the issues go to, if any: the issues of a record
            like one explained already, past the bound of their group, are only counted
            there (see :func:`partnering._schema_layer.issues_in_parts`).
        on_invalid: called once the document is known to have errors, before any issue is
            made.

    Example:
        >>> [issue.code for issue in schema_issues({"schema_version": "1.0", "title": ""})]
        ['empty-text']
    """
    version = checked_version(data)
    if plain is None:
        plain = is_plain_json(data)
    if not plain or version is None:
        yield from _reference(data)
        return
    whole, _ = engines(version)
    # Plain JSON is what jsonschema-rs reads; should it fail on some after all, that is a bug
    # of this module, and it is raised rather than hidden behind the slower reference path.
    if whole.is_valid(data):
        return
    if on_invalid is not None:
        on_invalid()
    from partnering._schema_layer import issues_in_parts

    yield from issues_in_parts(data, _invalid_records(data, version), version, bound)


#: Stands for no record yet: unlike ``None``, which a list may hold.
_NOTHING = object()


def _invalid_records(
    data: Mapping[str, Any], version: str
) -> Iterator[tuple[str, int] | tuple[str, int, Hashable]]:
    """Yield every invalid record, in the order of the document, with the shape of its errors.

    A record is judged alone, by the schema of its list's items; records of the same content
    (known by a digest of their JSON text) are judged once, so a file of one record repeated
    costs one judgement.
    """
    validators = _record_validators(version)
    for entity in ENTITIES.lists:
        items = data.get(entity.name)
        if not isinstance(items, list):
            continue  # the top level's check reports it
        validator = validators.get(entity.name)
        if validator is None:
            continue  # a list of a later version: the top level's check reports it
        # The shape of each record's content, by its digest; and each shape once, so that
        # 100,000 records with one shape but their ids hold one shape, not 100,000 copies.
        shapes: dict[bytes, Hashable] = {}
        known: dict[Hashable, Hashable] = {}
        # The reader gives records written alike one dict (see _json's sharing_pairs_hook):
        # a record that is the one before it is not judged again. Its verdict: None when
        # valid, or what is yielded after the record's place.
        last: object = _NOTHING
        verdict: tuple[()] | tuple[Hashable] | None = None
        for index, item in enumerate(items):
            if item is not last:
                last, verdict = item, _verdict(validator, item, shapes, known)
            if verdict is not None:
                yield (entity.name, index, *verdict)


def _verdict(
    validator: Any, item: object, shapes: dict[bytes, Hashable], known: dict[Hashable, Hashable]
) -> tuple[()] | tuple[Hashable] | None:
    """Judge one record: ``None`` if valid, ``()`` to explain it alone, else its shape."""
    if validator.is_valid(item):
        return None
    if _has_long_text(item):
        # Alike records are most unlikely: the record is explained at once, neither written
        # as text for its digest nor judged again for its errors, each of which would copy
        # the long text (jsonschema-rs's messages quote it).
        return ()
    key = _record_digest(json_text(item, indent=None))  # on one line: the C encoder
    shape = shapes.get(key)
    if shape is None:
        found = tuple(_shape(error) for error in validator.iter_errors(item))
        shape = shapes[key] = known.setdefault(found, found)
    return (shape,)


# A record with a key or a text value longer than this is explained without a shape.
_LONG_TEXT = 4096


def _has_long_text(item: object) -> bool:
    """Tell whether a record has a key or a text value of more than ``_LONG_TEXT`` characters.

    Only the record's own fields are looked at, so that the check costs little on a file of
    many small records.
    """
    if type(item) is not dict or not item:
        return False
    if max(map(len, item)) > _LONG_TEXT:
        return True
    return any(type(value) is str and len(value) > _LONG_TEXT for value in item.values())


@functools.cache
def _record_validators(version: str) -> Mapping[str, Any]:
    """Return, for each entity list, the validator of one of its records in ``version``."""
    import jsonschema_rs

    from partnering.schemas import get_schema

    schema = get_schema(version=version)
    shared: dict[str, Any] = {key: schema[key] for key in ("$schema", "$defs") if key in schema}
    return {
        name: jsonschema_rs.Draft202012Validator(
            {**shared, **schema["properties"][name]["items"]},
            validate_formats=False,
            pattern_options=jsonschema_rs.RegexOptions(),
        )
        for name in ENTITIES.models
        if name in schema["properties"]  # a list a later version adds
    }


# Keywords whose explanation reads only the keys of the object that breaks them.
_KEYED = frozenset({"Required", "AdditionalProperties", "MinProperties"})
# Values longer than this, as JSON text, are known by a digest in a shape, not kept whole.
_SHORT = 256


def _shape(error: Any) -> Hashable:
    """Say where and how a record breaks the schema, and with what value, in a small key.

    Two records with the same errors, each with the same key, are explained alike: the
    schema layer words an error from its place, its keyword and its value (or, for the
    keywords of ``_KEYED``, the keys of its object), never from the rest of the record.
    """
    kind = type(error.kind).__name__
    instance = error.instance
    value: Hashable
    if kind in _KEYED and isinstance(instance, dict):
        value = ("keys", *(key if len(key) <= _SHORT else _digest(key) for key in instance))
    elif isinstance(instance, str):
        # Not written as JSON first: a long string would be copied twice more.
        value = ("text", instance if len(instance) <= _SHORT else _digest(instance))
    else:
        text = json_text(instance)  # exact for every number, Decimals included
        value = text if len(text) <= _SHORT else _digest(text)
    return (tuple(error.instance_path), tuple(error.schema_path), kind, value)


def _record_digest(text: str) -> bytes:
    """Know a record by a digest of its JSON text: 20 bytes, whatever the record's size."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _digest(text: str) -> tuple[int, bytes]:
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded), hashlib.blake2b(encoded, digest_size=16).digest()
