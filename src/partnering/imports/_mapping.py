"""The mapping file: what it may say, read from TOML and checked before any data is read.

Example:
    >>> mapping, findings = parse_mapping('''
    ... namespace = "demo"
    ... [partnerships.columns]
    ... Project = "title"
    ... Partners = "participants"
    ... Start = "start_dat"
    ... ''', "demo.toml")
    >>> [(f.code, f.where) for f in findings]
    [('mapping-unknown-field', 'demo.toml:6')]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from partnering._patterns import EXTENSION_KEY
from partnering.codelists import OrganisationType, ParticipantRole
from partnering.entities import ENTITIES
from partnering.imports._dates import DateForm, DateFormError
from partnering.imports._fieldkinds import FieldKind, check_code, field_kind, fields_of
from partnering.imports._findings import Finding
from partnering.imports._lines import key_lines, line_of
from partnering.imports._names import ListRules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Column", "ImportMapping", "Section", "parse_mapping"]

#: The date forms a mapping accepts when it names none.
DEFAULT_DATE_FORMS = ("YYYY-MM-DD", "YYYY-MM", "YYYY")

#: Column names that hold personal data, left out unless a column asks for them.
PERSONAL = re.compile(r"contact|e-?mail|phone|telephone|mobile|\bfax\b|person|focal", re.IGNORECASE)

_TOP = frozenset(
    {"format", "namespace", "title", "description", "encoding", "trim", "dates", "lists",
     "partners", "crosswalks"}
) | {entity.name for entity in ENTITIES.lists}  # fmt: skip
_SECTION = frozenset({"sheet", "header_row", "columns", "unmapped"})
_PARTNERS = _SECTION | {"default_type", "not_organisations", "names", "types", "country"}
_COLUMN = frozenset({"field", "split", "crosswalk", "role", "personal", "import_personal", "key"})
_NAMESPACE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@attrs.frozen
class Column:
    """One column of the source and what it fills."""

    name: str
    field: str | None
    kind: FieldKind | None
    split: ListRules | None = None
    crosswalk: Mapping[str, Any] | None = None
    role: str | None = None
    personal: bool = False
    key: str | None = None


@attrs.frozen
class Section:
    """One entity list, the sheet that holds it and its columns."""

    entity: str
    model: type[Any]
    sheet: str | None
    header_row: int
    columns: tuple[Column, ...]
    unmapped: str
    line: int


@attrs.frozen
class ImportMapping:
    """A checked mapping, ready to read a source with."""

    name: str
    namespace: str
    title: str | None
    description: str | None
    encoding: str
    trim: bool
    dates: tuple[DateForm, ...]
    strip: str
    lists: ListRules
    default_type: str | None
    not_organisations: tuple[str, ...]
    names: Mapping[str, str]
    types: Mapping[str, str]
    sections: tuple[Section, ...]
    lines: Mapping[tuple[str, ...], int]

    def where(self, *path: str) -> str:
        """The mapping's file and the line of the key ``path``."""
        return f"{self.name}:{line_of(self.lines, path)}"


class _Checker:
    def __init__(self, name: str, lines: Mapping[tuple[str, ...], int]) -> None:
        self.name = name
        self.lines = lines
        self.findings: list[Finding] = []

    def problem(self, code: str, path: tuple[str, ...], detail: str, value: object = None) -> None:
        where = f"{self.name}:{line_of(self.lines, path)}"
        shown = None if value is None else str(value)
        self.findings.append(Finding(code, where, shown, None, detail))

    def table(self, value: object, path: tuple[str, ...]) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        self.problem("mapping-bad-value", path, f"'{'.'.join(path)}' must be a table")
        return {}

    def keys(
        self, table: Mapping[str, Any], allowed: frozenset[str], path: tuple[str, ...]
    ) -> None:
        for key in table:
            if key not in allowed:
                self.problem(
                    "mapping-unknown-key",
                    (*path, key),
                    f"'{key}' is not a key of {'.'.join(path) or 'the mapping'}; "
                    f"it may hold {', '.join(sorted(allowed))}",
                    key,
                )

    def strings(self, value: object, path: tuple[str, ...]) -> tuple[str, ...]:
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        self.problem("mapping-bad-value", path, f"'{'.'.join(path)}' must be a list of strings")
        return ()

    def text(self, value: object, path: tuple[str, ...], default: str) -> str:
        if value is None:
            return default
        if isinstance(value, str):
            return value
        self.problem("mapping-bad-value", path, f"'{'.'.join(path)}' must be a string")
        return default


