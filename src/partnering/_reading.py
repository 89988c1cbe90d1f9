"""Read whatever validation is given into a document: text, bytes, a file, data or a dataset.

A :class:`Document` holds the parsed data, where it came from, and the text it was read from,
so that the issues found in it can be placed by line and column. What prevents reading
(:data:`UNREADABLE`) is raised, and :func:`refusal` turns it into the issues of a report.

Example:
    >>> document = read_document(b'{"schema_version": "1.0"}', "<bytes>", fast=True)
    >>> document.data, document.version, document.text
    ({'schema_version': '1.0'}, '1.0', '{"schema_version": "1.0"}')
    >>> try:
    ...     read_document(b'{"a": }', "<bytes>", fast=True)
    ... except UNREADABLE as error:
    ...     [issue.code for issue in refusal(error)]
    ['json-syntax']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from partnering import _fast
from partnering._bounds import Bound, bounded
from partnering._files import display_path, read_bytes
from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, SCHEMA_VERSION, checked_version
from partnering._json import parse_json_text
from partnering._json._recover import ManySyntaxErrors, every_syntax_error
from partnering._jsondata import NotADocumentError, as_document, share_short_texts
from partnering._places import place_issues
from partnering.errors import DocumentTooLargeError, JSONParseError, ReadError
from partnering.models import Dataset
from partnering.report import Issue, Report, Severity

__all__ = [
    "TEXT",
    "UNREADABLE",
    "Document",
    "data_document",
    "label_of",
    "read_document",
    "refusal",
]

_READ_HINT = "check the path and the file's permissions"


#: The size, in bytes or characters, from which a document is read with its equal flat
#: objects shared (see ``partnering._json._hooks.sharing_pairs_hook``): above it, memory is
#: what limits; below it, the parse is quicker without (sharing costs a tenth of the parse).
SHARE_OVER = 16 * 1024 * 1024

#: The kinds of input that are the text of a document, or its bytes.
TEXT = (str, bytes, bytearray, memoryview)


def label_of(source: object) -> str:
    """Say where a document came from, for reports, in text any strict JSON reader accepts."""
    if isinstance(source, os.PathLike):
        return display_path(source)
    if isinstance(source, str):
        return "<text>"
    if isinstance(source, TEXT):
        return "<bytes>"
    if isinstance(source, Dataset):
        return "<dataset>"
    return "<data>"


#: What prevents reading a document; :func:`refusal` turns each into issues.
UNREADABLE = (ReadError, JSONParseError, DocumentTooLargeError, NotADocumentError)


def refusal(error: Exception) -> list[Issue]:
    """Turn the error that prevents reading a document into its issues."""
    if isinstance(error, NotADocumentError):
        return error.issues
    if isinstance(error, ManySyntaxErrors):  # every syntax error the reader could find
        return [_unreadable(each) for each in error.errors]
    assert isinstance(error, (ReadError, JSONParseError, DocumentTooLargeError))
    return [_unreadable(error)]


def _unreadable(error: ReadError | JSONParseError | DocumentTooLargeError) -> Issue:
    """Turn the error that prevents reading a document into its issue."""
    if isinstance(error, ReadError):
        return Issue(
            code=error.code, severity=Severity.ERROR, message=error.message, hint=_READ_HINT
        )
    if isinstance(error, DocumentTooLargeError):
        return Issue(
            code=error.code, severity=Severity.ERROR, message=error.message, hint=error.hint
        )
    return Issue(
        code=error.code,
        severity=Severity.ERROR,
        path=error.path or (),
        message=error.message,
        hint=error.hint,
        line=error.line,
        column=error.column,
    )


@attrs.frozen
class Document:
    """A document read from any kind of input, ready for the schema and the rules."""

    data: Mapping[str, Any]
    label: str
    #: Whether the fast engine judges it: it was asked for, and the data is plain JSON.
    fast: bool
    #: The dataset the document was unstructured from, when it was given as one.
    dataset: Dataset | None = None
    #: The text or bytes the data was read from, to place the issues; ``None`` for data.
    text: str | bytes | bytearray | memoryview | None = None

    def compact(self) -> None:
        """Hold the document's equal short texts once, when its data is the reader's own.

        Validation calls it when the document has errors, before their issues are made.
        """
        if self.text is not None:  # parsed here, so nobody else holds the data
            share_short_texts(self.data)

    @property
    def version(self) -> str:
        """The version of the format the document is checked against."""
        return checked_version(self.data) or SCHEMA_VERSION

    def report(self, issues: Iterable[Issue], bound: Bound | None = None) -> Report:
        """Gather issues into the document's report, placed in its text when there are any.

        With a ``bound``, only the first issues of each group are kept, placed and sorted;
        the others are only counted (:attr:`Report.omitted`), there or where they are found.
        """
        omitted: tuple[tuple[str, Severity, str, int], ...] = ()
        if bound is None:
            kept = list(issues)
        else:
            kept, omitted = bounded(issues, bound.most, bound)
        # Placed before the report is made: the issues are sorted once, by their places.
        place_issues(kept, data=self.data, text=self.text)
        return Report(
            issues=tuple(kept), source=self.label, schema_version=self.version, omitted=omitted
        )


def read_document(
    source: object,
    label: str,
    *,
    fast: bool,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Document:
    """Parse a document from any input validation takes, raising what prevents it.

    Args:
        source: text, bytes, a path, parsed data or a dataset.
        label: where it came from, for reports (:func:`label_of`).
        fast: whether the fast engine is asked for; it judges only plain JSON.
        max_bytes: the largest document accepted.
        max_depth: the deepest nesting accepted.

    Raises:
        One of :data:`UNREADABLE`.
    """
    if isinstance(source, Dataset):
        from partnering.convert import unstructure

        return data_document(
            unstructure(source), label, fast=fast, max_depth=max_depth, dataset=source
        )
    if not isinstance(source, (*TEXT, os.PathLike)):
        return data_document(source, label, fast=fast, max_depth=max_depth)
    text: str | bytes | bytearray | memoryview = (
        read_bytes(source, max_bytes=max_bytes) if isinstance(source, os.PathLike) else source
    )
    try:
        # A large document's equal flat objects are one dict, which the checks only read:
        # below SHARE_OVER, the parse is quicker without.
        data, decoded = parse_json_text(
            text, max_bytes=max_bytes, max_depth=max_depth, shared=len(text) >= SHARE_OVER
        )
    except JSONParseError as error:
        raise every_syntax_error(text, error) from None
    if decoded.isascii():
        # The text takes no more memory than the bytes, and issues are placed in it
        # without decoding the bytes again; the bytes can go.
        text = decoded
    del decoded
    return Document(data, label, fast=fast, text=text)


def data_document(
    data: object,
    label: str,
    *,
    fast: bool,
    max_depth: int = DEFAULT_MAX_DEPTH,
    dataset: Dataset | None = None,
) -> Document:
    """Take parsed data as the reader takes text, raising what makes it no document."""
    plain = _fast.is_plain_json(data, max_depth)
    # Data that is not what the strict parser returns is judged as the JSON text it
    # stands for, on the reference path: jsonschema-rs reads only plain JSON.
    document = as_document(data, plain=plain, max_depth=max_depth)
    return Document(document, label, fast=plain and fast, dataset=dataset)
