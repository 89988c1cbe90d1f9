r"""Find the line of a key in a TOML file, which :mod:`tomllib` does not tell.

Example:
    >>> lines = key_lines('a = 1\n[b.columns]\n"Start Date" = "start_date"\n')
    >>> line_of(lines, ("b", "columns", "Start Date")), line_of(lines, ("b", "columns", "X"))
    (3, 2)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["key_lines", "line_of"]

_TABLE = re.compile(r"^\s*\[\[?\s*(?P<key>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGNMENT = re.compile(
    r"""^\s*(?P<key>(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)
_PART = re.compile(r"""\s*("(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))\s*""")


def _parts(dotted: str) -> tuple[str, ...]:
    found = []
    for match in _PART.finditer(dotted):
        for name in ("double", "single", "bare"):
            if match.group(name) is not None:
                found.append(match.group(name))
                break
    return tuple(found)


def key_lines(text: str) -> Mapping[tuple[str, ...], int]:
    """Map each table and key the text defines to its first line, counted from 1.

    Multi-line strings and arrays are skipped roughly: a line inside one that looks like an
    assignment could be taken for a key, which only ever points a message at a nearby line.
    """
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE.match(line)
        if header:
            table = _parts(header.group("key"))
            lines.setdefault(table, number)
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment:
            lines.setdefault(table + _parts(assignment.group("key")), number)
    return lines


def line_of(lines: Mapping[tuple[str, ...], int], path: Sequence[str]) -> int:
    """Return the line of ``path``, or of the nearest table or key that holds it (else 1)."""
    for end in range(len(path), 0, -1):
        found = lines.get(tuple(path[:end]))
        if found is not None:
            return found
    return 1
