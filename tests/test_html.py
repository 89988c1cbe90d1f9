"""The HTML pages' parts: the vendored chart library, the chart data, the escaping."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnering._html import validation_page
from partnering._html._page import chart_json
from partnering.report import Issue, Report, Severity

ROOT = Path(__file__).parents[1]
VENDORED = files("partnering._html").joinpath("vendor/chart.umd.min.js")


def _locked_version() -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return str(lock["packages"]["node_modules/chart.js"]["version"])


def test_the_wheel_ships_the_chart_library_at_the_locked_version() -> None:
    """The installed package holds Chart.js, at the version package-lock.json pins."""
    text = VENDORED.read_text(encoding="utf-8")
    assert text.startswith(f"/*!\n * Chart.js v{_locked_version()}\n")
    assert "Released under the MIT License" in text[:200]
    assert files("partnering._html").joinpath("vendor/chart.js-LICENSE.md").is_file()


def test_the_chart_library_can_be_inlined() -> None:
    """Nothing in it closes the script element or asks for a source map."""
    text = VENDORED.read_text(encoding="utf-8")
    assert "</script" not in text.lower()
    assert "sourceMappingURL" not in text


def test_the_vendored_copy_is_the_npm_package() -> None:
    """After 'npm ci', the vendored file is the package's, less its source-map line."""
    installed = ROOT / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js"
    if not installed.exists():
        pytest.skip("npm ci has not been run: node_modules/chart.js is absent")
    lines = installed.read_text(encoding="utf-8").splitlines(keepends=True)
    expected = "".join(line for line in lines if not line.startswith("//# sourceMappingURL="))
    assert VENDORED.read_text(encoding="utf-8") == expected


@given(st.lists(st.text(), max_size=5))
def test_chart_data_never_closes_its_script_and_reads_back(labels: list[str]) -> None:
    """Any label survives the trip into a script element, which it can never close."""
    text = chart_json([{"id": "c", "labels": labels}])
    assert "<" not in text
    assert json.loads(text) == [{"id": "c", "labels": labels}]


def test_validation_page_escapes_messages_and_counts_per_record() -> None:
    """Markup in a message is shown as text; records keep the order of the file."""
    issues = (
        Issue(
            code="c",
            severity=Severity.ERROR,
            message="<b>bold</b>",
            record="partner 'b'",
            line=1,
            column=2,
        ),
        Issue(code="c", severity=Severity.WARNING, message="w", record="partner 'a'", line=3),
        Issue(code="d", severity=Severity.ERROR, message="e", line=5),
    )
    page = validation_page([("f.json", Report(issues=issues))], version="0")
    assert "<b>bold</b>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    headings = re.findall(r"<h4>(.*?) <span", page)
    assert headings == ["partner &#39;b&#39;", "partner &#39;a&#39;", "the file as a whole"]
    assert "at line 1, column 2" in page
    assert "at line 3<" in page or "at line 3 " in page


def test_validation_page_shows_at_most_max_issues_but_counts_all() -> None:
    """With max_issues, the list is cut and says how many more there are."""
    issues = tuple(
        Issue(code="c", severity=Severity.ERROR, message=f"m{n}", path=("partners", n))
        for n in range(4)
    )
    page = validation_page([("f.json", Report(issues=issues))], version="0", max_issues=1)
    assert page.count('<li class="issue') == 1
    assert "3 more issues are not shown here" in page
    assert '<td class="number">4</td>' in page
