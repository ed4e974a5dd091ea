"""claimtrack: keep track of claims made in the news until they resolve.

The package is a library first (``claimtrack.service`` over ``claimtrack.store``) with a thin
Typer CLI on top (``claimtrack.cli``). Importing this package is cheap on purpose: ``--version``
and ``--help`` must not pay for SQLAlchemy.
"""

__version__ = "0.1.0"
