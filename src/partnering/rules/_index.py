"""The records and ids of each entity list, gathered once and shared by every rule.

The rules read parsed JSON, so every value may have any type: the helpers here yield only the
objects and texts of a list, and skip the rest without a word (the schema layer reports it).

Example:
    >>> from partnering.entities import ENTITIES
    >>> index = Index({"partners": [{"id": "tpi"}, 7, {"id": "tpi"}]}, ENTITIES)
    >>> index.ids("partners"), [i for i, _ in index.records("partners")]
    ({'tpi': 0}, [0, 2])
    >>> index.name_of("partners", {"id": "tpi"}, 0), index.name_of("partners", {}, 1)
    ("partner 'tpi'", 'the partner at index 1')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from partnering._format import SCHEMA_VERSION, checked_version, holds
from partnering._text import quote
from partnering.entities import Entities
from partnering.rules._suggestions import IdSuggestions

__all__ = ["ABSENT", "ARRAY", "OBJECT", "Index", "Record", "item_noun", "objects", "strings"]

#: The types of a JSON array.
ARRAY = (list, tuple)
#: The types of a JSON object; dict first: an exact type check is much faster than the Mapping
#: ABC's, which stays as fallback.
OBJECT = (dict, Mapping)
#: Stands for a field that is absent, where ``None`` would be a JSON null.
ABSENT: Any = object()

#: One record, or one object nested in a record, as parsed from JSON.
Record = Mapping[str, Any]


class Index:
    """The records of each entity list and the ids they use, built once for every rule.

    A list that the dataset's root does not have (a rule may name one that another root
    lacks) has no records and no ids.

    Args:
        data: the parsed document.
        entities: the shape of the dataset: its entity lists and their references.
    """

    def __init__(self, data: Mapping[str, Any], entities: Entities) -> None:
        #: The entity lists, references and date rules the rules check.
        self.entities = entities
        # Only lists and ints are kept per record: millions of small tuples would wake the
        # garbage collector again and again on a large file.
        self._lists: dict[str, Sequence[Any]] = {}
        self._nouns: dict[str, str] = {}
        self._ids: dict[str, dict[str, int]] = {}
        for entity in entities.lists:
            items = data.get(entity.name)
            items = items if isinstance(items, ARRAY) else ()
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if isinstance(item, OBJECT):
                    ident = item.get("id")
                    if isinstance(ident, str) and ident not in first:
                        first[ident] = i
            self._lists[entity.name] = items
            self._nouns[entity.name] = entity.noun
            self._ids[entity.name] = first
        #: The dataset's publisher, of whatever type it has.
        self.publisher: object = data.get("publisher")
        #: The version of the format the document is checked against.
        self.version = checked_version(data) or SCHEMA_VERSION
        self._suggestions: dict[str, IdSuggestions] = {}

    def holds(self, since: str) -> bool:
        """Tell whether the document's version has what appeared in version ``since``.

        Rules about fields of a later version leave older files alone: there the field is an
        unknown field, which the schema layer reports.
        """
        return holds(since, self.version)

    def ids(self, name: str) -> Mapping[str, int]:
        """Return each id of list ``name`` with the index of its first record."""
        return self._ids.get(name, {})

    def records(self, name: str) -> Iterator[tuple[int, Record]]:
        """Yield the records of list ``name`` that are objects, with their indices."""
        for i, item in enumerate(self._lists.get(name, ())):
            if isinstance(item, OBJECT):
                yield i, item

    def record(self, name: str, ident: str) -> Record | None:
        """Return the first record of list ``name`` with this id, if there is one."""
        i = self.ids(name).get(ident)
        return None if i is None else self._lists[name][i]

    def noun(self, name: str) -> str:
        """Return the noun for one record of list ``name``, such as ``building block``."""
        return self._nouns[name]

    def name_of(self, name: str, record: Record, index: int) -> str:
        """Name a record of list ``name`` in a message: by its id, or by its place."""
        ident = record.get("id")
        noun = self._nouns[name]
        return (
            f"{noun} {quote(ident)}" if isinstance(ident, str) else f"the {noun} at index {index}"
        )

    def closest_id(self, name: str, word: str) -> str | None:
        """Return the id of list ``name`` that ``word`` most likely meant, if one is close.

        The ids are indexed on the first look-up a list needs, so a file costs time in
        proportion to its size for suggestions only when one of its references dangles.
        """
        suggestions = self._suggestions.get(name)
        if suggestions is None:
            suggestions = self._suggestions[name] = IdSuggestions(self.ids(name))
        return suggestions.closest(word)


def strings(values: object) -> Iterator[tuple[int, str]]:
    """Yield the text items of a list with their indices; anything else yields nothing."""
    if isinstance(values, ARRAY):
        for k, value in enumerate(values):
            if isinstance(value, str):
                yield k, value


def objects(values: object) -> Iterator[tuple[int, Record]]:
    """Yield the object items of a list with their indices; anything else yields nothing."""
    if isinstance(values, ARRAY):
        for k, value in enumerate(values):
            if isinstance(value, OBJECT):
                yield k, value


def item_noun(within: str) -> str:
    """Name one object of a record's nested list, such as ``member`` for ``members``.

    The nested lists of the models (``members``, ``participants``, ``ratings``) are plural
    nouns made with an ``s``.

    Example:
        >>> item_noun("participants")
        'participant'
    """
    return within.removesuffix("s")
