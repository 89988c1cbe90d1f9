"""Hooks of the C decoder: they notice what :func:`json.loads` would let through.

A hook only stops the decoder, with a :class:`ProblemFoundError`; the exact scan then finds
where the problem is. The hooks run for every object and every number with a fraction, so
they do as little as they can.

A number with a fraction or an exponent is read as a :class:`~decimal.Decimal`, exactly as
written: ``1.00000000000000000001`` stays itself, ``1E-400`` does not become ``0.0``, and
``25.0`` keeps its written fraction (it still equals the whole number 25).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NoReturn

__all__ = [
    "FALLBACK_INT_DIGITS",
    "PARSE_INT",
    "ProblemFoundError",
    "int_digits_limit",
    "pairs_hook",
    "parse_constant",
    "parse_float",
    "sharing_pairs_hook",
]

# The digits limit of int(): present from Python 3.10.7 and 3.11 on. Where it exists, the C
# decoder already refuses over-long integers with a ValueError, so no per-number hook is needed
# (a parse_int hook costs a Python call per integer). Where it does not, a hook applies the
# same default limit, so that a huge integer cannot keep the process busy for minutes.
_get_int_max_str_digits: Callable[[], int] | None = getattr(sys, "get_int_max_str_digits", None)
FALLBACK_INT_DIGITS = 4300


def int_digits_limit() -> int:
    """Return the most digits an integer may have, 0 meaning no limit."""
    if _get_int_max_str_digits is not None:
        return _get_int_max_str_digits()
    return FALLBACK_INT_DIGITS  # pragma: no cover - Python 3.10.0 to 3.10.6


class ProblemFoundError(Exception):
    """Stops the C decoder when a hook sees a problem; the exact scan then finds where.

    Attributes:
        code: the parse code of the problem.
        detail: the key or the number literal concerned.
    """

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build an object, stopping when a key repeats (the dict is then shorter than the pairs)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch - a duplicate is known to exist
            if key in seen:
                raise ProblemFoundError("json-duplicate-key", key)
            seen.add(key)
    return result


#: The types of the values an object may hold to be shared: their equality is their text's.
#: ``True == 1`` and ``Decimal("1.0") == Decimal("1.00")``, so booleans and decimals, which
#: would make two different texts one object, keep an object from being shared.
_SHAREABLE = frozenset({str, int, type(None)})
#: How many distinct flat objects are remembered before the memory starts afresh: enough for
#: the records of a file that repeats a few, few enough that a file of distinct records pays
#: only a small, fixed amount for remembering.
SHARED_OBJECTS = 1024


def sharing_pairs_hook() -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """Return a :func:`pairs_hook` that gives equal flat objects one dict between them.

    A flat object holds only texts, integers and nulls. When one is written again, with the
    same keys in the same order and the same values, the hook returns the dict it built the
    first time, so that a file of one record repeated 700,000 times holds one record, not
    700,000 (each dict of four fields takes about 300 bytes, four times its text). The dicts
    are then shared between places, so the result must only be read, never changed: the
    validator reads it, and nothing else asks for it. The memory of objects seen is bounded
    (:data:`SHARED_OBJECTS`), so that a file of distinct records pays a fixed amount for it.

    Example:
        >>> hook = sharing_pairs_hook()
        >>> first, again = hook([("id", "p")]), hook([("id", "p")])
        >>> first is again, hook([("n", 1)]) is hook([("n", True)])
        (True, False)
    """
    memory: dict[tuple[tuple[str, Any], ...], dict[str, Any]] = {}
    shareable = _SHAREABLE

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = pairs_hook(pairs)
        if not {value.__class__ for _, value in pairs} <= shareable:
            return result
        whole = tuple(pairs)
        shared = memory.get(whole)
        if shared is not None:
            return shared
        if len(memory) >= SHARED_OBJECTS:
            memory.clear()
        memory[whole] = result
        return result

    return hook


def parse_constant(name: str) -> NoReturn:
    """Refuse ``NaN``, ``Infinity`` and ``-Infinity``, which the C decoder accepts."""
    raise ProblemFoundError("json-non-finite", name)


# The largest power of ten a finite double reaches: a larger number is infinity to a reader
# that holds doubles, as JavaScript's and most others do.
_LARGEST_EXPONENT = 308


def parse_float(literal: str, _decimal: type[Decimal] = Decimal) -> Decimal:
    """Read a number with a fraction or exponent exactly, refusing one no double can hold.

    Precision is kept, however fine: the number is the one written. Only magnitude is
    bounded, by the largest finite double (about 1.8E+308), beyond which most readers see
    infinity.
    """
    value = _decimal(literal)
    if value.adjusted() >= _LARGEST_EXPONENT and math.isinf(float(literal)):
        raise ProblemFoundError("json-non-finite", literal)
    return value


def _parse_int_bounded(literal: str) -> int:  # pragma: no cover - Python 3.10.0 to 3.10.6
    """Read an integer, refusing more digits than newer interpreters accept."""
    if len(literal.lstrip("-")) > FALLBACK_INT_DIGITS:
        raise ProblemFoundError("json-number-too-long", literal)
    return int(literal)


#: The ``parse_int`` hook, or ``None`` where the interpreter limits digits itself.
PARSE_INT: Callable[[str], int] | None = (
    None if _get_int_max_str_digits is not None else _parse_int_bounded
)
