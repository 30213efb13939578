"""``offshoring segments``: the shares of each segment, the rounding check, and a scenario's
segments (which indicator they belong to, how far they may add up, the value column's
heading).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli
from helpers import SEED_TEXT, installed, invoke_cli, problems_of, refused, result_json, seed, write


def test_segments_shares_and_rounding_check(run: RunCli) -> None:
    document = result_json(run("segments", "--json"))
    rows = {r["segment"]: r for r in document["results"]}
    assert list(rows) == ["ITO", "CRM", "ESO", "BPO", "KPO"]
    # 10.578 / 26.22 = 0.403432
    assert rows["ITO"]["share"] == pytest.approx(10.578 / 26.22, rel=1e-12)
    # KPO: 0.048 / 0.078 - 1 = -0.384615 (computed from the 2023 value)
    assert rows["KPO"]["change_on_prior_year"] == pytest.approx(-0.384615, abs=5e-7)
    assert rows["ESO"]["change_on_prior_year"] == 0.071
    assert rows["ITO"]["change_on_prior_year"] is None
    # 10.578 + 9.797 + 3.462 + 2.334 + 0.048 = 26.219 bn vs 26.22 bn: within rounding
    assert document["inputs"]["segments_sum"] == 26_219_000_000
    assert document["inputs"]["adds_up_within_rounding"] is True
    assert math.fsum(r["share"] for r in rows.values()) == pytest.approx(26.219 / 26.22)


def test_segments_of_the_wrong_indicator_are_refused(tmp_path: Path) -> None:
    # Once valid: 26.219 bn of segments "split" 148,500 jobs, and 'segments' showed
    # "10,578,000,000 jobs", a share of 7,123,232.32 %, under a column headed "Exports".
    # 26,219,000,000 / 148,500 = 176,558.9 -> "176,559 times".
    path = write(
        tmp_path,
        SEED_TEXT.replace('[segments]\nindicator = "exports"', '[segments]\nindicator = "jobs"'),
    )
    refused(
        path,
        "segments.items: the segments add up to 26,219,000,000 jobs, 176,559 times the 2024 "
        "jobs figure they split (148,500 jobs): segments are parts of that figure, in its unit "
        "(jobs); check segments.indicator",
    )


@pytest.mark.parametrize(
    ("scale", "valid"),
    # the seed's segments add up to 26.219 bn against a 26.22 bn total (ratio 0.99996)
    [(2.0, True), (2.1, False), (1e-3 / 0.99996, True), (0.9e-3, False)],
)
def test_segments_may_add_up_to_between_a_thousandth_and_twice_their_figure(
    scale: float, valid: bool
) -> None:
    data = seed()
    for item in data["segments"]["items"]:
        item["value"] = item["value"] * scale
        item.pop("prior", None)
    found = problems_of(data)
    assert (found == []) is valid, found
    if not valid:
        (line,) = found
        assert line.startswith("segments.items: the segments add up to ")


@pytest.mark.slow
def test_the_segments_value_column_is_headed_by_the_indicators_label(tmp_path: Path) -> None:
    # A scenario whose segments split 'hires' (people): the column says what they are.
    text = SEED_TEXT.replace('label = "Offshoring jobs"', 'label = "Apprentice hires"')
    text = text.replace('[segments]\nindicator = "exports"', '[segments]\nindicator = "jobs"')
    start = text.index("[[segments.items]]")
    text = text[:start] + "".join(
        f'[[segments.items]]\nid = "{key}"\nlabel = "{key}"\nvalue = {value}\n'
        'source = "nap-2026"\n\n'
        for key, value in (("north", 100_000), ("south", 48_500))
    )
    path = write(tmp_path, text)
    done, _ = installed("--scenario", str(path), "segments", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    header = next(
        line for line in done.stdout.decode().splitlines() if line.startswith("| Segment")
    )
    assert header == (
        "| Segment | Activity | Apprentice hires | Share of total | Change y/y | Open SDG score "
        "| Open SDG label |"
    )
    # 100,000 / 148,500 = 67.34 %; 48,500 / 148,500 = 32.66 %
    assert "| north | north | 100,000 jobs | 67.34 % |" in done.stdout.decode()
    builtin_md = invoke_cli("segments", "--format", "markdown")
    assert "| Segment | Activity | Offshoring service exports |" in builtin_md.stdout


# --- Open SDG's no-target method (issue 12) --------------------------------------------------
# Open SDG's methodology 1 (sdg-build sdg/ProgressMeasure.py, commit 139fede7...): P = the
# growth in the wanted direction (an increase here); score min(500 P - 5, 5) from P >= 0.015,
# max(125 P - 2.5, -5) below 0. The same values came out of a verbatim copy of its code run on
# these inputs (see tests/test_base_year_range_and_open_sdg.py for how).
#   ESO +7.1 %: 500 * 0.071 - 5 = 30.5 -> 5, substantial progress
#   BPO +17 %: 500 * 0.17 - 5 = 80 -> 5, substantial progress
#   KPO 0.078 -> 0.048 bn: P = 0.048 / 0.078 - 1 = -0.384615; 125 P - 2.5 = -50.6 -> -5,
#   deterioration; ITO and CRM: no change known, no score.
NO_TARGET = {
    "ITO": (None, None, None),
    "CRM": (None, None, None),
    "ESO": (0.071, 5.0, "substantial progress"),
    "BPO": (0.17, 5.0, "substantial progress"),
    "KPO": (0.048 / 0.078 - 1, -5.0, "deterioration"),
}


def _no_target(rows: Any) -> dict[str, tuple[Any, Any, Any]]:
    return {
        r["segment"]: (r["open_sdg_progress_value"], r["open_sdg_score"], r["open_sdg_label"])
        for r in rows
    }


def test_each_segment_gets_open_sdgs_no_target_status_by_the_python_api() -> None:
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports.segments import segments_report

    found = _no_target(segments_report(Options()).rows)
    assert found.keys() == NO_TARGET.keys()
    for key, (p, score, label) in NO_TARGET.items():
        assert found[key] == (pytest.approx(p, abs=1e-12) if p is not None else None, score, label)


@pytest.mark.slow
def test_each_segment_gets_open_sdgs_no_target_status_by_the_installed_command() -> None:
    done, _ = installed("segments", "--json")
    assert done.returncode == 0, done.stderr
    found = _no_target(json.loads(done.stdout)["results"])
    assert found["KPO"][1:] == (-5.0, "deterioration")
    assert found["ESO"][1:] == (5.0, "substantial progress") and found["ITO"] == (None,) * 3
