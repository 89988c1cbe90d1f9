"""More than one syntax error per run, and ``partnering.fix``: what it corrects, and not."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnering
from partnering import _corrections, fix, strategies, validate
from partnering._json._recover import apply, recover
from partnering._json._spans import spans
from partnering.fixing import _edited

TODAY = date(2026, 1, 1)


def _located(text: str | bytes) -> list[tuple[str, int | None, int | None]]:
    return [(issue.code, issue.line, issue.column) for issue in validate(text).issues]


# -- Every mechanical syntax error in one report ------------------------------------------


def test_every_trailing_comma_and_quote_is_reported_with_its_place() -> None:
    """Two trailing commas, typographic quotes and single quotes: four issues, each placed."""
    text = '{\n  "a": [1, 2,],\n  "b": “x”,\n  \'c\': 1,\n}'
    assert _located(text) == [
        ("json-syntax", 2, 13),  # the comma after 2
        ("json-syntax", 3, 8),  # the opening “
        ("json-syntax", 4, 3),  # the single quote before c
        ("json-syntax", 4, 9),  # the comma after the last member
    ]
    messages = [issue.message for issue in validate(text).issues]
    assert "trailing comma" in messages[0]
    assert "typographic quotes" in messages[1]
    assert "single quotes" in messages[2]


def test_a_byte_order_mark_is_reported_with_the_errors_after_it() -> None:
    """A file with a byte order mark and a trailing comma gets both, in file order."""
    assert _located(b'\xef\xbb\xbf{"a": [1,]}') == [
        ("json-encoding", 1, 1),
        ("json-syntax", 1, 9),
    ]


def test_an_error_that_is_not_mechanical_stops_at_the_first_error() -> None:
    """A missing comma makes the rest unsafe to read: only the first error, as before."""
    text = '{"a": [1,], "b": 1 "c": 2}'
    assert _located(text) == [("json-syntax", 1, 9)]


@pytest.mark.parametrize(
    "text",
    [
        "{\"a\": 'it's'}",  # a quote that may be an apostrophe
        '{"a": “two\nlines”}',  # text across lines
        '{"a": \'say "hi"\'}',  # quotes that would need escapes
    ],
)
def test_quotes_that_might_mean_something_else_are_not_read_past(text: str) -> None:
    """When the intended text is unclear, recovery gives up and nothing is guessed."""
    assert recover(text) is None
    assert len(validate(text).issues) == 1


def test_recovery_costs_nothing_on_a_document_with_one_error() -> None:
    """A single trailing comma gives the single issue it gave before."""
    assert _located('{"schema_version": "1.0",}') == [("json-syntax", 1, 25)]


# -- fix: the corrections ------------------------------------------------------------------

PLATFORM = (
    '{"schema_version": "1.0", "platforms": [{"id": "p", "name": "P", '
    '"scope": %s, "hosting_model": %s, "sdgs": %s}]}'
)


def test_codes_in_other_capitals_are_corrected() -> None:
    """'Global' and 'NGO-hosted' each fit exactly one code."""
    result = fix(PLATFORM % ('"Global"', '"NGO-hosted"', "[1]"))
    assert result.text == PLATFORM % ('"global"', '"ngo_hosted"', "[1]")
    assert [change.kind for change in result.changes] == ["code-spelling", "code-spelling"]
    assert result.report.valid


def test_whole_numbers_written_as_text_are_corrected_only_when_in_range() -> None:
    """'3' becomes 3; '25' is no SDG, so a person must look at it."""
    result = fix(PLATFORM % ('"global"', '"ngo_hosted"', '["3", "25"]'))
    assert result.text == PLATFORM % ('"global"', '"ngo_hosted"', '[3, "25"]')
    assert [issue.pointer for issue in result.report.issues] == ["/platforms/0/sdgs/1"]


def test_titles_and_country_names_are_corrected() -> None:
    """'International NGO' is code 21's title; 'kenya' is Kenya's name."""
    text = (
        '{"schema_version": "1.0", "partners": [{"id": "a", "name": "A", '
        '"organisation_type": "International NGO", "country": "kenya"}]}'
    )
    result = fix(text)
    assert result.text == text.replace('"International NGO"', '"21"').replace('"kenya"', '"KE"')
    assert sorted(change.kind for change in result.changes) == ["code-title", "country-name"]


def test_aliases_are_corrected() -> None:
    """'UK' is reserved for GB; 'Government' is an alias the sector list documents."""
    text = (
        '{"schema_version": "1.0", "partners": [{"id": "a", "name": "A", '
        '"organisation_type": "10", "sector": "Government", "country": "UK"}]}'
    )
    result = fix(text)
    assert result.text == text.replace('"Government"', '"public"').replace('"UK"', '"GB"')
    assert sorted(change.kind for change in result.changes) == ["code-title", "country-name"]
    assert result.report.valid


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("start_date", '"01/03/2017"'),  # March or January?
        ("sector", '"privat"'),  # close to 'private', but only close
        ("country", '"Kenia"'),  # close to 'Kenya', but only close
    ],
)
def test_fix_never_guesses(field: str, value: str) -> None:
    """A value that might mean more than one thing is left for a person."""
    text = (
        '{"schema_version": "1.0", "partners": [{"id": "a", "name": "A", '
        f'"organisation_type": "21", "{field}": {value}}}]}}'
    )
    result = fix(text)
    assert result.text == text
    assert result.changes == ()
    assert not result.report.valid


def test_windows_line_breaks_in_prose_become_line_feeds() -> None:
    """CR LF and CR in a description become LF; in a name, a line break is left for a person."""
    text = (
        '{"schema_version": "1.1", "platforms": [{"id": "p", "name": "P", "scope": "global", '
        '"hosting_model": "ngo_hosted", "description": "One.\\r\\nTwo.\\rThree."}]}'
    )
    result = fix(text)
    assert result.text == text.replace("\\r\\n", "\\n").replace("\\r", "\\n")
    assert [change.kind for change in result.changes] == ["line-endings"]
    assert result.report.valid
    named = text.replace('"name": "P"', '"name": "P\\r\\nQ"')
    left = fix(named)
    fixed = '"description": "One.\\nTwo.\\nThree."'
    assert left.text == named.replace('"description": "One.\\r\\nTwo.\\rThree."', fixed)
    assert [issue.code for issue in left.report.issues] == ["control-character"]
    assert left.report.issues[0].pointer == "/platforms/0/name"


def test_fix_keeps_the_layout_and_shows_a_diff() -> None:
    """Only the wrong characters change; the diff names the file."""
    text = '{\n  "schema_version": "1.0",\n  "title": “Ours”,\n}\n'
    result = fix(text)
    assert result.text == '{\n  "schema_version": "1.0",\n  "title": "Ours"\n}\n'
    assert result.diff("ours.json").splitlines() == [
        "--- ours.json",
        "+++ ours.json (fixed)",
        "@@ -1,4 +1,4 @@",
        " {",
        '   "schema_version": "1.0",',
        '-  "title": “Ours”,',
        '+  "title": "Ours"',
        " }",
    ]


def test_a_byte_order_mark_is_removed_from_bytes() -> None:
    """The mark goes; the text after it is kept."""
    result = fix(b'\xef\xbb\xbf{"schema_version": "1.0"}')
    assert result.text == '{"schema_version": "1.0"}'
    assert [change.kind for change in result.changes] == ["byte-order-mark"]
    assert result.report.valid


def test_bytes_that_are_not_utf8_are_left_alone() -> None:
    """Nothing is corrected in a file that cannot be read as text, and it says why."""
    result = fix(b'{"title": "caf\xe9",}')
    assert not result.changed
    assert [issue.code for issue in result.report.issues] == ["json-encoding"]


def test_fix_is_exported_from_the_root() -> None:
    """partnering.fix and partnering.FixResult are the public names."""
    assert partnering.fix is fix
    assert isinstance(fix("{}"), partnering.FixResult)


# -- Properties ----------------------------------------------------------------------------

VALID_TEXTS = strategies.datasets(consistent=True, today=TODAY).map(partnering.dumps)
_END_OF_LAST_ITEM = re.compile(r'(?<=[\d"el\]}])(?=\n\s*[\]}])')


def _schema_kind(path: tuple[str | int, ...]) -> str | None:
    schema = _corrections.field_schema(path)
    if schema is None:
        return None
    if isinstance(schema.get("enum"), list):
        return "code"
    if schema.get("x-def") == "#/$defs/long_text":
        return "prose"
    return "integer" if schema.get("type") == "integer" else None


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A valid text, and the same text with mechanical mistakes that fix can undo."""
    valid = draw(VALID_TEXTS)
    where = spans(valid)
    data = json.loads(valid)
    edits: list[tuple[int, int, str]] = []
    for path, (start, end) in where.items():
        value: Any = data
        for segment in path:
            value = value[segment]
        kind = _schema_kind(path)
        if kind == "code" and isinstance(value, str) and value.upper() != value:
            if draw(st.booleans()):
                edits.append((start, end, json.dumps(value.upper())))
        elif kind == "integer" and type(value) is int and draw(st.booleans()):
            edits.append((start, end, f'"{value}"'))
        elif kind == "prose" and "\n" in value and draw(st.booleans()):
            # Line breaks as Windows writes them, or as old Macs did.
            ending = draw(st.sampled_from(["\r\n", "\r"]))
            edits.append((start, end, json.dumps(value.replace("\n", ending), ensure_ascii=False)))
        elif (
            isinstance(value, str)
            and path
            and not set("\u201c\u201d\u2018\u2019'") & set(value)
            and draw(st.integers(0, 3)) == 0
        ):
            edits.append((start, end, "\u201c" + valid[start + 1 : end - 1] + "\u201d"))
    for match in _END_OF_LAST_ITEM.finditer(valid):
        if draw(st.integers(0, 3)) == 0:
            edits.append((match.start(), match.start(), ","))
    text = valid
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return valid, text


