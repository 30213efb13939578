"""The ``offshoring`` console script's entry point: Ctrl-C is handled from :func:`main`'s first
statement (before it, while Python starts and pip's launcher imports ``re``, ``sys`` and this
module, no code of the package runs: a Ctrl-C then is Python's own traceback, as the README says).

Importing the command line (Click, the package) takes tens of milliseconds; a Ctrl-C in that
time would print a Python traceback. This module imports nothing but ``os`` and the C module
``_signal`` (not ``signal``, whose enum wrappers cost about 2 % of a fast path's start-up),
installs a handler that ends the run with ``Error: interrupted`` (exit 130), then imports and
runs :func:`offshoring_cli.cli.main`, which takes over; and once the run is over, a Ctrl-C
during the interpreter's exit ends it the same way, never by the signal.
"""

import _signal as signal  # type: ignore[import-not-found,unused-ignore]  # see the docstring
import os


def _interrupted_early(signum: int, frame: object) -> None:
    """Ctrl-C before the command line is loaded (nothing written yet): say so, exit 130."""
    try:
        os.write(2, b"Error: interrupted\n")
    finally:
        os._exit(130)


def main() -> None:
    """Run the ``offshoring`` command (see :func:`offshoring_cli.cli.main`)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted_early)
    from offshoring_cli.cli import main as run

    run(console=True)
