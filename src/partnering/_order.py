"""The order of the format: where a path comes among the places a document may have.

A report puts issues in the order of the file, by line and column. Issues without a line (data
given as a mapping or a dataset has no text) follow this order instead: the fields of each
object in the order the interchange schema lists them, which is the order the models declare
them and :func:`partnering.dump` writes them, so the entity lists come as in a file
(``platforms``, then ``partners``, ...); fields the format does not know come after them,
alphabetically; list items come by index.

Example:
    >>> paths = [("events", 0), ("partners", 1), ("partners", 0, "nmae"), ("partners", 0, "id")]
    >>> sorted(paths, key=order_key)
    [('partners', 0, 'id'), ('partners', 0, 'nmae'), ('partners', 1), ('events', 0)]
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from typing import Any

from partnering.schemas import schema_text

__all__ = ["Step", "order_key"]

#: One step of a path, as it sorts: list indices by number, known fields by their place in the
#: schema, unknown fields after them by name.
Step = tuple[int, int, str]

_INDEX, _KNOWN, _UNKNOWN = 0, 1, 2


@functools.cache
def _schema() -> Mapping[str, Any]:
    loaded: Mapping[str, Any] = json.loads(schema_text())
    return loaded


def _resolved(node: Any) -> Mapping[str, Any] | None:
    """Follow a node's local ``$ref``, as the dataset schema writes them (``#/$defs/Name``)."""
    if not isinstance(node, Mapping):
        return None
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        target: Mapping[str, Any] | None = _schema()["$defs"].get(reference[len("#/$defs/") :])
        return target
    return node


def order_key(path: Sequence[str | int]) -> tuple[Step, ...]:
    """Return the key that sorts paths in the order of the format.

    Example:
        >>> order_key(("partners", 2, "id")) < order_key(("events", 0))
        True
    """
    node: Mapping[str, Any] | None = _schema()
    steps: list[Step] = []
    for segment in path:
        if isinstance(segment, int):
            steps.append((_INDEX, segment, ""))
            node = _resolved(node.get("items")) if node is not None else None
            continue
        properties = node.get("properties", {}) if node is not None else {}
        if segment in properties:
            steps.append((_KNOWN, list(properties).index(segment), ""))
            node = _resolved(properties[segment])
        else:
            steps.append((_UNKNOWN, 0, segment))
            node = None
    return tuple(steps)
