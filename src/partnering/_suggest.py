"""Suggestions that know the domain: the code that a value which is not one stands for.

A value that is not a code of its list often names one all the same: a country's name
(``Kenya`` for ``KE``), another code of the same country (``KEN``, ``404``, ``UK``), a code's
title (``International NGO`` for ``21``), an alias its code list documents (``Government``
for the sector ``public``, see :attr:`partnering.codelists.CodeList.aliases`), or the code
itself in another case or spelling (``Green``, ``ngo-hosted``).

Values are compared *folded*: in any case, without accents, spaces or punctuation, so
``Cote d'Ivoire`` and ``CÔTE D IVOIRE`` name ``CI`` as ``Côte d'Ivoire`` does. A suggestion
is *exact* when the folded value names exactly one code: it can be applied without asking
anyone. Otherwise a value close in spelling to one name gets that name's code, which is not
exact: a person decides. A value that names several codes (``NGO`` as an organisation type,
``Korea``) gets no suggestion at all.

Example:
    >>> suggest_country("Kenya")
    Suggestion(code='KE', exact=True, hint="Write 'KE' (Kenya).")
    >>> from partnering.codelists import OrganisationType
    >>> suggest_code("International NGO", OrganisationType.codes(), OrganisationType).code
    '21'
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import attrs

from partnering._countries import COUNTRY_CODES, country_name, names_of
from partnering._format import SCHEMA_VERSION
from partnering._text import quote
from partnering.codelists import CodeList

__all__ = [
    "COUNTRY_LIST",
    "Suggestion",
    "code_list_of",
    "code_lists",
    "field_hint",
    "fold",
    "list_name",
    "listing",
    "suggest_code",
    "suggest_country",
]

#: The name of the list of country codes, as ``partnering codes`` knows it.
COUNTRY_LIST = "country"

_SEPARATORS = re.compile(r"[\W_]+")
_CLOSE_CODES = 0.6  # as close as did_you_mean asks: 'privat' for 'private'
_CLOSE_COUNTRIES = 0.8  # closer: of some 1,000 names, many look alike
_PREFIX = 4  # a country's name may be given by its start, 'Russia', from this many letters
_SHORT = 5  # names shorter than this, folded, are matched whole only


@attrs.frozen
class Suggestion:
    """The code a value most likely stands for, and the hint that offers it.

    Attributes:
        code: a code of the value's list, always.
        exact: whether the value names this code and no other, so that the code can
            replace it without a person's judgement; otherwise it is only close in spelling.
        hint: the sentence that offers the code to a person.
    """

    code: str
    exact: bool
    hint: str


def fold(text: str) -> str:
    """Reduce a name to what tells it apart: no case, accents, spaces or punctuation.

    A leading "the" goes too, and "&" reads as "and".

    Example:
        >>> fold("Côte d'Ivoire"), fold("The Gambia"), fold("ngo-hosted")
        ('cotedivoire', 'gambia', 'ngohosted')
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = [word for word in _SEPARATORS.split(bare.casefold()) if word]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


_Match = tuple[str, str]  # a code, and how the value names it: _SPELLING, _NAME or _CLOSE

# The value is the code itself in another case or spelling: ``ke``, ``ngo-hosted``.
_SPELLING = "spelling"
# The value is a name of the code, and of no other: a title, an alias, a country's name.
_NAME = "name"
# The value is close in spelling to a name of the code, and to no other code's.
_CLOSE = "close"


