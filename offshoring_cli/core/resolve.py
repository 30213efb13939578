"""The user's options applied to a dataset: :class:`Options` in, one :class:`Resolved` per
indicator out (with warnings about figures that look like a missing unit suffix), and the
sources the resolved figures cite.

Pure and typed: no I/O, no Rich. Errors and warnings name inputs, not options: ``{metrics}``,
``{baseline[jobs]}`` (see :mod:`offshoring_cli.errors`); the command line names its options.
(:mod:`~offshoring_cli.core.grammar` and :mod:`~offshoring_cli.core.checks`: imported where used.)
"""

from collections.abc import Mapping, Sequence

from offshoring_cli.core import untargeted
from offshoring_cli.core.builtin import BUILTIN
from offshoring_cli.core.records import (
    Dataset,
    Indicator,
    Number,
    Observation,
    Record,
    Source,
    Target,
    is_count,
)
from offshoring_cli.errors import InputError, Message, reference
from offshoring_cli.i18n import numbers as fmt

OVERRIDE = "override"  # the source id of a figure the user gave on the command line


class Options(Record):
    """What the user asked for: metrics, years, and figures that replace the built-in ones."""

    __slots__ = ("metrics", "base_year", "target_year", "baselines", "targets", "dataset")  # noqa: RUF023 (the fields in order)
    metrics: tuple[str, ...]
    """Indicator ids, in the order to show them; empty: all of the dataset's."""
    base_year: int | None
    target_year: int | None
    baselines: Mapping[str, Number]
    targets: Mapping[str, Number]
    dataset: Dataset

    def __init__(
        self,
        metrics: tuple[str, ...] = (),
        base_year: int | None = None,
        target_year: int | None = None,
        baselines: Mapping[str, Number] = {},
        targets: Mapping[str, Number] = {},
        dataset: Dataset = BUILTIN,
    ) -> None:
        self.metrics = metrics
        self.base_year = base_year
        self.target_year = target_year
        self.baselines = baselines
        self.targets = targets
        # an indicator without a published target becomes an ordinary one with a value given
        self.dataset = untargeted.promoted(dataset, targets, target_year)

    def selected(self) -> tuple[str, ...]:
        """The requested indicator ids, or all of the dataset's.

        Raises:
            InputError: an id the dataset does not have (field ``metrics``, or
                ``baseline[ID]``/``target[ID]``).
        """
        known = ", ".join(self.dataset.indicators)
        for metric in self.metrics:
            if metric in self.dataset.untargeted:
                no_year = untargeted.default_target_year(self.dataset) is None
                raise InputError(
                    "metrics", untargeted.refusal(metric, no_year and metric in self.targets)
                )
            if metric not in self.dataset.indicators:
                raise InputError(
                    "metrics",
                    Message(
                        "{metrics} {metric}: the dataset {dataset} has no such indicator; "
                        "choose from: {known}",
                        metric=repr(_cut(metric)),
                        dataset=repr(self.dataset.name),
                        known=known,
                    ),
                )
        for kind, given in (("baseline", self.baselines), ("target", self.targets)):
            for metric in given:
                if metric in self.dataset.untargeted and kind == "target":
                    # a value was given, but no year to reach it in: no other indicator has one
                    raise InputError(
                        "target_year",
                        Message(
                            "{metric} has no published target, and no other indicator has a "
                            "target year to take: give the year with {target_year} YEAR (with "
                            "{option})",
                            metric=metric,
                            option=reference(f"target[{metric}]"),
                        ),
                    )
                if metric in self.dataset.untargeted:
                    raise InputError(f"{kind}[{metric}]", untargeted.refusal(metric))
                if metric not in self.dataset.indicators:
                    field = f"{kind}[{metric}]"
                    raise InputError(
                        field,
                        Message(
                            "the dataset {dataset} has no {metric} indicator, so {option} does "
                            "not apply; indicators: {known}",
                            dataset=repr(self.dataset.name),
                            metric=_cut(metric),
                            option=reference(field),
                            known=known,
                        ),
                    )
        return self.metrics or tuple(self.dataset.indicators)


