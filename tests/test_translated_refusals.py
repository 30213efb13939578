"""Refusals that were still plain English strings under --lang fr|ar (issue 13): the command
line's own usage checks, the chart and workbook options, the rarer output path errors, the
messages of --changes lists (with the example a list accepts), the formulas' domain errors."""

from __future__ import annotations

import math

import pytest
from helpers import installed

from offshoring_cli import i18n
from offshoring_cli.core import formulas, results
from offshoring_cli.errors import DomainError

LONG = "a" * 300 + ".md"  # 303 bytes: above the 255 bytes a name may have on Linux file systems

# (arguments, English error line, French phrase, Arabic phrase)
CASES = [
    (
        ("gap", "--json", "--format", "csv"),
        "Error: --json and --format csv disagree; give only one of them.",
        "Erreur : --json et --format csv ne concordent pas ; n'en donnez qu'un.",
        "خطأ: --json و--format csv متعارضان؛ أعط واحدًا منهما فقط.",
    ),
    (
        ("chart", "--format", "svg"),
        "Error: --format svg is for an image: add --output FILE (or --output - for stdout); "
        "the terminal chart is text.",
        "Erreur : --format svg produit une image : ajoutez --output FICHIER",
        "خطأ: --format svg مخصص لصورة: أضف --output FILE",
    ),
    (
        ("workbook", "-o", "x.txt"),
        "Error: --output 'x.txt': a workbook is written as .xlsx; name the file x.xlsx",
        "Erreur : --output 'x.txt' : un classeur s'écrit en .xlsx ; nommez le fichier x.xlsx",
        "خطأ: --output 'x.txt': يُكتب المصنف بصيغة",
    ),
    (
        ("report", "-o", "/dev/fd/0"),  # stdin: a pipe's reading end
        "Error: --output '/dev/fd/0' names file descriptor 0, which is open for reading only",
        "Erreur : --output '/dev/fd/0' désigne le descripteur de fichier 0, ouvert en lecture "
        "seule",
        "خطأ: --output '/dev/fd/0' يشير إلى واصف الملف 0، وهو مفتوح للقراءة فقط",
    ),
    (
        ("report", "-o", LONG),
        f"Error: --output '{LONG}': a name in it is too long for the file system (303 bytes; "
        "at most 255)",
        "l'un de ses noms est trop long pour le système de fichiers (303 octets ; au plus 255)",
        "أحد الأسماء فيه أطول مما يسمح به نظام الملفات (303 بايت؛ الحد الأقصى 255)",
    ),
    (
        ("schema", "xx"),
        "Error: Invalid value for 'NAME': 'xx' is not a schema; give one of: scenario, gap, "
        "cagr, status, trajectory, project, sensitivity, segments, scenario-show, scenario-diff.",
        "Erreur : Valeur non valide pour 'NAME' : 'xx' n'est pas un schéma ; donnez l'un de : "
        "scenario, gap",
        "خطأ: قيمة غير صالحة لـ 'NAME': 'xx' ليس مخططًا؛ أعط أحد: scenario, gap",
    ),
    (
        ("scenario", "diff", "-", "-"),
        "Error: OLD and NEW are both - : only one of them may be standard input; give the other "
        "as a file path.",
        "Erreur : OLD et NEW valent tous deux - : un seul peut être l'entrée standard",
        "خطأ: OLD وNEW كلاهما - : واحد منهما فقط يمكن أن يكون المدخل القياسي",
    ),
    (
        ("sensitivity", "--changes", "1,500"),
        "Error: Invalid value for '--changes': '1,500': the comma separates the rates here, so "
        "'1,500' is ambiguous; group digits with _ in a list.",
        "'1,500' : la virgule sépare ici les taux, '1,500' est donc ambigu ; dans une liste, "
        "groupez les chiffres avec _.",
        "'1,500': الفاصلة هنا تفصل بين المعدلات، لذا فإن '1,500' ملتبس؛ في القائمة جمّع "
        "الأرقام بـ _.",
    ),
    (
        ("sensitivity", "--changes", "1,000%"),
        "Error: Invalid value for '--changes': '1,000%': the comma separates the rates here, so "
        "'1,000%' is ambiguous; for one rate type 1_000%.",
        "la virgule sépare ici les taux, '1,000%' est donc ambigu ; pour un seul taux, tapez "
        "1_000%.",
        "لمعدل واحد اكتب 1_000%.",
    ),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("args", "english", "french", "arabic"), CASES)
def test_refusals_follow_the_language(
    args: tuple[str, ...], english: str, french: str, arabic: str, tmp_path: object
) -> None:
    done, _ = installed(*args, stdin=b"")
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode().splitlines()[-1] == english  # English as before
    for language, phrase in (("fr", french), ("ar", arabic)):
        done, _ = installed("--lang", language, *args, stdin=b"")
        assert (done.returncode, done.stdout) == (2, b""), done.stderr
        last = done.stderr.decode().splitlines()[-1]
        assert phrase in last, last
        assert "Error" not in last


