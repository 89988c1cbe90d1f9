"""Whole datasets: records that are valid on their own, or that also agree across the file.

A consistent dataset is drawn from the shape that :mod:`partnering.entities` derives from the
models, not from a list kept here:

* each entity list is drawn after the lists it refers to (``ENTITIES.references``), and its
  ids are unique;
* a reference names one of the records drawn before it, so it never dangles, and the
  references of a list to itself (a platform's parent) form no cycle;
* each object of a nested list that refers to records (members, participants, ratings) names
  a record of its own;
* a date of something that has happened (``ENTITIES.dates`` with ``past``) lies on or before
  ``today``, and a date that must not precede another field of its record does not.

The few rules that no declaration states are kept by :mod:`._consistency`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

import attrs
from hypothesis import strategies as st

from partnering._constraints import constraints_of
from partnering._format import SCHEMA_VERSION, SCHEMA_VERSIONS
from partnering.entities import ENTITIES, Entities, EntityList
from partnering.models import Dataset
from partnering.partial_dates import surely_before
from partnering.strategies import _values as values
from partnering.strategies._consistency import AGREEMENTS, FIXES, OVERRIDES, NoRoomError
from partnering.strategies._derive import FREE, Derivation, FieldKey, Fix, Values

#: The default "today" of consistent datasets: fixed, so that a run does not depend on the clock.
TODAY = date(2026, 1, 1)


@attrs.frozen
class _Slot:
    """A reference field, with what its declaration says about the ids it holds."""

    field: str
    target: str
    many: bool
    required: bool
    fewest: int
    distinct: bool


def _slot(model: type[Any], field: str, target: str, *, many: bool) -> _Slot:
    attribute = attrs.fields_dict(model)[field]
    constraints = constraints_of(attribute)
    return _Slot(
        field=field,
        target=target,
        many=many,
        required=attribute.default is attrs.NOTHING,
        fewest=values.fewest_items(constraints),
        distinct=values.distinct_items(constraints),
    )


@attrs.frozen
class _Nested:
    """A list of objects that each refer to another record: ``members``, ``ratings``.

    Attributes:
        ids: the list field, as the distinct ids its objects refer to, one object for each.
        model: the model of the objects.
        key: the field of each object that holds its id.
    """

    ids: _Slot
    model: type[Any]
    key: str


@attrs.frozen
class _Plan:
    """How the records of one entity list are drawn.

    Attributes:
        entity: the list.
        references: the fields of its records that refer to other records.
        nested: the lists of objects in its records that refer to other records.
        apart: the fields drawn from the dataset drawn so far rather than on their own.
    """

    entity: EntityList
    references: tuple[_Slot, ...]
    nested: tuple[_Nested, ...]
    apart: frozenset[str]


def _plan(entities: Entities, entity: EntityList) -> _Plan:
    mine = [reference for reference in entities.references if reference.source == entity.name]
    references = tuple(
        _slot(r.model, r.field, r.target, many=r.many) for r in mine if r.within is None
    )
    nested: dict[str, _Nested] = {}
    for reference in mine:
        if reference.within is not None and reference.within not in nested:
            # The first reference of the objects keys them; any other is drawn for each.
            ids = _slot(entity.model, reference.within, reference.target, many=True)
            nested[reference.within] = _Nested(
                attrs.evolve(ids, distinct=not reference.repeats), reference.model, reference.field
            )
    apart = {"id", *(slot.field for slot in references), *nested}
    return _Plan(entity, references, tuple(nested.values()), frozenset(apart))


def _in_dependency_order(entities: Entities) -> Iterator[EntityList]:
    """Yield the entity lists, each after the lists it refers to, else in the dataset's order.

    On a cycle between lists, the first of them comes first: its references to the others
    find no records yet, so it names none.
    """
    needs = {
        entity.name: {r.target for r in entities.references if r.source == entity.name != r.target}
        for entity in entities.lists
    }
    done: set[str] = set()
    while len(done) < len(entities.lists):
        waiting = [entity for entity in entities.lists if entity.name not in done]
        ready = [entity for entity in waiting if needs[entity.name] <= done]
        entity = (ready or waiting)[0]
        done.add(entity.name)
        yield entity


@attrs.frozen
class _Shape:
    """What consistent datasets of one root draw, derived once from its entities.

    Attributes:
        plans: one plan per entity list, each after the lists it refers to.
        items: for each model of nested objects, the references its objects hold.
    """

    plans: tuple[_Plan, ...]
    items: Mapping[type[Any], tuple[_Slot, ...]]


@functools.cache
def _shape(entities: Entities) -> _Shape:
    items: dict[type[Any], tuple[_Slot, ...]] = {}
    for r in entities.references:
        if r.within is not None:
            slot = _slot(r.model, r.field, r.target, many=r.many)
            items[r.model] = (*items.get(r.model, ()), slot)
    plans = tuple(_plan(entities, entity) for entity in _in_dependency_order(entities))
    return _Shape(plans, items)


@functools.lru_cache(maxsize=1024)
def _some(pool: tuple[str, ...], fewest: int, distinct: bool) -> st.SearchStrategy[tuple[str, ...]]:
    """Build tuples of ids from ``pool``, of at least ``fewest`` ids."""
    if not pool:
        return st.just(())
    most = max(fewest, min(len(pool), values.MAX_ITEMS) if distinct else values.MAX_ITEMS)
    chosen = st.lists(st.sampled_from(pool), unique=distinct, min_size=fewest, max_size=most)
    return chosen.map(tuple)


@functools.lru_cache(maxsize=1024)
def _one(pool: tuple[str, ...], required: bool) -> st.SearchStrategy[str | None]:
    """Build one id from ``pool``, or sometimes none when it is not ``required``."""
    chosen = st.sampled_from(pool)
    return chosen if required else values.maybe(chosen)


class _Draft:
    """The records of a consistent dataset drawn so far, and how to draw the next ones."""

    def __init__(self, entities: Entities, derivation: Derivation) -> None:
        self._shape = _shape(entities)
        self._derivation = derivation
        self._records: dict[str, list[Any]] = {entity.name: [] for entity in entities.lists}

    def _holds(self, model: type[Any], name: str) -> bool:
        return self._derivation.holds(attrs.fields_dict(model)[name])

    def records(self, name: str) -> Sequence[Any]:
        """Return the records of the entity list ``name`` drawn so far."""
        return self._records[name]

    def _choose(self, draw: st.DrawFn, slot: _Slot) -> Any:
        """Draw the id or ids of a reference from the records of its target drawn so far."""
        pool = tuple(record.id for record in self._records[slot.target])
        if slot.many:
            if len(pool) < slot.fewest:
                raise NoRoomError
            return draw(_some(pool, slot.fewest, slot.distinct))
        if not pool:
            if slot.required:
                raise NoRoomError
            return None
        return draw(_one(pool, slot.required))

    def items(
        self, draw: st.DrawFn, model: type[Any], key: str, idents: Sequence[str]
    ) -> tuple[Any, ...]:
        """Draw one nested ``model`` for each id, which its field ``key`` refers to."""
        slots = self._shape.items.get(model, ())
        apart = {key, *(slot.field for slot in slots)}
        found = []
        for ident in idents:
            fields = draw(self._derivation.values(model, without=apart))
            fields[key] = ident
            for slot in slots:
                if slot.field != key and self._holds(model, slot.field):
                    fields[slot.field] = self._choose(draw, slot)
            found.append(model(**fields))
        return tuple(found)

    def add(self, draw: st.DrawFn, plan: _Plan, ident: str) -> None:
        """Draw a record of the plan's list with the id ``ident`` and add it to its list.

        Raises:
            NoRoomError: the records drawn so far leave no room for it.
        """
        model = plan.entity.model
        fields = draw(self._derivation.values(model, without=plan.apart))
        fields["id"] = ident
        for slot in plan.references:
            if self._holds(model, slot.field):
                fields[slot.field] = self._choose(draw, slot)
        for nested in plan.nested:
            if not self._holds(model, nested.ids.field):
                continue  # a list of a later version than the one drawn
            idents = self._choose(draw, nested.ids)
            fields[nested.ids.field] = self.items(draw, nested.model, nested.key, idents)
        for agreement in AGREEMENTS.get(model, ()):
            fields = agreement(draw, fields, self)
        self._records[plan.entity.name].append(model(**fields))

    def draw(self, draw: st.DrawFn, max_size: int) -> dict[str, tuple[Any, ...]]:
        """Draw up to ``max_size`` records of every entity list; return the lists by name."""
        for plan in self._shape.plans:
            for ident in draw(_idents(plan.entity, max_size)):
                try:
                    self.add(draw, plan, ident)
                except NoRoomError:
                    # What leaves no room for one record leaves none for the next.
                    break
        return {name: tuple(records) for name, records in self._records.items()}


def _in_order(field: str, earliest: str) -> Fix:
    """Fix a record so that the date ``field`` does not precede the date ``earliest``."""

    def in_order(draw: st.DrawFn, fields: Values) -> Values:
        first, then = fields[earliest], fields[field]
        if first is not None and then is not None and surely_before(then, first):
            fields[earliest], fields[field] = then, first
        return fields

    return in_order


@functools.lru_cache(maxsize=32)
def _derivation(entities: Entities, today: date, version: str = SCHEMA_VERSION) -> Derivation:
    """Derive the records of consistent datasets whose past ends on ``today``."""
    latest: dict[FieldKey, date] = {}
    fixes: dict[type[Any], tuple[Fix, ...]] = dict(FIXES)
    for rule in entities.dates:
        if rule.past is not None:
            latest[(rule.model, rule.field)] = today
            if rule.not_before is not None:
                # A date it must not precede must not lie after today either.
                latest[(rule.model, rule.not_before)] = today
        if rule.not_before is not None:
            ordered = _in_order(rule.field, rule.not_before)
            fixes[rule.model] = (*fixes.get(rule.model, ()), ordered)
    return Derivation(overrides=OVERRIDES, fixes=fixes, latest=latest, version=version)


@functools.lru_cache(maxsize=1024)
def _idents(entity: EntityList, max_size: int) -> st.SearchStrategy[list[str]]:
    """Build the distinct ids of up to ``max_size`` records of one list."""
    return st.lists(FREE.field(entity.model, "id"), unique=True, max_size=max_size)


@functools.lru_cache(maxsize=64)
def consistent_datasets(
    entities: Entities, max_size: int, today: date, version: str = SCHEMA_VERSION
) -> st.SearchStrategy[Any]:
    """Build datasets of the root of ``entities`` that pass every rule across the file.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(consistent_datasets(ENTITIES, 2, TODAY))
        ... def test_every_host_is_a_member(dataset):
        ...     for platform in dataset.platforms:
        ...         assert platform.host_id in {None, *(m.partner_id for m in platform.members)}
        >>> test_every_host_is_a_member()
    """
    derivation = _derivation(entities, today, version)
    names = [entity.name for entity in entities.lists]

    @st.composite
    def consistent(draw: st.DrawFn) -> Any:
        lists = _Draft(entities, derivation).draw(draw, max_size)
        metadata = draw(derivation.values(entities.root, without=names))
        return entities.root(**metadata, **lists)

    return consistent()


@functools.cache
def free_datasets(
    entities: Entities, max_size: int, version: str = SCHEMA_VERSION
) -> st.SearchStrategy[Any]:
    """Build datasets of the root of ``entities`` whose records are valid on their own.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5)
        ... @given(free_datasets(ENTITIES, 1))
        ... def test_at_most_one_record_of_each_kind(dataset):
        ...     assert len(dataset.partners) <= 1
        >>> test_at_most_one_record_of_each_kind()
    """
    root = entities.root
    names = [entity.name for entity in entities.lists]
    free = FREE if version == FREE.version else attrs.evolve(FREE, version=version)
    return st.builds(
        lambda metadata, **lists: root(**metadata, **lists),
        free.values(root, without=names),
        **{
            entity.name: st.lists(free.record(entity.model), max_size=max_size).map(tuple)
            for entity in entities.lists
        },
    )


def datasets(
    *,
    consistent: bool = True,
    max_size: int = 3,
    today: date = TODAY,
    version: str = SCHEMA_VERSION,
) -> st.SearchStrategy[Dataset]:
    """Build whole :class:`~partnering.Dataset` values, with up to ``max_size`` of each entity.

    Args:
        consistent: make the records agree with each other, so that the dataset passes every
            rule across the file without an issue, and :func:`~partnering.loads` reads it back:
            ids are unique in each list, every reference names an existing record, hosts are
            members of their platforms, national and subnational platforms name their
            countries, parents form no cycles, end dates are not before start dates,
            partnerships bring two or more sectors together, SDG targets belong to the goals
            listed beside them, stated sectors agree with organisation types, identifiers
            follow the org-id form, and assessments rate every building block of their
            framework once. With ``consistent=False``, each record is valid on its own, so the
            dataset passes the schema, but references may name ids that do not exist.
        max_size: the most records of each entity.
        today: in a consistent dataset, every date of something that has happened (a launch,
            an assessment, a member joining) lies on or before this day; validate with
            ``partnering.validate(..., today=today)``.
        version: the version of the format drawn, the newest by default: with ``"1.0"``,
            only what version 1.0 can hold is drawn, and ``schema_version`` is ``"1.0"``.

    Example:
        >>> from datetime import date
        >>> from hypothesis import given
        >>> from partnering import unstructure, validate
        >>> @given(datasets(max_size=1, today=date(2015, 1, 1)))
        ... def test_consistent_datasets_are_clean(dataset):
        ...     report = validate(unstructure(dataset), today=date(2015, 1, 1))
        ...     assert report.issues == ()
        >>> test_consistent_datasets_are_clean()
    """
    if version not in SCHEMA_VERSIONS:
        raise ValueError(f"no version {version!r} of the format; there are {SCHEMA_VERSIONS}")
    if consistent:
        return consistent_datasets(ENTITIES, max_size, today, version)
    return free_datasets(ENTITIES, max_size, version)
