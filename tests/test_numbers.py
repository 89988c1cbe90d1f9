"""Numbers come back as they were written, and whole-number fields take only whole numbers."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnering
from partnering import Dataset, Validator, dumps, fix, loads, validate
from partnering.cli import main
from partnering.errors import UnwritableValueError
from partnering.frozen import freeze

EVENT = '{"id": "e", "name": "E", "start_date": "2020-01-01", "end_date": "2020-01-02"'


def with_extension(literal: str) -> str:
    return '{"schema_version": "1.0", "extensions": {"x:n": ' + literal + "}}"


def with_count(literal: str, field: str = "participant_count") -> str:
    return '{"schema_version": "1.0", "events": [' + EVENT + f', "{field}": {literal}' + "}]}"


def issues(text: str) -> list[tuple[str, str, str, str]]:
    """Each issue as code, severity, pointer and message; both engines must agree on them."""
    found = [
        [(i.code, i.severity.value, i.pointer, i.message) for i in report.issues]
        for report in (validate(text), Validator(engine="reference").validate(text))
    ]
    assert found[0] == found[1]
    return found[0]


# -- Exact numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "literal",
    [
        "1.00000000000000000001",
        "0.30000000000000000001",
        "1E-400",
        "25.0",
        "1.50",
        "-0.0",
        "123456789012345678901234567890.5",
    ],
)
def test_a_number_in_extensions_is_written_back_as_it_was_written(literal: str) -> None:
    """Load then dump: the number's text is the same, not the nearest double's."""
    dataset = loads(with_extension(literal))
    assert dataset.extensions["x:n"] == Decimal(literal)
    assert f'"x:n": {literal}\n' in dumps(dataset)


def test_precision_is_not_lost_to_a_double() -> None:
    """The three numbers the standard reader rounds stay themselves."""
    values = loads(
        with_extension("[1.00000000000000000001, 0.30000000000000000001, 1E-400]")
    ).extensions["x:n"]
    assert values != [1.0, 0.3, 0.0]
    assert [str(value) for value in values] == [
        "1.00000000000000000001",
        "0.30000000000000000001",
        "1E-400",
    ]


def test_a_number_too_large_for_a_double_is_still_refused() -> None:
    """1e400 would be infinite in most readers: the reader refuses it, as before."""
    assert [(code, pointer) for code, _, pointer, _ in issues(with_extension("1e400"))] == [
        ("json-non-finite", "/extensions/x:n")
    ]


def test_a_float_given_in_python_is_held_as_the_number_it_is_written_as() -> None:
    """0.1 in Python is written 0.1, and equals the 0.1 read back from the file."""
    dataset = Dataset(extensions={"x:n": 0.1})
    assert dataset.extensions["x:n"] == Decimal("0.1")
    assert '"x:n": 0.1\n' in dumps(dataset)
    assert loads(dumps(dataset)) == dataset
    assert hash(loads(dumps(dataset)).extensions) == hash(dataset.extensions)


def test_exact_numbers_survive_pickling() -> None:
    """A pickled dataset keeps its numbers exactly."""
    dataset = loads(with_extension("0.30000000000000000001"))
    assert pickle.loads(pickle.dumps(dataset)).extensions["x:n"] == Decimal(
        "0.30000000000000000001"
    )


def test_a_lone_surrogate_beside_an_exact_number_is_still_refused() -> None:
    """The text written for a Decimal does not hide half a character elsewhere in the data."""
    dataset = Dataset(extensions=freeze({"x:n": Decimal("0.5"), "x:t": "a"}))
    object.__setattr__(dataset.extensions, "_items", {"x:n": Decimal("0.5"), "x:t": "\ud800"})
    with pytest.raises(UnwritableValueError):
        dumps(dataset)


finite_decimals = st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**300)).filter(
    lambda number: abs(number) < Decimal("1E+300")
)


@given(st.lists(finite_decimals, min_size=1, max_size=5))
def test_decimals_in_extensions_round_trip_exactly(numbers: list[Decimal]) -> None:
    """Any finite Decimal in custom data is read back as the same number, and the file is stable."""
    text = dumps(Dataset(extensions={"x:n": numbers}))
    loaded = loads(text)
    assert [Decimal(value) for value in loaded.extensions["x:n"]] == numbers
    assert dumps(loaded) == text
    written = json.loads(text, parse_float=Decimal)["extensions"]["x:n"]
    for number, value in zip(numbers, written, strict=True):
        assert value == number
        if isinstance(value, Decimal):  # written with a fraction or exponent: digits kept
            assert value.as_tuple() == number.as_tuple()


# -- Whole-number fields ------------------------------------------------------------------


def test_a_tiny_number_is_not_a_whole_number() -> None:
    """1e-400 is not 0: a count of it is refused, saying so, at its pointer."""
    assert issues(with_count("1e-400")) == [
        (
            "wrong-type",
            "error",
            "/events/0/participant_count",
            "'participant_count' must be a whole number; 1E-400 is not one",
        )
    ]


@pytest.mark.parametrize(
    ("literal", "shown"),
    [("1E+300", "1E+300"), ("9007199254740992", "9007199254740992")],
)
def test_a_whole_number_beyond_two_to_the_53_is_refused(literal: str, shown: str) -> None:
    """2^53 and 10^300 cannot be held exactly by every reader: integer-too-large."""
    assert issues(with_count(literal, "country_count")) == [
        (
            "integer-too-large",
            "error",
            "/events/0/country_count",
            f"'country_count' is {shown}, beyond 9007199254740991 (2^53 - 1), so not every "
            "JSON reader can hold it exactly",
        )
    ]


def test_the_largest_exchangeable_whole_number_is_accepted() -> None:
    """2^53 - 1 is the largest count, and it is valid."""
    assert issues(with_count("9007199254740991")) == []
    assert loads(with_count("9007199254740991")).events[0].participant_count == 2**53 - 1


def test_a_large_year_in_a_source_is_too_large_rather_than_out_of_range() -> None:
    """A year of 2^60 says it is beyond 2^53 - 1, whatever the year's own range."""
    text = (
        '{"schema_version": "1.0", "events": [' + EVENT + ', "sources": [{"title": "T", '
        '"year": 1152921504606846976}]}]}'
    )
    assert [(code, pointer) for code, _, pointer, _ in issues(text)] == [
        ("integer-too-large", "/events/0/sources/0/year")
    ]


