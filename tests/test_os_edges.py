"""The edges of the operating system: special files, links, protected files, long names."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
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


# --- the command line: special files, closed and full streams, broken pipes --------------------

COMMAND_NAMES = ["validate", "summary", "codes", "schema", "fix", "init"]


def command(name: str, folder: Path) -> list[str]:
    """The arguments of a run of each command that writes to standard output."""
    if name in {"validate", "summary"}:
        return [name]  # the bundled example
    if name == "fix":
        path = folder / "fixable.json"
        path.write_text('{"schema_version": "1.0", "title": " Mine "}', encoding="utf-8")
        return [name, "--dry-run", str(path)]
    if name == "init":
        return [name, str(folder / "new.json")]
    return [name]


def run_process(
    arguments: list[str], *, redirect: str = "", stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the command in a shell, with ``redirect`` (``>&-``, ``>/dev/full``) applied to it."""
    script = f'exec "$@" {redirect}'
    return subprocess.run(
        ["sh", "-c", script, "sh", sys.executable, "-m", "partnering", *arguments],
        input=stdin,
        capture_output="2>" not in redirect,
        stdout=None,
        timeout=60,
        check=False,
    )


@POSIX
@needs_fifo
def test_the_command_refuses_a_pipe_with_no_writer_at_once(fifo: Path) -> None:
    """Validate and summary exit 2 on a FIFO that nothing writes to, and do not wait."""
    for name in ["validate", "summary"]:
        result = run_process([name, str(fifo)])
        assert result.returncode == 2
        assert result.stderr.decode() == (
            f"partnering: cannot read {str(fifo)!r}: it is a pipe that no program is writing to\n"
        )


@POSIX
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_the_command_refuses_a_device_a_directory_and_a_socket(tmp_path: Path) -> None:
    """Each is refused with exit 2 and a line that says what it is."""
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        cases = {
            "/dev/zero": "it is a device, not a file",
            # validate reads a folder as CSV files: this one holds none, only the socket.
            str(tmp_path): "it is a directory with no CSV files",
            str(path): "it is a socket, not a file",
        }
        for name, reason in cases.items():
            result = run_process(["validate", name])
            assert (result.returncode, result.stdout) == (2, b"")
            assert result.stderr.decode() == f"partnering: cannot read {name!r}: {reason}\n"
    finally:
        server.close()


@POSIX
def test_standard_input_is_still_read_from_a_pipe() -> None:
    """``-`` reads the pipe the shell gives, although it is no regular file."""
    result = run_process(["validate", "-"], stdin=DOCUMENT)
    assert result.returncode == 0
    assert result.stdout.decode().endswith("<stdin> is valid (format 1.0)\n")


@POSIX
@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_a_closed_standard_output_is_said_and_exits_2(name: str, tmp_path: Path) -> None:
    """Every command says it cannot write, instead of an internal error (exit 3)."""
    result = run_process(command(name, tmp_path), redirect=">&-")
    assert result.returncode == 2
    assert result.stderr == b"partnering: cannot write to standard output: it is closed\n"


@POSIX
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_a_full_disk_is_said_and_exits_2(name: str, tmp_path: Path) -> None:
    """``> /dev/full`` is a write that fails: said, exit 2, and no complaint at exit."""
    result = run_process(command(name, tmp_path), redirect=">/dev/full")
    assert result.returncode == 2
    assert result.stderr == (
        b"partnering: cannot write to standard output: no space left on device\n"
    )


@POSIX
@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_a_broken_pipe_exits_141_quietly(name: str, tmp_path: Path) -> None:
    """A reader that went away before the output: 141, as for a tool that SIGPIPE stopped."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "partnering", *command(name, tmp_path)],
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (141, b"")


@POSIX
def test_a_pipe_into_head_exits_141(tmp_path: Path) -> None:
    """``partnering validate bad.json | head -c1``: the shell sees 141, nothing on stderr.

    The JSON report of 3,000 partners with three errors each is far more than a pipe holds.
    """
    bad = tmp_path / "bad.json"
    partners = [{"id": f"p{index}", "name": "A", "country": "XX"} for index in range(3000)]
    bad.write_text(json.dumps({"schema_version": "1.0", "partners": partners}), "utf-8")
    script = (
        f'"$@" validate --format json {bad} | head -c1 >/dev/null; echo "${{PIPESTATUS[0]}}" >&2'
    )
    result = subprocess.run(
        ["bash", "-c", script, "bash", sys.executable, "-m", "partnering"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.stderr == b"141\n"


@POSIX
def test_with_standard_error_closed_an_unreadable_file_still_exits_2(tmp_path: Path) -> None:
    """The message is lost, the status is not."""
    missing = str(tmp_path / "missing.json")
    for redirect in ["2>&-", "2>/dev/full"]:
        result = run_process(["validate", missing], redirect=redirect)
        assert result.returncode == 2, redirect
    both = run_process(["validate"], redirect=">&- 2>&-")
    assert both.returncode == 2


@POSIX
def test_a_closed_output_is_no_failure_when_nothing_is_written() -> None:
    """``validate --quiet`` of a valid file writes nothing, so a closed stdout is fine."""
    result = run_process(["validate", "--quiet"], redirect=">&-")
    assert (result.returncode, result.stderr) == (0, b"")


def test_main_reports_a_missing_standard_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the API as in a process, no stdout is exit 2 with a message; stdout comes back."""
    from partnering.cli import main

    monkeypatch.setattr(sys, "stdout", None)
    assert main(["codes"]) == 2
    assert sys.stdout is None
    assert capsys.readouterr().err == "partnering: cannot write to standard output: it is closed\n"


# --- line endings: LF, CRLF and CR alone give the same lines and columns ---------------------

