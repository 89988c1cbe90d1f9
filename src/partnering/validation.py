"""Validate exchange files: every problem, where it is, and how to fix it.

Validation runs in layers and collects every issue, never stopping at the first:

0. the strict JSON reader (:mod:`partnering._json`): encoding, syntax, duplicate keys...;
1. the interchange JSON Schema (:mod:`partnering._schema_layer`): types, required and unknown
   fields, code lists, formats;
2. rules across the file (:mod:`partnering.rules`): references, duplicates, dates, and the
   field's own expectations, such as partnerships being cross-sector.

Nothing is fetched from the network: the schemas ship inside the package.

The schema layer runs on a fast engine first (:mod:`partnering._fast`): the issues, and so
the reports, are the same as those of the pure-Python validator, which explains what the fast
engine finds. Only the modules a task needs are imported, so checking a valid file does not
import jsonschema or cattrs.

Example:
    >>> report = validate('{"schema_version": "1.0", "partners": [{"id": "tpi", "nmae": "x"}]}')
    >>> [(issue.pointer, issue.code) for issue in report.issues]
    [('/partners/0/name', 'missing-field'), ('/partners/0/nmae', 'unknown-field'), \
('/partners/0/organisation_type', 'missing-field')]
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, Union

from partnering import _fast
from partnering._files import read_bytes
from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from partnering._json import parse_json
from partnering.errors import JSONParseError, ReadError
from partnering.models import Dataset
from partnering.report import Issue, Report, Severity
from partnering.rules import rule_issues

__all__ = ["Source", "check", "check_document", "iter_issues", "validate"]

#: What :func:`validate` accepts: a path, the bytes or text of a document, or parsed data.
Source = Union[str, bytes, bytearray, "os.PathLike[str]", Mapping[str, Any]]


def _looks_like_text(source: str) -> bool:
    stripped = source.lstrip()
    return not stripped or stripped[0] in "{["


def _describe(source: object) -> str:
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and not _looks_like_text(source)
    ):
        return os.fspath(source)
    if isinstance(source, (bytes, bytearray)):
        return "<bytes>"
    if isinstance(source, str):
        return "<text>"
    return "<data>"


def _parse_issue(error: JSONParseError) -> Issue:
    return Issue(
        code=error.code,
        severity=Severity.ERROR,
        path=error.path or (),
        message=error.message,
        hint=error.hint,
        line=error.line,
        column=error.column,
    )


def _read_source(
    source: Source, *, max_bytes: int, max_depth: int
) -> tuple[Mapping[str, Any] | None, Issue | None]:
    """Turn any accepted source into parsed data, or the issue that prevents it."""
    if isinstance(source, Mapping):
        return source, None
    try:
        if isinstance(source, (bytes, bytearray)):
            return parse_json(bytes(source), max_bytes=max_bytes, max_depth=max_depth), None
        if isinstance(source, str) and _looks_like_text(source):
            return parse_json(source, max_bytes=max_bytes, max_depth=max_depth), None
        data = read_bytes(source, max_bytes=max_bytes)
        return parse_json(data, max_bytes=max_bytes, max_depth=max_depth), None
    except JSONParseError as error:
        return None, _parse_issue(error)
    except ReadError as error:
        issue = Issue(
            code=error.code,
            severity=Severity.ERROR,
            message=error.message,
            hint="check the path and the file's permissions",
        )
        return None, issue


def _is_plain(data: Mapping[str, Any], source: Source, max_depth: int) -> bool:
    # What the strict parser returns is plain JSON; a mapping from the caller is checked.
    return not isinstance(source, Mapping) or _fast.is_plain_json(data, max_depth)


def _schema_issues(data: Mapping[str, Any], *, plain: bool, reference: bool) -> Iterator[Issue]:
    if reference:
        from partnering._schema_layer import schema_issues

        return schema_issues(data)
    return _fast.schema_issues(data, plain=plain)


def _iter_issues(
    source: Source, *, max_bytes: int, max_depth: int, today: date | None, reference: bool
) -> Iterator[Issue]:
    data, problem = _read_source(source, max_bytes=max_bytes, max_depth=max_depth)
    if problem is not None or data is None:
        if problem is not None:
            yield problem
        return
    plain = _is_plain(data, source, max_depth)
    yield from _schema_issues(data, plain=plain, reference=reference)
    yield from rule_issues(data, today=today or date.today())


def iter_issues(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
) -> Iterator[Issue]:
    """Yield the issues of a document as they are found, layer by layer.

    The order is the order of discovery; :func:`validate` sorts them into a stable order.
    Arguments are as for :func:`validate`.

    Example:
        >>> next(iter_issues('{"schema_version": "1.0",}')).code
        'json-syntax'
    """
    return _iter_issues(
        source, max_bytes=max_bytes, max_depth=max_depth, today=today, reference=False
    )


def validate(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
) -> Report:
    """Check a document against the schema and the rules; never raises for bad data.

    Args:
        source: a path (``str`` or :class:`os.PathLike`); the bytes of a document; its text
            (a ``str`` whose first non-blank character is ``{`` or ``[``, or which is blank);
            or data already parsed from JSON (a mapping).
        max_bytes: the largest document accepted (default 256 MiB).
        max_depth: the deepest nesting of arrays and objects accepted (default 64).
        today: the date that rules about the future compare with (default: today).

    Returns:
        A :class:`~partnering.report.Report` of every issue, in a stable order.

    Example:
        >>> report = validate('{"schema_version": "1.0", "title": "Empty but valid"}')
        >>> report.valid, report.issues
        (True, ())
    """
    issues = _iter_issues(
        source, max_bytes=max_bytes, max_depth=max_depth, today=today, reference=False
    )
    with _fast.collection_paused():
        return Report.of(issues, source=_describe(source))


def _validate_reference(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
) -> Report:
    """Validate as :func:`validate` does, with the pure-Python validator on the whole document.

    The reference the fast path is held to, issue for issue.
    """
    issues = _iter_issues(
        source, max_bytes=max_bytes, max_depth=max_depth, today=today, reference=True
    )
    return Report.of(issues, source=_describe(source))


def check(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
) -> tuple[Dataset | None, Report]:
    """Validate a document and, when it has no errors, build its dataset.

    Returns:
        The dataset (``None`` when the report has errors) and the report.

    Example:
        >>> dataset, report = check('{"schema_version": "1.0", "title": "Mine"}')
        >>> dataset.title, report.valid
        ('Mine', True)
    """
    with _fast.collection_paused():
        return _check(
            source, max_bytes=max_bytes, max_depth=max_depth, today=today, reference=False
        )


def _check(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
    reference: bool,
) -> tuple[Dataset | None, Report]:
    """Do what :func:`check` does, on the fast path or, as the reference, without it."""
    data, problem = _read_source(source, max_bytes=max_bytes, max_depth=max_depth)
    if problem is not None or data is None:
        return None, Report.of([problem] if problem else [], source=_describe(source))
    plain = _is_plain(data, source, max_depth)
    return _check_parsed(data, _describe(source), plain=plain, today=today, reference=reference)


def check_document(
    document: str | bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
) -> tuple[Dataset | None, Report]:
    """Do what :func:`check` does for the text or bytes of a document, raising if not JSON.

    Raises:
        JSONParseError: the document is not strict JSON (or is too large), so there is no
            dataset to report on.

    Example:
        >>> dataset, report = check_document(b'{"schema_version": "1.0"}')
        >>> report.valid
        True
    """
    with _fast.collection_paused():
        data = parse_json(document, max_bytes=max_bytes, max_depth=max_depth)
        source = "<bytes>" if isinstance(document, bytes) else "<text>"
        return _check_parsed(data, source, plain=True, today=today, reference=False)


def _check_parsed(
    data: Mapping[str, Any],
    source: str,
    *,
    plain: bool,
    today: date | None,
    reference: bool,
) -> tuple[Dataset | None, Report]:
    """Validate parsed data and, when it has no errors, build its dataset."""
    issues = [
        *_schema_issues(data, plain=plain, reference=reference),
        *rule_issues(data, today=today or date.today()),
    ]
    report = Report.of(issues, source=source)
    if not report.valid:
        return None, report
    if plain and not reference:
        try:
            return _fast.structure(data), report
        except Exception:  # pragma: no cover - a bug: the converter below explains it
            pass
    import cattrs

    from partnering.convert import explain, structure

    try:
        return structure(data, Dataset), report
    except cattrs.BaseValidationError as error:
        # The schema and the models are generated to agree; should they ever differ, the
        # converter's findings are reported rather than lost.
        extra = [
            Issue(
                code=found.code,
                severity=Severity.ERROR,
                path=found.path,
                message=found.message,
                hint="correct the value",
            )
            for found in explain(error)
        ]
        return None, Report.of([*issues, *extra], source=source)
