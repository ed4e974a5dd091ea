"""SIGTERM and SIGHUP as a clean exit, for the few moments a command holds a file it must remove.

By default those signals end Python at once: no ``finally`` runs, so a temp file being written
(the config's, ``edit``'s form with the claim's text) stays behind for good. Inside
``ended_by_signals()`` they raise ``SystemExit(128 + signal)`` instead (143 for SIGTERM, as a shell
reports it), so the ``finally`` and ``except`` blocks that remove the file run on the way out.
Only signals left at their default are taken (``nohup`` keeps SIGHUP ignored), and only on the
main thread, where Python runs signal handlers. Exports (``outfile``) and backups use it too.
"""

from __future__ import annotations

import os
import secrets
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def ended_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise SystemExit(128 + signal) inside the block (see the module)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {}
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None and signal.getsignal(sig) is signal.SIG_DFL:
            previous[sig] = signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def new_temp_file(folder: Path | None, prefix: str, suffix: str) -> Iterator[Path]:
    """A new, empty file (mode 0600) in ``folder`` (None: the temp folder), removed when the block
    ends unless it was renamed away; inside ``ended_by_signals`` a SIGTERM removes it too.

    Unlike ``tempfile.mkstemp`` the name is chosen before the file is made, so there is no moment
    at which it is on disk but unknown to the clean-up (mkstemp interrupted between its open and
    its return left one behind).
    """
    path = Path(folder if folder is not None else tempfile.gettempdir()) / f"{prefix}{secrets.token_hex(6)}{suffix}"
    ours = True
    try:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600))
        except FileExistsError:
            ours = False  # another's file of the same name (48 random bits): never remove it
            raise
        yield path
    finally:
        if ours:
            path.unlink(missing_ok=True)
