"""Each result computed once a run: a memo of what was computed from one :class:`Options`.

A run (one command) builds one :class:`~offshoring_cli.core.resolve.Options` and hands the
same object to every report it needs: ``offshoring report`` builds the ``status``, ``gap``,
``cagr`` and ``trajectory`` reports for the brief, and the chart model from the same
``trajectory`` report. :func:`once` computes each of them (and the options' resolution, which
every report starts from) the first time it is asked for and returns that result afterwards.

The memo holds the results for the latest ``Options`` object only (by identity: options are
not hashable, as they hold the dataset): a new one, as the next run or a test brings, starts
afresh. Results are shared, so their users must not change them (none does: a changed copy is
made with ``replace``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from offshoring_cli.core.resolve import Options, Resolved

T = TypeVar("T")

_results: dict[Callable[[Any], Any], Any] = {}
_options: list[Options] = []
"""The ``Options`` object the results were computed from (none yet: empty)."""


def once(compute: Callable[[Options], T], options: Options) -> T:
    """``compute(options)``, computed at most once for this ``options`` object.

    Raises:
        whatever ``compute`` raises (nothing is stored then: the next call computes again).
    """
    if not _options or _options[0] is not options:
        _results.clear()
        _options[:] = [options]
    if compute not in _results:
        _results[compute] = compute(options)
    result: T = _results[compute]
    return result


def resolved(options: Options) -> tuple[list[Resolved], list[str]]:
    """:func:`~offshoring_cli.core.resolve.resolve` of ``options``, once a run; the lists are
    copies, so a report may extend its own."""
    from offshoring_cli.core.resolve import resolve

    found, warnings = once(resolve, options)
    return list(found), list(warnings)
