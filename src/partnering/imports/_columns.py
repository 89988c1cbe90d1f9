"""The parts of a mapping file that every section shares: its checker, columns and lists.

Example:
    >>> check = Checker("m.toml", {})
    >>> from partnering.models import Partnership
    >>> column(check, Partnership, "Start", "start_date", ("partnerships", "columns", "Start"),
    ...        {}, ListRules()).kind.partial
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from partnering._patterns import EXTENSION_KEY
from partnering.codelists import ParticipantRole
from partnering.imports._fieldkinds import FieldKind, check_code, field_kind, fields_of
from partnering.imports._findings import Finding
from partnering.imports._lines import line_of
from partnering.imports._names import ListRules

__all__ = ["PERSONAL", "Checker", "Column", "check_code_at", "column", "flag", "list_rules"]

#: Column names that hold personal data, left out unless a column asks for them.
PERSONAL = re.compile(r"contact|e-?mail|phone|telephone|mobile|\bfax\b|person|focal", re.IGNORECASE)

_COLUMN = frozenset({"field", "split", "crosswalk", "role", "personal", "import_personal", "key"})


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
    #: Custom data written as the spreadsheet layout writes it: JSON text, under ``key``.
    json: bool = False


class Checker:
    """Checks a mapping's values, and keeps the findings at their lines."""

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


def flag(check: Checker, value: object, path: tuple[str, ...]) -> bool:
    if isinstance(value, bool):
        return value
    check.problem("mapping-bad-value", path, f"'{'.'.join(path)}' must be true or false")
    return True


def check_code_at(check: Checker, path: tuple[str, ...], code_list: Any, code: object) -> None:
    problem = check_code(path[-1], code_list, code)
    if problem:
        check.problem("mapping-unknown-code", path, problem, code)


def list_rules(check: Checker, value: object, path: tuple[str, ...], base: ListRules) -> ListRules:
    if value is True:
        return base
    table = check.table(value, path)
    check.keys(table, frozenset({"separators", "drop", "escapes"}), path)
    separators = check.strings(
        table.get("separators", list(base.separators)), (*path, "separators")
    )
    drop = check.strings(table.get("drop", list(base.drop)), (*path, "drop"))
    escapes = flag(check, table.get("escapes", base.escapes), (*path, "escapes"))
    return ListRules(separators, drop, escapes)


def column(
    check: Checker,
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
        check_code_at(check, (*path, "role"), ParticipantRole, role)
    split = None
    if kind.kind in ("list", "participants") or "split" in table:
        split = list_rules(check, table.get("split", True), (*path, "split"), lists)
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
