"""Reading and writing exchange files: load, loads, dump and dumps."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

import partnering
from partnering import (
    Dataset,
    DocumentTooLargeError,
    InvalidDocumentError,
    JSONParseError,
    PartneringError,
    ReadError,
    WriteError,
    dump,
    dumps,
    example_path,
    load,
    loads,
)

VERSION = '"schema_version": "1.0"'


def nested(depth: int) -> str:
    """Return a valid document whose custom data makes it ``depth`` levels deep in all."""
    value = "1"
    for _ in range(depth - 2):
        value = f"[{value}]"
    return f'{{{VERSION}, "extensions": {{"a:b": {value}}}}}'


# --- dumps and dump ---------------------------------------------------------------------------


def test_dumps_writes_indented_utf8_with_a_final_newline() -> None:
    """The text has two-space indents, non-ASCII characters as they are, and ends in a newline."""
    text = dumps(Dataset(title="Plateformes à Nairobi, 2014"))
    assert text == '{\n  "schema_version": "1.1",\n  "title": "Plateformes à Nairobi, 2014"\n}\n'


def test_dump_writes_exactly_the_text_of_dumps(tmp_path: Path) -> None:
    """The file holds the UTF-8 bytes of dumps, the same on every write."""
    dataset = load(example_path())
    target = tmp_path / "platforms.json"
    dump(dataset, target)
    first = target.read_bytes()
    dump(dataset, target)
    assert target.read_bytes() == first == dumps(dataset).encode("utf-8")
    assert first.endswith(b"}\n")
    assert "\\u" not in first.decode("utf-8")
    assert list(tmp_path.iterdir()) == [target]


def test_dump_replaces_the_file_in_one_step_when_it_succeeds(tmp_path: Path) -> None:
    """An existing file is replaced by the new text, and nothing else is left in the folder."""
    target = tmp_path / "platforms.json"
    target.write_text("old", encoding="utf-8")
    dump(Dataset(title="New"), target)
    assert load(target) == Dataset(title="New")
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_dump_leaves_the_old_file_intact_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """A failure midway leaves the old file as it was, no temporary file, and a WriteError."""
    target = tmp_path / "platforms.json"
    target.write_text("the old text", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    if step == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(WriteError) as caught:
        dump(Dataset(title="New"), target)
    assert target.read_text(encoding="utf-8") == "the old text"
    assert list(tmp_path.iterdir()) == [target]
    assert str(caught.value) == f"cannot write {str(target)!r}: Input/output error"
    assert caught.value.path == str(target)


def test_dump_keeps_the_permissions_of_an_existing_file(tmp_path: Path) -> None:
    """A file that only its owner may read stays that way after it is rewritten."""
    target = tmp_path / "platforms.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    dump(Dataset(title="Private"), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert load(target).title == "Private"


def test_dump_gives_a_new_file_the_permissions_of_the_umask(tmp_path: Path) -> None:
    """A new file gets what any new file gets, not the private mode of a temporary file."""
    umask = os.umask(0o027)
    try:
        dump(Dataset(), tmp_path / "new.json")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_dump_into_a_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    """Writing where there is no folder raises WriteError naming the path, not ReadError."""
    target = tmp_path / "missing" / "platforms.json"
    with pytest.raises(WriteError) as caught:
        dump(Dataset(), target)
    assert str(caught.value) == f"cannot write {str(target)!r}: No such file or directory"
    assert caught.value.path == str(target)
    assert not isinstance(caught.value, ReadError)
    assert isinstance(caught.value, OSError)
    assert isinstance(caught.value, PartneringError)
    assert not target.parent.exists()


def test_dump_where_the_target_cannot_be_inspected_is_a_write_error(tmp_path: Path) -> None:
    """A target below a file (not a folder) cannot even be looked at: that too is WriteError."""
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = tmp_path / "file" / "platforms.json"
    with pytest.raises(WriteError) as caught:
        dump(Dataset(), target)
    assert str(caught.value) == f"cannot write {str(target)!r}: Not a directory"


# --- load and loads ---------------------------------------------------------------------------


def test_load_of_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    """A missing file raises ReadError with the read-error code and the path."""
    path = tmp_path / "missing.json"
    with pytest.raises(ReadError) as caught:
        load(path)
    assert caught.value.code == "read-error"
    assert str(caught.value) == f"cannot read {str(path)!r}: no such file"
    assert isinstance(caught.value, OSError)


def test_load_of_a_folder_is_a_read_error(tmp_path: Path) -> None:
    """A folder given as a file raises ReadError saying so."""
    with pytest.raises(ReadError) as caught:
        load(tmp_path)
    assert caught.value.code == "read-error"
    assert "directory" in str(caught.value)


def test_loads_accepts_text_and_bytes() -> None:
    """The text of a document and its UTF-8 bytes read the same."""
    text = f'{{{VERSION}, "title": "Plateformes à Nairobi"}}'
    assert (
        loads(text)
        == loads(text.encode("utf-8"))
        == Dataset(schema_version="1.0", title="Plateformes à Nairobi")
    )


def test_loads_of_an_invalid_document_lists_every_issue() -> None:
    """A document that is JSON but not a valid dataset raises with the full report."""
    partner = '{"id": "tpi", "nmae": "TPI", "organisation_type": "99"}'
    text = f'{{{VERSION}, "title": "", "partners": [{partner}], "sdgs": [18]}}'
    with pytest.raises(InvalidDocumentError) as caught:
        loads(text)
    report = caught.value.report
    assert [(issue.code, issue.pointer) for issue in report.issues] == [
        ("empty-text", "/title"),
        ("missing-field", "/partners/0/name"),
        ("unknown-field", "/partners/0/nmae"),
        ("unknown-code", "/partners/0/organisation_type"),
        ("unknown-field", "/sdgs"),
    ]
    assert not report.valid
    assert "5 error(s)" in str(caught.value)


def test_loads_of_bad_json_is_a_parse_error_with_line_and_column() -> None:
    """A trailing comma raises JSONParseError saying where it is."""
    with pytest.raises(JSONParseError) as caught:
        loads('{\n  "schema_version": "1.0",\n}')
    assert (caught.value.code, caught.value.line, caught.value.column) == ("json-syntax", 2, 26)


def test_bad_json_is_reported_with_line_and_column() -> None:
    """The issue of a document that is not JSON says on which line and column the problem is."""
    with pytest.raises(partnering.PartneringError) as caught:
        loads('{\n  "schema_version": "1.0",\n}')
    error = caught.value
    found = (
        [(error.code, error.line, error.column)]
        if isinstance(error, JSONParseError)
        else [(i.code, i.line, i.column) for i in error.report.issues]  # type: ignore[attr-defined]
    )
    assert found == [("json-syntax", 2, 26)]


def test_the_bundled_example_loads_and_round_trips_without_loss() -> None:
    """Reading and writing the example keeps every value, custom data included."""
    original = json.loads(example_path().read_text(encoding="utf-8"))
    dataset = load(example_path())
    assert json.loads(dumps(dataset)) == original
    assert dataset.platforms
    assert dataset.events[0].participant_count == 25


def test_custom_data_survives_load_and_dump(tmp_path: Path) -> None:
    """Extensions of any JSON value come back exactly, in the order they were written."""
    custom = {"z-tool:first": [1, 2.5, None, True, {"ä": "ü"}], "a-tool:second": {"n": -0.0}}
    text = dumps(Dataset(title="x", extensions=custom))
    target = tmp_path / "custom.json"
    target.write_text(text, encoding="utf-8")
    assert load(target).extensions == custom
    assert list(load(target).extensions) == ["z-tool:first", "a-tool:second"]
    dump(load(target), target)
    assert target.read_text(encoding="utf-8") == text


# --- Limits -----------------------------------------------------------------------------------


def test_max_bytes_is_a_limit_that_can_be_raised_or_lowered() -> None:
    """A document of exactly max_bytes reads; one byte less as the limit refuses it."""
    text = f'{{{VERSION}, "title": "Zürich"}}'
    size = len(text.encode("utf-8"))
    assert loads(text, max_bytes=size).title == "Zürich"
    with pytest.raises(partnering.PartneringError) as caught:
        loads(text, max_bytes=size - 1)
    assert "limit" in str(caught.value)


def test_load_applies_max_bytes_to_the_file(tmp_path: Path) -> None:
    """A file larger than max_bytes is refused before it is parsed."""
    path = tmp_path / "big.json"
    path.write_text(f'{{{VERSION}, "title": "{"x" * 100}"}}', encoding="utf-8")
    assert load(path, max_bytes=200).title == "x" * 100
    with pytest.raises(DocumentTooLargeError):
        load(path, max_bytes=50)


def test_a_file_over_the_size_limit_says_so(tmp_path: Path) -> None:
    """The error for a file over max_bytes names the size and the limit, like any document's."""
    path = tmp_path / "big.json"
    path.write_text(f'{{{VERSION}, "title": "{"x" * 100}"}}', encoding="utf-8")
    with pytest.raises(DocumentTooLargeError, match=r"has [0-9]+ bytes, more than the limit of 50"):
        load(path, max_bytes=50)


