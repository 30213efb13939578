"""The workbook's spreadsheet formulas, one template per computed column.

A template names the cells it reads by key, not by letter: ``{baseline}`` is the baseline cell
of the same row, ``{gap.baseline}`` the Gap sheet's baseline of the same metric, ``{VALUE}``
the Inputs sheet's column of values, ``{OBS}`` / ``{TARGET}`` the Inputs kinds (quoted),
``{ge}`` ``>=`` (``<=`` where a decrease is wanted). :func:`formula` fills a template in.

Only functions that Excel (2019 and later), LibreOffice Calc (5.2 and later) and the ``pycel``
formula engine all know: MAXIFS, MINIFS, COUNTIFS, IF, AND, LN, ROUNDUP and the ``^``
operator. The Inputs sheet's columns are read as fixed ranges with spare rows
(:data:`SPARE_ROWS`), so that a row added to the table is picked up by every formula.
"""

import re
from collections.abc import Callable, Mapping

from offshoring_cli.core.methods import (
    ACHIEVED,
    GROWTH_RATIO_BAND_NAMES,
    GROWTH_RATIO_BANDS,
    GROWTH_RATIO_BELOW,
    PROGRESS_BAND_NAMES,
    PROGRESS_BANDS,
    PROGRESS_BELOW,
)

SPARE_ROWS = 200
"""Empty rows below the Inputs table that the formulas read too: room for added rows."""

INPUT_COLUMNS = ("indicator", "kind", "year", "value", "series", "period", "source", "note")
"""The Inputs sheet's columns, in order (their headers are in ``reports.workbook.TEXT``)."""

_LOOKUP = '{IND},{metric},{KIND},{OBS},{SERIES},{series},{PERIOD},"year"'
"""The criteria of a whole-year observation of the row's metric in its series."""


def _bands(score: str, bands: tuple[tuple[float, str], ...], below: str) -> str:
    """Nested IFs giving the band of ``score`` (the thresholds of ``core.methods``)."""
    text = _quoted(below)
    for bound, name in reversed(bands):
        text = f"IF({score}>={bound!r},{_quoted(name)},{text})"
    return text


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_MET = "{latest}{ge}{target}"
_ASSESSED = '{since_year}<>""'
"""Whether a status row is assessed: the series has a whole-year observation before the latest."""

