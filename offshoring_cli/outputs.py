"""Files the commands write (charts, briefs, scenario files): checked first, written whole.

Every output path is checked before any work (:func:`check_writable`) and written through a
temporary file beside it and a rename (:func:`write_atomically`), so a failure never leaves a
half-written file. Errors are :class:`~offshoring_cli.metrics.DomainError` (exit 2) whose
message starts with ``label``: the option or command the path came from.
"""

import os
import tempfile
from pathlib import Path

from offshoring_cli.metrics import DomainError


def check_writable(path: str, label: str, example: str = "") -> Path:
    """Refuse a path that is a directory, or whose folder is missing or read-only.

    Returns:
        The path as a :class:`~pathlib.Path`.

    Raises:
        DomainError: as above; ``example`` (a file name) is suggested for a directory.
    """
    target = Path(path)
    if target.is_dir():
        hint = f" such as {example}" if example else ""
        raise DomainError(f"{label} is a directory; give a file name{hint}")
    folder = target.parent
    if not folder.is_dir():
        raise DomainError(f"{label}: folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK):
        raise DomainError(f"{label}: folder {str(folder)!r} cannot be written")
    return target


def write_atomically(path: str, data: str | bytes, label: str) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through a temporary file and a rename.

    Raises:
        DomainError: the file cannot be written; nothing is left behind.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise DomainError(f"{label}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise DomainError(f"{label}: cannot write ({error.strerror or error})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
