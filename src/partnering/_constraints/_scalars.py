"""Constraints on one value: text, patterns, numbers, countries, web addresses and times."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import attrs

from partnering._constraints._base import Breach, Constraint
from partnering._countries import COUNTRY_CODES
from partnering._format import MAX_INTEGER
from partnering._patterns import (
    CONTROL,
    DATETIME,
    LONG_TEXT,
    LONG_TEXT_CONTROL,
    TEXT,
    URL,
    NamedPattern,
)
from partnering._suggest import COUNTRY_LIST, listing, suggest_country
from partnering._text import excerpt

__all__ = [
    "COUNTRY_CODES",
    "Country",
    "Length",
    "Pattern",
    "Range",
    "Text",
    "Uri",
    "UtcSeconds",
]


@attrs.frozen
class Length(Constraint):
    """A string of ``minimum`` to ``maximum`` characters.

    Text that is too short is ``empty-text``; text that is too long is ``text-too-long``.
    """

    code = "empty-text"
    keywords = ("minLength", "maxLength")

    minimum: int = 1
    maximum: int | None = None

    def breach(self, value: Any) -> Breach | None:
        if len(value) < self.minimum:
            if self.minimum == 1:
                return Breach(self.code, "must not be empty")
            return Breach(self.code, f"must have at least {self.minimum} characters")
        if self.maximum is not None and len(value) > self.maximum:
            problem = f"has {len(value)} characters; it may have at most {self.maximum}"
            return Breach("text-too-long", problem)
        return None

    def schema(self) -> dict[str, Any]:
        keywords: dict[str, Any] = {"minLength": self.minimum}
        if self.maximum is not None:
            keywords["maxLength"] = self.maximum
        return keywords


@attrs.frozen
class Pattern(Constraint):
    """A string matching one of the format's named patterns."""

    code = "invalid-format"
    keywords = ("pattern",)

    pattern: NamedPattern

    @property
    def regex(self) -> str:
        """The pattern's text, as the schema carries it."""
        return self.pattern.regex

    @property
    def explanation(self) -> str:
        """What the pattern accepts, in words."""
        return self.pattern.explanation

    def breach(self, value: Any) -> Breach | None:
        if self.pattern.matches(value):
            return None
        text = _TEXTS.get(self.pattern)
        if text is not None:  # the schema layer words a text's pattern as the text does
            return text.breach(value)
        return Breach(self.code, f"must be {self.explanation}")

    def schema(self) -> dict[str, Any]:
        return {"pattern": self.regex}


@attrs.frozen
class Text(Constraint):
    r"""Visible text: not empty, not only spaces or invisible characters, no control character.

    Tab is the one control character text may hold; ``long`` text (descriptions, summaries)
    may also hold line feeds. Empty text is ``empty-text``, text that shows nothing is
    ``blank-text``, and a control character is ``control-character``. The schema states it
    as ``minLength`` and a pattern (:data:`~partnering._patterns.TEXT` or
    :data:`~partnering._patterns.LONG_TEXT`), which every engine reads alike.

    Example:
        >>> Text().breach("\u200b").code, Text().breach("a\nb").code
        ('blank-text', 'control-character')
        >>> Text(long=True).breach("a\nb") is None
        True
    """

    code = "empty-text"
    keywords = ("minLength", "pattern")

    long: bool = False

    @property
    def pattern(self) -> NamedPattern:
        """The pattern the schema states."""
        return LONG_TEXT if self.long else TEXT

    def breach(self, value: Any) -> Breach | None:
        if not value:
            return Breach(self.code, "must not be empty")
        if self.pattern.matches(value):
            return None
        found = (LONG_TEXT_CONTROL if self.long else CONTROL).match(value)
        if found is not None:
            return _control(found.group(), found.start(), self.long)
        return Breach(
            "blank-text",
            "holds only spaces or invisible characters; it must show at least one character",
        )

    def schema(self) -> dict[str, Any]:
        return {"minLength": 1, "pattern": self.pattern.regex}


