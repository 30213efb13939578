"""The Python API for notebooks and scripts: the names in :data:`__all__` are public.

Load the built-in data (:func:`builtin`) or a scenario file (:func:`load`), get each report
(:func:`gap`, :func:`cagr`, :func:`status`, :func:`trajectory`, :func:`project`,
:func:`sensitivity`, :func:`segments`) as a :class:`Report` whose ``rows`` are typed records
(``TypedDict`` rows: :class:`GapRow`...; the same keys as the JSON output's ``results``), and
turn a report into a pandas DataFrame (:func:`to_dataframe`; pandas is not a dependency and
is imported only then). :func:`to_document` gives the JSON document of the command line,
:func:`workbook` the bytes of ``offshoring workbook``'s ``.xlsx``.

What the version number promises: see the README's "Python API" section. In short, the names
in :data:`__all__`, their parameters and the keys of the rows change only in a minor release
while the version is 0.x (listed in the changelog), and only in a major release from 1.0;
every other module of the package is internal.

Importing this module is light: the reports are imported when first called, pandas and
XlsxWriter only by :func:`to_dataframe` and :func:`workbook`.

Example:
    >>> from offshoring_cli import api
    >>> [(row["metric"], row["gap"]) for row in api.gap().rows]
    [('jobs', 121500), ('exports', 13780000000)]
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from offshoring_cli import __version__
from offshoring_cli.core.arguments import by_id
from offshoring_cli.core.arguments import typed as _typed
from offshoring_cli.core.records import Dataset, Number
from offshoring_cli.errors import DomainError, InputError, MissingExtra

if TYPE_CHECKING:
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports import Report
    from offshoring_cli.reports.gap import GapRow
    from offshoring_cli.reports.growth import CagrRow
    from offshoring_cli.reports.project import ProjectRow
    from offshoring_cli.reports.provenance import Provenance
    from offshoring_cli.reports.segments import SegmentRow
    from offshoring_cli.reports.sensitivity import SensitivityRow
    from offshoring_cli.reports.status_row import StatusRow
    from offshoring_cli.reports.trajectory import TrajectoryRow

__all__ = [
    "Dataset",
    "DomainError",
    "InputError",
    "MissingExtra",
    "__version__",
    "builtin",
    "cagr",
    "gap",
    "load",
    "project",
    "provenance",
    "segments",
    "sensitivity",
    "status",
    "to_dataframe",
    "to_document",
    "trajectory",
    "workbook",
]

PANDAS_HINT = "pip install pandas"


def builtin() -> Dataset:
    """The built-in, sourced dataset (``morocco-offshoring``)."""
    from offshoring_cli.core.builtin import BUILTIN

    return BUILTIN


def load(path: str | os.PathLike[str]) -> Dataset:
    """The dataset of a scenario file (TOML, see ``offshoring scenario --help``).

    Raises:
        ScenarioError: (a :class:`DomainError`) the file cannot be read or is not a valid
            scenario; its ``problems`` list every problem.
        TypeError: ``path`` is not a ``str`` or :class:`os.PathLike` of one (``bytes``...).
    """
    from offshoring_cli.scenario.validate import load as load_file

    _typed("path", path, "path")
    return load_file(path)


def _options(
    dataset: Dataset | None,
    metrics: Sequence[str],
    base_year: int | None,
    target_year: int | None,
    baselines: Mapping[str, Number] | None,
    targets: Mapping[str, Number] | None,
) -> Options:
    from offshoring_cli.core.resolve import Options

    for name, value, kind in (
        ("dataset", dataset, "dataset"),
        ("metrics", metrics, "ids"),
        ("base_year", base_year, "year"),
        ("target_year", target_year, "year"),
        ("baselines", baselines, "figures"),
        ("targets", targets, "figures"),
    ):
        _typed(name, value, kind)
    return Options(
        metrics=tuple(dict.fromkeys(m.strip().lower() for m in metrics)),  # as -m Jobs
        base_year=base_year,
        target_year=target_year,
        baselines=by_id("baselines", baselines),
        targets=by_id("targets", targets),
        dataset=builtin() if dataset is None else dataset,
    )


def gap(
    dataset: Dataset | None = None,
    *,
    metrics: Sequence[str] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    baselines: Mapping[str, Number] | None = None,
    targets: Mapping[str, Number] | None = None,
) -> Report[GapRow]:
    """``offshoring gap``: the gap from each baseline to its target and the growth that
    closes it. ``dataset``: the built-in one by default; ``metrics``: indicator ids (all by
    default); ``baselines`` / ``targets``: figures that replace the dataset's, by indicator
    id, in its unit (as ``--baseline ID=VALUE``).

    Raises:
        InputError: an unknown metric, a year without an observation, a figure out of range.
        TypeError: an argument of the wrong type (``metrics="jobs"`` for ``["jobs"]``,
            ``target_year="2030"`` for ``2030``), named in the message; every function.
    """
    from offshoring_cli.reports.gap import gap_report

    return gap_report(_options(dataset, metrics, base_year, target_year, baselines, targets))


def cagr(
    dataset: Dataset | None = None,
    *,
    metrics: Sequence[str] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    baselines: Mapping[str, Number] | None = None,
    targets: Mapping[str, Number] | None = None,
) -> Report[CagrRow]:
    """``offshoring cagr``: the required CAGR against the actual one. Arguments and errors:
    as :func:`gap`."""
    from offshoring_cli.reports.growth import cagr_report

    return cagr_report(_options(dataset, metrics, base_year, target_year, baselines, targets))


def status(
    dataset: Dataset | None = None,
    *,
    metrics: Sequence[str] = (),
    since: int | None = None,
    base_year: int | None = None,
    target_year: int | None = None,
    baselines: Mapping[str, Number] | None = None,
    targets: Mapping[str, Number] | None = None,
) -> Report[StatusRow]:
    """``offshoring status``: progress by the Eurostat-style growth ratio R (as implemented by
    Open SDG) and the UN Statistics Division progress score Q, from the base year ``since``
    (default: each series' earliest whole-year figure). The report's ``insights`` list what a
    reader should not miss. Arguments and errors: as :func:`gap`."""
    from offshoring_cli.reports.status import status_report

    options = _options(dataset, metrics, base_year, target_year, baselines, targets)
    _typed("since", since, "year")
    return status_report(options, since, untargeted=True)


def trajectory(
    dataset: Dataset | None = None,
    *,
    metrics: Sequence[str] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    baselines: Mapping[str, Number] | None = None,
    targets: Mapping[str, Number] | None = None,
) -> Report[TrajectoryRow]:
    """``offshoring trajectory``: year by year, the observation and the compound, linear and
    actual-pace paths (a row per metric and year). Arguments and errors: as :func:`gap`."""
    from offshoring_cli.reports.trajectory import trajectory_report

    return trajectory_report(_options(dataset, metrics, base_year, target_year, baselines, targets))


def project(
    dataset: Dataset | None = None,
    *,
    growth: float | None = None,
    increment: Number | None = None,
    until: int | None = None,
    metrics: Sequence[str] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    baselines: Mapping[str, Number] | None = None,
    targets: Mapping[str, Number] | None = None,
) -> Report[ProjectRow]:
    """``offshoring project``: where each metric lands at an assumed pace: ``growth`` (a
    fraction a year, 0.08 for 8 %) or ``increment`` (in the metric's unit a year), until
    ``until`` (default: the target year).

    Raises:
        InputError: as :func:`gap`; neither or both of ``growth`` and ``increment``.
    """
    from offshoring_cli.reports.project import project_report

    options = _options(dataset, metrics, base_year, target_year, baselines, targets)
    for name, value, kind in (
        ("growth", growth, "number"),
        ("increment", increment, "number"),
        ("until", until, "year"),
    ):
        _typed(name, value, kind)
    return project_report(options, growth, increment, until)


def sensitivity(
    dataset: Dataset | None = None,
    *,
    years: Sequence[int] = tuple(range(2028, 2036)),
    changes: Sequence[float] = (-0.2, -0.1, 0.0, 0.1, 0.2),
    metrics: Sequence[str] = (),
    base_year: int | None = None,
    baselines: Mapping[str, Number] | None = None,
    targets: Mapping[str, Number] | None = None,
) -> Report[SensitivityRow]:
    """``offshoring sensitivity``: the required CAGR for each target year in ``years`` and
    each change to the target in ``changes`` (fractions: -0.1 is the target lowered by 10 %).

    Raises:
        InputError: as :func:`gap`; a year not after the base year; a change <= -100 % or
            given twice.
    """
    from offshoring_cli.reports.sensitivity import sensitivity_report

    options = _options(dataset, metrics, base_year, None, baselines, targets)
    _typed("years", years, "years")
    _typed("changes", changes, "numbers")
    return sensitivity_report(options, tuple(years), tuple(changes))


def segments(dataset: Dataset | None = None) -> Report[SegmentRow]:
    """``offshoring segments``: the dataset's segments with their shares of the total.

    Raises:
        InputError: the dataset has no segments.
    """
    from offshoring_cli.reports.segments import segments_report

    return segments_report(_options(dataset, (), None, None, None, None))


def to_document(report: Report[Any], explain: bool = False) -> dict[str, Any]:
    """The report's JSON document, as ``--json`` prints it (``json.dumps`` it as it is).

    Raises:
        TypeError: ``report`` is not a report (:func:`gap`...), ``explain`` not a ``bool``.
    """
    _report(report)
    _typed("explain", explain, "flag")
    return report.to_document(explain)


def _report(report: object) -> None:
    """Refuse what is not a report with a ``TypeError`` naming the argument."""
    from offshoring_cli.reports import Report

    if not isinstance(report, Report):
        raise TypeError(f"report must be a report such as api.gap(), not {report!r}")


def provenance(dataset: Dataset | None = None) -> Provenance:
    """Which tool, version and data: the ``provenance`` of every JSON document."""
    from offshoring_cli.reports.provenance import provenance as of

    _typed("dataset", dataset, "dataset")
    return of(builtin() if dataset is None else dataset)


def to_dataframe(report: Report[Any]) -> Any:
    """The report's rows as a pandas ``DataFrame``: a row per record, a column per key (the
    JSON ``results``: counts and amounts in their unit, rates as fractions, ``None`` where a
    figure is not available). pandas is imported here, and only here.

    Raises:
        TypeError: ``report`` is not a report (:func:`gap`...).
        MissingExtra: pandas is not installed (``pip install pandas``).
    """
    _report(report)
    try:
        import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ModuleNotFoundError:
        raise MissingExtra(f"to_dataframe needs pandas: {PANDAS_HINT}") from None
    records = report.records()
    columns = list(dict.fromkeys(key for record in records for key in record))
    return pandas.DataFrame.from_records(records, columns=columns)


def workbook(
    dataset: Dataset | None = None, *, metrics: Sequence[str] = (), lang: str = "en"
) -> bytes:
    """The bytes of the ``.xlsx`` workbook ``offshoring workbook`` writes (Inputs, Gap,
    Growth, Status, Trajectory, Sources, Methods: see ``offshoring workbook --help``), its
    words in ``lang`` (``en``, ``fr`` or ``ar``, read as ``--lang`` reads it: ``FR``, ``fr_MA``,
    ``auto``; the figures and formulas are the same in every language).

    Raises:
        InputError: an unknown metric or language.
        TypeError: an argument of the wrong type, named in the message.
    """
    from offshoring_cli import i18n
    from offshoring_cli.render.workbook import to_xlsx
    from offshoring_cli.reports import workbook as content

    options = _options(dataset, metrics, None, None, None, None)
    _typed("lang", lang, "lang")
    code = i18n.language_code(lang)  # as --lang reads it: FR, fr_MA, auto
    if code is None:
        message = f"unknown language {lang!r}; choose one of {', '.join(i18n.LANGUAGES)}"
        raise InputError("lang", message)
    lang = code
    options.selected()
    book = content.build(options)
    if lang == "en":
        return to_xlsx(book)
    i18n.use_dataset(options.dataset.translations)  # its labels in the language, as --lang
    try:
        with i18n.human(lang):
            return to_xlsx(book)
    finally:
        i18n.use_dataset({})
