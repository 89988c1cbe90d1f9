"""Networks of partners, partnerships and platforms, on a dataset worked out by hand.

=====  =================================================================
s1     gov (accountable, lead), biz (funding, implementing), ngo (implementing)
s2     biz (implementing), ngo (broker), ghost (no role; not in the file)
s3     gov (funding), uni (implementing, lead false), gov again (accountable)
s4     misc, uni
=====  =================================================================

Platforms: pA hosted by gov (gov: host and co-chair; biz: member); pB (biz: funder; ngo and
gov: members; no host); pC (ghost and ngo: members); pD (no members). Partner ``idle`` takes
part in nothing. Sectors: gov public, biz private, ngo civil society, uni academia, misc other,
idle philanthropy.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given

from analysis_cases import Case, shuffled_and_renamed
from partnering import (
    Dataset,
    HostingModel,
    Membership,
    MembershipRole,
    OrganisationType,
    Participant,
    ParticipantRole,
    Partner,
    Partnership,
    Platform,
    PlatformScope,
    WriteError,
)
from partnering.analysis import (
    MemberOverlap,
    co_participation_graph,
    graph_bytes,
    node,
    partnership_graph,
    platform_graph,
    platform_overlap_graph,
    sector_bridges,
    shared_members,
    write_graph,
)

R = ParticipantRole
M = MembershipRole


def partner(ident: str, code: str) -> Partner:
    return Partner(id=ident, name=ident.title(), organisation_type=OrganisationType(code))


def take_part(ident: str, *roles: ParticipantRole, lead: bool | None = None) -> Participant:
    return Participant(partner_id=ident, roles=roles, lead=lead)


def partnership(ident: str, *participants: Participant) -> Partnership:
    return Partnership(id=ident, title=f"Partnership {ident}", participants=participants)


def member(ident: str, *roles: MembershipRole) -> Membership:
    return Membership(partner_id=ident, roles=roles)


def platform(ident: str, *members: Membership, host: str | None = None) -> Platform:
    return Platform(
        id=ident,
        name=f"Platform {ident}",
        scope=PlatformScope.NATIONAL,
        hosting_model=HostingModel.OTHER,
        members=members,
        host_id=host,
    )


DATASET = Dataset(
    partners=(
        partner("gov", "10"),
        partner("biz", "70"),
        partner("ngo", "22"),
        partner("uni", "80"),
        partner("misc", "90"),
        partner("idle", "60"),
    ),
    partnerships=(
        partnership(
            "s1",
            take_part("gov", R.ACCOUNTABLE, lead=True),
            take_part("biz", R.FUNDING, R.IMPLEMENTING),
            take_part("ngo", R.IMPLEMENTING),
        ),
        partnership(
            "s2",
            take_part("biz", R.IMPLEMENTING),
            take_part("ngo", R.BROKER),
            take_part("ghost"),
        ),
        partnership(
            "s3",
            take_part("gov", R.FUNDING),
            take_part("uni", R.IMPLEMENTING, lead=False),
            take_part("gov", R.ACCOUNTABLE),
        ),
        partnership("s4", take_part("misc"), take_part("uni")),
    ),
    platforms=(
        platform("pA", member("gov", M.HOST, M.CO_CHAIR), member("biz", M.MEMBER), host="gov"),
        platform("pB", member("biz", M.FUNDER), member("ngo", M.MEMBER), member("gov", M.MEMBER)),
        platform("pC", member("ghost", M.MEMBER), member("ngo", M.MEMBER)),
        platform("pD"),
    ),
)

PARTNERS = ["gov", "biz", "ngo", "uni", "misc", "idle"]


def names(kind: str, *idents: str) -> list[str]:
    return [node(kind, ident) for ident in idents]


# -- The bipartite graphs --------------------------------------------------------------------


def test_partnership_graph_nodes() -> None:
    """The file's partners in order, then ghost (named but not in the file), then partnerships."""
    graph = partnership_graph(DATASET)
    assert list(graph.nodes) == [
        *names("partner", *PARTNERS, "ghost"),
        *names("partnership", "s1", "s2", "s3", "s4"),
    ]
    assert graph.nodes["partner:gov"] == {
        "kind": "partner",
        "name": "Gov",
        "sector": "public",
        "in_file": True,
        "bipartite": 0,
    }
    assert graph.nodes["partner:ghost"] == {"kind": "partner", "in_file": False, "bipartite": 0}
    assert graph.nodes["partnership:s2"] == {
        "kind": "partnership",
        "name": "Partnership s2",
        "in_file": True,
        "bipartite": 1,
    }


