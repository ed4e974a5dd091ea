"""Issue 10, command-line edges: odd input gets one clear error line, never "unexpected ... report it".

Covers ids and limits past 64 bits, ``due --days`` and ``--at`` overflows, undecodable arguments,
broken URLs, NUL and lone surrogates in text, non-ASCII digits in ids and numeric options,
invisible characters on the terminal and in messages, and look-alike source names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from claimtrack import textsafe, timeutil, validate
from claimtrack.errors import InvalidInput
from conftest import SEED_CLAIMS, Run, run_process, table_digest

TOO_BIG = str(2**63)  # one past the largest 64-bit signed integer


def one_error_line(result: Run | object, *fragments: str) -> str:
    """The single ``Error:`` line of a failed command, checked for what must (not) be in it."""
    stderr = result.stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("Error: "), stderr
    assert "unexpected" not in line and "Traceback" not in stderr, stderr
    assert "\x1b" not in line, stderr
    for fragment in fragments:
        assert fragment in line, stderr
    return line


# ---- one line and exit 1 -----------------------------------------------------------------------

EXIT_1 = {
    # ids past 2^63 - 1 overflowed SQLite's INTEGER (OverflowError)
    "show id 2^63": (("show", TOO_BIG), "ids are whole numbers from 1 to 9223372036854775807"),
    "show 20-digit id": (("show", "99999999999999999999"), "ids are whole numbers"),
    "note id 2^63": (("note", TOO_BIG, "a note"), "invalid claim id"),
    "log id 2^63": (("log", TOO_BIG), "invalid claim id"),
    "set id 2^63": (("set", TOO_BIG, "--confidence", "0.5"), "invalid claim id"),
    # int() takes Unicode digits and underscores: '1_0' acted on claim 10
    "fullwidth id": (("show", "\uff11"), "invalid claim id"),
    "arabic-indic id": (("show", "\u0663"), "invalid claim id"),
    "underscore id": (("confirm", "1_0"), "invalid claim id '1_0'"),
    "hash underscore id": (("show", "#1_0"), "invalid claim id"),
    # UTC conversion past year 1 / 9999 (OverflowError)
    "--at before year 1 in UTC": (("confirm", "1", "--at", "0001-01-01T00:00:00+01:00"), "give a time from 0001-01-01"),
    "--at after year 9999 in UTC": (
        ("confirm", "1", "--at", "9999-12-31T23:59:59-01:00"),
        "give a time from 0001-01-01",
    ),
    # urlsplit raises ValueError("Invalid IPv6 URL")
    "add --url http://[x": (("add", "A claim.", "-s", "X", "--url", "http://[x"), "invalid --url 'http://[x'"),
    "note --evidence http://[x": (("note", "1", "a note", "--evidence", "http://[x"), "invalid --evidence"),
    "source --url http://[x": (("source", "set", "New One", "--url", "http://[x"), "invalid --url"),
    # NUL: a claim of one NUL broke SQLite's length() CHECK; PostgreSQL text cannot hold it at all
    "NUL claim text": (("add", "\x00", "-s", "X"), "NUL character (\\x00)"),
    "NUL inside claim text": (("add", "a\x00b", "-s", "X"), "NUL character"),
    "NUL in source": (("add", "A claim.", "-s", "The Bell\x00"), "NUL character"),
    "NUL in search": (("list", "--search", "\x00"), "NUL character"),
    # a lone surrogate is what Python makes of bytes that are not UTF-8
    "surrogate in text": (("add", "caf\udce9", "-s", "X"), "argument 2 ('caf\\xe9') is not valid UTF-8 text"),
    "surrogate in filter": (("list", "--source", "\ud800"), "is not valid UTF-8 text"),
    "surrogate in --db": (("--db", "caf\udce9.db", "list"), "argument 2"),
    # text that shows nothing is as empty as no text
    "control-only text": (("add", "\x01", "-s", "X"), "only invisible or control characters"),
    "invisible source": (("add", "A claim.", "-s", "\u200b"), "only invisible or control characters"),
    "invisible tag": (("add", "A claim.", "-s", "X", "--tag", "\u2060"), "invalid tag"),
}


@pytest.mark.parametrize(("args", "expected"), EXIT_1.values(), ids=EXIT_1.keys())
def test_bad_input_is_one_clear_error_line(seeded, db_path, args, expected):
    before = table_digest(db_path)
    result = seeded(*args)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    one_error_line(result, expected)
    assert table_digest(db_path) == before


def test_underscore_id_does_not_touch_claim_fourteen(seeded):
    seeded("confirm", "1_4")
    shown = json.loads(seeded("show", "14", "--format", "json").stdout)
    assert shown["status"] == "unverified"


def test_ids_keep_their_accepted_forms(seeded):
    assert validate.claim_id("#12") == 12
    assert validate.claim_id(" 7 ") == 7
    assert validate.claim_id(str(2**63 - 1)) == 2**63 - 1
    assert seeded("show", "#3", "--format", "json").exit_code == 0


# ---- usage errors that Typer reports itself: exit 2 --------------------------------------------

USAGE = {
    "list --limit 2^63": ("list", "--limit", TOO_BIG),
    "log --limit 2^63": ("log", "--limit", TOO_BIG),
    "summary --limit 2^63": ("summary", "--limit", TOO_BIG),
    "export --limit 2^63": ("export", "--format", "json", "--limit", TOO_BIG),
    "list --limit 1_0": ("list", "--limit", "1_0"),
    "list -n fullwidth": ("list", "-n", "\uff15"),
    "due --days 99999999": ("due", "--days", "99999999"),
    "due --days arabic-indic": ("due", "--days", "\u0663"),
}


@pytest.mark.parametrize("args", USAGE.values(), ids=USAGE.keys())
def test_out_of_range_numbers_are_usage_errors(seeded, db_path, args):
    before = table_digest(db_path)
    result = seeded(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Invalid value for" in result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert table_digest(db_path) == before


def test_numbers_in_range_still_work(seeded):
    assert len(json.loads(seeded("list", "--limit", str(2**63 - 1), "--format", "json").stdout)) == SEED_CLAIMS
    assert len(json.loads(seeded("list", "-n", "2", "--format", "json").stdout)) == 2
    assert seeded("due", "--days", "36500", "--format", "json").exit_code == 0
    assert seeded("due", "--days", "0", "--format", "json").exit_code == 0


# ---- real processes ----------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX argv is bytes, decoded with surrogateescape")
def test_argument_that_is_not_utf8_is_refused_by_position(seeded, db_path):
    before = table_digest(db_path)
    proc = run_process("add", b"caf\xe9", "--source", "X")  # type: ignore[arg-type] - bytes argv
    assert proc.returncode == 1, proc.stderr
    one_error_line(proc, "argument 2 ('caf\\xe9') is not valid UTF-8 text")
    assert table_digest(db_path) == before


def test_claimtrack_db_that_is_not_utf8_is_refused(tmp_path):
    proc = run_process("list", env={"CLAIMTRACK_DB": str(tmp_path / "caf\udce9.db")})
    assert proc.returncode == 1, proc.stderr
    one_error_line(proc, "CLAIMTRACK_DB", "caf\\xe9", "not valid UTF-8")
    assert not list(tmp_path.glob("caf*"))


def test_overflows_in_a_real_process(seeded):
    shown = run_process("show", TOO_BIG)
    assert shown.returncode == 1
    one_error_line(shown, "invalid claim id")
    due = run_process("due", "--days", "99999999")
    assert due.returncode == 2
    assert "36500" in due.stderr and "Traceback" not in due.stderr


# ---- terminal safety ---------------------------------------------------------------------------

HIDDEN = {
    "arabic letter mark": ("\u061c", "\\u061c"),
    "zero-width space": ("\u200b", "\\u200b"),
    "zero-width non-joiner": ("\u200c", "\\u200c"),
    "zero-width joiner": ("\u200d", "\\u200d"),
    "word joiner": ("\u2060", "\\u2060"),
    "byte order mark": ("\ufeff", "\\ufeff"),
    "soft hyphen": ("\u00ad", "\\xad"),
    "tag latin A": ("\U000e0041", "\\U000e0041"),
    "cancel tag": ("\U000e007f", "\\U000e007f"),
    "lone surrogate": ("\ud800", "\\ud800"),
}


@pytest.mark.parametrize(("char", "escape"), HIDDEN.values(), ids=HIDDEN.keys())
def test_terminal_escapes_invisible_characters(char, escape):
    assert textsafe.terminal(f"The{char}Bell") == f"The{escape}Bell"


@pytest.mark.parametrize("char", [c for c, _ in HIDDEN.values()], ids=HIDDEN.keys())
def test_json_escapes_invisible_characters_losslessly(char):
    text = textsafe.json_text({"text": f"The{char}Bell"}, indent=None)
    assert char not in text
    assert text.isascii()
    assert json.loads(text) == {"text": f"The{char}Bell"}


def test_list_shows_a_zero_width_space(seeded):
    assert seeded("add", "Zero\u200bwidth.", "-s", "X").exit_code == 0
    table = seeded("list", "--format", "tsv").stdout
    assert "Zero\\u200bwidth." in table and "\u200b" not in table


def test_error_line_escapes_the_path_it_quotes(cli, tmp_path):
    result = cli("import", str(tmp_path / "bad\x1b[31m.json"))
    assert result.exit_code == 1
    one_error_line(result, "bad\\x1b[31m.json")


def test_db_path_escapes_what_it_prints(cli, tmp_path):
    result = cli("--db", str(tmp_path / "a\x1b]0;title\x07b.db"), "db", "path")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "a\\x1b]0;title\\x07b.db" in result.stdout


@pytest.mark.sqlite_only
def test_notices_escape_the_path_they_quote(seeded, tmp_path):
    result = seeded("db", "backup", str(tmp_path / "copy\x1b[2J.db"))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr and "copy\\x1b[2J.db" in result.stderr


# ---- look-alike sources ------------------------------------------------------------------------

LOOKALIKES = {
    "zero-width space": "The\u200bBell",
    "word joiner": "The \u2060Bell",
    "fullwidth letters": "\uff34\uff48\uff45 \uff22\uff45\uff4c\uff4c",
    "no-break space": "The\u00a0Bell",
    "tag character": "The Bell\U000e0041",
}


@pytest.mark.parametrize("name", LOOKALIKES.values(), ids=LOOKALIKES.keys())
def test_new_source_that_looks_like_an_existing_one_is_flagged(seeded, name):
    result = seeded("add", "A look-alike claim.", "--source", name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    claim = json.loads(result.stdout)[0]
    assert claim["source"] == name  # sources stay keyed as before: it is a new source
    notice = result.stderr.splitlines()[-1]
    assert "looks like 'The Bell'" in notice
    assert f"claimtrack set {claim['id']} --source 'The Bell'" in notice


def test_set_source_to_a_lookalike_is_flagged(seeded):
    result = seeded("set", "1", "--source", "Andrei\u200dLankov")
    assert result.exit_code == 0, result.stderr
    assert "looks like 'Andrei Lankov'" in result.stderr
    assert "\u200d" not in result.stderr


def test_lookalike_keys_fold_only_what_does_not_show():
    assert textsafe.lookalike_keys("The\u200bBell") & textsafe.lookalike_keys("the bell")
    assert not textsafe.lookalike_keys("The Bell") & textsafe.lookalike_keys("The Ball")


# ---- text the stores cannot hold, from files -----------------------------------------------------


@pytest.mark.parametrize(
    ("json_text", "expected"),
    [("\\u0000", "NUL character"), ("a\\u0000b", "NUL character"), ("\\ud800 alone", "surrogate")],
)
def test_import_refuses_nul_and_lone_surrogates(seeded, db_path, tmp_path: Path, json_text, expected):
    path = tmp_path / "odd.json"
    path.write_text('[{"text": "' + json_text + '", "source": "X"}]', encoding="utf-8")
    before = table_digest(db_path)
    result = seeded("import", str(path))
    assert result.exit_code == 1, result.stderr
    one_error_line(result, expected)
    assert table_digest(db_path) == before


def test_validators_refuse_nul_and_surrogates_for_library_callers():
    for value, message in (("a\x00", "NUL"), ("a\udce9", "lone surrogate")):
        with pytest.raises(InvalidInput, match=message):
            validate.clean_text(value)
        with pytest.raises(InvalidInput, match=message):
            validate.clean_tag(value)
        with pytest.raises(InvalidInput, match=message):
            validate.clean_url("https://example.org/" + value)


def test_stored_times_are_fixed_width_in_every_year():
    assert timeutil.parse_datetime("0001-01-01T05:00:00+01:00") == "0001-01-01T04:00:00Z"
    assert timeutil.parse_datetime("0999-06-01T00:00:00Z") == "0999-06-01T00:00:00Z"


def test_a_short_new_source_is_not_taken_for_part_of_a_long_one(seeded):
    """'S' is part of most names: a new source of one or two letters is only said to look like one
    spelled nearly the same, while a longer part still points at the name it is part of."""
    short = seeded("add", "A claim from S.", "--source", "S")
    assert short.exit_code == 0, short.stderr
    assert "Did you mean" not in short.stderr
    part = seeded("add", "A claim from Lankov.", "--source", "Lankov")
    assert part.exit_code == 0, part.stderr
    assert "Did you mean 'Andrei Lankov'?" in part.stderr
