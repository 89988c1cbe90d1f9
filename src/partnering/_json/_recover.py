r"""Find every mechanical syntax error of a document, where the rest can still be read safely.

The strict reader stops at the first error, which costs a person one round per trailing
comma. Three mistakes of hand-written files are mechanical: the fix does not depend on what
was meant, so the rest of the document can be read as if each were already corrected:

* a comma after the last item of an object or a list (a *trailing comma*);
* text in typographic quotes (U+201C and U+201D, or U+2018 and U+2019) instead of
  straight double quotes;
* text in single quotes (') instead of double quotes.

:func:`recover` reads the document tolerantly, accepting only those three, and returns one
:class:`Repair` for each. It gives up (returns ``None``) at anything else, and also when the
repaired document is still not strict JSON: then only the strict reader's first error is
reported, as before. Nothing is guessed: a quote that might be an apostrophe, text spanning
lines, or quotes inside the text make the scan give up.

Example:
    >>> [repair.kind for repair in recover('{"a": [1, 2,], "b": “x”,}')]
    ['trailing-comma', 'smart-quotes', 'trailing-comma']
    >>> recover('{"a": 1 "b": 2}') is None
    True
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import attrs

from partnering._format import DEFAULT_MAX_DEPTH
from partnering._json._problems import error
from partnering._json._read import parse_json
from partnering._json._scan import skip
from partnering._json._syntax import syntax_error
from partnering.errors import DocumentTooLargeError, JSONParseError

__all__ = [
    "BYTE_ORDER_MARK",
    "ManySyntaxErrors",
    "Repair",
    "apply",
    "every_syntax_error",
    "recover",
]

#: The byte order mark, as a character.
BYTE_ORDER_MARK = "\ufeff"

_DOUBLE_SMART = "\u201c\u201d"  # “ ”
_SINGLE_SMART = "\u2018\u2019"  # the single ones
_OPENERS = _DOUBLE_SMART + _SINGLE_SMART + "'"
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_STRING = json.JSONDecoder()
# After a value written in the wrong quotes, only these may follow; anything else means the
# quote may have been an apostrophe, and the scan gives up rather than guess.
_AFTER_VALUE = ",:}]"


@attrs.frozen
class Repair:
    """One mechanical correction: replace ``text[start:end]`` with ``replacement``.

    Attributes:
        kind: ``trailing-comma``, ``smart-quotes`` or ``single-quotes``.
        start: where the text to replace starts, in characters.
        end: where it ends.
        replacement: what it becomes.
        error: the syntax error it corrects, with its line, column and hint.
    """

    kind: str
    start: int
    end: int
    replacement: str
    error: JSONParseError = attrs.field(eq=False)


class ManySyntaxErrors(JSONParseError):  # noqa: N818 - it is the first error, and more
    """The first syntax error of a document, which carries every other one found safely.

    It is the first error in every respect, so callers that report one error still can;
    ``errors`` holds them all, the first included, in the order of the document.
    """

    def __init__(self, errors: Sequence[JSONParseError]) -> None:
        first = errors[0]
        super().__init__(
            first.code,
            first.message,
            hint=first.hint,
            line=first.line,
            column=first.column,
            offset=first.offset,
            path=first.path,
        )
        self.errors = tuple(errors)


class _GiveUpError(Exception):
    """The document holds something other than the mechanical mistakes: stop the scan."""


class _Scanner:
    """A tolerant reader of JSON text that notes each mechanical mistake it reads past."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.repairs: list[Repair] = []

    def document(self) -> list[Repair]:
        end = skip(self.text, self.value(skip(self.text, 0), 1))
        if end != len(self.text):
            raise _GiveUpError
        return self.repairs

    def value(self, pos: int, depth: int) -> int:
        """Read the value at *pos*; return the offset just after it."""
        text = self.text
        if pos >= len(text) or depth > DEFAULT_MAX_DEPTH:
            raise _GiveUpError
        char = text[pos]
        if char == "{":
            return self.container(pos, depth, "}")
        if char == "[":
            return self.container(pos, depth, "]")
        if char == '"':
            try:
                return int(_STRING.raw_decode(text, pos)[1])
            except ValueError:
                raise _GiveUpError from None
        if char in _OPENERS:
            return self.quoted(pos)
        for word in ("true", "false", "null"):
            if text.startswith(word, pos):
                return pos + len(word)
        number = _NUMBER.match(text, pos)
        if number is None:
            raise _GiveUpError
        return number.end()

    def container(self, pos: int, depth: int, close: str) -> int:
        """Read an object or a list whose opening bracket is at *pos*."""
        text = self.text
        pos = skip(text, pos + 1)
        if text.startswith(close, pos):
            return pos + 1
        while True:
            if close == "}":
                pos = skip(text, self.value(pos, depth + 1))  # the key
                if not text.startswith(":", pos) or not self._is_key(pos):
                    raise _GiveUpError
                pos = skip(text, pos + 1)
            pos = skip(text, self.value(pos, depth + 1))
            if text.startswith(close, pos):
                return pos + 1
            if not text.startswith(",", pos):
                raise _GiveUpError
            comma = pos
            pos = skip(text, pos + 1)
            if text.startswith(close, pos):
                self._note("trailing-comma", comma, comma + 1, "", pos)
                return pos + 1

    def _is_key(self, colon: int) -> bool:
        """Tell whether the value before *colon* was text (a key must be)."""
        before = self.text[:colon].rstrip(" \t\n\r")
        return before.endswith(('"', *_OPENERS))

    def quoted(self, pos: int) -> int:
        """Read text in typographic or single quotes at *pos*, noting the repair."""
        text = self.text
        double = text[pos] in _DOUBLE_SMART
        closers = _DOUBLE_SMART + '"' if double else _SINGLE_SMART + "'"
        index = pos + 1
        while index < len(text) and text[index] not in closers:
            char = text[index]
            if char in "\n\r" or (char == '"' and not double):
                raise _GiveUpError  # text across lines, or quotes that would need escapes
            index += 2 if char == "\\" else 1
        if index >= len(text):
            raise _GiveUpError
        after = skip(text, index + 1)
        if after < len(text) and text[after] not in _AFTER_VALUE:
            raise _GiveUpError  # perhaps an apostrophe inside the text: do not guess
        content = text[pos + 1 : index]
        kind = "smart-quotes" if double or text[pos] in _SINGLE_SMART else "single-quotes"
        self._note(kind, pos, index + 1, f'"{content}"', pos)
        return index + 1

    def _note(self, kind: str, start: int, end: int, replacement: str, at: int) -> None:
        self.repairs.append(
            Repair(kind, start, end, replacement, _describe(self.text, kind, start, end, at))
        )


