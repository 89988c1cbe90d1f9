"""The conformance suite of the interchange format, and the harness that holds engines to it.

``conformance/tests`` holds the suite: documents with the verdict the format gives them and,
for partnering, the issues it reports. :mod:`conformance.build` writes the part of the suite
that comes from ``tests/fixtures``; :mod:`conformance.agree` runs JSON Schema engines in
Python and in JavaScript over the suite and over generated documents, and reports every
verdict that differs from partnering's schema layer.
"""
