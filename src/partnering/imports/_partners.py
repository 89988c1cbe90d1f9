"""The partners of one import: names reconciled, ids made, near-duplicates suggested.

Names that differ only in case, punctuation, accents or a legal suffix (Inc., Ltd.) are one
partner. Names that only look alike are never merged: they are suggested, and a line in the
mapping's ``[partners.names]`` merges them.

Example:
    >>> book = PartnerBook(default_type=None, types={}, names={}, not_organisations=())
    >>> book.add("Acme Ltd", "A2"), book.add("ACME Limited", "A3"), book.add("etc.", "A4")
    ('acme-ltd', 'acme-ltd', None)
    >>> [f.code for f in book.findings]
    ['type-unknown', 'name-normalised', 'not-an-organisation']
    >>> book.partners()
    [{'id': 'acme-ltd', 'name': 'Acme Ltd'}]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from partnering.imports._findings import Finding
from partnering.imports._names import is_not_organisation, name_key, slug

__all__ = ["Ids", "PartnerBook", "unknown_type"]

_CLOSE = 0.88


def unknown_type(where: str, name: str | None, detail: str = "") -> Finding:
    """Report a partner imported without an organisation type, as format 1.1 allows."""
    said = detail or "imported without one; give it in [partners.types] if you know it"
    return Finding("type-unknown", where, name, None, said)


class Ids:
    """Ids made from names, unique among one list; a taken id gets ``-2``, ``-3``..."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, name: str, where: str, findings: list[Finding] | None = None) -> str:
        """Return the id for ``name``: its slug, or the slug and the first free number."""
        base = slug(name)
        made, number = base, 1
        while made in self.taken:
            number += 1
            made = f"{base}-{number}"
        self.taken.add(made)
        if made != base and findings is not None:
            findings.append(
                Finding("id-collision", where, name, made, f"the id {base!r} was taken")
            )
        return made

    def claim(self, given: str) -> bool:
        """Take an id given in the source; false if it is taken already."""
        if given in self.taken:
            return False
        self.taken.add(given)
        return True


class PartnerBook:
    """Every partner an import has met, by the key of its name."""

    def __init__(
        self,
        *,
        default_type: str | None,
        types: Mapping[str, str],
        names: Mapping[str, str],
        not_organisations: tuple[str, ...],
        findings: list[Finding] | None = None,
    ) -> None:
        self.default_type = default_type
        self.types = {name_key(name): code for name, code in types.items()}
        self.names = {name_key(spelling): name for spelling, name in names.items()}
        self.not_organisations = not_organisations
        self.records: dict[str, dict[str, Any]] = {}
        self.ids = Ids()
        self.findings: list[Finding] = [] if findings is None else findings

    def register(self, record: dict[str, Any], where: str) -> str:
        """Add a partner read from a sheet of partners, with its fields; return its id."""
        key = name_key(str(record["name"]))
        if key in self.records:
            if "id" not in record or record["id"] == self.records[key]["id"]:
                return str(self.records[key]["id"])
            # Two rows with ids of their own are two partners, however alike their names.
            key = f"#{record['id']}"
        if "id" not in record or not self.ids.claim(str(record["id"])):
            record["id"] = self.ids.make(str(record["name"]), where, self.findings)
        self.records[key] = record
        return str(record["id"])

    def add(self, name: str, where: str) -> str | None:
        """Return the id of the partner ``name`` names, or ``None`` if it names none."""
        given = name
        crosswalked = self.names.get(name_key(name))
        if crosswalked is not None and crosswalked != name:
            self.findings.append(
                Finding("name-crosswalked", where, given, crosswalked, "by [partners.names]")
            )
            name = crosswalked
        if is_not_organisation(name, self.not_organisations):
            self.findings.append(
                Finding(
                    "not-an-organisation",
                    where,
                    name,
                    None,
                    "left out; if it is an organisation, name it in [partners.names]",
                )
            )
            return None
        key = name_key(name)
        known = self.records.get(key)
        if known is not None:
            if known["name"] != name:
                self.findings.append(
                    Finding(
                        "name-normalised", where, name, known["name"], "read as the same partner"
                    )
                )
            return str(known["id"])
        code = self.types.get(key)
        if code is None and self.default_type is not None:
            code = self.default_type
            self.findings.append(
                Finding(
                    "type-default",
                    where,
                    name,
                    code,
                    "no type is known for it; give one in [partners.types]",
                )
            )
        elif code is None:
            self.findings.append(unknown_type(where, name))
        record = {"id": self.ids.make(name, where, self.findings), "name": name}
        if code is not None:
            record["organisation_type"] = code
        self.records[key] = record
        return str(record["id"])

    def partners(self) -> list[dict[str, Any]]:
        """The partner records, in the order they were first met."""
        return list(self.records.values())

    def near_duplicates(self) -> Iterator[Finding]:
        """Suggest pairs of partners whose names look alike; merge none of them.

        Names are compared only with names that share all their words but one (or, for
        names of one word, the first two letters), so that thousands of partners are
        compared in a moment; a misspelling changes one word, which this keeps.
        """
        keys = list(self.records)
        order = {key: index for index, key in enumerate(keys)}
        blocks: dict[tuple[str, ...], list[str]] = {}
        for key in keys:
            for block in _blocks(key):
                blocks.setdefault(block, []).append(key)
        pairs: set[tuple[str, str]] = set()
        for members in blocks.values():
            for index, key in enumerate(members):
                for other in members[index + 1 :]:
                    pairs.add((key, other) if order[key] < order[other] else (other, key))
        for key, other in sorted(pairs, key=lambda pair: (order[pair[0]], order[pair[1]])):
            matcher = difflib.SequenceMatcher(None, key, other)
            if matcher.real_quick_ratio() < _CLOSE or matcher.quick_ratio() < _CLOSE:
                continue
            if matcher.ratio() >= _CLOSE:
                # The name met later is offered as a spelling of the one met first.
                first, second = self.records[key], self.records[other]
                yield Finding(
                    "near-duplicate",
                    f"partners {first['id']} and {second['id']}",
                    first["name"],
                    second["name"],
                    "not merged; if they are one, add "
                    f'"{second["name"]}" = "{first["name"]}" to [partners.names]',
                )


def _blocks(key: str) -> Iterator[tuple[str, ...]]:
    words = key.split()
    if len(words) < 2:
        yield ("", key[:2])
        return
    for index in range(len(words)):
        yield (*words[:index], "*", *words[index + 1 :])