def test_partnership_graph_edges_carry_roles_and_lead() -> None:
    """Ten participations; gov's two places in s3 make one edge with both roles."""
    graph = partnership_graph(DATASET)
    assert graph.number_of_edges() == 10
    edges = graph.edges
    assert edges["partner:gov", "partnership:s1"] == {"roles": ("accountable",), "lead": True}
    assert edges["partner:biz", "partnership:s1"] == {
        "roles": ("funding", "implementing"),
        "lead": False,
    }
    assert edges["partner:gov", "partnership:s3"] == {
        "roles": ("funding", "accountable"),
        "lead": False,
    }
    assert edges["partner:ghost", "partnership:s2"] == {"roles": (), "lead": False}
    assert list(graph.neighbors("partner:idle")) == []


def test_platform_graph() -> None:
    """Seven memberships; only gov leads, as pA's host; pD has no member."""
    graph = platform_graph(DATASET)
    assert list(graph.nodes)[-4:] == names("platform", "pA", "pB", "pC", "pD")
    assert graph.nodes["partner:ghost"]["in_file"] is False
    assert sorted(graph.edges) == sorted(
        [
            ("partner:gov", "platform:pA"),
            ("partner:biz", "platform:pA"),
            ("partner:biz", "platform:pB"),
            ("partner:ngo", "platform:pB"),
            ("partner:gov", "platform:pB"),
            ("partner:ghost", "platform:pC"),
            ("partner:ngo", "platform:pC"),
        ]
    )
    assert graph.edges["partner:gov", "platform:pA"] == {
        "roles": ("host", "co_chair"),
        "lead": True,
    }
    assert graph.edges["partner:gov", "platform:pB"] == {"roles": ("member",), "lead": False}
    assert [data["lead"] for _, _, data in graph.edges(data=True)].count(True) == 1
    assert list(graph.neighbors("platform:pD")) == []


def test_bipartite_graphs_are_bipartite_in_networkx_terms() -> None:
    """The ``bipartite`` attribute splits the nodes into two sides with no edge inside one."""
    for graph in (partnership_graph(DATASET), platform_graph(DATASET)):
        partners = {name for name, side in graph.nodes(data="bipartite") if side == 0}  # type: ignore[comparison-overlap]  # stubs: side as a dict
        assert nx.bipartite.is_bipartite_node_set(graph, partners)


# -- The projections -------------------------------------------------------------------------


def test_co_participation_graph_weights_shared_partnerships() -> None:
    """Biz and ngo share s1 and s2; every other pair shares one partnership."""
    graph = co_participation_graph(DATASET)
    assert list(graph.nodes) == names("partner", *PARTNERS, "ghost")
    weights = {
        tuple(sorted((u, v))): (data["weight"], data["partnerships"])
        for u, v, data in graph.edges(data=True)
    }
    assert weights == {
        ("partner:biz", "partner:gov"): (1, ("s1",)),
        ("partner:biz", "partner:ngo"): (2, ("s1", "s2")),
        ("partner:gov", "partner:ngo"): (1, ("s1",)),
        ("partner:biz", "partner:ghost"): (1, ("s2",)),
        ("partner:ghost", "partner:ngo"): (1, ("s2",)),
        ("partner:gov", "partner:uni"): (1, ("s3",)),
        ("partner:misc", "partner:uni"): (1, ("s4",)),
    }
    assert graph.degree("partner:idle") == 0
    assert "bipartite" not in graph.nodes["partner:gov"]


def test_platform_overlap_graph() -> None:
    """PA and pB share gov and biz; pB and pC share ngo; pD shares nothing."""
    graph = platform_overlap_graph(DATASET)
    assert list(graph.nodes) == names("platform", "pA", "pB", "pC", "pD")
    assert dict(graph.edges) == {
        ("platform:pA", "platform:pB"): {"weight": 2, "partners": ("biz", "gov")},
        ("platform:pB", "platform:pC"): {"weight": 1, "partners": ("ngo",)},
    }


