"""The id a dangling reference most likely meant: a letter or two away, or a few letters short.

Example:
    >>> IdSuggestions(["tpi", "sida", "zm-cassava-businesses"]).closest("zm-cassava-business")
    'zm-cassava-businesses'
    >>> IdSuggestions(["tpi", "sida"]).closest("unrelated-organisation") is None
    True
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Iterator

__all__ = ["IdSuggestions"]

# Ids longer than this are matched for suggestions only when they differ in case: their
# one-deletion variants would cost more to index than a typo in them is likely.
_MAX_LENGTH = 64

# The most ids compared with one word: enough for every id a letter away from a short word,
# few enough that a file of ids alike costs time in proportion to its size.
_CANDIDATES = 64

# As difflib's close matches do, a candidate must be at least this similar.
_CUTOFF = 0.6


class IdSuggestions:
    """The ids of one list, indexed to find the one closest to a word.

    Candidates are the ids a letter or two away, ignoring case (letters missing, added,
    changed or swapped), found through an index of each id with one letter deleted and looked
    up with the word less up to two letters, and the ids that continue the word by up to three
    letters. Building the index costs time in proportion to the ids; each look-up then costs
    time in proportion to the word, never to the number of ids: the keys are tried nearest
    first (the word, then the word less one letter, then less two), and at most
    :data:`_CANDIDATES` ids are compared, however many ids look alike (zero-padded numbers,
    ids that differ in one letter). Each word is looked up once.
    """

    def __init__(self, ids: Iterable[str]) -> None:
        self._near: dict[str, list[str]] = {}
        ordered: list[tuple[str, str]] = []
        for ident in ids:
            lowered = ident.lower()
            ordered.append((lowered, ident))
            for key in {lowered, *_one_deletions(lowered)}:
                near = self._near.setdefault(key, [])
                # Past this many, a key tells no id apart: it is kept for the first ones only.
                if len(near) < _CANDIDATES:
                    near.append(ident)
        self._sorted = sorted(ordered)
        self._found: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        """Return the id closest to ``word``, other than ``word`` itself, if one is close."""
        if word not in self._found:
            self._found[word] = self._closest(word)
        return self._found[word]

    def _closest(self, word: str) -> str | None:
        lowered = word.lower()
        # Ids that go on where the word stops, such as a missing plural: a sorted look-up.
        start = bisect.bisect_left(self._sorted, (lowered, ""))
        candidates = {
            ident
            for key, ident in self._sorted[start : start + 5]
            if key.startswith(lowered) and len(key) - len(lowered) <= 3
        }
        once = sorted(set(_one_deletions(lowered)))
        twice = sorted({shorter for key in once for shorter in _one_deletions(key)})
        for key in (lowered, *once, *twice):
            if len(candidates) >= _CANDIDATES:
                break
            candidates.update(self._near.get(key, ())[: _CANDIDATES - len(candidates)])
        candidates.discard(word)
        scored = [
            (-difflib.SequenceMatcher(None, lowered, ident.lower()).ratio(), ident)
            for ident in candidates
        ]
        scored = [(score, ident) for score, ident in scored if score <= -_CUTOFF]
        return min(scored)[1] if scored else None


def _one_deletions(word: str) -> Iterator[str]:
    if len(word) <= _MAX_LENGTH:
        for position in range(len(word)):
            yield word[:position] + word[position + 1 :]
