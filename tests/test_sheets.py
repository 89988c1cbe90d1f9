"""Spreadsheets both ways: the layout, the round trips, and what a person sees at the cells."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnering import Dataset, PartialDate, example_path, load
from partnering._fields import _field, _list, _model
from partnering.codelists import OrganisationType
from partnering.entities import describe
from partnering.frozen import freeze
from partnering.models import Partner, Source
from partnering.sheets import (
    LAYOUT,
    check_sheets,
    read_csv_folder,
    read_workbook,
    write_csv_folder,
    write_workbook,
)
from partnering.sheets._cells import join_items, json_cell, read_json_cell, split_items
from partnering.sheets._layout import derive
from partnering.strategies import datasets

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# JSON values of every type, with the awkward ones the round trip must keep.
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    # Numbers with a fraction or an exponent are exact decimals, as the reader reads them.
    | st.decimals(
        allow_nan=False,
        allow_infinity=False,
        min_value=Decimal("-1e300"),
        max_value=Decimal("1e300"),
    )
    | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


def _fresh(tmp_path: Path, name: str) -> Path:
    """A path in tmp_path not yet used by an earlier example of the same test."""
    index = 0
    while (tmp_path / f"{name}{index}").exists() or (tmp_path / f"{name}{index}.xlsx").exists():
        index += 1
    return tmp_path / f"{name}{index}"


# the layout


def test_the_layout_has_a_sheet_per_entity_list_and_per_list_of_objects() -> None:
    """Each entity list has a sheet; members, participants, ratings and sources have theirs."""
    titles = LAYOUT.titles
    assert titles[:4] == ("Platforms", "Platforms_members", "Platforms_sources", "Partners")
    assert "Partnerships_participants" in titles
    assert "Assessments_ratings" in titles
    assert LAYOUT.sheet("Partnerships_participants").key == "partnership.id"
    assert LAYOUT.sheet("Building_blocks_sources").key == "building_block.id"


def test_the_layout_reads_required_flags_kinds_and_code_lists_from_the_fields() -> None:
    """Columns carry what the model fields declare."""
    partners = {column.header: column for column in LAYOUT.sheet("Partners").columns}
    assert partners["id"].required
    assert partners["id"].kind == "text"
    assert partners["organisation_type"].codes is OrganisationType
    assert not partners["country"].required
    platforms = {column.header: column for column in LAYOUT.sheet("Platforms").columns}
    assert platforms["sdgs"].kind == "list"
    assert platforms["sdgs"].item == "integer"
    assert platforms["launched_on"].kind == "date"
    assert platforms["extensions"].extensions
    assert "members" not in platforms  # on a sheet of its own
    meta = [column.header for column in LAYOUT.meta]
    assert meta[:4] == ["schema_version", "title", "description", "publisher.name"]


@attrs.frozen(kw_only=True)
@_model
class Deliverable:
    """Something a partnership delivers (a model added in a test)."""

    id: str = _field("The deliverable's id.")
    due_on: date | None = _field("When it is due.", default=None)  # noqa: RUF009 - a field
    tags: tuple[str, ...] = _list("Tags.")
    sources: tuple[Source, ...] = _list("Nested objects.")


@attrs.frozen(kw_only=True)
@_model
class Root:
    """A dataset with one more list."""

    schema_version: str = _field("The version.", default="1.0")
    partners: tuple[Partner, ...] = _list("The partners.")
    deliverables: tuple[Deliverable, ...] = _list("The deliverables.")


def test_a_new_entity_and_a_new_field_flow_into_the_layout() -> None:
    """A model added to a copy of the dataset gets its sheet, and its fields their columns."""
    layout = derive(describe(Root))
    assert layout.titles[-2:] == ("Deliverables", "Deliverables_sources")
    sheet = layout.sheet("Deliverables")
    assert [(c.header, c.kind, c.required) for c in sheet.columns] == [
        ("id", "text", True),
        ("due_on", "date", False),
        ("tags", "list", False),
    ]
    assert layout.sheet("Deliverables_sources").key == "deliverable.id"
    assert [c.header for c in layout.sheet("Deliverables_sources").columns][:2] == ["title", "url"]


# cells


@given(st.lists(st.text(min_size=1), max_size=5))
def test_list_cells_keep_every_item(items: list[str]) -> None:
    """Items with separators, backslashes and white space at their ends come back."""
    assert split_items(join_items(items)) == (items or [""])


def test_list_cells_split_as_a_person_types_them() -> None:
    """Spaces around the separator are trimmed; an escaped semicolon is kept."""
    assert split_items("3; 17 ;5") == ["3", "17", "5"]
    assert split_items(r"a\; b; c\\") == ["a; b", "c\\"]
    assert split_items("trailing\\") is None


@given(JSON_VALUES)
def test_json_cells_keep_every_json_value(value: object) -> None:
    """A JSON value written as a cell's text reads back as the same value, written alike."""
    back = read_json_cell(json_cell(value))
    assert back == value
    assert json_cell(back) == json_cell(value)
    # A decimal written without a fraction, such as 0, reads back as the integer it spells.
    assert type(back) is type(value) or isinstance(value, Decimal)


