"""Writing a scenario file: a dataset as commented TOML (tomlkit, imported when used)."""

from __future__ import annotations

import os
from typing import Any

from offshoring_cli.core import claims, records
from offshoring_cli.core.untargeted import Untargeted
from offshoring_cli.render import files, output_paths
from offshoring_cli.scenario import SCENARIO_VERSION, ScenarioError


def to_toml(dataset: records.Dataset) -> str:
    """The dataset as a commented scenario file (written with tomlkit)."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(
        tomlkit.comment("offshoring-cli scenario file. Check it: offshoring scenario validate FILE")
    )
    doc.add(
        tomlkit.comment("Use it: offshoring --scenario FILE status (or OFFSHORING_SCENARIO=FILE)")
    )
    units = ", ".join(dict.fromkeys(ind.unit for ind in dataset.indicators.values()))
    doc.add(tomlkit.comment(f"Values are in whole units ({units}), not thousands or billions."))
    doc.add(
        tomlkit.comment(
            'An indicator may take its observations from a CSV file: observations_csv = "x.csv"'
        )
    )
    doc.add(
        tomlkit.comment(
            "(beside this file; header year,value,series,source[,note,reported_change])."
        )
    )
    doc.add(tomlkit.nl())
    doc.add("scenario_version", SCENARIO_VERSION)
    doc.add("name", dataset.name)
    doc.add("description", dataset.description)
    doc.add(tomlkit.nl())

    doc.add(tomlkit.comment("Sources, by id: every observation, target and segment names one."))
    sources = tomlkit.table()
    for key, src in dataset.sources.items():
        table = tomlkit.table()
        for field, value in src.as_dict().items():
            table.add(field, value)
        sources.add(key, table)
    doc.add("sources", sources)

    indicators = tomlkit.aot()
    every: list[records.Indicator | Untargeted] = [
        *dataset.indicators.values(),
        *dataset.untargeted.values(),
    ]
    for ind in every:
        table = tomlkit.table()
        table.add(tomlkit.comment(f"{ind.label}, in {ind.unit}"))
        table.add("id", ind.id)
        table.add("label", ind.label)
        table.add("unit", ind.unit)
        table.add("direction", "increase" if ind.increase else "decrease")
        if isinstance(ind, Untargeted):
            table.add(tomlkit.comment("No published target: 'status' uses Open SDG's no-target"))
            table.add(tomlkit.comment("method; the other commands need --target ID=VALUE."))
        elif ind.target.notes:
            table.add("target", _target_table(ind.target))
        else:
            target = tomlkit.inline_table()
            for field, value in _target_fields(ind.target):
                target.append(field, value)
            table.add("target", target)
        if not isinstance(ind, Untargeted) and len(ind.targets) > 1:
            table.add(
                tomlkit.comment("Other published targets: on another series, or interim ones.")
            )
            others = tomlkit.aot()
            for published in ind.targets[1:]:
                others.append(_target_table(published))
            table.add("other_targets", others)
        observations = tomlkit.aot()
        for obs in ind.observations:
            row = tomlkit.table()
            for field, value in obs.as_dict().items():
                if value is None or (field == "note" and not value):
                    continue
                if field == "period" and value == "year":
                    continue
                row.add(field, value)
            observations.append(row)
        table.add("observations", observations)
        indicators.append(table)
    doc.add("indicators", indicators)

    if dataset.insights:
        doc.add(tomlkit.nl())
        doc.add(
            tomlkit.comment(
                "Optional: facts particular to the data, checked by 'status': ratios between"
            )
        )
        doc.add(
            tomlkit.comment("two indicators, and what the sources claim (kind 'ratio' or 'claim').")
        )
        specs = tomlkit.aot()
        for spec in dataset.insights:
            row = tomlkit.table()
            row.add("kind", spec.kind)
            if isinstance(spec, claims.Ratio):
                row.add("numerator", spec.numerator)
                row.add("denominator", spec.denominator)
                if spec.id != f"{spec.numerator}_per_{spec.denominator}":
                    row.add("id", spec.id)
                if spec.label:
                    row.add("label", spec.label)
            else:
                row.add("indicator", spec.indicator)
                row.add("claim", spec.claim)
                row.add("value", spec.value)
                if spec.wording:
                    row.add("wording", spec.wording)
                row.add("source", spec.source)
            specs.append(row)
        doc.add("insights", specs)

    if dataset.segments and dataset.segments_of and dataset.segments_year:
        doc.add(tomlkit.nl())
        doc.add(tomlkit.comment("Optional: a split of one indicator's whole-year figure."))
        segments = tomlkit.table()
        segments.add("indicator", dataset.segments_of)
        segments.add("year", dataset.segments_year)
        items = tomlkit.aot()
        for seg in dataset.segments:
            row = tomlkit.table()
            for field, value in seg.as_dict().items():
                if value is not None:
                    row.add(field, value)
            items.append(row)
        segments.add("items", items)
        doc.add("segments", segments)
    if dataset.other_splits:
        doc.add(tomlkit.nl())
        doc.add(tomlkit.comment("Optional: further splits (another year, a half-year figure)."))
        splits = tomlkit.aot()
        for split in dataset.other_splits:
            table = tomlkit.table()
            table.add("indicator", split.indicator)
            table.add("year", split.year)
            if split.period != "year":
                table.add("period", split.period)
            if split.note:
                table.add("note", split.note)
            parts = tomlkit.aot()
            for seg in split.items:
                row = tomlkit.table()
                for field, value in seg.as_dict().items():
                    if value is not None:
                        row.add(field, value)
                parts.append(row)
            table.add("items", parts)
            splits.append(table)
        doc.add("other_segments", splits)

    if dataset.translations:
        doc.add(tomlkit.nl())
        doc.add(tomlkit.comment("Optional: the texts above in French and Arabic (--lang fr/ar)."))
        languages = tomlkit.table(is_super_table=True)
        for language, texts in dataset.translations.items():
            table = tomlkit.table()
            for english, translated in texts.items():
                table.add(english, translated)
            languages.add(language, table)
        doc.add("translations", languages)
    return tomlkit.dumps(doc)


def _target_fields(target: records.Target) -> list[tuple[str, object]]:
    """A target's fields as written: those with a value (notes as a list of text)."""
    return [
        (field, list(value) if field == "notes" else value)
        for field, value in target.as_dict().items()
        if value is not None and value != ()
    ]


def _target_table(target: records.Target) -> Any:
    """A target as a table, its notes one a line."""
    import tomlkit

    row = tomlkit.table()
    for field, value in _target_fields(target):
        if field == "notes":
            value = tomlkit.array().multiline(True)
            value.extend(target.notes)
        row.add(field, value)
    return row


def write_new(path: str | os.PathLike[str], text: str, force: bool = False) -> output_paths.Output:
    """Write ``text`` to ``path`` as :func:`files.write` does (``-``: stdout; a device or
    FIFO: written into; a file: atomically, a new one with 0666 less the umask).

    Returns:
        Where the text went (see :func:`output_paths.check`).

    Raises:
        ScenarioError: ``path`` is an existing regular file and ``force`` is false.
        DomainError: ``path`` cannot be written (see :func:`output_paths.check`).
        files.WriteError: writing failed; nothing is left behind.
    """
    from offshoring_cli.i18n import Text

    name = os.fspath(path)
    output = output_paths.check(name, Text("scenario {path}", path=repr(name)), "scenario.toml")
    if output.exists and not force:
        raise ScenarioError(name, [Text("already exists; pass {force} to overwrite it")])
    files.write(output, text)
    return output
