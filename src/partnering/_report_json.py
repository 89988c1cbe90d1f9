r"""The JSON report of ``partnering validate --format json``: its shape, and how it is written.

The shape is declared once, by the records below: each field's type, description and
constraints. A converter made by :func:`make_report_converter` writes the records, and
:func:`partnering.schemagen.report_schema` generates ``report.schema.json`` from the very
same records, so the report and its schema cannot drift apart. The records check their
constraints when they are built, as the models do.

Every key is always written, ``null`` included: a program reading a report never has to ask
whether a key is there. The document is written in ASCII, so every control or invisible
character a key or value may hold comes out as a ``\u`` escape.

Example:
    >>> from partnering.report import Report
    >>> document = ValidationReport.of([("a.json", Report(issues=()))], version="0.1.0")
    >>> make_report_converter().unstructure(document)["files"][0]["counts"]
    {'error': 0, 'warning': 0}
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from partnering import report as _report
from partnering._constraints import Constraint, Length, Pattern, Range, TypeCheck
from partnering._format import REPORT_FORMAT_VERSION
from partnering._grouping import KEY_LIMIT, shortened
from partnering._indented import indented_object
from partnering._patterns import NamedPattern
from partnering._pointers import format_pointer
from partnering.report import Path, Severity

__all__ = [
    "FORMAT_VERSION",
    "ISSUE_CODE",
    "RECORDS",
    "FileReport",
    "Issue",
    "ValidationReport",
    "configure_report_converter",
    "iter_json",
    "json_document",
    "make_report_converter",
    "render_json",
]

#: An issue code: lowercase words of letters and digits, joined by hyphens.
ISSUE_CODE = NamedPattern(
    "issue-code",
    "^[a-z0-9]+(-[a-z0-9]+)*$",
    "lowercase letters and digits in words joined by hyphens, such as 'missing-field'",
)

#: A version of a format, such as ``1.0``.
FORMAT_VERSION = NamedPattern(
    "format-version", "^[0-9]+[.][0-9]+$", "a version written MAJOR.MINOR, such as '1.0'"
)

_TYPE = TypeCheck()


def _field(
    description: str,
    *constraints: Constraint,
    keys: tuple[Constraint, ...] = (),
    values: tuple[Constraint, ...] = (),
) -> Any:
    """Declare a field of the report: its description, and the constraints its value meets.

    ``keys`` and ``values`` constrain the keys and the values of a mapping.
    """
    validators: list[Any] = [_TYPE, *constraints]
    if keys or values:
        validators.append(
            attrs.validators.deep_mapping(
                key_validator=attrs.validators.and_(*keys),
                value_validator=attrs.validators.and_(*values),
            )
        )
    return attrs.field(
        validator=validators,
        metadata={
            "description": description,
            "constraints": constraints,
            "keys": keys,
            "values": values,
        },
    )


@attrs.frozen(kw_only=True)
class Issue:
    """One problem found in a file."""

    code: str = _field(
        "A stable identifier of the kind of problem, such as 'missing-field'; documented, "
        "never reused.",
        Pattern(ISSUE_CODE),
    )
    severity: Severity = _field("An error makes the file invalid; a warning does not.")
    pointer: str = _field(
        "Where the problem is, as an RFC 6901 JSON Pointer; the empty string is the whole "
        f"document. A key longer than {KEY_LIMIT} characters is cut there and ends "
        "with '\u2026'."
    )
    path: Path = _field(
        "The same location as data: the object keys and array indices from the root, keys "
        "cut as in the pointer."
    )
    message: str = _field(
        "What is wrong, for a person; characters from the file that could disturb a terminal "
        "are escaped.",
        Length(1),
    )
    hint: str = _field("How to fix the problem; empty when there is nothing to add to the message.")
    excerpt: str | None = _field(
        "A short, escaped rendering of the offending value, or null when there is none."
    )
    line: int | None = _field(
        "The 1-based line of the problem in the file: where the offending value starts (for a "
        "missing field, the object that should hold it; for an unknown field, its key), or "
        "where reading stopped. Null when the problem has no place in the text, such as a "
        "file too large to read.",
        Range(minimum=1),
    )
    column: int | None = _field(
        "The 1-based column of that place, in characters, when the line is known; otherwise null.",
        Range(minimum=1),
    )
    record: str | None = _field(
        "The record the problem belongs to, in words: its kind and its name, title or id, "
        "such as \"partner 'TPI'\"; null when the problem lies outside every record."
    )
    cell: str | None = _field(
        "For a workbook or a folder of CSV files, the cell of the problem as a spreadsheet "
        "program names it: the sheet, the column letter and the row, such as 'Partners!C7' "
        "(or 'Partners.csv!C7'); null for other documents.",
        Length(1),
    )

    @classmethod
    def of(cls, issue: _report.Issue) -> Issue:
        """Describe an issue of a report."""
        return cls(
            code=issue.code,
            severity=issue.severity,
            pointer=format_pointer(shortened(issue.path)),
            path=shortened(issue.path),
            message=issue.message,
            hint=issue.hint,
            excerpt=issue.excerpt,
            line=issue.line,
            column=issue.column,
            record=issue.record,
            cell=issue.cell,
        )


@attrs.frozen(kw_only=True)
class FileReport:
    """What validation found in one file."""

    source: str = _field(
        "The file as it was named on the command line, '<stdin>' for standard input, or the "
        "path of the bundled example."
    )
    schema_version: str = _field(
        "The version of the interchange format the file was checked against.",
        Pattern(FORMAT_VERSION),
    )
    valid: bool = _field("Whether the file has no errors; warnings do not make it invalid.")
    counts: Mapping[Severity, int] = _field(
        "How many issues the file has of each severity; exact even when the list of issues is "
        "truncated.",
        values=(Range(minimum=0),),
    )
    counts_by_code: Mapping[str, int] = _field(
        "How many issues the file has of each code, codes in alphabetical order; codes "
        "without issues are left out. Exact even when the list of issues is truncated.",
        keys=(Pattern(ISSUE_CODE),),
        values=(Range(minimum=1),),
    )
    issues: tuple[Issue, ...] = _field(
        "The issues found, in the order of the file: by line and column, then code. At most "
        "the number asked for with --max-issues."
    )
    truncated: bool = _field("Whether issues were left out of the list because of --max-issues.")

    @classmethod
    def of(
        cls,
        report: _report.Report,
        source: str,
        *,
        max_issues: int | None = None,
        listed: bool = True,
    ) -> FileReport:
        """Describe one file's report; ``max_issues`` shortens the list, never the counts.

        Without ``listed``, the list of issues is left empty (the rest is the same), for a
        writer that writes the issues one at a time.

        Example:
            >>> from partnering.report import Report
            >>> FileReport.of(Report(issues=()), "platforms.json").counts
            {<Severity.ERROR: 'error'>: 0, <Severity.WARNING: 'warning'>: 0}
        """
        issues = report.issues if max_issues is None else report.issues[:max_issues]
        return cls(
            source=source,
            schema_version=report.schema_version,
            valid=report.valid,
            counts={Severity(key): count for key, count in report.count_by_severity().items()},
            counts_by_code=report.count_by_code(),
            issues=tuple(Issue.of(issue) for issue in issues) if listed else (),
            truncated=len(issues) < report.count,
        )


@attrs.frozen(kw_only=True)
class ValidationReport:
    """The reports of one run of ``partnering validate --format json``, and their verdict."""

    format_version: str = attrs.field(
        default=REPORT_FORMAT_VERSION,
        init=False,
        metadata={"description": "The version of this report format."},
    )
    partnering_version: str = _field(
        "The version of the partnering library that made the report.", Length(1)
    )
    valid: bool = _field(
        "Whether every file checked is valid: readable, and without errors (warnings are allowed)."
    )
    files: tuple[FileReport, ...] = _field(
        "The report of each file, in the order the files were given."
    )

    @classmethod
    def of(
        cls,
        files: Sequence[tuple[str, _report.Report]],
        *,
        version: str,
        max_issues: int | None = None,
        listed: bool = True,
    ) -> ValidationReport:
        """Gather the reports of one run.

        Args:
            files: each file's source, as the user named it, and its report.
            version: the version of the library that made the reports.
            max_issues: the most issues to list for each file; the counts stay exact.
            listed: whether the lists of issues are filled (see :meth:`FileReport.of`).
        """
        return cls(
            partnering_version=version,
            valid=all(report.valid for _, report in files),
            files=tuple(
                FileReport.of(report, source, max_issues=max_issues, listed=listed)
                for source, report in files
            ),
        )


#: The records of the report, the root first.
RECORDS: tuple[type[Any], ...] = (ValidationReport, FileReport, Issue)


def configure_report_converter(converter: cattrs.Converter) -> None:
    """Teach a converter to write the report's records, every key of them.

    A converter leaves out the fields that cannot be set, such as the format version, and
    may leave out default values, as :func:`partnering.make_converter`'s does; once
    configured, it writes the records whole, so the library's converter can write reports too.

    Example:
        >>> from partnering import make_converter
        >>> converter = make_converter()
        >>> configure_report_converter(converter)
        >>> converter.unstructure(ValidationReport.of([], version="0.1.0"))["format_version"]
        '1.1'
    """
    converter.register_unstructure_hook(Severity, lambda severity: severity.value)
    for record in RECORDS:
        hook = make_dict_unstructure_fn(
            record,
            converter,
            # Constants such as the format version are written too.
            _cattrs_include_init_false=True,
            _cattrs_omit_if_default=False,
        )
        converter.register_unstructure_hook(record, hook)


def make_report_converter() -> cattrs.Converter:
    """Make the converter that writes the JSON report.

    Example:
        >>> from partnering.report import Report
        >>> converter = make_report_converter()
        >>> converter.unstructure(ValidationReport.of([], version="0.1.0"))
        {'format_version': '1.1', 'partnering_version': '0.1.0', 'valid': True, 'files': []}
    """
    converter = cattrs.Converter()
    configure_report_converter(converter)
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    return make_report_converter()


def json_document(
    files: Sequence[tuple[str, _report.Report]], *, version: str, max_issues: int | None = None
) -> dict[str, Any]:
    """Gather the reports of one run into the JSON report, as JSON data.

    Arguments are as for :meth:`ValidationReport.of`.

    Example:
        >>> from partnering.report import Report
        >>> document = json_document([("a.json", Report(issues=()))], version="0.1.0")
        >>> document["valid"], document["files"][0]["source"]
        (True, 'a.json')
    """
    document = ValidationReport.of(files, version=version, max_issues=max_issues)
    data: dict[str, Any] = _converter().unstructure(document)
    return data


def render_json(
    files: Sequence[tuple[str, _report.Report]], *, version: str, max_issues: int | None = None
) -> str:
    """Render the reports of one run as one JSON document in ASCII, ending with a newline.

    Arguments are as for :meth:`ValidationReport.of`.

    Example:
        >>> print(render_json([], version="0.1.0"), end="")
        {
          "format_version": "1.1",
          "partnering_version": "0.1.0",
          "valid": true,
          "files": []
        }
    """
    return "".join(iter_json(files, version=version, max_issues=max_issues))


def iter_json(
    files: Sequence[tuple[str, _report.Report]], *, version: str, max_issues: int | None = None
) -> Iterator[str]:
    """Yield the text :func:`render_json` returns, in pieces, an issue at a time.

    The text is the one ``json.dumps`` writes for the whole document, with an indent of 2,
    in parts: the document without its issues, then each issue in its place. Neither the
    report as Python data nor its text is ever held whole, so that writing a report of
    100,000 issues costs the memory of one.

    Example:
        >>> "".join(iter_json([], version="0.1.0")) == render_json([], version="0.1.0")
        True
    """
    converter = _converter()
    shell = ValidationReport.of(files, version=version, max_issues=max_issues, listed=False)
    text = json.dumps(converter.unstructure(shell), indent=2, ensure_ascii=True)
    # One "issues": [] a file, in order: inside a string, the quotes would be escaped.
    pieces = text.split(_NO_ISSUES)
    if len(pieces) != len(files) + 1:  # pragma: no cover - one list a file
        raise AssertionError("the report's issues could not be placed")
    yield pieces[0]
    for (_, report), rest in zip(files, pieces[1:], strict=True):
        issues = report.issues if max_issues is None else report.issues[:max_issues]
        if not issues:
            yield _NO_ISSUES
        else:
            yield '"issues": [\n'
            for index, issue in enumerate(issues):
                data = converter.unstructure(Issue.of(issue))
                yield (
                    (",\n" if index else "") + _ISSUE_INDENT + indented_object(data, _ISSUE_INDENT)
                )
            yield "\n" + " " * 6 + "]"
        yield rest
    yield "\n"


_NO_ISSUES = '"issues": []'
# The depth of an issue in the report: document, files, a file, its issues.
_ISSUE_INDENT = " " * 8
