"""Where partnerships are: per platform that brokered them, per country and per stage.

Example:
    >>> from partnering import load, example_path
    >>> figure = partnerships_by_platform(load(example_path()))
    >>> [(row.key, row.count) for row in figure.counts][:2]
    [('zbidf', 2), ('kenya-sdgpp', 1)]
"""

from __future__ import annotations

import iso3166

from partnering.analysis._index import by_id
from partnering.analysis._tally import Tally, largest_first
from partnering.analysis.figures import Figure
from partnering.codelists import PartnershipStage
from partnering.models import Dataset

__all__ = ["partnerships_by_country", "partnerships_by_platform", "partnerships_by_stage"]


def partnerships_by_platform(dataset: Dataset) -> Figure:
    """Count the partnerships each platform of the file brokered.

    Every platform is a row, even one with no partnership; the busiest come first.
    Partnerships that name no platform, or a platform that is not in the file, are left out.

    Example:
        >>> from partnering import load, example_path
        >>> figure = partnerships_by_platform(load(example_path()))
        >>> figure.row("zbidf").label, figure.row("zbidf").ids
        ('Zambia Business in Development Facility',
         ('zbidf-cassava-to-flour', 'zbidf-fresh-produce-consortium'))
    """
    platforms = by_id(dataset.platforms)
    tally = Tally(platforms)
    for partnership in dataset.partnerships:
        if partnership.platform_id is None:
            tally.leave_out("no platform named", partnership.id)
        elif partnership.platform_id not in platforms:
            tally.leave_out("names a platform that is not in the file", partnership.id)
        else:
            tally.add(partnership.platform_id, partnership.id)
    return tally.figure(
        name="partnerships-by-platform",
        title="Partnerships per platform",
        unit="partnerships",
        definition=(
            "Each partnership counts under the platform that brokered it (its platform_id). "
            "Partnerships that name no platform, or a platform that is not in the file, are "
            "left out."
        ),
        total=len(dataset.partnerships),
        label=lambda key: platforms[key].name,
        order=largest_first,
    )


def _country_label(code: str) -> str:
    country = iso3166.countries_by_alpha2.get(code)
    return code if country is None else str(country.name)


def partnerships_by_country(dataset: Dataset) -> Figure:
    """Count the partnerships that work in each country.

    A partnership counts under every country it lists; partnerships that list none are left
    out. Only countries some partnership names are rows, the most frequent first.

    Example:
        >>> from partnering import load, example_path
        >>> [(row.key, row.label, row.count) for row in partnerships_by_country(
        ...     load(example_path())).counts]
        [('ZM', 'Zambia', 2), ('KE', 'Kenya', 1)]
    """
    tally = Tally()
    for partnership in dataset.partnerships:
        if not partnership.countries:
            tally.leave_out("no countries listed", partnership.id)
        for country in partnership.countries:
            tally.add(country, partnership.id)
    return tally.figure(
        name="partnerships-by-country",
        title="Partnerships per country",
        unit="partnerships",
        definition=(
            "Each partnership counts under every country it lists; partnerships that list no "
            "country are left out."
        ),
        total=len(dataset.partnerships),
        label=_country_label,
        multiple=True,
    )


def partnerships_by_stage(dataset: Dataset) -> Figure:
    """Count the partnerships at each stage of the partnering cycle.

    Every stage is a row, in the cycle's order; partnerships with no stage are left out.

    Example:
        >>> from partnering import load, example_path
        >>> partnerships_by_stage(load(example_path())).left_out[0].reason
        'no stage given'
    """
    tally = Tally(PartnershipStage.codes())
    for partnership in dataset.partnerships:
        if partnership.stage is None:
            tally.leave_out("no stage given", partnership.id)
        else:
            tally.add(partnership.stage.value, partnership.id)
    return tally.figure(
        name="partnerships-by-stage",
        title="Partnerships per stage",
        unit="partnerships",
        definition=(
            "Each partnership counts under its stage of the partnering cycle; partnerships "
            "with no stage are left out."
        ),
        total=len(dataset.partnerships),
        label={stage.value: stage.title for stage in PartnershipStage}.__getitem__,
    )
