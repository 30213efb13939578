"""The built-in dataset is the documented one: every figure of ``seeds/README.md`` is in
``core/builtin.py`` and back, segments and sources included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
HALF_YEAR_SEGMENTS = _table("| segment | value | period | source |")


def test_the_seed_tables_are_complete() -> None:
    # jobs: 3 observations + 2 targets (2030, 2026); exports: 4 current-series (2 annual,
    # 2 half-year) + 3 legacy observations + 3 targets (2030 on each series, 2026 on the
    # legacy one) = 15 rows; 5 export segments.
    assert len(LISTED) == 15
    assert len(SEGMENTS) == 5


@pytest.mark.parametrize("row", LISTED, ids=lambda r: f"{r['indicator']}-{r['kind']}-{r['year']}")
def test_listed_figure_is_in_the_builtin_module(row: dict[str, str]) -> None:
    indicator = builtin.INDICATORS[row["indicator"]]
    if row["kind"] == "target":
        targets = [
            t for t in indicator.targets if (t.year, t.series) == (int(row["year"]), row["series"])
        ]
        assert len(targets) == 1, f"{row} is not in core/builtin.py"
        record: records.Observation | records.Target = targets[0]
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
        in_code |= {(ind.id, "target", t.year, "year", t.series) for t in ind.targets}
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
        cited = [o.source for o in ind.observations] + [t.source for t in ind.targets]
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


def test_the_published_targets_final_first() -> None:
    # DATA.md, "Added in December 2026": at the launch (September 2024) 17.9 bn (2023) -> 25 bn
    # (2026) -> 40 bn (2030) on the older series, 190,000 jobs by 2026; in January 2026 the same
    # 40 bn next to the current series' 26.22 bn.
    jobs, exports = builtin.INDICATORS["jobs"], builtin.INDICATORS["exports"]
    assert [(t.year, t.value, t.series) for t in jobs.targets] == [
        (2030, 270_000, "offshoring-employment"),
        (2026, 190_000, "offshoring-employment"),
    ]
    assert [(t.year, t.value, t.series) for t in exports.targets] == [
        (2030, 40_000_000_000, "digital-outsourcing"),
        (2030, 40_000_000_000, "offshoring-legacy"),
        (2026, 25_000_000_000, "offshoring-legacy"),
    ]
    assert jobs.targets[0] == jobs.target and exports.targets[0] == exports.target
    assert jobs.observation(2023) is not None
    assert jobs.observation(2023).value == 141_000  # type: ignore[union-attr]
    # The wording notes: the federation's "creation" vs total employment; "doubling".
    assert "creation of 270,000 jobs" in " ".join(jobs.target.notes)
    assert "2.23x" in " ".join(exports.target.notes)
    assert all(t.notes for t in (*jobs.targets, *exports.targets))


def test_the_first_half_2025_split_matches_the_listed_one() -> None:
    # DATA.md: H1 2025, ITO 5.25 bn, CRM 4.19 bn, ESO 2.58 bn MAD; BPO and KPO not published.
    (split,) = builtin.OTHER_SPLITS
    assert (split.indicator, split.year, split.period) == ("exports", 2025, "H1")
    assert [(s.id, s.value, s.source) for s in split.items] == [
        (row["segment"], int(row["value"]), row["source"]) for row in HALF_YEAR_SEGMENTS
    ]
    assert [row["period"] for row in HALF_YEAR_SEGMENTS] == ["H1 2025"] * 3
    assert "BPO and KPO" in split.note
    for seg in split.items:
        assert builtin.SOURCES[seg.source].url.startswith("https://")


# ---------------------------------------------------------------------------------------------
# The records' own behaviour (offshoring_cli.core.records), on a small indicator

_FINAL = records.Target(2030, 300, "main", "plan")
_ON_OTHER = records.Target(2030, 320, "other", "press")
_INTERIM = records.Target(2026, 200, "main", "plan", described_multiple=2.0, notes=("a doubling",))
_HISTORY = (
    records.Observation(2022, 100, "main", "s"),
    records.Observation(2023, 60, "main", "s", period="H1"),
    records.Observation(2023, 115, "other", "s"),
    records.Observation(2024, 130, "main", "s", note="derived"),
)


def _indicator(**changes: Any) -> records.Indicator:
    fields: dict[str, Any] = {
        "id": "hires",
        "label": "Hires",
        "unit": "people",
        "observations": _HISTORY,
        "target": _FINAL,
        "targets": (_FINAL, _ON_OTHER, _INTERIM),
    }
    return records.Indicator(**{**fields, **changes})


def test_an_indicator_wants_an_increase_and_its_target_unless_told() -> None:
    plain = records.Indicator("x", "X", "MAD", _HISTORY, _FINAL)
    assert plain.increase is True
    assert plain.targets == (_FINAL,)
    assert _INTERIM.described_multiple == 2.0 and _INTERIM.notes == ("a doubling",)
    assert records.SegmentSplit("x", 2024, "H1", ()).note == ""


def test_the_targets_of_an_indicator_by_year() -> None:
    ind = _indicator()
    assert ind.target_years() == (2030, 2026)  # each year once, latest first
    assert ind.targets_in(2030) == (_FINAL, _ON_OTHER)  # in the published order
    assert ind.targets_in(2026) == (_INTERIM,)
    assert ind.targets_in(2028) == ()
    assert ind.aims_at_final()


def test_an_indicator_aimed_at_another_target_keeps_the_published_ones() -> None:
    ind = _indicator()
    assert ind.aimed_at(_FINAL) is ind  # the same target: the indicator itself
    other = ind.aimed_at(_ON_OTHER)
    assert other.target == _ON_OTHER and other.targets == ind.targets
    assert not other.aims_at_final()
    # its series becomes the target's: the whole-year 115 of "other" only
    assert [o.value for o in other.annual()] == [115]


def test_replacing_the_target_replaces_the_final_published_one() -> None:
    ind = _indicator()
    new = records.Target(2030, 350, "main", "revised")
    replaced = ind.replace(target=new)
    assert replaced.target == new
    assert replaced.targets == (new, _ON_OTHER, _INTERIM)  # the others kept, in order
    assert ind.targets == (_FINAL, _ON_OTHER, _INTERIM)  # the original unchanged
    # targets given too: as given
    both = ind.replace(target=new, targets=(new,))
    assert both.targets == (new,)
    # other fields: as a record's replace
    assert ind.replace(label="Net hires").label == "Net hires"
    assert ind.replace(label="Net hires").targets == ind.targets
    with pytest.raises(TypeError):
        ind.replace(colour="red")


def test_a_series_is_its_whole_year_observations() -> None:
    ind = _indicator()
    # "main": 2022 and 2024 (the 2023 half-year left out); "other": 2023
    assert ind.series_of("main") == (_HISTORY[0], _HISTORY[3])
    assert ind.series_of("other") == (_HISTORY[2],)
    assert ind.series_of("none") == ()


def test_a_record_is_written_as_its_class_and_fields() -> None:
    observation = records.Observation(2024, 148_500, "main", "s")
    assert repr(observation) == (
        "Observation(year=2024, value=148500, series='main', source='s', note='', "
        "period='year', reported_change=None)"
    )
    assert repr(records.Source("p", "t", "2025-01", "u")) == (
        "Source(publisher='p', title='t', date='2025-01', url='u')"
    )


def test_a_dataset_has_no_translations_or_untargeted_indicators_unless_given() -> None:
    bare = records.Dataset("d", "", {}, {})
    assert bare.translations == {} and bare.untargeted == {}
    untargeted: dict[str, Any] = {"visits": object()}
    translations = {"fr": {"Hires": "Embauches"}}
    given = records.Dataset("d", "", {}, {}, translations=translations, untargeted=untargeted)
    assert given.untargeted is untargeted and given.translations is translations


def test_records_hash_by_their_fields() -> None:
    # equal fields, equal hashes (a set keeps one); a record holding a dict (a dataset's
    # indicators) is not hashable, as a tuple holding one is not
    a, b = records.Source("p", "t", "2025", "u"), records.Source("p", "t", "2025", "u")
    assert hash(a) == hash(b) == hash(("p", "t", "2025", "u"))
    assert len({a, b, records.Source("p", "t", "2026", "u")}) == 2
    with pytest.raises(TypeError):
        hash(records.Dataset("d", "", {}, {}))
