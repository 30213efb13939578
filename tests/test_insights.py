"""Facts are data: insights declared in the dataset (ratio, claim), computed generically.

The built-in dataset declares its facts in core/builtin.py (checked against
seeds/morocco-offshoring.toml); tests/data/hires.toml is a made-up sector with one indicator,
``hires`` (people), and its own claim: no jobs or exports anywhere.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import RunInstalled

from offshoring_cli.core import builtin
from offshoring_cli.core.claims import Claim, Ratio, singular
from offshoring_cli.core.records import Dataset, Indicator, Observation, Source, Target
from offshoring_cli.core.resolve import Options
from offshoring_cli.reports.status import status_report
from offshoring_cli.scenario.validate import check, load

ROOT = Path(__file__).resolve().parent.parent
HIRES = ROOT / "tests" / "data" / "hires.toml"
SEEDS = ROOT / "seeds" / "morocco-offshoring.toml"


def _insights(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in document["insights"]}


# ---------------------------------------------------------------------------------------------
# a sector of its own: hires only, with its own declared claim


@pytest.mark.slow
def test_hires_only_scenario_gets_its_declared_claim_through_the_installed_command(
    run_installed: RunInstalled,
) -> None:
    result = run_installed("--scenario", str(HIRES), "status", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    found = _insights(document)
    assert set(found) == {"hires_target_multiple", "hires_half_year_momentum", "hires_recent_pace"}
    multiple = found["hires_target_multiple"]
    # 2,000 / 1,100 = 1.8182: more than 5 % off the claimed 2.0 -> "not the doubling"
    assert multiple["target_multiple"] == pytest.approx(1.818182, abs=1e-6)
    assert multiple["described_multiple"] == 2.0
    assert 'not the "doubling" of its source' in multiple["text"]
    # against the registry series' latest whole-year figure: 2,000 / 3,000 = 0.6667
    assert multiple["other_series"] == "registry"
    assert multiple["other_series_multiple"] == pytest.approx(0.666667, abs=1e-6)
    assert "against the registry series" in multiple["text"]
    # half-year momentum, undeclared: 560 / 500 - 1 = +12.0 %
    assert found["hires_half_year_momentum"]["change_from_rounded_figures"] == pytest.approx(0.12)
    # the claim's source is cited with the figures' sources
    assert set(document["sources"]) == {"survey-2025", "plan-2025", "registry-2024"}
    # the series relation is measured, not assumed: 2023 registry 3,000 vs survey 1,000
    # -> 3,000 / 1,000 - 1 = +200 %: "higher", never "a third lower"
    (note,) = [n for n in document["notes"] if "is left out" in n]
    assert (
        "in 2023, the latest year both cover, the registry series is 200.00 % higher than the "
        "survey series (3,000 people vs 1,000 people)"
    ) in note
    assert "third" not in note and "narrower" not in note


def test_a_claim_within_five_percent_is_confirmed() -> None:
    dataset = load(HIRES)
    # target 2,150 on 1,100: 1.9545, within 5 % of 2.0 (|1.9545 - 2| = 0.045 <= 0.1)
    ind = dataset.indicators["hires"]
    near = ind.replace(target=ind.target.replace(value=2_150))
    report = status_report(Options(dataset=dataset.replace(indicators={"hires": near})))
    (item,) = [i for i in report.insights if i["id"] == "hires_target_multiple"]
    assert item["target_multiple"] == pytest.approx(2150 / 1100)
    assert ', the "doubling" of its source' in item["text"]


def test_a_target_from_the_command_line_is_not_checked_against_the_claim() -> None:
    report = status_report(Options(dataset=load(HIRES), targets={"hires": 2_200}))
    (item,) = [i for i in report.insights if i["id"] == "hires_target_multiple"]
    # 2,200 / 1,100 = 2.0 exactly, but the source's wording describes its own target
    assert item["target_multiple"] == 2.0
    assert item["described_multiple"] is None
    assert "doubling" not in item["text"]
    # plan-2025 is neither the target's source any more nor the source of a shown claim
    assert "plan-2025" not in report.sources


# ---------------------------------------------------------------------------------------------
# a declared ratio between two indicators of any units


def _two_indicators(ratio: Ratio) -> Dataset:
    source = Source("Test", "Made-up", "2025", "https://example.invalid/x")
    hires = Indicator(
        "hires",
        "Hires",
        "people",
        (Observation(2024, 1_000, "s", "src"),),
        Target(2030, 2_000, "s", "src"),
    )
    payroll = Indicator(
        "payroll",
        "Payroll",
        "EUR",
        (Observation(2024, 30_000_000, "s", "src"),),
        Target(2030, 66_000_000, "s", "src"),
    )
    return Dataset(
        "two",
        "",
        {"hires": hires, "payroll": payroll},
        {"src": source},
        insights=(ratio,),
    )


def test_a_declared_ratio_is_computed_with_a_unit_derived_from_both_units() -> None:
    report = status_report(Options(dataset=_two_indicators(Ratio("payroll", "hires"))))
    (item,) = [i for i in report.insights if i["id"] == "payroll_per_hires"]
    # now 30,000,000 / 1,000 = 30,000; then 66,000,000 / 2,000 = 33,000; 33,000 / 30,000 - 1 = +10 %
    assert item["unit"] == "EUR per person"
    assert item["baseline"] == 30_000
    assert item["implied_by_targets"] == 33_000
    assert item["change"] == pytest.approx(0.10)
    assert item["text"] == (
        "Payroll per person: 30,000 EUR in 2024 vs 33,000 EUR implied by the 2030 targets "
        "(+10%): the targets assume hires grow slower than payroll."
    )


def test_a_ratio_needs_both_indicators_and_shared_years() -> None:
    dataset = _two_indicators(Ratio("payroll", "hires", id="pay", label="Pay per hire"))
    only_one = status_report(Options(metrics=("hires",), dataset=dataset))
    assert [i["id"] for i in only_one.insights] == []
    # No target is published for 2032: the values to reach then are given, as on the command line.
    other_year = status_report(
        Options(dataset=dataset, target_year=2032, targets={"hires": 2_000, "payroll": 66e6})
    )
    assert [i["id"] for i in other_year.insights] == ["pay"]  # both moved to 2032
    assert other_year.insights[0]["text"].startswith("Pay per hire: 30,000 EUR in 2024")


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("jobs", "job"), ("people", "person"), ("MAD", "MAD"), ("glass", "glass"), ("GWh", "GWh")],
)
def test_singular_units(unit: str, expected: str) -> None:
    assert singular(unit) == expected


# ---------------------------------------------------------------------------------------------
# the built-in dataset declares its facts; the figures are unchanged


def test_the_builtin_declares_its_claim_and_ratio() -> None:
    assert builtin.BUILTIN.insights == (
        Claim("exports", "target_multiple", 2.0, wording="doubling", source="nap-2026"),
        Ratio("exports", "jobs", id="exports_per_job", label="Exports per job"),
    )
    assert load(SEEDS) == builtin.BUILTIN


def test_builtin_insight_figures_are_kept() -> None:
    report = status_report(Options())
    found = {i["id"]: i for i in report.insights}
    # 40e9 / 26.22e9 = 1.5256; 40e9 / 17.9e9 = 2.2346; 26.22e9 / 148,500 = 176,565.66
    assert found["exports_target_multiple"]["target_multiple"] == pytest.approx(1.525553, abs=1e-6)
    assert found["exports_target_multiple"]["other_series_multiple"] == pytest.approx(
        2.234637, 1e-6
    )
    assert found["exports_per_job"]["unit"] == "MAD per job"
    assert found["exports_per_job"]["baseline"] == pytest.approx(176_565.66, abs=0.01)
    assert "jobs grow faster than exports" in found["exports_per_job"]["text"]
    # 17.9 / 26.17 - 1 = -0.31601: 31.60 % lower, measured in 2023
    (note,) = [n for n in report.notes if "is left out" in n]
    assert "the offshoring-legacy series is 31.60 % lower than the digital-outsourcing" in note


def test_a_scenario_without_declared_insights_gets_no_claim_or_ratio() -> None:
    data = tomllib.loads(SEEDS.read_text(encoding="utf-8"))
    del data["insights"]
    dataset, problems = check(data)
    assert problems == [] and dataset is not None
    report = status_report(Options(dataset=dataset))
    ids = [i["id"] for i in report.insights]
    assert ids == ["exports_target_multiple", "exports_half_year_momentum", "jobs_recent_pace"]
    assert report.insights[0]["described_multiple"] is None  # no claim: only the other series


def test_described_multiple_stays_a_shorthand_for_a_claim() -> None:
    data = tomllib.loads(SEEDS.read_text(encoding="utf-8"))
    data["insights"] = [i for i in data["insights"] if i["kind"] != "claim"]
    data["indicators"][1]["target"]["described_multiple"] = 2.0
    dataset, problems = check(data)
    assert problems == [] and dataset is not None
    assert Claim("exports", "target_multiple", 2.0, "", "nap-2026") in dataset.insights
    (item,) = [i for i in status_report(Options(dataset=dataset)).insights if "multiple" in i["id"]]
    assert 'not the "doubling"' in item["text"]  # the generic word for 2x


# ---------------------------------------------------------------------------------------------
# the scenario format checks what it declares


def _problems(change: Any) -> list[str]:
    data = tomllib.loads(SEEDS.read_text(encoding="utf-8"))
    change(data)
    dataset, problems = check(data)
    assert dataset is None
    return problems


def test_insights_naming_unknown_indicators_or_sources_are_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        data["insights"][0]["indicator"] = "hires"
        data["insights"][0]["source"] = "nowhere"
        data["insights"][1]["denominator"] = "exports"

    assert _problems(change) == [
        "insights[0].indicator: no indicator 'hires' (indicators: exports, jobs)",
        "insights[0].source: unknown source id 'nowhere' (known: nap-2026, hespress-2025, "
        "le360-2025-10, lenouvelliste-2025, lavieeco-2019, le360-2024-04, dayfr-2024, "
        "souss-digital-2024, lematin-2026-01, mcg24-2026-01, walaw-2025-10)",
        "insights[1].denominator: a ratio needs two different indicators",
    ]


def test_an_insight_of_no_or_unknown_kind_is_one_clear_line() -> None:
    def no_kind(data: dict[str, Any]) -> None:
        del data["insights"][1]["kind"]

    def bad_field(data: dict[str, Any]) -> None:
        data["insights"][1]["numerator"] = 3

    assert _problems(no_kind) == [
        "insights[1]: needs kind = 'ratio' or 'claim' (which insight it declares)"
    ]
    assert _problems(bad_field) == ["insights[1].numerator: must be a valid string"]


def test_a_claim_declared_twice_is_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        data["indicators"][1]["target"]["described_multiple"] = 2.0

    assert _problems(change) == [
        "insights[0]: exports's target multiple is already claimed at "
        "indicators[1].target.described_multiple; declare each claim once"
    ]


# ---------------------------------------------------------------------------------------------
# no sentence about a particular series in the code that computes insights


@pytest.mark.parametrize(
    "module", ["offshoring_cli/reports/insights.py", "offshoring_cli/reports/status.py"]
)
def test_no_builtin_id_or_series_is_named_in_the_insight_code(module: str) -> None:
    text = (ROOT / module).read_text(encoding="utf-8")
    names = {*builtin.INDICATORS, builtin.JOBS_SERIES, builtin.EXPORTS_SERIES}
    names |= {builtin.LEGACY_SERIES, "third", "narrower", "per job"}
    literals = re.findall(r"\"[^\"\n]*\"", text)
    for name in names:
        assert not [lit for lit in literals if re.search(rf"\b{re.escape(name)}\b", lit)], name


def test_a_declared_ratio_of_any_units_validates_against_the_status_schema() -> None:
    """The shipped status schema describes any declared ratio, not only exports per job."""
    import json
    from importlib.resources import files

    from jsonschema import Draft202012Validator

    from offshoring_cli.render.json_document import to_json

    report = status_report(Options(dataset=_two_indicators(Ratio("payroll", "hires"))))
    document = json.loads(to_json(report))
    assert [i["id"] for i in document["insights"]] == ["payroll_per_hires"]
    text = files("offshoring_cli").joinpath("schemas", "status.schema.json").read_text("utf-8")
    errors = list(Draft202012Validator(json.loads(text)).iter_errors(document))
    assert errors == []


# ---------------------------------------------------------------------------------------------
# fresh-user round 2: a claim is checked only on the source's own figures; a ratio that cannot
# be computed says why


def test_a_claim_is_not_checked_against_a_baseline_given_on_the_command_line() -> None:
    from offshoring_cli.core.builtin import BUILTIN

    # 40 bn / 20 bn = 2.00x would "confirm" the source's doubling on a made-up baseline.
    report = status_report(Options(metrics=("exports",), baselines={"exports": 20_000_000_000}))
    (item,) = [i for i in report.insights if i["id"] == "exports_target_multiple"]
    assert item["described_multiple"] is None
    assert "doubling" not in item["text"]
    assert item["target_multiple"] == 2.0
    # On the source's own figures the claim is still checked: 40 / 26.22 = 1.53x, not 2.
    report = status_report(Options(metrics=("exports",), dataset=BUILTIN))
    (item,) = [i for i in report.insights if i["id"] == "exports_target_multiple"]
    assert item["described_multiple"] == 2.0


def test_the_other_series_figure_is_the_latest_up_to_the_base_year() -> None:
    report = status_report(
        Options(metrics=("exports",), base_year=2022, baselines={"exports": 20_000_000_000})
    )
    (item,) = [i for i in report.insights if i["id"] == "exports_target_multiple"]
    # The older series has 2018, 2022 and 2023: with base year 2022, its 2022 figure (15.70 bn),
    # not 2023's: 40 / 15.7 = 2.5478x.
    assert (item["other_series_year"], item["other_series_value"]) == (2022, 15_700_000_000)
    assert item["other_series_multiple"] == pytest.approx(40 / 15.7)


def test_a_declared_ratio_that_cannot_be_computed_says_why() -> None:
    dataset = _two_indicators(Ratio("payroll", "hires"))
    hires = dataset.indicators["hires"]
    later = hires.replace(target=hires.target.replace(year=2028))
    dataset = dataset.replace(indicators={**dataset.indicators, "hires": later})
    report = status_report(Options(dataset=dataset))
    assert [i for i in report.insights if i["id"] == "payroll_per_hires"] == []
    assert (
        "payroll_per_hires: not computed: payroll runs 2024-2030 and hires 2024-2028; the "
        "declared ratio needs the same base and target years."
    ) in report.notes
