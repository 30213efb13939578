"""The workbook drawn as an ``.xlsx`` file with XlsxWriter (imported here only).

Sheets: *Inputs* (the observations and targets, editable), *Gap*, *Growth*, *Status* and
*Trajectory* (spreadsheet formulas on Inputs, :mod:`~offshoring_cli.render.workbook_formulas`,
each with the tool's own figure as its cached result, so that a viewer that does not
recalculate shows the right numbers), *Sources* (with links) and *Methods* (each formula in
words). Counts and amounts as ``#,##0``, rates as ``0.00%``, ratios as ``0.0000``; header rows
frozen; every text written as text, never as a formula (a label starting with ``=`` stays a
label). The same content gives the same bytes: no timestamp (the document's creation date is
the date of the dataset's latest source).
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING, Any

from offshoring_cli.core.fields import (
    INT,
    MULTIPLE,
    RATE,
    RATIO,
    TEXT,
    VALUE,
    VALUE_PER_YEAR,
    YEAR,
    YEARS,
    fields_of,
)
from offshoring_cli.i18n import _, say
from offshoring_cli.render.workbook_formulas import (
    BAND_COLUMNS,
    INPUT_COLUMNS,
    NEXT_TARGET_YEAR,
    SPARE_ROWS,
    TEMPLATES,
    formula,
    in_words,
)
from offshoring_cli.reports import workbook as content

if TYPE_CHECKING:
    from offshoring_cli.reports import Report

INSTALL_HINT = "pip install 'XlsxWriter>=3.0' (a dependency of offshoring-cli)"

NUMBER_FORMATS = {
    VALUE: "#,##0",
    VALUE_PER_YEAR: "#,##0",
    RATE: "0.00%",
    MULTIPLE: "0.0000",
    RATIO: "0.0000",
    YEAR: "0",
    YEARS: "0",
    INT: "0",
}
"""The number format of each kind of field (text and booleans as they are)."""

METHODS_WIDTH = 100
"""Width of the Methods sheet's words, in characters."""

MAX_URL = 2079
"""The longest link a cell may hold (Excel's limit); a longer URL is written as text."""


