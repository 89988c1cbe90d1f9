"""The ``partnering`` command: validate files, summarise one, list codes, print the schemas.

The command runs in pre-commit hooks, so starting it must be quick: importing this package
loads only the parser, the dispatch and the terminal helpers, which need nothing but the
standard library; each command imports what it needs when it runs.

- :mod:`partnering.cli._parser`: the options and the help text;
- :mod:`partnering.cli._main`: :func:`main`, which parses, dispatches and turns failures into
  exit statuses;
- :mod:`partnering.cli._terminal`: colour, terminals and encodings, progress, and the inputs
  named on the command line (standard input among them);
- one module per command: :mod:`~partnering.cli._validate`, :mod:`~partnering.cli._summary`
  (the summary as data first, then as text), :mod:`~partnering.cli._codes` and
  :mod:`~partnering.cli._schema`.

Exit statuses:

- 0: every file is valid (with ``--fail-on warning``, it has no warnings either);
- 1: a file has findings at or above ``--fail-on``; for ``summary``, the file is not valid;
- 2: a usage error, a file that cannot be read (missing, a directory, a device, no
  permission), or output that cannot be written (closed, a full disk); when both 1 and 2
  apply, 2 wins;
- 3: an internal error, which is a bug; ``--debug`` shows its traceback;
- 141: the reader of the output went away (``| head``), as for a tool that SIGPIPE stopped.

Example:
    >>> main(["validate"])
    bundled example (platforms-2014.json) is valid (format 1.1)
    0
"""

from __future__ import annotations

from partnering.cli._main import main

__all__ = ["main"]
