"""``match`` by meaning (the semantic extra): the issue's examples, nothing for unrelated news, and
the claims' stored vectors in step with every change (add, set, import, undo, delete, db copy)
without writing history; without the extra, one note that it ranks by words only."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SEED_CLAIMS, Run, open_db, run_process

pytest.importorskip("wordllama")
pytest.importorskip("numpy")


def _ids(run: Run) -> list[int]:
    assert run.exit_code == 0, run.stderr
    return [m["id"] for m in json.loads(run.stdout)]


def _match(cli: Callable[..., Run], tmp_path: Path, text: str, *args: str) -> list[int]:
    path = tmp_path / "news.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return _ids(cli("match", str(path), "--all", "--format", "json", *args))


def test_the_issues_examples_match_by_meaning(seeded: Callable[..., Run], tmp_path: Path) -> None:
    treaty = _match(seeded, tmp_path, "North Korea and Russia signed a mutual-assistance treaty.")
    assert 23 in treaty, treaty  # "a long way from any fully-fledged alliance": not listed by words alone
    kursk = _match(seeded, tmp_path, "North Korean troops fought alongside Russian forces in Kursk.")
    assert {2, 3} & set(kursk[:2]), kursk  # the "same trench" claims
    shells = _match(seeded, tmp_path, "Artillery shells were shipped by rail from North Korea to Russia.")
    assert shells[0] in (9, 10), shells  # the ammunition claims


def test_news_about_something_else_lists_no_claim(seeded: Callable[..., Run], tmp_path: Path) -> None:
    text = "The weather in Paris was sunny and the football match ended in a draw.\nApple released a new phone."
    assert _match(seeded, tmp_path, text) == []


# Claims on one subject (Kenya), none about what the news below says: the crowd its claim must stand out from.
_CROWD = (
    "Kenya will host the African Games in 2027.",
    "Kenya's shilling will fall against the dollar this year.",
    "Kenya will build a new railway line to Uganda.",
    "Kenyan runners will win five gold medals at the Olympics.",
    "Kenya's central bank will raise interest rates.",
    "Kenya will hold a referendum on its constitution.",
    "Kenya will export more tea to Pakistan.",
    "Kenya's president will visit China in May.",
    "Kenya will send police officers to Haiti.",
    "Drought will cut Kenya's maize harvest by a third.",
    "Kenya will raise taxes on mobile money transfers.",
    "Kenya's opposition will boycott the election.",
    "Tourism to Kenya will recover to its pre-pandemic level.",
    "Kenya will open a geothermal power plant in the Rift Valley.",
)


def test_a_claim_that_stands_out_from_the_claims_on_its_subject_is_listed_first(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    """The model rates the restated claim only middling (cosine ~0.45, too little on its own), but far
    above the sentence's tenth-nearest claim: that lifts it over the default threshold, first."""
    target = "Kenya's parliament will pass a law banning plastic bags."
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps({"text": t, "source": "Desk"}) + "\n" for t in (*_CROWD, target)))
    assert cli("init").exit_code == 0 and cli("import", str(claims)).exit_code == 0
    found = _match(
        cli, tmp_path, "Kenyan lawmakers voted on Tuesday to outlaw single-use shopping sacks made of polythene."
    )
    assert found[:1] == [len(_CROWD) + 1], found
    # Among claims equally distant from it, none stands out: news about something else still lists none.
    assert _match(cli, tmp_path, "The orchestra will play Beethoven's ninth symphony at the August festival.") == []


def test_words_the_model_finds_unrelated_count_for_less() -> None:
    """One shared word ("closed") with news about something else: the word score counts half when
    the model puts the two texts at cosine 0, rising to all of it at ``LOW``."""
    from claimtrack import meaning

    assert meaning.fuse(0.4, 0.0) == pytest.approx(0.4 * meaning.DOUBTED)
    assert meaning.fuse(0.4, meaning.LOW) == pytest.approx(0.4)
    cosines = [i / 100 for i in range(101)]
    scores = [meaning.fuse(0.3, c, 0.3) for c in cosines]
    assert scores == sorted(scores)  # closer in meaning never scores lower


def test_nearness_keeps_ten_nearest_even_among_ties_and_looks_up_only_what_it_was_given() -> None:
    """Twenty claims of one text are equally near a sentence: ten of them join its candidates (the
    first ten by id order), not all twenty; a claim ``focus`` was not given counts as not compared."""
    import numpy as np

    from claimtrack import meaning

    ids = np.arange(100, 120, dtype=np.int64)[::-1].copy()  # any order, as the store gives them
    similarity = np.vstack([np.full(20, 0.5, dtype=np.float32), np.linspace(0.0, 0.95, 20, dtype=np.float32)])
    near = meaning.Nearness(ids, similarity)
    assert len(near.top[0]) == meaning.PER_SENTENCE and near.top[0] == [int(i) for i in ids[:10]]
    assert near.reference[0] == pytest.approx(0.5)
    assert sorted(near.top[1]) == sorted(int(i) for i in ids[10:]) and near.reference[1] == pytest.approx(0.5)
    near.focus([119, 100, 7])  # 7: no such claim
    assert near.of_claim(1, 100) == pytest.approx(0.95) and near.of_claim(1, 119) == 0.0
    assert near.of_claim(0, 7) == 0.0 and near.of_claim(0, 110) == 0.0  # 110 not given to focus


