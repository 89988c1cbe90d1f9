"""Run the examples in the docstrings of the installed package."""

import doctest
import importlib
import pkgutil

import pytest

import partnering

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(partnering.__path__, prefix="partnering.")
    if name != "partnering.__main__"
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_run(module_name: str) -> None:
    """Every docstring example of the module gives the output it shows."""
    module = importlib.import_module(module_name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.failed == 0, f"{result.failed} example(s) failed in {module_name}"
