"""Reading and checking an import file in a second process while this one writes the claims.

An import does two kinds of work of about the same size: Python reads, parses and checks every
record (``importer``), and SQLite writes the rows (``store.imports``). One process does them one
after the other; on a machine with two cores they can overlap. ``validated`` forks a reader that
opens the file itself, checks every record exactly as ``importer.validated`` does, and sends the
results in batches through a pipe; this process writes them as they come, in its one transaction.

What does not change: the reader never touches the database (it ends with ``os._exit``, so not
even a destructor of the connection it inherited runs); the first bad record stops the import
with the very error the one-process path gives, and nothing is written; Ctrl-C reaches this
process, which rolls back and stops the reader. The reader is used for a regular file on Linux,
where ``fork`` is safe and cheap; standard input, a FIFO or ``<(...)`` (readable once only), a
progress bar on a terminal (it follows the bytes read here), other systems and
``CLAIMTRACK_IMPORT_READER=inline`` keep the one-process path.
"""

from __future__ import annotations

import os
import pickle
import signal
import stat
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from claimtrack.errors import ClaimtrackError, InvalidInput

if TYPE_CHECKING:
    from claimtrack.choices import ImportFormat
    from claimtrack.store.imported import ImportedClaim, ImportedFeedItem, ImportedSource

READER_ENV = "CLAIMTRACK_IMPORT_READER"
BATCH = 500  # records a message: ~100 KiB of pickled claims
PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged process (/proc/sys/fs/pipe-max-size)


def available(path: str) -> bool:
    """Whether an import of ``path`` may use a reader process: a regular file (the reader opens it
    again; a FIFO or ``<(...)`` can be read only once), on Linux, unless turned off."""
    if sys.platform != "linux" or not hasattr(os, "fork") or os.environ.get(READER_ENV, "process") == "inline":
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def validated(path: str, fmt: ImportFormat, origin: str) -> Iterator[ImportedSource | ImportedClaim | ImportedFeedItem]:
    """The checked records of an import file, read and checked by a forked reader process."""
    read_end, write_end = os.pipe()
    _widen(write_end)
    pid = os.fork()
    if pid == 0:  # the reader: it must leave only through os._exit
        code = 1
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle
            with os.fdopen(write_end, "wb") as pipe:
                _read(pipe, path, fmt, origin)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    finished = False  # the reader sent its last message and is ending by itself
    try:
        with os.fdopen(read_end, "rb") as pipe:
            while True:
                try:
                    kind, payload = pickle.load(pipe)
                except EOFError:
                    raise InvalidInput(
                        f"reading {path} stopped unexpectedly (the reader process ended); nothing was imported"
                    ) from None
                if kind == "items":
                    yield from payload
                    continue
                finished = True
                if kind == "done":
                    return
                if kind == "error":
                    raise payload
                raise RuntimeError(f"the import reader failed: {payload}")
    finally:
        _stop(pid, finished)


def _widen(fd: int) -> None:
    """Let the reader run a few thousand records ahead: while this process writes a batch of rows,
    the reader fills the pipe instead of waiting on its 64 KiB default (Linux allows 1 MiB)."""
    import fcntl

    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (OSError, AttributeError):
        pass  # a smaller pipe is only slower


def _read(pipe: Any, path: str, fmt: ImportFormat, origin: str) -> None:
    from claimtrack import importer

    def send(kind: str, payload: Any) -> None:
        pickle.dump((kind, payload), pipe, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        with importer.open_text(path) as handle:
            batch: list[Any] = []
            for item in importer.validated(importer.read(handle, fmt, path), origin):
                batch.append(item)
                if len(batch) >= BATCH:
                    send("items", batch)
                    batch = []
            send("items", batch)
        send("done", None)
    except ClaimtrackError as exc:  # a bad record: the writer raises this very error
        send("error", exc)
    except Exception as exc:  # a bug: the writer reports it as unexpected  # noqa: BLE001
        send("crash", f"{type(exc).__name__}: {exc}")


def _stop(pid: int, finished: bool) -> None:
    """Reap the reader; one still reading (the writer stopped early: an error, Ctrl-C) is killed first."""
    try:
        if not finished and os.waitpid(pid, os.WNOHANG)[0] == 0:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
