"""Scenario files: a dataset in TOML that replaces the built-in one, without touching code.

A scenario holds what :class:`~offshoring_cli.core.records.Dataset` holds: a name and
description; sources (by id: publisher, title, date, URL); indicators (id, label, unit, whether
an increase or a decrease is wanted, dated observations, a target); and, optionally, segments.
See ``seeds/morocco-offshoring.toml`` (the built-in dataset, as ``offshoring scenario init``
writes it) and the JSON Schema printed by ``offshoring schema scenario``.

Modules: :mod:`~offshoring_cli.scenario.read` (the one place a scenario is read: a regular file
of at most :data:`~offshoring_cli.scenario.read.MAX_BYTES`, or standard input for ``-``; UTF-8,
with or without a byte-order mark; parsed with the standard :mod:`tomllib`, or a large file
with the optional compiled tomli, :mod:`~offshoring_cli.scenario.fast_toml`),
:mod:`~offshoring_cli.scenario.csv_observations` (an indicator's ``observations_csv``: rows of a
CSV file beside the scenario, each problem with its file, line and column),
:mod:`~offshoring_cli.scenario.fast` (the common path: a valid file checked by hand and turned
into records without pydantic; its checks of single values in
:mod:`~offshoring_cli.scenario.fast_values`),
:mod:`~offshoring_cli.scenario.model` (the format as pydantic models, which also give the JSON
Schema), :mod:`~offshoring_cli.scenario.validate` (every problem at once, each with its key
path, such as ``indicators[0].observations[2].value: must be greater than 0``; then the
dataset; the fast path first, the models only for a file it does not accept, whose dataset
:mod:`~offshoring_cli.scenario.from_model` builds) and
:mod:`~offshoring_cli.scenario.write` (with tomlkit, so the file keeps its comments). This
package holds what they share: the format's version, the error and how a path is shown.
pydantic and tomlkit are imported only by the modules that use them, and those only when a
scenario is invalid, written or described: the other commands never pay for them.
"""

from offshoring_cli.errors import DomainError

SCENARIO_VERSION = 1
"""Version of the scenario format; goes up on any breaking change."""

STDIN = "-"
"""The path that means standard input."""


class ScenarioError(DomainError):
    """A scenario file that cannot be used: unreadable, not TOML, or not a valid scenario.

    ``problems`` lists every problem found, each one line (``key.path: what is wrong``).
    """

    def __init__(self, path: str, problems: list[str]) -> None:
        from offshoring_cli.i18n import Text

        self.path = path
        self.problems = problems
        """Each one line: a :class:`~offshoring_cli.i18n.Text` (its string English; the command
        line writes it in the language chosen)."""
        if path == STDIN:
            again: str = Text(
                "{command} on the same input", command="'offshoring scenario validate -'"
            )
            template = Text("scenario on standard input: {problem}", problem=problems[0])
        else:
            import shlex

            quoted = shlex.quote(path) if path.isprintable() else repr(path)
            again = f"'offshoring scenario validate {quoted}'"
            template = Text("scenario {path}: {problem}", path=repr(path), problem=problems[0])
        if len(problems) > 1:
            template = Text(
                "{error} (and {more} more: run {again})",
                error=template,
                more=len(problems) - 1,
                again=again,
            )
        super().__init__(template, "scenario")


def shown(path: str) -> str:
    """``path`` as messages show it: as typed when printable, quoted otherwise (a line break
    or an escape sequence in a path must not reach the terminal); ``standard input`` for ``-``."""
    if path == STDIN:
        return "standard input"
    return path if path.isprintable() and path.strip() == path and path else repr(path)


def exact_number(value: int | float) -> int | float:
    """TOML floats that hold whole numbers stay exact as ints (26.22e9 -> 26220000000)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value
