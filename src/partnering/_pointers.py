"""JSON Pointers (RFC 6901): how the library writes a location in a document.

One implementation for the whole library: the reader's errors, the issues of a report and
their grouping all write pointers with these functions, so their escaping cannot differ.
Programs get the pointer itself (``""`` for the root); people get :func:`display_pointer`,
which names the root ``(root)``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["display_pointer", "escape_pointer_segment", "format_pointer"]


def escape_pointer_segment(segment: str | int) -> str:
    """Escape one reference token of a JSON Pointer, as RFC 6901 says.

    ``~`` becomes ``~0`` and ``/`` becomes ``~1``; an array index is written in decimal.

    Args:
        segment: an object key or an array index.

    Returns:
        The escaped token, without the leading ``/``.

    Example:
        >>> escape_pointer_segment("a/b~c")
        'a~1b~0c'
        >>> escape_pointer_segment(3)
        '3'
    """
    if isinstance(segment, int):
        return str(segment)
    return segment.replace("~", "~0").replace("/", "~1")


def format_pointer(path: Sequence[str | int]) -> str:
    """Write a path of keys and indexes as a JSON Pointer (RFC 6901).

    Args:
        path: the keys and array indexes from the root to a value.

    Returns:
        The pointer: ``""`` for the root, otherwise ``/`` and an escaped token per step.

    Example:
        >>> format_pointer(())
        ''
        >>> format_pointer(["partners", 0, "a/b"])
        '/partners/0/a~1b'
    """
    return "".join("/" + escape_pointer_segment(segment) for segment in path)


def display_pointer(path: Sequence[str | int]) -> str:
    """Write a path as a JSON Pointer for a person: the root is named ``(root)``.

    The pointer is not otherwise escaped for a terminal: keys come from the document, so pass
    the result through :func:`partnering._text.safe_text` before printing it.

    Args:
        path: the keys and array indexes from the root to a value.

    Returns:
        ``(root)`` for the empty path, otherwise the pointer :func:`format_pointer` writes.

    Example:
        >>> display_pointer(())
        '(root)'
        >>> display_pointer(["partners", 0]), display_pointer([""])
        ('/partners/0', '/')
    """
    # The root's pointer is the empty string, which would print as nothing at all.
    return format_pointer(path) if path else "(root)"
