"""Validation through the public API: every source kind, hostile input, and the report."""

import json
from datetime import date
from pathlib import Path

import attrs
import pytest

import partnering
from partnering import InvalidDocumentError, Severity, iter_issues, validate
from partnering.validation import ENGINES, Engine

VERSION = '"schema_version": "1.0"'
PARTNER = '{"id": "tpi", "name": "TPI", "organisation_type": "21"}'


def codes_and_pointers(report: partnering.Report) -> list[tuple[str, str]]:
    return [(issue.code, issue.pointer) for issue in report.issues]


def only_issue(report: partnering.Report) -> partnering.Issue:
    assert len(report.issues) == 1, codes_and_pointers(report)
    return report.issues[0]


# --- every kind of source -------------------------------------------------------------


def test_a_path_bytes_text_and_parsed_data_give_the_same_report(tmp_path: Path) -> None:
    """The four kinds of document read from JSON are validated alike."""
    text = '{"schema_version": "1.0", "title": 5}'
    path = tmp_path / "file.json"
    path.write_text(text, encoding="utf-8")
    reports = [validate(path), validate(text.encode()), validate(bytearray(text.encode()))]
    reports += [validate(text), validate(json.loads(text))]
    assert {tuple(codes_and_pointers(report)) for report in reports} == {
        (("wrong-type", "/title"),)
    }
    assert [report.source for report in reports] == [
        str(path),
        "<bytes>",
        "<bytes>",
        "<text>",
        "<data>",
    ]


def test_a_str_is_always_text_never_a_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A str naming a file that exists is read as JSON text, not as the file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "1").write_text('{"schema_version": "1.0"}', encoding="utf-8")
    (tmp_path / "file.json").write_text('{"schema_version": "1.0"}', encoding="utf-8")
    assert codes_and_pointers(validate("1")) == [("json-not-object", "")]
    assert codes_and_pointers(validate("file.json")) == [("json-syntax", "")]
    assert validate("1").source == "<text>"
    assert [issue.code for issue in iter_issues("file.json")] == ["json-syntax"]
    dataset, report = partnering.validation.check("file.json")
    assert (dataset, codes_and_pointers(report)) == (None, [("json-syntax", "")])


def test_a_path_like_is_always_a_file(tmp_path: Path) -> None:
    """An os.PathLike is read as a file, even when its name looks like JSON text."""

    class Where:
        """A path-like object that is not a pathlib.Path."""

        def __init__(self, path: Path) -> None:
            self.path = path

        def __fspath__(self) -> str:
            return str(self.path)

    named_like_text = tmp_path / '{"schema_version": "1.0"}'
    named_like_text.write_text('{"schema_version": "1.0", "title": 5}', encoding="utf-8")
    assert codes_and_pointers(validate(named_like_text)) == [("wrong-type", "/title")]
    assert codes_and_pointers(validate(Where(named_like_text))) == [("wrong-type", "/title")]
    missing = validate(Path('{"schema_version": "1.0"}'))
    assert [issue.code for issue in missing.issues] == ["read-error"]
    assert missing.source == '{"schema_version": "1.0"}'


@pytest.mark.parametrize(
    ("source", "code"),
    [
        (42, "json-not-object"),
        (None, "json-not-object"),
        (["schema_version"], "json-not-object"),
        ((), "json-not-object"),
        (1.0, "json-not-object"),
        (object(), "not-json-data"),
        (float("nan"), "not-json-data"),
        ({"schema_version"}, "not-json-data"),
    ],
    ids=["int", "none", "list", "tuple", "float", "object", "nan", "set"],
)
def test_what_is_no_document_is_reported_not_raised(source: object, code: str) -> None:
    """Any Python value gets a report: JSON that is no object, or what JSON cannot hold."""
    report = validate(source)  # type: ignore[arg-type]
    assert codes_and_pointers(report) == [(code, "")]
    assert report.source == "<data>"
    assert [issue.code for issue in iter_issues(source)] == [code]  # type: ignore[arg-type]
    dataset, checked = partnering.validation.check(source)  # type: ignore[arg-type]
    assert (dataset, checked) == (None, report)


