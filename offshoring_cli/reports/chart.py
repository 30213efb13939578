"""The charts' content: what a chart of the paths to a target shows, per metric.

:func:`chart_model` is pure: it turns the dataset and the user's options into what a chart
shows (observations by series, the compound, linear and actual-pace paths, the target);
:mod:`offshoring_cli.render.chart` draws it.
"""

from typing import NamedTuple

from offshoring_cli.core.resolve import Options, cited_sources
from offshoring_cli.i18n import N_, _, say
from offshoring_cli.render import numbers
from offshoring_cli.reports import memo
from offshoring_cli.reports.provenance import provenance_line
from offshoring_cli.reports.trajectory import trajectory_report


class Series(NamedTuple):
    """One drawn series: points as (year, value in the chart's scaled unit)."""

    key: str
    """Stable id: ``observed-SERIES``, ``compound``, ``linear``, ``actual``, ``target``."""
    label: str
    points: tuple[tuple[int, float], ...]


class MetricChart(NamedTuple):
    """Everything one metric's chart shows, with values already divided by ``scale``."""

    metric: str
    title: str
    y_label: str
    scale: float
    observed: tuple[Series, ...]
    paths: tuple[Series, ...]
    target: Series
    source_line: str


_PATHS = (
    ("compound_path", "compound", N_("Required compound path")),
    ("linear_path", "linear", N_("Linear path")),
    ("actual_pace_path", "actual", N_("At the actual pace")),
)


def _scale(unit: str) -> tuple[float, str]:
    """Currency amounts are drawn in billions ("billion MAD"); counts as they are."""
    if unit.isupper() and len(unit) == 3:  # a currency code such as MAD
        return 1e9, _("billion {unit}").format(unit=numbers.unit_name(unit))
    return 1.0, numbers.unit_name(unit)


def chart_model(options: Options) -> list[MetricChart]:
    """What the charts show, per metric: whole-year observations of every series (each its
    own series; the target's series with the baseline in use), the compound, linear and
    actual-pace paths from the base year, and the target.

    Raises:
        DomainError: as :func:`~offshoring_cli.reports.trajectory.trajectory_report`.
    """
    report = memo.once(trajectory_report, options)  # the brief's, in 'offshoring report'
    resolved, _warnings = memo.resolved(options)
    charts = []
    for r in resolved:
        cited = cited_sources(options, [r])
        cited |= {
            o.source: options.dataset.sources[o.source]
            for o in r.indicator.observations
            if o.period == "year" and o.source in options.dataset.sources
        }
        source_line = _("Source: {sources}").format(
            sources="; ".join(
                f"{src.publisher} ({src.date})" if src.date else src.publisher
                for src in cited.values()
            )
        )
        source_line += f". {say(provenance_line(report.provenance))}."
        scale, y_label = _scale(r.unit)
        rows = [row for row in report.records() if row["metric"] == r.metric]
        series = r.indicator.target.series
        observed = [
            Series(
                f"observed-{series}",
                _("Observed ({series})").format(series=series),
                tuple((row["year"], row["observed"] / scale) for row in rows if row["observed"]),
            )
        ]
        others: dict[str, list[tuple[int, float]]] = {}
        for obs in r.indicator.observations:
            if obs.period == "year" and obs.series != series:
                others.setdefault(obs.series, []).append((obs.year, obs.value / scale))
        observed += [
            Series(
                f"observed-{name}",
                _("Observed ({series}, other scope)").format(series=name),
                tuple(points),
            )
            for name, points in others.items()
        ]
        paths = [
            Series(
                key,
                _(label),
                tuple(
                    (row["year"], row[column] / scale) for row in rows if row[column] is not None
                ),
            )
            for column, key, label in _PATHS
        ]
        charts.append(
            MetricChart(
                r.metric,
                _("{label}: paths to {year}").format(
                    label=_(r.indicator.label), year=r.target_year
                ),
                y_label,
                scale,
                tuple(observed),
                tuple(p for p in paths if p.points),
                Series(
                    "target",
                    _("Target {year}").format(year=r.target_year),
                    ((r.target_year, r.target / scale),),
                ),
                source_line,
            )
        )
    return charts
