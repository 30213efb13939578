"""Insights a dataset declares: the facts particular to its data, as data.

Generic code (:mod:`offshoring_cli.reports.insights`) computes each declared insight for any
dataset; no code names a particular indicator or series. Two kinds are declared (in a scenario
file as ``[[insights]]`` tables, in the built-in dataset in
:mod:`~offshoring_cli.core.builtin`):

- :class:`Ratio` (``kind = "ratio"``): one indicator per unit of another, now and as implied by
  the two targets (exports per job);
- :class:`Claim` (``kind = "claim"``): a figure a source states about an indicator, checked
  against the computed one (a target described as "a doubling" that is 1.53x the baseline).

Two more are computed for every indicator without being declared: how the indicator's other
series compare with its target's series (in the years both cover), and the half-year momentum of
an indicator with half-year figures in its target's series.
"""

from __future__ import annotations

CLAIMS = ("target_multiple",)
"""What a :class:`Claim` may state: ``target_multiple``, the target as a multiple of the
baseline (2.0 for "a doubling")."""


def singular(unit: str) -> str:
    """A counting unit in the singular, for "per job": ``jobs`` -> ``job``, ``people`` ->
    ``person``; a unit not ending in a plain ``s`` (``MAD``, ``GWh``, ``glass``) unchanged."""
    irregular = {"people": "person", "persons": "person"}
    if unit.lower() in irregular:
        return irregular[unit.lower()]
    if unit.endswith("s") and not unit.endswith("ss") and len(unit) > 1:
        return unit[:-1]
    return unit


class _Spec:
    """Plain immutable record: equality and ``repr`` from its slots."""

    __slots__: tuple[str, ...] = ()
    kind = ""

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)


class Ratio(_Spec):
    """Declared: ``numerator`` per unit of ``denominator`` (two indicator ids), now and as
    implied by their targets, where both share their base and target years.

    ``id`` is the insight's id in JSON (default ``{numerator}_per_{denominator}``); ``label``
    opens its sentence (default ``"{Numerator} per {denominator unit, singular}"``). The unit of
    the ratio is derived from the two units: ``{numerator unit} per {denominator unit in the
    singular}`` (``MAD per job``).
    """

    __slots__ = ("denominator", "id", "label", "numerator")
    kind = "ratio"
    numerator: str
    denominator: str
    id: str
    label: str

    def __init__(self, numerator: str, denominator: str, id: str = "", label: str = "") -> None:
        self._set(
            numerator=numerator,
            denominator=denominator,
            id=id or f"{numerator}_per_{denominator}",
            label=label,
        )


class Claim(_Spec):
    """Declared: a source states ``claim`` (one of :data:`CLAIMS`) of indicator ``indicator``
    to be ``value``, in the words ``wording`` (``"doubling"``; empty: ``"{value}x"``).

    ``source`` is the id of the source that states it (a key of the dataset's sources). A
    claim is about the indicator's own target: a target given on the command line is not
    checked against it.
    """

    __slots__ = ("claim", "indicator", "source", "value", "wording")
    kind = "claim"
    indicator: str
    claim: str
    value: float
    wording: str
    source: str

    def __init__(
        self, indicator: str, claim: str, value: float, wording: str = "", source: str = ""
    ) -> None:
        self._set(indicator=indicator, claim=claim, value=value, wording=wording, source=source)


InsightSpec = Ratio | Claim
"""Any declared insight."""
