"""Who is making a change: the author every event and undo-journal row records (migration 10).

The author is the ``reviewer.name`` setting when set (the service reads it: ``ServiceBase``),
else the operating-system login: ``$USER`` when set (so ``USER=bob claimtrack confirm 1`` is
Bob's), else ``getpass.getuser()``, else ``unknown`` (a process with no login name, in a
container say). It is resolved once per command, on its first write, and the store writes it on
every row. It is a name, not a proof: on
PostgreSQL the session role (``current_user``) is recorded beside it by the store, and no setting
can change that one.
"""

from __future__ import annotations

import getpass
import os

UNKNOWN = "unknown"
MAX_AUTHOR = 200  # characters kept of a login name (a setting is checked by ``config``)


def clean(name: str | None) -> str | None:
    """A name as it is recorded: printable characters only, trimmed and capped; None if none is left."""
    if name is None:
        return None
    kept = "".join(ch for ch in name if ch.isprintable()).strip()[:MAX_AUTHOR].strip()
    return kept or None


def login() -> str:
    """The operating-system login: ``$USER``, else ``getpass.getuser()``, else ``unknown``."""
    name = clean(os.environ.get("USER"))
    if name is None:
        try:
            name = clean(getpass.getuser())
        except Exception:  # noqa: BLE001 - getuser raises whatever the platform's lookup raises
            name = None
    return name or UNKNOWN
