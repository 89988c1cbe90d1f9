"""Tell which Python values are JSON data, say where those that are not lie, and copy the rest.

JSON data is what :func:`json.dumps` writes as strict JSON, with text keys: mappings whose
keys are ``str``, lists and tuples, ``str``, ``int``, finite ``float`` and
:class:`~decimal.Decimal` (the strict reader reads numbers with a fraction as ``Decimal``, to
keep them exact), ``bool`` and ``None`` (subclasses count as their base type, as :mod:`json`
writes them). Anything else is *not JSON
data* (``NaN``, a set, bytes, another object, a key that is not text, a list that contains
itself); text holding half a character (a lone surrogate) cannot be written as UTF-8. The
walks here are iterative, so deep or cyclic data cannot exhaust the stack, and they run only
on data that :func:`partnering._fast.is_plain_json` has not already vouched for.

Example:
    >>> [(found.path, found.code) for found in find_problems({"a": [1, float("nan")]})]
    [(('a', 1), 'not-json-data')]
    >>> plain_copy({"a": (1, 2)})
    {'a': [1, 2]}
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from partnering._pointers import format_pointer
from partnering._text import json_type, safe_text
from partnering.catalogue import PARSE_CODES
from partnering.report import Issue, Path

__all__ = [
    "CYCLE",
    "LONE_SURROGATE",
    "NOT_JSON",
    "TOO_DEEP",
    "Finding",
    "NotADocumentError",
    "as_document",
    "data_issue",
    "find_problems",
    "has_lone_surrogate",
    "json_text",
    "key_problem",
    "leaf_problem",
    "located",
    "not_an_object",
    "plain_copy",
    "plain_scalar",
    "share_short_texts",
]

NOT_JSON = "not-json-data"
LONE_SURROGATE = "json-lone-surrogate"
TOO_DEEP = "json-too-deep"

#: What a list or mapping that holds itself is, in words.
CYCLE = "contains itself (a cycle), which JSON cannot hold"

_SURROGATE = re.compile("[\ud800-\udfff]")
_SHOWN_KEYS = (int, float, bool, type(None))


def has_lone_surrogate(text: str) -> bool:
    r"""Tell whether text holds half a character, which UTF-8 cannot encode.

    Example:
        >>> has_lone_surrogate("caf\u00e9"), has_lone_surrogate("\ud800")
        (False, True)
    """
    return not text.isascii() and _SURROGATE.search(text) is not None


@attrs.frozen
class Finding:
    """A value that is not JSON data, where it lies, and what it is."""

    path: Path
    code: str
    problem: str


def leaf_problem(value: object) -> str | None:
    """Say why a value that is no list or mapping is not JSON data; ``None`` when it is.

    Text with half a character is JSON data by type; :func:`has_lone_surrogate` tells it.
    """
    if value is None or isinstance(value, (str, int)):  # bool is an int
        return None
    if isinstance(value, float):
        if math.isfinite(value):
            return None
        if math.isnan(value):
            return "is NaN (not a number), which JSON cannot hold"
        return "is an infinite number, which JSON cannot hold"
    if isinstance(value, Decimal):
        if value.is_finite():
            return None
        if value.is_nan():
            return "is NaN (not a number), which JSON cannot hold"
        return "is an infinite number, which JSON cannot hold"
    if isinstance(value, (set, frozenset)):
        return "is a set; JSON has lists, not sets"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "is bytes; JSON holds text, so decode the bytes first"
    return f"is a Python {safe_text(type(value).__qualname__)}, which is not JSON data"


def key_problem(key: object) -> Finding | None:
    """Say why a key of a mapping cannot be a key of a JSON object; ``None`` when it can."""
    if isinstance(key, str):
        if has_lone_surrogate(key):
            shown = safe_text(key)
            return Finding((), LONE_SURROGATE, f"has the key '{shown}', with half a character")
        return None
    if isinstance(key, _SHOWN_KEYS):
        shown = f"{safe_text(repr(key))} ({json_type(key)})"
    else:
        shown = f"of type {safe_text(type(key).__qualname__)}"
    return Finding((), NOT_JSON, f"has the key {shown}; keys of JSON objects are text")


def _text_problem(text: str) -> str | None:
    if not has_lone_surrogate(text):
        return None
    return "holds half a character (a lone surrogate), which UTF-8 cannot encode"


def _too_deep(max_depth: int) -> str:
    return (
        f"is nested too deeply: more than {max_depth} levels of objects and lists inside each other"
    )


def find_problems(value: object, *, max_depth: int | None = None) -> list[Finding]:
    """Find every value that is not JSON data, in document order.

    A list or mapping nested deeper than ``max_depth`` is reported, as the reader reports it,
    and not looked into. A key that is not text is reported at its mapping, whose path names
    the place; the value under it is not looked into.

    Example:
        >>> loop = []
        >>> loop.append(loop)
        >>> [(found.path, found.problem) for found in find_problems({"a": loop})]
        [(('a', 0), 'contains itself (a cycle), which JSON cannot hold')]
    """
    found: list[Finding] = []
    open_containers: set[int] = set()  # the ids of the containers around the current value
    stack: list[tuple[object, Path, int] | int] = [(value, (), 1)]
    while stack:
        entry = stack.pop()
        if isinstance(entry, int):  # every child of this container has been looked at
            open_containers.discard(entry)
            continue
        item, path, depth = entry
        children: list[tuple[object, Path, int]]
        if isinstance(item, Mapping):
            children = []
            for key, child in item.items():
                problem = key_problem(key)
                if problem is None:
                    children.append((child, (*path, key), depth + 1))
                else:
                    found.append(attrs.evolve(problem, path=path))
        elif isinstance(item, (list, tuple)):
            children = [(child, (*path, index), depth + 1) for index, child in enumerate(item)]
        else:
            words = _text_problem(item) if isinstance(item, str) else leaf_problem(item)
            if words is not None:
                code = LONE_SURROGATE if isinstance(item, str) else NOT_JSON
                found.append(Finding(path, code, words))
            continue
        if id(item) in open_containers:
            found.append(Finding(path, NOT_JSON, CYCLE))
            continue
        if max_depth is not None and depth > max_depth:
            found.append(Finding(path, TOO_DEEP, _too_deep(max_depth)))
            continue
        open_containers.add(id(item))
        stack.append(id(item))
        stack.extend(reversed(children))
    return found


def located(path: Path, problem: str) -> str:
    """Say what is wrong with the value at ``path``, naming the place unless it is the top.

    Example:
        >>> located(("a", 0), "is a set; JSON has lists, not sets")
        'the value at /a/0 is a set; JSON has lists, not sets'
    """
    if not path:
        return problem
    return f"the value at {safe_text(format_pointer(path), limit=200)} {problem}"


def data_issue(finding: Finding) -> Issue:
    """Turn a finding into the issue validation reports, with the catalogue's hint."""
    subject = "The value" if finding.path else "The data"
    return Issue(
        code=finding.code,
        severity=PARSE_CODES[finding.code].severity,
        path=finding.path,
        message=f"{subject} {finding.problem}.",
        hint=PARSE_CODES[finding.code].hint,
    )


