"""French and Arabic for the sentences added with published targets, the range over base years,
Open SDG's score, the recent pace, segments' notes, ``scenario diff``, the provenance line and
the workbook: every one said in the language chosen, while JSON and CSV stay English, byte for
byte.

Figures (built-in data, worked out by hand):
- jobs from 2022: (148,500 / 130,000) ** (1/2) - 1 = 6.88 %; from 2023: 148,500 / 141,000 - 1
  = 5.32 %: the range note's 5.32 % (2023) to 6.88 % (2022) a year;
- jobs recent pace 2023 -> 2024: 5.32 % a year against 6.88 % over 2022-2024 (141,000 / 130,000
  - 1 = 8.46 % 2022-2023);
- segments: 10.578 + 9.797 + 3.462 + 2.334 + 0.048 = 26.219 bn MAD against a 26.22 bn total:
  difference -1,000,000 MAD;
- scenario diff (examples/jobs-2025.toml adds 160,000 jobs in 2025): actual CAGR
  (160,000 / 130,000) ** (1/3) - 1 = 7.17 %, from 6.88 %.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from offshoring_cli import i18n

NNBSP = "\u202f"  # French thousands separator (CLDR fr)
NBSP = "\u00a0"  # French space before % (CLDR fr)
ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "morocco-offshoring.toml")
EXAMPLE = str(ROOT / "examples" / "jobs-2025.toml")
DIFF = ("scenario", "diff", SEED, EXAMPLE)

ENGLISH_OF_OURS = [
    "range over base years",
    "the same method from each base year",
    "no range over base years",
    "is stated on two series",
    "says nothing about progress",
    "Recent pace",
    "a year from",
    "Range:",
    "Open SDG label",
    "moderate progress",
    "substantial progress",
    "not assessed",
    "by segment",
    "The segments add up",
    "Change on the prior year",
    "given by the source",
    "not published separately",
    "no-target thresholds",
    "What changed",
    "revised",
    "unchanged",
    "observation (",
    "The dataset's name",
    " in OLD:",
    "Figures as",
    "Made with",
    "sources up to",
]
"""English words of our sentences that a French or Arabic output may not hold (ids, source
titles and the dataset's own description may stay as they are)."""


def out(run: Any, *args: str) -> str:
    result = run(*args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    text: str = result.stdout
    return text


def english_left(text: str) -> list[str]:
    return [words for words in ENGLISH_OF_OURS if words in text]


# --- status -----------------------------------------------------------------------------------


def test_french_status_says_the_new_notes_in_french(run: Any) -> None:
    text = out(run, "--lang", "fr", "status")
    assert english_left(text) == []
    # the range over base years: 5.32 % (2023) to 6.88 % (2022), reached 2033-2036
    assert (
        f"jobs : fourchette selon l'année de référence 2022-2023 (la même méthode à partir de "
        f"chaque année de référence que permettent les données) : rythme effectif de "
        f"5,32{NBSP}% (2023) à 6,88{NBSP}% (2022) par an ; à l'année cible, de "
        f"202{NNBSP}661 emplois à 221{NNBSP}348 emplois ; objectif atteint : 2033-2036."
    ) in text
    assert "exports : pas de fourchette selon l'année de référence : la série " in text
    assert "exports : l'objectif 2030 (40,00 Md MAD) est annoncé sur deux séries" in text
    assert "progrès limité sur digital-outsourcing (2023-2024, source nap-2026) contre en " in text
    assert "ce qui ne dit rien du progrès" in text
    assert (
        f"À retenir : Rythme récent : jobs a progressé de 5,32{NBSP}% par an de 2023 à 2024, "
        f"moins vite que les 6,88{NBSP}% par an de toute la période 2022-2024 "
        f"(8,46{NBSP}% par an de 2022 à 2023)."
    ) in text
    assert "Fourchette, TCAM effectif le plus bas" in text
    assert "Libellé Open SDG : progrès modéré" in text  # the French space before ":"
    assert "Libellé Open SDG : progrès substantiel" in text
    # French typography between the parts of a note: " ; "
    assert "(17,90 Md MAD contre 26,17 Md MAD) ; les chiffres semestriels" in text


def test_french_status_readings_left_out(run: Any) -> None:
    text = out(run, "--lang", "fr", "status", "--metric", "exports", "--exports-baseline", "27bn")
    assert english_left(text) == []
    assert (
        "exports (offshoring-legacy) : non évalué - la valeur de référence donnée en ligne de "
        "commande est un chiffre de la série digital-outsourcing, et cet objectif est annoncé "
        "sur la série offshoring-legacy."
    ) in text
    text = out(run, "--lang", "fr", "status", "--metric", "exports", "--base-year", "2024")
    assert (
        "exports (offshoring-legacy) : non évalué - la série 'offshoring-legacy', sur laquelle "
        "cet objectif est annoncé, n'a pas de chiffre annuel pour l'année de référence 2024 "
        "(ses années : 2018, 2022, 2023)."
    ) in text


def test_arabic_status_markdown_says_the_new_notes_in_arabic(run: Any) -> None:
    text = out(run, "--lang", "ar", "status", "--format", "markdown")
    assert english_left(text) == []
    assert "أدنى معدل فعلي في النطاق | 5,32% |" in text
    assert "jobs: النطاق حسب سنوات الأساس 2022-2023" in text
    assert "وتيرة فعلية من 5,32% (2023) إلى 6,88% (2022) سنويًا" in text
    assert "الوتيرة الأخيرة: نمت jobs بنسبة 5,32% سنويًا من 2023 إلى 2024" in text
    assert "معلن على سلسلتين، لذا يتوقف الحكم على السلسلة التي يُحال إليها" in text
    assert "تقدم معتدل" in text  # Open SDG's "moderate progress"


# --- segments -------------------------------------------------------------------------------


def test_french_segments_notes(run: Any) -> None:
    text = out(run, "--lang", "fr", "segments")
    assert english_left(text) == []
    # 26.219 bn against 26.22 bn: -1,000,000 MAD, within rounding
    assert (
        f"La somme des segments est de 26,219 Md MAD (26{NNBSP}219{NNBSP}000{NNBSP}000 MAD) pour "
        f"un total 2024 de 26,22 Md MAD (26{NNBSP}220{NNBSP}000{NNBSP}000 MAD) : écart de "
        f"-1{NNBSP}000{NNBSP}000 MAD, dans la marge d'arrondi."
    ) in text
    assert (
        "Variation sur un an : donnée par la source pour ESO, BPO ; calculée à partir de la "
        "valeur de l'année précédente pour KPO ; non donnée pour ITO, CRM."
    ) in text
    # H1 2025: ITO 5.25 / 13.40 = 39.18 %; the rest 13.40 - 12.02 = 1.38 bn (10.30 %)
    assert (
        f"Exportations de services d'offshoring par segment, S1 2025 (sur 13,40 Md MAD) : "
        f"ITO 5,25 Md MAD (39,18{NBSP}%)"
    ) in text
    assert f"le reste, 1,38 Md MAD (10,30{NBSP}%) : BPO et KPO non publiés séparément." in text
    assert "Libellé Open SDG" in text and "détérioration" in text  # KPO: -38.46 %


def test_arabic_segments_notes(run: Any) -> None:
    text = out(run, "--lang", "ar", "segments")
    assert english_left(text) == []
    assert "مجموع القطاعات 26,219 مليار درهم" in text
    assert "فارق -1.000.000 درهم، في حدود التقريب." in text


# --- scenario diff ----------------------------------------------------------------------------


def test_french_scenario_diff(run: Any) -> None:
    text = out(run, "--lang", "fr", *DIFF)
    assert english_left(text) == []
    assert text.startswith(f"Ce qui a changé de {SEED} à {EXAMPLE}")
    # the table, or its stacked form where it is too wide for the terminal
    assert "Objet" in text and "observation 2025 (offshoring-employment)" in text
    assert "Variation" in text and "Nouveau" in text
    assert "révisé" in text and "ajouté" in text and "inchangé" in text
    assert f"160{NNBSP}000 emplois" in text
    # 7.17 % a year from 2022 in NEW, 6.88 % in OLD
    assert (
        f"jobs dans le scénario NEW : accélération nécessaire - 7,17{NBSP}% par an réalisés contre "
        f"9,57{NBSP}% par an requis (2022-2030)"
    ) in text
    assert "Le nom du jeu de données : 'morocco-offshoring' dans le scénario OLD" in text
    assert "Chiffres tels que « offshoring cagr » et « offshoring status »" in text


def test_no_change_in_french(run: Any) -> None:
    text = out(run, "--lang", "fr", "scenario", "diff", SEED, SEED)
    assert text == f"Aucun changement : {SEED} et {SEED} contiennent les mêmes données.\n"


# --- the same JSON and CSV in every language ----------------------------------------------------

COMMANDS = [
    DIFF,
    ("status", "--metric", "exports", "--exports-baseline", "27bn"),
    ("status", "--metric", "exports", "--base-year", "2024"),
    ("status", "--since", "2023", "--metric", "jobs"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:3]))
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_stay_english(run: Any, command: tuple[str, ...], fmt: str) -> None:
    english = out(run, *command, "--format", fmt)
    assert english_left(english) != [] or fmt == "csv"  # English notes in JSON
    for language in ("fr", "ar"):
        assert out(run, "--lang", language, *command, "--format", fmt) == english, language


def test_the_notes_are_english_strings_for_json() -> None:
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports.status import status_report

    report = status_report(Options())
    with i18n.human("fr"):  # built English whatever is active when they are read
        note = next(n for n in report.notes if "range over base years 2022-2023" in n)
        assert str.__str__(note).startswith("jobs: range over base years 2022-2023 (the same")
        assert i18n.say(note).startswith("jobs : fourchette selon l'année de référence")


# --- the provenance line, the brief and the workbook -----------------------------------------


def test_the_provenance_line_in_french_and_arabic() -> None:
    from offshoring_cli.core.builtin import BUILTIN
    from offshoring_cli.reports.provenance import provenance, provenance_line

    line = provenance_line(provenance(BUILTIN))
    assert line.startswith("Made with offshoring-cli ")
    with i18n.human("fr"):
        assert i18n.say(line).startswith("Réalisé avec offshoring-cli ")
        assert "(dernier chiffre S1 2025, sources jusqu'au 2026-01-28)" in i18n.say(line)
    with i18n.human("ar"):
        # the date isolated left to right (U+2066 ... U+2069), the period in a first-strong
        # isolate (U+2068): in Arabic text the bidi algorithm would otherwise show 2026-01-28
        # as 28-01-2026
        assert (
            "(آخر رقم \u2068النصف الأول 2025\u2069، مصادر حتى \u20662026-01-28\u2069)"  # noqa: RUF001 (Arabic alef)
            in i18n.say(line)
        )


def test_the_french_markdown_brief_has_no_english_sentence_of_ours(run: Any) -> None:
    text = out(run, "--lang", "fr", "report")
    assert english_left(text) == []
    assert "Réalisé avec offshoring-cli" in text
    # the insights are on the appendix page (the brief itself is one page)
    appendix = out(run, "--lang", "fr", "report", "--appendix")
    assert english_left(appendix) == []
    assert "Rythme récent : jobs a progressé" in appendix


def _workbook(language: str) -> bytes:
    from offshoring_cli.core.builtin import BUILTIN
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.render.workbook import to_xlsx
    from offshoring_cli.reports import workbook as content

    book = content.build(Options(dataset=BUILTIN))
    i18n.use_dataset(BUILTIN.translations)
    try:
        with i18n.human(language):
            return to_xlsx(book)
    finally:
        i18n.use_dataset({})


@pytest.mark.parametrize(
    ("language", "sheets", "kind", "bands"),
    [
        (
            "fr",
            ["Entrées", "Écart", "Croissance", "Situation", "Trajectoire"],
            "observation",
            ("accélération nécessaire", "progrès modéré, accélération nécessaire"),
        ),
        (
            "ar",
            ["المدخلات", "الفجوة", "النمو", "الوضع", "المسار"],
            "مشاهدة",
            ("يلزم التسريع", None),
        ),
    ],
)
def test_the_workbook_in_french_and_arabic_computes_the_same_figures(
    tmp_path: Path,
    language: str,
    sheets: list[str],
    kind: str,
    bands: tuple[str, str | None],
) -> None:
    import openpyxl
    from pycel import ExcelCompiler

    data = _workbook(language)
    cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)[sheets[3]]
    # jobs' R 0.7191 is in [0.6, 0.95): "acceleration needed"; Q 0.6525 in [0.5, 0.95):
    # "fair progress, acceleration needed" -- in the workbook's language, cached and computed alike
    assert cached["P2"].value == bands[0]
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[:5] == sheets
    inputs, gap, growth, status = (book[name] for name in sheets[:4])
    assert inputs["B2"].value == kind  # the Inputs kinds the formulas match, translated too
    assert all("'" not in name for name in book.sheetnames)  # quoted as is in references
    path = tmp_path / f"{language}.xlsx"
    book.save(path)  # openpyxl drops the cached results: the engine computes
    engine = ExcelCompiler(filename=str(path))
    # jobs: 270,000 - 148,500 = 121,500; (270/148.5)^(1/6) - 1 = 0.104773;
    # 2022 -> 2024: (148.5/130)^(1/2) - 1 = 0.068788; R 0.7191; reached 2033
    assert engine.evaluate(f"'{gap.title}'!J2") == 121_500
    assert round(engine.evaluate(f"'{gap.title}'!N2"), 6) == 0.104773
    assert round(engine.evaluate(f"'{growth.title}'!O2"), 6) == 0.068788
    assert round(engine.evaluate(f"'{status.title}'!O2"), 4) == 0.7191
    assert engine.evaluate(f"'{status.title}'!U2") == 2033
    assert engine.evaluate(f"'{status.title}'!P2") == bands[0]
    if bands[1] is not None:
        assert engine.evaluate(f"'{status.title}'!T2") == bands[1]


