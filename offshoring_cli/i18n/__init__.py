"""The languages people read the results in: English (the default), French and Arabic.

One module for every layer (it imports nothing of ours and nothing heavy at import):

- :func:`choose` records the language asked for (``--lang``, ``OFFSHORING_LANG``);
- :func:`human` makes it *active* while a human format is drawn (table, Markdown, brief,
  chart, warnings and errors). Outside it the active language is English, so JSON and CSV,
  built from the same reports, are identical in every language;
- :func:`_` and :func:`ngettext` translate through the gettext catalogues
  (``offshoring_cli/locale/{fr,ar}/LC_MESSAGES/offshoring.mo``), loaded on first use, and only
  when a language other than English is active: the English paths import neither
  :mod:`gettext` nor Babel;
- :class:`Text`: a sentence of a report: its string is the English text (as JSON carries it),
  and it keeps its template and arguments so that :func:`say` writes it again in the active
  language, its numbers (:class:`Num`) formatted by :mod:`offshoring_cli.i18n.numbers`;
- :func:`N_` marks a text for the catalogues where it is defined (a band name, a label) and
  returns it unchanged; :func:`_` translates it where it is shown.

Messages are extracted with ``pybabel extract -F babel.cfg`` (keywords ``_``, ``N_``,
``Text``, ``Field`` (its label), ``ngettext``): see ``docs/translating.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

LANGUAGES = ("en", "fr", "ar")
"""The languages, English first (the default)."""

LOCALES = {"en": "en", "fr": "fr_FR", "ar": "ar_MA"}
"""The Babel (CLDR) locale each language formats numbers by: French of France (the press of
Morocco writes numbers as France does: ``148 500``, ``10,48 %``) and Arabic of Morocco (Latin
digits, ``148.500``, ``10,48%``)."""

RIGHT_TO_LEFT = frozenset({"ar"})
"""The languages written right to left (the HTML brief says ``dir="rtl"``)."""

ENVIRONMENT = "OFFSHORING_LANG"
"""The variable that chooses the language when ``--lang`` is not given."""

_chosen = "en"
_active = "en"
_catalogues: dict[str, Any] = {}
_dataset_texts: dict[str, dict[str, str]] = {}


def choose(language: str) -> None:
    """Record ``language`` (one of :data:`LANGUAGES`) for the human formats of this run.

    Raises:
        ValueError: an unknown language (the message lists them).
    """
    global _chosen
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _chosen = language


def chosen() -> str:
    """The language asked for (``en`` unless :func:`choose` said otherwise)."""
    return _chosen


def active() -> str:
    """The language texts and numbers are written in now: :func:`chosen` inside
    :func:`human`, else ``en``."""
    return _active


def from_locale(environ: dict[str, str] | Any) -> str | None:
    """The language of the system locale: the first of ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set (POSIX order) and names one of :data:`LANGUAGES`
    (``fr_MA.UTF-8`` -> ``fr``, ``ar_MA`` -> ``ar``); ``None`` otherwise (``C``, ``POSIX``,
    another language)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGUAGES else None
    return None


def language_code(value: str) -> str | None:
    """The language ``value`` of ``--lang``, ``OFFSHORING_LANG`` or the API's ``lang`` names
    (``fr``, ``FR``, ``fr_MA``, ``ar-MA``; ``auto``: the system locale's, else ``en``), or
    ``None``."""
    code = value.strip().lower()
    if code == "auto":
        import os

        code = from_locale(os.environ) or "en"
    elif code[2:3] in ("_", "-"):  # a locale's code, as people type it: fr_MA, ar-MA, fr_FR
        code = code[:2]
    return code if code in LANGUAGES else None


@contextmanager
def human(language: str | None = None) -> Iterator[None]:
    """Within this block, texts and numbers are written in ``language`` (default: the
    chosen one)."""
    global _active
    before = _active
    _active = language or _chosen
    try:
        yield
    finally:
        _active = before


def english() -> Any:
    """A block in which texts and numbers are English (the strings of :class:`Text`)."""
    return human("en")


def locale_folder() -> str:
    """The folder of the compiled catalogues, ``offshoring_cli/locale`` (ours and Click's)."""
    import os.path  # not pathlib: its import costs about 2 % of a French table's start-up

    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "locale")


def _catalogue(language: str) -> Any:
    """The gettext catalogue of ``language`` (loaded once; an empty one if it is missing)."""
    found = _catalogues.get(language)
    if found is None:
        import gettext

        found = gettext.translation(
            "offshoring",
            locale_folder(),
            languages=[language],
            fallback=True,
        )
        _catalogues[language] = found
    return found


