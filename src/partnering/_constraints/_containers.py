"""Constraints on lists and mappings, and on each item of a list."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

import attrs

from partnering._constraints._base import Breach, Constraint
from partnering._patterns import NamedPattern
from partnering._text import excerpt, quote
from partnering.errors import InvalidValueError

__all__ = ["Each", "Keys", "MinItems", "Omitted", "UniqueItems", "constraints_of"]


@attrs.frozen
class Keys(Constraint):
    """A mapping whose keys match a pattern; in files, it is not written empty.

    Models hold absent custom data as ``{}``, so the model accepts an empty mapping; the
    schema refuses ``{}`` in files, with the words of :meth:`empty`.
    """

    code = "invalid-extension-key"
    keywords = ("propertyNames", "minProperties")

    pattern: NamedPattern

    def breach(self, value: Any) -> Breach | None:
        for key in value:
            if not isinstance(key, str) or not self.pattern.matches(key):
                return self.wrong_key(key)
        return None

    def wrong_key(self, key: object) -> Breach:
        """Say what is wrong with a key that does not match the pattern."""
        shown = quote(key) if isinstance(key, str) else excerpt(key)
        return Breach(self.code, f"has the key {shown}; keys must be {self.pattern.explanation}")

    @classmethod
    def empty(cls) -> Breach:
        """Say what is wrong with a mapping written empty in a file."""
        return Breach("empty-object", "is an empty object; it is written by leaving it out")

    def schema(self) -> dict[str, Any]:
        return {"propertyNames": {"pattern": self.pattern.regex}, "minProperties": 1}


@attrs.frozen
class MinItems(Constraint):
    """A list of at least ``minimum`` items."""

    code = "too-few-items"
    keywords = ("minItems",)

    minimum: int

    def breach(self, value: Any) -> Breach | None:
        if len(value) < self.minimum:
            problem = f"has {len(value)} item(s); it needs at least {self.minimum}"
            return Breach(self.code, problem)
        return None

    def empty(self) -> Breach:
        """Say what is wrong with the list written empty in a file, where it is required."""
        return Breach(
            "empty-list",
            f"is an empty list; it needs at least {self.minimum} item(s)",
            f"Add at least {self.minimum} item(s); the field is required.",
        )

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
    keywords = ("minItems",)

    def breach(self, value: Any) -> Breach | None:
        return None

    @classmethod
    def empty(cls) -> Breach:
        """Say what is wrong with an optional list written empty in a file."""
        return Breach(cls.code, "is an empty list; an empty list is written by leaving it out")

    def schema(self) -> dict[str, Any]:
        return {"minItems": 1}


@attrs.frozen
class UniqueItems(Constraint):
    """A list in which no item appears twice."""

    code = "duplicate-item"
    keywords = ("uniqueItems",)

    def breach(self, value: Any) -> Breach | None:
        seen: list[Any] = []
        for item in value:
            if item in seen:
                return self.repeated(item)
            seen.append(item)
        return None

    def repeated(self, item: Any) -> Breach:
        """Say what is wrong with a list that holds ``item`` again."""
        shown = getattr(item, "value", item)  # a code is shown as written in files
        return Breach(self.code, f"lists {excerpt(shown)} more than once")

    def schema(self) -> dict[str, Any]:
        return {"uniqueItems": True}


def _as_tuple(constraints: Iterable[Constraint]) -> tuple[Constraint, ...]:
    return tuple(constraints)


@attrs.frozen
class Each(Constraint):
    """Constraints that every item of a list must meet."""

    constraints: tuple[Constraint, ...] = attrs.field(converter=_as_tuple)

    def breach(self, value: Any) -> Breach | None:
        found = self._first_breach(value)
        if found is None:
            return None
        index, breach = found
        return attrs.evolve(breach, problem=f"item {index} {breach.problem}")

    def _first_breach(self, value: Any) -> tuple[int, Breach] | None:
        for index, item in enumerate(value):
            for constraint in self.constraints:
                found = constraint.breach(item)
                if found is not None:
                    return index, found
        return None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        found = None if value is None else self._first_breach(value)
        if found is not None:
            # Report the item and the code of the constraint it breaks, as the schema does.
            index, breach = found
            raise InvalidValueError(attribute.name, breach.problem, code=breach.code, item=index)

    def schema(self) -> dict[str, Any]:
        keywords: dict[str, Any] = {}
        for constraint in self.constraints:
            keywords.update(constraint.schema())
        return keywords


def constraints_of(attribute: attrs.Attribute[Any]) -> Collection[Constraint]:
    """Return the constraints declared on a model field."""
    found: Collection[Constraint] = attribute.metadata.get("constraints", ())
    return found
