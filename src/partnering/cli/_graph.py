"""``partnering graph``: write a network of the file as GraphML, GEXF or a CSV edge list.

Example:
    >>> sorted(GRAPHS)
    ['co-participation', 'partnerships', 'platform-overlap', 'platforms']
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from partnering._render import shown
from partnering.analysis import (
    GraphFormat,
    co_participation_graph,
    partnership_graph,
    platform_graph,
    platform_overlap_graph,
)
from partnering.cli._dataset import UNREADABLE, Steps, read_dataset
from partnering.cli._terminal import error
from partnering.models import Dataset

if TYPE_CHECKING:
    import networkx

__all__ = ["GRAPHS", "run_graph"]

#: The graphs the command builds, by the name ``--kind`` gives them.
GRAPHS: Mapping[str, Callable[[Dataset], networkx.Graph[str]]] = {
    "partnerships": partnership_graph,
    "platforms": platform_graph,
    "co-participation": co_participation_graph,
    "platform-overlap": platform_overlap_graph,
}

_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}


def run_graph(args: argparse.Namespace) -> int:
    """Run ``partnering graph`` with the parsed arguments, and return the exit status."""
    target = Path(args.output)
    graph_format = args.format or _SUFFIXES.get(target.suffix.lower())
    if graph_format is None:
        error(
            f"cannot tell the graph format of {shown(args.output)!r}: name the file .graphml, "
            ".gexf or .csv, or give --format"
        )
        return UNREADABLE
    steps = Steps(sys.stderr)
    dataset, status, _ = read_dataset(args.file, steps)
    if dataset is None:
        return status
    from partnering.analysis import write_graph
    from partnering.errors import WriteError

    steps.show(f"building the {args.kind} graph")
    graph = GRAPHS[args.kind](dataset)
    steps.show(f"writing {shown(args.output, 60)}")
    try:
        write_graph(graph, target, graph_format=cast(GraphFormat, graph_format))
    except WriteError as problem:
        steps.clear()
        error(shown(problem.message))
        return UNREADABLE
    steps.clear()
    sys.stdout.write(
        f"wrote {shown(args.output)}: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges ({args.kind}, {graph_format})\n"
    )
    return 0