class Resolved(Record):
    """One indicator's effective inputs after applying the user's options."""

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "indicator",
        "base_year",
        "baseline",
        "baseline_source",
        "target_year",
        "target",
        "target_source",
        "history",
    )
    indicator: Indicator
    base_year: int
    baseline: Number
    baseline_source: str
    target_year: int
    target: Number
    target_source: str
    history: tuple[Observation, ...]
    """Whole-year observations of the target's series up to the base year, the baseline last
    (a baseline override stands in for the base year's figure)."""

    def __init__(
        self,
        indicator: Indicator,
        base_year: int,
        baseline: Number,
        baseline_source: str,
        target_year: int,
        target: Number,
        target_source: str,
        history: tuple[Observation, ...],
    ) -> None:
        self.indicator = indicator
        self.base_year = base_year
        self.baseline = baseline
        self.baseline_source = baseline_source
        self.target_year = target_year
        self.target = target
        self.target_source = target_source
        self.history = history

    @property
    def metric(self) -> str:
        return self.indicator.id

    @property
    def unit(self) -> str:
        return self.indicator.unit

    def amount(self, value: float) -> str:
        return fmt.amount(value, self.indicator.unit)


def _cut(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters (``...`` when cut), so an error stays one line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _magnitude_warning(option: str, given: Number, ref: Number, whole: bool) -> Message | None:
    """:func:`~offshoring_cli.core.magnitude.magnitude_warning`, loaded when a figure is given."""
    from offshoring_cli.core.magnitude import magnitude_warning

    return magnitude_warning(option, given, ref, whole)


def resolve(options: Options) -> tuple[list[Resolved], list[str]]:
    """Apply ``options`` to the built-in dataset.

    Returns:
        One :class:`Resolved` per requested metric, in the order asked, and the warnings
        (for stderr) about overrides that look like a missing unit suffix.

    Raises:
        InputError: a year or figure the command line refuses (:func:`checks.given`); a base year
            without observation or baseline; a target year not after the base year; an unknown id.
    """
    if options.baselines or options.targets or {options.base_year, options.target_year} != {None}:
        from offshoring_cli.core.checks import given  # only when something is given

        given(options)
    if not options.dataset.indicators:  # only indicators without a target ('status' has them)
        ids = ", ".join(options.dataset.untargeted)
        raise InputError(
            "metrics",
            Message(
                "no indicator of the dataset {dataset} has a published target ({ids}): give "
                "the value to reach with --target ID=VALUE and its year with {target_year} "
                "YEAR, or run 'offshoring status', which assesses them without one",
                dataset=repr(options.dataset.name),
                ids=ids,
            ),
        )
    resolved: list[Resolved] = []
    warnings: list[str] = [
        Message(
            "{option} is ignored: {metric} is not among the selected metrics ({metrics})",
            option=reference(f"{kind}[{metric}]"),
            metric=metric,
        )
        for kind, given in (("baseline", options.baselines), ("target", options.targets))
        for metric in given
        if metric not in options.selected()
    ]
    if not options.metrics:
        warnings += [untargeted.left_out(m) for m in options.dataset.untargeted]
    for metric in options.selected():
        ind = options.dataset.indicators[metric]
        target = published_target(options, ind)
        one = resolve_one(options, ind.aimed_at(target), warnings)
        resolved.append(one)
        if target.series != ind.target.series:
            # --target-year chose a target stated on another series: say which figures follow
            from offshoring_cli.core.other_series import other_series_warning

            baseline = options.baselines.get(metric)
            warnings.append(other_series_warning(ind, target, one.base_year, baseline))
    return resolved, warnings


def published_target(options: Options, ind: Indicator) -> Target:
    """The target a command assesses for ``ind``: the final one, or the published target of
    ``options.target_year`` (the one on the indicator's own series first, when there is one
    that year). With a target value given (``options.targets``), the final target's series,
    whatever the year: the value given wins. A target year not after the base year is left
    to :func:`resolve_one` to refuse.

    Raises:
        InputError: ``target_year`` is not the year of a published target of ``ind`` and no
            target value was given for it (field ``target_year``; the message lists the
            published target years).
    """
    year = options.target_year
    if year is None or ind.id in options.targets:
        return ind.target
    annual = ind.annual()
    base_year = options.base_year if options.base_year is not None else annual[-1].year
    if year <= base_year:
        return ind.target  # not after the base year: resolve_one says so, as for any target
    found = ind.targets_in(year)
    if found:
        return found[0]
    years = ", ".join(str(y) for y in ind.target_years())
    raise InputError(
        "target_year",
        Message(
            "{metric} has no published target for {target_year} {year} (published target "
            "years: {years_published}); choose one of those years, or give the value to reach "
            "in {year} with {option}",
            metric=ind.id,
            year=year,
            years_published=years,
            option=reference(f"target[{ind.id}]"),
        ),
    )


def resolve_one(options: Options, ind: Indicator, warnings: list[str]) -> Resolved:
    """``options`` applied to ``ind`` aimed at its target (:meth:`Indicator.aimed_at`): one
    :class:`Resolved`; warnings are appended to ``warnings``.

    Raises:
        InputError: as :func:`resolve`.
    """
    metric = ind.id
    annual = ind.annual()
    if not annual:  # a target stated on a series of half-year figures only
        raise InputError(
            "base_year",
            Message(
                "series {series} of {metric}, on which its {year} target is stated, has no "
                "whole-year observation to serve as the baseline",
                series=repr(ind.target.series),
                metric=metric,
                year=ind.target.year,
            ),
        )
    base_year = options.base_year if options.base_year is not None else annual[-1].year
    if metric in options.baselines:
        baseline, baseline_source = options.baselines[metric], OVERRIDE
        warning = _magnitude_warning(
            f"{{baseline[{metric}]}}", baseline, annual[-1].value, whole=is_count(ind.unit)
        )
        if warning:
            warnings.append(warning)
    else:
        obs = ind.observation(base_year)
        if obs is None:
            facts = {
                "metric": metric,
                "year": base_year,
                "built_in": ", ".join(str(o.year) for o in annual),
                "option": reference(f"baseline[{metric}]"),
            }
            missing = Message(
                "no built-in {metric} figure for base year {year} in series {series}, on which "
                "its {stated} target is stated (built-in years: {built_in}); give one with "
                "{option}, choose another {base_year}, or leave {metric} out with {metrics}",
                series=repr(ind.target.series),
                stated=ind.target.year,
                **facts,
            )
            if ind.aims_at_final():
                missing = Message(
                    "no built-in {metric} figure for base year {year} (built-in years: "
                    "{built_in}); give one with {option}, choose another {base_year}, or "
                    "leave {metric} out with {metrics}",
                    **facts,
                )
            raise InputError("base_year", missing)
        baseline, baseline_source = obs.value, obs.source
    target_year = options.target_year if options.target_year is not None else ind.target.year
    if target_year <= base_year:
        from offshoring_cli.core.grammar import parse_year, valid_suggestion

        later = str(max(ind.target.year, base_year + 1))
        years = {"year": target_year, "base": base_year}
        refused = Message(
            "the target year {year} must be after the base year {base}; choose an earlier "
            "{base_year}",
            **years,
        )
        if valid_suggestion(later, parse_year):
            refused = Message(
                "the target year {year} must be after the base year {base}; give a later "
                "{target_year} (e.g. {later})",
                later=later,
                **years,
            )
        raise InputError("target_year", refused)
    if metric in options.targets:
        target, target_source = options.targets[metric], OVERRIDE
        warning = _magnitude_warning(
            f"{{target[{metric}]}}", target, ind.target.value, whole=is_count(ind.unit)
        )
        if warning:
            warnings.append(warning)
    else:
        target, target_source = ind.target.value, ind.target.source
    history = (
        *(o for o in annual if o.year < base_year),
        Observation(base_year, baseline, ind.target.series, baseline_source),
    )
    return Resolved(
        ind,
        base_year,
        baseline,
        baseline_source,
        target_year,
        target,
        target_source,
        history,
    )


_OVERRIDE_SOURCE = Source("user input", "command-line override", "", "")


def _sources(dataset: Dataset, ids: Sequence[str]) -> dict[str, Source]:
    """The cited sources, in order of first mention, each once."""
    return {sid: dataset.sources.get(sid, _OVERRIDE_SOURCE) for sid in dict.fromkeys(ids)}


def cited_sources(options: Options, resolved: Sequence[Resolved]) -> dict[str, Source]:
    """The sources of the figures behind ``resolved``: its history and its targets."""
    cited = [sid for r in resolved for sid in (*(o.source for o in r.history), r.target_source)]
    return _sources(options.dataset, cited)


def _target_sources(options: Options, resolved: Sequence[Resolved]) -> dict[str, Source]:
    return _sources(
        options.dataset, [sid for r in resolved for sid in (r.baseline_source, r.target_source)]
    )
