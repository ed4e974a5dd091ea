"""The command line: parse, call the service, render. No business rules live here.

Split by what the user does, one module each: ``capture`` (add, import), ``update`` (confirm,
refute, dispute, reopen, set, note), ``edit``, ``fix`` (undo, delete, restore), ``query`` (list, show, log, due), ``report`` (summary,
calibration, export), ``sources`` (source set, sources) and ``db`` (init, db ...). ``base`` holds
the Typer app and the one place errors become exit codes; ``options`` the shared options;
``output`` the pager and the choice of format; ``complete`` the shell completion of ids and names.
"""

from __future__ import annotations

# Importing a module registers its commands; ``--help`` lists them in this order.
from claimtrack.cli import capture  # noqa: F401  isort: skip
from claimtrack.cli import update  # noqa: F401  isort: skip
from claimtrack.cli import edit  # noqa: F401  isort: skip
from claimtrack.cli import fix  # noqa: F401  isort: skip
from claimtrack.cli import query  # noqa: F401  isort: skip
from claimtrack.cli import report  # noqa: F401  isort: skip
from claimtrack.cli import sources  # noqa: F401  isort: skip
from claimtrack.cli import db  # noqa: F401  isort: skip
from claimtrack.cli.base import app


def main() -> None:
    """Console-script entry point."""
    app(prog_name="claimtrack")


__all__ = ["app", "main"]
