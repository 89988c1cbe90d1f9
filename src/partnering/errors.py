"""The exceptions the library raises.

Every exception derives from :class:`PartneringError` and from the builtin that fits, so
``except ValueError`` keeps working for callers who do not know this library. Problems found
*in data* are not exceptions: they are :class:`~partnering.report.Issue` values collected in a
:class:`~partnering.report.Report`; :class:`InvalidDocumentError` carries one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from partnering._pointers import display_pointer, format_pointer
from partnering._text import safe_text

if TYPE_CHECKING:
    from partnering.report import Report

__all__ = [
    "DocumentTooLargeError",
    "FormatVersionError",
    "InvalidDocumentError",
    "InvalidValueError",
    "JSONParseError",
    "PartneringError",
    "ReadError",
    "UnwritableValueError",
    "WriteError",
]

# Keys can be as long as the document; a pointer in a one-line message is cut.
_POINTER_LIMIT = 200


class PartneringError(Exception):
    """The root of every exception this library raises on purpose.

    Every one pickles to an error of the same type, with the same ``args``, attributes and
    text, so a worker of a process pool can raise it and the pool survives.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its args and attributes, without __init__: the parameters of
        # __init__ differ from class to class, and pickle would pass it only the args.
        return (_restore, (type(self), self.args, dict(vars(self))))


def _restore(
    cls: type[PartneringError], args: tuple[Any, ...], attributes: dict[str, Any]
) -> PartneringError:
    """Rebuild a pickled error; see :meth:`PartneringError.__reduce__`."""
    error = cls.__new__(cls, *args)
    error.args = args
    vars(error).update(attributes)
    return error


class InvalidValueError(PartneringError, ValueError):
    """A model was given a value that breaks a constraint of its field.

    Attributes:
        field: the name of the field.
        problem: what is wrong with the value, in words.
        code: the stable issue code of the broken constraint, such as ``empty-text``.
        item: the index of the offending item, when the field is a list.

    Example:
        >>> from partnering import OrganisationType, Partner
        >>> try:
        ...     Partner(id="p1", name="", organisation_type=OrganisationType.FOUNDATION)
        ... except InvalidValueError as error:
        ...     print(error.field, "-", error.problem)
        name - must not be empty
    """

    def __init__(
        self, field: str, problem: str, *, code: str = "invalid-value", item: int | None = None
    ) -> None:
        where = field if item is None else f"{field}[{item}]"
        super().__init__(f"{where}: {problem}")
        self.field = field
        self.problem = problem
        self.code = code
        self.item = item


class _FileError(PartneringError, OSError):
    """A file could not be read or written; the message names it, and ``path`` is the file."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class ReadError(_FileError):
    """A file could not be read: missing, a directory, no permission.

    Attributes:
        code: ``read-error``, the code of the issue validation reports for it.
        message: what went wrong, naming the file.
        path: the file, as it was given.

    Example:
        >>> from partnering import load
        >>> try:
        ...     load("no-such-file.json")
        ... except ReadError as error:
        ...     print(error.code)
        read-error
    """

    code = "read-error"


class WriteError(_FileError):
    """A file could not be written: no such folder, no permission, a full disk.

    Attributes:
        message: what went wrong, naming the file.
        path: the file, as it was given.

    Example:
        >>> from partnering import Dataset, dump
        >>> try:
        ...     dump(Dataset(), "no-such-folder/platforms.json")
        ... except WriteError as error:
        ...     print(error.path)
        no-such-folder/platforms.json
    """


class JSONParseError(PartneringError, ValueError):
    """The bytes are not one strict JSON document.

    Attributes:
        code: a stable identifier of the kind of problem, such as ``json-duplicate-key``.
        message: what is wrong, for a person.
        hint: what to do about it, for a person; the reader gives one to every error it
            raises (``""`` only if whoever raised the error gave none).
        line: the 1-based line where the problem is, when known.
        column: the 1-based column (in characters) where the problem is, when known.
        offset: the 0-based character offset, when known.
        path: the keys and indices of the value concerned, when known (duplicate keys, depth);
            ``pointer`` renders it as a JSON Pointer.

    Example:
        >>> error = JSONParseError(
        ...     "json-duplicate-key", "The key 'a' appears twice.", hint="Keep one.",
        ...     line=1, column=10, path=(),
        ... )
        >>> print(error)
        The key 'a' appears twice. Keep one. (line 1, column 10; at (root))
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        hint: str = "",
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
        path: tuple[str | int, ...] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path

    @property
    def pointer(self) -> str | None:
        """The RFC 6901 JSON Pointer of ``path``, when the path is known."""
        if self.path is None:
            return None
        return format_pointer(self.path)

    def __str__(self) -> str:
        text = f"{self.message} {self.hint}" if self.hint else self.message
        where = []
        if self.line is not None:
            where.append(f"line {self.line}, column {self.column}")
        if self.path is not None:
            # Keys come from the document: escape them before they reach a terminal.
            where.append(f"at {safe_text(display_pointer(self.path), _POINTER_LIMIT)}")
        return f"{text} ({'; '.join(where)})" if where else text


