"""Sentences that stayed English under --lang fr/ar (session 4 findings, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, invoke_cli


def test_sensitivity_column_headers_are_translated() -> None:
    # before: "Target -20 %", "Target as set" under --lang fr and ar
    fr = invoke_cli(
        "--lang",
        "fr",
        "sensitivity",
        "-m",
        "jobs",
        "--years",
        "2030",
        "--format",
        "markdown",
        "--changes=-12.5%,0,10%",
    )
    assert fr.exit_code == 0, fr.output
    header = fr.output.splitlines()[2]
    assert "| Objectif -12,5 % | Objectif tel que fixé | Objectif +10 % |" in header
    assert "Target" not in fr.output
    ar = invoke_cli(
        "--lang", "ar", "sensitivity", "-m", "jobs", "--years", "2030", "--format", "markdown"
    )
    assert "الهدف كما حُدد" in ar.output and "Target" not in ar.output
    # English as before, digits as in the column key
    en = invoke_cli(
        "sensitivity",
        "-m",
        "jobs",
        "--years",
        "2030",
        "--format",
        "markdown",
        "--changes=-12.5%,0,1000%",
    )
    assert "| Target -12.5 % | Target as set | Target +1000 % |" in en.output


def test_sensitivity_refusal_names_the_change_in_french() -> None:
    # before: "la variation 'Target +10 %' est donnée deux fois"
    result = invoke_cli("--lang", "fr", "sensitivity", "--changes", "10%,10%")
    assert result.exit_code == 2
    assert "la variation « Objectif +10 % » est donnée deux fois" in result.output


def test_project_note_is_translated() -> None:
    result = invoke_cli("--lang", "fr", "project", "--growth", "8%", "-m", "jobs")
    assert "Une hypothèse à un rythme supposé, pas une prévision." in result.output
    assert "A what-if" not in result.output


def test_status_reason_of_a_single_observation_is_translated() -> None:
    result = invoke_cli("--lang", "fr", "status", "--base-year", "2022", "-m", "jobs")
    assert result.exit_code == 0, result.output
    assert "une seule observation annuelle de la série « offshoring-employment » (2022)" in (
        result.output
    )
    assert "omettez --base-year (ou donnez --base-year 2024)." in result.output
    assert "only one whole-year" not in result.output
    # JSON stays English whatever the language
    document = invoke_cli("--lang", "fr", "status", "--base-year", "2022", "-m", "jobs", "--json")
    assert "only one whole-year observation of series 'offshoring-employment' (2022)" in (
        document.output
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "--growth 8% and --growth 9% disagree; give --growth only once."),
        ("fr", "--growth 8% et --growth 9% ne concordent pas ; donnez --growth une seule fois."),
    ],
)
def test_an_option_given_twice_is_refused_in_the_language(lang: str, expected: str) -> None:
    result = invoke_cli("--lang", lang, "project", "--growth", "8%", "--growth", "9%")
    assert result.exit_code == 2
    prefix = {"en": "Error: ", "fr": "Erreur : "}[lang]  # Click's own text, in the language
    assert f"{prefix}{expected}" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("report", "-o", "x.pdf"),
            "Erreur : --output 'x.pdf' : le format suit l'extension, et '.pdf' n'en fait pas "
            "partie ; utilisez .md, .markdown, .html ou .htm (par ex. x.md), ou donnez --format",
        ),
        (
            ("report", "-o", "x"),
            "Erreur : --output 'x' : le format suit l'extension et il n'y en a pas ;",
        ),
        (
            ("report", "-o", "x.md", "--format", "html"),
            "Erreur : --output 'x.md' se termine par .md, soit le format markdown, mais --format "
            "html a été donné ; retirez l'un des deux, ou nommez le fichier x.html",
        ),
        (
            ("workbook", "-o", "existing.xlsx"),
            "Erreur : --output 'existing.xlsx' existe déjà ; ajoutez --force pour l'écraser",
        ),
        (
            ("report", "-o", "d/x.md"),
            "Erreur : le graphique à côté de --output 'd/x.md' ('d/x-chart.svg') est un dossier",
        ),
    ],
)
def test_output_path_errors_are_translated(
    args: tuple[str, ...], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "existing.xlsx").write_bytes(b"kept")
    (tmp_path / "d" / "x-chart.svg").mkdir(parents=True)
    result = invoke_cli("--lang", "fr", *args)
    assert result.exit_code == 2
    assert expected in " ".join(result.output.split())
    assert (tmp_path / "existing.xlsx").read_bytes() == b"kept"


def test_the_charts_install_hint_is_translated() -> None:
    from offshoring_cli import i18n
    from offshoring_cli.render.chart import INSTALL_HINT

    assert (
        INSTALL_HINT
        == "pip install 'offshoring-cli[charts]' (from a clone: pip install '.[charts]')"
    )
    with i18n.human("fr"):
        assert "(depuis un clone : pip install '.[charts]')" in i18n.say(INSTALL_HINT)


def test_translating_md_says_the_workbook_bands_follow_the_language() -> None:
    # before: "the bands of the *Status* sheet stay `on track`, `acceleration needed`", while
    # they are translated (the README says so, and the workbook tests check it)

    doc = " ".join((ROOT / "docs" / "translating.md").read_text(encoding="utf-8").split())
    assert "stay `on track`" not in doc
    assert "the bands of the *Status* sheet read `accélération nécessaire`" in doc


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # before: "et les jobs sont des nombres entiers"
        (("gap", "--jobs-baseline", "150,5"), "et les emplois sont des nombres entiers"),
        (
            ("project", "-m", "jobs", "--increment", "1,5"),
            "et les emplois sont des nombres entiers",
        ),
        # before: "aucun chiffre intégré de jobs" (an id used as a word)
        (("gap", "--base-year", "2021"), "aucun chiffre intégré de « jobs » pour l'année"),
    ],
)
def test_french_errors_name_units_in_french_and_quote_ids(
    args: tuple[str, ...], expected: str
) -> None:
    result = invoke_cli("--lang", "fr", *args)
    assert result.exit_code == 2
    assert expected in " ".join(result.output.split())


def test_french_insight_quotes_the_ids() -> None:
    # before: "les objectifs supposent que jobs croissent plus vite que exports"
    result = invoke_cli("--lang", "fr", "status")
    assert "les objectifs supposent que « jobs » croît plus vite que « exports »." in (
        " ".join(result.output.split())
    )
    english = invoke_cli("status")
    assert "jobs grow faster than exports" in " ".join(english.output.split())


def test_half_years_are_said_as_the_language_says_them() -> None:
    # before: "H1 2024" in French and Arabic (French says "S1 2024": docs/glossary.md)
    fr = " ".join(invoke_cli("--lang", "fr", "status").output.split())
    assert "les chiffres semestriels (S1 2024, S1 2025) ne sont pas mêlés" in fr
    assert "13,40 Md MAD au S1 2025 contre 12,90 Md MAD au S1 2024" in fr
    assert "H1" not in fr
    ar = invoke_cli("--lang", "ar", "status").output
    assert "النصف الأول 2025" in ar and "H1" not in ar
    segments = " ".join(invoke_cli("--lang", "fr", "segments").output.split())
    assert "par segment, S1 2025" in segments
    english = " ".join(invoke_cli("status").output.split())
    assert "half-year figures (H1 2024, H1 2025)" in english
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "| S1 2024, S2 2024 (semestre) |" in glossary


def test_workbook_labels_use_the_datasets_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # before: the Libellé column held "Offshoring jobs" while the brief said "Emplois de
    # l'offshoring" (the dataset's French translation)
    import openpyxl

    monkeypatch.chdir(tmp_path)
    assert invoke_cli("--lang", "fr", "workbook", "-o", "fr.xlsx").exit_code == 0
    assert invoke_cli("workbook", "-o", "en.xlsx").exit_code == 0

    def labels(name: str, header: str) -> list[object]:
        sheet = openpyxl.load_workbook(tmp_path / name).worksheets[1]
        row = [c.value for c in sheet[1]]
        column = row.index(header)
        return [r[column].value for r in sheet.iter_rows(min_row=2, max_row=3)]

    assert labels("fr.xlsx", "Libellé") == [
        "Emplois de l'offshoring",
        "Exportations de services d'offshoring",
    ]
    assert labels("en.xlsx", "Label")[0] == "Offshoring jobs"
