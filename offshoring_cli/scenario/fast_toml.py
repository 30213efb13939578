"""The optional faster TOML parser for large scenario files: tomli compiled with mypyc
(``pip install 'offshoring-cli[fast]'``).

The standard :mod:`tomllib` stays the parser of record: it reads every small file, every file
when tomli is not installed, and every file tomli might not read alike. tomli is the project
:mod:`tomllib` was taken from; its compiled wheels parse a file of thousands of indicators
about 2.4 times as fast, in the same memory (rtoml, in Rust, is faster still but takes some
40 bytes of memory per byte of TOML: 1.3 GB for 10,000 indicators). Recent tomli also reads
TOML 1.1, which Python 3.11's :mod:`tomllib` refuses: inline tables over several lines or with
a trailing comma, and the ``\\e`` and ``\\x`` escapes. The extra installs tomli 2.2, which reads
TOML 1.0 as :mod:`tomllib` does; with a later tomli, :func:`parse` hands it only files that
cannot use these (checked on the text with its strings and comments taken out), and any
file tomli refuses goes to :mod:`tomllib`, whose message is the one shown. So a file reads the
same with or without the extra.
"""

from __future__ import annotations

import re
from typing import Any

from offshoring_cli.scenario.read import FAST_FROM

_STRINGS_AND_COMMENTS = r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|#[^\n]*"
"""A basic string, a literal string or a comment (one line each: multi-line strings go to
tomllib), matched left to right so that a ``#`` in a string or a quote in a comment is theirs."""


def _toml_1_0(text: str) -> bool:
    """Whether ``text`` surely uses no TOML 1.1 syntax (``False`` when in doubt)."""
    if '"""' in text or "'''" in text or "\\e" in text or "\\x" in text:
        return False
    bare = re.sub(_STRINGS_AND_COMMENTS, "", text)
    if re.search(r",[ \t]*\}", bare):  # a trailing comma in an inline table
        return False
    # Each { must close on its line, before any other { opens (nested inline tables are left
    # to tomllib, as are inline tables holding an array over several lines).
    return re.search(r"\{[^}\n]*(?:\{|\n|\Z)", bare) is None


def _reads_toml_1_1() -> bool:
    """Whether this tomli reads TOML 1.1 (2.3 and later; the ``fast`` extra installs 2.2, which
    reads TOML 1.0 as :mod:`tomllib` does, so the text needs no check)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        major, minor = (int(part) for part in version("tomli").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return True
    return (major, minor) >= (2, 3)


def parse(text: str) -> dict[str, Any] | None:
    """``text`` parsed by tomli when the extra is installed, the text is large and surely
    TOML 1.0, and tomli reads it; else ``None`` (then :mod:`tomllib` parses it)."""
    if len(text) < FAST_FROM:  # importing tomli would cost more than it saves
        return None
    try:
        import tomli
    except ImportError:
        return None
    if _reads_toml_1_1() and not _toml_1_0(text):
        return None
    try:
        data = tomli.loads(text)
    except Exception:  # any refusal (or a recursion too deep): tomllib says why, as without it
        return None
    return data if isinstance(data, dict) else None
