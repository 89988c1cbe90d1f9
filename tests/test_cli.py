"""The ``partnering`` command: statuses, output and safety, in-process and as a real process."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path
from typing import Any, cast

import pytest
from jsonschema import Draft202012Validator

import partnering
from partnering import OrganisationType, example_path, get_schema, sector_of, validate
from partnering.cli import main
from partnering.cli._main import COMMANDS
from partnering.cli._parser import build_parser
from partnering.cli._summary import Brokered, Summary, render_summary, summarise
from partnering.schemas import schema_text

ESC = "\x1b"
FIXTURES = Path(__file__).parent / "fixtures"

MISSING_NAMES = {
    "schema_version": "1.0",
    "partners": [
        {"id": "a", "organisation_type": "21"},
        {"id": "b", "organisation_type": "21"},
        {"id": "c", "organisation_type": "21"},
    ],
}
WARNING_ONLY = {
    "schema_version": "1.0",
    "partners": [{"id": "tpi", "name": "TPI", "organisation_type": "70", "sector": "public"}],
}
EVIL_KEY = '{"schema_version": "1.0", "\\u001b[31mevil": 1}'


def write(folder: Path, name: str, document: dict[str, Any] | str) -> Path:
    path = folder / name
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_process(
    *args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "partnering", *map(str, args)],
        input=stdin.decode("utf-8", errors="surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def sections(text: str) -> dict[str, dict[str, int]]:
    """Read the tables of ``summary`` back: each header, then its names and counts."""
    found: dict[str, dict[str, int]] = {}
    current: dict[str, int] | None = None
    for line in text.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            current = found.setdefault(line[:-1], {})
        elif line == "  (none)" and current is not None:
            continue  # an empty section
        elif line.startswith("  ") and current is not None:
            name, count = line.strip().rsplit(maxsplit=1)
            current[name.strip()] = int(count)
        else:
            current = None
    return found


# validate: verdicts and exit statuses


def test_validate_without_file_checks_the_bundled_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With no file, validate checks the bundled example, which is valid."""
    status, out, err = run(capsys, "validate")
    assert status == 0
    assert out.splitlines()[0].endswith(
        "bundled example (platforms-2014.json) is valid (format 1.1)"
    )
    assert err == ""


def test_validate_reports_groups_with_pointer_message_and_hint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file with errors exits 1 and shows each group, its examples and their hints."""
    path = write(tmp_path, "bad.json", MISSING_NAMES)
    first = validate(path).issues[0]
    status, out, _ = run(capsys, "validate", path)
    assert status == 1
    lines = out.splitlines()
    assert lines[0].endswith(f"{path} is not valid: 3 errors (format 1.0)")
    assert "error missing-field at /partners/*/name (3 times)" in lines
    # json.dumps writes the file on one line: the first partner's brace is its 40th character.
    assert f"  line 1, column 40: partner 'a' (/partners/0/name): {first.message}" in lines
    assert f"    hint: {first.hint}" in lines


def test_validate_shows_line_and_column_of_parse_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file that is not JSON is a finding (exit 1) located by line and column."""
    path = write(tmp_path, "broken.json", '{"schema_version": "1.0",}')
    status, out, err = run(capsys, "validate", path)
    assert status == 1
    assert "error json-syntax" in out.splitlines()
    assert "  line 1, column 25: " in out
    assert err == ""


