"""The analysis commands: plan, stats, graph, report, and validate's HTML page."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from partnering.cli import main
from partnering.cli._dataset import Steps

# Two platforms, two partners of different sectors, one partnership, and one assessment of
# p1 against a framework of four blocks, three of them rated.
ASSESSED: dict[str, Any] = {
    "schema_version": "1.0",
    "title": "Assessed",
    "platforms": [
        {
            "id": "p1",
            "name": "Platform One",
            "scope": "national",
            "hosting_model": "government_led",
            "countries": ["ZM"],
            "members": [{"partner_id": "gov", "roles": ["host"]}],
        },
        {
            "id": "p2",
            "name": "Platform Two",
            "scope": "national",
            "hosting_model": "government_led",
            "countries": ["KE"],
            "members": [{"partner_id": "gov", "roles": ["member"]}],
        },
    ],
    "partners": [
        {"id": "gov", "name": "A Ministry", "organisation_type": "10"},
        {"id": "biz", "name": "A Company", "organisation_type": "70"},
    ],
    "partnerships": [
        {
            "id": "pp1",
            "title": "Together",
            "platform_id": "p1",
            "sdgs": [3, 17],
            "countries": ["ZM"],
            "participants": [
                {"partner_id": "gov", "roles": ["funding"]},
                {"partner_id": "biz", "roles": ["implementing"]},
            ],
        },
    ],
    "challenges": [
        {"id": "c1", "title": "Money runs out", "category": "business_model_and_funding"},
        {"id": "c2", "title": "Nobody trusts the host", "category": "trust_and_neutrality"},
    ],
    "solutions": [
        {
            "id": "s1",
            "title": "Charge fees",
            "challenge_ids": ["c1"],
            "building_block_ids": ["b1"],
            "example_platform_ids": ["p2"],
        },
        {
            "id": "s2",
            "title": "Rotate the chair",
            "challenge_ids": ["c2"],
            "example_platform_ids": ["p1"],
        },
    ],
    "frameworks": [{"id": "fw", "name": "The framework"}],
    "building_blocks": [
        {
            "id": "b1",
            "framework_id": "fw",
            "name": "Funding",
            "description": "Funding.",
            "order": 1,
            "challenge_ids": ["c1"],
        },
        {
            "id": "b2",
            "framework_id": "fw",
            "name": "Trust",
            "description": "Trust.",
            "order": 2,
            "challenge_ids": ["c2"],
        },
        {"id": "b3", "framework_id": "fw", "name": "Team", "description": "Team.", "order": 3},
        {"id": "b4", "framework_id": "fw", "name": "Focus", "description": "Focus.", "order": 4},
    ],
    "assessments": [
        {
            "id": "a1",
            "platform_id": "p1",
            "framework_id": "fw",
            "assessed_on": "2020-01-01",
            "ratings": [
                {"building_block_id": "b3", "rating": "green"},
                {"building_block_id": "b2", "rating": "amber", "evidence": "Members complain."},
                {"building_block_id": "b1", "rating": "red", "actions": ["Find a donor"]},
            ],
        },
    ],
}
NOT_VALID = {"schema_version": "1.0", "partners": [{"id": "x", "organisation_type": "10"}]}


def write(folder: Path, name: str, document: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def assessed(tmp_path: Path) -> Path:
    return write(tmp_path, "assessed.json", ASSESSED)


def test_plan_ranks_red_then_amber_then_green_and_lists_the_leads(
    capsys: pytest.CaptureFixture[str], assessed: Path
) -> None:
    """The plan ranks the ratings and, for the weak blocks, names challenges and solutions."""
    status, out, err = run(capsys, "plan", assessed)
    assert (status, err) == (0, "")
    grid = out[out.index("ratings") : out.index("1. RED")]
    assert grid.splitlines()[1:4] == [
        "  red    Funding (b1)",
        "  amber  Trust (b2)",
        "  green  Team (b3)",
    ]
    red = out[out.index("1. RED") : out.index("2. AMBER")]
    assert "actions recorded:\n     - Find a donor" in red
    assert "Money runs out (c1)" in red
    # s1 belongs to b1; s2 addresses only c2, which b1 does not.
    assert "Charge fees (s1): part of the block" in red
    assert "applied by: Platform Two (p2)" in red
    assert "s2" not in red
    amber = out[out.index("2. AMBER") : out.index("not rated")]
    assert "evidence: Members complain." in amber
    assert "Rotate the chair (s2): addresses c2" in amber
    assert "3. GREEN" not in out
    assert out.rstrip().endswith("not rated:\n  Focus (b4)")


def test_plan_of_an_unknown_assessment_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], assessed: Path
) -> None:
    """An --assessment no record has exits 2 and suggests the near id."""
    status, out, err = run(capsys, "plan", assessed, "--assessment", "a2")
    assert (status, out) == (2, "")
    assert "no assessment has the id 'a2'" in err
    assert "'a1'" in err


def test_plan_of_a_file_without_assessments_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled example has no assessments: the command says so and succeeds."""
    status, out, _ = run(capsys, "plan")
    assert status == 0
    assert out.endswith("has no assessments: there is no plan to make.\n")


