r"""Find where values are in the text of a JSON document: the line and column of each path.

:func:`locate` takes the text of a document the strict reader has accepted and the paths the
report names (``Issue.path``: object keys and array indices from the root), and returns for
each path where its value starts, and where its key starts when the value is an object member.
It reads the text once for all paths together, and walks into a container only when a path
asked for goes through it; every other value is stepped over by the C decoder. So a report of
a few hundred issues on a large file costs about one more reading of the file, and only files
with issues pay it.

Positions are 1-based, and columns count characters (code points), not bytes: ``é`` and ``😀``
are one column each, and so is a tab. A line ends at a line feed, a carriage return followed by
a line feed, or a carriage return alone, so files written on any system number their lines as
their editors do.

A path the document does not have (the field a ``missing-field`` issue asks for) is placed at
the value of its deepest ancestor the document has: the object that should hold the field.

Example:
    >>> text = '{\r\n  "partners": [\r\n    {"id": "tpi", "nmae": "TPI"}\r\n  ]\r\n}'
    >>> spots = locate(text, [("partners", 0, "nmae"), ("partners", 0, "name")])
    >>> spots[("partners", 0, "nmae")]
    Spot(value=Position(line=3, column=27), key=Position(line=3, column=19), found=True)
    >>> spots[("partners", 0, "name")]
    Spot(value=Position(line=3, column=5), key=None, found=False)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from json.scanner import make_scanner

import attrs

from partnering.report import Path

__all__ = ["Position", "Spot", "locate"]


@attrs.frozen
class Position:
    """A place in a text: its 1-based line, and its 1-based column in characters."""

    line: int
    column: int


@attrs.frozen(kw_only=True)
class Spot:
    """Where a path is in a document.

    Attributes:
        value: where the value at the path starts (its quote, bracket, brace, digit or
            letter); for a path the document lacks, where the value of its deepest ancestor
            that the document has starts.
        key: where the value's key starts (its opening quote), when the value is a member of
            an object that the document has; ``None`` for array items and the root.
        found: whether the document has a value at the path itself.
    """

    value: Position
    key: Position | None
    found: bool


class _Node:
    """One step of the paths asked for: the steps that may follow it, and where it was found."""

    __slots__ = ("children", "key", "value")

    def __init__(self) -> None:
        self.children: dict[str | int, _Node] = {}
        #: The offset of the value, once found.
        self.value: int | None = None
        #: The offset of the value's key, when the value is an object member.
        self.key: int | None = None


_WHITESPACE = re.compile(r"[ \t\n\r]*")
# After a value: spaces, then either a comma and the spaces after it (group 1), or nothing.
_NEXT = re.compile(r"[ \t\n\r]*(?:(,)[ \t\n\r]*)?")
# The unrolled form of "a quote, any characters or escapes, a quote": linear, no backtracking.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# Everything that is neither a string nor a bracket: what a container scan can jump over.
_PLAIN = re.compile(r'[^"\[\]{}]*')
# The C decoder's scanner, called directly rather than through JSONDecoder.raw_decode: it
# steps over any value far faster than a scan in Python can. The values are thrown away, so
# each object is made into the cheapest thing a hook can make of its pairs: their number.
# (typeshed's stub asks for a scanner where the scanner takes a decoder.)
_SCAN = make_scanner(json.JSONDecoder(object_pairs_hook=len))  # type: ignore[arg-type]


def _not_json(pos: int) -> ValueError:
    return ValueError(f"the text is not a JSON document: unexpected character at {pos}")


def _match(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str]:
    """Match the pattern at ``pos``, where the text must have it."""
    match = pattern.match(text, pos)
    if match is None:
        raise _not_json(pos)
    return match


def _after(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Return the offset after what the pattern matches at ``pos``."""
    return _match(pattern, text, pos).end()


def _trie(paths: Iterable[Path]) -> tuple[_Node, int]:
    """Build the tree of the steps of every path; count its nodes below the root."""
    root = _Node()
    count = 0
    for path in paths:
        node = root
        for segment in path:
            child = node.children.get(segment)
            if child is None:
                child = node.children[segment] = _Node()
                count += 1
            node = child
    return root, count


def _skip_container(text: str, pos: int) -> int:
    """Return the offset after the array or object starting at ``pos``, at any depth."""
    depth = 0
    while True:
        pos = _after(_PLAIN, text, pos)
        char = text[pos]
        if char == '"':
            pos = _after(_STRING, text, pos)
            continue
        depth += 1 if char in "[{" else -1
        pos += 1
        if depth == 0:
            return pos


