"""The benchmark's files: both shapes are valid, deterministic, and the peer models cover them."""

from __future__ import annotations

import importlib
import json
import random
from datetime import date
from types import ModuleType

import attrs
import pytest
from benchmarks import generate, text_rich

import partnering
from partnering import models


@pytest.mark.parametrize("shape", generate.SHAPES)
def test_each_shape_is_valid_without_a_warning(shape: str) -> None:
    data = generate.encode(generate.dataset(300, shape=shape))
    report = partnering.validate(data, today=date(2026, 1, 1))
    assert [issue.code for issue in report.issues] == []


@pytest.mark.parametrize("shape", generate.SHAPES)
def test_each_shape_is_the_same_on_every_run(shape: str) -> None:
    assert generate.dataset(150, shape=shape) == generate.dataset(150, shape=shape)


def test_the_text_rich_shape_is_long_on_text_sources_and_dates() -> None:
    compact = generate.dataset(300)
    rich = generate.dataset(300, shape="text-rich")
    # The same records, written out at length, with events and communities besides.
    assert [p["id"] for p in rich["partners"]] == [p["id"] for p in compact["partners"]]
    assert len(generate.encode(rich)) > 2.5 * len(generate.encode(compact))
    assert len(rich["events"]) == 3
    assert len(rich["communities"]) == 1
    assert all(len(p["sources"]) >= 2 for p in rich["partners"])
    assert all(len(p["description"]) > 200 for p in rich["partnerships"])
    assert all("end_date" in p for p in rich["partnerships"])
    text = json.dumps(rich)
    assert text.count("https://") > 3 * json.dumps(compact).count("https://")


def test_the_corrupt_copy_of_the_text_rich_shape_has_issues() -> None:
    document = generate.corrupt(generate.dataset(300, shape="text-rich"))
    report = partnering.validate(generate.encode(document), today=date(2026, 1, 1))
    assert not report.valid


def test_an_unknown_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown shape 'wide'"):
        generate.dataset(10, shape="wide")


def peer() -> ModuleType:
    """The peer models: pydantic comes with the bench extra, which the lint step lacks."""
    pytest.importorskip("pydantic")
    return importlib.import_module("benchmarks.peer")


@pytest.mark.parametrize("name", [name for name in models.__all__ if name[0].isupper()])
def test_the_peer_models_have_partnerings_fields(name: str) -> None:
    model = getattr(models, name)
    if not attrs.has(model):
        return
    ours = {field.name for field in attrs.fields(model)}
    assert set(getattr(peer(), name).model_fields) == ours


@pytest.mark.parametrize("shape", generate.SHAPES)
def test_the_peer_reads_each_shape(shape: str) -> None:
    document = generate.dataset(300, shape=shape)
    loaded = peer().load(generate.encode(document))
    assert len(loaded.partners) == 300
    assert len(loaded.events) == len(document.get("events", []))


def test_every_event_ends_on_a_real_day_after_it_starts() -> None:
    """Events end up to two days after they start, across months: never on 30 February."""
    document = generate.dataset(10, shape="text-rich")
    events = [text_rich._event(random.Random(n), n, document, ["a", "b", "c"]) for n in range(3000)]
    spans = {
        (date.fromisoformat(e["end_date"]) - date.fromisoformat(e["start_date"])).days
        for e in events
    }
    assert spans == {0, 1, 2}
