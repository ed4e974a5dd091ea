"""Real ``python -m claimtrack`` processes without paying for Python's start each time.

Most of a short command's 0.15 s is the interpreter starting and importing Typer, Rich and
claimtrack, and the suite starts well over a thousand of them (the hostile matrix, terminals,
pipes, signals): that was most of its time. So each test process starts one *zygote*: a Python that
imports claimtrack once and then, for every run, forks. The fork is a real process: its own pid
(tests signal it, kill its group, read its ``/proc``), the file descriptors the test gave it as 0, 1
and 2 (pipes, a pty, ``/dev/full``, or closed), its own session, environment, working directory,
umask and memory limit; it runs ``claimtrack/__main__.py`` with ``runpy`` as ``python -m`` does,
and ends as the interpreter would: atexit functions, non-daemon threads joined, streams flushed,
an uncaught exception printed by ``sys.excepthook``, Ctrl-C as death by SIGINT.

What a fork cannot repeat is the interpreter's own start: the locale and the encoding of the
standard streams are fixed when Python starts. A run whose environment differs from the zygote's
there (``PYTHONIOENCODING``, ``PYTHONUTF8``, ``LANG``, ``LC_*``... any ``PYTHON*`` variable) is
started the ordinary way, as is every run when ``CLAIMTRACK_TEST_FORK=0`` (the whole suite then
runs on real interpreter starts). Tests of the start itself (``--version`` without Typer, an
installed wheel, the console script) never come here.

``popen`` and ``run`` take the arguments after ``python -m claimtrack`` and the keywords of
``subprocess.Popen`` and ``subprocess.run`` that the suite uses.
"""

from __future__ import annotations

import atexit
import io
import json
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

PIPE, DEVNULL, STDOUT = subprocess.PIPE, subprocess.DEVNULL, subprocess.STDOUT
CLOSED = -10  # this stream is closed in the child (as ``>&-`` in a shell)
ENABLED = os.environ.get("CLAIMTRACK_TEST_FORK", "1") != "0"
_START_VARS = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE")  # with PYTHON*: fixed when Python starts
_HEADER = struct.Struct("!I")


def _start_env(env: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(("PYTHON", "LC_")) or k in _START_VARS}


# ---- the zygote (runs in its own process) --------------------------------------------------------


def _preload() -> None:
    """Import what commands use, so a fork starts with it in memory."""
    import importlib
    import pkgutil

    import typer.main

    import claimtrack
    from claimtrack.cli import app

    for info in pkgutil.walk_packages(claimtrack.__path__, "claimtrack."):
        if not info.name.endswith("__main__"):
            try:
                importlib.import_module(info.name)
            except ImportError:  # an optional extra that is not installed: the child imports it, or fails, itself
                pass
    typer.main.get_command(app)


def _std_stream(fd: int, mode: str, encoding: str, errors: str) -> Any:
    """A standard stream as CPython makes it at start (create_stdio): None for a closed descriptor;
    text over a buffer, no newline translation, line-buffered on a terminal; stderr always
    line-buffered and written through."""
    try:
        os.fstat(fd)
    except OSError:
        return None
    raw = io.FileIO(fd, mode + "b", closefd=False)
    tty = raw.isatty()
    buffer: Any = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    stream = io.TextIOWrapper(
        buffer,
        encoding=encoding,
        errors=errors,
        newline="\n",
        line_buffering=(fd == 2 or tty) and mode == "w",
        write_through=fd == 2,
    )
    stream.mode = mode  # type: ignore[misc]
    return stream


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)  # sys.exit("message"): printed, exit 1
    return 1


def _flush_at_exit() -> int:
    """Flush stdout and stderr as the interpreter does when it ends; a failure is reported as
    CPython reports it ("Exception ignored ...") and makes the exit status 120."""
    status = 0
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            continue
        try:
            stream.flush()
        except Exception as error:  # noqa: BLE001 - mirrors the interpreter's own last flush
            status = 120
            try:
                sys.stderr.write(f"Exception ignored in: <_io.TextIOWrapper name='<{name}>'>\n{error!r}\n")
                sys.stderr.flush()
            except Exception:  # noqa: BLE001
                pass
    return status


