r"""Make the mechanical corrections of an exchange file, and say what still needs a person.

:func:`~partnering.fix` corrects only what can have one meaning:

* a byte order mark at the start of the file;
* trailing commas, text in typographic quotes (“ ”) and text in single quotes;
* codes written in other capitals or with other separators (``Green`` for ``green``,
  ``NGO-hosted`` for ``ngo_hosted``), code titles and aliases (``International NGO`` for
  ``21``), and country names and other codes (``Kenya`` for ``KE``, ``UK`` for ``GB``), each
  when exactly one code fits;
* whole numbers written as text (``"25"`` for ``25``) where the field takes a number, and
  whole numbers written with a fraction or an exponent (``25.0`` for ``25``);
* line breaks written ``\r\n`` (as Windows writes them) or ``\r`` in prose, such as a
  description, where the format takes ``\n``.

It never guesses: a date such as ``01/03/2017`` may be March or January, and a code that is
only close to one (``privat``) may be another; both are left for a person, in the report.
The corrections are made on the text, so the file keeps its layout; a correction is kept
only if it removes an issue and adds none (but for what a rule finds in the corrected
value, which the wrong value hid).

Example:
    >>> result = fix('{"schema_version": "1.0", "platforms": [{"id": "p", "name": "P",'
    ...              ' "scope": "Global", "hosting_model": "ngo_hosted",}]}')
    >>> [change.description for change in result.changes]
    ['removed a trailing comma', "'Global' → 'global'"]
    >>> result.report.valid
    True
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from partnering import _corrections
from partnering._json import parse_json
from partnering._json._problems import line_column
from partnering._json._recover import BYTE_ORDER_MARK, Repair, apply, recover
from partnering._json._spans import spans
from partnering._text import safe_text
from partnering.catalogue import RULE_CODES
from partnering.errors import DocumentTooLargeError, JSONParseError
from partnering.report import Path, Report
from partnering.validation import validate

__all__ = ["Change", "FixResult", "fix"]

# A correction can make another one possible (a value in typographic quotes, then its case):
# the corrections are made again on the corrected text, at most this many times.
_ROUNDS = 3

_SYNTAX_DESCRIPTIONS = {
    "trailing-comma": "removed a trailing comma",
    "smart-quotes": "replaced typographic quotes with straight double quotes",
    "single-quotes": "replaced single quotes with double quotes",
}


@attrs.frozen(kw_only=True)
class Change:
    """One correction :func:`~partnering.fix` made.

    Attributes:
        kind: what was corrected: ``byte-order-mark``, ``trailing-comma``, ``smart-quotes``,
            ``single-quotes``, ``code-spelling``, ``code-title``, ``country-name``,
            ``whole-number``, ``whole-number-fraction`` or ``line-endings``.
        description: what changed, for a person, such as ``'Green' → 'green'``.
        line: the 1-based line of the text that changed, in the text before the change.
        path: the keys and indices of the value corrected; ``None`` for a syntax correction.
    """

    kind: str
    description: str
    line: int | None = None
    path: Path | None = None


@attrs.frozen(kw_only=True)
class FixResult:
    """What :func:`~partnering.fix` did to a document, and what still needs a person.

    Attributes:
        original: the text given (bytes are decoded as UTF-8).
        text: the corrected text; equal to ``original`` when nothing was corrected.
        changes: every correction made, in the order made.
        report: the validation report of the corrected text: what a person must still fix.
    """

    original: str
    text: str
    changes: tuple[Change, ...]
    report: Report

    @property
    def changed(self) -> bool:
        """Whether any correction was made."""
        return self.text != self.original

    def diff(self, name: str = "document") -> str:
        r"""Show the corrections as a unified diff, with invisible characters escaped.

        Example:
            >>> print(fix('{"sdgs": [1,]}').diff("list.json"), end="")
            --- list.json
            +++ list.json (fixed)
            @@ -1 +1 @@
            -{"sdgs": [1,]}
            +{"sdgs": [1]}
        """
        lines = difflib.unified_diff(
            [safe_text(line, len(line)) + "\n" for line in self.original.splitlines()],
            [safe_text(line, len(line)) + "\n" for line in self.text.splitlines()],
            fromfile=safe_text(name, 200),
            tofile=safe_text(name, 200) + " (fixed)",
            lineterm="\n",
        )
        return "".join(lines)


def fix(document: str | bytes | bytearray, *, today: date | None = None) -> FixResult:
    """Make every mechanical correction of a document, and report what is left.

    Args:
        document: the text of an exchange file, or its bytes (UTF-8).
        today: the date that rules about the future compare with (default: today).

    Returns:
        A :class:`~partnering.FixResult`; its ``report`` is that of the corrected text.

    Example:
        >>> result = fix('{"schema_version": "1.0", "title": “Ours”}')
        >>> result.text
        '{"schema_version": "1.0", "title": "Ours"}'
        >>> [change.kind for change in result.changes]
        ['smart-quotes']
    """
    if isinstance(document, str):
        original = document
    else:
        # Bytes that are not UTF-8 are kept byte for byte (and nothing is corrected).
        original = bytes(document).decode("utf-8", errors="surrogateescape")
    text = original
    changes: list[Change] = []
    if text.startswith(BYTE_ORDER_MARK):
        text = text[1:]
        changes.append(
            Change(kind="byte-order-mark", description="removed a byte order mark", line=1)
        )
    if not _has_lone_surrogate(text):
        text = _fix_syntax(text, changes)
        for _ in range(_ROUNDS):
            fixed = _fix_values(text, changes, today)
            if fixed == text:
                break
            text = fixed
    # Bytes are checked as bytes, so that what is not UTF-8 is reported as such.
    checked = text if isinstance(document, str) else text.encode("utf-8", "surrogateescape")
    return FixResult(
        original=original,
        text=text,
        changes=tuple(changes),
        report=validate(checked, today=today),
    )


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _fix_syntax(text: str, changes: list[Change]) -> str:
    """Correct the mechanical syntax errors, when the rest of the text is then strict JSON."""
    try:
        parse_json(text)
    except (JSONParseError, DocumentTooLargeError):
        repairs = recover(text)
        if repairs is None:
            return text
        changes.extend(_syntax_change(repair) for repair in repairs)
        return apply(text, repairs)
    return text


def _syntax_change(repair: Repair) -> Change:
    return Change(
        kind=repair.kind, description=_SYNTAX_DESCRIPTIONS[repair.kind], line=repair.error.line
    )


def _fix_values(text: str, changes: list[Change], today: date | None) -> str:
    """Make the corrections of values the report of *text* allows; return the new text."""
    try:
        data = parse_json(text)
    except (JSONParseError, DocumentTooLargeError):
        return text
    before = validate(text, today=today)
    proposals = {
        proposal.path: proposal
        for issue in before.issues
        for proposal in _corrections.propose(issue, _value_at(data, issue.path))
    }
    if not proposals:
        return text
    where = spans(text)
    kept = _harmless(text, where, list(proposals.values()), before, today)
    for proposal in kept:
        start = where[proposal.path][0]
        changes.append(
            Change(
                kind=proposal.kind,
                description=proposal.description,
                line=line_column(text, start)[0],
                path=proposal.path,
            )
        )
    return _edited(text, where, kept)


def _value_at(data: Any, path: Path) -> Any:
    for segment in path:
        try:
            data = data[segment]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _edited(
    text: str, where: dict[Path, tuple[int, int]], proposals: Iterable[_corrections.Proposal]
) -> str:
    """Write each proposal's value in place of the old one, keeping the rest of the text."""
    for proposal in sorted(proposals, key=lambda proposal: where[proposal.path], reverse=True):
        start, end = where[proposal.path]
        text = text[:start] + json.dumps(proposal.value, ensure_ascii=False) + text[end:]
    return text


def _tally(report: Report) -> Counter[tuple[str, str]]:
    return Counter((issue.code, issue.pointer) for issue in report.issues)


def _improves(before: Report, after: Report) -> bool:
    """Whether *after* lacks an issue of *before*, and has no new one of the schema's.

    The rules judge only values the schema accepts, so a corrected code can bring to light
    what a rule finds in it (a national platform without a country): that issue was there
    all along, hidden, and is allowed. A new issue of the schema never is.
    """
    old, new = _tally(before), _tally(after)
    return bool(old - new) and all(code in RULE_CODES for code, _ in new - old)


def _harmless(
    text: str,
    where: dict[Path, tuple[int, int]],
    proposals: Sequence[_corrections.Proposal],
    before: Report,
    today: date | None,
) -> list[_corrections.Proposal]:
    """Keep the proposals that each remove an issue and add none.

    All are tried together first; only if that adds an issue is each tried alone.
    """
    if _improves(before, validate(_edited(text, where, proposals), today=today)):
        return list(proposals)
    return [
        proposal
        for proposal in proposals
        if _improves(before, validate(_edited(text, where, [proposal]), today=today))
    ]
