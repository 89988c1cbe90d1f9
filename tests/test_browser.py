"""The HTML pages and the documentation in a real browser: Debian's headless Chromium.

Each page is opened at a desktop's and a phone's width. It must log no error, ask for
nothing from the network, draw every chart it carries, hold its tables and fit the
window's width. Screenshots go to ``PARTNERING_SCREENSHOTS`` (default: a temporary folder).

The tests need Playwright for Python (the ``browser`` extra) and Chromium; without them they
are skipped, unless ``PARTNERING_BROWSER_TESTS=required`` (as ``.ci/run`` sets), when they
fail. The documentation is checked when ``PARTNERING_DOCS_HTML`` names a built HTML folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from partnering.cli import main

ROOT = Path(__file__).parents[1]
EXAMPLES = ROOT / "docs" / "_static" / "examples"
REQUIRED = os.environ.get("PARTNERING_BROWSER_TESTS") == "required"

#: What the page reports of itself once loaded.
FACTS = """({
    charts: Number(document.documentElement.dataset.charts || 0),
    canvases: document.querySelectorAll("canvas").length,
    instances: typeof Chart === "undefined" ? -1 : Object.keys(Chart.instances).length,
    tables: document.querySelectorAll("table").length,
    width: document.documentElement.scrollWidth,
    cells: document.querySelectorAll(".grid .cell").length,
    issues: document.querySelectorAll("li.issue").length,
    spreads: document.querySelectorAll("table.spread").length,
    changes: document.querySelectorAll(".grid .cell .change").length,
    divergences: document.querySelectorAll("p.divergence").length,
    amounts: document.querySelectorAll("#figure-resources-by-kind td.amount").length,
    resourceChart: document.querySelectorAll("#figure-resources-by-kind canvas").length,
    reportingRows: document.querySelectorAll("#figure-reporting-status tbody tr").length
})"""


def _load_helper() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_browser", ROOT / "docs" / "_browser.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered first: its dataclasses look their module up while they are made.
    sys.modules["_browser"] = module
    spec.loader.exec_module(module)
    return module


browser_helper = _load_helper()


def _unavailable() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install '.[browser]')"
    if browser_helper.chromium() is None:
        return "Chromium is not installed (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def launched() -> Iterator[Any]:
    missing = _unavailable()
    if missing is not None:
        if REQUIRED:
            pytest.fail(missing)
        pytest.skip(missing)
    with browser_helper.browser() as started:
        yield started


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    report = folder / "report.html"
    assert main(["report", str(EXAMPLES / "assessed-platform.json"), "-o", str(report)]) == 0
    validation = folder / "validation.html"
    import contextlib
    import io

    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        assert main(["validate", "--format", "html", str(EXAMPLES / "received.json")]) == 1
    validation.write_text(text.getvalue(), encoding="utf-8")
    from test_analysis_resources import FILE
    from test_analysis_respondents import ASSESSED

    respondents = folder / "respondents.json"
    document = {**ASSESSED, "partners": FILE["partners"], "partnerships": FILE["partnerships"]}
    respondents.write_text(json.dumps(document), encoding="utf-8")
    report_1_1 = folder / "report-1.1.html"
    assert main(["report", str(respondents), "-o", str(report_1_1)]) == 0
    return {"report": report, "validation": validation, "report-1.1": report_1_1}


def _shots() -> Path:
    folder = os.environ.get("PARTNERING_SCREENSHOTS")
    return Path(folder) if folder else Path(os.environ.get("TMPDIR", "/tmp")) / "partnering-shots"


SIZES = {"desktop": browser_helper.DESKTOP, "phone": browser_helper.PHONE}


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_report_renders_offline_with_its_charts_and_grid(
    launched: Any, pages: dict[str, Path], size: str
) -> None:
    """The report draws its 10 charts, shows 11 cells of ratings and fits the window."""
    visit = browser_helper.visit(
        launched,
        pages["report"],
        size=SIZES[size],
        screenshot=_shots() / f"report-{size}.png",
        full_page=True,
        evaluate=FACTS,
    )
    assert visit.problems == []
    facts = visit.facts["value"]
    # 13 figures; the SDG targets by platform and the resources (format 1.0 has none) have no
    # rows to draw in the example, and no partnership of it is held to report.
    assert facts["canvases"] == facts["charts"] == facts["instances"] == 10
    # 6 ratings and 5 unrated blocks of the 11 of the framework.
    assert facts["cells"] == 11
    # records, 3 plans' solution tables, 13 figures (two without rows), 2 network tables.
    assert facts["tables"] >= 14
    assert facts["width"] <= SIZES[size][0]


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_report_of_several_respondents_renders_their_spread_and_the_change(
    launched: Any, pages: dict[str, Path], size: str
) -> None:
    """A 1.1 report: the change, two respondents' spread, and the sums of resources."""
    visit = browser_helper.visit(
        launched,
        pages["report-1.1"],
        size=SIZES[size],
        screenshot=_shots() / f"report-1.1-{size}.png",
        full_page=True,
        evaluate=FACTS,
    )
    assert visit.problems == []
    facts = visit.facts["value"]
    # Two blocks rated in each of two assessments.
    assert facts["cells"] == 4
    # a2 has a previous assessment (a1), so both of its cells show a change; a1 has none.
    assert facts["changes"] == 2
    # Only a2's red block needs action and has respondents: one spread, one divergence.
    assert (facts["spreads"], facts["divergences"]) == (1, 1)
    # Financial KES and staff with no amount: two rows with an amount cell, and a chart.
    assert (facts["amounts"], facts["resourceChart"]) == (2, 1)
    # The reporting status of the day the page was written: its three rows, all present.
    assert facts["reportingRows"] == 3
    assert facts["canvases"] == facts["charts"] == facts["instances"]
    assert facts["width"] <= SIZES[size][0]


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_validation_page_renders_offline_with_its_issues(
    launched: Any, pages: dict[str, Path], size: str
) -> None:
    """The validation page draws its chart of codes and lists the 7 issues of the example."""
    visit = browser_helper.visit(
        launched,
        pages["validation"],
        size=SIZES[size],
        screenshot=_shots() / f"validation-{size}.png",
        full_page=True,
        evaluate=FACTS,
    )
    assert visit.problems == []
    facts = visit.facts["value"]
    assert facts["canvases"] == facts["charts"] == facts["instances"] == 1
    # received.json: 6 errors and 1 warning (docs/tutorials/validate-a-file.md).
    assert facts["issues"] == 7
    assert facts["width"] <= SIZES[size][0]


