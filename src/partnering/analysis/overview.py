"""Every portfolio figure of a dataset at once: :func:`portfolio`.

Example:
    >>> from partnering import load, example_path
    >>> figures = portfolio(load(example_path()))
    >>> [figure.name for figure in figures.figures][:3]
    ['sdgs-by-partnership', 'sdgs-by-platform', 'sdg-targets-by-partnership']
"""

from __future__ import annotations

from datetime import date

import attrs

from partnering._gc import collection_paused
from partnering.analysis.activity import DEFAULT_LIMITS, partnerships_by_reporting_status
from partnering.analysis.breakdowns import (
    partnerships_by_country,
    partnerships_by_platform,
    partnerships_by_stage,
)
from partnering.analysis.figures import Figure
from partnering.analysis.resources import resources_by_kind
from partnering.analysis.sdgs import sdg_coverage, sdg_pairs, sdg_target_coverage
from partnering.analysis.sectors import (
    SectorMix,
    _cross_sector_of,
    _partnership_sectors_of,
    partner_sectors,
    sector_mixes,
)
from partnering.models import Dataset
from partnering.reporting import ReportingLimits

__all__ = ["Portfolio", "portfolio"]


@attrs.frozen(kw_only=True)
class Portfolio:
    """The portfolio figures of one dataset.

    Each attribute is the :class:`~partnering.analysis.Figure` its function returns; see
    that function for its definition. ``reporting_status`` is ``None`` unless
    :func:`portfolio` was given the day to work it out for. ``sector_mixes`` holds the sector
    mix of every partnership, in the order of the file.
    """

    sdgs_by_partnership: Figure
    sdgs_by_platform: Figure
    sdg_targets_by_partnership: Figure
    sdg_targets_by_platform: Figure
    sdg_pairs: Figure
    partner_sectors: Figure
    partnership_sectors: Figure
    cross_sector: Figure
    partnerships_by_platform: Figure
    partnerships_by_country: Figure
    partnerships_by_stage: Figure
    resources_by_kind: Figure
    reporting_status: Figure | None
    sector_mixes: tuple[SectorMix, ...]

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure, in the order of the attributes."""
        return tuple(
            value for value in attrs.astuple(self, recurse=False) if isinstance(value, Figure)
        )


@collection_paused()  # many small acyclic objects: the collector would only slow this
def portfolio(
    dataset: Dataset, *, today: date | None = None, limits: ReportingLimits = DEFAULT_LIMITS
) -> Portfolio:
    """Compute every portfolio figure of a dataset, reading each list once per figure.

    Args:
        dataset: the dataset.
        today: the day to work out the reporting status for; without it, the portfolio has
            no figure of reporting status, since a figure never reads the clock.
        limits: the months after which a progress report is late, and a partnership inactive.

    Example:
        >>> from partnering import load, example_path
        >>> figures = portfolio(load(example_path()))
        >>> figures.partner_sectors.total, figures.cross_sector.denominator
        (12, 3)
    """
    mixes = sector_mixes(dataset)
    total = len(dataset.partnerships)
    return Portfolio(
        sdgs_by_partnership=sdg_coverage(dataset, by="partnerships"),
        sdgs_by_platform=sdg_coverage(dataset, by="platforms"),
        sdg_targets_by_partnership=sdg_target_coverage(dataset, by="partnerships"),
        sdg_targets_by_platform=sdg_target_coverage(dataset, by="platforms"),
        sdg_pairs=sdg_pairs(dataset),
        partner_sectors=partner_sectors(dataset),
        partnership_sectors=_partnership_sectors_of(mixes, total),
        cross_sector=_cross_sector_of(mixes, total),
        partnerships_by_platform=partnerships_by_platform(dataset),
        partnerships_by_country=partnerships_by_country(dataset),
        partnerships_by_stage=partnerships_by_stage(dataset),
        resources_by_kind=resources_by_kind(dataset),
        reporting_status=(
            None
            if today is None
            else partnerships_by_reporting_status(dataset, today=today, limits=limits)
        ),
        sector_mixes=mixes,
    )
