"""``edit``'s files and editor: the form in a private temp folder, the user's editor run on it, the
form read back with care, and a form kept for a retry.

The editor is a program the user chose, and whatever it leaves where the form was is read back:
the form may be gone, a directory, a named pipe (which would block a plain ``open`` for ever), a
symbolic link, huge, or not UTF-8. ``read_form`` opens without following links and without
blocking, reads only a regular file, at most ``MAX_FORM`` bytes, and says in one line what it found
instead. The form lives in a folder of its own (0700, in the temp folder) that goes with
everything in it when the command ends, by error, Ctrl-C, or inside ``signals.ended_by_signals``
SIGTERM or SIGHUP. A form that could not be saved (another change came first) is kept in the user's
data folder, where it survives for the retry, never in the temp folder.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shlex
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from claimtrack.errors import InvalidInput
from claimtrack.signals import new_temp_file

MAX_FORM = 1 << 20  # 1 MiB: a claim's text is at most 10,000 characters, the whole form far less
_KEPT_NAME = re.compile(r"claim-\d+-[0-9a-f]{6}\.txt")
_FOR_CLAIM = re.compile(r"# (?:Editing claim|Your changes to claim) (\d+)\b")
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)
_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


@contextmanager
def private_folder() -> Iterator[Path]:
    """A new folder (0700) in the temp folder, removed with all it holds when the block ends.

    Named before it is made, as ``signals.new_temp_file`` does, so no moment exists at which it is
    on disk but unknown to the clean-up."""
    path = Path(tempfile.gettempdir()) / f"claimtrack-{secrets.token_hex(6)}"
    ours = True
    try:
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            ours = False  # another's folder of the same name (48 random bits): never remove it
            raise
        os.chmod(path, 0o700)  # exactly 0700, whatever the umask
        yield path
    finally:
        if ours:
            _remove(path)


def _remove(path: Path) -> None:
    """Remove ``path`` and whatever the editor left in it (a directory, a pipe, a link)."""
    if path.is_symlink():
        path.unlink(missing_ok=True)
        return
    shutil.rmtree(path, ignore_errors=True)
    if path.exists():  # a folder in it left without permissions: open every folder up, then again
        for root, folders, _ in os.walk(path):
            for folder in folders:
                if not os.path.islink(os.path.join(root, folder)):
                    with suppress(OSError):
                        os.chmod(os.path.join(root, folder), 0o700)
        shutil.rmtree(path, ignore_errors=True)


def write_form(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as a new file (0600), never through a link the editor left."""
    path.unlink(missing_ok=True)
    fd = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600
    )
    with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as file:
        file.write(text)


def read_form(path: Path, name: str, follow: bool = False) -> str:
    """The text of the form at ``path``, or ``InvalidInput`` naming (as ``name``) what is there instead.

    ``follow``: a symbolic link is read through (a file the user named); else it is refused."""
    try:
        fd = os.open(path, _FLAGS | (0 if follow else getattr(os, "O_NOFOLLOW", 0)))
    except FileNotFoundError:
        raise InvalidInput(f"{name} does not exist") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InvalidInput(f"{name} is a symbolic link, not a file") from None
        raise InvalidInput(f"cannot read {name} ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
            raise InvalidInput(f"{name} is {kind}, not a file")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FORM:
            chunk = os.read(fd, MAX_FORM + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InvalidInput(f"cannot read {name} ({exc.strerror})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FORM:
        raise InvalidInput(f"{name} is larger than {MAX_FORM // (1 << 20)} MiB; a claim's form is far smaller")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInput(
            f"{name} is not UTF-8 text (line {line} has the byte 0x{data[exc.start]:02x}); save it as UTF-8"
        ) from None


def kept_folder() -> Path:
    """Where forms that could not be saved are kept: ``edits`` in the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("claimtrack", appauthor=False) / "edits"


def keep(cid: int, text: Callable[[Path], str]) -> Path:
    """Keep ``text(path)`` as a new private file (0600, folders 0700) in ``kept_folder``: ``path``.

    Written under a temporary name and renamed, so a kill leaves either the whole form or nothing."""
    folder = kept_folder()
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=0o700, exist_ok=True)
        os.chmod(made, 0o700)
    folder = kept_folder()
    while True:
        path = folder / f"claim-{cid}-{secrets.token_hex(3)}.txt"
        if not path.exists():
            break
    with new_temp_file(folder, f".{path.name}.", ".partial") as partial:
        write_form(partial, text(path))
        os.replace(partial, path)
    return path


def discard_kept(path: Path) -> None:
    """Remove ``path`` if it is a form ``keep`` made (it has been applied); any other file stays."""
    try:
        if _KEPT_NAME.fullmatch(path.name) and path.resolve().parent == kept_folder().resolve():
            path.unlink(missing_ok=True)
    except OSError:
        pass  # only tidying: the change is saved


def editor_command() -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else ``vi`` if there is one, as an argument list."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as exc:
                raise InvalidInput(f"${var} ({value!r}) is not a command line ({exc}); fix its quoting") from None
    vi = shutil.which("vi")
    if vi is None:
        raise InvalidInput("no editor found; set $VISUAL or $EDITOR to your editor's command, e.g. export EDITOR=nano")
    return [vi]


def run_editor(path: Path) -> None:
    """Run the user's editor on ``path``; one that cannot start or fails is an error."""
    command = editor_command()
    try:
        done = subprocess.run([*command, str(path)], check=False)
    except OSError as exc:
        raise InvalidInput(
            f"cannot run the editor {shlex.join(command)!r} ({exc.strerror}); set $VISUAL or "
            "$EDITOR to your editor's command; nothing was changed"
        ) from None
    if done.returncode != 0:
        raise InvalidInput(
            f"the editor {shlex.join(command)!r} exited with status {done.returncode}; nothing was changed"
        )


def started(cid: int, start: Path) -> str:
    """The text of the form file ``start``, refused if it is a form for another claim."""
    text = read_form(start, f"the form file {str(start)!r}", follow=True)
    found = _FOR_CLAIM.match(text)
    if found and int(found.group(1)) != cid:
        raise InvalidInput(
            f"{str(start)!r} is a form for claim {found.group(1)}, not {cid}; "
            f"apply it with: claimtrack edit {found.group(1)} --from {shlex.quote(str(start))}"
        )
    return text


def read_back(path: Path) -> str:
    """The form as the editor left it; ``InvalidInput`` if it left anything but a UTF-8 text file."""
    if not os.path.lexists(path):
        raise InvalidInput(
            "the editor removed the form instead of saving it; nothing was changed "
            "(check that $VISUAL or $EDITOR saves the file it is given)"
        )
    try:
        return read_form(path, "the form the editor left")
    except InvalidInput as exc:
        raise InvalidInput(f"{exc}; nothing was changed") from None
