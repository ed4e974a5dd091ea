"""Sources and their track record: set a source's details, rename, merge or delete it, and score
what each source said against what happened (``sources``, ``calibration``: accuracy, Brier score)."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterator
from typing import Any

from claimtrack import ids as id_list
from claimtrack import scoring
from claimtrack.choices import Status
from claimtrack.errors import NotFound
from claimtrack.service.base import Result, ServiceBase, one_snapshot
from claimtrack.service.hints import nearest
from claimtrack.store import queries
from claimtrack.validate import MAX_NAME, clean_kind, clean_optional, clean_reliability, clean_text, clean_url


class TrackRecord(ServiceBase):
    """Who said it, and how often they were right."""

    @one_snapshot
    def sources(self) -> list[dict[str, Any]]:
        return queries.all_sources(self.db)

    def set_source(
        self,
        name: str,
        *,
        kind: str | None = None,
        reliability: str | None = None,
        url: str | None = None,
        notes: str | None = None,
    ) -> Result:
        from claimtrack.store import sources

        details = {
            "kind": clean_kind(kind) if kind is not None else None,
            "reliability": clean_reliability(reliability) if reliability is not None else None,
            "url": clean_url(url),
            "notes": clean_optional(notes, "notes"),
        }
        name, created, changed = sources.set_source(self.db, clean_text(name, "source name", MAX_NAME), details)
        if created:
            notice = f"Source {name!r} created."
        elif changed:
            notice = f"Source {name!r}: {', '.join(changed)} updated."
        else:
            notice = f"Source {name!r} already had those details; nothing changed."
        return Result({"name": name}, len(changed), [notice])

    def _known_source(self, call: Callable[[], Any], command: str, names: list[str]) -> Any:
        """Run a ``store.sources`` change; a name it does not know becomes NotFound naming the
        nearest stored names, as the command to retype (``command`` then ``names``, as typed)."""
        from claimtrack.store import sources

        try:
            return call()
        except sources.UnknownSource as exc:
            at = names.index(exc.name)
            typed = " ".join([command, *map(shlex.quote, names[:at])])
            hint = nearest("source", exc.name, queries.source_names(self.db), typed)
            if hint.endswith(")"):  # the suggested command: put the names after it back
                hint = hint[:-1] + "".join(" " + shlex.quote(n) for n in names[at + 1 :]) + ")"
            raise NotFound(hint[0].lower() + hint[1:]) from None

    def rename_source(self, old: str, new: str) -> Result:
        """Respell a source; its claims keep it (no claim event), only the name they show changes."""
        from claimtrack.store import sources

        old, new = clean_text(old, "source name", MAX_NAME), clean_text(new, "source name", MAX_NAME)
        was, now = self._known_source(lambda: sources.rename(self.db, old, new), "claimtrack source rename", [old, new])
        return Result({"name": now}, 1, [f"Renamed source {was!r} to {now!r} (take it back with: claimtrack undo)."])

    def merge_sources(self, name: str, into: str) -> Result:
        """Move every claim of ``name`` to ``into`` (an event on each) and drop ``name``."""
        from claimtrack.store import sources

        name, into = clean_text(name, "source name", MAX_NAME), clean_text(into, "source name", MAX_NAME)
        merged = self._known_source(lambda: sources.merge(self.db, name, into), "claimtrack source merge", [name, into])
        n = len(merged.claim_ids)
        moved = f"{n} claim{'s' if n != 1 else ''} moved" + (
            f" ({'claim' if n == 1 else 'claims'} {id_list.shown(merged.claim_ids)})" if 0 < n <= 20 else ""
        )
        return Result(
            {"name": merged.into},
            n,
            [f"Merged source {merged.source!r} into {merged.into!r}: {moved} (take it back with: claimtrack undo)."],
        )

    def delete_source(self, name: str) -> Result:
        """Drop a source with no claims (deleted ones count); otherwise the error says to merge it."""
        from claimtrack.store import sources

        name = clean_text(name, "source name", MAX_NAME)
        gone = self._known_source(lambda: sources.delete(self.db, name), "claimtrack source delete", [name])
        return Result({"name": gone}, 1, [f"Deleted source {gone!r} (take it back with: claimtrack undo)."])

    def _forecasts(self, source: str | None = None) -> Iterator[tuple[str, float | None, int]]:
        """(source name, forecast, outcome) for every resolved claim."""
        for claim in queries.iter_resolved(self.db, source):
            p = scoring.forecast(claim["confidence"], claim["events"])
            yield claim["source"], p, scoring.OUTCOMES[claim["status"]]

    @one_snapshot
    def sources_report(self) -> list[dict[str, Any]]:
        """Each source with its claims by status, accuracy and Brier score."""
        report: dict[str, dict[str, Any]] = {}
        for row in queries.source_counts(self.db):
            entry = report.setdefault(
                row["name"],
                {
                    "name": row["name"],
                    "kind": row["kind"],
                    "reliability": row["reliability"],
                    "claims": 0,
                    **{s.value: 0 for s in Status},
                },
            )
            if row["status"] is not None:
                entry[row["status"]] = int(row["n"])
                entry["claims"] += int(row["n"])
        pairs: dict[str, list[tuple[float, int]]] = {}
        for name, p, outcome in self._forecasts():
            if p is not None:
                pairs.setdefault(name, []).append((p, outcome))
        for entry in report.values():
            resolved = entry["confirmed"] + entry["refuted"]
            entry["resolved"] = resolved
            entry["accuracy"] = round(entry["confirmed"] / resolved, 4) if resolved else None
            entry["brier"] = scoring.brier(pairs.get(entry["name"], []))
        return list(report.values())

    @one_snapshot
    def calibration(self, source: str | None = None) -> dict[str, Any]:
        """Stated confidence against outcomes, in ten bins, with the overall Brier score."""
        if source is not None and not queries.source_exists(self.db, source):
            raise NotFound(f"no source matches {source!r}; see them with: claimtrack sources")
        pairs = [(p, o) for _, p, o in self._forecasts(source) if p is not None]
        return {"brier": scoring.brier(pairs), "bins": [b.as_dict() for b in scoring.calibration(pairs)]}
