"""Whole numbers written with a fraction or an exponent, such as a count of ``25.0``.

JSON Schema counts ``25.0`` as an integer, so the schema accepts it, and the models hold 25.
Readers that are stricter about types (Go's ``encoding/json``, pydantic in strict mode) refuse
it, so the rule warns, and ``partnering fix`` writes the number as ``25``.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from operator import methodcaller
from typing import Any

import attrs

from partnering._format import MAX_INTEGER
from partnering._text import excerpt, quote
from partnering.report import Issue, Path
from partnering.rules._index import ARRAY, OBJECT, Index
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["whole_numbers_with_fraction", "written_whole"]


@attrs.frozen
class _Plan:
    """Where a model's whole numbers lie: its fields, its lists of them, its nested models."""

    numbers: tuple[str, ...]
    lists: tuple[str, ...]
    nested: tuple[tuple[str, _Plan, bool], ...]  # the field, its model's plan, whether a list

    def __bool__(self) -> bool:
        return bool(self.numbers or self.lists or self.nested)


def _without_none(type_: Any) -> Any:
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        options = [argument for argument in typing.get_args(type_) if argument is not type(None)]
        if len(options) == 1:  # else a date or a partial date: no number
            (type_,) = options
    return type_


@functools.cache
def _plan(model: type[Any]) -> _Plan:
    """Find the whole-number fields of ``model``, and of the models it holds, from its types."""
    numbers: list[str] = []
    lists: list[str] = []
    nested: list[tuple[str, _Plan, bool]] = []
    hints = typing.get_type_hints(model)
    for field in attrs.fields(model):
        type_ = _without_none(hints[field.name])
        many = typing.get_origin(type_) is tuple
        item = typing.get_args(type_)[0] if many else type_
        if item is int:
            (lists if many else numbers).append(field.name)
        elif attrs.has(item):
            inner = _plan(item)
            if inner:
                nested.append((field.name, inner, many))
    return _Plan(tuple(numbers), tuple(lists), tuple(nested))


def written_whole(value: object) -> int | None:
    """Return the whole number a value with a fraction or an exponent stands for, if it is one.

    Example:
        >>> written_whole(Decimal("25.0")), written_whole(Decimal("2.5")), written_whole(25)
        (25, None, None)
        >>> written_whole(Decimal("1E+300")) is None
        True
    """
    if type(value) is not Decimal or not value.is_finite() or abs(value) > MAX_INTEGER:
        return None  # beyond 2^53 - 1, the schema layer reports the number as too large
    if value != value.to_integral_value():
        return None  # not a whole number: the schema layer reports it
    return int(value)


def _any_fraction(records: list[Any], plan: _Plan) -> bool:
    """Tell whether any of these objects holds a number with a fraction where ``plan`` has one.

    A look at each field across all the records at once, without paths: nearly every file
    holds no such number, and is done with here.
    """
    for name in plan.numbers:
        if Decimal in map(type, map(methodcaller("get", name), records)):
            return True
    for name in plan.lists:
        for values in map(methodcaller("get", name), records):
            if isinstance(values, ARRAY) and Decimal in map(type, values):
                return True
    for name, inner, many in plan.nested:
        values = map(methodcaller("get", name), records)
        if many:
            children = [
                child
                for value in values
                if isinstance(value, ARRAY)
                for child in value
                if isinstance(child, OBJECT)
            ]
        else:
            children = [value for value in values if isinstance(value, OBJECT)]
        if children and _any_fraction(children, inner):
            return True
    return False


def _found(record: Any, plan: _Plan) -> list[tuple[Path, Decimal]]:
    """Return the numbers with a fraction in one record, each with its path within the record.

    A number with a fraction is rare, so the walk builds no path until it finds one.
    """
    found: list[tuple[Path, Decimal]] = []
    for name in plan.numbers:
        value = record.get(name)
        if type(value) is Decimal:
            found.append(((name,), value))
    for name in plan.lists:
        values = record.get(name)
        if isinstance(values, ARRAY):
            for k, value in enumerate(values):
                if type(value) is Decimal:
                    found.append(((name, k), value))
    for name, inner, many in plan.nested:
        value = record.get(name)
        if many and isinstance(value, ARRAY):
            for k, child in enumerate(value):
                if isinstance(child, OBJECT):
                    for path, number in _found(child, inner):
                        found.append(((name, k, *path), number))
        elif not many and isinstance(value, OBJECT):
            for path, number in _found(value, inner):
                found.append(((name, *path), number))
    return found


def whole_numbers_with_fraction(index: Index, today: date) -> Iterator[Issue]:
    """Report whole-number fields written with a fraction or an exponent, such as ``25.0``.

    Example:
        >>> from decimal import Decimal
        >>> data = {"events": [{"id": "e", "participant_count": Decimal("25.0")}]}
        >>> demo(whole_numbers_with_fraction, data)
        ['integer-with-fraction at /events/0/participant_count']
    """
    for entity in index.entities.lists:
        plan = _plan(entity.model)  # type: ignore[arg-type]  # classes are hashable
        if not plan:
            continue
        if not _any_fraction([record for _, record in index.records(entity.name)], plan):
            continue
        for i, record in index.records(entity.name):
            for within, value in _found(record, plan):
                path = (entity.name, i, *within)
                whole = written_whole(value)
                if whole is None:
                    continue
                name = next(part for part in reversed(path) if isinstance(part, str))
                yield issue(
                    "integer-with-fraction",
                    path,
                    f"{quote(name)} of {index.name_of(entity.name, record, i)} is the whole "
                    f"number {whole}, written {excerpt(value)}; readers strict about types "
                    "refuse a fraction or an exponent in a whole number",
                    f"Write it as {whole}; 'partnering fix' does this for you.",
                    value,
                )
