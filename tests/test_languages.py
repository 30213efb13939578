"""French and Arabic: choosing the language, numbers by Babel, the catalogues, French input,
the Arabic layout, and machine formats that never change with the language.

The figures are the built-in ones, worked out by hand:
- jobs gap 270,000 - 148,500 = 121,500; linear 121,500 / 6 = 20,250 a year;
  required CAGR (270,000 / 148,500) ** (1/6) - 1 = 0.104773 -> 10.48 %;
- exports gap 40 bn - 26.22 bn = 13.78 bn MAD; CAGR (40 / 26.22) ** (1/6) - 1 = 0.072930 -> 7.29 %;
- status from 2022: jobs actual CAGR (148,500 / 130,000) ** (1/2) - 1 = 0.068788 -> 6.88 %,
  R 0.7191, Q 0.6525, reached 2033.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import catalogues_script

from offshoring_cli import i18n

NNBSP = "\u202f"  # French thousands separator (CLDR fr)
NBSP = "\u00a0"  # French space before % (CLDR fr)
ROOT = Path(__file__).resolve().parent.parent


def out(run: Any, *args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env={"COLUMNS": "200", **(env or {})})
    assert result.exit_code == 0, result.stderr
    text: str = result.stdout
    return text


# --- choosing the language ----------------------------------------------------------------


def test_french_gap_table(run: Any) -> None:
    text = out(run, "--lang", "fr", "gap")
    assert "Écart aux objectifs" in text
    assert f"121{NNBSP}500 emplois" in text
    assert f"20{NNBSP}250 emplois par an" in text
    assert f"10,48{NBSP}%" in text
    assert f"7,29{NBSP}%" in text
    assert "13,78 Md MAD" in text
    assert "TCAM requis par an" in text  # the glossary: CAGR = TCAM
    assert "2030" in text and f"2{NNBSP}030" not in text  # years are never grouped


def test_arabic_gap_table(run: Any) -> None:
    text = out(run, "--lang", "ar", "gap")
    assert "الفجوة نحو الأهداف" in text
    assert "121.500 منصب شغل" in text  # CLDR ar_MA: Latin digits, "." between thousands
    assert "10,48%" in text
    assert "13,78 مليار درهم" in text


def test_english_stays_the_default(run: Any) -> None:
    text = out(run, "gap")
    assert "121,500 jobs" in text and "10.48 %" in text and "13.78 bn MAD" in text
    assert out(run, "--lang", "en", "gap") == text


def test_the_environment_variable_chooses_too(run: Any) -> None:
    assert out(run, "gap", env={"OFFSHORING_LANG": "fr"}) == out(run, "--lang", "fr", "gap")
    # --lang wins over the variable
    assert out(run, "--lang", "en", "gap", env={"OFFSHORING_LANG": "fr"}) == out(run, "gap")


@pytest.mark.parametrize("where", ["option", "environment"])
def test_an_unknown_language_is_refused_with_the_list(run: Any, where: str) -> None:
    if where == "option":
        result = run("--lang", "de", "gap")
    else:
        result = run("gap", env={"OFFSHORING_LANG": "de"})
    assert result.exit_code == 2
    assert "'de' is not a language of ours; choose one of en, fr, ar" in result.stderr
    assert ("OFFSHORING_LANG" in result.stderr) == (where == "environment")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LC_ALL": "fr_MA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),  # LC_ALL first
        ({"LC_MESSAGES": "ar_MA", "LANG": "fr_FR"}, "ar"),  # then LC_MESSAGES
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "fr_FR"}, None),  # the first set one decides
        ({}, None),
    ],
)
def test_the_system_locale(environ: dict[str, str], expected: str | None) -> None:
    assert i18n.from_locale(environ) == expected


def test_auto_follows_the_system_locale_and_nothing_else_does(run: Any) -> None:
    french = out(run, "--lang", "fr", "gap")
    english = out(run, "gap")
    assert out(run, "--lang", "auto", "gap", env={"LC_ALL": "fr_FR.UTF-8"}) == french
    assert out(run, "gap", env={"OFFSHORING_LANG": "auto", "LANG": "fr_FR.UTF-8"}) == french
    assert out(run, "--lang", "auto", "gap", env={"LC_ALL": "C"}) == english
    assert out(run, "gap", env={"LC_ALL": "fr_FR.UTF-8"}) == english  # English by default


# --- the verdicts ------------------------------------------------------------------------------


def test_french_status_verdicts(run: Any) -> None:
    text = out(run, "--lang", "fr", "status")
    assert "Sommes-nous en bonne voie ?" in text
    assert (
        f"jobs : accélération nécessaire - 6,88{NBSP}% par an réalisés contre "
        f"9,57{NBSP}% par an requis (2022-2030)"
    ) in text
    assert "0,7191" in text and "0,6525" in text
    assert "progrès modéré, accélération nécessaire" in text
    assert "2033" in text


def test_arabic_status_verdicts(run: Any) -> None:
    text = out(run, "--lang", "ar", "status")
    assert "jobs: يلزم التسريع - 6,88% سنويًا محققة مقابل 9,57% سنويًا مطلوبة (2022-2030)" in text
    assert "تقدم مقبول، يلزم التسريع" in text
    assert "0,7191" in text


def test_markdown_is_translated(run: Any) -> None:
    text = out(run, "--lang", "fr", "gap", "--format", "markdown")
    assert "**Écart aux objectifs**" in text
    assert f"121{NNBSP}500 emplois" in text


# --- machine formats -------------------------------------------------------------------------

COMMANDS = [
    ("gap",),
    ("cagr",),
    ("status",),
    ("trajectory",),
    ("project", "--growth", "8%"),
    ("sensitivity",),
    ("segments",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command))
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_are_the_same_in_every_language(
    run: Any, command: tuple[str, ...], fmt: str
) -> None:
    extra = ("--explain",) if fmt == "json" else ()
    english = out(run, *command, "--format", fmt, *extra)
    for language in ("fr", "ar"):
        args = ("--lang", language, *command, "--format", fmt)
        if fmt == "json":
            args += ("--explain",)
        assert out(run, *args) == english, language


def test_json_notes_stay_english_under_french(run: Any) -> None:
    document = json.loads(out(run, "--lang", "fr", "status", "--json"))
    assert document["notes"][0].startswith("jobs: acceleration needed - 6.88 %/yr")
    assert document["results"][0]["growth_ratio_band"] == "acceleration needed"


# --- numbers ----------------------------------------------------------------------------------


def test_numbers_through_babel_in_french_and_arabic() -> None:
    from offshoring_cli.i18n import numbers

    with i18n.human("fr"):
        assert numbers.amount(148500, "jobs") == f"148{NNBSP}500 emplois"
        assert numbers.amount(1, "jobs") == "1 emploi"
        assert numbers.amount(26.22e9, "MAD") == "26,22 Md MAD"
        assert numbers.amount(850e6, "MAD") == "850,00 M MAD"
        assert numbers.rate(0.104773) == f"10,48{NBSP}%"
        assert numbers.rate(-0.0) == f"0,00{NBSP}%"
        assert numbers.value("multiple", 270000 / 148500, "") == "1,82 fois"
        assert numbers.value("ratio", 0.71906, "") == "0,7191"
        assert numbers.value("year", 2033, "") == "2033"
        assert numbers.value("year", 597838976, "") == f"après 9999 (597{NNBSP}838{NNBSP}976)"
    with i18n.human("ar"):
        assert numbers.amount(148500, "jobs") == "148.500 منصب شغل"
        assert numbers.amount(26.22e9, "MAD") == "26,22 مليار درهم"
        assert numbers.rate(0.104773) == "10,48%"
    # outside a human block: English, whatever was chosen
    assert numbers.amount(148500, "jobs") == "148,500 jobs"


def test_every_language_rounds_the_same_way() -> None:
    from offshoring_cli.i18n import numbers

    for value in (2.675e9, 0.125, 1.005, 0.104773, -0.999999):
        english = numbers.rate(value).replace(",", "")
        with i18n.human("fr"):
            french = numbers.rate(value).replace(NNBSP, "").replace(",", ".")
        assert french.replace(NBSP, " ") == english, value


# --- French input ---------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["26,22bn", "26,22 Md", "26,22 Md MAD", "26.22bn"])
def test_french_amounts_give_the_same_json(run: Any, typed: str) -> None:
    english = out(run, "gap", "--exports-baseline", "26.22bn", "--json")
    assert out(run, "--lang", "fr", "gap", "--exports-baseline", typed, "--json") == english


@pytest.mark.parametrize("typed", ["148 500", f"148{NNBSP}500", f"148{NBSP}500", "148,5k"])
def test_french_counts(run: Any, typed: str) -> None:
    document = json.loads(out(run, "--lang", "fr", "gap", "--jobs-baseline", typed, "--json"))
    assert document["results"][0]["baseline"] == 148500


def test_a_french_rate(run: Any) -> None:
    document = json.loads(out(run, "--lang", "fr", "project", "--growth", "8,5 %", "--json"))
    assert document["inputs"]["growth"] == 0.085


def test_a_decimal_comma_count_is_refused_in_french_with_a_hint(run: Any) -> None:
    result = run("--lang", "fr", "gap", "--jobs-baseline", "148,500")
    assert result.exit_code == 2
    assert (
        "en français la virgule marque les décimales, ce nombre se lit donc 148,5" in result.stderr
    )
    assert "148 500" in result.stderr
    assert "Traceback" not in result.stderr


def test_english_input_rules_are_unchanged(run: Any) -> None:
    document = json.loads(out(run, "gap", "--jobs-baseline", "148,500", "--json"))
    assert document["results"][0]["baseline"] == 148500
    result = run("gap", "--exports-baseline", "26,22bn")
    assert result.exit_code == 2 and "use a dot for decimals: 26.22bn" in result.stderr


# --- catalogues -------------------------------------------------------------------------------


def test_every_message_has_its_french_and_arabic_translation() -> None:
    # Also: the template is up to date with the code, and the shipped .mo files with the .po.
    assert catalogues_script().problems() == []


def test_a_missing_translation_is_found() -> None:
    from babel.messages.catalog import Catalog

    catalogues = catalogues_script()
    catalog = Catalog(locale="fr")
    catalog.add("Gap to the targets", "Écart aux objectifs")
    catalog.add("Target", "")
    assert catalogues.untranslated(catalog) == ["Target"]


def test_the_compiled_catalogues_are_package_data() -> None:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["offshoring_cli"]
    assert "locale/*/LC_MESSAGES/*.mo" in patterns
    for language in ("fr", "ar"):
        assert (ROOT / f"offshoring_cli/locale/{language}/LC_MESSAGES/offshoring.mo").is_file()


def _glossary() -> dict[str, tuple[str, str]]:
    """English term -> (French, Arabic), from the first table of docs/glossary.md."""
    rows: dict[str, tuple[str, str]] = {}
    for line in (ROOT / "docs/glossary.md").read_text("utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("English", "---"):
            rows[cells[0]] = (cells[1], cells[2])
        elif rows and not line.startswith("|"):
            break
    return rows


@pytest.mark.parametrize(
    ("message", "term"),
    [
        ("Baseline", "baseline"),
        ("Base year", "base year"),
        ("Target", "target"),
        ("Target year", "target year"),
        ("Linear path", "linear path"),
        ("Compound path", "compound path"),
        ("on track", "on track"),
        ("acceleration needed", "acceleration needed"),
        ("limited progress", "limited progress"),
        ("moving away", "moving away"),
        ("fair progress, acceleration needed", "fair progress, acceleration needed"),
        ("stagnation or regression", "stagnation or regression"),
        ("achieved", "achieved"),
        ("At the actual pace", "at the actual pace"),
        ("Series", "series"),
    ],
)
def test_the_catalogues_follow_the_glossary(message: str, term: str) -> None:
    french, arabic = _glossary()[term]
    for language, expected in (("fr", french), ("ar", arabic)):
        with i18n.human(language):
            assert i18n._(message).lower() == expected.lower(), (language, message)


def test_the_glossary_names_cagr_tcam() -> None:
    french, _arabic = _glossary()["CAGR (compound annual growth rate)"]
    assert french == "TCAM (taux de croissance annuel moyen)"
    with i18n.human("fr"):
        assert i18n._("Required CAGR a year") == "TCAM requis par an"
        assert i18n._("Gap (target - baseline)") == "Écart (objectif - valeur de référence)"


def test_the_brief_methods_read_the_same_in_english() -> None:
    from offshoring_cli.core import methods

    assert methods.brief_methods() == list(methods.BRIEF_METHODS)
    with i18n.human("fr"):
        french = methods.brief_methods()
    assert "0,95" not in french[2] and "R >= 0.95 en bonne voie" in french[2]


# --- accents ---------------------------------------------------------------------------------


def test_french_source_titles_keep_their_accents(run: Any) -> None:
    text = out(run, "status")
    assert "\"L'insolente bonne santé de l'outsourcing au Maroc\"" in text
    document = json.loads(out(run, "status", "--json"))
    titles = {source["title"] for source in document["sources"].values()}
    assert "Le numérique marocain génère 26,2 MMDH à l'export" in titles
    assert "« L'insolente bonne santé de l'outsourcing au Maroc »" in out(
        run, "--lang", "fr", "status"
    )


# --- the brief and the charts (slow: they draw) ------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_brief_in_french_and_arabic(run: Any, tmp_path: Path, language: str) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "brief.html"
    result = run("--lang", language, "report", "--format", "html", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    page = path.read_text("utf-8")
    if language == "fr":
        assert '<html lang="fr">' in page
        assert "Chiffres clés" in page and f"121{NNBSP}500 emplois" in page
        assert f"Emplois de l'offshoring : 49{NNBSP}000 de moins" in html.unescape(page)
        assert ">année<" in page  # the chart's axis label, as SVG text
    else:
        assert '<html lang="ar" dir="rtl">' in page
        assert "أرقام رئيسية" in page and "121.500 منصب شغل" in page
        assert "المسار المركب المطلوب" in page  # the chart's legend


@pytest.mark.slow
def test_an_arabic_png_chart_is_drawn(run: Any, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "chart.png"
    result = run("--lang", "ar", "chart", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes().startswith(b"\x89PNG")


@pytest.mark.slow
def test_an_arabic_chart_reads_right_to_left(run: Any, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import xml.etree.ElementTree as ET

    path = tmp_path / "chart.svg"
    assert run("--lang", "ar", "chart", "--output", str(path)).exit_code == 0
    svg = "{http://www.w3.org/2000/svg}"
    root = ET.parse(path).getroot()
    groups = {g.get("id"): g for g in root.iter(f"{svg}g")}
    lines = [groups[f"jobs-source-{i}"].find(f"{svg}text") for i in (1, 2, 3)]
    # each source line ends at the panel's right edge, where an Arabic line starts
    assert {line.get("style", "").count("text-anchor: end") for line in lines} == {1}
    assert len({line.get("x") for line in lines}) == 1
    text = "".join(line.text or "" for line in lines)
    assert "morocco-offshoring" in text  # a dataset's id is never split at its hyphen
    ids = [g.get("id") for g in root.iter(f"{svg}g") if g.get("id")]
    assert len(ids) == len(set(ids))  # one id per line


def test_no_arabic_font_degrades_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    from offshoring_cli.render import scripts

    monkeypatch.setattr(scripts, "arabic_font", lambda: None)
    rc: dict[str, Any] = {}
    with i18n.human("ar"):
        say = scripts.chart_text("svg", rc)
    assert "fonts-noto-core" in capsys.readouterr().err
    assert rc == {}
    assert say("مسار 2030") == "\u202bمسار 2030\u202c"  # noqa: RUF001 (Arabic alef)
    assert say("2030") == "2030"


# --- start-up --------------------------------------------------------------------------------

PROBE = """
import json, sys
from offshoring_cli.cli import main
sys.argv = ["offshoring", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
from offshoring_cli import i18n
print(json.dumps([sorted(m for m in sys.modules if m.split(".")[0] == "babel"),
                  sorted(i18n._catalogues)]), file=sys.stderr)
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "english"),
    [
        (("gap", "--json"), True),
        (("status", "--json"), True),
        (("gap",), True),
        (("--lang", "fr", "gap", "--json"), True),  # JSON: no catalogue even in French
        (("--lang", "fr", "gap"), False),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else str(value),
)
def test_english_paths_load_no_babel_and_no_catalogue(args: tuple[str, ...], english: bool) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    babel, catalogues = json.loads(result.stderr.strip().splitlines()[-1])
    if english:
        assert (babel, catalogues) == ([], [])
    else:  # the control case: a French table does load them
        assert "babel.numbers" in babel and catalogues == ["fr"]


def test_the_markdown_brief_in_french(run: Any) -> None:
    text = out(run, "--lang", "fr", "report")
    assert text.startswith("# Emplois de l'offshoring et exportations de services d'offshoring")
    # the bold closes before French typography's space: "**jobs** :", not "**jobs **:"
    assert (
        "- **jobs** : \u25b2 accélération nécessaire (ratio de croissance, méthode Eurostat) : "
        f"il faut 10,48{NBSP}%/an de 2024 à 2030" in text
    )
    assert "## Chiffres clés" in text
