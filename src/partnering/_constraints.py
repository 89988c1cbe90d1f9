"""Constraints on single fields, declared once for both the models and the schema.

Each constraint is an attrs validator (called when a model is built) *and* a description
of a JSON Schema keyword (read by the schema generator). Declaring a rule once is what
makes the models and the interchange schema agree by construction.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, timedelta
from typing import Any, ClassVar

import attrs
import iso3166
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from partnering._patterns import DATETIME, NamedPattern
from partnering.errors import InvalidValueError

__all__ = [
    "COUNTRY_CODES",
    "Constraint",
    "Country",
    "Each",
    "Keys",
    "Length",
    "MinItems",
    "Omitted",
    "Pattern",
    "Range",
    "TypeCheck",
    "UniqueItems",
    "Uri",
    "UtcSeconds",
    "constraints_of",
]

#: ISO 3166-1 alpha-2 codes of the countries and territories the standard assigns.
COUNTRY_CODES: tuple[str, ...] = tuple(sorted(iso3166.countries_by_alpha2))


@attrs.frozen
class Constraint:
    """The base of all constraints: callable as an attrs validator.

    ``code`` is the stable issue code reported when the constraint is broken; the schema
    layer of validation reports the same code for the same keyword.
    """

    code: ClassVar[str] = "invalid-value"

    def check(self, value: Any) -> str | None:
        """Return why ``value`` breaks the constraint, or ``None`` if it holds."""
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        """Return the JSON Schema keywords that state the constraint."""
        raise NotImplementedError

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:  # absent optional values are not constrained
            return
        problem = self.check(value)
        if problem is not None:
            raise InvalidValueError(attribute.name, problem, code=self.code)


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


@attrs.frozen
class Length(Constraint):
    """A string of ``minimum`` to ``maximum`` characters."""

    code = "empty-text"

    minimum: int = 1
    maximum: int | None = None

    def check(self, value: Any) -> str | None:
        if len(value) < self.minimum:
            if self.minimum == 1:
                return "must not be empty"
            return f"must have at least {self.minimum} characters"
        if self.maximum is not None and len(value) > self.maximum:
            return f"must have at most {self.maximum} characters"
        return None

    def schema(self) -> dict[str, Any]:
        keywords: dict[str, Any] = {"minLength": self.minimum}
        if self.maximum is not None:
            keywords["maxLength"] = self.maximum
        return keywords


@attrs.frozen
class Pattern(Constraint):
    """A string matching one of the format's named patterns."""

    code = "invalid-format"

    pattern: NamedPattern

    @property
    def regex(self) -> str:
        """The pattern's text, as the schema carries it."""
        return self.pattern.regex

    @property
    def explanation(self) -> str:
        """What the pattern accepts, in words."""
        return self.pattern.explanation

    def check(self, value: Any) -> str | None:
        return None if self.pattern.matches(value) else f"must be {self.explanation}"

    def schema(self) -> dict[str, Any]:
        return {"pattern": self.regex}


@attrs.frozen
class Range(Constraint):
    """A number from ``minimum`` to ``maximum``, both included."""

    code = "out-of-range"

    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any) -> str | None:
        if self.minimum is not None and value < self.minimum:
            return f"must be at least {self.minimum}"
        if self.maximum is not None and value > self.maximum:
            return f"must be at most {self.maximum}"
        return None

    def schema(self) -> dict[str, Any]:
        keywords: dict[str, Any] = {}
        if self.minimum is not None:
            keywords["minimum"] = self.minimum
        if self.maximum is not None:
            keywords["maximum"] = self.maximum
        return keywords


@attrs.frozen
class Country(Constraint):
    """An ISO 3166-1 alpha-2 country code, such as ``KE``."""

    code = "unknown-code"

    def check(self, value: Any) -> str | None:
        if value in _COUNTRY_SET:
            return None
        return "must be an ISO 3166-1 alpha-2 country code, such as 'KE'"

    def schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/country_code"}


_COUNTRY_SET = frozenset(COUNTRY_CODES)