def test_the_english_workbook_is_unchanged_by_the_languages() -> None:
    assert _workbook("en") == _workbook("en")  # no timestamp
    english = _workbook("en")
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(english))
    assert book.sheetnames == [
        *("Inputs", "Gap", "Growth", "Status", "Trajectory", "Sources", "Methods")
    ]
    methods = book["Methods"]
    assert methods["C1"].value == "How it is computed"
    french = openpyxl.load_workbook(io.BytesIO(_workbook("fr")))["Méthodes"]
    assert french["C1"].value == "Mode de calcul"
    assert "(MAX.SI.ENS sur Entrées)" in str(french["C2"].value)


@pytest.mark.slow
def test_offshoring_workbook_follows_lang(run_installed: Any, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "classeur.xlsx"
    done = run_installed("--lang", "fr", "workbook", "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(target).sheetnames[0] == "Entrées"


def test_the_cagr_trajectory_and_sensitivity_notes_in_french(run: Any) -> None:
    # Found by a new user: these three notes were English under --lang fr ("148,500 jobs")
    cagr = out(run, "--lang", "fr", "cagr")
    assert "TCAM = (fin / début) ** (1 / n) - 1" in cagr
    trajectory = out(run, "--lang", "fr", "trajectory", "-m", "jobs")
    assert "Chaque valeur d'une trajectoire est le jalon" in trajectory
    sensitivity = out(run, "--lang", "fr", "sensitivity", "-m", "jobs")
    # 270,000 * 0.8 = 216,000; the baseline 148,500 grouped the French way
    assert (
        f"jobs : valeur de référence 148{NNBSP}500 emplois (2024) ; objectifs : objectif -20 % = "
        f"216{NNBSP}000 emplois"
    ) in sensitivity
    for text in (cagr, trajectory, sensitivity):
        assert english_left(text) == []


def test_the_milestones_are_headed_by_the_indicators_labels(run: Any) -> None:
    # the appendix's milestone columns name the indicators as the key numbers do (their
    # labels, in the language), not by their ids
    english = out(run, "report", "--appendix")
    assert "| Offshoring jobs: compound path | Offshoring jobs: linear path |" in english
    assert "jobs: compound path" not in english.replace("Offshoring jobs: compound", "")
    french = out(run, "--lang", "fr", "report", "--appendix")
    assert "| Emplois de l'offshoring : trajectoire composée |" in french
