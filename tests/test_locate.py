"""The locator: the line and column of every path of a document, in one reading of its text."""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering._locate import Position, Spot, locate
from partnering._places import KEY_CODES, place, record_of
from partnering.catalogue import issue_codes
from partnering.report import Issue, Path, Report, Severity

# --- Documents written in every way JSON allows ------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)
DOCUMENTS = st.dictionaries(st.text(max_size=8), VALUES, max_size=5)

_SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str, chance: random.Random) -> str:
    """Write one character of a string, escaped in one of the ways JSON allows, or raw."""
    code = ord(char)
    must = char in '"\\' or code < 0x20
    if not must and chance.random() < 0.6:
        return char
    options = []
    if char in _SHORT:
        options.append(_SHORT[char])
    if char == "/":
        options.append("\\/")
    if code < 0x10000:
        options.append(f"\\u{code:04x}")
        options.append(f"\\u{code:04X}")
    else:
        high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
        options.append(f"\\u{high:04x}\\u{low:04x}")
    return chance.choice(options)


class Writer:
    """Write JSON text in a random layout: indents, separators, escapes and line breaks."""

    def __init__(self, chance: random.Random) -> None:
        self.chance = chance
        self.indent = chance.choice([None, "", " ", "  ", "\t", "    "])
        self.comma = chance.choice([",", ", ", " ,", " , "])
        self.colon = chance.choice([":", ": ", " :", " : "])
        self.newline = chance.choice(["\n", "\r\n", "\r"])

    def string(self, text: str) -> str:
        return '"' + "".join(_escaped(char, self.chance) for char in text) + '"'

    def value(self, value: Any, depth: int = 0) -> str:
        if isinstance(value, dict):
            items = [
                self.string(key) + self.colon + self.value(v, depth + 1) for key, v in value.items()
            ]
            return self.container("{", items, "}", depth)
        if isinstance(value, list):
            return self.container("[", [self.value(item, depth + 1) for item in value], "]", depth)
        if isinstance(value, str):
            return self.string(value)
        return json.dumps(value)

    def container(self, opening: str, items: list[str], closing: str, depth: int) -> str:
        if not items:
            return opening + closing
        if self.indent is None:
            return opening + self.comma.join(items) + closing
        inner = self.newline + self.indent * (depth + 1)
        separator = self.comma.rstrip() + inner
        return (
            opening + inner + separator.join(items) + self.newline + self.indent * depth + closing
        )