def _child(request: dict[str, Any], fds: list[int]) -> None:
    """In the fork: become ``python -m claimtrack ARGS`` with the request's streams and settings."""
    code = 1
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if request["sigint"]:
            signal.signal(signal.SIGINT, signal.default_int_handler)  # what Python sets when SIGINT is not ignored
            signal.signal(signal.SIGHUP, signal.SIG_DFL)  # which nohup ignores
        if request["session"]:
            os.setsid()
        given = iter(fds)
        for target, kind in enumerate(request["streams"]):
            if kind == "fd":
                fd = next(given)
                if fd != target:
                    os.dup2(fd, target)
            else:
                os.close(target)
        os.closerange(3, 65536)
        os.umask(request["umask"])
        if request["memory"]:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (request["memory"], request["memory"]))
        os.chdir(request["cwd"])
        sys.path[0] = os.getcwd()  # as ``python -m`` puts the directory it starts in first
        os.environ.clear()
        os.environ.update(request["env"])
        time.tzset()
        import tempfile

        tempfile.tempdir = None  # found again from this run's TMPDIR, not the zygote's
        encoding = sys.__stdout__.encoding if sys.__stdout__ else "utf-8"
        errors = sys.__stdout__.errors if sys.__stdout__ else "strict"
        sys.stdin = sys.__stdin__ = _std_stream(0, "r", encoding, errors)
        sys.stdout = sys.__stdout__ = _std_stream(1, "w", encoding, errors)
        sys.stderr = sys.__stderr__ = _std_stream(2, "w", encoding, "backslashreplace")
        sys.argv = ["-m", *request["args"]]
        import runpy

        try:
            runpy.run_module("claimtrack", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as done:
            code = _exit_code(done.code)
        except KeyboardInterrupt:
            sys.excepthook(*sys.exc_info())
            code = -signal.SIGINT
        except BaseException:  # noqa: BLE001 - the interpreter prints it and exits 1
            sys.excepthook(*sys.exc_info())
            code = 1
        for thread in threading.enumerate():
            if thread is not threading.main_thread() and not thread.daemon:
                thread.join()
        atexit._run_exitfuncs()
        code = _flush_at_exit() or code
        if code == -signal.SIGINT:  # as CPython: an uncaught Ctrl-C ends the process by SIGINT
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
            code = 130
    finally:
        os._exit(code if code >= 0 else 1)


def _recv_request(conn: socket.socket) -> tuple[dict[str, Any], list[int]]:
    data, fds, _flags, _addr = socket.recv_fds(conn, 65536, 3)
    while len(data) < _HEADER.size:
        data += conn.recv(65536)
    (size,) = _HEADER.unpack_from(data)
    data = data[_HEADER.size :]
    while len(data) < size:
        chunk = conn.recv(65536)
        if not chunk:
            raise EOFError("the request ended early")
        data += chunk
    return json.loads(data), fds


def serve(name: str) -> None:
    """The zygote: forks a child per request on the abstract Unix socket ``name``; tells each client
    its child's pid, then its exit status; ends when its parent closes its standard input."""
    _preload()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind("\0" + name)
    listener.listen(128)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    waiting: dict[int, socket.socket] = {}
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "accept")
    selector.register(wake_r, selectors.EVENT_READ, "reap")
    selector.register(0, selectors.EVENT_READ, "parent")
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        for key, _ in selector.select():
            if key.data == "parent":
                if not os.read(0, 4096):
                    os._exit(0)
            elif key.data == "accept":
                conn, _ = listener.accept()
                try:
                    request, fds = _recv_request(conn)
                except (OSError, EOFError, ValueError):
                    conn.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    _child(request, fds)
                for fd in fds:
                    os.close(fd)
                conn.sendall(f"{pid}\n".encode())
                waiting[pid] = conn
            else:
                try:
                    while os.read(wake_r, 4096):
                        pass
                except BlockingIOError:
                    pass
            while waiting:
                try:
                    pid, status = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break
                conn = waiting.pop(pid)
                try:
                    conn.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
                except OSError:
                    pass
                conn.close()


# ---- the client (in the test process) --------------------------------------------------------------


class _Zygote:
    _lock = threading.Lock()
    _current: _Zygote | None = None

    def __init__(self) -> None:
        # An abstract socket (Linux): no file anywhere, so no test finds it in a TMPDIR it checks.
        name = f"claimtrack-zygote-{os.getpid()}-{os.urandom(6).hex()}"
        self.path = "\0" + name
        env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
        here = str(Path(__file__).resolve().parent)
        self.start_env = _start_env(env)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"import sys; sys.path[0] = {here!r}; import forkserver; forkserver.serve(sys.argv[1])",
                name,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd="/",
            start_new_session=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline() != b"ready\n":
            raise RuntimeError("the claimtrack zygote did not start")
        atexit.register(self.close)

    @classmethod
    def get(cls) -> _Zygote:
        with cls._lock:
            if cls._current is None or cls._current.proc.poll() is not None:
                cls._current = cls()
            return cls._current

    def close(self) -> None:
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


