r"""Read one strict JSON document, refusing everything RFC 8259 does not allow.

The standard library's :func:`json.loads` is lenient in ways an exchange format cannot be:
it accepts ``NaN`` and ``Infinity``, keeps the last of two equal keys, turns ``1e400`` into
infinity, decodes lone ``\ud800`` escapes into strings that cannot be written back as UTF-8,
and lets nesting go as deep as the interpreter's stack. :func:`parse_json` keeps the speed of
the C decoder and adds the missing checks:

* cheap checks run on every document (hooks of the C decoder, C-speed searches over the
  text and bytes), so a valid document costs little more than :func:`json.loads`;
* only when one of them fires does a slow, exact scan (:func:`_locate`) walk the text
  to find the first problem and say where it is: line, column and JSON Pointer.

Every failure is a :class:`~partnering.errors.JSONParseError` with a stable ``code`` and a
message written for the person who has to fix the file, except a document over the size
limit: that is refused before any parsing, with a
:class:`~partnering.errors.DocumentTooLargeError`.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from partnering._pointers import escape_pointer_segment, format_pointer
from partnering.errors import DocumentTooLargeError, JSONParseError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "escape_pointer_segment",
    "format_pointer",
    "parse_json",
    "quote_for_message",
]


_ELLIPSIS = "\u2026"
_QUOTE_LIMIT = 60

# The digits limit of int(): present from Python 3.10.7 and 3.11 on. Where it exists, the C
# decoder already refuses over-long integers with a ValueError, so no per-number hook is needed
# (a parse_int hook costs a Python call per integer). Where it does not, a hook applies the
# same default limit, so that a huge integer cannot keep the process busy for minutes.
_get_int_max_str_digits: Callable[[], int] | None = getattr(sys, "get_int_max_str_digits", None)
_FALLBACK_INT_DIGITS = 4300


def _int_digits_limit() -> int:
    """Return the most digits an integer may have, 0 meaning no limit."""
    if _get_int_max_str_digits is not None:
        return _get_int_max_str_digits()
    return _FALLBACK_INT_DIGITS  # pragma: no cover - Python 3.10.0 to 3.10.6


# --- Helpers for messages and pointers ---------------------------------------------------------

_SHORT_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def _render_char(char: str) -> str:
    """Return *char* as it appears inside a double-quoted, terminal-safe string."""
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def quote_for_message(text: str, limit: int = _QUOTE_LIMIT) -> str:
    r"""Quote text taken from a document so it can be shown safely in a message.

    The result is written like a JSON string: control characters, escape sequences and other
    characters a terminal would not print as themselves are shown as ``\uXXXX`` escapes, and
    text longer than *limit* characters is cut, with an ellipsis.

    Args:
        text: any text, possibly hostile.
        limit: the most characters to show between the quotes.

    Returns:
        The quoted text.

    Example:
        >>> print(quote_for_message("\x1b[31mred"))
        "\u001b[31mred"
        >>> quote_for_message("a" * 100, limit=5) == '"aaaaa\u2026"'
        True
    """
    pieces = ['"']
    used = 0
    for char in text:
        piece = _render_char(char)
        used += len(piece)
        if used > limit:
            pieces.append(_ELLIPSIS)
            break
        pieces.append(piece)
    pieces.append('"')
    return "".join(pieces)


def _unquoted(text: str, limit: int = _QUOTE_LIMIT) -> str:
    """Return :func:`quote_for_message` without the quotes, for numbers and literals."""
    return quote_for_message(text, limit)[1:-1]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column (in characters) of *offset* in *text*."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _error(
    code: str,
    message: str,
    text: str | None = None,
    offset: int | None = None,
    path: Sequence[str | int] | None = None,
) -> JSONParseError:
    """Build a :class:`JSONParseError`, with line and column when the offset is known."""
    where = None if path is None else tuple(path)
    if text is None or offset is None:
        return JSONParseError(code, message, offset=offset, path=where)
    line, column = _line_column(text, offset)
    return JSONParseError(code, message, line=line, column=column, offset=offset, path=where)


_CHAR_NAMES = {
    "\n": "a line break",
    "\r": "a carriage return",
    "\t": "a tab",
    "\x00": "a NUL character",
    "\ufeff": "a byte order mark",
}


def _describe_char(char: str) -> str:
    """Describe one character for a message, naming invisible ones."""
    name = _CHAR_NAMES.get(char)
    if name is not None:
        return f"{name} (U+{ord(char):04X})"
    if char.isprintable() and not char.isspace():
        return quote_for_message(char)
    return f"the character U+{ord(char):04X}"


def _size(count: int) -> str:
    """Write a number of bytes the way people read file sizes."""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


# --- Size and encoding -------------------------------------------------------------------------


def _too_large(size: int, max_bytes: int, *, at_least: bool = False) -> DocumentTooLargeError:
    """Build the error for a document over the size limit."""
    amount = f"at least {_size(size)}" if at_least else _size(size)
    return DocumentTooLargeError(
        f"The document is {amount}, more than the limit of {_size(max_bytes)}. "
        "Split the data into smaller files, or raise the size limit if this size is expected.",
    )


_SAVE_AS_UTF8 = "Save the file again as UTF-8 (without a byte order mark)."


def _sniff_wide_encoding(raw: bytes | bytearray) -> str | None:
    """Name the UTF-16 or UTF-32 encoding *raw* seems to use, if any.

    A JSON text starts with an ASCII character, so NUL bytes among the first bytes (or a byte
    order mark) give a UTF-16 or UTF-32 file away, as RFC 4627 section 3 describes.
    """
    head = bytes(raw[:4])
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(head) >= 2 and (head[0] == 0 or head[1] == 0):
        if len(head) == 4 and (head[:3] == b"\x00\x00\x00" or head[1:] == b"\x00\x00\x00"):
            return "UTF-32"
        return "UTF-16"
    return None


def _decode(raw: bytes | bytearray) -> str:
    """Decode *raw* as strict UTF-8, refusing byte order marks and wide encodings."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise JSONParseError(
            "json-encoding",
            "The file starts with a byte order mark (BOM), which JSON does not allow. "
            "Save the file as UTF-8 without a byte order mark (in many editors this is "
            'called "UTF-8" rather than "UTF-8 with BOM").',
            line=1,
            column=1,
            offset=0,
        )
    wide = _sniff_wide_encoding(raw)
    if wide is not None:
        raise JSONParseError(
            "json-encoding",
            f"The file seems to be encoded as {wide}, but JSON exchange files must be "
            f"UTF-8. {_SAVE_AS_UTF8}",
            line=1,
            column=1,
            offset=0,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        # Everything before the first bad byte is valid UTF-8, so it can be decoded to count
        # lines and characters.
        before = bytes(raw[: error.start]).decode("utf-8")
        bad = raw[error.start]
        raise _error(
            "json-encoding",
            f"The file is not valid UTF-8: the byte 0x{bad:02X} here does not belong to any "
            "character. The file was probably saved in another encoding (such as "
            f"Windows-1252 or Latin-1). {_SAVE_AS_UTF8}",
            before,
            len(before),
        ) from None


def _encode(text: str) -> bytes:
    """Encode a document given as text to UTF-8, refusing text that has no UTF-8 form."""
    if text.startswith("\ufeff"):
        raise JSONParseError(
            "json-encoding",
            "The text starts with a byte order mark (U+FEFF), which JSON does not allow. "
            "Remove it; if the text was read from a file, save that file as UTF-8 without a "
            "byte order mark.",
            line=1,
            column=1,
            offset=0,
        )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise _error(
            "json-encoding",
            f"The text contains {_describe_char(text[error.start])}, half of a character "
            "pair (a lone surrogate), which cannot be written as UTF-8. Replace it with the "
            "intended character.",
            text,
            error.start,
        ) from None


# --- Hooks for the C decoder -------------------------------------------------------------------


class _ProblemFoundError(Exception):
    """Stops the C decoder when a hook sees a problem; :func:`_locate` then finds where."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build an object, stopping when a key repeats (the dict is then shorter than the pairs)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch - a duplicate is known to exist
            if key in seen:
                raise _ProblemFoundError("json-duplicate-key", key)
            seen.add(key)
    return result


def _parse_constant(name: str) -> NoReturn:
    """Refuse ``NaN``, ``Infinity`` and ``-Infinity``, which the C decoder accepts."""
    raise _ProblemFoundError("json-non-finite", name)


def _parse_float(literal: str, _float: type[float] = float) -> float:
    """Read a number with a fraction or exponent, refusing one too large to be finite."""
    value = _float(literal)
    if math.isinf(value):
        raise _ProblemFoundError("json-non-finite", literal)
    return value


def _parse_int_bounded(literal: str) -> int:  # pragma: no cover - Python 3.10.0 to 3.10.6
    """Read an integer, refusing more digits than newer interpreters accept."""
    if len(literal.lstrip("-")) > _FALLBACK_INT_DIGITS:
        raise _ProblemFoundError("json-number-too-long", literal)
    return int(literal)


_PARSE_INT: Callable[[str], int] | None = (
    None if _get_int_max_str_digits is not None else _parse_int_bounded
)


# --- Cheap checks on a valid document ----------------------------------------------------------

# Nesting depth. The C decoder recurses once per level and only stops at the interpreter's
# recursion limit (about 1000), so depth is checked separately, on the bytes, at C speed:
#   1. drop every escape's backslash and the character after it, so every remaining '"' opens
#      or closes a string (valid JSON has backslashes only inside strings, and matching them
#      from the left is exactly how a decoder reads escapes such as \\ and \");
#   2. delete every byte except brackets and quotes, folding '{' '}' into '[' ']' (one
#      bytes.translate; multi-byte UTF-8 sequences never contain ASCII bytes);
#   3. drop brackets that sit inside strings: first every '""' pair, which removes the many
#      strings without brackets and keeps quotes alternating; then, only if quotes remain,
#      keep every other piece between quotes;
#   4. what is left is the bracket skeleton of the document. Each replace() of "[]" removes
#      every innermost pair at once, i.e. exactly one level, so the skeleton is at most
#      max_depth deep if and only if max_depth rounds empty it. A skeleton of n characters
#      is at most n/2 deep, so the loop stops as soon as that bound is within the budget:
#      typical documents need a handful of rounds over a string far smaller than the input.
# This is only exact on syntactically valid JSON, so it runs after the decoder succeeded.
# Documents deep enough to exhaust the interpreter's stack make the decoder raise
# RecursionError before that, and the exact scan then reports them.
_ESCAPE_BYTES = re.compile(rb"\\.", re.DOTALL)
_KEEP = b'[]{}"'
_DELETE = bytes(byte for byte in range(256) if byte not in _KEEP)
_FOLD = bytes.maketrans(b"{}", b"[]")


def _deeper_than(raw: bytes | bytearray, max_depth: int) -> bool:
    """Tell whether the valid JSON document *raw* nests more than *max_depth* levels."""
    if b"\\" in raw:
        raw = _ESCAPE_BYTES.sub(b"", raw)
    skeleton = raw.translate(_FOLD, _DELETE)
    if b'"' in skeleton:
        skeleton = skeleton.replace(b'""', b"")
        if b'"' in skeleton:
            skeleton = b"".join(skeleton.split(b'"')[::2])
    budget = max_depth
    while len(skeleton) > 2 * budget:
        if budget <= 0:
            return True
        skeleton = skeleton.replace(b"[]", b"")
        budget -= 1
    return False


# Lone surrogates. The C decoder turns "\ud800" into a one-character string that has no UTF-8
# form. Most documents have no surrogate escape at all, which one search settles. Otherwise a
# second search looks for a high half not followed by a low one, a low half not preceded by a
# high one, or a pair whose first half may be literal text after an escaped backslash. It may
# also match literal text such as "\\ud800" (an escaped backslash, then letters); a match only
# starts the exact scan, which decides.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_HIGH = r"\\u[dD][89abAB][0-9a-fA-F]{2}"
_LOW = r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
_MAYBE_LONE_SURROGATE = re.compile(
    # Every branch starts with a backslash, which lets the regex engine skip ahead quickly.
    rf"\\(?:u[dD][89abAB][0-9a-fA-F]{{2}}(?!{_LOW})"  # a high half not followed by a low one
    rf"|(?<!{_HIGH}\\)u[dD][c-fC-F][0-9a-fA-F]{{2}}"  # a low half not preceded by a high one
    rf"|{_HIGH}{_LOW})"  # a pair after a backslash: the high half may be literal text
)
_SURROGATE_CHAR = re.compile(r"[\ud800-\udfff]")


def _may_have_lone_surrogate(text: str) -> bool:
    """Tell whether *text* may hold a surrogate escape that is not part of a pair."""
    hint = _SURROGATE_ESCAPE.search(text)
    if hint is None:
        return False
    return _MAYBE_LONE_SURROGATE.search(text, max(0, hint.start() - 1)) is not None


# --- The exact, slow scan ----------------------------------------------------------------------

_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, pos: int) -> int:
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


def _lone_surrogate_error(
    text: str, start: int, end: int, path: Sequence[str | int]
) -> JSONParseError:
    """Build the error for a string token holding a lone surrogate escape."""
    where = _lone_surrogate_at(text, start, end)
    escape = text[where : where + 6]
    return _error(
        "json-lone-surrogate",
        f"The text contains the escape {escape}, which is only half of a character: "
        "\\uD800 to \\uDBFF must be followed by \\uDC00 to \\uDFFF, and these may not stand "
        "alone. Replace it with the intended character, or with both escapes of the pair.",
        text,
        where,
        path,
    )


def _too_deep_error(
    text: str, offset: int, path: Sequence[str | int], max_depth: int
) -> JSONParseError:
    """Build the error for a container nested deeper than allowed."""
    return _error(
        "json-too-deep",
        f"The data is nested too deeply: more than {max_depth} levels of objects and lists "
        f"inside each other. Restructure the data so it is at most {max_depth} levels deep.",
        text,
        offset,
        path,
    )


def _non_finite_error(
    text: str, offset: int, literal: str, path: Sequence[str | int]
) -> JSONParseError:
    """Build the error for NaN, an infinity, or a number too large to be finite."""
    shown = _unquoted(literal)
    if literal in ("NaN", "Infinity", "-Infinity"):
        message = (
            f"{shown} is not allowed in JSON: numbers must be finite. Write the number "
            "itself, or null if it is unknown."
        )
    else:
        message = (
            f"The number {shown} is too large to be represented (it would be infinite; the "
            "largest usable number is about 1.8e308). Check the value."
        )
    return _error("json-non-finite", message, text, offset, path)


def _number_too_long_error(
    text: str, offset: int, literal: str, limit: int, path: Sequence[str | int]
) -> JSONParseError:
    """Build the error for an integer with more digits than can be read."""
    digits = len(literal.lstrip("-"))
    return _error(
        "json-number-too-long",
        f"The whole number {_unquoted(literal, 20)} has {digits} "
        f"digits; numbers with more than {limit} digits cannot be read. Check the value, or "
        "store it as text in double quotes.",
        text,
        offset,
        path,
    )


def _duplicate_key_error(
    text: str | None, offset: int | None, key: str, path: Sequence[str | int]
) -> JSONParseError:
    """Build the error for a key that appears twice in one object."""
    return _error(
        "json-duplicate-key",
        f"The key {quote_for_message(key)} appears more than once in the same object, so it "
        "is unclear which value is meant. Keep only one of them.",
        text,
        offset,
        path,
    )


def _locate(text: str, max_depth: int) -> JSONParseError | None:
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
    int_limit = _int_digits_limit()
    path: list[str | int] = []
    frames: list[set[str] | None] = []  # the keys seen so far in an object, None for arrays
    pos = _skip(text, 0)
    want_value = True
    try:
        while True:
            if want_value:
                if pos >= size:
                    return None
                char = text[pos]
                if char in "{[":
                    if len(frames) >= max_depth:
                        return _too_deep_error(text, pos, path, max_depth)
                    pos = _skip(text, pos + 1)
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
                    if _SURROGATE_CHAR.search(value):
                        return _lone_surrogate_error(text, pos, end, path)
                    pos = end
                    want_value = False
                    continue
                elif char == "-" or "0" <= char <= "9":
                    if text.startswith("-Infinity", pos):
                        return _non_finite_error(text, pos, "-Infinity", path)
                    match = number(text, pos)
                    if match is None:
                        return None
                    literal = match.group()
                    if match.group(1) is None and match.group(2) is None:
                        if int_limit and len(literal.lstrip("-")) > int_limit:
                            return _number_too_long_error(text, pos, literal, int_limit, path)
                    elif math.isinf(float(literal)):
                        return _non_finite_error(text, pos, literal, path)
                    pos = match.end()
                    want_value = False
                    continue
                else:
                    for word in ("true", "false", "null", "NaN", "Infinity"):
                        if text.startswith(word, pos):
                            if word[0] in "NI":
                                return _non_finite_error(text, pos, word, path)
                            pos += len(word)
                            want_value = False
                            break
                    else:
                        return None
                    continue
            else:
                pos = _skip(text, pos)
                if not frames or pos >= size:
                    return None
                char = text[pos]
                keys = frames[-1]
                if char == ",":
                    pos = _skip(text, pos + 1)
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
                return _duplicate_key_error(text, pos, key, path)
            if _SURROGATE_CHAR.search(key):
                return _lone_surrogate_error(text, pos, end, path)
            keys.add(key)
            path.append(key)
            pos = _skip(text, end)
            if not text.startswith(":", pos):
                return None
            pos = _skip(text, pos + 1)
            want_value = True
    except (ValueError, IndexError):  # a syntax error the C decoder will describe
        return None


# --- Syntax errors -----------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_EXPECTED = {
    "value": "a value (an object, a list, text in double quotes, a number, true, false or null)",
    "name": "a key in double quotes",
    "colon": "a colon (:) after the key",
    "comma": "a comma, or the bracket that closes the object or list",
}
_TRUNCATED = "The file may be incomplete: check that it was saved or downloaded completely."


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


def _syntax_error(text: str, error: json.JSONDecodeError) -> JSONParseError:
    """Translate a :class:`json.JSONDecodeError` into a message in plain words."""
    message = error.msg
    pos = error.pos
    size = len(text)

    def syntax(what: str, offset: int = pos) -> JSONParseError:
        return _error("json-syntax", what, text, offset)

    if message.startswith("Unterminated string"):
        return syntax(
            "The document ends before the text value that starts here is closed with a "
            f"double quote. {_TRUNCATED}"
        )
    if message.startswith("Invalid control character"):
        return syntax(
            f"A text value contains {_describe_char(text[pos])} as a raw character, which "
            "JSON does not allow. Write it as an escape instead: \\n for a line break, \\t "
            "for a tab."
        )
    if message.startswith("Invalid \\u"):
        start = text.rfind("\\", 0, pos + 1)
        return syntax(
            "A \\u escape must be followed by exactly four hexadecimal digits (0-9, a-f), "
            "like \\u00e9.",
            start if start >= 0 else pos,
        )
    if message.startswith("Invalid \\escape"):
        follow = text[pos + 1] if pos + 1 < size else ""
        shown = "\\" + (_render_char(follow) if follow else "")
        return syntax(
            f"A text value contains the escape {shown}, which JSON does not know. To write a "
            "backslash itself (as in a Windows path), double it: \\\\."
        )
    if "trailing comma" in message:  # Python 3.13 and later name it directly
        comma = text.rfind(",", 0, pos + 1)
        return _trailing_comma(text, comma if comma >= 0 else pos)

    at = _skip(text, pos)
    extra = message.startswith("Extra data")
    if at >= size:
        if extra:  # pragma: no cover - the decoder never reports extra data at the end
            return syntax("There is unexpected data at the end of the document.")
        return syntax(
            f"The document ends before {_EXPECTED[_expectation(message)]}. {_TRUNCATED}",
            size,
        )
    char = text[at]
    if char == "#" or (char == "/" and text.startswith(("//", "/*"), at)):
        marker = "#" if char == "#" else text[at : at + 2]
        return syntax(
            f"Comments are not allowed in JSON (found {quote_for_message(marker)}). Remove the "
            "comment, or keep the note in a field of the data.",
            at,
        )
    if extra:
        return _error(
            "json-trailing-data",
            "There is more data after the end of the JSON object, starting with "
            f"{quote_for_message(text[at : at + 21], 20)}. A document must hold exactly one JSON "
            "object: remove the extra data, or move it inside the object.",
            text,
            at,
        )
    expected = _expectation(message)
    before = _previous_significant(text, at)
    previous = text[before] if before >= 0 else ""
    if char in "}]" and previous == "," and expected in ("value", "name"):
        return _trailing_comma(text, before)
    if char in "}]" and previous == ":":
        return syntax("A key has no value after its colon. Add the value, or null.", at)
    if char == "," and expected in ("value", "name"):
        return syntax(
            "Something is missing before this comma (two commas in a row, or a comma right "
            "after an opening bracket). Remove the extra comma, or add what is missing.",
            at,
        )
    if char == "'":
        return syntax(
            "JSON needs double quotes (\") around keys and text, not single quotes (').", at
        )
    word = _WORD.match(text, at)
    if word is not None and expected in ("value", "name"):
        found = word.group()
        if found in ("True", "False", "None"):
            proper = {"True": "true", "False": "false", "None": "null"}[found]
            return syntax(f"JSON writes {found} in lower case, as {proper}.", at)
        shown = quote_for_message(found, 20)
        if expected == "name":
            return syntax(f'The key {shown} must be written in double quotes, like "name".', at)
        return syntax(
            f"Found the bare word {shown}: text values must be written in double quotes, and "
            "the only bare words JSON knows are true, false and null.",
            at,
        )
    if char in "+." or (char.isdigit() and previous == "0" and expected == "comma"):
        return syntax(
            "Numbers must be written plainly, like 12, -0.5 or 1e6: no + sign, no leading "
            "zeros, and a digit before the decimal point.",
            before if char.isdigit() else at,
        )
    if expected == "comma" and (char in '"{[-' or char.isalnum()):
        return syntax("A comma is missing between two items. Add a comma (,) before this one.", at)
    return syntax(f"Unexpected {_describe_char(char)}: expected {_EXPECTED[expected]} here.", at)


def _trailing_comma(text: str, comma: int) -> JSONParseError:
    """Build the error for a comma after the last item of an object or list."""
    after = _skip(text, comma + 1)
    kind = "list" if text.startswith("]", after) else "object"
    return _error(
        "json-syntax",
        f"There is a comma after the last item of this {kind}, which JSON does not allow "
        "(a trailing comma). Remove the comma.",
        text,
        comma,
    )


# --- The entry point ---------------------------------------------------------------------------


def _kind_of(value: Any) -> str:
    """Name the kind of a top-level value in plain words."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a single text value"
    if isinstance(value, bool):
        return f"the single value {'true' if value else 'false'}"
    if value is None:
        return "the single value null"
    return "a single number"


def _too_deep_unplaced() -> JSONParseError:
    """Build the error for nesting too deep to read, when the exact scan could not place it."""
    return JSONParseError(
        "json-too-deep",
        "The data is nested too deeply to be read (too many objects and lists inside each "
        "other). Restructure it with fewer levels.",
    )


def _fallback(problem: _ProblemFoundError) -> JSONParseError:
    """Build an error without a location, when the exact scan could not place *problem*."""
    if problem.code == "json-duplicate-key":
        return _duplicate_key_error(None, None, problem.detail, ())
    if problem.code == "json-number-too-long":  # pragma: no cover - Python 3.10.0 to 3.10.6
        return JSONParseError(
            problem.code,
            f"A whole number has {len(problem.detail.lstrip('-'))} digits, more than can be "
            "read. Check the value, or store it as text in double quotes.",
        )
    return JSONParseError(
        problem.code,
        f"{_unquoted(problem.detail)} is not a finite number, which "
        "JSON does not allow. Write the number itself, or null if it is unknown.",
    )


def parse_json(
    data: bytes | bytearray | memoryview | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> dict[str, Any]:
    """Parse one strict JSON document whose top level is an object.

    Bytes must be UTF-8 without a byte order mark. Everything RFC 8259 forbids is refused,
    and so are repeated keys, ``NaN`` and infinities (written or by overflow), lone surrogate
    escapes, integers with more digits than the interpreter converts, and nesting deeper than
    *max_depth*. Values come back as :func:`json.loads` returns them, keys in document order.

    Args:
        data: the document, as UTF-8 bytes or as text.
        max_bytes: the largest document accepted, in bytes of UTF-8.
        max_depth: how many objects and lists may be nested, the top-level object included.

    Returns:
        The top-level object.

    Raises:
        DocumentTooLargeError: the document is larger than *max_bytes* (code
            ``json-too-large``).
        JSONParseError: the document is not one strict JSON object; ``code`` says why, and
            ``line``, ``column``, ``offset`` and ``pointer`` say where when known.

    Example:
        >>> parse_json(b'{"name": "Platform", "sdgs": [3, 17]}')
        {'name': 'Platform', 'sdgs': [3, 17]}
        >>> try:
        ...     parse_json('{"a": 1, "a": 2}')
        ... except JSONParseError as error:
        ...     print(error.code, error.line, error.column)
        json-duplicate-key 1 10
    """
    try:
        return _parse(data, max_bytes, max_depth)
    except MemoryError:
        size = data.nbytes if isinstance(data, memoryview) else len(data)
        raise DocumentTooLargeError(
            f"The document ({_size(size)}) is too large to be read with the memory available. "
            "Split the data into smaller files.",
        ) from None


def _parse(
    data: bytes | bytearray | memoryview | str, max_bytes: int, max_depth: int
) -> dict[str, Any]:
    """Do the work of :func:`parse_json`."""
    text: str
    raw: bytes | bytearray
    if isinstance(data, str):
        if len(data) > max_bytes:  # a character takes at least one byte
            raise _too_large(len(data), max_bytes, at_least=True)
        raw = _encode(data)
        if len(raw) > max_bytes:
            raise _too_large(len(raw), max_bytes)
        text = data
    else:
        size = data.nbytes if isinstance(data, memoryview) else len(data)
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        raw = bytes(data) if isinstance(data, memoryview) else data
        text = _decode(raw)

    start = _skip(text, 0)
    if start == len(text):
        raise JSONParseError(
            "json-empty",
            "The document is empty"
            + (" (it holds only spaces and line breaks)" if text else "")
            + ". Check that the right file was given and that it was saved completely.",
        )

    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs_hook,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
            parse_int=_PARSE_INT,
        )
    except json.JSONDecodeError as error:
        raise _syntax_error(text, error) from None
    except _ProblemFoundError as problem:
        raise (_locate(text, max_depth) or _fallback(problem)) from None
    except RecursionError:
        raise (_locate(text, max_depth) or _too_deep_unplaced()) from None
    except ValueError:
        # Raised by int() for an integer longer than the interpreter's limit.
        found = _locate(text, max_depth)
        if found is not None:
            raise found from None
        raise JSONParseError(  # pragma: no cover - no other ValueError is known
            "json-syntax", "The document could not be read as JSON."
        ) from None

    if _deeper_than(raw, max_depth):
        raise _locate(text, max_depth) or _too_deep_unplaced()
    if _may_have_lone_surrogate(text):  # may be a false alarm: the exact scan decides
        found = _locate(text, max_depth)
        if found is not None:
            raise found

    if type(value) is not dict:
        raise _error(
            "json-not-object",
            f"The document is {_kind_of(value)}, but an exchange file must be one JSON "
            "object: it starts with { and ends with }, with the data inside.",
            text,
            start,
            "",
        )
    return value
