"""``partnering fix`` and ``partnering init``, and the steward's file cleaned in a few rounds."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from partnering import validate
from partnering.cli import main

STEWARD = Path(__file__).parents[1] / "docs" / "_static" / "examples" / "steward.json"
BROKEN = '{\n  "schema_version": "1.0",\n  "title": “Ours”,\n}\n'
FIXED = '{\n  "schema_version": "1.0",\n  "title": "Ours"\n}\n'


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -- fix -----------------------------------------------------------------------------------


def test_fix_writes_in_place_and_shows_the_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The corrections are shown, written, and the file is then valid: status 0."""
    path = tmp_path / "ours.json"
    path.write_text(BROKEN, encoding="utf-8")
    status, out, err = run(capsys, "fix", "--color", "never", path)
    assert (status, err) == (0, "")
    assert path.read_text(encoding="utf-8") == FIXED
    assert '-  "title": “Ours”,\n+  "title": "Ours"\n' in out
    assert "2 corrections written to" in out
    assert "(1 text in typographic quotes, 1 trailing comma)" in out
    assert out.endswith("is valid (format 1.0)\n")


def test_fix_to_another_file_leaves_the_input_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With -o, the corrected text goes to OUT and FILE keeps every byte."""
    path, out_path = tmp_path / "ours.json", tmp_path / "fixed.json"
    path.write_text(BROKEN, encoding="utf-8")
    status, _, _ = run(capsys, "fix", path, "-o", out_path)
    assert status == 0
    assert path.read_text(encoding="utf-8") == BROKEN
    assert out_path.read_text(encoding="utf-8") == FIXED


def test_a_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--dry-run shows the diff and the verdict, and changes no file."""
    path, out_path = tmp_path / "ours.json", tmp_path / "fixed.json"
    path.write_text(BROKEN, encoding="utf-8")
    status, out, _ = run(capsys, "fix", "--dry-run", path, "-o", out_path)
    assert status == 0
    assert "(dry run: nothing written)" in out
    assert path.read_text(encoding="utf-8") == BROKEN
    assert not out_path.exists()


def test_issues_left_for_a_person_give_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A date fix cannot read is listed as validate lists it."""
    path = tmp_path / "event.json"
    path.write_text(
        '{"schema_version": "1.0", "events": [{"id": "e", "name": "E", '
        '"start_date": "01/03/2017", "end_date": "2017-03-02",}]}',
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "fix", "--color", "never", path)
    assert status == 1
    assert "error invalid-format at /events/*/start_date" in out
    assert "value: '01/03/2017'" in out


def test_a_missing_file_gives_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read: a message, no traceback, status 2."""
    status, out, err = run(capsys, "fix", tmp_path / "missing.json")
    assert (status, out) == (2, "")
    assert "no such file" in err


def test_a_write_that_fails_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output in a folder that does not exist: status 2, FILE as it was, nothing left."""
    path = tmp_path / "ours.json"
    path.write_text(BROKEN, encoding="utf-8")
    status, _, err = run(capsys, "fix", path, "-o", tmp_path / "missing" / "fixed.json")
    assert status == 2
    assert "cannot write" in err
    assert "is unchanged" in err
    assert path.read_text(encoding="utf-8") == BROKEN
    assert sorted(tmp_path.iterdir()) == [path]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_a_failed_write_leaves_the_file_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the folder cannot be written to, FILE is unchanged and the status is 2."""
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "ours.json"
    path.write_text(BROKEN, encoding="utf-8")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        status, _, err = run(capsys, "fix", path)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert status == 2
    assert "is unchanged" in err
    assert path.read_text(encoding="utf-8") == BROKEN
    assert sorted(folder.iterdir()) == [path]


# -- init ----------------------------------------------------------------------------------


def test_init_writes_a_valid_starter_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """dataset.json by default: one platform, two partners of two sectors, one partnership."""
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "init")
    assert status == 0
    assert out.startswith("wrote dataset.json")
    path = tmp_path / "dataset.json"
    assert validate(path).issues == ()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [len(data[name]) for name in ("platforms", "partners", "partnerships")] == [1, 2, 1]
    assert [p["organisation_type"] for p in data["partners"]] == ["10", "70"]  # public, private
    assert all(p["name"].startswith("Example ") for p in data["partners"])
    published = datetime.strptime(data["published_at"], "%Y-%m-%dT%H:%M:%SZ")
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    assert now - timedelta(minutes=5) < published <= now


def test_init_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing file is kept unless --force is given."""
    path = tmp_path / "mine.json"
    path.write_text("my own data", encoding="utf-8")
    status, _, err = run(capsys, "init", path)
    assert status == 2
    assert "--force" in err
    assert path.read_text(encoding="utf-8") == "my own data"
    status, _, _ = run(capsys, "init", "--force", path)
    assert status == 0
    assert validate(path).valid


# -- The steward's file --------------------------------------------------------------------


def _person_fixes(text: str) -> str:
    """What the steward changes by hand after fix, each change written out."""
    changes = [
        ('"organisaton_type": "10"', '"organisation_type": "10"'),
        ('"acronm": "VFL"', '"acronym": "VFL"'),
        (
            '"name": "Valley Foods Limited"',
            '"id": "valley-foods",\n      "name": "Valley Foods Limited"',
        ),
        ('"partner_id": "valley-food"', '"partner_id": "valley-foods"'),
        ('"start_date": "01/03/2017"', '"start_date": "2017-03-01"'),
        ('"end_date": "14/04/2014"', '"end_date": "2014-04-14"'),
    ]
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_the_stewards_file_is_valid_after_two_rounds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Round 1: validate, fix, the person's changes; round 2: validate says valid."""
    path = tmp_path / "steward.json"
    path.write_bytes(STEWARD.read_bytes())
    # Round 1: every syntax error at once, then fix, then what is left for the person.
    assert [issue.code for issue in validate(path).issues] == ["json-syntax"] * 4
    status, _, _ = run(capsys, "fix", path)
    assert status == 1
    left = sorted((issue.code, issue.pointer) for issue in validate(path).issues)
    assert left == [
        ("dangling-reference", "/partnerships/0/participants/2/partner_id"),
        ("invalid-format", "/events/0/end_date"),
        ("invalid-format", "/partnerships/0/start_date"),
        ("missing-field", "/partners/1/organisation_type"),
        ("missing-field", "/partners/2/id"),
        ("unknown-field", "/partners/1/organisaton_type"),
        ("unknown-field", "/partners/2/acronm"),
    ]
    path.write_text(_person_fixes(path.read_text(encoding="utf-8")), encoding="utf-8")
    # Round 2.
    assert validate(path).issues == ()
    status, out, _ = run(capsys, "fix", path)
    assert status == 0
    assert out.startswith("nothing to correct mechanically")


@pytest.mark.parametrize("name", ["partners.xlsx", "csv"])
def test_a_workbook_or_csv_folder_is_sent_to_convert_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    source = tmp_path / name
    if name == "csv":
        source.mkdir()
    else:
        source.write_bytes(b"PK\x03\x04")
    status, out, err = run(capsys, "fix", source)
    assert (status, out) == (2, "")
    target = source.with_suffix(".json")
    assert err == (
        f"partnering: {source} is a workbook or a folder of CSV files; fix corrects exchange "
        f"files: run 'partnering convert {source} {target}', then fix {target}\n"
    )
    assert not target.exists()