class DocumentTooLargeError(PartneringError, ValueError):
    """The document is larger than the configured size limit, so it was not parsed at all.

    It is no :class:`JSONParseError`: nothing is known of the document but its size.
    Validation reports it as the issue ``json-too-large``.

    Attributes:
        code: ``json-too-large``, the code of the issue validation reports for it.
        message: the size and the limit, for a person.
        hint: what to do about it.

    Example:
        >>> from partnering import loads
        >>> try:
        ...     loads('{"schema_version": "1.0"}', max_bytes=10)
        ... except DocumentTooLargeError as error:
        ...     print(error.code)
        json-too-large
    """

    code = "json-too-large"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class InvalidDocumentError(PartneringError, ValueError):
    """A document parsed, but does not describe a valid dataset.

    Attributes:
        report: every problem found, as a :class:`~partnering.report.Report`.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        errors = report.errors
        first = errors[0] if errors else None
        summary = f"the document is not a valid dataset: {len(errors)} error(s)"
        if first is not None:
            where = safe_text(display_pointer(first.path), _POINTER_LIMIT)
            summary += f"; first at {where}: {first.message}"
        super().__init__(summary)


class UnwritableValueError(PartneringError, TypeError, ValueError):
    r"""A value cannot be written as strict JSON: ``NaN``, a set, bytes, a Python object...

    It is a :class:`TypeError` and a :class:`ValueError`, as ``json.dumps`` raises one or
    the other for such values.

    Attributes:
        message: what is wrong and where, for a person.
        code: the issue code validation reports for such a value: ``not-json-data``, or
            ``json-lone-surrogate`` for text that holds half a character.
        path: the keys and indices of the value, from the top of what was written;
            ``pointer`` renders it as a JSON Pointer.
        problem: what is wrong with the value, as a phrase that follows its name, such as
            ``is a set; JSON has lists, not sets``.

    Example:
        >>> from partnering import Dataset, dumps
        >>> try:
        ...     dumps(Dataset(title="half a character: \ud800"))
        ... except UnwritableValueError as error:
        ...     print(error.code, error.pointer)
        json-lone-surrogate /title
    """

    def __init__(
        self,
        message: str,
        *,
        code: str = "not-json-data",
        path: tuple[str | int, ...] = (),
        problem: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path
        self.problem = problem or message

    @property
    def pointer(self) -> str:
        """The RFC 6901 JSON Pointer of ``path``."""
        return format_pointer(self.path)

    def __str__(self) -> str:
        return self.message


class FormatVersionError(PartneringError, ValueError):
    """A dataset cannot be written in the version of the format asked for.

    Either this release does not write that version, or the dataset holds values the version
    cannot: fields that appeared in a later version, or values a field gained later.

    Attributes:
        version: the version asked for.
        paths: the place of every value the version cannot hold, from the top of the dataset;
            ``pointers`` renders them as JSON Pointers. Empty when the version is unknown.

    Example:
        >>> error = FormatVersionError("1.0", [("partners", 0, "organisation_type")])
        >>> print(error)
        version 1.0 of the format cannot hold what this dataset has at \
/partners/*/organisation_type; write version 1.1, or leave these out
        >>> error.pointers
        ('/partners/0/organisation_type',)
    """

    def __init__(
        self,
        version: str,
        paths: list[tuple[str | int, ...]],
        *,
        known: tuple[str, ...] = (),
        newest: str = "1.1",
    ) -> None:
        self.version = version
        self.paths = tuple(paths)
        if not paths:
            versions = ", ".join(known)
            message = f"this release does not write version {safe_text(version, 20)!r} of the "
            message += f"format; it writes {versions}"
        else:
            # Every field named once, records of a list as '*': the paths themselves can be
            # as many as the records.
            fields: dict[str, int] = {}
            for path in paths:
                generic = format_pointer(["*" if isinstance(part, int) else part for part in path])
                fields[generic] = fields.get(generic, 0) + 1
            listed = ", ".join(
                safe_text(field, _POINTER_LIMIT) + (f" ({count} values)" if count > 1 else "")
                for field, count in fields.items()
            )
            message = (
                f"version {version} of the format cannot hold what this dataset has at "
                f"{listed}; write version {newest}, or leave these out"
            )
        super().__init__(message)

    @property
    def pointers(self) -> tuple[str, ...]:
        """The RFC 6901 JSON Pointers of ``paths``."""
        return tuple(format_pointer(path) for path in self.paths)
