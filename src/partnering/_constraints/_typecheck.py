"""The check of a value against its field's annotation, for models built from Python code."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, ClassVar

import attrs

from partnering.errors import InvalidValueError

__all__ = ["TypeCheck"]


class TypeCheck:
    """An attrs validator that checks a value against its field's annotation.

    Models are built from Python code as well as from files, and attrs does not check
    types: without this, ``Platform(scope="national")`` would be accepted and fail far
    away, when the dataset is written. The annotation is resolved on first use and the
    check is cached per class and field.
    """

    _checks: ClassVar[dict[tuple[type, str], tuple[Callable[[Any], bool], str]]] = {}

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        key = (type(instance), attribute.name)
        found = self._checks.get(key)
        if found is None:
            annotation = typing.get_type_hints(type(instance))[attribute.name]
            found = self._checks[key] = (_checker(annotation), _describe(annotation))
        check, expected = found
        if not check(value):
            problem = f"must be of type {expected}, not {type(value).__name__} {value!r:.40}"
            raise InvalidValueError(attribute.name, problem, code="wrong-type")


def _checker(annotation: Any) -> Callable[[Any], bool]:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [_checker(argument) for argument in arguments if argument is not type(None)]
        optional = type(None) in arguments
        return lambda value: (optional and value is None) or any(ok(value) for ok in options)
    if origin is tuple:
        item_ok = _checker(arguments[0])
        return lambda value: type(value) is tuple and all(item_ok(item) for item in value)
    if origin is not None and issubclass(origin, Mapping):
        return lambda value: isinstance(value, Mapping)
    if annotation in (str, int, bool, date):
        # Exact types: True is not 1, and a datetime is not a date.
        return lambda value: type(value) is annotation
    if isinstance(annotation, type):
        return lambda value: isinstance(value, annotation)
    return lambda value: True  # pragma: no cover - Any and other unconstrained types


def _describe(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(
            "None" if argument is type(None) else _describe(argument) for argument in arguments
        )
    if origin is tuple:
        return f"tuple[{_describe(arguments[0])}, ...]"
    if origin is not None:
        return "Mapping"
    return str(getattr(annotation, "__name__", annotation))
