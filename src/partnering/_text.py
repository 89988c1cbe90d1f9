r"""Render values from documents safely for people: escaped, short, never raw.

Two functions do all the escaping of the library's messages. :func:`safe_text` makes any
text safe to print: every character a terminal would not print as itself (control
characters, lone surrogates, bidirectional and other format controls, line separators) is
written as the escape JSON would use for it, so a message never carries raw control
characters from a document. :func:`quote` shows one value taken from a document, between
single quotes, with its backslashes doubled as well, so that ``\u001b`` in a message always
stands for an escaped character and ``\\u001b`` for the six characters written in the file.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

__all__ = ["did_you_mean", "excerpt", "json_type", "quote", "safe_text"]

_LIMIT = 60
_ELLIPSIS = "\u2026"

# The short escapes of JSON (RFC 8259 section 7), for the invisible characters that have one.
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# A quoted value also doubles its backslashes, so that its escapes cannot be mistaken.
_QUOTE_ESCAPES = {**_NAMED_ESCAPES, "\\": "\\\\"}


def _escape_char(char: str, escapes: Mapping[str, str]) -> str:
    """Return *char* as it is shown in a message: itself if printable, else an escape."""
    named = escapes.get(char)
    if named is not None:
        return named
    if char.isprintable():
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    # As JSON writes a character beyond the first plane: a pair of surrogate escapes.
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _escape(text: str, limit: int, escapes: Mapping[str, str]) -> str:
    """Escape the first *limit* characters of *text*, with an ellipsis if it is longer."""
    escaped = "".join(_escape_char(char, escapes) for char in text[:limit])
    return escaped if len(text) <= limit else escaped + _ELLIPSIS


def safe_text(text: str, limit: int = _LIMIT) -> str:
    r"""Escape every character a terminal would not print as itself, and cut long text.

    Printable characters, the backslash included, are kept as they are, so text that is
    already safe comes back unchanged: a message can be made safe twice.

    Args:
        text: any text, possibly hostile.
        limit: the most characters of *text* to show; more are cut, with an ellipsis.

    Returns:
        The text, safe to print.

    Example:
        >>> print(safe_text("\x1b[31mred\u202e\n"))
        \u001b[31mred\u202e\n
        >>> safe_text("a" * 100, limit=5)
        'aaaaa…'
    """
    return _escape(text, limit, _NAMED_ESCAPES)


def quote(text: str, limit: int = _LIMIT) -> str:
    r"""Quote a value from the document for a message, in single quotes.

    The value is escaped as :func:`safe_text` does, its backslashes are doubled, and it is
    cut after *limit* characters, with an ellipsis.

    Args:
        text: the value, possibly hostile.
        limit: the most characters of *text* to show.

    Returns:
        The quoted value.

    Example:
        >>> print(quote("nmae"), quote("C:\\data\x07"), quote("x" * 9, limit=3))
        'nmae' 'C:\\data\u0007' 'xxx…'
    """
    return "'" + _escape(text, limit, _QUOTE_ESCAPES) + "'"


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
    if isinstance(value, (int, float, Decimal)):
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
    if isinstance(value, Decimal):  # a number with a fraction or an exponent, exactly
        text = str(value)
        # Decimal writes 2.014e3 as 2014: show that it was written with an exponent.
        return text if "." in text or "E" in text else format(value, "E")
    return safe_text(json.dumps(value))


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """Suggest the closest candidate, as `` (did you mean 'x'?)``, or nothing.

    Example:
        >>> did_you_mean("nmae", ["name", "id"])
        " (did you mean 'name'?)"
    """
    if not isinstance(word, str):
        return ""
    candidates = list(candidates)
    # A word much longer than every candidate is close to none (a ratio of 0.6 needs the
    # lengths within a factor of 2.3): the length answers before difflib indexes the word.
    if not candidates or len(word) > 3 * max(len(candidate) for candidate in candidates):
        return ""
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if not matches:
        lowered = {candidate.lower(): candidate for candidate in candidates}
        if word.lower() in lowered:
            matches = [lowered[word.lower()]]
    return f" (did you mean {quote(matches[0])}?)" if matches else ""
