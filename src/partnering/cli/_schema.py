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

from partnering.schemas import schema_text

__all__ = ["run_schema"]


def run_schema(args: argparse.Namespace) -> int:
    """Print the schema named by ``--name`` and return the exit status, 0."""
    version = getattr(args, "format_version", None)
    text = schema_text(args.name, version=version if args.name == "dataset" else None)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        # The bytes exactly as shipped, whatever the terminal's encoding.
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return 0
