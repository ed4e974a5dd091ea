"""What every command shares: the Typer app, the one place errors become exit codes, the service.

``ClaimtrackGroup`` turns every error a command raises into one ``Error: ...`` line on stderr and
its exit code (``errors.ExitStatus``); set ``CLAIMTRACK_DEBUG=1`` to see the traceback instead.
Heavy modules (SQLAlchemy, SQLModel, the store) are imported inside commands, so ``--help`` and
``--version`` stay fast.
"""

import os
import re
import sys
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from claimtrack import __version__, textsafe
from claimtrack.errors import ClaimtrackError, ExitStatus

if TYPE_CHECKING:
    from claimtrack.service import Service

# Typer vendors Click; its exception base is reachable without importing click itself.
_CLICK_EXCEPTION: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
# Typer itself ends these: an exit asked for, a closed pipe quietly. Click's errors (usage errors,
# exit 2), Ctrl-C (130) and a prompt abandoned become one line here (``_click_error``, ``_interrupted``).
_PASS_THROUGH = (typer.Exit, BrokenPipeError)


def fail(message: str, status: ExitStatus = ExitStatus.ERROR) -> NoReturn:
    """Print the one error line and exit.

    Messages quote what the user typed (paths, URLs, names): ``textsafe.terminal`` keeps that from
    driving the terminal or breaking the line, here at the one place errors are printed.
    """
    from claimtrack import stdio

    stdio.say(f"Error: {textsafe.terminal(message)}\n")  # if standard error is lost too, the status tells
    raise typer.Exit(int(status))


