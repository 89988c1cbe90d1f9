"""The corrections ``partnering fix`` may make to a value: one small function each, registered.

Each correction looks at one issue the validator reported, the value at the issue's place and
the schema of the field, and proposes a new value only when exactly one value can be meant.
None of them guesses: ``01/03/2017`` may be March or January, so dates are never corrected;
``'privat'`` is probably ``'private'``, but only probably, so the report's suggestion is left
for a person to take.

Example:
    >>> from partnering.report import Issue, Severity
    >>> issue = Issue(code="unknown-code", severity=Severity.ERROR, message="not a code",
    ...               path=("platforms", 0, "hosting_model"))
    >>> [(found.kind, found.value) for found in propose(issue, "NGO-hosted")]
    [('code-spelling', 'ngo_hosted')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from partnering._suggest import code_list_of, code_lists, suggest_code, suggest_country
from partnering._text import excerpt, quote
from partnering.codelists import CodeList
from partnering.report import Issue, Path

__all__ = ["CORRECTIONS", "Correction", "Proposal", "domain_code", "field_schema", "propose"]


@attrs.frozen
class Proposal:
    """A new value for the value at ``path``, with the kind of correction that found it."""

    kind: str
    path: Path
    value: Any
    description: str


@attrs.frozen
class Correction:
    """One kind of correction: the issue codes it answers, and the function that proposes.

    ``propose(value, schema)`` returns the one value meant, or ``None`` when there is not
    exactly one; ``schema`` is the field's schema, with references resolved.
    """

    kind: str
    codes: tuple[str, ...]
    propose: Callable[[Any, Mapping[str, Any]], Any]
    explanation: str


#: Every correction ``fix`` knows, by kind, in the order they are tried.
CORRECTIONS: dict[str, Correction] = {}


def _correction(
    kind: str, codes: Sequence[str], explanation: str
) -> Callable[[Callable[[Any, Mapping[str, Any]], Any]], Callable[[Any, Mapping[str, Any]], Any]]:
    def register(
        function: Callable[[Any, Mapping[str, Any]], Any],
    ) -> Callable[[Any, Mapping[str, Any]], Any]:
        CORRECTIONS[kind] = Correction(kind, tuple(codes), function, explanation)
        return function

    return register


# -- The schema of a field -------------------------------------------------------------------


@cache
def _root() -> Mapping[str, Any]:
    from partnering.schemas import get_schema

    return get_schema()


def _resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
    # A field names its definition as {"allOf": [{"$ref": ...}]} beside its description.
    wrapped = node.get("allOf")
    if isinstance(wrapped, list) and len(wrapped) == 1 and "$ref" in wrapped[0]:
        node = {**{k: v for k, v in node.items() if k != "allOf"}, **wrapped[0]}
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        target = _root()["$defs"][reference.removeprefix("#/$defs/")]
        # Keep the name of the definition: it says which code list a field takes.
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}, "x-def": reference}
    return node


def field_schema(path: Path) -> Mapping[str, Any] | None:
    """Return the schema of the value at *path* of an exchange file, or ``None`` if unknown.

    Example:
        >>> field_schema(("partners", 0, "sector"))["enum"][:2]
        ['public', 'private']
    """
    node = _resolve(_root())
    for segment in path:
        if isinstance(segment, int):
            items = node.get("items")
            if not isinstance(items, Mapping):
                return None
            node = _resolve(items)
        else:
            properties = node.get("properties", {})
            if segment not in properties:
                return None
            node = _resolve(properties[segment])
    return node


# -- The corrections -------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s_-]+")


def _plain(text: str) -> str:
    """Reduce text to what case and separators cannot change: ``NGO-hosted``, ``ngo_hosted``."""
    return _SEPARATORS.sub("_", text.strip()).casefold()


def _only(candidates: Iterator[str]) -> str | None:
    found = set(candidates)
    return found.pop() if len(found) == 1 else None


@_correction(
    "code-spelling",
    ["unknown-code"],
    "a code written in other capitals or with other separators, such as 'Green' for 'green'",
)
def _code_spelling(value: Any, schema: Mapping[str, Any]) -> str | None:
    codes = schema.get("enum")
    if not isinstance(value, str) or not isinstance(codes, list):
        return None
    plain = _plain(value)
    return _only(code for code in codes if isinstance(code, str) and _plain(code) == plain)


@_correction(
    "code-title",
    ["unknown-code"],
    "a code's title or documented alias written instead of the code, such as "
    "'International NGO' for '21' or 'Government' for 'public'",
)
def _code_title(value: Any, schema: Mapping[str, Any]) -> str | None:
    if not isinstance(value, str) or schema.get("x-def") == _COUNTRY:
        return None
    return domain_code(value, schema)


@_correction(
    "country-name",
    ["unknown-code"],
    "a country's name or other code written instead of its ISO 3166-1 alpha-2 code, such as "
    "'Kenya' or 'KEN' for 'KE', or 'UK' for 'GB'",
)
def _country_name(value: Any, schema: Mapping[str, Any]) -> str | None:
    if not isinstance(value, str) or schema.get("x-def") != _COUNTRY:
        return None
    return domain_code(value, schema)


_WHOLE = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")


@_correction(
    "whole-number",
    ["wrong-type"],
    'a whole number written as text, such as "25" for 25, where the field takes a number',
)
def _whole_number(value: Any, schema: Mapping[str, Any]) -> int | None:
    if not isinstance(value, str) or schema.get("type") != "integer" or not _WHOLE.fullmatch(value):
        return None
    number = int(value)
    low, high = schema.get("minimum"), schema.get("maximum")
    if (isinstance(low, int) and number < low) or (isinstance(high, int) and number > high):
        return None  # the number itself is wrong: a person must look at it
    return number


@_correction(
    "whole-number-fraction",
    ["integer-with-fraction"],
    "a whole number written with a fraction or an exponent, such as 25.0 for 25",
)
def _whole_number_fraction(value: Any, schema: Mapping[str, Any]) -> int | None:
    if type(value) is not Decimal or schema.get("type") != "integer":
        return None
    if not value.is_finite() or value != value.to_integral_value():
        return None  # not a whole number: the schema reports it, and a person must look
    return int(value)


_LONG_TEXT = "#/$defs/long_text"
_LINE_ENDING = re.compile("\r\n?")


@_correction(
    "line-endings",
    ["control-character"],
    "line breaks written as a carriage return and a line feed (Windows) or as a carriage "
    "return alone, in a description or another field of prose, where the format takes a line "
    "feed alone",
)
def _line_endings(value: Any, schema: Mapping[str, Any]) -> str | None:
    # Only prose takes a line break; in a name, a line break has no one meaning.
    if not isinstance(value, str) or "\r" not in value or schema.get("x-def") != _LONG_TEXT:
        return None
    return _LINE_ENDING.sub("\n", value)


# -- Country names and code titles -----------------------------------------------------------

_COUNTRY = "#/$defs/country_code"


def domain_code(value: str, schema: Mapping[str, Any]) -> str | None:
    """Return the code a country name or a code title stands for, when exactly one does.

    The domain suggestions decide (:mod:`partnering._suggest`: a country's names and other
    codes, a code's title and aliases); only a value that names one code is taken, never
    one that is merely close in spelling to it.

    Example:
        >>> from partnering._corrections import field_schema
        >>> domain_code("UK", field_schema(("partners", 0, "country")))
        'GB'
        >>> domain_code("International NGO", field_schema(("partners", 0, "organisation_type")))
        '21'
        >>> domain_code("Kenia", field_schema(("partners", 0, "country"))) is None
        True
    """
    if schema.get("x-def") == _COUNTRY:
        found = suggest_country(value)
    else:
        codes = schema.get("enum")
        if not isinstance(codes, list):
            return None
        found = suggest_code(value, codes, _code_list(schema, codes))
    return found.code if found is not None and found.exact else None


def _code_list(schema: Mapping[str, Any], codes: Sequence[str]) -> type[CodeList] | None:
    """Find the code list of a field: the one its definition is named for."""
    name = str(schema.get("x-def", "")).removeprefix("#/$defs/")
    named = [code_list for code_list in code_lists() if code_list.__name__ == name]
    return named[0] if named else code_list_of(codes)


# -- Proposing -------------------------------------------------------------------------------


def propose(issue: Issue, value: Any) -> Iterator[Proposal]:
    """Propose the corrections of *issue*, whose offending value is *value*: at most one."""
    schema = field_schema(issue.path)
    if schema is None:
        return
    for correction in CORRECTIONS.values():
        if issue.code not in correction.codes:
            continue
        found = correction.propose(value, schema)
        # 25 equals 25.0, which it corrects: the type tells them apart.
        if found is not None and (found != value or type(found) is not type(value)):
            yield Proposal(correction.kind, issue.path, found, f"{_shown(value)} → {_shown(found)}")
            return


def _shown(value: Any) -> str:
    return quote(value) if isinstance(value, str) else excerpt(value)
