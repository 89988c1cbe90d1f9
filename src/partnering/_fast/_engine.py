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
from collections.abc import Iterator, Mapping
from typing import Any

from partnering._fast._plain import is_plain_json
from partnering._format import SCHEMA_VERSION, checked_version
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
    version = checked_version(data)
    if plain is None:
        plain = is_plain_json(data)
    if not plain or version is None:
        yield from _reference(data)
        return
    whole, parts = engines(version)
    # Plain JSON is what jsonschema-rs reads; should it fail on some after all, that is a bug
    # of this module, and it is raised rather than hidden behind the slower reference path.
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
    from partnering._schema_layer import issues_in_parts

    yield from issues_in_parts(data, records, version)


_LIST_ORDER = {entity.name: position for position, entity in enumerate(ENTITIES.lists)}


def _document_order(record: tuple[str, int]) -> tuple[int, int]:
    return _LIST_ORDER[record[0]], record[1]