# --- a dataset built in Python ------------------------------------------------------------


def platform(**fields: object) -> partnering.Platform:
    return partnering.Platform(
        id="p",
        name="P",
        scope=partnering.PlatformScope.GLOBAL,
        hosting_model=partnering.HostingModel.NGO_HOSTED,
        **fields,  # type: ignore[arg-type]
    )


def test_a_dataset_with_a_dangling_reference_is_reported() -> None:
    """A dataset the models accept is checked by the rules too: its host must exist."""
    dataset = partnering.Dataset(platforms=(platform(host_id="ghost"),))
    report = validate(dataset)
    assert codes_and_pointers(report) == [
        ("dangling-reference", "/platforms/0/host_id"),
        ("host-not-member", "/platforms/0/host_id"),
    ]
    assert report.source == "<dataset>"
    assert partnering.validation.check(dataset) == (None, report)


def test_a_valid_dataset_checks_as_itself() -> None:
    """Checking a valid dataset gives that very dataset and an empty report."""
    dataset = partnering.load(partnering.example_path())
    checked, report = partnering.validation.check(dataset, today=date(2026, 1, 1))
    assert checked is dataset
    assert (report.valid, report.issues, report.source) == (True, (), "<dataset>")


# --- the Validator ------------------------------------------------------------------------


def test_a_validator_keeps_its_limits(tmp_path: Path) -> None:
    """max_bytes and max_depth apply to text, bytes and files alike."""
    text = '{"schema_version": "1.0", "extensions": {"a:b": [[1]]}}'  # 55 bytes, 4 deep
    path = tmp_path / "file.json"
    path.write_text(text, encoding="utf-8")
    small = partnering.Validator(max_bytes=54)
    shallow = partnering.Validator(max_depth=3)
    enough = partnering.Validator(max_bytes=55, max_depth=4)
    for source in (text, text.encode(), path):
        assert [issue.code for issue in small.validate(source).issues] == ["json-too-large"]
        assert codes_and_pointers(shallow.validate(source)) == [
            ("json-too-deep", "/extensions/a:b/0")
        ]
        assert enough.validate(source).issues == ()


def test_a_validator_compares_dates_with_its_today() -> None:
    """A launch in 2030 lies in the future in 2026 and in the past in 2031."""
    dataset = partnering.Dataset(platforms=(platform(launched_on=date(2030, 1, 1)),))
    before = partnering.Validator(today=date(2026, 1, 1)).validate(dataset)
    after = partnering.Validator(today=date(2031, 1, 1)).validate(dataset)
    assert codes_and_pointers(before) == [("date-in-future", "/platforms/0/launched_on")]
    assert "after today (2026-01-01)" in before.issues[0].message
    assert after.issues == ()


def test_a_validator_without_today_asks_for_the_date_at_each_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """today=None is the day of each check, not the day the validator was made."""

    class Clock(date):
        """A date class whose today is 2026-01-01, then 2031-01-01."""

        @classmethod
        def today(cls) -> "Clock":
            return next(days)

    days = iter([Clock(2026, 1, 1), Clock(2031, 1, 1)])

    validator = partnering.Validator()
    monkeypatch.setattr(partnering.validation, "date", Clock)
    dataset = partnering.Dataset(platforms=(platform(launched_on=date(2030, 1, 1)),))
    assert [issue.code for issue in validator.validate(dataset).issues] == ["date-in-future"]
    assert validator.validate(dataset).issues == ()


def test_a_validator_is_frozen_and_checks_its_settings() -> None:
    """A validator cannot change once made, and refuses an engine it does not know."""
    validator = partnering.Validator()
    assert (validator.max_bytes, validator.max_depth) == (256 * 1024 * 1024, 64)
    assert (validator.today, validator.engine) == (None, "fast")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        validator.engine = "reference"  # type: ignore[misc]
    with pytest.raises(ValueError, match="engine"):
        partnering.Validator(engine="rust")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        partnering.Validator(max_bytes="1 MB")  # type: ignore[arg-type]


