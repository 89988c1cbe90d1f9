"""The interchange schemas: generated, committed, shipped, well-formed and self-contained."""

from __future__ import annotations

import hashlib
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import referencing.exceptions
from jsonschema import Draft202012Validator

import partnering
from partnering import SCHEMA_VERSION, _shapes, validate
from partnering import _constraints as constraints
from partnering._format import SCHEMA_VERSIONS
from partnering._patterns import DATE, DATETIME, URL
from partnering._schema_layer import schema_issues
from partnering._schema_layer._keywords import KEYWORDS, translate
from partnering.catalogue import SCHEMA_CODES
from partnering.codelists import CodeList
from partnering.entities import ENTITIES
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


@pytest.mark.parametrize("version", SCHEMA_VERSIONS)
def test_the_committed_schema_is_the_generated_one(version: str) -> None:
    """schemas/ holds exactly what the generator writes from the models today, per version."""
    committed = (SCHEMAS / version / "dataset.schema.json").read_text(encoding="utf-8")
    assert committed == render(dataset_schema(version=version)), (
        "the committed schema is out of date: run `python -m partnering.schemagen schemas`"
    )


def test_the_schema_of_version_1_0_never_changes() -> None:
    """Version 1.0 is published: the fields added since leave its schema as it was released.

    The digest is that of the 1.0 file this release ships, whose last change was the
    visible-text patterns; fields added in later versions must leave it byte for byte.
    """
    committed = (SCHEMAS / "1.0" / "dataset.schema.json").read_bytes()
    assert hashlib.sha256(committed).hexdigest() == (
        "ca7d718fd11f2538f805facdf05a1a651e76d8d2e8469d8078bae5a4326141ab"
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


def test_every_property_has_a_description_and_no_title() -> None:
    """Tools show every field's description; a title would make generators name a new type."""
    found = 0
    for path, schema in objects(get_schema()):
        for name, keywords in schema.get("properties", {}).items():
            found += 1
            assert "title" not in keywords, f"{path}/properties/{name} has a title"
            assert keywords.get("description"), f"{path}/properties/{name} has no description"
    assert found > 100


def test_only_the_root_and_the_definitions_have_titles() -> None:
    """A title names a type in generated code, so only the schemas that are types have one."""
    schema = get_schema()
    # A "title" key of a "properties" object is the name of a field, not the keyword.
    titled = [
        path for path, node in walk(schema) if "title" in node and not path.endswith("/properties")
    ]
    assert sorted(titled) == sorted(["", *(f"/$defs/{name}" for name in schema["$defs"])])


def test_a_field_refers_to_a_definition_through_allof_beside_its_description() -> None:
    """No keyword stands beside a $ref, so generators reuse the definition's one name."""
    references = 0
    for path, node in walk(get_schema()):
        if "$ref" in node:
            references += 1
            assert set(node) == {"$ref"}, path
        if "allOf" in node:
            assert set(node) == {"description", "allOf"}, path
            assert [set(part) for part in node["allOf"]] == [{"$ref"}], path
    assert references > 100


def test_every_reused_shape_is_one_definition() -> None:
    """Ids, texts, dates, web addresses, extensions and sources are each written once."""
    definitions = get_schema()["$defs"]
    assert {"id", "text", "date", "date_time", "web_address", "extensions", "sources"} <= set(
        definitions
    )
    text_keywords = {"title", "description", "type", "minLength", "pattern", "not"}
    assert set(definitions["text"]) == text_keywords
    assert definitions["text"]["title"] == "Visible text"
    assert definitions["text"]["minLength"] == 1
    assert definitions["long_text"]["title"] == "Visible prose"
    assert "not" not in definitions["long_text"]  # line feeds are allowed in it
    inline: dict[str, list[str]] = {}
    for path, node in walk(get_schema()):
        keywords = {key: value for key, value in node.items() if key != "description"}
        # A bare type or reference is no shape worth naming; "not" is a line feed's guard.
        if len(keywords) > 1 and "/properties/" in path and not path.endswith("/not"):
            inline.setdefault(json.dumps(keywords, sort_keys=True), []).append(path)
    assert [paths for paths in inline.values() if len(paths) > 1] == []


def test_a_shape_fields_share_without_a_definition_stops_the_generator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without its entry in SHAPES, the counts of an event are found shared, and named."""
    monkeypatch.setattr(_shapes, "SHAPES", tuple(s for s in _shapes.SHAPES if s.name != "count"))
    with pytest.raises(ValueError, match=r"Event\.participant_count', 'Event\.country_count"):
        dataset_schema()


def test_type_names_are_unique_and_not_those_of_javascript() -> None:
    """Each definition's title gives a distinct type name, none a JavaScript built-in."""
    names = [
        re.sub(r"[^A-Za-z0-9]", "", get_schema()["title"].title()),
        *(
            "".join(word[:1].upper() + word[1:] for word in re.split(r"[^A-Za-z0-9]+", title))
            for title in (node["title"] for node in get_schema()["$defs"].values())
        ),
    ]
    assert len(set(names)) == len(names)
    assert {"ID", "VisibleText", "VisibleProse", "CalendarDate", "UTCTime", "WebAddress"} <= set(
        names
    )
    assert not {"Date", "URL", "Text", "String", "Number", "Object", "Record"} & set(names)


def test_every_pattern_refuses_a_line_feed_in_every_engine() -> None:
    """Beside each pattern, "not" a line feed: Python's re would let a final one through."""
    guarded = 0
    for path, node in walk(get_schema()):
        if "pattern" in node and not path.endswith("/not"):
            if path.endswith("/long_text"):  # prose may hold line feeds: nothing to guard
                assert "not" not in node
                continue
            guarded += 1
            assert node["not"] == {"type": "string", "pattern": "\n"}, path
            assert list(node).index("not") > list(node).index("pattern"), path
    assert guarded >= 7  # id, web address, date, date-time, SDG target, key, version
    # Python's jsonschema, with its own re.search, now refuses what partnering refuses.
    plain = Draft202012Validator(get_schema())
    assert not plain.is_valid({"schema_version": "1.0\n"})
    assert not plain.is_valid(one("partners", {**PARTNER, "id": "tpi\n"}))
    assert not plain.is_valid({"schema_version": SCHEMA_VERSION, "extensions": {"a:b\n": 1}})
    assert plain.is_valid(one("partners", PARTNER))
    # A value of another type breaks its type alone, not the guard.
    errors = list(plain.iter_errors({"schema_version": 1}))
    assert [error.validator for error in errors] == ["type"]


def test_every_integer_is_bounded_by_the_largest_exact_one() -> None:
    """Every whole number has a maximum, at most 2^53 - 1, which every JSON reader holds."""
    integers = [(path, node) for path, node in walk(get_schema()) if node.get("type") == "integer"]
    assert len(integers) >= 3  # years, SDGs and counts; orders too
    for path, node in integers:
        assert "maximum" in node, path
        assert node["maximum"] <= 9_007_199_254_740_991, path
    assert get_schema()["$defs"]["count"]["maximum"] == 9_007_199_254_740_991


def test_every_object_is_closed_except_extensions() -> None:
    """Unknown fields are refused everywhere but in custom data."""
    open_objects = []
    for path, schema in objects(get_schema()):
        if schema.get("additionalProperties") is not False:
            open_objects.append(path)
    assert open_objects == ["/$defs/extensions"]


def test_every_code_list_is_an_enum_with_a_table_of_meanings() -> None:
    """Each code list is an enum, its description a table of each code's title and meaning."""
    definitions = get_schema()["$defs"]
    assert code_lists()
    for code_list in code_lists():
        schema = definitions[code_list.__name__]
        assert set(schema) == {"title", "description", "type", "enum"}
        assert schema["enum"] == list(code_list.codes())
        rows = schema["description"].split("\n\n", 1)[1].splitlines()
        assert rows[:2] == ["| Code | Title | Description |", "| --- | --- | --- |"]
        assert rows[2:] == [
            f"| `{member.value}` | {member.title} | {member.description} |" for member in code_list
        ]


#: The keywords of JSON Schema 2020-12's vocabularies that the schema may use.
STANDARD_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "type", "enum",
    "const", "properties", "required", "additionalProperties", "propertyNames",
    "minProperties", "items", "minItems", "uniqueItems", "minLength", "maxLength", "pattern",
    "format", "minimum", "maximum", "allOf", "not",
}  # fmt: skip


