"""Generate the JSON Schemas: of exchange files from the models, of the report from its records.

cattrs does not generate JSON Schema, so this small generator walks the attrs classes: each
field's type gives the JSON type, its description gives the schema's, and the constraints
declared on it (:mod:`partnering._constraints`) give the keywords. The same walk, told that
a report is written whole, turns the records of :mod:`partnering._report_json` into the
report's schema. The committed files under ``schemas/`` are the output of
:func:`write_schemas`; tests fail when they differ.

The schema uses standard keywords only, and is shaped for the code generators of other
languages: each type has one name. Only the root and the ``$defs`` entries have a ``title``
(generators name a type after its title); a shape many fields share (an id, a text, a date,
a web address...) is one ``$defs`` entry, and a field refers to a definition with
``allOf: [{"$ref": ...}]`` beside its own description, so that no generator makes a second,
numbered type of it. A code list is an ``enum``, with each code's title and meaning in a
table in its ``description``.

Run ``python -m partnering.schemagen schemas`` to write them after changing a model or a
record of the report.

Example:
    >>> schema = dataset_schema()
    >>> schema["$id"]
    'https://partnering.dev/schemas/1.1/dataset.schema.json'
    >>> dataset_schema(version="1.0")["$id"]
    'https://partnering.dev/schemas/1.0/dataset.schema.json'
    >>> schema["$defs"]["Partner"]["required"], dataset_schema(version="1.0")["$defs"][
    ...     "Partner"]["required"]
    (['id', 'name'], ['id', 'name', 'organisation_type'])
"""

from __future__ import annotations

import functools
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from partnering import _shapes
from partnering._constraints import COUNTRY_CODES, Constraint, Each, Pattern
from partnering._format import (
    REPORT_FORMAT_VERSION,
    SCHEMA_BASE_URI,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
    holds,
    schema_id,
)
from partnering._patterns import DATE, DATETIME, PARTIAL_DATE
from partnering._patterns import schema_version as schema_version_pattern
from partnering._report_json import ValidationReport
from partnering._shapes import (
    Shape,
    code_table,
    currency_definition,
    refer,
    refuse_line_feeds,
    signature,
    subdivision_definition,
)
from partnering.codelists import CodeList
from partnering.models import Dataset
from partnering.partial_dates import PartialDate
from partnering.report import Path as ReportPath

