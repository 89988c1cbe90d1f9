"""What the portfolio works towards: SDGs and SDG targets covered, and SDGs that go together.

Example:
    >>> from partnering import load, example_path
    >>> figure = sdg_coverage(load(example_path()))
    >>> figure.row("3").ids, figure.denominator, figure.total
    (('kenya-sdgpp-phc-window',), 1, 3)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Literal

from partnering.analysis._tally import Tally
from partnering.analysis.figures import Count, Figure
from partnering.models import Dataset, Partnership, Platform

__all__ = ["By", "sdg_coverage", "sdg_pairs", "sdg_target_coverage"]

#: Which records a coverage figure counts: partnerships, or platforms.
By = Literal["partnerships", "platforms"]

_GOALS = tuple(str(goal) for goal in range(1, 18))


def _goal_label(key: str) -> str:
    return f"SDG {key}"


def _target_label(key: str) -> str:
    return f"Target {key}"


def _target_order(count: Count) -> tuple[int, int, str]:
    """Order targets as the UN lists them: 3.2 before 3.10, numbered before lettered ones."""
    goal, target = count.key.split(".")
    if target.isdigit():
        return (int(goal), 0, target.zfill(3))
    return (int(goal), 1, target)


def _checked(by: str) -> By:
    if by == "partnerships":
        return "partnerships"
    if by == "platforms":
        return "platforms"
    raise ValueError(f"by must be 'partnerships' or 'platforms', not {by!r}")


def sdg_coverage(dataset: Dataset, *, by: By = "partnerships") -> Figure:
    """Count the partnerships (or platforms) that work towards each of the 17 SDGs.

    Each record counts under every SDG it lists; records that list none are left out.

    Args:
        dataset: the dataset.
        by: ``"partnerships"`` counts partnerships by their ``sdgs``; ``"platforms"`` counts
            platforms by theirs.

    Example:
        >>> from partnering import Dataset, HostingModel, Platform, PlatformScope
        >>> platform = Platform(
        ...     id="p4g", name="P4G", scope=PlatformScope.GLOBAL,
        ...     hosting_model=HostingModel.OTHER, sdgs=(2, 6),
        ... )
        >>> figure = sdg_coverage(Dataset(platforms=(platform,)), by="platforms")
        >>> [row.key for row in figure.counts if row.count]
        ['2', '6']
    """
    records: Sequence[Partnership | Platform] = (
        dataset.partnerships if _checked(by) == "partnerships" else dataset.platforms
    )
    tally = Tally(_GOALS)
    for record in records:
        if not record.sdgs:
            tally.leave_out("no SDGs listed", record.id)
        for goal in record.sdgs:
            tally.add(str(goal), record.id)
    return tally.figure(
        name=f"sdgs-by-{by[:-1]}",
        title=f"SDGs covered, by {by}",
        unit=by,
        definition=(
            f"Each of the {by} that lists SDGs counts under every SDG it lists; "
            f"{by} that list none are left out."
        ),
        total=len(records),
        label=_goal_label,
        multiple=True,
    )


def sdg_target_coverage(dataset: Dataset, *, by: By = "partnerships") -> Figure:
    """Count the partnerships (or platforms) that work towards each SDG target.

    Only targets some record names are rows. Platforms do not list targets in format 1.0, so
    with ``by="platforms"`` a platform counts under the targets of the partnerships it
    brokered (their ``platform_id``).

    Example:
        >>> from partnering import load, example_path
        >>> figure = sdg_target_coverage(load(example_path()), by="platforms")
        >>> [(row.key, row.ids) for row in figure.counts]
        [('3.8', ('kenya-sdgpp',)), ('17.17', ('kenya-sdgpp',))]
    """
    tally = Tally()
    if _checked(by) == "partnerships":
        total = len(dataset.partnerships)
        for partnership in dataset.partnerships:
            if not partnership.sdg_targets:
                tally.leave_out("no SDG targets listed", partnership.id)
            for target in partnership.sdg_targets:
                tally.add(target, partnership.id)
        definition = (
            "Each partnership counts under every SDG target it lists; partnerships that list "
            "none are left out."
        )
    else:
        total = len(dataset.platforms)
        brokered: dict[str, list[Partnership]] = {}
        for partnership in dataset.partnerships:
            if partnership.platform_id is not None:
                brokered.setdefault(partnership.platform_id, []).append(partnership)
        for platform in dataset.platforms:
            partnerships = brokered.get(platform.id, [])
            targets = {target for item in partnerships for target in item.sdg_targets}
            if not partnerships:
                tally.leave_out("brokered no partnership in the file", platform.id)
            elif not targets:
                tally.leave_out("its partnerships list no SDG targets", platform.id)
            for target in targets:
                tally.add(target, platform.id)
        definition = (
            "Platforms list no targets of their own in format 1.0: each platform counts under "
            "every SDG target that a partnership it brokered lists. Platforms that brokered no "
            "partnership in the file, or whose partnerships list no targets, are left out."
        )
    return tally.figure(
        name=f"sdg-targets-by-{by[:-1]}",
        title=f"SDG targets covered, by {by}",
        unit=by,
        definition=definition,
        total=total,
        label=_target_label,
        order=_target_order,
        multiple=True,
    )


def _pair_label(key: str) -> str:
    first, second = key.split("+")
    return f"SDGs {first} and {second}"


def _pair_order(count: Count) -> tuple[int, int, int]:
    first, second = count.key.split("+")
    return (-count.count, int(first), int(second))


def sdg_pairs(dataset: Dataset) -> Figure:
    """Count the partnerships that work towards each pair of SDGs together.

    A partnership listing SDGs 3, 5 and 17 counts under ``3+5``, ``3+17`` and ``5+17``.
    Partnerships with fewer than two SDGs are left out. The most frequent pair comes first.

    Example:
        >>> from partnering import load, example_path
        >>> [(row.key, row.ids) for row in sdg_pairs(load(example_path())).counts]
        [('3+17', ('kenya-sdgpp-phc-window',))]
    """
    tally = Tally()
    for partnership in dataset.partnerships:
        if not partnership.sdgs:
            tally.leave_out("no SDGs listed", partnership.id)
        elif len(partnership.sdgs) == 1:
            tally.leave_out("only one SDG listed", partnership.id)
        for first, second in itertools.combinations(sorted(partnership.sdgs), 2):
            tally.add(f"{first}+{second}", partnership.id)
    return tally.figure(
        name="sdg-pairs",
        title="SDGs that partnerships work towards together",
        unit="partnerships",
        definition=(
            "Each partnership counts under every pair of the SDGs it lists (the smaller goal "
            "first); partnerships that list fewer than two SDGs are left out."
        ),
        total=len(dataset.partnerships),
        label=_pair_label,
        order=_pair_order,
        multiple=True,
    )
