"""Make the screenshots the documentation shows, from the pages the commands write.

Run from the repository's root, with the browser extra installed and Debian's Chromium::

    python docs/_screenshots.py

It writes the report of ``docs/_static/examples/assessed-platform.json`` and the validation
page of ``docs/_static/examples/received.json`` with the installed ``partnering``, opens
both in headless Chromium at a desktop's and a phone's width, and saves the parts the
tutorial and the how-to guides show in ``docs/_static/screenshots/``. It fails if a page
logs an error or asks for the network.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _browser  # the folder of this script, put on the path just above

DOCS = Path(__file__).resolve().parent
EXAMPLES = DOCS / "_static" / "examples"
OUT = DOCS / "_static" / "screenshots"

#: Each screenshot: its file, the page, the window size, and the part shown (None: the window).
SHOTS: tuple[tuple[str, str, tuple[int, int], str | None], ...] = (
    ("report-grid.png", "report.html", _browser.DESKTOP, ".plan .grid"),
    ("report-item.png", "report.html", _browser.DESKTOP, ".plan .item"),
    ("report-figure.png", "report.html", _browser.DESKTOP, "#figure-partner-sectors"),
    ("report-phone.png", "report.html", _browser.PHONE, None),
    ("validation-record.png", "validation.html", _browser.DESKTOP, ".record"),
    ("validation-phone.png", "validation.html", _browser.PHONE, None),
)


def write_pages(folder: Path) -> None:
    """Write the two pages with the installed command."""
    command = [sys.executable, "-m", "partnering"]
    subprocess.run(
        [*command, "report", "assessed-platform.json", "-o", str(folder / "report.html")],
        cwd=EXAMPLES,
        check=True,
        capture_output=True,
    )
    with (folder / "validation.html").open("wb") as page:
        # Exit status 1: the file has findings, which is what the page is for.
        subprocess.run(
            [*command, "validate", "--format", "html", "received.json"],
            cwd=EXAMPLES,
            stdout=page,
            check=False,
        )


def main() -> int:
    """Write every screenshot, and return 1 if a page misbehaved."""
    OUT.mkdir(parents=True, exist_ok=True)
    problems = []
    with tempfile.TemporaryDirectory() as folder, _browser.browser() as launched:
        write_pages(Path(folder))
        for name, page, size, element in SHOTS:
            visit = _browser.visit(
                launched, Path(folder) / page, size=size, screenshot=OUT / name, element=element
            )
            problems += [f"{name}: {problem}" for problem in visit.problems]
            print(f"wrote {(OUT / name).relative_to(DOCS.parent)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
