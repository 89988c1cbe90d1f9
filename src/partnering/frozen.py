"""Immutable JSON data, as the custom data under ``extensions`` is held, so models stay frozen.

:func:`freeze` copies JSON data into a :class:`FrozenObject` (a read-only mapping) for each
object and a :class:`FrozenArray` (a tuple) for each list; :func:`thaw` gives plain ``dict``
and ``list`` back, for writing. Both types are hashable and compare as JSON compares values:
``true`` is not ``1``, ``1`` is ``1.0``, and the order of an object's keys does not matter,
although it is kept, so that a file is written back as it was read.

Numbers are held exactly. A number with a fraction or an exponent is a
``Decimal``, as the strict reader reads it; a ``float`` is frozen into the
``Decimal`` of its shortest text (``0.1`` becomes ``Decimal('0.1')``, the number it is written
as), so custom data built in Python equals, and hashes like, the same data read from a file.

Example:
    >>> data = freeze({"b": [1, True], "a": None})
    >>> data == {"a": None, "b": [1.0, True]}, data == {"a": None, "b": [1, 1]}
    (True, False)
    >>> list(data), thaw(data)
    (['b', 'a'], {'b': [1, True], 'a': None})
    >>> hash(data) == hash(freeze({"a": None, "b": [1.0, True]}))
    True
    >>> freeze([0.1, 25.0]), freeze([0.1]) == [0.1]
    (FrozenArray([Decimal('0.1'), Decimal('25.0')]), True)
"""

from __future__ import annotations

import math
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from decimal import Decimal
from typing import Any, NoReturn

from partnering._jsondata import (
    CYCLE,
    NOT_JSON,
    key_problem,
    leaf_problem,
    located,
    plain_scalar,
)
from partnering.errors import UnwritableValueError

__all__ = ["EMPTY", "FrozenArray", "FrozenObject", "freeze", "thaw"]


class _NotJSONError(Exception):
    """Raised inside :func:`freeze`; the path is gathered as the recursion unwinds."""

    def __init__(self, code: str, problem: str) -> None:
        super().__init__(problem)
        self.code = code
        self.problem = problem
        self.reversed_path: list[str | int] = []


def freeze(value: object) -> Any:
    """Copy JSON data into immutable, hashable values.

    Objects become :class:`FrozenObject`, lists and tuples :class:`FrozenArray`; text,
    whole numbers, ``Decimal`` numbers, booleans and ``None`` stay as they are
    (subclasses become their base type), and a ``float`` becomes the ``Decimal`` of its
    shortest text. Frozen values are kept, not copied.

    Raises:
        UnwritableValueError: the data holds what JSON cannot: ``NaN`` or an infinity, a set,
            bytes, another object, a key that is not text, or a list that contains itself.

    Example:
        >>> freeze([1, {"a": "b"}])
        FrozenArray([1, {'a': 'b'}])
        >>> freeze({"a": {1, 2}})
        Traceback (most recent call last):
        ...
        partnering.errors.UnwritableValueError: the value at /a is a set; JSON has lists, not sets
    """
    try:
        return _freeze(value, set())
    except _NotJSONError as error:
        path = tuple(reversed(error.reversed_path))
        message = located(path, error.problem)
        raise UnwritableValueError(
            message, code=error.code, path=path, problem=error.problem
        ) from None
    except RecursionError:
        problem = "is nested too deeply to be held"
        raise UnwritableValueError(problem, code="json-too-deep", problem=problem) from None


def _freeze(value: object, open_containers: set[int]) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is Decimal or value is None:
        return value
    if kind is float and math.isfinite(value):  # type: ignore[arg-type]
        # The number it is written as: repr gives the shortest text that reads back as it.
        return Decimal(repr(value))
    if kind is FrozenObject or kind is FrozenArray:
        return value
    if isinstance(value, Mapping):
        return _freeze_object(value, open_containers)
    if isinstance(value, (list, tuple)):
        return _freeze_array(value, open_containers)
    problem = leaf_problem(value)
    if problem is not None:
        raise _NotJSONError(NOT_JSON, problem)
    scalar = plain_scalar(value)
    return Decimal(repr(scalar)) if type(scalar) is float else scalar


def _enter(value: object, open_containers: set[int]) -> int:
    marker = id(value)
    if marker in open_containers:
        raise _NotJSONError(NOT_JSON, CYCLE)
    open_containers.add(marker)
    return marker


def _freeze_object(value: Mapping[Any, Any], open_containers: set[int]) -> FrozenObject:
    marker = _enter(value, open_containers)
    items: dict[str, Any] = {}
    for key, child in value.items():
        if type(key) is not str:
            found = key_problem(key)
            if found is not None and found.code == NOT_JSON:
                raise _NotJSONError(found.code, found.problem)
            key = plain_scalar(key)
        try:
            items[key] = _freeze(child, open_containers)
        except _NotJSONError as error:
            error.reversed_path.append(key)
            raise
    open_containers.discard(marker)
    return FrozenObject._wrap(items)


def _freeze_array(value: Iterable[Any], open_containers: set[int]) -> FrozenArray:
    marker = _enter(value, open_containers)
    items: list[Any] = []
    for index, child in enumerate(value):
        try:
            items.append(_freeze(child, open_containers))
        except _NotJSONError as error:
            error.reversed_path.append(index)
            raise
    open_containers.discard(marker)
    return tuple.__new__(FrozenArray, items)


