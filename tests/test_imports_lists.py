"""Lists of records from sheets of their own, custom data columns and the Meta sheet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from partnering.imports import import_table
from partnering.imports._mapping import parse_mapping

MAPPING = """\
[dataset]
sheet = "Meta"
[partners]
sheet = "Pa"
[partners.columns]
id = "id"
name = "name"
organisation_type = "organisation_type"
[partnerships]
sheet = "P"
extensions_prefix = "extensions."
[partnerships.columns]
id = "id"
title = "title"
[partnerships.lists.participants]
sheet = "PP"
key = "partnership.id"
[partnerships.lists.participants.columns]
partner_id = "partner_id"
roles = { field = "roles", split = { separators = [";"], escapes = true } }
[partnerships.lists.resources]
sheet = "PR"
key = "partnership.id"
[partnerships.lists.resources.columns]
kind = "kind"
amount = "amount"
currency = "currency"
"""


def _folder(tmp_path: Path, **sheets: str) -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    for name, text in sheets.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def _map(tmp_path: Path, text: str = MAPPING) -> Path:
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    return tmp_path / "m.toml"


def test_items_on_their_own_sheet_join_the_record_their_key_names(tmp_path: Path) -> None:
    source = _folder(
        tmp_path,
        Meta="field,value\ntitle,Wells\nextensions.x:n,[1]\nnope,5\n",
        Pa="id,name,organisation_type\na,A,10\nb,B,70\n",
        P='id,title,extensions.x:a\np1,Wells,"{""b"": 2}"\n',
        PP="partnership.id,partner_id,roles\n"
        "p1,a,funding; implementing\np1,b,\np9,c,\n,d,\np1,a,\n",
        PR='partnership.id,kind,amount,currency\np1,financial,0.10,KES\np1,financial,"1,5",KES\n',
    )
    result = import_table(_map(tmp_path), source)
    assert result.dataset is not None
    assert result.dataset.title == "Wells"
    assert dict(result.dataset.extensions) == {"x:n": [1]}
    (wells,) = result.dataset.partnerships
    assert dict(wells.extensions) == {"x:a": {"b": 2}}
    assert [(p.partner_id, [r.value for r in p.roles]) for p in wells.participants] == [
        ("a", ["funding", "implementing"]),
        ("b", []),
    ]
    # "1,5" is no number: that resource is kept without its amount, which is reported.
    assert [r.amount for r in wells.resources] == [Decimal("0.10"), None]
    found = {(f.code, f.where, f.value) for f in result.findings}
    assert ("row-set-aside", "PP.csv row 4", "p9") in found  # no partnership p9
    assert ("row-set-aside", "PP.csv row 5", None) in found  # no partnership.id
    assert ("row-set-aside", "PP.csv row 6", "a") in found  # a participant twice
    assert ("value-set-aside", "PR.csv row 3, column amount", "1,5") in found
    assert ("value-set-aside", "Meta.csv row 4, column value", "5") in found


def test_a_list_the_record_has_not_and_a_list_without_key_are_named_in_the_mapping() -> None:
    _, findings = parse_mapping(
        '[partnerships.lists.members]\nsheet = "M"\n[events.lists.sources]\nsheet = "S"\n',
        "m.toml",
    )
    assert [(f.code, f.where) for f in findings] == [
        ("mapping-unknown-field", "m.toml:1"),
        ("mapping-bad-value", "m.toml:3"),
    ]


def test_a_missing_key_column_and_meta_sheet_are_found_before_any_data(tmp_path: Path) -> None:
    source = _folder(
        tmp_path,
        Pa="id,name,organisation_type\n",
        P="id,title\np1,Wells\n",
        PP="partnership,partner_id,roles\np1,a,\n",
        PR="partnership.id,kind,amount,currency\n",
    )
    result = import_table(_map(tmp_path), source)
    assert result.dataset is None
    assert [(f.code, f.value) for f in result.findings] == [
        ("mapping-missing-sheet", "Meta"),
        ("mapping-missing-column", "partnership.id"),
    ]