def keywords_used(node: Any) -> Iterator[str]:
    """Yield every keyword of a schema and its subschemas, not the names of fields."""
    if isinstance(node, dict):
        yield from node
        for key, value in node.items():
            children = value.values() if key in ("properties", "$defs") else [value]
            for child in children:
                yield from keywords_used(child)
    elif isinstance(node, list):
        for item in node:
            yield from keywords_used(item)


def test_the_schema_uses_standard_keywords_only() -> None:
    """No extension keyword, such as the former x-codes: Ajv's strict mode compiles it."""
    used = set(keywords_used(get_schema()))
    assert {"enum", "allOf", "not", "pattern"} <= used
    assert used <= STANDARD_KEYWORDS, used - STANDARD_KEYWORDS


def test_the_rating_code_list_reads_as_written_by_hand() -> None:
    """One code list in full: the words a TypeScript type or a Python Enum will carry."""
    assert get_schema()["$defs"]["Rating"] == {
        "title": "Rating",
        "description": (
            "A rating in an assessment, after TPI's partnership health check.\n\n"
            "| Code | Title | Description |\n"
            "| --- | --- | --- |\n"
            "| `green` | Green | No concern. |\n"
            "| `amber` | Amber | Some concern. |\n"
            "| `red` | Red | Serious concern. |\n"
            "| `not_applicable` | Not applicable | The building block does not apply. |"
        ),
        "type": "string",
        "enum": ["green", "amber", "red", "not_applicable"],
    }


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
        "2014-02-30",  # the form of a date, but no such day: the pattern knows the calendar
        "2015-02-29",
        "1900-02-29",
        "0000-01-01",
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
        "2026-02-30T00:00:00Z",  # the Z form, but no such day: the pattern knows the calendar
        "2026-01-01T24:00:00Z",
        "2016-12-31T23:59:60Z",  # a leap second, which Python's datetime cannot hold
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
        "https://example.org/a{b}",  # printable ASCII, but not allowed in an RFC 3986 URI
        "https://exa mple.org/",
        "https://example.org/%zz",
        "http://a:b",
        "http://user@example.org/",  # user information, which RFC 9110 deprecates in http(s)
        "http://[::1]/",  # an IP address rather than a host name
        "http://192.0.2.1/",
        "http:///licence",  # no host, which RFC 3986 allows
    ],
)
def test_uris_are_checked(value: str) -> None:
    """A web address that is not an http(s) URI naming its host is refused."""
    issues = validate({"schema_version": SCHEMA_VERSION, "license": value}).issues
    assert [(i.code, i.pointer) for i in issues] == [("invalid-format", "/license")]