def test_loads_of_a_document_over_the_limit_is_a_document_too_large_error() -> None:
    """A document over max_bytes raises DocumentTooLargeError with the json-too-large code."""
    with pytest.raises(DocumentTooLargeError) as caught:
        loads(f"{{{VERSION}}}", max_bytes=5)
    assert caught.value.code == "json-too-large"


def test_max_depth_is_a_limit_that_can_be_raised_or_lowered(tmp_path: Path) -> None:
    """Nesting up to max_depth reads; deeper is refused; the default is 64 levels."""
    assert loads(nested(5), max_depth=5).extensions == {"a:b": [[[1]]]}
    with pytest.raises(partnering.PartneringError, match=r"nested|deep"):
        loads(nested(5), max_depth=4)
    assert loads(nested(64)).extensions
    with pytest.raises(partnering.PartneringError, match=r"nested|deep"):
        loads(nested(65))
    path = tmp_path / "deep.json"
    path.write_text(nested(65), encoding="utf-8")
    assert load(path, max_depth=65).extensions


# --- The errors -------------------------------------------------------------------------------


def test_a_document_too_large_is_not_a_parse_error() -> None:
    """The size limit is hit before any parsing: a ValueError of the library, not a parse error."""
    with pytest.raises(DocumentTooLargeError) as caught:
        loads(f"{{{VERSION}}}", max_bytes=5)
    error = caught.value
    assert not isinstance(error, JSONParseError)
    assert isinstance(error, PartneringError)
    assert isinstance(error, ValueError)
    assert error.code == "json-too-large"
    message = "The document is at least 25 bytes, more than the limit of 5 bytes."
    hint = "Split the file, or raise the limit if the file is trusted."
    assert (error.message, error.hint, error.args) == (message, hint, (message,))
    assert str(error) == f"{message} {hint}"


