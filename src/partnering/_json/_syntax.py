r"""Describe a syntax error of the C decoder in plain words, with a hint for the situation.

The standard library says what it expected (``Expecting ',' delimiter``); a person fixing a
file needs to hear what is there instead: a trailing comma, a comment, single quotes,
Python's ``True``, a bare word, a number written with a ``+``. :func:`syntax_error` looks at
the text around the place the decoder stopped and names the likely mistake.
"""

from __future__ import annotations

import json
import re

from partnering._json._problems import describe_char, error
from partnering._json._scan import skip
from partnering._text import quote, safe_text
from partnering.errors import JSONParseError

__all__ = ["syntax_error"]

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# What the decoder was expecting, for the message and for the hint.
_EXPECTED = {
    "value": "a value (an object, a list, text in double quotes, a number, true or false)",
    "name": "a key in double quotes",
    "colon": "a colon (:) after the key",
    "comma": "a comma, or the bracket that closes the object or list",
}
_WRITE_EXPECTED = {
    "value": "Write the value here, or remove what is in its way.",
    "name": 'Write the key here, in double quotes, like "name".',
    "colon": "Put a colon (:) between the key and its value.",
    "comma": "Put a comma between the two items, or close the object or list here.",
}
_INCOMPLETE = (
    "The file may be incomplete: check that it was saved or downloaded completely, and that "
    "every object and list is closed."
)


def _expectation(message: str) -> str:
    """Tell what the C decoder was expecting from its message."""
    if "property name" in message:
        return "name"
    if "':'" in message:
        return "colon"
    if "','" in message:
        return "comma"
    return "value"


def _previous_significant(text: str, pos: int) -> int:
    """Return the offset of the last non-whitespace character before *pos*, or -1."""
    index = pos - 1
    while index >= 0 and text[index] in " \t\n\r":
        index -= 1
    return index


def _syntax(text: str, offset: int, message: str, hint: str | None = None) -> JSONParseError:
    return error("json-syntax", message, hint=hint, text=text, offset=offset)


def syntax_error(text: str, problem: json.JSONDecodeError) -> JSONParseError:
    """Translate a :class:`json.JSONDecodeError` into a message and a hint in plain words."""
    message = problem.msg
    pos = problem.pos
    size = len(text)

    if message.startswith("Unterminated string"):
        return _syntax(
            text,
            pos,
            "The document ends before the text value that starts here is closed with a "
            "double quote.",
            'Close the text with a double quote ("). ' + _INCOMPLETE,
        )
    if message.startswith("Invalid control character"):
        char = text[pos]
        return _syntax(
            text,
            pos,
            f"A text value contains {describe_char(char)} as a raw character, which JSON does "
            "not allow.",
            f"Write it as the escape {safe_text(char)} instead.",
        )
    if message.startswith("Invalid \\u"):
        start = text.rfind("\\", 0, pos + 1)
        return _syntax(
            text,
            start if start >= 0 else pos,
            "A \\u escape must be followed by exactly four hexadecimal digits (0-9, a-f).",
            "Complete the escape, like \\u00e9; to write a backslash itself, double it: \\\\.",
        )
    if message.startswith("Invalid \\escape"):
        follow = text[pos + 1] if pos + 1 < size else ""
        return _syntax(
            text,
            pos,
            f"A text value contains the escape \\{safe_text(follow)}, which JSON does not know.",
            "To write a backslash itself (as in a Windows path), double it: \\\\.",
        )
    if "trailing comma" in message:  # Python 3.13 and later name it directly
        comma = text.rfind(",", 0, pos + 1)
        return _trailing_comma(text, comma if comma >= 0 else pos)

    at = skip(text, pos)
    extra = message.startswith("Extra data")
    if at >= size:
        if extra:  # pragma: no cover - the decoder never reports extra data at the end
            return _syntax(text, pos, "There is unexpected data at the end of the document.")
        expected = _expectation(message)
        return _syntax(text, size, f"The document ends before {_EXPECTED[expected]}.", _INCOMPLETE)
    char = text[at]
    if char == "#" or (char == "/" and text.startswith(("//", "/*"), at)):
        marker = "#" if char == "#" else text[at : at + 2]
        return _syntax(
            text,
            at,
            f"Comments are not allowed in JSON (found {quote(marker)}).",
            "JSON has no comments: remove it, or keep the note in a field of the data.",
        )
    if extra:
        return error(
            "json-trailing-data",
            "There is more data after the end of the JSON object, starting with "
            f"{quote(text[at : at + 21], 20)}.",
            text=text,
            offset=at,
        )
    return _misplaced(text, at, _expectation(message))


