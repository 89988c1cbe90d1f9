"""Strategies for whole records, derived from what the models declare about each field.

A field's strategy follows from its type annotation (text, whole number, boolean, date, time,
code list, custom data, a nested model, an optional value or a tuple of any of those) and from
the constraints in its metadata (:mod:`partnering._constraints`). A record's strategy draws
every field, so a field added to a model is drawn without a change here. What the
declarations cannot say is given to a :class:`Derivation` as overrides: a strategy for one
field, or a fix that makes one record's fields agree with each other.

Example:
    >>> from hypothesis import find
    >>> from partnering.models import Source
    >>> find(FREE.record(Source), lambda source: source.year is not None).year
    1000
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from partnering._constraints import Constraint, Each, Keys, constraints_of
from partnering._format import SCHEMA_VERSION, holds
from partnering.codelists import CodeList
from partnering.models import Partner, Publisher
from partnering.partial_dates import PartialDate
from partnering.strategies import _values as values

#: The values of a record's fields, by field name, before the record is built.
Values = dict[str, Any]
#: Makes the fields of one record agree with each other; it may draw more values.
Fix = Callable[[st.DrawFn, Values], Values]
#: A field of a model, as ``(model, field name)``.
FieldKey = tuple[type[Any], str]


@attrs.frozen(eq=False)
class Derivation:
    """Derive a strategy for each field and each record of the models.

    Attributes:
        overrides: a strategy for each field whose declarations do not say enough.
        fixes: for some models, the fixes applied in turn to the drawn fields of each record.
        latest: the fields whose dates, or the dates of whose items, lie on or before a day.
        version: the version of the format drawn: fields of later versions are left out, and
            values a field gained later are not drawn.
    """

    overrides: Mapping[FieldKey, st.SearchStrategy[Any]] = attrs.field(factory=dict)
    fixes: Mapping[type[Any], tuple[Fix, ...]] = attrs.field(factory=dict)
    latest: Mapping[FieldKey, date] = attrs.field(factory=dict)
    version: str = SCHEMA_VERSION
    _fields: dict[FieldKey, st.SearchStrategy[Any]] = attrs.field(init=False, factory=dict)
    _values: dict[tuple[type[Any], frozenset[str]], st.SearchStrategy[Values]] = attrs.field(
        init=False, factory=dict
    )
    _records: dict[type[Any], st.SearchStrategy[Any]] = attrs.field(init=False, factory=dict)

    def field(self, model: type[Any], name: str) -> st.SearchStrategy[Any]:
        """Return the strategy of one field of a model.

        Example:
            >>> from hypothesis import find
            >>> from partnering.models import Platform
            >>> find(FREE.field(Platform, "sdgs"), lambda goals: len(goals) == 2)
            (1, 2)
        """
        key = (model, name)
        found = self._fields.get(key)
        if found is None:
            attribute = attrs.fields_dict(model)[name]
            found = self.overrides.get(key)
            if name == "schema_version":
                found = st.just(self.version)
            elif found is None:
                annotation = typing.get_type_hints(model)[name]
                before = attribute.metadata.get("required_before")
                if before is not None and not holds(before, self.version):
                    # Older files must hold the field: draw it always, rather than filter.
                    (annotation,) = (a for a in typing.get_args(annotation) if a is not type(None))
                found = self._annotated(annotation, constraints_of(attribute), self.latest.get(key))
            value_since = attribute.metadata.get("value_since")
            if value_since is not None and self.version != SCHEMA_VERSION:
                version = self.version
                found = found.filter(lambda value: holds(value_since(value), version))
            self._fields[key] = found
        return found

    def values(self, model: type[Any], without: Collection[str] = ()) -> st.SearchStrategy[Values]:
        """Return the strategy of the fields of one record, except those named in ``without``.

        The model's fixes, if it has any, are applied to what is drawn.

        Example:
            >>> from hypothesis import find
            >>> from partnering.models import Source
            >>> find(FREE.values(Source, without={"url", "year"}), lambda fields: True)
            {'title': '0', 'publisher': None}
        """
        key = (model, frozenset(without))
        found = self._values.get(key)
        if found is None:
            drawn = st.fixed_dictionaries(
                {
                    field.name: self.field(model, field.name)
                    for field in attrs.fields(model)
                    if field.name not in key[1] and self.holds(field)
                }
            )
            fixes = self.fixes.get(model, ())
            found = self._values[key] = _fixed(drawn, fixes) if fixes else drawn
        return found

    def holds(self, field: attrs.Attribute[Any]) -> bool:
        """Tell whether the version drawn has ``field``; a field it lacks keeps its default."""
        return holds(field.metadata.get("since", "1.0"), self.version)

    def record(self, model: type[Any]) -> st.SearchStrategy[Any]:
        """Return the strategy of whole records of one model.

        Example:
            >>> from hypothesis import find
            >>> from partnering.models import Membership
            >>> len(find(FREE.record(Membership), lambda member: len(member.roles) > 1).roles)
            2
        """
        found = self._records.get(model)
        if found is None:
            found = self._records[model] = self.values(model).map(lambda fields: model(**fields))
        return found

    def _annotated(
        self, annotation: Any, constraints: Collection[Constraint], latest: date | None
    ) -> st.SearchStrategy[Any]:
        """Build values of a type annotation that meet the constraints declared with it."""
        origin = typing.get_origin(annotation)
        arguments = typing.get_args(annotation)
        if origin in (typing.Union, types.UnionType):
            options = [argument for argument in arguments if argument is not type(None)]
            if set(options) == {date, PartialDate}:
                # A day or, from 1.1, a month or a year: drawn by version, rather than filtered.
                either: st.SearchStrategy[date | PartialDate] = values.dates(latest)
                if holds("1.1", self.version):
                    either = st.one_of(either, values.partial_dates(latest))
                return values.maybe(either)
            (inner,) = options
            return values.maybe(self._annotated(inner, constraints, latest))
        if origin is tuple:
            # Each item meets the constraints under Each; the tuple, the others.
            each = [inner for c in constraints if isinstance(c, Each) for inner in c.constraints]
            return values.tuples(
                self._annotated(arguments[0], each, latest),
                unique=values.distinct_items(constraints),
                min_size=values.fewest_items(constraints),
            )
        if origin is not None and issubclass(origin, Mapping):
            (keys,) = (c.pattern for c in constraints if isinstance(c, Keys))
            return values.custom_data(keys)
        return self._leaf(annotation, constraints, latest)

    def _leaf(
        self, annotation: Any, constraints: Collection[Constraint], latest: date | None
    ) -> st.SearchStrategy[Any]:
        if annotation is str:
            return values.texts(constraints)
        if annotation is bool:
            return st.booleans()
        if annotation is int:
            return values.integers(constraints)
        if annotation is Decimal:
            return values.AMOUNTS
        if annotation is datetime:  # before date: a datetime is a date
            return values.MOMENTS
        if annotation is date:
            return values.dates(latest)
        if isinstance(annotation, type) and issubclass(annotation, CodeList):
            return st.sampled_from(annotation)
        if attrs.has(annotation):
            return self.record(annotation)
        raise TypeError(f"no strategy is known for {annotation!r}: teach _derive._leaf about it")


def _fixed(drawn: st.SearchStrategy[Values], fixes: tuple[Fix, ...]) -> st.SearchStrategy[Values]:
    @st.composite
    def fixed(draw: st.DrawFn) -> Values:
        fields = draw(drawn)
        for fix in fixes:
            fields = fix(draw, fields)
        return fields

    return fixed()


def _identifiers(model: type[Any]) -> st.SearchStrategy[str | None]:
    """Build identifiers as the field declares them, or in the org-id form a rule asks for."""
    declared = constraints_of(attrs.fields_dict(model)["identifier"])
    return values.maybe(values.ORG_IDS | values.texts(declared))


#: The fields whose declarations do not say everything worth drawing.
FREE_OVERRIDES: Mapping[FieldKey, st.SearchStrategy[Any]] = {
    (Partner, "identifier"): _identifiers(Partner),
    (Publisher, "identifier"): _identifiers(Publisher),
}

#: The derivation of records that are valid on their own.
FREE = Derivation(overrides=FREE_OVERRIDES)
