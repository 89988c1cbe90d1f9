"""The bundled example: the 2014 workshop and the real platforms it drew on.

Example:
    >>> example_path().name
    'platforms-2014.json'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["example_path"]


def example_path() -> Path:
    """Return the path of the bundled example exchange file.

    Commands that take a file use this one when none is given.

    Example:
        >>> example_path().exists()
        True
    """
    return Path(str(resources.files("partnering") / "data" / "platforms-2014.json"))