def zygotes() -> set[int]:
    """The pid of this process's zygote, if it has one running (a child of the test process)."""
    zygote = _Zygote._current
    return {zygote.proc.pid} if zygote is not None and zygote.proc.poll() is None else set()


def _umask() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


class Process:
    """What ``subprocess.Popen`` gives, for a child of the zygote."""

    def __init__(self, args: Sequence[str], conn: socket.socket, pid: int, streams: list[Any], text: bool) -> None:
        self.args = [sys.executable, "-m", "claimtrack", *map(os.fsdecode, args)]
        self._conn = conn
        self._buffer = b""
        self.pid = pid
        self.returncode: int | None = None
        self.stdin, self.stdout, self.stderr = streams
        self._text = text

    def _read_status(self, timeout: float | None) -> int | None:
        if self.returncode is not None:
            return self.returncode
        self._conn.settimeout(timeout)
        try:
            while b"\n" not in self._buffer:
                chunk = self._conn.recv(64)
                if not chunk:
                    raise RuntimeError("the claimtrack zygote went away")
                self._buffer += chunk
        except (TimeoutError, BlockingIOError):
            return None
        self.returncode = int(self._buffer.split(b"\n", 1)[0])
        self._conn.close()
        return self.returncode

    def poll(self) -> int | None:
        return self._read_status(0)

    def wait(self, timeout: float | None = None) -> int:
        code = self._read_status(timeout)
        if code is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0)
        return code

    def send_signal(self, sig: int) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def communicate(self, input: str | bytes | None = None, timeout: float | None = None) -> tuple[Any, Any]:
        results: dict[str, Any] = {}

        def feed() -> None:
            assert self.stdin is not None
            try:
                if input:
                    self.stdin.write(input)
                self.stdin.close()
            except (BrokenPipeError, OSError):
                pass

        def drain(name: str, stream: IO[Any]) -> None:
            results[name] = stream.read()
            stream.close()

        threads = []
        if self.stdin is not None:
            threads.append(threading.Thread(target=feed, daemon=True))
        for name, stream in (("out", self.stdout), ("err", self.stderr)):
            if stream is not None:
                threads.append(threading.Thread(target=drain, args=(name, stream), daemon=True))
        for thread in threads:
            thread.start()
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                raise subprocess.TimeoutExpired(self.args, timeout or 0)
        self.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return results.get("out"), results.get("err")

    def __enter__(self) -> Process:
        return self

    def __exit__(self, *exc: object) -> None:
        for stream in (self.stdin, self.stdout, self.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        self.wait()


def _fd_for(
    spec: Any, write: bool, opened: list[int], pipes: list[tuple[int, int]]
) -> tuple[str, int | None, int | None]:
    """(kind, fd for the child, our end of a pipe) for one ``stdin``/``stdout``/``stderr`` value."""
    if spec is None:
        return "fd", (1 if write else 0), None  # inherited, as Popen does (here: the test's own)
    if spec == CLOSED:
        return "closed", None, None
    if spec == DEVNULL:
        fd = os.open(os.devnull, os.O_WRONLY if write else os.O_RDONLY)
        opened.append(fd)
        return "fd", fd, None
    if spec == PIPE:
        r, w = os.pipe()
        child, ours = (w, r) if write else (r, w)
        opened.append(child)
        pipes.append((child, ours))
        return "fd", child, ours
    if isinstance(spec, int):
        return "fd", spec, None
    return "fd", spec.fileno(), None


def popen(
    args: Sequence[str],
    *,
    stdin: Any = None,
    stdout: Any = None,
    stderr: Any = None,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    start_new_session: bool = False,
    text: bool = False,
    memory: int = 0,
    close_fds: bool = True,
    preexec_fn: Any = None,
    fork: bool = True,
    restore_sigint: bool = False,
) -> Any:
    """``subprocess.Popen([sys.executable, "-m", "claimtrack", *args], ...)``, forked from the zygote
    where it can be (see the module's docstring); ``memory``: RLIMIT_AS in bytes (0: none);
    ``fork=False``: start Python from nothing (what tests/test_forkserver.py compares with);
    ``restore_sigint``: Ctrl-C raises KeyboardInterrupt in the child even when this process ignores
    SIGINT (as a job started in the background by a shell does, and with it every Python it starts),
    and a hangup ends it even when this process ignores SIGHUP (as a suite run under ``nohup`` does)."""
    del close_fds  # the child keeps only 0, 1 and 2, as Popen's default
    env = dict(os.environ if env is None else env)
    zygote = _Zygote.get() if ENABLED and fork else None
    if zygote is None or preexec_fn is not None or _start_env(env) != zygote.start_env:
        if restore_sigint and preexec_fn is None:
            preexec_fn = _default_sigint
        return _real_popen(args, stdin, stdout, stderr, env, cwd, start_new_session, text, memory, preexec_fn)
    opened: list[int] = []
    pipes: list[tuple[int, int]] = []
    kinds: list[str] = []
    fds: list[int] = []
    ours: list[int | None] = []
    for spec, write in ((stdin, False), (stdout, True)):
        kind, fd, mine = _fd_for(spec, write, opened, pipes)
        kinds.append(kind)
        fds += [] if fd is None else [fd]
        ours.append(mine)
    if stderr == STDOUT:
        kinds.append(kinds[1])
        fds += [] if kinds[1] == "closed" else [fds[-1]]
        ours.append(None)
    else:
        kind, fd, mine = _fd_for(stderr if stderr is not None else None, True, opened, pipes)
        if stderr is None:
            fd = 2
        kinds.append(kind)
        fds += [] if fd is None else [fd]
        ours.append(mine)
    request = {  # bytes arguments arrive as CPython decodes argv: os.fsdecode, surrogateescape
        "args": [os.fsdecode(a) for a in args],
        "env": {os.fsdecode(k): os.fsdecode(v) for k, v in env.items()},
        "cwd": os.fspath(cwd) if cwd is not None else os.getcwd(),
        "session": start_new_session,
        "streams": kinds,
        "umask": _umask(),
        "memory": memory,
        "sigint": restore_sigint,
    }
    payload = json.dumps(request).encode("utf-8")
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(zygote.path)
        socket.send_fds(conn, [_HEADER.pack(len(payload)) + payload], fds)
        reply = b""
        while not reply.endswith(b"\n"):
            chunk = conn.recv(64)
            if not chunk:
                raise RuntimeError("the claimtrack zygote went away")
            reply += chunk
    except BaseException:
        conn.close()
        for _, mine in pipes:
            os.close(mine)
        raise
    finally:
        for fd in opened:
            os.close(fd)
    streams: list[Any] = []
    for mine, mode in zip(ours, ("wb", "rb", "rb")):
        if mine is None:
            streams.append(None)
            continue
        stream: Any = open(mine, mode)  # noqa: SIM115 - handed to the caller, as Popen does
        if text:
            stream = io.TextIOWrapper(stream, encoding="utf-8", errors="strict", write_through=mode == "wb")
        streams.append(stream)
    first, _, rest = reply.partition(b"\n")
    process = Process(args, conn, int(first), streams, text)
    process._buffer = rest
    return process


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Python then installs its KeyboardInterrupt handler
    signal.signal(signal.SIGHUP, signal.SIG_DFL)  # which nohup ignores


def _real_popen(
    args: Sequence[str],
    stdin: Any,
    stdout: Any,
    stderr: Any,
    env: dict[str, str],
    cwd: Any,
    session: bool,
    text: bool,
    memory: int,
    preexec_fn: Any = None,
) -> subprocess.Popen[Any]:
    command = [sys.executable, "-m", "claimtrack", *args]
    if memory or stdout == CLOSED:  # sh sets the limit and closes stdout, then becomes Python
        closed = " >&-" if stdout == CLOSED else ""
        limit = f"ulimit -v {memory // 1024}; " if memory else ""
        command = ["sh", "-c", f'{limit}exec "$@"{closed}', "sh", *command]
        stdout = None if stdout == CLOSED else stdout
    return subprocess.Popen(
        command,
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        env=env,
        cwd=cwd,
        start_new_session=session,
        text=text,
        preexec_fn=preexec_fn,  # noqa: PLW1509 - as the caller asked
    )


def run(
    args: Sequence[str],
    *,
    input: str | bytes | None = None,
    capture_output: bool = False,
    stdin: Any = None,
    stdout: Any = None,
    stderr: Any = None,
    text: bool = False,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    check: bool = False,
    start_new_session: bool = False,
    preexec_fn: Any = None,
    fork: bool = True,
    restore_sigint: bool = False,
) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run([sys.executable, "-m", "claimtrack", *args], ...)`` through ``popen``."""
    if capture_output:
        stdout = stderr = PIPE
    if input is not None:
        stdin = PIPE
    proc = popen(
        args,
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        env=env,
        cwd=cwd,
        text=text,
        start_new_session=start_new_session,
        preexec_fn=preexec_fn,
        fork=fork,
        restore_sigint=restore_sigint,
    )
    try:
        out, err = proc.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    if check:
        done.check_returncode()
    return done
