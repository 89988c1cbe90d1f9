"""Sphinx configuration for the partnering documentation.

Build with::

    sphinx-build -W -n --keep-going -b html docs docs/_build/html

The build needs no network: intersphinx is deliberately not enabled, and nothing here
fetches anything.
"""

from __future__ import annotations

import logging
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging

# -- Project information ------------------------------------------------------------------

project = "partnering"
author = "The partnering developers"
copyright = "The partnering developers"

try:
    release = version("partnering")
except PackageNotFoundError:
    # The docs can be built from a checkout without installing the package.
    release = "0.0.0"
version = ".".join(release.split(".")[:2])

# -- General configuration ----------------------------------------------------------------

# The local extension in _ext.py writes the generated reference pages (see _generate.py).
sys.path.insert(0, str(Path(__file__).resolve().parent))

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx_copybutton",
    "_ext",
]

source_suffix = {
    ".rst": "restructuredtext",
    ".md": "markdown",
}
root_doc = "index"
# The generated pages are included by the reference pages, not built on their own.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "reference/_generated"]

# Every cross-reference must resolve; a broken one fails the build under -W.
nitpicky = True

# Without network access there is no intersphinx, so references to the standard library and
# to the libraries partnering builds on cannot resolve. Each pattern below names one such
# module; a broken reference to partnering's own API still fails the build.
nitpick_ignore_regex = [
    (r"py:(class|exc|func|obj|data)", r"(collections\.abc|datetime|decimal|os|pathlib|typing)\..+"),
    (r"py:(class|exc|func|obj|data)", r"(attrs|cattrs|referencing|hypothesis|networkx)(\..+)?"),
]
nitpick_ignore = [
    # The type variable of structure(); it names no documented object.
    ("py:class", "partnering.convert.T"),
    ("py:class", "partnering.lookup.T"),  # and that of Index.get() and Index.referrers()
    # structure()'s docstring names explain() without its module; it is documented below,
    # as partnering.convert.explain, and the reference page links to it by that name.
    ("py:func", "explain"),
]

# Curly quotes and ellipses, but no dashes: option names such as --max-issues appear in plain
# text taken from the schemas, and must not turn into an en dash.
smartquotes_action = "qe"

# -- MyST ---------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- autodoc and napoleon -----------------------------------------------------------------

autodoc_typehints = "description"
autodoc_member_order = "bysource"

napoleon_google_docstring = True
napoleon_numpy_docstring = False

# -- sphinx-copybutton --------------------------------------------------------------------

# Copy the command or the code, not the prompt in front of it.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

# -- HTML output --------------------------------------------------------------------------

html_theme = "furo"
html_title = f"partnering {release}"

# -- Empty-safe section indexes -----------------------------------------------------------

# Each section index lists its pages with a ``*`` glob, so a page added later is picked up
# without editing the index. While a section holds only its index, that glob matches
# nothing and Sphinx warns, which -W turns into a failure. ``suppress_warnings`` cannot
# silence this warning in every supported Sphinx release: since 8.2 it carries the subtype
# ``empty_glob`` but no type (sphinx-doc/sphinx#14625), and before 8.2 it carried neither.
# So a narrow filter drops exactly that warning, and only for the bare ``*`` pattern: an
# empty glob of any other pattern (a typo, say) is still reported.
suppress_warnings = ["toc.empty_glob"]

_SECTION_GLOB = "*"


class _EmptySectionGlobFilter(logging.Filter):
    """Drop the warning about a bare ``*`` toctree glob that matched no page."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        is_empty_glob = (
            getattr(record, "subtype", None) == "empty_glob"
            or "didn't match any documents" in message
        )
        return not (is_empty_glob and record.args == (_SECTION_GLOB,))


def setup(app: Sphinx) -> dict[str, bool]:
    """Install the filter on the logger of the toctree directive."""
    toctree_logger = sphinx_logging.getLogger("sphinx.directives.other").logger
    if not any(isinstance(f, _EmptySectionGlobFilter) for f in toctree_logger.filters):
        toctree_logger.addFilter(_EmptySectionGlobFilter())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
