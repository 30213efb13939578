"""The ``sources`` command: the dataset's sources as a table, BibTeX or CSL-JSON."""

from __future__ import annotations

import click

from offshoring_cli.cli.commands import command


@command(
    "sources",
    click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(("table", "bibtex", "csl-json"), case_sensitive=False),
        default="table",
        show_default=True,
        help="table for people; bibtex or csl-json for a reference manager (Zotero, JabRef, "
        "pandoc).",
    ),
)
def sources(fmt: str) -> None:
    """The dataset's sources: a table, or BibTeX or CSL-JSON for a reference manager.

    The built-in dataset's, or a scenario file's (--scenario). To cite the tool itself, see
    CITATION.cff in its repository.

    \b
    Examples:
      offshoring sources
      offshoring sources --format bibtex > sources.bib
      offshoring --scenario my.toml sources --format csl-json > sources.json
    """
    from offshoring_cli.cli.run import _dataset
    from offshoring_cli.reports import citations

    dataset = _dataset()
    fmt = fmt.lower()
    if fmt == "table":
        from offshoring_cli.render import emit

        emit(citations.sources_report(dataset), "table")
        return
    from offshoring_cli.render.terminal import write_out

    text = citations.bibtex(dataset) if fmt == "bibtex" else citations.csl_json(dataset)
    write_out(text, "utf-8")
