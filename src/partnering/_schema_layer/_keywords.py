"""What the schema layer says for each JSON Schema keyword a value breaks: one function each.

As in jsonschema's own ``_keywords.py``, each keyword has a small function, registered in
:data:`KEYWORDS`. A keyword that a field's constraint states is worded by that constraint
(:mod:`partnering._constraints`), rebuilt from the keyword's value: ``{"maximum": 17}`` is
``Range(maximum=17)``. A keyword that comes from the field's type is worded by
:mod:`partnering._wording`, which the converter uses too.

Example:
    >>> from jsonschema import Draft202012Validator
    >>> (error,) = Draft202012Validator({"maxLength": 3}).iter_errors("four")
    >>> [(issue.code, issue.message) for issue in translate(error)]
    [('text-too-long', 'the document has 4 characters; it may have at most 3')]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
from jsonschema import ValidationError

from partnering import _patterns
from partnering._constraints import (
    COUNTRY_CODES,
    Breach,
    Country,
    Currency,
    Keys,
    Length,
    MinItems,
    Omitted,
    Pattern,
    Range,
    Subdivision,
    UniqueItems,
)
from partnering._format import SCHEMA_VERSIONS
from partnering._grouping import generic_pointer
from partnering._patterns import NamedPattern
from partnering._shapes import CURRENCY_TITLE, SUBDIVISION_TITLE
from partnering._wording import (
    SUGGESTED_KEYS,
    issue,
    missing,
    not_a_code,
    null_value,
    record_noun,
    unknown_field,
    wrong_type,
)
from partnering.report import Issue, Path
from partnering.schemas import get_schema

__all__ = ["KEYWORDS", "translate"]

#: Every named pattern of the format, by the text the schema carries.
_NAMED_PATTERNS = {
    named.regex: named for named in vars(_patterns).values() if isinstance(named, NamedPattern)
}


def _named(regex: str) -> NamedPattern:
    found = _NAMED_PATTERNS.get(regex)
    if found is None:  # pragma: no cover - the schema only carries the named patterns
        return NamedPattern("pattern", regex, f"text matching {regex}")
    return found


def _noun(path: Path, schema: Mapping[str, Any]) -> str:
    """Name the object at ``path``: a record by its entity list, another by its schema's title."""
    return record_noun(path) or str(schema.get("title", "object")).lower()


def _said(found: Breach | None) -> Breach:
    if found is None:  # pragma: no cover - jsonschema and the constraint disagree
        return Breach("schema-violation", "breaks the schema")
    return found


# Each function takes what jsonschema's keyword functions take: the keyword's value in the
# schema, the instance that breaks it and the schema holding the keyword; and its path.


