"""A scenario file's problems in the language chosen (issue 13): reading errors, TOML syntax,
each field's problems (pydantic's error types as sentences of ours), CSV observations and the
cross checks, under ``--lang fr`` and ``--lang ar`` (and ``OFFSHORING_LANG``), for
``scenario validate`` and for a command given ``--scenario``. Key paths stay as written in the
file; exit codes and the English text do not change."""

from __future__ import annotations

import copy
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLE, ROOT, error_line, installed, invoke_cli, toml, write

from offshoring_cli import i18n
from offshoring_cli.scenario import ScenarioError, fast, problems, validate
from offshoring_cli.scenario.large import large_check

SOURCE = EXAMPLE.read_text(encoding="utf-8")
CSV_EXAMPLE = ROOT / "examples" / "jobs-from-csv.toml"


def _changed(old: str, new: str) -> str:
    assert SOURCE.count(old) >= 1, old
    return SOURCE.replace(old, new, 1)


# Each bad file: its text, then the phrase of its problem in English (unchanged), French and
# Arabic. The key path is the file's own in every language.
CASES: dict[str, tuple[str, str, str, str]] = {
    "missing field": (
        _changed('label = "Offshoring jobs"\n', ""),
        "indicators[0].label: missing (required)",
        "indicators[0].label : manquant (obligatoire)",
        "indicators[0].label: مفقود (إلزامي)",
    ),
    "wrong type": (
        _changed("value = 148500", 'value = "abc"'),
        "value: must be a number, not text ('abc')",
        "value : doit être un nombre, pas du texte ('abc')",
        "value: يجب أن يكون رقمًا، لا نصًا ('abc')",
    ),
    "negative value": (
        _changed("value = 148500", "value = -148500"),
        "value: must be greater than 0",
        "value : doit être supérieur à 0",
        "value: يجب أن يكون أكبر من 0",
    ),
    "year out of range": (
        _changed("year = 2022\n", "year = 1800\n"),
        "year: must be greater than or equal to 1900",
        "year : doit être supérieur ou égal à 1900",
        "year: يجب أن يكون أكبر من 1900 أو مساويًا له",
    ),
    "bad date": (
        _changed('date = "2025-10-17"', 'date = "2025-02-30"'),
        "sources.le360-2025-10.date: 2025-02-30 is not a calendar date (2025-02 has 28 days); "
        "must be YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date with the year from 1900 to 2200",
        "sources.le360-2025-10.date : 2025-02-30 n'est pas une date du calendrier (2025-02 a 28 "
        "jours) ; doit être AAAA, AAAA-MM ou AAAA-MM-JJ, une date réelle du calendrier",
        "sources.le360-2025-10.date: 2025-02-30 ليس تاريخًا في التقويم (في 2025-02 28 يومًا)",
    ),
    "unknown key": (
        _changed('label = "Offshoring jobs"\n', 'label = "Offshoring jobs"\ncolour = "red"\n'),
        "indicators[0].colour: unknown key (check its spelling; see 'offshoring schema scenario')",
        "indicators[0].colour : clé inconnue (vérifiez son orthographe ; voir 'offshoring schema "
        "scenario')",
        "indicators[0].colour: مفتاح غير معروف (تحقق من كتابته؛ انظر 'offshoring schema scenario')",
    ),
    "cross check: unknown source": (
        _changed('source = "nap-2026"', 'source = "nowhere"'),
        "source: unknown source id 'nowhere' (known: ",
        "source : identifiant de source inconnu 'nowhere' (connus : ",
        "source: معرّف مصدر غير معروف 'nowhere' (المعروفة: ",
    ),
    "cross check: target before the data": (
        _changed("year = 2030", "year = 2020"),
        "target.year: 2020 must be after the latest whole-year observation (2025)",
        "target.year : 2020 doit être après la dernière observation d'une année entière (2025)",
        "target.year: يجب أن تكون 2020 بعد آخر مشاهدة لسنة كاملة (2025)",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=lambda c: c.replace(" ", "-"))
def test_scenario_validate_lists_the_problem_in_each_language(case: str, tmp_path: Path) -> None:
    text, english, french, arabic = CASES[case]
    path = write(tmp_path, text)
    for language, phrase in (("en", english), ("fr", french), ("ar", arabic)):
        result = invoke_cli("--lang", language, "scenario", "validate", str(path))
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert phrase in result.stderr, (language, result.stderr)
    count = len(validate.check(tomllib.loads(text))[1])
    fr = invoke_cli("--lang", "fr", "scenario", "validate", str(path)).stderr
    words = "1 problème" if count == 1 else f"{count} problèmes"
    assert (
        f"Erreur : {path} n'est pas un scénario valide ({words}) :\n  {path} : " in fr
    )  # the French colon
    assert "must be" not in fr and "Input should" not in fr
    ar = invoke_cli("scenario", "validate", str(path), env={"OFFSHORING_LANG": "ar"}).stderr
    words = {1: "مشكلة واحدة", 2: "مشكلتان"}[count]
    assert f"خطأ: {path} ليس سيناريو صالحًا ({words}):" in ar
    en = invoke_cli("scenario", "validate", str(path)).stderr
    words = "1 problem" if count == 1 else f"{count} problems"
    assert en.startswith(f"Error: {path} is not a valid scenario ({words}):\n  {path}: ")


@pytest.mark.parametrize("case", list(CASES), ids=lambda c: c.replace(" ", "-"))
def test_a_command_given_the_file_says_its_first_problem_in_each_language(
    case: str, tmp_path: Path
) -> None:
    text, english, french, arabic = CASES[case]
    path = write(tmp_path, text)
    for language, phrase, start in (
        ("en", english, f"Error: scenario '{path}': "),
        ("fr", french, f"Erreur : scénario '{path}' : "),
        ("ar", arabic, f"خطأ: السيناريو '{path}': "),
    ):
        result = invoke_cli("--lang", language, "--scenario", str(path), "gap")
        assert result.exit_code == 2, result.output
        line = error_line(result.stderr)
        assert line.startswith(start), line
        assert phrase in line, (language, line)


def test_several_problems_are_counted_and_the_rest_pointed_to_in_french(tmp_path: Path) -> None:
    text = _changed("value = 148500", "value = -148500").replace(
        "year = 2022\n", "year = 1800\n", 1
    )
    path = write(tmp_path, text)
    validated = invoke_cli("--lang", "fr", "scenario", "validate", str(path))
    assert validated.exit_code == 2
    assert "n'est pas un scénario valide (2 problèmes) :" in validated.stderr
    gap = invoke_cli("--lang", "fr", "--scenario", str(path), "gap")
    assert f"(et 1 de plus : lancez 'offshoring scenario validate {path}')" in gap.stderr
    arabic = invoke_cli("--lang", "ar", "scenario", "validate", str(path))
    assert "ليس سيناريو صالحًا (مشكلتان):" in arabic.stderr
    english = invoke_cli("--scenario", str(path), "gap")
    assert f"(and 1 more: run 'offshoring scenario validate {path}')" in english.stderr


def test_a_toml_syntax_error_keeps_tomllibs_detail_in_a_sentence_with_line_and_column(
    tmp_path: Path,
) -> None:
    # line 2 ("b = 130,000"), column 8: tomllib stops after "130"
    path = write(tmp_path, "a = 1\nb = 130,000\n")
    detail = "Expected newline or end of document after a statement"
    expected = {
        "en": f"TOML syntax error: {detail} (at line 2, column 8); a number in TOML has no "
        "thousands separator: write 130000 or 130_000",
        "fr": f"erreur de syntaxe TOML à la ligne 2, colonne 8 : {detail} ; un nombre en TOML "
        "n'a pas de séparateur des milliers : écrivez 130000 ou 130_000",
        "ar": f"خطأ في صياغة TOML في السطر 2، العمود 8: {detail}؛ لا يفصل الرقم في TOML بين "
        "الآلاف: اكتب 130000 أو 130_000",
    }
    for language, phrase in expected.items():
        for args in (("scenario", "validate", str(path)), ("--scenario", str(path), "gap")):
            result = invoke_cli("--lang", language, *args)
            assert result.exit_code == 2, result.output
            assert phrase in error_line(result.stderr), (language, result.stderr)
    end = write(tmp_path, "a = [1,\n", "end.toml")
    fr = invoke_cli("--lang", "fr", "scenario", "validate", str(end))
    assert "erreur de syntaxe TOML à la fin du document : Invalid value" in fr.stderr


def test_reading_errors_in_french_and_arabic(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    fr = invoke_cli("--lang", "fr", "--scenario", str(missing), "gap")
    assert fr.exit_code == 2
    assert "fichier introuvable ; vérifiez le chemin" in error_line(fr.stderr)
    ar = invoke_cli("--lang", "ar", "scenario", "validate", str(tmp_path))
    assert ar.exit_code == 2
    assert "مجلد، لا ملف سيناريو" in error_line(ar.stderr)
    latin = write(tmp_path, 'name = "caf\xe9"\n'.encode("latin-1"), "latin.toml")
    fr = invoke_cli("--lang", "fr", "scenario", "validate", str(latin))
    assert "n'est pas du texte UTF-8 : l'octet 0xE9 à la ligne 1, colonne 12" in fr.stderr
    empty = write(tmp_path, "\n", "empty.toml")
    ar = invoke_cli("--lang", "ar", "scenario", "validate", "-", stdin=b"")
    assert "السيناريو في المدخل القياسي: فارغ" in ar.stderr
    en = invoke_cli("scenario", "validate", str(empty))
    assert "is empty; start from 'offshoring scenario init'" in en.stderr


def test_a_valid_file_is_said_valid_in_each_language() -> None:
    # the seed: 2 indicators; 6 jobs + 4 exports observations = 10; 11 sources
    seed = str(ROOT / "seeds" / "morocco-offshoring.toml")
    said = {
        language: invoke_cli("--lang", language, "scenario", "validate", seed)
        for language in ("en", "fr", "ar")
    }
    assert all(result.exit_code == 0 for result in said.values())
    assert said["en"].stdout.endswith(
        ": valid scenario 'morocco-offshoring': 2 indicators, 10 observations, 11 sources\n"
    )
    assert said["fr"].stdout.endswith(
        " : scénario valide 'morocco-offshoring' : 2 indicateurs, 10 observations, 11 sources\n"
    )
    # Arabic counts: two is a dual word, 3-10 plural, 11-99 a singular accusative
    assert said["ar"].stdout.endswith(
        ": سيناريو صالح 'morocco-offshoring': مؤشران، 10 ملاحظات، 11 مصدرًا\n"
    )


def _csv_scenario(tmp_path: Path, rows: str) -> Path:
    shutil.copy(CSV_EXAMPLE, tmp_path / "s.toml")
    (tmp_path / "jobs-observations.csv").write_text(rows, encoding="utf-8")
    return tmp_path / "s.toml"


def test_csv_observation_problems_in_french_and_arabic(tmp_path: Path) -> None:
    good = (ROOT / "examples" / "jobs-observations.csv").read_text(encoding="utf-8")
    path = _csv_scenario(tmp_path, good.replace("2023,141000", "20x3,141000"))
    expected = {
        "en": "jobs-observations.csv, line 3, column 1 (year): '20x3' is not a year; write 2025 "
        "for a whole year",
        "fr": "jobs-observations.csv, ligne 3, colonne 1 (year) : '20x3' n'est pas une année ; "
        "écrivez 2025 pour une année entière",
        "ar": "jobs-observations.csv، السطر 3، العمود 1 (year): '20x3' ليس سنة؛ اكتب 2025 "
        "لسنة كاملة",
    }
    for language, phrase in expected.items():
        result = invoke_cli("--lang", language, "scenario", "validate", str(path))
        assert result.exit_code == 2
        assert phrase in result.stderr, (language, result.stderr)
    # a value refused by the model, located in the CSV file
    path = _csv_scenario(tmp_path, good.replace("2024,148500", "2024,148500.5"))
    fr = invoke_cli("--lang", "fr", "--scenario", str(path), "gap")
    assert (
        "jobs-observations.csv, ligne 4, colonne 2 (value) : 148500.5 n'est pas un nombre entier "
        ": les valeurs en 'jobs' sont des effectifs" in fr.stderr
    )
    # a missing column
    path = _csv_scenario(tmp_path, "year,value,series\n2024,148500,x\n")
    ar = invoke_cli("--lang", "ar", "scenario", "validate", str(path))
    assert "jobs-observations.csv، السطر 1: العمود source مفقود" in ar.stderr
    en = invoke_cli("scenario", "validate", str(path))
    assert "jobs-observations.csv, line 1: missing column source; the header names" in en.stderr


def test_a_segment_sum_names_its_figures_in_the_language(tmp_path: Path) -> None:
    data = tomllib.loads(SOURCE)
    for item in data["segments"]["items"]:
        item["value"] = item["value"] * 1000
    path = write(tmp_path, toml(data))
    en = invoke_cli("scenario", "validate", str(path))
    assert en.exit_code == 2
    assert "segments.items: the segments add up to " in en.stderr and " bn MAD, " in en.stderr
    fr = invoke_cli("--lang", "fr", "scenario", "validate", str(path))
    assert "segments.items : les segments totalisent " in fr.stderr
    assert " Md MAD, " in fr.stderr and " fois le chiffre 2024 de exports" in fr.stderr


# -- The same message for the same problem, whichever path finds it ---------------------------


def _said(found: list[str], language: str) -> list[str]:
    with i18n.human(language):
        return [i18n.say(problem) for problem in found]


@pytest.mark.parametrize("case", list(CASES), ids=lambda c: c.replace(" ", "-"))
def test_fast_and_full_paths_give_the_same_problems_in_every_language(case: str) -> None:
    data = tomllib.loads(CASES[case][0])
    assert fast.dataset(data) is None  # the fast path hands the file over
    _, checked = validate.check(data)
    _, full = validate.full_check(data)
    assert checked == full and checked
    for language in ("en", "fr", "ar"):
        assert _said(checked, language) == _said(full, language)
    # each problem is one of ours: a key path and a template of the catalogues
    for problem in checked:
        where, message = problems.parts(problem) or ("", "")
        assert where and message.template != "{detail}", problem  # type: ignore[attr-defined]


def _padded(data: dict[str, Any], copies: int) -> dict[str, Any]:
    """``data`` with ``copies`` valid copies of its first indicator after its own (ids apart):
    over :data:`validate.MAX_VALUES` values, so that the large file's path lists the problems."""
    good = tomllib.loads(SOURCE)["indicators"][0]
    extra = []
    for n in range(copies):
        item = copy.deepcopy(good)
        item["id"] = f"copy_{n}"
        extra.append(item)
    return {**data, "indicators": [*data["indicators"], *extra]}


@pytest.mark.parametrize("case", ["wrong type", "negative value", "year out of range"])
def test_the_large_file_path_says_what_the_full_path_says(case: str) -> None:
    data = _padded(tomllib.loads(CASES[case][0]), 400)
    assert validate._too_many_values(data)
    _, large = large_check(data)
    _, small = validate.full_check(tomllib.loads(CASES[case][0]))
    assert large == small
    for language in ("fr", "ar"):
        assert _said(large, language) == _said(small, language)


def test_a_csv_row_and_the_same_row_in_toml_say_the_same_problem(tmp_path: Path) -> None:
    good = (ROOT / "examples" / "jobs-observations.csv").read_text(encoding="utf-8")
    path = _csv_scenario(tmp_path, good.replace("2024,148500", "2024,148500.5"))
    with pytest.raises(ScenarioError) as from_csv:
        validate.load(path)
    inline = write(tmp_path, _changed("value = 148500", "value = 148500.5"), "inline.toml")
    with pytest.raises(ScenarioError) as from_toml:
        validate.load(inline)
    for language in ("en", "fr", "ar"):
        csv_said = _said(from_csv.value.problems, language)[0]
        toml_said = _said(from_toml.value.problems, language)[0]
        assert csv_said.split(": ", 1)[-1] == toml_said.split(": ", 1)[-1] or (
            csv_said.split(" : ", 1)[-1] == toml_said.split(" : ", 1)[-1]
        ), (csv_said, toml_said)


@pytest.mark.slow
def test_the_installed_command_says_scenario_problems_in_french_and_arabic(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, CASES["negative value"][0])
    done, _ = installed("--lang", "fr", "scenario", "validate", str(path))
    assert done.returncode == 2 and done.stdout == b""
    assert "value : doit être supérieur à 0" in done.stderr.decode()
    done, _ = installed("--scenario", str(path), "gap", env={"OFFSHORING_LANG": "ar"})
    assert done.returncode == 2
    assert "value: يجب أن يكون أكبر من 0" in done.stderr.decode()
    done, _ = installed("--scenario", str(path), "gap")
    assert done.returncode == 2
    assert "value: must be greater than 0" in done.stderr.decode()


@pytest.mark.slow
def test_every_problem_of_thousands_of_broken_files_is_one_of_ours() -> None:
    # The example file's every key path set to odd values, removed, or given an unknown key
    # (tests/test_scenario_fast_path.py): each problem is a key path and a template of ours
    # (not pydantic's words), written in French and Arabic without an English leftover.
    from test_scenario_fast_path import _mutations

    templates: set[str] = set()
    for label, data in _mutations(tomllib.loads(SOURCE)):
        _, found = validate.check(data)
        for problem in found:
            split = problems.parts(problem)
            assert split is not None, (label, problem)
            message = split[1]
            assert message.template != "{detail}", (label, problem)  # type: ignore[attr-defined]
            templates.add(message.template)  # type: ignore[attr-defined]
            for language in ("fr", "ar"):
                said = _said([problem], language)[0]
                assert "should" not in said and "must" not in said, (label, said)
    assert len(templates) > 40  # the mutations meet most of the format's problems
