"""The named patterns carry the exact meaning of a value, in syntax every engine reads alike.

A date is a real day of Python's calendar, a time a real UTC moment to the second, and a web
address an http(s) URI of RFC 3986 that names its host. These tests hold each pattern to the
library that defines the meaning: ``datetime.date.fromisoformat`` for dates (on every string
YYYY-MM-DD of several centuries), ``datetime.datetime.fromisoformat`` for times, and
rfc3986-validator and ``urllib.parse`` for web addresses.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rfc3339_validator import validate_rfc3339  # type: ignore[import-untyped]
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from partnering import _patterns
from partnering._patterns import (
    CONTROL,
    DATE,
    DATETIME,
    EXTENSION_KEY,
    ID,
    LONG_TEXT,
    LONG_TEXT_CONTROL,
    PARTIAL_DATE,
    SDG_TARGET,
    TEXT,
    URL,
    NamedPattern,
    compile_pattern,
)

#: Every pattern the schema carries (ORG_ID is checked by the rules, not by the schema).
SCHEMA_PATTERNS = [ID, URL, SDG_TARGET, EXTENSION_KEY, DATE, DATETIME, TEXT, PARTIAL_DATE]

#: The pattern of prose, which the schema carries too, but which admits line feeds; and the
#: searches that find the control character a text refuses, for messages.
OTHER_PATTERNS = [LONG_TEXT, CONTROL, LONG_TEXT_CONTROL]

#: Years whose every string YYYY-MM-DD is compared with Python's date: year 0000 and the first
#: century, the leap-year exceptions of 400, 1900, 2000 and 2100 with their neighbours, and the
#: last century.
CENTURIES = [
    *range(0, 101),
    *range(396, 405),
    *range(1896, 1905),
    *range(1996, 2105),
    *range(2396, 2405),
    *range(9900, 10000),
]


def is_python_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def date_strings(years: list[int]) -> Iterator[str]:
    """Yield YYYY-MM-DD for the years given, months 00 to 13 and days 00 to 32."""
    for year in years:
        for month in range(14):
            for day in range(33):
                yield f"{year:04d}-{month:02d}-{day:02d}"


def test_dates_are_pythons_dates_on_every_string_of_several_centuries() -> None:
    """On 164,000 strings YYYY-MM-DD, the pattern accepts exactly Python's dates."""
    strings = list(date_strings(CENTURIES))
    assert len(strings) == len(CENTURIES) * 14 * 33
    differing = [text for text in strings if DATE.matches(text) != is_python_date(text)]
    assert differing == []


def test_every_day_of_several_centuries_is_a_date() -> None:
    """Each day of the years 1 to 400, 1900 to 2199 and 9999 matches: 256,035 days."""
    spans = [(1, 400), (1900, 2199), (9999, 9999)]
    days = [
        datetime.date.fromordinal(ordinal)
        for first, last in spans
        for ordinal in range(
            datetime.date(first, 1, 1).toordinal(), datetime.date(last, 12, 31).toordinal() + 1
        )
    ]
    # 400 years are 146,097 days; 1900 to 2199 hold 73 leap years (not 1900 or 2100).
    assert len(days) == 146_097 + (300 * 365 + 73) + 365
    assert [day for day in days if not DATE.matches(day.isoformat())] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2000-02-29", True),  # divisible by 400
        ("1900-02-29", False),  # divisible by 100 only
        ("2100-02-29", False),
        ("2024-02-29", True),
        ("2023-02-29", False),
        ("0004-02-29", True),  # Python's calendar is the proleptic Gregorian one
        ("0400-02-29", True),
        ("0000-01-01", False),  # Python's dates begin at year 1
        ("0001-01-01", True),
        ("9999-12-31", True),
        ("2021-04-31", False),
        ("2021-06-30", True),
        ("2021-12-31", True),
        ("2021-13-01", False),
        ("2021-00-01", False),
        ("2021-01-00", False),
        ("20210101", False),
        ("2021-1-1", False),
        ("+2021-01-01", False),
        ("2021-01-01\n", False),
        ("\u0662\u0660\u0662\u0661-\u0660\u0661-\u0660\u0661", False),  # Arabic-Indic digits
    ],
)
def test_dates_by_hand(text: str, expected: bool) -> None:
    """Leap years, the first and last days, and strings that look like dates."""
    assert DATE.matches(text) is expected


