"""Where the data lives: one function resolves the database target.

Order (DESIGN.md): ``--db TARGET`` > ``CLAIMTRACK_DB`` > ``<user data dir>/claimtrack/claims.db``.
TARGET is a file path or a SQLAlchemy URL (``sqlite:///...``, ``postgresql+psycopg://...``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "CLAIMTRACK_DB"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved database target: a SQLAlchemy URL, and the file path when it is SQLite."""

    url: str
    path: Path | None  # None for server databases (and in-memory SQLite)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else _hide_password(self.url)


def default_path() -> Path:
    from platformdirs import user_data_path  # only paid for when no target was given

    return user_data_path("claimtrack", appauthor=False) / "claims.db"


def resolve(flag: str | None = None) -> Target:
    """The target from the ``--db`` flag, else the environment, else the user data dir."""
    raw = flag or os.environ.get(ENV_VAR) or ""
    raw = raw.strip()
    if not raw:
        return _from_path(default_path())
    if _URL.match(raw):
        if raw.startswith("sqlite:///"):
            return _from_path(Path(raw[len("sqlite:///"):].split("?", 1)[0]))
        return Target(url=raw, path=None)
    return _from_path(Path(raw).expanduser())


def _from_path(path: Path) -> Target:
    path = path.absolute()
    return Target(url=f"sqlite:///{path}", path=path)


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)