def _misplaced(text: str, at: int, expected: str) -> JSONParseError:
    """Describe the character at *at*, which the decoder did not expect there."""
    char = text[at]
    before = _previous_significant(text, at)
    previous = text[before] if before >= 0 else ""
    if char in "}]" and previous == "," and expected in ("value", "name"):
        return _trailing_comma(text, before)
    if char in "}]" and previous == ":":
        return _syntax(
            text,
            at,
            "A key has no value after its colon.",
            "Write the value after the colon, or remove the key.",
        )
    if char == "," and expected in ("value", "name"):
        return _syntax(
            text,
            at,
            "Something is missing before this comma (two commas in a row, or a comma right "
            "after an opening bracket).",
            "Remove the extra comma, or add what is missing.",
        )
    if char == "'":
        return _syntax(
            text,
            at,
            "JSON needs double quotes (\") around keys and text, not single quotes (').",
            "Replace the single quotes with double quotes.",
        )
    word = _WORD.match(text, at)
    if word is not None and expected in ("value", "name"):
        return _bare_word(text, at, word.group(), expected)
    if char in "+." or (char.isdigit() and previous == "0" and expected == "comma"):
        return _number(text, at if not char.isdigit() else before, char)
    if expected == "comma" and (char in '"{[-' or char.isalnum()):
        return _syntax(
            text,
            at,
            "A comma is missing between two items.",
            "Add a comma (,) before this item.",
        )
    return _syntax(
        text,
        at,
        f"Unexpected {describe_char(char)}: expected {_EXPECTED[expected]} here.",
        _WRITE_EXPECTED[expected],
    )


_PYTHON_WORDS = {"True": "true", "False": "false"}


def _bare_word(text: str, at: int, found: str, expected: str) -> JSONParseError:
    """Describe a word without quotes where a key or a value should be."""
    if found in _PYTHON_WORDS:
        proper = _PYTHON_WORDS[found]
        return _syntax(
            text, at, f"JSON writes {found} in lower case, as {proper}.", f"Write {proper}."
        )
    if found == "None":
        return _syntax(
            text,
            at,
            "None is not a JSON value.",
            "Leave the field out if it has no value: the format has no null values.",
        )
    shown = quote(found, 20)
    written = '"' + safe_text(found, 20) + '"'
    if expected == "name":
        return _syntax(
            text,
            at,
            f"The key {shown} is not in double quotes.",
            f"Write the key in double quotes, as {written}.",
        )
    return _syntax(
        text,
        at,
        f"Found the bare word {shown}: text values must be written in double quotes.",
        f"Write the text in double quotes, as {written}.",
    )


def _number(text: str, at: int, char: str) -> JSONParseError:
    """Describe a number JSON does not allow: a ``+`` sign, leading zeros, a bare point."""
    if char == "+":
        return _syntax(text, at, "JSON numbers have no + sign.", "Remove the + sign.")
    if char == ".":
        return _syntax(
            text,
            at,
            "A number needs a digit on each side of its decimal point.",
            "Write it like 0.5 or 1.0.",
        )
    return _syntax(text, at, "JSON numbers have no leading zeros.", "Remove the leading zeros.")


def _trailing_comma(text: str, comma: int) -> JSONParseError:
    """Build the error for a comma after the last item of an object or list."""
    after = skip(text, comma + 1)
    kind = "list" if text.startswith("]", after) else "object"
    return _syntax(
        text,
        comma,
        f"There is a comma after the last item of this {kind}, which JSON does not allow "
        "(a trailing comma).",
        "Remove the comma after the last item.",
    )
