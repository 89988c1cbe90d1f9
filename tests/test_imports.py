"""The import graph of the package has no cycle, typing-only imports included.

Every module under ``src/partnering`` is read with :mod:`ast`, not imported, so an import
inside a function or under ``if TYPE_CHECKING:`` counts as much as one at the top of the
file: a cycle among them breaks at runtime as soon as one import moves. The package root is
the one exception, and only for its lazy re-exports (its ``TYPE_CHECKING`` block and the
``importlib`` look-up of ``_EXPORTS``): nothing imports it for its own sake.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

SOURCE = Path(__file__).parents[1] / "src" / "partnering"
ROOT = "partnering"


def module_name(path: Path) -> str:
    """Name the module a file of the package defines."""
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the package, by name."""
    return {module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def imported(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool) -> Iterator[str]:
    """Yield every name an import statement may load, resolved to absolute module names."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    if node.level:
        package = importer if is_package else importer.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    yield base
    # ``from a import b`` loads the module a.b when there is one.
    yield from (f"{base}.{alias.name}" for alias in node.names)


def edges(name: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """The modules of the package that ``name`` imports, wherever in the file it does."""
    if name == ROOT:
        return set()  # the root only re-exports, lazily
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        for target in imported(node, name, is_package):
            # Importing a.b.c runs a and a.b first, unless the importer is inside them.
            parts = target.split(".")
            for end in range(2, len(parts) + 1):
                candidate = ".".join(parts[:end])
                inside = name == candidate or name.startswith(candidate + ".")
                if candidate in known and not inside:
                    found.add(candidate)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: edges(name, path, known) for name, path in known.items()}


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """Return one cycle of the graph as a list of modules, first repeated last, or None."""
    state: dict[str, int] = {}  # 1: on the current path; 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found is not None:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found is not None:
                return found
    return None


def test_the_package_has_no_import_cycle() -> None:
    """No chain of imports, typing-only and function-level ones included, leads back to itself."""
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_graph_sees_every_kind_of_import() -> None:
    """Imports at the top, inside functions and under TYPE_CHECKING are all edges of the graph."""
    found = graph()
    assert "partnering._json" in found["partnering.validation"]  # at the top
    assert "partnering._schema_layer" in found["partnering._fast._engine"]  # inside a function
    assert "partnering.report" in found["partnering.errors"]  # under TYPE_CHECKING
    assert "partnering.catalogue._info" in found["partnering.catalogue"]  # a package's own
    assert found["partnering"] == set()  # the root re-exports only


def test_the_report_and_the_format_sit_at_the_bottom() -> None:
    """The format's leaf module imports nothing of the library; the report only modules as low."""
    found = graph()
    assert found["partnering._format"] == set()
    assert found["partnering._pointers"] == set()
    # The report groups issues by their generic place, and orders issues without a line by
    # the schema's order of fields; bounding a report sits above it.
    assert found["partnering.report"] == {
        "partnering._format",
        "partnering._pointers",
        "partnering._grouping",
    }
    assert found["partnering._grouping"] == {"partnering._pointers", "partnering._order"}
    assert found["partnering._bounds"] == {"partnering._grouping", "partnering.report"}
    assert found["partnering._order"] == {"partnering.schemas"}
    assert found["partnering.schemas"] == {"partnering._format"}


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"a"}}, ["a", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
        ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, None),
    ],
)
def test_find_cycle_finds_cycles_and_only_cycles(
    graph: dict[str, set[str]], cycle: list[str] | None
) -> None:
    """The search reports a cycle where there is one, and none in a diamond."""
    assert find_cycle(graph) == cycle


def test_a_typing_only_import_is_an_edge(tmp_path: Path) -> None:
    """An import under ``if TYPE_CHECKING:`` in a function-free module is still found."""
    source = tmp_path / "partnering"
    source.mkdir()
    (source / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from partnering.b import X\n"
    )
    (source / "b.py").write_text("def f():\n    from partnering import a\n")
    known = {"partnering.a": source / "a.py", "partnering.b": source / "b.py"}
    found = {name: edges(name, path, known) for name, path in known.items()}
    assert find_cycle(found) == ["partnering.a", "partnering.b", "partnering.a"]
