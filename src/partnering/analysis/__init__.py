"""What the data says: action plans from assessments, portfolio figures, and networks.

Every function here is pure: it reads a :class:`~partnering.Dataset` and returns plain
frozen attrs records (or, for networks, networkx graphs), and never changes the dataset.

- :func:`action_plan` ranks an assessment's building blocks, red first, and gathers for each
  weak one the challenges it addresses, the solutions to them and the platforms that apply
  them.
  With several respondents, each block shows the spread of its ratings and where the
  respondents' sectors diverge (:class:`Spread`), and with a previous assessment, the change
  since (:class:`Change`).
- :func:`portfolio` computes every portfolio figure; each figure also has a function of its
  own. A :class:`Figure` states its denominator, lists the ids behind each count, and lists
  every record it left out with the reason.
- :func:`partnership_graph`, :func:`platform_graph` and their projections build networkx
  graphs, which :func:`write_graph` writes as GraphML, GEXF or CSV.

How each figure is defined is explained in the documentation ("How the figures are defined").

Example:
    >>> from partnering import load, example_path
    >>> from partnering.analysis import portfolio
    >>> figure = portfolio(load(example_path())).partnerships_by_country
    >>> figure.denominator, [(row.key, row.ids) for row in figure.counts]
    (3, [('ZM', ('zbidf-cassava-to-flour', 'zbidf-fresh-produce-consortium')),
         ('KE', ('kenya-sdgpp-phc-window',))])
"""

from __future__ import annotations

from partnering.analysis.activity import partnerships_by_reporting_status
from partnering.analysis.breakdowns import (
    partnerships_by_country,
    partnerships_by_platform,
    partnerships_by_stage,
)
from partnering.analysis.export import GraphFormat, graph_bytes, write_graph
from partnering.analysis.figures import Count, Figure, Omission
from partnering.analysis.metrics import MemberOverlap, SectorBridge, sector_bridges, shared_members
from partnering.analysis.network import (
    co_participation_graph,
    node,
    partnership_graph,
    platform_graph,
    platform_overlap_graph,
)
from partnering.analysis.overview import Portfolio, portfolio
from partnering.analysis.plan import (
    RATING_ORDER,
    ActionPlan,
    PlanItem,
    SolutionLead,
    UnknownAssessmentError,
    action_plan,
    action_plans,
)
from partnering.analysis.resources import resources_by_kind
from partnering.analysis.respondents import (
    Change,
    Direction,
    Divergence,
    Spread,
    Voices,
    overall_rating,
    previous_assessments,
)
from partnering.analysis.sdgs import By, sdg_coverage, sdg_pairs, sdg_target_coverage
from partnering.analysis.sectors import (
    SectorMix,
    cross_sector,
    partner_sectors,
    partnership_sectors,
    sector_mixes,
)

__all__ = [
    "RATING_ORDER",
    "ActionPlan",
    "By",
    "Change",
    "Count",
    "Direction",
    "Divergence",
    "Figure",
    "GraphFormat",
    "MemberOverlap",
    "Omission",
    "PlanItem",
    "Portfolio",
    "SectorBridge",
    "SectorMix",
    "SolutionLead",
    "Spread",
    "UnknownAssessmentError",
    "Voices",
    "action_plan",
    "action_plans",
    "co_participation_graph",
    "cross_sector",
    "graph_bytes",
    "node",
    "overall_rating",
    "partner_sectors",
    "partnership_graph",
    "partnership_sectors",
    "partnerships_by_country",
    "partnerships_by_platform",
    "partnerships_by_reporting_status",
    "partnerships_by_stage",
    "platform_graph",
    "platform_overlap_graph",
    "portfolio",
    "previous_assessments",
    "resources_by_kind",
    "sdg_coverage",
    "sdg_pairs",
    "sdg_target_coverage",
    "sector_bridges",
    "sector_mixes",
    "shared_members",
    "write_graph",
]
