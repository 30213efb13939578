"""The charts' content: what a chart of the paths to a target shows, per metric.

:func:`chart_model` is pure: it turns the dataset and the user's options into what a chart
shows (observations by series, derived ones marked, the compound, linear and actual-pace
paths with their rates, the range over base years, the shortfall at the target year, the
interim targets, a title that states the finding); :mod:`offshoring_cli.render.chart` draws it.
"""

from typing import TYPE_CHECKING, NamedTuple

from offshoring_cli.core.resolve import Options, cited_sources
from offshoring_cli.i18n import N_, _, numbers, say
from offshoring_cli.reports import memo
from offshoring_cli.reports.headline import figures, finding
from offshoring_cli.reports.provenance import provenance_line
from offshoring_cli.reports.status import status_report
from offshoring_cli.reports.status_row import given
from offshoring_cli.reports.trajectory import trajectory_report

if TYPE_CHECKING:
    from offshoring_cli.reports.status_row import StatusRow


class Series(NamedTuple):
    """One drawn series: points as (year, value in the chart's scaled unit)."""

    key: str
    """Stable id: ``observed-SERIES``, ``compound``, ``linear``, ``actual``, ``target``,
    ``interim-YEAR-SERIES``."""
    label: str
    points: tuple[tuple[int, float], ...]
    end_label: str = ""
    """What the end of a path says (its value and rate), if anything."""
    name: str = ""
    """What it is, without its figures (a legend shared by several charts); empty: the
    label."""


class Shortfall(NamedTuple):
    """The distance between where the actual pace leads and the target, at the target year."""

    year: int
    projected: float
    target: float
    label: str
    """``49,000 short`` or ``0.4 bn MAD above``, rounded as the headline."""


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
    summary: str = ""
    """The finding in one sentence (the headline: the SVG's description)."""
    derived: tuple[tuple[int, float], ...] = ()
    """Observed points that are derived from other figures, not measured."""
    band: tuple[tuple[int, float, float], ...] = ()
    """The range over base years: (year, lowest, highest) at the actual paces."""
    shortfall: Shortfall | None = None
    interim: tuple[Series, ...] = ()
    """Interim targets, one point each."""
    caution: str = ""
    """A warning drawn on the chart (an actual pace from a single interval)."""
    as_of: str = ""


_PATHS = (
    ("compound_path", "compound", N_("Required compound path")),
    ("linear_path", "linear", N_("Linear path")),
    ("actual_pace_path", "actual", N_("At the actual pace")),
)


def _scale(unit: str) -> tuple[float, str]:
    """Currency amounts are drawn in billions ("bn MAD", as in the tables); counts as they
    are."""
    if unit.isupper() and len(unit) == 3:  # a currency code such as MAD
        return 1e9, _("bn {unit}").format(unit=numbers.unit_name(unit))
    return 1.0, numbers.unit_name(unit)


def chart_model(options: Options) -> list[MetricChart]:
    """What the charts show, per metric: whole-year observations of every series (each its
    own series, derived points marked; the target's series with the baseline in use), the
    compound, linear and actual-pace paths from the base year with their rates, the range
    over base years, the shortfall at the target year, the final and interim targets, and a
    title that states the finding (:mod:`offshoring_cli.reports.headline`).

    Raises:
        DomainError: as :func:`~offshoring_cli.reports.trajectory.trajectory_report`.
    """
    report = memo.once(trajectory_report, options)  # the brief's, in 'offshoring report'
    status = memo.once(status_report, options)
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
                _("Observed"),
                tuple((row["year"], row["observed"] / scale) for row in rows if row["observed"]),
            )
        ]
        others: dict[str, list[tuple[int, float]]] = {}
        for obs in r.indicator.observations:
            if obs.period == "year" and obs.series != series:
                others.setdefault(obs.series, []).append((obs.year, obs.value / scale))
        observed += [
            Series(f"observed-{name}", _("Observed, another series (other scope)"), tuple(points))
            for name, points in others.items()
        ]
        derived = tuple(
            (o.year, o.value / scale)
            for o in r.indicator.observations
            if o.period == "year" and o.note.lower().startswith("derived")
        )
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
        main = next(
            (
                row
                for row in status.rows
                if row["reading"] == r.metric and row["target_year"] == r.target_year
            ),
            None,
        )
        interim = tuple(
            Series(
                f"interim-{row['target_year']}-{row['series']}",
                _("Interim target {year}: {target}").format(
                    year=row["target_year"],
                    target=figures(
                        float(given(row["target"])), float(given(row["target"])), 0.0, r.unit
                    ).target,
                )
                + ("" if row["series"] == series else " " + _("(another series)")),
                ((int(given(row["target_year"])), float(given(row["target"])) / scale),),
                name=_("Interim target"),
            )
            for row in status.rows
            if row["metric"] == r.metric and row["target_kind"] == "interim"
        )
        chart = MetricChart(
            r.metric,
            _("{label}: paths to {year}").format(label=_(r.indicator.label), year=r.target_year),
            y_label,
            scale,
            tuple(observed),
            tuple(p for p in paths if p.points),
            Series(
                "target",
                _("Target {year}").format(year=r.target_year),
                ((r.target_year, r.target / scale),),
                name=_("Target"),
            ),
            source_line,
            derived=derived,
            interim=interim,
            as_of=_("As of {date}").format(
                date=report.provenance["latest_source_date"] or report.provenance["latest_figure"]
            ),
        )
        charts.append(chart if main is None else _finding(chart, main, r.unit))
    return charts