def test_errors_keep_their_arguments_and_survive_pickling(tmp_path: Path) -> None:
    """The write, read and size errors print their message and come back whole from pickle."""
    import pickle

    errors: list[PartneringError] = [
        WriteError("cannot write 'a.json': No space left on device", path="a.json"),
        ReadError("cannot read 'a.json': no such file", path="a.json"),
        DocumentTooLargeError("The document is 9 bytes, more than the limit of 5 bytes."),
    ]
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error) == error.args[0]
        assert vars(copy) == vars(error)


def _dangling_host() -> Dataset:
    """A platform hosted by a partner the dataset does not hold: each field alone is fine."""
    platform = partnering.Platform(
        id="lakeside",
        name="Lakeside Partnership Platform",
        scope=partnering.PlatformScope.NATIONAL,
        hosting_model=partnering.HostingModel.GOVERNMENT_LED,
        countries=("KE",),
        host_id="ministry",
    )
    return Dataset(platforms=(platform,))


def test_dumps_refuses_what_loads_would_refuse_with_the_same_report() -> None:
    dataset = _dangling_host()
    with pytest.raises(InvalidDocumentError) as refused:
        dumps(dataset)
    draft = dumps(dataset, check=False)
    with pytest.raises(InvalidDocumentError) as read:
        loads(draft)
    written = [(issue.code, issue.pointer) for issue in refused.value.report.errors]
    assert written == [("dangling-reference", "/platforms/0/host_id")]
    assert written == [(issue.code, issue.pointer) for issue in read.value.report.errors]
    assert "first at /platforms/0/host_id" in str(refused.value)


def test_dump_writes_nothing_when_it_refuses_and_writes_a_draft_when_told(
    tmp_path: Path,
) -> None:
    target = tmp_path / "draft.json"
    with pytest.raises(InvalidDocumentError):
        dump(_dangling_host(), target)
    assert not target.exists()
    dump(_dangling_host(), target, check=False)
    assert json.loads(target.read_text(encoding="utf-8"))["platforms"][0]["host_id"] == "ministry"


def test_warnings_do_not_stop_a_dump() -> None:
    # A partner whose sector contradicts its type only warns: reading accepts the file.
    partner = partnering.Partner(
        id="tpi",
        name="TPI",
        organisation_type=partnering.OrganisationType("70"),
        sector=partnering.Sector.PUBLIC,
    )
    text = dumps(Dataset(partners=(partner,)))
    assert loads(text).partners == (partner,)
