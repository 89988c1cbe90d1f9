"""JSON text as ``json.dumps(..., indent=2, ensure_ascii=True)`` writes it, faster, in parts.

With an indent, ``json.dumps`` runs its encoder in Python: writing a report of 100,000
issues took longer than finding them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["indented_object"]

_string = json.encoder.encode_basestring_ascii


def indented_object(data: Mapping[str, Any], indent: str) -> str:
    """Write *data* as ``json.dumps(data, indent=2, ensure_ascii=True)`` does, at *indent*.

    The first line is not indented; the others are, by *indent* and then as ``json.dumps``
    indents them. A flat object of text, whole numbers, ``null``, ``true``, ``false`` and
    lists of these (an issue of a report) is written here, by the C encoder's own function
    for text, several times faster than the Python encoder ``json.dumps`` runs when it
    indents; a value of any other kind is left to ``json.dumps``.

    Example:
        >>> print(indented_object({"a": [1, "b"], "c": None}, "  "))
        {
            "a": [
              1,
              "b"
            ],
            "c": null
          }
    """
    inner = "\n" + indent + "  "
    if not all(type(key) is str for key in data):
        return _indented(data, "\n" + indent)
    parts = []
    for key, value in data.items():
        if type(value) in (list, tuple):
            if all(type(item) in _SCALARS for item in value):
                item_indent = inner + "  "
                written = (
                    "[" + item_indent + ("," + item_indent).join(map(_scalar, value)) + inner + "]"
                    if value
                    else "[]"
                )
            else:
                written = _indented(value, inner)
        elif type(value) in _SCALARS:
            written = _scalar(value)
        else:
            written = _indented(value, inner)
        parts.append(_string(key) + ": " + written)
    if not parts:
        return "{}"
    return "{" + inner + ("," + inner).join(parts) + "\n" + indent + "}"


def _scalar(value: str | int | bool | None) -> str:
    if type(value) is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return int.__repr__(value)


_SCALARS = frozenset({str, int, bool, type(None)})


def _indented(value: Any, inner: str) -> str:
    return json.dumps(value, indent=2, ensure_ascii=True).replace("\n", inner)
