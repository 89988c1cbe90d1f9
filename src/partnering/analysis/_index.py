"""Look records up by id: each list of a dataset indexed once, so every figure is linear."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

from partnering.models import (
    Assessment,
    BuildingBlock,
    Challenge,
    Dataset,
    Framework,
    Partner,
    Platform,
)

__all__ = ["Index", "by_id"]


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Identified)


def by_id(records: Iterable[R]) -> dict[str, R]:
    """Map each id to its record; when an id is repeated, the first record keeps it.

    A valid file has no repeated id (the rules report one); a dataset built in Python may,
    and then look-ups agree with the order of the file.

    Example:
        >>> from partnering import Framework
        >>> sorted(by_id([Framework(id="a", name="A"), Framework(id="a", name="B")]).items())
        [('a', Framework(id='a', name='A', ...))]
    """
    found: dict[str, R] = {}
    for record in records:
        found.setdefault(record.id, record)
    return found


class Index:
    """The records of one dataset by id, each list indexed on first use and only once."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @functools.cached_property
    def partners(self) -> Mapping[str, Partner]:
        """The partners by id."""
        return by_id(self.dataset.partners)

    @functools.cached_property
    def platforms(self) -> Mapping[str, Platform]:
        """The platforms by id."""
        return by_id(self.dataset.platforms)

    @functools.cached_property
    def challenges(self) -> Mapping[str, Challenge]:
        """The challenges by id."""
        return by_id(self.dataset.challenges)

    @functools.cached_property
    def frameworks(self) -> Mapping[str, Framework]:
        """The frameworks by id."""
        return by_id(self.dataset.frameworks)

    @functools.cached_property
    def building_blocks(self) -> Mapping[str, BuildingBlock]:
        """The building blocks by id."""
        return by_id(self.dataset.building_blocks)

    @functools.cached_property
    def assessments(self) -> Mapping[str, Assessment]:
        """The assessments by id."""
        return by_id(self.dataset.assessments)
