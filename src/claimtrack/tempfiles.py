"""Temp files a writer that may be killed leaves beside its destination, and clearing them.

An export writes ``.<name>.claimtrack-<pid>-<random>.tmp`` (``outfile``), a backup
``.<name>.claimtrack-<pid>-<random>.partial`` (``backupfiles``): named here, within NAME_MAX (the
name part shortened and hashed when needed), and flock-ed while being written. SIGTERM and SIGHUP
remove them on the way out; a SIGKILL or a power cut cannot, so the next writer removes those
whose writer is gone: its pid is not alive and the lock is free (a pid of another pid namespace
may look dead, the lock says it is not). Only regular files of exactly these names are removed.

Apart from ``outfile`` (where an export goes) so backups share the rules without its output logic.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress

try:
    import fcntl
except ImportError:  # Windows: no flock; abandoned temp files are then left alone (see _alive)
    fcntl = None  # type: ignore[assignment]

TEMP = re.compile(r"\..*\.claimtrack-(?P<pid>[0-9]{1,10})-[0-9a-f]{8}\.tmp", re.DOTALL)
# POSIX open flags; 0 where the platform lacks one.
NOFOLLOW, CLOEXEC, NONBLOCK = (getattr(os, f, 0) for f in ("ONOFOLLOW", "OCLOEXEC", "ONONBLOCK"))


def temp_name(name: str, budget: int) -> str:
    """``.<name>.claimtrack-<pid>-<random>.tmp`` within ``budget`` bytes (a long name is cut and hashed)."""
    tail = f".claimtrack-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    raw = os.fsencode(name)
    room = budget - 1 - len(tail)
    if len(raw) > room:
        raw = raw[: room - 9] + b"~" + hashlib.sha256(raw).hexdigest()[:8].encode()
    return "." + os.fsdecode(raw) + tail


def lock(fd: int) -> None:
    """Mark the temp file as being written: the sweeper leaves a locked one alone."""
    if fcntl is not None:
        with suppress(OSError):  # no locks on this file system: the sweeper then relies on the pid alone
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@contextmanager
def held(path: str) -> Iterator[None]:
    """Keep ``path`` flock-ed while the block runs: the sweepers leave a held file alone."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK | CLOEXEC)
    except OSError:
        yield
        return
    try:
        lock(fd)
        yield
    finally:
        os.close(fd)


def remove_abandoned_temp_files(folder: str) -> None:
    """Remove temp files in ``folder`` left by exports that were killed (pid gone, lock free)."""
    sweep(folder, TEMP)


def matching(folder: str, pattern: re.Pattern[str]) -> list[str]:
    """The paths in ``folder`` whose name ``pattern`` matches (none if the folder cannot be read)."""
    try:
        with os.scandir(folder or ".") as entries:
            return [entry.path for entry in entries if pattern.fullmatch(entry.name)]
    except OSError:
        return []


def abandoned(folder: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(path, the file whose lock tells whether its writer lives) of each file of a dead writer."""
    found = []
    for path in matching(folder, pattern):
        match = pattern.fullmatch(os.path.basename(path))
        assert match is not None
        if _alive(int(match["pid"])):
            continue
        companion = match.groupdict().get("companion")
        owner = path[: -len(companion)] if companion else path
        if _locked(owner):  # its writer is at work (a pid of another pid namespace, say)
            continue
        found.append((path, owner))
    return found


def sweep(folder: str, pattern: re.Pattern[str]) -> list[str]:
    """Remove the files ``pattern`` names in ``folder`` whose writer is gone (a companion, such as
    SQLite's ``-journal``, once its owner's lock is free too): the paths removed."""
    removed = []
    for path, owner in abandoned(folder, pattern):
        if owner == path:
            if remove_if_abandoned(path):
                removed.append(path)
        elif not _locked(owner):
            with suppress(OSError):
                os.unlink(path)
                removed.append(path)
    return removed


def _locked(path: str) -> bool:
    """Whether another open file holds ``path``'s flock (a writer at work)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK | CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        return True  # ours (or a dead process's whose pid we now have); on Windows os.kill(pid, 0) kills
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    except (OverflowError, OSError):
        return False
    return True


def remove_if_abandoned(path: str) -> bool:
    """Remove ``path`` if it is a regular file whose lock is free, and still the file checked: removed?"""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK | CLOEXEC)
    except OSError:
        return False
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return False
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # its writer is still at work (a pid from another pid namespace, say)
        except OSError:
            pass  # no locks here: the dead pid decides
        now = os.stat(path, follow_symlinks=False)
        if (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino):
            os.unlink(path)
            return True
        return False
    except OSError:
        return False
    finally:
        os.close(fd)
