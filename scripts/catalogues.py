"""The translation catalogues: extract, update, compile, check (Babel's API, as ``pybabel``).

    python scripts/catalogues.py            # extract the messages, update fr and ar, compile
    python scripts/catalogues.py --check    # exit 1 if a catalogue is stale or incomplete

Messages come from ``offshoring_cli/**.py`` (``babel.cfg``: not ``scenario/model.py``, whose
``Field`` is pydantic's), with the keywords of :mod:`offshoring_cli.i18n`. The template is
``offshoring_cli/locale/offshoring.pot``; the sources ``offshoring_cli/locale/{fr,ar}/
LC_MESSAGES/offshoring.po`` (edit these: docs/translating.md); the compiled ``.mo`` files next
to them are committed and shipped in the wheel (package data), so that an install from a
clean clone has working catalogues without a build step. The same can be run with ``pybabel``:
``pybabel extract -F babel.cfg -k Text -k Message -k Field:1 -o offshoring_cli/locale/
offshoring.pot .``, then ``pybabel update -D offshoring -i ... -d offshoring_cli/locale`` and
``pybabel compile -D offshoring -d offshoring_cli/locale``.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "offshoring_cli" / "locale"
TEMPLATE = LOCALE / "offshoring.pot"
LANGUAGES = ("fr", "ar")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "Text": None,
    "Message": None,
    "Field": None,
}
"""gettext keywords: ``Text(template, ...)``, ``Message(template, ...)`` (an error's or a
warning's text naming inputs) and ``Field(label, ...)`` besides the usual ones
(a report's title is marked with ``N_``)."""
METHODS = [("offshoring_cli/scenario/model.py", "ignore"), ("offshoring_cli/**.py", "python")]
DATE = datetime(2026, 1, 1, tzinfo=UTC)  # fixed: the files do not change by the day


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "offshoring.po"


def extract() -> Catalog:
    """Every message of the package, in a template catalogue."""
    template = Catalog(
        project="offshoring-cli", domain="offshoring", creation_date=DATE, revision_date=DATE
    )
    found = extract_from_dir(
        str(ROOT), method_map=METHODS, keywords=KEYWORDS, comment_tags=("Translators:",)
    )
    for filename, lineno, message, comments, context in found:
        if not (message[0] if isinstance(message, tuple) else message):
            continue
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, no_location=True, sort_output=True)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain="offshoring")


def untranslated(catalog: Catalog) -> list[str]:
    """The ids of the messages of ``catalog`` with no translation (or a fuzzy one)."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    """A message's id (a plural message: its singular)."""
    return message_id if isinstance(message_id, str) else message_id[0]


def problems() -> list[str]:
    """What is stale or missing: the template, a language's messages, a compiled catalogue."""
    found = []
    template = extract()
    ids = {_key(m.id) for m in template if m.id}
    if not TEMPLATE.exists() or _po_bytes(template) != TEMPLATE.read_bytes():
        found.append(f"{TEMPLATE.relative_to(ROOT)} is stale: run python scripts/catalogues.py")
    for language in LANGUAGES:
        catalog = read(language)
        have = {_key(m.id) for m in catalog if m.id}
        for message in sorted(ids - have):
            found.append(f"{language}: no entry for {message!r}")
        for message in untranslated(catalog):
            found.append(f"{language}: no translation for {message!r}")
        mo = po_path(language).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != _mo_bytes(catalog):
            found.append(f"{mo.relative_to(ROOT)} is stale: run python scripts/catalogues.py")
    return found


def update() -> None:
    """Write the template, update each language from it (new messages empty, gone ones
    dropped), and compile it."""
    template = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(_po_bytes(template))
    for language in LANGUAGES:
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            catalog = read(language)
        else:
            catalog = Catalog(
                locale=language, domain="offshoring", project="offshoring-cli", creation_date=DATE
            )
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        catalog.revision_date = DATE
        catalog.creation_date = DATE
        path.write_bytes(_po_bytes(catalog))
        path.with_suffix(".mo").write_bytes(_mo_bytes(read(language)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 on a problem")
    args = parser.parse_args()
    if args.check:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    update()
    missing = [m for language in LANGUAGES for m in untranslated(read(language))]
    if missing:
        print(f"{len(missing)} messages to translate (see the .po files)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