def _vectors(db_path: Any) -> dict[int, tuple[str, str, str]]:
    """claim id -> (stored text hash, hash of the claim's text now, stored text == text now)."""
    conn = open_db(db_path)
    try:
        rows = conn.execute(
            "SELECT c.id, v.text_hash, c.text, v.text = c.text FROM claim c "
            "JOIN claim_vector v ON v.claim_id = c.id WHERE c.deleted_at IS NULL"
        ).fetchall()
        live = conn.execute("SELECT count(*) FROM claim WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert len(rows) == live  # every live claim has a vector
    return {r[0]: (r[1], hashlib.sha256(r[2].encode()).hexdigest(), r[3]) for r in rows}


def _in_step(db_path: Any) -> None:
    for cid, (stored, now, fresh) in _vectors(db_path).items():
        assert stored == now and fresh, cid


def _history(db_path: Any) -> tuple[int, int]:
    conn = open_db(db_path)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("event", "change_log"))  # type: ignore[return-value]
    finally:
        conn.close()


def test_vectors_follow_every_change_and_write_no_history(
    seeded: Callable[..., Run], tmp_path: Path, db_path: Any
) -> None:
    news = "Pyongyang opened a consulate in Vladivostok to handle seasonal farm labourers."
    before = _history(db_path)
    _match(seeded, tmp_path, news)
    assert _history(db_path) == before  # vectors are derived data: no event, no change-log row
    _in_step(db_path)

    added, imported = SEED_CLAIMS + 1, SEED_CLAIMS + 2  # the ids of the claims this test adds
    assert seeded("add", "North Korea will open a consulate in Vladivostok.", "-s", "Desk").exit_code == 0
    assert added in _match(seeded, tmp_path, news)
    _in_step(db_path)

    assert seeded("set", str(added), "--text", "Kazakhstan will host the chess olympiad.").exit_code == 0
    assert added not in _match(seeded, tmp_path, news)
    _in_step(db_path)
    assert seeded("undo").exit_code == 0  # the text is back: so is its vector, and undo saw no vector write
    assert added in _match(seeded, tmp_path, news)
    _in_step(db_path)

    assert seeded("delete", str(added), "--yes").exit_code == 0
    assert added not in _match(seeded, tmp_path, news)
    _in_step(db_path)
    assert seeded("undo").exit_code == 0
    assert added in _match(seeded, tmp_path, news)

    backup = tmp_path / "more.jsonl"
    claim = {
        "type": "claim",
        "text": "A consulate in Vladivostok will serve North Korean farm workers.",
        "source": "Wire",
    }
    backup.write_text(json.dumps(claim) + "\n", encoding="utf-8")
    assert seeded("import", str(backup)).exit_code == 0
    assert imported in _match(seeded, tmp_path, news)
    _in_step(db_path)

    copy = tmp_path / "copy.db"
    assert seeded("db", "copy", str(db_path), str(copy)).exit_code == 0
    assert {added, imported} <= set(
        _ids(seeded("--db", str(copy), "match", str(tmp_path / "news.txt"), "--format", "json"))
    )
    _in_step(copy)


@pytest.mark.sqlite_only
def test_a_stale_vector_is_made_again(seeded: Callable[..., Run], tmp_path: Path, db_path: Path) -> None:
    """Another model's vector, or one made from another text (changed behind claimtrack's back), is replaced."""
    _match(seeded, tmp_path, "Air Koryo flew to Moscow.")
    conn = open_db(db_path)
    conn.execute("UPDATE claim_vector SET model = 'old-model' WHERE claim_id = 1")
    conn.execute("UPDATE claim_vector SET text = 'then', text_hash = 'x' WHERE claim_id = 2")
    conn.commit()
    conn.close()
    _match(seeded, tmp_path, "Air Koryo flew to Moscow.")
    _in_step(db_path)


def test_without_the_extra_match_says_once_it_ranks_by_words(
    seeded: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack import semantic

    monkeypatch.setattr(semantic, "available", lambda: False)
    path = tmp_path / "news.txt"
    path.write_text("Kim Yo-Jong said North Korea stands in the same trench as Russia's army.\n", encoding="utf-8")
    run = seeded("match", str(path), "--all", "--format", "json")
    assert run.exit_code == 0 and 3 in [m["id"] for m in json.loads(run.stdout)], run.stderr
    assert run.stderr.count(semantic.NOTE) == 1 and "Traceback" not in run.stderr, run.stderr


def test_the_model_loads_with_no_network(seeded: Callable[..., Run], tmp_path: Path) -> None:
    """As a real process with every proxy pointing nowhere and Hugging Face told to stay offline."""
    path = tmp_path / "news.txt"
    path.write_text("North Korean troops fought alongside Russian forces in Kursk.\n", encoding="utf-8")
    dead = "http://127.0.0.1:9"
    env = {"HTTP_PROXY": dead, "HTTPS_PROXY": dead, "ALL_PROXY": dead, "HF_HUB_OFFLINE": "1", "NO_PROXY": ""}
    env["HOME"] = os.environ["HOME"]
    done = run_process("match", str(path), "--all", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    assert {2, 3} & {m["id"] for m in json.loads(done.stdout)[:2]}
    assert "note:" not in done.stderr and "Downloading" not in done.stderr, done.stderr