def test_the_functions_are_the_validators(tmp_path: Path) -> None:
    """validate, iter_issues and check give what a validator of the same settings gives."""
    text = '{"schema_version": "1.0", "title": "Mine", "extensions": {"a:b": [[1]]}}'
    validator = partnering.Validator(max_depth=3, today=date(2026, 1, 1))
    today = date(2026, 1, 1)
    assert validate(text, max_depth=3, today=today) == validator.validate(text)
    issues = iter_issues(text, max_depth=3, today=today)
    assert list(issues) == list(validator.iter_issues(text))
    assert partnering.validation.check(text, max_depth=3, today=today) == validator.check(text)
    assert validator.check(text)[0] is None


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_build_the_same_dataset(engine: Engine) -> None:
    """Either engine's check builds the example's dataset, equal to what load builds."""
    validator = partnering.Validator(engine=engine, today=date(2026, 1, 1))
    dataset, report = validator.check(partnering.example_path())
    assert report.valid
    assert dataset == partnering.load(partnering.example_path())


def test_a_failure_of_the_fast_builder_is_raised_not_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the fast path fail on valid data, the failure surfaces instead of a slow retry."""

    def broken(data: object) -> None:
        raise RuntimeError("a bug in the fast path")

    monkeypatch.setattr(partnering._fast, "structure", broken)
    with pytest.raises(RuntimeError, match="a bug in the fast path"):
        partnering.validation.check('{"schema_version": "1.0"}')
    with pytest.raises(RuntimeError, match="a bug in the fast path"):
        partnering.loads('{"schema_version": "1.0"}')
    reference = partnering.Validator(engine="reference")
    assert reference.check('{"schema_version": "1.0"}')[0] == partnering.Dataset(
        schema_version="1.0"
    )


def test_iter_issues_yields_lazily() -> None:
    """iter_issues returns an iterator that gives the first issue without a full report."""
    issues = iter_issues('{"schema_version": "1.0", "title": 5, "description": 6}')
    assert next(issues).code == "wrong-type"


def test_load_raises_invalid_document_error_carrying_the_report(tmp_path: Path) -> None:
    """Load refuses an invalid file with an error whose report lists every issue."""
    path = tmp_path / "bad.json"
    path.write_text('{"schema_version": "1.0", "title": "", "nmae": 1}', encoding="utf-8")
    with pytest.raises(InvalidDocumentError) as caught:
        partnering.load(path)
    assert codes_and_pointers(caught.value.report) == [
        ("empty-text", "/title"),
        ("unknown-field", "/nmae"),
    ]
    assert "2 error(s)" in str(caught.value)


def test_report_counts_and_groups_are_exact() -> None:
    """Counts by code and severity, and groups by generic pointer, add up."""
    partners = ",".join(
        f'{{"id": "p{n}", "name": "P", "organisation_type": "7"}}' for n in range(4)
    )
    report = validate(f'{{"schema_version": "1.0", "partners": [{partners}]}}')
    assert report.count_by_code() == {"unknown-code": 4}
    assert report.count_by_severity() == {"error": 4, "warning": 0}
    (group,) = report.groups(examples=2)
    assert (group.generic_pointer, group.count, len(group.issues)) == (
        "/partners/*/organisation_type",
        4,
        2,
    )


# --- unreadable files ------------------------------------------------------------------


def test_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    """A missing file is reported, not raised."""
    issue = only_issue(validate(tmp_path / "nope.json"))
    assert issue.code == "read-error"
    assert "no such file" in issue.message


def test_a_directory_is_a_read_error(tmp_path: Path) -> None:
    """A directory is reported as such."""
    issue = only_issue(validate(tmp_path))
    assert (issue.code, "directory" in issue.message) == ("read-error", True)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    """max_bytes caps what is read."""
    path = tmp_path / "big.json"
    path.write_text('{"schema_version": "1.0", "title": "' + "x" * 200 + '"}', encoding="utf-8")
    issue = only_issue(validate(path, max_bytes=100))
    assert (issue.code, issue.path, issue.line) == ("json-too-large", (), None)
    assert issue.message.endswith(" has 238 bytes, more than the limit of 100.")
    assert issue.hint == "Split the file, or raise the limit if the file is trusted."


# --- hostile bytes and text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "code"),
    [
        (b"", "json-empty"),
        (b"  \n\t ", "json-empty"),
        (b'\xef\xbb\xbf{"schema_version": "1.0"}', "json-encoding"),
        (b'{"schema_version": "1.0", "title": "caf\xe9"}', "json-encoding"),
        (b'{"schema_version": "1.0", "title": "\\ud800"}', "json-lone-surrogate"),
        (b'{"schema_version": "1.0"} {}', "json-trailing-data"),
        (b'{"schema_version": "1.0",}', "json-syntax"),
        (b'{"schema_version": "1.0" // comment\n}', "json-syntax"),
        (b'{"schema_version": "1.0", "title": "trunc', "json-syntax"),
        (b"[]", "json-not-object"),
        (b"null", "json-not-object"),
        (b'{"schema_version": "1.0", "extensions": {"x:y": NaN}}', "json-non-finite"),
        (b'{"schema_version": "1.0", "extensions": {"x:y": -Infinity}}', "json-non-finite"),
        (b'{"schema_version": "1.0", "extensions": {"x:y": 1e400}}', "json-non-finite"),
        (
            b'{"schema_version": "1.0", "extensions": {"x:y": ' + b"7" * 5000 + b"}}",
            "json-number-too-long",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "json-too-deep"),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "json-too-deep"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_hostile_documents_become_one_located_issue(document: bytes, code: str) -> None:
    """Each hostile document gives one issue with its code and a location, never a traceback."""
    issue = only_issue(validate(document))
    assert issue.code == code
    assert issue.severity is Severity.ERROR
    assert issue.line is not None or issue.pointer is not None


def test_a_syntax_error_gives_line_and_column() -> None:
    """A trailing comma is located where a text editor shows it, and named."""
    issue = only_issue(validate(b'{\n  "schema_version": "1.0",\n}'))
    assert (issue.code, issue.line, issue.column) == ("json-syntax", 2, 26)
    assert "trailing comma" in issue.message


@pytest.mark.parametrize(
    ("document", "pointer"),
    [
        ('{"schema_version": "1.0", "schema_version": "1.0"}', ""),
        ('{"schema_version": "1.0", "partners": [{"id": "a", "id": "b"}]}', "/partners/0"),
    ],
)
def test_duplicate_keys_are_refused_at_the_top_and_nested(document: str, pointer: str) -> None:
    """Duplicate keys are found wherever they are, with the object's pointer."""
    issue = only_issue(validate(document.encode()))
    assert issue.code == "json-duplicate-key"
    assert issue.pointer == pointer