def parse_mapping(text: str, name: str) -> tuple[ImportMapping | None, list[Finding]]:
    """Read and check a mapping; return it (``None`` on errors) and what is wrong with it."""
    lines = key_lines(text)
    check = _Checker(name, lines)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        check.findings.append(Finding("mapping-syntax", name, None, None, str(error)))
        return None, check.findings
    check.keys(data, _TOP, ())
    if check.text(data.get("format"), ("format",), "1") != "1":
        check.problem("mapping-bad-value", ("format",), 'this is version "1" of the format')
    namespace = check.text(data.get("namespace"), ("namespace",), "import")
    if not _NAMESPACE.match(namespace):
        check.problem(
            "mapping-bad-value",
            ("namespace",),
            "the namespace must be small letters, digits and hyphens, such as 'my-registry'",
            namespace,
        )
    dates = check.table(data.get("dates", {}), ("dates",))
    check.keys(dates, frozenset({"forms", "strip"}), ("dates",))
    forms = []
    form_names = check.strings(dates.get("forms", list(DEFAULT_DATE_FORMS)), ("dates", "forms"))
    for form in form_names:
        try:
            forms.append(DateForm.of(form))
        except DateFormError as error:
            check.problem("mapping-date-form", ("dates", "forms"), str(error), form)
    lists = _list_rules(check, data.get("lists", {}), ("lists",), ListRules())
    partners = check.table(data.get("partners", {}), ("partners",))
    check.keys(partners, _PARTNERS, ("partners",))
    default_type = check.text(partners.get("default_type"), ("partners", "default_type"), "")
    if default_type:
        _check_code(check, ("partners", "default_type"), OrganisationType, default_type)
    names = {
        str(k): str(v)
        for k, v in check.table(partners.get("names", {}), ("partners", "names")).items()
    }
    types = check.table(partners.get("types", {}), ("partners", "types"))
    for key, code in types.items():
        _check_code(check, ("partners", "types", key), OrganisationType, code)
    crosswalks = check.table(data.get("crosswalks", {}), ("crosswalks",))
    sections = []
    for entity in ENTITIES.lists:
        if entity.name in data and (entity.name != "partners" or "columns" in partners):
            section = _section(
                check, entity.name, entity.model, data[entity.name], crosswalks, lists
            )
            sections.append(section)
    _check_crosswalks(check, crosswalks)
    if not sections:
        check.problem(
            "mapping-bad-value", (), "the mapping names no entity list, such as [partnerships]"
        )
    mapping = ImportMapping(
        name=name,
        namespace=namespace,
        title=check.text(data.get("title"), ("title",), "") or None,
        description=check.text(data.get("description"), ("description",), "") or None,
        encoding=check.text(data.get("encoding"), ("encoding",), "utf-8"),
        trim=_flag(check, data.get("trim", True), ("trim",)),
        dates=tuple(forms),
        strip=check.text(dates.get("strip"), ("dates", "strip"), "()[]"),
        lists=lists,
        default_type=default_type or None,
        not_organisations=check.strings(
            partners.get("not_organisations", []), ("partners", "not_organisations")
        ),
        names=MappingProxyType(names),
        types=MappingProxyType({str(k): str(v) for k, v in types.items()}),
        sections=tuple(sections),
        lines=lines,
    )
    if check.findings:
        return None, check.findings
    return mapping, check.findings


def _flag(check: _Checker, value: object, path: tuple[str, ...]) -> bool:
    if isinstance(value, bool):
        return value
    check.problem("mapping-bad-value", path, f"'{'.'.join(path)}' must be true or false")
    return True


def _check_code(check: _Checker, path: tuple[str, ...], code_list: Any, code: object) -> None:
    problem = check_code(path[-1], code_list, code)
    if problem:
        check.problem("mapping-unknown-code", path, problem, code)


def _list_rules(
    check: _Checker, value: object, path: tuple[str, ...], base: ListRules
) -> ListRules:
    if value is True:
        return base
    table = check.table(value, path)
    check.keys(table, frozenset({"separators", "drop"}), path)
    separators = check.strings(
        table.get("separators", list(base.separators)), (*path, "separators")
    )
    drop = check.strings(table.get("drop", list(base.drop)), (*path, "drop"))
    return ListRules(separators, drop)


