r"""What both pages share: the template environment, the inlined assets, the chart data.

Example:
    >>> chart_json([{"id": "c", "labels": ["</script>"]}])
    '[{"id": "c", "labels": ["\\u003c/script\\u003e"]}]'
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib.resources import files
from typing import Any

import jinja2

__all__ = ["LIMIT_IDS", "asset", "chart_json", "render", "shown_ids"]

#: How many ids a table cell shows before it says how many more there are.
LIMIT_IDS = 20


@functools.cache
def asset(name: str) -> str:
    """Return the text of a file shipped with the pages, such as ``vendor/chart.umd.min.js``."""
    return files("partnering._html").joinpath(name).read_text(encoding="utf-8")


def chart_json(charts: Sequence[dict[str, Any]]) -> str:
    """Write chart data as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(list(charts), ensure_ascii=False)
    # A '<' could close the element ('</script>') or open a comment; '&' and '>' need no care
    # inside a script, but escaping them too keeps the rule simple.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def shown_ids(ids: Sequence[str], limit: int = LIMIT_IDS) -> tuple[list[str], int]:
    """Return the first ids to show and how many more there are."""
    return list(ids[:limit]), max(0, len(ids) - limit)


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("partnering._html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: Any) -> str:
    """Render a page's template with the shared assets inlined."""
    script = asset("vendor/chart.umd.min.js")
    if "</script" in script.lower():  # pragma: no cover - checked by the tests on every update
        raise ValueError("the vendored chart library cannot be inlined: it holds '</script'")
    return (
        _environment()
        .get_template(template)
        .render(
            style=asset("templates/style.css"),
            chart_library=script,
            chart_script=asset("templates/charts.js"),
            **context,
        )
    )