def test_every_format_is_a_hint_beside_the_pattern_that_carries_its_meaning() -> None:
    """A format only names what the pattern beside it checks, for tools; no engine needs it."""
    carried_by = {"date": DATE, "date-time": DATETIME, "uri": URL}
    formats = [(path, node) for path, node in walk(get_schema()) if "format" in node]
    assert {node["format"] for _, node in formats} == set(carried_by)
    for path, node in formats:
        assert node["pattern"] == carried_by[node["format"]].regex, path
    assert partnering.validate({"schema_version": "1.0", "license": "http:///x"}).issues


def test_get_schema_returns_a_copy_the_caller_may_change() -> None:
    """Changing the returned schema does not change what validation uses."""
    schema = partnering.get_schema()
    schema["$defs"]["Rating"]["enum"].append("purple")
    assert "purple" not in get_schema()["$defs"]["Rating"]["enum"]


# --- What the schema layer says: one function per keyword, the constraints' words ------------

#: Keys of a schema object that hold no rule a value can break.
NOT_RULES = {
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "properties",
    "items",
    "allOf",  # only ever one reference: jsonschema reports the keywords inside it
    "format",  # an annotation, as JSON Schema 2020-12 makes it: the pattern beside it checks
}


def rule_keywords(node: dict[str, Any]) -> Iterator[str]:
    """Yield every keyword of a schema and its subschemas that a value can break."""
    yield from (key for key in node if key not in NOT_RULES)
    children = [
        *node.get("properties", {}).values(),
        *node.get("$defs", {}).values(),
        *node.get("allOf", ()),
        *[
            node[key]
            for key in ("items", "propertyNames", "not")
            if isinstance(node.get(key), dict)
        ],
    ]
    for child in children:
        yield from rule_keywords(child)


