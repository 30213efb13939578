"""The dataset's sources for reference managers: a table, BibTeX or CSL-JSON (``offshoring
sources``). Pure: no I/O; the same dataset gives the same text.

BibTeX: one ``@misc`` entry per source, keyed by its source id, the publisher as a corporate
author (in braces, so that it is not split into names), the title in braces (its case kept),
``year``/``month``/``date`` from the source's ISO date, ``url``, and ``note`` naming the
dataset. Text is escaped for (La)TeX (``&``, ``%``, ``$``, ``#``, ``_``, ``{``, ``}``, ``~``,
``^``, ``\\``). CSL-JSON (the Citation Style Language's, as Zotero and pandoc read it): a list
of ``webpage`` items with ``id``, ``title``, ``author`` (``literal``: the publisher),
``publisher``, ``issued`` (``date-parts``) and ``URL``.
"""

import json

from offshoring_cli.core.fields import TEXT, Annotated, Field, TypedDict
from offshoring_cli.core.records import Dataset, Source
from offshoring_cli.i18n import Text
from offshoring_cli.reports import Report
from offshoring_cli.reports.provenance import provenance

FORMATS = ("table", "bibtex", "csl-json")
"""The formats of ``offshoring sources --format``."""


class SourceRow(TypedDict):
    """One source of the dataset."""

    id: Annotated[str, Field("Id", TEXT, description="Source id (a key of sources).")]
    publisher: Annotated[str, Field("Publisher", TEXT, description="Who published it.")]
    title: Annotated[str, Field("Title", TEXT, description="Title of the publication.")]
    date: Annotated[str, Field("Date", TEXT, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
    url: Annotated[str, Field("URL", TEXT, description="Where to read it.")]


def sources_report(dataset: Dataset) -> Report[SourceRow]:
    """The dataset's sources as a report (a row per source, in the dataset's order)."""
    rows = [
        SourceRow(id=key, publisher=s.publisher, title=s.title, date=s.date, url=s.url)
        for key, s in dataset.sources.items()
    ]
    return Report(
        "sources",
        Text("Sources of {dataset}", dataset=dataset.name),
        {"dataset": dataset.name},
        SourceRow,
        rows,
        notes=[Text("offshoring sources --format bibtex (or csl-json) for a reference manager.")],
        sources={},
        explanation=[],
        provenance=provenance(dataset),
        layout="rows",
    )


_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def tex(text: str) -> str:
    """``text`` with (La)TeX's special characters escaped."""
    return "".join(_TEX.get(c, c) for c in " ".join(text.split()))


def _date_parts(date: str) -> list[int]:
    return [int(part) for part in date.split("-")] if date else []


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex(dataset: Dataset) -> str:
    """One ``@misc`` entry per source of ``dataset``, keyed by source id (see the module)."""
    entries = []
    for key, source in dataset.sources.items():
        fields = [
            ("author", "{" + tex(source.publisher) + "}"),
            ("title", "{" + tex(source.title) + "}"),
        ]
        parts = _date_parts(source.date)
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[parts[1] - 1]))
        if source.date:
            fields.append(("date", source.date))
        if source.url:
            fields.append(("url", source.url.replace("%", r"\%").replace("#", r"\#")))
        fields.append(("note", tex(f"Cited by the dataset {dataset.name} of offshoring-cli")))
        body = ",\n".join(
            f"  {name} = {value if name in ('year', 'month') else '{' + value + '}'}"
            for name, value in fields
        )
        entries.append(f"@misc{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def _csl_item(key: str, source: Source) -> dict[str, object]:
    item: dict[str, object] = {
        "id": key,
        "type": "webpage",
        "title": source.title,
        "author": [{"literal": source.publisher}],
        "publisher": source.publisher,
    }
    parts = _date_parts(source.date)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if source.url:
        item["URL"] = source.url
    return item


def csl_json(dataset: Dataset) -> str:
    """The sources of ``dataset`` as a CSL-JSON list (see the module), one document."""
    items = [_csl_item(key, source) for key, source in dataset.sources.items()]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
