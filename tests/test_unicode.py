"""Issue 27, outside ASCII: canonically equivalent text compares equal, invisible characters show.

``Zürich`` typed decomposed (``Zu\\u0308rich``, NFD, as macOS input often gives) and composed
(NFC) is the same text to ``list --search``, to source names (lookup, ``source`` commands), tags,
near duplicates, and the search index Datasette reads, on SQLite and PostgreSQL
(``claimtrack.textkeys``). Every Default_Ignorable_Code_Point shows as an escape in messages,
tables and ``show``, as zero-width spaces did (``claimtrack.textsafe``).
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from claimtrack import textsafe
from conftest import open_db

NFD_ZURICH = "Zu\u0308rich"
NFC_ZURICH = "Z\u00fcrich"
HANGUL_NFC = "\ud55c\uad6d"  # 한국
HANGUL_NFD = unicodedata.normalize("NFD", HANGUL_NFC)  # six conjoining jamo
HINDI = "\u0939\u093f\u0928\u094d\u0926\u0940"  # हिन्दी: vowel signs and a virama, marks in any form


def ids(run) -> list[int]:
    assert run.exit_code == 0, run.stderr
    return sorted(int(line) for line in run.stdout.split())


def test_search_finds_a_claim_typed_either_way(cli, db_path):
    assert NFD_ZURICH != NFC_ZURICH and unicodedata.normalize("NFC", NFD_ZURICH) == NFC_ZURICH
    assert cli("add", f"Traffic in {NFD_ZURICH} doubled", "-s", "Reporter A").exit_code == 0
    assert cli("add", f"Rents in {NFC_ZURICH} rose", "-s", "Reporter B").exit_code == 0
    assert cli("add", "Rents in Basel fell", "-s", "Reporter C").exit_code == 0
    for typed in (NFC_ZURICH, NFD_ZURICH, NFD_ZURICH.lower(), f"{NFD_ZURICH[:3]}*", f'"in {NFD_ZURICH}"'):
        assert ids(cli("list", "--search", typed, "--format", "ids")) == [1, 2], typed
    assert ids(cli("list", "--search", f"rents {NFD_ZURICH}", "--format", "ids")) == [2]
    if isinstance(db_path, Path):  # what Datasette and sqlite-utils ask the index, without claimtrack
        conn = sqlite3.connect(db_path)
        try:
            for typed in (NFC_ZURICH, NFD_ZURICH):
                found = conn.execute(
                    "SELECT rowid FROM claim_fts WHERE claim_fts MATCH ? ORDER BY rowid", (f'"{typed}"',)
                ).fetchall()
                assert found == [(1,), (2,)], typed
        finally:
            conn.close()


def test_search_finds_words_of_any_script(cli):
    """Hangul typed decomposed is jamo, which FTS5 indexes as other letters than the syllables; a
    Hindi word holds marks (vowel signs, virama) in any normal form, which split it in Python's ``\\w``."""
    assert cli("add", f"{HANGUL_NFD} exports grew", "-s", "Reporter").exit_code == 0
    assert cli("add", f"{HANGUL_NFC} imports fell", "-s", "Reporter").exit_code == 0
    assert cli("add", f"{HINDI} is spoken widely", "-s", "Reporter").exit_code == 0
    for typed in (HANGUL_NFC, HANGUL_NFD):
        assert ids(cli("list", "--search", typed, "--format", "ids")) == [1, 2]
    assert ids(cli("list", "--search", f"{HANGUL_NFC} exports", "--format", "ids")) == [1]
    assert ids(cli("list", "--search", HINDI, "--format", "ids")) == [3]


def test_sources_are_one_whatever_the_spelling(cli):
    first = cli("add", "Claim one", "-s", f"{NFD_ZURICH} Times")
    assert first.exit_code == 0 and "New source" in first.stderr
    second = cli("add", "Claim two", "-s", f"{NFC_ZURICH} times")
    assert second.exit_code == 0, second.stderr
    assert "New source" not in second.stderr and "looks like" not in second.stderr
    sources = json.loads(cli("sources", "--format", "json").stdout)
    assert len(sources) == 1 and sources[0]["claims"] == 2
    assert ids(cli("list", "--source", NFC_ZURICH.lower(), "--format", "ids")) == [1, 2]  # a part of the name
    assert ids(cli("list", "--source", NFD_ZURICH, "--format", "ids")) == [1, 2]
    assert cli("source", "set", f"{NFC_ZURICH} Times", "--kind", "outlet").exit_code == 0
    assert json.loads(cli("sources", "--format", "json").stdout)[0]["kind"] == "outlet"
    assert cli("set", "2", "--source", f"{NFD_ZURICH} TIMES").exit_code != 0  # the same source: nothing changed
    assert len(json.loads(cli("sources", "--format", "json").stdout)) == 1
    assert cli("db", "check").exit_code == 0


def test_tags_are_one_whatever_the_spelling(cli):
    assert cli("add", "Claim one", "-s", "A", "--tag", NFD_ZURICH).exit_code == 0
    assert cli("add", "Claim two", "-s", "A", "--tag", NFC_ZURICH).exit_code == 0
    for typed in (NFC_ZURICH, NFD_ZURICH):
        assert ids(cli("list", "--tag", typed, "--format", "ids")) == [1, 2]
    tags = {t for c in json.loads(cli("list", "--format", "json").stdout) for t in c["tags"]}
    assert tags == {NFC_ZURICH.lower()}
    assert cli("db", "check").exit_code == 0