def test_every_keyword_the_schema_uses_has_its_own_function() -> None:
    """The dispatch table words every keyword of the dataset schema; none falls through."""
    used = set(rule_keywords(get_schema()))
    assert {"required", "enum", "pattern", "not", "uniqueItems", "propertyNames"} <= used
    assert used <= set(KEYWORDS)


def test_every_keyword_a_constraint_states_has_its_own_function() -> None:
    """A keyword declared by any constraint is in the table, maxLength included."""
    stated = {
        keyword
        for kind in vars(constraints).values()
        if isinstance(kind, type) and issubclass(kind, constraints.Constraint)
        for keyword in kind.keywords
    }
    assert {"minLength", "maxLength", "minimum", "maximum", "minItems"} <= stated
    # A country is stated as a reference to the list of codes; what breaks is its enum. A
    # format is an annotation, broken by nothing: the pattern beside it says what is wrong.
    assert stated - {"$ref", "format"} <= set(KEYWORDS)


PARTNER = {"id": "tpi", "name": "TPI", "organisation_type": "21"}
PLATFORM = {"id": "p", "name": "P", "scope": "global", "hosting_model": "other"}
PARTNERSHIP = {"id": "x", "title": "X", "participants": [{"partner_id": "a"}, {"partner_id": "b"}]}


def one(list_name: str, record: dict[str, Any]) -> dict[str, Any]:
    """Return a document of one record in one list."""
    return {"schema_version": SCHEMA_VERSION, list_name: [record]}


