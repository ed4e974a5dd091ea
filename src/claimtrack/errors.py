"""Exit codes and the typed errors the service and store raise.

One place decides how a failure looks to the user: every error the user can fix is a
``ClaimtrackError`` carrying a one-line message that says what was wrong and what to do. The CLI
prints it as ``Error: <message>`` and exits with ``exit_status``; nothing else prints errors.
"""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """Process exit codes: DESIGN.md's four, and the two a shell gives a command its signals end."""

    SUCCESS = 0
    ERROR = 1  # an error the user can fix
    USAGE = 2  # bad command line (Typer reports these itself)
    INTERRUPTED = 130  # Ctrl-C
    PIPE_CLOSED = 141  # the reader of stdout went away (`| head -1`): ended quietly, as git does
    TERMINATED = 143  # SIGTERM while a file was being written (signals.ended_by_signals)


class ClaimtrackError(Exception):
    """An error the user can fix. ``str(error)`` is the whole message, one line."""

    exit_status: ExitStatus = ExitStatus.ERROR


class InvalidInput(ClaimtrackError):
    """A value on the command line or in an import file is not acceptable."""


class NotFound(ClaimtrackError):
    """A claim id or source name does not exist."""


class NothingChanged(ClaimtrackError):
    """A change was asked for that would leave the claim exactly as it is."""


class Conflict(ClaimtrackError):
    """Saving would overwrite a change another command made since the claim was read (``edit``)."""

    def __init__(self, message: str, fields: list[str]) -> None:
        super().__init__(message)
        self.fields = fields  # the form's fields that changed, as ``edit``'s form names them


class DatabaseRefused(ClaimtrackError):
    """The target is not a claimtrack database we may open (wrong file, newer schema...)."""


class DatabaseError(ClaimtrackError):
    """The database could not be read or written (locked too long, disk full, driver missing)."""


class OutputError(ClaimtrackError):
    """An export could not be written where asked (disk full, no permission, not a file we may replace)."""