def _letter(index: int) -> str:
    """The column letter of a 0-based index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _ref(sheet: str, column: int, row: int) -> str:
    """An absolute reference to a cell of ``sheet`` (0-based column and row)."""
    return f"'{sheet}'!${_letter(column)}${row + 1}"


def _sheet(role: str) -> str:
    """The name of the sheet of ``role`` in the active language (the formulas' references use
    the same name)."""
    return _(content.SHEETS[role])


def _text(key: str) -> str:
    """A word or help line of the workbook (:data:`~offshoring_cli.reports.workbook.TEXT`) in
    the active language."""
    return _(content.TEXT[key])


def _created(date: str) -> datetime:
    """The document's creation date: the dataset's latest source date, else 2000-01-01."""
    year, month, day = [*(int(p) for p in date.split("-")), 1, 1][:3] if date else (2000, 1, 1)
    return datetime(year, month, day)


def to_xlsx(book: content.Workbook) -> bytes:
    """The workbook as the bytes of an ``.xlsx`` file, its words (sheet names, headers, the
    Inputs kinds the formulas match, the Methods sheet) in the active language
    (:func:`offshoring_cli.i18n.human`; English outside it), the status bands too: their
    formulas give the band names in that language (and cache them so).

    Raises:
        ModuleNotFoundError: XlsxWriter is not installed (the command checks first).
    """
    import xlsxwriter  # type: ignore[import-untyped,unused-ignore]

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "use_future_functions": True,  # MAXIFS, MINIFS: _xlfn. for Excel
        },
    )
    provenance = book.gap.provenance
    workbook.set_properties(
        {
            "title": say(book.gap.title),
            "comments": say(book.provenance),
            "author": provenance["tool"],
            "created": _created(provenance["latest_source_date"]),
        }
    )
    styles = _Styles(workbook)
    inputs = _inputs_sheet(workbook, styles, book)
    refs: dict[str, dict[str, dict[str, str]]] = {}
    for role, report in book.reports().items():
        _computing_sheet(workbook, styles, book, role, report, inputs, refs)
    _sources_sheet(workbook, styles, book)
    _methods_sheet(workbook, styles, book)
    workbook.close()
    return buffer.getvalue()


class _Styles:
    """The cell formats, made once per workbook."""

    def __init__(self, workbook: Any) -> None:
        self.header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.note = workbook.add_format({"italic": True, "font_color": "#555555"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.link = workbook.add_format({"font_color": "blue", "underline": 1})
        self.kinds = {
            kind: workbook.add_format({"num_format": f}) for kind, f in NUMBER_FORMATS.items()
        }

    def of(self, kind: str) -> Any:
        return self.kinds.get(kind)


def _headers(sheet: Any, styles: _Styles, labels: list[str], widths: list[int]) -> None:
    for column, (label, width) in enumerate(zip(labels, widths, strict=True)):
        sheet.write_string(0, column, label, styles.header)
        sheet.set_column(column, column, width)
    sheet.set_row(0, 30)


def _inputs_sheet(workbook: Any, styles: _Styles, book: content.Workbook) -> dict[str, str]:
    """The Inputs sheet; returns the ranges and kinds the formulas read (``IND``, ``OBS``...)."""
    name = _sheet("inputs")
    sheet = workbook.add_worksheet(name)
    last = len(book.inputs) + SPARE_ROWS  # 0-based index of the last row read
    _headers(
        sheet,
        styles,
        [_text(key) for key in INPUT_COLUMNS],
        [12, 12, 8, 18, 24, 8, 20, 60],
    )
    value_format = styles.of(VALUE)
    for i, row in enumerate(book.inputs, start=1):
        sheet.write_string(i, 0, row.indicator)
        sheet.write_string(i, 1, _(row.kind))
        sheet.write_number(i, 2, row.year)
        sheet.write_number(i, 3, row.value, value_format)
        sheet.write_string(i, 4, row.series)
        sheet.write_string(i, 5, row.period)
        sheet.write_string(i, 6, row.source)
        if row.note:
            sheet.write_string(i, 7, row.note)
    sheet.set_column(2, 2, 8, styles.of(YEAR))
    sheet.set_column(3, 3, 18, value_format)  # rows added later are formatted too
    _page(sheet)
    sheet.write_string(
        0, len(INPUT_COLUMNS) + 1, _text("inputs_help").format(last=last + 1), styles.note
    )
    sheet.freeze_panes(1, 0)
    ranges = {
        short: f"'{name}'!${_letter(i)}$2:${_letter(i)}${last + 1}"
        for i, short in enumerate(("IND", "KIND", "YEAR", "VALUE", "SERIES", "PERIOD"))
    }
    ranges["OBS"] = '"' + _text("observation").replace('"', '""') + '"'
    ranges["TARGET"] = '"' + _text("target").replace('"', '""') + '"'
    return ranges


def _label(report: Report[Any], key: str) -> str:
    field = next((f for f in fields_of(report.row_type) if f.key == key), None)
    return _text(key) if field is None else say(field.label)


def _kind(report: Report[Any], key: str) -> str:
    field = next((f for f in fields_of(report.row_type) if f.key == key), None)
    return TEXT if field is None else field.kind


def _cached(value: Any) -> Any:
    """A formula's cached result: the tool's value (``""`` for a value it does not give)."""
    return "" if value is None else value


def _computing_sheet(
    workbook: Any,
    styles: _Styles,
    book: content.Workbook,
    role: str,
    report: Report[Any],
    inputs: dict[str, str],
    refs: dict[str, dict[str, dict[str, str]]],
) -> None:
    """One sheet of formulas: a row per record of ``report``, a column per template."""
    name = _sheet(role)
    sheet = workbook.add_worksheet(name)
    keys = list(TEMPLATES[role])
    labels = [_label(report, key) for key in keys]
    widths = [max(12, min(len(label) + 2, 24)) for label in labels]
    refs[role] = {}
    records = report.records()
    above = _next_later_target(records) if role == "status" else {}
    for i, record in enumerate(records, start=1):
        metric = str(record["metric"])
        # a status row is a reading, on its target's series; the other sheets follow the
        # indicator's main series (its final target's)
        series = str(record["series"]) if role == "status" else book.main_series[metric]
        record = {**record, "series": series}
        row = {key: f"${_letter(c)}${i + 1}" for c, key in enumerate(keys)}
        if i in above:  # the row of the next later target of the same series
            row["previous_target_year"] = f"${_letter(keys.index('target_year'))}${above[i] + 1}"
        refs[role].setdefault(metric, {key: _ref(name, c, i) for c, key in enumerate(keys)})
        other = {
            sheet_role: cells[metric] for sheet_role, cells in refs.items() if sheet_role != role
        }
        for c, key in enumerate(keys):
            template = TEMPLATES[role][key]
            if key == "target_year" and i in above:
                template = NEXT_TARGET_YEAR  # an earlier target of the same series
            kind = _kind(report, key)
            value = record.get(key)
            if key == "label" and isinstance(value, str):  # the dataset's name, in the language
                value = _(value)
            widths[c] = max(widths[c], min(_width(value, kind), 40))
            if template is None:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(i, c, value, styles.of(kind))
                else:
                    sheet.write_string(i, c, "" if value is None else str(value))
                continue
            text = formula(template, row, other, inputs, book.increase[metric])
            if role == "status" and key in BAND_COLUMNS:  # band names in the language
                text = in_words(text, BAND_COLUMNS[key], _)
                value = _(value) if isinstance(value, str) else value
            sheet.write_formula(i, c, text, styles.of(kind), _cached(value))
    _headers(sheet, styles, labels, widths)
    _page(sheet)
    sheet.freeze_panes(1, 1)


def _next_later_target(records: list[dict[str, Any]]) -> dict[int, int]:
    """For each status row (1-based, as on the sheet) whose series has a later target among
    the rows, the row of the next later one: its target year is the next earlier target year
    of the series before that one's, whatever the order of the rows."""
    above: dict[int, int] = {}
    for i, record in enumerate(records, start=1):
        later = [
            (int(other["target_year"]), j)
            for j, other in enumerate(records, start=1)
            if (other["metric"], other["series"]) == (record["metric"], record["series"])
            and other["target_year"] is not None
            and record["target_year"] is not None
            and other["target_year"] > record["target_year"]
        ]
        if later:
            above[i] = min(later)[1]
    return above


