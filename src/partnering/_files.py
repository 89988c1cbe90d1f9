"""Read and write exchange files, turning every way that fails into the library's errors.

Reading never hangs and never reads more than the limit: a file is opened without blocking,
and only a regular file, or a pipe that a program is writing to, is read; a device, a socket
or a named pipe that nothing writes to is refused at once. Writing is atomic: the text goes to
a temporary file beside the target, which then replaces the target in one step.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from partnering._format import DEFAULT_MAX_BYTES
from partnering._text import safe_text
from partnering.catalogue import PARSE_CODES
from partnering.errors import DocumentTooLargeError, ReadError, WriteError

__all__ = ["display_path", "read_bytes", "write_bytes"]

# Opening a named pipe without O_NONBLOCK waits for a writer, maybe forever; O_NOCTTY keeps a
# terminal from becoming the process's controlling terminal. Neither exists on Windows.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_OPEN_FLAGS |= getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20
_RANDOM_CHARACTERS = 8  # what tempfile adds to a temporary file's name
_NAME_MAX = 255  # when the file system does not say


def display_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    r"""Show a path as text that any strict JSON reader accepts, whatever bytes it holds.

    A file name that is not UTF-8 comes from the file system as text with lone surrogates;
    its bytes are shown as escapes instead, as ``\xff``.

    Example:
        >>> display_path(b"caf\xc3\xa9-\xff.json")
        'café-\\xff.json'
    """
    try:
        name = os.fspath(path)
    except TypeError:
        return "<path>"
    if isinstance(name, bytes):
        return name.decode("utf-8", "backslashreplace")
    try:
        raw = os.fsencode(name)
    except UnicodeError:  # a surrogate the file system could not have given
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str | None:
    """Name what a file that cannot be read as a document is; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a directory"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    return "it is not a regular file"


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, turning every way it can fail into a :class:`ReadError`.

    Only a regular file, or a pipe that a program is writing to (such as ``<(command)`` in a
    shell), is read. A directory, a device (``/dev/zero``), a socket, or a named pipe that
    nothing writes to is refused at once, without waiting. A file over ``max_bytes`` is
    refused, as any document over the limit is, with a :class:`DocumentTooLargeError`.

    Example:
        >>> read_bytes("missing.json")
        Traceback (most recent call last):
        ...
        partnering.errors.ReadError: cannot read 'missing.json': no such file
    """
    try:
        shown = os.fsdecode(path)
    except TypeError:
        raise ReadError("cannot read <path>: it does not name a file") from None
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _read_error(shown, error) from None
    try:
        status = os.fstat(descriptor)
        size = status.st_size if stat.S_ISREG(status.st_mode) else None
        if stat.S_ISFIFO(status.st_mode):
            data = _read_pipe(descriptor, max_bytes + 1, shown)
        elif size is None:
            reason = _kind(status.st_mode)
            raise ReadError(f"cannot read {shown!r}: {reason}", path=shown)
        elif size > max_bytes:
            data = b""  # checked before reading, so a huge file costs nothing
        else:
            # Past the size, in case the file grows; never past the limit.
            data = _read_up_to(descriptor, max_bytes + 1, first=size + 1)
    except OSError as error:
        if isinstance(error, ReadError):
            raise
        raise _read_error(shown, error) from None
    finally:
        os.close(descriptor)
    if (size is not None and size > max_bytes) or len(data) > max_bytes:
        shown_size = f"{size:,} bytes" if size is not None else "more bytes"
        raise DocumentTooLargeError(
            f"{safe_text(shown)} has {shown_size}, more than the limit of {max_bytes:,}.",
            hint=PARSE_CODES["json-too-large"].hint,
        )
    return data


def _read_error(shown: str, error: OSError) -> ReadError:
    if isinstance(error, FileNotFoundError):
        reason = "no such file"
    elif isinstance(error, IsADirectoryError):
        reason = "it is a directory"
    elif isinstance(error, PermissionError):
        reason = "permission denied"
    else:
        reason = error.strerror or type(error).__name__
        # Opening a socket fails (ENXIO); say what it is rather than the errno's words.
        with contextlib.suppress(OSError):
            reason = _kind(Path(shown).stat().st_mode) or reason
    return ReadError(f"cannot read {shown!r}: {reason}", path=shown)


def _read_pipe(descriptor: int, limit: int, shown: str) -> bytes:
    """Read a pipe that a program is writing to; refuse one that nothing writes to."""
    try:
        first = os.read(descriptor, min(limit, _CHUNK))
    except BlockingIOError:  # a writer is there, and has written nothing yet
        first = b""
    else:
        if not first:  # the end at once: no program has the pipe open for writing
            raise ReadError(
                f"cannot read {shown!r}: it is a pipe that no program is writing to",
                path=shown,
            )
    os.set_blocking(descriptor, True)
    return first + _read_up_to(descriptor, limit - len(first))


def _read_up_to(descriptor: int, limit: int, *, first: int = _CHUNK) -> bytes:
    """Read until the end of the file, or until ``limit`` bytes; ask for ``first`` at first."""
    chunks = []
    total = 0
    wanted = first
    while total < limit:
        chunk = os.read(descriptor, min(wanted, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        wanted = _CHUNK
    return b"".join(chunks)


def write_bytes(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    overwrite_readonly: bool = False,
    replace: bool = True,
) -> None:
    """Write a file atomically, as :func:`partnering.dump` documents.

    A symbolic link is written through: its target is replaced, and the link is kept. An
    existing file keeps its permissions; a write-protected one is refused unless
    ``overwrite_readonly`` is true. With ``replace`` false, an existing file is never
    overwritten, not even one that appears while the new one is being written.

    Raises:
        WriteError: the file cannot be written (no such folder, no permission), or it exists
            and ``replace`` is false.

    Example:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
        >>> write_bytes(target, b"one")
        >>> write_bytes(target, b"two", replace=False)
        Traceback (most recent call last):
        ...
        partnering.errors.WriteError: cannot write '...notes.txt': it exists
        >>> target.read_bytes()
        b'one'
    """
    given = os.fspath(path)
    target = _through_links(given)
    if not replace and os.path.lexists(target):
        raise WriteError(f"cannot write {given!r}: it exists", path=given)
    mode = _existing_mode(target, given, overwrite_readonly=overwrite_readonly)
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=_temporary_prefix(target), suffix=".tmp"
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
        if replace:
            Path(temporary).replace(target)
        else:
            # A link fails if the target has appeared since it was looked for.
            os.link(temporary, target)
            Path(temporary).unlink()
        temporary = None
        _fsync_directory(target.parent)
    except FileExistsError:
        raise WriteError(f"cannot write {given!r}: it exists", path=given) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise WriteError(f"cannot write {given!r}: {reason}", path=given) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _through_links(given: str) -> Path:
    """Follow a symbolic link to its target, so the link stays and the target is what changes."""
    path = Path(given)
    if not path.is_symlink():
        return path
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links, before Python 3.13
        reason = "its symbolic links form a loop"
        raise WriteError(f"cannot write {given!r}: {reason}", path=given) from None


def _existing_mode(target: Path, given: str, *, overwrite_readonly: bool) -> int | None:
    """Return the permissions of the file to replace, ``None`` if there is none yet."""
    try:
        status = target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WriteError(f"cannot write {given!r}: {error.strerror}", path=given) from None
    reason = _kind(status.st_mode)
    if reason is not None:
        # Replacing a device or a pipe with a file would break what uses it.
        raise WriteError(f"cannot write {given!r}: {reason}", path=given)
    mode = stat.S_IMODE(status.st_mode)
    # No write permission for anyone protects a file even from a user whom permissions do
    # not bind (root); os.access covers the rest.
    protected = not mode & 0o222 or not os.access(target, os.W_OK)
    if protected and not overwrite_readonly:
        raise WriteError(
            f"cannot write {given!r}: the file is write-protected; make it writable, or pass "
            "overwrite_readonly=True to replace it anyway",
            path=given,
        )
    return mode


def _temporary_prefix(target: Path) -> str:
    """Start the temporary file's name with the target's, cut to fit the name limit."""
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # no pathconf on Windows
        limit = _NAME_MAX
    room = limit - len("..") - _RANDOM_CHARACTERS - len(".tmp")
    name = target.name[: max(room, 0)]
    # The limit is in bytes; surrogatepass counts an undecodable byte as three, never less.
    while name and len(name.encode("utf-8", "surrogatepass")) > room:
        name = name[:-1]
    return f".{name}."


def _fsync_directory(directory: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk.
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
