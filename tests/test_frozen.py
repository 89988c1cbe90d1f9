"""Frozen JSON data: immutable, hashable, compared as JSON compares, kept exactly for writing."""

from __future__ import annotations

import copy
import json
import math
import operator
import pickle
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering import Dataset, FrozenArray, FrozenObject, UnwritableValueError, dumps, loads
from partnering.frozen import freeze, thaw

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5)
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4)
    ),
    max_leaves=20,
)
#: Lists and objects: a frozen scalar is the scalar itself, which compares as Python does.
CONTAINERS = st.lists(JSON, max_size=4) | st.dictionaries(st.text(max_size=3), JSON, max_size=4)


def oracle(value: Any) -> Any:
    """JSON equality, worked out independently: exact numbers, booleans apart, keys unordered."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, float):  # the number it is written as, the shortest text of it
        return ("number", Fraction(repr(value)))
    if isinstance(value, (int, Decimal)):
        return ("number", Fraction(value))
    if isinstance(value, dict):
        return ("object", frozenset((key, oracle(child)) for key, child in value.items()))
    return ("array", tuple(oracle(child) for child in value))


def variant(value: Any, data: st.DataObject) -> Any:
    """A value JSON holds equal to ``value``: keys reordered, whole floats as integers."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer() and data.draw(st.booleans()):
        return int(Decimal(repr(value)))  # the whole number the float is written as
    if isinstance(value, int) and abs(value) < 2**53 and data.draw(st.booleans()):
        return float(value)
    if isinstance(value, dict):
        keys = data.draw(st.permutations(list(value)))
        return {key: variant(value[key], data) for key in keys}
    if isinstance(value, list):
        return [variant(child, data) for child in value]
    return value


def written(value: Any) -> Any:
    """The value with each float as the Decimal of the text json.dumps writes for it."""
    if isinstance(value, float):
        return Decimal(json.dumps(value))
    if isinstance(value, dict):
        return {key: written(child) for key, child in value.items()}
    if isinstance(value, list):
        return [written(child) for child in value]
    return value


@given(JSON)
def test_thawing_gives_back_exactly_what_was_frozen(value: Any) -> None:
    """Types, numbers as written, and the order of keys all survive a freeze and a thaw."""
    frozen = freeze(value)
    assert repr(thaw(frozen)) == repr(written(value))
    assert freeze([value]) == [value]  # inside an array, equality is JSON's


@given(CONTAINERS, CONTAINERS)
def test_frozen_data_compares_as_json_compares(left: Any, right: Any) -> None:
    """Equality is JSON's: true is not 1, 1 is 1.0, the order of keys does not matter."""
    expected = oracle(left) == oracle(right)
    assert (freeze(left) == freeze(right)) is expected
    assert (freeze(left) != freeze(right)) is not expected
    assert (freeze(left) == right) is expected
    assert operator.eq(left, freeze(right)) is expected


@given(CONTAINERS, st.data())
def test_equal_frozen_data_hashes_alike(value: Any, data: st.DataObject) -> None:
    """Data equal as JSON, keys in another order and numbers written otherwise, hashes alike."""
    other = variant(value, data)
    assert freeze(value) == freeze(other)
    assert hash(freeze(value)) == hash(freeze(other))


@given(JSON)
def test_frozen_data_pickles_and_copies_to_equal_data(value: Any) -> None:
    """A pickled copy is equal, hashes alike and keeps its key order."""
    frozen = freeze(value)
    copied = pickle.loads(pickle.dumps(frozen))
    assert copied == frozen
    assert hash(copied) == hash(frozen)
    assert repr(thaw(copied)) == repr(written(value))
    assert copy.copy(frozen) is frozen
    assert copy.deepcopy(frozen) is frozen


@given(st.dictionaries(st.sampled_from(["z:a", "a:z", "m:m"]), JSON, min_size=1))
def test_custom_data_is_written_back_exactly(custom: dict[str, Any]) -> None:
    """Custom data read from a file and dumped again gives the same text, keys in order."""
    text = dumps(Dataset(extensions=custom))
    assert json.loads(text)["extensions"] == custom
    assert list(json.loads(text)["extensions"]) == list(custom)
    assert dumps(loads(text)) == text


@pytest.mark.parametrize(
    ("left", "right", "equal"),
    [
        ([True], [1], False),
        ([False], [0], False),
        ([1], [1.0], True),
        ({"a": 1, "b": [None]}, {"b": [None], "a": 1.0}, True),
        ({"a": None}, {"a": False}, False),
        ([[]], [{}], False),
        (["1"], [1], False),
        # A float is the number it is written as: 2.0**64 is written 1.8446744073709552e+19.
        ([2**64], [float(2**64)], False),
        ([18446744073709552000], [float(2**64)], True),
        ([2**53 + 1], [float(2**53 + 1)], False),
        ([0.1], [Decimal("0.1")], True),
        ([0.30000000000000004], [Decimal("0.3")], False),
        ([Decimal("0.30000000000000000001")], [Decimal("0.3")], False),
        ([Decimal("25.0")], [25], True),
        ([Decimal("1E-400")], [0], False),
    ],
)
def test_json_equality_by_hand(left: Any, right: Any, equal: bool) -> None:
    """Worked examples of JSON equality, both ways round."""
    assert (freeze(left) == freeze(right)) is equal
    assert (freeze(right) == left) is equal