def _finding(chart: MetricChart, row: "StatusRow", unit: str) -> MetricChart:
    """``chart`` with what the status row finds: the title that states it, the paths'
    rates, the shortfall, the range over base years and a single-interval warning."""
    if not row["assessed"] or row["projected_at_target_year"] is None:
        return chart
    scale, target = chart.scale, float(given(row["target"]))
    projected = float(row["projected_at_target_year"])
    shortfall = float(row["shortfall_at_target_year"] or 0.0)
    shown = figures(target, projected, shortfall, unit)
    gap = shown.gap
    args = {
        "label": _(str(row["label"])),
        "gap": gap,
        "target": shown.target,
        "year": row["target_year"],
        "start": row["since_year"],
        "end": row["latest_year"],
    }
    if shown.where == "short":
        title = _(
            "{label}: {gap} short of the {target} target in {year} at the {start}\u2013{end} pace"
        )
        marked = _("{gap}\nshort").format(gap=gap)
    elif shown.where == "above":
        title = _(
            "{label}: {gap} above the {target} target in {year} at the {start}\u2013{end} pace"
        )
        marked = _("{gap}\nabove").format(gap=gap)
    elif shown.where == "below":
        title = _(
            "{label}: {gap} below the {target} target in {year} at the {start}\u2013{end} pace"
        )
        marked = _("{gap}\nbelow").format(gap=gap)
    else:
        title = _(
            "{label}: about level with the {target} target in {year} at the {start}\u2013{end} pace"
        )
        marked = _("about\nlevel")
    actual = float(row["actual_cagr"] or 0.0)
    required = row["required_cagr_from_latest"]
    paths = []
    for path in chart.paths:
        if path.key == "actual":
            label = _("{path}: {rate}/yr").format(
                path=_("At the {start}\u2013{end} pace").format(
                    start=args["start"], end=args["end"]
                ),
                rate=numbers.rate(actual),
            )
            end = _("{value}\nat {rate}/yr").format(
                value=shown.projected, rate=numbers.rate(actual)
            )
            path = path._replace(label=label, end_label=end, name=path.label)
        elif path.key == "compound" and required is not None:
            rate = numbers.rate(float(required))
            path = path._replace(
                label=_("{path}: {rate}/yr").format(path=path.label, rate=rate),
                end_label=_("{rate}/yr needed").format(rate=rate),
                name=path.label,
            )
        elif path.key == "linear" and len(path.points) > 1:
            (y0, v0), (y1, v1) = path.points[0], path.points[-1]
            a_year = (v1 - v0) * scale / (y1 - y0)
            size = numbers.amount(abs(a_year), unit)  # the sign is the template's: one sign
            if a_year < 0:
                label = _("{path}: -{amount} a year").format(path=path.label, amount=size)
                end_label = _("linear: -{amount} a year").format(amount=size)
            else:
                label = _("{path}: +{amount} a year").format(path=path.label, amount=size)
                end_label = _("linear: +{amount} a year").format(amount=size)
            path = path._replace(label=label, end_label=end_label, name=path.label)
        paths.append(path)
    band: tuple[tuple[int, float, float], ...] = ()
    low, high = row["actual_cagr_lowest"], row["actual_cagr_highest"]
    if row["base_year_range"] and low is not None and high is not None:
        latest, first = float(row["latest"]), int(row["latest_year"])
        band = tuple(
            (
                year,
                latest * (1 + low) ** (year - first) / scale,
                latest * (1 + high) ** (year - first) / scale,
            )
            for year in range(first, int(given(row["target_year"])) + 1)
        )
    caution = ""
    if row["actual_periods"] == 1:
        caution = _(
            "\u26a0 Actual pace from a single interval ({start}\u2013{end}): not a trend"
        ).format(start=args["start"], end=args["end"])
    return chart._replace(
        title=title.format(**args),
        summary=finding(row).headline,
        paths=tuple(paths),
        band=band,
        shortfall=Shortfall(
            int(given(row["target_year"])), projected / scale, target / scale, marked
        ),
        caution=caution,
    )
