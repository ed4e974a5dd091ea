"""Setting up and looking after a database: ``init`` (with the bundled seed), ``db check``, ``db backup``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrack.errors import NotFound
from claimtrack.service.base import ServiceBase
from claimtrack.store.target import Target


@dataclass
class InitResult:
    target: Target
    schema_version: int
    seeded: int | None  # claims added by --seed (None: not asked)


def seed_sql() -> str:
    """The seed shipped in the wheel, or ``data/seed.sql`` of a source checkout."""
    from importlib.resources import files

    packaged = files("claimtrack").joinpath("data/seed.sql")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[3] / "data" / "seed.sql"
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise NotFound("the seed file is missing from this installation; reinstall claimtrack")


class SettingUp(ServiceBase):
    """Make the database (and seed it), check it, back it up."""

    def init(self, seed: bool = False) -> InitResult:
        db = self.db
        seeded = None
        if seed:
            from claimtrack.store import seed as seed_script

            seeded = seed_script.run_script(db, seed_sql())
        return InitResult(self.target, db.schema_version, seeded)

    def check(self) -> dict[str, Any]:
        from claimtrack.store import health

        return health.check(self.db)

    def chain_heads(self) -> dict[str, dict[str, Any]]:
        """The head (last id and hash) of the event chain and the journal's (``store.chain``)."""
        from claimtrack.store import chain

        return chain.heads(self.db.query_one)

    def verify(self, name: str) -> Any:
        """Compare a JSON/JSONL backup's history with the database's (a ``chainverify.Verdict``)."""
        from claimtrack import chainverify, importformats
        from claimtrack.choices import ImportFormat
        from claimtrack.errors import InvalidInput

        fmt = importformats.detect_format(name, None)
        if fmt is ImportFormat.csv:
            raise InvalidInput(f"{name} is a CSV file, which holds no history; verify a JSON or JSONL backup")
        with importformats.open_text(name) as handle:
            events = chainverify.backup_events(importformats.read(handle, fmt, name), name)
        with self.reading():
            return chainverify.verify(events, self.db.iterate("SELECT * FROM event ORDER BY id"))

    def backup(self, destination: str) -> tuple[Path, list[str]]:
        """Copy the database to ``destination`` (a new file): (its path, the partial files of killed
        backups removed from its folder on the way)."""
        path = Path(destination).expanduser().absolute()
        return path, self.db.backup(path)
