"""The spreadsheet layout, derived from the models: sheets, columns and what each cell holds.

Nothing here is written by hand for a field or an entity. :func:`derive` walks the fields of
:class:`~partnering.models.Dataset` and of the models below it (``attrs.fields``, their type
hints and their metadata): each entity list becomes a sheet, each field a column (fields of a
nested object become dotted columns, such as ``publisher.name``), each list of objects a sheet
of its own keyed by the id of its record, and the dataset's other fields the rows of ``Meta``.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal, Union

import attrs

from partnering.codelists import CodeList
from partnering.entities import ENTITIES, Entities
from partnering.partial_dates import PartialDate

__all__ = ["Column", "Kind", "Layout", "Sheet", "derive"]

#: What a cell holds: text (ids, names, free text), a code of a code list, an integer, a
#: number, true or false, a date, a date and time, a list of plain values in one cell, or a
#: JSON value (custom data, and any type the layout has no better cell for).
Kind = Literal["text", "code", "integer", "number", "boolean", "date", "datetime", "list", "json"]

#: Sheets of a workbook that hold no records: how to fill it in, and the code lists.
README = "README"
CODES = "Codes"
META = "Meta"

#: The longest sheet name a workbook may have.
_MAX_TITLE = 31


@attrs.frozen(kw_only=True)
class Column:
    """One column of a sheet: a field of the records, or of an object nested in them.

    Attributes:
        header: the column's header, the field's name (dotted for a nested object's field).
        path: the keys of the value within the record.
        kind: what its cells hold.
        item: for a list, what each of its items is.
        codes: the code list of its values (or of its items), if it has one.
        required: whether every record must have a value.
        description: the field's description, for the header's note.
        extensions: whether the column stands for custom data, one column per key.
    """

    header: str
    path: tuple[str, ...]
    kind: Kind
    item: Kind | None = None
    codes: type[CodeList] | None = None
    required: bool = False
    description: str = ""
    extensions: bool = False

    @property
    def text_like(self) -> bool:
        """Whether the cells hold text a spreadsheet program must not turn into numbers."""
        return self.kind in ("text", "code") or (self.kind == "list" and self.item != "integer")


@attrs.frozen(kw_only=True)
class Sheet:
    """One sheet: the records of an entity list, or the items of a list of objects.

    Attributes:
        title: the sheet's name, such as ``Partners`` or ``Platforms_members``.
        path: the entity list, then for nested items the list field of the record.
        model: the model of the rows.
        columns: the columns, in the order of the model's fields.
        key: for nested items, the header of the first column, which names the record they
            belong to by its id (``platform.id``); ``None`` for an entity list.
        description: what the rows are, from the list field's description.
    """

    title: str
    path: tuple[str, ...]
    model: type[Any]
    columns: tuple[Column, ...]
    key: str | None = None
    description: str = ""

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header of the sheet, the key column first."""
        own = tuple(column.header for column in self.columns if not column.extensions)
        return own if self.key is None else (self.key, *own)


@attrs.frozen(kw_only=True)
class Layout:
    """The whole layout: the ``Meta`` rows, then the record sheets in the order of the format.

    Attributes:
        meta: the dataset's own fields, one row each in ``Meta``.
        sheets: the record sheets, each entity list followed by the sheets of its nested lists.
    """

    meta: tuple[Column, ...]
    sheets: tuple[Sheet, ...]

    def sheet(self, title: str) -> Sheet:
        """Return the sheet called ``title``.

        Example:
            >>> from partnering.sheets import LAYOUT
            >>> LAYOUT.sheet("Platforms_members").key
            'platform.id'
        """
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        raise KeyError(title)

    @property
    def titles(self) -> tuple[str, ...]:
        """The names of the record sheets, in order."""
        return tuple(sheet.title for sheet in self.sheets)


def _title(*names: str) -> str:
    text = "_".join(names)
    return (text[:1].upper() + text[1:])[:_MAX_TITLE]


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Return the type inside ``X | None``, and whether ``None`` was allowed."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        arguments = [argument for argument in typing.get_args(annotation) if argument is not None]
        others = [argument for argument in arguments if argument is not type(None)]
        if len(others) == 1 and len(others) < len(arguments):
            return others[0], True
        if set(others) == {date, PartialDate}:
            # A date cell: a day is written as one, a month or a year (1.1) as its text.
            return date, type(None) in arguments
    return annotation, False


def _items(annotation: Any) -> Any | None:
    if typing.get_origin(annotation) is tuple:
        arguments = typing.get_args(annotation)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return arguments[0]
    return None


def _plain_kind(annotation: Any) -> tuple[Kind, type[CodeList] | None]:
    if isinstance(annotation, type):
        if issubclass(annotation, CodeList):
            return "code", annotation
        if annotation is bool:
            return "boolean", None
        if annotation is int:
            return "integer", None
        if annotation is float:
            return "number", None
        if annotation is str:
            return "text", None
        if annotation is datetime:
            return "datetime", None
        if annotation is date:
            return "date", None
    return "json", None  # a type with no better cell: its JSON value, kept exactly


def _required(field: attrs.Attribute[Any]) -> bool:
    return field.default is attrs.NOTHING or bool(field.metadata.get("required_in_files"))


def _columns(
    model: type[Any], prefix: tuple[str, ...], nested: list[tuple[tuple[str, ...], Any, str]]
) -> list[Column]:
    """List the columns of ``model``'s fields; note its lists of objects in ``nested``."""
    hints = typing.get_type_hints(model)
    columns: list[Column] = []
    for field in attrs.fields(model):
        path = (*prefix, field.name)
        header = ".".join(path)
        description = str(field.metadata.get("description", ""))
        required = _required(field)
        annotation, _ = _unwrap(hints[field.name])
        item = _items(annotation)
        if field.name == "extensions" and typing.get_origin(annotation) in (Mapping, dict):
            columns.append(
                Column(
                    header=header,
                    path=path,
                    kind="json",
                    description=description,
                    extensions=True,
                )
            )
        elif item is not None and attrs.has(item):
            nested.append((path, item, description))
        elif item is not None:
            kind, codes = _plain_kind(item)
            columns.append(
                Column(
                    header=header,
                    path=path,
                    kind="list",
                    item=kind,
                    codes=codes,
                    required=required,
                    description=description,
                )
            )
        elif isinstance(annotation, type) and attrs.has(annotation):
            columns.extend(_columns(annotation, path, nested))
        else:
            kind, codes = _plain_kind(annotation)
            columns.append(
                Column(
                    header=header,
                    path=path,
                    kind=kind,
                    codes=codes,
                    required=required,
                    description=description,
                )
            )
    return columns


def _record_sheets(
    title: str, path: tuple[str, ...], model: type[Any], description: str, key: str | None
) -> list[Sheet]:
    nested: list[tuple[tuple[str, ...], Any, str]] = []
    columns = _columns(model, (), nested)
    sheets = [
        Sheet(
            title=title,
            path=path,
            model=model,
            columns=tuple(columns),
            key=key,
            description=description,
        )
    ]
    if key is not None and nested:
        raise ValueError(
            f"{model.__name__} nests a list of objects in a list of objects, which the "
            "spreadsheet layout cannot key"
        )
    for inner_path, inner_model, inner_description in nested:
        sheets.extend(
            _record_sheets(
                _title(*path, *inner_path),
                (*path, ".".join(inner_path)),
                inner_model,
                inner_description,
                f"{_singular(model)}.id",
            )
        )
    return sheets


def _singular(model: type[Any]) -> str:
    """Name the key column after the parent's model: ``BuildingBlock`` gives ``building_block``."""
    name = model.__name__
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in name).lstrip("_")


