"""Numbers off by exactly 1,000 (the commonest unit slip) and thousands grouped with dots.

Found by a new user: ``--jobs-target 270.000`` (the French press's "270.000 emplois", and what
the Arabic output writes for 270,000) was read as 270 jobs without a word; ``--exports-target
40M`` for 40 bn neither. A value 1,000 times off the built-in figure or more now gets the
warning, and under ``--lang fr``/``ar`` one dot before three digits is refused as ambiguous.
"""

from __future__ import annotations

import json

import pytest
from helpers import error_line, installed, invoke_cli

from offshoring_cli.core.grammar_fr import from_french, parse_french_quantity


@pytest.mark.parametrize(
    ("typed", "grouped", "decimal"),
    [("270.000", "270 000", "270"), ("148.500", "148 500", "148,5"), ("26.220", "26 220", "26,22")],
)
def test_one_dot_before_three_digits_is_ambiguous_in_french(
    typed: str, grouped: str, decimal: str
) -> None:
    with pytest.raises(ValueError, match=f"ambiguous: {grouped} or {decimal}\\?"):
        from_french(typed)
    with pytest.raises(ValueError, match="ambiguous"):
        parse_french_quantity(typed, "MAD")  # jobs: whole, so one reading only


def test_dots_that_can_only_group_are_read_as_thousands() -> None:
    # two dots cannot both be decimal points; a decimal comma after them settles it
    assert from_french("1.234.567") == "1234567"
    assert from_french("1.234,5M") == "1234.5M"
    assert parse_french_quantity("1.234,5M", "MAD").value == 1_234_500_000  # 1,234.5 million
    assert parse_french_quantity("148 500", "jobs", whole=True).value == 148_500
    # a dot before other than three digits stays a decimal point, as before
    assert parse_french_quantity("26.22bn", "MAD").value == 26_220_000_000


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_command_refuses_270_000_in_french_and_arabic(language: str) -> None:
    result = invoke_cli("--lang", language, "gap", "-m", "jobs", "--jobs-target", "270.000")
    assert result.exit_code == 2
    expected = {
        "fr": "'270.000' : ambigu : 270 000 ou 270 ?",
        "ar": "'270.000': ملتبس: 270 000 أم 270؟",
    }
    assert expected[language] in error_line(result.stderr)  # in the language chosen
    # the grouping the Arabic output itself writes as 270.000, typed with a space, is read
    done = invoke_cli("--lang", language, "gap", "-m", "jobs", "--jobs-target", "270 000", "--json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["target"] == 270_000


@pytest.mark.parametrize(
    ("option", "typed", "hint"),
    [
        # 270 / 270,000 = 0.001 exactly: 270k was meant
        ("--jobs-target", "270.000", "did you mean 270k?"),
        # 40e6 / 40e9 = 0.001 exactly: 40bn was meant
        ("--exports-target", "40M", "did you mean 40bn?"),
    ],
)
def test_a_value_exactly_1000_times_off_is_warned(option: str, typed: str, hint: str) -> None:
    metric = "jobs" if "jobs" in option else "exports"
    result = invoke_cli("gap", "-m", metric, option, typed, "--json")
    assert result.exit_code == 0  # a warning, not an error: the figure may be meant
    assert "at least 1,000 times smaller than the built-in figure" in result.stderr
    assert hint in result.stderr
    # 999 times off is left alone (270,000 / 999 = 270.27...)
    quiet = invoke_cli("gap", "-m", "jobs", "--jobs-target", "271", "--json")
    assert "1,000 times" not in quiet.stderr


@pytest.mark.slow
def test_the_installed_command_refuses_an_ambiguous_dot_in_arabic() -> None:
    # an amount (jobs are whole: 148.500 jobs can only be 148,500, read so)
    done, _ = installed("--lang", "ar", "gap", "-m", "exports", "--exports-baseline", "26.220")
    assert done.returncode == 2
    assert done.stdout == b""
    # in Arabic, as --lang ar asks: "ambiguous: 26 220 or 26,22?"
    assert "'26.220': ملتبس: 26 220 أم 26,22؟" in error_line(done.stderr.decode())


def test_the_ambiguity_hint_keeps_the_suffix() -> None:
    # Found by a new user: the hint for 26.220bn said "26 220" and "26,22", a billion times off
    with pytest.raises(ValueError, match=r"ambiguous: 26 220bn or 26,22bn\?") as raised:
        from_french("26.220bn")
    assert "write 26 220bn (or 26220bn) for the first, 26,22bn for the second" in str(raised.value)
