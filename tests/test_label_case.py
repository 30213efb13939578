"""A label inside a sentence keeps an acronym's case (session 4 finding 7): "CO2 emissions
reach", "ITO exports reach", never "cO2" or "iTO"; a label whose second letter is lower case
still starts in lower case mid-sentence ("offshoring jobs reach"), in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
from emissions import em_path, plain
from helpers import invoke_cli

from offshoring_cli.reports.headline import mid_sentence


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("CO2 emissions", "CO2 emissions"),
        ("ITO exports", "ITO exports"),
        ("Offshoring jobs", "offshoring jobs"),
        ("Hires", "hires"),
        ("X", "x"),
        ("", ""),
    ],
)
def test_mid_sentence(label: str, expected: str) -> None:
    assert mid_sentence(label) == expected


@pytest.mark.parametrize(
    ("label", "language", "expected"),
    [
        ("CO2 emissions", "en", "At the 2020\u20132024 pace, CO2 emissions reach about 57.2 t"),
        ("ITO exports", "en", "At the 2020\u20132024 pace, ITO exports reach about 57.2 t"),
        ("CO2 emissions", "fr", "Au rythme de 2020\u20132024, les CO2 emissions atteignent"),
        ("Emissions", "en", "At the 2020\u20132024 pace, emissions reach about 57.2 t"),
    ],
)
def test_the_brief_keeps_an_acronym(
    tmp_path: Path, label: str, language: str, expected: str
) -> None:
    path = em_path(tmp_path, label=label)
    out = tmp_path / "brief.md"
    done = invoke_cli("--lang", language, "--scenario", str(path), "report", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    brief = plain(out.read_text(encoding="utf-8"))
    assert expected in brief
    assert "cO2" not in brief and "iTO" not in brief


def test_a_second_label_in_the_title_keeps_its_acronym(tmp_path: Path) -> None:
    path = em_path(tmp_path)
    text = path.read_text(encoding="utf-8")
    second = text[text.index("[[indicators]]") :].replace('"co2"', '"ito"')
    second = second.replace('"CO2 emissions"', '"ITO exports"').replace("decrease", "increase")
    second = second.replace("value = 50,", "value = 150,")
    path.write_text(text + "\n" + second, encoding="utf-8")
    out = tmp_path / "brief.md"
    done = invoke_cli("--scenario", str(path), "report", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    first_line = out.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# CO2 emissions and ITO exports: how far from the 2030 targets"
