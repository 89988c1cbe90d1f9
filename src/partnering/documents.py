"""Read and write exchange files: :func:`load`, :func:`loads`, :func:`dump`, :func:`dumps`.

Reading is strict (see :mod:`partnering._json`), and a document that parses but does not
describe a valid dataset raises :class:`~partnering.errors.InvalidDocumentError` carrying
the full :class:`~partnering.report.Report`. Writing is atomic and deterministic.

Example:
    >>> from partnering import Dataset
    >>> text = dumps(Dataset(title="Platforms in Kenya"))
    >>> print(text, end="")
    {
      "schema_version": "1.0",
      "title": "Platforms in Kenya"
    }
    >>> loads(text) == Dataset(title="Platforms in Kenya")
    True
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path

from partnering._files import read_bytes
from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from partnering._gc import collection_paused
from partnering.errors import InvalidDocumentError, WriteError
from partnering.models import Dataset
from partnering.validation import check_document

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
        ReadError: the file cannot be read (missing, a directory, no permission).
        DocumentTooLargeError: the file is over ``max_bytes``; it is not read.
        JSONParseError: the file is not strict JSON.
        InvalidDocumentError: it is JSON, but not a valid dataset; ``.report`` says why.

    Example:
        >>> from partnering import example_path
        >>> load(example_path()).events[0].participant_count
        25
    """
    return loads(read_bytes(path, max_bytes=max_bytes), max_bytes=max_bytes, max_depth=max_depth)


def dumps(dataset: Dataset) -> str:
    """Write a dataset as the text of an exchange file.

    The output is deterministic: the same dataset always gives the same text (fields in the
    order of the models, two-space indents, UTF-8 characters unescaped, a final newline).

    Example:
        >>> dumps(Dataset()).splitlines()[1]
        '  "schema_version": "1.0"'
    """
    # Imported here: reading and checking files does not need the converter (cattrs).
    from partnering.convert import unstructure

    # Writing a large dataset creates many dicts and lists, none of them in a cycle.
    with collection_paused():
        return json.dumps(unstructure(dataset), indent=2, ensure_ascii=False) + "\n"


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write a dataset to an exchange file, atomically.

    The text goes to a temporary file in the same folder, is flushed to disk, then replaces
    the target in one step: if anything fails, the old file is left as it was. An existing
    file keeps its permissions.

    Raises:
        WriteError: the file cannot be written (no such folder, no permission).

    Example:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "platforms.json"
        >>> dump(Dataset(title="Mine"), target)
        >>> load(target).title
        'Mine'
    """
    target = Path(path)
    data = dumps(dataset).encode("utf-8")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise WriteError(
            f"cannot write {str(target)!r}: {error.strerror}", path=str(target)
        ) from None
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is None:
            # A new file gets the permissions any new file would get under the umask.
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        Path(temporary).chmod(mode)
        Path(temporary).replace(target)
        temporary = None
        _fsync_directory(target.parent)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise WriteError(f"cannot write {str(target)!r}: {reason}", path=str(target)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _fsync_directory(directory: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk.
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
