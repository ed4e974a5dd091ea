"""The settings file on disk: read it without surprises, change one key in place, under a lock.

``config`` knows the keys; this module knows the file. Only a regular file is read (opened without
blocking: a FIFO never hangs), at most ``MAX_BYTES``, UTF-8 with or without a byte-order mark, at
most ``MAX_DEPTH`` deep (5000 nested arrays exhaust tomllib's recursion): else one ``InvalidInput``.

``set_in``/``remove_from`` read, edit and write under an exclusive ``flock`` on ``NAME.lock`` beside
the file (beside the link when it is a symlink, so a dotfiles folder stays clean; never removed, or
two processes could lock two different files): concurrent ``config set`` of different keys all
land. tomlkit edits the document, keeping comments, order and layout; unless the result reads back
(tomllib) as the old settings plus the change, nothing is written. The file is replaced atomically
(temp file in its folder, fsync, rename), keeping its mode, byte-order mark and CRLF line ends; a
symlink stays a link. Missing folders are made 0700, as the database's. No flock on Windows: no lock.
"""

from __future__ import annotations

import math
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from claimtrack.errors import InvalidInput, OutputError
from claimtrack.textsafe import terminal

try:
    import fcntl
except ImportError:  # Windows: no flock (see the module docstring)
    fcntl = None  # type: ignore[assignment]

ENV_VAR = "CLAIMTRACK_CONFIG"
MAX_BYTES = 64 * 1024  # a settings file is a few lines; anything this big is not one
MAX_DEPTH = 32  # the settings need 3 (file, section, list of tags)
LOCK_WAIT = 10.0  # seconds; another config set holds the lock for milliseconds
BOM = "\ufeff"
HEADER = "claimtrack settings: claimtrack config get lists them; config set changes one and keeps your comments."


def shown(file: Path) -> str:
    return terminal(str(file))


def _fix() -> str:
    if os.environ.get(ENV_VAR, "").strip():
        return f"point {ENV_VAR} at a settings file, or unset it"
    return "remove it or move it away (claimtrack config path shows where the file belongs)"


# ---- reading -----------------------------------------------------------------------------------


def read(file: Path) -> dict[str, Any]:
    """The file's TOML as tomllib reads it (``{}`` when there is no file); not checked against the keys."""
    text = read_text(file)
    return {} if text is None else parse(file, text)


def read_text(file: Path) -> str | None:
    """The file's text as it is (a byte-order mark included), or None when there is no file.

    Only a regular file is read: a FIFO would block, a device never end. It is opened without
    blocking and checked again once open, so a file swapped for a FIFO meanwhile is refused too.
    """
    where, fix = f"config file {shown(file)}", _fix()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(file, flags)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise InvalidInput(f"{where} is a directory, not a file; {fix}") from None
    except NotADirectoryError:
        raise InvalidInput(f"cannot read {where}: part of its path is a file, not a folder; {fix}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {where}: {exc.strerror or exc}; check its permissions, or {fix}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InvalidInput(f"{where} is a directory, not a file; {fix}")
        if not stat.S_ISREG(mode):
            raise InvalidInput(f"{where} is not a regular file (a FIFO, socket or device); {fix}")
        data = b""
        while len(data) <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - len(data))
            if not chunk:
                break
            data += chunk
    except OSError as exc:
        raise InvalidInput(f"cannot read {where}: {exc.strerror or exc}; check the file, or {fix}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{where} is over {MAX_BYTES // 1024} KiB: not a claimtrack settings file; {fix}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(f"{where} is UTF-16 text; save it as UTF-8, or {fix}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{where} is not UTF-8 text (byte {exc.start + 1}); save it as UTF-8, or {fix}") from None


def parse(file: Path, text: str) -> dict[str, Any]:
    """``text`` (the file's) as tomllib reads it, a leading byte-order mark ignored."""
    import tomllib

    where, fix = f"config file {shown(file)}", _fix()
    try:
        raw: dict[str, Any] | None = tomllib.loads(text.removeprefix(BOM))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"{where} is not valid TOML: {exc}; correct it in an editor, or {fix}") from None
    except RecursionError:
        raw = None
    if raw is None or _depth(raw) > MAX_DEPTH:
        raise InvalidInput(
            f"{where} nests arrays or tables more than {MAX_DEPTH} deep: not a claimtrack settings file; {fix}"
        )
    return raw


