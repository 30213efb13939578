"""Where the parse cache goes, and what it may create (s5 finding 4).

- Reading a scenario creates at most the cache folder itself and, for the default one, the
  cache base folder (``~/.cache``, ``$XDG_CACHE_HOME``) missing from an existing home, as the
  XDG specification says. A missing home folder or any other parent is never created: no
  cache then, silently (the file is parsed as without it).
- A blank ``OFFSHORING_CACHE_DIR`` (empty or only spaces) is as if it were not set; a relative
  one is ignored, as the XDG specification says of a relative ``XDG_CACHE_HOME``.
"""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest
from helpers import SEED_TEXT, installed

from offshoring_cli.scenario import cache, read


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    path = tmp_path / "scenario" / "seed.toml"
    path.parent.mkdir()
    path.write_text(SEED_TEXT, encoding="utf-8")
    return path


def test_a_missing_home_and_its_parents_are_never_created(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "nonexistent" / "home"
    monkeypatch.delenv("OFFSHORING_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.setenv("HOME", str(home))
    assert cache.folder() == str(home / ".cache" / "offshoring-cli")  # where it would go
    assert read.read(seed_copy) == tomllib.loads(SEED_TEXT)
    assert not (tmp_path / "nonexistent").exists()


def test_a_missing_parent_of_the_cache_folder_is_never_created(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFSHORING_CACHE_DIR", str(tmp_path / "no" / "such" / "cache"))
    assert read.read(seed_copy) == read.read(seed_copy) == tomllib.loads(SEED_TEXT)
    assert not (tmp_path / "no").exists()


def test_the_cache_folder_itself_is_made_under_an_existing_parent(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    monkeypatch.delenv("OFFSHORING_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    read.read(seed_copy)
    made = home / ".cache" / "offshoring-cli"
    entry = Path(cache.entry_path(str(made), str(seed_copy))[0])
    assert [p.name for p in made.iterdir()] == [entry.name]


def test_a_missing_dot_cache_is_made_in_an_existing_home(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a fresh account or container: a home folder but no ~/.cache yet (XDG: make it, 0700)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("OFFSHORING_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    read.read(seed_copy)
    made = home / ".cache" / "offshoring-cli"
    assert len(list(made.iterdir())) == 1
    assert (home / ".cache").stat().st_mode & 0o777 == 0o700
    assert made.stat().st_mode & 0o777 == 0o700
    # a missing XDG_CACHE_HOME whose own parent exists is made too; its missing parent is not
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    read.read(seed_copy)
    assert (tmp_path / "xdg" / "offshoring-cli").is_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "gone" / "xdg"))
    read.read(seed_copy)
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_a_blank_cache_dir_is_as_if_it_were_not_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    monkeypatch.setenv("OFFSHORING_CACHE_DIR", blank)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == str(tmp_path / "xdg" / "offshoring-cli")


def test_a_relative_cache_dir_is_ignored_as_xdg_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OFFSHORING_CACHE_DIR", "relative/cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == str(tmp_path / "xdg" / "offshoring-cli")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("given", "made"),
    [
        ("   ", None),  # blank: not set; XDG_CACHE_HOME is used
        ("relative", None),  # relative: ignored
        ("absolute", "absolute"),
    ],
)
def test_the_command_creates_nothing_in_the_working_folder_or_a_missing_home(
    tmp_path: Path, seed_copy: Path, given: str, made: str | None
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    xdg = tmp_path / "xdg"
    xdg.mkdir()
    cache_dir = str(tmp_path / given) if given == "absolute" else given
    env = {
        "HOME": str(tmp_path / "nonexistent"),
        "XDG_CACHE_HOME": str(xdg),
        "OFFSHORING_CACHE_DIR": cache_dir,
    }
    done = _run_in(work, env, "--scenario", str(seed_copy), "gap", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert sorted(os.listdir(work)) == []  # no "   " or "relative" folder in the cwd
    assert not (tmp_path / "nonexistent").exists()
    if made:
        assert len(list((tmp_path / made).iterdir())) == 1
        assert not list(xdg.iterdir())
    else:
        assert len(list((xdg / "offshoring-cli").iterdir())) == 1


@pytest.mark.slow
def test_the_command_with_no_home_reads_the_scenario_and_creates_no_folder(
    tmp_path: Path, seed_copy: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = {"HOME": str(tmp_path / "nonexistent"), "XDG_CACHE_HOME": "", "OFFSHORING_CACHE_DIR": ""}
    done = _run_in(work, env, "--scenario", str(seed_copy), "gap", "--json")
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    gaps = {row["metric"]: row["gap"] for row in json.loads(done.stdout)["results"]}
    assert gaps == {"jobs": 121500, "exports": 13780000000}  # 270,000 - 148,500; 40 - 26.22 bn
    assert not (tmp_path / "nonexistent").exists() and not os.listdir(work)


def _run_in(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    before = Path.cwd()
    os.chdir(cwd)
    try:
        return installed(*args, env=env)[0]
    finally:
        os.chdir(before)
