"""The edges of the operating system: special files, links, protected files, long names."""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

import partnering
from partnering import Dataset, ReadError, WriteError, dump, load, validate
from partnering._files import display_path, read_bytes
from partnering._json import parse_json
from partnering._report_json import render_json

T = TypeVar("T")

DOCUMENT = b'{"schema_version": "1.0", "title": "Mine"}'
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and permissions")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def within(seconds: float, call: Callable[[], T]) -> T:
    """Run ``call`` in a thread, failing the test, not hanging it, if it takes too long."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


# --- reading: refuse what is no file at once, never hang --------------------------------------


@needs_fifo
def test_a_named_pipe_that_nothing_writes_to_is_refused_at_once(fifo: Path) -> None:
    """validate, load and read_bytes refuse a FIFO with no writer, without waiting for one."""
    expected = f"cannot read {str(fifo)!r}: it is a pipe that no program is writing to"
    report = within(10, lambda: validate(fifo))
    assert [(issue.code, issue.message) for issue in report.issues] == [("read-error", expected)]
    with pytest.raises(ReadError, match="no program is writing to"):
        within(10, lambda: load(fifo))
    with pytest.raises(ReadError) as caught:
        within(10, lambda: read_bytes(fifo))
    assert (str(caught.value), caught.value.path) == (expected, str(fifo))


@needs_fifo
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="O_RDWR on a FIFO is Linux's")
def test_a_pipe_that_a_program_is_writing_to_is_read(fifo: Path) -> None:
    """A FIFO with a writer, such as a shell's <(command), is read to its end."""
    # Opened for reading and writing, the pipe has a writer before the reader comes, one
    # that has written nothing yet; it writes in two parts, then closes.
    writer = os.open(fifo, os.O_RDWR)

    def write() -> None:
        time.sleep(0.2)
        os.write(writer, DOCUMENT[:10])
        time.sleep(0.1)
        os.write(writer, DOCUMENT[10:])
        os.close(writer)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    try:
        data = within(10, lambda: read_bytes(fifo))
    finally:
        thread.join(10)
    assert data == DOCUMENT


@needs_fifo
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="O_RDWR on a FIFO is Linux's")
def test_a_pipe_over_the_size_limit_is_refused(fifo: Path) -> None:
    """The limit holds for a pipe too, which has no size to check before reading."""
    writer = os.open(fifo, os.O_RDWR)
    try:
        os.write(writer, b" " * 5_000)  # fits in the pipe's buffer; the writer stays open
        with pytest.raises(partnering.DocumentTooLargeError, match="more bytes"):
            within(10, lambda: read_bytes(fifo, max_bytes=1_000))
    finally:
        os.close(writer)


@POSIX
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_at_once_not_read_to_the_limit() -> None:
    """/dev/zero is a device: refused before a byte of it is read."""
    started = time.monotonic()
    report = within(10, lambda: validate(Path("/dev/zero")))
    assert time.monotonic() - started < 5
    assert [(issue.code, issue.message) for issue in report.issues] == [
        ("read-error", "cannot read '/dev/zero': it is a device, not a file")
    ]
    with pytest.raises(ReadError, match="it is a device, not a file"):
        read_bytes("/dev/null")


@POSIX
@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    """A Unix socket in the file system is named for what it is."""
    path = tmp_path / "s"
    if len(os.fsencode(path)) > 100:
        pytest.skip("the temporary folder's path is too long for a socket")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(ReadError, match="it is a socket, not a file"):
            within(10, lambda: read_bytes(path))
    finally:
        server.close()


def test_a_path_that_names_no_file_is_a_read_error() -> None:
    """An os.PathLike whose __fspath__ gives no path is refused as unreadable, not raised."""

    class Broken:
        def __fspath__(self) -> int:
            return 5

    with pytest.raises(ReadError, match="it does not name a file"):
        read_bytes(Broken())  # type: ignore[arg-type]
    report = validate(Broken())  # type: ignore[arg-type]
    assert [issue.code for issue in report.issues] == ["read-error"]
    assert report.source == "<path>"


def test_a_directory_is_still_named_a_directory(tmp_path: Path) -> None:
    """A folder is refused with the words it always had."""
    with pytest.raises(ReadError, match="it is a directory"):
        read_bytes(tmp_path)


def test_a_regular_file_that_grows_is_read_to_the_limit_only(tmp_path: Path) -> None:
    """A regular file is read whole, and the size limit is checked on what was read."""
    path = tmp_path / "a.json"
    path.write_bytes(DOCUMENT)
    assert read_bytes(path) == DOCUMENT
    assert read_bytes(path, max_bytes=len(DOCUMENT)) == DOCUMENT
    with pytest.raises(partnering.DocumentTooLargeError):
        read_bytes(path, max_bytes=len(DOCUMENT) - 1)


# --- reports are strict JSON, whatever the file's name ----------------------------------------


