"""Look records up by id, and find the records that refer to one, without writing a loop.

:func:`index` reads the references declared on the model fields (through
:data:`~partnering.entities.ENTITIES`), goes through a dataset once, and keeps what it found
for as long as the dataset lives; the models stay frozen and untouched. The index is a
separate object rather than methods of :class:`~partnering.models.Dataset` because it
depends on :mod:`partnering.entities`, which depends on the models: the models cannot
import it back.

Example:
    >>> import partnering
    >>> from partnering.models import Platform
    >>> dataset = partnering.load(partnering.example_path())
    >>> found = index(dataset)
    >>> found.get(Partner, "gov-ke").name
    'Government of Kenya'
    >>> [platform.id for platform in found.referrers(found[Partner, "gov-ke"], Platform)]
    ['kenya-sdgpp']
    >>> [partnership.id for partnership in found.partnerships_of("gov-ke")]
    ['kenya-sdgpp-phc-window']
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar, overload

import attrs

from partnering.entities import ENTITIES, Reference
from partnering.models import Dataset, Partner, Partnership

__all__ = ["Index", "index"]

T = TypeVar("T")


@attrs.frozen
class _Tables:
    """What one pass over a dataset finds: records by model and id, and who names whom."""

    records: Mapping[tuple[type[Any], str], Any]
    referrers: Mapping[tuple[type[Any], str], tuple[Any, ...]]


def _ids(record: object, reference: Reference) -> Iterator[str]:
    holders = (record,) if reference.within is None else getattr(record, reference.within)
    for holder in holders:
        value = getattr(holder, reference.field)
        if reference.many:
            yield from value
        elif value is not None:
            yield value


def _tables(dataset: Dataset) -> _Tables:
    records: dict[tuple[type[Any], str], Any] = {}
    for entity in ENTITIES.lists:
        for record in getattr(dataset, entity.name):
            # As the rules report a repeated id, the first record with an id is the one named.
            records.setdefault((entity.model, record.id), record)
    found: dict[tuple[type[Any], str], dict[int, Any]] = {}
    for reference in ENTITIES.references:
        target = ENTITIES.entity(reference.target).model
        for record in getattr(dataset, reference.source):
            for named in _ids(record, reference):
                # Keyed by identity: a record that names a target twice is listed once.
                found.setdefault((target, named), {}).setdefault(id(record), record)
    order = {
        id(record): position
        for position, record in enumerate(
            record for entity in ENTITIES.lists for record in getattr(dataset, entity.name)
        )
    }
    referrers = {
        key: tuple(sorted(by_identity.values(), key=lambda record: order[id(record)]))
        for key, by_identity in found.items()
    }
    return _Tables(records, referrers)


# Keyed by the dataset's identity: hashing a frozen dataset would go through all of it.
_CACHE: dict[int, _Tables] = {}


def _cached(dataset: Dataset) -> _Tables:
    tables = _CACHE.get(id(dataset))
    if tables is None:
        tables = _CACHE[id(dataset)] = _tables(dataset)
        # The tables hold records, never the dataset, so the dataset can still be freed.
        weakref.finalize(dataset, _CACHE.pop, id(dataset), None)
    return tables


@attrs.frozen(eq=False)
class Index:
    """The records of a dataset by id, and the records that refer to each one.

    Made by :func:`index`; the tables behind it are worked out once per dataset, however
    many indexes of it are made. Records are looked up by their model and id; a record refers to
    another when one of its reference fields (``host_id``, a member's ``partner_id``...)
    names it.

    Attributes:
        dataset: the dataset indexed.
    """

    dataset: Dataset

    @property
    def _tables(self) -> _Tables:
        return _cached(self.dataset)

    def get(self, model: type[T], record_id: str) -> T | None:
        """Return the record of ``model`` with this id, or ``None`` if the dataset has none.

        Example:
            >>> tpi = Partner(id="tpi", name="TPI", organisation_type="21")
            >>> found = index(Dataset(partners=[tpi]))
            >>> found.get(Partner, "tpi").name, found.get(Partner, "nobody")
            ('TPI', None)
        """
        record: T | None = self._tables.records.get((model, record_id))
        return record

    def __getitem__(self, key: tuple[type[T], str]) -> T:
        """Return the record of a model with an id, as ``index(dataset)[Partner, "tpi"]``.

        Raises:
            KeyError: the dataset has no such record.
        """
        model, record_id = key
        record = self.get(model, record_id)
        if record is None:
            raise KeyError(key)
        return record

    def __contains__(self, key: object) -> bool:
        return key in self._tables.records

    @overload
    def referrers(self, record: object) -> tuple[Any, ...]: ...

    @overload
    def referrers(self, record: object, model: type[T]) -> tuple[T, ...]: ...

    def referrers(self, record: object, model: type[Any] | None = None) -> tuple[Any, ...]:
        """Return the records that refer to ``record``, in the order of the file.

        Args:
            record: a record of the dataset, such as a partner.
            model: only the referring records of this model, such as :class:`Partnership`.

        Example:
            >>> from partnering.models import Platform
            >>> tpi = Partner(id="tpi", name="TPI", organisation_type="21")
            >>> hosted = Platform(
            ...     id="p", name="P", scope="global", hosting_model="other", host_id="tpi"
            ... )
            >>> found = index(Dataset(partners=[tpi], platforms=[hosted]))
            >>> [record.id for record in found.referrers(tpi)]
            ['p']
        """
        record_id: str | None = getattr(record, "id", None)
        if record_id is None:
            return ()
        found = self._tables.referrers.get((type(record), record_id), ())
        if model is None:
            return found
        return tuple(referrer for referrer in found if type(referrer) is model)

    def partnerships_of(self, partner: Partner | str) -> tuple[Partnership, ...]:
        """Return the partnerships a partner takes part in, given the partner or its id.

        Example:
            >>> import partnering
            >>> found = index(partnering.load(partnering.example_path()))
            >>> [partnership.id for partnership in found.partnerships_of("tpi")]
            ['zbidf-cassava-to-flour', 'zbidf-fresh-produce-consortium']
        """
        partner_id = partner if isinstance(partner, str) else partner.id
        found = self._tables.referrers.get((Partner, partner_id), ())
        return tuple(record for record in found if type(record) is Partnership)


def index(dataset: Dataset) -> Index:
    """Return the index of a dataset's records, worked out once per dataset.

    What it finds is kept for as long as the dataset lives, and no longer.

    Example:
        >>> dataset = Dataset(partners=[Partner(id="tpi", name="TPI", organisation_type="21")])
        >>> index(dataset)[Partner, "tpi"].name
        'TPI'
        >>> index(dataset).get(Partner, "other") is None
        True
    """
    return Index(dataset)
