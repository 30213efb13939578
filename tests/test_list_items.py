"""Lists (--changes, --years): an empty item is refused, not dropped; under --lang fr a
decimal comma in a list gets the hint to type the dot (findings, item 12)."""

from __future__ import annotations

import pytest
from helpers import invoke_cli


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # before: exit 0, the empty item silently dropped (while "," alone was refused)
        (
            ("sensitivity", "--changes", "10%,,20%"),
            "'10%,,20%': an item of the list is empty (two commas in a row, or one at an end)",
        ),
        (("sensitivity", "--changes", "10%,"), "'10%,': an item of the list is empty"),
        (("sensitivity", "--years", "2030,,2031"), "'2030,,2031': an item of the list is empty"),
        (("sensitivity", "--changes", ","), "',' is empty; give rates such as -10%,0,10%."),
    ],
)
def test_an_empty_item_is_refused(args: tuple[str, ...], expected: str) -> None:
    result = invoke_cli(*args)
    assert result.exit_code == 2
    assert expected in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # before (English, about '10'): "a bare number is a fraction ...; for 10 percent type 10%"
        (
            "10,5%",
            "'10,5%' : dans une liste, la virgule sépare les éléments, les décimales y "
            "prennent donc le point : tapez 10.5%.",
        ),
        ("-5%,10,5%", "tapez -5%,10.5%."),
        ("10%,,20%", "'10%,,20%' : un élément de la liste est vide"),
        ("8%,1O%", "'1O%' n'est pas un taux"),
    ],
)
def test_french_list_errors_are_french(changes: str, expected: str) -> None:
    result = invoke_cli("--lang", "fr", "sensitivity", "--changes", changes)
    assert result.exit_code == 2
    assert expected in " ".join(result.output.split())


def test_the_suggestion_is_valid_input() -> None:
    result = invoke_cli(
        "sensitivity", "-m", "jobs", "--years", "2030", "--changes", "10.5%", "--json"
    )
    assert result.exit_code == 0
    assert "required_cagr_target_plus_10_5pct" in result.output