def test_a_key_with_terminal_escapes_is_escaped_in_the_message() -> None:
    """Text from the document reaches a person escaped, never as raw control characters."""
    report = validate('{"schema_version": "1.0", "\\u001b[31mevil": 1}')
    issue = only_issue(report)
    assert issue.code == "unknown-field"
    assert "\x1b" not in issue.message
    assert "\\u001b[31mevil" in issue.message
    assert issue.pointer == "/\x1b[31mevil"  # the pointer is data; renderers escape it


# --- wrong values where the schema wants others ---------------------------------------


@pytest.mark.parametrize(
    ("record", "code", "pointer"),
    [
        ('"name": 5', "wrong-type", "/partners/0/name"),
        ('"name": null', "null-value", "/partners/0/name"),
        ('"name": "TPI", "acronym": "", "sources": "abc"', "wrong-type", "/partners/0/sources"),
    ],
)
def test_wrong_values_in_a_partner(record: str, code: str, pointer: str) -> None:
    """A number for text, null for a required value and text for a list are each reported."""
    document = f'{{{VERSION}, "partners": [{{"id": "tpi", {record}, "organisation_type": "21"}}]}}'
    assert (code, pointer) in codes_and_pointers(validate(document))


def test_text_for_a_boolean_is_reported() -> None:
    """'false' in quotes is text, not a boolean."""
    document = f'{{{VERSION}, "frameworks": [{{"id": "f", "name": "F", "provisional": "false"}}]}}'
    issue = only_issue(validate(document))
    assert (issue.code, issue.pointer) == ("wrong-type", "/frameworks/0/provisional")
    assert "true or false" in issue.message


