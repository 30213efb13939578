"""A figure command's run: the dataset of this run, the options in, the report out.

:func:`_options` turns the shared figure options into the core's
:class:`~offshoring_cli.core.resolve.Options` on the dataset of this run (:func:`_dataset`:
the scenario file's, read once, or the built-in one); :func:`_run` calls a report and writes it
in the format asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from offshoring_cli.core.records import Dataset
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports import Report


def _options(
    metrics: tuple[str, ...] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    baselines: tuple[tuple[str, str], ...] = (),
    targets: tuple[tuple[str, str], ...] = (),
    jobs_baseline: str | None = None,
    jobs_target: str | None = None,
    exports_baseline: str | None = None,
    exports_target: str | None = None,
) -> Options:
    """The core's :class:`Options` from the figure options, on the dataset of this run.

    ``--baseline ID=VALUE`` / ``--target ID=VALUE`` and their shorthands (``--jobs-baseline
    VALUE`` is ``--baseline jobs=VALUE``) are one mechanism: each value is read in the unit of
    its indicator (a whole number for a count such as jobs or people).

    Raises:
        click.UsageError: an id the dataset does not have (the message lists its ids), or
            two values for one figure that disagree.
        click.BadParameter: a value outside the number grammar.
    """
    from offshoring_cli.core.resolve import Options

    dataset = _dataset()
    return Options(
        metrics=tuple(dict.fromkeys(m.strip().lower() for m in metrics)),
        base_year=base_year,
        target_year=target_year,
        baselines=_figures(
            dataset, "baseline", baselines, {"jobs": jobs_baseline, "exports": exports_baseline}
        ),
        targets=_figures(
            dataset, "target", targets, {"jobs": jobs_target, "exports": exports_target}
        ),
        dataset=dataset,
    )


def _left_out(options: Options) -> None:
    """Warn on stderr of each indicator without a target that a report which does not print
    the core's warnings (chart, report, workbook) leaves out: not asked for by name."""
    if options.metrics:
        return
    from offshoring_cli.cli.notices import warn
    from offshoring_cli.core.untargeted import left_out

    for metric in options.dataset.untargeted:
        warn(left_out(metric))


def _figures(
    dataset: Dataset,
    kind: str,
    pairs: tuple[tuple[str, str], ...],
    shorthands: dict[str, str | None],
) -> dict[str, int | float]:
    """The figures given for ``kind`` (``baseline`` or ``target``), by indicator id, each read
    in its indicator's unit; see :func:`_options`."""
    if not pairs and all(text is None for text in shorthands.values()):
        return {}  # nothing given: the grammar is not even imported
    from offshoring_cli.cli.notices import said
    from offshoring_cli.cli.params import _quantity_parser
    from offshoring_cli.cli.params import said as said_error
    from offshoring_cli.core.grammar import quoted
    from offshoring_cli.core.records import is_count
    from offshoring_cli.i18n import Text

    parse_quantity = _quantity_parser()  # French notation too under --lang fr
    given = [
        (f"--{m}-{kind}", m, text, f"--{m}-{kind} {quoted(text)}")
        for m, text in shorthands.items()
        if text is not None
    ]
    given += [(f"--{kind} {m}", m, text, f"--{kind} {quoted(f'{m}={text}')}") for m, text in pairs]
    figures: dict[str, int | float] = {}
    typed: dict[str, str] = {}
    for option, metric, text, as_typed in given:
        indicator = dataset.indicators.get(metric) or dataset.untargeted.get(metric)
        if indicator is None:
            no_such = Text(
                "{option}: the dataset {dataset} has no {metric} indicator; indicators: {known}",
                option=option,
                dataset=repr(dataset.name),
                metric=quoted(metric)[1:-1],
                known=", ".join(dataset.indicators),
            )
            raise click.UsageError(said(no_such), click.get_current_context())
        try:
            value = parse_quantity(text, indicator.unit, whole=is_count(indicator.unit)).value
        except ValueError as error:
            raise click.BadParameter(
                said_error(error), click.get_current_context(), param_hint=f"'{option}'"
            ) from None
        if metric in figures and figures[metric] != value:
            disagree = Text(
                "{first} and {second} disagree; give only one of them.",
                first=typed[metric],
                second=as_typed,
            )
            raise click.UsageError(said(disagree), click.get_current_context())
        figures[metric] = value
        typed[metric] = as_typed
    return figures


def _dataset() -> Dataset:
    """The dataset of this run: the scenario file's (--scenario / OFFSHORING_SCENARIO), read
    once and only when a command needs it, or the built-in one.

    Raises:
        DomainError: the scenario file cannot be used (see
            :func:`offshoring_cli.scenario.validate.load`).
    """
    root = click.get_current_context().find_root()
    state = root.ensure_object(dict)
    if "dataset" not in state:
        path = state.get("scenario_path")
        if path is None:
            from offshoring_cli.core.builtin import BUILTIN

            state["dataset"] = BUILTIN
        else:
            from offshoring_cli.scenario import ScenarioError
            from offshoring_cli.scenario.validate import load

            try:
                state["dataset"] = load(path)
            except ScenarioError as error:
                if state.get("scenario_from") != "environment":
                    raise
                error.usage = False  # not a mistake on this command line
                from offshoring_cli.i18n import Text

                error.template = Text(
                    "OFFSHORING_SCENARIO={path}: {error}", path=path, error=error.template
                )
                raise
    dataset: Dataset = state["dataset"]
    from offshoring_cli import i18n

    i18n.use_dataset(dataset.translations)  # its labels in --lang fr/ar
    return dataset


def _run(
    build: Callable[[Options], Report[Any]],
    kwargs: dict[str, Any],
) -> None:
    """Parse the shared options out of ``kwargs``, call the core, and write the report.

    Errors of the core are mapped by the command's wrapper (see :func:`command`).
    """
    from offshoring_cli.render import emit

    fmt, as_json, explain = kwargs.pop("fmt"), kwargs.pop("as_json"), kwargs.pop("explain")
    if as_json and fmt not in (None, "json"):
        from offshoring_cli.cli.usage import json_and_format

        raise click.UsageError(json_and_format(fmt))
    from offshoring_cli.errors import DomainError

    options = _options(**kwargs)
    try:
        report = build(options)
    except DomainError as error:
        given = [f"{{{k}[{m}]}}" for k in ("baseline", "target") for m in getattr(options, k + "s")]
        if error.field or not given:
            raise
        # a formula's domain (a decline too steep, an overflow) met by a figure given
        from offshoring_cli.i18n import Text

        raise DomainError(
            Text(
                "{error}; check the figures given ({given})",
                error=error.template,
                given=", ".join(given),
            )
        ) from None
    if report.warnings:  # the core names inputs; here they are named as options
        from offshoring_cli.cli.errors import cli_text

        report.warnings[:] = [cli_text(warning) for warning in report.warnings]
    emit(report, "json" if as_json else (fmt or "table").lower(), explain)