def test_a_frozen_object_is_a_read_only_mapping() -> None:
    """It reads like a dict, in the order given, and refuses every change."""
    frozen = FrozenObject({"b": [1, {"c": None}], "a": "x"})
    assert (len(frozen), list(frozen), "a" in frozen, "q" in frozen) == (2, ["b", "a"], True, False)
    assert frozen["a"] == "x"
    assert frozen.get("q", 5) == 5
    assert list(frozen.items()) == [("b", FrozenArray([1, {"c": None}])), ("a", "x")]
    assert type(frozen["b"]) is FrozenArray
    assert type(frozen["b"][1]) is FrozenObject
    with pytest.raises(TypeError):
        frozen["a"] = "y"  # type: ignore[index]
    with pytest.raises(AttributeError, match="immutable"):
        frozen.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="immutable"):
        del frozen._items
    assert repr(frozen) == "FrozenObject({'b': [1, {'c': None}], 'a': 'x'})"


def test_a_frozen_array_is_a_tuple_that_compares_as_json() -> None:
    """Arrays equal lists and tuples of the same JSON, whichever side the comparison starts."""
    assert FrozenArray(["water", "health"]) == ["water", "health"]
    assert FrozenArray([1]) == (1.0,)
    assert FrozenArray([True]) != (1,)
    # Compared from the plain side, the frozen side's own comparison still decides.
    assert operator.ne((1,), FrozenArray([True]))
    assert operator.ne([0], FrozenArray([False]))
    assert FrozenArray(iter([1, 2])) == [1, 2]
    assert FrozenArray(FrozenArray([1])) == [1]
    assert repr(FrozenArray([1, {"a": []}])) == "FrozenArray([1, {'a': []}])"
    with pytest.raises(AttributeError):
        FrozenArray([1]).append(2)  # type: ignore[attr-defined]


def test_objects_and_arrays_are_never_equal_to_other_kinds() -> None:
    """A JSON object is not an array, nor text; comparisons with other types fall back."""
    assert FrozenObject({}) != FrozenArray([])
    assert FrozenObject({"a": 1}) != "a"
    assert FrozenObject({"a": [1]}) != {"a": (True,)}
    assert FrozenObject({"a": 1}) != {"a": 1, "b": 2}
    assert FrozenObject({"a": 1, "b": 2}) != {"a": 1, "c": 2}
    assert FrozenObject({}) == {}


def test_frozen_values_are_kept_not_copied() -> None:
    """Freezing what is frozen returns it; thawing what is not frozen returns it."""
    frozen = FrozenObject({"a": [1]})
    assert freeze(frozen) is frozen
    assert FrozenObject(frozen)["a"] is frozen["a"]
    marker = object()
    assert thaw(marker) is marker


def test_subclasses_of_json_types_become_their_base_type() -> None:
    """A str or int subclass is frozen as the plain value json.dumps would write."""

    class Text(str):
        pass

    class Whole(int):
        pass

    class Real(float):
        pass

    frozen = freeze({Text("k"): [Text("v"), Whole(3), Real(2.5)]})
    assert [type(value) for value in frozen["k"]] == [str, int, Decimal]
    assert type(next(iter(frozen))) is str
    with pytest.raises(UnwritableValueError):
        freeze([Real(math.nan)])


def test_freezing_refuses_what_json_cannot_hold_and_says_where() -> None:
    """The error names the place inside the data, the code and the problem."""
    with pytest.raises(UnwritableValueError) as caught:
        freeze({"a": [1, {"b": {1, 2}}]})
    error = caught.value
    assert (error.path, error.pointer, error.code) == (("a", 1, "b"), "/a/1/b", "not-json-data")
    assert error.problem == "is a set; JSON has lists, not sets"
    assert str(error) == "the value at /a/1/b is a set; JSON has lists, not sets"
    with pytest.raises(TypeError, match="holds a mapping, not list"):
        FrozenObject([("a", 1)])  # type: ignore[arg-type]


def test_freezing_data_deeper_than_the_stack_is_refused_not_crashed() -> None:
    """Data too deep for the recursion is an UnwritableValueError, not a RecursionError."""
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(UnwritableValueError) as caught:
        freeze(deep)
    assert caught.value.code == "json-too-deep"
