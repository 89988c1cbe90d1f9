"""The errors of the strict JSON reader: what is wrong, what to do, and where.

Each error gets the hint its code has in the catalogue unless the situation allows a more
precise one. Text from the document reaches a message only through :mod:`partnering._text`.
"""

from __future__ import annotations

from collections.abc import Sequence

from partnering._text import quote, safe_text
from partnering.catalogue import PARSE_CODES
from partnering.errors import DocumentTooLargeError, JSONParseError

__all__ = [
    "describe_char",
    "duplicate_key",
    "error",
    "line_column",
    "non_finite",
    "number_too_long",
    "size",
    "too_deep",
    "too_large",
]


def line_column(text: str, offset: int) -> tuple[int, int]:
    r"""Return the 1-based line and column (in characters) of *offset* in *text*.

    A line ends with LF, CRLF or CR alone, as in the files of old Macs; the LF of a CRLF
    is the end of its line, as the CR is.

    Example:
        >>> [line_column(text, 5) for text in ("ab\ncd\nef", "a\r\nb\r\nc", "ab\rcd\ref")]
        [(2, 3), (2, 3), (2, 3)]
    """
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset)
    if "\r" in text:
        line += text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
        start = max(start, text.rfind("\r", 0, offset))
        if text.startswith("\n", offset) and offset and text[offset - 1] == "\r":
            # Between the CR and the LF of one line break: still on the line it ends.
            line -= 1
            start = max(text.rfind("\n", 0, offset - 1), text.rfind("\r", 0, offset - 1))
    return line, offset - start


def error(
    code: str,
    message: str,
    *,
    hint: str | None = None,
    text: str | None = None,
    offset: int | None = None,
    path: Sequence[str | int] | None = None,
) -> JSONParseError:
    """Build a :class:`JSONParseError`, with line and column when the offset is known.

    Args:
        code: the code, one of the catalogue's parse codes.
        message: what is wrong.
        hint: what to do, when the situation says more than the code's hint in the catalogue.
        text: the document, to count the line and column of *offset*.
        offset: where the problem is, in characters from the start of *text*.
        path: the keys and indices of the value concerned, when known.
    """
    advice = PARSE_CODES[code].hint if hint is None else hint
    where = None if path is None else tuple(path)
    if text is None or offset is None:
        return JSONParseError(code, message, hint=advice, offset=offset, path=where)
    line, column = line_column(text, offset)
    return JSONParseError(
        code, message, hint=advice, line=line, column=column, offset=offset, path=where
    )


_CHAR_NAMES = {
    "\n": "a line break",
    "\r": "a carriage return",
    "\t": "a tab",
    "\x00": "a NUL character",
    "\ufeff": "a byte order mark",
}


def describe_char(char: str) -> str:
    r"""Describe one character for a message, naming invisible ones.

    Example:
        >>> describe_char("\t"), describe_char("x"), describe_char("\u202e")
        ('a tab (U+0009)', "'x'", 'the character U+202E')
    """
    name = _CHAR_NAMES.get(char)
    if name is not None:
        return f"{name} (U+{ord(char):04X})"
    if char.isprintable() and not char.isspace():
        return quote(char)
    return f"the character U+{ord(char):04X}"


def size(count: int) -> str:
    """Write a number of bytes the way people read file sizes.

    Example:
        >>> size(512), size(2048), size(3 * 1024 * 1024)
        ('512 bytes', '2.0 KB', '3.0 MB')
    """
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def too_large(count: int, max_bytes: int, *, at_least: bool = False) -> DocumentTooLargeError:
    """Build the error for a document over the size limit."""
    amount = f"at least {size(count)}" if at_least else size(count)
    return DocumentTooLargeError(
        f"The document is {amount}, more than the limit of {size(max_bytes)}.",
        hint=PARSE_CODES["json-too-large"].hint,
    )


def duplicate_key(
    text: str | None, offset: int | None, key: str, path: Sequence[str | int]
) -> JSONParseError:
    """Build the error for a key that appears twice in one object."""
    return error(
        "json-duplicate-key",
        f"The key {quote(key)} appears more than once in the same object, so it is unclear "
        "which value is meant.",
        text=text,
        offset=offset,
        path=path,
    )


_NON_FINITE_WORDS = ("NaN", "Infinity", "-Infinity")


def non_finite(
    literal: str,
    text: str | None = None,
    offset: int | None = None,
    path: Sequence[str | int] | None = None,
) -> JSONParseError:
    """Build the error for ``NaN``, an infinity, or a number too large to be finite."""
    shown = safe_text(literal)
    if literal in _NON_FINITE_WORDS:
        message = f"{shown} is not allowed in JSON: numbers must be finite."
        hint = None  # the catalogue's: write a finite number, or leave the field out
    else:
        message = (
            f"The number {shown} is too large to be represented: it would be infinite (the "
            "largest usable number is about 1.8e308)."
        )
        hint = "Check the value: numbers must lie between about -1.8e308 and 1.8e308."
    return error("json-non-finite", message, hint=hint, text=text, offset=offset, path=path)


def number_too_long(
    literal: str,
    limit: int,
    text: str | None = None,
    offset: int | None = None,
    path: Sequence[str | int] | None = None,
) -> JSONParseError:
    """Build the error for an integer with more digits than can be read."""
    digits = len(literal.lstrip("-"))
    return error(
        "json-number-too-long",
        f"The whole number {safe_text(literal, 20)} has {digits} digits; numbers with more "
        f"than {limit} digits cannot be read.",
        text=text,
        offset=offset,
        path=path,
    )


def too_deep(
    max_depth: int | None = None,
    text: str | None = None,
    offset: int | None = None,
    path: Sequence[str | int] | None = None,
) -> JSONParseError:
    """Build the error for nesting too deep, with the limit when it is the one exceeded."""
    if max_depth is None:  # the interpreter's own stack ran out before the limit was reached
        return error(
            "json-too-deep",
            "The data is nested too deeply to be read (too many objects and lists inside "
            "each other).",
        )
    return error(
        "json-too-deep",
        f"The data is nested too deeply: more than {max_depth} levels of objects and lists "
        "inside each other.",
        hint=f"Restructure the data so it is at most {max_depth} levels deep.",
        text=text,
        offset=offset,
        path=path,
    )