def test_json_cells_show_text_as_text() -> None:
    """Text is written as it is, unless it would read as JSON."""
    assert json_cell("Nairobi") == "Nairobi"
    assert json_cell("5") == '"5"'
    assert json_cell("") == '""'
    assert json_cell(25.0) == "25.0"
    assert json_cell(12345678901234567890) == "12345678901234567890"


# round trips


def test_the_bundled_example_goes_through_a_workbook_and_back(tmp_path: Path) -> None:
    """JSON -> XLSX -> JSON gives the same dataset for the example."""
    dataset = load(example_path())
    write_workbook(dataset, tmp_path / "example.xlsx")
    assert read_workbook(tmp_path / "example.xlsx") == dataset


def test_the_bundled_example_goes_through_csv_files_and_back(tmp_path: Path) -> None:
    """JSON -> CSV -> JSON gives the same dataset for the example."""
    dataset = load(example_path())
    write_csv_folder(dataset, tmp_path / "csv")
    assert read_csv_folder(tmp_path / "csv") == dataset


AWKWARD = Dataset(
    # Titles hold visible text: control characters go in custom data, which holds any text.
    title="Ünïcode 😀 \t =SUM(A1) _x0041_",
    description="x" * 32_767,
    partners=(
        Partner(
            id="001",
            name="  spaced; with \\ backslash  ",
            organisation_type=OrganisationType("21"),
            extensions=freeze(
                {
                    "my-org:empty-list": [],
                    "my-org:empty-object": {},
                    "my-org:null": None,
                    "my-org:true": True,
                    "my-org:big": 2**70,
                    "my-org:float": 25.0,
                    "my-org:text-number": "5",
                    "my-org:text": "Nairobi",
                    "my-org:controls": "line\r\nbreaks \x0b and a vertical tab",
                    "my-org:nested": {"a": [1, "b", None, {"c": -0.5}]},
                }
            ),
        ),
    ),
)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_awkward_values_come_back_exactly(tmp_path: Path, kind: str) -> None:
    """Unicode, control characters, long text, big integers, 25.0 and empty lists survive."""
    if kind == "xlsx":
        write_workbook(AWKWARD, tmp_path / "a.xlsx")
        back = read_workbook(tmp_path / "a.xlsx")
    else:
        write_csv_folder(AWKWARD, tmp_path / "a")
        back = read_csv_folder(tmp_path / "a")
    assert back == AWKWARD
    extensions = back.partners[0].extensions
    assert extensions["my-org:float"] == Decimal("25.0")  # exact, as the reader keeps it
    assert str(extensions["my-org:float"]) == "25.0"
    assert extensions["my-org:big"] == 2**70
    assert extensions["my-org:text-number"] == "5"


