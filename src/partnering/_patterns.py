r"""The named patterns of the interchange format, each written once.

Each pattern is the ECMA-262 text that the schema carries, with the words messages and docs use
for it. The models' constraints, the schema generator, the rules, the converter and the fast
path all read these constants, so that a date or an id means the same thing everywhere.

Example:
    >>> DATE.matches("2014-04-13"), DATE.matches("13/04/2014")
    (True, False)
    >>> SDG_TARGET.explanation
    "an SDG target id such as '3.8', '17.17' or '14.c'"
"""

from __future__ import annotations

import re

import attrs

__all__ = [
    "DATE",
    "DATETIME",
    "EXTENSION_KEY",
    "ID",
    "ORG_ID",
    "SDG_TARGET",
    "URL",
    "NamedPattern",
    "compile_pattern",
]


def compile_pattern(pattern: str) -> re.Pattern[str]:
    r"""Compile a schema pattern so that Python matches it as JSON Schema (ECMA-262) does.

    Python's ``$`` also matches before a final newline, and its ``\d`` matches digits of
    every script; ECMA-262 does neither. Our patterns avoid ``\d``, and a final ``$`` is
    compiled as ``\Z`` so that ``"abc\n"`` does not pass for ``^abc$``.

    Example:
        >>> bool(compile_pattern("^[a-z]+$").search("abc\n"))
        False
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


@attrs.frozen
class NamedPattern:
    """A pattern of the format: its schema text and what it accepts, in words.

    Attributes:
        name: what the pattern is for, such as ``id``.
        regex: the ECMA-262 text written into the schema, anchored with ``^`` and ``$``.
        explanation: what the pattern accepts, for messages and docs.
    """

    name: str
    regex: str
    explanation: str
    _compiled: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_compiled", compile_pattern(self.regex))

    def matches(self, text: str) -> bool:
        r"""Tell whether ``text`` matches, as JSON Schema's ``pattern`` keyword decides.

        Example:
            >>> ID.matches("tpi"), ID.matches("tpi\n")
            (True, False)
        """
        return self._compiled.search(text) is not None

    def match(self, text: str) -> re.Match[str] | None:
        """Match ``text`` as :meth:`matches` does, returning the match and its groups.

        Example:
            >>> SDG_TARGET.match("14.c").group(1)
            '14'
        """
        return self._compiled.search(text)


#: An id of a record: letters, digits and a few punctuation marks.
ID = NamedPattern(
    "id",
    "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$",
    "an id of 1 to 200 letters, digits, '-', '_', '.' or ':', starting with a letter or digit",
)

#: A web address: the format's own check beside the ``uri`` format.
URL = NamedPattern("url", "^https?://[!-~]+$", "a web address starting with http:// or https://")

#: An SDG target, such as ``3.8`` or ``14.c``.
SDG_TARGET = NamedPattern(
    "sdg-target",
    "^(1[0-7]|[1-9])[.]([1-9][0-9]?|[a-j])$",
    "an SDG target id such as '3.8', '17.17' or '14.c'",
)

#: A key of custom data under ``extensions``.
EXTENSION_KEY = NamedPattern(
    "extension-key",
    "^[a-z0-9][a-z0-9-]*:[A-Za-z0-9_.-]+$",
    "namespaced, like 'my-platform:field' (a lowercase prefix, a colon, then the name)",
)

#: A calendar date, written as the ``date`` format requires.
DATE = NamedPattern(
    "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "a date written YYYY-MM-DD, such as 2014-04-13"
)

#: A moment in UTC to the second, with a final ``Z``.
DATETIME = NamedPattern(
    "date-time",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
    "a UTC time written like 2026-01-31T09:30:00Z",
)

#: An org-id.guide organisation identifier; list codes may hold '_' (BE-BCE_KBO).
ORG_ID = NamedPattern(
    "org-id",
    "^[A-Z]{2}-[A-Z0-9_]+-\\S+$",
    "an org-id.guide identifier: a list code such as 'GB-COH', a hyphen, then the id",
)
