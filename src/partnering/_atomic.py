"""Write a file atomically: the whole new text, or the old file left as it was.

The bytes go to a temporary file in the same folder, are flushed to disk, then take the
target's place in one step. An existing file keeps its permissions; a new one gets those
any new file would get under the umask.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from partnering.errors import WriteError

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], data: bytes, *, replace: bool = True) -> None:
    """Write *data* to *path* in one step; with ``replace=False``, never over an existing file.

    Raises:
        WriteError: the file cannot be written (no such folder, no permission), or it exists
            and ``replace`` is false.

    Example:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
        >>> write_atomically(target, b"one")
        >>> write_atomically(target, b"two", replace=False)
        Traceback (most recent call last):
        ...
        partnering.errors.WriteError: cannot write '...notes.txt': it exists
        >>> target.read_bytes()
        b'one'
    """
    target = Path(path)
    shown = str(target)
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise WriteError(f"cannot write {shown!r}: {error.strerror}", path=shown) from None
    if mode is not None and not replace:
        raise WriteError(f"cannot write {shown!r}: it exists", path=shown)
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
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        Path(temporary).chmod(mode)
        if replace:
            Path(temporary).replace(target)
        else:
            # A link fails if the target has appeared since it was looked for.
            os.link(temporary, target)
            Path(temporary).unlink()
        temporary = None
        _fsync_directory(target.parent)
    except FileExistsError:
        raise WriteError(f"cannot write {shown!r}: it exists", path=shown) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise WriteError(f"cannot write {shown!r}: {reason}", path=shown) from None
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
