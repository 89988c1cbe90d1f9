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
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

    from partnering.report import Report

from partnering.cli._parser import PROG

__all__ = [
    "BROKEN_PIPE",
    "STDIN",
    "STDIN_CLOSED",
    "STDIN_NAME",
    "Input",
    "OutputError",
    "Progress",
    "StandardStreams",
    "StatusLine",
    "error",
    "is_tty",
    "is_utf8",
    "read_stdin",
    "said_unreadable",
    "tolerate_encoding",
    "use_color",
]

#: The file name that stands for standard input.
STDIN = "-"

#: How standard input is named in reports.
STDIN_NAME = "<stdin>"

#: What is said when standard input cannot be read at all.
STDIN_CLOSED = "cannot read standard input: it is closed"

#: The exit status when the reader of the output went away (``partnering ... | head``):
#: 128 + SIGPIPE, the status a shell shows for a Unix tool that the signal stopped.
BROKEN_PIPE = 141

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


def said_unreadable(report: Report) -> bool:
    """Say why, a line each, when a report is of a file that could not be read at all.

    Returns whether it is: a workbook that is unsafe or cannot be opened, or a file that
    cannot be read (the codes of ``partnering.sheets.UNREADABLE``).
    """
    from partnering._render import shown
    from partnering.sheets import unreadable

    if not unreadable(report):
        return False
    for issue in report.issues:
        error(shown(issue.message))
    return True


def error(message: str) -> None:
    """Write a message for the user to standard error, after the command's name.

    The message is written as given: escape first anything taken from a document. When
    standard error cannot be written (closed, full, its reader gone), the message is lost
    and nothing is raised: the exit status still tells what happened.
    """
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError, OutputError):
        stream.write(f"{PROG}: {message}\n")
        stream.flush()


class OutputError(Exception):
    """Writing to standard output or standard error failed.

    Attributes:
        stream: which stream, in words (``standard output``).
        reason: why, in words (``no space left on device``).
        broken_pipe: whether the reader of the stream went away, as ``| head`` does.
    """

    def __init__(self, stream: str, reason: str, broken_pipe: bool = False) -> None:
        super().__init__(stream, reason, broken_pipe)
        self.stream = stream
        self.reason = reason
        self.broken_pipe = broken_pipe

    def __str__(self) -> str:
        return f"cannot write to {self.stream}: {self.reason}"


class _Bytes(Protocol):
    """What a guard needs of the bytes beneath a text stream, buffered or raw."""

    def write(self, data: memoryview, /) -> int | None: ...
    def flush(self) -> object: ...
    def fileno(self) -> int: ...


class _Guard(io.BufferedIOBase):
    """The bytes under a standard stream: every failure to write becomes an OutputError.

    A missing stream (the command was started with it closed) fails on the first write, not
    before, so a command that writes nothing there still succeeds. After a failure, what is
    written is dropped, so that the stream's flush at exit does not fail again.
    """

    def __init__(self, stream: object, inner: _Bytes | None, name: str) -> None:
        super().__init__()
        self._stream = stream  # the text stream of before, which says if it is a terminal
        self._inner = inner
        self._name = name
        self.failed = False

    @property
    def name(self) -> str:
        return self._name

    def writable(self) -> bool:
        return True

    def _fail(self, problem: OSError | None) -> OutputError:
        self.failed = True
        if problem is None:
            return OutputError(self._name, "it is closed")
        reason = problem.strerror or type(problem).__name__
        broken = isinstance(problem, BrokenPipeError)
        return OutputError(self._name, reason[:1].lower() + reason[1:], broken_pipe=broken)

    def write(self, data: ReadableBuffer, /) -> int:
        whole = memoryview(data).cast("B")
        if self.failed:
            return whole.nbytes
        if self._inner is None:
            raise self._fail(None)
        rest = whole
        try:
            # Unbuffered (PYTHONUNBUFFERED), the stream beneath is raw and may take only
            # part of what it is given; the end of a pipe shows on the write after that.
            while rest.nbytes:
                count = self._inner.write(rest)
                if count is None:  # a stream set not to block, that is full for now
                    time.sleep(0.01)
                    continue
                rest = rest[count:]
        except (OSError, ValueError) as problem:  # ValueError: the stream was closed
            raise self._fail(problem if isinstance(problem, OSError) else None) from None
        return whole.nbytes

    def flush(self) -> None:
        if self.failed or self._inner is None:
            return
        try:
            self._inner.flush()
        except (OSError, ValueError) as problem:
            raise self._fail(problem if isinstance(problem, OSError) else None) from None

    def fileno(self) -> int:
        if self._inner is None:
            raise io.UnsupportedOperation("the stream is closed")
        return self._inner.fileno()

    def isatty(self) -> bool:
        return is_tty(self._stream)


