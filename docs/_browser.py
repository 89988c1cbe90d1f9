"""Open pages in headless Chromium, as a person would, and record what goes wrong.

The browser tests (``tests/test_browser.py``) and the script that makes the screenshots of
the documentation (``docs/_screenshots.py``) both use this. It drives Debian's Chromium
(``/usr/bin/chromium``, or ``PARTNERING_CHROMIUM``) with Playwright for Python, so no browser
is downloaded. Every request that leaves the page's own folder is refused and recorded: a
page that needs the network fails the tests rather than loading it. Nothing here imports
Sphinx.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The widths the pages are looked at: a desktop and a phone, in CSS pixels.
DESKTOP = (1280, 900)
PHONE = (390, 844)

# Chromium's own connections (updates, safe browsing, sync) fail on a closed network and
# would show as noise; these flags keep it to the page.
_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def chromium() -> str | None:
    """Return the Chromium to drive, or ``None`` when there is none."""
    named = os.environ.get("PARTNERING_CHROMIUM")
    if named:
        return named
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@dataclass
class Visit:
    """What happened while a page was open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def problems(self) -> list[str]:
        """Everything that should not have happened: errors, and requests off the page."""
        return [
            *(f"console error: {text}" for text in self.console_errors),
            *(f"script error: {text}" for text in self.page_errors),
            *(f"network request: {url}" for url in self.refused),
        ]


@contextlib.contextmanager
def browser() -> Iterator[Any]:
    """Start headless Chromium, and stop it afterwards."""
    from playwright.sync_api import sync_playwright

    executable = chromium()
    if executable is None:
        raise RuntimeError("no Chromium: install Debian's chromium package")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(_FLAGS)
        )
        try:
            yield launched
        finally:
            launched.close()


def _local(url: str, root: str) -> bool:
    return url.startswith(("data:", "blob:", "about:")) or url.startswith(root)


def visit(
    launched: Any,
    page_path: Path,
    *,
    size: tuple[int, int] = DESKTOP,
    screenshot: Path | None = None,
    full_page: bool = False,
    evaluate: str | None = None,
    element: str | None = None,
    root: Path | None = None,
) -> Visit:
    """Open a local page at a window size, and record its errors and requests.

    Args:
        launched: the browser :func:`browser` started.
        page_path: the HTML file.
        size: the window's width and height in CSS pixels.
        screenshot: where to write a PNG of the page, if anywhere.
        full_page: whether the screenshot holds the whole page or only the window.
        evaluate: a JavaScript expression whose value goes into ``facts["value"]``.
        element: a CSS selector: the screenshot shows only the first element it finds.
        root: the folder whose files the page may load (default: the page's own folder).
    """
    record = Visit()
    root = (root or page_path.parent).resolve().as_uri()
    context = launched.new_context(
        viewport={"width": size[0], "height": size[1]},
        is_mobile=size[0] < 600,
        has_touch=size[0] < 600,
        device_scale_factor=1,
    )
    try:

        def route(found: Any) -> None:
            url = found.request.url
            if _local(url, root):
                found.continue_()
            else:
                record.refused.append(url)
                found.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                record.console_errors.append(message.text) if message.type == "error" else None
            ),
        )
        page.on("pageerror", lambda problem: record.page_errors.append(str(problem)))
        page.on("request", lambda request: record.requests.append(request.url))
        page.goto(page_path.resolve().as_uri(), wait_until="load")
        page.wait_for_timeout(300)
        if evaluate is not None:
            record.facts["value"] = page.evaluate(evaluate)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if element is not None:
                page.locator(element).first.screenshot(path=str(screenshot))
            else:
                page.screenshot(path=str(screenshot), full_page=full_page)
        record.facts["width"] = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    return record
