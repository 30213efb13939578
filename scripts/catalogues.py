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

A second domain, ``click``, holds Click's own messages (``Usage:``, ``Error: {message}``,
``Invalid value for {param_hint}: {message}``...), extracted from the *installed* Click's
source (keywords ``_`` and ``ngettext``) into ``offshoring_cli/locale/click.pot`` (its header
names Click's version), translated in ``offshoring_cli/locale/{fr,ar}/LC_MESSAGES/click.po``
and compiled next to them (:mod:`offshoring_cli.cli.click_language` uses them). When the
installed Click is another version than the template's, ``--check`` does not call the
template stale (a newer Click's new messages are written in English until the catalogue is
updated) but says so on stderr; running the script takes the new messages in.
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
DOMAINS = ("offshoring", "click")
"""Our messages, and Click's (see the module's docstring)."""
CLICK_KEYWORDS = {"_": None, "ngettext": (1, 2)}


def po_path(language: str, domain: str = "offshoring") -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def template_path(domain: str = "offshoring") -> Path:
    return LOCALE / f"{domain}.pot"


def click_version() -> str:
    from importlib.metadata import version

    import click

    del click  # imported to make sure it is the one installed here
    return version("click")


def extract(domain: str = "offshoring") -> Catalog:
    """Every message of the package (``offshoring``) or of the installed Click
    (``click``), in a template catalogue."""
    if domain == "click":
        import click

        template = Catalog(
            project="click",
            version=click_version(),
            domain="click",
            creation_date=DATE,
            revision_date=DATE,
        )
        found = extract_from_dir(
            str(Path(click.__file__).parent),
            method_map=[("**.py", "python")],
            keywords=CLICK_KEYWORDS,
        )
    else:
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


def read(language: str, domain: str = "offshoring") -> Catalog:
    with po_path(language, domain).open("rb") as handle:
        return read_po(handle, locale=language, domain=domain)


def _template_version(domain: str) -> str | None:
    """The version of the project the template of ``domain`` was extracted from."""
    if not template_path(domain).exists():
        return None
    with template_path(domain).open("rb") as handle:
        return str(read_po(handle).version)


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


def problems(domains: tuple[str, ...] = DOMAINS) -> list[str]:
    """What is stale or missing: the template, a language's messages, a compiled catalogue.

    Click's template is compared with the installed Click only when it is the version the
    template was made from (another version: a note on stderr, see the module's docstring)."""
    found = []
    for domain in domains:
        template = extract(domain)
        path = template_path(domain)
        if domain == "click" and _template_version(domain) not in (None, click_version()):
            print(
                f"note: {path.relative_to(ROOT)} was made from Click {_template_version(domain)}"
                f", Click {click_version()} is installed: run python scripts/catalogues.py to "
                "take in its messages",
                file=sys.stderr,
            )
            with path.open("rb") as handle:
                template = read_po(handle)
        elif not path.exists() or _po_bytes(template) != path.read_bytes():
            found.append(f"{path.relative_to(ROOT)} is stale: run python scripts/catalogues.py")
        ids = {_key(m.id) for m in template if m.id}
        for language in LANGUAGES:
            catalog = read(language, domain)
            have = {_key(m.id) for m in catalog if m.id}
            for message in sorted(ids - have):
                found.append(f"{language}: no entry for {message!r} ({domain})")
            for message in untranslated(catalog):
                found.append(f"{language}: no translation for {message!r} ({domain})")
            mo = po_path(language, domain).with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != _mo_bytes(catalog):
                found.append(f"{mo.relative_to(ROOT)} is stale: run python scripts/catalogues.py")
    return found


def update(domains: tuple[str, ...] = DOMAINS) -> None:
    """Write each template, update each language from it (new messages empty, gone ones
    dropped), and compile it."""
    for domain in domains:
        template = extract(domain)
        path = template_path(domain)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_po_bytes(template))
        for language in LANGUAGES:
            po = po_path(language, domain)
            po.parent.mkdir(parents=True, exist_ok=True)
            if po.exists():
                catalog = read(language, domain)
            else:
                catalog = Catalog(
                    locale=language,
                    domain=domain,
                    project=template.project,
                    version=template.version,
                    creation_date=DATE,
                )
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            catalog.fuzzy = False
            if domain == "click":  # the header names the Click it was made from
                catalog.project, catalog.version = template.project, template.version
            catalog.revision_date = DATE
            catalog.creation_date = DATE
            po.write_bytes(_po_bytes(catalog))
            po.with_suffix(".mo").write_bytes(_mo_bytes(read(language, domain)))


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
    missing = [
        m for d in DOMAINS for language in LANGUAGES for m in untranslated(read(language, d))
    ]
    if missing:
        print(f"{len(missing)} messages to translate (see the .po files)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
