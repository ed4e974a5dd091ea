"""Updating claims as the news moves: a status (``confirm``, ``refute``, ``dispute``, ``reopen``),
fields (``set``, ``edit``) and notes. Each takes one claim or several, all or nothing."""

from __future__ import annotations

from typing import Any

from claimtrack import confidence as conf
from claimtrack import ids as id_list
from claimtrack.choices import Status
from claimtrack.errors import InvalidInput, NothingChanged
from claimtrack.service.base import Result, ServiceBase, one_snapshot
from claimtrack.service.hints import new_source_notice
from claimtrack.validate import (
    MAX_NAME,
    clean_optional,
    clean_tag,
    clean_text,
    clean_url,
    past_time,
    user_date,
    user_past_date,
)

STATUS_VERBS = {"confirmed": "confirm", "refuted": "refute", "disputed": "dispute", "unverified": "reopen"}


class Updating(ServiceBase):
    """What happened to a claim since it was captured."""

    @one_snapshot
    def for_edit(self, cid: int) -> tuple[dict[str, Any], int]:
        """A claim and its version (``store.versions``), read together, for ``update(unchanged_since=)``."""
        from claimtrack.store import versions

        return self.get(cid), versions.version(self.db, cid)

    def set_status(
        self,
        cids: int | list[int],
        status: str,
        *,
        note: str | None = None,
        evidence: str | None = None,
        at: str | None = None,
    ) -> Result:
        """Move one or several claims to a status, all or nothing (one already there is an error)."""
        from claimtrack.store import writes

        new_status = Status(status).value
        ids = [cids] if isinstance(cids, int) else cids
        writes.apply_changes(
            self.db,
            ids,
            [writes.Change("status", new_status)],
            at=past_time(at),
            note=clean_optional(note, "note"),
            evidence_url=clean_url(evidence, "--evidence"),
            command=STATUS_VERBS[new_status],
            every=True,
        )
        if len(ids) == 1:
            return Result(self.get(ids[0]), 1, [f"Claim {ids[0]} is now {new_status}."])
        return Result({}, len(ids), [f"Claims {id_list.shown(ids)} are now {new_status}."])

    def update(
        self,
        cids: int | list[int],
        *,
        confidence: str | None = None,
        text: str | None = None,
        source: str | None = None,
        url: str | None = None,
        said_on: str | None = None,
        quote: str | None = None,
        add_tags: list[str] | tuple[str, ...] = (),
        remove_tags: list[str] | tuple[str, ...] = (),
        review_by: str | None = None,
        note: str | None = None,
        command: str = "set",
        unchanged_since: int | None = None,
    ) -> Result:
        """``set`` (or ``edit``, which ``command`` names in the journal): change fields of one or several claims in one transaction; empty text ('')
        clears an optional field, ``none`` clears confidence. Claims that already have those values
        are left alone (and said so); when none changes, that is an error. ``unchanged_since``: the
        version ``for_edit`` gave; ``Conflict`` if another change came after it."""
        from claimtrack.store import writes

        ids = [cids] if isinstance(cids, int) else cids
        changes: list[writes.Change] = []
        if confidence is not None:
            cleared = confidence.strip().lower() in ("none", "")
            changes.append(writes.Change("confidence", None if cleared else conf.parse(confidence)))
        if text is not None:
            changes.append(writes.Change("text", clean_text(text)))
        if source is not None:
            changes.append(writes.Change("source", clean_text(source, "source name", MAX_NAME)))
        if url is not None:
            changes.append(writes.Change("url", clean_url(url) if url.strip() else None))
        if said_on is not None:
            changes.append(writes.Change("said_on", user_past_date(said_on, "--said-on") if said_on.strip() else None))
        if quote is not None:
            changes.append(writes.Change("quote", clean_optional(quote, "quote") if quote.strip() else None))
        if review_by is not None:
            changes.append(
                writes.Change(
                    "review_by", user_date(review_by, "--review-by", future=True) if review_by.strip() else None
                )
            )
        changes += [writes.Change("tag+", clean_tag(t)) for t in add_tags]
        changes += [writes.Change("tag-", clean_tag(t)) for t in remove_tags]
        if not changes:
            raise InvalidInput(
                "nothing to change; give at least one of --confidence, --text, --source, --url, --said-on, "
                "--quote, --add-tag, --remove-tag, --review-by"
            )
        done = writes.apply_changes(
            self.db, ids, changes, note=clean_optional(note, "note"), command=command, unchanged_since=unchanged_since
        )
        changed = [w for w in done if w.events]
        if not changed:
            which = f"claim {ids[0]} already has" if len(ids) == 1 else "every one of those claims already has"
            raise NothingChanged(f"{which} those values; nothing was changed")
        events = sum(len(w.events) for w in changed)
        if len(ids) == 1:
            notices = [f"Claim {ids[0]}: {events} change{'s' if events != 1 else ''} recorded."]
        else:
            notices = [
                f"{len(changed)} claims changed ({id_list.shown([w.claim_id for w in changed])}): "
                f"{events} change{'s' if events != 1 else ''} recorded."
            ]
            same = [w.claim_id for w in done if not w.events]
            if same:
                notices.append(f"Already as asked, left alone: {id_list.shown(same)}.")
        if any(w.new_source for w in changed) and source is not None:
            notices.append(new_source_notice(self.db, changed[0].claim_id, clean_text(source, "source name", MAX_NAME)))
        return Result(self.get(ids[0]) if len(ids) == 1 else {}, events, notices)

    def note(self, cids: int | list[int], text: str, *, evidence: str | None = None, at: str | None = None) -> Result:
        """A note on one or several claims, all or nothing; ``at``: when the news it records broke
        (checked like a status change's ``--at``; default now)."""
        from claimtrack.store import writes

        ids = [cids] if isinstance(cids, int) else cids
        writes.add_note(self.db, ids, clean_text(text, "note"), clean_url(evidence, "--evidence"), at=past_time(at))
        if len(ids) == 1:
            return Result(self.get(ids[0]), 1, [f"Note added to claim {ids[0]}."])
        return Result({}, len(ids), [f"Note added to claims {id_list.shown(ids)}."])