def _depth(value: Any) -> int:
    """How deeply ``value``'s tables and arrays nest (1: a table of plain values), counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack and deepest <= MAX_DEPTH:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        inner = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in inner if isinstance(child, (dict, list)))
    return deepest


# ---- changing ----------------------------------------------------------------------------------


def set_in(file: Path, section: str, name: str, value: Any) -> None:
    """Set ``[section] name = value`` in the file (created, with its folders, if need be)."""

    def edit(raw: dict[str, Any], doc: Any) -> bool:
        import tomlkit

        if not isinstance(raw.get(section), dict):  # absent, or a plain value in the way
            raw[section] = {}
            if section in doc:
                del doc[section]
            doc[section] = tomlkit.table()
        raw[section][name] = value
        doc[section][name] = value
        return True

    _change(file, edit, create=True)


def remove_from(file: Path, parts: list[str]) -> bool:
    """Remove the dotted key ``parts`` from the file; False if it was not there. A table left
    without keys goes too, unless it still holds a comment of the user's."""

    def edit(raw: dict[str, Any], doc: Any) -> bool:
        raws, docs = [raw], [doc]
        for part in parts[:-1]:
            if not isinstance(raws[-1].get(part), dict):
                return False
            raws.append(raws[-1][part])
            docs.append(docs[-1][part])
        if parts[-1] not in raws[-1]:
            return False
        del raws[-1][parts[-1]]
        del docs[-1][parts[-1]]
        for level in range(len(parts) - 1, 0, -1):
            if raws[level] or _has_comment(docs[level]):
                break
            del raws[level - 1][parts[level - 1]]
            del docs[level - 1][parts[level - 1]]
        return True

    return _change(file, edit, create=False)


def _has_comment(table: Any) -> bool:
    from tomlkit.items import Comment

    if getattr(getattr(table, "trivia", None), "comment", ""):  # [section]  # like this
        return True
    return any(isinstance(item, Comment) for _, item in getattr(getattr(table, "value", None), "body", ()))


def _change(file: Path, edit: Callable[[dict[str, Any], Any], bool], *, create: bool) -> bool:
    """Run ``edit`` on the file's settings and on its tomlkit document under the lock, and write
    the document back if ``edit`` says it changed something."""
    import tomllib

    import tomlkit

    from claimtrack.signals import ended_by_signals

    read(file)  # a file that cannot be read is refused before any folder or lock file is made
    target = Path(os.path.realpath(file))
    if create:
        _make_folders(target.parent, file)
    with ended_by_signals(), _locked(file):  # killed while writing: the temp file goes too
        old = read_text(file)
        raw = {} if old is None else parse(file, old)
        body = (old or "").removeprefix(BOM)
        try:
            doc = tomlkit.parse(body)
            if old is None:
                doc.add(tomlkit.comment(HEADER))
                doc.add(tomlkit.nl())
            if not edit(raw, doc):
                return False
            new = doc.as_string()
        except (tomlkit.exceptions.TOMLKitError, ValueError, TypeError, KeyError, RecursionError) as exc:
            raise InvalidInput(
                f"config file {shown(file)}: claimtrack cannot edit it ({terminal(str(exc))}); edit the file by hand"
            ) from None
        if "\r\n" in body and "\n" not in body.replace("\r\n", ""):
            new = re.sub(r"(?<!\r)\n", "\r\n", new)  # a file with CRLF line ends keeps them
        try:
            back: Any = tomllib.loads(new)
        except (tomllib.TOMLDecodeError, RecursionError):
            back = None
        if not _same(back, raw):  # never expected; refuse rather than write something else
            raise OutputError(
                f"config file {shown(file)} would not read back as set; nothing was changed; edit the file by hand"
            )
        _replace(target, file, (BOM if old and old.startswith(BOM) else "") + new)
        return True


def _same(a: Any, b: Any) -> bool:
    """Equal as settings: tables in any order, NaN equal to NaN, ``1`` not ``true`` nor ``1.0``."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def _make_folders(folder: Path, file: Path) -> None:
    """Every missing folder up to ``folder``, one level at a time, each exactly 0700 whatever the umask."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=0o700)
            os.chmod(each, 0o700)
        except FileExistsError:
            pass  # made meanwhile by another config set; a file there is refused when writing
        except OSError as exc:
            raise OutputError(
                f"cannot create the folder {shown(each)} for config file {shown(file)}: "
                f"{exc.strerror or exc}; nothing was changed"
            ) from None


@contextmanager
def _locked(file: Path) -> Iterator[None]:
    """Hold the exclusive lock on ``NAME.lock`` beside ``file`` (waiting up to ``LOCK_WAIT``)."""
    lock = Path(os.path.abspath(file)).with_name(f"{Path(file).name}.lock")
    if fcntl is None:
        yield
        return
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK
    try:
        fd = os.open(lock, flags, 0o600)
    except FileNotFoundError:  # no folder (unset with no file): nothing to change, nothing to lock
        yield
        return
    except OSError as exc:
        raise OutputError(
            f"cannot lock config file {shown(file)} ({shown(lock)}: {exc.strerror or exc}); nothing was changed"
        ) from None
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OutputError(
                        f"config file {shown(file)} is being changed by another process (it holds "
                        f"{shown(lock)}); nothing was changed; try again"
                    ) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)


def _replace(target: Path, file: Path, text: str) -> None:
    """Put ``text`` in place of ``target`` atomically, keeping its mode (a new file is 0600)."""
    from claimtrack.signals import new_temp_file

    try:
        try:
            mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = None
        with new_temp_file(target.parent, f".{target.name}.", ".tmp") as temp:  # removed unless renamed
            with open(temp, "wb") as out:
                out.write(text.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            if mode is not None:
                os.chmod(temp, mode)
            os.replace(temp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        raise OutputError(
            f"cannot write config file {shown(file)}: {exc.strerror or exc}; nothing was changed"
        ) from None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a folder that cannot be opened so is left be."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
