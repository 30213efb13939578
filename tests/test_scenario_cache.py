"""The parse cache of scenario files (issue 11: the scenario read path at the speed of the
built-in data), through the Python API and the installed command.

- A file read twice is parsed once: the second read takes the document from the cache and
  gives the same document, the same JSON, the same problems for an invalid file.
- The cache is checked on the file's bytes: a file changed without changing its size or its
  modification time is parsed again.
- A damaged entry (corrupt, truncated, empty, of another format or Python, for another path,
  writable by others), a folder that cannot be written, ``OFFSHORING_CACHE=off``: the right
  result, exit 0, nothing on stderr.
- The folder is 0700, each entry 0600; standard input and a document holding a TOML date are
  never cached; nothing else is ever written there.
- Every test runs with ``OFFSHORING_CACHE_DIR`` in a temporary folder (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLE, ROOT, SEED_TEXT, installed

from offshoring_cli.scenario import ScenarioError, cache, read, validate

BROKEN = ROOT / "examples" / "broken.toml"


@pytest.fixture
def folder() -> Path:
    """The cache folder the tests use (set by tests/conftest.py for every test)."""
    return Path(os.environ["OFFSHORING_CACHE_DIR"])


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    path = tmp_path / "seed.toml"
    path.write_text(SEED_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the files parsed (not taken from the cache) from now on."""
    seen: list[str] = []
    real = read._parse

    def spy(name: str, data: bytes, keep: bool = False) -> dict[str, Any]:
        seen.append(name)
        return real(name, data, keep)

    monkeypatch.setattr(read, "_parse", spy)
    yield seen


