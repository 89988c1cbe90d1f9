"""Tests for the strict JSON parser: one example per hostile input, then properties."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from partnering._format import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from partnering._json import parse_json, parse_json_text
from partnering._json._hooks import SHARED_OBJECTS
from partnering._jsondata import json_text, share_short_texts
from partnering._pointers import display_pointer, escape_pointer_segment, format_pointer
from partnering._text import quote, safe_text
from partnering.catalogue import PARSE_CODES
from partnering.errors import DocumentTooLargeError, InvalidDocumentError, JSONParseError


def parse_error(data: bytes | bytearray | memoryview | str, **limits: int) -> JSONParseError:
    """Parse *data*, which must fail, and return the error."""
    with pytest.raises(JSONParseError) as caught:
        parse_json(data, **limits)
    return caught.value


def too_large(data: bytes | str, **limits: int) -> DocumentTooLargeError:
    """Parse *data*, which must be refused for its size before any parsing, and return the error."""
    with pytest.raises(DocumentTooLargeError) as caught:
        parse_json(data, **limits)
    assert not isinstance(caught.value, JSONParseError)
    return caught.value


def parse_or_error(data: bytes | str, **limits: int) -> dict[str, Any] | JSONParseError:
    """Parse *data*, returning the error instead of raising it."""
    try:
        return parse_json(data, **limits)
    except JSONParseError as error:
        return error


def nested_objects(depth: int) -> str:
    """Return an object nesting *depth* objects, the top-level one included."""
    return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)


# --- Valid documents ---------------------------------------------------------------------------


def test_defaults() -> None:
    assert DEFAULT_MAX_BYTES == 256 * 1024 * 1024
    assert DEFAULT_MAX_DEPTH == 64


@pytest.mark.parametrize(
    "data",
    [
        b'{"b": 1, "a": [1.5, "x", true, false, null, {}], "c": {"d": -0}}',
        bytearray(b'{"b": 1, "a": [1.5, "x", true, false, null, {}], "c": {"d": -0}}'),
        memoryview(b'{"b": 1, "a": [1.5, "x", true, false, null, {}], "c": {"d": -0}}'),
        '{"b": 1, "a": [1.5, "x", true, false, null, {}], "c": {"d": -0}}',
    ],
)
def test_valid_document_matches_json_loads(data: bytes | bytearray | memoryview | str) -> None:
    result = parse_json(data)
    assert result == {"b": 1, "a": [1.5, "x", True, False, None, {}], "c": {"d": 0}}
    assert list(result) == ["b", "a", "c"]
    assert type(result["a"][0]) is Decimal  # kept exactly as written
    assert type(result["b"]) is int


def test_surrounding_whitespace_is_accepted() -> None:
    assert parse_json(b' \r\n\t{"a": 1}\n ') == {"a": 1}


def test_valid_surrogate_pair_is_accepted() -> None:
    assert parse_json(b'{"a": "\\ud83d\\ude00 \\u00e9"}') == {"a": "\U0001f600 \u00e9"}


def test_escaped_backslash_before_u_is_literal_text() -> None:
    # An escaped backslash followed by the letters "ud800" is not a surrogate escape.
    assert parse_json(b'{"a": "\\\\ud800"}') == {"a": "\\ud800"}


def test_brackets_and_quotes_inside_strings_do_not_count_as_nesting() -> None:
    deep_text = '"' + "[{" * 200 + '\\"' + "]}" * 50 + '\\\\"'
    document = '{"t": ' + deep_text + ', "n": ' + nested_objects(63) + "}"
    assert parse_json(document)["t"].startswith("[{[{")


# --- Size and encoding -------------------------------------------------------------------------


def test_size_cap_on_bytes() -> None:
    error = too_large(b'{"a": 1}', max_bytes=4)
    assert error.code == "json-too-large"
    assert "8 bytes" in error.message
    assert "limit" in error.message


def test_size_cap_on_text_counts_utf8_bytes() -> None:
    # Five characters, but "\u00e9" takes two bytes of UTF-8: eight bytes in all.
    assert parse_json('{"\u00e9":1}', max_bytes=9) == {"\u00e9": 1}
    error = too_large('{"\u00e9\u00e9":1}', max_bytes=9)
    assert error.code == "json-too-large"


def test_size_cap_on_long_text() -> None:
    error = too_large("{" + " " * 100 + "}", max_bytes=50)
    assert error.code == "json-too-large"
    assert "at least" in error.message


def test_utf8_byte_order_mark() -> None:
    error = parse_error(b'\xef\xbb\xbf{"a": 1}')
    assert error.code == "json-encoding"
    assert (error.line, error.column, error.offset) == (1, 1, 0)
    assert "byte order mark (BOM)" in error.message
    assert "without a byte order mark" in error.hint


def test_text_starting_with_byte_order_mark() -> None:
    error = parse_error('\ufeff{"a": 1}')
    assert error.code == "json-encoding"
    assert "byte order mark" in error.message


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_utf16_and_utf32(encoding: str, named: str) -> None:
    error = parse_error('{"a": 1}'.encode(encoding))
    assert error.code == "json-encoding"
    assert named in error.message
    assert "UTF-8" in error.message


def test_invalid_utf8_reports_the_bad_byte() -> None:
    error = parse_error(b'{\n  "name": "caf\xe9",\n  "b": 1\n}')
    assert error.code == "json-encoding"
    assert (error.line, error.column) == (2, 15)
    assert "0xE9" in error.message
    assert "UTF-8" in error.message


def test_invalid_utf8_column_counts_characters() -> None:
    # "\u00e9" is two bytes but one character.
    error = parse_error('{"\u00e9": "'.encode() + b"\xff" + b'"}')
    assert (error.line, error.column, error.offset) == (1, 8, 7)


def test_text_with_lone_surrogate_character() -> None:
    error = parse_error('{"a": "\ud800"}')
    assert error.code == "json-encoding"
    assert (error.line, error.column) == (1, 8)


# --- Empty documents and syntax ----------------------------------------------------------------


def test_empty_document() -> None:
    error = parse_error(b"")
    assert error.code == "json-empty"
    assert "empty" in error.message


def test_whitespace_only_document() -> None:
    error = parse_error(b" \n\t\r\n ")
    assert error.code == "json-empty"
    assert "only spaces and line breaks" in error.message


def test_trailing_data() -> None:
    error = parse_error(b'{"a": 1}\n{"b": 2}')
    assert error.code == "json-trailing-data"
    assert (error.line, error.column) == (2, 1)
    assert "more data after the end" in error.message


def test_trailing_comma_in_object() -> None:
    error = parse_error(b'{"a":1,}')
    assert error.code == "json-syntax"
    assert (error.line, error.column) == (1, 7)
    assert "trailing comma" in error.message
    assert "object" in error.message


def test_trailing_comma_in_list() -> None:
    error = parse_error(b'{"a": [1, 2, ]}')
    assert error.code == "json-syntax"
    assert (error.line, error.column) == (1, 12)
    assert "list" in error.message


def test_line_comment() -> None:
    error = parse_error(b'{\n  "a": 1 // the answer\n}')
    assert error.code == "json-syntax"
    assert (error.line, error.column) == (2, 10)
    assert error.message == "Comments are not allowed in JSON (found '//')."
    assert error.hint == "JSON has no comments: remove it, or keep the note in a field of the data."


def test_block_comment() -> None:
    error = parse_error(b'{/* note */ "a": 1}')
    assert error.code == "json-syntax"
    assert (error.line, error.column) == (1, 2)
    assert error.message == "Comments are not allowed in JSON (found '/*')."


def test_truncated_document() -> None:
    error = parse_error(b'{"partners": [{"name": "A"}, {"name": ')
    assert error.code == "json-syntax"
    assert (error.line, error.column) == (1, 39)
    assert "ends before" in error.message
    assert "incomplete" in error.hint


def test_truncated_inside_a_string() -> None:
    error = parse_error(b'{"partners": [{"name": "Acme')
    assert error.code == "json-syntax"
    assert (error.line, error.column) == (1, 24)
    assert "ends before" in error.message


@pytest.mark.parametrize(
    ("document", "column", "words", "advice"),
    [
        (b"{'a': 1}", 2, "not single quotes", "Replace the single quotes with double quotes."),
        (b"{a: 1}", 2, "The key 'a' is not in double quotes", 'as "a".'),
        (b'{"a": True}', 7, "as true", "Write true."),
        (b'{"a": None}', 7, "None is not a JSON value", "the format has no null values"),
        (b'{"a": yes}', 7, "bare word 'yes'", 'Write the text in double quotes, as "yes".'),
        (b'{"a": 1 "b": 2}', 9, "comma is missing", "Add a comma (,) before this item."),
        (b'{"a":1,,"b":2}', 8, "two commas", "Remove the extra comma"),
        (b'{"a":}', 6, "no value", "Write the value after the colon, or remove the key."),
        (b'{"a" 1}', 6, "expected a colon", "Put a colon (:) between the key and its value."),
        (b'{"a": 01}', 7, "no leading zeros", "Remove the leading zeros."),
        (b'{"a": +1}', 7, "no + sign", "Remove the + sign."),
        (b'{"a": .5}', 7, "decimal point", "Write it like 0.5 or 1.0."),
        (b'{"a": "x\ty"}', 9, "a tab (U+0009)", "Write it as the escape \\t instead."),
        (b'{"a": "C:\\Users"}', 10, "the escape \\U,", "double it: \\\\."),
        (b'{"a": "\\u12"}', 8, "four hexadecimal digits", "Complete the escape"),
        (b'{"a": 1]', 8, "expected a comma", "close the object or list here"),
        (b"{  \x00}", 4, "U+0000", 'Write the key here, in double quotes, like "name".'),
        (b'{"a":1,}', 7, "(a trailing comma)", "Remove the comma after the last item."),
    ],
)
def test_syntax_errors_in_plain_words(
    document: bytes, column: int, words: str, advice: str
) -> None:
    """Each kind of syntax error is named in the message, and the hint says how to fix it."""
    error = parse_error(document)
    assert error.code == "json-syntax"
    assert (error.line, error.column) == (1, column)
    assert words in error.message
    assert advice in error.hint
    assert "Expecting" not in error.message  # not the standard library's wording
    assert error.hint != PARSE_CODES["json-syntax"].hint  # said for this situation


# --- The top level -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "kind"),
    [("[]", "a list"), ("null", "null"), ('"x"', "text"), ("5", "number"), ("true", "true")],
)
def test_top_level_must_be_an_object(document: str, kind: str) -> None:
    error = parse_error(" " + document)
    assert error.code == "json-not-object"
    assert (error.line, error.column, error.pointer) == (1, 2, "")
    assert kind in error.message
    assert "must be one JSON object" in error.message


# --- Numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(literal: str) -> None:
    error = parse_error('{"a": [1, ' + literal + "]}")
    assert error.code == "json-non-finite"
    assert (error.line, error.column, error.pointer) == (1, 11, "/a/1")
    assert literal in error.message
    assert "finite" in error.message


@pytest.mark.parametrize("literal", ["1e400", "-1e400", "1" + "0" * 400 + ".5"])
def test_number_overflowing_to_infinity(literal: str) -> None:
    error = parse_error('{"x": 1e308, "big": ' + literal + "}")
    assert error.code == "json-non-finite"
    assert (error.column, error.pointer) == (21, "/big")
    assert "too large" in error.message
    assert len(error.message) < 300  # the 400-digit number is cut


def test_integer_with_too_many_digits() -> None:
    error = parse_error('{"ok": 1, "n": ' + "7" * 5000 + "}")
    assert error.code == "json-number-too-long"
    assert (error.line, error.column, error.pointer) == (1, 16, "/n")
    assert "5000 digits" in error.message
    assert "7" * 100 not in error.message


def test_long_integer_within_the_limit_is_accepted() -> None:
    assert parse_json('{"n": ' + "9" * 4000 + "}")["n"] == int("9" * 4000)


# --- Duplicate keys ----------------------------------------------------------------------------


def test_duplicate_key_at_the_top() -> None:
    error = parse_error(b'{"a": 1, "b": 2, "a": 3}')
    assert error.code == "json-duplicate-key"
    assert (error.line, error.column, error.pointer) == (1, 18, "")
    assert "The key 'a' appears more than once" in error.message


def test_duplicate_key_nested() -> None:
    document = b'{"partners": [\n  {"id": 1},\n  {"id": 2, "id": 3}\n]}'
    error = parse_error(document)
    assert error.code == "json-duplicate-key"
    assert (error.line, error.column, error.pointer) == (3, 13, "/partners/1")
    assert "The key 'id' appears" in error.message


def test_duplicate_key_pointer_is_escaped() -> None:
    error = parse_error(b'{"a/b~c": [{"x/y~z": 1, "x/y~z": 2}]}')
    assert error.code == "json-duplicate-key"
    assert error.pointer == "/a~1b~0c/0"
    assert "'x/y~z'" in error.message


def test_keys_equal_after_decoding_are_duplicates() -> None:
    error = parse_error(b'{"a": 1, "\\u0061": 2}')
    assert error.code == "json-duplicate-key"
    assert error.column == 10


def test_duplicate_key_with_terminal_escape_sequence() -> None:
    error = parse_error(b'{"\\u001b[31m\\u009b2J": 1, "\\u001b[31m\\u009b2J": 2}')
    assert error.code == "json-duplicate-key"
    assert "\x1b" not in error.message
    assert "\x9b" not in error.message
    assert "\x1b" not in str(error)
    assert "\\u001b[31m" in error.message


def test_very_long_duplicate_key_is_cut() -> None:
    key = "k" * 5000
    error = parse_error('{"' + key + '": 1, "' + key + '": 2}')
    assert error.code == "json-duplicate-key"
    assert "k" * 61 not in error.message
    assert "\u2026" in error.message


# --- Nesting -----------------------------------------------------------------------------------


def test_depth_64_is_accepted_and_65_refused() -> None:
    assert parse_json(nested_objects(64))
    error = parse_error(nested_objects(65))
    assert error.code == "json-too-deep"
    assert error.pointer == "/a" * 64
    assert (error.line, error.column) == (1, 5 * 64 + 1)
    assert "64 levels" in error.message


def test_depth_counts_lists_too() -> None:
    document = '{"a": ' + "[" * 63 + "]" * 63 + "}"
    assert parse_json(document)
    error = parse_error('{"a": ' + "[" * 64 + "]" * 64 + "}")
    assert error.code == "json-too-deep"
    assert error.pointer == "/a" + "/0" * 63


def test_max_depth_can_be_lowered() -> None:
    assert parse_json('{"a": {"b": []}}', max_depth=3)
    error = parse_error('{"a": {"b": []}}', max_depth=2)
    assert error.code == "json-too-deep"
    assert error.pointer == "/a/b"


def _depth(value: object) -> int:
    """Count the levels of objects and lists in a parsed value, by recursion."""
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    return 0


_ESCAPING_TEXT = st.text(alphabet='\\"[]{}a\u00e9\n', max_size=12)


@given(
    st.recursive(
        st.none() | _ESCAPING_TEXT,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(_ESCAPING_TEXT, inner, max_size=3)
        ),
        max_leaves=20,
    ),
    st.integers(min_value=1, max_value=9),
)
def test_depth_of_text_with_escapes_read_in_slices(value: Any, slice_size: int) -> None:
    # The depth check reads a document with escapes a slice at a time: escapes, backslash
    # runs and brackets inside strings must count the same wherever the slices end.
    from partnering._json import _checks

    document = json.dumps({"v": value}, ensure_ascii=False)
    depth = _depth({"v": value})
    original = _checks._SLICE
    _checks._SLICE = slice_size
    try:
        assert _checks.deeper_than(document.encode(), depth) is False
        assert _checks.deeper_than(document.encode(), depth - 1) is True
    finally:
        _checks._SLICE = original


def test_document_of_escapes_is_read_within_its_depth() -> None:
    # Every escape kind, in runs that end on each side of a quote.
    text = '\\\\\\"[\\u00e9\\n\\\\' * 1000
    document = '{"a": ["' + text + '"]}'
    assert parse_json(document, max_depth=2) == {"a": [json.loads('"' + text + '"')]}
    assert parse_error(document, max_depth=1).code == "json-too-deep"


@pytest.mark.parametrize(
    ("document", "pointer", "offset"),
    [
        ("[" * 100_000, "/0" * 64, 64),
        ("[" * 100_000 + "]" * 100_000, "/0" * 64, 64),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "/a" * 64, 5 * 64),
        ('{"a":' * 100_000, "/a" * 64, 5 * 64),
    ],
)
def test_hundred_thousand_nested_brackets(document: str, pointer: str, offset: int) -> None:
    started = time.perf_counter()
    error = parse_error(document)
    assert time.perf_counter() - started < 10  # bounded; in practice a few milliseconds
    assert error.code == "json-too-deep"
    assert (error.pointer, error.offset) == (pointer, offset)


def test_nesting_beyond_what_the_interpreter_can_read() -> None:
    # With a limit raised beyond the interpreter's stack, the error is still a parse error.
    document = "[" * 100_000 + "]" * 100_000
    result = parse_or_error('{"a": ' + document + "}", max_depth=200_000)
    if isinstance(result, JSONParseError):
        assert result.code == "json-too-deep"
    else:  # an interpreter with a very deep stack  # pragma: no cover
        assert "a" in result


# --- Lone surrogates ---------------------------------------------------------------------------


def test_lone_high_surrogate() -> None:
    error = parse_error(b'{"partners": [{"name": "Acme \\ud83d"}]}')
    assert error.code == "json-lone-surrogate"
    assert (error.line, error.column, error.pointer) == (1, 30, "/partners/0/name")
    assert "\\ud83d" in error.message
    assert "half" in error.message


def test_lone_low_surrogate() -> None:
    error = parse_error(b'{"a": "x\\ude00y"}')
    assert error.code == "json-lone-surrogate"
    assert (error.line, error.column, error.pointer) == (1, 9, "/a")
    assert "\\ude00" in error.message


def test_high_surrogate_followed_by_another_high() -> None:
    error = parse_error(b'{"a": "\\ud800\\ud800\\udc00"}')
    assert error.code == "json-lone-surrogate"
    assert error.column == 8


def test_low_surrogate_after_literal_backslash_text() -> None:
    # "\\ud800" is a backslash and letters, so the "\udc00" after it stands alone.
    error = parse_error(b'{"a": "\\\\ud800\\udc00"}')
    assert error.code == "json-lone-surrogate"
    assert error.column == 15


def test_lone_surrogate_in_a_key() -> None:
    error = parse_error(b'{"p": {"\\udc00": 1}}')
    assert error.code == "json-lone-surrogate"
    assert error.pointer == "/p"


# --- Messages and pointers ---------------------------------------------------------------------


def test_quote_escapes_and_cuts_in_single_quotes() -> None:
    """quote() doubles backslashes and escapes invisible characters as JSON would."""
    assert quote('a"b\\c\n') == "'a\"b\\\\c\\n'"
    assert quote("\x1b\x7f\x9b\u202e\U000e0001\ud800\b\f") == (
        "'\\u001b\\u007f\\u009b\\u202e\\udb40\\udc01\\ud800\\b\\f'"
    )
    assert quote("\u00e9\U0001f600 it's") == "'\u00e9\U0001f600 it's'"
    assert quote("x" * 1000) == "'" + "x" * 60 + "\u2026'"
    assert quote("x" * 30, limit=20) == "'" + "x" * 20 + "\u2026'"


def test_safe_text_escapes_invisible_characters_but_keeps_backslashes() -> None:
    """safe_text() escapes what a terminal would not print, and leaves text already safe."""
    assert safe_text("a\nb\t\x00\u2028") == "a\\nb\\t\\u0000\\u2028"
    assert safe_text("C:\\Users \\u001b") == "C:\\Users \\u001b"
    assert safe_text("y" * 61) == "y" * 60 + "\u2026"


@given(st.text())
def test_safe_text_is_printable_and_can_be_applied_twice(text: str) -> None:
    """What safe_text() returns is printable, and making it safe again changes nothing."""
    once = safe_text(text, limit=len(text))
    assert once.isprintable()
    assert safe_text(once, limit=len(once)) == once


@given(st.text())
def test_quote_is_printable_and_plain_text_is_kept(text: str) -> None:
    """A quoted value is printable; text without backslash or invisible character is kept."""
    quoted = quote(text, limit=len(text))
    assert quoted.isprintable()
    assert quoted[0] == quoted[-1] == "'"
    if text.isprintable() and "\\" not in text:
        assert quoted == "'" + text + "'"


@pytest.mark.parametrize(
    ("document", "quoted"),
    [
        (b'{"a": 1, "a": 2}', "The key 'a' appears"),
        (b'{"k\\\\u": 1, "k\\\\u": 2}', "The key 'k\\\\u' appears"),
        (b'{"a": 1} {"b": 2}', "starting with '{\"b\": 2}'."),
        (b'{"a": maybe}', "the bare word 'maybe'"),
        (b"{nmae: 1}", "The key 'nmae' is not"),
        (b'{"a": 1 # note\n}', "(found '#')"),
        (b'{"a": 1 @}', "Unexpected '@'"),
    ],
)
def test_the_reader_quotes_text_from_the_document_in_single_quotes(
    document: bytes, quoted: str
) -> None:
    """Text from the document is quoted as the rest of the library quotes it: 'like this'."""
    assert quoted in parse_error(document).message


def test_one_quoting_style_across_the_reader_and_the_schema_layer() -> None:
    """A key is quoted the same way by the reader and by the schema layer."""
    from partnering import validate

    schema = validate(b'{"schema_version": "1.0", "nmae": "x"}').issues[0]
    parse = validate(b'{"schema_version": "1.0", "nmae": 1, "nmae": 2}').issues[0]
    assert (schema.code, parse.code) == ("unknown-field", "json-duplicate-key")
    assert schema.message.startswith("'nmae' is not a field")
    assert parse.message.startswith("The key 'nmae' appears")


# --- Hints -------------------------------------------------------------------------------------

INCOMPLETE = (
    "The file may be incomplete: check that it was saved or downloaded completely, and that "
    "every object and list is closed."
)

#: For each parse code, documents that give it, each with the hint it must carry, and
#: whether that is the catalogue's hint for the code (rather than one for the situation).
HINTS: list[tuple[str, bytes | str, dict[str, int], str, bool]] = [
    (
        "json-too-large",
        b'{"a": 1}',
        {"max_bytes": 4},
        "Split the file, or raise the limit if the file is trusted.",
        True,
    ),
    (
        "json-encoding",
        b"\xef\xbb\xbf{}",
        {},
        "Save the file as UTF-8 without a byte order mark (in many editors this is called "
        "'UTF-8' rather than 'UTF-8 with BOM').",
        False,
    ),
    (
        "json-encoding",
        '{"a": 1}'.encode("utf-16"),
        {},
        "Save the file as UTF-8 without a byte order mark.",
        True,
    ),
    (
        "json-encoding",
        b'{"a": "caf\xe9"}',
        {},
        "Save the file as UTF-8 without a byte order mark.",
        True,
    ),
    (
        "json-encoding",
        "\ufeff{}",
        {},
        "Remove the byte order mark; if the text was read from a file, save that file as "
        "UTF-8 without a byte order mark.",
        False,
    ),
    ("json-encoding", '{"a": "\ud800"}', {}, "Replace it with the intended character.", False),
    (
        "json-empty",
        b" ",
        {},
        "Check that the right file was given and that it was saved completely.",
        True,
    ),
    ("json-syntax", b'{"a": 1,}', {}, "Remove the comma after the last item.", False),
    ("json-syntax", b'{"a": [1, 2,]}', {}, "Remove the comma after the last item.", False),
    (
        "json-syntax",
        b'{"a": 1 /* no */}',
        {},
        "JSON has no comments: remove it, or keep the note in a field of the data.",
        False,
    ),
    (
        "json-syntax",
        b'{"a": "x',
        {},
        'Close the text with a double quote ("). ' + INCOMPLETE,
        False,
    ),
    ("json-syntax", b'{"a": ', {}, INCOMPLETE, False),
    (
        "json-trailing-data",
        b"{} []",
        {},
        "A document holds exactly one JSON object: remove what follows it, or move it inside "
        "the object.",
        True,
    ),
    ("json-duplicate-key", b'{"a": 1, "a": 1}', {}, "Keep one of the two values.", True),
    (
        "json-non-finite",
        b'{"a": NaN}',
        {},
        "Write a finite number, or leave the field out.",
        True,
    ),
    (
        "json-non-finite",
        b'{"a": 1e999}',
        {},
        "Check the value: numbers must lie between about -1.8e308 and 1.8e308.",
        False,
    ),
    (
        "json-number-too-long",
        b'{"a": ' + b"1" * 5000 + b"}",
        {},
        "Write the value as a string under extensions, or leave it out.",
        True,
    ),
    (
        "json-too-deep",
        b'{"a": {"b": {}}}',
        {"max_depth": 2},
        "Restructure the data so it is at most 2 levels deep.",
        False,
    ),
    (
        "json-lone-surrogate",
        b'{"a": "\\udc00"}',
        {},
        "Replace it with the intended character, or with both escapes of the pair.",
        False,
    ),
    ("json-not-object", b"[]", {}, "Wrap the data in one object with a schema_version.", True),
    (
        "json-other-format",
        b"id,name\ntpi,TPI\n",
        {},
        "A CSV export holds one table, while an exchange file holds every list in one JSON "
        "document: read the table through a mapping with 'partnering import', or give the "
        "folder of CSV files in the spreadsheet layout that holds it. Export the data as JSON "
        "in the interchange format (see the format reference), or start from the file that "
        "'partnering init' writes.",
        False,
    ),
]


@pytest.mark.parametrize(("code", "document", "limits", "hint", "default"), HINTS)
def test_every_parse_error_carries_its_hint(
    code: str, document: bytes | str, limits: dict[str, int], hint: str, default: bool
) -> None:
    """Each parse error has a hint: the catalogue's, or one said for the situation."""
    error: JSONParseError | DocumentTooLargeError = (
        too_large(document, **limits)
        if code == "json-too-large"
        else parse_error(document, **limits)
    )
    assert error.code == code
    assert error.hint == hint
    assert (error.hint == PARSE_CODES[code].hint) is default


