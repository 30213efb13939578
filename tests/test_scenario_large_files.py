"""Large scenario files (issue 11): the optional faster parser reads them as tomllib does, and
benchmarks/scale.py's files are valid and read alike with and without it."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

from offshoring_cli.scenario import ScenarioError, fast_toml, read, validate

sys.path.insert(0, str(ROOT / "benchmarks"))
import scale  # benchmarks/scale.py: the generator of the large files


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("a = {x = 1}\n", True),
        ("a = [{x = 1},\n  {y = 2}]\n", True),  # an array over lines, of one-line tables
        ('a = {x = "{"}\n', True),  # braces in strings and comments do not count
        ("a = 1 # {\n", True),
        ("a = {\n x = 1\n}\n", False),  # TOML 1.1: an inline table over several lines
        ("a = {x = 1,}\n", False),  # TOML 1.1: a trailing comma
        ('a = {x = "}"\n}\n', False),  # the } in the string does not close it
        ('a = "\\x41"\n', False),  # TOML 1.1 escapes
        ('a = "\\e"\n', False),
        ("a = {b = {c = 1}}\n", False),  # nested: left to tomllib (when in doubt, no)
        ('a = """\n{\n"""\n', False),  # multi-line strings: left to tomllib
    ],
)
def test_toml_1_1_syntax_is_never_handed_to_a_toml_1_1_parser(text: str, plain: bool) -> None:
    assert fast_toml._toml_1_0(text) is plain


def _large(text: str) -> str:
    """``text`` padded with comment lines to over FAST_FROM characters."""
    return text + ("# padding\n" * (read.FAST_FROM // 10 + 1))


def test_a_large_file_parses_alike_with_and_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = scale.generate(tmp_path, 100, csv=False)
    text = _large(path.read_text(encoding="utf-8"))
    assert len(text) > read.FAST_FROM
    pytest.importorskip("tomli")
    assert fast_toml.parse(text) == tomllib.loads(text)
    path.write_text(text, encoding="utf-8")
    with_extra = validate.load(path)
    monkeypatch.setitem(sys.modules, "tomli", None)  # as if not installed
    assert fast_toml.parse(text) is None
    assert validate.load(path) == with_extra
    assert len(with_extra.indicators) == 100
    ind = with_extra.indicators["ind_7"]
    # benchmarks/scale.py: 50 yearly values from 1975, (1,000 + 37 * 7) * 1.03 ** (year - 1975)
    assert [o.year for o in ind.observations] == list(range(1975, 2025))
    assert ind.observations[0].value == 1_259
    assert ind.observations[-1].value == round(1_259 * 1.03**49)


def test_toml_1_1_in_a_large_file_is_refused_as_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tomli")
    monkeypatch.setattr(fast_toml, "_reads_toml_1_1", lambda: True)  # a tomli of 2.3 or later
    text = _large((ROOT / "seeds" / "morocco-offshoring.toml").read_text(encoding="utf-8"))
    # The first source as a TOML 1.1 inline table: over several lines, a trailing comma.
    start = text.index("[sources.nap-2026]\n")
    end = text.index("\n\n", start)
    keys = text[start:end].splitlines()[1:]
    assert [key.split(" = ")[0] for key in keys] == ["publisher", "title", "date", "url"]
    one_line = "[sources]\nnap-2026 = {" + ", ".join(keys) + "}"
    assert tomllib.loads(text[:start] + one_line + text[end:]) == tomllib.loads(text)
    inline = "[sources]\nnap-2026 = {\n" + "".join(f"  {key},\n" for key in keys) + "}"
    text = text[:start] + inline + text[end:]
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    assert fast_toml.parse(text) is None
    with pytest.raises(ScenarioError) as raised:
        validate.load(path)
    assert raised.value.problems[0].startswith("TOML syntax error: ")


def test_the_csv_layout_of_the_scale_benchmark_gives_the_same_dataset(tmp_path: Path) -> None:
    (tmp_path / "toml").mkdir()
    (tmp_path / "csv").mkdir()
    inline = validate.load(scale.generate(tmp_path / "toml", 20, csv=False))
    from_csv = validate.load(scale.generate(tmp_path / "csv", 20, csv=True))
    assert from_csv.indicators == inline.indicators


def _values(data: Any) -> int:
    if isinstance(data, dict):
        return len(data) + sum(_values(v) for v in data.values())
    if isinstance(data, list):
        return len(data) + sum(_values(v) for v in data)
    return 0


def test_a_valid_file_of_over_10000_values_takes_the_fast_path(tmp_path: Path) -> None:
    path = scale.generate(tmp_path, 60, csv=False)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert _values(data) > validate.MAX_VALUES  # 60 x 50 observations x 5 values and more
    dataset, problems = validate.check(data)
    assert problems == [] and dataset is not None
    assert len(dataset.indicators) == 60


ODD_DOCUMENT: dict[Any, Any] = {
    "empty": [],
    "nothing": {},
    "mixed": [1, {"x": None, "y": True}],
    "keys": {1: 2, 2.5: "é", None: [()]},
    "text": '\u2028\x00"}',
    "nested": [[], [{}]],
    "zero": -0.0,
    "huge": 10**30,
    "rows": [{"a": "},\n{"}, {"b": "x}", "c": 1.5}],
    "one row": [{"a": 1}],
    "not rows": [{"a": {}}, {"b": 1}],
}


def test_json_documents_are_written_exactly_as_json_dumps_writes_them(tmp_path: Path) -> None:
    # render/json_document.py encodes rows with the C encoder (issue 11: a third of a second
    # for 56,000 trajectory rows otherwise); the text must not change by a byte.
    import json

    from offshoring_cli.core.builtin import BUILTIN
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.render import json_document
    from offshoring_cli.reports.gap import gap_report
    from offshoring_cli.reports.status import status_report
    from offshoring_cli.reports.trajectory import trajectory_report

    large = validate.load(scale.generate(tmp_path, 30, csv=False))
    for dataset in (BUILTIN, large):
        for report in (gap_report, status_report, trajectory_report):
            for explain in (False, True):
                document = report(Options(dataset=dataset)).to_document(explain)
                expected = json.dumps(document, indent=2, allow_nan=False)
                assert json_document._dumps(document, 0) == expected
    assert json_document._dumps(ODD_DOCUMENT, 0) == json.dumps(ODD_DOCUMENT, indent=2)
    for bad in ({"x": float("nan")}, [float("inf")], [{"a": float("nan")}]):
        with pytest.raises(ValueError, match="Out of range float values"):
            json_document._dumps(bad, 0)


def test_rows_encoded_in_batches_join_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from offshoring_cli.render import json_document

    monkeypatch.setattr(json_document, "_BATCH", 3)
    for count in range(1, 9):  # fewer rows than a batch, a batch exactly, several and a part
        rows = [{"a": i, "b": "x},\n{", "c": None} for i in range(count)]
        document = {"rows": rows, "nested": [rows]}
        assert json_document._dumps(document, 0) == json.dumps(document, indent=2)