def test_a_page_asking_for_the_network_fails(launched: Any, tmp_path: Path) -> None:
    """The check can fail: a page loading a script from elsewhere is caught and refused."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><script src="https://cdn.example.org/x.js"></script>', encoding="utf-8"
    )
    visit = browser_helper.visit(launched, page)
    assert visit.refused == ["https://cdn.example.org/x.js"]
    assert any("network request" in problem for problem in visit.problems)


DOCS_PAGES = (
    "index.html",
    "tutorials/from-self-assessment-to-action-plan.html",
    "howto/write-a-report.html",
    "reference/cli.html",
    "explanation/figures.html",
)


@pytest.mark.parametrize("page", DOCS_PAGES)
def test_the_docs_render_offline(launched: Any, page: str) -> None:
    """A built page of the documentation logs no error and asks for nothing elsewhere."""
    built = os.environ.get("PARTNERING_DOCS_HTML")
    if not built:
        if REQUIRED:
            pytest.fail("PARTNERING_DOCS_HTML does not name the built documentation")
        pytest.skip("PARTNERING_DOCS_HTML does not name the built documentation")
    path = Path(built) / page
    assert path.exists(), path
    # The docs' own folder is the page's root, so its styles and scripts count as local.
    visit = browser_helper.visit(
        launched,
        path,
        size=browser_helper.DESKTOP,
        screenshot=_shots() / f"docs-{page.replace('/', '-')}.png",
        root=Path(built),
    )
    assert visit.problems == []
