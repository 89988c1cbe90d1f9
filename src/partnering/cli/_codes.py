"""``partnering codes``: the code lists of the format, and each code with what it means.

A list is named as messages name it, in kebab-case (``organisation-type``), or in snake_case
or by its class name (``organisation_type``, ``OrganisationType``). The lists are the
enumerations of :mod:`partnering.codelists` and the ISO 3166-1 country codes; each list's
title and description are the schema's, each code's are its member's.

Example:
    >>> import argparse
    >>> run_codes(argparse.Namespace(list="rating", format="text"))  # doctest: +ELLIPSIS
    Rating: A rating in an assessment, after TPI's partnership health check.
    <BLANKLINE>
    Code            Title           Description
    green           Green           No concern.
    ...
    0
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from partnering._countries import COUNTRY_CODES, country_name, official_name
from partnering._format import SCHEMA_VERSION
from partnering._suggest import COUNTRY_LIST, code_lists, list_name
from partnering._text import did_you_mean, quote
from partnering.cli._terminal import error
from partnering.schemas import get_schema

__all__ = ["Code", "CodeListing", "find", "listings", "run_codes"]


@attrs.frozen
class Code:
    """One code of a list: what is written in files, its title, description and aliases."""

    code: str
    title: str
    description: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class CodeListing:
    """A code list as the command shows it: its name, its schema's words and its codes."""

    name: str
    title: str
    description: str
    codes: tuple[Code, ...]
    other_names: tuple[str, ...] = ()  # what else names the list: its class name

    def head(self) -> dict[str, Any]:
        """The list without its codes, as ``partnering codes --format json`` gives it."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "count": len(self.codes),
        }

    def whole(self) -> dict[str, Any]:
        """The list with its codes, as ``partnering codes LIST --format json`` gives it."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "codes": [
                {
                    "code": code.code,
                    "title": code.title,
                    "description": code.description,
                    "aliases": list(code.aliases),
                }
                for code in self.codes
            ],
        }


def listings() -> tuple[CodeListing, ...]:
    """Return every code list of the format, sorted by name.

    Example:
        >>> [listing.name for listing in listings()][:3]
        ['agreement', 'challenge-category', 'country']
    """
    definitions = get_schema()["$defs"]
    found = [
        CodeListing(
            name=list_name(code_list),
            title=definitions[code_list.__name__]["title"],
            # The schema follows the list's description with a table of its codes.
            description=definitions[code_list.__name__]["description"].split("\n\n")[0],
            codes=tuple(
                Code(member.value, member.title, member.description, member.aliases)
                for member in code_list
            ),
            other_names=(code_list.__name__,),
        )
        for code_list in code_lists()
    ]
    countries = definitions["country_code"]
    found.append(
        CodeListing(
            name=COUNTRY_LIST,
            title=countries["title"],
            description=countries["description"],
            codes=tuple(
                Code(code, country_name(code), official_name(code) or "") for code in COUNTRY_CODES
            ),
            other_names=("country_code",),
        )
    )
    return tuple(sorted(found, key=lambda listing: listing.name))


def _key(name: str) -> str:
    return re.sub(r"[-_\s]", "", name).casefold()


def find(name: str, among: Sequence[CodeListing]) -> CodeListing | None:
    """Find the list that ``name`` names, in kebab-case, snake_case or by its class name.

    Example:
        >>> find("OrganisationType", listings()).name, find("organisation_type", listings()).name
        ('organisation-type', 'organisation-type')
    """
    wanted = _key(name)
    for listing in among:
        if wanted in {_key(listing.name), *(_key(other) for other in listing.other_names)}:
            return listing
    return None


def _table(rows: Sequence[Code]) -> Iterator[str]:
    """Lay codes out in columns; an alias line goes under its code's description."""
    header = Code("Code", "Title", "Description")
    code_width = max(len(row.code) for row in (header, *rows))
    title_width = max(len(row.title) for row in (header, *rows))
    indent = " " * (code_width + title_width + 4)
    for row in (header, *rows):
        yield f"{row.code:<{code_width}}  {row.title:<{title_width}}  {row.description}".rstrip()
        if row.aliases:
            yield f"{indent}Suggested for: {', '.join(quote(alias) for alias in row.aliases)}."


def _text_of_all(found: Sequence[CodeListing]) -> Iterator[str]:
    yield f"The code lists of the interchange format, version {SCHEMA_VERSION}:"
    yield ""
    name_width = max(len(listing.name) for listing in found)
    count_width = max(len(str(len(listing.codes))) for listing in found)
    for listing in found:
        count = f"{len(listing.codes):>{count_width}} codes"
        yield f"  {listing.name:<{name_width}}  {count}  {listing.description}"
    yield ""
    yield "Run 'partnering codes LIST' to see a list's codes, with their titles and descriptions."


def _text_of_one(listing: CodeListing) -> Iterator[str]:
    yield f"{listing.title}: {listing.description}"
    yield ""
    yield from _table(listing.codes)


def _write(lines: Iterator[str]) -> None:
    sys.stdout.write("".join(line + "\n" for line in lines))


def run_codes(args: argparse.Namespace) -> int:
    """Print the code lists, or the list named by ``args.list``; return the exit status.

    Returns:
        0 when the lists or the list were printed; 2 when no list has the name given.
    """
    found = listings()
    if args.list is None:
        if args.format == "json":
            document: dict[str, Any] = {"code_lists": [listing.head() for listing in found]}
            _write(iter([json.dumps(document, ensure_ascii=False, indent=2)]))
        else:
            _write(_text_of_all(found))
        return 0
    listing = find(args.list, found)
    if listing is None:
        suggestion = did_you_mean(args.list, [listing.name for listing in found])
        error(
            f"no code list is named {quote(args.list)}{suggestion}; 'partnering codes' lists them"
        )
        return 2
    if args.format == "json":
        _write(iter([json.dumps(listing.whole(), ensure_ascii=False, indent=2)]))
    else:
        _write(_text_of_one(listing))
    return 0
