"""Versions of the format as a mechanism: each file is checked, loaded and written in its own.

Version 1.0 stays exactly as it was released; 1.1 only adds. A file is checked against the
version it declares, a version this release does not read gets one issue, and a dataset is
written in an older version only when that version can hold it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from jsonschema import Draft202012Validator

import partnering
from partnering import Dataset, FormatVersionError, dumps, loads, validate
from partnering._versions import unheld
from partnering.cli import main
from partnering.schemas import get_schema
from partnering.strategies import datasets


def unheld_1_0(dataset: Dataset) -> list[tuple[str | int, ...]]:
    return unheld(dataset, "1.0")


# -- checking and loading ------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_a_file_is_checked_against_the_version_it_declares(version: str) -> None:
    report = validate(json.dumps({"schema_version": version, "title": "Mine"}))
    assert (report.valid, report.schema_version) == (True, version)


@pytest.mark.parametrize("version", ["1.2", "2.0", "1", "1.0.0", ""])
def test_an_unknown_version_gets_one_issue_naming_the_versions_read(version: str) -> None:
    document = {"schema_version": version, "title": 5, "partners": [{"id": "?"}]}
    issues = validate(document).issues
    assert [(issue.code, issue.pointer) for issue in issues] == [
        ("unsupported-version", "/schema_version")
    ]
    assert "reads versions 1.0 and 1.1 of the format" in issues[0].message


def test_a_file_without_a_version_is_checked_against_the_newest() -> None:
    report = validate({"title": "Mine"})
    assert [issue.code for issue in report.issues] == ["missing-field"]
    assert report.schema_version == "1.1"
    assert (
        report.issues[0].hint == 'Add "schema_version": "1.1" to the top-level object of the file.'
    )


def test_a_1_0_file_loads_into_the_current_models_and_keeps_its_version() -> None:
    dataset = loads('{"schema_version": "1.0", "title": "Old"}')
    assert dataset == Dataset(schema_version="1.0", title="Old")
    assert dumps(dataset).splitlines()[1] == '  "schema_version": "1.0",'


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_each_engine_checks_a_file_against_its_version(engine: partnering.Engine) -> None:
    validator = partnering.Validator(engine=engine)
    for version in ("1.0", "1.1"):
        report = validator.validate({"schema_version": version, "title": ""})
        assert [issue.code for issue in report.issues] == ["empty-text"]
        assert report.schema_version == version


def test_validate_says_which_version_a_file_was_checked_against(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    new = tmp_path / "new.json"
    new.write_text('{"schema_version": "1.1"}', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "partnering", "validate", str(old), str(new)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "(format 1.0)" in result.stdout
    assert "(format 1.1)" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "partnering", "validate", "--format", "json", str(old)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(result.stdout)["files"][0]["schema_version"] == "1.0"


def test_each_version_has_its_own_schema_and_id() -> None:
    old, new = get_schema(version="1.0"), get_schema(version="1.1")
    assert old["$id"] == "https://partnering.dev/schemas/1.0/dataset.schema.json"
    assert new["$id"] == "https://partnering.dev/schemas/1.1/dataset.schema.json"
    assert old["properties"]["schema_version"]["pattern"] == "^1[.]0$"
    assert new["properties"]["schema_version"]["pattern"] == "^1[.]1$"


# -- writing a version ----------------------------------------------------------------------


def test_dumps_writes_the_version_asked_for() -> None:
    dataset = Dataset(title="Mine")
    assert json.loads(dumps(dataset))["schema_version"] == "1.1"
    assert json.loads(dumps(dataset, version="1.0"))["schema_version"] == "1.0"
    assert json.loads(dumps(Dataset(schema_version="1.0"), version="1.1")) == {
        "schema_version": "1.1"
    }


@pytest.mark.parametrize("version", ["0.9", "1.2", "2.0", "1"])
def test_dumps_refuses_a_version_it_does_not_write(version: str) -> None:
    with pytest.raises(FormatVersionError, match=r"it writes 1\.0, 1\.1") as raised:
        dumps(Dataset(), version=version)
    assert raised.value.paths == ()


def test_dump_refuses_without_writing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(FormatVersionError):
        partnering.dump(Dataset(), target, version="2.0")
    assert not target.exists()


# -- upgrade ---------------------------------------------------------------------------------


def test_upgrade_prints_the_file_in_the_newest_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "old.json"
    text = '{"schema_version": "1.0", "title": "Old"}'
    source.write_text(text, encoding="utf-8")
    assert main(["upgrade", str(source)]) == 0
    assert json.loads(capsys.readouterr().out) == {"schema_version": "1.1", "title": "Old"}
    assert source.read_text(encoding="utf-8") == text


def test_upgrade_writes_out_and_leaves_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "old.json", tmp_path / "new.json"
    text = '{"schema_version": "1.0", "title": "Old"}'
    source.write_text(text, encoding="utf-8")
    assert main(["upgrade", str(source), "-o", str(target)]) == 0
    assert "format 1.0 upgraded to 1.1" in capsys.readouterr().out
    assert source.read_text(encoding="utf-8") == text
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == "1.1"


def test_upgrade_rewrites_the_input_only_when_asked(tmp_path: Path) -> None:
    source = tmp_path / "old.json"
    source.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    assert main(["upgrade", str(source), "-o", str(source)]) == 0
    assert source.read_text(encoding="utf-8") == '{\n  "schema_version": "1.1"\n}\n'


def test_upgrade_refuses_a_file_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "old.json", tmp_path / "new.json"
    source.write_text('{"schema_version": "1.0", "title": ""}', encoding="utf-8")
    assert main(["upgrade", str(source), "-o", str(target)]) == 1
    captured = capsys.readouterr()
    assert "empty-text" in captured.err
    assert "nothing was written" in captured.err
    assert not target.exists()


def test_upgrade_of_a_file_that_cannot_be_read_is_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["upgrade", str(tmp_path / "missing.json")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_upgrade_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["upgrade", "--help"]) == 0
    assert "FILE is never changed unless OUT names it" in capsys.readouterr().out


# -- the policy, as properties ----------------------------------------------------------------

TODAY = date(2026, 1, 1)
_OLD_SCHEMA = Draft202012Validator(get_schema(version="1.0"))


def _as_version(data: dict[str, Any], version: str) -> dict[str, Any]:
    return {**data, "schema_version": version}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_size=2, today=TODAY, version="1.0"))
def test_an_upgraded_1_0_dataset_is_a_valid_1_1_file_with_the_same_meaning(
    dataset: Dataset,
) -> None:
    assert dataset.schema_version == "1.0"
    old_text = dumps(dataset)
    assert _OLD_SCHEMA.is_valid(json.loads(old_text))
    assert validate(old_text, today=TODAY).valid
    upgraded = loads(old_text)
    new_text = dumps(upgraded, version="1.1")
    report = validate(new_text, today=TODAY)
    assert report.valid
    assert report.schema_version == "1.1"
    # The same meaning: the same records and values, only the version differs.
    assert loads(new_text) == attrs.evolve(upgraded, schema_version="1.1")
    assert json.loads(new_text) == _as_version(json.loads(old_text), "1.1")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_size=2, consistent=False))
def test_dumps_in_1_0_refuses_exactly_what_the_1_0_schema_refuses(dataset: Dataset) -> None:
    # The oracle is the published 1.0 schema itself, not the code under test. The datasets
    # are drawn free, so the rules across records may refuse them: only the version is tested.
    data = json.loads(dumps(dataset, version="1.1", check=False))
    fits = _OLD_SCHEMA.is_valid(_as_version(data, "1.0"))
    if fits:
        written = dumps(dataset, version="1.0", check=False)
        assert json.loads(written) == _as_version(data, "1.0")
    else:
        with pytest.raises(FormatVersionError) as refused:
            dumps(dataset, version="1.0", check=False)
        assert refused.value.paths


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_size=2, today=TODAY))
def test_a_1_1_dataset_round_trips(dataset: Dataset) -> None:
    text = dumps(dataset)
    assert validate(text, today=TODAY).issues == ()
    assert loads(text) == dataset


def test_the_strategies_draw_the_fields_of_1_1() -> None:
    # Found by search, so the strategies can reach them: a drawn 1.1 file uses 1.1 fields.

    # The first example found is enough: shrinking a dataset would take minutes.
    found = find(
        datasets(max_size=2, consistent=False),
        lambda d: bool(unheld_1_0(d)),
        settings=settings(max_examples=1000, phases=[Phase.generate], database=None),
    )
    assert unheld_1_0(found)


def test_a_field_of_1_1_in_a_1_0_file_is_unknown_with_a_hint_to_declare_1_1() -> None:
    platform = {"id": "p", "name": "P", "scope": "national", "hosting_model": "other"}
    document = {
        "schema_version": "1.0",
        "platforms": [{**platform, "countries": ["CA"], "subdivisions": ["CA-AB"]}],
    }
    (issue,) = validate(document).issues
    assert (issue.code, issue.pointer) == ("unknown-field", "/platforms/0/subdivisions")
    assert issue.hint == (
        "'subdivisions' is a field of version 1.1 of the format: declare "
        '"schema_version": "1.1" to use it.'
    )
    # Declared 1.1, the same file is valid.
    assert validate({**document, "schema_version": "1.1"}).issues == ()


def test_dumps_in_1_0_names_every_field_1_0_cannot_hold() -> None:
    platform = partnering.Platform(
        id="p",
        name="P",
        scope=partnering.PlatformScope.NATIONAL,
        hosting_model=partnering.HostingModel.OTHER,
        countries=("CA",),
        subdivisions=("CA-AB",),
    )
    rating = partnering.BuildingBlockRating(
        building_block_id="b", rating=partnering.Rating.GREEN, respondent="r1"
    )
    assessment = partnering.Assessment(
        id="a",
        platform_id="p",
        framework_id="f",
        assessed_on=date(2024, 1, 1),
        ratings=(rating,),
    )
    other = attrs.evolve(platform, id="q")
    framework = partnering.Framework(id="f", name="F")
    block = partnering.BuildingBlock(id="b", framework_id="f", name="B", description="B.")
    respondent = partnering.Respondent(key="r1", sector=partnering.Sector.PUBLIC)
    assessment = attrs.evolve(assessment, respondents=(respondent,))
    dataset = Dataset(
        platforms=(platform, other),
        frameworks=(framework,),
        building_blocks=(block,),
        assessments=(assessment,),
    )
    with pytest.raises(FormatVersionError) as refused:
        dumps(dataset, version="1.0")
    assert refused.value.pointers == (
        "/platforms/0/subdivisions",
        "/platforms/1/subdivisions",
        "/assessments/0/ratings/0/respondent",
        "/assessments/0/respondents",
    )
    assert str(refused.value) == (
        "version 1.0 of the format cannot hold what this dataset has at "
        "/platforms/*/subdivisions (2 values), /assessments/*/ratings/*/respondent, "
        "/assessments/*/respondents; "
        "write version 1.1, or leave these out"
    )
    # The same dataset is written in 1.1, and read back whole.
    assert loads(dumps(dataset)) == dataset
