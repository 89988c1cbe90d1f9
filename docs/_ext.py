"""A local Sphinx extension: generate the reference, and document model fields from the code.

- When the build starts, :func:`_generate.generate` writes the generated reference pages.
- The fields of the attrs models carry their descriptions as metadata, which autodoc cannot
  see; they are added to each class's docstring as parameters, so the API reference shows
  every field with its type and description. The ``Attributes:`` section the models write
  into their own docstrings for :func:`help` says the same, so it is left out.
- Each code list's docstring gets a table of its members, codes and titles.
- A field whose default is made by a factory shows that default, not attrs' ``NOTHING``.
- A constant re-exported by the package root keeps the ``#:`` comment written where it is
  defined, instead of the docstring of its type.
"""

from __future__ import annotations

import enum
import re
import sys
from typing import Any

import _generate
import attrs
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer


def _generate_pages(app: Sphinx) -> None:
    _generate.generate()


def _code_list_table(obj: type[enum.Enum]) -> list[str]:
    described = all(hasattr(member, "title") for member in obj)
    header = ["Member", "Code", "Title", "Description"] if described else ["Member", "Value"]
    lines = ["", ".. list-table:: Members", "   :header-rows: 1", ""]
    lines += [f"   {'*' if index == 0 else ' '} - {name}" for index, name in enumerate(header)]
    for member in obj:
        cells = [f"``{member.name}``", f"``{member.value!r}``"]
        if described:
            cells += [member.title, member.description]
        lines += [f"   {'*' if index == 0 else ' '} - {cell}" for index, cell in enumerate(cells)]
    return lines


def _defined_comment(name: str, obj: object) -> list[str] | None:
    """Find the ``#:`` comment of a constant in the module of the package that defines it."""
    attribute = name.rpartition(".")[2]
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("partnering.") or getattr(module, attribute, None) is not obj:
            continue
        docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        if ("", attribute) in docs:
            return list(docs[("", attribute)])
    return None


def _describe_members(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Add field descriptions to attrs models and member tables to code lists."""
    if what == "data" and name.startswith("partnering."):
        comment = _defined_comment(name, obj)
        if comment is not None and obj.__doc__ == type(obj).__doc__:
            lines[:] = comment
        return
    if what != "class" or not name.startswith("partnering."):
        return
    if attrs.has(obj):
        described = [field for field in attrs.fields(obj) if "description" in field.metadata]
        if described:
            lines.append("")
            for field in described:
                lines.append(f":param {field.name}: {field.metadata['description']}")
    elif isinstance(obj, type) and issubclass(obj, enum.Enum) and len(obj) > 0:
        lines.extend(_code_list_table(obj))


def _drop_field_words(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Leave out the Attributes section a model writes for help(): its fields are params here."""
    if what == "class" and attrs.has(obj) and "Attributes:" in lines:
        del lines[lines.index("Attributes:") :]


def _factory_defaults(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show ``countries=()`` where attrs' signature says ``countries=NOTHING``."""
    if what != "class" or signature is None or not attrs.has(obj):
        return None
    for field in attrs.fields(obj):
        if isinstance(field.default, attrs.Factory) and not field.default.takes_self:
            shown = repr(field.default.factory())
            signature = re.sub(rf"\b{field.name}=NOTHING\b", f"{field.name}={shown}", signature)
    return signature, return_annotation


def setup(app: Sphinx) -> dict[str, bool]:
    """Connect the hooks."""
    app.connect("builder-inited", _generate_pages)
    # Before napoleon (priority 500), which would turn the Attributes section into entries.
    app.connect("autodoc-process-docstring", _drop_field_words, priority=400)
    app.connect("autodoc-process-docstring", _describe_members)
    app.connect("autodoc-process-signature", _factory_defaults)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