def test_text_longer_than_a_cell_is_refused_not_cut(tmp_path: Path) -> None:
    """An Excel cell holds 32,767 characters; a longer text stops the write, naming its cell."""
    from partnering.errors import UnwritableValueError

    with pytest.raises(UnwritableValueError, match=r"Meta!B3: its text has 32,768 characters"):
        write_workbook(Dataset(title="x" * 32_768), tmp_path / "long.xlsx")
    assert not (tmp_path / "long.xlsx").exists()
    write_csv_folder(Dataset(title="x" * 32_768), tmp_path / "long")
    assert read_csv_folder(tmp_path / "long").title == "x" * 32_768


@SLOW
@given(dataset=datasets())
def test_every_dataset_goes_through_a_workbook_and_back(tmp_path: Path, dataset: Dataset) -> None:
    """JSON -> XLSX -> JSON is the identity for every dataset the strategies draw."""
    path = _fresh(tmp_path, "d").with_suffix(".xlsx")
    write_workbook(dataset, path)
    back, report = check_sheets(path)
    assert report.issues == ()
    assert back == dataset


@SLOW
@given(dataset=datasets())
def test_every_dataset_goes_through_csv_files_and_back(tmp_path: Path, dataset: Dataset) -> None:
    """JSON -> CSV -> JSON is the identity for every dataset the strategies draw."""
    path = _fresh(tmp_path, "d")
    write_csv_folder(dataset, path)
    back, report = check_sheets(path)
    assert report.issues == ()
    assert back == dataset


# cells as a person sees them


def test_dates_are_date_cells_and_ids_text_cells(tmp_path: Path) -> None:
    """Out, an id is a text cell and a date a date cell formatted YYYY-MM-DD."""
    dataset = load(example_path())
    write_workbook(dataset, tmp_path / "x.xlsx")
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    platforms = book["Platforms"]
    headers = [cell.value for cell in platforms[1]]
    row, first = next(
        (number, platform)
        for number, platform in enumerate(dataset.platforms, start=2)
        # A date known to the day; a month or a year is a text cell (see the next test).
        if isinstance(platform.launched_on, date)
    )
    launched: Any = platforms.cell(row=row, column=headers.index("launched_on") + 1)
    assert launched.is_date
    assert launched.value.date() == first.launched_on
    assert launched.number_format == "yyyy-mm-dd"
    assert platforms.cell(row=2, column=1).data_type == "s"


def test_a_date_known_to_the_month_is_a_text_cell_and_comes_back(tmp_path: Path) -> None:
    """The bundled example's Kenyan platform was announced in September 2017: '2017-09'."""
    dataset = load(example_path())
    write_workbook(dataset, tmp_path / "x.xlsx")
    platforms = openpyxl.load_workbook(tmp_path / "x.xlsx")["Platforms"]
    headers = [cell.value for cell in platforms[1]]
    ids = [row[0].value for row in platforms.iter_rows(min_row=2)]
    cell = platforms.cell(row=ids.index("kenya-sdgpp") + 2, column=headers.index("launched_on") + 1)
    assert (cell.data_type, cell.value) == ("s", "2017-09")
    back, report = check_sheets(tmp_path / "x.xlsx", today=date(2026, 12, 1))
    assert report.issues == ()
    assert back is not None
    assert back.platforms[0].launched_on == PartialDate(2017, 9)


def test_csv_files_are_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    """Excel needs the mark to open UTF-8; the text is what the dataset holds."""
    write_csv_folder(AWKWARD, tmp_path / "c")
    data = (tmp_path / "c" / "Partners.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    assert rows[0][:3] == ["id", "name", "organisation_type"]
    assert rows[1][:3] == ["001", "  spaced; with \\ backslash  ", "21"]


def test_a_csv_folder_is_never_written_over(tmp_path: Path) -> None:
    """An existing folder with files is refused, and left as it was."""
    from partnering.errors import WriteError

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    with pytest.raises(WriteError, match="not an empty folder"):
        write_csv_folder(Dataset(), folder)
    assert [path.name for path in folder.iterdir()] == ["keep.txt"]
