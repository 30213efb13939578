"""``status`` at scale (issue 11): the range over base years at a fraction of its former cost,
with every figure, note and explanation line as before.

The range takes each base year's actual CAGR, value at the target year and year the target is
reached from :func:`offshoring_cli.core.base_years.paces` instead of a full
:func:`offshoring_cli.core.results.status` per base year; the year search
(:func:`formulas.periods_to_reach`) tries the estimate's year and the one before first; the
``--explain`` lines are written only when asked. Checked here against the implementations they
replace (kept below as references, as they were in 0.7.0), on random inputs and on every base
year of generated files.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli, watchdog
from helpers import ROOT, installed, proc_json, result_json, rows_by_metric
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from offshoring_cli import i18n
from offshoring_cli.core import base_years, formulas, results
from offshoring_cli.core.records import Number
from offshoring_cli.core.resolve import Options
from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import numbers
from offshoring_cli.reports.status import status_report
from offshoring_cli.scenario import validate

sys.path.insert(0, str(ROOT / "benchmarks"))
import scale  # benchmarks/scale.py: the generator of the large files

# ---------------------------------------------------------------------------------------------
# The year search of 0.7.0, verbatim but for names: the reference the new one must agree with.


def _old_tolerance(steps: int, value: Number, *others: Number) -> float:
    if steps <= 0 or isinstance(value, int):
        return 0.0
    largest = max(formulas._magnitude(x) for x in (value, *others))
    if not math.isfinite(largest):
        return 0.0
    return formulas.REACH_ULPS * (min(steps, formulas.REACH_MAX_STEPS) + 1) * math.ulp(largest)


def _old_reaches(value: Number, target: Number, increase: bool = True, steps: int = 0) -> bool:
    if value >= target if increase else value <= target:
        return True
    tolerance = _old_tolerance(steps, value, target)
    return tolerance > 0 and abs(value - target) <= tolerance


def _old_first_year(reached: Callable[[int], bool], estimate: float) -> int:
    start = math.ceil(estimate)
    low, high = max(0, start - 2), start + 2
    step = 2
    while low > 0 and reached(low):
        low, step = max(0, low - step), step * 2
    step = 2
    while not reached(high):
        high, step = high + step, step * 2
    if reached(low):
        return low
    while high - low > 1:
        middle = (low + high) // 2
        if reached(middle):
            high = middle
        else:
            low = middle
    return high


def _old_periods_to_reach(
    value: Number, target: Number, rate: float, increase: bool = True
) -> int | None:
    formulas._check_positive("value", value)
    formulas._check_positive("target", target)
    formulas._check_rate(rate)
    if _old_reaches(value, target, increase):
        return 0
    factor = 1.0 + rate
    if (factor <= 1.0) if increase else (factor >= 1.0):
        return None
    estimate = math.log(target / value) / math.log(factor)
    if not math.isfinite(estimate):
        return None

    def reached(n: int) -> bool:
        try:
            now = value * factor**n
        except OverflowError:
            now = math.inf
        return _old_reaches(now, target, increase, n)

    return max(1, _old_first_year(reached, estimate))


def _outcome(function: Callable[[], Any]) -> Any:
    """The value ``function`` returns, with its type, or the type of error it raises."""
    try:
        answer = function()
    except (DomainError, OverflowError, ValueError) as error:
        return type(error)
    return (type(answer), answer)


# Values and rates as the data and the formulas give them: whole counts and amounts in the
# accepted range (1e-6 to 1e18), rates from an everyday pace to the extremes (a change below
# float resolution, a fall of 99.9 % a year, a hundredfold rise), and rates that are the CAGR
# between two such values, as every range rate is.
VALUES = st.one_of(
    st.integers(1, 10**18),
    st.floats(1e-6, 1e18, allow_nan=False, allow_infinity=False),
    st.sampled_from([148_500, 270_000, 26.22e9, 40e9, 2**53, 2**53 + 1, 1e18]),
)
RATES = st.one_of(
    st.floats(-0.5, 0.5),
    st.floats(-0.999, 100.0),
    st.floats(-1e-12, 1e-12),
    st.sampled_from([0.0, 1e-17, -1e-17, 2**-52, -(2**-53), 2**-30, 0.068788, -0.9]),
)


@settings(max_examples=3000, deadline=None)
@given(value=VALUES, target=VALUES, rate=RATES, increase=st.booleans())
def test_the_year_search_agrees_with_the_one_it_replaces(
    value: Number, target: Number, rate: float, increase: bool
) -> None:
    old = _outcome(lambda: _old_periods_to_reach(value, target, rate, increase))
    assert _outcome(lambda: formulas.periods_to_reach(value, target, rate, increase)) == old


@settings(max_examples=3000, deadline=None)
@given(start=VALUES, value=VALUES, target=VALUES, years=st.integers(1, 60), increase=st.booleans())
def test_the_year_search_agrees_at_the_rate_between_two_values(
    start: Number, value: Number, target: Number, years: int, increase: bool
) -> None:
    try:
        rate = formulas.cagr(start, value, years)
    except DomainError:  # a decline too steep for a float: no rate to search with
        assume(False)
    old = _outcome(lambda: _old_periods_to_reach(value, target, rate, increase))
    assert _outcome(lambda: formulas.periods_to_reach(value, target, rate, increase)) == old


@settings(max_examples=2000, deadline=None)
@given(value=VALUES, target=VALUES, steps=st.integers(0, 400))
def test_the_tolerance_is_the_one_it_replaces(value: Number, target: Number, steps: int) -> None:
    assert formulas.reach_tolerance(steps, value, target) == _old_tolerance(steps, value, target)
    assert formulas.reaches(value, target, True, steps) == _old_reaches(value, target, True, steps)


# ---------------------------------------------------------------------------------------------
# paces(): the figures of results.status, one per base year


def _status_figures(s: results.Status | base_years.Pace) -> tuple[Any, ...]:
    return (
        s.base_year,
        s.base_value,
        s.actual_cagr,
        type(s.projected),
        s.projected,
        s.reached_year,
    )


@settings(max_examples=1500, deadline=None)
@given(
    history=st.lists(VALUES, min_size=1, max_size=8),
    latest=VALUES,
    target=VALUES,
    ahead=st.integers(1, 30),
    increase=st.booleans(),
)
def test_paces_are_the_figures_of_a_full_assessment(
    history: list[Number], latest: Number, target: Number, ahead: int, increase: bool
) -> None:
    # The row's own assessment comes first and refuses a target the latest value cannot
    # reach at a rate a float can hold (a fall to under 1e-16 of it in a year): the range is
    # never asked for then.
    try:
        formulas.cagr(latest, target, ahead)
    except DomainError:
        assume(False)
    latest_year = 2024
    bases = [(latest_year - len(history) + k, v) for k, v in enumerate(history)]
    expected: list[Any] = []
    for year, value in bases:
        try:
            expected.append(
                _status_figures(
                    results.status(year, value, latest_year, latest, latest_year + ahead, target)
                    if increase
                    else results.status(
                        year, value, latest_year, latest, latest_year + ahead, target, False
                    )
                )
            )
        except DomainError:
            expected = [DomainError]
            break
    try:
        got: list[Any] = [
            _status_figures(p)
            for p in base_years.paces(
                bases, latest_year, latest, latest_year + ahead, target, increase
            )
        ]
    except DomainError:
        got = [DomainError]
    assert got == expected


def test_paces_of_the_jobs_series() -> None:
    # jobs: 2022 130,000, 2023 141,000, latest 2024 148,500, target 270,000 in 2030.
    # from 2022: (148,500 / 130,000) ** (1 / 2) - 1 = 0.068788, 148,500 * 1.068788 ** 6 =
    # 221,348, reached 2024 + 9 = 2033; from 2023: 148,500 / 141,000 - 1 = 0.053191, 202,661,
    # ln(270,000 / 148,500) / ln(1.053191) = 11.54 -> 2036.
    found = base_years.paces([(2022, 130_000), (2023, 141_000)], 2024, 148_500, 2030, 270_000)
    assert [(p.base_year, round(p.actual_cagr, 6), round(p.projected)) for p in found] == [
        (2022, 0.068788, 221_348),
        (2023, 0.053191, 202_661),
    ]
    assert [p.reached_year for p in found] == [2033, 2036]


# Values at the edges of what the data holds: whole counts, amounts in MAD, the smallest and
# largest accepted (1e-6, 1e18), ints each side of 2**53 (where a float no longer holds every
# whole number), and a value a float cannot hold as an int's neighbour (2**53 + 1).
EDGE_VALUES: tuple[Number, ...] = (
    1e-6, 0.7, 1, 3, 148_500, 270_000, 26.22e9, 40e9, 2**53, 2**53 + 1, 1e18,
)  # fmt: skip


def _edge_cases() -> Any:
    """(bases, latest, target, ahead, increase): every edge value as the latest value and as
    the target, 1, 6 and 30 years ahead, both directions, from a base of every edge value
    (base years 2014-2024, the latest year 2025), plus the base from which the latest value
    lands on the target (up to rounding) in the target year: latest**2 / target, `ahead`
    years before the latest year, so that the CAGR is target / latest a year ... over
    `ahead` years: (latest / base) ** (1 / ahead) = (target / latest) ** (1 / ahead)."""
    for latest in EDGE_VALUES:
        for target in EDGE_VALUES:
            for ahead in (1, 6, 30):
                for increase in (True, False):
                    bases: list[tuple[int, Number]] = [
                        (2014 + k, v) for k, v in enumerate(EDGE_VALUES)
                    ]
                    on_target = latest * latest / target
                    if ahead <= 11 and 0 < on_target < math.inf:
                        bases[11 - ahead] = (2025 - ahead, on_target)
                    yield bases, latest, target, ahead, increase


def test_paces_are_the_figures_of_a_full_assessment_at_the_edges() -> None:
    # paces() must give, base year by base year, what results.status gives (the full
    # assessment, computed by formulas.cagr / project / snap_to_target / periods_to_reach):
    # the same CAGR, the same projected value of the same type (snapped to the target when
    # it lands on it up to rounding), the same year reached (None: never), the same error.
    # The hypothesis test above draws such cases at random; these are the fixed edges.
    with watchdog(60):  # a search that loops forever fails here instead of hanging
        _compare_at_the_edges(counts := [0, 0, 0])
    compared, snapped, never = counts
    # the grid reaches what it is for: many comparisons, snapped projections, targets never
    # reached
    assert compared > 500 and snapped > 100 and never > 100, (compared, snapped, never)


def _compare_at_the_edges(counts: list[int]) -> None:
    for bases, latest, target, ahead, increase in _edge_cases():
        try:
            formulas.cagr(latest, target, ahead)
        except DomainError:  # refused by the row's own assessment first (see above)
            continue
        expected: list[Any] = []
        for year, value in bases:
            try:
                full = results.status(year, value, 2025, latest, 2025 + ahead, target, increase)
            except DomainError:
                expected = [DomainError]
                break
            except ZeroDivisionError:  # Q of a target equal to the base value (see above)
                expected = []
                break
            expected.append(_status_figures(full))
        if not expected:
            continue
        try:
            got: list[Any] = [
                _status_figures(p)
                for p in base_years.paces(bases, 2025, latest, 2025 + ahead, target, increase)
            ]
        except DomainError:
            got = [DomainError]
        assert got == expected, (bases, latest, target, ahead, increase)
        counts[0] += 1
        counts[1] += sum(1 for e in expected if e != DomainError and e[4] == target)
        counts[2] += sum(1 for e in expected if e != DomainError and e[5] is None)


def test_a_pace_whose_projection_overflows_reaches_the_target() -> None:
    # From 1e-300 to 1.0 in one year: a growth factor of 1e300 a year. 1.0 * 1e300 = 1e300
    # is short of 1e308 in 2025; 1e300 ** 2 = 1e600 is beyond the float range (overflow):
    # far beyond the target, so reached in 2026, as results.status says.
    (found,) = base_years.paces([(2023, 1e-300)], 2024, 1.0, 2025, 1e308)
    assert found.actual_cagr == pytest.approx(1e300, rel=1e-12)
    assert found.reached_year == 2026
    assert found.reached_year == results.status(2023, 1e-300, 2024, 1.0, 2025, 1e308).reached_year


def _pace(year: int, cagr: float, projected: Number, reached: int | None) -> base_years.Pace:
    return base_years.Pace(year, 100, cagr, projected, reached)


@pytest.mark.parametrize(
    "found",
    [
        # one pace: it is the lowest and the highest
        [_pace(2020, 0.05, 150.0, 2031)],
        # a tie for the lowest CAGR (0.02, 2020 and 2022) and for the highest (0.09, 2021
        # and 2023): the first of each; projected 120 lowest, 180 highest; reached 2029
        # earliest, 2040 latest
        [
            _pace(2020, 0.02, 130.0, 2040),
            _pace(2021, 0.09, 180.0, 2029),
            _pace(2022, 0.02, 120.0, 2035),
            _pace(2023, 0.09, 150.0, 2030),
        ],
        # falling then rising CAGRs, never reached from 2021: the earliest and latest of the
        # others (2031, 2033), never True
        [
            _pace(2019, 0.04, 140.0, 2033),
            _pace(2020, -0.01, 90.0, 2031),
            _pace(2021, 0.07, 170.0, None),
            _pace(2022, 0.03, 135.0, 2032),
        ],
        # never reached from the first base year only
        [_pace(2020, -0.02, 80.0, None), _pace(2021, 0.01, 110.0, 2050)],
        # never reached from any: earliest and latest None
        [_pace(2020, -0.02, 80.0, None), _pace(2021, -0.05, 70.0, None)],
        # a whole (int) projection among float ones
        [_pace(2020, 0.03, 125.5, 2033), _pace(2021, 0.06, 160, 2030)],
        # equal projections, the first an int (a target shown as given), the second a float:
        # the first is kept (160 is written "160", not "160.0")
        [_pace(2020, 0.03, 160, 2033), _pace(2021, 0.06, 160.0, 2030)],
        [_pace(2020, 0.03, 90, 2033), _pace(2021, 0.06, 90.0, 2030), _pace(2022, 0.1, 95.0, None)],
    ],
)
def test_extremes_are_those_of_min_and_max(found: list[base_years.Pace]) -> None:
    # the lowest and highest as min() and max() give them (of equal ones, the first), the
    # earliest year the target is reached of those given, the latest only ... of those given,
    # and whether any base year never reaches it
    got = base_years.extremes(found)
    known = [p.reached_year for p in found if p.reached_year is not None]
    assert got.lowest is min(found, key=lambda p: p.actual_cagr)
    assert got.highest is max(found, key=lambda p: p.actual_cagr)
    assert got.projected_lowest == min(p.projected for p in found)
    assert got.projected_highest == max(p.projected for p in found)
    assert type(got.projected_highest) is type(max(p.projected for p in found))
    assert type(got.projected_lowest) is type(min(p.projected for p in found))
    assert got.reached_earliest == (min(known) if known else None)
    assert got.reached_latest == (max(known) if known else None)
    assert got.never is (len(known) < len(found))


def test_extremes_of_nothing_is_an_index_error() -> None:
    with pytest.raises(IndexError):
        base_years.extremes([])


@pytest.mark.parametrize(
    ("bases", "latest_year", "target_year", "message"),
    [
        ([(2024, 100)], 2024, 2030, "the latest year (2024) must be after the base year (2024)"),
        ([(2020, 100)], 2024, 2024, "the target year (2024) must be after the latest year"),
        ([(2020, 0)], 2024, 2030, "start must be greater than 0"),
        ([(2020, True)], 2024, 2030, "start must be a number"),
        ([(2020, math.nan)], 2024, 2030, "start must be a finite number"),
    ],
)
def test_paces_refuse_what_status_refuses(
    bases: list[tuple[int, Number]], latest_year: int, target_year: int, message: str
) -> None:
    with pytest.raises(DomainError, match=message.replace("(", r"\(").replace(")", r"\)")):
        base_years.paces(bases, latest_year, 150, target_year, 300)


# ---------------------------------------------------------------------------------------------
# The status report: the range as before, for every base year of generated files


def _assessed_range(paces: list[base_years.Pace]) -> tuple[Any, ...]:
    reached = [p.reached_year for p in paces]
    known = [y for y in reached if y is not None]
    return (
        min(p.actual_cagr for p in paces),
        max(p.actual_cagr for p in paces),
        min(p.projected for p in paces),
        max(p.projected for p in paces),
        min(known) if known else None,
        max(known) if known and None not in reached else None,
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Options:
    """benchmarks/scale.py's file of 40 indicators x 50 yearly observations."""
    return Options(dataset=validate.load(scale.generate(tmp_path_factory.mktemp("s"), 40, False)))


