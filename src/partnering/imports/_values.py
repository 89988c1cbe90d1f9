"""One cell's text made into a field's value, each change recorded as a finding.

Example:
    >>> from partnering.imports._dates import DateForm
    >>> cells = Cells(dates=(DateForm.of("Mon-YYYY"),), strip="()")
    >>> cells.date("(Apr-2016", "A2", partial=True), [f.code for f in cells.findings]
    ('2016-04', ['text-trimmed', 'date-partial'])
    >>> cells.date("Apr-2016", "A3", partial=False)
    Partial(text='Apr-2016', partial='2016-04')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from partnering._patterns import URL
from partnering._suggest import fold, suggest_country
from partnering.codelists import CodeList
from partnering.imports._dates import DateForm, fits_a_form, read_date
from partnering.imports._fieldkinds import COUNTRY_FIELDS, check_code
from partnering.imports._findings import Finding

__all__ = ["Cells", "Partial", "SetAside"]

_SDG = re.compile(r"^(?:sdg|goal)?\s*#?\s*([0-9]{1,2})(?:[.:)]|\b.*)?$", re.IGNORECASE)
_NUMBER = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$")
_TRUE = frozenset({"yes", "y", "true", "1", "x"})
_FALSE = frozenset({"no", "n", "false", "0"})


@attrs.frozen
class Partial:
    """A date without its day, for a field that takes only days: it goes to extensions."""

    text: str
    partial: str


@attrs.frozen
class SetAside:
    """A value that fits no field: kept as text under extensions, and reported."""

    text: str


@attrs.define
class Cells:
    """Reads cells into values, and keeps the findings of what it did."""

    dates: tuple[DateForm, ...]
    strip: str
    findings: list[Finding] = attrs.field(factory=list)

    def note(
        self, code: str, where: str, value: str | None, result: object, detail: str = ""
    ) -> None:
        """Record a finding."""
        shown = None if result is None else str(result)
        self.findings.append(Finding(code, where, value, shown, detail))

    def trimmed(self, text: str, where: str) -> str:
        """Remove stray brackets and white space from both ends."""
        stripped = text.strip().strip(self.strip + " ").strip()
        if stripped != text.strip():
            self.note("text-trimmed", where, text, stripped)
        return stripped

    def date(self, text: str, where: str, *, partial: bool) -> str | Partial | SetAside:
        """Read a date: ``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY``; :class:`Partial`; or set aside.

        A date without its day is written ``YYYY-MM`` or ``YYYY`` when the field takes a
        partial date (``partial``), and is a :class:`Partial`, for extensions, when it takes
        only days. The import never invents a day.
        """
        bare = self.trimmed(text, where)
        read = read_date(bare, self.dates)
        if read is None:
            if fits_a_form(bare, self.dates):
                self.note("date-impossible", where, text, None, "no such day; kept as text")
            else:
                forms = ", ".join(form.name for form in self.dates)
                self.note(
                    "date-unrecognised", where, text, None, f"kept as text; forms named: {forms}"
                )
            return SetAside(text)
        if read.partial and partial:
            self.note("date-partial", where, text, read.text, "kept as a partial date")
            return read.text
        if read.partial:
            self.note(
                "date-partial",
                where,
                text,
                read.text,
                "the field takes only full dates; kept under extensions",
            )
            return Partial(text, read.text)
        if read.text != bare:
            self.note("date-read", where, text, read.text, f"as {read.form}")
        return read.text

    def code(
        self, field: str, item: Any, text: str, where: str, crosswalk: Mapping[str, Any] | None
    ) -> object:
        """A code for a word: by the crosswalk, the code itself, or a country's name."""
        word = text.strip()
        if crosswalk:
            for key, code in crosswalk.items():
                if key == word or fold(key) == fold(word):
                    if str(code) != word:
                        self.note("crosswalked", where, text, code)
                    return code
        if field == "sdgs":
            match = _SDG.match(word)
            if match and 1 <= int(match.group(1)) <= 17:
                number = int(match.group(1))
                if str(number) != word:
                    self.note("crosswalked", where, text, number, "read as the goal's number")
                return number
        elif check_code(field, item, word) is None:
            return word
        if field in COUNTRY_FIELDS:
            suggestion = suggest_country(word)
            if suggestion is not None and suggestion.exact:
                self.note("country-guessed", where, text, suggestion.code)
                return suggestion.code
        if isinstance(item, type) and issubclass(item, CodeList):
            for member in item:
                if fold(member.value) == fold(word) or fold(member.title) == fold(word):
                    self.note("crosswalked", where, text, member.value, "by the code's title")
                    return member.value
        problem = check_code(field, item, word) or "it is not a code of the field"
        self.note("code-unknown", where, text, None, f"{problem}; add it to [crosswalks.{field}]")
        return SetAside(text)

    def integer(self, text: str, where: str) -> int | SetAside:
        """A whole number, or the text set aside."""
        try:
            return int(text.strip())
        except ValueError:
            self.note("value-set-aside", where, text, None, "not a whole number")
            return SetAside(text)

    def decimal(self, text: str, where: str) -> Decimal | SetAside:
        """An exact number, read as written (``0.1`` stays 0.1), or the text set aside."""
        if _NUMBER.match(text.strip()):
            return Decimal(text.strip())
        self.note("value-set-aside", where, text, None, "not a number such as 1500.50")
        return SetAside(text)

    def boolean(self, text: str, where: str) -> bool | SetAside:
        """``yes``/``no`` and their kin as a truth value, or the text set aside."""
        word = text.strip().casefold()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        self.note("value-set-aside", where, text, None, "not yes or no")
        return SetAside(text)

    def url(self, text: str, where: str) -> str | SetAside:
        """A web address, or the text set aside."""
        address = text.strip()
        if URL.matches(address):
            return address
        self.note("value-set-aside", where, text, None, "not an http(s) address")
        return SetAside(text)
