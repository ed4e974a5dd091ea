"""``match --review`` never settles a claim without evidence (issue 30, point 7).

The news item's URL (the feed item's link, the page read, or ``--url``) is the evidence of every
verdict (confirm, refute, dispute). News with none asks for the evidence link, once per piece of
news, refusing anything but an http(s) address; Enter records the reviewer's judgement as a note
instead, and says how to give the verdict later. The prompts are driven with the terminal check
patched, as in tests/test_match.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Run, table_digest

TREATY = """\
PYONGYANG, June 19 (Reuters) - Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a comprehensive strategic partnership treaty on Wednesday that commits each country to provide immediate military assistance if the other is attacked.
Kim said the pact raised relations between the two countries to the level of an alliance, while Putin called it a breakthrough document.
Analysts said the mutual defence clause made the two countries full-fledged military allies.
"""
URL = "https://example.org/2024/06/19/treaty"


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimtrack.cli.match._interactive", lambda: True)


def _matches(cli: Callable[..., Run], *args: str) -> list[dict[str, Any]]:
    run = cli("match", *args, "--format", "json")
    assert run.exit_code == 0, run.stderr
    found = json.loads(run.stdout)
    assert len(found) >= 2, found
    return found


def _events(cli: Callable[..., Run], cid: int) -> list[dict[str, Any]]:
    run = cli("show", str(cid), "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)["events"]


def test_news_without_a_url_asks_for_the_evidence_link_once(seeded: Callable[..., Run], tmp_path: Path) -> None:
    """A bad answer (not http(s), with an escape in it) is refused and asked again; the link given
    is the evidence of this verdict and of the next one on the same news."""
    path = tmp_path / "news.md"
    path.write_text(TREATY, encoding="utf-8")
    listed = _matches(seeded, str(path))
    first, second = listed[0]["id"], listed[1]["id"]
    answers = ["c", "javascript:alert(1)\x1b[2J", URL, "", "r", "It did not hold", "q"]
    run = seeded("match", str(path), "--review", input="\n".join(answers) + "\n")
    assert run.exit_code == 0, run.stderr
    # asked for the first verdict, again after the bad answer, and not for the second verdict
    assert run.stderr.count("This news has no URL") == 2, run.stderr
    assert "Error: invalid evidence link" in run.stderr and "\x1b" not in run.stderr, run.stderr
    confirmed = [e for e in _events(seeded, first) if e["kind"] == "status"][-1]
    assert confirmed["new"] == "confirmed" and confirmed["evidence_url"] == URL
    refuted = [e for e in _events(seeded, second) if e["kind"] == "status"][-1]
    assert refuted["new"] == "refuted" and refuted["evidence_url"] == URL and refuted["note"] == "It did not hold"


def test_no_link_records_a_note_instead_of_the_verdict(
    seeded: Callable[..., Run], tmp_path: Path, db_path: Any
) -> None:
    path = tmp_path / "news.md"
    path.write_text(TREATY, encoding="utf-8")
    listed = _matches(seeded, str(path))
    first, second = listed[0], listed[1]
    before = {m["id"]: _events(seeded, m["id"]) for m in (first, second)}
    run = seeded("match", str(path), "--review", input="c\n\n\nd\n\nSays allies\nq\n")
    assert run.exit_code == 0, run.stderr
    for m, action, done, note in (
        (first, "confirm", "confirmed", first["sentence"]),
        (second, "dispute", "disputed", "Says allies"),
    ):
        cid = m["id"]
        events = _events(seeded, cid)
        added = events[len(before[cid]) :]
        assert [e["kind"] for e in added] == ["note"], added  # a note, no status change
        assert added[0]["note"] == f"{note} (to {action} once there is evidence)" and added[0]["evidence_url"] is None
        assert json.loads(seeded("show", str(cid), "--format", "json").stdout)["status"] == m["status"]
        assert (
            f"Claim {cid} was not {done}: a verdict needs an evidence link, so your note was recorded instead; "
            f"{action} it with: claimtrack {action} {cid} --evidence URL (next time give the news's address "
            "with --url URL)"
        ) in run.stderr, run.stderr


def test_a_feed_item_without_a_link_is_noted_not_settled(seeded: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    text = TREATY.replace("&", "&amp;").replace("<", "&lt;")
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><guid>urn:treaty</guid>'
        f"<title>Treaty signed</title><description>{text}</description></item></channel></rss>",
        encoding="utf-8",
    )
    listed = _matches(seeded, "--feed", str(path), "--all-items")
    cid = listed[0]["id"]
    count = len(_events(seeded, cid))
    run = seeded("match", "--feed", str(path), "--all-items", "--review", input="r\n\n\nq\n")
    assert run.exit_code == 0, run.stderr
    added = _events(seeded, cid)[count:]
    assert [e["kind"] for e in added] == ["note"], added
    assert f"Claim {cid} was not refuted" in run.stderr and "--url URL" not in run.stderr, run.stderr


def test_input_ending_before_the_verdict_changes_nothing(
    seeded: Callable[..., Run], tmp_path: Path, db_path: Any
) -> None:
    """No link given (Enter) and then no more input: nothing is recorded, one error line."""
    path = tmp_path / "news.md"
    path.write_text(TREATY, encoding="utf-8")
    before = table_digest(db_path)
    run = seeded("match", str(path), "--review", input="c\n\n")
    assert run.exit_code == 1 and "Error: the input ended before an answer was given" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert table_digest(db_path) == before