def _control(character: str, position: int, long: bool) -> Breach:
    where = f"at character {position + 1}"
    if character == "\n":
        return Breach(
            "control-character",
            f"holds a line break {where}; it is text of one line",
            "Write the text on one line; only descriptions and summaries may have line breaks.",
        )
    allowed = "tab and line feed" if long else "tab"
    return Breach(
        "control-character",
        f"holds the control character U+{ord(character):04X} {where}; text may hold no "
        f"control character but {allowed}",
    )


_TEXTS = {Text().pattern: Text(), Text(long=True).pattern: Text(long=True)}


@attrs.frozen
class Range(Constraint):
    """A number from ``minimum`` to ``maximum``, both included.

    A whole number beyond 2^53 - 1 either way is ``integer-too-large`` whatever the range:
    readers that hold numbers as doubles, JavaScript's among them, cannot hold it exactly.
    """

    code = "out-of-range"
    keywords = ("minimum", "maximum")

    minimum: int | None = None
    maximum: int | None = None

    def breach(self, value: Any) -> Breach | None:
        if abs(value) > MAX_INTEGER and _whole(value):
            problem = (
                f"is {excerpt(value)}, beyond {'-' if value < 0 else ''}{MAX_INTEGER} "
                "(2^53 - 1), so not every JSON reader can hold it exactly"
            )
            return Breach("integer-too-large", problem)
        if self.minimum is not None and value < self.minimum:
            return Breach(self.code, f"is {excerpt(value)}; it must be at least {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            return Breach(self.code, f"is {excerpt(value)}; it must be at most {self.maximum}")
        return None

    def schema(self) -> dict[str, Any]:
        keywords: dict[str, Any] = {}
        if self.minimum is not None:
            keywords["minimum"] = self.minimum
        if self.maximum is not None:
            keywords["maximum"] = self.maximum
        return keywords


def _whole(value: Any) -> bool:
    if isinstance(value, Decimal):  # how the strict reader reads 1E+300
        return value.is_finite() and value == value.to_integral_value()
    return isinstance(value, int)


@attrs.frozen
class Country(Constraint):
    """An ISO 3166-1 alpha-2 country code, such as ``KE``.

    The schema states it as a reference to the definition that lists the codes, whose
    ``enum`` is the keyword a wrong code breaks.
    """

    code = "unknown-code"
    keywords = ("$ref", "enum")

    def breach(self, value: Any) -> Breach | None:
        # The schema reports a list or an object here too, when its type is also wrong.
        if isinstance(value, str) and value in _COUNTRY_SET:
            return None
        problem = f"is {excerpt(value)}, which is not an ISO 3166-1 alpha-2 country code"
        # A name, another code of the country, or the code in small letters: the same
        # suggestion in the schema layer and in the models, from one place.
        suggestion = suggest_country(value)
        offer = (
            suggestion.hint
            if suggestion
            else "Use the two capital letters of the country, such as 'KE' for Kenya."
        )
        return Breach(
            self.code, problem, f"{offer} {listing(COUNTRY_LIST, len(COUNTRY_CODES), 'names')}"
        )

    def schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/country_code"}


_COUNTRY_SET = frozenset(COUNTRY_CODES)


@attrs.frozen
class Uri(Constraint):
    """A web address, hinted as JSON Schema's ``uri`` format beside the pattern that checks it.

    The ``format`` keyword is only a hint for tools; the meaning is the ``URL`` pattern's,
    which accepts only http(s) URIs of RFC 3986, and which this constraint checks too.
    """

    code = "invalid-format"
    keywords = ("format",)

    def breach(self, value: Any) -> Breach | None:
        if URL.matches(value):
            return None
        return Breach(self.code, "must be a valid absolute web address")

    def schema(self) -> dict[str, Any]:
        return {"format": "uri"}


@attrs.frozen
class UtcSeconds(Constraint):
    """A date and time in UTC to the second, written like ``2026-01-31T09:30:00Z``."""

    code = "invalid-format"
    keywords = ("pattern",)

    def breach(self, value: Any) -> Breach | None:
        if value.tzinfo is None or value.utcoffset() != timedelta(0) or value.microsecond:
            return Breach(self.code, f"must be {DATETIME.explanation}, to the second")
        return None

    def schema(self) -> dict[str, Any]:
        return {"pattern": DATETIME.regex}
