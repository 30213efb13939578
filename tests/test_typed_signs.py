"""The minus sign (U+2212, as word processors and the French typography write it) and the
Arabic percent sign (U+066A) are read as ``-`` and ``%`` in rates and amounts (s5 finding 10);
before, both were refused as "not a rate" / "not a number".

Figures (built-in data, jobs 148,500 in 2024, target year 2030, 6 periods):
- growth -5 %: 148,500 * 0.95 ** 6 = 148,500 * 0.735091890625 = 109,161.1458 in 2030;
- increment -5k: 148,500 - 6 * 5,000 = 118,500 in 2030;
- growth 8 %: 148,500 * 1.08 ** 6 = 148,500 * 1.586874322944 = 235,650.84 in 2030.
"""

from __future__ import annotations

import json

import pytest
from helpers import installed

from offshoring_cli.core import grammar

MINUS = "\u2212"
ARABIC_PERCENT = "\u066a"


def test_the_grammar_reads_them() -> None:
    assert grammar.parse_rate(f"{MINUS}5 %") == grammar.parse_rate("-5%") == -0.05
    assert grammar.parse_rate(f"8{ARABIC_PERCENT}") == 0.08
    assert grammar.parse_rate(f"{MINUS}0.05") == -0.05
    assert grammar.parse_quantity(f"{MINUS}5k", "jobs", whole=True, signed=True).value == -5000
    with pytest.raises(ValueError, match="must be greater than 0"):  # as "-5k" is
        grammar.parse_quantity(f"{MINUS}5k", "jobs", whole=True)


def _final(*args: str) -> dict[str, object]:
    done, _ = installed(*args, "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    row: dict[str, object] = json.loads(done.stdout)["results"][-1]
    return row


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_command_reads_them_in_every_language(lang: str) -> None:
    row = _final("--lang", lang, "project", "-m", "jobs", "--growth", f"{MINUS}5 %")
    assert row["growth_rate"] == -0.05
    assert round(float(str(row["value_at_target_year"])), 4) == 109_161.1458
    row = _final("--lang", lang, "project", "-m", "jobs", "--growth", f"8 {ARABIC_PERCENT}")
    assert round(float(str(row["value_at_target_year"])), 2) == 235_650.84
    row = _final("--lang", lang, "project", "-m", "jobs", "--increment", f"{MINUS}5k")
    assert (row["increment_per_year"], row["value_at_target_year"]) == (-5000, 118_500)
    changes = f"{MINUS}10{ARABIC_PERCENT},10{ARABIC_PERCENT}"
    done, _ = installed("--lang", lang, "sensitivity", "-m", "jobs", "--changes", changes, "--json")
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)["results"][0]
    assert {k for k in row if k.startswith("required_cagr_target_")} == {
        "required_cagr_target_minus_10pct",
        "required_cagr_target_plus_10pct",
    }
