"""The French grammar on a count typed without a known unit (``--increment``, read before the
metric is known): only valid readings are suggested, the unit word stays as typed, and no
decimal-comma reason is given when there is no comma (issue 13, second fresh user). Python API;
the installed command is in tests/test_usability_s5_languages.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from offshoring_cli import i18n
from offshoring_cli.cli.params import _per_year
from offshoring_cli.core.grammar_fr import parse_french_quantity
from offshoring_cli.reports.provenance import LatestPeriod, source_lines


@pytest.fixture
def french() -> Iterator[None]:
    i18n.choose("fr")
    try:
        yield
    finally:
        i18n.choose("en")


def test_a_dotted_count_takes_its_only_whole_reading(french: None) -> None:
    # 20.250 emplois: 20.25 is no whole number of jobs, so it can only be 20,250 jobs
    found = parse_french_quantity("20.250 emplois", "", whole=False, signed=True)
    assert (found.value, found.unit) == (20_250, "jobs")


def test_both_readings_valid_are_suggested_with_the_word_typed(french: None) -> None:
    with pytest.raises(ValueError) as raised:
        parse_french_quantity("270.000 emplois", "", whole=False, signed=True)
    with i18n.human():
        text = i18n.say(raised.value.args[0])
    assert "écrivez 270 000 emplois (ou 270000 emplois) pour le premier, 270 emplois" in text


def test_no_comma_no_decimal_comma_reason(french: None) -> None:
    with pytest.raises(ValueError) as raised:
        parse_french_quantity("1e-6", "jobs", whole=True, signed=True)
    with i18n.human():
        text = i18n.say(raised.value.args[0])
    assert text.startswith("'1e-6' n'est pas un nombre entier, et les emplois se comptent")
    assert "virgule" not in text


@pytest.mark.parametrize(
    ("typed", "left"),
    [
        ("20 250 emplois par an", "20 250 emplois"),
        ("20,250 jobs a year", "20,250 jobs"),
        ("15k per year", "15k"),
        ("20.250 منصب شغل سنويًا", "20.250 منصب شغل"),
        ("par an", "par an"),  # nothing before it: left for the grammar to refuse
        ("20250", "20250"),
    ],
)
def test_a_trailing_per_year_is_dropped(typed: str, left: str) -> None:
    assert _per_year(typed) == left


def test_half_year_and_override_source_in_english_and_french(french: None) -> None:
    from types import SimpleNamespace

    from offshoring_cli.core.records import Source

    report = SimpleNamespace(
        sources={"override": Source("user input", "command-line override", "", "")}
    )

    with i18n.human():
        assert str(LatestPeriod("2025-H1")) == "S1 2025"
        assert str(LatestPeriod("2024")) == "2024"
        assert source_lines(report) == [  # type: ignore[arg-type]
            "[override] saisie de l'utilisateur, « valeur donnée en ligne de commande »"
        ]
    i18n.choose("en")
    assert str(LatestPeriod("2025-H1")) == "2025-H1"
    assert source_lines(report) == ['[override] user input, "command-line override"']  # type: ignore[arg-type]
