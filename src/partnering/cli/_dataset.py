"""What the analysis commands share: reading one valid file, and progress on a terminal.

The analysis commands (``plan``, ``stats``, ``graph``, ``report``) and ``summary`` work on
valid files only, read as ``validate`` reads them: an exchange file, a workbook or a folder of
CSV files.
A file that is not valid gets its validation report on standard error and exit status 1, as
for ``summary``: figures computed from a file with dangling references or repeated ids would
count records that are not there, and nothing would say so.

Example:
    >>> import io
    >>> steps = Steps(io.StringIO())
    >>> steps.enabled
    False
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

import partnering
from partnering import validation
from partnering._format import DEFAULT_MAX_BYTES
from partnering._render import Style, render_text, shown
from partnering.cli._terminal import (
    STDIN_CLOSED,
    Input,
    StatusLine,
    error,
    is_tty,
    is_utf8,
    read_stdin,
    said_unreadable,
    use_color,
)
from partnering.errors import DocumentTooLargeError, InvalidDocumentError, JSONParseError, ReadError
from partnering.models import Dataset
from partnering.report import Report

__all__ = ["NOT_VALID", "UNREADABLE", "Steps", "read_dataset"]

#: The exit status for a file that is not valid: its report went to standard error.
NOT_VALID = 1

#: The exit status for a file that cannot be read, or for bad usage.
UNREADABLE = 2


class Steps(StatusLine):
    """One line on a terminal naming the step under way, each step overwriting the last.

    Nothing is written unless the stream is a terminal, so pipes and captured output never
    see it.
    """

    def __init__(self, stream: IO[str], *, enabled: bool | None = None) -> None:
        super().__init__(stream, enabled=is_tty(stream) if enabled is None else enabled)

    def show(self, what: str) -> None:
        """Say which step is under way, such as ``computing the figures``."""
        self.write(what)


def read_dataset(name: str | None, steps: Steps) -> tuple[Dataset | None, int, str]:
    """Read and check the file named on the command line, as ``partnering validate`` does.

    The file is an exchange file, a workbook or a folder of CSV files, or standard input.

    Returns:
        The dataset (``None`` when it could not be used), the exit status so far (0, or
        :data:`NOT_VALID` with the report written to standard error, or :data:`UNREADABLE`
        with the reason written there), and the file's label for people.
    """
    item = Input.of(name)
    steps.show(f"reading {shown(item.label, 60)}")
    source: Path | bytes | None = item.path or read_stdin(DEFAULT_MAX_BYTES)
    if source is None:
        steps.clear()
        error(STDIN_CLOSED)
        return None, UNREADABLE, item.label
    # Imported here: the spreadsheet modules are needed only for a workbook or a CSV folder.
    from partnering.sheets import check_sheets, is_sheets

    if isinstance(source, Path) and is_sheets(source):
        dataset, report = check_sheets(source)
        if dataset is not None:
            return dataset, 0, item.label
    else:
        try:
            if isinstance(source, Path):
                return partnering.load(source), 0, item.label
            return partnering.loads(source), 0, item.label
        except ReadError as problem:
            steps.clear()
            error(shown(problem.message))
            return None, UNREADABLE, item.label
        except InvalidDocumentError as problem:
            report = problem.report
        except (JSONParseError, DocumentTooLargeError):
            # The parser's problem is reported as validation reports it, with line and column.
            report = validation.validate(source)
    steps.clear()
    return None, _refused(report, item.label), item.label


def _refused(report: Report, label: str) -> int:
    """Write why a file cannot be used to standard error, and return the exit status."""
    if said_unreadable(report):
        return UNREADABLE
    style = Style(color=use_color("auto", sys.stderr), unicode=is_utf8(sys.stderr))
    sys.stderr.write(render_text(report, label, style=style))
    return NOT_VALID