@given(VALID_TEXTS)
def test_a_valid_file_is_unchanged(valid: str) -> None:
    """A valid file comes out of fix unchanged."""
    result = fix(valid, today=TODAY)
    assert result.text == valid
    assert result.changes == ()
    assert result.report.valid


@given(mutated())
def test_fix_undoes_mechanical_mistakes_and_is_idempotent(case: tuple[str, str]) -> None:
    """Mistakes fix knows are undone to the very character; a second fix changes nothing."""
    valid, text = case
    once = fix(text, today=TODAY)
    assert once.text == valid
    twice = fix(once.text, today=TODAY)
    assert twice.text == once.text
    assert twice.changes == ()


def _syntax_tally(text: str) -> Counter[tuple[str, int | None, str]]:
    report = validate(text, today=TODAY)
    return Counter((i.code, i.line, i.message) for i in report.issues if i.code.startswith("json-"))


def _tally(text: str) -> Counter[tuple[str, str]]:
    return Counter((issue.code, issue.pointer) for issue in validate(text, today=TODAY).issues)


@given(mutated())
def test_every_single_correction_removes_an_issue_and_adds_none(case: tuple[str, str]) -> None:
    """Each correction, made alone, takes at least one issue away and brings none."""
    _, text = case
    repairs = recover(text) or ()
    before = _syntax_tally(text)
    for repair in repairs:
        after = _syntax_tally(apply(text, [repair]))
        assert before - after
        assert not after - before
    text = apply(text, repairs)
    report = validate(text, today=TODAY)
    data = json.loads(text)
    where = spans(text)
    before_all = _tally(text)
    for issue in report.issues:
        value: Any = data
        for segment in issue.path:
            value = value[segment]
        for proposal in _corrections.propose(issue, value):
            after_all = _tally(_edited(text, where, [proposal]))
            assert before_all - after_all
            assert not after_all - before_all


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_changes_name_their_lines_whatever_the_line_endings(newline: str) -> None:
    # Line 4 holds a code in the wrong case and ends in a trailing comma: two changes there.
    lines = [
        "{",
        '  "schema_version": "1.0",',
        '  "partners": [{"id": "tpi", "name": "TPI", "organisation_type": "21"}],',
        '  "platforms": [{"id": "p", "name": "P", "scope": "GLOBAL", "hosting_model": "other"}],',
        "}",
    ]
    result = partnering.fix(newline.join(lines))
    assert [change.line for change in result.changes] == [4, 4]