#: A document, where its one issue is, its code, and its message and hint, by hand.
WORDING: list[tuple[str, dict[str, Any], str, str, str, str]] = [
    (
        "required",
        one("partners", {"id": "tpi", "organisation_type": "21"}),
        "/partners/0/name",
        "missing-field",
        "'name' is missing; every partner needs one",
        "Add the field.",
    ),
    (
        "additionalProperties-close",
        one("partners", {**PARTNER, "nmae": "x"}),
        "/partners/0/nmae",
        "unknown-field",
        "'nmae' is not a field of a partner",
        "Did you mean 'name'?",
    ),
    (
        "additionalProperties-far",
        one("partners", {**PARTNER, "zzz": "x"}),
        "/partners/0/zzz",
        "unknown-field",
        "'zzz' is not a field of a partner",
        "Correct the name; put custom data under 'extensions' with a namespaced key.",
    ),
    (
        "type",
        {"schema_version": SCHEMA_VERSION, "title": 5},
        "/title",
        "wrong-type",
        "'title' must be text, not a number",
        "Write the value with the type the field needs.",
    ),
    (
        "type-null",
        {"schema_version": SCHEMA_VERSION, "title": None},
        "/title",
        "null-value",
        "'title' is null; the format has no null values",
        "Remove the field, or give it a value.",
    ),
    (
        "enum",
        one("partners", {**PARTNER, "sector": "privat"}),
        "/partners/0/sector",
        "unknown-code",
        "'sector' is 'privat', which is not a sector code",
        "Did you mean 'private' (Private sector)? Use one of: public, private, civil_society, "
        "academia, philanthropy, multilateral, public_private, other.",
    ),
    (
        "enum-long",
        one("partners", {**PARTNER, "organisation_type": "99"}),
        "/partners/0/organisation_type",
        "unknown-code",
        "'organisation_type' is '99', which is not an organisation type code",
        "Run 'partnering codes organisation-type' to see all 16 codes with their titles.",
    ),
    (
        "enum-country",
        one("partners", {**PARTNER, "country": "ke"}),
        "/partners/0/country",
        "unknown-code",
        "'country' is 'ke', which is not an ISO 3166-1 alpha-2 country code",
        "Write 'KE' (Kenya), in capitals. Run 'partnering codes country' to see all 250 codes "
        "with their names.",
    ),
    (
        "enum-country-item",
        one("platforms", {**PLATFORM, "countries": ["QQ"]}),
        "/platforms/0/countries/0",
        "unknown-code",
        "item 0 of 'countries' is 'QQ', which is not an ISO 3166-1 alpha-2 country code",
        "Use the two capital letters of the country, such as 'KE' for Kenya. Run 'partnering "
        "codes country' to see all 250 codes with their names.",
    ),
    (
        "pattern",
        one("partners", {**PARTNER, "id": "t p i"}),
        "/partners/0/id",
        "invalid-format",
        "'id' must be an id of 1 to 200 letters, digits, '-', '_', '.' or ':', starting with a "
        "letter or digit",
        "Write it in the form the message gives, such as 2014-04-13 for a date.",
    ),
    (
        "pattern-date",
        one("events", {"id": "e", "name": "E", "start_date": "2014-02-30", "end_date": "2014"}),
        "/events/0/end_date",
        "invalid-format",
        "'end_date' must be a real date written YYYY-MM-DD, such as 2014-04-13",
        "Write it in the form the message gives, such as 2014-04-13 for a date.",
    ),
    (
        "pattern-impossible-date",
        one("events", {"id": "e", "name": "E", "start_date": "2014-02-30", "end_date": "2014"}),
        "/events/0/start_date",
        "invalid-format",
        "'start_date' must be a real date written YYYY-MM-DD, such as 2014-04-13",
        "Write it in the form the message gives, such as 2014-04-13 for a date.",
    ),
    (
        "pattern-time",
        {"schema_version": SCHEMA_VERSION, "published_at": "2026-02-30T00:00:00Z"},
        "/published_at",
        "invalid-format",
        "'published_at' must be a UTC time written like 2026-01-31T09:30:00Z",
        "Write it in the form the message gives, such as 2014-04-13 for a date.",
    ),
    (
        "pattern-uri",
        {"schema_version": SCHEMA_VERSION, "license": "https://example.org/a{b}"},
        "/license",
        "invalid-format",
        "'license' must be a valid web address starting with http:// or https://",
        "Write it in the form the message gives, such as 2014-04-13 for a date.",
    ),
    (
        "not-line-feed",
        one("partners", {**PARTNER, "id": "tpi\n"}),
        "/partners/0/id",
        "invalid-format",
        "'id' must be an id of 1 to 200 letters, digits, '-', '_', '.' or ':', starting with a "
        "letter or digit",
        "Write it in the form the message gives, such as 2014-04-13 for a date.",
    ),
    (
        "not-line-feed-key",
        {"schema_version": SCHEMA_VERSION, "extensions": {"a:b\n": 1}},
        "/extensions/a:b\n",
        "invalid-extension-key",
        "'extensions' has the key 'a:b\\n'; keys must be namespaced, like 'my-platform:field' "
        "(a lowercase prefix, a colon, then the name)",
        "Rename the key, such as 'my-platform:window'.",
    ),
    (
        "minLength",
        {"schema_version": SCHEMA_VERSION, "title": ""},
        "/title",
        "empty-text",
        "'title' must not be empty",
        "Write the text, or leave the field out if it is optional.",
    ),
    (
        "minItems-optional",
        {"schema_version": SCHEMA_VERSION, "partners": []},
        "/partners",
        "empty-list",
        "'partners' is an empty list; an empty list is written by leaving it out",
        "Remove the field, or add the items.",
    ),
    (
        "minItems-required",
        one("platforms", {**PLATFORM, "members": [{"partner_id": "tpi", "roles": []}]}),
        "/platforms/0/members/0/roles",
        "empty-list",
        "'roles' is an empty list; it needs at least 1 item(s)",
        "Add at least 1 item(s); the field is required.",
    ),
    (
        "minItems-few",
        one("partnerships", {**PARTNERSHIP, "participants": [{"partner_id": "a"}]}),
        "/partnerships/0/participants",
        "too-few-items",
        "'participants' has 1 item(s); it needs at least 2",
        "Add the missing items.",
    ),
    (
        "uniqueItems",
        one("platforms", {**PLATFORM, "sdgs": [3, 5, 3]}),
        "/platforms/0/sdgs/2",
        "duplicate-item",
        "'sdgs' lists 3 more than once",
        "Remove the repeated item.",
    ),
    (
        "minimum",
        one("platforms", {**PLATFORM, "sdgs": [0]}),
        "/platforms/0/sdgs/0",
        "out-of-range",
        "item 0 of 'sdgs' is 0; it must be at least 1",
        "Use a number within the range given.",
    ),
    (
        "maximum",
        one("partners", {**PARTNER, "sources": [{"title": "T", "year": 99999}]}),
        "/partners/0/sources/0/year",
        "out-of-range",
        "'year' is 99999; it must be at most 9999",
        "Use a number within the range given.",
    ),
    (
        "minProperties",
        {"schema_version": SCHEMA_VERSION, "extensions": {}},
        "/extensions",
        "empty-object",
        "'extensions' is an empty object; it is written by leaving it out",
        "Remove the field, or add the custom data.",
    ),
    (
        "propertyNames",
        {"schema_version": SCHEMA_VERSION, "extensions": {"window": 1}},
        "/extensions/window",
        "invalid-extension-key",
        "'extensions' has the key 'window'; keys must be namespaced, like 'my-platform:field' "
        "(a lowercase prefix, a colon, then the name)",
        "Rename the key, such as 'my-platform:window'.",
    ),
    (
        "version",
        {"schema_version": "2.0", "title": 5},
        "/schema_version",
        "unsupported-version",
        "'schema_version' is '2.0'; this library reads versions 1.0 and 1.1 of the format",
        "This release of partnering reads versions 1.0 and 1.1 of the format. Check where the "
        "file came from: a file of another version needs a release of partnering that reads it.",
    ),
]