@attrs.frozen
class _Index:
    """The names of a list's codes, folded: the codes' own spellings, and their names."""

    spellings: Mapping[str, frozenset[str]]
    names: Mapping[str, frozenset[str]]
    cutoff: float
    # For the some 1,000 names of countries: a name may be given by its start alone; and a
    # misspelt name is compared only with names of its first letter, which most misspellings
    # keep, so that a file of many unknown values is not slowed down by the comparisons.
    many: bool = False

    @classmethod
    def of(
        cls,
        spellings: Iterable[tuple[str, str]],
        names: Iterable[tuple[str, str]],
        cutoff: float,
        *,
        many: bool = False,
    ) -> _Index:
        return cls(_by_key(spellings), _by_key(names), cutoff, many)

    def match(self, key: str) -> _Match | None:
        """Find the one code the folded value ``key`` names, and how it names it."""
        for how, index in ((_SPELLING, self.spellings), (_NAME, self.names)):
            if key in index:
                # A name of several codes suggests none of them: no one is meant more.
                code = _one(index[key])
                return None if code is None else (code, how)
        code = self._starting(key) or self._closest(key)
        return None if code is None else (code, _CLOSE)

    def _starting(self, key: str) -> str | None:
        if not self.many or len(key) < _PREFIX:
            return None
        codes: set[str] = set()
        for name, named in self.names.items():
            if name.startswith(key):
                codes |= named
        return _one(frozenset(codes))

    def _closest(self, key: str) -> str | None:
        # Short names (INGO, N/A, KEN) are matched whole only: 'NGO' is close to 'INGO',
        # but may be any of four organisation types.
        candidates = [name for name in self.names if len(name) >= _SHORT] + list(self.spellings)
        if self.many:
            candidates = [name for name in candidates if name[0] == key[0]]
        found = difflib.get_close_matches(key, candidates, n=1, cutoff=self.cutoff)
        if not found:
            return None
        return _one(self.spellings.get(found[0]) or self.names.get(found[0]))