# Each document, written with LF, and where its first issues are, worked out by hand: the
# line, then the column in characters, counting from 1.
LINE_CASES = {
    "a syntax error": (
        '{\n"schema_version": "1.0",\n"title": "a",,\n}\n',
        [("json-syntax", 3, 14)],  # the second comma
    ),
    "a raw control character in a string": (
        '{\n"schema_version": "1.0",\n"title": "a\x01"\n}\n',
        [("json-syntax", 3, 12)],  # the U+0001 after "a
    ),
    "a document that ends too soon": (
        '{\n"schema_version": "1.0",\n"title": "a"\n',
        [("json-syntax", 4, 1)],  # just after the last line break
    ),
    "a duplicate key": (
        '{\n"schema_version": "1.0",\n"title": "a",\n"title": "b"\n}\n',
        [("json-duplicate-key", 4, 1)],
    ),
    "a schema issue": (
        '{\n"schema_version": "1.0",\n"title": 5\n}\n',
        [("wrong-type", 3, 10)],  # the 5
    ),
    "a rule across records": (
        '{\n"schema_version": "1.0",\n"partners": [\n'
        '{"id": "p1", "name": "A", "organisation_type": "ngo"},\n'
        '{"id": "p1", "name": "B", "organisation_type": "ngo"}\n]\n}\n',
        [("unknown-code", 4, 48), ("duplicate-id", 5, 8), ("unknown-code", 5, 48)],
    ),
}


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("case", sorted(LINE_CASES))
def test_every_line_ending_gives_the_same_lines_and_columns(case: str, ending: str) -> None:
    """A file from Windows or an old Mac has its issues on the lines an editor shows."""
    text, expected = LINE_CASES[case]
    report = validate(text.replace("\n", ending).encode("utf-8"))
    assert [(issue.code, issue.line, issue.column) for issue in report.issues] == expected


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"title": "a"\r\n,,}', 2, 2),  # after CRLF
        ('{"title": "a"\r,,}', 2, 2),  # after CR alone
        ('{"title": "a"\n\r,,}', 3, 2),  # LF then CR: two line breaks
        ('{"title": "a"\r\r\n,,}', 3, 2),  # CR, then CRLF: two line breaks
    ],
)
def test_syntax_errors_count_each_line_break_once(text: str, line: int, column: int) -> None:
    """The second comma of each document is where the error is."""
    with pytest.raises(partnering.JSONParseError) as caught:
        parse_json(text)
    assert (caught.value.line, caught.value.column) == (line, column)


# --- a file cut in the middle of a character ------------------------------------------------

TRUNCATED_HINT = "Check that the file is complete: copy, download or export it again."


@pytest.mark.parametrize(
    ("raw", "column", "shown"),
    [
        (b'{"title": "caf\xc3', 15, "last byte (0xC3) starts"),  # é cut after its first byte
        (b'{"title": "\xe2\x82', 12, "last bytes (0xE2 0x82) start"),  # € cut before its last
        (b'{"title": "\xf0\x9f\x98', 12, "last bytes (0xF0 0x9F 0x98) start"),  # an emoji
    ],
)
def test_a_character_cut_at_the_end_is_named_a_truncated_file(
    raw: bytes, column: int, shown: str
) -> None:
    """Not "saved in another encoding": the start of a character, and then nothing."""
    report = validate(raw)
    [issue] = report.issues
    assert (issue.code, issue.line, issue.column) == ("json-encoding", 1, column)
    assert issue.message == (
        f"The file ends in the middle of a character: its {shown} a character of "
        "UTF-8 whose other bytes are missing. The file is probably truncated."
    )
    assert issue.hint == TRUNCATED_HINT
    with pytest.raises(partnering.JSONParseError, match="probably truncated"):
        partnering.loads(raw)


def test_a_stray_byte_in_the_middle_still_names_another_encoding() -> None:
    """A Latin-1 é followed by more text, or a cut character that is not at the end."""
    for raw, column in [(b'{"title": "caf\xe9"}', 15), (b'{"t": "\xe2\x82"}', 8)]:
        [issue] = validate(raw).issues
        assert (issue.code, issue.line, issue.column) == ("json-encoding", 1, column)
        assert "saved in another encoding (such as Windows-1252" in issue.message
        assert "truncated" not in issue.message


@POSIX
def test_the_command_names_a_truncated_file(tmp_path: Path) -> None:
    """What the user sees on the command line: the message, the hint, exit 1."""
    path = tmp_path / "cut.json"
    path.write_bytes('{"schema_version": "1.0", "title": "Zürich'.encode()[:-5])  # Z, then 0xC3
    result = run_process(["validate", str(path)])
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "json-encoding" in out
    assert "its last byte (0xC3) starts a character" in out
    assert "The file is probably truncated." in out
    assert TRUNCATED_HINT in out


@POSIX
def test_an_internal_error_exits_3_with_standard_error_closed() -> None:
    """The traceback that --debug asks for cannot be shown; the status still says it is a bug."""
    code = (
        "import partnering.validation as v\n"
        "def broken(*a, **k): raise ValueError('bad state')\n"
        "v.validate = broken\n"
        "from partnering.cli import main\n"
        "raise SystemExit(main(['validate', '--debug']))\n"
    )
    results = {
        redirect: subprocess.run(
            ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-c", code],
            capture_output=True,
            timeout=60,
            check=False,
        )
        for redirect in ["", "2>&-"]
    }
    assert [result.returncode for result in results.values()] == [3, 3]
    assert b"Traceback" in results[""].stderr
    assert results[""].stderr.endswith(
        b"partnering: internal error: ValueError: bad state (run with --debug for details)\n"
    )
