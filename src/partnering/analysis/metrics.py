"""Two questions the field asks of its networks: who bridges sectors, which platforms overlap.

Both are computed straight from the records, in time linear in the participations (and in
the square of the largest partnership or membership), so they need no networkx. For other
measures, such as betweenness, run networkx on
:func:`~partnering.analysis.co_participation_graph`.

Example:
    >>> from partnering import load, example_path
    >>> top = sector_bridges(load(example_path()))[0]
    >>> top.partner_id, top.sectors
    ('cog-ke', ('public', 'multilateral'))
"""

from __future__ import annotations

import itertools

import attrs

from partnering._gc import collection_paused
from partnering.analysis._index import by_id
from partnering.codelists import Sector
from partnering.models import Dataset

__all__ = ["MemberOverlap", "SectorBridge", "sector_bridges", "shared_members"]

_SECTOR_ORDER = {code: place for place, code in enumerate(Sector.codes())}


@attrs.frozen(kw_only=True)
class SectorBridge:
    """The sectors one partner works with through its partnerships.

    Attributes:
        partner_id: the partner.
        sector: the partner's own sector code, or ``None`` when it gives neither a sector nor
            an organisation type.
        sectors: the codes of the known sectors of its co-participants, other than
            ``other``, in code-list order. The partner's own sector is among them only when
            another participant shares it.
        co_partner_ids: every other participant of its partnerships, sorted (including
            those that are not partners of the file, which have no known sector).
        partnership_ids: the partnerships it takes part in, sorted.
    """

    partner_id: str
    sector: str | None
    sectors: tuple[str, ...]
    co_partner_ids: tuple[str, ...]
    partnership_ids: tuple[str, ...]


@collection_paused()  # many small acyclic objects: the collector would only slow this
def sector_bridges(dataset: Dataset) -> tuple[SectorBridge, ...]:
    """Rank the partners of the file by how many sectors their co-participants span.

    A partner's co-participants are the other participants of the partnerships it takes
    part in. Partners that reach the most sectors come first; ties go to the partner with
    more co-participants, then by id. Partners in no partnership come last, with no sectors.

    Example:
        >>> from partnering import load, example_path
        >>> [(bridge.partner_id, len(bridge.sectors)) for bridge in sector_bridges(
        ...     load(example_path()))][:3]
        [('cog-ke', 2), ('gov-ke', 2), ('tpi', 1)]
    """
    partners = by_id(dataset.partners)
    co_partners: dict[str, set[str]] = {ident: set() for ident in partners}
    partnerships: dict[str, set[str]] = {ident: set() for ident in partners}
    for partnership in dataset.partnerships:
        members = dict.fromkeys(p.partner_id for p in partnership.participants)
        for member in members:
            if member in partners:
                partnerships[member].add(partnership.id)
                co_partners[member].update(other for other in members if other != member)
    bridges = []
    for ident, partner in partners.items():
        sectors = {
            sector.value
            for other in co_partners[ident]
            if other in partners and (sector := partners[other].effective_sector) is not None
        } - {Sector.OTHER.value}
        own = partner.effective_sector
        bridges.append(
            SectorBridge(
                partner_id=ident,
                sector=None if own is None else own.value,
                sectors=tuple(sorted(sectors, key=_SECTOR_ORDER.__getitem__)),
                co_partner_ids=tuple(sorted(co_partners[ident])),
                partnership_ids=tuple(sorted(partnerships[ident])),
            )
        )
    bridges.sort(
        key=lambda bridge: (-len(bridge.sectors), -len(bridge.co_partner_ids), bridge.partner_id)
    )
    return tuple(bridges)


@attrs.frozen(kw_only=True)
class MemberOverlap:
    """Two platforms that share members.

    Attributes:
        platform_ids: the two platforms, in sorted order.
        partner_ids: the partners that are members of both, sorted.
    """

    platform_ids: tuple[str, str]
    partner_ids: tuple[str, ...]


def shared_members(dataset: Dataset) -> tuple[MemberOverlap, ...]:
    """List the pairs of platforms of the file that share at least one member.

    Membership is the platforms' ``members`` list; the pairs sharing the most members come
    first, then by ids.

    Example:
        >>> from partnering import load, example_path
        >>> shared_members(load(example_path()))
        (MemberOverlap(platform_ids=('bcta', 'zbidf'), partner_ids=('sida',)),)
    """
    platforms_of: dict[str, set[str]] = {}
    for platform in by_id(dataset.platforms).values():
        for membership in platform.members:
            platforms_of.setdefault(membership.partner_id, set()).add(platform.id)
    shared: dict[tuple[str, str], set[str]] = {}
    for partner_id, platform_ids in platforms_of.items():
        for first, second in itertools.combinations(sorted(platform_ids), 2):
            shared.setdefault((first, second), set()).add(partner_id)
    overlaps = [
        MemberOverlap(platform_ids=pair, partner_ids=tuple(sorted(partner_ids)))
        for pair, partner_ids in shared.items()
    ]
    overlaps.sort(key=lambda overlap: (-len(overlap.partner_ids), overlap.platform_ids))
    return tuple(overlaps)
