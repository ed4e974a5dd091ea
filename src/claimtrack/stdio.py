"""Standard output and error as every command writes them: the one place that decides what a failed
write means. The console entry point installs it (``main``: help and ``--version`` too), and
``cli.base.ClaimtrackGroup`` around each command, where it can also say what was recorded.

* A closed pipe (``claimtrack list | head -1``) ends the command quietly with status 141, as git
  does (128 + SIGPIPE: what a shell reports for a program a closed pipe stopped).
* Any other failed write (a full disk or ``/dev/full``, an I/O error, a stream closed with ``>&-``)
  raises ``Lost``, which base turns into one ``Error:`` line that says whether the change asked
  for was recorded anyway, and how to see it.
* A standard stream closed before we start (``>&-``): its descriptor is taken by /dev/null, so no
  file opened later (an export's temp file, a database) can become "standard output"; writes to
  it still fail, as ``Lost``.
* An output encoding that cannot hold a character (``PYTHONIOENCODING=ascii``, a latin-1
  terminal) gets "?" for it rather than an error half way. Exports, whose formats are UTF-8,
  write UTF-8 whatever the locale (``utf8``), so ``export > f`` and ``export -o f`` are the same bytes.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from collections.abc import Callable
from typing import IO, Any, cast

from claimtrack.errors import ExitStatus

PIPE_CLOSED = int(ExitStatus.PIPE_CLOSED)

_WHY = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file size limit was reached",
    errno.EBADF: "it is closed",
    errno.EIO: "the device reported an input/output error",
    errno.EAGAIN: "it does not accept more output now (non-blocking)",
}


class Lost(Exception):
    """A write to standard output or error failed (not a closed pipe): ``name`` and ``why``."""

    def __init__(self, name: str, exc: OSError) -> None:
        super().__init__(f"{name}: {exc}")
        self.name = name
        self.errno = exc.errno
        reason = _WHY.get(exc.errno or 0) or exc.strerror or type(exc).__name__
        self.why = reason[:1].lower() + reason[1:]


class PipeClosed(Exception):
    """Standard output's reader went away (``| head``): stop quietly."""


class _Guarded:
    """A text stream whose failed writes raise ``Lost`` or ``PipeClosed``; everything else passes."""

    def __init__(self, stream: Any, name: str) -> None:
        self._stream = stream
        self._name = name

    def _failed(self, exc: OSError) -> Exception:
        if isinstance(exc, BrokenPipeError) and self._name == "standard output":
            return PipeClosed()
        return Lost(self._name, exc)

    def write(self, text: str) -> int:
        try:
            return cast(int, self._stream.write(text))
        except OSError as exc:
            raise self._failed(exc) from exc

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._failed(exc) from exc
        except ValueError:  # already closed by someone else: nothing of ours is waiting in it
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed:
    """A standard stream that was closed when we started (``>&-``): every write fails."""

    encoding = "utf-8"
    errors = "strict"
    closed = False

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OSError(errno.EBADF, "closed")

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd


class _Utf8:
    """UTF-8 text written straight into a byte stream (no buffer of its own to lose or close)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._buffer = stream.buffer

    def write(self, text: str) -> int:
        self._buffer.write(text.encode("utf-8", "replace"))
        return len(text)

    def flush(self) -> None:
        self._buffer.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


_DEVNULL_TAKEN: set[int] = set()


def _take_if_closed(fd: int) -> bool:
    """Put /dev/null on descriptor ``fd`` if it is closed; True if it was."""
    try:
        os.fstat(fd)
        return False
    except OSError:
        pass
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return True
    if null != fd:
        os.dup2(null, fd)
        os.close(null)
    _DEVNULL_TAKEN.add(fd)
    return True


def _wrap(stream: Any, fd: int, name: str, undo: list[Callable[[], None]]) -> Any:
    if isinstance(stream, _Guarded):
        return stream
    if stream is None or fd in _DEVNULL_TAKEN:
        return _Guarded(_Closed(fd), name)
    if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "surrogateescape") and not _is_utf8(stream):
        errors = stream.errors  # surrogateescape: Python's choice under the C locale
        stream.reconfigure(errors="replace")
        undo.append(lambda: stream.reconfigure(errors=errors))
    return _Guarded(stream, name)


def _is_utf8(stream: Any) -> bool:
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name == "utf-8"
    except LookupError:
        return False


def install() -> Callable[[], None]:
    """Guard ``sys.stdout`` and ``sys.stderr`` (see the module docs); returns what puts them back."""
    saved = (sys.stdin, sys.stdout, sys.stderr)
    undo: list[Callable[[], None]] = []
    if sys.stdin is None and _take_if_closed(0):
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        _take_if_closed(1)
    if sys.stderr is None:
        _take_if_closed(2)
    sys.stdout = _wrap(sys.stdout, 1, "standard output", undo)
    sys.stderr = _wrap(sys.stderr, 2, "standard error", undo)

    def restore() -> None:
        sys.stdin, sys.stdout, sys.stderr = saved
        for step in undo:
            step()

    return restore


def flush() -> None:
    """Flush standard output now, inside the guard: a full disk is an error line, not a complaint at exit."""
    sys.stdout.flush()


def silence(name: str = "standard output") -> None:
    """After a failed write: point the stream's descriptor at /dev/null, so what is still buffered
    in it cannot fail again when Python exits (it would print a complaint of its own). Only the
    process's own stream is touched (never one a test put in its place)."""
    current = sys.stdout if name == "standard output" else sys.stderr
    inner = getattr(current, "_stream", None)
    real = sys.__stdout__ if name == "standard output" else sys.__stderr__
    if inner is None or real is None or inner is not real:
        return
    try:
        fd = inner.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, io.UnsupportedOperation):
        return
    try:
        os.dup2(null, fd)
    except OSError:
        pass
    finally:
        os.close(null)


def utf8(stream: IO[str]) -> IO[str]:
    """``stream``, writing UTF-8 whatever its own encoding (exports: their formats are UTF-8)."""
    if _is_utf8(stream) or getattr(stream, "buffer", None) is None:
        return stream
    stream.flush()
    return cast(IO[str], _Guarded(_Utf8(stream), "standard output"))


def say(text: str) -> bool:
    """Write ``text`` to standard error if it can be; False if it could not (the error line then
    has nowhere to go: the exit status alone tells)."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (Lost, PipeClosed, OSError, ValueError):
        return False
    return True


def main(run: Callable[[], object]) -> None:
    """Run the program with the streams guarded: what the commands' own handler does not see (help,
    ``--version``, usage errors) still ends in one line, or quietly for a closed pipe."""
    install()
    try:
        try:
            run()
        finally:  # the CLI ends with SystemExit, even when all went well
            flush()
    except PipeClosed:
        silence()
        sys.exit(PIPE_CLOSED)
    except Lost as exc:
        silence(exc.name)
        say(f"Error: could not write to {exc.name}: {exc.why}\n")
        sys.exit(1)
