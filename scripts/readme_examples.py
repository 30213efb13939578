"""Regenerate (or check) the example outputs in README.md from the real command.

Every fenced ``text`` block in README.md whose first line is ``$ offshoring ...`` (and whose
command does not contain ``--explain``) is replaced by that command's real output, rendered at
120 columns without colour. Run ``python scripts/readme_examples.py`` after changing output;
``--check`` exits 1 if the README is out of date (tests/test_docs_and_examples.py runs it).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"```text\n\$ (offshoring [^\n]*)\n(.*?)```\n", re.DOTALL)


def render(command: str) -> str:
    """The command's stdout at 120 columns, without colour."""
    # The parse cache off: the output is the same, and nothing is written in ~/.cache.
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "OFFSHORING_CACHE": "off"}
    env.pop("FORCE_COLOR", None)
    args = shlex.split(command)
    result = subprocess.run(
        [sys.executable, "-m", "offshoring_cli", *args[1:]],
        capture_output=True,
        text=True,
        env=env,
        cwd=README.parent,
        check=True,
    )
    return result.stdout


def regenerate(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        command = match[1]
        if "--explain" in command:
            return match[0]
        return f"```text\n$ {command}\n{render(command).rstrip()}\n```\n"

    return BLOCK.sub(replace, text)


def main() -> int:
    current = README.read_text(encoding="utf-8")
    fresh = regenerate(current)
    if "--check" in sys.argv[1:]:
        if fresh != current:
            print("README.md examples are out of date: run python scripts/readme_examples.py")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
