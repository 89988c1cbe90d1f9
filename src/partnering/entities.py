"""The shape of a dataset, derived from the models: entity lists, references and date rules.

Everything the library knows about how records relate is declared once, on the model fields
(:class:`~partnering._relations.Refers` and :class:`~partnering._relations.Dated` in their
metadata). This module reads those declarations, so the rules, the strategies, the schema
layer, the summary and the docs all see the same graph, and a new reference field is checked
everywhere as soon as it is declared.

Example:
    >>> ENTITIES.noun("building_blocks")
    'building block'
    >>> [(r.source, r.within, r.field, r.target) for r in ENTITIES.references][:2]
    [('platforms', None, 'host_id', 'partners'), ('platforms', None, 'parent_id', 'platforms')]
    >>> [(d.source, d.within, d.field) for d in ENTITIES.dates if d.not_before]
    [('partnerships', None, 'end_date'), ('partnerships', 'resources', 'end_date'), \
('events', None, 'end_date')]
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from partnering._relations import Dated, Refers
from partnering.models import Dataset

__all__ = ["ENTITIES", "DateRule", "Entities", "EntityList", "Reference", "describe"]


@attrs.frozen
class EntityList:
    """One list of records in a dataset, such as ``partners``.

    Attributes:
        name: the dataset field that holds the list.
        model: the model of its records.
        noun: how one record is named in messages, such as ``building block``.
    """

    name: str
    model: type[Any]
    noun: str


@attrs.frozen(kw_only=True)
class Reference:
    """A field of the records of one list that names records of another list by id.

    Attributes:
        source: the entity list whose records hold the field.
        within: the list field of those records whose objects hold it (``members`` for a
            member's ``partner_id``), or ``None`` when the record holds it directly.
        field: the field holding the id or ids.
        target: the entity list whose ids it names.
        verb: how a record names its target in messages, such as ``names host``.
        many: whether the field holds a list of ids.
        model: the model that declares the field.
        repeats: for a field of nested objects, whether several of them may name one record.
    """

    source: str
    within: str | None
    field: str
    target: str
    verb: str
    many: bool
    model: type[Any]
    repeats: bool = False


@attrs.frozen(kw_only=True)
class DateRule:
    """What a date field of one list's records must respect.

    Attributes:
        source: the entity list whose records hold the date.
        within: the list field whose objects hold it (``members`` for ``since``), or ``None``.
        field: the date field.
        past: the words that introduce a date of something that has happened, which must not
            lie after today (``was launched on``), or ``None``.
        not_before: the field of the same object the date must not precede, or ``None``.
        model: the model that declares the field.
    """

    source: str
    within: str | None
    field: str
    past: str | None
    not_before: str | None
    model: type[Any]


@attrs.frozen
class Entities:
    """The entity lists of a dataset model, with every reference and date rule among them."""

    root: type[Any]
    lists: tuple[EntityList, ...]
    references: tuple[Reference, ...]
    dates: tuple[DateRule, ...]

    def entity(self, name: str) -> EntityList:
        """Return the entity list called ``name``.

        Example:
            >>> ENTITIES.entity("partners").model.__name__
            'Partner'
        """
        for entity in self.lists:
            if entity.name == name:
                return entity
        raise KeyError(name)

    def noun(self, name: str) -> str:
        """Return the noun for one record of the list ``name``.

        Example:
            >>> ENTITIES.noun("communities")
            'community'
        """
        return self.entity(name).noun

    @property
    def models(self) -> Mapping[str, type[Any]]:
        """The model of each entity list, by list name, in the order of the dataset.

        Example:
            >>> list(ENTITIES.models)[:3]
            ['platforms', 'partners', 'partnerships']
        """
        return {entity.name: entity.model for entity in self.lists}


def _item_model(annotation: Any) -> type[Any] | None:
    """Return the attrs model of a ``tuple[Model, ...]`` annotation, if it is one."""
    if typing.get_origin(annotation) is tuple:
        arguments = typing.get_args(annotation)
        if len(arguments) == 2 and arguments[1] is Ellipsis and attrs.has(arguments[0]):
            model: type[Any] = arguments[0]
            return model
    return None


def _noun(model: type[Any]) -> str:
    """Name a model's records in words: ``BuildingBlock`` becomes ``building block``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", model.__name__).lower()


def _declared(source: str, within: str | None, model: type[Any]) -> Iterator[Reference | DateRule]:
    for field in attrs.fields(model):
        refers = field.metadata.get("refers")
        if isinstance(refers, Refers):
            yield Reference(
                source=source,
                within=within,
                field=field.name,
                target=refers.target,
                verb=refers.verb,
                many=typing.get_origin(_hints(model)[field.name]) is tuple,
                model=model,
                repeats=refers.repeats,
            )
        dated = field.metadata.get("dated")
        if isinstance(dated, Dated):
            yield DateRule(
                source=source,
                within=within,
                field=field.name,
                past=dated.past,
                not_before=dated.not_before,
                model=model,
            )


def _hints(model: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(model)


def describe(root: type[Any] = Dataset) -> Entities:
    """Derive the entity lists, references and date rules of a dataset model.

    A list field of the root whose items are models with an ``id`` is an entity list; the
    references and date rules are read from the fields of its model and of the objects
    nested in it (members, participants, ratings).

    Raises:
        ValueError: a reference names a list the root does not have.

    Example:
        >>> len(describe().lists)
        10
    """
    lists: list[EntityList] = []
    found: list[Reference | DateRule] = []
    hints = _hints(root)
    for field in attrs.fields(root):
        model = _item_model(hints[field.name])
        if model is None or "id" not in attrs.fields_dict(model):
            continue
        lists.append(EntityList(field.name, model, _noun(model)))
        found.extend(_declared(field.name, None, model))
        model_hints = _hints(model)
        for inner in attrs.fields(model):
            nested = _item_model(model_hints[inner.name])
            if nested is not None and "id" not in attrs.fields_dict(nested):
                found.extend(_declared(field.name, inner.name, nested))
    names = {entity.name for entity in lists}
    references = tuple(item for item in found if isinstance(item, Reference))
    for reference in references:
        if reference.target not in names:
            raise ValueError(
                f"{reference.model.__name__}.{reference.field} names the list "
                f"{reference.target!r}, which {root.__name__} does not have"
            )
    dates = tuple(item for item in found if isinstance(item, DateRule))
    return Entities(root, tuple(lists), references, dates)


#: The shape of :class:`~partnering.models.Dataset`, the root of every exchange file.
ENTITIES = describe()