def entries(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def the_entry(folder: Path) -> Path:
    found = entries(folder)
    assert len(found) == 1 and found[0].name.endswith(".marshal"), found
    return found[0]


# --- the Python API ---------------------------------------------------------------------------


def test_the_conftest_keeps_every_test_out_of_the_real_cache(folder: Path) -> None:
    home_cache = Path("~/.cache/offshoring-cli").expanduser()
    assert cache.folder() == str(folder) != str(home_cache)
    assert folder.is_dir() and not entries(folder)  # a fresh folder for each test
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ['OFFSHORING_CACHE_DIR'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert child.stdout.strip() == str(folder)  # subprocesses inherit it


def test_a_file_read_again_comes_from_the_cache_equal_to_its_parse(
    seed_copy: Path, folder: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = tomllib.loads(SEED_TEXT)
    assert read.read(seed_copy) == parsed
    assert parses == [str(seed_copy)] and len(entries(folder)) == 1
    assert read.read(seed_copy) == parsed
    assert read.read(str(seed_copy)) == parsed
    assert parses == [str(seed_copy)]  # parsed once, read three times
    # The dataset built from it is the one built without the cache.
    assert validate.load(seed_copy) == validate.load(seed_copy)
    with monkeypatch.context() as patch:
        patch.setenv("OFFSHORING_CACHE", "off")
        uncached = validate.load(seed_copy)
    assert validate.load(seed_copy) == uncached
    assert parses == [str(seed_copy)] * 2  # once more with the cache off


def test_a_file_changed_with_the_same_size_and_time_is_parsed_again(
    seed_copy: Path, parses: list[str]
) -> None:
    before = os.stat(seed_copy)
    assert read.read(seed_copy)["indicators"][0]["observations"][-1]["value"] != 160000
    changed = SEED_TEXT.replace("value = 148500", "value = 160000")
    assert changed != SEED_TEXT and len(changed) == len(SEED_TEXT)
    seed_copy.write_text(changed, encoding="utf-8")
    os.utime(seed_copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(seed_copy)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert read.read(seed_copy) == tomllib.loads(changed)
    assert len(parses) == 2
    # The jobs gap from the new baseline: 270,000 - 160,000 = 110,000 (121,500 before).
    jobs = validate.load(seed_copy).indicators["jobs"]
    assert jobs.observations[-1].value == 160000


def test_the_folder_is_0700_and_the_entry_0600_whatever_the_umask(
    seed_copy: Path, folder: Path
) -> None:
    os.rmdir(folder)  # let the cache make it
    previous = os.umask(0)
    try:
        read.read(seed_copy)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(the_entry(folder).stat().st_mode) == 0o600


def _damage(entry: Path, how: str) -> None:
    raw = entry.read_bytes()
    if how == "corrupt":
        entry.write_bytes(raw[:4] + bytes(b ^ 0x5A for b in raw[4:]))
    elif how == "truncated":
        entry.write_bytes(raw[: len(raw) - 100])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "garbage header length":
        entry.write_bytes(b"\xff\xff\xff\x7f" + raw[4:])
    elif how == "not marshal":
        entry.write_text("scenario_version = 1\n")
    elif how == "writable by others":
        os.chmod(entry, 0o666)
    elif how == "a folder":
        entry.unlink()
        entry.mkdir()
    else:  # pragma: no cover
        raise AssertionError(how)


DAMAGES = [
    "corrupt",
    "truncated",
    "empty",
    "garbage header length",
    "not marshal",
    "writable by others",
    "a folder",
]


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_entry_is_ignored_and_replaced(
    seed_copy: Path, folder: Path, parses: list[str], how: str
) -> None:
    read.read(seed_copy)
    entry = the_entry(folder)
    _damage(entry, how)
    assert read.read(seed_copy) == tomllib.loads(SEED_TEXT)
    assert len(parses) == 2  # parsed again
    if how != "a folder":  # a folder in its place cannot be replaced: parsed every time
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600
        assert read.read(seed_copy) == tomllib.loads(SEED_TEXT)
        assert len(parses) == 2  # the new entry is used
    assert [e.name for e in entries(folder)] == [entry.name]  # nothing else left there


def test_an_entry_of_another_format_or_python_is_not_used(
    seed_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    name, form, version, python, marshal_version = cache.TAG
    assert (form, python) == (2, sys.version_info[:2])
    others = [
        (name, form + 1, version, python, marshal_version),
        (name, form, "0.6.0", python, marshal_version),
        (name, form, version, (3, 99), marshal_version),
        (name, form, version, python, marshal_version + 1),
        ("another program", form, version, python, marshal_version),
    ]
    for count, tag in enumerate(others, 1):
        with monkeypatch.context() as patch:
            patch.setattr(cache, "TAG", tag)
            read.read(seed_copy)  # an entry written by another format, Python or marshal
        assert read.read(seed_copy) == tomllib.loads(SEED_TEXT)
        assert len(parses) == 2 * count, tag  # parsed again, and written again
        assert read.read(seed_copy) == tomllib.loads(SEED_TEXT)
        assert len(parses) == 2 * count, tag  # which is used


def test_an_entry_of_another_path_is_not_used(
    tmp_path: Path, folder: Path, parses: list[str]
) -> None:
    # Two files of the same bytes: the entry of one, put where the other's goes, is not used
    # (the entry names its path; two paths may share an entry's name).
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(SEED_TEXT, encoding="utf-8")
    second.write_text(SEED_TEXT, encoding="utf-8")
    read.read(first)
    entry = the_entry(folder)
    target = Path(cache.entry_path(str(folder), str(second))[0])
    entry.rename(target)
    assert read.read(second) == tomllib.loads(SEED_TEXT)
    assert parses == [str(first), str(second)]


def test_the_entry_name_is_stable_and_the_entry_holds_the_path(folder: Path) -> None:
    # FNV-1a of b"/x.toml", worked out by hand with the 32-bit offset basis and prime.
    key = 0x811C9DC5
    for byte in b"/x.toml":
        key = ((key ^ byte) * 0x01000193) % 2**32
    assert cache.entry_path("/c", "/x.toml") == (f"/c/scenario-{key:08x}.marshal", "/x.toml")
    assert cache.entry_path("/c", "/y.toml")[0] != cache.entry_path("/c", "/x.toml")[0]


@pytest.mark.parametrize("value", ["0", "off", "OFF", " no ", "false", "False"])
def test_offshoring_cache_off_writes_nothing(
    seed_copy: Path, folder: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("OFFSHORING_CACHE", value)
    assert cache.folder() is None
    assert read.read(seed_copy) == read.read(seed_copy) == tomllib.loads(SEED_TEXT)
    assert len(parses) == 2 and not entries(folder)


def test_where_the_cache_is(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OFFSHORING_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.folder() == str(tmp_path / "mine")
    monkeypatch.delenv("OFFSHORING_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == str(tmp_path / "xdg" / "offshoring-cli")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # not absolute: ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == str(tmp_path / "home" / ".cache" / "offshoring-cli")
    monkeypatch.setenv("OFFSHORING_CACHE", "1")  # any other value: on
    assert cache.folder() == str(tmp_path / "home" / ".cache" / "offshoring-cli")


@pytest.mark.parametrize("kind", ["a file", "under a file", "writable by others"])
def test_a_folder_that_cannot_be_used_changes_nothing(
    tmp_path: Path, seed_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    blocker = tmp_path / "blocker"
    if kind == "writable by others":
        blocker.mkdir()
        os.chmod(blocker, 0o777)
        where = blocker
    else:
        blocker.write_text("not a folder")
        where = blocker if kind == "a file" else blocker / "cache"
    monkeypatch.setenv("OFFSHORING_CACHE_DIR", str(where))
    assert read.read(seed_copy) == read.read(seed_copy) == tomllib.loads(SEED_TEXT)
    assert len(parses) == 2
    if kind == "writable by others":  # never written, never read: anyone could plant an entry
        assert not list(blocker.iterdir())
    else:
        assert blocker.read_text() == "not a folder"


def test_a_document_with_a_toml_date_is_not_cached(
    tmp_path: Path, folder: Path, parses: list[str]
) -> None:
    path = tmp_path / "dated.toml"
    path.write_text(SEED_TEXT + "\n[extra]\nwhen = 2024-01-31\n", encoding="utf-8")
    first = read.read(path)
    assert str(first["extra"]["when"]) == "2024-01-31"
    assert read.read(path) == first
    assert len(parses) == 2 and not entries(folder)


def test_the_cached_document_shares_equal_strings_and_keys(seed_copy: Path) -> None:
    read.read(seed_copy)
    document = read.read(seed_copy)  # from the cache
    first, second = document["indicators"][0]["observations"][:2]
    assert (
        list(first)
        == list(second)
        == list(tomllib.loads(SEED_TEXT)["indicators"][0]["observations"][0])
    )
    assert all(a is b for a, b in zip(first, second, strict=False))  # one key object each
    assert first["series"] is second["series"]


def test_a_cache_entry_never_changes_a_bad_file_s_problems(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(BROKEN.read_bytes())
    with pytest.raises(ScenarioError) as first:
        validate.load(path)
    assert len(entries(folder)) == 1  # it parses: cached, then validated as before
    with pytest.raises(ScenarioError) as again:
        validate.load(path)
    assert first.value.problems == again.value.problems
    assert len(first.value.problems) > 1


# --- the installed command --------------------------------------------------------------------


def _run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> Any:
    done, _ = installed(*args, env=env, stdin=stdin)
    return done


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [("gap", "--json"), ("status", "--json"), ("cagr", "--format", "csv"), ("trajectory",)],
)
def test_the_command_gives_the_same_output_with_and_without_the_cache(
    folder: Path, args: tuple[str, ...]
) -> None:
    outputs = []
    for env in ({}, {}, {"OFFSHORING_CACHE": "off"}):  # a miss, a hit, no cache
        done = _run("--scenario", str(EXAMPLE), *args, env=env)
        assert done.returncode == 0 and done.stderr == b"", done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(entries(folder)) == 1
    if args == ("gap", "--json"):
        jobs = next(r for r in json.loads(outputs[0])["results"] if r["metric"] == "jobs")
        # examples/jobs-2025.toml: 160,000 jobs in 2025; (270,000 / 160,000)^(1/5) - 1.
        assert jobs["required_cagr"] == pytest.approx(0.110322, abs=5e-7)


@pytest.mark.slow
def test_the_command_reads_a_changed_file_anew(seed_copy: Path) -> None:
    def jobs_gap() -> int:
        done = _run("--scenario", str(seed_copy), "gap", "--json", "-m", "jobs")
        assert done.returncode == 0 and done.stderr == b"", done.stderr
        gap: int = json.loads(done.stdout)["results"][0]["gap"]
        return gap

    assert jobs_gap() == jobs_gap() == 121500  # 270,000 - 148,500
    before = os.stat(seed_copy)
    seed_copy.write_text(SEED_TEXT.replace("value = 148500", "value = 160000"), encoding="utf-8")
    os.utime(seed_copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(seed_copy).st_size == before.st_size
    assert jobs_gap() == 110000  # 270,000 - 160,000


@pytest.mark.slow
@pytest.mark.parametrize("how", ["corrupt", "truncated", "writable by others"])
def test_the_command_ignores_a_damaged_entry(seed_copy: Path, folder: Path, how: str) -> None:
    expected = _run("--scenario", str(seed_copy), "gap", "--json").stdout
    _damage(the_entry(folder), how)
    done = _run("--scenario", str(seed_copy), "gap", "--json")
    assert done.returncode == 0 and done.stderr == b"" and done.stdout == expected


@pytest.mark.slow
def test_the_command_with_an_unusable_cache_folder_or_the_cache_off(
    seed_copy: Path, tmp_path: Path
) -> None:
    expected = _run("--scenario", str(seed_copy), "gap", "--json").stdout
    (tmp_path / "file").write_text("x")
    for env in (
        {"OFFSHORING_CACHE_DIR": str(tmp_path / "file" / "cache")},
        {"OFFSHORING_CACHE_DIR": "/dev/null"},
        {"OFFSHORING_CACHE": "off"},
    ):
        done = _run("--scenario", str(seed_copy), "gap", "--json", env=env)
        assert done.returncode == 0 and done.stderr == b"", (env, done.stderr)
        assert done.stdout == expected, env


@pytest.mark.slow
def test_standard_input_is_never_cached(folder: Path) -> None:
    text = SEED_TEXT.encode("utf-8")
    first = _run("--scenario", "-", "gap", "--json", stdin=text)
    second = _run("--scenario", "-", "gap", "--json", stdin=text)
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stdout == second.stdout and b"121500" in first.stdout
    checked = _run("scenario", "validate", "-", stdin=text)
    assert checked.returncode == 0, checked.stderr
    assert not entries(folder)


@pytest.mark.slow
def test_an_invalid_file_lists_every_problem_cached_or_not(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(BROKEN.read_bytes())
    runs = [
        _run("scenario", "validate", str(path), env=env)
        for env in ({}, {}, {"OFFSHORING_CACHE": "off"})
    ]
    assert len(entries(folder)) == 1
    assert all(done.returncode == 2 for done in runs)
    assert runs[0].stderr == runs[1].stderr == runs[2].stderr
    assert runs[0].stderr.count(b"\n") > 2  # every problem, a line each
