"""Open SDG's progress measure: the progress value, the -5...+5 score and its labels.

Re-implemented from Open SDG's own code, ``sdg/ProgressMeasure.py`` in the repository
open-sdg/sdg-build (commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67): ``growth_calculation``,
``SeriesProgress.methodology_1`` / ``methodology_2`` / ``is_target_achieved`` / ``get_score`` /
``get_progress_thresholds``, ``get_progress_status``, ``get_progress_status_from_score`` and
``IndicatorProgress.get_indicator_progress`` (the mean over several series). Methodology:
https://open-sdg.readthedocs.io/en/latest/progress-methodology/.

* With a target (Open SDG's "methodology 2"): progress value
  ``P = CAGR(base -> current) / |CAGR(base -> target)|`` (times -1 when a decrease is
  wanted); thresholds high 0.95, medium 0.6, low 0; score ``min(7.1429 P - 4.2857, 5)`` when
  ``P >= 0.6``, else ``max(4.1667 P - 2.5, -5)``.
* Without a target ("methodology 1"): ``P = CAGR(base -> current)`` (times -1 when a decrease
  is wanted); thresholds high 0.015, medium 0.005, low 0; score ``min(500 P - 5, 5)`` when
  ``P >= 0.015``, ``250 P - 1.25`` when ``P >= 0.005``, ``500 P - 2.5`` when ``P >= 0``, else
  ``max(125 P - 2.5, -5)`` (Open SDG's optional "limit" is not used: coefficient 1).
* Target achieved (the current value at or beyond the target in the wanted direction): score
  5 and label ``target_achieved``, whatever P is.
* Labels from P and the thresholds: ``substantial_progress`` (P >= high), ``moderate_progress``
  (medium <= P < high), ``limited_progress`` (low <= P < medium), ``deterioration`` (P < low).
* Several series of one indicator: the mean of their scores, labelled from the score
  (``substantial_progress`` 2.5...5, ``moderate_progress`` 0...2.5, ``limited_progress``
  -2.5...0, ``deterioration`` -5...-2.5); ``target_achieved`` only when every series has
  achieved its target.

Values here are > 0 and years in order (the callers check); Open SDG's own handling of zero
and negative values is not reproduced (see the README, "How this differs from Open SDG").
Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from offshoring_cli.core.formulas import cagr, reaches
from offshoring_cli.core.records import Number, Record
from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import N_

SOURCE = (
    "Open SDG progress measure (open-sdg/sdg-build, sdg/ProgressMeasure.py at commit "
    "139fede74ba534d2ed8b9eee4cd878b41f54cb67; "
    "https://open-sdg.readthedocs.io/en/latest/progress-methodology/)"
)

TARGET_ACHIEVED = N_("target achieved")
SUBSTANTIAL = N_("substantial progress")
MODERATE = N_("moderate progress")
LIMITED = N_("limited progress")
DETERIORATION = N_("deterioration")
LABELS = (TARGET_ACHIEVED, SUBSTANTIAL, MODERATE, LIMITED, DETERIORATION)
"""Open SDG's progress labels (its four progress labels and "target achieved"): its status
keys ``target_achieved``, ``substantial_progress``... with spaces for underscores."""

WITH_TARGET_THRESHOLDS = (0.95, 0.6, 0.0)
"""High, medium and low thresholds of the progress value when there is a target (a ratio)."""
NO_TARGET_THRESHOLDS = (0.015, 0.005, 0.0)
"""High, medium and low thresholds of the progress value without a target (a rate a year)."""

WITH_TARGET_METHOD = (
    "P = actual CAGR / |required CAGR from the same base year| (x -1 when a decrease is "
    "wanted); score = min(7.1429 P - 4.2857, 5) if P >= 0.6, else max(4.1667 P - 2.5, -5); "
    "5 when the target is achieved"
)
NO_TARGET_METHOD = (
    "P = actual CAGR (x -1 when a decrease is wanted); score = min(500 P - 5, 5) if "
    "P >= 0.015, 250 P - 1.25 if P >= 0.005, 500 P - 2.5 if P >= 0, else max(125 P - 2.5, -5)"
)
LABEL_METHOD = (
    "target achieved if the target is met; else substantial progress if P >= high, "
    "moderate progress if medium <= P < high, limited progress if low <= P < medium, "
    "deterioration if P < low (thresholds 0.95/0.6/0 with a target, 0.015/0.005/0 without)"
)
MEAN_METHOD = (
    "mean of the series' scores; substantial progress 2.5...5, moderate progress 0...2.5, "
    "limited progress -2.5...0, deterioration -5...-2.5; target achieved only when every "
    "series has achieved its target"
)


class Progress(Record):
    """One series' Open SDG progress: the progress value P, the score and its label."""

    __slots__ = ("progress_value", "score", "label", "target_achieved")  # noqa: RUF023 (the fields in order)
    progress_value: float | None
    """P: a ratio with a target, a rate a year without one; ``None`` for a target met that
    equals the base value (no growth required: Open SDG would divide by zero)."""
    score: float
    """-5...+5; 5 when the target is achieved."""
    label: str
    """One of :data:`LABELS`."""
    target_achieved: bool

    def __init__(
        self, progress_value: float | None, score: float, label: str, target_achieved: bool
    ) -> None:
        self.progress_value = progress_value
        self.score = score
        self.label = label
        self.target_achieved = target_achieved


