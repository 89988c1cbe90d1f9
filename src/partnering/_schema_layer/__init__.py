"""Layer 1 of validation: the interchange JSON Schema, with messages written for people.

The validator (:mod:`._validator`) is jsonschema's Draft 2020-12 validator, made to agree with
the models and the fast engine; what each broken keyword says is one function per keyword
(:mod:`._keywords`), which asks the constraint that states the keyword for its words.

:func:`schema_issues` checks a whole document: it is the reference path. The fast path
(:mod:`partnering._fast`) finds which records are invalid with another engine, then asks
:func:`issues_in_parts` to check only those, and the top level, with this validator.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import attrs
from jsonschema import ValidationError

from partnering._bounds import Bound
from partnering._constraints import Breach
from partnering._format import SCHEMA_VERSION, SCHEMA_VERSIONS, checked_version
from partnering._schema_layer._keywords import translate
from partnering._schema_layer._validator import validator as _validator
from partnering._text import excerpt
from partnering._wording import issue
from partnering.entities import ENTITIES
from partnering.report import Issue, Path

__all__ = ["issues_in_parts", "schema_issues", "unsupported_version"]


def schema_issues(data: Mapping[str, Any]) -> Iterator[Issue]:
    """Yield an issue for every way ``data`` breaks the interchange schema.

    A file is checked against the schema of the version it declares (see
    :func:`~partnering._format.checked_version`). A file that names a version this release
    does not read gets one issue and no more: its fields cannot be judged.

    Example:
        >>> [issue.code for issue in schema_issues({"schema_version": "1.0", "title": 5})]
        ['wrong-type']
        >>> [issue.message for issue in schema_issues({"schema_version": "2.0"})]
        ["'schema_version' is '2.0'; this library reads versions 1.0 and 1.1 of the format"]
    """
    version = checked_version(data)
    if version is None:
        yield unsupported_version(str(data.get("schema_version")))
        return
    yield from _issues(_validator(version).iter_errors(data))


def unsupported_version(version: str) -> Issue:
    """Say that a file names a version of the format this release does not read."""
    read = SCHEMA_VERSIONS
    if len(read) == 1:
        versions = f"version {read[0]}"
    else:
        versions = f"versions {', '.join(read[:-1])} and {read[-1]}"
    problem = f"is {excerpt(version)}; this library reads {versions} of the format"
    return issue(Breach("unsupported-version", problem), ("schema_version",), value=version)


def _issues(errors: Iterable[ValidationError]) -> Iterator[Issue]:
    # One issue per place and kind: an id with a final line feed breaks both its pattern and
    # the guard beside it, and jsonschema reports each missing field of an object as its own
    # error.
    reported: set[tuple[Path, str]] = set()
    for error in errors:
        for found in translate(error):
            if (found.path, found.code) not in reported:
                reported.add((found.path, found.code))
                yield found


@functools.cache
def _top_level_schema(version: str) -> dict[str, Any]:
    """Return the schema of the top level alone: the entity lists' items are left out."""
    schema = dict(_validator(version).schema)
    # Without "$schema", jsonschema keeps our validator class (ECMA patterns) for it.
    del schema["$schema"]
    schema["properties"] = {
        name: (
            {key: value for key, value in keywords.items() if key != "items"}
            if name in ENTITIES.models
            else keywords
        )
        for name, keywords in schema["properties"].items()
    }
    return schema


def _record_errors(
    validator: Any, data: Mapping[str, Any], name: str, index: int
) -> Iterator[ValidationError]:
    items = validator.schema["properties"][name]["items"]
    for error in validator.descend(data[name][index], items, path=index):
        error.path.appendleft(name)
        yield error


def issues_in_parts(
    data: Mapping[str, Any],
    records: Iterable[tuple[str, int] | tuple[str, int, Hashable]],
    version: str | None = None,
    bound: Bound | None = None,
) -> Iterator[Issue]:
    """Yield the issues of the top level of ``data`` and of the records named, only.

    When every record not named is valid, these are exactly the issues
    :func:`schema_issues` yields for the whole document: each part is checked with the same
    validator, the same schema and the same resolution of references, and its paths start
    from the root of the document. Parts never share a path, so dropping repeated issues part
    by part drops what the whole document's check drops.

    A record may come with the *shape* of its errors (any hashable value), such that two
    records of one list with the same shape break the schema in the same places, in the same
    way, with the same values. Then only the first record of each shape is explained; the
    issues of the others are that record's, moved to their own index. A file of one bad
    record repeated costs one explanation, not one a record.

    Args:
        data: a document of ``version``, whose records not named are all valid.
        records: the invalid records, as an entity list's name and an index into that list,
            and, when it is known, the shape of the record's errors.
        version: the version of the format the document is checked against; by default
            the one it declares.
        bound: the bound of the report the issues go to, if any: a moved issue whose
            group is full is counted there, and not made.

    Example:
        >>> data = {"schema_version": "1.0", "title": 5, "partners": [{"id": "a"}, {"id": "b"}]}
        >>> [issue.pointer for issue in issues_in_parts(data, [("partners", 1)])]
        ['/title', '/partners/1/name', '/partners/1/organisation_type']
        >>> parts = [("partners", 0, "no name"), ("partners", 1, "no name")]
        >>> [issue.pointer for issue in issues_in_parts(data, parts)][1:]
        ['/partners/0/name', '/partners/0/organisation_type', '/partners/1/name', \
'/partners/1/organisation_type']
    """
    version = version or checked_version(data) or SCHEMA_VERSION
    validator = _validator(version)
    yield from _issues(validator.descend(data, _top_level_schema(version)))
    # A shape's issues, or None when they cannot be moved: an issue of the record itself
    # names the record by its index ("item 3 of 'partners'").
    explained: dict[tuple[str, Hashable], tuple[Issue, ...] | None] = {}
    # The group of each of a shape's issues, in the report's bound.
    grouped: dict[tuple[str, Hashable], tuple[tuple[str | int | None, ...], ...]] = {}
    for name, index, *shape in records:
        key = (name, shape[0]) if shape else None
        known = explained.get(key) if key is not None else None
        if key is not None and known is not None:
            if bound is None:
                yield from (_moved(found, index) for found in known)
                continue
            groups = grouped.get(key)
            if groups is None:  # the same for every index
                groups = grouped[key] = tuple(Bound.key(found) for found in known)
            for each, group in zip(known, groups, strict=True):
                if bound.full(group):
                    bound.count(group, each.code, each.severity)
                else:
                    yield _moved(each, index)
            continue
        found = tuple(_issues(_record_errors(validator, data, name, index)))
        if key is not None and key not in explained:
            movable = all(len(each.path) > 2 for each in found)
            explained[key] = found if movable else None
        yield from found


def _moved(found: Issue, index: int) -> Issue:
    """Move an issue of one record of a list to the record at ``index`` of the same list."""
    return attrs.evolve(found, path=(found.path[0], index, *found.path[2:]))