@POSIX
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_a_file_name_that_is_not_utf8_gives_a_strict_json_report(tmp_path: Path) -> None:
    """The source of the report shows the byte as an escape, never as a lone surrogate."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9.json"
    try:
        with Path(os.fsdecode(raw)).open("wb") as stream:
            stream.write(b'{"schema_version": "1.0", "title": 5}')
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    path = Path(os.fsdecode(raw))
    report = validate(path)
    assert report.source == display_path(tmp_path) + "/caf\\xe9.json"
    assert [issue.pointer for issue in report.issues] == ["/title"]
    text = render_json([(report.source, report)], version="0")
    assert parse_json(text)["files"][0]["source"] == report.source
    json.dumps(report.source, ensure_ascii=False).encode("utf-8")
    missing = validate(Path(os.fsdecode(os.fsencode(tmp_path) + b"/gone-\xff.json")))
    assert missing.source is not None
    assert "\\xff" in missing.source
    shown = {"source": missing.source, "message": missing.issues[0].message}
    assert parse_json(json.dumps(shown, ensure_ascii=False)) == shown


def test_display_path_escapes_what_is_not_utf8() -> None:
    r"""Undecodable bytes are shown as \x escapes; text and bytes paths alike."""
    assert display_path(b"caf\xc3\xa9-\xff.json") == "café-\\xff.json"
    assert display_path("plain.json") == "plain.json"
    assert display_path("half-\ud800.json") == "half-\\ud800.json"


# --- writing: links, protected files, long names, permissions ---------------------------------


@POSIX
def test_dump_writes_through_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    """The file the link points to is replaced; the link stays a link to it."""
    real = tmp_path / "data" / "platforms.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "current.json"
    link.symlink_to(Path("data") / "platforms.json")
    dump(Dataset(title="Through"), link)
    assert link.is_symlink()
    assert link.readlink() == Path("data") / "platforms.json"
    assert load(real).title == "Through"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(path.name for path in real.parent.iterdir()) == ["platforms.json"]


@POSIX
def test_dump_through_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    """A link to a file not yet written gets its file, as cp gives it one."""
    link = tmp_path / "current.json"
    link.symlink_to("target.json")
    dump(Dataset(title="New"), link)
    assert link.is_symlink()
    assert load(tmp_path / "target.json").title == "New"


@POSIX
def test_dump_through_a_loop_of_links_is_a_write_error(tmp_path: Path) -> None:
    """Links that point at each other are a WriteError, as reading them is a ReadError."""
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    with pytest.raises(WriteError, match="symbolic links form a loop"):
        dump(Dataset(), tmp_path / "a.json")
    with pytest.raises(ReadError):
        load(tmp_path / "a.json")
    assert (tmp_path / "a.json").is_symlink()


@POSIX
def test_dump_refuses_a_write_protected_file(tmp_path: Path) -> None:
    """A read-only file is left as it was, unless the caller says to replace it."""
    target = tmp_path / "platforms.json"
    target.write_text("keep me", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(WriteError) as caught:
        dump(Dataset(title="New"), target)
    assert str(caught.value) == (
        f"cannot write {str(target)!r}: the file is write-protected; make it writable, or pass "
        "overwrite_readonly=True to replace it anyway"
    )
    assert caught.value.path == str(target)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["platforms.json"]
    dump(Dataset(title="New"), target, overwrite_readonly=True)
    assert load(target).title == "New"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


@POSIX
def test_dump_refuses_a_write_protected_file_behind_a_link(tmp_path: Path) -> None:
    """Protection is that of the file the link points to."""
    real = tmp_path / "real.json"
    real.write_text("keep me", encoding="utf-8")
    real.chmod(0o400)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(WriteError, match="write-protected"):
        dump(Dataset(), link)
    assert real.read_text(encoding="utf-8") == "keep me"


def test_dump_to_a_name_of_250_characters_works(tmp_path: Path) -> None:
    """The temporary file's name is cut to fit the limit of the file system."""
    target = tmp_path / ("p" * 245 + ".json")
    dump(Dataset(title="Long"), target)
    assert load(target).title == "Long"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
    dump(Dataset(title="Again"), target)
    assert load(target).title == "Again"


def test_dump_to_a_long_name_of_wide_characters_works(tmp_path: Path) -> None:
    """The limit is in bytes: a name of 80 three-byte characters still gets a temporary file."""
    target = tmp_path / ("€" * 80 + ".json")  # 245 bytes in UTF-8
    try:
        target.write_bytes(b"")
    except OSError:
        pytest.skip("the file system refuses such a name")
    dump(Dataset(title="Wide"), target)
    assert load(target).title == "Wide"


@needs_fifo
def test_dump_refuses_to_replace_a_pipe(fifo: Path) -> None:
    """A named pipe is not replaced by a regular file."""
    with pytest.raises(WriteError, match="it is not a regular file"):
        within(10, lambda: dump(Dataset(), fifo))
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dump_refuses_to_replace_a_directory(tmp_path: Path) -> None:
    """A folder is refused, and left as it was."""
    folder = tmp_path / "platforms.json"
    folder.mkdir()
    with pytest.raises(WriteError, match="it is a directory"):
        dump(Dataset(), folder)
    assert folder.is_dir()
