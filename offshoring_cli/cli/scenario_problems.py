"""A scenario file's problems on the command line, in the language chosen (``--lang``): the one
line of a file that cannot be read, ``scenario validate``'s list (also ``scenario diff``'s), and
its line for a valid file.

Key paths stay as written in the file; the ``Error:`` prefix is written as Click writes it in
the language (``Erreur :``, see ``docs/translating.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import click

from offshoring_cli import i18n
from offshoring_cli.scenario import STDIN, ScenarioError, shown

if TYPE_CHECKING:
    from offshoring_cli.core.records import Dataset


def unreadable(error: ScenarioError, role: str = "") -> click.UsageError:
    """The usage error for a file that cannot be read at all (``role``: OLD or NEW, as typed
    on the command line, for ``scenario diff``)."""
    from offshoring_cli.cli.errors import cli_text

    template = error.template
    if (
        role
        and isinstance(template, i18n.Text)
        and template.template == "scenario {path}: {problem}"
    ):
        template = i18n.Text("{role} scenario {path}: {problem}", role=role, **template.args)
    elif role:
        template = i18n.Text("{role} {message}", role=role, message=template)
    return click.UsageError(cli_text(template))


def listed(path: str, problems: list[str], role: str = "") -> NoReturn:
    """Write every problem of the scenario ``path`` on stderr under one ``Error:`` line, then
    exit 2."""
    with i18n.human():
        name = i18n._("standard input") if path == STDIN else shown(path)
        count = len(problems)
        header = i18n.ngettext(
            "{path} is not a valid scenario ({count} problem):",
            "{path} is not a valid scenario ({count} problems):",
            count,
        ).format(
            path=i18n._("{role} {path}").format(role=role, path=name) if role else name, count=count
        )
        click.echo(i18n._("Error: {message}").format(message=header), err=True)
        for problem in problems:
            line = i18n._("{where}: {problem}").format(where=name, problem=i18n.say(problem))
            click.echo(f"  {line}", err=True)
    raise SystemExit(2)


def valid(name: str, dataset: Dataset) -> None:
    """``scenario validate``'s line for a valid file: ``NAME: valid scenario 'id': 2
    indicators, 10 observations, 11 sources`` (counts grouped the language's way)."""
    from offshoring_cli.i18n import ngettext, numbers

    observations = sum(len(i.observations) for i in dataset.indicators.values())
    observations += sum(len(u.observations) for u in dataset.untargeted.values())
    figures = {
        "indicators": len(dataset.indicators) + len(dataset.untargeted),
        "observations": observations,
        "sources": len(dataset.sources),
    }
    with i18n.human():
        counts = {
            "indicators": ngettext(
                "{count} indicator", "{count} indicators", figures["indicators"]
            ),
            "observations": ngettext(
                "{count} observation", "{count} observations", figures["observations"]
            ),
            "sources": ngettext("{count} source", "{count} sources", figures["sources"]),
        }
        written = {k: text.format(count=numbers.number(figures[k])) for k, text in counts.items()}
        line = i18n._("{path}: valid scenario {name}: {indicators}, {observations}, {sources}")
        click.echo(line.format(path=name, name=repr(dataset.name), **written))
