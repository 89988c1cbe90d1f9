"""What an import did to each value: the findings of an import report, and their codes.

Every value an import changes, splits, crosswalks, guesses or sets aside is one
:class:`Finding`, traced to the cell it came from. The codes, their kind and their wording
are declared once, in :data:`FINDING_CODES`.

Example:
    >>> finding = Finding("date-partial", "Projects!D7", "Apr-2016", "2016-04")
    >>> finding.kind, finding.severity
    ('transformed', 'warning')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

__all__ = ["FINDING_CODES", "KINDS", "Finding", "FindingCode"]

#: The kinds of findings, in the order a report lists them.
KINDS: tuple[str, ...] = (
    "mapping",
    "unreadable",
    "set-aside",
    "decide",
    "suggested",
    "guessed",
    "crosswalked",
    "split",
    "transformed",
    "left-out",
    "kept",
)


@attrs.frozen
class FindingCode:
    """One code of the import report: its kind, its severity and what it says.

    Attributes:
        kind: one of :data:`KINDS`.
        severity: ``error`` (the value or the mapping cannot be used), ``warning`` (a person
            should look) or ``info`` (a change the mapping asked for).
        title: what happened, in a few words.
    """

    kind: str
    severity: str
    title: str


_CODES = {
    # The mapping itself, checked before any data is read.
    "mapping-syntax": FindingCode("mapping", "error", "The mapping is not valid TOML"),
    "mapping-unknown-key": FindingCode(
        "mapping", "error", "The mapping has a key it does not know"
    ),
    "mapping-unknown-entity": FindingCode("mapping", "error", "No entity list has this name"),
    "mapping-unknown-field": FindingCode("mapping", "error", "The entity has no such field"),
    "mapping-unsupported-field": FindingCode(
        "mapping", "error", "A field that a table column cannot fill"
    ),
    "mapping-missing-column": FindingCode("mapping", "error", "The source has no such column"),
    "mapping-missing-sheet": FindingCode("mapping", "error", "The workbook has no such sheet"),
    "mapping-date-form": FindingCode("mapping", "error", "A date form that matches no date"),
    "mapping-unknown-code": FindingCode(
        "mapping", "error", "A crosswalk to a code that does not exist"
    ),
    "mapping-bad-value": FindingCode("mapping", "error", "A mapping value of the wrong kind"),
    # The source.
    "source-unreadable": FindingCode("unreadable", "error", "The source cannot be read"),
    "source-wrong-format": FindingCode("unreadable", "error", "The source is in another format"),
    "source-version": FindingCode(
        "unreadable", "warning", "An IATI version other than 2.01 to 2.03, read as 2.03"
    ),
    # Rows and values that could not be used.
    "row-set-aside": FindingCode("set-aside", "error", "A row that cannot become a record"),
    "value-set-aside": FindingCode("set-aside", "warning", "A value that fits no field"),
    "date-unrecognised": FindingCode("set-aside", "warning", "A date in none of the forms named"),
    "date-impossible": FindingCode("set-aside", "warning", "A date that does not exist"),
    "code-unknown": FindingCode("set-aside", "warning", "A word that no crosswalk or code names"),
    "not-an-organisation": FindingCode(
        "decide", "warning", "A name in a partner list that is not an organisation"
    ),
    "provider-unknown": FindingCode("decide", "warning", "A budget whose provider cannot be told"),
    "ref-not-applicable": FindingCode("decide", "warning", "An organisation reference that is N/A"),
    "ref-not-organisation": FindingCode(
        "decide", "warning", "A reference that names no organisation"
    ),
    "budget-set-aside": FindingCode(
        "set-aside", "warning", "A budget that cannot become a resource"
    ),
    "single-participant": FindingCode(
        "set-aside", "error", "A partnership left with fewer than two participants"
    ),
    # Things offered to a person, never done without the mapping saying so.
    "near-duplicate": FindingCode("suggested", "warning", "Two partner names that look alike"),
    # Values made up where the source had none.
    "type-unknown": FindingCode(
        "decide", "warning", "A partner whose organisation type the source does not state"
    ),
    "type-default": FindingCode("guessed", "warning", "An organisation type taken by default"),
    "country-guessed": FindingCode("guessed", "info", "A country code found from its name"),
    "id-made": FindingCode("guessed", "info", "An id made from a name"),
    "id-collision": FindingCode("guessed", "info", "An id made distinct from another"),
    # Changes the mapping asked for.
    "crosswalked": FindingCode("crosswalked", "info", "A word replaced by a code"),
    "name-crosswalked": FindingCode("crosswalked", "info", "A partner name replaced by another"),
    "list-split": FindingCode("split", "info", "A cell split into a list"),
    "phrase-dropped": FindingCode("split", "info", "A phrase dropped from a list"),
    "duplicate-in-row": FindingCode("split", "info", "A partner named twice in one row"),
    "name-normalised": FindingCode("transformed", "info", "A partner spelt another way"),
    "lines-joined": FindingCode("transformed", "info", "A name broken across lines, joined"),
    "text-trimmed": FindingCode("transformed", "info", "Stray characters removed"),
    "date-partial": FindingCode("transformed", "warning", "A date without its day"),
    "date-read": FindingCode("transformed", "info", "A date read from another form"),
    "to-extensions": FindingCode("kept", "info", "A value kept under extensions"),
    "personal-left-out": FindingCode("left-out", "info", "A column of personal data left out"),
}

#: Every code of the import report.
FINDING_CODES: Mapping[str, FindingCode] = MappingProxyType(_CODES)


@attrs.frozen
class Finding:
    """One thing an import did, or could not do, traced to where it happened.

    Attributes:
        code: a key of :data:`FINDING_CODES`.
        where: the source cell (``Projects!C7``, ``row 7, column Partners``), the mapping's
            line (``mapping.toml:12``) or the IATI element.
        value: the text as the source has it.
        result: what the import made of it, or ``None`` when it made nothing.
        detail: a sentence on what was done and what a person may want to do.
    """

    code: str
    where: str
    value: str | None = None
    result: str | None = None
    detail: str = ""

    @property
    def kind(self) -> str:
        """The kind of the finding, one of ``KINDS``."""
        return FINDING_CODES[self.code].kind

    @property
    def severity(self) -> str:
        """The severity of the finding, ``error``, ``warning`` or ``info``."""
        return FINDING_CODES[self.code].severity
