"""Provenance: which tool, which version and which data made an output.

Every JSON document carries it (``provenance``), and the brief, the workbook and the chart's
source line say the same in words (:func:`provenance_line`). No timestamp: the same tool and
the same data give the same bytes. Pure: no I/O.
"""

from typing import TYPE_CHECKING, Any

from offshoring_cli.core.fields import TEXT, Annotated, Field, TypedDict
from offshoring_cli.i18n import N_, Text, _, active, period_of, say

if TYPE_CHECKING:
    from offshoring_cli.core.records import Dataset
    from offshoring_cli.reports import Report

TOOL = "offshoring-cli"
"""The tool's name as published (the distribution's name)."""

_PERIOD_ORDER = {"H1": 1, "H2": 2, "year": 3}
"""Within a year, a half-year figure is earlier than the whole year's."""


class Provenance(TypedDict):
    """Which tool, which version and which data made this output (no timestamp)."""

    tool: Annotated[str, Field("Tool", TEXT, description="The tool that made the output.")]
    version: Annotated[
        str, Field("Version", TEXT, description="The tool's version (semantic versioning).")
    ]
    dataset: Annotated[
        str,
        Field("Dataset", TEXT, description="Name of the dataset: built-in or a scenario file's."),
    ]
    latest_figure: Annotated[
        str,
        Field(
            "Latest figure",
            TEXT,
            description="Period of the dataset's latest observation: YYYY for a whole year, "
            "YYYY-H1 or YYYY-H2 for a half-year.",
        ),
    ]
    latest_source_date: Annotated[
        str,
        Field(
            "Latest source date",
            TEXT,
            description="Publication date of the dataset's most recent source (YYYY, YYYY-MM "
            "or YYYY-MM-DD); empty if no source is dated.",
        ),
    ]


def provenance(dataset: "Dataset") -> Provenance:
    """The provenance of an output computed from ``dataset``.

    ``latest_figure`` is the period of the latest observation of any indicator (a half-year
    comes before its whole year); ``latest_source_date`` the latest ``date`` of its sources
    (ISO dates compare as text).

    Example:
        >>> from offshoring_cli.core.builtin import BUILTIN
        >>> p = provenance(BUILTIN)
        >>> p["tool"], p["dataset"], p["latest_figure"], p["latest_source_date"]
        ('offshoring-cli', 'morocco-offshoring', '2025-H1', '2026-01-28')
    """
    from offshoring_cli import __version__

    observations = [o for i in dataset.indicators.values() for o in i.observations]
    observations += [o for u in dataset.untargeted.values() for o in u.observations]
    latest = max(observations, key=lambda o: (o.year, _PERIOD_ORDER.get(o.period, 3)))
    period = str(latest.year) if latest.period == "year" else f"{latest.year}-{latest.period}"
    dates = [s.date for s in dataset.sources.values() if s.date]
    return Provenance(
        tool=TOOL,
        version=__version__,
        dataset=dataset.name,
        latest_figure=period,
        latest_source_date=max(dates, default=""),
    )


PROVENANCE_TEXT = "Made with {tool} {version} from the dataset {dataset} (latest figure {latest})"
"""The provenance in words (the brief, the workbook, the chart's source line)."""


class LatestPeriod:
    """The period of a :class:`Provenance`'s ``latest_figure`` in a :class:`Text`, in the
    language active when it is shown: ``2025-H1`` in English (as in JSON), the half-year the
    language's way elsewhere (French ``S1 2025``, as ``status`` says it)."""

    __slots__ = ("period",)

    def __init__(self, period: str) -> None:
        self.period = period

    def __str__(self) -> str:
        year, _dash, half = self.period.partition("-")
        if active() == "en" or half not in ("H1", "H2") or not year.isdigit():
            return self.period
        return say(period_of(half, int(year)))

    def __repr__(self) -> str:
        return f"LatestPeriod({self.period!r})"


def provenance_line(p: Provenance) -> Text:
    """The provenance as one sentence, without a final full stop: a
    :class:`~offshoring_cli.i18n.Text` (English as a string; :func:`~offshoring_cli.i18n.say`
    writes it in the language shown).

    Example: ``Made with offshoring-cli 0.7.0 from the dataset morocco-offshoring (latest
    figure 2025-H1, sources up to 2026-01-28)``.
    """
    names = {
        "tool": p["tool"],
        "version": p["version"],
        "dataset": p["dataset"],
        "latest": LatestPeriod(p["latest_figure"]),
    }
    if p["latest_source_date"]:
        return Text(
            "Made with {tool} {version} from the dataset {dataset} (latest figure {latest}, "
            "sources up to {date})",
            **names,
            date=p["latest_source_date"],
        )
    return Text(
        "Made with {tool} {version} from the dataset {dataset} (latest figure {latest})", **names
    )


OVERRIDE_SOURCE = (N_("user input"), N_("command-line override"))
"""The publisher and title of the source ``override`` (a figure given on the command line):
ours, so said in the language (JSON keeps them in English)."""


def source_lines(report: "Report[Any]") -> list[str]:
    """One line per cited source: ``[id] publisher, "title" (date), url`` (the title as
    published, in its own language: French titles keep their accents; the source
    ``override``'s words are ours, said in the language)."""
    lines = []
    for key, src in report.sources.items():
        publisher, title = src.publisher, src.title
        if key == "override" and (publisher, title) == OVERRIDE_SOURCE:
            publisher, title = _(publisher), _(title)
        text = f"[{key}] {publisher}"
        if title:
            text += ", " + _('"{title}"').format(title=title)
        if src.date:
            text += f" ({src.date})"
        if src.url:
            text += f", {src.url}"
        lines.append(text)
    return lines
