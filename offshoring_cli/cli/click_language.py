"""Click's own texts (``Usage:``, ``Error:``, ``Invalid value for ...``, ``Options``) in the
language of the command line's run, from our catalogue of Click's messages.

Click translates its texts with :func:`gettext.gettext` and :func:`gettext.ngettext`, bound
at import in each of its modules (``from gettext import gettext as _``): the *global* domain
(``messages``), the language taken from the environment (``LANGUAGE``, ``LC_ALL``...), and no
French or Arabic catalogue shipped. Setting the global domain (``gettext.textdomain``) would
change every library's texts in the process, and the language would follow the system
locale, not ``--lang``. Instead, while a run of the ``offshoring`` command has chosen French
or Arabic, :func:`use` binds those two names in Click's modules to a
:class:`gettext.GNUTranslations` of our ``click`` domain
(``offshoring_cli/locale/<lang>/LC_MESSAGES/click.mo``, made from the installed Click's
source by ``scripts/catalogues.py``); the group's ``main`` (:mod:`~offshoring_cli.cli.commands`)
puts Click's own functions back when the run ends, errors included. So:

- English runs never import this module, nor look for a catalogue;
- a program that uses the Python API, or Click for its own commands, keeps Click's texts as
  they were (they change only during a French or Arabic run of our command);
- a message a newer Click adds, not in our catalogue, is written in English (the
  catalogue's fallback), never refused.
"""

from __future__ import annotations

import sys
from typing import Any

DOMAIN = "click"
"""The gettext domain of our catalogue of Click's messages."""

MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
    "click.shell_completion",
    "click._termui_impl",
)
"""Click's modules that translate texts (those loaded when a run starts are bound)."""

_saved: dict[str, dict[str, Any]] = {}
_translation: Any = None


def use(language: str) -> None:
    """Click's texts in ``language`` from now on (``en``: Click's own functions again).

    Only the names still bound to :mod:`gettext`'s functions are replaced (and each is put
    back by a later call); a missing catalogue leaves the texts English."""
    global _translation
    _restore()
    if language == "en":
        return
    import gettext

    from offshoring_cli import i18n

    found = gettext.translation(
        DOMAIN,
        i18n.locale_folder(),
        languages=[language],
        fallback=True,
    )
    originals = {"_": gettext.gettext, "ngettext": gettext.ngettext}
    ours = {"_": found.gettext, "ngettext": found.ngettext}
    for name in MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        names = vars(module)
        saved = {key: names[key] for key in ours if names.get(key) is originals[key]}
        for key in saved:
            setattr(module, key, ours[key])
        _saved[name] = saved
    _translation = found


def _restore() -> None:
    global _translation
    for name, saved in _saved.items():
        module = sys.modules.get(name)
        for key, function in saved.items():
            if module is not None:
                setattr(module, key, function)
    _saved.clear()
    _translation = None


def text(message: str) -> str:
    """``message``, one of Click's texts we write ourselves (``Commands``, ``Show this
    message and exit.``), in the language of the run (itself when English)."""
    return message if _translation is None else str(_translation.gettext(message))
