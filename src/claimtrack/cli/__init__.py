"""The command line: parse, call the service, render. No business rules live here.

Split by what the user does, one module each: ``capture`` (add, import), ``update`` (confirm,
refute, dispute, reopen, set, note), ``edit``, ``fix`` (undo, delete, restore), ``query`` (list, show, log, due), ``report`` (summary,
calibration, export), ``sources`` (source set, sources) and ``db`` (init, db ...). ``base`` holds
the Typer app and the one place errors become exit codes; ``options`` the shared options;
``output`` the pager and the choice of format; ``complete`` the shell completion of ids and names.
"""

# Importing a module registers its commands; ``--help`` lists them in this order.
from claimtrack.cli import capture  # noqa: F401  isort: skip
from claimtrack.cli import extract  # noqa: F401  isort: skip
from claimtrack.cli import update  # noqa: F401  isort: skip
from claimtrack.cli import edit  # noqa: F401  isort: skip
from claimtrack.cli import match  # noqa: F401  isort: skip
from claimtrack.cli import fix  # noqa: F401  isort: skip
from claimtrack.cli import query  # noqa: F401  isort: skip
from claimtrack.cli import report  # noqa: F401  isort: skip
from claimtrack.cli import sources  # noqa: F401  isort: skip
from claimtrack.cli import db  # noqa: F401  isort: skip
from claimtrack.cli import config  # noqa: F401  isort: skip
from claimtrack.cli.base import app


def _reflow(doc: str | None) -> str | None:
    """A docstring as help text: each paragraph on one line, so the help wraps to the terminal's
    width instead of keeping the source's line breaks (Typer's rich help keeps them). Lines
    starting with ``-`` (lists) and indented lines keep theirs."""
    if not doc:
        return doc
    import inspect

    paragraphs = []
    for paragraph in inspect.cleandoc(doc).split("\n\n"):
        lines = paragraph.splitlines()
        if any(line.startswith(("-", " ")) for line in lines):
            paragraphs.append(paragraph)
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _reflow_help(typer_app: object) -> None:
    for info in typer_app.registered_commands:  # type: ignore[attr-defined]
        if info.help:
            info.help = _reflow(info.help)
        elif info.callback is not None:
            info.callback.__doc__ = _reflow(info.callback.__doc__)
    for group in typer_app.registered_groups:  # type: ignore[attr-defined]
        _reflow_help(group.typer_instance)


_reflow_help(app)


def main() -> None:
    """Console-script entry point (standard output and error guarded: ``claimtrack.stdio``)."""
    from claimtrack import stdio

    stdio.main(lambda: app(prog_name="claimtrack"))


__all__ = ["app", "main"]
