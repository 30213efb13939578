"""offshoring-cli: how far Morocco's offshoring sector stands from its 2030 targets.

The package is layered, each layer using only those above it:

- :mod:`offshoring_cli.errors` -- the package's error (:class:`~offshoring_cli.errors.DomainError`);
- :mod:`offshoring_cli.core` -- pure and typed: the records (``core.records``), the built-in,
  sourced dataset (``core.builtin``), the formulas (``core.formulas``) and their results
  (``core.results``), the bands and method texts (``core.methods``), a report's columns
  (``core.fields``) and the user's options applied to a dataset (``core.resolve``);
- :mod:`offshoring_cli.reports` -- one module per report (``gap``, ``growth`` for ``cagr``,
  ``status`` with its ``insights``, ``trajectory``, ``project``, ``sensitivity``, ``segments``,
  ``dataset`` for ``scenario show``), and the content of the brief and of the charts;
- :mod:`offshoring_cli.render` -- the one place reports become text: the format registry, one
  module per format (``table``, ``json_document``, ``csv_rows``, ``markdown``), numbers as
  people read them (``numbers``), terminal facts (``terminal``), the brief's pages and the
  charts' drawing (``brief``, ``chart``), and every output file (``files``);
- :mod:`offshoring_cli.scenario` -- scenario files: read, the format's models, validated,
  written;
- :mod:`offshoring_cli.cli` -- the thin Click layer: the group and ``main``, the shared options,
  the input grammar (``cli.grammar``, ``cli.params``), and the commands (``cli.figures``,
  ``cli.files``), each built on first use.

``output_models`` holds the document models that the JSON Schemas in ``schemas/`` are
generated from (by ``scripts/schemas.py``).

Heavy libraries (Rich, pydantic, tomlkit, matplotlib, plotext) are imported only by the
commands that use them.
"""

__version__ = "0.5.0"
