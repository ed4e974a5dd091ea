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

    def backup(self, destination: str) -> tuple[Path, list[str]]:
        """Copy the database to ``destination`` (a new file): (its path, the partial files of killed
        backups removed from its folder on the way)."""
        path = Path(destination).expanduser().absolute()
        return path, self.db.backup(path)
