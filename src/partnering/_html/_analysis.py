"""The report of a dataset: portfolio figures, action plans and the network, on one page.

Example:
    >>> from partnering import Dataset
    >>> page = analysis_page(Dataset(title="Empty"), label="empty.json", version="1.0")
    >>> "The file has no assessments" in page
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from partnering._html._page import chart_json, render, shown_ids
from partnering.analysis import (
    ActionPlan,
    Figure,
    PlanItem,
    action_plans,
    portfolio,
    sector_bridges,
    shared_members,
)
from partnering.analysis.activity import DEFAULT_LIMITS
from partnering.entities import ENTITIES
from partnering.models import Dataset
from partnering.reporting import ReportingLimits

__all__ = ["CHART_ROWS", "analysis_page", "figure_chart"]

#: How many rows a chart of an open list shows, the largest first; the table lists them all.
CHART_ROWS = 15

#: How many partners and pairs of platforms the network section lists.
NETWORK_ROWS = 10

# Figures whose rows are a closed list shown whole, in the list's order.
_CLOSED = frozenset(
    {
        "sdgs-by-partnership",
        "sdgs-by-platform",
        "partner-sectors",
        "partnership-sectors",
        "cross-sector",
        "partnerships-by-stage",
        "reporting-status",
    }
)


def figure_chart(figure: Figure) -> dict[str, Any] | None:
    """Return the data of a figure's bar chart, or ``None`` when it has nothing to draw."""
    rows = (
        [row for row in figure.counts if row.count]
        if figure.name not in _CLOSED
        else list(figure.counts)
    )
    if not any(row.count for row in rows):
        return None
    cut = figure.name not in _CLOSED and len(rows) > CHART_ROWS
    if cut:
        rows = sorted(rows, key=lambda row: -row.count)[:CHART_ROWS]
    return {
        "id": f"chart-{figure.name}",
        "title": figure.title,
        "unit": figure.unit,
        "labels": [row.label if len(row.label) <= 40 else row.label[:39] + "…" for row in rows],
        "values": [row.count for row in rows],
        "horizontal": len(rows) > 6,
        "cut": cut,
    }


def _figure(figure: Figure) -> dict[str, Any]:
    rows = []
    for row in figure.counts:
        ids, more = shown_ids(row.ids)
        share = figure.share(row)
        rows.append(
            {
                "key": row.key,
                "label": row.label,
                "count": row.count,
                "amount": "-" if row.amount is None else format(row.amount, ",f"),
                "share": "-" if share is None else f"{share:.0%}",
                "ids": ids,
                "more": more,
            }
        )
    left_out = []
    for omission in figure.left_out:
        ids, more = shown_ids(omission.ids)
        left_out.append(
            {"reason": omission.reason, "count": len(omission.ids), "ids": ids, "more": more}
        )
    return {
        "figure": figure,
        "rows": rows,
        "left_out": left_out,
        "chart": figure_chart(figure),
    }


def _network(dataset: Dataset) -> dict[str, Any]:
    participations = sum(len(p.participants) for p in dataset.partnerships)
    memberships = sum(len(p.members) for p in dataset.platforms)
    bridges = [bridge for bridge in sector_bridges(dataset) if bridge.sectors][:NETWORK_ROWS]
    overlaps = shared_members(dataset)
    return {
        "participations": participations,
        "memberships": memberships,
        "bridges": bridges,
        "overlaps": [
            {
                "pair": overlap.platform_ids,
                "count": len(overlap.partner_ids),
                "ids": shown_ids(overlap.partner_ids, 10),
            }
            for overlap in overlaps[:NETWORK_ROWS]
        ],
        "overlap_count": len(overlaps),
    }


def _change(item: PlanItem) -> str:
    """The change of a block since the previous assessment, in words."""
    change = item.change
    if change is None:
        return ""
    if change.before is None:
        return "not rated before"
    words = change.direction.value.replace("_", " ")
    return f"was {change.before.title.lower()}, now {change.now.title.lower()}: {words}"


def _plans(plans: Sequence[ActionPlan]) -> list[dict[str, Any]]:
    return [
        {
            "plan": plan,
            "sectors": {r.key: r.sector.title.lower() for r in plan.assessment.respondents},
            "changes": {item.building_block_id: _change(item) for item in plan.items},
            # Leads name the challenges they address by id; the page shows their titles.
            "titles": {
                challenge.id: challenge.title
                for item in plan.items
                for challenge in item.challenges
            },
            "counts": {
                rating: sum(1 for item in plan.items if item.rating.rating.value == rating)
                for rating in ("red", "amber", "green", "not_applicable")
            },
        }
        for plan in plans
    ]


def analysis_page(
    dataset: Dataset,
    *,
    label: str,
    version: str,
    today: date | None = None,
    limits: ReportingLimits = DEFAULT_LIMITS,
) -> str:
    """Render the report of a valid dataset as one self-contained HTML page.

    Args:
        dataset: the dataset.
        label: the file's name as the user gave it.
        version: the library's version, named at the foot of the page.
        today: the day to work out the reporting status for; without it, the page has no
            figure of reporting status.
        limits: the months after which a progress report is late, and a partnership inactive.
    """
    figures = [_figure(figure) for figure in portfolio(dataset, today=today, limits=limits).figures]
    charts = [item["chart"] for item in figures if item["chart"] is not None]
    return render(
        "analysis.html",
        title=dataset.title or label,
        label=label,
        dataset=dataset,
        version=version,
        records=[
            (entity.name.replace("_", " "), len(getattr(dataset, entity.name)))
            for entity in ENTITIES.lists
        ],
        plans=_plans(action_plans(dataset)),
        figures=figures,
        network=_network(dataset),
        charts=chart_json(charts),
    )
