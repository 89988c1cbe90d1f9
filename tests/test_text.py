"""Text holds visible text: not blank, and no control character but tab (and line feed in prose)."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from partnering import Partner, Platform, Validator, get_schema, models, validate
from partnering._constraints import Text
from partnering.cli import main
from partnering.errors import InvalidValueError
from partnering.models import Dataset
from partnering.strategies._values import visible_texts

#: Characters that show nothing, worked out from the Unicode tables by hand (a sample).
INVISIBLE = [" ", "\t", "\u00a0", "\u200b", "\u200d", "\u2060", "\u3000", "\ufeff", "\u2800"]
#: Control characters text refuses everywhere.
CONTROLS = ["\x00", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\x9f"]


def title_issues(title: str) -> list[tuple[str, str, str]]:
    """The issues of a dataset's title (one-line text), the same from both engines."""
    text = json.dumps({"schema_version": "1.0", "title": title})
    found = [
        [(issue.code, issue.pointer, issue.message) for issue in report.issues]
        for report in (validate(text), Validator(engine="reference").validate(text))
    ]
    assert found[0] == found[1]
    return found[0]


def description_codes(description: str) -> list[str]:
    text = json.dumps({"schema_version": "1.0", "description": description})
    return [issue.code for issue in validate(text).issues]


@pytest.mark.parametrize(
    "title", [" ", "\t", "\n", "\u200b", "\u3000", " \u200b\u3000\t", "\ufeff", "\u2800"]
)
def test_text_that_shows_nothing_is_blank(title: str) -> None:
    """Spaces, tabs, zero-width and ideographic spaces alone are blank-text."""
    codes = [code for code, _, _ in title_issues(title)]
    # A line feed is also a control character in one-line text: it is named as such.
    assert codes == (["control-character"] if "\n" in title else ["blank-text"])


def test_the_blank_text_message() -> None:
    """The message says what is wrong and what is needed."""
    assert title_issues("\u200b") == [
        (
            "blank-text",
            "/title",
            "'title' holds only spaces or invisible characters; it must show at least one "
            "character",
        )
    ]


def test_empty_text_keeps_its_own_code() -> None:
    """An empty string is empty-text, once, not also blank-text."""
    assert [code for code, _, _ in title_issues("")] == ["empty-text"]


@pytest.mark.parametrize("control", CONTROLS)
def test_a_control_character_is_refused_where_it_stands(control: str) -> None:
    """A control character inside a name is control-character, naming it and its place."""
    ((code, pointer, message),) = title_issues("ab" + control + "c")
    assert (code, pointer) == ("control-character", "/title")
    assert message == (
        f"'title' holds the control character U+{ord(control):04X} at character 3; text may "
        "hold no control character but tab"
    )


def test_a_line_break_in_one_line_text_says_so() -> None:
    """A line feed in a title: text of one line."""
    assert title_issues("Two\nlines") == [
        (
            "control-character",
            "/title",
            "'title' holds a line break at character 4; it is text of one line",
        )
    ]
    (issue,) = validate(json.dumps({"schema_version": "1.0", "title": "a\n"})).issues
    assert issue.hint == (
        "Write the text on one line; only descriptions and summaries may have line breaks."
    )


def test_tabs_and_invisible_characters_inside_text_are_fine() -> None:
    """Tab, a zero-width joiner in an emoji, and spaces around words are all visible text."""
    for title in ["a\tb", "\U0001f469\u200d\U0001f4bb", "  Platform  ", "\u200bx"]:
        assert title_issues(title) == []


def test_prose_may_hold_line_feeds_but_not_carriage_returns() -> None:
    """A description runs over lines; a carriage return is still a control character."""
    assert description_codes("First line.\nSecond line.\n") == []
    assert description_codes("\n\n") == ["blank-text"]
    assert description_codes("Windows\r\nline") == ["control-character"]
    assert description_codes("a\x00") == ["control-character"]


