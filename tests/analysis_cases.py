"""What the analysis tests share: the same dataset, reordered and with its ids renamed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from partnering import Dataset, structure, unstructure
from partnering.entities import ENTITIES
from partnering.strategies import datasets

#: A dataset, the same one reordered and renamed, and the renaming of each list's ids.
Case = tuple[Dataset, Dataset, dict[str, dict[str, str]]]


def rename(data: dict[str, Any], mappings: Mapping[str, Mapping[str, str]]) -> None:
    """Rename every id, and every reference to it, in an unstructured dataset, in place."""
    for entity in ENTITIES.lists:
        for record in data.get(entity.name, []):
            record["id"] = mappings[entity.name][record["id"]]
    for reference in ENTITIES.references:
        mapping = mappings[reference.target]
        for record in data.get(reference.source, []):
            holders = record.get(reference.within, []) if reference.within else [record]
            for holder in holders:
                if reference.field not in holder:
                    continue
                value = holder[reference.field]
                if reference.many:
                    holder[reference.field] = [mapping.get(item, item) for item in value]
                else:
                    holder[reference.field] = mapping.get(value, value)


@st.composite
def shuffled_and_renamed(draw: st.DrawFn) -> Case:
    """A consistent dataset, and the same records reordered with their ids swapped around."""
    dataset = draw(datasets(consistent=True, max_size=5))
    data = unstructure(dataset)
    mappings: dict[str, dict[str, str]] = {}
    for entity in ENTITIES.lists:
        ids = [record["id"] for record in data.get(entity.name, [])]
        mappings[entity.name] = dict(zip(ids, draw(st.permutations(ids)), strict=True))
    rename(data, mappings)
    for entity in ENTITIES.lists:
        if entity.name in data:
            data[entity.name] = draw(st.permutations(data[entity.name]))
    return dataset, structure(data), mappings
