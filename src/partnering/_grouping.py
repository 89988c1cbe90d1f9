"""Where issues group: a place with its indices left out, and, for a key's issue, its key.

A report groups the issues of one code at one generic place (``/partners/*/sector``), and a
bound on a report keeps the first issues of each group. Long keys are cut here, once, for
every report that shows them.

Example:
    >>> generic_pointer(("partners", 12, "sector"))
    '/partners/*/sector'
    >>> group_pointer("unknown-field", ("partners", 3, "nmae"))
    '/partners/*/*'
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from partnering._pointers import escape_pointer_segment

__all__ = [
    "KEY_CODES",
    "KEY_LIMIT",
    "GroupKey",
    "generic_pointer",
    "group_key",
    "group_pointer",
    "path_key",
    "pointer_of",
    "shortened",
]

#: A path: object keys and array indices, from the root.
_Path = tuple[str | int, ...]

#: The key of a group: the code, then the path with any index (and, for a key's issue, any
#: key) in place of the real one.
GroupKey = tuple[str | int | None, ...]

#: The most characters of one key that a report shows, in text as in JSON: a longer key is
#: cut there, and ``…`` (U+2026) follows it, in the issue's path and in its pointer.
KEY_LIMIT = 200
_MARK = "\u2026"

#: The codes whose subject is a key rather than a value: an unknown field, an extension key
#: that is not namespaced. Their issues at one place are grouped whatever the key.
KEY_CODES = frozenset({"unknown-field", "invalid-extension-key"})


def shortened(path: Sequence[str | int]) -> _Path:
    """Cut every key of a path longer than :data:`KEY_LIMIT` characters, marking the cut.

    Example:
        >>> shortened(("partners", 0, "k" * 300))[2] == "k" * 200 + "\u2026"
        True
        >>> shortened(("partners", 0, "name"))
        ('partners', 0, 'name')
    """
    if all(isinstance(segment, int) or len(segment) <= KEY_LIMIT for segment in path):
        return tuple(path)
    return tuple(
        segment
        if isinstance(segment, int) or len(segment) <= KEY_LIMIT
        else segment[:KEY_LIMIT] + _MARK
        for segment in path
    )


def generic_pointer(path: Sequence[str | int]) -> str:
    """Render a path with every array index replaced by ``*``, to group like issues.

    Example:
        >>> generic_pointer(("partners", 12, "sector"))
        '/partners/*/sector'
    """
    return "".join(
        "/*" if isinstance(segment, int) else "/" + escape_pointer_segment(segment)
        for segment in shortened(path)
    )


def group_pointer(code: str, path: Sequence[str | int]) -> str:
    """Render the generic location that groups an issue: for a key's issue, any key there.

    Example:
        >>> group_pointer("unknown-field", ("partners", 3, "nmae"))
        '/partners/*/*'
        >>> group_pointer("missing-field", ("partners", 3, "name"))
        '/partners/*/name'
    """
    return pointer_of(group_key(code, path))


# In a group's key, an index (any index) and, for a key's issue, the key (any key).
_ANY_INDEX = -1
_ANY_KEY = None


def group_key(code: str, path: Sequence[str | int]) -> GroupKey:
    """Key an issue by its group, cheaply: what :func:`group_pointer` renders, not rendered."""
    generic: tuple[str | int | None, ...] = tuple(
        _ANY_INDEX if type(segment) is int else segment for segment in path
    )
    if code in KEY_CODES and generic and isinstance(generic[-1], str):
        return (code, *generic[:-1], _ANY_KEY)
    return (code, *generic)


@functools.lru_cache(maxsize=4096)
def pointer_of(key: GroupKey) -> str:
    """Render the key of a group as its generic pointer."""
    parts = []
    for segment in key[1:]:
        if isinstance(segment, str):
            cut = segment if len(segment) <= KEY_LIMIT else segment[:KEY_LIMIT] + _MARK
            parts.append("/" + escape_pointer_segment(cut))
        else:
            parts.append("/*")
    return "".join(parts)


def path_key(path: _Path) -> tuple[tuple[int, int, str], ...]:
    """Key a path by the order of the format, to sort issues that share a place."""
    # The order of the format, not of the alphabet: /partners comes before /events, as in a file.
    # The key of a path depends on its indices only where they stand, so the key of its
    # generic form is worked out once and the indices are put in.
    key = _generic_key(tuple(0 if isinstance(segment, int) else segment for segment in path))
    return tuple(
        (step[0], segment, step[2]) if isinstance(segment, int) else step
        for step, segment in zip(key, path, strict=True)
    )


@functools.lru_cache(maxsize=4096)
def _generic_key(path: _Path) -> tuple[tuple[int, int, str], ...]:
    from partnering._order import order_key

    return order_key(path)
