"""Tell plain JSON data, which the fast path may take, from anything else.

Only plain JSON data takes the fast path: what :func:`partnering._json.parse_json` returns,
or a mapping that :func:`is_plain_json` accepts. Anything else (tuples, ``NaN``, keys that are
not strings, lone surrogates, very deep nesting) goes to the reference path, whose handling of
such data is the defined behaviour.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from partnering._format import DEFAULT_MAX_DEPTH

__all__ = ["is_plain_json"]

_SCALARS = frozenset({int, bool, type(None)})
_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain_text(text: str) -> bool:
    return text.isascii() or _SURROGATE.search(text) is None


def _plain_scalar(value: object) -> bool:
    kind = type(value)
    if kind is str:
        return _plain_text(value)  # type: ignore[arg-type]
    if kind is Decimal:  # how the strict reader reads a number with a fraction
        return bool(value.is_finite())  # type: ignore[attr-defined]
    if kind is float:
        return math.isfinite(value)  # type: ignore[arg-type]
    return kind in _SCALARS


def is_plain_json(value: object, max_depth: int = DEFAULT_MAX_DEPTH) -> bool:
    """Tell whether a value is made only of what strict JSON parsing produces.

    That is: ``dict`` with ``str`` keys, ``list``, ``str`` without lone surrogates, ``int``,
    finite ``float`` and :class:`~decimal.Decimal`, ``bool`` and ``None`` (exact types, not
    subclasses), nested at most ``max_depth`` objects and lists deep.

    Example:
        >>> is_plain_json({"sdgs": [3, 17]}), is_plain_json({"sdgs": (3, 17)})
        (True, False)
        >>> is_plain_json({"share": float("nan")})
        False
    """
    if type(value) is not dict and type(value) is not list:
        return _plain_scalar(value)
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            return False
        children: Iterable[object]
        if type(item) is dict:
            for key in item:
                if type(key) is not str or not _plain_text(key):
                    return False
            children = item.values()
        else:
            children = item
        for child in children:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))
            elif not _plain_scalar(child):
                return False
    return True
