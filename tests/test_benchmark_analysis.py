"""The analysis benchmark's table and its section of the README, on made-up timings."""

from __future__ import annotations

from pathlib import Path

from benchmarks.analysis import BEGIN, END, table, update_readme

STEPS = ("stats", "stats_json", "report", "load", "portfolio", "action_plans", "analysis_page")


def _result(partners: int, seconds: float) -> dict[str, float]:
    return {"partners": partners, "page_bytes": 1000, **dict.fromkeys(STEPS, seconds)}


def test_the_table_gives_milliseconds_and_growth() -> None:
    """0.1 s then 1.2 s: 100 and 1,200 ms, and a growth of 12.0."""
    text = table([_result(1000, 0.1), _result(10000, 1.2)])
    assert "| `partnering stats` | 100 | 1,200 |" in text
    assert "| `partnering report` | 12.0 |" in text


def test_the_readme_section_is_replaced_and_nothing_else(tmp_path: Path) -> None:
    """Only the text between the markers changes."""
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{BEGIN}\nold\n{END}\nafter\n", encoding="utf-8")
    update_readme(readme, "new\n")
    assert readme.read_text(encoding="utf-8") == f"before\n{BEGIN}\nnew\n{END}\nafter\n"
