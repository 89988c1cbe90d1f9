"""Validate exchange files: every problem, where it is, and how to fix it.

Validation runs in layers and collects every issue, never stopping at the first:

0. the strict JSON reader (:mod:`partnering._json`): encoding, syntax, duplicate keys...;
1. the interchange JSON Schema (:mod:`partnering._schema_layer`): types, required and unknown
   fields, code lists, formats;
2. rules across the file (:mod:`partnering.rules`): references, duplicates, dates, and the
   field's own expectations, such as partnerships being cross-sector.

Nothing is fetched from the network: the schemas ship inside the package.

A :class:`Validator` holds the settings (the limits, the date rules compare with, the engine);
the module-level functions are shortcuts that make one for a single call. The schema layer runs
on a fast engine first (:mod:`partnering._fast`): the issues, and so the reports, are the same
as those of the pure-Python validator, which explains what the fast engine finds. Only the
modules a task needs are imported, so checking a valid file does not import jsonschema or
cattrs.

Example:
    >>> report = validate('{"schema_version": "1.0", "partners": [{"id": "tpi", "nmae": "x"}]}')
    >>> [(issue.pointer, issue.code) for issue in report.issues]
    [('/partners/0/name', 'missing-field'), ('/partners/0/organisation_type', 'missing-field'), \
('/partners/0/nmae', 'unknown-field')]
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, Literal, Union

import attrs

from partnering import _fast
from partnering._bounds import Bound
from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from partnering._gc import collection_paused
from partnering._json._recover import ManySyntaxErrors
from partnering._reading import (
    TEXT,
    UNREADABLE,
    Document,
    data_document,
    label_of,
    read_document,
    refusal,
)
from partnering.errors import InvalidDocumentError
from partnering.models import Dataset
from partnering.report import Issue, Report
from partnering.reporting import ReportingLimits
from partnering.rules import rule_issues

__all__ = [
    "ENGINES",
    "DocumentInput",
    "Engine",
    "Validator",
    "check",
    "check_document",
    "iter_issues",
    "validate",
]

#: What validation reads: JSON text (a ``str``), its bytes, a path to a file
#: (:class:`os.PathLike`), data already parsed from JSON (a mapping), or a dataset. Any other
#: value is taken as parsed data, and reported on: it is no object, or not JSON at all.
DocumentInput = Union[str, bytes, bytearray, "os.PathLike[str]", Mapping[str, Any], Dataset]

#: The schema engines: ``fast`` (jsonschema-rs, with jsonschema to explain what it finds) and
#: ``reference`` (jsonschema's pure-Python validator on the whole document).
Engine = Literal["fast", "reference"]
ENGINES: tuple[Engine, ...] = ("fast", "reference")


@attrs.frozen(kw_only=True)
class Validator:
    """Check documents against the schema and the rules, with the same settings each time.

    Attributes:
        max_bytes: the largest document accepted (default 256 MiB).
        max_depth: the deepest nesting of arrays and objects accepted (default 64).
        today: the date that rules about the future compare with; ``None`` (the default) for
            the day of each check.
        reporting: the months after which a partnership's progress report is late, and after
            which the partnership counts as inactive (:class:`~partnering.ReportingLimits`:
            12 and 24 by default).
        engine: ``"fast"`` (the default) checks the schema with jsonschema-rs and lets
            jsonschema explain what it finds; ``"reference"`` runs jsonschema's pure-Python
            validator on the whole document. Both give the same reports, issue for issue.
        max_issues: ``None`` (the default) lists every issue in the report. A number lists at
            most that many issues of each kind at each place (each group of
            :meth:`Report.groups <partnering.report.Report.groups>`), and only counts the
            others (:attr:`Report.omitted <partnering.report.Report.omitted>`), which spares
            the work of placing and ordering them; the counts and the verdict stay exact.

    Example:
        >>> from datetime import date
        >>> validator = Validator(today=date(2026, 1, 1), max_bytes=1_000)
        >>> validator.validate('{"schema_version": "1.0"}').valid
        True
        >>> [issue.code for issue in validator.validate(b" " * 2_000).issues]
        ['json-too-large']
    """

    max_bytes: int = attrs.field(
        default=DEFAULT_MAX_BYTES, validator=[attrs.validators.instance_of(int)]
    )
    max_depth: int = attrs.field(
        default=DEFAULT_MAX_DEPTH, validator=[attrs.validators.instance_of(int)]
    )
    today: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(date))
    )
    reporting: ReportingLimits = attrs.field(
        factory=ReportingLimits, validator=attrs.validators.instance_of(ReportingLimits)
    )
    engine: Engine = attrs.field(default="fast", validator=attrs.validators.in_(ENGINES))
    max_issues: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(0))
    )

    def iter_issues(self, source: DocumentInput) -> Iterator[Issue]:
        """Yield the issues of a document as they are found, layer by layer.

        The order is the order of discovery; :meth:`validate` sorts them into a stable order.

        Example:
            >>> next(Validator().iter_issues('{"schema_version": "1.0",}')).code
            'json-syntax'
        """
        return self._issues(source, label_of(source))

    def validate(self, source: DocumentInput) -> Report:
        """Check a document against the schema and the rules; never raises for bad data.

        Args:
            source: the text of a document (a ``str`` is always JSON text, never a path);
                its bytes; the path of a file (an :class:`os.PathLike` such as
                :class:`pathlib.Path`); data already parsed from JSON (a mapping); or a
                :class:`~partnering.Dataset`, whose references and dates are checked too.
                Any other value is taken as parsed data: a list, a number or ``None`` is
                reported as ``json-not-object``, and what JSON cannot hold (``NaN``, a set,
                bytes, another object, a key that is not text, a cycle) as
                ``not-json-data``, at its place.

        Returns:
            A :class:`~partnering.report.Report` of every issue, in a stable order.

        Example:
            >>> Validator().validate('{"schema_version": "1.0", "title": 5}').issues[0].code
            'wrong-type'
        """
        label = label_of(source)
        with collection_paused():
            return self._report(source, label)

    def check(self, source: DocumentInput) -> tuple[Dataset | None, Report]:
        """Validate a document and, when it has no errors, build its dataset.

        Arguments are as for :meth:`validate`.

        Returns:
            The dataset (``None`` when the report has errors) and the report.

        Example:
            >>> dataset, report = Validator().check('{"schema_version": "1.0", "title": "Mine"}')
            >>> dataset.title, report.valid
            ('Mine', True)
        """
        label = label_of(source)
        with collection_paused():
            return self._read_and_check(source, label)

    def _check_document(self, document: str | bytes | bytearray) -> tuple[Dataset | None, Report]:
        """Do what :meth:`check` does for text or bytes, raising when they are not JSON."""
        if not isinstance(document, TEXT):
            raise TypeError(f"a document is text or bytes, not {type(document).__name__}")
        label = label_of(document)
        with collection_paused():
            return self._read_and_check(document, label, raising=True)

    def _read_and_check(
        self, source: object, label: str, *, raising: bool = False
    ) -> tuple[Dataset | None, Report]:
        """Read and check a document; with ``raising``, raise when it is not JSON.

        The parsed data dies with this call, while the collector is still paused: were it
        alive when the collector resumes, its first pass would walk every parsed object and
        every model, which takes longer than building them.
        """
        try:
            document = self._read(source, label)
        except ManySyntaxErrors as errors:
            if raising:
                raise errors.errors[0] from None  # one error, of the public class
            return None, Report.of(refusal(errors), source=label)
        except UNREADABLE as error:
            if raising:
                raise
            return None, Report.of(refusal(error), source=label)
        return self._check(document)

    def _read(self, source: object, label: str) -> Document:
        """Parse a document, raising what prevents it."""
        return read_document(
            source,
            label,
            fast=self.engine == "fast",
            max_bytes=self.max_bytes,
            max_depth=self.max_depth,
        )

    def _report(self, source: DocumentInput, label: str) -> Report:
        # The parsed data dies with this call, before the collector runs again.
        try:
            document = self._read(source, label)
        except UNREADABLE as error:
            return Report.of(refusal(error), source=label)
        bound = None if self.max_issues is None else Bound(self.max_issues)
        issues = itertools.chain(self._schema_issues(document, bound), self._rule_issues(document))
        return document.report(issues, bound)

    def _data(self, data: object, label: str, dataset: Dataset | None = None) -> Document:
        """Take parsed data as the reader takes text, raising what makes it no document."""
        fast = self.engine == "fast"
        return data_document(data, label, fast=fast, max_depth=self.max_depth, dataset=dataset)

    def _issues(self, source: object, label: str) -> Iterator[Issue]:
        try:
            document = self._read(source, label)
        except UNREADABLE as error:
            yield from refusal(error)
            return
        yield from self._schema_issues(document)
        yield from self._rule_issues(document)

    def _schema_issues(self, document: Document, bound: Bound | None = None) -> Iterator[Issue]:
        if document.fast:
            return _fast.schema_issues(
                document.data, plain=True, bound=bound, on_invalid=document.compact
            )
        from partnering._schema_layer import schema_issues

        return schema_issues(document.data)  # each picks the schema of the file's version

    def _rule_issues(self, document: Document) -> Iterator[Issue]:
        today = date.today() if self.today is None else self.today
        return rule_issues(document.data, today=today, reporting=self.reporting)

    def _check(self, document: Document) -> tuple[Dataset | None, Report]:
        issues = [*self._schema_issues(document), *self._rule_issues(document)]
        report = document.report(issues)
        if not report.valid:
            return None, report
        if document.dataset is not None:
            return document.dataset, report
        if document.fast:
            # No fallback: should the generated functions fail on data the schema accepted,
            # that is a bug, and it is raised rather than hidden behind the converter.
            return _fast.structure(document.data), report
        return _converted(document, issues, report)


def check_written(data: Mapping[str, Any], dataset: Dataset) -> Report:
    """Check the data *dataset* is written as, as :func:`~partnering.load` checks its file.

    Writing uses it to refuse what reading would refuse: the models check each field, but
    only the rules see across records (a dangling reference, a repeated id).
    """
    validator = Validator()
    return validator._check(validator._data(data, "<dataset>", dataset=dataset))[1]


def _converted(
    document: Document, issues: list[Issue], report: Report
) -> tuple[Dataset | None, Report]:
    """Build a dataset with the converter, reporting whatever it refuses."""
    from partnering.convert import structure

    try:
        return structure(document.data, Dataset), report
    except InvalidDocumentError as error:
        # The schema and the models are generated to agree; should they ever differ, the
        # converter's findings are reported rather than lost.
        return None, document.report([*issues, *error.report.issues])


def iter_issues(
    source: DocumentInput,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
) -> Iterator[Issue]:
    """Yield the issues of a document as they are found, layer by layer.

    The order is the order of discovery; :func:`validate` sorts them into a stable order.
    Arguments are as for :func:`validate`; see :meth:`Validator.iter_issues`.

    Example:
        >>> next(iter_issues('{"schema_version": "1.0",}')).code
        'json-syntax'
    """
    validator = Validator(max_bytes=max_bytes, max_depth=max_depth, today=today)
    return validator.iter_issues(source)


def validate(
    source: DocumentInput,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
    max_issues: int | None = None,
    reporting: ReportingLimits | None = None,
) -> Report:
    """Check a document against the schema and the rules; never raises for bad data.

    Args:
        source: the text of a document (a ``str`` is always JSON text, never a path); its
            bytes; the path of a file (an :class:`os.PathLike` such as
            :class:`pathlib.Path`); data already parsed from JSON (a mapping); or a
            :class:`~partnering.Dataset`, whose references and dates are checked too. Any
            other value is taken as parsed data and reported on, as
            :meth:`Validator.validate` says.
        max_bytes: the largest document accepted (default 256 MiB).
        max_depth: the deepest nesting of arrays and objects accepted (default 64).
        today: the date that rules about the future compare with (default: today).
        max_issues: list at most this many issues of each group, and only count the others,
            as :class:`Validator` says (default: list every issue).
        reporting: when progress reports are late, and partnerships inactive
            (:class:`~partnering.ReportingLimits`; default 12 and 24 months).

    Returns:
        A :class:`~partnering.report.Report` of every issue, in a stable order.

    Example:
        >>> report = validate('{"schema_version": "1.0", "title": "Empty but valid"}')
        >>> report.valid, report.issues
        (True, ())
        >>> text = '{"schema_version": "1.0", "partners": [1, 2, 3]}'
        >>> report = validate(text, max_issues=1)
        >>> [issue.pointer for issue in report.issues], report.count_by_code()
        (['/partners/0'], {'wrong-type': 3})
    """
    validator = Validator(
        max_bytes=max_bytes,
        max_depth=max_depth,
        today=today,
        max_issues=max_issues,
        reporting=reporting or ReportingLimits(),
    )
    return validator.validate(source)


def check(
    source: DocumentInput,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
    reporting: ReportingLimits | None = None,
) -> tuple[Dataset | None, Report]:
    """Validate a document and, when it has no errors, build its dataset.

    Arguments are as for :func:`validate`; see :meth:`Validator.check`.

    Returns:
        The dataset (``None`` when the report has errors) and the report.

    Example:
        >>> dataset, report = check('{"schema_version": "1.0", "title": "Mine"}')
        >>> dataset.title, report.valid
        ('Mine', True)
    """
    validator = Validator(
        max_bytes=max_bytes,
        max_depth=max_depth,
        today=today,
        reporting=reporting or ReportingLimits(),
    )
    return validator.check(source)


def check_document(
    document: str | bytes | bytearray,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    today: date | None = None,
) -> tuple[Dataset | None, Report]:
    """Do what :func:`check` does for the text or bytes of a document, raising if not JSON.

    Raises:
        JSONParseError: the document is not strict JSON, so there is no dataset to report on.
        DocumentTooLargeError: the document is over ``max_bytes``.

    Example:
        >>> dataset, report = check_document(b'{"schema_version": "1.0"}')
        >>> report.valid
        True
    """
    validator = Validator(max_bytes=max_bytes, max_depth=max_depth, today=today)
    return validator._check_document(document)
