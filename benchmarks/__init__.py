"""Benchmarks of partnering: reading, validating and writing large exchange files.

Not part of the test suite; run ``python -m benchmarks`` (see ``benchmarks/README.md``).
"""