def _by_key(entries: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for name, code in entries:
        key = fold(name)
        if key:
            found.setdefault(key, set()).add(code)
    return {key: frozenset(codes) for key, codes in found.items()}


def _one(codes: frozenset[str] | None) -> str | None:
    return next(iter(codes)) if codes is not None and len(codes) == 1 else None


# -- Countries ----------------------------------------------------------------------------


def _variants(name: str) -> Iterable[str]:
    """Yield a name as the standard writes it and as people do.

    ``Korea, Republic of`` is also ``Republic of Korea``, and ``Holy See (Vatican City
    State)`` is also ``Holy See``.
    """
    yield name
    head, comma, tail = name.partition(", ")
    if comma:
        yield f"{tail} {head}"
    before, parenthesis, _ = name.partition(" (")
    if parenthesis:
        yield before


@functools.cache
def _countries() -> _Index:
    """Index the countries by their codes, and by every name and other code of each."""
    return _Index.of(
        ((code, code) for code in COUNTRY_CODES),
        (
            (variant, code)
            for code in COUNTRY_CODES
            for name in names_of(code)
            for variant in _variants(name)
        ),
        _CLOSE_COUNTRIES,
        many=True,
    )


def _country_key(value: object) -> str | None:
    if isinstance(value, str):
        return fold(value)
    # A numeric code that a spreadsheet turned into a number, and stripped of its zeros.
    if type(value) is int and 0 < value < 1000:
        return f"{value:03d}"
    return None


def _country_shown(code: str) -> str:
    """Show a country's code with its name, as a hint does: ``'KE' (Kenya)``."""
    return f"{quote(code)} ({country_name(code).partition(' (')[0]})"


_COUNTRY_HINTS = {
    _SPELLING: "Write {}, in capitals.",
    _NAME: "Write {}.",
    _CLOSE: "Did you mean {}?",
}


@functools.lru_cache(maxsize=4096)
def _country(key: str) -> Suggestion | None:
    found = _countries().match(key)
    if found is None:
        return None
    code, how = found
    return Suggestion(code, how != _CLOSE, _COUNTRY_HINTS[how].format(_country_shown(code)))


def suggest_country(value: object) -> Suggestion | None:
    """Suggest the ISO 3166-1 alpha-2 code that a value which is not one stands for.

    The value may be the code in small letters, a name of the country in any case (its
    short, common or official name, with or without accents), its alpha-3 or numeric code,
    or ``UK``, which ISO 3166-1 reserves for the United Kingdom.

    Example:
        >>> [suggest_country(value).code for value in ("UK", "Cote d'Ivoire", "KEN", "404")]
        ['GB', 'CI', 'KE', 'KE']
        >>> suggest_country("Tanzannia").hint, suggest_country("Narnia")
        ("Did you mean 'TZ' (Tanzania)?", None)
    """
    key = _country_key(value)
    return None if not key else _country(key)


# -- Code lists ---------------------------------------------------------------------------


def code_lists() -> tuple[type[CodeList], ...]:
    """Return every code list of the format, in the order :mod:`partnering.codelists` has."""
    return tuple(CodeList.__subclasses__())


def list_name(code_list: type[CodeList]) -> str:
    """Name a code list as ``partnering codes`` does: its class name in kebab-case.

    Example:
        >>> from partnering.codelists import OrganisationType
        >>> list_name(OrganisationType)
        'organisation-type'
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "-", code_list.__name__).lower()


def code_list_of(codes: Sequence[str], noun: str | None = None) -> type[CodeList] | None:
    """Find the code list whose codes are ``codes``, preferring the one ``noun`` names.

    The schema layer knows a code list by its ``enum``, and its title in words (``noun``).

    Example:
        >>> code_list_of(["green", "amber", "red", "not_applicable"])
        <enum 'Rating'>
    """
    wanted = tuple(codes)
    found = [code_list for code_list in code_lists() if code_list.codes() == wanted]
    named = [code_list for code_list in found if list_name(code_list).replace("-", " ") == noun]
    for code_list in (*named, *found):
        return code_list
    return None


@functools.cache
def _code_index(codes: tuple[str, ...], code_list: type[CodeList] | None) -> _Index:
    """Index a list by its codes, and by each code's title, aliases and Python name."""
    members = list(code_list) if code_list is not None else []
    return _Index.of(
        ((code, code) for code in codes),
        (
            (name, member.value)
            for member in members
            for name in (member.title, *member.aliases, member.name)
        ),
        _CLOSE_CODES,
    )


def _titled(code: str, code_list: type[CodeList] | None) -> str:
    """Show a code with its title, unless the title only says the code again."""
    if code_list is None:
        return quote(code)
    title = next(member.title for member in code_list if member.value == code)
    return quote(code) if fold(title) == fold(code) else f"{quote(code)} ({title})"


def suggest_code(
    value: object, codes: Sequence[str], code_list: type[CodeList] | None = None
) -> Suggestion | None:
    """Suggest the code of ``codes`` that a value which is not one stands for.

    The value may be a code in another case or spelling, or, when ``code_list`` is given,
    a code's title or alias, or its member's name, in any case. A number is read as the
    text it would be.

    Example:
        >>> from partnering.codelists import HostingModel, OrganisationType, Sector
        >>> suggest_code("ngo-hosted", HostingModel.codes(), HostingModel).hint
        "Write 'ngo_hosted', as the code is written."
        >>> suggest_code("Government", Sector.codes(), Sector).hint
        "Write 'public' (Public sector)."
        >>> suggest_code("NGO", OrganisationType.codes(), OrganisationType) is None
        True
    """
    if type(value) is int:
        return _code(str(value), True, tuple(codes), code_list)
    if isinstance(value, str) and fold(value):
        return _code(fold(value), False, tuple(codes), code_list)
    return None


@functools.lru_cache(maxsize=4096)
def _code(
    key: str, number: bool, codes: tuple[str, ...], code_list: type[CodeList] | None
) -> Suggestion | None:
    found = _code_index(codes, code_list).match(key)
    if found is None:
        return None
    code, how = found
    shown = _titled(code, code_list)
    if how == _SPELLING:
        written = "as text, in double quotes" if number else "as the code is written"
        return Suggestion(code, True, f"Write {shown}, {written}.")
    if how == _NAME:
        return Suggestion(code, True, f"Write {shown}.")
    return Suggestion(code, False, f"Did you mean {shown}?")


def listing(name: str, count: int, shown: str = "titles") -> str:
    """Say where a long list is shown in full, by ``partnering codes NAME``.

    Example:
        >>> listing("organisation-type", 16)
        "Run 'partnering codes organisation-type' to see all 16 codes with their titles."
    """
    return f"Run 'partnering codes {name}' to see all {count} codes with their {shown}."


# -- Values the format fixes ----------------------------------------------------------------


def field_hint(code: str, path: Sequence[str | int]) -> str | None:
    """Give the hint for an issue of a field whose one right value is known.

    The file's ``schema_version`` is the version it is written in; a file without one, or
    with a number there, is almost always of the version this release writes.

    Example:
        >>> field_hint("missing-field", ("schema_version",))
        'Add "schema_version": "1.1" to the top-level object of the file.'
        >>> field_hint("missing-field", ("partners", 0, "name")) is None
        True
    """
    if tuple(path) != ("schema_version",):
        return None
    if code == "missing-field":
        return f'Add "schema_version": "{SCHEMA_VERSION}" to the top-level object of the file.'
    if code in ("wrong-type", "null-value"):
        return f'Write the version as text, in double quotes: "schema_version": "{SCHEMA_VERSION}".'
    return None
