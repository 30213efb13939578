"""The built-in dataset is the documented one: every figure of ``seeds/README.md`` is in
``core/builtin.py`` and back, segments and sources included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from offshoring_cli.core import builtin, records

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "README.md"


def _table(first_line: str) -> list[dict[str, str]]:
    """The rows of the table of seeds/README.md whose header is ``first_line``, as dicts."""
    lines = SEEDS.read_text(encoding="utf-8").splitlines()
    start = lines.index(first_line)
    header = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True)))
    return rows


LISTED = _table("| indicator | kind | year | period | value | series | source | how obtained |")
SEGMENTS = _table("| segment | value | change on 2023 | 2023 value | source |")


def test_the_seed_tables_are_complete() -> None:
    # jobs: 3 observations + 1 target; exports: 4 current-series (2 annual, 2 half-year)
    # + 3 legacy observations + 1 target = 12 rows; 5 export segments.
    assert len(LISTED) == 12
    assert len(SEGMENTS) == 5


@pytest.mark.parametrize("row", LISTED, ids=lambda r: f"{r['indicator']}-{r['kind']}-{r['year']}")
def test_listed_figure_is_in_the_builtin_module(row: dict[str, str]) -> None:
    indicator = builtin.INDICATORS[row["indicator"]]
    if row["kind"] == "target":
        record: records.Observation | records.Target = indicator.target
        assert record.year == int(row["year"])
    else:
        found = [
            o
            for o in indicator.observations
            if (o.year, o.series, o.period) == (int(row["year"]), row["series"], row["period"])
        ]
        assert len(found) == 1, f"{row} is not in core/builtin.py"
        record = found[0]
        assert row["how obtained"].startswith("derived") == record.note.startswith("derived"), (
            "a derived figure must say how it was derived, and only a derived one"
        )
    assert record.value == int(row["value"])
    assert record.series == row["series"]
    assert record.source == row["source"]


def test_every_builtin_figure_is_listed() -> None:
    listed = {(r["indicator"], r["kind"], int(r["year"]), r["period"], r["series"]) for r in LISTED}
    in_code = set()
    for ind in builtin.INDICATORS.values():
        in_code |= {(ind.id, "observation", o.year, o.period, o.series) for o in ind.observations}
        in_code.add((ind.id, "target", ind.target.year, "year", ind.target.series))
    assert in_code == listed


def test_segments_match_the_listed_ones() -> None:
    in_code = {s.id: s for s in builtin.SEGMENTS}
    assert list(in_code) == [row["segment"] for row in SEGMENTS]
    for row in SEGMENTS:
        seg = in_code[row["segment"]]
        assert seg.value == int(row["value"])
        assert seg.change == (float(row["change on 2023"]) if row["change on 2023"] else None)
        assert seg.prior == (int(row["2023 value"]) if row["2023 value"] else None)
        assert seg.source == row["source"]


def test_every_cited_source_exists_with_publisher_title_date_and_url() -> None:
    for ind in builtin.INDICATORS.values():
        cited = [o.source for o in ind.observations] + [ind.target.source]
        for sid in cited + [s.source for s in builtin.SEGMENTS]:
            src = builtin.SOURCES[sid]
            assert src.publisher and src.title and src.date
            assert src.url.startswith("https://")
            assert f"`{sid}`" in SEEDS.read_text(encoding="utf-8")


def test_the_seed_figures_themselves() -> None:
    # The seed article's own numbers; 2022 = 148,500 - 18,500 net creations = 130,000.
    jobs, exports = builtin.INDICATORS["jobs"], builtin.INDICATORS["exports"]
    b = jobs.baseline()
    assert (b.year, b.value, b.series, b.source, b.note, b.period) == (
        2024,
        148_500,
        "offshoring-employment",
        "nap-2026",
        "",
        "year",
    )
    assert jobs.observation(2022) is not None
    assert jobs.observation(2022).value == 148_500 - 18_500  # type: ignore[union-attr]
    assert (jobs.target.year, jobs.target.value) == (2030, 270_000)
    assert (exports.baseline().year, exports.baseline().value) == (2024, 26_220_000_000)
    assert (exports.target.year, exports.target.value) == (2030, 40_000_000_000)