def test_the_hints_cover_every_parse_code() -> None:
    """Every code the reader can raise is in the table of hints above.

    Reading a file (read-error) and checking data given as Python values (not-json-data)
    happen outside the reader.
    """
    assert {code for code, *_ in HINTS} == set(PARSE_CODES) - {"read-error", "not-json-data"}


def test_a_parse_issue_carries_the_hint_of_its_error() -> None:
    """validate() passes the reader's hint on to the issue, not a generic one."""
    from partnering import validate

    (issue,) = validate(b'{"schema_version": "1.0",}').issues
    assert issue.hint == "Remove the comma after the last item."
    (issue,) = validate(b'"x"').issues
    assert issue.hint == "Wrap the data in one object with a schema_version."


def test_a_parse_error_prints_its_message_hint_and_place() -> None:
    """str() of a parse error reads: what is wrong, what to do, then where."""
    error = parse_error(b'{"a":1,}')
    assert str(error) == (
        "There is a comma after the last item of this object, which JSON does not allow "
        "(a trailing comma). Remove the comma after the last item. (line 1, column 7)"
    )


# --- Numbers that are not finite ---------------------------------------------------------------


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "-1e400"])
def test_non_finite_numbers_never_suggest_null(literal: str) -> None:
    """The format has no null values, so the advice for NaN is a finite number or nothing."""
    error = parse_error('{"extensions": {"x:y": ' + literal + "}}")
    assert error.code == "json-non-finite"
    assert "null" not in error.message
    assert "null" not in error.hint


