"""Read and write exchange files: :func:`load`, :func:`loads`, :func:`dump`, :func:`dumps`.

Reading is strict (see :mod:`partnering._json`), and a document that parses but does not
describe a valid dataset raises :class:`~partnering.errors.InvalidDocumentError` carrying
the full :class:`~partnering.report.Report`. Writing is atomic and deterministic.

Example:
    >>> from partnering import Dataset
    >>> text = dumps(Dataset(title="Platforms in Kenya"))
    >>> print(text, end="")
    {
      "schema_version": "1.1",
      "title": "Platforms in Kenya"
    }
    >>> loads(text) == Dataset(title="Platforms in Kenya")
    True
    >>> dumps(Dataset(title="Platforms in Kenya"), version="1.0").splitlines()[1]
    '  "schema_version": "1.0",'
"""

from __future__ import annotations

import os

import attrs

from partnering._files import read_bytes, write_bytes
from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, SCHEMA_VERSION, SCHEMA_VERSIONS
from partnering._gc import collection_paused
from partnering._jsondata import find_problems, has_lone_surrogate, json_text, located
from partnering._versions import unheld
from partnering.errors import FormatVersionError, InvalidDocumentError, UnwritableValueError
from partnering.models import Dataset
from partnering.validation import check_document, check_written

__all__ = ["dump", "dumps", "load", "loads", "read_bytes"]  # read_bytes: see _files


