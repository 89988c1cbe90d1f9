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

from partnering.codelists import OrganisationType
from partnering.entities import ENTITIES
from partnering.imports._columns import (
    Checker,
    Column,
    check_code_at,
    column,
    flag,
    list_rules,
)
from partnering.imports._dates import DateForm, DateFormError
from partnering.imports._fieldkinds import check_code, field_kind, fields_of, nested_model
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

_TOP = frozenset(
    {"format", "namespace", "title", "description", "encoding", "trim", "dates", "lists",
     "partners", "crosswalks", "dataset"}
) | {entity.name for entity in ENTITIES.lists}  # fmt: skip
_SECTION = frozenset({"sheet", "header_row", "columns", "unmapped", "lists", "extensions_prefix"})
_PARTNERS = _SECTION | {"default_type", "not_organisations", "names", "types", "country"}
_NESTED = frozenset({"sheet", "header_row", "columns", "key"})
_NAMESPACE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@attrs.frozen
class Section:
    """One entity list, the sheet that holds it and its columns.

    A list of records inside each record (a partnership's participants, an assessment's
    ratings) may come from a sheet of its own, as the spreadsheet layout lays it out: a
    section of :attr:`lists`, whose rows name their record by its id in the column ``key``.

    Attributes:
        entity: the entity list, or for a section of :attr:`lists` the list field.
        extensions_prefix: the start of the headers (``extensions.``) whose columns fill
            the custom data key after it, read as the spreadsheet layout writes it.
    """

    entity: str
    model: type[Any]
    sheet: str | None
    header_row: int
    columns: tuple[Column, ...]
    unmapped: str
    line: int
    lists: tuple[Section, ...] = ()
    key: str | None = None
    extensions_prefix: str | None = None
    path: tuple[str, ...] = ()


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
    #: The sheet of the dataset's own fields, one ``field``/``value`` row each, as the
    #: spreadsheet layout's ``Meta`` sheet; ``None`` when the mapping reads none.
    meta: str | None = None

    def where(self, *path: str) -> str:
        """The mapping's file and the line of the key ``path``."""
        return f"{self.name}:{line_of(self.lines, path)}"


def parse_mapping(text: str, name: str) -> tuple[ImportMapping | None, list[Finding]]:
    """Read and check a mapping; return it (``None`` on errors) and what is wrong with it."""
    lines = key_lines(text)
    check = Checker(name, lines)
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
    lists = list_rules(check, data.get("lists", {}), ("lists",), ListRules())
    partners = check.table(data.get("partners", {}), ("partners",))
    check.keys(partners, _PARTNERS, ("partners",))
    default_type = check.text(partners.get("default_type"), ("partners", "default_type"), "")
    if default_type:
        check_code_at(check, ("partners", "default_type"), OrganisationType, default_type)
    names = {
        str(k): str(v)
        for k, v in check.table(partners.get("names", {}), ("partners", "names")).items()
    }
    types = check.table(partners.get("types", {}), ("partners", "types"))
    for key, code in types.items():
        check_code_at(check, ("partners", "types", key), OrganisationType, code)
    crosswalks = check.table(data.get("crosswalks", {}), ("crosswalks",))
    sections = []
    for entity in ENTITIES.lists:
        if entity.name in data and (entity.name != "partners" or "columns" in partners):
            section = _section(
                check, entity.name, entity.model, data[entity.name], crosswalks, lists
            )
            sections.append(section)
    _check_crosswalks(check, crosswalks)
    meta = check.table(data.get("dataset", {}), ("dataset",))
    check.keys(meta, frozenset({"sheet"}), ("dataset",))
    if "dataset" in data and not isinstance(meta.get("sheet"), str):
        check.problem(
            "mapping-bad-value", ("dataset",), "[dataset] names its sheet, such as 'Meta'"
        )
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
        trim=flag(check, data.get("trim", True), ("trim",)),
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
        meta=meta.get("sheet") if isinstance(meta.get("sheet"), str) else None,
    )
    if check.findings:
        return None, check.findings
    return mapping, check.findings


def _crosswalk_target(field: str) -> tuple[str, Any] | None:
    for entity in ENTITIES.lists:
        if field in fields_of(entity.model):
            kind = field_kind(entity.model, field)
            return kind.kind, kind.item
    return None


def _check_crosswalks(check: Checker, crosswalks: Mapping[str, Any]) -> None:
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
    check: Checker,
    entity: str,
    model: type[Any],
    value: object,
    crosswalks: Mapping[str, Any],
    lists: ListRules,
    path: tuple[str, ...] = (),
) -> Section:
    path = path or (entity,)
    table = check.table(value, path)
    nested = len(path) > 1
    allowed = _NESTED if nested else _PARTNERS if entity == "partners" else _SECTION
    check.keys(table, allowed, path)
    header_row = table.get("header_row", 1)
    if not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 1:
        check.problem("mapping-bad-value", (*path, "header_row"), "header_row must be 1 or more")
        header_row = 1
    # The records of a list have no custom data: unmapped columns there are reported.
    unmapped = check.text(
        table.get("unmapped"), (*path, "unmapped"), "report" if nested else "extensions"
    )
    if unmapped not in ("extensions", "report"):
        check.problem(
            "mapping-bad-value", (*path, "unmapped"), "unmapped is 'extensions' or 'report'"
        )
    columns = []
    for name, spec in check.table(table.get("columns", {}), (*path, "columns")).items():
        made = column(check, model, name, spec, (*path, "columns", name), crosswalks, lists)
        if made is not None:
            columns.append(made)
    sheet = table.get("sheet")
    prefix = check.text(table.get("extensions_prefix"), (*path, "extensions_prefix"), "")
    key = check.text(table.get("key"), (*path, "key"), "")
    if nested and not key:
        check.problem(
            "mapping-bad-value",
            path,
            "a list on a sheet of its own needs key, the column that holds the id of the "
            "record each row belongs to, such as 'partnership.id'",
        )
    inner = []
    for field, spec in check.table(table.get("lists", {}), (*path, "lists")).items():
        item = nested_model(model, field)
        if item is None:
            check.problem(
                "mapping-unknown-field",
                (*path, "lists", field),
                f"{model.__name__} has no list of records '{field}'",
                field,
            )
            continue
        inner.append(_section(check, field, item, spec, crosswalks, lists, (*path, "lists", field)))
    return Section(
        entity=entity,
        model=model,
        sheet=sheet if isinstance(sheet, str) else None,
        header_row=header_row,
        columns=tuple(columns),
        unmapped=unmapped,
        line=line_of(check.lines, path),
        lists=tuple(inner),
        key=key or None,
        extensions_prefix=prefix or None,
        path=path,
    )
