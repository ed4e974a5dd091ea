"""The database's own files, which no output of ours may ever land on.

A SQLite database is more than its file: SQLite keeps the newest commits in ``<db>-wal``, its
shared memory in ``<db>-shm`` and, in rollback mode, ``<db>-journal``. Replacing any of them with
an export, a backup or a settings file loses or corrupts claims, and it is easy to do by accident
(``export -o claims.db``, a tab-completed ``claims.db-wal``). So every command that writes a file
asks ``DatabaseFiles.refuse`` first, with the database in use.

A destination is the database's when it is the same file (same device and inode: a hard link, a
symlink or a symlink chain to it, ``/dev/fd/N`` opened on it) or, where no such file exists yet,
when its name in its folder is one of the companions' names in the database's folder (that folder
reached directly, relatively or through a symlink: folders are compared by device and inode too).
SQLite follows a symlinked database to its real file and keeps the companions there, so both the
path given and the real one are protected. A server database (PostgreSQL) has no files here:
nothing to protect, ``of`` gives None.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from claimtrack.errors import OutputError

# suffix -> what it is, for the error line
COMPANIONS = {
    "": "the database in use",
    "-wal": "the database's write-ahead log (it holds the newest changes)",
    "-shm": "the database's shared-memory file",
    "-journal": "the database's rollback journal",
}


@dataclass(frozen=True)
class DatabaseFiles:
    """The identities of a SQLite database's files, for comparing destinations against."""

    database: str  # as shown in messages
    names: dict[tuple[int, int, str], str]  # (folder device, folder inode, file name) -> suffix
    inodes: dict[tuple[int, int], str]  # (device, inode) of each file that exists -> suffix

    @classmethod
    def of(cls, database: os.PathLike[str] | str | None) -> DatabaseFiles | None:
        """The files of the SQLite database at ``database``; None for no path (a server database)."""
        if database is None or str(database) == "":
            return None
        given = os.path.abspath(os.path.expanduser(str(database)))
        names: dict[tuple[int, int, str], str] = {}
        inodes: dict[tuple[int, int], str] = {}
        for path in dict.fromkeys((given, os.path.realpath(given))):
            folder, name = os.path.split(path)
            try:
                st = os.stat(folder)
            except OSError:
                continue
            for suffix in COMPANIONS:
                names[(st.st_dev, st.st_ino, name + suffix)] = suffix
                try:
                    file = os.stat(path + suffix)
                except OSError:
                    continue
                inodes.setdefault((file.st_dev, file.st_ino), suffix)
        return cls(given, names, inodes)

    def which(self, path: str) -> str | None:
        """The companion suffix (``""`` for the database itself) ``path`` would write to, or None."""
        path = os.path.abspath(os.path.expanduser(path))
        try:
            st = os.stat(path)  # follows every symlink, /dev/fd/N and /proc/self/fd/N included
        except OSError:
            pass
        else:
            return self.inodes.get((st.st_dev, st.st_ino))
        for candidate in dict.fromkeys((path, os.path.realpath(path))):  # not there yet, or a dangling link
            folder, name = os.path.split(candidate)
            try:
                st = os.stat(folder)
            except OSError:
                continue
            found = self.names.get((st.st_dev, st.st_ino, name))
            if found is not None:
                return found
        return None

    def which_fd(self, fd: int) -> str | None:
        """As ``which``, for an open file descriptor."""
        try:
            st = os.fstat(fd)
        except OSError:
            return None
        return self.inodes.get((st.st_dev, st.st_ino))

    def refuse(self, path: str, what: str) -> None:
        """``OutputError`` when ``path`` is one of the database's files. ``what``: how the command
        names the destination (``--output x``, ``the backup x``), for the error line."""
        suffix = self.which(path)
        if suffix is not None:
            raise self.error(suffix, what)

    def error(self, suffix: str, what: str) -> OutputError:
        name = self.database + suffix  # made inert where the line is printed
        return OutputError(
            f"cannot write {what}: it is {COMPANIONS[suffix]}, {name}; choose another file name (nothing was written)"
        )


def refuse_companion_name(path: str, what: str) -> None:
    """A new database (``db backup``, ``db copy``) may not be named like the ``-wal``, ``-shm`` or
    ``-journal`` of a file that exists: SQLite would read it as that database's and discard it."""
    for suffix in COMPANIONS:
        if suffix and path.endswith(suffix) and os.path.isfile(path[: -len(suffix)]):
            raise OutputError(
                f"cannot write {what}: SQLite would take it for the {suffix[1:]} file of "
                f"{path[: -len(suffix)]}; choose another file name (nothing was written)"
            )


def refuse(path: str, database: Path | str | None, what: str) -> None:
    """Refuse (``OutputError``) to write ``path`` when it is one of ``database``'s files."""
    files = DatabaseFiles.of(database)
    if files is not None:
        files.refuse(path, what)
