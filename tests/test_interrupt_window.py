"""When Ctrl-C is ours (s5 finding 8): from the first statement of the entry point
(``offshoring_cli.entry.main``) to the exit, one ``Error: interrupted`` line and exit 130; before
it (Python's start-up, pip's launcher importing ``re`` and the entry point), no code of the
package runs, and the README says so instead of promising "from the first line".

The boundary is shown on the installed command: a ``sitecustomize`` on ``PYTHONPATH`` sends the
process SIGINT at the moment a given module of the package starts to load.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import clean_environ, offshoring_command
from helpers import ROOT

import offshoring_cli

PACKAGE = Path(offshoring_cli.__file__).resolve().parent

SITECUSTOMIZE = """
import os, signal, sys

class _Finder:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, _Finder())
"""


def _interrupted_when_loading(module: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE.format(module=module))
    return subprocess.run(
        [*offshoring_command(), "gap", "--json"],
        capture_output=True,
        text=True,
        env=clean_environ({"PYTHONPATH": str(tmp_path)}),
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT sent to oneself")
@pytest.mark.parametrize("module", ["offshoring_cli.cli", "click"])
def test_ctrl_c_once_the_entry_point_runs_is_one_line(tmp_path: Path, module: str) -> None:
    # the command line (and Click) load after entry.main installed its handler
    done = _interrupted_when_loading(module, tmp_path)
    assert (done.returncode, done.stderr, done.stdout) == (130, "Error: interrupted\n", "")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT sent to oneself")
def test_ctrl_c_before_the_entry_point_is_pythons_own_as_the_readme_says(tmp_path: Path) -> None:
    # the launcher's "from offshoring_cli.entry import main": none of our code has run yet
    done = _interrupted_when_loading("offshoring_cli.entry", tmp_path)
    assert done.stdout == ""
    assert "KeyboardInterrupt" in done.stderr
    row = next(
        line
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| 130 |")
    )
    assert "first line of the program" not in row  # the old promise, broken here
    assert "`offshoring_cli.entry.main`" in row and "Not covered" in row
    assert "`KeyboardInterrupt` traceback" in row


def test_nothing_of_the_package_runs_before_the_handler() -> None:
    # the package's __init__ imports nothing; entry.py only os and _signal at its top; main()
    # installs the handler before it imports the command line
    for path in (PACKAGE / "__init__.py", PACKAGE / "entry.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {
            alias.name
            for node in tree.body
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert top <= {"_signal", "os"}, (path.name, top)
    entry = ast.parse((PACKAGE / "entry.py").read_text(encoding="utf-8"))
    main = next(n for n in entry.body if isinstance(n, ast.FunctionDef) and n.name == "main")
    body = [n for n in main.body if not isinstance(n, ast.Expr)]  # past the docstring
    assert "signal.signal(signal.SIGINT" in ast.unparse(body[0])
    assert isinstance(body[1], ast.ImportFrom) and body[1].module == "offshoring_cli.cli"
