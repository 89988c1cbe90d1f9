"""Who takes part: the sectors of partners, the mix of each partnership, and cross-sector work.

A partner's sector is :attr:`~partnering.Partner.effective_sector`: the sector it states, or
the one its organisation type belongs to. A participant whose ``partner_id`` names no partner
of the file has no known sector, nor has a partner that gives neither a sector nor an
organisation type (format 1.1 allows that); figures say how they treat such partners.

Example:
    >>> from partnering import load, example_path
    >>> figure = cross_sector(load(example_path()))
    >>> figure.row("cross_sector").ids
    ('kenya-sdgpp-phc-window', 'zbidf-cassava-to-flour', 'zbidf-fresh-produce-consortium')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from partnering._gc import collection_paused
from partnering.analysis._index import by_id
from partnering.analysis._tally import Tally
from partnering.analysis.figures import Count, Figure
from partnering.codelists import Sector
from partnering.models import Dataset, Partnership

__all__ = [
    "SectorMix",
    "cross_sector",
    "partner_sectors",
    "partnership_sectors",
    "sector_mixes",
]

_SECTORS = Sector.codes()
_CROSS = "cross_sector"
_SINGLE = "single_sector"


_TITLES = {sector.value: sector.title for sector in Sector}


@attrs.frozen(kw_only=True)
class SectorMix:
    """The sectors of one partnership's participants.

    Attributes:
        partnership_id: the partnership.
        sectors: one row per sector present, in code-list order, listing the ids of the
            participating partners of that sector.
        unknown_partner_ids: participants with no known sector: they name no partner of the
            file, or one that gives neither a sector nor an organisation type.
    """

    partnership_id: str
    sectors: tuple[Count, ...]
    unknown_partner_ids: tuple[str, ...] = ()

    @property
    def informative_sectors(self) -> tuple[str, ...]:
        """The codes of the known sectors present other than ``other``, which tells nothing."""
        return tuple(row.key for row in self.sectors if row.key != Sector.OTHER.value)

    @property
    def cross_sector(self) -> bool | None:
        """Whether the partnership is truly cross-sector, or ``None`` when that is unknown.

        True when its known participants come from two or more sectors other than
        ``other``; unknown when they do not but some participants name no partner of the
        file (those could bring the second sector); false otherwise.

        Example:
            >>> SectorMix(partnership_id="x", sectors=(), unknown_partner_ids=("p",)).cross_sector
        """
        if len(self.informative_sectors) >= 2:
            return True
        if self.unknown_partner_ids:
            return None
        return False


def _mix(partnership: Partnership, sectors: Mapping[str, str]) -> SectorMix:
    members: dict[str, set[str]] = {}
    unknown: set[str] = set()
    for participant in partnership.participants:
        sector = sectors.get(participant.partner_id)
        if sector is None:
            unknown.add(participant.partner_id)
        else:
            members.setdefault(sector, set()).add(participant.partner_id)
    return SectorMix(
        partnership_id=partnership.id,
        sectors=tuple(
            Count(key=code, label=_TITLES[code], ids=tuple(sorted(members[code])))
            for code in _SECTORS
            if code in members
        ),
        unknown_partner_ids=tuple(sorted(unknown)),
    )


@collection_paused()  # many small acyclic objects: the collector would only slow this
def sector_mixes(dataset: Dataset) -> tuple[SectorMix, ...]:
    """Return the sector mix of each partnership, in the order of the file.

    Example:
        >>> from partnering import load, example_path
        >>> mix = sector_mixes(load(example_path()))[0]
        >>> mix.partnership_id, [(row.key, row.ids) for row in mix.sectors]
        ('zbidf-cassava-to-flour',
         [('private', ('zm-cassava-businesses',)), ('civil_society', ('tpi',))])
    """
    # Each partner's sector is worked out once, not once per partnership it takes part in.
    sectors = {
        ident: sector.value
        for ident, partner in by_id(dataset.partners).items()
        if (sector := partner.effective_sector) is not None
    }
    return tuple(_mix(partnership, sectors) for partnership in dataset.partnerships)


def partner_sectors(dataset: Dataset) -> Figure:
    """Count the partners of the file in each sector.

    A partner counts under its stated sector, or else that of its organisation type; one that
    gives neither (format 1.1 allows that) is left out, and the figure says so.

    Example:
        >>> from partnering import load, example_path
        >>> figure = partner_sectors(load(example_path()))
        >>> figure.row("public").ids
        ('cog-ke', 'gov-ke', 'sg-edb', 'sida')
    """
    tally = Tally(_SECTORS)
    for partner in dataset.partners:
        sector = partner.effective_sector
        if sector is None:
            tally.leave_out("unknown sector: neither a sector nor an organisation type", partner.id)
        else:
            tally.add(sector.value, partner.id)
    return tally.figure(
        name="partner-sectors",
        title="Partners by sector",
        unit="partners",
        definition=(
            "Each partner counts under its sector: the one it states, or else the one its "
            "organisation type belongs to. Partners that give neither are left out."
        ),
        total=len(dataset.partners),
        label=_TITLES.__getitem__,
    )


def _partnership_sectors_of(mixes: Iterable[SectorMix], total: int) -> Figure:
    """Count the partnerships that involve each sector, from their sector mixes."""
    tally = Tally(_SECTORS)
    for mix in mixes:
        if not mix.sectors:
            tally.leave_out("no participant is a partner of the file", mix.partnership_id)
        for row in mix.sectors:
            tally.add(row.key, mix.partnership_id)
    return tally.figure(
        name="partnership-sectors",
        title="Partnerships by the sectors they involve",
        unit="partnerships",
        definition=(
            "Each partnership counts under every sector of its participants. Participants "
            "that name no partner of the file have no known sector and add none; partnerships "
            "none of whose participants is a partner of the file are left out."
        ),
        total=total,
        label=_TITLES.__getitem__,
        multiple=True,
    )


def partnership_sectors(dataset: Dataset) -> Figure:
    """Count the partnerships that involve each sector.

    Example:
        >>> from partnering import load, example_path
        >>> partnership_sectors(load(example_path())).row("private").ids
        ('zbidf-cassava-to-flour', 'zbidf-fresh-produce-consortium')
    """
    return _partnership_sectors_of(sector_mixes(dataset), len(dataset.partnerships))


def _cross_sector_of(mixes: Iterable[SectorMix], total: int) -> Figure:
    """Sort partnerships into cross-sector and single-sector ones, from their sector mixes."""
    tally = Tally((_CROSS, _SINGLE))
    for mix in mixes:
        verdict = mix.cross_sector
        if verdict is None:
            tally.leave_out(
                "fewer than two known sectors, and participants that are not partners of the file",
                mix.partnership_id,
            )
        else:
            tally.add(_CROSS if verdict else _SINGLE, mix.partnership_id)
    return tally.figure(
        name="cross-sector",
        title="Truly cross-sector partnerships",
        unit="partnerships",
        definition=(
            "A partnership is truly cross-sector when its participants come from at least two "
            "known sectors other than 'other'. Participants that name no partner of the file "
            "have no known sector: a partnership whose known participants already span two "
            "sectors is cross-sector all the same, and one whose known participants do not is "
            "left out, since the unknown ones could bring the second sector."
        ),
        total=total,
        label={_CROSS: "Cross-sector", _SINGLE: "Not cross-sector"}.__getitem__,
    )


def cross_sector(dataset: Dataset) -> Figure:
    """Sort the partnerships into truly cross-sector ones and the others.

    The share of truly cross-sector partnerships is
    ``figure.share(figure.row("cross_sector"))``; see :attr:`SectorMix.cross_sector` for the
    definition and the treatment of participants that are not partners of the file.

    Example:
        >>> from partnering import load, example_path
        >>> figure = cross_sector(load(example_path()))
        >>> figure.share(figure.row("cross_sector")), figure.left_out
        (1.0, ())
    """
    return _cross_sector_of(sector_mixes(dataset), len(dataset.partnerships))
