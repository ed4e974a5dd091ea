"""Where ``export --output`` writes, and how, without damaging whatever is already at the path.

* A regular file, or a path where nothing is yet, is replaced atomically: the export goes to a temp
  file in the same folder, is flushed to disk, then renamed over the target. A reader sees the old
  file or the new one, never half of either, and a failed export leaves the old file as it was.
* Anything else at the path is not ours to replace. Character devices (``/dev/null``, a terminal)
  and FIFOs are opened and written through, as a shell's ``>`` would. The process's own file
  descriptors (``/dev/stdout``, ``/dev/fd/N``, which is what a shell's ``>(gzip > x.gz)`` passes)
  are duplicated, as bash does for ``>&N``, so an append-mode or shared offset is kept.
* A symlink is followed hop by hop and the file it finally names is replaced (or created, when the
  link dangles); the link itself stays a link.
* Directories, block devices and sockets are refused.

New files are created 0600, like the database: claims can be sensitive. A replaced file keeps its
mode (a 0600 backup stays 0600) and, where we may set it, its owner. A device or FIFO is never
chmodded.

Temp files are named ``.<name>.claimtrack-<pid>-<random>.tmp`` (the name part shortened and hashed
when needed, so the whole stays within NAME_MAX) and are flock-ed while being written. SIGTERM and
SIGHUP remove them on the way out; a SIGKILL or a power cut cannot, so every atomic export first
removes the ones in its folder whose writer is gone (its pid is not alive and the lock is free):
``tempfiles``, which backups share.

Every OSError while writing a file becomes one ``OutputError`` line (disk full, file size limit,
permission...) that says what became of the old file. Standard output is written as given: the
CLI's guard (``stdio``) handles its failures, and ends ``export | head`` quietly.

The database's own files (``livefiles``) are never a destination: ``open_output`` is given the
database in use and refuses them, however they are named.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import IO, Literal, cast

from claimtrack import livefiles, signals, textsafe
from claimtrack.errors import OutputError
from claimtrack.tempfiles import CLOEXEC as _CLOEXEC
from claimtrack.tempfiles import NOFOLLOW as _NOFOLLOW
from claimtrack.tempfiles import lock, remove_abandoned_temp_files, temp_name

NEW_FILE_MODE = 0o600
_PROC_FD = re.compile(r"/proc/(?P<proc>self|thread-self|[0-9]+)(?:/task/[0-9]+)?/fd")
_MAX_HOPS = 40  # symlinks followed before giving up, as the kernel does (ELOOP)
# POSIX open flags; 0 where the platform lacks one.
_NOCTTY, _DIRECTORY = (getattr(os, f, 0) for f in ("O_NOCTTY", "O_DIRECTORY"))

_WHY = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file size limit was reached",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "the device reported an input/output error",
}
_FIX = {
    errno.ENOSPC: "free some space and export again",
    errno.EDQUOT: "free some space and export again",
    errno.EFBIG: "raise the limit (ulimit -f) or export fewer claims",
    errno.EACCES: "choose a folder you may write to",
    errno.EPERM: "choose a folder you may write to",
    errno.EROFS: "choose a folder on a writable disk",
    errno.ENAMETOOLONG: "choose a shorter name",
}


@dataclass(frozen=True)
class Destination:
    """What ``--output`` resolved to: a file to ``replace``, a path to write ``through``, or our own ``fd``."""

    how: Literal["replace", "through", "fd"]
    path: str = ""
    fd: int = -1
    special_only: bool = True  # ``through``: refuse if the opened file is not a device or FIFO


@contextmanager
def open_output(path: str | None, stdout: IO[str], *, database: str | os.PathLike[str] | None) -> Iterator[IO[str]]:
    """Standard output (``None`` or ``-``), or the stream for ``--output path`` (see the module docs).

    ``database``: the SQLite file in use (None for a server): its files are refused as a destination.
    """
    if path is None or path == "-":
        yield from _to_stdout(stdout)
        return
    shown = textsafe.terminal(path)
    files = livefiles.DatabaseFiles.of(database)
    if files is not None:
        files.refuse(os.path.expanduser(path), f"--output {path}")
    dest = resolve(os.path.expanduser(path), shown)
    if files is not None and dest.path:
        files.refuse(dest.path, f"--output {path}")
    if files is not None and dest.how == "fd" and files.which_fd(dest.fd) is not None:
        raise files.error(files.which_fd(dest.fd) or "", f"--output {path}")
    if dest.how == "replace":
        with _replace(dest.path, shown) as out:
            yield out
    else:
        with _through(dest, shown) as out:
            yield out


def resolve(path: str, shown: str) -> Destination:
    """Follow ``path`` one symlink at a time and decide how to write there (or refuse)."""
    if not path:
        raise OutputError("cannot write --output: the path is empty; give a file name")
    current = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    for _ in range(_MAX_HOPS):
        folder, name = os.path.split(current)
        if not name:
            raise OutputError(f"cannot write --output {shown}: it is a directory; give a file name")
        alias = _fd_alias(folder, name, current)
        if alias is not None:
            return alias
        try:
            st = os.lstat(current)
            link = os.readlink(current) if stat.S_ISLNK(st.st_mode) else None
        except FileNotFoundError:
            return Destination("replace", current)  # a new file; its folder is checked when the temp file is made
        except NotADirectoryError:
            raise OutputError(
                f"cannot write --output {shown}: part of the path is a file, not a folder; check the path"
            ) from None
        except OSError as exc:
            raise OutputError(f"cannot write --output {shown}: {_why(exc)}; {_fix(exc)}") from exc
        if link is not None:
            current = os.path.join(folder, link)
            continue
        mode = st.st_mode
        if stat.S_ISREG(mode):
            return Destination("replace", current)
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            return Destination("through", current)
        if stat.S_ISDIR(mode):
            raise OutputError(f"cannot write --output {shown}: it is a directory; give a file name")
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
        raise OutputError(f"cannot write --output {shown}: it is {kind}; give a file, a character device or a pipe")
    raise OutputError(f"cannot write --output {shown}: too many levels of symbolic links; check where the link points")


def _fd_alias(folder: str, name: str, path: str) -> Destination | None:
    """``/dev/fd/N``, ``/proc/self/fd/N`` and the like: a file descriptor, not a file to replace."""
    if not (name.isascii() and name.isdigit()):
        return None
    match = _PROC_FD.fullmatch(os.path.realpath(folder))
    if match is None:
        return None
    proc = match["proc"]
    if proc in ("self", "thread-self") or int(proc) == os.getpid():
        return Destination("fd", fd=int(name))
    return Destination("through", path, special_only=False)  # another process's descriptor: reopen it


# ---- writing -------------------------------------------------------------------------------------


class _Guarded:
    """A text stream whose OSErrors become one ``OutputError`` (a closed pipe stays as it is)."""

    def __init__(self, stream: IO[str], explain: Callable[[OSError], OutputError]) -> None:
        self._stream = stream
        self._explain = explain

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._explain(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._explain(exc) from exc

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _why(exc: OSError) -> str:
    if exc.errno in _WHY:
        return _WHY[exc.errno]
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def _fix(exc: OSError) -> str:
    return _FIX.get(exc.errno or 0, "check the path and export again")


def _explainer(shown: str, partial: bool) -> Callable[[OSError], OutputError]:
    def explain(exc: OSError) -> OutputError:
        outcome = (
            "the output there may be incomplete"
            if partial
            else "nothing was written (the old file, if any, is unchanged)"
        )
        return OutputError(f"{_why(exc)}: could not write {shown}; {outcome}; {_fix(exc)}")

    return explain


def _to_stdout(stdout: IO[str]) -> Iterator[IO[str]]:
    """Standard output as the caller gives it: the CLI's own guard (``stdio``) says what a
    failed write to it means, for every command alike."""
    yield stdout
    stdout.flush()  # now, so a full disk is an error line rather than a complaint at exit


@contextmanager
def _through(dest: Destination, shown: str) -> Iterator[IO[str]]:
    """Write into a device, FIFO or file descriptor as it is: no temp file, no rename, no chmod."""
    explain = _explainer(shown, partial=True)
    try:
        if dest.how == "fd":
            fd = os.dup(dest.fd)
        else:
            fd = os.open(dest.path, os.O_WRONLY | _NOCTTY | _CLOEXEC)  # blocks until a FIFO has a reader
    except OSError as exc:
        if exc.errno == errno.EBADF:
            raise OutputError(
                f"cannot write --output {shown}: file descriptor {dest.fd} is not open; check the path"
            ) from exc
        raise OutputError(f"cannot write --output {shown}: {_why(exc)}; {_fix(exc)}") from exc
    try:
        mode = os.fstat(fd).st_mode
        if dest.how == "through" and not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            if dest.special_only or not stat.S_ISREG(mode):
                raise OutputError(f"cannot write --output {shown}: it changed while being opened; export again")
            os.ftruncate(fd, 0)  # another process's descriptor of a file: what a shell's > would do
    except BaseException:
        os.close(fd)
        raise
    stream = open(fd, "w", encoding="utf-8", newline="")
    out = _Guarded(stream, explain)
    try:
        yield cast(IO[str], out)
        out.flush()
    finally:
        with suppress(OSError):
            stream.close()


@contextmanager
def _replace(target: str, shown: str) -> Iterator[IO[str]]:
    """Write a temp file next to ``target`` and rename it over ``target`` once it is all on disk."""
    folder, name = os.path.split(target)
    name_max = _name_max(folder)
    if len(os.fsencode(name)) > name_max:
        raise OutputError(
            f"cannot write --output {shown}: the file name is {len(os.fsencode(name))} bytes long "
            f"and this file system allows {name_max}; choose a shorter name"
        )
    try:
        existing: os.stat_result | None = os.stat(target, follow_symlinks=False)
    except OSError:
        existing = None
    remove_abandoned_temp_files(folder)
    temp, fd = _create_temp(folder, name, min(name_max, 255), shown)
    explain = _explainer(shown, partial=False)
    try:
        stream = open(fd, "w", encoding="utf-8", newline="")
        try:
            lock(fd)
            _take_mode(fd, existing)
            with signals.ended_by_signals():  # SIGTERM/SIGHUP: the temp file is removed on the way out
                out = _Guarded(stream, explain)
                yield cast(IO[str], out)
                out.flush()
                try:
                    os.fsync(fd)
                    stream.close()
                    os.replace(temp, target)
                except OSError as exc:
                    raise explain(exc) from exc
        finally:
            with suppress(OSError):
                stream.close()
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _name_max(folder: str) -> int:
    try:
        return os.pathconf(folder or ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _create_temp(folder: str, name: str, budget: int, shown: str) -> tuple[str, int]:
    temp = os.path.join(folder, temp_name(name, budget))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
    try:
        return temp, os.open(temp, flags, NEW_FILE_MODE)
    except (FileNotFoundError, NotADirectoryError) as exc:
        where = textsafe.terminal(folder)
        raise OutputError(
            f"cannot write --output {shown}: the folder {where} does not exist; "
            "create it, or give a path in a writable folder"
        ) from exc
    except OSError as exc:
        raise OutputError(
            f"cannot write --output {shown}: {_why(exc)} in its folder; "
            "give a path in a writable folder (nothing was written)"
        ) from exc


def _take_mode(fd: int, existing: os.stat_result | None) -> None:
    """A new file is 0600 (whatever the umask); a replaced file keeps its mode, and its owner where we may."""
    if existing is not None and stat.S_ISREG(existing.st_mode):
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (existing.st_uid, existing.st_gid) and hasattr(os, "fchown"):
            for uid in (existing.st_uid, -1):  # root may keep the owner; others may still keep the group
                try:
                    os.fchown(fd, uid, existing.st_gid)
                    break
                except OSError:
                    continue
        mode = stat.S_IMODE(existing.st_mode)
    else:
        mode = NEW_FILE_MODE
    with suppress(OSError, AttributeError):  # a file system without modes (FAT), or no fchmod (Windows)
        os.fchmod(fd, mode)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (best effort: not every file system can sync a folder)."""
    try:
        fd = os.open(folder or ".", os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
