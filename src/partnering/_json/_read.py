"""The entry point of the strict JSON reader: :func:`parse_json`."""

from __future__ import annotations

import json
from typing import Any

from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from partnering._json._checks import deeper_than, may_have_lone_surrogate
from partnering._json._encoding import decode, encode
from partnering._json._hooks import (
    FALLBACK_INT_DIGITS,
    PARSE_INT,
    ProblemFoundError,
    pairs_hook,
    parse_constant,
    parse_float,
    sharing_pairs_hook,
)
from partnering._json._kinds import other_kind
from partnering._json._problems import (
    duplicate_key,
    error,
    non_finite,
    number_too_long,
    size,
    too_deep,
    too_large,
)
from partnering._json._scan import locate, skip
from partnering._json._syntax import syntax_error
from partnering.errors import DocumentTooLargeError, JSONParseError

__all__ = ["parse_json", "parse_json_text"]

#: The errors a file of another kind meets first: only these are looked at again.
_WHEN_OTHER_KINDS_FAIL = frozenset(
    {"json-syntax", "json-encoding", "json-trailing-data", "json-not-object"}
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
        JSONParseError: the document is not one strict JSON object; ``code`` says why,
            ``message`` what is wrong and ``hint`` what to do, and ``line``, ``column``,
            ``offset`` and ``pointer`` say where when known.

    Example:
        >>> parse_json(b'{"name": "Platform", "sdgs": [3, 17]}')
        {'name': 'Platform', 'sdgs': [3, 17]}
        >>> try:
        ...     parse_json('{"a": 1, "a": 2}')
        ... except JSONParseError as error:
        ...     print(error.code, error.line, error.column, "-", error.hint)
        json-duplicate-key 1 10 - Keep one of the two values.
    """
    return parse_json_text(data, max_bytes=max_bytes, max_depth=max_depth)[0]


def parse_json_text(
    data: bytes | bytearray | memoryview | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    shared: bool = False,
) -> tuple[dict[str, Any], str]:
    """Do what :func:`parse_json` does, and return the text read as well as the object.

    For a caller that needs the text again (to place issues): bytes are decoded once. With
    ``shared``, equal flat objects are one dict (see :func:`sharing_pairs_hook`), for a caller
    that only reads the result: a file of one record repeated then takes little memory.

    Example:
        >>> parse_json_text(b'{"a": 1}')
        ({'a': 1}, '{"a": 1}')
    """
    try:
        return _parse(data, max_bytes, max_depth, shared)
    except JSONParseError as problem:
        if problem.code not in _WHEN_OTHER_KINDS_FAIL:
            raise
        kind = other_kind(data)
        if kind is None:
            raise
        raise error(
            "json-other-format",
            f"This is not a JSON exchange file: it looks like {kind.name}.",
            hint=kind.advice,
            text="",  # the whole file is concerned: it is placed where it starts, 1:1
            offset=0,
        ) from None
    except MemoryError:
        count = data.nbytes if isinstance(data, memoryview) else len(data)
        raise DocumentTooLargeError(
            f"The document ({size(count)}) is too large to be read with the memory available.",
            hint="Split the data into smaller files.",
        ) from None


def _parse(
    data: bytes | bytearray | memoryview | str, max_bytes: int, max_depth: int, shared: bool
) -> tuple[dict[str, Any], str]:
    """Do the work of :func:`parse_json`."""
    text: str
    raw: bytes | bytearray
    if isinstance(data, str):
        if len(data) > max_bytes:  # a character takes at least one byte
            raise too_large(len(data), max_bytes, at_least=True)
        raw = encode(data)
        if len(raw) > max_bytes:
            raise too_large(len(raw), max_bytes)
        text = data
    else:
        count = data.nbytes if isinstance(data, memoryview) else len(data)
        if count > max_bytes:
            raise too_large(count, max_bytes)
        raw = bytes(data) if isinstance(data, memoryview) else data
        text = decode(raw)

    start = skip(text, 0)
    if start == len(text):
        raise error(
            "json-empty",
            "The document is empty"
            + (" (it holds only spaces and line breaks)" if text else "")
            + ".",
        )

    try:
        value = json.loads(
            text,
            object_pairs_hook=sharing_pairs_hook() if shared else pairs_hook,
            parse_float=parse_float,
            parse_constant=parse_constant,
            parse_int=PARSE_INT,
        )
    except json.JSONDecodeError as problem:
        raise syntax_error(text, problem) from None
    except ProblemFoundError as problem:
        raise (locate(text, max_depth) or _unplaced(problem)) from None
    except RecursionError:
        raise (locate(text, max_depth) or too_deep()) from None
    except ValueError:
        # Raised by int() for an integer longer than the interpreter's limit.
        found = locate(text, max_depth)
        if found is not None:
            raise found from None
        raise error(  # pragma: no cover - no other ValueError is known
            "json-syntax", "The document could not be read as JSON."
        ) from None

    if deeper_than(raw, max_depth):
        raise locate(text, max_depth) or too_deep()
    if may_have_lone_surrogate(text):  # may be a false alarm: the exact scan decides
        found = locate(text, max_depth)
        if found is not None:
            raise found

    if type(value) is not dict:
        raise error(
            "json-not-object",
            f"The document is {_kind_of(value)}, but an exchange file must be one JSON "
            "object: it starts with { and ends with }, with the data inside.",
            text=text,
            offset=start,
            path=(),
        )
    return value, text


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


def _unplaced(problem: ProblemFoundError) -> JSONParseError:
    """Build an error without a location, when the exact scan could not place *problem*."""
    if problem.code == "json-duplicate-key":
        return duplicate_key(None, None, problem.detail, ())
    if problem.code == "json-number-too-long":  # pragma: no cover - Python 3.10.0 to 3.10.6
        return number_too_long(problem.detail, FALLBACK_INT_DIGITS)
    return non_finite(problem.detail)
