r"""Read one strict JSON document, refusing everything RFC 8259 does not allow.

The standard library's :func:`json.loads` is lenient in ways an exchange format cannot be:
it accepts ``NaN`` and ``Infinity``, keeps the last of two equal keys, turns ``1e400`` into
infinity, decodes lone ``\ud800`` escapes into strings that cannot be written back as UTF-8,
and lets nesting go as deep as the interpreter's stack. :func:`parse_json` keeps the speed of
the C decoder and adds the missing checks:

* cheap checks run on every document (hooks of the C decoder, C-speed searches over the
  text and bytes), so a valid document costs little more than :func:`json.loads`;
* only when one of them fires does a slow, exact scan walk the text to find the first
  problem and say where it is: line, column and JSON Pointer.

Every failure is a :class:`~partnering.errors.JSONParseError` with a stable ``code``, a
message that says what is wrong and a hint that says what to do, both written for the person
who has to fix the file.

The modules, one job each:

* ``_read``: the entry point, :func:`parse_json`, which runs the steps below in order;
* ``_encoding``: bytes to text and text to bytes, strict UTF-8 only;
* ``_hooks``: the hooks of the C decoder (repeated keys, ``NaN``, overflow, long integers);
* ``_checks``: the cheap checks on a document the decoder accepted (depth, lone surrogates);
* ``_scan``: the exact scan that finds and places what a hook or a check noticed;
* ``_syntax``: a syntax error of the C decoder, described in plain words;
* ``_problems``: the errors themselves: their wording, hints, line and column.
"""

from __future__ import annotations

from partnering._json._read import parse_json, parse_json_text

__all__ = ["parse_json", "parse_json_text"]
