"""Who works with whom, as networkx graphs.

Nodes are named by kind and id, ``"partner:gov-ke"``, ``"partnership:kenya-sdgpp-phc-window"``
or ``"platform:kenya-sdgpp"``, since ids are unique only within their own list. Every node
has the attributes ``kind``, ``name`` (a partnership's title) and ``in_file`` (false for a
partner that a record names but the file does not hold); a partner of the file also has
``sector``, its :attr:`~partnering.Partner.effective_sector` code, when known. In the two bipartite
graphs ``bipartite`` is 0 for partners and 1 for the other side, as networkx's bipartite
algorithms expect. Partner nodes come first, in the order of the file.

networkx is imported when a graph is built, so ``import partnering`` stays fast.

Example:
    >>> from partnering import load, example_path
    >>> graph = partnership_graph(load(example_path()))
    >>> graph.edges["partner:tpi", "partnership:zbidf-cassava-to-flour"]
    {'roles': ('broker',), 'lead': False}
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from partnering._gc import collection_paused
from partnering.analysis._index import by_id
from partnering.analysis.metrics import shared_members
from partnering.codelists import CodeList
from partnering.models import Dataset, Partner

if TYPE_CHECKING:
    import networkx

__all__ = [
    "co_participation_graph",
    "node",
    "partnership_graph",
    "platform_graph",
    "platform_overlap_graph",
]


def node(kind: str, ident: str) -> str:
    """Name the node of a record: its kind, a colon, its id.

    Example:
        >>> node("partner", "gov-ke")
        'partner:gov-ke'
    """
    return f"{kind}:{ident}"


def _partner_attributes(partner: Partner | None) -> dict[str, Any]:
    if partner is None:
        return {"kind": "partner", "in_file": False}
    attributes: dict[str, Any] = {"kind": "partner", "name": partner.name, "in_file": True}
    sector = partner.effective_sector
    if sector is not None:  # left out when unknown, as for partners not in the file
        attributes["sector"] = sector.value
    return attributes


def _add_partners(
    graph: networkx.Graph[str], dataset: Dataset, named: Iterable[str], bipartite: bool
) -> None:
    """Add the file's partners, then those that records name but the file does not hold."""
    side = {"bipartite": 0} if bipartite else {}
    partners = by_id(dataset.partners)
    for ident, partner in partners.items():
        graph.add_node(node("partner", ident), **_partner_attributes(partner), **side)
    for ident in named:
        if ident not in partners:
            graph.add_node(node("partner", ident), **_partner_attributes(None), **side)


def _new_graph() -> networkx.Graph[str]:
    import networkx  # imported on use: networkx is slow to import

    return networkx.Graph()


def _bipartite_graph(
    dataset: Dataset,
    kind: str,
    groups: Iterable[tuple[str, str, Sequence[tuple[str, Sequence[CodeList], bool]]]],
) -> networkx.Graph[str]:
    """Join partners to the groups (partnerships, platforms) they are in, once per pair.

    Each group comes with its id, its name and its links: a partner's id, its role codes in
    the group, and whether it leads there. A partner linked twice to one group has one edge,
    with the roles of both, leading if either link does.
    """
    held = list(groups)
    graph = _new_graph()
    named = (partner_id for _, _, links in held for partner_id, _, _ in links)
    _add_partners(graph, dataset, named, bipartite=True)
    for ident, name, _ in held:
        graph.add_node(node(kind, ident), kind=kind, name=name, in_file=True, bipartite=1)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for ident, _, links in held:
        target = node(kind, ident)
        for partner_id, roles, lead in links:
            edge = edges.setdefault(
                (node("partner", partner_id), target), {"roles": (), "lead": False}
            )
            edge["roles"] = tuple(dict.fromkeys((*edge["roles"], *(role.value for role in roles))))
            edge["lead"] = edge["lead"] or lead
    graph.add_edges_from((source, target, data) for (source, target), data in edges.items())
    return graph


