"""Names in free text: splitting partner lists, normalising names, making ids.

Example:
    >>> rules = ListRules(separators=(";", ","), drop=("and", "etc.", "include:"))
    >>> cell = "Funders include: Acme Ltd; and River Trust, etc."
    >>> [piece.text for piece in split_list(cell, rules) if piece.text]
    ['Acme Ltd', 'River Trust']
    >>> name_key("ACME Limited"), name_key("Acme, Ltd."), name_key("Fundación Río")
    ('acme', 'acme', 'fundacion rio')
    >>> slug("Fundación Río (Test) & Co.")
    'fundacion-rio-test-co'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs

__all__ = [
    "ListRules",
    "Piece",
    "is_not_organisation",
    "join_broken_lines",
    "name_key",
    "slug",
    "split_list",
    "tidy",
]

#: Legal-form suffixes that do not tell two organisations apart.
SUFFIXES: frozenset[str] = frozenset(
    {"inc", "incorporated", "ltd", "limited", "llc", "plc", "gmbh", "co", "corp",
     "corporation", "sa", "ag", "bv", "nv", "srl", "pty", "cic", "company"}
)  # fmt: skip

#: The words a line of a cell ends with when the name goes on in the next line.
_CONTINUING = frozenset({"of", "for", "and", "the", "&", "de", "du", "des", "la", "le", "on"})

#: Phrases that name no organisation, as lists of partners often hold them.
NOT_ORGANISATIONS: tuple[str, ...] = (
    r"etc\.?",
    r"(?:and )?others?",
    r"(?:several |many |various |some )?(?:other )?(?:private |individual )?"
    r"(?:donors?|funders?|partners?|sponsors?)",
    r"(?:an? )?anonymous(?: \w+)*",
    r"(?:several|many|various|other|numerous) .*",
    r"tbc|tbd|n/?a|none|unknown|-+",
)
_NOT_ORGANISATION = re.compile(
    "(?:and )?(?:" + "|".join(f"(?:{p})" for p in NOT_ORGANISATIONS) + ")", re.IGNORECASE
)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame)\.?\s+\S", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*){1,3}[A-Z][a-z]+$")


@attrs.frozen
class ListRules:
    """How a list cell is split: its separators and the phrases to drop.

    A phrase that ends with ``:`` (``include:``) is a lead-in: it goes with all that stands
    before it in its piece. Any other phrase goes when it stands at either end of a piece.
    """

    separators: tuple[str, ...] = (";", ",")
    drop: tuple[str, ...] = ()
    #: Split as the spreadsheet layout writes lists: on ``;``, with ``\;`` a semicolon.
    escapes: bool = False


@attrs.frozen
class Piece:
    """One item of a split list, with the phrases dropped from it."""

    text: str
    dropped: tuple[str, ...] = ()


def tidy(text: str) -> str:
    """Collapse runs of white space, and strip it from both ends."""
    return " ".join(text.split())


def join_broken_lines(text: str) -> tuple[str, bool]:
    """Join lines of a cell where a name runs on: a line ends in ``of``, or the next is lower.

    Returns the text and whether any line was joined; other line breaks become ``;``.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return (lines[0] if lines else ""), False
    out = [lines[0]]
    joined = False
    for line in lines[1:]:
        last = out[-1].rsplit(None, 1)[-1].casefold()
        if last in _CONTINUING or line[:1].islower():
            out[-1] = f"{out[-1]} {line}"
            joined = True
        else:
            out.append(line)
    return "; ".join(out), joined


def _drop(piece: str, phrases: Iterable[str]) -> Piece:
    dropped: list[str] = []
    text = piece
    changed = True
    while changed:
        changed = False
        for phrase in phrases:
            if phrase.endswith(":"):
                at = text.casefold().find(phrase.casefold())
                if at >= 0:
                    dropped.append(text[: at + len(phrase)].strip())
                    text = text[at + len(phrase) :].strip()
                    changed = True
                continue
            for where in _phrase_patterns(phrase):
                match = where.search(text)
                if match:
                    dropped.append(match.group().strip())
                    text = (text[: match.start()] + text[match.end() :]).strip()
                    changed = True
    return Piece(tidy(text.strip(" .,;")), tuple(dropped))


@functools.lru_cache(maxsize=256)
def _phrase_patterns(phrase: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Whole words only: "and" at the start of "Andes Trust" is not the word "and".
    pattern = re.escape(phrase)
    return (
        re.compile(rf"^{pattern}(?:\s+|$)", re.IGNORECASE),
        re.compile(rf"(?:^|\s+){pattern}$", re.IGNORECASE),
    )


def split_list(text: str, rules: ListRules) -> Iterator[Piece]:
    """Split a list cell into its pieces, dropping the phrases the rules name."""
    pattern = "|".join(re.escape(separator) for separator in rules.separators if separator)
    raw = re.split(pattern, text) if pattern else [text]
    for part in raw:
        piece = _drop(tidy(part), rules.drop)
        if piece.text or piece.dropped:
            yield piece


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Reduce a name to what tells organisations apart: case, accents, punctuation, suffixes."""
    words = re.findall(r"[a-z0-9]+", _fold(name.replace("&", " and ")))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def slug(text: str, limit: int = 60) -> str:
    """Make an id from a name: small ASCII letters and digits joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", _fold(text))
    made = "-".join(words)[:limit].strip("-")
    return made or "record"


def is_not_organisation(name: str, extra: Iterable[str] = ()) -> bool:
    """Tell whether a name in a partner list names no organisation, or a person."""
    if _NOT_ORGANISATION.fullmatch(name.strip(" .")):
        return True
    folded = name_key(name)
    if any(folded == name_key(phrase) for phrase in extra):
        return True
    return bool(_HONORIFIC.match(name) or _INITIALS.match(name))