TEMPLATES: dict[str, dict[str, str | None]] = {
    "gap": {
        "metric": None,
        "label": None,
        "unit": None,
        "series": None,
        "base_year": "MAXIFS({YEAR}," + _LOOKUP + ")",
        "baseline": "MAXIFS({VALUE}," + _LOOKUP + ",{YEAR},{base_year})",
        "target_year": "MAXIFS({YEAR},{IND},{metric},{KIND},{TARGET},{SERIES},{series})",
        "target": "MAXIFS({VALUE},{IND},{metric},{KIND},{TARGET},{SERIES},{series},"
        "{YEAR},{target_year})",
        "periods": "{target_year}-{base_year}",
        "gap": "{target}-{baseline}",
        "gap_relative": "{gap}/{baseline}",
        "target_multiple": "{target}/{baseline}",
        "linear_increment_per_year": "{gap}/{periods}",
        "required_cagr": "({target}/{baseline})^(1/{periods})-1",
        "already_met": "{baseline}{ge}{target}",
    },
    "cagr": {
        "metric": None,
        "label": None,
        "unit": None,
        "series": None,
        "base_year": "{gap.base_year}",
        "baseline": "{gap.baseline}",
        "target_year": "{gap.target_year}",
        "target": "{gap.target}",
        "periods": "{gap.periods}",
        "required_cagr": "{gap.required_cagr}",
        "required_linear_pace_per_year": "{gap.linear_increment_per_year}",
        "actual_start_year": "IF(MINIFS({YEAR}," + _LOOKUP + ")<{base_year},"
        "MINIFS({YEAR}," + _LOOKUP + '),"")',
        "actual_start": 'IF({actual_start_year}="","",MAXIFS({VALUE},' + _LOOKUP + ","
        "{YEAR},{actual_start_year}))",
        "actual_periods": 'IF({actual_start_year}="","",{base_year}-{actual_start_year})',
        "actual_cagr": 'IF({actual_start_year}="","",'
        "({baseline}/{actual_start})^(1/{actual_periods})-1)",
        "actual_linear_pace_per_year": 'IF({actual_start_year}="","",'
        "({baseline}-{actual_start})/{actual_periods})",
        "actual_to_required_cagr": 'IF(OR({actual_start_year}="",{gap.already_met},'
        '{required_cagr}=0),"",{actual_cagr}/{required_cagr})',
    },
    "status": {
        "metric": None,
        "label": None,
        "unit": None,
        "series": None,
        "since_year": "IF(MINIFS({YEAR}," + _LOOKUP + ")<{latest_year},"
        "MINIFS({YEAR}," + _LOOKUP + '),"")',
        "since_value": f"IF({_ASSESSED},MAXIFS({{VALUE}}," + _LOOKUP + ',{YEAR},{since_year}),"")',
        "latest_year": "MAXIFS({YEAR}," + _LOOKUP + ")",
        "latest": "MAXIFS({VALUE}," + _LOOKUP + ",{YEAR},{latest_year})",
        "target_year": "MAXIFS({YEAR},{IND},{metric},{KIND},{TARGET},{SERIES},{series})",
        "target": "MAXIFS({VALUE},{IND},{metric},{KIND},{TARGET},{SERIES},{series},"
        "{YEAR},{target_year})",
        "actual_periods": f'IF({_ASSESSED},{{latest_year}}-{{since_year}},"")',
        "actual_cagr": f'IF({_ASSESSED},({{latest}}/{{since_value}})^(1/{{actual_periods}})-1,"")',
        "required_cagr_from_base": f"IF({_ASSESSED},"
        '({target}/{since_value})^(1/({target_year}-{since_year}))-1,"")',
        "required_cagr_from_latest": "({target}/{latest})^(1/({target_year}-{latest_year}))-1",
        "growth_ratio": f'IF(OR(NOT({_ASSESSED}),{_MET}),"",'
        "{actual_cagr}/{required_cagr_from_base})",
        "growth_ratio_band": f'IF(NOT({_ASSESSED}),"",IF({_MET},{_quoted(ACHIEVED)},'
        + _bands("{growth_ratio}", GROWTH_RATIO_BANDS, GROWTH_RATIO_BELOW)
        + "))",
        "projected_at_target_year": f"IF({_ASSESSED},"
        '{latest}*(1+{actual_cagr})^({target_year}-{latest_year}),"")',
        "shortfall_at_target_year": f'IF({_ASSESSED},{{shortfall}},"")',
        "progress_score": f'IF(OR(NOT({_ASSESSED}),{_MET}),"",'
        "({projected_at_target_year}-{since_value})/({target}-{since_value}))",
        "progress_band": f'IF(NOT({_ASSESSED}),"",IF({_MET},{_quoted(ACHIEVED)},'
        + _bands("{progress_score}", PROGRESS_BANDS, PROGRESS_BELOW)
        + "))",
        "target_reached_year": f'IF(NOT({_ASSESSED}),"",IF({_MET},{{latest_year}},'
        "IF({actual_cagr}{gt}0,{latest_year}+ROUNDUP(LN({target}/{latest})/"
        'LN(1+{actual_cagr}),0),"")))',
        "reading": None,
    },
    "trajectory": {
        "metric": None,
        "unit": None,
        "year": None,
        "observed": "IF(COUNTIFS({IND},{metric},{KIND},{OBS},{SERIES},{gap.series},{PERIOD},"
        '"year",{YEAR},{year})>0,MAXIFS({VALUE},{IND},{metric},{KIND},{OBS},{SERIES},'
        '{gap.series},{PERIOD},"year",{YEAR},{year}),"")',
        "compound_path": "IF({year}>={gap.base_year},{gap.baseline}*(1+{gap.required_cagr})"
        '^({year}-{gap.base_year}),"")',
        "linear_path": "IF({year}>={gap.base_year},{gap.baseline}+{gap.gap}*({year}-"
        '{gap.base_year})/{gap.periods},"")',
        "actual_pace_path": 'IF(AND({year}>={gap.base_year},{cagr.actual_cagr}<>""),'
        '{gap.baseline}*(1+{cagr.actual_cagr})^({year}-{gap.base_year}),"")',
    },
}
"""Each sheet's columns in order, by key (the reports' row keys, plus ``series``), with the
template of a computed column; ``None``: a value written as it is (text, or the year)."""