@collection_paused()  # many small acyclic objects: the collector would only slow this
def partnership_graph(dataset: Dataset) -> networkx.Graph[str]:
    """Build the bipartite graph of partners and the partnerships they take part in.

    An edge joins a partner to each partnership it participates in, with ``roles`` (the
    participant's role codes, a tuple) and ``lead`` (whether it leads; false when not said).
    A partner listed twice in one partnership has one edge, with the roles of both.

    Example:
        >>> from partnering import load, example_path
        >>> graph = partnership_graph(load(example_path()))
        >>> graph.nodes["partnership:zbidf-cassava-to-flour"]["kind"], graph.number_of_edges()
        ('partnership', 7)
    """
    groups = (
        (
            partnership.id,
            partnership.title,
            [(p.partner_id, p.roles, bool(p.lead)) for p in partnership.participants],
        )
        for partnership in dataset.partnerships
    )
    return _bipartite_graph(dataset, "partnership", groups)


@collection_paused()  # many small acyclic objects: the collector would only slow this
def platform_graph(dataset: Dataset) -> networkx.Graph[str]:
    """Build the bipartite graph of partners and the platforms they are members of.

    An edge joins a partner to each platform that lists it among its members, with ``roles``
    (the membership role codes, a tuple) and ``lead`` (whether the partner is the platform's
    host). A host that is not listed as a member has no edge (the rules report it).

    Example:
        >>> from partnering import load, example_path
        >>> graph = platform_graph(load(example_path()))
        >>> graph.edges["partner:gov-ke", "platform:kenya-sdgpp"]["lead"]
        True
    """
    groups = (
        (
            platform.id,
            platform.name,
            [(m.partner_id, m.roles, m.partner_id == platform.host_id) for m in platform.members],
        )
        for platform in dataset.platforms
    )
    return _bipartite_graph(dataset, "platform", groups)


@collection_paused()  # many small acyclic objects: the collector would only slow this
def co_participation_graph(dataset: Dataset) -> networkx.Graph[str]:
    """Build the graph of partners that take part in partnerships together.

    The projection of :func:`partnership_graph` onto partners: two partners are joined when
    they share a partnership, with ``weight`` the number of partnerships they share and
    ``partnerships`` their ids (a sorted tuple). Every partner of the file is a node, even
    one in no partnership.

    Example:
        >>> from partnering import load, example_path
        >>> graph = co_participation_graph(load(example_path()))
        >>> graph.edges["partner:gov-ke", "partner:un-kenya"]
        {'weight': 1, 'partnerships': ('kenya-sdgpp-phc-window',)}
    """
    graph = _new_graph()
    named = (p.partner_id for item in dataset.partnerships for p in item.participants)
    _add_partners(graph, dataset, named, bipartite=False)
    shared: dict[tuple[str, str], set[str]] = {}
    for partnership in dataset.partnerships:
        partner_ids = dict.fromkeys(p.partner_id for p in partnership.participants)
        for pair in itertools.combinations(sorted(partner_ids), 2):
            shared.setdefault(pair, set()).add(partnership.id)
    for (first, second), partnerships in shared.items():
        graph.add_edge(
            node("partner", first),
            node("partner", second),
            weight=len(partnerships),
            partnerships=tuple(sorted(partnerships)),
        )
    return graph


def platform_overlap_graph(dataset: Dataset) -> networkx.Graph[str]:
    """Build the graph of platforms that share members.

    The projection of :func:`platform_graph` onto platforms: two platforms are joined when
    a partner is a member of both, with ``weight`` the number of members they share and
    ``partners`` their ids (a sorted tuple). Every platform of the file is a node.

    Example:
        >>> from partnering import load, example_path
        >>> graph = platform_overlap_graph(load(example_path()))
        >>> graph.edges["platform:zbidf", "platform:bcta"]
        {'weight': 1, 'partners': ('sida',)}
    """
    graph = _new_graph()
    for platform in by_id(dataset.platforms).values():
        graph.add_node(
            node("platform", platform.id), kind="platform", name=platform.name, in_file=True
        )
    for overlap in shared_members(dataset):
        first, second = overlap.platform_ids
        graph.add_edge(
            node("platform", first),
            node("platform", second),
            weight=len(overlap.partner_ids),
            partners=overlap.partner_ids,
        )
    return graph