def not_an_object(value: object) -> Issue:
    """Give the issue of parsed data that is JSON, but not the object a document is."""
    return Issue(
        code="json-not-object",
        severity=PARSE_CODES["json-not-object"].severity,
        message=(
            f"The data is {json_type(value)}, but a document is one JSON object: give a "
            "mapping, or the text of the document."
        ),
        hint=PARSE_CODES["json-not-object"].hint,
    )


def plain_scalar(value: Any) -> Any:
    """Return a JSON scalar as its exact type: a ``str`` subclass as ``str``, and so on."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is Decimal or kind is bool:
        return value
    if value is None:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, Decimal):
        return Decimal(value)
    return float.__float__(value)


def _empty_or_scalar(value: object) -> Any:
    if isinstance(value, Mapping):
        return {}
    if isinstance(value, (list, tuple)):
        return []
    return plain_scalar(value)


def plain_copy(value: object) -> Any:
    """Copy JSON data as plain JSON: dicts, lists and scalars of exact types, in order.

    Only call it on data :func:`find_problems` finds nothing wrong with.
    """
    root = _empty_or_scalar(value)
    stack: list[tuple[Any, Any]] = [(value, root)] if isinstance(root, (dict, list)) else []
    while stack:
        source, target = stack.pop()
        pairs = source.items() if isinstance(source, Mapping) else enumerate(source)
        for key, child in pairs:
            copied = _empty_or_scalar(child)
            if isinstance(target, dict):
                target[plain_scalar(key)] = copied
            else:
                target.append(copied)
            if isinstance(copied, (dict, list)):
                stack.append((child, copied))
    return root


class NotADocumentError(Exception):
    """Parsed data that is no document; its issues say why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(issues)
        self.issues = issues


