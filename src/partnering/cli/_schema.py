"""``partnering schema``: print a bundled JSON Schema, byte for byte as shipped.

Example:
    >>> import argparse
    >>> run_schema(argparse.Namespace(name="report"))  # doctest: +ELLIPSIS
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
    ...
    0
"""

from __future__ import annotations

import argparse
import sys

from partnering._format import FORMAT_VERSIONS
from partnering.cli._terminal import error
from partnering.schemas import schema_text

__all__ = ["run_schema"]


def run_schema(args: argparse.Namespace) -> int:
    """Print the schema named by ``--name``; return 0, or 2 for a version it does not have."""
    version = getattr(args, "format_version", None)
    versions = FORMAT_VERSIONS[args.name]
    if version is not None and version not in versions:
        error(f"the {args.name} schema has no version {version}: it has {', '.join(versions)}")
        return 2
    text = schema_text(args.name, version=version)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        # The bytes exactly as shipped, whatever the terminal's encoding.
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return 0
