"""The exact scan: find the first problem a hook or a cheap check noticed, and place it.

It walks the document token by token, without recursion, tracking the path to the current
value, so it can give the line, the column and the JSON Pointer of the problem. It is slow
next to the C decoder, and runs only on documents that are going to be refused.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence

from partnering._json._checks import SURROGATE_CHAR
from partnering._json._hooks import int_digits_limit
from partnering._json._problems import (
    duplicate_key,
    error,
    non_finite,
    number_too_long,
    too_deep,
)
from partnering.errors import JSONParseError

__all__ = ["locate", "skip"]

_WHITESPACE = re.compile(r"[ \t\n\r]*")


def skip(text: str, pos: int) -> int:
    """Return the offset of the first character at or after *pos* that is not JSON whitespace."""
    match = _WHITESPACE.match(text, pos)
    return match.end() if match is not None else pos


_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_STRING_DECODER = json.JSONDecoder()


def _lone_surrogate_at(text: str, start: int, end: int) -> int:
    """Return the offset of the first lone surrogate escape in the string token at *start*."""
    index = start
    while True:
        index = text.find("\\", index, end)
        if index < 0:  # pragma: no cover - only called on a string holding a lone surrogate
            return start
        if text[index + 1] != "u":
            index += 2
            continue
        code = int(text[index + 2 : index + 6], 16)
        if 0xD800 <= code <= 0xDBFF:
            if text.startswith("\\u", index + 6):
                follow = int(text[index + 8 : index + 12], 16)
                if 0xDC00 <= follow <= 0xDFFF:
                    index += 12
                    continue
            return index
        if 0xDC00 <= code <= 0xDFFF:
            return index
        index += 6


def _lone_surrogate(text: str, start: int, end: int, path: Sequence[str | int]) -> JSONParseError:
    """Build the error for a string token holding a lone surrogate escape."""
    where = _lone_surrogate_at(text, start, end)
    escape = text[where : where + 6]  # a backslash, 'u' and four hexadecimal digits
    return error(
        "json-lone-surrogate",
        f"The text contains the escape {escape}, which is only half of a character: "
        "\\uD800 to \\uDBFF must be followed by \\uDC00 to \\uDFFF, and these may not stand "
        "alone.",
        hint="Replace it with the intended character, or with both escapes of the pair.",
        text=text,
        offset=where,
        path=path,
    )


def locate(text: str, max_depth: int) -> JSONParseError | None:
    """Find the first problem the cheap checks hint at, with its line, column and pointer.

    Walks the document token by token, without recursion, tracking the path to the current
    value. It reports the first of: nesting deeper than *max_depth*, a repeated key, a lone
    surrogate escape, ``NaN`` or an infinity, and an integer too long to read. It returns
    ``None`` when it finds none of these before the end or before a syntax error (which the
    C decoder reports better).
    """
    size = len(text)
    number = _NUMBER.match
    read_string = _STRING_DECODER.raw_decode
    int_limit = int_digits_limit()
    path: list[str | int] = []
    frames: list[set[str] | None] = []  # the keys seen so far in an object, None for arrays
    pos = skip(text, 0)
    want_value = True
    try:
        while True:
            if want_value:
                if pos >= size:
                    return None
                char = text[pos]
                if char in "{[":
                    if len(frames) >= max_depth:
                        return too_deep(max_depth, text, pos, path)
                    pos = skip(text, pos + 1)
                    if char == "[":
                        frames.append(None)
                        if text.startswith("]", pos):
                            frames.pop()
                            pos += 1
                            want_value = False
                        else:
                            path.append(0)
                        continue
                    frames.append(set())
                    if text.startswith("}", pos):
                        frames.pop()
                        pos += 1
                        want_value = False
                        continue
                    # The first key is read below, like the keys that follow a comma.
                elif char == '"':
                    value, end = read_string(text, pos)
                    if SURROGATE_CHAR.search(value):
                        return _lone_surrogate(text, pos, end, path)
                    pos = end
                    want_value = False
                    continue
                elif char == "-" or "0" <= char <= "9":
                    if text.startswith("-Infinity", pos):
                        return non_finite("-Infinity", text, pos, path)
                    match = number(text, pos)
                    if match is None:
                        return None
                    literal = match.group()
                    if match.group(1) is None and match.group(2) is None:
                        if int_limit and len(literal.lstrip("-")) > int_limit:
                            return number_too_long(literal, int_limit, text, pos, path)
                    elif math.isinf(float(literal)):
                        return non_finite(literal, text, pos, path)
                    pos = match.end()
                    want_value = False
                    continue
                else:
                    for word in ("true", "false", "null", "NaN", "Infinity"):
                        if text.startswith(word, pos):
                            if word[0] in "NI":
                                return non_finite(word, text, pos, path)
                            pos += len(word)
                            want_value = False
                            break
                    else:
                        return None
                    continue
            else:
                pos = skip(text, pos)
                if not frames or pos >= size:
                    return None
                char = text[pos]
                keys = frames[-1]
                if char == ",":
                    pos = skip(text, pos + 1)
                    if keys is None:
                        index = path[-1]
                        path[-1] = index + 1 if isinstance(index, int) else 0
                        want_value = True
                        continue
                    path.pop()
                elif char == ("]" if keys is None else "}"):
                    frames.pop()
                    path.pop()
                    pos += 1
                    continue
                else:
                    return None
            # A key, after '{' or after a comma in an object.
            keys = frames[-1]
            if keys is None or not text.startswith('"', pos):
                return None
            key, end = read_string(text, pos)
            if key in keys:
                return duplicate_key(text, pos, key, path)
            if SURROGATE_CHAR.search(key):
                return _lone_surrogate(text, pos, end, path)
            keys.add(key)
            path.append(key)
            pos = skip(text, end)
            if not text.startswith(":", pos):
                return None
            pos = skip(text, pos + 1)
            want_value = True
    except (ValueError, IndexError):  # a syntax error the C decoder will describe
        return None