def test_nan_message_and_hint() -> None:
    """NaN is named as not allowed, and the hint offers a finite number or leaving it out."""
    error = parse_error(b'{"share": NaN}')
    assert error.message == "NaN is not allowed in JSON: numbers must be finite."
    assert error.hint == "Write a finite number, or leave the field out."


def test_a_key_without_value_does_not_suggest_null() -> None:
    """A colon without a value asks for the value, or for the key to go."""
    error = parse_error(b'{"a": }')
    assert "null" not in error.message + error.hint


# --- The root, shown to a person ---------------------------------------------------------------


def test_display_pointer_names_the_root() -> None:
    """The empty path is shown as (root); every other path as its JSON Pointer."""
    assert display_pointer(()) == "(root)"
    assert display_pointer([]) == "(root)"
    assert display_pointer([""]) == "/"
    assert display_pointer(["partners", 0, "a/b"]) == "/partners/0/a~1b"


def test_a_parse_error_at_the_root_prints_root() -> None:
    """str() of an error at the top-level object says (root), not /."""
    error = parse_error(b'{"a": 1, "a": 2}')
    assert error.pointer == ""
    assert str(error).endswith("(line 1, column 10; at (root))")


def test_a_nested_parse_error_prints_its_pointer() -> None:
    """str() of an error inside the document prints the pointer, escaped."""
    error = parse_error(b'{"p/q": {"\\u001b": [NaN]}}')
    assert str(error).endswith("(line 1, column 21; at /p~1q/\\u001b/0)")