_BAD_CHAR = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(value: str, width: int = 40) -> str:
    """An argument as it can be shown: undecodable bytes as ``\\xe9``; a long one cut to the part
    around its first bad character, so the user sees where it is."""
    bad = _BAD_CHAR.search(value)
    start = max(0, (bad.start() if bad else 0) - width // 2)
    part = value[start : start + width]
    try:
        text = part.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
        text = part.encode("utf-8", "backslashreplace").decode("utf-8")
    return ("…" if start else "") + text + ("…" if start + width < len(value) else "")


def _not_text(value: str) -> str | None:
    """Why ``value`` cannot be used as text, or None if it can."""
    if "\x00" in value:
        return "contains a NUL character (\\x00); remove it"
    if _SURROGATE.search(value):
        return "is not valid UTF-8 text; retype it, or set your terminal or script to UTF-8"
    return None


def check_arguments(args: list[str]) -> None:
    """Refuse undecodable arguments before anything runs.

    Python decodes argv with ``surrogateescape``: bytes that are not UTF-8 become lone surrogates,
    which crash later when encoded or stored. A NUL cannot come from a shell, but can from a
    script calling the CLI in-process; no value may hold one.
    """
    for number, arg in enumerate(args, start=1):
        problem = _not_text(arg)
        if problem:
            fail(f"argument {number} ('{_shown(arg)}') {problem}")


def db_setting(ctx: typer.Context) -> str | None:
    """``--db``, else None (the service then reads $CLAIMTRACK_DB, checked here first)."""
    db = ctx.find_root().obj["db"]
    env = os.environ.get("CLAIMTRACK_DB")
    if db is None and env:
        problem = _not_text(env)
        if problem:
            fail(f"CLAIMTRACK_DB ('{_shown(env)}') {problem.replace('retype it', 'set it again')}")
    return db


class ClaimtrackGroup(TyperGroup):
    """Maps every error raised by a command to its exit code, in one place."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # The whole command line, before any option is parsed; not while the shell completes one
        # (an Error: line would land in the user's command line).
        if ctx.parent is None and not ctx.resilient_parsing:
            check_arguments(args)
        try:
            return super().parse_args(ctx, args)
        except _CLICK_EXCEPTION as exc:  # an unknown or bad option of the group itself
            _click_error(exc)

    def invoke(self, ctx: Any) -> Any:
        from claimtrack import stdio

        restore = stdio.install()
        try:
            return self._run(ctx)
        finally:
            restore()

    def _run(self, ctx: Any) -> Any:
        from claimtrack import stdio

        debug = os.environ.get("CLAIMTRACK_DEBUG") == "1"
        try:
            try:
                result = super().invoke(ctx)
                ctx.close()  # closing notices (a database created) inside the guard too
                return result
            finally:
                stdio.flush()
        except stdio.PipeClosed:
            stdio.silence()
            raise typer.Exit(stdio.PIPE_CLOSED) from None
        except stdio.Lost as exc:
            stdio.silence(exc.name)
            if debug:
                raise
            fail(_lost(ctx, exc))
        except _PASS_THROUGH:
            raise
        except _CLICK_EXCEPTION as exc:
            _click_error(exc)
        except typer.Abort as exc:  # a prompt (delete, --review) ended by Ctrl-C or by the end of its input
            if debug:
                raise
            stdio.say("\n")  # the prompt's line is still open
            if isinstance(exc.__context__, KeyboardInterrupt):
                _interrupted(ctx, line_open=False)
            fail(f"the input ended before an answer was given; {_saved(ctx)}")
        except KeyboardInterrupt:
            if debug:
                raise
            _interrupted(ctx)
        except ClaimtrackError as exc:
            if debug:
                raise
            done = _done(ctx)  # a later step failed after an earlier one was saved: say both
            fail(str(exc) + (f" ({_saved(ctx, done)})" if done else ""), exc.exit_status)
        except Exception as exc:
            if debug:
                raise
            fail(
                f"unexpected {type(exc).__name__}: {_scrub(ctx, str(exc))}; {_saved(ctx)}. "
                "Rerun with CLAIMTRACK_DEBUG=1 and report it"
            )


def _scrub(ctx: Any, text: str) -> str:
    """``text`` with the database's passwords masked: a driver's error may quote its connection string."""
    root = ctx.find_root()
    svc = root.obj.get("service") if isinstance(root.obj, dict) else None
    return text if svc is None else svc.target.scrub(text)


def _click_error(exc: Any) -> NoReturn:
    """A usage error as one ``Error:`` line (exit 2), with a suggestion where one exists; help asked
    for by giving a group no command (``claimtrack db``) is shown as Click shows it."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        raise exc
    from claimtrack.cli import usage

    fail(usage.line(exc), ExitStatus(exc.exit_code) if exc.exit_code in (1, 2) else ExitStatus.USAGE)


def _interrupted(ctx: Any, line_open: bool = True) -> NoReturn:
    """Ctrl-C: one line saying what became of the work, exit 130. ``line_open``: a terminal may have
    echoed ``^C`` where the cursor was, so the line starts on a line of its own."""
    from claimtrack import stdio

    done = _done(ctx)
    if done:
        said = f"Interrupted: nothing more was saved (before it, {'; '.join(w for w, _ in done)}: see it with: {done[-1][1]})."
    else:
        said = "Interrupted: nothing was saved."
    stdio.say(("\n" if line_open and sys.stderr.isatty() else "") + textsafe.terminal(said) + "\n")
    raise typer.Exit(int(ExitStatus.INTERRUPTED))


def recorded(ctx: typer.Context, what: str, see: str) -> None:
    """Say that ``what`` is done (seen with the command ``see``) before printing about it, so an output
    that then fails is reported as a lost confirmation, not a failed change. Changes to the
    database are known without this (``Service.recorded``)."""
    ctx.find_root().obj.setdefault("recorded", []).append((what, see))


def _done(ctx: Any) -> list[tuple[str, str]]:
    root = ctx.find_root()
    obj = root.obj if isinstance(root.obj, dict) else {}
    done = list(obj.get("recorded", []))
    svc = obj.get("service")
    if svc is not None:
        try:
            done = [(f"the change was recorded ({r.summary})", r.see) for r in svc.recorded()] + done
        except Exception:  # noqa: BLE001 - only a hint is lost; the message must still be printed
            done = [("a change was recorded", "claimtrack log")] + done
    return done


def _saved(ctx: Any, done: list[tuple[str, str]] | None = None) -> str:
    """For an error: what became of the change asked for."""
    done = _done(ctx) if done is None else done
    if not done:
        return "nothing was saved"
    return f"but before it {'; '.join(what for what, _ in done)}: see it with: {done[-1][1]}"


_LOST_FIX = {
    "the disk is full": "free some space",
    "the disk quota is exceeded": "free some space",
    "it is closed": "run it with the stream open (no >&-)",
}


def _lost(ctx: Any, exc: Any) -> str:
    """The line for an output that could not be written (``stdio.Lost``)."""
    done = _done(ctx)
    if done:
        what = "; ".join(w for w, _ in done)
        see = done[-1][1] if len(done) == 1 else "claimtrack log"
        return f"{what}, but its confirmation could not be written to {exc.name} ({exc.why}); see it with: {see}"
    fix = _LOST_FIX.get(exc.why, "check where it goes")
    return (
        f"could not write to {exc.name}: {exc.why}; the output is incomplete (nothing was changed); "
        f"{fix}, or send the output to a file"
    )


app = typer.Typer(
    cls=ClaimtrackGroup,
    help="Track claims made in the news until they resolve: who said it, how likely it is, how it turned out.",
    epilog="Data: --db > $CLAIMTRACK_DB > your user data dir. Output: a table on a terminal, TSV when piped.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
)

# Help panels, in the order ``claimtrack --help`` shows them.
CAPTURE, UPDATE, FIX, QUERY, REPORT, SOURCES, DATABASE = (
    "Capture claims",
    "Update claims as news arrives",
    "Fix mistakes",
    "Look things up",
    "Reports and exports",
    "Sources",
    "Database",
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"claimtrack {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="TARGET",
            help="Database file or SQLAlchemy URL (default: $CLAIMTRACK_DB, else your user data dir).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    ctx.obj = {"db": db}


def service(ctx: typer.Context, create: bool = True) -> "Service":
    """The service for this invocation's database (opened lazily, closed at exit).

    ``create=False`` for commands that only read: they never create a database as a side effect,
    and say there is none and how to make one.
    """
    from claimtrack.service import Service

    root = ctx.find_root()
    if "service" not in root.obj:
        # only init makes the folders of a database the user named (a typo must not become one)
        svc = Service(db_setting(ctx), create=create, new_folders=ctx.info_name == "init")
        root.obj["service"] = svc
        root.call_on_close(svc.close)
        if ctx.info_name != "init":  # init says where the database is itself
            root.call_on_close(lambda: _say_created(svc))
    return root.obj["service"]


def _say_created(svc: "Service") -> None:
    """A write that had to create the database says so once, so data never lands somewhere unseen."""
    if svc.created:
        notify([f"Created a new database at {svc.target} (see it with: {svc.target.command('db path')})."])


def notify(lines: list[str]) -> None:
    """Messages for the user on stderr, made inert like errors (they quote paths and names)."""
    for line in lines:
        sys.stderr.write(textsafe.terminal(line) + "\n")