def _describe(text: str, kind: str, start: int, end: int, at: int) -> JSONParseError:
    """Word the error a repair corrects, as the strict reader words it where it can."""
    if kind == "smart-quotes":
        opening, closing = text[start], text[end - 1]
        return error(
            "json-syntax",
            f"This text is in typographic quotes ({opening} {closing}), often put in by word "
            'processors; JSON needs straight double quotes (").',
            hint=f'Replace {opening} and {closing} with straight double quotes ("); or '
            "run 'partnering fix' on the file.",
            text=text,
            offset=start,
        )
    # The strict reader's own wording: what it says of the same place, when it stops there.
    return syntax_error(text, json.JSONDecodeError("Expecting value", text, at))


def recover(text: str) -> tuple[Repair, ...] | None:
    """Find every mechanical mistake of *text*, or ``None`` if reading past them is not safe.

    Safe means: the scan met nothing but the three mechanical mistakes, and the strict reader
    finds no syntax error in the text with all of them corrected.
    """
    try:
        repairs = _Scanner(text).document()
    except (_GiveUpError, RecursionError):
        return None
    if not repairs:
        return None
    # What the strict reader still finds once they are corrected is reported later (a
    # repeated key, a list at the top); another syntax error would mean the scan was wrong.
    left = _first_error(apply(text, repairs))
    if left is not None and left.code in ("json-syntax", "json-trailing-data"):
        return None
    return tuple(repairs)


def apply(text: str, repairs: Sequence[Repair]) -> str:
    """Apply repairs that do not overlap to *text*.

    Example:
        >>> apply('[1,]', recover('[1,]') or ())
        '[1]'
    """
    pieces: list[str] = []
    at = 0
    for repair in sorted(repairs, key=lambda repair: repair.start):
        pieces += [text[at : repair.start], repair.replacement]
        at = repair.end
    pieces.append(text[at:])
    return "".join(pieces)


def every_syntax_error(
    data: str | bytes | bytearray | memoryview, first: JSONParseError
) -> JSONParseError:
    """Return *first*, or a :class:`ManySyntaxErrors` holding every mechanical mistake found safely.

    *first* is what the strict reader raised for *data*. A byte order mark counts as one
    more mechanical mistake: it is reported, and the rest of the document is read without it.
    """
    if first.code == "json-other-format":
        return first  # not JSON at all: nothing more to find in it
    if isinstance(data, str):
        text = data
    else:
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            return first
    errors: list[JSONParseError] = []
    if text.startswith(BYTE_ORDER_MARK):
        errors.append(first)
        text = text[1:]
        after = _first_error(text)
        if after is None:
            return first
        if after.code != "json-syntax":
            return ManySyntaxErrors([first, after])
        first = after
    elif first.code != "json-syntax":
        return first
    repairs = recover(text)
    if repairs is None:
        return ManySyntaxErrors([*errors, first]) if errors else first
    return ManySyntaxErrors([*errors, *(repair.error for repair in repairs)])


def _first_error(text: str) -> JSONParseError | None:
    """Return the strict reader's error for *text*, or ``None`` when it reads it."""
    try:
        parse_json(text)
    except JSONParseError as problem:
        return problem
    except DocumentTooLargeError:  # pragma: no cover - the first read checked the size
        return None
    return None
