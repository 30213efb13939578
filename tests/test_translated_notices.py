"""Warnings, notices and errors of ours in French and Arabic (issue 13): what the command writes
on stderr follows ``--lang``, its numbers grouped the language's way; English is unchanged,
the exit code is the same in every language, and JSON never changes.

Figures, worked out by hand:
- ``--jobs-baseline 148``: 148 / 148,500 (the built-in 2024 jobs) = 0.000997, at most 1/1,000:
  the 1,000-times warning; 148 * 1,000 = 148,000 = ``148k``, within 1,000 times of 148,500;
- ``--exports-baseline 26.22``: 26.22 / 26.22e9 = 1e-9; 26.22 * 1e9 = ``26.22bn`` (French
  ``26,22bn``, which ``--lang fr`` reads back as 26.22e9);
- ``--jobs-target 270000000``: 270e6 / 270,000 = 1,000, not below 1,000 times: ``check the unit``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

NNBSP = "\u202f"  # French thousands separator (CLDR fr)


def _stderr(run: Any, *args: str, columns: str = "200") -> tuple[int, str, str]:
    result = run(*args, env={"COLUMNS": columns})
    return result.exit_code, result.stdout, result.stderr


# --- the 1,000-times warning -----------------------------------------------------------------


def test_the_magnitude_warning_in_english_is_unchanged(run: Any) -> None:
    code, _, err = _stderr(run, "gap", "--jobs-baseline", "148", "--json")
    assert code == 0
    assert err == (
        "Warning: --jobs-baseline 148 is at least 1,000 times smaller than the built-in figure "
        "(148,500): did you mean 148k?\n"
    )
    code, _, err = _stderr(run, "gap", "--jobs-target", "270000000", "--json")
    assert err == (
        "Warning: --jobs-target 270,000,000 is at least 1,000 times larger than the built-in "
        "figure (270,000): check the unit.\n"
    )


def test_the_magnitude_warning_in_french(run: Any) -> None:
    code, _, err = _stderr(run, "--lang", "fr", "gap", "--exports-baseline", "26,22", "--json")
    assert code == 0
    assert err == (
        f"Avertissement : --exports-baseline 26,22 est au moins 1{NNBSP}000 fois plus petit que "
        f"le chiffre intégré (26{NNBSP}220{NNBSP}000{NNBSP}000) : vouliez-vous dire 26,22bn ?\n"
    )
    code, _, err = _stderr(run, "--lang", "fr", "gap", "--jobs-target", "270000000", "--json")
    assert f"--jobs-target 270{NNBSP}000{NNBSP}000 est au moins" in err
    assert "plus grand que le chiffre intégré" in err and "vérifiez l'unité." in err


def test_the_suggested_value_reads_back_in_french(run: Any) -> None:
    # The French hint 26,22bn, typed under --lang fr, is the built-in baseline itself.
    english = _stderr(run, "gap", "--exports-baseline", "26.22bn", "--json")[1]
    code, out, err = _stderr(run, "--lang", "fr", "gap", "--exports-baseline", "26,22bn", "--json")
    assert (code, err) == (0, "")
    assert out == english
    assert json.loads(out)["results"][1]["baseline"] == 26_220_000_000


def test_the_magnitude_warning_in_arabic(run: Any) -> None:
    code, _, err = _stderr(run, "--lang", "ar", "gap", "--jobs-baseline", "148", "--json")
    assert code == 0
    assert err == (
        "تنبيه: --jobs-baseline 148 أصغر بألف مرة على الأقل من الرقم المدمج (148.500): "
        "هل تقصد 148k؟\n"
    )


def test_json_is_the_same_whatever_the_warning_language(run: Any) -> None:
    outputs = {
        lang: _stderr(run, "--lang", lang, "gap", "--jobs-baseline", "148", "--json")[1]
        for lang in ("en", "fr", "ar")
    }
    assert outputs["fr"] == outputs["en"] == outputs["ar"]


# --- errors of the core ------------------------------------------------------------------------


def test_a_missing_base_year_error_in_each_language(run: Any) -> None:
    english = _stderr(run, "gap", "--base-year", "2019")
    french = _stderr(run, "--lang", "fr", "gap", "--base-year", "2019")
    arabic = _stderr(run, "--lang", "ar", "gap", "--base-year", "2019")
    assert english[0] == french[0] == arabic[0] == 2
    assert english[2].endswith(
        "Error: no built-in jobs figure for base year 2019 (built-in years: 2022, 2023, 2024); "
        "give one with --jobs-baseline, choose another --base-year, or leave jobs out with "
        "--metric\n"
    )
    assert french[2].endswith(
        "Erreur : aucun chiffre intégré de « jobs » pour l'année de référence 2019 (années "
        "intégrées : 2022, 2023, 2024) ; donnez-en un avec --jobs-baseline, choisissez une autre "
        "--base-year, ou laissez jobs de côté avec --metric\n"
    )
    assert "لا يوجد رقم مدمج لـ jobs لسنة الأساس 2019" in arabic[2]
    assert "--jobs-baseline" in arabic[2] and "--base-year" in arabic[2]


def test_an_unknown_metric_in_french_names_the_option(run: Any) -> None:
    code, _, err = _stderr(run, "--lang", "fr", "gap", "-m", "hires")
    assert code == 2
    assert err.endswith(
        "Erreur : --metric 'hires' : le jeu de données 'morocco-offshoring' n'a pas cet "
        "indicateur ; choisissez parmi : jobs, exports\n"
    )


def test_the_target_year_hint_in_french(run: Any) -> None:
    # 2030 = the built-in jobs target year, after the base year 2024.
    code, _, err = _stderr(
        run, "--lang", "fr", "gap", "--base-year", "2024", "--target-year", "2024"
    )
    assert code == 2
    assert (
        "l'année cible 2024 doit être postérieure à l'année de référence 2024 ; donnez une "
        "--target-year ultérieure (par ex. 2030)"
    ) in err


def test_the_python_api_keeps_the_input_names() -> None:
    from offshoring_cli.core.resolve import Options, resolve
    from offshoring_cli.errors import InputError

    with pytest.raises(InputError) as caught:
        resolve(Options(metrics=("jobs",), base_year=2019))
    assert str(caught.value).endswith("choose another base_year, or leave jobs out with metrics")
    _, warnings = resolve(Options(metrics=("jobs",), baselines={"jobs": 148}))
    assert warnings == [
        "baseline[jobs] 148 is at least 1,000 times smaller than the built-in figure "
        "(148,500): did you mean 148k?"
    ]


# --- notices of the command line, through the installed command --------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Wrote {path}\n"),
        ("fr", "Écrit : {path}\n"),
        ("ar", "كُتب الملف {path}\n"),
    ],
)
def test_wrote_file_in_each_language(
    run_installed: Any, tmp_path: Any, language: str, expected: str
) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "chart.svg"
    proc = run_installed("--lang", language, "chart", "--output", str(path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == expected.format(path=path)


@pytest.mark.slow
def test_installed_warning_and_error_in_french(run_installed: Any) -> None:
    proc = run_installed("--lang", "fr", "gap", "--jobs-baseline", "148", "--json")
    assert proc.returncode == 0
    assert proc.stderr.startswith("Avertissement : --jobs-baseline 148 est au moins 1")
    assert "(148\u202f500) : vouliez-vous dire 148k ?" in proc.stderr
    proc = run_installed("gap", "--base-year", "2019", env={"OFFSHORING_LANG": "ar"})
    assert proc.returncode == 2
    assert "لا يوجد رقم مدمج لـ jobs" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- the grammar's errors on the command line -------------------------------------------------


def test_a_number_error_in_french_gives_french_examples(run: Any) -> None:
    code, out, err = _stderr(run, "--lang", "fr", "gap", "--jobs-baseline", "abc")
    assert (code, out) == (2, "")
    assert err.endswith(
        "Erreur : Valeur non valide pour '--jobs-baseline' : 'abc' n'est pas un nombre ; "
        "donnez un "
        "nombre comme 148500, 148 500 ou 148,5k.\n"
    )
    # each French example reads back under --lang fr as a valid count
    for example in ("148500", "148 500", "148,5k"):
        assert _stderr(run, "--lang", "fr", "gap", "--jobs-baseline", example, "--json")[0] == 0


def test_a_number_error_in_english_and_arabic(run: Any) -> None:
    code, _, err = _stderr(run, "gap", "--jobs-baseline", "abc")
    assert code == 2
    assert err.endswith(
        "Error: Invalid value for '--jobs-baseline': 'abc' is not a number; give a number such "
        "as 148500, 148,500 or 148.5k.\n"
    )
    code, _, err = _stderr(run, "--lang", "ar", "gap", "--jobs-baseline", "abc")
    assert code == 2
    assert "'abc' ليس عددًا؛ أعط عددًا مثل 148500 أو 148 500 أو 148,5k." in err


def test_a_bare_rate_hint_in_french(run: Any) -> None:
    code, _, err = _stderr(run, "--lang", "fr", "project", "--growth", "12")
    assert code == 2
    assert (
        "'12' : un nombre seul est une fraction (0,08 = 8 %) ; pour 12 pour cent, tapez 12%."
    ) in err


def test_a_year_error_in_french(run: Any) -> None:
    code, _, err = _stderr(run, "--lang", "fr", "gap", "--base-year", "19")
    assert code == 2
    assert "'19' n'est pas une année ; donnez une année de quatre chiffres comme 2030." in err


# --- one comma before three digits, under --lang fr ---------------------------------------------


def test_270_comma_000_is_refused_as_ambiguous_in_french(run: Any) -> None:
    # 270,000 jobs: 270 (French decimal comma, a whole count) or 270,000 (English grouping).
    code, out, err = _stderr(run, "--lang", "fr", "gap", "--jobs-target", "270,000", "--json")
    assert (code, out) == (2, "")
    assert (
        "'270,000' : ambigu : 270 000 ou 270 ? En français la virgule marque les décimales, en "
        "anglais elle sépare les milliers : écrivez 270 000 (ou 270000) pour le premier, 270 "
        "pour le second."
    ) in err
    # an amount: 40,000bn is 40bn or 40,000bn, both valid amounts
    code, _, err = _stderr(run, "--lang", "fr", "gap", "--exports-target", "40,000bn")
    assert code == 2 and "40 000bn ou 40bn ?" in err


def test_the_unit_settles_a_comma_before_three_digits(run: Any) -> None:
    # A rate: 10,480 % as 10,480 % a year is above the 1,000 % limit, so it is 10.48 %.
    code, out, _ = _stderr(run, "--lang", "fr", "project", "--growth", "10,480 %", "--json")
    assert code == 0
    assert json.loads(out)["inputs"]["growth"] == pytest.approx(0.1048)
    # A count: 148,500 as 148.5 is no whole number of jobs: the count hint, as before.
    code, _, err = _stderr(run, "--lang", "fr", "gap", "--jobs-baseline", "148,500")
    assert code == 2
    assert "ce nombre se lit donc 148,5, et les emplois sont des nombres entiers" in err


def test_english_still_reads_270_comma_000_as_270_000(run: Any) -> None:
    code, out, err = _stderr(run, "gap", "--jobs-target", "270,000", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["results"][0]["target"] == 270_000
    french = _stderr(run, "--lang", "fr", "gap", "--jobs-target", "270 000", "--json")[1]
    assert french == out  # the same JSON, typed the French way


# --- scenario show, French typography, the brief's headers, a falling pace ----------------------


def test_scenario_show_notes_and_pairs_in_french(run: Any) -> None:
    code, out, _ = _stderr(run, "--lang", "fr", "scenario", "show", columns="80")  # stacked
    assert code == 0
    assert "  Série de l'objectif : offshoring-employment\n" in out  # " :" in French
    assert "morocco-offshoring (intégré) : Le secteur marocain de l'offshoring" in out
    assert "Autres séries gardées pour le contexte, jamais comparées à un objectif" in out
    assert "Segments : 5 de exports en 2024." in out


def test_scenario_show_in_english_is_unchanged(run: Any) -> None:
    code, out, _ = _stderr(run, "scenario", "show", columns="80")
    assert code == 0
    assert "  Target's series: offshoring-employment\n" in out
    assert "morocco-offshoring (built-in): Morocco's offshoring sector" in out
    assert "Other series kept for context, never compared with a target: offshoring-legacy." in out
    assert "Segments: 5 of exports in 2024." in out
    json_en = _stderr(run, "scenario", "show", "--json")[1]
    assert _stderr(run, "--lang", "fr", "scenario", "show", "--json")[1] == json_en


def test_the_brief_heads_its_key_numbers_with_labels(run: Any) -> None:
    english = _stderr(run, "report")[1]
    assert "|  | Offshoring jobs | Offshoring service exports |" in english
    french = _stderr(run, "--lang", "fr", "report")[1]
    assert "|  | Emplois de l'offshoring | Exportations de services d'offshoring |" in french
    assert "## Constats\n\n**" in french  # the findings still open the page


def test_a_falling_pace_has_no_double_minus(run: Any) -> None:
    # (120,000 / 130,000) ** (1/2) - 1 = -0.0392 -> -3.92 % a year from 2022; required from
    # 2022: (270,000 / 130,000) ** (1/8) - 1 = 9.57 %.
    code, out, _ = _stderr(run, "status", "-m", "jobs", "--jobs-baseline", "120000", "--json")
    assert code == 0
    verdict = json.loads(out)["results"][0]["verdict"]
    assert verdict == "jobs: moving away - achieved -3.92 %/yr vs 9.57 %/yr required (2022-2030)"
    assert "- -" not in verdict
    french = _stderr(run, "--lang", "fr", "status", "-m", "jobs", "--jobs-baseline", "120000")[1]
    assert (
        "jobs : s'éloigne de l'objectif - atteint -3,92\u00a0% par an contre 9,57\u00a0% par an "
        "requis (2022-2030)"
    ) in french


# --- errors of the reports (project, sensitivity) ---------------------------------------------


def test_project_until_error_in_each_language(run: Any) -> None:
    # the base year of jobs is 2024; the suggested year is the target year 2030
    english = _stderr(run, "project", "--until", "2020", "--growth", "5%")
    french = _stderr(run, "--lang", "fr", "project", "--until", "2020", "--growth", "5%")
    assert english[0] == french[0] == 2
    assert english[2].endswith(
        "Error: --until 2020 must be after the base year of jobs (2024); give a later year, "
        "e.g. --until 2030\n"
    )
    assert french[2].endswith(
        "Erreur : --until 2020 doit être postérieure à l'année de référence de jobs (2024) ; "
        "donnez une année ultérieure, par ex. --until 2030\n"
    )


def test_sensitivity_change_error_in_arabic(run: Any) -> None:
    english = _stderr(run, "sensitivity", "--changes=10%,10%")
    arabic = _stderr(run, "--lang", "ar", "sensitivity", "--changes=10%,10%")
    assert english[0] == arabic[0] == 2
    assert english[2].endswith(
        'Error: --changes: the change "Target +10 %" is given twice; give each change once\n'
    )
    # before: the English label 'Target +10 %' in the Arabic sentence
    assert "--changes: التغيير «الهدف +10%» مذكور مرتين" in arabic[2]


def test_status_since_errors_in_french(run: Any) -> None:
    # jobs: whole years 2022, 2023, 2024 (the latest): --since 2024 is not before it
    english = _stderr(run, "status", "--since", "2024")
    french = _stderr(run, "--lang", "fr", "status", "--since", "2024")
    assert english[0] == french[0] == 2
    assert english[2].endswith(
        "Error: --since 2024 must be before the latest year of jobs (2024); choose one of: "
        "2022, 2023 (each metric has its own years: assess one at a time with --metric)\n"
    )
    assert french[2].endswith(
        "Erreur : --since 2024 doit être antérieure à la dernière année de jobs (2024) ; "
        "choisissez l'une de : 2022, 2023 (chaque indicateur a ses propres années : "
        "évaluez-les un par un avec --metric)\n"
    )


def test_an_output_path_error_in_french(run: Any, tmp_path: Any) -> None:
    missing = tmp_path / "absent" / "brief.md"
    english = _stderr(run, "report", "--output", str(missing))
    french = _stderr(run, "--lang", "fr", "report", "--output", str(missing))
    assert english[0] == french[0] == 2
    assert english[2].endswith(
        f"Error: --output '{missing}': folder '{missing.parent}' does not exist\n"
    )
    assert french[2].endswith(
        f"Erreur : --output '{missing}' : le dossier '{missing.parent}' n'existe pas\n"
    )
    assert not missing.parent.exists()