def use_dataset(translations: dict[str, dict[str, str]]) -> None:
    """Translate the dataset's own texts (its labels, description, wordings) by its
    ``translations`` (:attr:`offshoring_cli.core.records.Dataset.translations`), before the
    catalogues; replaces those of an earlier dataset."""
    global _dataset_texts
    _dataset_texts = translations


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues; it is translated where it is shown, by :func:`_`."""
    return message


def _(message: str) -> str:
    """``message`` in the active language (itself in English, or without a translation): by
    the dataset's translations (:func:`use_dataset`), else by the catalogue."""
    if _active == "en" or not message:
        return message
    found = _dataset_texts.get(_active, {}).get(message)
    if found is not None:
        return found
    return str(_catalogue(_active).gettext(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` in the active language (English: ``singular`` for
    exactly 1, else ``plural``)."""
    if _active == "en":
        return singular if count == 1 else plural
    return str(_catalogue(_active).ngettext(singular, plural, count))


class Num:
    """A number in a :class:`Text`, written as :func:`offshoring_cli.i18n.numbers.value`
    writes a value of ``kind`` in ``unit``, in the language active when it is shown."""

    __slots__ = ("kind", "unit", "value")

    def __init__(self, kind: str, value: Any, unit: str = "") -> None:
        self.kind = kind
        self.value = value
        self.unit = unit

    def __str__(self) -> str:
        from offshoring_cli.i18n.numbers import value

        return value(self.kind, self.value, self.unit)

    def __repr__(self) -> str:
        return f"Num({self.kind!r}, {self.value!r}, {self.unit!r})"


class Units:
    """A unit in a :class:`Text` as a word of many (``jobs``; French ``emplois``), in the
    language active when it is shown: a sentence about counts names them in its language."""

    __slots__ = ("unit",)

    def __init__(self, unit: str) -> None:
        self.unit = unit

    def __str__(self) -> str:
        from offshoring_cli.i18n.local_numbers import unit_word

        return unit_word(self.unit, 2) if _active != "en" else self.unit


class _Reference:
    """An input a text names as ``{field}`` (``{metrics}``, ``{baseline[jobs]}``) and that is
    not among its arguments: kept as written, for :mod:`offshoring_cli.errors` to name (the
    core's input name, or the command line's option)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __getitem__(self, key: str) -> _Reference:
        return _Reference(f"{self.name}[{key}]")

    def __format__(self, spec: str) -> str:
        return "{" + self.name + "}"


class _Arguments(dict[str, Any]):
    def __missing__(self, key: str) -> _Reference:
        return _Reference(key)


def _shown(item: Any) -> str:
    if isinstance(item, Text):
        return written(item)
    return str(item)


def _fill(template: str, args: dict[str, Any]) -> str:
    """``template`` with its ``args`` written in the active language; a ``{field}`` that is
    no argument stays as it is (an input reference)."""
    if not args:
        return template
    return template.format_map(_Arguments({k: _shown(v) for k, v in args.items()}))


class Text(str):
    """A sentence of ours: the string is its English text; :func:`say` writes it in the
    active language.

    ``template`` uses ``{name}`` fields filled from ``args``: a :class:`Num` (formatted in
    the language), a :class:`Text` (translated), anything else as ``str()`` (ids, years).
    """

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, **args: Any) -> Text:
        global _active
        text = template
        if args:
            before, _active = _active, "en"  # the string is English, whatever is active
            try:
                text = _fill(template, args)
            finally:
                _active = before
        made = super().__new__(cls, cls.finish(text))
        made.template = template
        made.args = args
        return made

    @staticmethod
    def finish(text: str) -> str:
        """The text as its string and :func:`say` give it, from the text :func:`written`
        gives (a subclass names its input references here)."""
        return text

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.template, self.args))


def _rebuild(kind: type[Text], template: str, args: dict[str, Any]) -> Text:
    return kind(template, **args)


def written(text: str) -> str:
    """``text`` in the active language as :func:`say` writes it, except that the inputs it
    names (``{metrics}``, ``{baseline[jobs]}``) stay references, for the command line to
    name as its options (:func:`offshoring_cli.cli.errors.cli_text`)."""
    if isinstance(text, Text):
        return _fill(text.template if _active == "en" else _(text.template), text.args)
    return _(text)


def say(text: str) -> str:
    """``text`` in the active language: a :class:`Text` by its translated template and its
    arguments written in the language; any other string translated if the catalogue has it
    (a band name, a label), else as it is (a name from a dataset)."""
    if _active == "en":
        return str.__str__(text)
    if isinstance(text, Text):
        return text.finish(written(text))
    return _(text)


def warning(text: str) -> str:
    """The line that warns of ``text`` on stderr (``Warning: ...``, no newline), in the
    language chosen."""
    with human():
        return _("Warning: {warning}").format(warning=say(text))


SEPARATORS = {"; ": N_("{first}; {second}"), ", ": N_("{first}, {second}")}
"""Separators between the parts of a sentence that each language writes its own way (French
``a ; b``, Arabic ``a؛ b`` and ``a، b``)."""


HALVES = (N_("H1"), N_("H2"))
"""The half-years an observation may cover besides a whole year (French ``S1``, ``S2``:
``docs/glossary.md``)."""


def period_of(period: str, year: int) -> str:
    """When an observation was made, said in the language: ``2024`` for a whole year, ``H1
    2024`` for a half-year (French ``S1 2024``)."""
    if period == "year":
        return str(year)
    return Text("{period} {year}", period=Text(period), year=year)


def joined(parts: list[str], separator: str = "; ") -> Text:
    """``parts`` joined by ``separator`` as one :class:`Text` (each part said in the language
    where it is one; a separator of :data:`SEPARATORS` written as the language writes it)."""
    if separator in SEPARATORS and len(parts) > 1:
        found = Text(SEPARATORS[separator], first=parts[0], second=parts[1])
        for part in parts[2:]:
            found = Text(SEPARATORS[separator], first=found, second=part)
        return found
    template = (
        separator.replace("{", "{{").replace("}", "}}").join(f"{{p{i}}}" for i in range(len(parts)))
    )
    return Text(template, **{f"p{i}": part for i, part in enumerate(parts)})