def label(value: float, thresholds: tuple[float, float, float], achieved: bool = False) -> str:
    """Open SDG's ``get_progress_status``: the label of a progress value."""
    if achieved:
        return TARGET_ACHIEVED
    high, medium, low = thresholds
    if value >= high:
        return SUBSTANTIAL
    if value >= medium:
        return MODERATE
    if value >= low:
        return LIMITED
    return DETERIORATION


def with_target(
    base_year: int,
    base_value: Number,
    current_year: int,
    current: Number,
    target_year: int,
    target: Number,
    increase: bool = True,
) -> Progress:
    """Open SDG's progress towards a target (methodology 2), from one base observation.

    ``P = CAGR(base -> current) / |CAGR(base -> target)|``, times -1 when a decrease is wanted
    (Open SDG's ``direction``); the score and label as in the module docstring.

    Raises:
        DomainError: a value not finite and > 0, or ``current_year``/``target_year`` not
            after ``base_year`` (from :func:`formulas.cagr`); the required CAGR is 0 (target =
            base value) and the target is not met.

    Example:
        >>> p = with_target(2022, 130_000, 2024, 148_500, 2030, 270_000)  # jobs
        >>> round(p.progress_value, 4), round(p.score, 4), p.label
        (0.7191, 0.8504, 'moderate progress')
    """
    actual = cagr(base_value, current, current_year - base_year)
    required = cagr(base_value, target, target_year - base_year)
    achieved = reaches(current, target, increase)
    if achieved:  # Open SDG: 5 and "target_achieved", whatever P is
        value = None if required == 0 else (1 if increase else -1) * actual / abs(required)
        return Progress(value, 5.0, TARGET_ACHIEVED, True)
    if required == 0:
        raise DomainError("the target equals the base value: no growth is required")
    value = (1 if increase else -1) * actual / abs(required)
    if value >= WITH_TARGET_THRESHOLDS[1]:
        score = min(7.1429 * value - 4.2857, 5.0)
    else:
        score = max(4.1667 * value - 2.5, -5.0)
    return Progress(value, score, label(value, WITH_TARGET_THRESHOLDS), False)


def without_target(
    base_year: int, base_value: Number, current_year: int, current: Number, increase: bool = True
) -> Progress:
    """Open SDG's progress without a target (methodology 1): growth in the wanted direction.

    ``P = CAGR(base -> current)``, times -1 when a decrease is wanted; the score and label as
    in the module docstring.

    Raises:
        DomainError: a value not finite and > 0, or ``current_year`` not after ``base_year``.

    Example:
        >>> p = without_target(2023, 3_232_500_000, 2024, 3_462_000_000)  # +7.1 %
        >>> round(p.progress_value, 4), p.score, p.label
        (0.071, 5.0, 'substantial progress')
    """
    direction = 1 if increase else -1
    value = direction * cagr(base_value, current, current_year - base_year)
    return from_growth(value)


def from_growth(value: float) -> Progress:
    """The no-target score and label of a growth ``value`` already signed for the wanted
    direction (a fraction a year): :func:`without_target` once P is known."""
    high, medium, low = NO_TARGET_THRESHOLDS
    if value < low:
        score = max(125 * value - 2.5, -5.0)
    elif value >= high:
        score = min(500 * value - 5, 5.0)
    elif value >= medium:
        score = 250 * value - 1.25
    else:
        score = 500 * value - 2.5
    return Progress(value, score, label(value, NO_TARGET_THRESHOLDS), False)


def label_from_score(score: float, achieved: bool = False) -> str:
    """Open SDG's ``get_progress_status_from_score``: the label of a (mean) score."""
    if achieved:
        return TARGET_ACHIEVED
    if score >= 2.5:
        return SUBSTANTIAL
    if score >= 0:
        return MODERATE
    if score >= -2.5:
        return LIMITED
    return DETERIORATION


def mean(progress: Sequence[Progress]) -> tuple[float, str]:
    """Open SDG's indicator score: the mean of the series' scores and its label
    (``target_achieved`` only when every series has achieved its target).

    Raises:
        ValueError: ``progress`` is empty.
    """
    if not progress:
        raise ValueError("no series to average")
    score = sum(p.score for p in progress) / len(progress)
    return score, label_from_score(score, all(p.target_achieved for p in progress))
