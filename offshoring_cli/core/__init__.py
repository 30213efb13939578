"""The core: the data model, the built-in dataset, the formulas, the methods' bands and texts,
the fields of a report, and the user's options resolved against a dataset.

Pure and typed: no I/O, no Rich. Modules:

- :mod:`offshoring_cli.core.records` -- the records (indicators, observations, targets,
  sources, segments, datasets) and the limits on the values they hold;
- :mod:`offshoring_cli.core.builtin` -- the built-in, sourced dataset (data only);
- :mod:`offshoring_cli.core.formulas` -- the calculations (gap, CAGR, projections, the year a
  target is reached, progress by two published methods);
- :mod:`offshoring_cli.core.methods` -- the progress bands, their thresholds and the method texts;
- :mod:`offshoring_cli.core.fields` -- a report's columns;
- :mod:`offshoring_cli.core.resolve` -- the user's options applied to a dataset.
"""
