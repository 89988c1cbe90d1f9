"""Build the models of a document the schema has accepted, without checking it again.

A document the schema and rules accept is built into models by functions generated from the
models' fields. They skip the checks the schema has just made (types, required and unknown
fields, the attrs validators) without switching attrs validators off for the whole process;
the values they build are equal to the converter's (:func:`partnering.convert.structure`).

Example:
    >>> structure({"schema_version": "1.0", "title": "Mine"}).title
    'Mine'
"""

from __future__ import annotations

import datetime
import decimal
import functools
import operator
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from partnering.codelists import CodeList
from partnering.frozen import freeze
from partnering.models import Dataset
from partnering.partial_dates import PartialDate

__all__ = ["structure"]

_UTC = datetime.timezone.utc
_EXTENSIONS = Mapping[str, Any]


def _structure_datetime(value: str) -> datetime.datetime:
    # As the converter reads it: the schema allows only "YYYY-MM-DDTHH:MM:SSZ".
    return datetime.datetime.fromisoformat(value[:-1]).replace(tzinfo=_UTC)


class _Generator:
    """Writes one structuring function per model, as Python source, and compiles it."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_new": object.__new__,
            "_date": datetime.date.fromisoformat,
            "_partial": PartialDate.fromisoformat,
            "_datetime": _structure_datetime,
            "_freeze": freeze,
            "_tuple": tuple,
            "_map": map,
            "_int": int,
            "_decimal": decimal.Decimal,
        }
        self.functions: dict[type[Any], str] = {}

    def name(self, value: object, prefix: str) -> str:
        """Put a value in the namespace of the generated code, and return its name."""
        name = f"_{prefix}{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def convert(self, type_: Any, expression: str) -> str:
        """Return an expression building a value of ``type_`` from JSON ``expression``."""
        origin = typing.get_origin(type_)
        if type_ is str or type_ is bool:
            return expression
        if type_ is int:
            # As in the converter and JSON Schema: 25.0 is the whole number 25.
            return f"({expression} if type({expression}) is int else _int({expression}))"
        if type_ is decimal.Decimal:
            # The strict reader gives a Decimal, or an int for a whole number: both exact.
            return f"_decimal({expression})"
        if type_ is datetime.date:
            return f"_date({expression})"
        if type_ is datetime.datetime:
            return f"_datetime({expression})"
        if origin in (typing.Union, types.UnionType) and set(typing.get_args(type_)) == {
            datetime.date,
            PartialDate,
        }:
            # The schema has accepted the text: ten characters are a day, fewer a month or year.
            return f"(_date({expression}) if len({expression}) == 10 else _partial({expression}))"
        if isinstance(type_, type) and issubclass(type_, CodeList):
            members = self.name(type_._value2member_map_, "codes")
            return f"{members}[{expression}]"
        if type_ == _EXTENSIONS:
            # As the field's converter does: custom data is frozen, shared with nobody.
            return f"_freeze({expression})"
        if attrs.has(type_):
            return f"{self.function(type_)}({expression})"
        if origin is tuple:
            (item, _) = typing.get_args(type_)
            built = self.convert(item, "x")
            if built == "x":
                return f"_tuple({expression})"
            if item is int:
                # int() returns an int as it is, and 25.0 as 25: no step in Python for each.
                return f"_tuple(_map(_int, {expression}))"
            if isinstance(item, type) and issubclass(item, CodeList):
                members = self.name(item._value2member_map_.__getitem__, "codes")
                return f"_tuple(_map({members}, {expression}))"
            if attrs.has(item):
                return f"_tuple(_map({self.function(item)}, {expression}))"
            return f"_tuple([{built} for x in {expression}])"
        raise TypeError(f"no fast structuring for {type_!r}")  # pragma: no cover

    def default(self, default: object) -> str:
        """Return an expression giving a field's default, a new one each time for a factory."""
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = default.factory  # type: ignore[attr-defined]
            if factory is tuple:
                return "()"
            return f"{self.name(factory, 'factory')}()"
        return self.name(default, "default")

    def function(self, cls: type[Any]) -> str:
        """Return the name of the function that builds ``cls``, writing it if needed."""
        if cls in self.functions:
            return self.functions[cls]
        plain = "__slots__" in cls.__dict__ and not hasattr(cls, "__attrs_post_init__")
        if not plain:  # pragma: no cover - every model is a plain slotted attrs class
            raise TypeError(f"{cls.__name__} needs the converter")
        name = f"_structure_{cls.__name__}_{len(self.functions)}"
        self.functions[cls] = name
        hints = typing.get_type_hints(cls)
        lines = [f"def {name}(d):", f"    o = _new({self.name(cls, 'cls')})"]
        for field in attrs.fields(cls):
            type_ = hints[field.name]
            # Converters turn plain Python values into models, and freeze custom data; the data
            # here is JSON the schema accepted, which the code below builds exactly (freezing
            # custom data itself), so converters are skipped as validators are.
            if field.alias != field.name:  # pragma: no cover
                raise TypeError(f"{cls.__name__}.{field.name} needs the converter")
            arguments = typing.get_args(type_)
            if typing.get_origin(type_) in (typing.Union, types.UnionType):
                options = [argument for argument in arguments if argument is not type(None)]
                type_ = options[0] if len(options) == 1 else functools.reduce(operator.or_, options)
            # A member descriptor sets the slot without the frozen class's __setattr__, as
            # attrs' own __init__ does, and without running the validators.
            setter = self.name(cls.__dict__[field.name].__set__, "set")
            if field.default is attrs.NOTHING:
                built = self.convert(type_, f"d[{field.name!r}]")
                lines.append(f"    {setter}(o, {built})")
                continue
            # The schema allows no null, so None stands for an absent field.
            built = self.convert(type_, "v")
            if field.default is None and built == "v":  # as written, absent or not
                lines.append(f"    {setter}(o, d.get({field.name!r}))")
                continue
            lines.append(f"    v = d.get({field.name!r})")
            if field.default is None:
                value = f"None if v is None else {built}"
            else:
                value = f"{self.default(field.default)} if v is None else {built}"
            lines.append(f"    {setter}(o, {value})")
        lines.append("    return o")
        # Our own source, written from our models: nothing of the document is in it.
        exec("\n".join(lines), self.namespace)
        return name


@functools.cache
def _structure_dataset() -> Callable[[Mapping[str, Any]], Dataset]:
    generator = _Generator()
    name = generator.function(Dataset)
    built: Callable[[Mapping[str, Any]], Dataset] = generator.namespace[name]
    return built


def structure(data: Mapping[str, Any]) -> Dataset:
    """Build the dataset of a document that the schema has accepted.

    The result equals what :func:`partnering.convert.structure` builds. Only call it on data
    that has no schema issue: it does not check the data again.

    Example:
        >>> structure({"schema_version": "1.0", "title": "Mine"}).published_at is None
        True
    """
    return _structure_dataset()(data)
