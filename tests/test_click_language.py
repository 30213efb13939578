"""Click's own texts (usage line, ``Error:``, ``Invalid value for``, ``No such option``, help
headings) under --lang fr|ar, from our ``click`` catalogue; English unchanged (issue 13)."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from helpers import ROOT, catalogues_script, installed, invoke_cli

pytestmark = pytest.mark.slow


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    done, _ = installed(*args, env=env)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


# (arguments, English stderr, French phrases, Arabic phrases)
CASES = [
    (
        ("gap", "--jobs-baseline", "abc"),
        "Usage: offshoring gap [OPTIONS]\nTry 'offshoring gap --help' for help.\n\nError: "
        "Invalid value for '--jobs-baseline': 'abc' is not a number; give a number such as "
        "148500, 148,500 or 148.5k.\n",
        [
            "Usage : offshoring gap [OPTIONS]\n",
            "Essayez 'offshoring gap --help' pour l'aide.\n",
            "Erreur : Valeur non valide pour '--jobs-baseline' : 'abc' n'est pas un nombre",
        ],
        ["الاستعمال: offshoring gap [OPTIONS]\n", "جرّب 'offshoring gap --help' للمساعدة.",
         "خطأ: قيمة غير صالحة لـ '--jobs-baseline': 'abc' ليس عددًا"],
    ),
    (
        ("gap", "--metrc", "jobs"),
        "Usage: offshoring gap [OPTIONS]\nTry 'offshoring gap --help' for help.\n\n"
        "Error: No such option '--metrc'. Did you mean '--metric'?\n",
        ["Erreur : Option inconnue : '--metrc'. Vouliez-vous dire '--metric' ?"],
        ["خطأ: لا يوجد خيار باسم '--metrc'. هل تقصد '--metric'؟"],
    ),
    (
        ("gap", "--format"),
        "Usage: offshoring gap [OPTIONS]\nTry 'offshoring gap --help' for help.\n\n"
        "Error: Option '--format' requires an argument.\n",
        ["Erreur : L'option '--format' demande un argument."],
        ["خطأ: الخيار '--format' يتطلب وسيطًا."],
    ),
    (
        ("gap", "extra"),
        "Usage: offshoring gap [OPTIONS]\nTry 'offshoring gap --help' for help.\n\n"
        "Error: Got unexpected extra argument (extra)\n",
        ["Erreur : Argument en trop inattendu (extra)"],
        ["خطأ: وسيط زائد غير متوقع (extra)"],
    ),
    (
        ("gap", "-f", "xml"),
        "Usage: offshoring gap [OPTIONS]\nTry 'offshoring gap --help' for help.\n\n"
        "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', "
        "'csv', 'markdown'.\n",
        ["Erreur : Valeur non valide pour '--format' / '-f' : 'xml' n'est pas l'un de 'table'"],
        ["خطأ: قيمة غير صالحة لـ '--format' / '-f': 'xml' ليس أحد 'table'"],
    ),
    (
        ("scenario", "diff", "seeds/morocco-offshoring.toml"),
        "Usage: offshoring scenario diff [OPTIONS] OLD NEW\nTry 'offshoring scenario diff "
        "--help' for help.\n\nError: Missing argument 'NEW'.\n",
        ["Erreur : Argument manquant 'NEW'."],
        ["خطأ: وسيط ناقص 'NEW'."],
    ),
    (
        ("gapp",),
        "Usage: offshoring [OPTIONS] [COMMAND] [ARGS]...\nTry 'offshoring --help' for help.\n\n"
        "Error: No such command 'gapp'. Did you mean 'gap'?\n",
        ["Usage : offshoring [OPTIONS] [COMMAND] [ARGS]...\n",
         "Erreur : Commande inconnue : 'gapp'. Vouliez-vous dire 'gap' ?"],
        ["خطأ: لا يوجد أمر باسم 'gapp'. هل تقصد 'gap'؟"],
    ),
    (
        ("--json", "gap"),
        "Usage: offshoring [OPTIONS] [COMMAND] [ARGS]...\nTry 'offshoring --help' for help.\n\n"
        "Error: No such option '--json' before the command: it goes after it, as in "
        "'offshoring gap --json'.\n",
        ["Erreur : Pas d'option '--json' avant la commande : elle se place après, comme dans "
         "'offshoring gap --json'."],
        ["خطأ: لا يوجد خيار باسم '--json' قبل الأمر: موضعه بعده"],
    ),
    (
        ("gap", "--scenario", "x.toml"),
        "Usage: offshoring gap [OPTIONS]\nTry 'offshoring gap --help' for help.\n\n"
        "Error: No such option '--scenario' here: it goes before the command, as in "
        "'offshoring --scenario FILE gap'.\n",
        ["Erreur : Pas d'option '--scenario' ici : elle se place avant la commande"],
        ["خطأ: لا يوجد خيار باسم '--scenario' هنا: موضعه قبل الأمر"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "english", "french", "arabic"), CASES)
def test_clicks_texts_follow_the_language(
    args: tuple[str, ...], english: str, french: list[str], arabic: list[str]
) -> None:
    code, out, err = _run(*args)
    assert (code, out, err) == (2, "", english)  # English: byte for byte as before
    for language, phrases in (("fr", french), ("ar", arabic)):
        code, out, err = _run("--lang", language, *args)
        assert (code, out) == (2, ""), err
        for phrase in phrases:
            assert phrase in err, err
        assert "Error:" not in err and "Usage:" not in err and "Try '" not in err
        # the same through OFFSHORING_LANG
        assert _run(*args, env={"OFFSHORING_LANG": language}) == (code, out, err)


def test_an_error_in_the_groups_options_follows_the_language_given_before_it() -> None:
    # Read before the group parses its options: --lang, else OFFSHORING_LANG.
    code, out, err = _run("--lang", "fr", "--bogus", "gap")
    assert (code, out) == (2, "") and "Erreur : Option inconnue : '--bogus'." in err
    code, out, err = _run("--bogus", "gap", env={"OFFSHORING_LANG": "ar"})
    assert (code, out) == (2, "") and "خطأ: لا يوجد خيار باسم '--bogus'." in err
    # --lang en wins over the variable
    code, out, err = _run("--lang", "en", "--bogus", "gap", env={"OFFSHORING_LANG": "fr"})
    assert err.endswith("Error: No such option '--bogus'.\n")


def test_help_headings_follow_the_language() -> None:
    code, out, err = _run("--lang", "fr", "gap", "--help")
    assert code == 0 and err == ""
    assert out.startswith("Usage : offshoring gap [OPTIONS]\n")
    # the same word in French, with the space French puts before a colon
    assert "\nOptions :\n" in out and "\nOptions:\n" not in out
    assert "Afficher ce message et quitter." in out
    code, out, err = _run("--help", env={"OFFSHORING_LANG": "ar"})
    assert code == 0 and out.startswith("الاستعمال: offshoring [OPTIONS] [COMMAND] [ARGS]...")
    for phrase in (
        "\nالخيارات:\n",  # noqa: RUF001 (Arabic alef)
        "\nالأوامر:\n",  # noqa: RUF001 (Arabic alef)
        "عرض الإصدار والخروج.",
        "عرض هذه الرسالة والخروج.",
    ):
        assert phrase in out, out
    code, out, err = _run("--help")
    assert out.startswith("Usage: offshoring [OPTIONS] [COMMAND] [ARGS]...")
    for phrase in (
        "\nOptions:\n",
        "\nCommands:\n",
        "Show the version and exit.",
        "Show this message and exit.",
    ):
        assert phrase in out


def test_english_runs_do_not_load_clicks_catalogue() -> None:
    probe = (
        "import json, sys\nfrom offshoring_cli.cli import main\n"
        "sys.argv = ['offshoring', *sys.argv[1:]]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps('offshoring_cli.cli.click_language' in sys.modules), file=sys.stderr)\n"
    )
    for args, loaded in (
        (("gap", "--bogus"), False),
        (("--help",), False),
        (("--lang", "en", "gapp"), False),
        (("--lang", "fr", "gapp"), True),
    ):
        done = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
        )
        assert json.loads(done.stderr.strip().splitlines()[-1]) is loaded, (args, done.stderr)


def test_clicks_texts_are_put_back_after_the_run() -> None:
    # A program running the command in its own process keeps Click as it was.
    import gettext

    result = invoke_cli("--lang", "fr", "gap", "--jobs-baseline", "abc")
    assert result.exit_code == 2 and "Erreur : Valeur non valide" in result.stderr
    assert click.exceptions._ is gettext.gettext and click.core.ngettext is gettext.ngettext
    error = click.BadParameter("bad", param_hint="'--x'")
    assert error.format_message() == "Invalid value for '--x': bad"
    english = invoke_cli("gap", "--jobs-baseline", "abc")
    assert "Error: Invalid value for '--jobs-baseline'" in english.stderr


def test_a_message_click_adds_later_stays_english() -> None:
    from offshoring_cli.cli import click_language

    click_language.use("ar")
    try:
        assert click.exceptions._("Usage:") == "الاستعمال:"
        assert click.exceptions._("A message of a newer Click") == "A message of a newer Click"
        assert click_language.text("Commands") == "الأوامر"
    finally:
        click_language.use("en")
    assert (
        click.exceptions._("Usage:") == "Usage:" and click_language.text("Commands") == "Commands"
    )


def test_clicks_catalogue_is_complete_and_shipped() -> None:
    catalogues = catalogues_script()
    assert catalogues.problems(("click",)) == []
    template = catalogues.read("fr", "click")
    assert {"Usage:", "Error: {message}", "Invalid value for {param_hint}: {message}"} <= {
        m.id for m in template if isinstance(m.id, str)
    }
    for language in ("fr", "ar"):  # package data: locale/*/LC_MESSAGES/*.mo
        assert (ROOT / f"offshoring_cli/locale/{language}/LC_MESSAGES/click.mo").is_file()


def test_another_click_version_is_noted_not_failed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A newer Click's new messages are written in English until the catalogue is updated:
    # --check says so, and fails only on what the catalogue itself lacks.
    catalogues = catalogues_script()
    monkeypatch.setattr(catalogues, "click_version", lambda: "99.0.0")
    assert catalogues.problems(("click",)) == []
    assert "Click 99.0.0 is installed" in capsys.readouterr().err