def loads(
    document: str | bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Dataset:
    """Read a dataset from the text or bytes of an exchange file.

    Args:
        document: the JSON text, or its UTF-8 bytes.
        max_bytes: the largest document accepted (default 256 MiB).
        max_depth: the deepest nesting of arrays and objects accepted (default 64).

    Raises:
        DocumentTooLargeError: the document is over ``max_bytes``; it is not parsed.
        JSONParseError: the document is not strict JSON; ``line``, ``column`` and ``path``
            say where.
        InvalidDocumentError: it is JSON, but not a valid dataset; ``.report`` says why.

    Example:
        >>> loads('{"schema_version": "1.0", "title": "Mine"}').title
        'Mine'
        >>> loads('{"schema_version": "1.0",}')
        Traceback (most recent call last):
        ...
        partnering.errors.JSONParseError: There is a comma ... (line 1, column 25)
    """
    dataset, report = check_document(document, max_bytes=max_bytes, max_depth=max_depth)
    if dataset is None:
        raise InvalidDocumentError(report)
    return dataset


def load(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Dataset:
    """Read a dataset from an exchange file.

    Raises:
        ReadError: the file cannot be read (missing, a directory, a device, a pipe that no
            program writes to, no permission).
        DocumentTooLargeError: the file is over ``max_bytes``; it is not read.
        JSONParseError: the file is not strict JSON.
        InvalidDocumentError: it is JSON, but not a valid dataset; ``.report`` says why.

    Example:
        >>> from partnering import example_path
        >>> load(example_path()).events[0].participant_count
        25
    """
    return loads(read_bytes(path, max_bytes=max_bytes), max_bytes=max_bytes, max_depth=max_depth)


def dumps(dataset: Dataset, *, version: str | None = None, check: bool = True) -> str:
    """Write a dataset as the text of an exchange file.

    The output is deterministic: the same dataset always gives the same text (fields in the
    order of the models, two-space indents, UTF-8 characters unescaped, a final newline).
    What :func:`loads` would refuse is not written: the models check each field as they are
    built, and writing checks the rules across records too (a reference to a partner the
    dataset does not hold, an id used twice).

    Args:
        dataset: the dataset to write.
        version: the version of the format to write, such as ``"1.0"``; by default the
            dataset's own ``schema_version``. An older version is written only when it can
            hold every value of the dataset.
        check: refuse a dataset that reading would refuse. Pass ``False`` to write it anyway,
            for instance to hand a draft to a person who will finish it.

    Raises:
        TypeError: ``dataset`` is not a :class:`~partnering.Dataset`.
        FormatVersionError: this release does not write ``version``, or the dataset holds
            values that version cannot (``.paths`` names every one); nothing is written.
        UnwritableValueError: the dataset holds a value strict JSON cannot: text with half a
            character (a lone surrogate), or a value put into a model behind its back.
        InvalidDocumentError: ``check`` is true and the rules find errors; ``.report`` holds
            the report :func:`loads` would give for the text.

    Example:
        >>> dumps(Dataset()).splitlines()[1]
        '  "schema_version": "1.1"'
        >>> dumps({"schema_version": "1.0"})
        Traceback (most recent call last):
        ...
        TypeError: dumps writes a Dataset, not a dict; build one with partnering.structure(data)
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(
            f"dumps writes a Dataset, not {_type_name(dataset)}; build one with "
            "partnering.structure(data)"
        )
    dataset = _in_version(dataset, dataset.schema_version if version is None else version)
    # Imported here: reading and checking files does not need the converter (cattrs).
    from partnering.convert import unstructure

    # Writing a large dataset creates many dicts and lists, none of them in a cycle.
    with collection_paused():
        data = unstructure(dataset)
        try:
            text = json_text(data)
        except (TypeError, ValueError, RecursionError):
            raise _unwritable(data) from None
        if has_lone_surrogate(text):
            raise _unwritable(data)
        if check:
            report = check_written(data, dataset)
            if not report.valid:
                raise InvalidDocumentError(report)
        # Freed while the collector is paused, its first pass need not walk all of it.
        del data
    return text + "\n"


def _in_version(dataset: Dataset, version: str) -> Dataset:
    """Return the dataset to write in ``version``, refusing what that version cannot hold."""
    if version not in SCHEMA_VERSIONS:
        raise FormatVersionError(version, [], known=SCHEMA_VERSIONS, newest=SCHEMA_VERSION)
    paths = unheld(dataset, version)
    if paths:
        raise FormatVersionError(version, paths, newest=SCHEMA_VERSION)
    if dataset.schema_version == version:
        return dataset
    return attrs.evolve(dataset, schema_version=version)


def _type_name(value: object) -> str:
    return "None" if value is None else f"a {type(value).__name__}"


def _unwritable(data: object) -> UnwritableValueError:
    """Say which value of the data strict JSON cannot hold, and where it is."""
    found = find_problems(data)
    if not found:  # pragma: no cover - data nested deeper than json.dumps can recurse
        message = "cannot write the dataset: it is nested too deeply"
        return UnwritableValueError(message, problem="is nested too deeply")
    first = found[0]
    message = f"cannot write the dataset: {located(first.path, first.problem)}"
    return UnwritableValueError(message, code=first.code, path=first.path, problem=first.problem)


def dump(
    dataset: Dataset,
    path: str | os.PathLike[str],
    *,
    version: str | None = None,
    overwrite_readonly: bool = False,
    check: bool = True,
) -> None:
    """Write a dataset to an exchange file, atomically.

    The text goes to a temporary file in the same folder, is flushed to disk, then replaces
    the target in one step: if anything fails, the old file is left as it was. An existing
    file keeps its permissions. A symbolic link is written through: the file it points to is
    replaced, and the link is kept. A write-protected file is refused, as ``cp`` refuses it,
    unless ``overwrite_readonly`` is true; it is then replaced and stays write-protected.

    Args:
        dataset: the dataset to write.
        path: the file to write; a folder, a device or a pipe is refused.
        version: the version of the format to write, as for :func:`dumps`.
        overwrite_readonly: replace a file even when it is write-protected.
        check: refuse a dataset that :func:`load` would refuse, as :func:`dumps` does.

    Raises:
        TypeError: ``dataset`` is not a :class:`~partnering.Dataset`.
        FormatVersionError: the dataset cannot be written in ``version``; nothing is written.
        UnwritableValueError: the dataset holds a value strict JSON cannot; nothing is
            written.
        InvalidDocumentError: ``check`` is true and :func:`load` would refuse the file;
            nothing is written.
        WriteError: the file cannot be written (no such folder, no permission, a
            write-protected file).

    Example:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "platforms.json"
        >>> dump(Dataset(title="Mine"), target)
        >>> load(target).title
        'Mine'
    """
    text = dumps(dataset, version=version, check=check)
    write_bytes(path, text.encode("utf-8"), overwrite_readonly=overwrite_readonly)