def test_many_copies_of_one_invalid_record_stay_grouped() -> None:
    """10,000 copies of one bad record give exact counts in one group."""
    record = '{"id": "p", "name": "P", "organisation_type": "99"}'
    document = f'{{{VERSION}, "partners": [{",".join([record] * 10_000)}]}}'
    report = validate(document, today=date(2026, 1, 1))
    counts = report.count_by_code()
    assert counts["unknown-code"] == 10_000
    group = next(g for g in report.groups() if g.code == "unknown-code")
    assert (group.generic_pointer, group.count, len(group.issues)) == (
        "/partners/*/organisation_type",
        10_000,
        3,
    )


def test_messages_name_the_field_and_suggest_a_fix() -> None:
    """Messages speak the file's terms and offer the likely correction."""
    document = (
        f'{{{VERSION}, "partners": [{{"id": "tpi", "nmae": "x", "organisation_type": "70",'
        ' "sector": "privat"}]}'
    )
    issues = {issue.code: issue for issue in validate(document).issues}
    assert issues["missing-field"].message == "'name' is missing; every partner needs one"
    assert issues["unknown-field"].message == "'nmae' is not a field of a partner"
    assert issues["unknown-field"].hint == "Did you mean 'name'?"
    assert issues["unknown-code"].hint.startswith(
        "Did you mean 'private' (Private sector)? Use one of: public,"
    )


def test_a_too_deep_document_is_located_with_indices_as_numbers() -> None:
    """The path of a parse problem keeps array indices as integers, keys as text."""
    nested = b"[" * 100 + b"]" * 100
    issue = only_issue(
        validate(b'{"schema_version": "1.0", "extensions": {"x:y": ' + nested + b"}}")
    )
    assert issue.code == "json-too-deep"
    assert issue.path[:3] == ("extensions", "x:y", 0)
    assert all(type(segment) is int for segment in issue.path[2:])


def test_a_parse_error_prints_its_pointer_escaped() -> None:
    """str() of a parse error shows a key with control characters escaped."""
    from partnering._json import parse_json

    with pytest.raises(partnering.JSONParseError) as caught:
        parse_json('{"a": {"\\u001b[31m": {"k": 1, "k": 2}}}')
    assert caught.value.path == ("a", "\x1b[31m")
    assert "\x1b" not in str(caught.value)


def test_an_empty_required_list_asks_for_items_not_for_removal() -> None:
    """[] where a list is required says items are needed; [] elsewhere says to leave it out."""
    document = (
        f'{{{VERSION}, "partners": [{PARTNER}], "platforms": [{{"id": "p", "name": "P", '
        '"scope": "global", "hosting_model": "other", "countries": [], '
        '"members": [{"partner_id": "tpi", "roles": []}]}]}'
    )
    messages = {issue.pointer: issue.message for issue in validate(document).issues}
    assert messages["/platforms/0/members/0/roles"] == (
        "'roles' is an empty list; it needs at least 1 item(s)"
    )
    assert messages["/platforms/0/countries"] == (
        "'countries' is an empty list; an empty list is written by leaving it out"
    )


def test_validation_touches_no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Validating and loading open no connection, even for a file with every kind of issue."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validation tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema_version": "1.0", "license": "https://example.org/licence", '
        '"partners": [{"id": "p", "name": "P", "organisation_type": "70", "website": "x"}], '
        '"extensions": {"x:ref": {"$ref": "https://example.org/schema.json"}}}',
        encoding="utf-8",
    )
    assert partnering.validate(partnering.example_path()).valid
    assert not partnering.validate(bad).valid
    assert partnering.load(partnering.example_path()).platforms