@pytest.mark.parametrize("command", ["plan", "stats", "report", "graph"])
def test_a_file_that_is_not_valid_gets_its_report_and_status_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """No figure is computed from a file that is not valid: its report goes to stderr."""
    path = write(tmp_path, "bad.json", NOT_VALID)
    extra = ["-o", str(tmp_path / "out.csv")] if command in {"graph", "report"} else []
    status, out, err = run(capsys, command, path, *extra)
    assert (status, out) == (1, "")
    assert "bad.json is not valid" in err
    assert "missing-field" in err
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("command", ["plan", "stats"])
def test_a_missing_file_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """A file that cannot be read exits 2 with one line, no traceback."""
    status, out, err = run(capsys, command, tmp_path / "nothing.json")
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_stats_text_shows_counts_shares_and_what_was_left_out(
    capsys: pytest.CaptureFixture[str], assessed: Path
) -> None:
    """One partnership with SDGs 3 and 17: each counts 1 of 1, the rest 0."""
    status, out, _ = run(capsys, "stats", assessed)
    assert status == 0
    block = out.split("\n\n")[0].splitlines()
    assert block[2] == "  partnerships: 1 counted of 1; none left out"
    rows = {line.split()[0]: line.split()[-2:] for line in block[3:]}
    assert rows["3"] == ["1", "100%"]
    assert rows["17"] == ["1", "100%"]
    assert rows["1"] == ["0", "0%"]
    assert len(rows) == 17
    # Two platforms, neither lists SDGs: both left out.
    platforms = out.split("\n\n")[1].splitlines()
    assert platforms[2] == "  platforms: 0 counted of 2; left out: 2 (no SDGs listed: 2)"


def test_stats_json_lists_every_figure_with_its_ids(
    capsys: pytest.CaptureFixture[str], assessed: Path
) -> None:
    """JSON has each figure's denominator, counts with ids, and omissions."""
    status, out, _ = run(capsys, "stats", assessed, "--format", "json")
    assert status == 0
    document = json.loads(out)
    assert document["file"] == str(assessed)
    figures = {figure["name"]: figure for figure in document["figures"]}
    sectors = figures["partner-sectors"]
    assert (sectors["total"], sectors["denominator"]) == (2, 2)
    counted = {row["key"]: row["ids"] for row in sectors["counts"] if row["count"]}
    assert counted == {"public": ["gov"], "private": ["biz"]}
    by_platform = figures["sdgs-by-platform"]
    assert by_platform["left_out"] == [{"reason": "no SDGs listed", "ids": ["p1", "p2"]}]
    assert figures["cross-sector"]["denominator"] == 1


