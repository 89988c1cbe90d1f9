"""The interchange schemas that ship inside the package.

The files are read with :mod:`importlib.resources` from the installed package, never from the
network or another path, and gathered into one immutable :class:`referencing.Registry`.

Example:
    >>> get_schema()["$id"]
    'https://partnering.dev/schemas/1.1/dataset.schema.json'
    >>> get_schema(version="1.0")["$id"]
    'https://partnering.dev/schemas/1.0/dataset.schema.json'
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

import referencing
import referencing.jsonschema

from partnering._format import FORMAT_VERSIONS, SCHEMA_VERSIONS

__all__ = ["get_schema", "registry", "schema_text"]


def _version(name: str, version: str | None) -> str:
    """The version of a schema asked for: by default, the newest of the file's format."""
    if version is not None:
        return version
    return FORMAT_VERSIONS.get(name, SCHEMA_VERSIONS)[-1]


@functools.cache
def schema_text(name: str = "dataset", version: str | None = None) -> str:
    """Return the text of a bundled schema file, exactly as shipped.

    Args:
        name: ``dataset`` or ``report``.
        version: the version of the schema's format; by default the newest: of the
            interchange format for ``dataset``, of the report's format for ``report``.

    Example:
        >>> schema_text().startswith("{")
        True
    """
    version = _version(name, version)
    resource = resources.files("partnering") / "schemas" / version / f"{name}.schema.json"
    return resource.read_text(encoding="utf-8")


@functools.cache
def _schema(name: str, version: str) -> Mapping[str, Any]:
    loaded: Mapping[str, Any] = json.loads(schema_text(name, version))
    return loaded


def get_schema(name: str = "dataset", version: str | None = None) -> dict[str, Any]:
    """Return a bundled schema as a new dict, which the caller may change freely.

    Args:
        name: ``dataset`` for exchange files, ``report`` for the JSON output of validation.
        version: the version of the schema's format; by default the newest: of the
            interchange format for ``dataset``, of the report's format for ``report``.

    Example:
        >>> get_schema()["$defs"]["Rating"]["enum"]
        ['green', 'amber', 'red', 'not_applicable']
    """
    return copy.deepcopy(dict(_schema(name, _version(name, version))))


def _refuse_retrieval(uri: str) -> referencing.Resource[Any]:
    # Validation never fetches anything: an unknown $ref is an error, not a download.
    # referencing builds its classes with attrs through a wrapper mypy cannot see into.
    raise referencing.exceptions.NoSuchResource(ref=uri)  # type: ignore[call-arg]


@functools.cache
def registry() -> referencing.Registry[Any]:
    """Return the registry of every bundled schema; it refuses to retrieve anything else.

    Example:
        >>> "https://partnering.dev/schemas/1.0/dataset.schema.json" in registry()
        True
    """
    bundled = resources.files("partnering") / "schemas"
    pairs = []
    for version_folder in bundled.iterdir():
        if not version_folder.is_dir():
            continue
        for entry in version_folder.iterdir():
            if entry.name.endswith(".schema.json"):
                name = entry.name.removesuffix(".schema.json")
                contents = _schema(name, version_folder.name)
                resource = referencing.jsonschema.DRAFT202012.create_resource(contents)
                pairs.append((str(contents["$id"]), resource))
    empty: referencing.Registry[Any] = referencing.Registry(
        retrieve=_refuse_retrieval  # type: ignore[call-arg]
    )
    return empty.with_resources(pairs).crawl()