def test_invalid_document_error_names_the_root() -> None:
    """The summary of an invalid document shows a root-level issue at (root)."""
    from partnering.report import Issue, Report, Severity

    issue = Issue(code="missing-field", severity=Severity.ERROR, path=(), message="m")
    nested = Issue(code="missing-field", severity=Severity.ERROR, path=("\x1b",), message="m")
    root = InvalidDocumentError(Report(issues=(issue,)))
    assert str(root).endswith("; first at (root): m")
    escaped = InvalidDocumentError(Report(issues=(nested,)))
    assert str(escaped).endswith("; first at /\\u001b: m")


def test_format_pointer() -> None:
    assert format_pointer(()) == ""
    assert format_pointer(["partners", 0, "a/b", "m~n", ""]) == "/partners/0/a~1b/m~0n/"
    assert escape_pointer_segment("~1") == "~01"


# --- Properties --------------------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=25,
)
json_documents = st.dictionaries(st.text(), json_values)


def depth_of(value: Any) -> int:
    """Return how many containers are nested in *value*, itself included."""
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    return 0


def exact_loads(text: str | bytes) -> Any:
    """Read JSON as the standard library does, with numbers that have a fraction exact."""
    return json.loads(text, parse_float=Decimal)


@given(json_documents)
def test_round_trip_ascii(document: dict[str, Any]) -> None:
    assume(depth_of(document) <= DEFAULT_MAX_DEPTH)
    text = json.dumps(document)
    result = parse_json(text)
    assert repr(result) == repr(exact_loads(text))  # same key order, same number types


