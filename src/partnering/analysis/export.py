"""Write graphs for other tools: GraphML, GEXF (Gephi) or a CSV list of edges.

Both XML formats hold only text, numbers and booleans, so on the way out a tuple becomes its
items joined by ``;`` and an attribute that is ``None`` is left out. The CSV file has a
``source`` and a ``target`` column, then one column per edge attribute, in sorted order.
Files are written atomically: to a temporary file in the same folder, then moved into place.

Example:
    >>> import pathlib, tempfile
    >>> from partnering import load, example_path
    >>> from partnering.analysis import partnership_graph
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "partnerships.csv"
    >>> write_graph(partnership_graph(load(example_path())), target)
    >>> print(target.read_text(encoding="utf-8").splitlines()[1])
    partner:tpi,partnership:zbidf-cassava-to-flour,false,broker
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from partnering._files import write_bytes

if TYPE_CHECKING:
    import networkx

__all__ = ["GraphFormat", "graph_bytes", "write_graph"]

#: The formats :func:`write_graph` writes.
GraphFormat = Literal["graphml", "gexf", "csv"]

_SUFFIXES: Mapping[str, GraphFormat] = {".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}


def _scalar(value: Any) -> Any:
    if isinstance(value, (tuple, list, set, frozenset)):
        return ";".join(str(item) for item in value)
    return value


def _flat(attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _scalar(value) for key, value in attributes.items() if value is not None}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_scalar(value))


def _csv(graph: networkx.Graph[str]) -> bytes:
    columns = sorted({key for _, _, data in graph.edges(data=True) for key in data})
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["source", "target", *columns])
    for source, target, data in graph.edges(data=True):
        writer.writerow([source, target, *(_cell(data.get(column)) for column in columns)])
    return text.getvalue().encode("utf-8")


def graph_bytes(graph: networkx.Graph[str], graph_format: GraphFormat) -> bytes:
    r"""Return the bytes of a graph in one of the formats, as :func:`write_graph` writes them.

    Example:
        >>> import networkx as nx
        >>> graph = nx.Graph()
        >>> graph.add_edge("partner:a", "partner:b", weight=2)
        >>> graph_bytes(graph, "csv")
        b'source,target,weight\npartner:a,partner:b,2\n'
    """
    if graph_format == "csv":
        return _csv(graph)
    import networkx  # imported on use: networkx is slow to import

    flat: networkx.Graph[str] = networkx.Graph()
    flat.add_nodes_from((name, _flat(data)) for name, data in graph.nodes(data=True))
    flat.add_edges_from((u, v, _flat(data)) for u, v, data in graph.edges(data=True))
    stream = io.BytesIO()
    if graph_format == "graphml":
        networkx.write_graphml(flat, stream, encoding="utf-8")
    elif graph_format == "gexf":
        networkx.write_gexf(flat, stream, encoding="utf-8")
    else:
        raise ValueError(f"unknown graph format {graph_format!r}: use graphml, gexf or csv")
    return stream.getvalue()


def _format_of(path: Path) -> GraphFormat:
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ValueError(
            f"cannot tell the graph format of {str(path)!r}: name the file .graphml, .gexf "
            "or .csv, or give the format"
        )
    return found


def write_graph(
    graph: networkx.Graph[str],
    path: str | os.PathLike[str],
    *,
    graph_format: GraphFormat | None = None,
) -> None:
    """Write a graph to a file, atomically, in the format its name ends with.

    Args:
        graph: a graph, such as one :func:`~partnering.analysis.partnership_graph` built.
        path: where to write; ``.graphml``, ``.gexf`` and ``.csv`` name the format.
        graph_format: the format, when the file's name does not say it.

    Raises:
        ValueError: the format is neither given nor told by the file's name.
        WriteError: the file cannot be written (no such folder, no permission, a
            write-protected file).
    """
    target = Path(path)
    data = graph_bytes(graph, graph_format or _format_of(target))
    write_bytes(target, data)