#: The longest text :func:`share_short_texts` shares: codes ("KE", "21") and short ids.
SHORT_TEXT = 16
# How many distinct short texts are remembered before the memory starts afresh.
_SHARED_TEXTS = 4096


def share_short_texts(data: object) -> None:
    """Give equal short texts of parsed data one string between them, in place.

    The reader makes a string for every value, so a country code written in 100,000 records
    is 100,000 strings of some 50 bytes each. Validation calls this on a document it parsed
    itself, once the document is known to have errors, before their issues are made: then
    the data and the issues are held at once. Only values change, never their equality; the
    data must be the caller's own.

    Example:
        >>> data = {"partners": [{"country": "KE"}, {"country": "".join(["K", "E"])}]}
        >>> data["partners"][0]["country"] is data["partners"][1]["country"]
        False
        >>> share_short_texts(data)
        >>> data["partners"][0]["country"] is data["partners"][1]["country"]
        True
    """
    texts: dict[str, str] = {}
    pending: list[Any] = [data]
    while pending:
        container = pending.pop()
        items = container.items() if type(container) is dict else enumerate(container)
        last: object = None  # the container met last, walked once however often it repeats
        for key, value in items:
            kind = value.__class__
            if kind is str:
                if len(value) <= SHORT_TEXT:
                    kept = texts.get(value)
                    if kept is None:
                        if len(texts) >= _SHARED_TEXTS:
                            texts.clear()
                        texts[value] = value
                    elif kept is not value:
                        container[key] = kept  # the same key: the dict is not resized
            elif (kind is dict or kind is list) and value is not last:
                # Records written alike, read as one dict, follow one another: walked once.
                pending.append(value)
                last = value


def as_document(data: object, *, plain: bool, max_depth: int) -> dict[str, Any]:
    """Take parsed data as the reader takes text: return it as plain JSON, or say why not.

    Args:
        data: any Python value, given as parsed data.
        plain: whether :func:`partnering._fast.is_plain_json` accepts it, so it needs no look.
        max_depth: the deepest nesting accepted.

    Raises:
        NotADocumentError: the data holds what JSON cannot, or it is no JSON object.
    """
    if not plain:
        found = find_problems(data, max_depth=max_depth)
        if found:
            raise NotADocumentError([data_issue(finding) for finding in found])
        data = plain_copy(data)
    if type(data) is not dict:
        raise NotADocumentError([not_an_object(data)])
    return data


# A Decimal is written by the C encoder as a placeholder string, then replaced by its text:
# json.dumps writes only the numbers it knows. The placeholder's lone surrogates cannot be in
# writable text, which the caller checks for after the replacement.
_PLACEHOLDER = re.compile('"\ud800([0-9]+)\ud800"')


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """Write JSON data as strict JSON text, with two-space indents and characters unescaped.

    With ``indent=None`` it is written on one line, as :func:`json.dumps` writes it.

    A :class:`~decimal.Decimal` is written as its exact text, so ``Decimal('1E-400')`` comes
    back as ``1E-400``. Text that holds a lone surrogate is written as it is, for the caller
    to refuse.

    Raises:
        TypeError: the data holds what JSON cannot (a set, bytes, another object).
        ValueError: the data holds ``NaN`` or an infinity.
        RecursionError: the data is nested too deeply to be written.

    Example:
        >>> from decimal import Decimal
        >>> print(json_text({"a": [Decimal("1.00000000000000000001"), Decimal("1E-400")]}))
        {
          "a": [
            1.00000000000000000001,
            1E-400
          ]
        }
    """
    numbers: list[str] = []

    def number(value: object) -> str:
        if not isinstance(value, Decimal):
            raise TypeError(f"{type(value).__name__} is not JSON data")
        if not value.is_finite():
            raise ValueError("a Decimal that is not finite is not JSON data")
        numbers.append(Decimal.__str__(value))
        return f"\ud800{len(numbers) - 1}\ud800"

    text = json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False, default=number)
    if not numbers or len(_SURROGATE.findall(text)) != 2 * len(numbers):
        return text  # no number to put back, or a lone surrogate of the data's own
    return _PLACEHOLDER.sub(lambda found: numbers[int(found.group(1))], text)
