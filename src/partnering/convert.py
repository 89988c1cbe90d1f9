"""Strict conversion between models and JSON data, with one converter made by a factory.

The converter never coerces (``5`` is not a string, ``"5"`` is not an integer, ``true`` is
not ``1``; as in JSON Schema, ``25.0`` is the whole number ``25``), never accepts ``null``
(an absent value is left out), and never drops anything (an unknown field is an error;
custom data goes under ``extensions``). When structuring fails,
:func:`explain` turns cattrs' exception tree into :class:`Problem` values with exact paths.

Example:
    >>> from partnering.models import Partner
    >>> converter = make_converter()
    >>> partner = converter.structure(
    ...     {"id": "tpi", "name": "The Partnering Initiative", "organisation_type": "21"}, Partner
    ... )
    >>> partner.organisation_type.title
    'International NGO'
    >>> converter.unstructure(partner)["organisation_type"]
    '21'
"""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timezone
from typing import Any, TypeVar, Union, cast

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from partnering._patterns import DATE, DATETIME
from partnering._text import json_type
from partnering.codelists import CodeList
from partnering.errors import InvalidValueError
from partnering.models import Dataset

__all__ = ["Path", "Problem", "explain", "make_converter", "structure", "unstructure"]

T = TypeVar("T")

#: A location in a document: object keys and array indices, from the root.
Path = tuple[str | int, ...]


@attrs.frozen
class Problem:
    """One reason why data could not become a model.

    Attributes:
        path: where the problem is, as keys and indices from the root.
        code: a stable identifier of the kind of problem, shared with validation.
        message: what is wrong, in words.
    """

    path: Path
    code: str
    message: str


