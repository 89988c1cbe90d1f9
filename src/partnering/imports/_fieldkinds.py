"""What kind of value each field of an entity takes, read from the models' annotations.

Example:
    >>> from partnering.models import Partnership
    >>> names = ("title", "start_date", "sdgs", "participants")
    >>> [field_kind(Partnership, name).kind for name in names]
    ['text', 'date', 'list', 'participants']
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from partnering._countries import COUNTRY_CODES
from partnering.codelists import CodeList
from partnering.models import Participant, Source
from partnering.partial_dates import PartialDate

__all__ = ["FieldKind", "check_code", "field_kind", "fields_of", "nested_model"]

#: The fields that hold ISO 3166-1 country codes.
COUNTRY_FIELDS = frozenset({"country", "countries"})
_COUNTRIES = frozenset(COUNTRY_CODES)


@attrs.frozen
class FieldKind:
    """How a column fills a field.

    Attributes:
        kind: ``text``, ``integer``, ``decimal``, ``boolean``, ``date``, ``code``, ``list``,
            ``participants``, ``sources``, ``extensions`` or ``unsupported``.
        item: the type of the value, or of each item of a list.
        required: whether a record must have the field.
        partial: for a date, whether the field also takes a date known only to the month
            or the year (a :class:`~partnering.partial_dates.PartialDate`).
    """

    kind: str
    item: Any
    required: bool
    partial: bool = False


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(model: type[Any]) -> dict[str, Any]:
    if model not in _HINTS:
        _HINTS[model] = typing.get_type_hints(model)
    return _HINTS[model]


def fields_of(model: type[Any]) -> tuple[str, ...]:
    """The names of the model's fields, in their declared order."""
    return tuple(field.name for field in attrs.fields(model))


def _bare(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if set(args) == {date, PartialDate}:
            return PartialDate
        return args[0] if len(args) == 1 else hint
    return hint


def _scalar(hint: Any) -> str:
    if hint is bool:
        return "boolean"
    if hint is int:
        return "integer"
    if hint is str:
        return "text"
    if hint is date:
        return "date"
    if hint is Decimal:
        return "decimal"
    if isinstance(hint, type) and issubclass(hint, CodeList):
        return "code"
    return "unsupported"


def field_kind(model: type[Any], name: str) -> FieldKind:
    """Return how a column fills the field ``name`` of ``model``."""
    field = attrs.fields_dict(model)[name]
    required = field.default is attrs.NOTHING
    hint = _bare(_hints(model)[name])
    if name == "extensions":
        return FieldKind("extensions", None, False)
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if item is Participant:
            return FieldKind("participants", item, required)
        if item is Source:
            return FieldKind("sources", item, required)
        kind = _scalar(item)
        return FieldKind(
            "list" if kind in ("text", "integer", "code") else "unsupported", item, required
        )
    if hint is PartialDate:
        return FieldKind("date", date, required, partial=True)
    if hint is datetime or attrs.has(hint):
        return FieldKind("unsupported", hint, required)
    return FieldKind(_scalar(hint), hint, required)


def nested_model(model: type[Any], name: str) -> type[Any] | None:
    """The model of the records a list field holds (members, ratings...), or ``None``.

    Example:
        >>> from partnering.models import Assessment
        >>> nested_model(Assessment, "ratings").__name__, nested_model(Assessment, "id")
        ('BuildingBlockRating', None)
    """
    if name not in attrs.fields_dict(model):
        return None
    hint = _bare(_hints(model)[name])
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(item, type) and attrs.has(item):
            return item
    return None


def check_code(field: str, item: Any, code: object) -> str | None:
    """Say why ``code`` is not a value of the field, or return ``None`` when it is."""
    if isinstance(item, type) and issubclass(item, CodeList):
        codes = [member.value for member in item]
        if code in codes:
            return None
        return f"{code!r} is not a code of {item.__name__} ({', '.join(codes)})"
    if field in COUNTRY_FIELDS:
        return None if code in _COUNTRIES else f"{code!r} is not an ISO 3166-1 alpha-2 code"
    if field == "sdgs":
        ok = isinstance(code, int) and not isinstance(code, bool) and 1 <= code <= 17
        return None if ok else f"{code!r} is not a Sustainable Development Goal (1 to 17)"
    if item is int:
        ok = isinstance(code, int) and not isinstance(code, bool)
        return None if ok else f"{code!r} is not a whole number"
    return None if isinstance(code, str) and code.strip() else f"{code!r} is not text"
