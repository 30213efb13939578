"""The formulas' domain errors (:mod:`~offshoring_cli.core.formulas`,
:mod:`~offshoring_cli.core.results`) as translatable texts: imported only when one is raised.

Each function returns the :class:`~offshoring_cli.errors.DomainError` to raise; its string is
the English sentence (what ``str(error)`` and the Python API give, as before), and the command
line writes it in the language chosen (``--lang``), its numbers in that language's notation.
Values that are not numbers are quoted as Python writes them (``repr``), in every language.
"""

from __future__ import annotations

from typing import Any

from offshoring_cli import i18n
from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import N_, Num, Text

NAMES = (
    N_("baseline"),
    N_("target"),
    N_("value"),
    N_("start"),
    N_("end"),
    N_("increment"),
    N_("the base year"),
    N_("the target year"),
    N_("the start year"),
    N_("the end year"),
)
"""The names the formulas give their arguments in these sentences (translated with them)."""

GIVEN = "given"
""":data:`offshoring_cli.i18n.numbers.GIVEN` (a number as given, grouped), not imported:
the renderer is loaded only when the sentence is written in another language."""


class _Years:
    """``1 year``, ``6 years``, in the language active when written."""

    __slots__ = ("periods",)

    def __init__(self, periods: int) -> None:
        self.periods = periods

    def __str__(self) -> str:
        return i18n.ngettext("{n} year", "{n} years", self.periods).format(n=self.periods)


class _Percent:
    """A rate as a percentage with two decimals: ``-150.00%`` in English, the language's
    notation otherwise."""

    __slots__ = ("rate",)

    def __init__(self, rate: float) -> None:
        self.rate = rate

    def __str__(self) -> str:
        if i18n.active() == "en":
            return f"{self.rate:.2%}"
        return str(Num("rate", self.rate))


def not_a_number(name: str, value: Any) -> DomainError:
    return DomainError(
        Text("{name} must be a number, got {value}", name=Text(name), value=repr(value))
    )


def not_finite(name: str, value: Any) -> DomainError:
    return DomainError(
        Text("{name} must be a finite number, got {value}", name=Text(name), value=repr(value))
    )


def not_positive(name: str, value: Any) -> DomainError:
    return DomainError(
        Text("{name} must be greater than 0, got {value}", name=Text(name), value=repr(value))
    )


def not_a_year(name: str, year: Any) -> DomainError:
    return DomainError(
        Text("{name} must be a whole calendar year, got {year}", name=Text(name), year=repr(year))
    )


def periods_not_whole(periods: Any) -> DomainError:
    return DomainError(
        Text("periods must be a whole number of years, got {periods}", periods=repr(periods))
    )


def periods_below_one(periods: int) -> DomainError:
    return DomainError(Text("periods must be at least 1 year, got {periods}", periods=periods))


def periods_negative(periods: Any) -> DomainError:
    return DomainError(
        Text("periods must be a whole number of years >= 0, got {periods}", periods=repr(periods))
    )


def growth_too_large(start: Any, end: Any, periods: int) -> DomainError:
    return DomainError(
        Text(
            "growth from {start} to {end} in {years} is too large to represent",
            start=Num(GIVEN, start),
            end=Num(GIVEN, end),
            years=_Years(periods),
        )
    )


def decline_too_steep(start: Any, end: Any, periods: int) -> DomainError:
    return DomainError(
        Text(
            "the decline from {start} to {end} in {years} is too steep to represent as a growth "
            "rate",
            start=Num(GIVEN, start),
            end=Num(GIVEN, end),
            years=_Years(periods),
        )
    )


def overflows(value: Any, rate: float, periods: int) -> DomainError:
    return DomainError(
        Text(
            "{value} growing {rate} a year for {years} overflows",
            value=Num(GIVEN, value),
            rate=_Percent(rate),
            years=_Years(periods),
        )
    )


def per_year_too_large(total: Any, periods: int) -> DomainError:
    return DomainError(
        Text(
            "a change of {total} over {years} is too large to represent as a change a year",
            total=Num(GIVEN, total),
            years=_Years(periods),
        )
    )


def rate_not_finite(rate: Any) -> DomainError:
    return DomainError(Text("the growth rate must be a finite number, got {rate}", rate=repr(rate)))


def rate_too_low(rate: float) -> DomainError:
    return DomainError(
        Text("the growth rate must be greater than -100 %, got {rate}", rate=_Percent(rate))
    )


def ratio_too_large(target: Any, baseline: Any) -> DomainError:
    return DomainError(
        Text(
            "target / baseline ({target} / {baseline}) is too large to represent",
            target=repr(target),
            baseline=repr(baseline),
        )
    )


def target_year_not_after_base(target_year: int, base_year: int) -> DomainError:
    return DomainError(
        Text(
            "the target year ({target_year}) must be after the base year ({base_year})",
            target_year=target_year,
            base_year=base_year,
        )
    )


def end_year_not_after_start(end_year: int, start_year: int) -> DomainError:
    return DomainError(
        Text(
            "the end year ({end_year}) must be after the start year ({start_year})",
            end_year=end_year,
            start_year=start_year,
        )
    )


def latest_year_not_after_base(latest_year: int, base_year: int) -> DomainError:
    return DomainError(
        Text(
            "the latest year ({latest_year}) must be after the base year ({base_year})",
            latest_year=latest_year,
            base_year=base_year,
        )
    )


def target_year_not_after_latest(target_year: int, latest_year: int) -> DomainError:
    return DomainError(
        Text(
            "the target year ({target_year}) must be after the latest year ({latest_year})",
            target_year=target_year,
            latest_year=latest_year,
        )
    )
