"""Read the one file a command changes, and write what it makes, saying why either fails.

``fix`` and ``upgrade`` read one exchange file and write one; both say why in one line on
standard error, and give exit status 2, when the file cannot be read or the result cannot
be written, and both say that the file read is unchanged.

Example:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_result(folder / "out.json", b"{}"), read_source(folder / "out.json")
    (True, b'{}')
    >>> read_source(folder / "missing.json") is None  # the reason went to standard error
    True
"""

from __future__ import annotations

from pathlib import Path

from partnering._files import read_bytes, write_bytes
from partnering._render import shown
from partnering.cli._terminal import error
from partnering.errors import DocumentTooLargeError, ReadError, WriteError

__all__ = ["read_source", "write_result"]


def read_source(source: Path) -> bytes | None:
    """Read the file a command changes; ``None``, the reason written, when it cannot."""
    try:
        return read_bytes(source)
    except (ReadError, DocumentTooLargeError) as problem:
        error(shown(str(problem)))
        return None


def write_result(target: Path, data: bytes, *, source: Path | None = None) -> bool:
    """Write a command's result in one step; ``False``, the reason written, when it cannot.

    With ``source``, the file read, the reason says that it is unchanged.
    """
    try:
        write_bytes(target, data)
    except WriteError as problem:
        unchanged = f"; {shown(str(source))} is unchanged" if source is not None else ""
        error(shown(str(problem)) + unchanged)
        return False
    return True
