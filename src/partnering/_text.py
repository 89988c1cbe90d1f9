"""Render values from documents safely for people: escaped, short, never raw."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from typing import Any

__all__ = ["did_you_mean", "excerpt", "json_type", "quote", "safe_text"]

_LIMIT = 60


def safe_text(text: str, limit: int = _LIMIT) -> str:
    r"""Escape control and invisible characters, and cut long text with an ellipsis.

    Example:
        >>> safe_text("\x1b[31mred")
        '\\u001b[31mred'
    """
    escaped = "".join(_escape_char(char) for char in text[:limit])
    return escaped if len(text) <= limit else escaped + "…"


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    if char.isprintable():
        return char
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quote(text: str) -> str:
    """Quote a value from the document for a message.

    Example:
        >>> quote("nmae")
        "'nmae'"
    """
    return "'" + safe_text(text) + "'"


def json_type(value: object) -> str:
    """Name the JSON type of a value, with an article.

    Example:
        >>> json_type(5), json_type("5"), json_type([]), json_type(None)
        ('a number', 'text', 'a list', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a value"


def excerpt(value: Any) -> str:
    """Show a value from the document briefly: scalars in full (cut), containers by size.

    Example:
        >>> excerpt("x" * 100)[-3:], excerpt([1, 2]), excerpt({"a": 1})
        ("x…'", 'a list of 2 items', 'an object with 1 field')
    """
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return f"an object with {len(value)} field{'s' if len(value) != 1 else ''}"
    if isinstance(value, str):
        return quote(value)
    return safe_text(json.dumps(value))


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """Suggest the closest candidate, as `` (did you mean 'x'?)``, or nothing.

    Example:
        >>> did_you_mean("nmae", ["name", "id"])
        " (did you mean 'name'?)"
    """
    if not isinstance(word, str):
        return ""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    if not matches:
        lowered = {candidate.lower(): candidate for candidate in candidates}
        if word.lower() in lowered:
            matches = [lowered[word.lower()]]
    return f" (did you mean {quote(matches[0])}?)" if matches else ""