def _width(value: Any, kind: str) -> int:
    """About how many characters ``value`` takes in its format, with a margin."""
    if isinstance(value, bool) or value is None:
        return 8
    if isinstance(value, int | float) and kind in (VALUE, VALUE_PER_YEAR):
        return len(f"{value:,.0f}") + 3
    return len(str(value)) + 2 if kind == TEXT else 10


def _page(sheet: Any) -> None:
    """Printed on landscape pages, one page wide."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)


def _sources_sheet(workbook: Any, styles: _Styles, book: content.Workbook) -> None:
    sheet = workbook.add_worksheet(_sheet("sources"))
    keys = ("source_id", "publisher", "title", "date", "url")
    _headers(sheet, styles, [_text(k) for k in keys], [18, 36, 60, 12, 60])
    i = 0
    for i, (source_id, source) in enumerate(book.sources.items(), start=1):
        for c, text in enumerate((source_id, source.publisher, source.title, source.date)):
            sheet.write_string(i, c, text)
        if source.url and len(source.url) <= MAX_URL:
            sheet.write_url(i, 4, source.url, styles.link, source.url)
        else:
            sheet.write_string(i, 4, source.url)
    sheet.write_string(i + 2, 0, say(book.provenance), styles.note)
    _page(sheet)
    sheet.freeze_panes(1, 0)


def _methods_sheet(workbook: Any, styles: _Styles, book: content.Workbook) -> None:
    from offshoring_cli.core.methods import (
        GROWTH_RATIO_BANDS,
        GROWTH_RATIO_BELOW,
        PROGRESS_BANDS,
        PROGRESS_BELOW,
        band_rules,
    )

    sheet = workbook.add_worksheet(_sheet("methods"))
    _headers(
        sheet,
        styles,
        [_text(k) for k in ("sheet", "column", "in_words")],
        [14, 36, METHODS_WIDTH],
    )

    def rules(symbol: str, bands: tuple[tuple[float, str], ...], below: str) -> str:
        return band_rules(symbol, tuple((bound, _(name)) for bound, name in bands), _(below))

    bands = {
        "growth_ratio_bands": rules("R", GROWTH_RATIO_BANDS, GROWTH_RATIO_BELOW),
        "progress_bands": rules("Q", PROGRESS_BANDS, PROGRESS_BELOW),
    }
    i = 0
    for role, report in book.reports().items():
        for key, words in content.WORDS[role].items():
            i += 1
            sheet.write_string(i, 0, _sheet(role), styles.wrap)
            sheet.write_string(i, 1, _label(report, key), styles.wrap)
            text = _(words).format(**bands)
            sheet.write_string(i, 2, text, styles.wrap)
            lines = -(-len(text) // (METHODS_WIDTH - 10))  # wrapped text: no viewer sizes rows
            if lines > 1:
                sheet.set_row(i, 15 * lines)
    sheet.write_string(i + 2, 0, _text("methods_help"), styles.note)
    sheet.write_string(i + 3, 0, say(book.provenance), styles.note)
    _page(sheet)
    sheet.freeze_panes(1, 0)