def every_path(value: Any, path: Path = ()) -> list[Path]:
    """List the path of every value in a document, the root included."""
    paths = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            paths.extend(every_path(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            paths.extend(every_path(item, (*path, index)))
    return paths


def at(value: Any, path: Path) -> Any:
    for segment in path:
        value = value[segment]
    return value


def offset_of(text: str, position: Position) -> int:
    """Turn a line and column back into an offset, counting breaks as JSON writes them."""
    starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]
    return starts[position.line - 1] + position.column - 1


def decoded_at(text: str, position: Position) -> Any:
    return json.JSONDecoder().raw_decode(text, offset_of(text, position))[0]


def same(left: Any, right: Any) -> bool:
    """Equal as JSON: same types (1 is not true), same key order."""
    return json.dumps(left) == json.dumps(right)


# --- Properties ---------------------------------------------------------------------------------


@given(DOCUMENTS, st.randoms(use_true_random=False))
def test_every_path_points_at_its_value_and_its_key(
    document: dict[str, Any], chance: random.Random
) -> None:
    """Reading the text again from a path's position gives back its value; from its key, the key."""
    text = Writer(chance).value(document)
    assert same(json.loads(text), document)
    paths = every_path(document)
    spots = locate(text, paths)
    assert set(spots) == set(paths)
    for path, spot in spots.items():
        assert spot.found
        assert same(decoded_at(text, spot.value), at(document, path))
        if path and isinstance(path[-1], str):
            assert spot.key is not None
            assert decoded_at(text, spot.key) == path[-1]
        else:
            assert spot.key is None


@given(DOCUMENTS, st.randoms(use_true_random=False), st.text(min_size=1, max_size=4))
def test_a_missing_path_points_at_the_deepest_value_present(
    document: dict[str, Any], chance: random.Random, missing: str
) -> None:
    """A path the document lacks is placed at the object that should hold it, with no key."""
    text = Writer(chance).value(document)
    asked = [
        (*path, missing, 0) for path in every_path(document) if isinstance(at(document, path), dict)
    ]
    asked = [path for path in asked if missing not in at(document, path[:-2])]
    for path, spot in locate(text, asked).items():
        assert not spot.found
        assert spot.key is None
        assert same(decoded_at(text, spot.value), at(document, path[:-2]))


@given(DOCUMENTS, st.randoms(use_true_random=False))
def test_the_spots_do_not_depend_on_which_other_paths_are_asked(
    document: dict[str, Any], chance: random.Random
) -> None:
    """Each path asked alone is placed where it is placed among all the others."""
    text = Writer(chance).value(document)
    paths = every_path(document)
    together = locate(text, paths)
    for path in chance.sample(paths, min(len(paths), 3)):
        assert locate(text, [path]) == {path: together[path]}


# --- Examples worked out by hand ----------------------------------------------------------------

SPLIT = '{"a": 1,\n "b": [true,\n  "x"]}'


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_each_kind_of_line_break_ends_a_line(newline: str) -> None:
    """LF, CR LF and a lone CR each end one line, and columns start again after them."""
    text = SPLIT.replace("\n", newline)
    spots = locate(text, [("a",), ("b", 1)])
    assert spots[("a",)].value == Position(1, 7)
    assert spots[("b", 1)].value == Position(3, 3)


def test_mixed_line_breaks_count_one_line_each() -> None:
    """A file with every kind of break counts each once: CR LF is one break, not two."""
    text = '{"a":\r\n1,\r"b":\n2,\r\n\r"c": 3}'
    spots = locate(text, [("a",), ("b",), ("c",)])
    assert spots[("a",)].value == Position(2, 1)
    assert spots[("b",)].value == Position(4, 1)
    assert spots[("c",)].key == Position(6, 1)
    assert spots[("c",)].value == Position(6, 6)


def test_columns_count_characters_not_bytes() -> None:
    """Accents, emoji and characters written raw each take one column, as an editor shows them."""
    text = '{"café": "😀😀", "n": 1}'
    spot = locate(text, [("n",)])[("n",)]
    # {"café": "😀😀", "n": 1}: the key "n" starts at character 16, its value at 21.
    assert spot.key == Position(1, 16)
    assert spot.value == Position(1, 21)


def test_escaped_keys_match_their_decoded_text() -> None:
    """A key written with escapes is the key it decodes to."""
    text = '{"n\\u0061me": 1, "q\\"k": 2, "\\ud83d\\ude00": 3}'
    spots = locate(text, [("name",), ('q"k',), ("😀",)])
    assert spots[("name",)].value == Position(1, 15)
    assert spots[('q"k',)].value == Position(1, 26)
    assert spots[("😀",)].value == Position(1, 45)


def test_strings_that_look_like_structure_are_stepped_over() -> None:
    """Brackets, braces, commas and escaped quotes inside strings are text, not structure."""
    text = '{"a": ["]", "}\\"{", ",:"], "b": {"c": "\\\\"}, "d": 4}'
    spots = locate(text, [("d",), ("b", "c")])
    assert spots[("d",)].value == Position(1, 51)
    assert spots[("b", "c")].value == Position(1, 39)


def test_nesting_deeper_than_the_interpreter_stack() -> None:
    """A path 5,000 objects deep is found, and a value 5,000 arrays deep is stepped over."""
    depth = 5_000
    deep_path = ("a",) * depth
    text = '{"a":' * depth + "1" + "}" * depth
    # Each level is the five characters {"a": so the value 1 is the 25,001st character.
    assert locate(text, [deep_path])[deep_path].value == Position(1, 5 * depth + 1)
    tricky = '"]\\"}{["'
    text = '{"x": ' + "[" * depth + tricky + "]" * depth + ', "y": 2}'
    # '{"x": ' is 6 characters, then the arrays and the string, then ', "y": ' (7 characters).
    column = 6 + depth + len(tricky) + depth + 7 + 1
    assert locate(text, [("y",)])[("y",)].value == Position(1, column)


def test_a_path_through_a_scalar_stops_at_the_scalar() -> None:
    """A path that goes on below a number is placed at the number, as not found."""
    spot = locate('{"a": 5}', [("a", "b", 3)])[("a", "b", 3)]
    assert spot == Spot(value=Position(1, 7), key=None, found=False)


def test_an_index_past_the_end_and_a_key_in_a_list_stop_at_the_container() -> None:
    """Index 9 of a list of two, and a key asked of a list, are placed at the list."""
    text = '{"l": [1, 2]}'
    spots = locate(text, [("l", 9), ("l", "k")])
    assert spots[("l", 9)].value == spots[("l", "k")].value == Position(1, 7)


def test_the_root_is_the_first_brace_after_leading_whitespace() -> None:
    """The empty path is the top-level object, wherever the text lets it start."""
    assert locate('\r\n\t {"a": 1}', [()])[()] == Spot(value=Position(2, 3), key=None, found=True)


def test_no_paths_asked_means_no_spots() -> None:
    """Asking for nothing gives nothing."""
    assert locate('{"a": 1}', []) == {}


# --- Placing the issues of a report -------------------------------------------------------------

TEXT = """{
  "schema_version": "1.0",
  "partners": [
    {"id": "tpi", "name": "The Partnering Initiative", "nmae": "x", "sector": "privat"},
    {"id": "p2", "organisation_type": "21"}
  ]
}"""
DATA = json.loads(TEXT)


def issue(code: str, path: Path, **extra: Any) -> Issue:
    return Issue(code=code, severity=Severity.ERROR, path=path, message="m", **extra)


def placed(*issues: Issue, data: Any = DATA, text: str | bytes | None = TEXT) -> list[Issue]:
    return list(place(Report(issues=issues), data=data, text=text).issues)


def test_each_kind_of_issue_points_at_its_place() -> None:
    """A value at its first character, an unknown field at its key, a missing one at its object."""
    found = placed(
        issue("unknown-code", ("partners", 0, "sector")),
        issue("unknown-field", ("partners", 0, "nmae")),
        issue("missing-field", ("partners", 1, "name")),
        issue("unsupported-version", ()),
    )
    places = {(i.code, i.pointer): (i.line, i.column) for i in found}
    # Line 4 is '    {"id": "tpi", "name": "The Partnering Initiative", "nmae": "x", ...':
    # the key "nmae" opens at column 56, and the value of "sector" at column 79.
    assert places[("unknown-field", "/partners/0/nmae")] == (4, 56)
    assert places[("unknown-code", "/partners/0/sector")] == (4, 79)
    # Line 5: '    {"id": "p2", ...}': the object that lacks the name opens at column 5.
    assert places[("missing-field", "/partners/1/name")] == (5, 5)
    assert places[("unsupported-version", "")] == (1, 1)


def test_the_codes_about_keys_are_catalogued() -> None:
    """Every code placed at its key is a code the library reports."""
    assert set(issue_codes()) >= KEY_CODES


def test_bytes_are_placed_as_their_text() -> None:
    """The UTF-8 bytes of a document give the same places as its text, in characters."""
    text = '{"title": "Zürich 😀", "nmae": 1}'
    from_text = placed(issue("unknown-field", ("nmae",)), data={}, text=text)
    from_bytes = placed(issue("unknown-field", ("nmae",)), data={}, text=text.encode("utf-8"))
    assert (from_text[0].line, from_text[0].column) == (1, 23)
    assert from_bytes == from_text


def test_the_readers_place_is_kept() -> None:
    """An issue that comes with a line and column keeps them."""
    (found,) = placed(issue("json-duplicate-key", ("partners", 0, "id"), line=9, column=3))
    assert (found.line, found.column) == (9, 3)


def test_data_without_text_gets_records_but_no_lines() -> None:
    """A mapping has no lines; its issues still name their records."""
    (found,) = placed(issue("unknown-code", ("partners", 0, "sector")), text=None)
    assert (found.line, found.column) == (None, None)
    assert found.record == "partner 'The Partnering Initiative'"


def test_a_report_without_issues_is_returned_untouched() -> None:
    """A valid document costs nothing: the very report comes back."""
    report = Report(issues=())
    assert place(report, data=DATA, text=TEXT) is report


@pytest.mark.parametrize(
    ("record", "label"),
    [
        ({"id": "tpi", "name": "TPI", "title": "T"}, "partner 'TPI'"),
        ({"id": "tpi", "title": "The title"}, "partner 'The title'"),
        ({"id": "tpi", "name": 5}, "partner 'tpi'"),
        ({"id": "tpi", "name": "   "}, "partner 'tpi'"),
        ({"id": ""}, "partner"),
        ({"name": "\x1b[31mred"}, "partner '\\u001b[31mred'"),
        ({"name": "x" * 100}, "partner '" + "x" * 60 + "…'"),
    ],
)
def test_a_record_is_named_by_its_name_title_or_id(record: dict[str, Any], label: str) -> None:
    """The name wins, then the title, then the id; names are escaped and cut; none: the noun."""
    assert record_of({"partners": [record]}, ("partners", 0, "sector")) == label


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"partners": [{"name": "A"}]}, ("title",)),
        ({"partners": [{"name": "A"}]}, ("partners",)),
        ({"partners": [{"name": "A"}]}, ("partners", 1, "id")),
        ({"partners": ["not an object"]}, ("partners", 0)),
        ({"partners": {"0": {"name": "A"}}}, ("partners", 0, "id")),
        ({"partners": "text"}, ("partners", 0, "id")),
        ({"extensions": [{"name": "A"}]}, ("extensions", 0, "name")),
    ],
)
def test_no_record_outside_the_entity_lists(data: dict[str, Any], path: Path) -> None:
    """Top-level fields, lists themselves, missing items and other lists belong to no record."""
    assert record_of(data, path) is None


def test_nested_objects_belong_to_their_record() -> None:
    """A member of a platform belongs to the platform."""
    data = {"platforms": [{"id": "zbidf", "name": "ZBiDF", "members": [{"partner_id": "x"}]}]}
    assert record_of(data, ("platforms", 0, "members", 0, "partner_id")) == "platform 'ZBiDF'"