NEXT_TARGET_YEAR = (
    "MAXIFS({YEAR},{IND},{metric},{KIND},{TARGET},{SERIES},{series},"
    '{YEAR},"<"&{previous_target_year})'
)
"""The Status sheet's target year on a row whose series has a later target on another row
(``{previous_target_year}``, that row's target year): the next earlier target year of the
series (an interim target). The row of a series' latest target takes the series' latest
target year (``TEMPLATES["status"]["target_year"]``)."""

_PLACEHOLDER = re.compile(r"\{([A-Za-z_.]+)\}")
"""A cell a template names: ``{key}`` or ``{sheet.key}``."""

_DIRECTION = {
    True: {"ge": ">=", "gt": ">", "shortfall": "{target}-{projected_at_target_year}"},
    False: {"ge": "<=", "gt": "<", "shortfall": "{projected_at_target_year}-{target}"},
}


class _Cells(dict[str, str]):
    """The cell references a template may name (see the module)."""

    def __init__(
        self,
        row: Mapping[str, str],
        other: Mapping[str, Mapping[str, str]],
        fixed: Mapping[str, str],
    ) -> None:
        super().__init__(fixed)
        self.update(row)
        for sheet, cells in other.items():
            self.update({f"{sheet}.{key}": ref for key, ref in cells.items()})


BAND_COLUMNS = {"growth_ratio_band": GROWTH_RATIO_BAND_NAMES, "progress_band": PROGRESS_BAND_NAMES}
"""The status columns whose formulas give a band's name, and the names they can give."""


def in_words(text: str, names: tuple[str, ...], translate: Callable[[str], str]) -> str:
    """The band formula ``text`` giving each of ``names`` (English, quoted) as
    ``translate(name)`` instead: a workbook in French computes French band names.

    Example:
        >>> in_words('=IF(A1>=1,"on track","")', ("on track",), str.upper)
        '=IF(A1>=1,"ON TRACK","")'
    """
    for name in names:
        text = text.replace(_quoted(name), _quoted(translate(name)))
    return text


def formula(
    template: str,
    row: Mapping[str, str],
    other: Mapping[str, Mapping[str, str]],
    inputs: Mapping[str, str],
    increase: bool,
) -> str:
    """The formula (with its ``=``) of ``template`` for one row.

    Args:
        template: one of :data:`TEMPLATES`.
        row: this row's cell references by key (``$F$2``).
        other: by sheet role, the same metric's cell references on that sheet
            (``'Gap'!$F$2``).
        inputs: the Inputs columns (``IND``, ``KIND``, ``YEAR``...) as ranges, and ``OBS``,
            ``TARGET`` as quoted kinds.
        increase: whether an increase is wanted (``{ge}`` is ``>=``, else ``<=``).
    """
    direction = _DIRECTION[increase]
    text = template
    # the direction's parts may name cells themselves: put them in first
    for key in ("shortfall",):
        text = text.replace("{" + key + "}", direction[key])
    cells = _Cells(row, other, {**inputs, "ge": direction["ge"], "gt": direction["gt"]})
    return "=" + _PLACEHOLDER.sub(lambda m: cells[m[1]], text)