@attrs.frozen
class Uri(Constraint):
    """An absolute URI, checked as JSON Schema's ``uri`` format checks it (RFC 3986)."""

    code = "invalid-format"

    def check(self, value: Any) -> str | None:
        return None if validate_rfc3986(value, rule="URI") else "must be an absolute URI"

    def schema(self) -> dict[str, Any]:
        return {"format": "uri"}


@attrs.frozen
class UtcSeconds(Constraint):
    """A date and time in UTC to the second, written like ``2026-01-31T09:30:00Z``."""

    code = "invalid-format"

    def check(self, value: Any) -> str | None:
        if value.tzinfo is None or value.utcoffset() != timedelta(0) or value.microsecond:
            return "must be a UTC time to the second, such as 2026-01-31T09:30:00Z"
        return None

    def schema(self) -> dict[str, Any]:
        return {"pattern": DATETIME.regex}


@attrs.frozen
class Keys(Constraint):
    """A mapping whose keys match a pattern, and which is not empty."""

    code = "invalid-extension-key"

    pattern: NamedPattern

    def check(self, value: Any) -> str | None:
        for key in value:
            if not isinstance(key, str) or not self.pattern.matches(key):
                return f"has the key {key!r}; keys must be {self.pattern.explanation}"
        return None

    def schema(self) -> dict[str, Any]:
        return {"propertyNames": {"pattern": self.pattern.regex}, "minProperties": 1}


@attrs.frozen
class MinItems(Constraint):
    """A list of at least ``minimum`` items."""

    code = "too-few-items"

    minimum: int

    def check(self, value: Any) -> str | None:
        if len(value) < self.minimum:
            return f"needs at least {self.minimum} item(s)"
        return None

    def schema(self) -> dict[str, Any]:
        return {"minItems": self.minimum}


@attrs.frozen
class Omitted(Constraint):
    """An optional list or mapping: in files it is left out rather than written empty.

    Models hold an absent list as ``()`` and absent custom data as ``{}``, so the model accepts
    empty values; files never contain ``[]`` or ``{}`` for them, which keeps every load and
    dump round trip exact.
    """

    code = "empty-list"

    def check(self, value: Any) -> str | None:
        return None

    def schema(self) -> dict[str, Any]:
        return {"minItems": 1}


@attrs.frozen
class UniqueItems(Constraint):
    """A list in which no item appears twice."""

    code = "duplicate-item"

    def check(self, value: Any) -> str | None:
        seen: list[Any] = []
        for item in value:
            if item in seen:
                return f"lists {item!r} more than once"
            seen.append(item)
        return None

    def schema(self) -> dict[str, Any]:
        return {"uniqueItems": True}


def _as_tuple(constraints: Iterable[Constraint]) -> tuple[Constraint, ...]:
    return tuple(constraints)


@attrs.frozen
class Each(Constraint):
    """Constraints that every item of a list must meet."""

    constraints: tuple[Constraint, ...] = attrs.field(converter=_as_tuple)

    def check(self, value: Any) -> str | None:
        found = self._first_problem(value)
        return None if found is None else f"item {found[0]} {found[2]}"

    def _first_problem(self, value: Any) -> tuple[int, Constraint, str] | None:
        for index, item in enumerate(value):
            for constraint in self.constraints:
                problem = constraint.check(item)
                if problem is not None:
                    return index, constraint, problem
        return None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        found = None if value is None else self._first_problem(value)
        if found is not None:
            # Report the item and the code of the constraint it breaks, as the schema does.
            index, constraint, problem = found
            raise InvalidValueError(attribute.name, problem, code=constraint.code, item=index)

    def schema(self) -> dict[str, Any]:
        keywords: dict[str, Any] = {}
        for constraint in self.constraints:
            keywords.update(constraint.schema())
        return keywords


def constraints_of(attribute: attrs.Attribute[Any]) -> Collection[Constraint]:
    """Return the constraints declared on a model field."""
    found: Collection[Constraint] = attribute.metadata.get("constraints", ())
    return found
