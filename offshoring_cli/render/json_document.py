"""A report as one JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


def to_json(report: Report[Any], explain: bool = False) -> str:
    """One JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output)."""
    import json

    return json.dumps(report.to_document(explain), indent=2, allow_nan=False) + "\n"
