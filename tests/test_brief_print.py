"""The HTML brief prints on one A4 page in every language (issue 15): printed to PDF by
headless Chromium, as an editor would print it; skipped where no Chromium is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import RunInstalled

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium to print with"),
]


def printed_pages(html: Path, tmp_path: Path) -> int:
    """The number of A4 pages Chromium prints ``html`` on (its PDF's page objects)."""
    pdf = tmp_path / f"{html.stem}.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri(),
        ],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_brief_prints_on_one_a4_page(
    run_installed: RunInstalled, tmp_path: Path, language: str
) -> None:
    pytest.importorskip("matplotlib")
    html = tmp_path / f"brief-{language}.html"
    done = run_installed("--lang", language, "report", "--output", str(html))
    assert done.returncode == 0, done.stderr
    page = html.read_text("utf-8")
    assert "@page { size: A4" in page and 'name="viewport"' in page
    assert printed_pages(html, tmp_path) == 1


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_appendix_is_the_second_page(
    run_installed: RunInstalled, tmp_path: Path, language: str
) -> None:
    # README: "--appendix adds a second page"; it printed on 3 (session 5, finding 3)
    pytest.importorskip("matplotlib")
    html = tmp_path / f"brief-{language}.html"
    done = run_installed("--lang", language, "report", "--appendix", "--output", str(html))
    assert done.returncode == 0, done.stderr
    assert "class='appendix'" in html.read_text("utf-8")  # break-before: page
    assert printed_pages(html, tmp_path) == 2