@pytest.mark.parametrize(
    ("data", "pointer", "code", "message", "hint"),
    [case[1:] for case in WORDING],
    ids=[case[0] for case in WORDING],
)
def test_each_keyword_is_worded_by_its_function(
    data: dict[str, Any], pointer: str, code: str, message: str, hint: str
) -> None:
    """The reference and the fast path both give the issue its code, place, words and hint."""
    for issues in (list(schema_issues(data)), list(validate(data).issues)):
        found = [issue for issue in issues if issue.pointer == pointer and issue.code == code]
        assert [(issue.message, issue.hint) for issue in found] == [(message, hint)]


def test_a_hint_is_the_catalogues_unless_it_says_more() -> None:
    """Only suggestions, lists of codes, required lists, the version and line breaks say more."""
    fixtures = Path(__file__).parent / "fixtures" / "invalid"
    documents = [case[1] for case in WORDING] + [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(fixtures.glob("schema-*"))
    ]
    overriding = {
        issue.code
        for data in documents
        for issue in schema_issues(data)
        if issue.hint != SCHEMA_CODES[issue.code].hint and issue.path != ("schema_version",)
    }
    assert overriding == {"unknown-field", "unknown-code", "empty-list", "control-character"}


def test_text_that_is_too_long_has_its_own_code() -> None:
    """A maxLength breach is text-too-long, with the length found and the one allowed."""
    schema = {"type": "object", "properties": {"name": {"minLength": 1, "maxLength": 5}}}
    (error,) = Draft202012Validator(schema).iter_errors({"name": "abcdefgh"})
    (issue,) = translate(error)
    assert (issue.code, issue.pointer, issue.excerpt) == ("text-too-long", "/name", "'abcdefgh'")
    assert issue.message == "'name' has 8 characters; it may have at most 5"
    assert issue.hint == "Shorten the text to the length the message gives."
    (error,) = Draft202012Validator(schema).iter_errors({"name": ""})
    assert [issue.code for issue in translate(error)] == ["empty-text"]


#: The noun each entity list's records have in messages, by hand.
NOUNS = {
    "platforms": "a platform",
    "partners": "a partner",
    "partnerships": "a partnership",
    "challenges": "a challenge",
    "solutions": "a solution",
    "frameworks": "a framework",
    "building_blocks": "a building block",
    "assessments": "an assessment",
    "events": "an event",
    "communities": "a community",
}


def test_a_record_is_named_by_the_noun_of_its_entity_list() -> None:
    """Messages name a record of each entity list as partnering.entities names it."""
    assert set(NOUNS) == set(ENTITIES.models)
    for name, noun in NOUNS.items():
        assert ENTITIES.noun(name) == noun.split(" ", 1)[1]
        issues = list(schema_issues(one(name, {"nmae": 1})))
        found = [issue.message for issue in issues if issue.code == "unknown-field"]
        assert found == [f"'nmae' is not a field of {noun}"]


def test_other_objects_are_named_by_their_schema_title() -> None:
    """The root, a member and a publisher are named by the titles of their schemas."""
    data = {
        "publisher": {},
        "platforms": [{**PLATFORM, "members": [{"roles": ["host"]}]}],
    }
    messages = {issue.pointer: issue.message for issue in schema_issues(data)}
    assert messages == {
        "/schema_version": (
            "'schema_version' is missing; every partnership platforms exchange file needs one"
        ),
        "/publisher/name": "'name' is missing; every publisher needs one",
        "/platforms/0/members/0/partner_id": "'partner_id' is missing; every membership needs one",
    }
