"""Issue 13, a second fresh user's findings under --lang fr and ar (through the installed
command; English byte-identical):

- the override source's publisher and title, ``--baseline jobs`` (not ID=VALUE), the labels of
  ``scenario init`` and ``scenario diff``, the half-year in the report's provenance: said in
  the language;
- French puts a space before a colon: chart legend, ``Options :``, ``Commandes :``, the file
  prefix of ``scenario validate``;
- a NUL byte in an observations_csv file says it is no CSV file;
- ``--increment`` under fr: only valid readings suggested, the unit word as typed, no
  decimal-comma reason without a comma, and the output's ``20 250 emplois par an`` accepted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SEED_TEXT, error_line, installed, write

pytestmark = pytest.mark.slow


def _run(*args: str) -> tuple[int, str, str]:
    done, _ = installed(*args)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", 'Source [override] user input, "command-line override"'),
        ("fr", "Source [override] saisie de l'utilisateur, « valeur donnée en ligne de commande »"),
        ("ar", "المصدر [override] إدخال المستخدم, «قيمة مُعطاة في سطر الأوامر»"),
    ],
)
def test_the_override_source_is_said_in_the_language_json_keeps_english(
    lang: str, line: str
) -> None:
    code, out, err = _run("--lang", lang, "gap", "--baseline", "jobs=150k")
    assert (code, err) == (0, "")
    assert line in out.splitlines()
    code, out, _err = _run("--lang", lang, "gap", "--baseline", "jobs=150k", "--json")
    assert code == 0
    assert json.loads(out)["sources"]["override"] == {
        "publisher": "user input",
        "title": "command-line override",
        "date": "",
        "url": "",
    }


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            "'jobs' is not ID=VALUE; give an indicator id and its figure, e.g. jobs=150k",
        ),
        (
            "fr",
            "'jobs' n'est pas de la forme ID=VALUE ; donnez l'identifiant d'un indicateur et son "
            "chiffre, par ex. jobs=150k",
        ),
        ("ar", "'jobs' ليس بالصيغة ID=VALUE؛ أعط معرّف مؤشر وقيمته، مثلًا jobs=150k"),
    ],
)
@pytest.mark.parametrize("option", ["--baseline", "--target"])
def test_a_pair_without_equals_is_refused_in_the_language(
    lang: str, words: str, option: str
) -> None:
    code, out, err = _run("--lang", lang, "gap", option, "jobs")
    assert (code, out) == (2, "")
    assert error_line(err).endswith(words)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "scenario 'dir.toml' is a directory; give a file name such as scenario.toml"),
        ("fr", "le scénario 'dir.toml' est un dossier ; donnez un nom de fichier"),
        ("ar", "السيناريو 'dir.toml' مجلد؛"),
    ],
)
def test_scenario_init_names_the_scenario_in_the_language(
    lang: str, words: str, tmp_path: Path
) -> None:
    (tmp_path / "dir.toml").mkdir()
    code, out, err = _run("--lang", lang, "scenario", "init", str(tmp_path / "dir.toml"))
    assert (code, out) == (2, "")
    assert words.replace("'dir.toml'", repr(str(tmp_path / "dir.toml"))) in error_line(err)


@pytest.mark.parametrize(
    ("lang", "missing", "invalid", "problem"),
    [
        ("en", "OLD scenario 'missing.toml': no such", "OLD {bad} is not", "{bad}: name: "),
        ("fr", "le scénario OLD 'missing.toml' : fichier", "le fichier OLD {bad} n'est",
         "{bad} : name : "),
        ("ar", "السيناريو OLD 'missing.toml': الملف", "الملف OLD {bad} ليس", "{bad}: name: "),
    ],
)  # fmt: skip
def test_scenario_diff_and_validate_read_in_the_language(
    lang: str, missing: str, invalid: str, problem: str, tmp_path: Path
) -> None:
    code, out, err = _run("--lang", lang, "scenario", "diff", "missing.toml", "new.toml")
    assert (code, out) == (2, "")
    assert error_line(err).split(" ", 1 + (lang == "fr"))[-1].startswith(missing)
    bad = write(tmp_path, "name = 5\n", "badv.toml")
    code, out, err = _run("--lang", lang, "scenario", "diff", str(bad), str(bad))
    assert code == 2
    assert invalid.format(bad=bad) in err.splitlines()[0]
    code, out, err = _run("--lang", lang, "scenario", "validate", str(bad))
    assert code == 2
    assert f"  {problem.format(bad=bad)}" in err


def test_scenario_diff_notes_name_the_scenario_in_french(tmp_path: Path) -> None:
    new = write(tmp_path, SEED_TEXT.replace('name = "morocco-offshoring"', 'name = "x"', 1))
    old = write(tmp_path, SEED_TEXT, "old.toml")
    code, out, err = _run("--lang", "fr", "scenario", "diff", str(old), str(new))
    assert code in (0, 1), err
    assert (
        "Le nom du jeu de données : 'morocco-offshoring' dans le scénario OLD, 'x' dans le "
        "scénario NEW." in out
    )


@pytest.mark.parametrize(
    ("lang", "as_of"),
    [
        ("en", "As of 2026-01-28 (latest figure 2025-H1)"),
        ("fr", "Au 2026-01-28 (dernier chiffre S1 2025)"),
        # the date isolated left to right, the half-year first-strong (bidi isolates)
        ("ar", "بتاريخ \u20662026-01-28\u2069 (آخر رقم \u2068النصف الأول 2025\u2069)"),  # noqa: RUF001
    ],
)
def test_the_report_says_the_half_year_the_languages_way(lang: str, as_of: str) -> None:
    code, out, err = _run("--lang", lang, "report", "--format", "markdown")
    assert code == 0, err
    assert as_of in out


@pytest.mark.parametrize(
    ("lang", "target"),
    [("en", "Target 2030: 270,000 jobs"), ("fr", "Objectif 2030 : 270\u202f000 emplois")],
)
def test_the_chart_legend_puts_a_space_before_the_french_colon(
    lang: str, target: str, tmp_path: Path
) -> None:
    svg = tmp_path / "c.svg"
    code, _out, err = _run("--lang", lang, "chart", "-m", "jobs", "--output", str(svg))
    assert code == 0, err
    assert target in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "headings"),
    [("en", ["Options:", "Commands:"]), ("fr", ["Options :", "Commandes :"]),
     ("ar", ["الخيارات:", "الأوامر:"])],
)  # fmt: skip
def test_help_headings_follow_the_languages_colon(lang: str, headings: list[str]) -> None:
    code, out, _err = _run("--lang", lang, "--help")
    assert code == 0
    assert all(h in out.splitlines() for h in headings), out


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "not a CSV file; save the file as UTF-8"),
        ("fr", "pas un fichier CSV ; enregistrez le fichier en UTF-8"),
        ("ar", "لا ملف CSV؛"),
    ],
)
def test_a_nul_byte_in_a_csv_says_csv(lang: str, words: str, tmp_path: Path) -> None:
    write(tmp_path, b"year,value,series,source\n2024,1\x00,x,y\n", "jobs.csv")
    start = SEED_TEXT.index("[[indicators.observations]]")
    end = SEED_TEXT.index("[[indicators]]", start)
    direction = 'unit = "jobs"\ndirection = "increase"\n'
    text = (SEED_TEXT[:start] + SEED_TEXT[end:]).replace(
        direction, f'{direction}observations_csv = "jobs.csv"\n', 1
    )
    scenario = write(tmp_path, text)
    code, out, err = _run("--lang", lang, "--scenario", str(scenario), "gap")
    assert (code, out) == (2, "")
    assert words in err and "TOML" not in err


def _increment(lang: str, text: str) -> tuple[int, str, str]:
    return _run("--lang", lang, "project", "-m", "jobs", "--increment", text, "--json")


def _projected_2030(out: str) -> float:
    (row,) = json.loads(out)["results"]
    assert row["increment_per_year"] == 20_250
    return float(row["value_at_target_year"])


def test_a_french_count_with_one_dot_takes_its_only_valid_reading() -> None:
    # 20.250 emplois: 20.25 is no whole number of jobs, so 20,250 jobs a year
    code, out, err = _increment("fr", "20.250 emplois")
    assert (code, err) == (0, "")
    same = _increment("en", "20250")
    assert _projected_2030(out) == _projected_2030(same[1])


def test_an_ambiguous_french_count_suggests_the_unit_word_as_typed() -> None:
    code, out, err = _increment("fr", "270.000 emplois")
    assert (code, out) == (2, "")
    assert (
        "écrivez 270 000 emplois (ou 270000 emplois) pour le premier, 270 emplois pour le "
        "second" in error_line(err)
    )
    assert " jobs" not in error_line(err)


def test_no_decimal_comma_reason_without_a_comma() -> None:
    code, _out, err = _increment("fr", "1e-6")
    assert code == 2
    line = error_line(err)
    assert (
        "'1e-6' n'est pas un nombre entier, et les emplois se comptent en nombres entiers" in line
    )
    assert "virgule" not in line
    code, _out, err = _increment("en", "1e-6")
    assert error_line(err).endswith(
        "'1e-6' is not a whole number of jobs; give a count such as 148500, 148,500 or 148.5k."
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "20 250 emplois par an"), ("ar", "20.250 منصب شغل سنويًا"),
     ("en", "20,250 jobs a year")],
)  # fmt: skip
def test_the_increment_as_the_output_prints_it_is_accepted(lang: str, text: str) -> None:
    code, out, err = _increment(lang, text)
    assert (code, err) == (0, ""), err
    # 148,500 jobs in 2024 + 6 years x 20,250 = 270,000 in 2030
    assert _projected_2030(out) == 270_000
