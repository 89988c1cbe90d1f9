"""What defines the interchange format besides its schemas: versions, addresses and limits.

This module imports nothing from the library, so every other module may read it: the models,
the reader, the report and the schema generator agree on these facts because they share them.

Example:
    >>> SCHEMA_VERSION in SCHEMA_VERSIONS
    True
    >>> schema_id("dataset")
    'https://partnering.dev/schemas/1.0/dataset.schema.json'
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "MAX_INTEGER",
    "REPORT_FORMAT_VERSION",
    "SCHEMA_BASE_URI",
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "schema_id",
]

#: The version of the interchange format this library writes, and the newest it reads.
SCHEMA_VERSION = "1.0"

#: Every version of the interchange format this library reads, oldest first.
SCHEMA_VERSIONS: tuple[str, ...] = ("1.0",)

#: The version of the JSON report format, described by ``schemas/1.0/report.schema.json``.
REPORT_FORMAT_VERSION = "1.0"

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
        >>> schema_id("report")
        'https://partnering.dev/schemas/1.0/report.schema.json'
    """
    return f"{SCHEMA_BASE_URI}/{version}/{name}.schema.json"
