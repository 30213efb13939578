"""The built-in dataset matches the figures listed, with their sources, in seeds/README.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from offshoring_cli import domain

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "README.md"


def _listed_figures() -> list[dict[str, str]]:
    """The rows of the 'Figures' table in seeds/README.md, as dicts keyed by column name."""
    lines = SEEDS.read_text(encoding="utf-8").splitlines()
    start = lines.index("| indicator | kind | year | value | series | source | how obtained |")
    header = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True)))
    return rows


LISTED = _listed_figures()


def test_the_seed_table_is_not_empty() -> None:
    # 2 jobs observations + 1 jobs target + 1 exports observation + 1 exports target
    assert len(LISTED) == 5


@pytest.mark.parametrize("row", LISTED, ids=lambda r: f"{r['indicator']}-{r['kind']}-{r['year']}")
def test_listed_figure_is_in_the_domain_module(row: dict[str, str]) -> None:
    indicator = domain.INDICATORS[row["indicator"]]
    if row["kind"] == "target":
        record: domain.Observation | domain.Target = indicator.target
        assert record.year == int(row["year"])
    else:
        found = [o for o in indicator.observations if o.year == int(row["year"])]
        assert len(found) == 1, f"{row} is not in domain.py"
        record = found[0]
        assert row["how obtained"].startswith("derived") == bool(record.note), (
            "a derived figure must say how it was derived, and only a derived one"
        )
    assert record.value == int(row["value"])
    assert record.series == row["series"]
    assert record.source == row["source"]


def test_every_domain_figure_is_listed() -> None:
    listed = {(r["indicator"], r["kind"], int(r["year"])) for r in LISTED}
    in_code = set()
    for ind in domain.INDICATORS.values():
        in_code |= {(ind.id, "observation", o.year) for o in ind.observations}
        in_code.add((ind.id, "target", ind.target.year))
    assert in_code == listed


def test_every_cited_source_exists_with_publisher_title_date_and_url() -> None:
    for ind in domain.INDICATORS.values():
        for sid in [o.source for o in ind.observations] + [ind.target.source]:
            src = domain.SOURCES[sid]
            assert src.publisher and src.title and src.date
            assert src.url.startswith("https://")
            assert f"`{sid}`" in SEEDS.read_text(encoding="utf-8")


def test_the_seed_figures_themselves() -> None:
    # The seed article's own numbers; 2022 = 148,500 - 18,500 net creations = 130,000.
    jobs, exports = domain.INDICATORS["jobs"], domain.INDICATORS["exports"]
    assert jobs.baseline() == (2024, 148_500, "offshoring-employment", "nap-2026", "")
    assert jobs.observation(2022) is not None
    assert jobs.observation(2022).value == 148_500 - 18_500  # type: ignore[union-attr]
    assert (jobs.target.year, jobs.target.value) == (2030, 270_000)
    assert (exports.baseline().year, exports.baseline().value) == (2024, 26_220_000_000)
    assert (exports.target.year, exports.target.value) == (2030, 40_000_000_000)
