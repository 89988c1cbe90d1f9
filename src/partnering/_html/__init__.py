"""HTML pages people read: the report of a dataset, and the report of a validation.

Each page is one self-contained file: its styles, its data and the charting library
(Chart.js, vendored in ``vendor/`` at the version of the repository's package-lock.json) are
inlined, so the page opens anywhere with no network. Tables are rendered here, so the page
says everything without scripts; the scripts only draw the charts. Templates are Jinja2 with
autoescaping on: nothing from a document reaches the page unescaped.

Example:
    >>> from partnering import load, example_path
    >>> page = analysis_page(load(example_path()), label="platforms.json", version="1.0")
    >>> page.startswith("<!DOCTYPE html>"), "https://" in page.split("<style>")[0]
    (True, False)
"""

from __future__ import annotations

from partnering._html._analysis import analysis_page
from partnering._html._validation import validation_page

__all__ = ["analysis_page", "validation_page"]