def derive(entities: Entities = ENTITIES) -> Layout:
    """Derive the spreadsheet layout of a dataset model from its fields.

    Raises:
        ValueError: two sheets would have the same name, or a list of objects is nested in
            another, which the layout cannot key.

    Example:
        >>> layout = derive()
        >>> layout.titles[:3]
        ('Platforms', 'Platforms_members', 'Platforms_sources')
        >>> [column.header for column in layout.meta][:3]
        ['schema_version', 'title', 'description']
    """
    fields = attrs.fields_dict(entities.root)
    sheets: list[Sheet] = []
    for entity in entities.lists:
        description = str(fields[entity.name].metadata.get("description", ""))
        sheets.extend(
            _record_sheets(_title(entity.name), (entity.name,), entity.model, description, None)
        )
    listed = {entity.name for entity in entities.lists}
    nested: list[tuple[tuple[str, ...], Any, str]] = []
    meta = [
        column for column in _columns(entities.root, (), nested) if column.path[0] not in listed
    ]
    if any(path[0] not in listed for path, _, _ in nested):
        raise ValueError(f"{entities.root.__name__} has a list of objects that is not an entity")
    titles = [sheet.title for sheet in sheets]
    clashes = {title for title in titles if titles.count(title) > 1} | (
        set(titles) & {README, CODES, META}
    )
    if clashes:
        raise ValueError(f"sheet names clash: {sorted(clashes)}")
    return Layout(meta=tuple(meta), sheets=tuple(sheets))
