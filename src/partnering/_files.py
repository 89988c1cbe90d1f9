"""Read exchange files from disk, turning every way that fails into the library's errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from partnering._format import DEFAULT_MAX_BYTES
from partnering._text import safe_text
from partnering.catalogue import PARSE_CODES
from partnering.errors import DocumentTooLargeError, ReadError

__all__ = ["read_bytes"]


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, turning every way it can fail into a :class:`ReadError`.

    A file over ``max_bytes`` is readable but refused, as any document over the limit is,
    with a :class:`DocumentTooLargeError`.

    Example:
        >>> read_bytes("missing.json")
        Traceback (most recent call last):
        ...
        partnering.errors.ReadError: cannot read 'missing.json': no such file
    """
    shown = os.fspath(path)
    try:
        with Path(path).open("rb") as stream:
            status = os.fstat(stream.fileno())
            # Checked before reading, so a huge file costs nothing; the read below stops one
            # byte past the limit, so a pipe or special file cannot exhaust memory either.
            size = status.st_size if stat.S_ISREG(status.st_mode) else None
            data = b"" if size is not None and size > max_bytes else stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError(f"cannot read {shown!r}: no such file", path=shown) from None
    except IsADirectoryError:
        raise ReadError(f"cannot read {shown!r}: it is a directory", path=shown) from None
    except PermissionError:
        raise ReadError(f"cannot read {shown!r}: permission denied", path=shown) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ReadError(f"cannot read {shown!r}: {reason}", path=shown) from None
    if (size is not None and size > max_bytes) or len(data) > max_bytes:
        shown_size = f"{size:,} bytes" if size is not None else "more bytes"
        raise DocumentTooLargeError(
            f"{safe_text(shown)} has {shown_size}, more than the limit of {max_bytes:,}.",
            hint=PARSE_CODES["json-too-large"].hint,
        )
    return data
