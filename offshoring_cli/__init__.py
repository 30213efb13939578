"""offshoring-cli: how far Morocco's offshoring sector stands from its 2030 targets.

The package is layered:

- :mod:`offshoring_cli.domain` -- the built-in, sourced dataset (pure data, no I/O);
- :mod:`offshoring_cli.metrics` -- the calculations (gap, CAGR, progress methods), pure, typed;
- :mod:`offshoring_cli.analysis` -- the dataset and the user's options into reports (``gap``,
  ``cagr``), and :mod:`offshoring_cli.progress` for the others (``status``, ``trajectory``...);
- :mod:`offshoring_cli.render` -- the one place reports become table, JSON, CSV or Markdown
  (with :mod:`offshoring_cli.formatting` for numbers as people read them);
- :mod:`offshoring_cli.params` -- the input grammar (Click parameter types);
- :mod:`offshoring_cli.scenario` -- scenario files (TOML in, validated, TOML out);
- :mod:`offshoring_cli.charts` and :mod:`offshoring_cli.brief` -- charts and the brief;
- :mod:`offshoring_cli.cli` -- the thin Click layer.

Heavy libraries (Rich, pydantic, tomlkit, matplotlib, plotext) are imported only by the
commands that use them.
"""

__version__ = "0.5.0"