@given(st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"))
def test_any_string_of_the_date_shape_is_a_date_exactly_when_python_reads_it(text: str) -> None:
    """Whatever the digits, the pattern and ``date.fromisoformat`` agree."""
    assert DATE.matches(text) == is_python_date(text)


@given(st.dates())
def test_every_python_date_matches(day: datetime.date) -> None:
    """Every date Python can hold, written as the format writes it, matches."""
    assert DATE.matches(day.isoformat())


@given(st.text())
def test_a_matching_text_is_a_date_written_as_python_writes_it(text: str) -> None:
    """Anything the pattern accepts is a date that Python writes back the same."""
    if DATE.matches(text):
        assert datetime.date.fromisoformat(text).isoformat() == text


def is_utc_moment(text: str) -> bool:
    """Tell whether a text is YYYY-MM-DDThh:mm:ssZ and Python reads it as a moment."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", text):
        return False
    try:
        datetime.datetime.fromisoformat(text[:-1])
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-31T09:30:00Z", True),
        ("0001-01-01T00:00:00Z", True),
        ("9999-12-31T23:59:59Z", True),
        ("2016-12-31T23:59:60Z", False),  # a leap second: Python's datetime cannot hold it
        ("2026-01-01T24:00:00Z", False),
        ("2026-01-01T23:60:00Z", False),
        ("2026-02-29T00:00:00Z", False),
        ("2024-02-29T00:00:00Z", True),
        ("0000-01-01T00:00:00Z", False),
        ("2026-01-01T00:00:00+00:00", False),
        ("2026-01-01T00:00:00.5Z", False),
        ("2026-01-01t00:00:00z", False),
        ("2026-01-01 00:00:00Z", False),
        ("2026-01-01T00:00:00Z\n", False),
    ],
)
def test_date_times_by_hand(text: str, expected: bool) -> None:
    """Leap seconds, hour 24, impossible days and other ways of writing a time."""
    assert DATETIME.matches(text) is expected


@given(
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z")
    | st.sampled_from(["2016-12-31T23:59:60Z", "2026-12-31T24:00:00Z", "2024-02-29T12:00:00Z"])
)
def test_any_string_of_the_time_shape_is_a_time_exactly_when_python_reads_it(text: str) -> None:
    """The pattern and ``datetime.fromisoformat`` agree, seconds 00 to 59 only."""
    assert DATETIME.matches(text) == is_utc_moment(text)


@given(st.datetimes())
def test_every_python_moment_to_the_second_matches(moment: datetime.datetime) -> None:
    """Every moment Python can hold, to the second and written with Z, matches."""
    text = moment.replace(microsecond=0).isoformat() + "Z"
    assert DATETIME.matches(text)
    assert validate_rfc3339(text)  # and it is an RFC 3339 time, as the date-time format says


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://creativecommons.org/licenses/by/4.0/", True),
        ("http://example.org:8080/a?b=c#d", True),
        ("http://a/%41", True),
        ("http://localhost", True),
        ("https://xn--exmple-cua.org/", True),  # a host name of another script, as punycode
        ("http://a:65535", True),
        ("http://a?", True),
        ("https://example.org/?q=a/b?c#frag/x?y", True),
        ("https://example.org/a;b=c/(d)*!$&'+,@:~", True),
        ("http://a:65536", False),  # no such port
        ("http://a:0", False),
        ("http://a:080", False),  # a leading zero
        ("http://example.org:/", False),  # an empty port
        ("http://a:b", False),
        ("http://user@example.org/", False),  # user information
        ("http://user:secret@example.org/", False),
        ("http://a@b@c", False),
        ("http://192.0.2.1/", False),  # an IP address
        ("http://[::1]/", False),
        ("http:///licence", False),  # an empty host, which RFC 3986 allows
        ("http://", False),
        ("http://-a.org/", False),
        ("http://a-.org/", False),
        ("http://a..org/", False),
        ("http://example.org./", False),
        ("http://" + "a" * 64 + ".org/", False),  # a label of more than 63 characters
        ("http://" + "a" * 63 + ".org/", True),
        ("http://a_b.org/", False),
        ("http://a/%zz", False),
        ("http://a/%4", False),
        ("http://a/<b>", False),
        ("http://a/{b}", False),
        ("http://a/b|c", False),
        ("http://a/b\\c", False),
        ("https://a/b#c#d", False),
        ("https://example.org/a b", False),
        ("https://example.org/\u00e9", False),  # not percent-encoded
        ("https://exämple.org/", False),
        ("ftp://example.org/", False),
        ("HTTP://example.org/", False),
        ("//example.org/", False),
        ("https://example.org/\n", False),
    ],
)
def test_web_addresses_by_hand(text: str, expected: bool) -> None:
    """Ports, user information, IP addresses, host names and the characters of RFC 3986."""
    assert URL.matches(text) is expected


@given(st.from_regex(URL.regex, fullmatch=True).filter(lambda text: not text.endswith("\n")))
def test_every_web_address_is_an_rfc_3986_uri_with_a_host(text: str) -> None:
    """What the pattern accepts is an absolute URI, an http(s) URL with a host and a port."""
    assert URL.matches(text)
    assert validate_rfc3986(text, rule="URI")
    parts = urllib.parse.urlsplit(text)
    assert parts.scheme in ("http", "https")
    assert parts.hostname
    assert parts.username is None
    assert parts.port is None or 1 <= parts.port <= 65535


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_a_web_address_is_an_rfc_3986_uri(text: str) -> None:
    """Any text the pattern accepts is an RFC 3986 URI, so format checks never refuse it."""
    candidate = "https://example.org/" + text
    if URL.matches(candidate):
        assert validate_rfc3986(candidate, rule="URI")


def test_the_schema_patterns_use_only_what_every_engine_reads_alike() -> None:
    """No look-around, back-reference or Unicode-dependent class: ECMA-262, RE2 and Python agree."""
    for named in SCHEMA_PATTERNS:
        regex = named.regex
        assert regex.startswith("^"), named.name
        assert regex.endswith("$"), named.name
        for construct in ("(?=", "(?!", "(?<", "\\d", "\\w", "\\s", "\\S", "\\b", "\\Z", "\\z"):
            assert construct not in regex, (named.name, construct)
        assert not re.search(r"\\[1-9]", regex), named.name
        re.compile(regex)


@pytest.mark.parametrize("named", SCHEMA_PATTERNS, ids=lambda named: named.name)
def test_no_pattern_admits_a_line_feed(named: NamedPattern) -> None:
    """As ECMA-262 reads them, no pattern lets a line feed through, at the end or inside."""
    example = {
        "id": "tpi",
        "url": "https://example.org/",
        "sdg-target": "3.8",
        "extension-key": "a:b",
        "date": "2014-04-13",
        "date-time": "2014-04-13T09:30:00Z",
        "text": "The Partnering Initiative",
        "partial-date": "2016-03",
    }[named.name]
    assert named.matches(example)
    assert not named.matches(example + "\n")
    assert not named.matches(example[:2] + "\n" + example[2:])
    # Python's own "$" would let the final one through: compile_pattern is what stops it.
    assert re.search(named.regex, example + "\n")
    assert not compile_pattern(named.regex).search(example + "\n")


def test_every_named_pattern_is_listed() -> None:
    """The list above holds every named pattern of the module but the rules' org-id."""
    named = {value.name for value in vars(_patterns).values() if isinstance(value, NamedPattern)}
    assert named == {pattern.name for pattern in SCHEMA_PATTERNS + OTHER_PATTERNS} | {"org-id"}