@given(json_documents)
def test_round_trip_utf8_bytes(document: dict[str, Any]) -> None:
    assume(depth_of(document) <= DEFAULT_MAX_DEPTH)
    data = json.dumps(document, ensure_ascii=False, indent=1).encode()
    result = parse_json(data)
    assert repr(result) == repr(exact_loads(data))


@given(json_documents)
def test_depth_limit_is_exact(document: dict[str, Any]) -> None:
    depth = depth_of(document)
    data = json.dumps(document).encode()
    assert parse_json(data, max_depth=depth) == exact_loads(data)
    with pytest.raises(JSONParseError) as caught:
        parse_json(data, max_depth=depth - 1)
    assert caught.value.code == "json-too-deep"


escape_pieces = st.sampled_from(
    [
        *("a", "u", "d800", "\u00e9", "[", "]", "{", "}"),
        *("\\\\", '\\"', "\\n", "\\u0041", "\\\\u"),
        *("\\ud800", "\\udbff", "\\ud83d", "\\udc00", "\\ude00"),
    ]
)


@given(st.lists(escape_pieces, max_size=12))
def test_lone_surrogates_are_found_exactly(pieces: list[str]) -> None:
    document = '{"k": ["' + "".join(pieces) + '", 1]}'
    expected = json.loads(document)
    if any(0xD800 <= ord(char) <= 0xDFFF for char in expected["k"][0]):
        with pytest.raises(JSONParseError) as caught:
            parse_json(document)
        assert caught.value.code == "json-lone-surrogate"
        assert caught.value.pointer == "/k/0"
    else:
        assert parse_json(document) == expected


