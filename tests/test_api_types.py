"""The Python API refuses an argument of the wrong type with a TypeError naming it, reads
indicator ids in any case as the command line does, and writes the workbook in French or
Arabic (s5 finding 9).

Figures (built-in data): jobs gap 270,000 - 150,000 = 120,000 with a 150,000 baseline;
270,000 - 148,500 = 121,500 as published.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from helpers import installed

from offshoring_cli import api
from offshoring_cli.errors import InputError


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # before: AttributeError: 'bytes' object has no attribute 'encode'
        (
            lambda: api.load(b"/tmp/x.toml"),
            "path must be a file path as a str or pathlib.Path ('my.toml'), not b'/tmp/x.toml'",
        ),
        # before: a TypeError of os.fspath's not naming the argument
        (
            lambda: api.load(None),
            "path must be a file path as a str or pathlib.Path ('my.toml'), not None",
        ),
        (lambda: api.load(2024), "path must be a file path as a str or pathlib.Path"),
        # before: AttributeError: 'list' object has no attribute 'to_document'
        (lambda: api.to_document([1]), "report must be a report such as api.gap(), not [1]"),
        (
            lambda: api.to_document(api.gap(), explain="yes"),
            "explain must be True or False, not 'yes'",
        ),
        (lambda: api.provenance("morocco"), "dataset must be a Dataset"),
        (lambda: api.workbook(metrics="jobs"), "metrics must be a list of indicator ids"),
        (lambda: api.workbook(lang=1), "lang must be a language code as a str ('fr'), not 1"),
        (lambda: api.segments(1), "dataset must be a Dataset"),
    ],
)
def test_a_wrong_type_is_a_type_error_naming_the_argument(call: Any, message: str) -> None:
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value).startswith(message), str(raised.value)


def test_an_unknown_language_is_an_input_error_listing_the_languages() -> None:
    with pytest.raises(InputError, match=r"'de'.*en, fr, ar"):
        api.workbook(lang="de")


def test_the_workbooks_language_is_read_as_lang_reads_it() -> None:
    # --lang takes FR and fr_MA (a locale's code is its language): so does the API
    french = api.workbook(lang="fr")
    assert api.workbook(lang="FR") == french == api.workbook(lang="fr_MA")
    assert api.workbook(lang=" ar-MA ") == api.workbook(lang="ar") != french


def test_ids_are_case_insensitive_as_on_the_command_line() -> None:
    # before: baselines={"JOBS": 150000} -> InputError: no JOBS indicator
    row = api.gap(metrics=[" Jobs "], baselines={"JOBS": 150_000}).rows[0]
    assert (row["metric"], row["gap"]) == ("jobs", 120_000)  # 270,000 - 150,000
    assert api.gap(targets={"Jobs": 270_000}, metrics=["JOBS"]).rows[0]["gap"] == 121_500
    assert [r["metric"] for r in api.gap(metrics=["EXPORTS", "exports"]).rows] == ["exports"]


def test_two_spellings_of_one_id_that_disagree_are_refused() -> None:
    with pytest.raises(InputError, match="disagree"):
        api.gap(baselines={"JOBS": 150_000, "jobs": 140_000})
    # the same value twice is one figure: 270,000 - 150,000
    assert api.gap(baselines={"JOBS": 150_000, "jobs": 150_000}).rows[0]["gap"] == 120_000


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "sheets"),
    [
        ("fr", ["Entrées", "Écart", "Croissance", "Situation", "Trajectoire"]),
        ("ar", ["المدخلات", "الفجوة", "النمو", "الوضع", "المسار"]),
        ("en", ["Inputs", "Gap", "Growth", "Status", "Trajectory"]),
    ],
)
def test_the_workbook_in_a_language_as_the_command_writes_it(
    tmp_path: Path, lang: str, sheets: list[str]
) -> None:
    import openpyxl

    data = api.workbook(lang=lang)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames[:5] == sheets
    out = tmp_path / "book.xlsx"
    done, _ = installed("--lang", lang, "workbook", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == data  # the same workbook, byte for byte
    assert api.workbook() == api.workbook(lang="en")  # English by default, the state restored
