"""SIGTERM and SIGHUP as a clean exit, for the few moments a command holds a file it must remove.

By default those signals end Python at once: no ``finally`` runs, so a temp file being written
(the config's, ``edit``'s form with the claim's text) stays behind for good. Inside
``ended_by_signals()`` they raise ``SystemExit(128 + signal)`` instead (143 for SIGTERM, as a shell
reports it), so the ``finally`` and ``except`` blocks that remove the file run on the way out.
Only signals left at their default are taken (``nohup`` keeps SIGHUP ignored), and only on the
main thread, where Python runs signal handlers. ``outfile`` does the same for exports.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def ended_by_signals() -> Iterator[None]:
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
