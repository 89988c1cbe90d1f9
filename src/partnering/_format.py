"""What defines the interchange format besides its schemas: versions, addresses and limits.

This module imports nothing from the library, so every other module may read it: the models,
the reader, the report and the schema generator agree on these facts because they share them.

Example:
    >>> SCHEMA_VERSION in SCHEMA_VERSIONS
    True
    >>> schema_id("dataset")
    'https://partnering.dev/schemas/1.1/dataset.schema.json'
    >>> checked_version({"schema_version": "1.0"}), checked_version({"schema_version": "2.0"})
    ('1.0', None)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "FORMAT_VERSIONS",
    "MAX_INTEGER",
    "REPORT_FORMAT_VERSION",
    "REPORT_FORMAT_VERSIONS",
    "SCHEMA_BASE_URI",
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "checked_version",
    "holds",
    "schema_id",
]

#: The version of the interchange format this library writes, and the newest it reads.
SCHEMA_VERSION = "1.1"

#: Every version of the interchange format this library reads, oldest first. A minor version
#: only adds to the one before it (see the versioning policy in the docs).
SCHEMA_VERSIONS: tuple[str, ...] = ("1.0", "1.1")

#: The version of the JSON report format this library writes, described by
#: ``schemas/1.1/report.schema.json``. It is counted apart from the interchange format's.
REPORT_FORMAT_VERSION = "1.1"

#: Every version of the JSON report format, oldest first. Only the newest is generated from
#: the records that write the report; the schemas of the others stay as they were published.
REPORT_FORMAT_VERSIONS: tuple[str, ...] = ("1.0", "1.1")

#: The versions of each shipped schema, by its name: each format counts its versions apart.
FORMAT_VERSIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"dataset": SCHEMA_VERSIONS, "report": REPORT_FORMAT_VERSIONS}
)

#: Where the interchange schemas are published; an identifier only, never fetched.
SCHEMA_BASE_URI = "https://partnering.dev/schemas"

#: The largest document, in bytes of UTF-8, that is read by default (256 MiB).
DEFAULT_MAX_BYTES: int = 256 * 1024 * 1024

#: How many objects and arrays may nest inside each other by default, the top level included.
DEFAULT_MAX_DEPTH: int = 64

#: The largest integer a field may hold, 2^53 - 1: the largest that every JSON reader,
#: JavaScript's included, holds exactly (I-JSON, RFC 7493). Fields with no tighter bound have
#: it as their maximum.
MAX_INTEGER: int = 2**53 - 1


def schema_id(name: str, version: str = SCHEMA_VERSION) -> str:
    """Return the ``$id`` of a schema file of the interchange format.

    Example:
        >>> schema_id("report", REPORT_FORMAT_VERSION)
        'https://partnering.dev/schemas/1.1/report.schema.json'
    """
    return f"{SCHEMA_BASE_URI}/{version}/{name}.schema.json"


def _parts(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def holds(since: str, version: str) -> bool:
    """Tell whether a file of ``version`` may hold what appeared in version ``since``.

    Example:
        >>> holds("1.0", "1.1"), holds("1.1", "1.0")
        (True, False)
    """
    return _parts(since) <= _parts(version)


def checked_version(document: object) -> str | None:
    """Return the version a parsed document is checked against, ``None`` for one not read.

    A document that declares a version this library reads is checked against it; one that
    declares none, or not as text, is checked against the newest (and told to declare it);
    one that names another version is not checked at all.

    Example:
        >>> checked_version({}), checked_version({"schema_version": "1"})
        ('1.1', None)
    """
    version = document.get("schema_version") if isinstance(document, Mapping) else None
    if not isinstance(version, str):
        return SCHEMA_VERSION
    return version if version in SCHEMA_VERSIONS else None
