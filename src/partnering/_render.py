r"""Render validation reports as text for people; :mod:`partnering._report_json` writes JSON.

Nothing from a document reaches the output raw. The library escapes messages when it writes
them; the renderers escape again everything else they print (file names, pointers), so a key
holding terminal escape sequences cannot disturb a terminal.

Example:
    >>> from partnering.report import Issue, Report, Severity
    >>> issue = Issue(
    ...     code="missing-field",
    ...     severity=Severity.ERROR,
    ...     path=("partners", 0, "name"),
    ...     message="'name' is missing",
    ...     hint="add 'name' to this partner",
    ...     line=3,
    ...     column=5,
    ...     record="partner 'tpi'",
    ... )
    >>> print(render_text(Report(issues=(issue,)), "platforms.json"), end="")
    platforms.json is not valid: 1 error (format 1.1)
    <BLANKLINE>
    error missing-field at /partners/*/name
      line 3, column 5: partner 'tpi' (/partners/0/name): 'name' is missing
        hint: add 'name' to this partner
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from partnering._grouping import shortened
from partnering._pointers import display_pointer
from partnering._text import safe_text
from partnering.catalogue import PARSE_CODES
from partnering.report import Issue, IssueGroup, Report, Severity

__all__ = [
    "PLAIN",
    "Style",
    "counts_text",
    "fails",
    "render_text",
    "shown",
    "table",
    "verdict",
]


# Pointers are cut, not file names: a key can be as long as the document, a path cannot.
_POINTER_LIMIT = 200

_RESET = "\x1b[0m"
_CODES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
}


def shown(text: str, limit: int | None = None) -> str:
    r"""Escape text for printing, cutting it only when a limit is given.

    Example:
        >>> shown("\x1b[2Jreport.json")
        '\\u001b[2Jreport.json'
    """
    return safe_text(text, limit=len(text) if limit is None else limit)


@attrs.frozen(kw_only=True)
class Style:
    """How text output may decorate itself.

    Attributes:
        color: whether to use ANSI colours.
        unicode: whether to use characters beyond ASCII, such as ``✓`` and ``…``.
    """

    color: bool = False
    unicode: bool = False

    def paint(self, text: str, *styles: str) -> str:
        r"""Wrap text in the ANSI codes of the styles named, when colour is on.

        Example:
            >>> Style(color=True).paint("error", "bold", "red")
            '\x1b[1;31merror\x1b[0m'
            >>> Style().paint("error", "bold", "red")
            'error'
        """
        if not self.color or not styles:
            return text
        return f"\x1b[{';'.join(_CODES[style] for style in styles)}m{text}{_RESET}"

    @property
    def ellipsis(self) -> str:
        """The ellipsis this style can show."""
        return "…" if self.unicode else "..."

    def mark(self, passed: bool) -> str:
        """Return the mark, with its trailing space, that opens a verdict line (or nothing).

        Example:
            >>> Style(unicode=True).mark(True), Style().mark(False)
            ('✓ ', '')
        """
        if not self.unicode:
            return ""
        return self.paint("✓", "green") + " " if passed else self.paint("✗", "red") + " "

    def severity(self, severity: Severity) -> str:
        """Render a severity word in its colour."""
        colour = "red" if severity is Severity.ERROR else "yellow"
        return self.paint(severity.value, "bold", colour)


#: Plain text: no colours, ASCII decorations only.
PLAIN = Style()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def counts_text(report: Report) -> str:
    """Describe how many errors and warnings a report holds, leaving out what is zero.

    Example:
        >>> counts_text(Report(issues=()))
        'no issues'
    """
    counts = report.count_by_severity()
    parts = [
        _plural(counts[severity.value], severity.value)
        for severity in Severity
        if counts[severity.value]
    ]
    return ", ".join(parts) if parts else "no issues"


def fails(report: Report, fail_on: Severity = Severity.ERROR) -> bool:
    """Tell whether a report has findings at or above a severity.

    Example:
        >>> warning = Issue(code="c", severity=Severity.WARNING, message="m")
        >>> fails(Report(issues=(warning,))), fails(Report(issues=(warning,)), Severity.WARNING)
        (False, True)
    """
    if fail_on is Severity.WARNING:
        return bool(report.issues)
    return not report.valid


def verdict(
    report: Report, name: str, *, fail_on: Severity = Severity.ERROR, style: Style = PLAIN
) -> str:
    """Return the one-line verdict on a file: valid or not, and how many issues it has.

    Args:
        report: the file's report.
        name: the file's name as the user gave it; it is escaped here.
        fail_on: the lowest severity that fails the check.
        style: how to decorate the line.

    Example:
        >>> verdict(Report(issues=()), "platforms.json", style=Style(unicode=True))
        '✓ platforms.json is valid (format 1.1)'
    """
    failed = fails(report, fail_on)
    label = style.paint(shown(name), "bold")
    version = f" (format {report.schema_version})"
    if any(issue.code in PARSE_CODES for issue in report.issues):
        version = ""  # the file was never read as a document of any version
    if not report.valid:
        return f"{style.mark(False)}{label} is not valid: {counts_text(report)}{version}"
    if not report.warnings:
        return f"{style.mark(True)}{label} is valid{version}"
    if failed:
        return (
            f"{style.mark(False)}{label} is valid but fails on warnings: "
            f"{counts_text(report)}{version}"
        )
    return f"{style.mark(True)}{label} is valid, with {counts_text(report)}{version}"


def _location(issue: Issue) -> str | None:
    """Say where an issue is: its cell or line and column, then its record and its pointer."""
    parts = []
    if issue.cell is not None:
        parts.append(shown(issue.cell))
    if issue.line is not None:
        column = f", column {issue.column}" if issue.column is not None else ""
        parts.append(f"line {issue.line}{column}")
    # The reader leaves the path empty when it knows a place only by line and column, so an
    # empty path shows the line rather than (root).
    if issue.path:
        pointer = shown(display_pointer(shortened(issue.path)), _POINTER_LIMIT)
        parts.append(f"{shown(issue.record)} ({pointer})" if issue.record else pointer)
    return ": ".join(parts) or None


def _group_lines(group: IssueGroup, keep: int, style: Style) -> list[str]:
    header = f"{style.severity(group.severity)} {style.paint(group.code, 'bold')}"
    if group.generic_pointer:
        where = shown(group.generic_pointer, _POINTER_LIMIT)
        header += f" at {style.paint(where, 'cyan')}"
    if group.count > 1:
        header += f" ({group.count} times)"
    lines = [header]
    for issue in group.issues[:keep]:
        location = _location(issue)
        message = shown(issue.message)
        if location is None:
            lines.append(f"  {message}")
        else:
            lines.append(f"  {style.paint(location, 'cyan')}: {message}")
        if issue.hint:
            lines.append("    " + style.paint(f"hint: {shown(issue.hint)}", "dim"))
        if issue.excerpt is not None:
            lines.append(f"    value: {shown(issue.excerpt)}")
    more = group.count - min(keep, len(group.issues))
    if more:
        lines.append(f"  {style.ellipsis} and {more} more")
    return lines


def table(rows: Sequence[tuple[str, int]], *, indent: str = "  ") -> list[str]:
    r"""Lay out names and counts as aligned lines, counts to the right.

    The names are printed as given: escape anything taken from a document first.

    Example:
        >>> print("\n".join(table([("missing-field", 12), ("unknown-field", 1)])))
          missing-field  12
          unknown-field   1
    """
    if not rows:
        return []
    name_width = max(len(name) for name, _ in rows)
    count_width = max(len(str(count)) for _, count in rows)
    return [f"{indent}{name:<{name_width}}  {count:>{count_width}}" for name, count in rows]


def render_text(
    report: Report,
    name: str,
    *,
    fail_on: Severity = Severity.ERROR,
    max_issues: int | None = None,
    examples: int = 3,
    style: Style = PLAIN,
    quiet: bool = False,
) -> str:
    """Render one file's report for a person, ending with a newline (or empty).

    The verdict comes first; then each group of like issues with a few examples, its hint
    and the offending value; then, when there is more than one group, the counts by code.

    Args:
        report: the file's report.
        name: the file's name as the user gave it; it is escaped here.
        fail_on: the lowest severity that fails the check; it decides the verdict's mark.
        max_issues: the most issues to show in all; counts stay exact. ``None``: no limit.
        examples: the most issues to show for each group.
        style: colours and characters the output may use.
        quiet: print only the verdict, and only when the file fails.

    Example:
        >>> print(render_text(Report(issues=()), "platforms.json"), end="")
        platforms.json is valid (format 1.1)
        >>> render_text(Report(issues=()), "platforms.json", quiet=True)
        ''
    """
    head = verdict(report, name, fail_on=fail_on, style=style)
    if quiet:
        return head + "\n" if fails(report, fail_on) else ""
    lines = [head]
    groups = report.groups(examples=examples)
    budget = max_issues
    hidden_issues = 0
    hidden_groups = 0
    for group in groups:
        if budget is not None and budget <= 0:
            hidden_issues += group.count
            hidden_groups += 1
            continue
        keep = len(group.issues) if budget is None else min(budget, len(group.issues))
        lines.append("")
        lines.extend(_group_lines(group, keep, style))
        if budget is not None:
            budget -= keep
    if hidden_groups:
        lines.append("")
        lines.append(
            f"{style.ellipsis} {_plural(hidden_issues, 'more issue')} of "
            f"{_plural(hidden_groups, 'other kind')} not shown (--max-issues {max_issues})"
        )
    if len(groups) > 1:
        lines.append("")
        lines.append("issues by code:")
        lines.extend(table(list(report.count_by_code().items())))
    return "\n".join(lines) + "\n"
