"""Run the command line as ``python -m partnering``, the same as the ``partnering`` command."""

from partnering.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