@given(st.binary(max_size=200) | st.text(max_size=200))
def test_any_input_gives_a_dict_or_a_parse_error(data: bytes | str) -> None:
    result = parse_or_error(data)
    if isinstance(result, JSONParseError):
        assert result.code.startswith("json-")
        assert result.message.isprintable()  # input quoted in it is escaped
    else:
        assert isinstance(result, dict)


@given(json_documents, st.data())
def test_damaged_documents_give_a_dict_or_a_parse_error(
    document: dict[str, Any], data: st.DataObject
) -> None:
    text = json.dumps(document)
    position = data.draw(st.integers(0, len(text)))
    inserted = data.draw(st.sampled_from(["", ",", "]", "}", "[", "{", '"', "\\", "NaN", "/"]))
    cut = data.draw(st.integers(0, 3))
    damaged = text[:position] + inserted + text[position + cut :]
    result = parse_or_error(damaged)
    if isinstance(result, JSONParseError):
        assert result.code.startswith("json-")
        assert result.message.isprintable()
    else:
        assert result == exact_loads(damaged)
        assert not any(isinstance(v, Decimal) and not v.is_finite() for v in result.values())


def unescape_pointer_segment(segment: str) -> str:
    """Undo :func:`escape_pointer_segment` for a key, as RFC 6901 section 4 says."""
    return segment.replace("~1", "/").replace("~0", "~")


