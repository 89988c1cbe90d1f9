r"""The named patterns of the interchange format, each written once.

Each pattern is the ECMA-262 text that the schema carries, with the words messages and docs use
for it. The models' constraints, the schema generator, the rules, the converter and the fast
path all read these constants, so that a date or an id means the same thing everywhere.

The patterns carry the whole meaning of a value: a date is a real day, a time a real moment, a
web address an http(s) URI, so that any JSON Schema engine with its default settings, which
treat ``format`` as a mere annotation, reaches partnering's verdict. They use only what
ECMA-262, Go's RE2, Rust's regex and Python's ``re`` all read alike: no look-around, no
back-reference, no ``\d`` or ``\w`` (which match digits and letters of every script in Python).

Example:
    >>> DATE.matches("2014-04-13"), DATE.matches("13/04/2014"), DATE.matches("2014-02-30")
    (True, False, False)
    >>> SDG_TARGET.explanation
    "an SDG target id such as '3.8', '17.17' or '14.c'"
"""

from __future__ import annotations

import re

import attrs

__all__ = [
    "CONTROL",
    "DATE",
    "DATETIME",
    "EXTENSION_KEY",
    "ID",
    "INVISIBLE",
    "LINE_FEED",
    "LONG_TEXT",
    "LONG_TEXT_CONTROL",
    "ORG_ID",
    "PARTIAL_DATE",
    "SDG_TARGET",
    "TEXT",
    "URL",
    "NamedPattern",
    "compile_pattern",
    "schema_version",
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

# --- Web addresses ----------------------------------------------------------------------
# An http(s) URI of RFC 3986 that names its host: a lowercase scheme; no user information
# (RFC 9110 deprecates it in http(s) addresses); a host name of DNS labels (letters, digits and
# inner hyphens, 1 to 63 characters each), the last beginning with a letter, so neither an
# empty host nor an IP address (192.0.2.1, [2001:db8::1]), which URL parsers read in ways
# that differ; a port from 1 to 65535 without a leading zero; then a path, a query and a
# fragment of RFC 3986's characters, with exact percent escapes. Every address it accepts is
# an RFC 3986 URI, so engines that also check the ``uri`` format agree.
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_LAST_LABEL = "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PORT = "[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]"
_ESCAPE = "%[0-9A-Fa-f]{2}"
_PATH_CHARACTER = f"[A-Za-z0-9._~!$&'()*+,;=:@-]|{_ESCAPE}"
_QUERY_CHARACTER = f"[A-Za-z0-9._~!$&'()*+,;=:@/?-]|{_ESCAPE}"

#: A web address: an http or https URI that names its host (see docs/reference/format.md).
URL = NamedPattern(
    "url",
    f"^https?://(?:{_LABEL}[.])*{_LAST_LABEL}(?::(?:{_PORT}))?"
    f"(?:/(?:{_PATH_CHARACTER})*)*"
    f"(?:[?](?:{_QUERY_CHARACTER})*)?"
    f"(?:#(?:{_QUERY_CHARACTER})*)?$",
    "a valid web address starting with http:// or https://",
)

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

# --- Dates and times --------------------------------------------------------------------
# A day of the Gregorian calendar from 0001-01-01 to 9999-12-31, as Python's date holds them:
# a year other than 0000, then a month and a day that month has, 29 February only in leap
# years (divisible by 4, and by 400 when divisible by 100). The pattern and
# datetime.date.fromisoformat agree on every string YYYY-MM-DD of years 0000 to 9999,
# months 00 to 13 and days 00 to 32 (tests/test_patterns.py checks centuries of them).
_YEAR = "[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3}"
_MONTH_AND_DAY = (
    "(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"  # every month has days 1 to 28
    "|(?:0[13-9]|1[0-2])-(?:29|30)"  # every month but February has the 29th and the 30th
    "|(?:0[13578]|1[02])-31"
)
_LEAP_YEAR = "[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00"
_DAY = f"(?:(?:{_YEAR})-(?:{_MONTH_AND_DAY})|(?:{_LEAP_YEAR})-02-29)"
# A time of day to the second, 00:00:00 to 23:59:59: no leap second (Python's datetime
# cannot hold 23:59:60), no fraction, and UTC only, written Z.
_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z"

#: A calendar date, written YYYY-MM-DD: a real day from 0001-01-01 to 9999-12-31.
DATE = NamedPattern("date", f"^{_DAY}$", "a real date written YYYY-MM-DD, such as 2014-04-13")

#: A date of format 1.1: a real day, or a date known only to the month (YYYY-MM) or the year.
PARTIAL_DATE = NamedPattern(
    "partial-date",
    f"^(?:{_DAY}|(?:{_YEAR})-(?:0[1-9]|1[0-2])|(?:{_YEAR}))$",
    "a real date written YYYY-MM-DD, or one known only to the month (YYYY-MM, such as "
    "2016-03) or the year (YYYY, such as 2016)",
)

#: A moment in UTC to the second, with a final ``Z``, on a real day.
DATETIME = NamedPattern(
    "date-time", f"^{_DAY}T{_TIME}$", "a UTC time written like 2026-01-31T09:30:00Z"
)

#: An org-id.guide organisation identifier; list codes may hold '_' (BE-BCE_KBO).
ORG_ID = NamedPattern(
    "org-id",
    "^[A-Z]{2}-[A-Z0-9_]+-\\S+$",
    "an org-id.guide identifier: a list code such as 'GB-COH', a hyphen, then the id",
)

# --- Visible text ---------------------------------------------------------------------
# Text of the format shows something: it holds at least one character that is neither a
# control character nor invisible, and no control character but tab, and line feed in long
# text (descriptions, summaries). Control characters are those of Unicode's Cc category: C0
# (U+0000 to U+001F), DEL (U+007F) and C1 (U+0080 to U+009F). Invisible characters are the
# spaces of Unicode's White_Space property (U+0020, U+00A0, U+1680, U+2000 to U+200A, U+2028,
# U+2029, U+202F, U+205F, U+3000) and the characters of the Basic Multilingual Plane that
# show nothing on their own: the soft hyphen U+00AD, the combining grapheme joiner U+034F,
# the Arabic letter mark U+061C, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the
# Khmer vowels U+17B4 and U+17B5, the Mongolian selectors U+180B to U+180F, the zero-width
# and direction marks U+200B to U+200F and U+202A to U+202E, the word joiners and invisible
# operators U+2060 to U+206F, the Braille blank U+2800, the variation selectors U+FE00 to
# U+FE0F and the zero-width no-break space U+FEFF. Invisible characters may stand inside
# text (a zero-width joiner inside an emoji), only not alone.
#
# The characters are written as themselves, not as \u escapes, which Go's RE2 does not read;
# all of them lie in the Basic Multilingual Plane, so ECMA-262 reads the pattern alike with and
# without its "u" flag. Each pattern reads the leading invisible characters, one visible
# character, then anything but a refused control character: no character can be read two
# ways, so backtracking engines take linear time too.
_CONTROL_CHARACTERS = "\x00-\x1f\x7f-\x9f"
#: Characters that show nothing on their own (see above), as a class's contents.
INVISIBLE = (
    " \xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f"
    "\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
_VISIBLE = f"[^{_CONTROL_CHARACTERS}{INVISIBLE}]"

#: A name, a title and other text of one line: something visible, no control character but tab.
TEXT = NamedPattern(
    "text",
    f"^[\t{INVISIBLE}]*{_VISIBLE}[^\x00-\x08\x0a-\x1f\x7f-\x9f]*$",
    "text with at least one visible character, and no control character but tab",
)

#: A description or a summary: visible text that may also hold line feeds.
LONG_TEXT = NamedPattern(
    "long-text",
    f"^[\t\n{INVISIBLE}]*{_VISIBLE}[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$",
    "text with at least one visible character, and no control character but tab and line feed",
)

#: The control characters one-line text refuses: every one but tab.
CONTROL = NamedPattern(
    "control", "[\x00-\x08\x0a-\x1f\x7f-\x9f]", "a control character other than tab"
)

#: The control characters long text refuses: every one but tab and line feed.
LONG_TEXT_CONTROL = NamedPattern(
    "long-text-control",
    "[\x00-\x08\x0b-\x1f\x7f-\x9f]",
    "a control character other than tab and line feed",
)

#: A pattern that finds a line feed. The schema writes ``"not"`` a string matching it beside
#: each named pattern: no named pattern admits a line feed, but Python's ``re``, which
#: Python's jsonschema uses for ``pattern``, lets ``$`` match before a final one (ECMA-262,
#: Go's RE2 and Rust's regex do not), and this keeps ``"tpi\n"`` from passing for an id there.
LINE_FEED = "\n"


def schema_version(*versions: str) -> NamedPattern:
    """Return the pattern of a ``schema_version`` naming one of ``versions``.

    Example:
        >>> schema_version("1.0").regex
        '^1[.]0$'
        >>> schema_version("1.0", "1.1").matches("1.1")
        True
    """
    alternatives = [version.replace(".", "[.]") for version in versions]
    regex = alternatives[0] if len(alternatives) == 1 else f"({'|'.join(alternatives)})"
    if len(versions) == 1:
        words = f"'{versions[0]}', the version this library reads and writes"
    else:
        words = "one of " + ", ".join(f"'{version}'" for version in versions)
        words += ", the versions this library reads"
    return NamedPattern("schema-version", f"^{regex}$", words)