class _MismatchError(ValueError):
    """Raised by the structure hooks with the code of the problem."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _expect(value: object, wanted: str) -> _MismatchError:
    if value is None:
        return _MismatchError("null-value", f"null is not allowed here: expected {wanted}")
    return _MismatchError("wrong-type", f"expected {wanted}, got {json_type(value)}")


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _expect(value, "a string")
    return value


def _structure_int(value: object, _: type) -> int:
    # JSON has one number type: as in JSON Schema, 25.0 is the whole number 25.
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is not int:
        raise _expect(value, "a whole number")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expect(value, "true or false")
    return value


def _structure_date(value: object, _: type) -> date:
    if type(value) is not str:
        raise _expect(value, "a date written as YYYY-MM-DD")
    if DATE.matches(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _MismatchError("invalid-format", "expected a real date written as YYYY-MM-DD")


def _structure_datetime(value: object, _: type) -> datetime:
    if type(value) is not str:
        raise _expect(value, "a UTC time such as 2026-01-31T09:30:00Z")
    if DATETIME.matches(value):
        try:
            return datetime.fromisoformat(value[:-1]).replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    raise _MismatchError("invalid-format", "expected a real UTC time such as 2026-01-31T09:30:00Z")


def _unstructure_datetime(value: datetime) -> str:
    # isoformat, unlike strftime("%Y"), writes years before 1000 with four digits.
    utc = value.astimezone(timezone.utc).replace(tzinfo=None)
    return utc.isoformat(timespec="seconds") + "Z"


def _structure_code(value: object, code_list: type[CodeList]) -> CodeList:
    if type(value) is not str:
        raise _expect(value, f"one of the codes of {code_list.__name__}")
    member = code_list._value2member_map_.get(value)
    if member is None:
        raise _MismatchError("unknown-code", f"{value!r} is not a code of {code_list.__name__}")
    return cast(CodeList, member)


def _structure_extensions(value: object, _: type) -> dict[str, Any]:
    if type(value) is not dict:
        raise _expect(value, "an object of namespaced custom fields")
    if not value:
        raise _MismatchError("empty-object", "an empty object is written by leaving the field out")
    # A deep copy, so the model does not share mutable state with the caller's data.
    return copy.deepcopy(value)


def _is_extensions(type_: Any) -> bool:
    return bool(type_ == Mapping[str, Any])


def _is_optional(type_: Any) -> bool:
    origin = typing.get_origin(type_)
    return origin in (Union, types.UnionType) and type(None) in typing.get_args(type_)


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _optional_hook_factory(type_: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    (inner,) = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    inner_hook = converter.get_structure_hook(inner)

    def structure_optional(value: object, _: Any) -> Any:
        if value is None:
            raise _MismatchError("null-value", "null is not allowed: leave the field out instead")
        return inner_hook(value, inner)

    return structure_optional


def _tuple_hook_factory(
    type_: Any, converter: cattrs.Converter
) -> Callable[[object, Any], tuple[Any, ...]]:
    item_type = typing.get_args(type_)[0]
    item_hook = converter.get_structure_hook(item_type)

    def structure_tuple(value: object, _: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise _expect(value, "a list")
        if not value:
            raise _MismatchError("empty-list", "an empty list is written by leaving the field out")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as error:
                note = IterableValidationNote(f"item {index}", index, item_type)
                # cattrs reads locations from exception notes; 3.10 has no add_note().
                error.__notes__ = [*getattr(error, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"while structuring {type_!r}", errors, type_)
        return tuple(items)

    return structure_tuple


def _attrs_hook_factory(
    cls: type[Any], converter: cattrs.Converter
) -> Callable[[object, Any], Any]:
    generated = make_dict_structure_fn(cls, converter)
    required_in_files = [
        field.name for field in attrs.fields(cls) if field.metadata.get("required_in_files")
    ]

    def structure_object(value: object, _: Any) -> Any:
        if type(value) is not dict:
            # Wrapped as cattrs wraps every other problem, so callers catch one exception type.
            problem = _expect(value, "an object")
            raise ClassValidationError(f"while structuring {cls.__name__}", [problem], cls)
        for name in required_in_files:
            if name not in value:
                error = KeyError(name)
                note = AttributeValidationNote(f"field {name}", name, str)
                error.__notes__ = [note]  # type: ignore[attr-defined]
                raise ClassValidationError(f"while structuring {cls.__name__}", [error], cls)
        return generated(value, cls)

    return structure_object


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """Make the strict converter between the models and JSON data.

    Args:
        detailed_validation: collect every problem with its location (the default), or stop
            at the first one, which is faster when the data is already known to be valid.

    Example:
        >>> converter = make_converter()
        >>> converter.structure("2014-04-13", date)
        datetime.date(2014, 4, 13)
    """
    converter = cattrs.Converter(
        omit_if_default=True,
        forbid_extra_keys=True,
        detailed_validation=detailed_validation,
    )
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_structure_hook_func(_is_extensions, _structure_extensions)
    converter.register_structure_hook_func(
        lambda type_: isinstance(type_, type) and issubclass(type_, CodeList), _structure_code
    )
    converter.register_structure_hook_factory(
        _is_optional, lambda type_: _optional_hook_factory(type_, converter)
    )
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda type_: _tuple_hook_factory(type_, converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: _attrs_hook_factory(cls, converter)
    )

    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, _unstructure_datetime)
    converter.register_unstructure_hook_func(
        lambda type_: isinstance(type_, type) and issubclass(type_, CodeList),
        lambda member: member.value,
    )
    converter.register_unstructure_hook(
        Dataset,
        # Every file states its format version, even when it is the default.
        make_dict_unstructure_fn(
            Dataset,
            converter,
            _cattrs_omit_if_default=True,
            schema_version=override(omit_if_default=False),
        ),
    )
    return converter


_default_converter: cattrs.Converter | None = None


def _converter() -> cattrs.Converter:
    global _default_converter
    if _default_converter is None:
        _default_converter = make_converter()
    return _default_converter


def structure(data: object, cls: type[T] = Dataset) -> T:  # type: ignore[assignment]
    """Build a model from JSON data, strictly.

    Raises:
        cattrs.BaseValidationError: the data does not fit; :func:`explain` says why.

    Example:
        >>> structure({"schema_version": "1.0", "title": "Empty"}).title
        'Empty'
    """
    return _converter().structure(data, cls)


def unstructure(model: object) -> Any:
    """Turn a model into JSON data; absent values and empty lists are left out.

    Example:
        >>> unstructure(Dataset(title="Empty"))
        {'schema_version': '1.0', 'title': 'Empty'}
    """
    return _converter().unstructure(model)


def explain(error: BaseException, path: Path = ()) -> list[Problem]:
    """Turn an exception raised while structuring into problems with exact paths.

    Example:
        >>> import cattrs
        >>> try:
        ...     structure({"schema_version": "1.0", "title": 5, "nmae": "x"})
        ... except cattrs.BaseValidationError as error:
        ...     for problem in explain(error):
        ...         print(problem.path, problem.code)
        ('nmae',) unknown-field
        ('title',) wrong-type
    """
    return sorted(_walk(error, path), key=lambda problem: (_sort_key(problem.path), problem.code))


def _sort_key(path: Path) -> tuple[tuple[int, str, int], ...]:
    return tuple((0, "", part) if isinstance(part, int) else (1, part, 0) for part in path)


def _walk(error: BaseException, path: Path) -> Iterator[Problem]:
    if isinstance(error, ClassValidationError):
        with_notes, without_notes = error.group_exceptions()
        for child, attribute_note in with_notes:
            yield from _walk(child, (*path, attribute_note.name))
        for child in without_notes:
            yield from _walk(child, path)
    elif isinstance(error, IterableValidationError):
        with_index, without_index = error.group_exceptions()
        for child, item_note in with_index:
            yield from _walk(child, (*path, item_note.index))
        for child in without_index:
            yield from _walk(child, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        for name in sorted(error.extra_fields):
            yield Problem((*path, name), "unknown-field", f"unknown field {name!r}")
    elif isinstance(error, cattrs.BaseValidationError):  # a group we do not know: flatten it
        for child in error.exceptions:
            yield from _walk(child, path)
    elif isinstance(error, _MismatchError):
        yield Problem(path, error.code, error.message)
    elif isinstance(error, InvalidValueError):
        where = (*path, error.field) if error.item is None else (*path, error.field, error.item)
        yield Problem(where, error.code, error.problem)
    elif isinstance(error, KeyError):
        yield Problem(path, "missing-field", "this required field is missing")
    else:
        yield Problem(path, "invalid-value", str(error))