def test_duplicates_are_found_whatever_the_spelling(cli):
    """Only the Korean words can find the earlier claim: it was typed decomposed (jamo)."""
    said = "\ubd81\ud55c\uad70 \ubcd1\ub825\uc740 \ub9cc\uc774\ucc9c\uba85\uc774\ub2e4"  # 북한군 병력은 만이천명이다
    assert cli("add", unicodedata.normalize("NFD", said), "-s", "A").exit_code == 0
    near = cli("add", said.replace("\uc774\ucc9c", "\uc77c\ucc9c"), "-s", "B")  # 만일천: one syllable other
    assert near.exit_code == 0, near.stderr
    assert "Claim 1 looks similar" in near.stderr
    same = cli("add", said, "-s", "A")  # the same claim composed: an exact duplicate
    assert same.exit_code != 0 and "claim 1" in same.stderr.lower()


def test_existing_sources_are_rekeyed_by_the_migration(cli, db_path):
    """A database as the version before made it: keys are the casefolded names as typed. The
    migration re-keys them in NFC; where an NFC source already holds the key, the decomposed one
    keeps its old key and can still be named exactly as typed, to merge it."""
    assert cli("add", "Claim one", "-s", f"{NFD_ZURICH} Times").exit_code == 0
    assert cli("add", "Claim two", "-s", "Mu\u0308nchen Post").exit_code == 0
    conn = open_db(db_path)
    try:
        conn.execute("UPDATE source SET name_key = ? WHERE id = 1", (f"{NFD_ZURICH} Times".casefold(),))
        conn.execute("UPDATE source SET name_key = ? WHERE id = 2", ("Mu\u0308nchen Post".casefold(),))
        conn.execute(
            "INSERT INTO source (name, name_key, kind, created_at) VALUES (?, ?, 'other', ?)",
            (f"{NFC_ZURICH} Times", f"{NFC_ZURICH} times".casefold(), "2025-01-01T00:00:00Z"),
        )
        conn.execute("DELETE FROM claimtrack_migrations WHERE version >= 9")  # back to version 8: undo 10-13 too
        conn.execute("DROP TABLE claim_vector")  # m013
        for table in ("event", "change_log"):
            for column in ("author", "db_role", "hash"):
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        if not isinstance(db_path, Path):  # m012, on PostgreSQL only
            conn.execute("DROP INDEX ix_event_at_id")
            conn.execute("CREATE INDEX ix_event_at ON event (at)")
        if isinstance(db_path, Path):
            conn.commit()
    finally:
        conn.close()
    assert cli("list").exit_code == 0  # migrates
    conn = open_db(db_path)
    try:
        keys = dict(conn.execute("SELECT id, name_key FROM source").fetchall())
        version = conn.execute("SELECT count(*) FROM claimtrack_migrations WHERE version = 9").fetchone()[0]
    finally:
        conn.close()
    assert version == 1  # migration 9 ran again
    assert keys == {1: f"{NFD_ZURICH} times".casefold(), 2: "m\u00fcnchen post", 3: f"{NFC_ZURICH} times".casefold()}
    added = cli("add", "Claim three", "-s", "M\u00fcnchen Post")
    assert added.exit_code == 0 and "New source" not in added.stderr
    merged = cli("source", "merge", f"{NFD_ZURICH} Times", f"{NFC_ZURICH} Times")
    assert merged.exit_code == 0, merged.stderr
    assert [s["claims"] for s in json.loads(cli("sources", "--format", "json").stdout)] == [2, 1]
    assert cli("db", "check").exit_code == 0


# ---- invisible characters ----------------------------------------------------------------------

# Default_Ignorable_Code_Point in DerivedCoreProperties.txt (Unicode 15.1).
DEFAULT_IGNORABLE = [
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
]


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def test_every_default_ignorable_is_escaped_for_the_terminal():
    for low, high in DEFAULT_IGNORABLE:
        for code in range(low, high + 1):
            char = chr(code)
            assert textsafe.terminal(f"a{char}b") == f"a{_escape(code)}b", hex(code)
            shown = textsafe.json_text({"t": f"a{char}b"}, indent=None)
            assert char not in shown and json.loads(shown) == {"t": f"a{char}b"}, hex(code)


# Those the issue names (U+1D17B is a visible musical accent, not default-ignorable: U+1D173-1D17A
# stand for it), and one of each other kind.
SHOWN = [
    0x3164,
    0x115F,
    0x1160,
    0x034F,
    0xFE0F,
    0xFE00,
    0x1D173,
    0x1D17A,
    0x180B,
    0x180F,
    0xFFA0,
    0xE0FFF,
    0x17B4,
    0xFFF0,
    0x1BCA0,
]


@pytest.mark.parametrize("code", SHOWN, ids=[f"U+{c:04X}" for c in SHOWN])
def test_messages_tables_and_show_escape_an_ignorable(cli, code):
    char, escape = chr(code), _escape(code)
    added = cli("add", f"Said{char}this", "-s", f"Andrei{char}Lankov")
    assert added.exit_code == 0, added.stderr
    assert f"New source 'Andrei{escape}Lankov' created" in added.stderr and char not in added.stderr
    for args in (("list", "--format", "table"), ("show", "1", "--format", "table"), ("list", "--format", "tsv")):
        shown = cli(*args)
        assert shown.exit_code == 0, shown.stderr
        assert char not in shown.stdout, args
        assert f"Andrei{escape}Lankov" in shown.stdout and f"Said{escape}this" in shown.stdout, args
