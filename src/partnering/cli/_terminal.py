"""What the command needs of its terminal: colour, encodings, progress, and its inputs.

Everything here reads or writes the standard streams, or the files named on the command line,
and imports nothing but the standard library when the command starts.

Example:
    >>> import io
    >>> use_color("auto", io.StringIO()), use_color("always", io.StringIO())
    (False, True)
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from partnering.cli._parser import PROG

__all__ = [
    "STDIN",
    "STDIN_CLOSED",
    "STDIN_NAME",
    "Input",
    "Progress",
    "error",
    "is_tty",
    "is_utf8",
    "read_stdin",
    "tolerate_encoding",
    "use_color",
]

#: The file name that stands for standard input.
STDIN = "-"

#: How standard input is named in reports.
STDIN_NAME = "<stdin>"

#: What is said when standard input cannot be read at all.
STDIN_CLOSED = "cannot read standard input: it is closed"

# Progress is worth showing for more files than this, or for one file larger than this.
_PROGRESS_FILES = 5
_PROGRESS_BYTES = 10 * 1024 * 1024


def is_utf8(stream: object) -> bool:
    """Tell whether a stream writes UTF-8, so it can show any character.

    Example:
        >>> import io
        >>> is_utf8(io.TextIOWrapper(io.BytesIO(), encoding="utf8")), is_utf8(io.StringIO())
        (True, False)
    """
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def is_tty(stream: object) -> bool:
    """Tell whether a stream is a terminal; a closed or odd stream is not one."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except (OSError, ValueError):
        return False


def use_color(choice: str, stream: object) -> bool:
    """Decide on colour from ``--color`` (``auto``, ``always``, ``never``) and the stream."""
    if choice != "auto":
        return choice == "always"
    # https://no-color.org: any non-empty value turns colour off; an explicit flag wins.
    return not os.environ.get("NO_COLOR") and is_tty(stream)


def tolerate_encoding(stream: object) -> None:
    """Make a stream that cannot show a character write an escape, never crash."""
    if isinstance(stream, io.TextIOWrapper) and not is_utf8(stream):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def error(message: str) -> None:
    """Write a message for the user to standard error, after the command's name.

    The message is written as given: escape first anything taken from a document.
    """
    sys.stderr.write(f"{PROG}: {message}\n")
    sys.stderr.flush()


def read_stdin(limit: int) -> bytes | None:
    """Read up to ``limit + 1`` bytes of standard input, or ``None`` if it cannot be read.

    One byte more than the limit is read, so the reader can tell a document that is too large.
    """
    stream = sys.stdin
    if stream is None:
        return None
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data: bytes = buffer.read(limit + 1)
            return data
        return str(stream.read(limit + 1)).encode("utf-8", errors="surrogateescape")
    except (OSError, ValueError):
        return None


class Input:
    """A file named on the command line: how to show it, and where to read it.

    Attributes:
        label: the name shown to people.
        source: the name written in JSON reports.
        path: the file to read, or ``None`` for standard input.

    Example:
        >>> item = Input.of("-")
        >>> item.label, item.path
        ('<stdin>', None)
    """

    def __init__(self, label: str, source: str, path: Path | None) -> None:
        self.label = label
        self.source = source
        self.path = path

    @classmethod
    def of(cls, name: str | None) -> Input:
        """Read a name from the command line: ``None`` for the bundled example, ``-`` for input."""
        if name is None:
            from partnering.examples import example_path

            path = example_path()
            return cls(f"bundled example ({path.name})", str(path), path)
        if name == STDIN:
            return cls(STDIN_NAME, STDIN_NAME, None)
        return cls(name, name, Path(name))

    def size(self) -> int:
        """Return the file's size in bytes, or 0 when it is not known."""
        if self.path is None:
            return 0
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


class Progress:
    """Progress lines on a terminal, each overwriting the one before."""

    def __init__(self, stream: IO[str], *, enabled: bool) -> None:
        self._stream = stream
        self._enabled = enabled
        self._width = 0
        self._ellipsis = "…" if is_utf8(stream) else "..."

    @classmethod
    def for_inputs(cls, stream: IO[str], inputs: Sequence[Input]) -> Progress:
        """Show progress on a terminal only, and only for many files or a large one."""
        wanted = is_tty(stream) and (
            len(inputs) > _PROGRESS_FILES or any(item.size() > _PROGRESS_BYTES for item in inputs)
        )
        return cls(stream, enabled=wanted)

    def show(self, index: int, total: int, label: str) -> None:
        """Show that the file ``label``, number ``index`` of ``total``, is being checked."""
        if not self._enabled:
            return
        from partnering._render import shown

        line = f"checking {index}/{total}: {shown(label, 60)}{self._ellipsis}"
        padding = " " * max(0, self._width - len(line))
        self._stream.write(f"\r{line}{padding}")
        self._stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        """Erase the progress line, so that what follows starts on a clean line."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