LIST_CASES = [
    # a rate the grammar refuses inside a list: the example keeps the dot a list takes
    (
        "10%,abc",
        "'abc' is not a rate; give a percentage such as 8% or a fraction 0.08.",
        "'abc' n'est pas un taux ; donnez un pourcentage comme 8 % ou une fraction 0.08 (dans "
        "une liste, la virgule sépare les éléments, les décimales y prennent donc le point).",
        "'abc' ليس معدلًا؛ أعط نسبة مئوية مثل 8% أو كسرًا 0.08 (في القائمة تفصل الفاصلة بين "
        "العناصر، فتُكتب الكسور العشرية بنقطة).",
    ),
    (
        "10%,5",
        "'5': a bare number is a fraction (0.08 = 8 %); for 5 percent type 5%.",
        "'5' : un nombre seul est une fraction (0.08 = 8 %, avec un point dans une liste) ; "
        "pour 5 pour cent, tapez 5%.",
        "'5': العدد المجرد كسر (0.08 = 8%، بنقطة داخل القائمة)؛ لـ 5 بالمئة اكتب 5%.",
    ),
    (
        "10%,5000",
        "'5000': a bare number is a fraction (0.08 = 8 %); give a percentage such as 8% or a "
        "fraction 0.08.",
        "ou une fraction 0.08 (dans une liste, la virgule sépare les éléments",
        "أو كسرًا 0.08 (في القائمة",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("changes", "english", "french", "arabic"), LIST_CASES)
def test_a_bad_rate_in_a_list_gets_an_example_a_list_accepts(
    changes: str, english: str, french: str, arabic: str
) -> None:
    done, _ = installed("sensitivity", "--changes", changes)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode().endswith(f"Invalid value for '--changes': {english}\n")
    for language, phrase in (("fr", french), ("ar", arabic)):
        done, _ = installed("--lang", language, "sensitivity", "--changes", changes)
        assert (done.returncode, done.stdout) == (2, b""), done.stderr
        err = done.stderr.decode()
        assert phrase in err and "0,08" not in err, err
    # the example given is accepted in a list, in French too (8 % and 0.08)
    for example in ("10%,8 %", "10%,0.08"):
        done, _ = installed("--lang", "fr", "sensitivity", "--changes", example, "--json")
        assert done.returncode == 0, done.stderr
    # a single rate still gets the French notation, which it accepts
    done, _ = installed("--lang", "fr", "project", "-m", "jobs", "--growth", "abc")
    assert "une fraction 0,08." in done.stderr.decode()
    done, _ = installed("--lang", "fr", "project", "-m", "jobs", "--growth", "0,08", "--json")
    assert done.returncode == 0, done.stderr


def _refusal(call: object) -> DomainError:
    with pytest.raises(DomainError) as raised:
        call()  # type: ignore[operator]
    return raised.value


def _in(language: str, error: DomainError) -> str:
    with i18n.human(language):  # Babel's spaces (no-break, narrow) as plain ones
        return i18n.say(error.template).replace("\xa0", " ").replace("\u202f", " ")


def test_the_formulas_domain_errors_are_translated() -> None:
    # English: str(error) as before, byte for byte; French and Arabic: the sentence and its
    # numbers in the language (a rate of -1.5 = -150.00 %, 1e300 * 10 ** 400 overflows).
    error = _refusal(lambda: formulas.cagr(0, 1, 2))
    assert str(error) == "start must be greater than 0, got 0"
    assert _in("fr", error) == "la valeur de départ doit être un nombre supérieur à 0, reçu 0"
    assert _in("ar", error) == "يجب أن تكون قيمة البداية أكبر من 0، والمُعطى 0"
    error = _refusal(lambda: formulas.project(1, -1.5, 2))
    assert str(error) == "the growth rate must be greater than -100 %, got -150.00%"
    assert _in("fr", error) == "le taux de croissance doit être supérieur à -100 %, reçu -150,00 %"
    error = _refusal(lambda: formulas.project(148_500, 9.0, 400))  # 10 ** 400: beyond a float
    assert str(error) == "148,500 growing 900.00% a year for 400 years overflows"
    assert _in("fr", error) == (
        "148 500 croissant de 900,00 % par an pendant 400 ans dépasse les nombres représentables"
    )
    assert "400 سنة" in _in("ar", error)
    error = _refusal(lambda: formulas.cagr(1, 2, 0))
    assert str(error) == "periods must be at least 1 year, got 0"
    assert _in("fr", error) == "le nombre de périodes doit être d'au moins 1 an, reçu 0"
    error = _refusal(lambda: results.gap(148_500, 2030, 270_000, 2024))
    assert str(error) == "the target year (2024) must be after the base year (2030)"
    assert _in("fr", error) == (
        "l'année cible (2024) doit être postérieure à l'année de référence (2030)"
    )
    assert _in("ar", error) == "يجب أن تكون سنة الهدف (2024) بعد سنة الأساس (2030)"
    error = _refusal(lambda: formulas.cagr(math.nan, 1, 2))
    assert str(error) == "start must be a finite number, got nan"
    assert _in("fr", error) == "la valeur de départ doit être un nombre fini, reçu nan"