def _skip(text: str, pos: int) -> int:
    """Return the offset after the value starting at ``pos``."""
    try:
        end: int = _SCAN(text, pos)[1]
    except RecursionError:
        # Nesting deeper than the interpreter's stack allows: scan without recursion.
        return _skip_container(text, pos)
    except (StopIteration, ValueError):
        raise _not_json(pos) from None
    return end


def _key(text: str, pos: int) -> tuple[str, int]:
    """Read the key starting at ``pos``: its decoded text, and the offset after it."""
    end = _after(_STRING, text, pos)
    if text.find("\\", pos, end) < 0:  # no escape: the key is the text between its quotes
        return text[pos + 1 : end - 1], end
    key: str = json.loads(text[pos:end])
    return key, end


def _find(text: str, root: _Node, wanted: int) -> None:
    """Set the value offset, and key offset, of every node of the tree the text has.

    The walk keeps its own stack, so it goes as deep as the document, whatever the depth
    of the interpreter's stack; it stops as soon as every node has been found.
    """
    pos = _after(_WHITESPACE, text, 0)
    root.value = pos
    # Each frame: the node of an open container, whether it is an object, and the index of
    # the item being read.
    stack: list[tuple[_Node, bool, int]] = []
    node: _Node | None = root
    while wanted:
        if node is not None and node.children and text[pos] in "[{":
            stack.append((node, text[pos] == "{", 0))
            pos = _after(_WHITESPACE, text, pos + 1)
            closed = text[pos] in "]}"
            if closed:
                pos += 1
                stack.pop()
        else:
            pos = _skip(text, pos)
            closed = True
        if closed:
            # After a value: a comma opens the next item; a bracket closes the container.
            while stack:
                after = _match(_NEXT, text, pos)
                pos = after.end()
                if after.group(1):
                    parent, is_object, index = stack[-1]
                    stack[-1] = (parent, is_object, index + 1)
                    break
                pos += 1
                stack.pop()
            else:
                return
        parent, is_object, index = stack[-1]
        segment: str | int = index
        key_at: int | None = None
        if is_object:
            key_at = pos
            segment, pos = _key(text, pos)
            colon = _after(_WHITESPACE, text, pos)
            pos = _after(_WHITESPACE, text, colon + 1)
        node = parent.children.get(segment)
        if node is not None:
            node.value, node.key = pos, key_at
            wanted -= 1


def _positions(text: str, offsets: Iterable[int]) -> dict[int, Position]:
    """Turn offsets into lines and columns, counting line breaks once from start to end."""
    positions: dict[int, Position] = {}
    line, line_start, previous = 1, 0, 0
    # Most files end their lines with LF alone: they need one count per span, not three.
    returns = "\r" in text
    for offset in sorted(set(offsets)):
        breaks = text.count("\n", previous, offset)
        if returns:
            # No offset falls between the two characters of CR LF: each is the start of a key
            # or a value, never a line feed. So each span counts its breaks exactly.
            breaks += text.count("\r", previous, offset) - text.count("\r\n", previous, offset)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", previous, offset)
            if returns:
                line_start = max(line_start, text.rfind("\r", previous, offset))
            line_start += 1
        positions[offset] = Position(line, offset - line_start + 1)
        previous = offset
    return positions


def locate(text: str, paths: Iterable[Path]) -> dict[Path, Spot]:
    r"""Say where each path is in the text of a JSON document, in one reading of the text.

    Args:
        text: a JSON document the strict reader has accepted; other text gives places that
            mean nothing, or a :class:`ValueError`.
        paths: the paths to place: object keys and array indices from the root.

    Returns:
        The :class:`Spot` of each path asked for.

    Example:
        >>> spots = locate('{"title": 5,\n "sdgs": [3, 18]}', [("sdgs", 1), ("title",)])
        >>> spots[("sdgs", 1)].value, spots[("title",)].key
        (Position(line=2, column=14), Position(line=1, column=2))
    """
    asked = list(dict.fromkeys(tuple(path) for path in paths))
    root, wanted = _trie(asked)
    _find(text, root, wanted)
    # The deepest node found on each path, and whether it is the path's own.
    reached: list[tuple[_Node, bool]] = []
    for path in asked:
        node, exact = root, True
        for segment in path:
            child = node.children[segment]
            if child.value is None:
                exact = False
                break
            node = child
        reached.append((node, exact))
    offsets = [node.value for node, _ in reached] + [node.key for node, exact in reached if exact]
    positions = _positions(text, [offset for offset in offsets if offset is not None])
    spots: dict[Path, Spot] = {}
    for path, (node, exact) in zip(asked, reached, strict=True):
        assert node.value is not None  # the root, at least, is always found
        spots[path] = Spot(
            value=positions[node.value],
            key=positions[node.key] if exact and node.key is not None else None,
            found=exact,
        )
    return spots