def test_validate_shows_at_most_three_examples_per_group(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Text output keeps three examples of a group and counts the rest."""
    partners = [{"id": f"p{n}", "organisation_type": "21"} for n in range(5)]
    path = write(tmp_path, "bad.json", {"schema_version": "1.0", "partners": partners})
    status, out, _ = run(capsys, "validate", path)
    assert status == 1
    assert "error missing-field at /partners/*/name (5 times)" in out
    assert out.count("hint: ") == 3
    assert "and 2 more" in out


def test_validate_counts_by_code_when_there_are_several_groups(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Several groups end with the counts by code."""
    path = write(tmp_path, "bad.json", {**MISSING_NAMES, "title": 5})
    _, out, _ = run(capsys, "validate", path)
    tail = out.split("issues by code:\n")[1].splitlines()
    assert [line.split() for line in tail] == [["missing-field", "3"], ["wrong-type", "1"]]


def test_validate_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that does not exist is a read error: exit 2 and a message on stderr."""
    status, out, err = run(capsys, "validate", tmp_path / "missing.json")
    assert status == 2
    assert out == ""
    assert err.startswith("partnering: cannot read ")
    assert "no such file" in err


def test_validate_directory_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A directory is a read error: exit 2."""
    status, _, err = run(capsys, "validate", tmp_path)
    assert status == 2
    assert "it is a directory" in err


def test_validate_read_error_wins_over_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """When one file has findings and another cannot be read, the status is 2."""
    bad = write(tmp_path, "bad.json", MISSING_NAMES)
    status, out, err = run(capsys, "validate", bad, tmp_path / "missing.json")
    assert status == 2
    assert "is not valid" in out
    assert "no such file" in err


def test_validate_several_files_reports_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With one good file and one bad, the status is 1 and both are reported."""
    good = write(tmp_path, "good.json", {"schema_version": "1.0", "title": "Mine"})
    bad = write(tmp_path, "bad.json", MISSING_NAMES)
    status, out, _ = run(capsys, "validate", good, bad)
    assert status == 1
    assert f"{good} is valid (format 1.0)" in out
    assert f"{bad} is not valid: 3 errors (format 1.0)" in out
    assert out.splitlines()[-1] == "2 files checked: 1 valid, 1 not valid"


def test_validate_fail_on_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file with only warnings passes by default and fails with --fail-on warning."""
    path = write(tmp_path, "warned.json", WARNING_ONLY)
    status, out, _ = run(capsys, "validate", path)
    assert status == 0
    assert f"{path} is valid, with 1 warning (format 1.0)" in out
    assert "warning sector-contradicts-type at /partners/*/sector" in out
    status, out, _ = run(capsys, "validate", "--fail-on", "warning", path)
    assert status == 1
    assert f"{path} is valid but fails on warnings: 1 warning (format 1.0)" in out


def test_validate_max_issues_in_text_keeps_exact_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--max-issues shows fewer examples, but the counts stay exact."""
    path = write(tmp_path, "bad.json", {**MISSING_NAMES, "title": 5})
    status, out, _ = run(capsys, "validate", "--max-issues", "1", path)
    assert status == 1
    assert "is not valid: 4 errors" in out
    assert out.count("hint: ") == 1
    assert "1 more issue of 1 other kind not shown (--max-issues 1)" in out
    assert "missing-field  3" in out


def test_validate_quiet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--quiet prints nothing on success, and only the verdict of a failing file."""
    good = write(tmp_path, "good.json", {"schema_version": "1.0"})
    bad = write(tmp_path, "bad.json", MISSING_NAMES)
    assert run(capsys, "validate", "--quiet", good) == (0, "", "")
    status, out, _ = run(capsys, "validate", "--quiet", good, bad)
    assert status == 1
    assert out.splitlines() == [f"✗ {bad} is not valid: 3 errors (format 1.0)"]


def test_validate_reads_standard_input() -> None:
    """'-' reads the document from standard input."""
    good = run_process("validate", "-", stdin=b'{"schema_version": "1.0"}')
    assert good.returncode == 0
    assert "<stdin> is valid (format 1.0)" in good.stdout
    bad = run_process("validate", "-", stdin=json.dumps(MISSING_NAMES).encode())
    assert bad.returncode == 1
    assert "<stdin> is not valid: 3 errors" in bad.stdout
    # What standard input held is placed as a file is: the first partner's brace is at 40.
    assert "  line 1, column 40: partner 'a' (/partners/0/name): " in bad.stdout


def test_closed_standard_input_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no standard input at all, validate and summary of '-' say so and exit 2."""
    monkeypatch.setattr(sys, "stdin", None)
    expected = "partnering: cannot read standard input: it is closed\n"
    assert run(capsys, "validate", "-") == (2, "", expected)
    assert run(capsys, "summary", "-") == (2, "", expected)


# validate: JSON output


def report_validator() -> Draft202012Validator:
    schema = get_schema("report")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_json_output_follows_the_report_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """JSON output is one document, valid against the shipped report schema, with exact counts."""
    good = write(tmp_path, "good.json", {"schema_version": "1.0"})
    bad = write(tmp_path, "bad.json", {**MISSING_NAMES, "title": 5})
    status, out, _ = run(capsys, "validate", "--format", "json", good, bad)
    assert status == 1
    document = json.loads(out)
    report_validator().validate(document)
    assert document["format_version"] == "1.1"
    assert document["partnering_version"] == version("partnering")
    assert document["valid"] is False
    first, second = document["files"]
    assert first == {
        "source": str(good),
        "schema_version": "1.0",
        "valid": True,
        "counts": {"error": 0, "warning": 0},
        "counts_by_code": {},
        "issues": [],
        "truncated": False,
    }
    assert second["counts"] == {"error": 4, "warning": 0}
    assert second["counts_by_code"] == {"missing-field": 3, "wrong-type": 1}
    assert len(second["issues"]) == 4
    assert second["truncated"] is False
    assert second["issues"][0]["path"] == ["partners", 0, "name"]
    assert second["issues"][0]["pointer"] == "/partners/0/name"


def test_json_output_of_parse_and_read_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Parse errors carry line and column; unreadable files are listed with a read-error."""
    broken = write(tmp_path, "broken.json", '{"schema_version": "1.0",}')
    status, out, _ = run(capsys, "validate", "--format", "json", broken, tmp_path / "no.json")
    assert status == 2
    document = json.loads(out)
    report_validator().validate(document)
    parse, read = (entry["issues"][0] for entry in document["files"])
    assert (parse["code"], parse["line"], parse["column"]) == ("json-syntax", 1, 25)
    assert read["code"] == "read-error"


def test_json_max_issues_truncates_but_keeps_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--max-issues 1 lists one issue, keeps exact counts and says it truncated."""
    path = write(tmp_path, "bad.json", MISSING_NAMES)
    status, out, _ = run(capsys, "validate", "--format", "json", "--max-issues", "1", path)
    assert status == 1
    document = json.loads(out)
    report_validator().validate(document)
    (entry,) = document["files"]
    assert len(entry["issues"]) == 1
    assert entry["counts"] == {"error": 3, "warning": 0}
    assert entry["counts_by_code"] == {"missing-field": 3}
    assert entry["truncated"] is True


def test_json_output_is_written_exactly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The JSON report's text: key order, indentation, nulls, and a newline at the end."""
    path = write(tmp_path, "bad.json", MISSING_NAMES)
    first = validate(path).issues[0]
    status, out, _ = run(capsys, "validate", "--format", "json", "--max-issues", "1", path)
    assert status == 1
    assert out == (
        "{\n"
        '  "format_version": "1.1",\n'
        f'  "partnering_version": {json.dumps(version("partnering"))},\n'
        '  "valid": false,\n'
        '  "files": [\n'
        "    {\n"
        f'      "source": {json.dumps(str(path))},\n'
        '      "schema_version": "1.0",\n'
        '      "valid": false,\n'
        '      "counts": {\n'
        '        "error": 3,\n'
        '        "warning": 0\n'
        "      },\n"
        '      "counts_by_code": {\n'
        '        "missing-field": 3\n'
        "      },\n"
        '      "issues": [\n'
        "        {\n"
        '          "code": "missing-field",\n'
        '          "severity": "error",\n'
        '          "pointer": "/partners/0/name",\n'
        '          "path": [\n'
        '            "partners",\n'
        "            0,\n"
        '            "name"\n'
        "          ],\n"
        f'          "message": {json.dumps(first.message)},\n'
        f'          "hint": {json.dumps(first.hint)},\n'
        '          "excerpt": null,\n'
        '          "line": 1,\n'
        '          "column": 40,\n'
        '          "record": "partner \'a\'",\n'
        '          "cell": null\n'
        "        }\n"
        "      ],\n"
        '      "truncated": true\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_json_output_of_every_kind_of_input_follows_the_report_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Valid, invalid, warned, unparsable, unreadable and hostile files give valid reports."""
    files = [
        write(tmp_path, "good.json", {"schema_version": "1.0"}),
        write(tmp_path, "bad.json", {**MISSING_NAMES, "title": 5}),
        write(tmp_path, "warned.json", WARNING_ONLY),
        write(tmp_path, "broken.json", '{"schema_version": "1.0",}'),
        write(tmp_path, "evil.json", EVIL_KEY),
        tmp_path / "missing.json",
        tmp_path,
        *sorted(FIXTURES.glob("*/*.json")),
    ]
    for max_issues in ([], ["--max-issues", "0"], ["--max-issues", "2"]):
        status, out, _ = run(capsys, "validate", "--format", "json", *max_issues, *files)
        assert status == 2
        document = json.loads(out)
        report_validator().validate(document)
        assert [entry["source"] for entry in document["files"]] == [str(path) for path in files]


# validate: nothing raw from the input reaches the terminal


@pytest.mark.parametrize("output", ["text", "json"])
def test_escape_sequences_in_keys_are_never_printed_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, output: str
) -> None:
    """A key holding a terminal escape sequence comes out escaped, in text and in JSON."""
    path = write(tmp_path, "evil.json", EVIL_KEY)
    status, out, err = run(capsys, "validate", "--format", output, "--color", "never", path)
    assert status == 1
    assert ESC not in out
    assert ESC not in err
    assert "\\u001b[31mevil" in out
    if output == "json":
        assert json.loads(out)["files"][0]["issues"][0]["path"] == [f"{ESC}[31mevil"]


def test_escape_sequences_in_file_names_are_never_printed_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file name holding an escape sequence is escaped in the verdict and in errors."""
    path = write(tmp_path, f"{ESC}[2Jreport.json", MISSING_NAMES)
    status, out, err = run(capsys, "validate", path, tmp_path / f"{ESC}]0;title{ESC}\\.json")
    assert status == 2
    assert ESC not in out
    assert ESC not in err
    assert "\\u001b[2Jreport.json is not valid" in out


# validate: colour and progress


def test_color_always_and_never(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--color always colours the text; --color never and the default off a terminal do not."""
    path = write(tmp_path, "bad.json", MISSING_NAMES)
    _, coloured, _ = run(capsys, "validate", "--color", "always", path)
    assert f"{ESC}[1;31merror{ESC}[0m" in coloured
    _, plain, _ = run(capsys, "validate", "--color", "never", path)
    assert ESC not in plain
    _, default, _ = run(capsys, "validate", path)
    assert ESC not in default


def test_color_auto_follows_the_terminal_and_no_color(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Colour is on by default on a terminal, unless NO_COLOR is set."""
    path = write(tmp_path, "bad.json", MISSING_NAMES)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    _, out, _ = run(capsys, "validate", path)
    assert ESC in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "validate", path)
    assert ESC not in out


def test_progress_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More than five files show progress on a terminal's stderr, and nothing otherwise."""
    files = [write(tmp_path, f"f{n}.json", {"schema_version": "1.0"}) for n in range(6)]
    status, _, err = run(capsys, "validate", *files)
    assert status == 0
    assert err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status, _, err = run(capsys, "validate", *files)
    assert status == 0
    assert "\rchecking 6/6: " in err
    assert err.endswith("\r")


# summary


def test_summary_of_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Summary counts records, platforms and partners as the example file has them."""
    data = json.loads(example_path().read_text(encoding="utf-8"))
    status, out, err = run(capsys, "summary")
    assert status == 0
    assert err == ""
    tables = sections(out)
    records = tables["records"]
    for name in ("platforms", "partners", "partnerships", "challenges", "building_blocks"):
        assert records[name.replace("_", " ")] == len(data.get(name, []))
    countries = Counter(code for p in data["platforms"] for code in p.get("countries", []))
    assert {k: v for k, v in tables["platforms by country"].items() if k != "(no country)"} == (
        dict(countries)
    )
    assert tables["platforms by scope"] == dict(Counter(p["scope"] for p in data["platforms"]))
    sectors = Counter(
        p.get("sector") or sector_of(OrganisationType(p["organisation_type"])).value
        for p in data["partners"]
    )
    assert tables["partners by sector"] == dict(sectors)
    assert sum(tables["partnerships by platform"].values()) == len(data["partnerships"])


def test_summary_of_an_invalid_file_reports_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Summary of an invalid file prints its validation report to stderr and exits 1."""
    path = write(tmp_path, "bad.json", MISSING_NAMES)
    status, out, err = run(capsys, "summary", path)
    assert status == 1
    assert out == ""
    assert f"{path} is not valid: 3 errors" in err
    assert "error missing-field at /partners/*/name (3 times)" in err


def test_summary_of_a_file_that_is_not_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Summary of a file that does not parse says where, and exits 1."""
    path = write(tmp_path, "broken.json", "{")
    status, _, err = run(capsys, "summary", path)
    assert status == 1
    assert "is not valid: 1 error" in err


def test_summary_of_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Summary of a file that cannot be read exits 2."""
    status, _, err = run(capsys, "summary", tmp_path / "missing.json")
    assert status == 2
    assert "no such file" in err


def platform(id_: str, name: str, scope: str, *countries: str) -> dict[str, Any]:
    found = {"id": id_, "name": name, "scope": scope, "hosting_model": "government_led"}
    return {**found, "countries": list(countries)} if countries else found


def partnership(id_: str, platform_id: str | None) -> dict[str, Any]:
    participants = [{"partner_id": "tpi"}, {"partner_id": "gov"}]
    found = {"id": id_, "title": id_, "participants": participants}
    return {**found, "platform_id": platform_id} if platform_id else found


THREE_PLATFORMS = {
    "schema_version": "1.0",
    "title": "Three platforms",
    "platforms": [
        platform("ke", "Kenya platform", "national", "KE"),
        platform("ea", "East Africa platform", "regional", "TZ", "KE"),
        platform("world", "World platform", "global"),
    ],
    "partners": [
        {"id": "tpi", "name": "TPI", "organisation_type": "21"},
        {"id": "gov", "name": "Government", "organisation_type": "10"},
        {"id": "ngo", "name": "NGO", "organisation_type": "10", "sector": "civil_society"},
    ],
    "partnerships": [
        partnership("a", "ea"),
        partnership("b", "ke"),
        partnership("c", "ea"),
        partnership("d", None),
    ],
}

#: The entity lists of a dataset, in the order the format lists them.
LISTS = [
    "platforms",
    "partners",
    "partnerships",
    "challenges",
    "solutions",
    "frameworks",
    "building_blocks",
    "assessments",
    "events",
    "communities",
]


def test_summary_is_data_first() -> None:
    """summarise() counts records, countries, scopes, sectors and platforms as data."""
    dataset = partnering.loads(json.dumps(THREE_PLATFORMS))
    assert summarise(dataset) == Summary(
        title="Three platforms",
        schema_version="1.0",
        records=tuple(
            (name, {"platforms": 3, "partners": 3, "partnerships": 4}.get(name, 0))
            for name in LISTS
        ),
        platforms_by_country=(("KE", 2), ("TZ", 1)),
        platforms_without_country=1,
        platforms_by_scope=(("national", 1), ("regional", 1), ("global", 1)),
        partners_by_sector=(("public", 1), ("civil_society", 2)),
        partnerships_by_platform=(
            Brokered(id="ke", name="Kenya platform", count=1),
            Brokered(id="ea", name="East Africa platform", count=2),
        ),
        partnerships_without_platform=1,
    )


def test_summary_text_lays_the_data_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The summary command prints the counts as aligned tables, in a fixed order."""
    path = write(tmp_path, "three.json", THREE_PLATFORMS)
    status, out, err = run(capsys, "summary", path)
    assert (status, err) == (0, "")
    assert out == (
        "Three platforms\n"
        f"{path}, format 1.0\n"
        "\n"
        "records:\n"
        "  platforms        3\n"
        "  partners         3\n"
        "  partnerships     4\n"
        "  challenges       0\n"
        "  solutions        0\n"
        "  frameworks       0\n"
        "  building blocks  0\n"
        "  assessments      0\n"
        "  events           0\n"
        "  communities      0\n"
        "\n"
        "platforms by country:\n"
        "  KE            2\n"
        "  TZ            1\n"
        "  (no country)  1\n"
        "\n"
        "platforms by scope:\n"
        "  national  1\n"
        "  regional  1\n"
        "  global    1\n"
        "\n"
        "partners by sector:\n"
        "  public         1\n"
        "  civil_society  2\n"
        "\n"
        "partnerships by platform:\n"
        "  Kenya platform        1\n"
        "  East Africa platform  2\n"
        "  (no platform)         1\n"
    )


def test_summary_names_an_unknown_platform_and_escapes_names() -> None:
    """A platform id that names nothing, and control characters, are shown escaped."""
    summary = Summary(
        title=f"{ESC}[2J",
        schema_version="1.0",
        records=(),
        platforms_by_country=(),
        platforms_without_country=0,
        platforms_by_scope=(),
        partners_by_sector=(),
        partnerships_by_platform=(
            Brokered(id="ke", name=f"Kenya{ESC}[31m", count=1),
            Brokered(id=f"gone{ESC}", name=None, count=2),
        ),
        partnerships_without_platform=0,
    )
    text = render_summary(summary, f"file{ESC}.json")
    assert ESC not in text
    lines = text.splitlines()
    assert lines[:2] == ["\\u001b[2J", "file\\u001b.json, format 1.0"]
    assert lines[-3:] == [
        "partnerships by platform:",
        "  Kenya\\u001b[31m" + " " * 19 + "1",
        "  (unknown platform 'gone\\\\u001b')  2",
    ]


# schema, version, help, usage


@pytest.mark.parametrize("name", ["dataset", "report"])
def test_schema_prints_the_shipped_text(capsys: pytest.CaptureFixture[str], name: str) -> None:
    """The schema command prints the bundled schema exactly as shipped."""
    status, out, _ = run(capsys, "schema", "--name", name)
    assert status == 0
    assert out == schema_text(name)
    assert json.loads(out) == get_schema(name)


def test_schema_defaults_to_the_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --name, the schema command prints the schema of exchange files."""
    _, out, _ = run(capsys, "schema")
    assert json.loads(out) == get_schema()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version names the library's and the format's versions."""
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out == f"partnering {version('partnering')} (interchange format 1.1)\n"


@pytest.mark.parametrize("command", [[], ["validate"], ["summary"], ["schema"]])
def test_help(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """Every command has help, with examples."""
    status, out, _ = run(capsys, *command, "--help")
    assert status == 0
    assert out.startswith(f"usage: {' '.join(['partnering', *command])}")
    assert "examples:" in out


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["validate", "--format", "xml"],
        ["validate", "--max-issues", "-1"],
        ["validate", "--max-issues", "many"],
        ["schema", "--name", "other"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    """Usage errors exit 2 with a message on stderr."""
    status, _, err = run(capsys, *args)
    assert status == 2
    assert "usage: partnering" in err


# internal errors


def test_internal_error_exits_3_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error is one line on stderr and status 3; --debug adds the traceback."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(partnering.validation, "validate", broken)
    status, _, err = run(capsys, "validate")
    assert status == 3
    assert err == (
        "partnering: internal error: RuntimeError: boom (run with --debug for details)\n"
    )
    status, _, err = run(capsys, "validate", "--debug")
    assert status == 3
    assert "Traceback (most recent call last)" in err
    assert "RuntimeError: boom" in err


# the real entry point


def test_python_m_partnering_validates_the_example() -> None:
    """``python -m partnering`` runs the command."""
    result = run_process("validate")
    assert result.returncode == 0
    assert "is valid (format 1.1)" in result.stdout
    assert result.stderr == ""


def test_console_script() -> None:
    """The installed ``partnering`` script runs the command."""
    script = Path(sys.executable).parent / ("partnering.exe" if os.name == "nt" else "partnering")
    if not script.exists():
        pytest.skip("the console script is not installed next to this interpreter")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("partnering ")


def test_process_never_shows_a_traceback(tmp_path: Path) -> None:
    """Hostile input gives findings and exit statuses, never a traceback."""
    garbage = write(tmp_path, "garbage.json", "")
    garbage.write_bytes(b"\xff\xfe\x00{\x1b[31m" * 100)
    result = run_process("validate", garbage, tmp_path, "-", stdin=b"[" * 100_000)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert ESC not in result.stdout + result.stderr


def test_process_internal_error_exits_3() -> None:
    """In a real process, an internal error exits 3 with one line and no traceback."""
    code = (
        "import partnering.validation as v\n"
        "def broken(*a, **k): raise ValueError('bad \\x1b[31m state')\n"
        "v.validate = broken\n"
        "from partnering.cli import main\n"
        "raise SystemExit(main(['validate']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 3
    assert result.stderr == (
        "partnering: internal error: ValueError: bad \\u001b[31m state "
        "(run with --debug for details)\n"
    )


def test_output_survives_an_ascii_terminal(tmp_path: Path) -> None:
    """On an ASCII-only stream, characters it cannot show are escaped, not a crash."""
    path = write(tmp_path, "naïve.json", {"schema_version": "1.0", "naïve": 1})
    result = run_process("validate", path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.isascii()
    assert "is not valid: 1 error" in result.stdout


def test_importing_the_cli_loads_no_command() -> None:
    """Importing the command line loads none of what its commands need."""
    code = (
        "import json, sys, partnering\n"
        "before = set(sys.modules)\n"
        "import partnering.cli\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = [name for name in json.loads(result.stdout) if name.startswith("partnering")]
    assert loaded == [
        "partnering._format",  # the versions the schema command offers: constants only
        "partnering.cli",
        "partnering.cli._analysis_parser",  # the parsers of plan, stats, graph, report: argparse
        "partnering.cli._file_commands",  # the parsers of fix and init: argparse only
        "partnering.cli._import_parser",  # the parser of import: argparse only
        "partnering.cli._main",
        "partnering.cli._parser",
        "partnering.cli._sheet_parsers",  # the parsers of convert and template: argparse only
        "partnering.cli._terminal",
    ]


def test_every_command_of_the_parser_is_dispatched() -> None:
    """The dispatch table runs exactly the commands the parser offers."""
    subparsers = next(
        action
        for action in build_parser()._actions
        if action.__class__.__name__ == "_SubParsersAction"
    )
    assert sorted(cast("dict[str, object]", subparsers.choices)) == sorted(COMMANDS)
    assert sorted(COMMANDS) == [
        "codes",
        "convert",
        "fix",
        "graph",
        "import",
        "init",
        "plan",
        "report",
        "schema",
        "stats",
        "summary",
        "template",
        "upgrade",
        "validate",
    ]


# suggestions and the code lists


def test_validate_suggests_the_code_a_name_stands_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """On the command line, a country's name and a code's title get their codes suggested."""
    document = {
        "schema_version": "1.0",
        "partners": [
            {"id": "p", "name": "P", "organisation_type": "International NGO", "country": "UK"}
        ],
    }
    status, out, _ = run(capsys, "validate", write(tmp_path, "names.json", document))
    assert status == 1
    assert (
        "  line 1, column 118: partner 'P' (/partners/0/country): 'country' is 'UK', which is "
        "not an ISO 3166-1 alpha-2 country "
        "code\n"
        "    hint: Write 'GB' (United Kingdom). Run 'partnering codes country' to see all 250 "
        "codes with their names.\n"
    ) in out
    assert (
        "  line 1, column 86: partner 'P' (/partners/0/organisation_type): 'organisation_type' is "
        "'International NGO', which is "
        "not an organisation type code\n"
        "    hint: Write '21' (International NGO). Run 'partnering codes organisation-type' to "
        "see all 16 codes with their titles.\n"
    ) in out
    assert "…" not in out


def test_validate_gives_the_version_to_add(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file without schema_version is told what to add, in a real process too."""
    path = write(tmp_path, "unversioned.json", {"title": "T"})
    result = run_process("validate", path)
    assert result.returncode == 1
    assert 'hint: Add "schema_version": "1.1" to the top-level object of the file.\n' in (
        result.stdout
    )


def test_codes_lists_every_code_list(capsys: pytest.CaptureFixture[str]) -> None:
    """'partnering codes' names each list with its number of codes."""
    status, out, err = run(capsys, "codes")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "The code lists of the interchange format, version 1.1:"
    assert (
        "  organisation-type    16 codes  The kind of organisation, from the IATI "
        "OrganisationType code list."
    ) in lines
    assert (
        "  rating                4 codes  A rating in an assessment, after TPI's partnership "
        "health check."
    ) in lines
    assert (
        "  country             250 codes  An ISO 3166-1 alpha-2 country code, such as 'KE' "
        "for Kenya."
    ) in lines
    names = [line.split()[0] for line in lines[2:-2]]
    assert names == sorted(names)
    assert {"resource-kind", "deliverable-status", "progress-status"} <= set(names)
    assert len(names) == 19


@pytest.mark.parametrize("name", ["organisation-type", "organisation_type", "OrganisationType"])
def test_codes_prints_one_list_as_a_table(capsys: pytest.CaptureFixture[str], name: str) -> None:
    """A list, however it is named, prints as a table of code, title and description."""
    status, out, _ = run(capsys, "codes", name)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Organisation type: The kind of organisation, from the IATI OrganisationType code list."
    )
    assert lines[2].split() == ["Code", "Title", "Description"]
    assert (
        "21    International NGO                        A non-governmental organisation working "
        "in several countries."
    ) in lines
    assert "                                               Suggested for: 'INGO'." in lines
    assert sum(1 for line in lines if line[:2].isdigit()) == 16


def test_codes_prints_the_countries_with_their_names(capsys: pytest.CaptureFixture[str]) -> None:
    """The country codes are a list too, each with its name and official name."""
    status, out, _ = run(capsys, "codes", "country")
    assert status == 0
    assert "KE    Kenya" in out
    assert "Republic of Kenya" in out
    assert "GB    United Kingdom" in out


def test_codes_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives the lists, or a list's codes with titles, descriptions and aliases."""
    status, out, _ = run(capsys, "codes", "--format", "json")
    assert status == 0
    heads = json.loads(out)["code_lists"]
    last = {key: value for key, value in heads[-1].items() if key != "description"}
    assert last == {"name": "sector", "title": "Sector", "count": 8}
    status, out, _ = run(capsys, "codes", "sector", "--format", "json")
    assert status == 0
    document = json.loads(out)
    assert [code["code"] for code in document["codes"]] == [
        "public",
        "private",
        "civil_society",
        "academia",
        "philanthropy",
        "multilateral",
        "public_private",
        "other",
    ]
    assert document["codes"][0] == {
        "code": "public",
        "title": "Public sector",
        "description": "Governments and other public bodies.",
        "aliases": ["Government", "Local Government", "Other Public Sector"],
    }


def test_codes_of_an_unknown_list_exits_2_with_the_closest_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A name of no list is a usage error, with the list it most likely means."""
    status, out, err = run(capsys, "codes", "organization-type")
    assert (status, out) == (2, "")
    assert err == (
        "partnering: no code list is named 'organization-type' (did you mean "
        "'organisation-type'?); 'partnering codes' lists them\n"
    )
    status, _, err = run(capsys, "codes", "\x1b[31mred")
    assert status == 2
    assert ESC not in err


def test_codes_has_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """'partnering codes --help' explains the command, with examples and exit statuses."""
    status, out, _ = run(capsys, "codes", "--help")
    assert status == 0
    assert out.startswith("usage: partnering codes")
    assert "examples:" in out
    assert "exit status:" in out


def test_codes_in_a_real_process_on_an_ascii_terminal() -> None:
    """Names with accents are escaped on an ASCII-only stream, never a crash."""
    result = run_process("codes", "country", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    assert result.stdout.isascii()
    assert "CI    C\\xf4te d'Ivoire" in result.stdout


def test_the_schema_command_prints_each_version_of_the_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for number in ("1.0", "1.1"):
        status, out, _ = run(capsys, "schema", "--format-version", number)
        assert status == 0
        assert json.loads(out)["$id"] == (
            f"https://partnering.dev/schemas/{number}/dataset.schema.json"
        )
    status, _, err = run(capsys, "schema", "--format-version", "2.0")
    assert status == 2
    assert "invalid choice: '2.0'" in err


def test_the_schema_command_prints_each_version_of_the_report_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for number in ("1.0", "1.1"):
        status, out, _ = run(capsys, "schema", "--name", "report", "--format-version", number)
        assert status == 0
        assert json.loads(out)["$id"] == (
            f"https://partnering.dev/schemas/{number}/report.schema.json"
        )
    status, out, _ = run(capsys, "schema", "--name", "report")
    assert json.loads(out)["properties"]["format_version"]["const"] == "1.1"


def test_a_version_that_the_schema_named_lacks_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both formats have 1.0 and 1.1 today; a report format 1.2 would not make a dataset 1.2.
    from partnering.cli import _schema

    versions = {"dataset": ("1.0", "1.1"), "report": ("1.0", "1.1", "1.2")}
    monkeypatch.setattr(_schema, "FORMAT_VERSIONS", versions)
    status = _schema.run_schema(argparse.Namespace(name="dataset", format_version="1.2"))
    assert status == 2
    assert capsys.readouterr().err == (
        "partnering: the dataset schema has no version 1.2: it has 1.0, 1.1\n"
    )
