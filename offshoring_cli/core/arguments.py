"""The Python API's checks of its arguments' types (:mod:`offshoring_cli.api`): a wrong type
is a ``TypeError`` naming the argument and saying what to pass; a value of the right type out
of range is left to :mod:`offshoring_cli.core.checks` (an ``InputError``). Indicator ids are
read in any case, as the command line reads them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence

from offshoring_cli.core.records import Dataset, Number
from offshoring_cli.errors import InputError


def typed(name: str, value: object, kind: str) -> None:
    """Refuse an argument of the wrong Python type with a ``TypeError`` naming it (an
    ``InputError`` is for a value of the right type out of range). ``kind``: ``year`` (an
    ``int``; numpy's integers: pass ``int(x)``), ``number`` (an ``int`` or ``float``), ``ids``
    (a sequence of ``str``, not one ``str``), ``years``/``numbers`` (a sequence of those),
    ``figures`` (a mapping of id to number), ``path`` (a ``str`` or ``os.PathLike`` of one),
    ``lang`` (a ``str``), ``flag`` (a ``bool``); ``None`` is accepted for every optional one
    but a path."""
    if value is None and kind != "path":
        return

    def number(x: object) -> bool:
        return isinstance(x, int | float) and not isinstance(x, bool)

    def year(x: object) -> bool:
        return isinstance(x, int) and not isinstance(x, bool)

    def text(x: object) -> bool:
        return isinstance(x, str)

    def flag(x: object) -> bool:
        return isinstance(x, bool)

    def path(x: object) -> bool:
        return isinstance(x, str) or (isinstance(x, os.PathLike) and isinstance(os.fspath(x), str))

    def sequence(x: object, each: Callable[[object], bool]) -> bool:
        return isinstance(x, Sequence) and not isinstance(x, str) and all(each(v) for v in x)

    if kind in ("ids", "years", "numbers"):
        ok = sequence(value, {"ids": text, "years": year, "numbers": number}[kind])
    elif kind == "figures":
        ok = isinstance(value, Mapping) and all(text(k) and number(v) for k, v in value.items())
    elif kind == "dataset":
        ok = isinstance(value, Dataset)
    else:
        ok = {"year": year, "number": number, "path": path, "lang": text, "flag": flag}[kind](value)
    if not ok:
        wanted = {
            "year": "a year as an int (2030)",
            "number": "a number (an int or a float)",
            "ids": "a list of indicator ids as str (['jobs'])",
            "years": "a list of years as ints ([2030, 2032])",
            "numbers": "a list of numbers ([-0.1, 0.1])",
            "figures": "a dict of indicator id to number ({'jobs': 150000})",
            "dataset": "a Dataset (api.builtin() or api.load(path))",
            "path": "a file path as a str or pathlib.Path ('my.toml')",
            "lang": "a language code as a str ('fr')",
            "flag": "True or False",
        }[kind]
        raise TypeError(f"{name} must be {wanted}, not {value!r}")


def by_id(name: str, figures: Mapping[str, Number] | None) -> dict[str, Number]:
    """``figures`` by indicator id in any case, as the command line reads ``--baseline
    JOBS=150k`` (ids are lowercase): ``{"JOBS": 150000}`` is ``{"jobs": 150000}``.

    Raises:
        InputError: two spellings of one id with different values.
    """
    folded: dict[str, Number] = {}
    spelled: dict[str, str] = {}
    for given, value in (figures or {}).items():
        metric = given.strip().lower()
        if metric in folded and folded[metric] != value:
            from offshoring_cli.i18n import Text

            first, second = (f"{name}[{k!r}]" for k in (spelled[metric], given))
            disagree = Text(
                "{first} and {second} disagree; give only one of them.", first=first, second=second
            )
            raise InputError(f"{name[:-1]}[{metric}]", disagree)
        folded[metric], spelled[metric] = value, given
    return folded
