"""Plain Python values for the models' constructors: a list for a tuple, a code for a member.

Models are built from Python code as well as from files. A caller writes ``["KE"]`` and
``"national"`` where the fields hold ``("KE",)`` and ``PlatformScope.NATIONAL``; the field
helpers of :mod:`partnering.models` give every field this one converter, which turns such
values into the field's type without loss and leaves anything else for the type check to
refuse. Files never come through here: the converter of :mod:`partnering.convert` and the
fast builders stay strict.

Example:
    >>> from partnering.models import Platform
    >>> platform = Platform(
    ...     id="p", name="P", scope="national", hosting_model="un_hosted", countries=["KE"]
    ... )
    >>> platform.scope, platform.countries
    (<PlatformScope.NATIONAL: 'national'>, ('KE',))
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import attrs

from partnering._text import did_you_mean, quote
from partnering.codelists import CodeList
from partnering.errors import InvalidValueError

__all__ = ["PLAIN_VALUES"]

_Convert = Callable[[Any, str], Any]


def _unchanged(value: Any, _: str) -> Any:
    return value


def _is_sequence(value: object) -> bool:
    # Text is a sequence of characters, not a list of values: leave it to the type check.
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def _noun(code_list: type[CodeList]) -> str:
    return "".join(f" {c.lower()}" if c.isupper() else c for c in code_list.__name__).strip()


def _code(code_list: type[CodeList]) -> _Convert:
    members = code_list._value2member_map_

    def convert(value: Any, name: str) -> Any:
        if type(value) is not str:
            return value
        member = members.get(value)
        if member is None:
            codes = code_list.codes()
            problem = (
                f"is {quote(value)}, which is not a {_noun(code_list)} code"
                f"{did_you_mean(value, codes)}; use one of: {', '.join(codes)}"
            )
            raise InvalidValueError(name, problem, code="unknown-code")
        return member

    return convert


def _items(item: _Convert) -> _Convert:
    def convert(value: Any, name: str) -> Any:
        if type(value) is tuple and item is _unchanged:
            return value
        if not _is_sequence(value):
            return value
        return tuple(item(each, name) for each in value)

    return convert


def _optional(inner: _Convert) -> _Convert:
    return lambda value, name: None if value is None else inner(value, name)


def _converter(annotation: Any) -> _Convert:
    """Return how to turn a plain value into one of ``annotation``, the field's type."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [argument for argument in arguments if argument is not type(None)]
        if len(options) == 1:
            inner = _converter(options[0])
            return _unchanged if inner is _unchanged else _optional(inner)
        return _unchanged  # a date or a partial date: kept as given
    if origin is tuple:
        return _items(_converter(arguments[0]))
    if isinstance(annotation, type) and issubclass(annotation, CodeList):
        return _code(annotation)
    return _unchanged


class _PlainValues:
    """Turns plain values into the field's type; the conversion is worked out once per field."""

    _conversions: ClassVar[dict[tuple[type, str], _Convert]] = {}

    def __call__(self, value: Any, instance: object, field: attrs.Attribute[Any]) -> Any:
        key = (type(instance), field.name)
        convert = self._conversions.get(key)
        if convert is None:
            annotation = typing.get_type_hints(type(instance))[field.name]
            convert = self._conversions[key] = _converter(annotation)
        return convert(value, field.name)

    def __repr__(self) -> str:
        return "<plain values>"


#: The converter every model field has: a list becomes a tuple, a code its member.
PLAIN_VALUES = attrs.Converter(_PlainValues(), takes_self=True, takes_field=True)
