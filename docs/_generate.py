"""Write the parts of the reference that come straight from the code and the schemas.

Sphinx calls :func:`generate` when a build starts (see ``_ext.py``); the tests call it too.
The pages it writes go to ``reference/_generated/``, which is not committed: each build
makes them afresh from

- the installed package's command line, by running ``python -m partnering ... --help``;
- the catalogue of issue codes, :func:`partnering.catalogue.issue_codes`;
- the schema files of the interchange format and of the JSON report, read from the
  checkout's ``schemas/`` folder, the very files the package ships.

The hand-written pages in ``reference/`` include these files, so the reference cannot say
something the code does not do. Nothing here imports Sphinx.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from partnering._format import FORMAT_VERSIONS

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
OUT = DOCS / "reference" / "_generated"
SCHEMAS = ROOT / "schemas"
#: The version of each schema documented: the newest of its format, as the library declares it.
SCHEMA_VERSIONS = {name: versions[-1] for name, versions in FORMAT_VERSIONS.items()}


def commands() -> tuple[tuple[str, ...], ...]:
    """List the commands documented, each as the arguments that come before ``--help``.

    They are the installed parser's own, in its order, so a new command is documented the
    moment it exists.
    """
    import argparse

    from partnering.cli._parser import build_parser

    choices = next(
        action.choices
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    return ((), *((name,) for name in choices))


#: The width the help text is wrapped to, fixed so the page does not depend on the terminal.
HELP_COLUMNS = 88

_LAYER_TITLES = {
    "parse": "Reading: the strict JSON parser",
    "sheets": "Reading: workbooks and CSV folders",
    "schema": "Layer 1: the schema",
    "rules": "Layer 2: rules across the file",
}

_LAYER_INTROS = {
    "parse": (
        "The file could not be read as one strict JSON object, so nothing else was checked. "
        "Where the problem has a place in the text, the issue gives its line and column."
    ),
    "sheets": (
        "A workbook or a folder of CSV files could not be read safely, or a cell, column or "
        "sheet does not fit the spreadsheet layout. Each issue names its cell, such as "
        "`Partners!C7`."
    ),
    "schema": (
        "The file is JSON, but a value breaks the interchange schema: a type, a required "
        "or unknown field, a code list, a format."
    ),
    "rules": (
        "Every value is fine on its own, but the records do not fit together: a reference "
        "to nothing, a duplicate id, dates in the wrong order, or something that is "
        "probably a mistake in data about cross-sector partnerships."
    ),
}

_FORMATS = {
    "date": "a date, written `YYYY-MM-DD`",
    "date-time": "a date and time in UTC, written `YYYY-MM-DDThh:mm:ssZ`",
    "uri": "a web address, `http://` or `https://`",
}

#: A row of the table of codes in a code list's description: the code, its title, its meaning.
_CODE_ROW = re.compile(
    r"^\| `(?P<code>[^`]*)` \| (?P<title>(?:[^|\\]|\\.)*) \| (?P<meaning>.*) \|$"
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>{}|])")


def generate(out: Path = OUT) -> list[Path]:
    """Write every generated page into ``out`` and return their paths.

    A file is rewritten only when its text changes, so an unchanged page does not make
    Sphinx rebuild the pages that include it.
    """
    pages = {
        "cli.md": cli_page(),
        "format.md": schema_page("dataset", "format"),
        "report-format.md": schema_page("report", "report"),
        "issue-codes.md": issue_codes_page(),
    }
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages.items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# -- Text helpers -------------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape the characters Markdown would read as markup."""
    return _SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """Render text as inline code, whatever backticks it holds."""
    fence = "``" if "`" in text else "`"
    padding = " " if "`" in text else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def cell(text: str) -> str:
    """Make text safe inside a table cell: no pipes, no line breaks."""
    return text.replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lay out a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return lines


def label(prefix: str, name: str) -> str:
    """Return the cross-reference label of a section, such as ``format-platform``."""
    return f"{prefix}-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def command_link(arguments: str, *, command: str | None = None) -> str:
    """Link to the reference of a command, shown as ``partnering ARGUMENTS``."""
    name = command or arguments.split()[0]
    return f"{{ref}}`partnering {arguments} <{label('cli', f'partnering {name}')}>`"


def commands_named(text: str) -> list[str]:
    """Return the commands a text names, as ``'partnering codes'`` or ``'partnering codes X'``."""
    named = re.findall(r"'partnering (\w+)[^']*'", text)
    known = {arguments[0] for arguments in commands() if arguments}
    return [name for name in dict.fromkeys(named) if name in known]


def _note(text: str) -> list[str]:
    return [
        "<!-- Generated by docs/_generate.py from the code and the schemas; do not edit. -->",
        "",
        text,
        "",
    ]


# -- The command line ---------------------------------------------------------------------


