"""The interchange schemas: generated, committed, shipped, well-formed and self-contained."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import referencing.exceptions
from jsonschema import Draft202012Validator

import partnering
from partnering import SCHEMA_VERSION, validate
from partnering.codelists import CodeList
from partnering.schemagen import dataset_schema, render
from partnering.schemas import get_schema, registry, schema_text

#: The schemas as committed in the repository checkout the tests run from.
SCHEMAS = Path(__file__).parents[1] / "schemas"
COMMITTED = sorted(SCHEMAS.rglob("*.schema.json"))


def code_lists() -> list[type[CodeList]]:
    """Return every code list the models use, found as subclasses of CodeList."""
    return sorted(CodeList.__subclasses__(), key=lambda code_list: code_list.__name__)


def walk(schema: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every schema object nested anywhere in ``schema``, with where it is."""
    if isinstance(schema, dict):
        yield path, schema
        for key, value in schema.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from walk(value, f"{path}/{index}")


def objects(schema: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every schema of a JSON object nested anywhere in ``schema``."""
    return ((path, node) for path, node in walk(schema) if node.get("type") == "object")


def test_the_committed_schema_is_the_generated_one() -> None:
    """schemas/ holds exactly what the generator writes from the models today."""
    committed = (SCHEMAS / SCHEMA_VERSION / "dataset.schema.json").read_text(encoding="utf-8")
    assert committed == render(dataset_schema()), (
        "the committed schema is out of date: run `python -m partnering.schemagen schemas`"
    )


@pytest.mark.parametrize("path", COMMITTED, ids=lambda path: path.name)
def test_the_installed_package_ships_the_committed_schemas(path: Path) -> None:
    """Every committed schema file is in the installed package, byte for byte."""
    name = path.name.removesuffix(".schema.json")
    assert schema_text(name, path.parent.name) == path.read_text(encoding="utf-8")


def test_there_are_schemas_to_check() -> None:
    """The checkout has the dataset schema of the current version, so the loops are not empty."""
    assert SCHEMAS / SCHEMA_VERSION / "dataset.schema.json" in COMMITTED


@pytest.mark.parametrize("path", COMMITTED, ids=lambda path: path.name)
def test_every_schema_file_is_a_valid_draft_2020_12_schema(path: Path) -> None:
    """Each schema file passes the JSON Schema 2020-12 metaschema."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda path: path.name)
def test_every_schema_id_carries_the_version_of_its_folder(path: Path) -> None:
    """The $id of each schema names the format version it belongs to."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    version = path.parent.name
    assert f"/{version}/{path.name}" in schema["$id"]
    assert schema["$id"] in registry()


def test_the_dataset_schema_id_carries_the_current_version() -> None:
    """The dataset schema's $id names the version this library reads and writes."""
    assert f"/{SCHEMA_VERSION}/" in get_schema()["$id"]


def test_every_property_has_a_title_and_a_description() -> None:
    """Documentation tools can show every field of every object in the dataset schema."""
    found = 0
    for path, schema in objects(get_schema()):
        for name, keywords in schema.get("properties", {}).items():
            found += 1
            assert keywords.get("title"), f"{path}/properties/{name} has no title"
            assert keywords.get("description"), f"{path}/properties/{name} has no description"
    assert found > 100


def test_every_object_is_closed_except_extensions() -> None:
    """Unknown fields are refused everywhere but in custom data."""
    open_objects = []
    for path, schema in objects(get_schema()):
        if schema.get("additionalProperties") is not False:
            open_objects.append(path)
    assert open_objects
    assert all(path.endswith("/properties/extensions") for path in open_objects), open_objects


def test_every_code_list_is_an_enum_with_titles() -> None:
    """Each code list is an enum of its codes, annotated with each code's title and meaning."""
    definitions = get_schema()["$defs"]
    assert code_lists()
    for code_list in code_lists():
        schema = definitions[code_list.__name__]
        assert schema["enum"] == list(code_list.codes())
        assert [entry["code"] for entry in schema["x-codes"]] == schema["enum"]
        for entry, member in zip(schema["x-codes"], code_list, strict=True):
            assert entry["title"] == member.title
            assert entry["description"] == member.description
            assert entry["title"]
            assert entry["description"]


def test_the_registry_refuses_to_retrieve_an_unknown_reference(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A $ref outside the bundled schemas is an error, and nothing is fetched from the network."""
    attempts: list[object] = []

    def no_network(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("the network is not to be used")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    validator = Draft202012Validator({"$ref": "https://example.com/x.json"}, registry=registry())
    with pytest.raises(referencing.exceptions.Unresolvable):
        validator.validate({})
    assert attempts == []


def test_the_registry_resolves_references_to_the_bundled_schemas() -> None:
    """A schema that refers to the bundled dataset schema by its $id is resolved offline."""
    reference = {"$ref": f"{get_schema()['$id']}#/$defs/Rating"}
    validator = Draft202012Validator(reference, registry=registry())
    assert validator.is_valid("amber")
    assert not validator.is_valid("purple")


def event_with(**fields: object) -> dict[str, Any]:
    """Return a document with one event, its fields overridden by ``fields``."""
    event = {"id": "w", "name": "Workshop", "start_date": "2014-04-13", "end_date": "2014-04-14"}
    return {"schema_version": SCHEMA_VERSION, "events": [{**event, **fields}]}


@pytest.mark.parametrize(
    "value",
    [
        "2014-02-30",  # the form of a date, but no such day: only the format check sees it
        "2014-4-13",
        "\u0662\u0660\u0661\u0664-\u0660\u0664-\u0661\u0663",  # Arabic-Indic digits
        "2014-04-13T00:00:00Z",
    ],
)
def test_dates_are_checked(value: str) -> None:
    """A value that is not a real date written YYYY-MM-DD is refused."""
    issues = validate(event_with(start_date=value)).issues
    assert ("invalid-format", "/events/0/start_date") in [(i.code, i.pointer) for i in issues]


@pytest.mark.parametrize(
    "value",
    [
        "2026-01-01T00:00:00+00:00",  # a real RFC 3339 time, but not in the Z form
        "2026-02-30T00:00:00Z",  # the Z form, but no such day: only the format check sees it
        "2026-01-01T24:00:00Z",
        "2026-01-01 00:00:00Z",
    ],
)
def test_date_times_are_checked(value: str) -> None:
    """A value that is not a real UTC time written like 2026-01-31T09:30:00Z is refused."""
    issues = validate({"schema_version": SCHEMA_VERSION, "published_at": value}).issues
    assert [(i.code, i.pointer) for i in issues] == [("invalid-format", "/published_at")]


@pytest.mark.parametrize(
    "value",
    [
        "http://a b",
        "https://example.org/a{b}",  # printable ASCII, so only the uri format check sees it
        "https://exa mple.org/",
        "https://example.org/%zz",
    ],
)
def test_uris_are_checked(value: str) -> None:
    """A web address that is not an RFC 3986 URI is refused."""
    issues = validate({"schema_version": SCHEMA_VERSION, "license": value}).issues
    assert [(i.code, i.pointer) for i in issues] == [("invalid-format", "/license")]


def test_every_format_the_schema_uses_is_checked() -> None:
    """The schema uses only the formats these tests show are checked."""
    formats = {
        schema["format"]
        for _, schema in walk(get_schema())
        if isinstance(schema.get("format"), str)
    }
    assert formats == {"date", "date-time", "uri"}


def test_get_schema_returns_a_copy_the_caller_may_change() -> None:
    """Changing the returned schema does not change what validation uses."""
    schema = partnering.get_schema()
    schema["$defs"]["Rating"]["enum"].append("purple")
    assert "purple" not in get_schema()["$defs"]["Rating"]["enum"]
