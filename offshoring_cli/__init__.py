"""offshoring-cli: how far Morocco's offshoring sector stands from its 2030 targets.

The package is layered:

- :mod:`offshoring_cli.domain` -- the built-in, sourced dataset (pure data, no I/O);
- :mod:`offshoring_cli.metrics` -- the calculations (gap, CAGR), pure and typed;
- :mod:`offshoring_cli.analysis` -- turns the dataset and the user's options into reports;
- :mod:`offshoring_cli.render` -- the one place reports become table, JSON, CSV or Markdown
  (with :mod:`offshoring_cli.formatting` for numbers as people read them);
- :mod:`offshoring_cli.params` -- the input grammar (Click parameter types);
- :mod:`offshoring_cli.cli` -- the thin Click layer.
"""

__version__ = "0.4.0"
