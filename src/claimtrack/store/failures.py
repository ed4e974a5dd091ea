"""What a failed database operation means, said in one line: disk full, busy, ids run out...

The drivers report the same trouble in different shapes: ``sqlite3`` errors with an error code,
psycopg2 errors with a SQLSTATE, either wrapped by SQLAlchemy (``.orig``), or a plain ``OSError``
from the file system. This module looks through the wrappers and names the cause, so a write that
failed is one ``DatabaseError`` line saying what to do, whichever driver ran it.
"""

from __future__ import annotations

import errno
import os
import sqlite3

from claimtrack.errors import DatabaseError
from claimtrack.store import idroom, privileges
from claimtrack.store.locking import BUSY_TIMEOUT_MS
from claimtrack.store.target import Target

DISK_FULL = "the disk is full"
_SQLITE_FULL = 13
_SQLITE_IOERR = 10
_PG_DISK_FULL = "53100"
PG_SEQUENCE_LIMIT = "2200H"  # nextval past the sequence's maximum
PG_INSUFFICIENT_PRIVILEGE = privileges.INSUFFICIENT_PRIVILEGE  # the role may not (``store.privileges``)
# What ``write_error`` says in a line of its own besides SQLite's and SQLAlchemy's OperationalErrors.
KNOWN_SQLSTATES = frozenset({PG_SEQUENCE_LIMIT, PG_INSUFFICIENT_PRIVILEGE})
PG_LOCK_TIMEOUT = "55P03"  # lock_not_available: lock_timeout ran out
PG_UNIQUE_VIOLATION = "23505"


def first_line(exc: BaseException) -> str:
    """The first line of what the driver said (or the error's type when it said nothing)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a PostgreSQL error (raw or wrapped by SQLAlchemy), else None.

    psycopg2 names it ``.pgcode``, psycopg 3 ``.sqlstate``: either is read."""
    orig = getattr(exc, "orig", None) or exc
    return getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)


def _is_io_error(exc: BaseException) -> bool:
    """SQLITE_IOERR (any extended code), raw or wrapped by SQLAlchemy."""
    orig = getattr(exc, "orig", None) or exc
    return isinstance(orig, sqlite3.Error) and (
        getattr(orig, "sqlite_errorcode", 0) & 0xFF == _SQLITE_IOERR or "disk I/O error" in str(orig)
    )


def is_disk_full(exc: BaseException) -> bool:
    """Whether an error (SQLite, PostgreSQL, the OS; raw or wrapped by SQLAlchemy) means no space left."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(exc, sqlite3.Error) and (
            getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL or "database or disk is full" in str(exc)
        ):
            return True
        if sqlstate(exc) == _PG_DISK_FULL:  # psycopg2.errors.DiskFull
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__  # type: ignore[assignment]
    return False


def is_known(exc: BaseException) -> bool:
    """Whether ``write_error`` has a line of its own for this PostgreSQL error (raw or wrapped)."""
    return sqlstate(exc) in KNOWN_SQLSTATES


def server_write_error(
    exc: BaseException, target: Target, query: idroom.Rows, dialect: str, statement: str | None = None
) -> DatabaseError | None:
    """The one line for a failed write transaction on a server, or None for an error that is a bug.

    The one mapping of server errors, for both paths: psycopg2's own errors (``store.pgdriver``)
    and SQLAlchemy's wrappers of them (``Database.session``) give the same line. Known are: an
    ``OperationalError`` (lock timeout, lost connection, server shutting down...), ids run out
    (2200H), a missing privilege (42501) and a unique violation (23505)."""
    orig = getattr(exc, "orig", None) or exc
    operational = any(cls.__name__ == "OperationalError" for cls in type(orig).__mro__)
    known = (PG_SEQUENCE_LIMIT, PG_INSUFFICIENT_PRIVILEGE, PG_UNIQUE_VIOLATION)
    if not operational and sqlstate(exc) not in known:
        return None
    return write_error(exc, target, query, dialect, statement)


def write_error(
    exc: BaseException, target: Target, query: idroom.Rows, dialect: str, statement: str | None = None
) -> DatabaseError:
    """The one line for a failed write transaction (rolled back by now): ids run out, disk full, busy,
    a PostgreSQL role without the privilege (``store.privileges``; ``statement``: the SQL refused,
    when the driver's error does not carry it as SQLAlchemy's does)...

    SQLite says "database or disk is full" (SQLITE_FULL) both when the disk is full and when a
    table has used the largest id it can store (``store.idroom``), so that is looked at first
    (``query`` reads the database): "the disk is full" is said only when it is."""
    if sqlstate(exc) == PG_INSUFFICIENT_PRIVILEGE:
        return privileges.write_refused(exc, query, statement)
    if is_disk_full(exc) or sqlstate(exc) == PG_SEQUENCE_LIMIT:
        try:
            problem = idroom.spent(query, dialect)
        except Exception:  # noqa: BLE001 - cannot even read: the disk-full line below stands
            problem = None
        if problem:
            return DatabaseError(problem)
    elif _is_io_error(exc) and _no_space_left(target):
        # A disk with no byte free fails even the shared-memory file SQLite opens first, which
        # it reports as "disk I/O error" (SQLITE_IOERR_SHMSIZE), not SQLITE_FULL.
        return DatabaseError(f"{DISK_FULL}: nothing was saved; free some space and try again")
    if is_disk_full(exc):
        return DatabaseError(f"{DISK_FULL}: nothing was saved; free some space and try again")
    if "locked" in str(exc) or "busy" in str(exc) or sqlstate(exc) == PG_LOCK_TIMEOUT:
        return DatabaseError(
            f"the database is busy (another claimtrack kept it locked for over "
            f"{BUSY_TIMEOUT_MS // 1000} s); nothing was changed, try again"
        )
    return DatabaseError(f"could not write to {target}: {target.scrub(first_line(exc))}")


def _no_space_left(target: Target) -> bool:
    """Whether the file system holding the SQLite file has no free block left at all."""
    if target.path is None:
        return False
    try:
        found = os.statvfs(target.path.parent)
        return (found.f_bfree if os.geteuid() == 0 else found.f_bavail) == 0  # root may use the reserve
    except (OSError, AttributeError):  # no statvfs (Windows), or the folder is gone
        return False