def test_the_range_of_every_indicator_is_that_of_a_full_assessment_per_base_year(
    generated: Options,
) -> None:
    report = status_report(generated)
    assert len(report.rows) == 40
    for row in report.rows:
        ind = generated.dataset.indicators[row["metric"]]
        history = ind.annual()
        full = [
            results.status(o.year, o.value, 2024, history[-1].value, 2030, ind.target.value)
            for o in history[:-1]
        ]
        assert row["base_year_range"] is True
        assert (row["range_first_base_year"], row["range_last_base_year"]) == (1975, 2023)
        assert (
            row["actual_cagr_lowest"],
            row["actual_cagr_highest"],
            row["projected_lowest"],
            row["projected_highest"],
            row["target_reached_year_earliest"],
            row["target_reached_year_latest"],
        ) == _assessed_range(full)  # type: ignore[arg-type]


def test_the_range_takes_no_full_assessment_per_base_year(
    generated: Options, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = [0]
    full = results.status

    def counted(*args: Any) -> results.Status:
        calls[0] += 1
        return full(*args)

    monkeypatch.setattr(results, "status", counted)
    report = status_report(generated)
    # one assessment per row (40), not one per row and base year (40 x 49 = 1,960 more)
    assert calls[0] == len(report.rows) == 40


def test_explanation_lines_are_written_only_when_asked(
    generated: Options, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = [0]
    exact = numbers.exact

    def counted(value: float) -> str:
        calls[0] += 1
        return exact(value)

    monkeypatch.setattr(numbers, "exact", counted)
    report = status_report(generated)
    document = report.to_document(explain=False)
    assert "explanation" not in document
    assert calls[0] == 0
    lines = report.explanation
    # per indicator: 3 CAGR lines, R, the projection, Q, 49 range lines, the Open SDG line
    assert len(lines) == 40 * (6 + 49 + 1)
    assert calls[0] > 40 * 49
    assert report.explanation is lines  # written once


def test_explanation_lines_stay_in_the_language_of_the_report() -> None:
    # Written later (when shown), in the language the report was made in: English, whatever
    # the language of the table around them, as before.
    report = status_report(Options(metrics=("jobs",)))
    with i18n.human("fr"):
        lines = report.explanation
    assert (
        "jobs: actual CAGR = (148,500 / 130,000) ** (1 / 2) - 1 = 0.068788 (6.88 % a year)" in lines
    )
    assert "jobs: projected 2030 = 148,500 * (1 + 0.068788) ** 6 = 221,348 (221,348 jobs)" in lines


def test_french_explanation_keeps_english_numbers_in_the_command(run: RunCli) -> None:
    out = run("--lang", "fr", "status", "-m", "jobs", "--explain").output
    assert "= 0.068788 (6.88 % a year)" in out
    assert "(221,348 jobs)" in out
    assert "jobs: range, from 2023: actual CAGR = (148,500 / 141,000) ** (1 / 1) - 1" in out


# ind_1 of benchmarks/scale.py: (1,000 + 37) * 1.03 ** k for k = 0..49, rounded; target
# round(latest * 1.6) in 2030. Every base year's pace is 3 % a year up to the rounding of the
# values, so the projection is about latest * 1.03 ** 6 = 1.194 latest, short of 1.6 latest,
# and the target is reached ln(1.6) / ln(1.03) = 15.9 -> 16 years after 2024: 2040.
IND_1_LATEST = round(1_037 * 1.03**49)


def _check_ind_1(row: dict[str, Any]) -> None:
    assert row["latest"] == IND_1_LATEST
    assert row["actual_cagr_lowest"] == pytest.approx(0.03, abs=2e-4)
    assert row["actual_cagr_highest"] == pytest.approx(0.03, abs=2e-4)
    assert row["projected_lowest"] == pytest.approx(IND_1_LATEST * 1.03**6, rel=2e-3)
    assert row["target_reached_year_earliest"] == row["target_reached_year_latest"] == 2040


def test_a_generated_file_reads_the_range_by_the_command(run: RunCli, tmp_path: Path) -> None:
    path = scale.generate(tmp_path, 3, csv=False)
    _check_ind_1(
        rows_by_metric(result_json(run("--scenario", str(path), "status", "--json")))["ind_1"]
    )


@pytest.mark.slow
def test_a_generated_file_reads_the_range_by_the_installed_command(tmp_path: Path) -> None:
    path = scale.generate(tmp_path, 3, csv=False)
    done, _ = installed(
        "--scenario", str(path), "status", "--json", env={"OFFSHORING_CACHE": "off"}
    )
    _check_ind_1(rows_by_metric(proc_json(done))["ind_1"])