class StandardStreams:
    """Standard output and error for the time of a command, each failure an OutputError.

    A stream without bytes beneath it (a ``StringIO``, as doctests give) is left as it is.
    """

    def __init__(self) -> None:
        self._saved = (sys.stdout, sys.stderr)
        self._guards: list[tuple[_Guard, io.TextIOWrapper[_Guard], object]] = []

    @classmethod
    def guard(cls) -> StandardStreams:
        """Put guarded streams in place of ``sys.stdout`` and ``sys.stderr``."""
        streams = cls()
        sys.stdout = streams._wrap(sys.stdout, "standard output")
        sys.stderr = streams._wrap(sys.stderr, "standard error")
        return streams

    def _wrap(self, stream: IO[str] | None, name: str) -> IO[str]:
        inner: _Bytes | None = None
        if stream is None:
            encoding, errors, lines = "utf-8", "backslashreplace", True
        elif isinstance(stream, io.TextIOWrapper):
            encoding, lines = stream.encoding, stream.line_buffering
            errors = stream.errors or "strict"
            inner = stream.buffer
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        else:
            return stream
        guard = _Guard(stream, inner, name)
        wrapped = io.TextIOWrapper(guard, encoding, errors, None, lines, write_through=True)
        self._guards.append((guard, wrapped, stream))
        return wrapped

    def flush(self) -> None:
        """Write out what is waiting, raising :class:`OutputError` if that fails."""
        for _, wrapped, _ in self._guards:
            wrapped.flush()

    def silence_failed(self) -> None:
        """Point a stream that failed at the null device, so nothing fails again at exit.

        This is what the Python documentation advises after a broken pipe.
        """
        for guard, _, stream in self._guards:
            if guard.failed and stream is not None:
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    devnull = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]
                    os.close(devnull)

    def restore(self) -> None:
        """Put the streams of before back in place."""
        sys.stdout, sys.stderr = self._saved


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


class StatusLine:
    """One line on a terminal, each text written over the one before, with an ellipsis.

    Nothing is written when it is not enabled, so pipes and captured output never see it.
    """

    def __init__(self, stream: IO[str], *, enabled: bool) -> None:
        self._stream = stream
        self.enabled = enabled
        self._width = 0
        self._ellipsis = "…" if is_utf8(stream) else "..."

    def write(self, text: str) -> None:
        """Show ``text`` in place of the line shown before."""
        if not self.enabled:
            return
        line = f"{text}{self._ellipsis}"
        padding = " " * max(0, self._width - len(line))
        self._stream.write(f"\r{line}{padding}")
        self._stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        """Erase the line, so that what follows starts on a clean line."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


class Progress(StatusLine):
    """Progress lines on a terminal while files are checked, each overwriting the one before."""

    @classmethod
    def for_inputs(cls, stream: IO[str], inputs: Sequence[Input]) -> Progress:
        """Show progress on a terminal only, and only for many files or a large one."""
        wanted = is_tty(stream) and (
            len(inputs) > _PROGRESS_FILES or any(item.size() > _PROGRESS_BYTES for item in inputs)
        )
        return cls(stream, enabled=wanted)

    def show(self, index: int, total: int, label: str) -> None:
        """Show that the file ``label``, number ``index`` of ``total``, is being checked."""
        if not self.enabled:
            return
        from partnering._render import shown

        self.write(f"checking {index}/{total}: {shown(label, 60)}")
