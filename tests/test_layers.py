"""The package's layers import only the layers below them (docs/architecture.md's table):
``i18n`` (languages, numbers as people read them) < ``errors`` < ``core`` < ``reports`` <
``render`` / ``scenario`` < ``cli``. Read from the source (every import, at the top of a module
or inside a function, ``TYPE_CHECKING`` ones included), so a lazy import cannot hide a layer
reaching up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import offshoring_cli

PACKAGE = Path(offshoring_cli.__file__).resolve().parent

MAY_IMPORT = {
    "i18n": {"i18n"},
    "errors": {"i18n"},
    "core": {"core", "errors", "i18n"},
    "reports": {"reports", "core", "errors", "i18n", "__version__"},
    "render": {"render", "reports", "core", "errors", "i18n", "__version__"},
    "scenario": {"scenario", "core", "errors", "i18n", "__version__", "render.files",
                 "render.output_paths"},
}  # fmt: skip
"""Per layer, what of the package it may import (a layer, or one module of one)."""


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _ours(path: Path) -> set[str]:
    """What of the package ``path`` imports, without the ``offshoring_cli.`` prefix: a module
    (``core.records``) or a name in one (``core.records.Dataset``, ``__version__``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            # "from offshoring_cli.render import files": the module or name render.files
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        ours = [n for n in names if n.startswith("offshoring_cli.")]
        found |= {n.removeprefix("offshoring_cli.") for n in ours}
    return found


def _allowed(imported: str, allowed: set[str]) -> bool:
    return any(imported == a or imported.startswith(a + ".") for a in allowed)


MODULES = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if _layer(path) in MAY_IMPORT and "__pycache__" not in path.parts
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_layer_imports_only_the_layers_below_it(path: Path) -> None:
    allowed = MAY_IMPORT[_layer(path)]
    assert {m for m in _ours(path) if not _allowed(m, allowed)} == set()


def test_the_rule_sees_a_layer_reaching_up(tmp_path: Path) -> None:
    # the check itself: a core module importing a renderer, even inside a function, is caught
    module = tmp_path / "probe.py"
    module.write_text("def f():\n    from offshoring_cli.render import table\n", "utf-8")
    assert _ours(module) == {"render.table"}
    assert not _allowed("render.table", MAY_IMPORT["core"])
    assert _allowed("render.files", MAY_IMPORT["scenario"])
    assert not _allowed("render.table", MAY_IMPORT["scenario"])