def _required(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    # jsonschema names the missing field only in its text: report every missing name here,
    # and let the caller drop the repeats.
    for name in value:
        if isinstance(instance, dict) and name not in instance:
            yield issue(missing(_noun(path, schema)), (*path, name))


def _additional_properties(
    value: Any, instance: Any, schema: Mapping[str, Any], path: Path
) -> Iterator[Issue]:
    known = list(schema.get("properties", {}))
    noun = _noun(path, schema)
    unknown = 0
    for name in instance:
        if name not in known:
            unknown += 1
            breach = unknown_field(name, noun, known, suggest=unknown <= SUGGESTED_KEYS)
            since = _fields_of_versions().get((str(schema.get("title")), name))
            if since is not None:  # a field of a later version than the file declares
                breach = attrs.evolve(
                    breach,
                    hint=f"'{name}' is a field of version {since} of the format: declare "
                    f'"schema_version": "{since}" to use it.',
                )
            yield issue(breach, (*path, name))


@functools.cache
def _fields_of_versions() -> Mapping[tuple[str, str], str]:
    """The version each field appeared in, by the title of its object and its name."""
    first: dict[tuple[str, str], str] = {}
    for version in SCHEMA_VERSIONS:
        schema = get_schema(version=version)
        for node in (schema, *schema["$defs"].values()):
            for name in node.get("properties", {}):
                first.setdefault((str(node.get("title")), name), version)
    return first


def _type(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    if instance is None:
        yield issue(null_value(), path)
    else:
        yield issue(wrong_type(str(value), instance), path, value=instance)


def _enum(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    codes = [str(code) for code in value]
    if tuple(codes) == COUNTRY_CODES:
        breach = _said(Country().breach(instance))
    elif schema.get("title") == SUBDIVISION_TITLE:
        breach = _said(Subdivision().breach(instance))
    elif schema.get("title") == CURRENCY_TITLE:
        breach = _said(Currency().breach(instance))
    else:
        breach = not_a_code(instance, str(schema.get("title", "")).lower(), codes)
    yield issue(breach, path, value=instance)


def _pattern(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    # A file of another version never gets here: the schema layer answers it first.
    yield issue(_said(Pattern(_named(str(value))).breach(instance)), path, value=instance)


def _not(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    # The schema says "not" only of a line feed, beside a pattern that admits none: the value
    # breaks that pattern too, and is worded by it.
    yield from _pattern(schema.get("pattern", ""), instance, schema, path)


def _min_length(
    value: Any, instance: Any, schema: Mapping[str, Any], path: Path
) -> Iterator[Issue]:
    yield issue(_said(Length(minimum=value).breach(instance)), path)


def _max_length(
    value: Any, instance: Any, schema: Mapping[str, Any], path: Path
) -> Iterator[Issue]:
    found = Length(minimum=0, maximum=value).breach(instance)
    yield issue(_said(found), path, value=instance)


def _min_items(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    # An empty list in a file is always reported as one, whatever its minimum.
    if instance:
        breach = _said(MinItems(value).breach(instance))
    elif generic_pointer(path) in _required_lists():
        breach = MinItems(value).empty()
    else:
        breach = Omitted.empty()
    yield issue(breach, path)


def _unique_items(
    value: Any, instance: Any, schema: Mapping[str, Any], path: Path
) -> Iterator[Issue]:
    seen: list[Any] = []
    for index, item in enumerate(instance):
        if any(_same_json(item, earlier) for earlier in seen):
            yield issue(UniqueItems().repeated(item), (*path, index), about=path, value=item)
        seen.append(item)


def _minimum(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    yield issue(_said(Range(minimum=value).breach(instance)), path, value=instance)


def _maximum(value: Any, instance: Any, schema: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    yield issue(_said(Range(maximum=value).breach(instance)), path, value=instance)


def _min_properties(
    value: Any, instance: Any, schema: Mapping[str, Any], path: Path
) -> Iterator[Issue]:
    yield issue(Keys.empty(), path)


def _property_names(
    value: Any, instance: Any, schema: Mapping[str, Any], path: Path
) -> Iterator[Issue]:
    # jsonschema checks a key as an instance of its own: the instance is the key, the schema
    # that inside propertyNames, and the issue's path names the key.
    breach = Keys(_named(str(schema.get("pattern", value)))).wrong_key(instance)
    yield issue(breach, (*path, str(instance)), about=path)


#: What a keyword's function is given: the keyword's value, the instance, the schema holding
#: the keyword, and the instance's path.
Translation = Callable[[Any, Any, Mapping[str, Any], Path], Iterator[Issue]]

#: The function that words a breach of each keyword the interchange schema uses.
KEYWORDS: Mapping[str, Translation] = {
    "required": _required,
    "additionalProperties": _additional_properties,
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "not": _not,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "minimum": _minimum,
    "maximum": _maximum,
    "minProperties": _min_properties,
    "propertyNames": _property_names,
}


def _keyword(error: ValidationError) -> str:
    """Name the keyword an error breaks; a key breaks ``propertyNames`` itself."""
    if "propertyNames" in error.relative_schema_path:
        return "propertyNames"
    return str(error.validator)


def translate(error: ValidationError) -> Iterator[Issue]:
    """Yield the issues of one of jsonschema's errors, worded by its keyword's function."""
    name = _keyword(error)
    path: Path = tuple(error.absolute_path)
    translation = KEYWORDS.get(name)
    if translation is None:  # pragma: no cover - a keyword our schema does not use
        yield issue(Breach("schema-violation", f"breaks the schema's {name!r} keyword"), path)
        return
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    yield from translation(error.validator_value, error.instance, schema, path)


@functools.cache
def _required_lists() -> frozenset[str]:
    """The generic pointers (``/platforms/*/members/*/roles``) of lists a file must give."""
    schema = get_schema()
    found: set[str] = set()

    def resolved(node: Mapping[str, Any]) -> Mapping[str, Any]:
        # A field refers to a definition directly, or as the one schema of an allOf.
        if len(node.get("allOf", ())) == 1:
            node = node["allOf"][0]
        if "$ref" in node:
            node = schema["$defs"][str(node["$ref"]).rsplit("/", 1)[-1]]
        return node

    def walk(node: Mapping[str, Any], pointer: str) -> None:
        node = resolved(node)
        if node.get("type") == "array":
            walk(node.get("items", {}), pointer + "/*")
        for name, child in node.get("properties", {}).items():
            child_pointer = f"{pointer}/{name}"
            if name in node.get("required", ()) and resolved(child).get("type") == "array":
                found.add(child_pointer)
            walk(child, child_pointer)

    walk(schema, "")
    return frozenset(found)


def _same_json(left: object, right: object) -> bool:
    # JSON equality: true is not 1, as jsonschema's uniqueItems also holds.
    if type(left) is not type(right) and not (
        isinstance(left, (int, float))
        and isinstance(right, (int, float))
        and not isinstance(left, bool)
        and not isinstance(right, bool)
    ):
        return False
    return left == right
