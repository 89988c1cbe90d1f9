"""Strict conversion between models and JSON data, with one converter made by a factory.

The converter never coerces (``5`` is not a string, ``"5"`` is not an integer, ``true`` is
not ``1``; as in JSON Schema, ``25.0`` is the whole number ``25``), never accepts ``null``
(an absent value is left out), and never drops anything (an unknown field is an error;
custom data goes under ``extensions``). When data does not fit, :func:`structure` raises
:class:`~partnering.errors.InvalidDocumentError`, whose report holds an
:class:`~partnering.report.Issue` for every problem, with the codes, paths and words the
schema layer of validation gives; :func:`explain` does the same for the exceptions of a
converter from :func:`make_converter`.

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

import functools
import math
import operator
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, TypeVar, Union, cast, overload

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

from partnering._constraints import Breach, Keys, Omitted
from partnering._jsondata import Finding, data_issue
from partnering._patterns import DATE, DATETIME, PARTIAL_DATE
from partnering._text import safe_text
from partnering._wording import (
    issue,
    missing,
    not_a_code,
    not_a_date,
    not_a_partial_date,
    not_a_time,
    null_value,
    record_noun,
    unknown_field,
    words,
    wrong_type,
)
from partnering.codelists import CodeList
from partnering.errors import InvalidDocumentError, InvalidValueError, UnwritableValueError
from partnering.frozen import FrozenArray, FrozenObject, freeze, thaw
from partnering.models import Dataset
from partnering.partial_dates import PartialDate, read_date_of_1_1
from partnering.report import Issue, Path, Report

__all__ = ["Path", "explain", "make_converter", "structure", "unstructure"]

T = TypeVar("T")


class _MismatchError(ValueError):
    """Raised by the structure hooks: the breach, worded as the schema layer words it."""

    def __init__(self, breach: Breach, value: object = attrs.NOTHING) -> None:
        super().__init__(breach.problem)
        self.breach = breach
        self.value = value


def _expect(value: object, wanted: str) -> _MismatchError:
    """Refuse a value that is not of the JSON type ``wanted`` (``string``, ``integer``...)."""
    return _MismatchError(wrong_type(wanted, value), attrs.NOTHING if value is None else value)


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _expect(value, "string")
    return value


def _structure_int(value: object, _: type) -> int:
    # JSON has one number type: as in JSON Schema, 25.0 is the whole number 25. The strict
    # reader reads it as Decimal('25.0'), exactly, so 1E-400 is no whole number, and 1E+300
    # is exactly 10**300, which the field's range then refuses.
    if type(value) is Decimal and value.is_finite() and value == value.to_integral_value():
        return int(value)
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is not int:
        raise _expect(value, "integer")
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    # An exact number: the strict reader gives a Decimal for a number with a fraction or an
    # exponent and an int for a whole one. A float (from another JSON reader) is taken as the
    # shortest text that reads back as it, which is what was written; never its binary value.
    if type(value) is Decimal:
        return value
    if type(value) is int:
        return Decimal(value)
    if type(value) is float and math.isfinite(value):
        return Decimal(repr(value))
    raise _expect(value, "number")


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expect(value, "boolean")
    return value


def _structure_date(value: object, _: type) -> date:
    if type(value) is not str:
        raise _expect(value, "string")
    if DATE.matches(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _MismatchError(not_a_date(), value)


def _structure_date_or_partial(value: object, _: Any) -> date | PartialDate:
    if type(value) is not str:
        raise _expect(value, "string")
    if PARTIAL_DATE.matches(value):
        try:
            return read_date_of_1_1(value)
        except ValueError:
            pass
    raise _MismatchError(not_a_partial_date(), value)


def _is_date_or_partial(type_: Any) -> bool:
    origin = typing.get_origin(type_)
    return origin in (Union, types.UnionType) and set(typing.get_args(type_)) == {
        date,
        PartialDate,
    }


def _structure_datetime(value: object, _: type) -> datetime:
    if type(value) is not str:
        raise _expect(value, "string")
    if DATETIME.matches(value):
        try:
            return datetime.fromisoformat(value[:-1]).replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    raise _MismatchError(not_a_time(), value)


def _unstructure_datetime(value: datetime) -> str:
    # isoformat, unlike strftime("%Y"), writes years before 1000 with four digits.
    utc = value.astimezone(timezone.utc).replace(tzinfo=None)
    return utc.isoformat(timespec="seconds") + "Z"


def _structure_code(value: object, code_list: type[CodeList]) -> CodeList:
    if type(value) is not str:
        raise _expect(value, "string")
    member = code_list._value2member_map_.get(value)
    if member is None:
        breach = not_a_code(value, words(code_list.__name__), code_list.codes())
        raise _MismatchError(breach, value)
    return cast(CodeList, member)


def _structure_extensions(value: object, _: type) -> FrozenObject:
    if type(value) is not dict:
        raise _expect(value, "object")
    if not value:
        raise _MismatchError(Keys.empty())
    # Frozen: the model shares nothing mutable with the caller's data. What JSON cannot hold
    # raises UnwritableValueError, which explain() reports at its place.
    frozen: FrozenObject = freeze(value)
    return frozen


def _is_extensions(type_: Any) -> bool:
    return bool(type_ == Mapping[str, Any])


def _is_optional(type_: Any) -> bool:
    origin = typing.get_origin(type_)
    return origin in (Union, types.UnionType) and type(None) in typing.get_args(type_)


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _optional_hook_factory(type_: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    options = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    inner: Any = options[0] if len(options) == 1 else functools.reduce(operator.or_, options)
    inner_hook = converter.get_structure_hook(inner)

    def structure_optional(value: object, _: Any) -> Any:
        if value is None:
            raise _MismatchError(null_value())
        return inner_hook(value, inner)

    return structure_optional


def _tuple_hook_factory(
    type_: Any, converter: cattrs.Converter
) -> Callable[[object, Any], tuple[Any, ...]]:
    item_type = typing.get_args(type_)[0]
    item_hook = converter.get_structure_hook(item_type)

    def structure_tuple(value: object, _: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise _expect(value, "array")
        if not value:
            raise _MismatchError(Omitted.empty())
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
            problem = _expect(value, "object")
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
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_structure_hook_func(_is_date_or_partial, _structure_date_or_partial)
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
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    # Custom data is written as the plain JSON it was read from.
    converter.register_unstructure_hook_func(_is_extensions, thaw)
    converter.register_unstructure_hook(FrozenObject, thaw)
    converter.register_unstructure_hook(FrozenArray, thaw)
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


@overload
def structure(data: object) -> Dataset: ...
@overload
def structure(data: object, cls: type[T]) -> T: ...
def structure(data: object, cls: type[Any] = Dataset) -> Any:
    """Build a model from JSON data, strictly.

    Raises:
        InvalidDocumentError: the data does not fit; its report has an issue for every
            problem, as validation reports it.

    Example:
        >>> structure({"schema_version": "1.0", "title": "Empty"}).title
        'Empty'
        >>> try:
        ...     structure({"schema_version": "1.0", "title": 5})
        ... except InvalidDocumentError as error:
        ...     [(issue.pointer, issue.code) for issue in error.report.issues]
        [('/title', 'wrong-type')]
    """
    try:
        return _converter().structure(data, cls)
    except (
        cattrs.BaseValidationError,
        _MismatchError,
        InvalidValueError,
        UnwritableValueError,
    ) as error:
        raise InvalidDocumentError(Report.of(explain(error))) from error


def unstructure(model: object) -> Any:
    """Turn a model into JSON data; absent values and empty lists are left out.

    Example:
        >>> unstructure(Dataset(title="Empty"))
        {'schema_version': '1.1', 'title': 'Empty'}
    """
    return _converter().unstructure(model)


def explain(error: BaseException, path: Path = ()) -> list[Issue]:
    """Turn an exception of the converter into issues with exact paths, in a stable order.

    :func:`~partnering.structure` does this itself; call it for a converter of your own from
    :func:`~partnering.make_converter`.

    Args:
        error: what the converter raised.
        path: where the converted data lies in its document; it starts every issue's path.

    Returns:
        An :class:`~partnering.report.Issue` for every problem, with the code, severity,
        words and hint the schema layer of validation gives.

    Example:
        >>> import cattrs
        >>> data = {"schema_version": "1.0", "title": 5, "nmae": "x"}
        >>> try:
        ...     make_converter().structure(data, Dataset)
        ... except cattrs.BaseValidationError as error:
        ...     for found in explain(error):
        ...         print(found.pointer, found.code, found.message)
        /title wrong-type 'title' must be text, not a number
        /nmae unknown-field 'nmae' is not a field of a dataset
    """
    return sorted(_walk(error, path), key=lambda found: found.sort_key)


def _noun(path: Path, model: type[Any]) -> str:
    """Name the object at ``path``: a record by its entity list, another by its model."""
    return record_noun(path) or words(model.__name__)


def _walk(error: BaseException, path: Path) -> Iterator[Issue]:
    if isinstance(error, ClassValidationError):
        with_notes, without_notes = error.group_exceptions()
        for child, attribute_note in with_notes:
            where = (*path, attribute_note.name)
            if isinstance(child, KeyError):  # the field is missing
                yield issue(missing(_noun(path, error.cl)), where)
            else:
                yield from _walk(child, where)
        for child in without_notes:
            yield from _walk(child, path)
    elif isinstance(error, IterableValidationError):
        with_index, without_index = error.group_exceptions()
        for child, item_note in with_index:
            yield from _walk(child, (*path, item_note.index))
        for child in without_index:
            yield from _walk(child, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        known = [field.name for field in attrs.fields(error.cl)]
        for name in sorted(error.extra_fields):
            yield issue(unknown_field(name, _noun(path, error.cl), known), (*path, name))
    elif isinstance(error, cattrs.BaseValidationError):  # a group we do not know: flatten it
        for child in error.exceptions:
            yield from _walk(child, path)
    elif isinstance(error, _MismatchError):
        yield issue(error.breach, path, value=error.value)
    elif isinstance(error, UnwritableValueError):  # custom data that JSON cannot hold
        yield data_issue(Finding((*path, *error.path), error.code, error.problem))
    elif isinstance(error, InvalidValueError):
        where = (*path, error.field) if error.item is None else (*path, error.field, error.item)
        yield issue(Breach(error.code, error.problem), where)
    elif isinstance(error, KeyError):  # pragma: no cover - cattrs notes which field it is
        yield issue(missing(None), path)
    else:
        problem = f"could not be read: {safe_text(str(error))}"
        yield issue(Breach("invalid-value", problem), path)
