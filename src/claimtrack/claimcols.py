"""The per-claim columns worked out from a claim's history, shared by every export that shows them.

The CSV export (``export``), the md and html reports (``report``) and the ClaimReview formats
(``claimreview``) all show, beside a claim's own fields, the day it was resolved, its evidence
links, its last note and its last change; they read them here, below all three, so that each
format says the same thing about the same claim (and none of them imports another for it).

A claim here is a dict as ``store.queries.iter_claims`` yields it, with the events the format
asked for (``export.needs_events``). Stored links are data: only http(s) ones become links
(``linkable``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from claimtrack.records import event_summary
from claimtrack.scoring import RESOLVED


def happened(claim: dict[str, Any], event: dict[str, Any]) -> str:
    """The day an event happened in the world: a claim's creation is the day it was said (it may
    be entered long after; a back-dated change may come before its entry), the others their ``at``."""
    if event["kind"] == "created":
        return str(claim.get("said_on") or event["at"][:10])
    return str(event["at"][:10])


# "Last change" tells what last happened to the claim: said, its status or confidence changed, its
# text reworded, a note (with or without evidence) added. Everything else a claim's history holds is
# bookkeeping a reader does not ask about: its source renamed or moved, tags, review date, link or
# said-on day corrected, deleted and restored, a note withdrawn by undo.
LAST_CHANGE_KINDS = frozenset({"created", "status", "confidence", "note"})
LAST_CHANGE_EDITS = frozenset({"text"})


def tells(event: dict[str, Any]) -> bool:
    """Whether an event is one "last change" shows (``LAST_CHANGE_KINDS``, ``LAST_CHANGE_EDITS``)."""
    kind = event["kind"]
    if kind == "edit":
        return event.get("field") in LAST_CHANGE_EDITS
    return kind in LAST_CHANGE_KINDS and not (kind == "note" and event.get("field") == "withdrawn")


def happened_last(claim: dict[str, Any]) -> str:
    """What last happened to the claim, by when it happened, as ``confirmed 2026-09-10`` (ties: the
    one recorded later); only what ``tells``, never bookkeeping ('' when nothing does)."""
    told = [(happened(claim, e), i, e) for i, e in enumerate(claim["events"]) if tells(e)]
    if not told:
        return ""
    day, _, last = max(told)
    status = {"unverified": "reopened"}.get(last.get("new") or "", last.get("new"))
    what = {"created": "said", "status": status, "edit": "reworded"}.get(last["kind"]) or event_summary(last)
    return f"{what} {day}"


def resolved_on(claim: dict[str, Any]) -> str:
    """The day of the status change that set a confirmed or refuted claim's status ('' otherwise):
    the latest such change by when it happened; for a claim recorded already resolved, the day
    it was recorded."""
    if claim["status"] not in RESOLVED:
        return ""
    moves = [
        (e["at"], i) for i, e in enumerate(claim["events"]) if e["kind"] == "status" and e.get("new") == claim["status"]
    ]
    if moves:
        return str(max(moves)[0][:10])
    # Recorded already resolved (added or imported so): resolved when recorded, as scoring counts it
    # (an import may record a claim before the day it says it was said: then that day).
    return max(str(claim.get("created_at") or "")[:10], str(claim.get("said_on") or ""))


def evidence(claim: dict[str, Any]) -> list[str]:
    """The evidence links of a claim's status changes and notes, oldest first, each once."""
    found = [e["evidence_url"] for e in claim["events"] if e.get("evidence_url") and e["kind"] in ("status", "note")]
    return list(dict.fromkeys(u for u in found if linkable(u)))


def linkable(url: str) -> bool:
    """Whether a stored link may become a link: http(s) only (never ``javascript:`` or ``data:``)."""
    # The prefix answers for nearly every stored link without parsing it (a CSV export checks each one).
    return url[:8].lower().startswith(("http://", "https://")) or urlsplit(url).scheme.lower() in ("http", "https")


def last_note(claim: dict[str, Any]) -> str:
    """The latest note by when it happened (a status change's note counts; a withdrawn one does not)."""
    notes = [
        (happened(claim, e), i, e["note"])
        for i, e in enumerate(claim["events"])
        if e.get("note") and e["kind"] != "created" and not (e["kind"] == "note" and e.get("field") == "withdrawn")
    ]
    return max(notes)[2] if notes else ""


def host(url: str) -> str:
    """A link's host, how reports show it (the whole URL when it has none)."""
    return urlsplit(url).hostname or url
