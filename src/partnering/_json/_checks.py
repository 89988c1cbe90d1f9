"""Cheap checks on a document the C decoder accepted: nesting depth and lone surrogates.

Both run on every valid document, at C speed (byte translations and regular expressions). A
check that fires only says that the exact scan must look: it never places the problem itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["SURROGATE_CHAR", "deeper_than", "may_have_lone_surrogate"]

# Nesting depth. The C decoder recurses once per level and only stops at the interpreter's
# recursion limit (about 1000), so depth is checked separately, on the bytes, at C speed:
#   1. drop every escaped backslash, then every escaped quote, so every remaining '"' opens
#      or closes a string (valid JSON has backslashes only inside strings, and bytes.replace
#      pairs a run of backslashes from the left, exactly as a decoder reads \\ and \"). This
#      is done a slice of the document at a time, cut where no backslash is near, so that a
#      document full of escapes is never copied whole: a regex substitution made one object
#      per escape, 38 times the file on a file of escapes;
#   2. delete every byte except brackets and quotes, folding '{' '}' into '[' ']' (one
#      bytes.translate; multi-byte UTF-8 sequences never contain ASCII bytes);
#   3. drop brackets that sit inside strings: first every '""' pair, which removes the many
#      strings without brackets and keeps quotes alternating; then, only if quotes remain,
#      keep every other piece between quotes;
#   4. what is left is the bracket skeleton of the document. Each replace() of "[]" removes
#      every innermost pair at once, i.e. exactly one level, so the skeleton is at most
#      max_depth deep if and only if max_depth rounds empty it. A skeleton of n characters
#      is at most n/2 deep, so the loop stops as soon as that bound is within the budget:
#      typical documents need a handful of rounds over a string far smaller than the input.
# This is only exact on syntactically valid JSON, so it runs after the decoder succeeded.
# Documents deep enough to exhaust the interpreter's stack make the decoder raise
# RecursionError before that, and the exact scan then reports them.
_KEEP = b'[]{}"'
_DELETE = bytes(byte for byte in range(256) if byte not in _KEEP)
_FOLD = bytes.maketrans(b"{}", b"[]")
#: The size of the slices a document with escapes is read in, in bytes.
_SLICE = 1 << 20
_BACKSLASH = ord("\\")


def deeper_than(raw: bytes | bytearray, max_depth: int) -> bool:
    """Tell whether the valid JSON document *raw* nests more than *max_depth* levels."""
    skeleton = b"".join(_skeleton_pieces(raw))
    if b'"' in skeleton:
        skeleton = skeleton.replace(b'""', b"")
        if b'"' in skeleton:
            skeleton = b"".join(skeleton.split(b'"')[::2])
    budget = max_depth
    while len(skeleton) > 2 * budget:
        if budget <= 0:
            return True
        skeleton = skeleton.replace(b"[]", b"")
        budget -= 1
    return False


def _skeleton_pieces(raw: bytes | bytearray) -> Iterator[bytes]:
    """Yield the brackets and quotes of *raw*, its escapes dropped, a slice at a time.

    A slice ends before a byte that is not a backslash and does not follow one, so every
    escape, and every run of backslashes, lies whole in one slice.
    """
    view = memoryview(raw)
    start = 0
    size = len(raw)
    while start < size:
        end = min(start + _SLICE, size)
        while end < size and (raw[end] == _BACKSLASH or raw[end - 1] == _BACKSLASH):
            end += 1
        piece = bytes(view[start:end])
        if b"\\" in piece:
            piece = piece.replace(b"\\\\", b"").replace(b'\\"', b"")
        yield piece.translate(_FOLD, _DELETE)
        start = end


# Lone surrogates. The C decoder turns "\ud800" into a one-character string that has no UTF-8
# form. Most documents have no surrogate escape at all, which one search settles. Otherwise a
# second search looks for a high half not followed by a low one, a low half not preceded by a
# high one, or a pair whose first half may be literal text after an escaped backslash. It may
# also match literal text such as "\\ud800" (an escaped backslash, then letters); a match only
# starts the exact scan, which decides.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_HIGH = r"\\u[dD][89abAB][0-9a-fA-F]{2}"
_LOW = r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
_MAYBE_LONE_SURROGATE = re.compile(
    # Every branch starts with a backslash, which lets the regex engine skip ahead quickly.
    rf"\\(?:u[dD][89abAB][0-9a-fA-F]{{2}}(?!{_LOW})"  # a high half not followed by a low one
    rf"|(?<!{_HIGH}\\)u[dD][c-fC-F][0-9a-fA-F]{{2}}"  # a low half not preceded by a high one
    rf"|{_HIGH}{_LOW})"  # a pair after a backslash: the high half may be literal text
)
#: A surrogate in decoded text: it can only come from a lone surrogate escape.
SURROGATE_CHAR = re.compile(r"[\ud800-\udfff]")


def may_have_lone_surrogate(text: str) -> bool:
    """Tell whether *text* may hold a surrogate escape that is not part of a pair."""
    first = _SURROGATE_ESCAPE.search(text)
    if first is None:
        return False
    return _MAYBE_LONE_SURROGATE.search(text, max(0, first.start() - 1)) is not None
