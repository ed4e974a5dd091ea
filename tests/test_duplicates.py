"""Duplicates (issue 13): ``add`` refuses a claim that says the same as a live one and warns about
a near duplicate; ``import`` skips records whose text and source a live claim already has.

Exact means equal after folding case, whitespace, punctuation and invisible characters
(``textsafe.claim_key``); near means the search index finds the claim and difflib scores it at
``similar.THRESHOLD`` or more. Every test runs on PostgreSQL too (``CLAIMTRACK_TEST_DB``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimtrack import similar
from claimtrack.service import Service
from claimtrack.store import imports
from conftest import Run, table_digest

ORIGINAL = "North Korea sent 12,000 troops to Kursk."


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, (run.stdout, run.stderr)
    return run


def _add(cli: Callable[..., Run], text: str, source: str = "Desk", *extra: str) -> tuple[int, str]:
    """(the new id, what add said on stderr)."""
    run = _ok(cli("add", text, "--source", source, *extra, "--format", "json"))
    return json.loads(run.stdout)[0]["id"], run.stderr


def _texts(cli: Callable[..., Run], *db: str) -> list[str]:
    return [c["text"] for c in json.loads(_ok(cli(*db, "list", "--format", "json")).stdout)]


def _similar_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "looks similar" in line]


# ---- add: exact duplicates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "north korea sent 12,000 troops to kursk.",  # case
        "  North   Korea sent 12,000\ttroops to Kursk.  ",  # whitespace
        "North Korea sent 12000 troops to Kursk!!",  # punctuation
        "North\u200bKorea sent 12,000 troops to Kursk.",  # a zero-width space
        "Ｎｏｒｔｈ Korea sent 12,000 troops to Kursk.",  # fullwidth letters
    ],
)
def test_add_refuses_a_variant_of_a_live_claim_naming_it(cli: Callable[..., Run], db_path: Any, variant: str) -> None:
    first, _ = _add(cli, ORIGINAL)
    before = table_digest(db_path)
    run = cli("add", variant, "--source", "Someone Else")
    assert run.exit_code == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert f"claim {first} already says this" in lines[0] and "--force" in lines[0]
    assert f"claimtrack show {first}" in lines[0]
    assert run.stdout == ""
    assert table_digest(db_path) == before


def test_force_records_it_again_and_names_no_similar_claim(cli: Callable[..., Run]) -> None:
    first, _ = _add(cli, ORIGINAL)
    second, said = _add(cli, ORIGINAL.upper(), "Desk", "--force")
    assert second != first
    assert _texts(cli).count(ORIGINAL) == 1 and ORIGINAL.upper() in _texts(cli)
    assert _similar_lines(said) == []  # the same text is no "near" duplicate: the user just forced it


def test_a_deleted_claim_is_no_duplicate(cli: Callable[..., Run], db_path: Any) -> None:
    """Through the service: ``claimtrack delete`` comes with its own branch."""
    first, _ = _add(cli, ORIGINAL)
    svc = Service()
    try:
        svc.delete([first])
    finally:
        svc.close()
    second, said = _add(cli, ORIGINAL)
    assert second != first
    assert _similar_lines(said) == []
    _, said = _add(cli, "North Korea sent 11,000 troops to Kursk.")  # near the live one only
    assert _similar_lines(said) == [
        f'Claim {second} looks similar: "{ORIGINAL}" (compare with: claimtrack show {second})'
    ]


# ---- add: near duplicates ----------------------------------------------------------------------


def test_a_close_variant_is_named_once(cli: Callable[..., Run]) -> None:
    older, _ = _add(cli, ORIGINAL)
    _add(cli, "Russia vetoed new UN sanctions on North Korea.")
    newer, _ = _add(cli, "North Korea sent 12,000 soldiers to Kursk.")
    cid, said = _add(cli, "North Korea sent 12,000 troops to Kursk region")
    lines = _similar_lines(said)
    assert lines == [f'Claim {older} looks similar: "{ORIGINAL}" (compare with: claimtrack show {older})']
    assert f"Added claim {cid}." in said
    assert newer != older


def test_an_unrelated_claim_on_the_same_topic_is_not_named(cli: Callable[..., Run]) -> None:
    _add(cli, ORIGINAL)
    _, said = _add(cli, "North Korea sent workers to Russian-occupied eastern Ukraine.")
    assert _similar_lines(said) == []
    _, said = _add(cli, "Something else entirely happened in Geneva.")
    assert _similar_lines(said) == []


def test_a_long_similar_text_is_shortened_in_the_warning(cli: Callable[..., Run]) -> None:
    long = "The envoy said that " + "the talks in Geneva went on for many hours and " * 4 + "ended."
    first, _ = _add(cli, long)
    _, said = _add(cli, long.replace("ended.", "ended late."))
    [line] = _similar_lines(said)
    assert line.startswith(f'Claim {first} looks similar: "The envoy said that the talks')
    assert '…" (compare with: claimtrack show' in line and len(line) < 160


HOSTILE = [
    'AND OR NOT "( * ^ : NEAR( {text} : x',
    "'quoted' \"dq\" -- ; DROP TABLE claim; abc* \\ %_",
    "!!! ??? ...",  # only punctuation: no words to search for
    "a" * 10_000,
    ("ab " * 3_333)[:10_000],
    "\u200bzero\u200bwidth\u200b words\ufeff here \u202eevil",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_fails_an_add(cli: Callable[..., Run], text: str) -> None:
    for other in HOSTILE:  # every hostile text already there as a candidate
        if other != text:
            _ok(cli("add", other, "--source", "Desk"))
    cid, said = _add(cli, text)
    assert f"Added claim {cid}." in said
    assert "Traceback" not in said and "Error" not in said
    variant = text[:-1] + ("b" if text[-1] != "b" else "c")  # near, not equal
    cid2, said = _add(cli, variant, "Desk", "--force")
    assert cid2 == cid + 1
    if similar.query_words(text) and similar.query_words(text) == similar.query_words(variant):
        assert [line.split(" looks similar")[0] for line in _similar_lines(said)] == [f"Claim {cid}"]


# ---- import ------------------------------------------------------------------------------------


def _csv(tmp_path: Path, name: str, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / name
    path.write_text("text,source\n" + "".join(f'"{t}","{s}"\n' for t, s in rows), encoding="utf-8")
    return path


ROWS = [
    ("Russia will win.", "The Bell"),
    ("russia  WILL win", "the bell"),  # the same claim twice in one file: both kept
    ("Another claim.", "The Bell"),
    ("Russia will win.", "Someone Else"),  # the same text from another source: not a duplicate
]


def test_importing_the_same_csv_twice_adds_nothing_the_second_time(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    path = _csv(tmp_path, "claims.csv", ROWS)
    assert "Imported 4 claims." in _ok(cli("import", str(path))).stderr
    before = table_digest(db_path)
    again = _ok(cli("import", str(path)))
    assert again.stderr.strip() == (
        "Imported 0 claims; 4 duplicates of existing claims skipped (import again with --allow-duplicates to add them)."
    )
    assert table_digest(db_path) == before
    allowed = _ok(cli("import", str(path), "--allow-duplicates"))
    assert allowed.stderr.strip() == "Imported 4 claims."
    assert len(_texts(cli)) == 8


def test_only_records_matching_a_live_claim_in_text_and_source_are_skipped(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    _add(cli, "Russia will win!", "THE BELL")
    deleted, _ = _add(cli, "Gone claim.", "The Bell")
    svc = Service()
    try:
        svc.delete([deleted])
    finally:
        svc.close()
    path = _csv(tmp_path, "claims.csv", [*ROWS, ("Gone claim", "The Bell")])
    run = _ok(cli("import", str(path)))
    assert run.stderr.strip() == (
        "Imported 3 claims; 2 duplicates of existing claims skipped (import again with --allow-duplicates to add them)."
    )
    assert sorted(_texts(cli)) == sorted(["Russia will win!", "Another claim.", "Russia will win.", "Gone claim"])


def test_uuid_skips_and_duplicates_are_reported_apart(cli: Callable[..., Run], tmp_path: Path) -> None:
    other = str(tmp_path / "other.db")
    for text in ("First claim.", "Second claim.", "Third claim."):
        _ok(cli("--db", other, "add", text, "--source", "Desk"))
    backup = tmp_path / "backup.json"
    _ok(cli("--db", other, "export", "--format", "json", "-o", str(backup)))
    first_two = json.loads(backup.read_text(encoding="utf-8"))
    first_two["claims"] = first_two["claims"][:2]
    part = tmp_path / "part.json"
    part.write_text(json.dumps(first_two), encoding="utf-8")
    _ok(cli("import", str(part)))
    _add(cli, "third claim", "desk")
    run = _ok(cli("import", str(backup)))
    assert run.stderr.strip() == (
        "Imported 0 claims; 2 already present (same uuid), 1 duplicate of an existing "
        "claim skipped (import again with --allow-duplicates to add it)."
    )
    run = _ok(cli("import", str(backup), "--allow-duplicates"))
    assert run.stderr.strip() == "Imported 1 claim; 2 already present (same uuid), skipped."


def test_a_backup_with_duplicates_inside_round_trips_exactly(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path
) -> None:
    """Forced duplicates in a backup are data: an empty database gets every one of them back."""
    other = str(tmp_path / "other.db")
    for text in (ORIGINAL, ORIGINAL, ORIGINAL.lower(), "Another claim."):
        _ok(cli("--db", other, "add", text, "--source", "Desk", "--force"))
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _ok(cli("--db", other, "export", "--format", "json", "-o", str(first)))
    assert _ok(cli("import", str(first))).stderr.splitlines()[0] == "Imported 4 claims."
    _ok(cli("export", "--format", "json", "-o", str(second)))
    assert second.read_bytes() == first.read_bytes()
    before = table_digest(db_path)
    assert "4 already present (same uuid), skipped" in _ok(cli("import", str(first))).stderr
    assert table_digest(db_path) == before


@pytest.mark.parametrize("preload", [True, False])
def test_claims_of_this_import_never_count_as_existing(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, preload: bool
) -> None:
    """One claim a batch, so later batches look up what earlier ones wrote; with the text index set
    aside (a small database: the keys read once) or kept (looked up per batch, as on a large one).
    A backup's free low ids land below the highest id there before, and still do not count."""
    monkeypatch.setattr(imports, "BATCH", 1)
    if not preload:
        monkeypatch.setattr(imports, "REBUILD_INDEXES_BELOW", 0)
    other = str(tmp_path / "other.db")
    for text in ("Old claim.", "Repeated claim.", "Repeated claim.", "Old claim."):
        _ok(cli("--db", other, "add", text, "--source", "Desk", "--force"))
    backup = json.loads(_ok(cli("--db", other, "export", "--format", "json")).stdout)
    for claim, cid in zip(backup["claims"], (5, 3, 200, 7), strict=True):
        claim["id"] = cid
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    top = tmp_path / "top.json"
    top.write_text(json.dumps([{"id": 100, "text": "Old claim.", "source": "Desk"}]), encoding="utf-8")
    _ok(cli("import", str(top)))  # ids 1-99 are free, 100 is the highest
    run = _ok(cli("import", str(path)))
    assert run.stderr.strip() == (
        "Imported 2 claims; 2 duplicates of existing claims skipped (import again with --allow-duplicates to add them)."
    )
    claims = json.loads(_ok(cli("list", "--format", "json")).stdout)
    assert [(c["id"], c["text"]) for c in claims] == [
        (3, "Repeated claim."),
        (100, "Old claim."),
        (200, "Repeated claim."),
    ]


def test_claim_key_fast_path_equals_its_definition() -> None:
    """``claim_key`` folds with a translate table; it must equal the plain definition everywhere."""
    import hashlib
    import random
    import unicodedata

    from claimtrack.textsafe import claim_key

    def reference(text: str) -> str:
        folded = unicodedata.normalize("NFKC", text).casefold()
        kept = "".join(c for c in folded if unicodedata.category(c)[0] in "LNMS")
        return hashlib.sha256(kept.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    rng = random.Random(13)
    samples = [
        "Russia's  ally.",
        "The\u200bBell",
        "ＴＨＥ Ｂｅｌｌ",
        "Straße",
        "İstanbul",
        "ﬁne",
        "A—B",
        "$5 + 3%",
        "x\ud800y",
    ]
    samples += [
        "".join(
            chr(rng.choice((rng.randrange(32, 127), rng.randrange(128, 0x3000), rng.randrange(0x10000, 0x1F000))))
            for _ in range(rng.randrange(1, 30))
        )
        for _ in range(3000)
    ]
    assert [claim_key(s) for s in samples] == [reference(s) for s in samples]
    assert claim_key("Russia's  ally.") == claim_key("russias ally")
