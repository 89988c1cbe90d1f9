"""References between records: ids that name no record, parents in a cycle, hosts, parties.

Every reference field is declared on its model (:class:`~partnering._relations.Refers`) and
read from :data:`partnering.entities.ENTITIES`, so a new one is checked as soon as it is
declared.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from datetime import date

from partnering._text import quote
from partnering.entities import Reference
from partnering.report import Issue, Path
from partnering.rules._index import ARRAY, Index, Record, item_noun, objects, strings
from partnering.rules._issues import demo, issue  # noqa: F401 (demo runs the examples)

__all__ = ["dangling_references", "duplicate_parties", "hosts_not_members", "parent_cycles"]


def _referenced(index: Index, reference: Reference) -> Iterator[tuple[int, Record, Path, str]]:
    """Yield the ids that records name through one reference field, with the record and path.

    Only texts are yielded, each with the index of its record, the record and its path. The
    objects of nested lists are read from the index, which walks each such field once for
    every rule.
    """
    source, field, within = reference.source, reference.field, reference.within
    if within is not None:
        records = index.items(source)
        for i, (texts, places) in index.nested(source, within, field).items():
            for j, value in zip(places, texts, strict=True):
                yield i, records[i], (source, i, within, j, field), value
    elif reference.many:
        for i, record in index.records(source):
            for k, value in strings(record.get(field)):
                yield i, record, (source, i, field, k), value
    else:
        for i, record in index.records(source):
            named = record.get(field)
            if isinstance(named, str):
                yield i, record, (source, i, field), named


def _named(index: Index, reference: Reference) -> AbstractSet[str]:
    """Return every id that records name through one reference field, without where."""
    source, field, within = reference.source, reference.field, reference.within
    if within is not None:
        return index.named(source, within, field)
    if reference.many:
        return {
            value for _, record in index.records(source) for _, value in strings(record.get(field))
        }
    return {
        value for _, record in index.records(source) if isinstance(value := record.get(field), str)
    }


def dangling_references(index: Index, today: date) -> Iterator[Issue]:
    """Report every reference to an id that no record of the right list has.

    The hint suggests the id that was most likely meant, and names the list.

    Example:
        >>> demo(dangling_references, {"platforms": [{"id": "p", "host_id": "tpi"}]})
        ['dangling-reference at /platforms/0/host_id']
    """
    for reference in index.entities.references:
        known = index.ids(reference.target)
        # Most files name only ids that exist: one look at the set of names settles it, and
        # only a reference field that names an unknown id is walked again to say where.
        if known.keys() >= _named(index, reference):
            continue
        noun = index.noun(reference.target)
        for i, record, path, ident in _referenced(index, reference):
            if ident in known:
                continue
            closest = index.closest_id(reference.target, ident)
            suggestion = "" if closest is None else f"Did you mean {quote(closest)}? "
            yield issue(
                "dangling-reference",
                path,
                f"{index.name_of(reference.source, record, i)} {reference.verb} "
                f"{quote(ident)}, but no {noun} has that id",
                f"{suggestion}Correct the id, or add the {noun} to {quote(reference.target)}.",
                ident,
            )


def _cycle_text(cycle: list[str], start: int) -> str:
    """Show a cycle from its item ``start`` round to it again, shortened when long."""
    size = len(cycle)
    shown = [quote(cycle[(start + step) % size]) for step in range(min(size, 4))]
    if size > 4:
        shown[-1] = f"… ({size} platforms)"
    return " → ".join([*shown, quote(cycle[start])])


def parent_cycles(index: Index, today: date) -> Iterator[Issue]:
    """Report every platform that is its own ancestor through ``parent_id``.

    Each platform is visited once: a walk up the parents stops at a platform seen before, so
    the check is linear however long the chains are.

    Example:
        >>> platforms = [{"id": "a", "parent_id": "b"}, {"id": "b", "parent_id": "a"}]
        >>> demo(parent_cycles, {"platforms": platforms})
        ['parent-cycle at /platforms/0/parent_id', 'parent-cycle at /platforms/1/parent_id']
    """
    platforms = index.ids("platforms")
    parents: dict[str, str] = {}
    for i, record in index.records("platforms"):
        ident = record.get("id")
        parent = record.get("parent_id")
        if (
            isinstance(ident, str)
            and platforms[ident] == i
            and isinstance(parent, str)
            and parent in platforms
        ):
            parents[ident] = parent
    done: set[str] = set()
    for start in parents:
        path: list[str] = []
        position: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in position:
            position[node] = len(path)
            path.append(node)
            node = parents.get(node)
        if node is not None and node in position:
            cycle = path[position[node] :]
            for k, member in enumerate(cycle):
                yield issue(
                    "parent-cycle",
                    ("platforms", platforms[member], "parent_id"),
                    f"platform {quote(member)} is its own ancestor through parent_id: "
                    f"{_cycle_text(cycle, k)}",
                    value=parents[member],
                )
        done.update(path)


def hosts_not_members(index: Index, today: date) -> Iterator[Issue]:
    """Report platforms whose ``host_id`` is not the ``partner_id`` of one of their members.

    Example:
        >>> platform = {"id": "p", "host_id": "tpi", "members": [{"partner_id": "sida"}]}
        >>> demo(hosts_not_members, {"platforms": [platform]})
        ['host-not-member at /platforms/0/host_id']
    """
    for i, record in index.records("platforms"):
        host = record.get("host_id")
        members = record.get("members", ())
        if not isinstance(host, str) or not isinstance(members, ARRAY):
            continue
        partners = {
            member.get("partner_id")
            for _, member in objects(members)
            if isinstance(member.get("partner_id"), str)
        }
        if host not in partners:
            yield issue(
                "host-not-member",
                ("platforms", i, "host_id"),
                f"{index.name_of('platforms', record, i)} names host {quote(host)}, but the host "
                "is not among its members",
                f"Add a member with partner_id {quote(host)} and the role 'host'.",
                host,
            )


def duplicate_parties(index: Index, today: date) -> Iterator[Issue]:
    """Report a partner named twice in one record's nested list, such as its members.

    The parties are the objects nested in a record that name a partner: a platform's members
    and a partnership's participants.

    Example:
        >>> twice = [{"partner_id": "tpi"}, {"partner_id": "tpi"}]
        >>> demo(duplicate_parties, {"partnerships": [{"id": "p", "participants": twice}]})
        ['duplicate-party at /partnerships/0/participants/1/partner_id']
    """
    for reference in index.entities.references:
        within = reference.within
        if within is None or reference.many or reference.repeats or reference.target != "partners":
            continue
        noun, field = item_noun(within), reference.field
        records = index.items(reference.source)
        for i, (partners, places) in index.nested(reference.source, within, field).items():
            if len(set(partners)) == len(partners):
                continue  # each partner named once, as in most records
            first: dict[str, int] = {}
            for j, partner in zip(places, partners, strict=True):
                if partner not in first:
                    first[partner] = j
                    continue
                yield issue(
                    "duplicate-party",
                    (reference.source, i, within, j, field),
                    f"{index.name_of(reference.source, records[i], i)} names partner "
                    f"{quote(partner)} as {noun} {first[partner]} and again as {noun} {j}",
                    f"Keep one {noun} entry for {quote(partner)} and list all its roles there.",
                    partner,
                )