def _crosswalk_target(field: str) -> tuple[str, Any] | None:
    for entity in ENTITIES.lists:
        if field in fields_of(entity.model):
            kind = field_kind(entity.model, field)
            return kind.kind, kind.item
    return None


def _check_crosswalks(check: _Checker, crosswalks: Mapping[str, Any]) -> None:
    for field, table in crosswalks.items():
        target = _crosswalk_target(field)
        if target is None:
            check.problem(
                "mapping-unknown-field",
                ("crosswalks", field),
                f"a crosswalk is named for the field it fills; no entity has a field '{field}'",
                field,
            )
            continue
        for word, code in check.table(table, ("crosswalks", field)).items():
            problem = check_code(field, target[1], code)
            if problem:
                check.problem("mapping-unknown-code", ("crosswalks", field, word), problem, code)


def _section(
    check: _Checker,
    entity: str,
    model: type[Any],
    value: object,
    crosswalks: Mapping[str, Any],
    lists: ListRules,
) -> Section:
    path = (entity,)
    table = check.table(value, path)
    check.keys(table, _PARTNERS if entity == "partners" else _SECTION, path)
    header_row = table.get("header_row", 1)
    if not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 1:
        check.problem("mapping-bad-value", (*path, "header_row"), "header_row must be 1 or more")
        header_row = 1
    unmapped = check.text(table.get("unmapped"), (*path, "unmapped"), "extensions")
    if unmapped not in ("extensions", "report"):
        check.problem(
            "mapping-bad-value", (*path, "unmapped"), "unmapped is 'extensions' or 'report'"
        )
    columns = []
    for name, spec in check.table(table.get("columns", {}), (*path, "columns")).items():
        column = _column(check, model, name, spec, (*path, "columns", name), crosswalks, lists)
        if column is not None:
            columns.append(column)
    sheet = table.get("sheet")
    return Section(
        entity=entity,
        model=model,
        sheet=sheet if isinstance(sheet, str) else None,
        header_row=header_row,
        columns=tuple(columns),
        unmapped=unmapped,
        line=line_of(check.lines, path),
    )


def _column(
    check: _Checker,
    model: type[Any],
    name: str,
    spec: object,
    path: tuple[str, ...],
    crosswalks: Mapping[str, Any],
    lists: ListRules,
) -> Column | None:
    table: dict[str, Any] = {"field": spec} if isinstance(spec, str) else check.table(spec, path)
    check.keys(table, _COLUMN, path)
    field = table.get("field")
    personal = bool(table.get("personal", False)) or (
        bool(PERSONAL.search(name)) and "personal" not in table
    )
    if personal and not table.get("import_personal", False):
        return Column(name, None, None, personal=True)
    if field is None:
        field = "extensions"
    if not isinstance(field, str) or field not in fields_of(model):
        noun = model.__name__
        check.problem(
            "mapping-unknown-field",
            path,
            f"{noun} has no field {field!r}; its fields are {', '.join(fields_of(model))}",
            field,
        )
        return None
    kind = field_kind(model, field)
    if kind.kind == "unsupported":
        check.problem(
            "mapping-unsupported-field",
            path,
            f"a column cannot fill '{field}' of {model.__name__}; map it to extensions",
            field,
        )
        return None
    role = table.get("role")
    if role is not None:
        _check_code(check, (*path, "role"), ParticipantRole, role)
    split = None
    if kind.kind in ("list", "participants") or "split" in table:
        split = _list_rules(check, table.get("split", True), (*path, "split"), lists)
    crosswalk_name = table.get("crosswalk", field)
    crosswalk = crosswalks.get(crosswalk_name) if isinstance(crosswalk_name, str) else None
    if "crosswalk" in table and crosswalk is None:
        check.problem(
            "mapping-bad-value", (*path, "crosswalk"), f"there is no [crosswalks.{crosswalk_name}]"
        )
    key = table.get("key")
    if key is not None and not isinstance(key, str):
        check.problem("mapping-bad-value", (*path, "key"), "key must be a string")
        key = None
    if key is not None and not EXTENSION_KEY.matches(f"x:{key}"):
        check.problem(
            "mapping-bad-value",
            (*path, "key"),
            "key must be letters, digits, _ . or -: the name after the namespace",
        )
    return Column(
        name,
        field,
        kind,
        split=split,
        crosswalk=crosswalk if isinstance(crosswalk, dict) else None,
        role=role,
        personal=personal,
        key=key,
    )
