"""The public face of partnering.analysis: its exports, their documentation, its imports."""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path

import partnering.analysis as analysis

API = Path(__file__).parents[1] / "docs" / "reference" / "api.md"


def test_all_is_sorted_and_names_what_the_package_defines() -> None:
    """Every public name of the package is exported, and every export exists."""
    public = {
        name
        for name, value in vars(analysis).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"
    }
    assert sorted(public) == sorted(analysis.__all__)
    assert analysis.__all__ == sorted(
        analysis.__all__, key=lambda name: (not name.isupper(), not name[0].isupper(), name)
    )


def test_every_export_has_a_reference_entry() -> None:
    """The API reference has an autodoc entry for each name of ``partnering.analysis``."""
    documented = set(
        re.findall(
            r"^\.\. auto\w+:: partnering\.analysis\.(\w+)\s*$",
            API.read_text(encoding="utf-8"),
            re.M,
        )
    )
    assert sorted(set(analysis.__all__) - documented) == []


def test_importing_the_library_or_the_analysis_does_not_import_networkx() -> None:
    """Networkx is imported only when a graph is built."""
    code = "import sys, partnering, partnering.analysis; print('networkx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