# -- Metrics ---------------------------------------------------------------------------------


def test_sector_bridges() -> None:
    """Gov works with private, civil society and academia; 'other' and unknown add nothing."""
    bridges = [
        (bridge.partner_id, bridge.sector, bridge.sectors, bridge.co_partner_ids)
        for bridge in sector_bridges(DATASET)
    ]
    assert bridges == [
        ("gov", "public", ("private", "civil_society", "academia"), ("biz", "ngo", "uni")),
        ("biz", "private", ("public", "civil_society"), ("ghost", "gov", "ngo")),
        ("ngo", "civil_society", ("public", "private"), ("biz", "ghost", "gov")),
        ("uni", "academia", ("public",), ("gov", "misc")),
        ("misc", "other", ("academia",), ("uni",)),
        ("idle", "philanthropy", (), ()),
    ]
    assert sector_bridges(DATASET)[0].partnership_ids == ("s1", "s3")


def test_shared_members() -> None:
    """The pair sharing two members comes first."""
    assert shared_members(DATASET) == (
        MemberOverlap(platform_ids=("pA", "pB"), partner_ids=("biz", "gov")),
        MemberOverlap(platform_ids=("pB", "pC"), partner_ids=("ngo",)),
    )


def test_betweenness_runs_on_the_projection() -> None:
    """The documented recipe: gov and uni are the cut points towards misc, so they score."""
    scores = nx.betweenness_centrality(co_participation_graph(DATASET))
    assert scores["partner:misc"] == 0.0
    assert scores["partner:uni"] > 0.0
    assert scores["partner:gov"] > scores["partner:biz"]


# -- Export ----------------------------------------------------------------------------------

CO_PARTICIPATION_CSV = """\
source,target,partnerships,weight
partner:gov,partner:biz,s1,1
partner:gov,partner:ngo,s1,1
partner:gov,partner:uni,s3,1
partner:biz,partner:ngo,s1;s2,2
partner:biz,partner:ghost,s2,1
partner:ngo,partner:ghost,s2,1
partner:uni,partner:misc,s4,1
"""


def test_csv_edge_list(tmp_path: Path) -> None:
    """Source, target, then the edge attributes in sorted order; tuples joined by ';'."""
    target = tmp_path / "co.csv"
    write_graph(co_participation_graph(DATASET), target)
    assert target.read_text(encoding="utf-8") == CO_PARTICIPATION_CSV


def test_csv_writes_booleans_and_empty_roles(tmp_path: Path) -> None:
    """Lead is true or false; no role is an empty cell."""
    text = graph_bytes(partnership_graph(DATASET), "csv").decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "source,target,lead,roles"
    assert "partner:gov,partnership:s1,true,accountable" in lines
    assert "partner:biz,partnership:s1,false,funding;implementing" in lines
    assert "partner:ghost,partnership:s2,false," in lines
    assert len(lines) == 11


def test_graphml_round_trip(tmp_path: Path) -> None:
    """GraphML keeps the nodes and edges; tuples come back joined, absent sectors stay absent."""
    target = tmp_path / "partnerships.graphml"
    write_graph(partnership_graph(DATASET), target)
    read = nx.read_graphml(target)
    assert list(read.nodes) == list(partnership_graph(DATASET).nodes)
    assert read.nodes["partner:gov"] == {
        "kind": "partner",
        "name": "Gov",
        "sector": "public",
        "in_file": True,
        "bipartite": 0,
    }
    assert "sector" not in read.nodes["partner:ghost"]
    assert read.edges["partner:biz", "partnership:s1"] == {
        "roles": "funding;implementing",
        "lead": False,
    }
    assert read.number_of_edges() == 10


def test_gexf_round_trip(tmp_path: Path) -> None:
    """GEXF, for Gephi, keeps the same nodes, attributes and weights."""
    target = tmp_path / "co.gexf"
    write_graph(co_participation_graph(DATASET), target)
    read = nx.read_gexf(target)
    assert sorted(read.nodes) == sorted(names("partner", *PARTNERS, "ghost"))
    assert read.nodes["partner:ngo"]["sector"] == "civil_society"
    assert read.nodes["partner:ngo"]["kind"] == "partner"
    assert read.edges["partner:biz", "partner:ngo"]["weight"] == 2
    assert read.edges["partner:biz", "partner:ngo"]["partnerships"] == "s1;s2"


