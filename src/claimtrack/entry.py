"""The console-script entry point: answers a bare ``--version`` before loading Typer.

``claimtrack --version`` is run by scripts and bug reports; it need not pay for the CLI framework.
Everything else goes to ``claimtrack.cli``.
"""

from __future__ import annotations

import sys


def main() -> None:
    from claimtrack import stdio

    if sys.argv[1:] == ["--version"]:
        from claimtrack import __version__

        stdio.main(lambda: sys.stdout.write(f"claimtrack {__version__}\n"))
        return
    from claimtrack.cli import main as run

    run()