def test_the_fields_of_prose_are_the_long_text_ones() -> None:
    """Every description, summary, evidence and contribution field takes line feeds."""
    schema = get_schema()
    long_text = {
        (model.__name__, field.name)
        for model in vars(models).values()
        if isinstance(model, type) and attrs.has(model)
        for field in attrs.fields(model)
        if any(isinstance(c, Text) and c.long for c in field.metadata.get("constraints", ()))
    }
    prose = {"description", "summary", "evidence", "contribution"}
    assert {name for _, name in long_text} == prose
    assert ("Platform", "description") in long_text
    assert ("BuildingBlockRating", "evidence") in long_text
    assert schema["properties"]["description"]["allOf"] == [{"$ref": "#/$defs/long_text"}]
    assert schema["properties"]["title"]["allOf"] == [{"$ref": "#/$defs/text"}]
    platform = {"id": "p", "scope": "global", "hosting_model": "ngo_hosted"}
    assert Platform(**platform, name="P", description="a\nb").description == "a\nb"  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError) as caught:
        Platform(**platform, name="a\nb")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.code) == ("name", "control-character")


def test_models_refuse_what_the_schema_refuses() -> None:
    """A model built in Python gives the same code as the file would."""
    with pytest.raises(InvalidValueError) as caught:
        Partner(id="p", name="\u3000", organisation_type="21")  # type: ignore[arg-type]
    assert caught.value.code == "blank-text"
    assert str(caught.value) == (
        "name: holds only spaces or invisible characters; it must show at least one character"
    )
    with pytest.raises(InvalidValueError) as caught:
        Dataset(title="a\x00b")
    assert caught.value.code == "control-character"


def test_python_jsonschema_alone_refuses_a_final_line_feed_in_one_line_text() -> None:
    """Python's '$' admits a final line feed; the guard beside the pattern refuses it."""
    plain = Draft202012Validator(get_schema(version="1.0"))
    assert not plain.is_valid({"schema_version": "1.0", "title": "Title\n"})
    assert plain.is_valid({"schema_version": "1.0", "description": "Text\n"})
    assert not plain.is_valid({"schema_version": "1.0", "title": "\u200b"})


@given(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=8).map("".join))
def test_any_run_of_invisible_characters_is_blank(text: str) -> None:
    """However many spaces and invisible characters, without another, text is blank."""
    assert Text().breach(text).code == "blank-text"  # type: ignore[union-attr]
    assert Text(long=True).breach(text).code == "blank-text"  # type: ignore[union-attr]


@given(visible_texts(), st.sampled_from(CONTROLS), st.data())
def test_a_control_character_anywhere_is_found_at_its_place(
    text: str, control: str, data: st.DataObject
) -> None:
    """Put a control character into visible text: it is reported at its position, 1-based."""
    position = data.draw(st.integers(0, len(text)))
    broken = text[:position] + control + text[position:]
    found = Text().breach(broken)
    assert found is not None
    assert found.code == "control-character"
    assert f"U+{ord(control):04X} at character {position + 1};" in found.problem


@given(visible_texts(long=True))
def test_visible_texts_are_valid_prose(text: str) -> None:
    """What the strategy draws, every engine accepts as a description."""
    assert description_codes(text) == []


def test_validate_shows_each_text_issue(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The command line names each code, escapes the characters and exits 1."""
    path = tmp_path / "text.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": "1.0",
                "title": " \u200b",
                "partners": [{"id": "a", "name": "a\u0000b", "organisation_type": "21"}],
            }
        ),
        encoding="utf-8",
    )
    status = main(["validate", str(path)])
    out = capsys.readouterr().out
    assert status == 1
    assert "error blank-text at /title" in out
    assert "value: ' \\u200b'" in out
    assert "error control-character at /partners/*/name" in out
    assert "'name' holds the control character U+0000 at character 2" in out
    assert "\x00" not in out