def thaw(value: Any) -> Any:
    """Copy frozen data back into plain JSON data: ``dict``, ``list`` and scalars.

    Values that are not frozen are returned as they are.

    Example:
        >>> thaw(freeze({"tags": ["hub"]}))
        {'tags': ['hub']}
    """
    kind = type(value)
    if kind is FrozenObject:
        return {key: thaw(child) for key, child in value._items.items()}
    if kind is FrozenArray:
        return [thaw(child) for child in value]
    return value


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return "other"


def _same(left: Any, right: Any) -> bool:
    """Compare two values as JSON compares them."""
    if left is right:
        return True
    kind = _kind(left)
    if kind != _kind(right):
        return False
    if kind == "object":
        return len(left) == len(right) and all(
            key in right and _same(child, right[key]) for key, child in left.items()
        )
    if kind == "array":
        return len(left) == len(right) and all(map(_same, left, right))
    if kind == "number":
        return bool(_as_written(left) == _as_written(right))
    return bool(left == right)


def _as_written(number: Any) -> Any:
    """Compare a ``float`` as the number its shortest text writes, as it is frozen."""
    if isinstance(number, float) and math.isfinite(number):
        return Decimal(repr(number))
    return number


def _immutable(self: object, *_: object) -> NoReturn:
    raise AttributeError(f"{type(self).__name__} is immutable")


class FrozenObject(Mapping[str, Any]):
    """An immutable, hashable JSON object: a read-only mapping that keeps its key order.

    It compares equal to any mapping holding the same JSON data, whatever the order of the
    keys; ``true`` is not ``1``, and ``1`` is ``1.0``.

    Args:
        data: a mapping of JSON data, frozen on the way in by
            :func:`~partnering.frozen.freeze`.

    Raises:
        UnwritableValueError: ``data`` holds what JSON cannot.

    Example:
        >>> custom = FrozenObject({"kenya:window": "health", "kenya:round": 2})
        >>> custom["kenya:round"], custom == {"kenya:round": 2.0, "kenya:window": "health"}
        (2, True)
        >>> custom == {"kenya:round": 2, "kenya:window": True}
        False
    """

    __slots__ = ("_hash", "_items")
    _items: dict[str, Any]
    _hash: int | None

    def __init__(self, data: Mapping[str, Any] | None = None, /) -> None:
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            raise TypeError(f"FrozenObject holds a mapping, not {type(data).__name__}")
        frozen: FrozenObject = freeze(data)
        object.__setattr__(self, "_items", frozen._items)
        object.__setattr__(self, "_hash", None)

    @classmethod
    def _wrap(cls, items: dict[str, Any]) -> FrozenObject:
        """Hold ``items``, already frozen and owned by nobody else, without a copy."""
        made = object.__new__(cls)
        object.__setattr__(made, "_items", items)
        object.__setattr__(made, "_hash", None)
        return made

    __setattr__ = _immutable
    __delattr__ = _immutable

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def keys(self) -> KeysView[str]:
        """Return the keys, in the order they were given."""
        return self._items.keys()

    def items(self) -> ItemsView[str, Any]:
        """Return the keys and their frozen values, in the order they were given."""
        return self._items.items()

    def values(self) -> ValuesView[Any]:
        """Return the frozen values, in the order of their keys."""
        return self._items.values()

    def get(self, key: str, default: Any = None) -> Any:
        """Return the value of ``key``, or ``default`` when there is none."""
        return self._items.get(key, default)

    def __eq__(self, other: object) -> bool:
        if other is self:  # as models compare custom data with their default, EMPTY
            return True
        if not isinstance(other, Mapping):
            return NotImplemented
        return _same(self, other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        if self._hash is None:
            # The values are frozen, so hashable; a frozenset forgets the order of the keys.
            object.__setattr__(self, "_hash", hash(frozenset(self._items.items())))
        return self._hash  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"FrozenObject({thaw(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Not the slots: a hash of text differs from one process to the next.
        return (FrozenObject, (self._items,))

    def __copy__(self) -> FrozenObject:
        return self

    def __deepcopy__(self, memo: object) -> FrozenObject:
        return self


class FrozenArray(tuple[Any, ...]):
    """An immutable, hashable JSON array: a tuple whose items are frozen JSON data.

    It compares equal to any list or tuple holding the same JSON data; ``true`` is not
    ``1``, and ``1`` is ``1.0``.

    Args:
        items: the items, frozen on the way in by :func:`~partnering.frozen.freeze`.

    Raises:
        UnwritableValueError: an item is what JSON cannot hold.

    Example:
        >>> FrozenArray(["water", "health"]) == ["water", "health"]
        True
        >>> FrozenArray([True]) == (1,)
        False
    """

    __slots__ = ()

    def __new__(cls, items: Iterable[Any] = (), /) -> FrozenArray:
        """Freeze ``items`` into an array; an array is kept, not copied."""
        if type(items) is FrozenArray:
            return items
        frozen: FrozenArray = freeze(items if isinstance(items, (list, tuple)) else list(items))
        return frozen

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (list, tuple)):
            return NotImplemented
        return _same(self, other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    # Equal arrays have equal items, whose hashes are equal: 1 and 1.0 hash alike.
    __hash__ = tuple.__hash__

    def __repr__(self) -> str:
        return f"FrozenArray({thaw(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenArray, (tuple(self),))

    def __copy__(self) -> FrozenArray:
        return self

    def __deepcopy__(self, memo: object) -> FrozenArray:
        return self


#: The custom data of a record that has none.
EMPTY = FrozenObject._wrap({})