def test_a_whole_number_written_with_a_fraction_is_valid_with_a_warning() -> None:
    """25.0 is the integer 25, as JSON Schema says; a warning names it."""
    assert issues(with_count("25.0")) == [
        (
            "integer-with-fraction",
            "warning",
            "/events/0/participant_count",
            "'participant_count' of event 'e' is the whole number 25, written 25.0; readers "
            "strict about types refuse a fraction or an exponent in a whole number",
        )
    ]
    assert validate(with_count("25.0")).valid
    assert loads(with_count("25.0")).events[0].participant_count == 25


def test_a_whole_number_in_a_list_written_with_an_exponent_is_named() -> None:
    """An SDG written 1.7E1 is 17: the warning points at the item."""
    text = '{"schema_version": "1.0", "partnerships": [{"id": "p", "title": "P", "sdgs": [1.7E1]}]}'
    found = [(code, pointer) for code, _, pointer, _ in issues(text)]
    assert ("integer-with-fraction", "/partnerships/0/sdgs/0") in found


def test_fix_writes_a_whole_number_without_its_fraction() -> None:
    """partnering.fix rewrites 25.0 as 25, and the warning is gone."""
    result = fix(with_count("25.0"))
    assert result.text == with_count("25")
    assert [(change.kind, change.description) for change in result.changes] == [
        ("whole-number-fraction", "25.0 → 25")
    ]
    assert result.report.issues == ()


def test_fix_leaves_numbers_that_are_not_whole_for_a_person() -> None:
    """1e-400 is no whole number: fix does not round it to 0."""
    result = fix(with_count("1e-400"))
    assert result.changes == ()
    assert result.text == with_count("1e-400")


# -- What the command line shows ----------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str]:
    status = main([str(arg) for arg in args])
    return status, capsys.readouterr().out


def test_validate_shows_each_number_issue(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The command line names each number as written, with its code, and exits 1."""
    path = tmp_path / "counts.json"
    path.write_text(
        '{"schema_version": "1.0", "events": [' + EVENT + ', "participant_count": 1e-400, '
        '"country_count": 1E+300}]}',
        encoding="utf-8",
    )
    status, out = run(capsys, "validate", path)
    assert status == 1
    assert "error wrong-type at /events/*/participant_count" in out
    assert "'participant_count' must be a whole number; 1E-400 is not one" in out
    assert "error integer-too-large at /events/*/country_count" in out
    assert "'country_count' is 1E+300, beyond 9007199254740991 (2^53 - 1)" in out


def test_fix_on_the_command_line_rewrites_25_point_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The fix command counts the correction, writes 25 and leaves a valid file."""
    path = tmp_path / "count.json"
    path.write_text(with_count("25.0"), encoding="utf-8")
    status, out = run(capsys, "validate", path)
    assert status == 0
    assert "warning integer-with-fraction at /events/*/participant_count" in out
    status, out = run(capsys, "fix", path)
    assert status == 0
    assert "1 correction written" in out
    assert "(1 whole number written with a fraction)" in out
    assert path.read_text(encoding="utf-8") == with_count("25")
    assert partnering.load(path).events[0].participant_count == 25
