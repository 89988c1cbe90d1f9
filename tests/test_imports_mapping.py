"""Mappings: problems found at their line before any data is read; names, dates and lists."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from partnering._patterns import ID
from partnering.imports import import_table, read_mapping
from partnering.imports._dates import MONTHS, DateForm, read_date
from partnering.imports._mapping import parse_mapping
from partnering.imports._names import ListRules, is_not_organisation, name_key, slug, split_list

BAD = """\
namespace = "bad"
[dates]
forms = ["YYYY-MM-DD", "YYYY-QQ"]

[partners.types]
"Acme Ltd" = "99"

[partnerships.columns]
Project = "title"
Partners = "participants"
Begins = "begins_on"

[crosswalks.countries]
Britain = "UK"
"""


def test_each_problem_of_a_mapping_is_found_at_its_line() -> None:
    mapping, findings = parse_mapping(BAD, "bad.toml")
    assert mapping is None
    assert sorted((f.code, f.where) for f in findings) == [
        ("mapping-date-form", "bad.toml:3"),
        ("mapping-unknown-code", "bad.toml:14"),  # UK is not ISO 3166-1
        ("mapping-unknown-code", "bad.toml:6"),  # no organisation type 99
        ("mapping-unknown-field", "bad.toml:11"),
    ]


def test_a_missing_column_is_found_before_any_row_is_read(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text(
        '[partnerships.columns]\nProject = "title"\n\n"Partner list" = "participants"\n'
    )
    # The second row would be set aside if it were read: it is not.
    (tmp_path / "s.csv").write_text("Project,Partners\nA,X; Y\nB,etc.\n")
    result = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert [(f.code, f.where) for f in result.findings] == [("mapping-missing-column", "m.toml:4")]
    assert result.report is None


def test_a_mapping_that_is_not_toml_says_so(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text("[partnerships\n")
    mapping, findings = read_mapping(tmp_path / "m.toml")
    assert mapping is None
    assert [f.code for f in findings] == ["mapping-syntax"]


def test_a_row_without_enough_partners_is_set_aside_and_the_rest_import(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text('[partnerships.columns]\nP = "title"\nW = "participants"\n')
    (tmp_path / "s.csv").write_text(
        "P,W\nOne,A Ltd; B Trust\nTwo,A Ltd\nThree,B Trust; C Council\n"
    )
    result = import_table(tmp_path / "m.toml", tmp_path / "s.csv")
    assert result.dataset is not None
    assert [p.title for p in result.dataset.partnerships] == ["One", "Three"]
    assert [(f.code, f.where) for f in result.findings if f.severity == "error"] == [
        ("single-participant", "s.csv row 3")
    ]


@given(st.sampled_from(["Ltd", "Ltd.", "Limited", "Inc.", "LLC", "plc"]), st.booleans())
def test_suffixes_case_and_punctuation_do_not_tell_partners_apart(suffix: str, upper: bool) -> None:
    name = "Example Water Company Trust"
    written = f"{name.upper() if upper else name}, {suffix}"
    assert name_key(written) == name_key(name) == "example water company trust"


@given(st.text())
def test_a_slug_is_always_an_id(text: str) -> None:
    assert ID.matches(slug(text))


@given(
    st.lists(st.from_regex(r"[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){0,2}", fullmatch=True), min_size=1)
)
def test_a_list_splits_into_its_names_whatever_the_separators(names: list[str]) -> None:
    cell = "; ".join(names[:1]) + "".join(
        f"{sep}{n}" for sep, n in zip([", ", ";"] * len(names), names[1:], strict=False)
    )
    rules = ListRules(separators=(";", ","), drop=("and", "etc."))
    pieces = [p.text for p in split_list(cell + ", etc.", rules) if p.text]
    assert pieces == [n for n in names if n.casefold() not in ("and", "etc")]


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_month_forms_give_partial_dates_and_never_a_day(year: int, month: int) -> None:
    forms = [DateForm.of(name) for name in ("Mon-YYYY", "Mon. YYYY", "Month YYYY")]
    name = MONTHS[month - 1]
    for text in (f"{name[:3].title()}-{year}", f"{name[:3]}. {year}", f"{name.title()} {year}"):
        read = read_date(text, forms)
        assert read is not None
        assert (read.text, read.partial) == (f"{year:04d}-{month:02d}", True)


def test_things_that_are_no_organisation() -> None:
    for text in ("private donors", "etc.", "an anonymous foundation", "Dr Jane Placeholder",
                 "and several other funders", "Others"):  # fmt: skip
        assert is_not_organisation(text), text
    for text in ("Fictional River Trust", "Acme Example Ltd", "Placeholder University"):
        assert not is_not_organisation(text), text


def test_the_reference_lists_every_finding_code_with_its_kind_and_severity() -> None:
    from partnering.imports import FINDING_CODES

    page = (Path(__file__).parents[1] / "docs" / "reference" / "mapping-format.md").read_text(
        encoding="utf-8"
    )
    for code, info in FINDING_CODES.items():
        assert f"| `{code}` | {info.kind} | {info.severity} | {info.title} |" in page, code