def test_the_format_may_be_given_when_the_name_does_not_say(tmp_path: Path) -> None:
    """A .txt file is written as asked; with no format, the name must say it."""
    graph = co_participation_graph(DATASET)
    target = tmp_path / "edges.txt"
    write_graph(graph, target, graph_format="csv")
    assert target.read_text(encoding="utf-8") == CO_PARTICIPATION_CSV
    with pytest.raises(ValueError, match=r"name the file \.graphml, \.gexf or \.csv"):
        write_graph(graph, tmp_path / "edges.txt")
    with pytest.raises(ValueError, match="unknown graph format 'dot'"):
        graph_bytes(graph, "dot")  # type: ignore[arg-type]


def test_writing_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """An old file is replaced whole; the folder holds only the target afterwards."""
    target = tmp_path / "co.csv"
    target.write_text("old\n", encoding="utf-8")
    write_graph(co_participation_graph(DATASET), target)
    assert target.read_text(encoding="utf-8") == CO_PARTICIPATION_CSV
    assert [path.name for path in tmp_path.iterdir()] == ["co.csv"]


def test_a_new_file_gets_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    """Not the owner-only mode of a temporary file."""
    umask = os.umask(0o022)
    try:
        target = tmp_path / "co.csv"
        write_graph(co_participation_graph(DATASET), target)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the final move fails, the old file is intact and the temporary file is gone."""
    target = tmp_path / "co.csv"
    target.write_text("old\n", encoding="utf-8")

    def refuse(self: Path, other: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(WriteError, match=r"cannot write .*co\.csv.*: Permission denied"):
        write_graph(co_participation_graph(DATASET), target)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["co.csv"]


def test_writing_into_a_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    """The library's error for files, not a bare OSError."""
    with pytest.raises(WriteError, match="cannot write"):
        write_graph(co_participation_graph(DATASET), tmp_path / "missing" / "co.csv")


# -- Invariance ------------------------------------------------------------------------------


def relabelled(graph: nx.Graph[str], mappings: dict[str, dict[str, str]]) -> nx.Graph[str]:
    lists = {"partner": "partners", "partnership": "partnerships", "platform": "platforms"}

    def rename(name: str) -> str:
        kind, ident = name.split(":", 1)
        return node(kind, mappings[lists[kind]].get(ident, ident))

    return nx.relabel_nodes(graph, rename)


def as_sets(
    graph: nx.Graph[str],
) -> tuple[dict[str, dict[str, object]], dict[frozenset[str], dict[str, object]]]:
    """Nodes and edges with their attributes, leaving out ids of partnerships on edges."""
    edges = {
        frozenset((u, v)): {key: value for key, value in data.items() if key != "partnerships"}
        for u, v, data in graph.edges(data=True)
    }
    return dict(graph.nodes(data=True)), edges  # type: ignore[arg-type]  # stubs: a view of nodes only


@given(shuffled_and_renamed())
def test_graphs_are_invariant_under_reordering_and_renaming(case: Case) -> None:
    """The graphs of the renamed, reordered dataset are the original's, renamed."""
    original, changed, mappings = case
    for build in (partnership_graph, platform_graph, co_participation_graph):
        assert as_sets(relabelled(build(original), mappings)) == as_sets(build(changed))
    partners = mappings["partners"]
    before = {
        partners[bridge.partner_id]: (bridge.sector, bridge.sectors)
        for bridge in sector_bridges(original)
    }
    after = {
        bridge.partner_id: (bridge.sector, bridge.sectors) for bridge in sector_bridges(changed)
    }
    assert before == after
    platforms = mappings["platforms"]
    before_overlaps = {
        frozenset(platforms[ident] for ident in overlap.platform_ids): {
            partners.get(ident, ident) for ident in overlap.partner_ids
        }
        for overlap in shared_members(original)
    }
    after_overlaps = {
        frozenset(overlap.platform_ids): set(overlap.partner_ids)
        for overlap in shared_members(changed)
    }
    assert before_overlaps == after_overlaps
