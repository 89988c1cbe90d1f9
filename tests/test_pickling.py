"""Every exception of the library pickles to an equal one, so process pools survive them."""

from __future__ import annotations

import math
import multiprocessing
import pickle
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import partnering
from partnering import (
    Dataset,
    DocumentTooLargeError,
    InvalidDocumentError,
    InvalidValueError,
    JSONParseError,
    PartneringError,
    ReadError,
    UnwritableValueError,
    WriteError,
)
from partnering.report import Issue, Report, Severity

REPORT = Report(
    issues=(
        Issue(
            code="missing-field",
            severity=Severity.ERROR,
            path=("partners", 0, "name"),
            message="'name' is missing; every partner needs one",
            hint="Add the field.",
        ),
    ),
    source="<text>",
)

ERRORS: list[PartneringError] = [
    JSONParseError("json-syntax", "There is a comma too many.", line=1, column=25, offset=24),
    JSONParseError("json-duplicate-key", "The key repeats.", path=("partners", 0, "id")),
    InvalidValueError("name", "must not be empty", code="empty-text"),
    InvalidValueError("sdgs", "item 1 is 18", code="out-of-range", item=1),
    InvalidDocumentError(REPORT),
    ReadError("cannot read 'a.json': no such file", path="a.json"),
    WriteError("cannot write 'a.json': No space left on device", path="a.json"),
    DocumentTooLargeError("The document is 9 bytes, more than the limit of 5 bytes."),
    UnwritableValueError(
        "cannot write the dataset: the value at /title is a set",
        path=("title",),
        problem="is a set",
    ),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_every_error_pickles_to_an_equal_one(error: PartneringError) -> None:
    """The copy has the same type, args, attributes and text, with any protocol."""
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copied = pickle.loads(pickle.dumps(error, protocol=protocol))
        assert type(copied) is type(error)
        assert copied.args == error.args
        assert vars(copied) == vars(error)
        assert str(copied) == str(error)
        assert repr(copied) == repr(error)


def test_an_error_keeps_its_notes_through_pickling() -> None:
    """Notes added to an error come back with it."""
    error = ReadError("cannot read 'a.json': no such file", path="a.json")
    error.__notes__ = ["while checking the batch"]  # type: ignore[attr-defined]  # typed from 3.11
    assert pickle.loads(pickle.dumps(error)).__notes__ == ["while checking the batch"]


def test_the_report_of_an_invalid_document_comes_back_whole() -> None:
    """InvalidDocumentError brings its report through pickle, issue for issue."""
    with pytest.raises(InvalidDocumentError) as caught:
        partnering.loads('{"schema_version": "1.0", "partners": [{"id": "tpi"}]}')
    copied = pickle.loads(pickle.dumps(caught.value))
    assert copied.report == caught.value.report
    assert [issue.pointer for issue in copied.report.issues] == [
        "/partners/0/name",
        "/partners/0/organisation_type",
    ]
    assert str(copied) == str(caught.value)


def smuggled() -> Dataset:
    dataset = Dataset()
    object.__setattr__(dataset, "extensions", {"a:b": math.nan})
    return dataset


def test_a_process_pool_survives_workers_that_raise_library_errors(tmp_path: Path) -> None:
    """Workers raise each error; the pool hands each back, whole, and keeps working."""
    bad_json = '{"schema_version": "1.0",}'
    invalid = '{"schema_version": "1.0", "title": 5}'
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        futures: dict[type[PartneringError], Future[Any]] = {
            JSONParseError: pool.submit(partnering.loads, bad_json),
            InvalidDocumentError: pool.submit(partnering.loads, invalid),
            DocumentTooLargeError: pool.submit(partnering.loads, invalid, max_bytes=5),
            ReadError: pool.submit(partnering.load, tmp_path / "missing.json"),
            WriteError: pool.submit(partnering.dump, Dataset(), tmp_path / "no" / "a.json"),
            UnwritableValueError: pool.submit(partnering.dumps, smuggled()),
            InvalidValueError: pool.submit(partnering.Source, title=""),
        }
        for kind, future in futures.items():
            error = future.exception(timeout=120)
            assert type(error) is kind, error
        invalid_document = futures[InvalidDocumentError].exception()
        assert isinstance(invalid_document, InvalidDocumentError)
        assert [issue.code for issue in invalid_document.report.issues] == ["wrong-type"]
        parse_error = futures[JSONParseError].exception()
        assert isinstance(parse_error, JSONParseError)
        assert (parse_error.code, parse_error.line) == ("json-syntax", 1)
        # The pool is not broken: it still validates and loads.
        report = pool.submit(partnering.validate, invalid).result(timeout=120)
        assert [issue.pointer for issue in report.issues] == ["/title"]
        dataset = pool.submit(partnering.loads, '{"schema_version": "1.0", "title": "x"}')
        assert dataset.result(timeout=120) == Dataset(schema_version="1.0", title="x")
        custom = pool.submit(Dataset, extensions={"a:b": [1, {"c": True}]}).result(timeout=120)
        assert custom == Dataset(extensions={"a:b": [1, {"c": True}]})
        assert hash(custom) == hash(Dataset(extensions={"a:b": [1, {"c": True}]}))