__all__ = [
    "SCHEMAS",
    "SCHEMA_BASE_URI",
    "dataset_schema",
    "report_schema",
    "schema_id",
    "write_schemas",
]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _title(name: str) -> str:
    """Turn a field or class name into a title: ``BuildingBlock`` and ``building_block``."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower().split()
    words = [_ACRONYMS.get(word, word) for word in words]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


_ACRONYMS = {"id": "ID", "ids": "IDs", "sdgs": "SDGs", "sdg": "SDG", "url": "URL"}


class _Generator:
    """Collect ``$defs`` while walking the models from the root down."""

    def __init__(
        self, shapes: Sequence[Shape] | None = None, version: str = SCHEMA_VERSION
    ) -> None:
        """Start with the definitions of ``shapes``: by default, those of the dataset schema.

        Only the fields and shapes that files of ``version`` may hold are written.
        """
        self.version = version
        self.definitions: dict[str, dict[str, Any]] = {}
        self.shapes: dict[str, Shape] = {}
        # Where each shape not named in SHAPES is used, to find shapes that fields share.
        self.unnamed: dict[str, list[str]] = {}
        for shape in _shapes.SHAPES if shapes is None else shapes:
            if not holds(shape.since, version):
                continue
            keywords = self.type_schema(shape.type_, shape.constraints, "")
            self.definitions[shape.name] = {
                "title": shape.title,
                "description": shape.description,
                **keywords,
            }
            self.shapes[signature(keywords)] = shape
        self.unnamed.clear()

    def shared(self, schema: dict[str, Any], where: str) -> dict[str, Any]:
        """Refer to the definition of a shared shape, or keep the keywords where they are."""
        shape = self.shapes.get(signature(schema))
        if shape is not None:
            # The parts of a shared shape are written once, with it: they are not shared.
            for places in self.unnamed.values():
                places[:] = [place for place in places if not place.startswith(f"{where}[]")]
            return {"$ref": f"#/$defs/{shape.name}"}
        if len(schema) > 1:  # a bare type or reference is not a shape worth naming
            self.unnamed.setdefault(signature(schema), []).append(where)
        return schema

    def check_shapes(self) -> None:
        """Refuse shapes that several fields share without a definition in ``SHAPES``."""
        repeated = [places for places in self.unnamed.values() if len(places) > 1]
        if repeated:
            raise ValueError(f"fields share a shape that SHAPES does not name: {repeated}")

    def reference(self, type_: Any) -> dict[str, Any]:
        name = type_.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # reserve the name first: models may nest themselves
            if attrs.has(type_):
                self.definitions[name] = self.object_schema(type_)
            else:
                self.definitions[name] = self.code_list_schema(type_)
        return {"$ref": f"#/$defs/{name}"}

    def code_list_schema(self, code_list: type[CodeList]) -> dict[str, Any]:
        description = (code_list.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        return {
            "title": _title(code_list.__name__),
            # What each code means, where code generators copy descriptions: in the docs of
            # the type they write (a TypeScript union, a Python Enum).
            "description": " ".join(description.split()) + "\n\n" + code_table(code_list),
            "type": "string",
            "enum": list(code_list.codes()),
        }

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not holds(field.metadata.get("since", "1.0"), self.version):
                continue
            where = f"{cls.__name__}.{field.name}"
            schema = self.field_schema(field, hints[field.name], where)
            properties[field.name] = refer(field.metadata["description"], schema)
            if self.required(field):
                required.append(field.name)
        description = (cls.__doc__ or "").strip().split("\n\n")[0]
        schema = {
            "title": _title(cls.__name__),
            "description": " ".join(description.split()),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if not required:
            del schema["required"]
        return schema

    def field_schema(self, field: attrs.Attribute[Any], type_: Any, where: str) -> dict[str, Any]:
        """Return the schema of a field's values, from its type and its constraints."""
        constraints = tuple(field.metadata.get("constraints", ()))
        if where == "Dataset.schema_version":
            # Each version's schema accepts that version only; the model accepts them all.
            constraints = (Pattern(schema_version_pattern(self.version)),)
        return self.type_schema(type_, constraints, where)

    def required(self, field: attrs.Attribute[Any]) -> bool:
        """Tell whether files must hold the field: it has no default, or says so."""
        before = field.metadata.get("required_before")
        if before is not None and not holds(before, self.version):
            return True
        return field.default is attrs.NOTHING or bool(field.metadata.get("required_in_files"))

    def type_schema(
        self, type_: Any, constraints: tuple[Constraint, ...], where: str
    ) -> dict[str, Any]:
        """Return the keywords of a value of ``type_``: a reference, for a shared shape."""
        origin = typing.get_origin(type_)
        arguments = typing.get_args(type_)
        if origin in (typing.Union, types.UnionType):
            options = [argument for argument in arguments if argument is not type(None)]
            if set(options) == {date, PartialDate}:
                if not holds("1.1", self.version):
                    return self.type_schema(date, constraints, where)  # 1.0 holds days only
                partial: dict[str, Any] = {"type": "string", "pattern": PARTIAL_DATE.regex}
                refuse_line_feeds(partial)
                return self.shared(partial, where)
            (inner,) = options
            return self.type_schema(inner, constraints, where)
        if origin is tuple:
            item_constraints = tuple(
                inner for c in constraints if isinstance(c, Each) for inner in c.constraints
            )
            schema: dict[str, Any] = {
                "type": "array",
                "items": self.type_schema(arguments[0], item_constraints, f"{where}[]"),
            }
            for constraint in constraints:
                if not isinstance(constraint, Each):
                    schema.update(constraint.schema())
            return self.shared(schema, where)
        if type_ == Mapping[str, Any]:
            schema = {"type": "object"}
        elif type_ is str:
            schema = {"type": "string"}
        elif type_ is bool:
            schema = {"type": "boolean"}
        elif type_ is int:
            schema = {"type": "integer"}
        elif type_ is Decimal:  # an exact number: the schema keeps JSON's number type
            schema = {"type": "number"}
        elif type_ is date:
            schema = {"type": "string", "format": "date", "pattern": DATE.regex}
        elif type_ is datetime:
            schema = {"type": "string", "format": "date-time", "pattern": DATETIME.regex}
        elif isinstance(type_, type) and (attrs.has(type_) or issubclass(type_, CodeList)):
            return self.reference(type_)
        else:  # pragma: no cover - a model field of a type the format cannot express
            raise TypeError(f"no JSON Schema for {type_!r}")
        for constraint in constraints:
            schema.update(constraint.schema())
        if "$ref" in schema:  # a constraint that names a definition replaces the type
            return {"$ref": schema["$ref"]}
        refuse_line_feeds(schema)
        return self.shared(schema, where)


