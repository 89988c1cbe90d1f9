"""Where each value of a JSON document is written in its text, to edit the text in place.

Editing the text rather than writing the parsed data out again keeps the file as its author
laid it out: indentation, line breaks and the order of keys.

Example:
    >>> text = '{"a": [1, "two"], "b": {"c": true}}'
    >>> found = spans(text)
    >>> text[slice(*found[("a", 1)])], text[slice(*found[("b", "c")])]
    ('"two"', 'true')
"""

from __future__ import annotations

import json
import re

from partnering._json._scan import skip

__all__ = ["Path", "spans"]

Path = tuple[str | int, ...]

_STRING = json.JSONDecoder()
_SCALAR_END = re.compile(r"[^,\]} \t\n\r]*")


def spans(text: str) -> dict[Path, tuple[int, int]]:
    """Map the path of every value of a strict JSON document to its start and end offsets.

    Raises:
        ValueError: *text* is not JSON (read it with the strict reader first).
    """
    found: dict[Path, tuple[int, int]] = {}
    _value(text, skip(text, 0), (), found)
    return found


def _value(text: str, pos: int, path: Path, found: dict[Path, tuple[int, int]]) -> int:
    char = text[pos]
    if char == "{":
        end = _object(text, pos, path, found)
    elif char == "[":
        end = _array(text, pos, path, found)
    elif char == '"':
        end = int(_STRING.raw_decode(text, pos)[1])
    else:
        match = _SCALAR_END.match(text, pos)
        end = match.end() if match is not None else pos
        if end == pos:
            raise ValueError(f"no value at offset {pos}")
    found[path] = (pos, end)
    return end


def _object(text: str, pos: int, path: Path, found: dict[Path, tuple[int, int]]) -> int:
    pos = skip(text, pos + 1)
    if text.startswith("}", pos):
        return pos + 1
    while True:
        key, pos = _STRING.raw_decode(text, pos)
        pos = skip(text, pos)
        if not text.startswith(":", pos):
            raise ValueError(f"no colon at offset {pos}")
        pos = skip(text, _value(text, skip(text, pos + 1), (*path, key), found))
        if text.startswith("}", pos):
            return pos + 1
        pos = skip(text, pos + 1)


def _array(text: str, pos: int, path: Path, found: dict[Path, tuple[int, int]]) -> int:
    pos = skip(text, pos + 1)
    if text.startswith("]", pos):
        return pos + 1
    index = 0
    while True:
        pos = skip(text, _value(text, pos, (*path, index), found))
        if text.startswith("]", pos):
            return pos + 1
        pos = skip(text, pos + 1)
        index += 1
