"""The records and ids of each entity list, gathered once and shared by every rule.

The rules read parsed JSON, so every value may have any type: the helpers here yield only the
objects and texts of a list, and skip the rest without a word (the schema layer reports it).

What several rules need is worked out here once, on the first rule that asks: the ids a
nested list's objects name, record by record (:meth:`Index.nested`), the sector of each
partner (:meth:`Index.sectors`) and the dates a text stands for (:meth:`Index.date`). So the
rules walk the partnerships' participants once between them, however many read them.

Example:
    >>> from partnering.entities import ENTITIES
    >>> index = Index({"partners": [{"id": "tpi"}, 7, {"id": "tpi"}]}, ENTITIES)
    >>> index.ids("partners"), [i for i, _ in index.records("partners")]
    ({'tpi': 0}, [0, 2])
    >>> index.repeats_ids("partners")
    True
    >>> index.name_of("partners", {"id": "tpi"}, 0), index.name_of("partners", {}, 1)
    ("partner 'tpi'", 'the partner at index 1')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

from partnering._format import SCHEMA_VERSION, checked_version, holds
from partnering._patterns import DATE, PARTIAL_DATE
from partnering._text import quote
from partnering.codelists import OrganisationType, Sector, sector_of
from partnering.entities import Entities
from partnering.partial_dates import PartialDate
from partnering.rules._suggestions import IdSuggestions

__all__ = [
    "ABSENT",
    "ARRAY",
    "OBJECT",
    "Index",
    "Nested",
    "Record",
    "first_places",
    "item_noun",
    "objects",
    "read_date",
    "strings",
]

#: The types of a JSON array.
ARRAY = (list, tuple)
#: The types of a JSON object; dict first: an exact type check is much faster than the Mapping
#: ABC's, which stays as fallback.
OBJECT = (dict, Mapping)
#: Stands for a field that is absent, where ``None`` would be a JSON null.
ABSENT: Any = object()

#: One record, or one object nested in a record, as parsed from JSON.
Record = Mapping[str, Any]

#: The texts that the objects of one record's nested list hold in one field, and the index of
#: each object in the list, such as the ``partner_id`` of a partnership's participants.
Nested = tuple[list[str], list[int]]

_SECTORS: Mapping[str, Sector] = {sector.value: sector for sector in Sector}
_SECTOR_OF_TYPE: Mapping[str, Sector] = {kind.value: sector_of(kind) for kind in OrganisationType}


def read_date(value: object) -> date | None:
    """Read a date written YYYY-MM-DD, or return None for anything else.

    Example:
        >>> read_date("2014-04-13"), read_date("2014-02-30"), read_date(20140413)
        (datetime.date(2014, 4, 13), None, None)
    """
    if isinstance(value, str) and DATE.matches(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


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
        # The lists whose items are all objects, which records() can enumerate as they are.
        self._whole: set[str] = set()
        # The lists where a later record repeats the id of an earlier one.
        self._repeats: set[str] = set()
        for entity in entities.lists:
            items = data.get(entity.name)
            items = items if isinstance(items, ARRAY) else ()
            first: dict[str, int] = {}
            named = 0
            whole = True
            for i, item in enumerate(items):
                if type(item) is dict or isinstance(item, Mapping):
                    ident = item.get("id")
                    if isinstance(ident, str):
                        named += 1
                        if ident not in first:
                            first[ident] = i
                else:
                    whole = False
            self._lists[entity.name] = items
            self._nouns[entity.name] = entity.noun
            self._ids[entity.name] = first
            if whole:
                self._whole.add(entity.name)
            if named != len(first):
                self._repeats.add(entity.name)
        #: The dataset's publisher, of whatever type it has.
        self.publisher: object = data.get("publisher")
        #: The version of the format the document is checked against.
        self.version = checked_version(data) or SCHEMA_VERSION
        self._suggestions: dict[str, IdSuggestions] = {}
        self._holds: dict[str, bool] = {}
        self._nested: dict[tuple[str, str, str], dict[int, Nested]] = {}
        self._named: dict[tuple[str, str, str], set[str]] = {}
        self._sectors: dict[str, Sector] | None = None
        self._dates: dict[str, date | PartialDate | None] = {}

    def holds(self, since: str) -> bool:
        """Tell whether the document's version has what appeared in version ``since``.

        Rules about fields of a later version leave older files alone: there the field is an
        unknown field, which the schema layer reports.
        """
        found = self._holds.get(since)
        if found is None:
            found = self._holds[since] = holds(since, self.version)
        return found

    def ids(self, name: str) -> Mapping[str, int]:
        """Return each id of list ``name`` with the index of its first record."""
        return self._ids.get(name, {})

    def items(self, name: str) -> Sequence[Any]:
        """Return list ``name`` as the document holds it, items of every type included."""
        return self._lists.get(name, ())

    def repeats_ids(self, name: str) -> bool:
        """Tell whether a record of list ``name`` has the id of an earlier record."""
        return name in self._repeats

    def records(self, name: str) -> Iterator[tuple[int, Record]]:
        """Yield the records of list ``name`` that are objects, with their indices."""
        items = self._lists.get(name, ())
        if name in self._whole:
            return enumerate(items)
        return ((i, item) for i, item in enumerate(items) if isinstance(item, OBJECT))

    def nested(self, source: str, within: str, field: str) -> Mapping[int, Nested]:
        """Return the texts in ``field`` of the objects of each record's list ``within``.

        The records of list ``source`` come in their order, each by its index, with the texts
        and the indices of the objects that hold text there; a record whose ``within`` is not
        a list is left out. Each such field is walked once, for every rule that reads it.

        Example:
            >>> from partnering.entities import ENTITIES
            >>> participants = [{"partner_id": "a"}, 5, {"partner_id": 6}, {"partner_id": "b"}]
            >>> index = Index({"partnerships": [{"participants": participants}, {}]}, ENTITIES)
            >>> index.nested("partnerships", "participants", "partner_id")
            {0: (['a', 'b'], [0, 3])}
            >>> index.nested("partnerships", "participants", "roles")
            {0: ([], [])}
        """
        key = (source, within, field)
        found = self._nested.get(key)
        if found is not None:
            return found
        found = self._nested[key] = {}
        named = self._named[key] = set()
        for i, record in self.records(source):
            entries = record.get(within)
            if not isinstance(entries, ARRAY):
                continue
            texts: list[str] = []
            places: list[int] = []
            for j, entry in enumerate(entries):
                if type(entry) is dict or isinstance(entry, Mapping):
                    value = entry.get(field)
                    if type(value) is str or isinstance(value, str):
                        texts.append(value)
                        places.append(j)
            found[i] = (texts, places)
            named.update(texts)
        return found

    def named(self, source: str, within: str, field: str) -> AbstractSet[str]:
        """Return every text in ``field`` of the objects of the records' lists ``within``.

        Example:
            >>> from partnering.entities import ENTITIES
            >>> participants = [{"partner_id": "a"}, {"partner_id": "b"}, {"partner_id": "a"}]
            >>> index = Index({"partnerships": [{"participants": participants}]}, ENTITIES)
            >>> sorted(index.named("partnerships", "participants", "partner_id"))
            ['a', 'b']
        """
        self.nested(source, within, field)
        return self._named[(source, within, field)]

    def sectors(self) -> Mapping[str, Sector]:
        """Return the sector of each partner id whose first record gives one, stated or implied.

        A partner's sector is its stated ``sector``, or else the one its ``organisation_type``
        implies (:func:`partnering.codelists.sector_of`); anything else gives none.

        Example:
            >>> from partnering.entities import ENTITIES
            >>> partners = [{"id": "a", "organisation_type": "70"}, {"id": "b"}]
            >>> Index({"partners": partners}, ENTITIES).sectors()
            {'a': <Sector.PRIVATE: 'private'>}
        """
        if self._sectors is None:
            records = self._lists.get("partners", ())
            sectors: dict[str, Sector] = {}
            for ident, i in self.ids("partners").items():
                # Its stated sector, or else the one its organisation type implies.
                partner = records[i]
                stated = partner.get("sector")
                if isinstance(stated, str) and stated in _SECTORS:
                    sectors[ident] = _SECTORS[stated]
                    continue
                kind = partner.get("organisation_type")
                if isinstance(kind, str) and kind in _SECTOR_OF_TYPE:
                    sectors[ident] = _SECTOR_OF_TYPE[kind]
            self._sectors = sectors
        return self._sectors

    def date(self, value: object) -> date | PartialDate | None:
        """Read a date of the file's version: in 1.1, a month or a year as well as a day.

        Any other value is ``None``. Each text is read once, however many records hold it.

        Example:
            >>> from partnering.entities import ENTITIES
            >>> index = Index({"schema_version": "1.1"}, ENTITIES)
            >>> index.date("2016-03"), index.date("2016-02-30"), index.date(2016)
            (PartialDate(year=2016, month=3), None, None)
        """
        if type(value) is not str and not isinstance(value, str):
            return None
        if value in self._dates:
            return self._dates[value]
        found: date | PartialDate | None
        if len(value) in (4, 7) and self.holds("1.1"):
            found = PartialDate.fromisoformat(value) if PARTIAL_DATE.matches(value) else None
        else:
            found = read_date(value)
        self._dates[value] = found
        return found

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


def first_places(values: object, key: str) -> tuple[dict[str, int], list[tuple[int, str, int]]]:
    """Find where each text of ``key`` first appears among a list's objects, and its repeats.

    Returns:
        The index of the first object holding each text, and each later object that holds a
        text again, as its index, the text and the index of the first.

    Example:
        >>> first_places([{"key": "r1"}, {"key": "r2"}, {"key": "r1"}, {"key": 5}], "key")
        ({'r1': 0, 'r2': 1}, [(2, 'r1', 0)])
    """
    first: dict[str, int] = {}
    repeats: list[tuple[int, str, int]] = []
    for k, item in objects(values):
        text = item.get(key)
        if isinstance(text, str):
            earlier = first.setdefault(text, k)
            if earlier != k:
                repeats.append((k, text, earlier))
    return first, repeats


def item_noun(within: str) -> str:
    """Name one object of a record's nested list, such as ``member`` for ``members``.

    The nested lists of the models (``members``, ``participants``, ``ratings``) are plural
    nouns made with an ``s``.

    Example:
        >>> item_noun("participants")
        'participant'
    """
    return within.removesuffix("s")