def dataset_schema(root: type[Any] = Dataset, version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """Generate the schema of a whole exchange file (the :class:`~partnering.Dataset`).

    Args:
        root: the model of the file's root; another root serves tests that add a field in
            one place and watch every layer pick it up.
        version: the version of the format; a field or shape that appeared in a later
            version is left out.

    Example:
        >>> dataset_schema()["required"]
        ['schema_version']
    """
    generator = _Generator(version=version)
    top = generator.object_schema(root)
    generator.check_shapes()
    definitions = dict(sorted(generator.definitions.items()))
    definitions["country_code"] = {
        "title": "Country code",
        "description": "An ISO 3166-1 alpha-2 country code, such as 'KE' for Kenya.",
        "type": "string",
        "enum": list(COUNTRY_CODES),
    }
    if '"#/$defs/subdivision_code"' in json.dumps(definitions):
        definitions["subdivision_code"] = subdivision_definition()
    if '"#/$defs/currency_code"' in json.dumps(definitions):
        definitions["currency_code"] = currency_definition()
    return {
        "$schema": _DRAFT,
        "$id": schema_id("dataset", version),
        "title": "Partnership platforms exchange file",
        "description": (
            f"Version {version} of the interchange format for data about partnership "
            "platforms, the partners and partnerships they bring together, the challenges they "
            "face, their solutions, building blocks and assessments."
        ),
        **{key: value for key, value in top.items() if key not in ("title", "description")},
        "$defs": definitions,
    }


class _ReportGenerator(_Generator):
    """Walk the records of the JSON report, which is written whole: every key, null included.

    So every field is required, an optional value is ``null`` rather than left out, and a field
    the records fix (``init=False``) is a constant.
    """

    def required(self, field: attrs.Attribute[Any]) -> bool:
        return True

    def field_schema(self, field: attrs.Attribute[Any], type_: Any, where: str) -> dict[str, Any]:
        if not field.init:
            return {"const": field.default}
        if typing.get_origin(type_) is Mapping:
            key_type, value_type = typing.get_args(type_)
            return self.mapping_schema(
                key_type, value_type, field.metadata["keys"], field.metadata["values"], where
            )
        return super().field_schema(field, type_, where)

    def mapping_schema(
        self,
        key_type: Any,
        value_type: Any,
        keys: tuple[Constraint, ...],
        values: tuple[Constraint, ...],
        where: str,
    ) -> dict[str, Any]:
        """Return the schema of a mapping: a property per member of an enum, or constrained keys."""
        value_schema = self.type_schema(value_type, values, f"{where}{{}}")
        if isinstance(key_type, type) and issubclass(key_type, Enum):
            names = [member.value for member in key_type]
            return {
                "type": "object",
                "properties": {name: dict(value_schema) for name in names},
                "required": names,
                "additionalProperties": False,
            }
        key_schema = self.type_schema(key_type, keys, f"{where}{{key}}")
        del key_schema["type"]  # the keys of a JSON object are strings anyway
        return {
            "type": "object",
            "propertyNames": key_schema,
            "additionalProperties": value_schema,
        }

    def type_schema(
        self, type_: Any, constraints: tuple[Constraint, ...], where: str
    ) -> dict[str, Any]:
        arguments = typing.get_args(type_)
        if typing.get_origin(type_) in (typing.Union, types.UnionType) and type(None) in arguments:
            (inner,) = [argument for argument in arguments if argument is not type(None)]
            schema = self.type_schema(inner, constraints, where)
            return {**schema, "type": [schema["type"], "null"]}
        if type_ == ReportPath:
            # A location as data: object keys, and array indices from 0.
            items = {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}
            return {"type": "array", "items": items}
        if isinstance(type_, type) and issubclass(type_, Enum) and not issubclass(type_, CodeList):
            return {"enum": [member.value for member in type_]}
        return super().type_schema(type_, constraints, where)


def report_schema() -> dict[str, Any]:
    """Generate the schema of the JSON report, from the records that write it.

    Example:
        >>> schema = report_schema()
        >>> schema["$id"]
        'https://partnering.dev/schemas/1.1/report.schema.json'
        >>> schema["properties"]["format_version"]["const"]
        '1.1'
    """
    generator = _ReportGenerator(shapes=())
    root = generator.object_schema(ValidationReport)
    return {
        "$schema": _DRAFT,
        "$id": schema_id("report", REPORT_FORMAT_VERSION),
        "title": "Partnering validation report",
        "description": (
            "The JSON output of 'partnering validate --format json': one document per run, with "
            "the verdict and the issues of every file checked."
        ),
        **{key: value for key, value in root.items() if key not in ("title", "description")},
        "$defs": dict(sorted(generator.definitions.items())),
    }


#: The schemas generated, by version folder and file name. The report has a version of its
#: own; each version of the interchange format has its dataset schema.
SCHEMAS: Mapping[tuple[str, str], Callable[[], dict[str, Any]]] = {
    **{
        (version, "dataset"): functools.partial(dataset_schema, version=version)
        for version in SCHEMA_VERSIONS
    },
    (REPORT_FORMAT_VERSION, "report"): report_schema,
}


def render(schema: Mapping[str, Any]) -> str:
    """Render a schema as the committed files are written: sorted nowhere, indented, UTF-8."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write the generated schema files below ``directory``, one folder per format version."""
    written = []
    for (version, name), generate in SCHEMAS.items():
        folder = directory / version
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}.schema.json"
        target.write_text(render(generate()), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    for written in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(f"wrote {written}")