def test_stats_csv_has_a_line_per_row_and_per_omission(
    capsys: pytest.CaptureFixture[str], assessed: Path
) -> None:
    """CSV rows carry the figure, the kind, the key, the count and the ids."""
    status, out, _ = run(capsys, "stats", assessed, "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "figure",
        "kind",
        "key",
        "label",
        "count",
        "amount",
        "share",
        "denominator",
        "ids",
    ]
    sdg3 = next(r for r in rows if r["figure"] == "sdgs-by-partnership" and r["key"] == "3")
    assert (sdg3["kind"], sdg3["count"], sdg3["share"], sdg3["ids"]) == ("count", "1", "1", "pp1")
    omitted = [r for r in rows if r["figure"] == "sdgs-by-platform" and r["kind"] == "left-out"]
    assert [(r["key"], r["count"], r["ids"]) for r in omitted] == [("no SDGs listed", "2", "p1 p2")]


@pytest.mark.parametrize(
    ("kind", "suffix", "nodes", "edges"),
    [
        # 2 partners + 1 partnership; each partner joins it.
        ("partnerships", ".csv", 3, 2),
        # 2 partners + 2 platforms; gov is a member of both.
        ("platforms", ".graphml", 4, 2),
        # gov and biz share pp1.
        ("co-participation", ".gexf", 2, 1),
        # p1 and p2 share gov.
        ("platform-overlap", ".csv", 2, 1),
    ],
)
def test_graph_writes_each_kind(
    capsys: pytest.CaptureFixture[str],
    assessed: Path,
    tmp_path: Path,
    kind: str,
    suffix: str,
    nodes: int,
    edges: int,
) -> None:
    """Each kind of graph is written in the format its file's name gives."""
    target = tmp_path / f"graph{suffix}"
    status, out, _ = run(capsys, "graph", assessed, "-o", target, "--kind", kind)
    assert status == 0
    assert out == f"wrote {target}: {nodes} nodes, {edges} edges ({kind}, {suffix[1:]})\n"
    assert target.stat().st_size > 0


def test_graph_csv_lists_the_edges(
    capsys: pytest.CaptureFixture[str], assessed: Path, tmp_path: Path
) -> None:
    """The CSV edge list of partners and partnerships names both ends of every edge."""
    target = tmp_path / "edges.csv"
    assert run(capsys, "graph", assessed, "-o", target)[0] == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "source,target,lead,roles"
    assert sorted(lines[1:]) == [
        "partner:biz,partnership:pp1,false,implementing",
        "partner:gov,partnership:pp1,false,funding",
    ]


def test_graph_refuses_a_name_without_a_format(
    capsys: pytest.CaptureFixture[str], assessed: Path, tmp_path: Path
) -> None:
    """A file named .txt without --format is a usage error, and nothing is written."""
    status, out, err = run(capsys, "graph", assessed, "-o", tmp_path / "g.txt")
    assert (status, out) == (2, "")
    assert "cannot tell the graph format" in err
    assert run(capsys, "graph", assessed, "-o", tmp_path / "g.txt", "--format", "csv")[0] == 0


def test_graph_into_a_missing_folder_exits_2(
    capsys: pytest.CaptureFixture[str], assessed: Path, tmp_path: Path
) -> None:
    """A file that cannot be written exits 2 with the reason."""
    status, _, err = run(capsys, "graph", assessed, "-o", tmp_path / "no" / "g.csv")
    assert status == 2
    assert "Traceback" not in err


