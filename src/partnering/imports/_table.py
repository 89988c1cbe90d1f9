r"""Import a table (a CSV file or a workbook) through a mapping into an exchange file's data.

Example:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "p.csv").write_text("Project,Partners\nWells,Acme Ltd; River Trust\n")
    >>> mapping, _ = parse_mapping(
    ...     '[partnerships.columns]\nProject = "title"\nPartners = "participants"', "m.toml"
    ... )
    >>> data, findings = import_rows(mapping, open_table(folder / "p.csv"))
    >>> [p["id"] for p in data["partners"]], data["partnerships"][0]["id"]
    (['acme-ltd', 'river-trust'], 'wells')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from partnering._format import SCHEMA_VERSION
from partnering.imports._checks import check_columns, extension_name, sheet_of
from partnering.imports._columns import PERSONAL, Column
from partnering.imports._fieldkinds import COUNTRY_FIELDS, FieldKind
from partnering.imports._findings import Finding
from partnering.imports._mapping import ImportMapping, Section, parse_mapping
from partnering.imports._meta import read_meta
from partnering.imports._names import join_broken_lines, name_key, split_list
from partnering.imports._partners import Ids, PartnerBook, unknown_type
from partnering.imports._sources import Table, open_table
from partnering.imports._values import Cells, Partial, SetAside
from partnering.sheets._cells import read_json_cell, split_items

__all__ = ["check_columns", "import_rows"]


class _Import:
    def __init__(self, mapping: ImportMapping, table: Table) -> None:
        self.mapping = mapping
        self.table = table
        self.cells = Cells(mapping.dates, mapping.strip)
        self.book = PartnerBook(
            findings=self.cells.findings,
            default_type=mapping.default_type,
            types=mapping.types,
            names=mapping.names,
            not_organisations=mapping.not_organisations,
        )
        self.records: dict[str, list[dict[str, Any]]] = {}
        self._required: dict[str, tuple[str, ...]] = {}

    def run(self) -> dict[str, Any]:
        order = sorted(self.mapping.sections, key=lambda s: s.entity != "partners")
        for section in order:
            self.section(section)
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        if self.mapping.title:
            data["title"] = self.mapping.title
        if self.mapping.description:
            data["description"] = self.mapping.description
        if self.mapping.meta is not None:
            data.update(read_meta(self.table, self.mapping.meta, self.cells))
        partners = self.book.partners()
        if partners:
            data["partners"] = partners
        for name, records in self.records.items():
            # A list whose every row was set aside is left out: the format has no empty lists.
            if name != "partners" and records:
                data[name] = records
        self.cells.findings.extend(self.book.near_duplicates())
        return data

    def section(self, section: Section) -> None:
        sheet = sheet_of(section, self.table)
        assert sheet is not None  # check_columns has found it
        mapped = self.columns(section, sheet)
        nested = {inner.entity: self.nested(inner) for inner in section.lists}
        ids = Ids()
        records = self.records.setdefault(section.entity, [])
        for number, row in self.table.rows(sheet, section.header_row):
            record = self.row(section, sheet, number, row, mapped, ids, nested)
            if record is not None:
                records.append(record)
        for field, groups in nested.items():
            for parent, items in groups.items():
                for where, _ in items:
                    self.cells.note(
                        "row-set-aside",
                        where,
                        parent,
                        None,
                        f"an item of {field} for a record of {section.entity} with the id "
                        f"{parent!r}, which no row has",
                    )

    def nested(self, section: Section) -> dict[str, list[tuple[str, dict[str, Any]]]]:
        """Read a sheet of list items, grouped by the id of the record each belongs to."""
        sheet = sheet_of(section, self.table)
        assert sheet is not None  # check_columns has found it
        assert section.key is not None
        mapped = self.columns(section, sheet)
        groups: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for number, row in self.table.rows(sheet, section.header_row):
            where = self.table.place(sheet, number)
            parent = row.pop(section.key, None)
            if parent is None:
                self.cells.note("row-set-aside", where, None, None, f"no {section.key}")
                continue
            record = self.row(section, sheet, number, row, mapped, None, {})
            if record is not None:
                groups.setdefault(parent, []).append((where, record))
        return groups

    def columns(self, section: Section, sheet: str) -> dict[str, Column]:
        """What each column of the sheet fills; report the columns left out or kept apart."""
        header = self.table.header(sheet, section.header_row)
        mapped = {column.name: column for column in section.columns}
        prefix = section.extensions_prefix
        for name in header:
            if prefix and name.startswith(prefix) and name not in mapped:
                kind = FieldKind("extensions", None, False)
                mapped[name] = Column(name, "extensions", kind, key=name[len(prefix) :], json=True)
            elif name and name not in mapped and name != section.key:
                personal = bool(PERSONAL.search(name))
                mapped[name] = Column(
                    name, "extensions", None, personal=personal, key=extension_name(name)
                )
        for column in mapped.values():
            where = self.table.cell(sheet, section.header_row, column.name)
            if column.personal and column.field in (None, "extensions") and column.kind is None:
                self.cells.note(
                    "personal-left-out",
                    where,
                    column.name,
                    None,
                    "personal data; to import it, map the column with import_personal = true",
                )
            elif column.kind is None and section.unmapped == "extensions":
                key = f"{self.mapping.namespace}:{column.key}"
                self.cells.note("to-extensions", where, column.name, key, "an unmapped column")
        return mapped

    def required(self, section: Section) -> tuple[str, ...]:
        """The fields a record of the section must have, beyond those the import makes."""
        if section.entity not in self._required:
            self._required[section.entity] = tuple(_required(section))
        return self._required[section.entity]

    def row(
        self,
        section: Section,
        sheet: str,
        number: int,
        row: dict[str, str],
        columns: dict[str, Column],
        ids: Ids | None,
        nested: dict[str, dict[str, list[tuple[str, dict[str, Any]]]]],
    ) -> dict[str, Any] | None:
        record: dict[str, Any] = {}
        extensions: dict[str, Any] = {}
        participants: dict[str, dict[str, Any]] = {}
        for name, text in row.items():
            where = self.table.cell(sheet, number, name)
            column = columns.get(name)
            if column is None:
                self.cells.note("value-set-aside", where, text, None, "a cell with no header")
                continue
            if column.personal and column.kind is None:
                continue
            if self.mapping.trim and not text.strip():
                continue
            if column.kind is None:
                if section.unmapped == "extensions":
                    extensions[f"{self.mapping.namespace}:{column.key}"] = text
                else:
                    self.cells.note("value-set-aside", where, text, None, "an unmapped column")
                continue
            self.value(column, text, where, record, extensions, participants)
        source_id = record.get("id")
        for field, groups in nested.items():
            found = groups.pop(str(source_id), []) if source_id else []
            if field == "participants":
                self.listed_participants(found, participants)
            elif found:
                record[field] = [item for _, item in found]
        return self.finish(section, sheet, number, record, extensions, participants, ids)

    def listed_participants(
        self, found: list[tuple[str, dict[str, Any]]], participants: dict[str, dict[str, Any]]
    ) -> None:
        """Put the participants of a sheet of their own first, then those named in free text."""
        given: dict[str, dict[str, Any]] = {}
        for where, item in found:
            partner = str(item["partner_id"])
            if partner in given:
                detail = f"{partner!r} is a participant already, on an earlier row"
                self.cells.note("row-set-aside", where, partner, None, detail)
                continue
            given[partner] = item
        given.update({k: v for k, v in participants.items() if k not in given})
        participants.clear()
        participants.update(given)

    def value(
        self,
        column: Column,
        text: str,
        where: str,
        record: dict[str, Any],
        extensions: dict[str, Any],
        participants: dict[str, dict[str, Any]],
    ) -> None:
        assert column.kind is not None
        assert column.field is not None
        field, kind = column.field, column.kind.kind
        key = f"{self.mapping.namespace}:{column.key or field}"
        if kind == "participants":
            self.participants(column, text, where, participants)
            return
        if kind == "extensions" and column.json:
            assert column.key is not None
            extensions[column.key] = read_json_cell(text)
            return
        if kind == "extensions":
            extensions[f"{self.mapping.namespace}:{column.key or extension_name(column.name)}"] = (
                text
            )
            return
        if kind == "list":
            items = self.pieces(column, text, where)
            words = column.kind.item is str and field not in COUNTRY_FIELDS and not column.crosswalk
            values = [
                item
                if words
                else self.cells.code(field, column.kind.item, item, where, column.crosswalk)
                for item in items
            ]
            kept = [v for v in values if not isinstance(v, SetAside)]
            aside = [v.text for v in values if isinstance(v, SetAside)]
            if kept:
                record[field] = list(dict.fromkeys(kept))
            if aside:
                extensions[key] = aside
            return
        result = self.scalar(column, kind, text, where)
        if isinstance(result, Partial):
            extensions[key] = {"text": result.text, "partial": result.partial}
        elif isinstance(result, SetAside):
            extensions[key] = result.text
        elif kind == "sources":
            record.setdefault(field, []).append({"title": column.name, "url": result})
        else:
            record[field] = result

    def scalar(self, column: Column, kind: str, text: str, where: str) -> object:
        assert column.kind is not None
        assert column.field is not None
        if kind == "date":
            return self.cells.date(text, where, partial=column.kind.partial)
        if kind == "code" or (kind == "text" and column.crosswalk):
            return self.cells.code(column.field, column.kind.item, text, where, column.crosswalk)
        if kind == "integer":
            return self.cells.integer(text, where)
        if kind == "decimal":
            return self.cells.decimal(text, where)
        if kind == "boolean":
            return self.cells.boolean(text, where)
        if kind == "sources":
            return self.cells.url(text, where)
        if column.field == "country":
            return self.cells.code(column.field, None, text, where, None)
        return text.strip() if self.mapping.trim else text

    def pieces(self, column: Column, text: str, where: str) -> list[str]:
        assert column.split is not None
        if column.split.escapes:
            items = split_items(text)
            if items is None:
                self.cells.note("value-set-aside", where, text, None, "ends in a lone backslash")
                return []
            return items
        if not self.mapping.trim:
            # Kept as written: split on the separators, and nothing else.
            pattern = "|".join(re.escape(sep) for sep in column.split.separators if sep)
            return [item for item in (re.split(pattern, text) if pattern else [text]) if item]
        joined, was_joined = join_broken_lines(text)
        if was_joined:
            self.cells.note("lines-joined", where, text, joined)
        pieces = list(split_list(joined, column.split))
        for piece in pieces:
            for phrase in piece.dropped:
                self.cells.note("phrase-dropped", where, phrase, None, f"from {text!r}")
        items = [piece.text for piece in pieces if piece.text]
        if len(items) > 1:
            self.cells.note("list-split", where, text, " | ".join(items))
        return items

    def participants(
        self, column: Column, text: str, where: str, found: dict[str, dict[str, Any]]
    ) -> None:
        for name in self.pieces(column, text, where):
            partner_id = self.book.add(name, where)
            if partner_id is None:
                continue
            participant = found.get(partner_id)
            if participant is None:
                participant = found[partner_id] = {"partner_id": partner_id}
            else:
                self.cells.note("duplicate-in-row", where, name, partner_id, "one participant")
            if column.role and column.role not in participant.setdefault("roles", []):
                participant["roles"].append(column.role)
            if not participant.get("roles"):
                participant.pop("roles", None)

    def finish(
        self,
        section: Section,
        sheet: str,
        number: int,
        record: dict[str, Any],
        extensions: dict[str, Any],
        participants: dict[str, dict[str, Any]],
        ids: Ids | None,
    ) -> dict[str, Any] | None:
        where = self.table.place(sheet, number)
        if participants or section.entity == "partnerships":
            record["participants"] = list(participants.values())
        for field in self.required(section):
            if field not in record:
                self.cells.note("row-set-aside", where, None, None, f"no {field}")
                return None
        if section.entity == "partnerships" and len(participants) < 2:
            self.cells.note(
                "single-participant",
                where,
                record.get("title"),
                None,
                f"{len(participants)} participant(s); a partnership needs two; set aside",
            )
            return None
        # The items of a list hold no custom data: what fits no field there is reported only.
        if extensions and section.key is None:
            record["extensions"] = extensions
        if section.entity == "partners":
            if "organisation_type" not in record:
                known = self.book.types.get(name_key(str(record["name"])))
                if known is not None:
                    record["organisation_type"] = known
                elif self.mapping.default_type is not None:
                    record["organisation_type"] = self.mapping.default_type
                    self.cells.note(
                        "type-default", where, record["name"], self.mapping.default_type
                    )
                else:
                    self.cells.findings.append(unknown_type(where, str(record["name"])))
            self.book.register(record, where)
            return None
        if ids is None:  # an item of a list: it has no id
            return record
        label = str(record.get("title") or record.get("name") or number)
        if "id" not in record or not ids.claim(str(record["id"])):
            record["id"] = ids.make(label, where, self.cells.findings)
        return {"id": record.pop("id"), **record}


def _required(section: Section) -> Iterator[str]:
    from partnering.imports._fieldkinds import field_kind, fields_of

    for field in fields_of(section.model):
        kind = field_kind(section.model, field)
        if kind.required and field not in ("id", "participants", "organisation_type"):
            yield field


def import_rows(mapping: ImportMapping, table: Table) -> tuple[dict[str, Any], list[Finding]]:
    """Import every row of the table; return the data and the findings, in order."""
    run = _Import(mapping, table)
    data = run.run()
    return data, run.cells.findings


__all__ += ["extension_name", "open_table", "parse_mapping"]