def command_help(arguments: Sequence[str]) -> str:
    """Run the installed ``partnering`` command with ``--help`` and return what it prints."""
    env = {
        **os.environ,
        "COLUMNS": str(HELP_COLUMNS),
        "NO_COLOR": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    result = subprocess.run(
        [sys.executable, "-m", "partnering", *arguments, "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"'partnering {' '.join(arguments)} --help' failed with status "
            f"{result.returncode}; is the package installed in this environment?\n"
            f"{result.stderr}"
        )
    return result.stdout.rstrip() + "\n"


def cli_page() -> str:
    """Document each command with the help text of the real parser."""
    lines = _note(
        "Each section below is the help that the command itself prints, captured when this "
        "documentation was built."
    )
    for arguments in commands():
        name = " ".join(("partnering", *arguments))
        lines += [
            f"({label('cli', name)})=",
            f"## {code(name)}",
            "",
            "```text",
            f"$ {name} --help",
            command_help(arguments).rstrip(),
            "```",
            "",
        ]
    return "\n".join(lines)


# -- Schemas ------------------------------------------------------------------------------


def load_schema(name: str) -> dict[str, Any]:
    """Read a schema file of the checkout."""
    path = SCHEMAS / SCHEMA_VERSIONS[name] / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _ref_name(node: Mapping[str, Any]) -> str | None:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return ref.removeprefix("#/$defs/")
    return None


def _is_code_list(node: Mapping[str, Any]) -> bool:
    return "enum" in node and node.get("type") == "string"


def _is_object(node: Mapping[str, Any]) -> bool:
    return node.get("type") == "object" and "properties" in node


def _summary(node: Mapping[str, Any]) -> str:
    """The first paragraph of a description: a code list's table of codes follows it."""
    return str(node.get("description", "")).split("\n\n", 1)[0]


def _code_meanings(node: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Read the table of codes, titles and meanings from a code list's description."""
    rows = []
    for line in str(node.get("description", "")).splitlines():
        row = _CODE_ROW.match(line)
        if row is not None:
            title, meaning = (row[name].replace("\\|", "|") for name in ("title", "meaning"))
            rows.append((row["code"], title, meaning))
    return rows


def _refs(node: object) -> Iterator[str]:
    """Yield the names of the definitions a node refers to, in document order."""
    if isinstance(node, Mapping):
        name = _ref_name(node)
        if name is not None:
            yield name
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


class _SchemaWriter:
    """Render one schema: its root object, the objects it defines and its code lists."""

    def __init__(self, schema: Mapping[str, Any], prefix: str) -> None:
        self.schema = schema
        self.prefix = prefix
        self.defs: Mapping[str, Mapping[str, Any]] = schema.get("$defs", {})
        # Every entity's id follows one pattern; naming it once keeps the tables readable.
        self.id_pattern: str | None = None
        for node in self.defs.values():
            pattern = self.resolve(node.get("properties", {}).get("id", {})).get("pattern")
            if isinstance(pattern, str):
                self.id_pattern = pattern
                break

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow a field's reference to a shared shape: alone, or the one schema of allOf."""
        if len(node.get("allOf", ())) == 1:
            node = node["allOf"][0]
        name = _ref_name(node)
        return self.defs.get(name, {}) if name is not None else node

    def link(self, name: str) -> str:
        return f"{{ref}}`{name} <{label(self.prefix, name)}>`"

    def objects(self) -> list[str]:
        """Order the object definitions: each after the first object that refers to it."""
        ordered: list[str] = []

        def visit(node: object) -> None:
            for name in _refs(node):
                definition = self.defs.get(name, {})
                if name not in ordered and _is_object(definition):
                    ordered.append(name)
                    visit(definition.get("properties", {}))

        # Entity lists come before the root's single objects (a publisher), and every
        # entity before the parts all of them share (a source).
        properties = self.schema.get("properties", {})
        arrays = {key: value for key, value in properties.items() if "items" in value}
        shared = {
            name
            for name in self.defs
            if sum(1 for other in self.defs.values() for ref in _refs(other) if ref == name) > 1
        }
        for value in arrays.values():
            item = _ref_name(value["items"])
            if item is not None and item not in shared and item not in ordered:
                ordered.append(item)
                for child in _refs(self.defs[item].get("properties", {})):
                    child_definition = self.defs.get(child, {})
                    if (
                        child not in shared
                        and child not in ordered
                        and _is_object(child_definition)
                    ):
                        ordered.append(child)
        visit(properties)
        visit(self.defs)
        return ordered

    def code_lists(self) -> list[str]:
        return sorted(name for name, node in self.defs.items() if _is_code_list(node))

    def describe_type(self, node: Mapping[str, Any]) -> str:
        """Say in words what a value may be."""
        if len(node.get("allOf", ())) == 1:
            return self.describe_type(node["allOf"][0])
        name = _ref_name(node)
        if name is not None:
            target = self.defs.get(name, {})
            if _is_code_list(target):
                return f"a code of {self.link(target.get('title', name))}"
            if _is_object(target):
                return f"an object: {self.link(name)}"
            return self.describe_type(target)  # a shared shape: an id, a text, a date
        if "const" in node:
            return f"exactly {code(json.dumps(node['const']))}"
        for keyword in ("anyOf", "oneOf"):
            if keyword in node:
                return " or ".join(self.describe_type(option) for option in node[keyword])
        if "enum" in node:
            return "one of " + ", ".join(code(json.dumps(value)) for value in node["enum"])
        kind = node.get("type")
        if isinstance(kind, list):
            kinds = [value for value in kind if value != "null"]
            text = self.describe_type({**node, "type": kinds[0]}) if len(kinds) == 1 else ""
            return f"`null` or {text}" if text else " or ".join(code(value) for value in kind)
        if kind == "string":
            return self._string(node)
        if kind == "integer":
            return "a whole number" + self._range(node)
        if kind == "number":
            return "a number" + self._range(node)
        if kind == "boolean":
            return "`true` or `false`"
        if kind == "array":
            return self._array(node)
        if kind == "object":
            return self._object(node)
        return "any JSON value"

    def _string(self, node: Mapping[str, Any]) -> str:
        parts = []
        if "format" in node:
            parts.append(_FORMATS.get(node["format"], f"text of format {code(node['format'])}"))
        elif self.id_pattern is not None and node.get("pattern") == self.id_pattern:
            parts.append(f"an {{ref}}`id <{label(self.prefix, 'ids')}>`")
        elif "pattern" in node:
            parts.append(f"text matching {code(node['pattern'])}")
        else:
            parts.append("text")
        if node.get("minLength") == 1:
            parts.append("not empty")
        elif "minLength" in node:
            parts.append(f"at least {node['minLength']} characters")
        if "maxLength" in node:
            parts.append(f"at most {node['maxLength']} characters")
        return ", ".join(parts)

    @staticmethod
    def _range(node: Mapping[str, Any]) -> str:
        low, high = node.get("minimum"), node.get("maximum")
        if low is not None and high is not None:
            return f" from {low} to {high}"
        if low is not None:
            return f", at least {low}"
        if high is not None:
            return f", at most {high}"
        return ""

    def _array(self, node: Mapping[str, Any]) -> str:
        items = node.get("items", {})
        text = f"a list, each item {self.describe_type(items)}"
        rules = []
        if node.get("minItems"):
            count = node["minItems"]
            rules.append(f"at least {count} item{'s' if count != 1 else ''}")
        if node.get("uniqueItems"):
            rules.append("no item twice")
        return text + (f"; {', '.join(rules)}" if rules else "")

    def _object(self, node: Mapping[str, Any]) -> str:
        properties = node.get("properties", {})
        if properties:
            required = set(node.get("required", ()))
            fields = [
                f"{code(name)} ({self.describe_type(value)}"
                f"{'' if name in required else ', optional'})"
                for name, value in properties.items()
            ]
            return "an object with " + "; ".join(fields)
        text = "an object"
        names = node.get("propertyNames", {})
        if "pattern" in names:
            text += f" whose keys match {code(names['pattern'])}"
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping):
            text += f", each value {self.describe_type(extra)}"
        if node.get("minProperties"):
            text += "; not empty"
        return text

    def fields(self, node: Mapping[str, Any]) -> list[str]:
        required = set(node.get("required", ()))
        rows = [
            [
                code(field),
                self.describe_type(value),
                "yes" if field in required else "no",
                escape(value.get("description", "")),
            ]
            for field, value in node.get("properties", {}).items()
        ]
        lines = table(["Field", "Value", "Required", "Description"], rows)
        if node.get("additionalProperties") is False:
            lines += ["", "No other field is allowed."]
        return lines

    def usage(self) -> dict[str, list[str]]:
        """Map each definition to the fields that use it, as ``Object.field``."""
        used: dict[str, list[str]] = {}
        owners: list[tuple[str, Mapping[str, Any]]] = [("Dataset", self.schema)]
        owners += [(name, node) for name, node in self.defs.items()]
        for owner, node in owners:
            for field, value in node.get("properties", {}).items():
                for name in dict.fromkeys(self.uses(value)):
                    used.setdefault(name, []).append(f"{owner}.{field}")
        return used

    def uses(self, node: object) -> Iterator[str]:
        """Yield the definitions a field refers to, through the shared shapes it is made of."""
        for name in _refs(node):
            yield name
            definition = self.defs.get(name, {})
            if not _is_object(definition) and not _is_code_list(definition):
                yield from self.uses(definition)

    def page(self, root_title: str) -> list[str]:
        lines = [
            f"({label(self.prefix, 'root')})=",
            f"## {root_title}",
            "",
            escape(self.schema.get("description", "")),
            "",
            f"Schema identifier: {code(self.schema.get('$id', ''))}",
            "",
            *self.fields(self.schema),
            "",
        ]
        if self.id_pattern is not None:
            lines += [
                f"({label(self.prefix, 'ids')})=",
                "## Ids",
                "",
                f"Every record has an `id`, unique within its list: text matching "
                f"{code(self.id_pattern)}. Fields that refer to another record hold its id; "
                "their names end in `_id` or `_ids`.",
                "",
            ]
        objects = self.objects()
        if objects:
            lines += ["## Objects", ""]
        for name in objects:
            node = self.defs[name]
            lines += [
                f"({label(self.prefix, name)})=",
                f"### {node.get('title', name)}",
                "",
                escape(_summary(node)),
                "",
                *self.fields(node),
                "",
            ]
        code_lists = self.code_lists()
        if code_lists:
            lines += ["## Code lists", ""]
        used = self.usage()
        for name in code_lists:
            node = self.defs[name]
            lines += [
                f"({label(self.prefix, node.get('title', name))})=",
                f"### {node.get('title', name)}",
                "",
                escape(_summary(node)),
                "",
            ]
            if name in used:
                lines += ["Used by " + ", ".join(code(where) for where in used[name]) + ".", ""]
            if self.prefix == "format" and name != "subdivision_code":
                # The command accepts the definition's name in kebab-case: country-code too.
                # (It has no list of subdivisions: pycountry's ISO 3166-2 data is that list.)
                kebab = re.sub(r"(?<=[a-z])(?=[A-Z])|_", "-", name).lower()
                lines += [
                    f"{command_link(f'codes {kebab}')} prints this list, with what each "
                    "code stands for.",
                    "",
                ]
            described = _code_meanings(node)
            if described:
                rows = [
                    [code(value), escape(title), escape(meaning)]
                    for value, title, meaning in described
                ]
                lines += [*table(["Code", "Title", "Description"], rows), ""]
            else:
                values = node["enum"]
                lines += [
                    f"The {len(values)} codes: " + ", ".join(code(value) for value in values) + ".",
                    "",
                ]
        return lines


def schema_page(name: str, prefix: str) -> str:
    """Document a schema file: every object and field, and every code list."""
    schema = load_schema(name)
    writer = _SchemaWriter(schema, prefix)
    root_title = "The exchange file" if name == "dataset" else "The report"
    lines = _note(
        f"Generated from {code(f'schemas/{SCHEMA_VERSIONS[name]}/{name}.schema.json')}, the file "
        f"the package ships and {code(f'partnering schema --name {name}')} prints."
    )
    return "\n".join([*lines, *writer.page(root_title)]).rstrip() + "\n"


# -- Issue codes --------------------------------------------------------------------------


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _example_block(example: str) -> list[str]:
    # Strict JSON is highlighted as JSON; anything else (NaN, "...") as plain text, since the
    # JSON highlighter warns about what it cannot read.
    try:
        json.loads(example, parse_constant=_refuse_constant)
    except ValueError:
        language = "text"
    else:
        language = "json"
    if language == "text" and not example.lstrip().startswith(("{", "[")):
        return [escape(example[0].upper() + example[1:]) + "."]
    return [f"```{language}", example, "```"]


def _see_also(text: str) -> list[str]:
    """Link to the reference of each command a catalogue entry names."""
    named = commands_named(text)
    if not named:
        return []
    return ["**See also:** " + ", ".join(command_link(name) for name in named) + ".", ""]


def issue_codes_page() -> str:
    """Document every issue code, from the catalogue."""
    from partnering.catalogue import LAYERS, issue_codes

    codes = issue_codes()
    lines = _note(
        "Generated from `partnering.catalogue.issue_codes()`: every code the library reports."
    )
    rows = [
        [
            f"{{ref}}`{info.code} <{label('issue', info.code)}>`",
            info.severity.value,
            info.layer,
            escape(info.title),
        ]
        for info in codes.values()
    ]
    lines += [*table(["Code", "Severity", "Layer", "Meaning"], rows), ""]
    for layer in LAYERS:
        lines += [f"## {_LAYER_TITLES[layer]}", "", _LAYER_INTROS[layer], ""]
        for info in codes.values():
            if info.layer != layer:
                continue
            lines += [
                f"({label('issue', info.code)})=",
                f"### {code(info.code)}",
                "",
                f"**{escape(info.title)}** ({info.severity.value}). {escape(info.description)}",
                "",
                f"**How to fix it:** {escape(info.hint)}",
                "",
                *_see_also(info.description + " " + info.hint),
                "**Example that triggers it:**",
                "",
                *_example_block(info.example),
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    for written in generate():
        print(written)
