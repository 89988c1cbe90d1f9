"""The fast path of validation and loading, with the verdicts and reports of the reference path.

The reference path checks a document with jsonschema's pure-Python validator
(:mod:`partnering._schema_layer`), then builds the models with the converter
(:mod:`partnering.convert`). Both are exact and explain everything, and both are slow on files
of tens of thousands of records. The fast path gets the same results another way, in three
parts:

- :mod:`~partnering._fast._plain` tells which data may take the fast path at all: plain JSON,
  as the strict parser returns it (:func:`is_plain_json`);
- :mod:`~partnering._fast._engine` checks the schema with jsonschema-rs, and lets the
  reference validator explain only the records it flags (:func:`schema_issues`);
- :mod:`~partnering._fast._build` builds the models of an accepted document with functions
  generated from the models' fields (:func:`structure`).

Pausing the garbage collector while a large document is read is :mod:`partnering._gc`'s job.

Example:
    >>> data = {"schema_version": "1.0", "partners": [{"id": "tpi", "nmae": "x"}]}
    >>> [issue.code for issue in schema_issues(data)]
    ['missing-field', 'missing-field', 'unknown-field']
    >>> structure({"schema_version": "1.0", "title": "Mine"}).title
    'Mine'
"""

from __future__ import annotations

from partnering._fast._build import structure
from partnering._fast._engine import engines, schema_issues
from partnering._fast._plain import is_plain_json

__all__ = ["engines", "is_plain_json", "schema_issues", "structure"]