@given(st.text())
def test_pointer_segment_escaping_round_trips(segment: str) -> None:
    escaped = escape_pointer_segment(segment)
    assert "/" not in escaped
    assert unescape_pointer_segment(escaped) == segment


@given(st.lists(st.text() | st.integers(min_value=0)))
def test_format_pointer_round_trips(path: list[str | int]) -> None:
    pointer = format_pointer(path)
    assert (pointer == "") == (not path)
    segments = [unescape_pointer_segment(part) for part in pointer.split("/")[1:]]
    assert segments == [str(step) for step in path]


# --- Shared flat objects, for the validator ------------------------------------------------


def test_equal_flat_objects_are_one_dict_when_shared() -> None:
    text = '{"a": [{"id": "p", "n": 1, "x": null}, {"id": "p", "n": 1, "x": null}]}'
    shared, _ = parse_json_text(text, shared=True)
    first, second = shared["a"]
    assert first is second
    assert first == {"id": "p", "n": 1, "x": None}
    plain = parse_json(text)
    assert plain["a"][0] is not plain["a"][1]  # the default: every object its own dict


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ('{"n": 1}', '{"n": true}'),  # equal in Python, another JSON value
        ('{"n": 1.0}', '{"n": 1.00}'),  # equal decimals, another text
        ('{"n": 1}', '{"n": 1.0}'),
        ('{"n": "1"}', '{"n": 1}'),
        ('{"a": 1, "b": 2}', '{"b": 2, "a": 1}'),  # another order of keys
    ],
)
def test_objects_that_differ_in_their_text_are_never_one_dict(one: str, other: str) -> None:
    data, _ = parse_json_text(f'{{"a": [{one}, {other}]}}', shared=True)
    first, second = data["a"]
    assert first is not second
    assert json_text(first, indent=None) == one
    assert json_text(second, indent=None) == other


