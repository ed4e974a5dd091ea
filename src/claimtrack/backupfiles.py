"""The files ``db backup`` makes on the way, and clearing those a killed backup left.

A backup is written by SQLite (``VACUUM INTO``) to ``.<FILE>.claimtrack-<pid>-<random>.partial``
beside FILE, with SQLite's ``-journal`` next to it, and renamed to FILE once complete. A SIGKILL or
a power cut leaves both, as big as the database. So:

* the partial is flock-ed while its backup runs, and carries the pid: a file whose pid is gone and
  whose lock is free is abandoned (the pid and lock test of ``tempfiles``, as for export temp files);
* a backup into another folder than the database's leaves a note (``.<db>.claimtrack-<pid>-
  <random>.backup``, flock-ed too, naming the partial) beside the database while it runs, so the
  debris of a killed one can be found from the database wherever it went;
* every ``db backup`` first removes the abandoned partials (and journals) in its destination's
  folder and the database's, and those the abandoned notes beside the database name, then the notes;
* ``db check`` names them (and the nameless partials of claimtracks before this scheme, whose
  writer cannot be told, so they are named but never removed).

Only files of exactly these names are ever removed, and never one a live backup holds.
"""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path

from claimtrack import tempfiles

PARTIAL = re.compile(
    r"\..*\.claimtrack-(?P<pid>[0-9]{1,10})-[0-9a-f]{8}\.partial(?P<companion>-journal|-wal|-shm)?", re.DOTALL
)
NOTE = re.compile(r"\..*\.claimtrack-(?P<pid>[0-9]{1,10})-[0-9a-f]{8}\.backup", re.DOTALL)
OLD_PARTIAL = re.compile(r"\..*\.[0-9a-f]{12}\.partial(-journal|-wal|-shm)?", re.DOTALL)  # no pid: named only
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def partial_name(name: str, budget: int = 255) -> str:
    """``.<name>.claimtrack-<pid>-<random>.partial``, short enough for SQLite's ``-journal`` beside it."""
    room = budget - len("-journal") - (len(".partial") - len(".tmp"))
    return tempfiles.temp_name(name, room).removesuffix(".tmp") + ".partial"


@contextmanager
def writing(partial: Path, database: Path | None) -> Iterator[None]:
    """While a backup writes ``partial``: the partial held, and a held note beside ``database`` when
    the backup goes to another folder (best effort: a read-only folder gets no note)."""
    note = None
    try:
        if database is not None and not _same_folder(partial.parent, database.parent):
            name = tempfiles.temp_name(database.name, 240).removesuffix(".tmp") + ".backup"
            with _signals_held():  # a SIGTERM lands after ``note`` is set: the finally removes it
                note = _note(database.parent / name, partial)
        with tempfiles.held(str(partial)), tempfiles.held(str(note)) if note else nullcontext():
            yield
    finally:
        if note is not None:
            note.unlink(missing_ok=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and SIGHUP wait until the block is over (where the platform can hold them)."""
    block = getattr(signal, "pthread_sigmask", None)
    masked = {signal.SIGTERM, *(s for s in [getattr(signal, "SIGHUP", None)] if s is not None)}
    if block is not None:
        block(signal.SIG_BLOCK, masked)
    try:
        yield
    finally:
        if block is not None:
            block(signal.SIG_UNBLOCK, masked)


def _note(candidate: Path, partial: Path) -> Path | None:
    """Make the note naming ``partial``: its path, or None when the folder takes none."""
    try:
        fd = os.open(candidate, _FLAGS, 0o600)
    except OSError:
        return None
    try:
        os.write(fd, os.fsencode(str(partial)))
    except OSError:
        candidate.unlink(missing_ok=True)
        return None
    finally:
        os.close(fd)
    return candidate


def remove_abandoned(folder: Path, database: Path | None) -> list[str]:
    """Remove what killed backups left in ``folder`` and what the abandoned notes beside
    ``database`` name (then those notes): the paths of the partials and journals removed."""
    removed = tempfiles.sweep(str(folder), PARTIAL)
    if database is not None and not _same_folder(folder, database.parent):  # backups made beside it
        removed += tempfiles.sweep(str(database.parent), PARTIAL)
    for note, listed in _abandoned_notes(database):
        for path in (listed, f"{listed}-journal"):
            if PARTIAL.fullmatch(os.path.basename(path)) and os.path.exists(path):
                removed += [path] if tempfiles.remove_if_abandoned(path) else []
        if not os.path.exists(listed):
            with suppress(OSError):
                os.unlink(note)
    return removed


def abandoned(database: Path) -> list[str]:
    """For ``db check``: what killed backups left beside ``database`` or named in its notes (nothing removed)."""
    folder = str(database.parent)
    found = {path for path, _ in tempfiles.abandoned(folder, PARTIAL)}
    found.update(tempfiles.matching(folder, OLD_PARTIAL))
    for _, listed in _abandoned_notes(database):
        found.update(path for path in (listed, f"{listed}-journal") if os.path.exists(path))
    return sorted(found)


def _abandoned_notes(database: Path | None) -> list[tuple[str, str]]:
    """(note, the partial it names) for each note beside ``database`` whose backup is gone."""
    if database is None:
        return []
    notes = []
    for note, _owner in tempfiles.abandoned(str(database.parent), NOTE):
        match = NOTE.fullmatch(os.path.basename(note))
        try:
            with open(note, "rb") as f:
                listed = os.fsdecode(f.read(4096))
        except OSError:
            continue
        named = PARTIAL.fullmatch(os.path.basename(listed))
        if match is None or named is None or named["pid"] != match["pid"] or not os.path.isabs(listed):
            continue  # not a note of ours, or not naming a partial of the same backup: left alone
        notes.append((note, listed))
    return notes


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