def _text(page: str) -> str:
    """The page's words, without tags, scripts or styles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_report_writes_one_page_with_the_plan_figures_and_network(
    capsys: pytest.CaptureFixture[str], assessed: Path, tmp_path: Path
) -> None:
    """The page holds the rating grid, every figure's table and the network's summary."""
    target = tmp_path / "report.html"
    status, out, _ = run(capsys, "report", assessed, "-o", target)
    assert (status, out) == (0, f"wrote {target}\n")
    page = target.read_text(encoding="utf-8")
    assert page.count('class="cell rating-red"') == 1
    assert page.count('class="cell rating-amber"') == 1
    assert page.count('class="cell rating-green"') == 1
    assert page.count('class="cell rating-unrated"') == 1
    assert page.count('<article class="figure"') == 13
    text = _text(page)
    assert "1 red, 1 amber, 1 green, 0 not applicable, 1 not rated." in text
    assert "0 of 2 platforms counted" in text
    assert "2 partners take part 2 times in 1 partnerships" in text
    assert "p1 and p2 1" in text


def test_report_needs_no_network(
    capsys: pytest.CaptureFixture[str], assessed: Path, tmp_path: Path
) -> None:
    """Nothing on the page points elsewhere: no src or href to another address."""
    target = tmp_path / "report.html"
    assert run(capsys, "report", assessed, "-o", target)[0] == 0
    page = target.read_text(encoding="utf-8")
    assert not re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page
    assert page.count("<script") == 3


def test_report_to_standard_output(capsys: pytest.CaptureFixture[str], assessed: Path) -> None:
    """'-o -' writes the page itself to standard output."""
    status, out, _ = run(capsys, "report", assessed, "-o", "-")
    assert status == 0
    assert out.startswith("<!DOCTYPE html>")


def test_report_escapes_what_the_file_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A name holding markup is shown as text, never run."""
    document = json.loads(json.dumps(ASSESSED))
    document["title"] = "<script>alert(1)</script>"
    document["frameworks"][0]["name"] = "</script><img src=x onerror=alert(1)>"
    target = tmp_path / "report.html"
    assert run(capsys, "report", write(tmp_path, "a.json", document), "-o", target)[0] == 0
    page = target.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_validate_html_groups_issues_per_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The page lists each record's issues with line, column, pointer and hint."""
    path = write(tmp_path, "bad.json", NOT_VALID)
    status, out, err = run(capsys, "validate", "--format", "html", path)
    assert (status, err) == (1, "")
    text = _text(out)
    assert f"{path} is not valid" in text
    assert "partner 'x' 1 error, 0 warnings" in text
    assert "missing-field at line 1, column" in text
    assert "/partners/0/name" in text
    assert "How to fix it:" in text
    assert out.count('<li class="issue severity-error">') == 1


def test_validate_html_of_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A valid file's page says so, and has no chart of codes."""
    status, out, _ = run(capsys, "validate", "--format", "html")
    assert status == 0
    assert "is valid" in _text(out)
    assert "chart-codes-1" not in out


def test_steps_write_nothing_off_a_terminal() -> None:
    """Progress goes only to a terminal; on one, each step overwrites the last."""
    quiet = io.StringIO()
    steps = Steps(quiet)
    steps.show("computing")
    steps.clear()
    assert quiet.getvalue() == ""
    loud = io.StringIO()
    steps = Steps(loud, enabled=True)
    steps.show("reading a.json")
    steps.show("computing")
    steps.clear()
    assert loud.getvalue() == (
        "\rreading a.json..." + "\rcomputing...     " + "\r" + " " * 12 + "\r"
    )


def test_progress_shows_on_a_terminal_and_nowhere_else(assessed: Path) -> None:
    """With standard error on a terminal, the steps show there; in a pipe, nothing does."""
    import os
    import pty
    import subprocess
    import sys

    command = [sys.executable, "-m", "partnering", "stats", str(assessed)]
    piped = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    assert piped.stderr == ""
    leader, follower = pty.openpty()
    try:
        with subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=follower, close_fds=True
        ) as process:
            os.close(follower)
            seen = b""
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the terminal closes when the command ends
                    break
                if not chunk:
                    break
                seen += chunk
            assert process.wait(timeout=60) == 0
    finally:
        os.close(leader)
    text = seen.decode("utf-8")
    assert "\rreading /" in text
    assert "\rcomputing the figures" in text
    # The last step is erased, so what follows starts on a clean line.
    assert text.endswith("\r")


def test_validate_html_of_several_files_with_one_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every file gets its section; one that cannot be read says why, and the status is 2."""
    good = write(tmp_path, "good.json", {"schema_version": "1.0"})
    status, out, err = run(capsys, "validate", "--format", "html", good, tmp_path / "gone.json")
    assert status == 2
    assert "gone.json" in err
    text = _text(out)
    assert "2 files checked: 1 valid, 1 not valid." in text
    assert f"{good} is valid" in text
    assert "read-error" in text