def test_objects_with_booleans_decimals_or_containers_are_not_shared() -> None:
    for value in ("true", "2.5", "[1]", '{"b": 1}'):
        data, _ = parse_json_text(f'{{"a": [{{"v": {value}}}, {{"v": {value}}}]}}', shared=True)
        assert data["a"][0] is not data["a"][1], value
    # The flat object inside is shared, though its container is not.
    data, _ = parse_json_text('{"a": [{"v": {"b": 1}}, {"v": {"b": 1}}]}', shared=True)
    assert data["a"][0]["v"] is data["a"][1]["v"]


def test_the_memory_of_shared_objects_is_bounded() -> None:
    # After as many other flat objects as the memory holds, an object written again is a new
    # dict: remembering costs a fixed amount, however many distinct records a file has.
    others = ", ".join(f'{{"id": "{i}"}}' for i in range(SHARED_OBJECTS))
    data, _ = parse_json_text(f'{{"a": [{{"id": "p"}}, {others}, {{"id": "p"}}]}}', shared=True)
    assert data["a"][0] == data["a"][-1]
    assert data["a"][0] is not data["a"][-1]
    near, _ = parse_json_text('{"a": [{"id": "p"}, {"id": "q"}, {"id": "p"}]}', shared=True)
    assert near["a"][0] is near["a"][-1]


def test_a_repeated_key_is_refused_when_shared_too() -> None:
    with pytest.raises(JSONParseError) as caught:
        parse_json_text('{"a": [{"id": "p"}, {"id": "p", "id": "q"}]}', shared=True)
    assert caught.value.code == "json-duplicate-key"
    assert caught.value.pointer == "/a/1"  # the object that repeats a key


@given(json_documents)
def test_shared_parse_equals_the_plain_parse(document: dict[str, Any]) -> None:
    assume(depth_of(document) <= DEFAULT_MAX_DEPTH)
    text = json.dumps(document)
    shared, _ = parse_json_text(text, shared=True)
    assert repr(shared) == repr(exact_loads(text))


@given(json_documents)
def test_sharing_short_texts_changes_no_value(document: dict[str, Any]) -> None:
    text = json.dumps(document)
    data = exact_loads(text)
    share_short_texts(data)
    assert repr(data) == repr(exact_loads(text))  # the same values, types and key order
