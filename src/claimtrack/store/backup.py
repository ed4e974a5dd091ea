"""``db backup``: a consistent copy of a SQLite database, safe while other commands are writing.

The copy is ``VACUUM INTO`` a private temporary name in the destination's folder
(``backupfiles``: it holds our pid, and is flock-ed while SQLite writes it), made durable, and
given its final name only once complete, so an interrupted backup (killed, disk full) never
leaves a file under the name asked for, and the retry is not refused. The final name is claimed
with ``link``, which never replaces an existing file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from claimtrack.errors import DatabaseError
from claimtrack.store.failures import DISK_FULL, first_line, is_disk_full
from claimtrack.store.target import Target


def copy(target: Target, dialect: str, destination: Path, conn: Callable[[], sqlite3.Connection]) -> list[str]:
    """Copy the database at ``target`` to ``destination`` (a new file) through the connection
    ``conn`` gives; returns the partial files of killed backups (pid gone, lock free) removed first.

    The database's own files (``livefiles``) are refused as a destination.
    """
    from claimtrack import backupfiles, livefiles, signals

    if dialect != "sqlite":
        raise DatabaseError(
            "db backup copies SQLite files; for a server database use its own tools "
            "(pg_dump) or: claimtrack export --format json"
        )
    livefiles.refuse(str(destination), target.path, f"the backup to {destination}")
    livefiles.refuse_companion_name(str(destination), f"the backup to {destination}")
    if destination.exists() or destination.is_symlink():
        raise DatabaseError(f"{destination} already exists; choose a new file name (nothing was overwritten)")
    if not destination.parent.is_dir():
        raise DatabaseError(f"cannot write {destination}: the folder does not exist")
    removed = backupfiles.remove_abandoned(destination.parent, target.path)
    partial = destination.parent / backupfiles.partial_name(destination.name)
    with signals.ended_by_signals():  # SIGTERM/SIGHUP: the finally below removes the partial file
        _copy_to(target, partial, destination, conn)
    return removed


def _copy_to(target: Target, partial: Path, destination: Path, conn: Callable[[], sqlite3.Connection]) -> None:
    from claimtrack import backupfiles

    try:
        # Born empty and 0600, before any data lands in it; VACUUM INTO accepts an empty file.
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with backupfiles.writing(partial, target.path):
            conn().execute("VACUUM INTO ?", (str(partial),))
            _fsync(partial)
            _claim_name(partial, destination)
    except FileExistsError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"{destination} already exists; choose a new file name (nothing was overwritten)") from exc
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise DatabaseError(
                f"{DISK_FULL}: the backup was not written (no file was left at {destination}); "
                "free some space and try again"
            ) from exc
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else first_line(exc)
        raise DatabaseError(f"backup to {destination} failed: {reason}; nothing was written") from exc
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Make a finished file durable before it gets its final name."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _claim_name(partial: Path, final: Path) -> None:
    """Give a finished file its final name, never replacing a file of that name (FileExistsError).

    ``link`` is atomic and refuses an existing name; where a file system has no hard links, fall
    back to ``rename`` after checking the name is still free.
    """
    try:
        os.link(partial, final)
    except FileExistsError:
        raise
    except OSError:
        if final.exists() or final.is_symlink():
            raise FileExistsError(errno.EEXIST, "file exists", str(final)) from None
        os.rename(partial, final)
    else:
        partial.unlink()
    try:  # the new name itself must survive a crash
        dir_fd = os.open(final.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
