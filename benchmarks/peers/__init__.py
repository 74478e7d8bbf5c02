"""The libraries a user would otherwise reach for, each given busmodel's invariants.

Benchmark-only code (the ``bench`` extra: pydantic, msgspec, marshmallow), never
imported by busmodel. Each module reads the same JSON documents busmodel reads,
an agreement (or framework, or extension) and a records document, into
immutable values, and refuses what busmodel's model refuses; the invariants
themselves are written once, in :mod:`peers._rules`, and each peer calls them
the way its library is meant to be used (pydantic validators, msgspec
``__post_init__``, marshmallow validators). ``tests/test_benchmarks.py`` checks
that every peer accepts the documents busmodel accepts and refuses the broken
ones it refuses.

Each module has the same face: ``NAME``, ``ERRORS`` (the exceptions it raises for
a document it refuses), ``load_agreement(text)`` and ``load_records(text)``.
A peer is told the kind of document beforehand; busmodel reads the ``kind`` key
and picks, which costs it a little more.

No JSON Schema peer (``jsonschema``, ``fastjsonschema``) is here: those need a
JSON Schema of ``busmodel/1``, which busmodel does not publish yet.
"""
