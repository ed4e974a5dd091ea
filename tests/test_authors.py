"""Who did what: every event and undo-journal row names its author (migration 10).

The author is ``reviewer.name`` when set, else the login (``$USER``, else ``getpass.getuser()``,
else ``unknown``); on PostgreSQL the session role is recorded beside it. ``show`` and ``log``
show it (at 80 columns too), ``log --by`` filters on it, the JSON backups carry it and restore it
as it was, and the ClaimReview export can credit whoever set the verdict.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import migrations
from conftest import SERVER, Run, alchemy_url, open_db, pg_connect, table_digest


def ok(result: Run) -> Run:
    assert result.exit_code == 0, result.stderr
    return result


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("USER", name)
    monkeypatch.setenv("LOGNAME", name)


def log_json(cli: Callable[..., Run], *args: str) -> list[dict[str, Any]]:
    return json.loads(ok(cli("log", "--format", "json", *args)).stdout)


def two_authors(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "Alice's claim", "--source", "Desk", "--confidence", "0.6"))
    as_user(monkeypatch, "bob")
    ok(cli("confirm", "1", "--note", "bob checked"))


def test_each_change_records_the_login_that_made_it(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    two_authors(cli, monkeypatch)
    events = log_json(cli)
    assert [(e["kind"], e["author"]) for e in events] == [("status", "bob"), ("created", "alice")]
    assert all(e["db_role"] is None for e in events) or SERVER  # SQLite has no logins
    shown = json.loads(ok(cli("show", "1", "--format", "json")).stdout)
    assert [e["author"] for e in shown["events"]] == ["alice", "bob"]
    listed = ok(cli("undo", "--list")).stdout.splitlines()
    assert "bob" in listed[0] and "confirm claim 1" in listed[0]
    assert "alice" in listed[1] and "added claim 1" in listed[1]


def test_reviewer_name_is_the_author_when_set(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("config", "set", "reviewer.name", "Ann Analyst"))
    ok(cli("add", "A claim", "--source", "Desk"))
    ok(cli("note", "1", "a note"))
    assert {e["author"] for e in log_json(cli)} == {"Ann Analyst"}


def test_a_bad_settings_file_refuses_the_write_before_anything_changes(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(cli("add", "A claim", "--source", "Desk"))
    config = tmp_path / "bad.toml"
    config.write_text("[reviewer]\nname = 42\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(config))
    before = table_digest(db_path)
    result = cli("confirm", "1")
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "reviewer.name" in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert table_digest(db_path) == before


def test_the_login_falls_back_to_getpass_then_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimtrack import authors

    monkeypatch.delenv("USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "from-getpass")
    assert authors.login() == "from-getpass"

    def no_login() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert authors.login() == "unknown"
    monkeypatch.setenv("USER", "  \x1b[31mmallory\x07\n ")  # control characters never reach a terminal
    assert authors.login() == "[31mmallory"


def test_log_by_lists_one_authors_changes(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    two_authors(cli, monkeypatch)
    assert [e["kind"] for e in log_json(cli, "--by", "bob")] == ["status"]
    assert [e["kind"] for e in log_json(cli, "--by", "alice")] == ["created"]
    assert log_json(cli, "--by", "carol") == []
    bad = cli("log", "--by", " \x07 ")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: --by takes an author's name"), bad.stderr


@pytest.mark.parametrize("width", [80, 120])
def test_show_and_log_have_a_by_column_that_fits(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    two_authors(cli, monkeypatch)
    monkeypatch.setenv("COLUMNS", str(width))
    for args in (("log",), ("show", "1")):
        out = ok(cli(*args, "--format", "table", "--no-pager")).stdout
        lines = out.splitlines()
        assert all(len(line) <= width for line in lines), out
        header = next(line for line in lines if "Change" in line and "At" in line)
        assert " By " in header, out
        assert any("bob" in line and "status" in line for line in lines), out


def test_the_narrow_stacked_log_says_who(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    """Too narrow for a table (By gives way to the Undo ID from 52 columns down, issue 31), each
    change is a block that names its author again, with its Undo ID."""
    two_authors(cli, monkeypatch)
    monkeypatch.setenv("COLUMNS", "30")
    out = ok(cli("log", "--format", "table", "--no-pager")).stdout
    assert all(len(line) <= 30 for line in out.splitlines()), out
    assert any(line.split()[:2] == ["By", "bob"] for line in out.splitlines()), out  # PostgreSQL: "bob (role)"
    assert any(line.split()[:1] == ["Undo"] for line in out.splitlines()), out


def test_a_change_with_no_author_shows_as_unknown(
    cli: Callable[..., Run], db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "alice")
    ok(cli("add", "Old claim", "--source", "Desk"))
    conn = open_db(db_path)
    try:
        conn.execute(  # as a version-9 claimtrack wrote it: no author
            "INSERT INTO event (claim_id, at, recorded_at, kind, note, author, db_role) "
            "VALUES (1, '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z', 'note', 'old note', NULL, NULL)"
        )
        if not isinstance(db_path, str):
            conn.commit()
    finally:
        conn.close()
    assert [(e["note"], e["author"]) for e in log_json(cli)] == [(None, "alice"), ("old note", None)]
    out = ok(cli("show", "1", "--format", "table", "--no-pager")).stdout
    assert any("old note" in line and "unknown" in line for line in out.splitlines()), out


def test_the_migration_leaves_earlier_rows_unknown(db_path: Any, cli: Callable[..., Run]) -> None:
    from sqlalchemy import create_engine

    url = db_path if isinstance(db_path, str) else f"sqlite:///{db_path}"
    engine = create_engine(alchemy_url(url))
    with engine.begin() as conn:
        migrations.create_version_table(conn)
        for migration in migrations.MIGRATIONS[:9]:
            migration(conn)
        conn.exec_driver_sql(
            "INSERT INTO source (name, name_key, created_at) VALUES ('S', 's', '2025-01-01T00:00:00Z')"
        )
        conn.exec_driver_sql(
            "INSERT INTO claim (uuid, text, source_id, created_at, updated_at, text_key) VALUES "
            "('u-1', 'old', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'old')"
        )
        conn.exec_driver_sql(
            "INSERT INTO event (claim_id, at, recorded_at, kind, new) VALUES "
            "(1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'created', '{}')"
        )
        conn.exec_driver_sql(
            "INSERT INTO change_log (recorded_at, command, summary, first_event, last_event) VALUES "
            "('2025-01-01T00:00:00Z', 'add', 'added claim 1', 1, 1)"
        )
        mark = "?" if conn.dialect.name == "sqlite" else "%s"
        for number, migration in enumerate(migrations.MIGRATIONS[:9], start=1):
            conn.exec_driver_sql(
                f"INSERT INTO {migrations.VERSION_TABLE} VALUES ({mark}, {mark}, '2025-01-01T00:00:00Z')",
                (number, migration.__name__),
            )
    engine.dispose()
    ok(cli("log"))  # opening upgrades it
    conn = open_db(db_path)
    try:
        assert list(conn.execute("SELECT author, db_role FROM event")) == [(None, None)]
        assert list(conn.execute("SELECT author, db_role FROM change_log")) == [(None, None)]
        version = conn.execute(f"SELECT max(version) FROM {migrations.VERSION_TABLE}").fetchone()[0]
    finally:
        conn.close()
    assert version == migrations.LATEST


def test_backups_carry_authors_and_restore_them_byte_identically(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    two_authors(cli, monkeypatch)
    as_user(monkeypatch, "carol")
    ok(cli("set", "1", "--add-tag", "checked"))
    for fmt in ("json", "jsonl"):
        first = ok(cli("export", "--format", fmt)).stdout
        assert '"author":"alice"' in first and '"author":"bob"' in first and '"author":"carol"' in first
        assert '"db_role":' in first
        copy = str(tmp_path / f"copy-{fmt}.db")
        backup = tmp_path / f"backup.{fmt}"
        backup.write_text(first, encoding="utf-8")
        as_user(monkeypatch, "zed")  # the restorer: the history stays the authors'
        ok(cli("--db", copy, "import", str(backup)))
        assert ok(cli("--db", copy, "export", "--format", fmt)).stdout == first
        as_user(monkeypatch, "carol")


def test_an_import_is_the_importers(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = tmp_path / "claims.csv"
    data.write_text("text,source\nAn imported claim,Wire\n", encoding="utf-8")
    as_user(monkeypatch, "dana")
    ok(cli("import", str(data)))
    assert [(e["kind"], e["author"]) for e in log_json(cli)] == [("created", "dana")]


@pytest.mark.skipif(not SERVER, reason="PostgreSQL only: run with CLAIMTRACK_TEST_DB")
def test_postgresql_records_the_session_role_no_setting_can_change(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg_connect(SERVER) as conn:
        role = conn.execute("SELECT current_user").fetchone()[0]
    as_user(monkeypatch, "alice")
    ok(cli("config", "set", "reviewer.name", "Someone Else"))
    ok(cli("add", "A claim", "--source", "Desk"))
    events = log_json(cli)
    assert [(e["author"], e["db_role"]) for e in events] == [("Someone Else", role)]
    out = ok(cli("log", "--format", "table", "--no-pager")).stdout
    assert f"Someone Else ({role})" in " ".join(out.split()) or role in out, out


def test_sqlite_records_no_role(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    if SERVER:
        pytest.skip("SQLite only")
    as_user(monkeypatch, "alice")
    ok(cli("add", "A claim", "--source", "Desk"))
    assert [(e["author"], e["db_role"]) for e in log_json(cli)] == [("alice", None)]


def test_claimreview_can_credit_whoever_set_the_verdict(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    two_authors(cli, monkeypatch)
    ok(cli("config", "set", "reviewer.organisation", "Example Desk"))
    ok(cli("config", "set", "reviewer.name", "Ann Analyst"))

    def review() -> dict[str, Any]:
        data = json.loads(ok(cli("export", "--format", "claimreview")).stdout)
        graph = data["@graph"] if "@graph" in data else [data]
        assert len(graph) == 1
        return graph[0]

    assert review()["contributor"] == {"@type": "Person", "name": "Ann Analyst"}  # as before: the setting
    ok(cli("config", "set", "claimreview.credit", "true"))
    credited = review()
    assert credited["contributor"] == {"@type": "Person", "name": "bob"}  # bob confirmed it
    assert credited["author"]["@type"] == "Organization"
    ok(cli("config", "unset", "reviewer.organisation"))
    assert review()["author"] == {"@type": "Person", "name": "bob"}


def test_log_by_that_finds_nothing_says_why(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty ``log --by`` is no error (a script reads ``[]``), but a person is told whether the
    author made no change or is no author, and the nearest authors' names."""
    two_authors(cli, monkeypatch)
    as_user(monkeypatch, "Mary Ann")
    ok(cli("note", "1", "checked the wire"))
    typo = ok(cli("log", "--by", "alcie", "--format", "json"))
    assert json.loads(typo.stdout) == []
    assert "No changes by 'alcie'; did you mean 'alice'? (--by alice)" in typo.stderr
    spaced = ok(cli("log", "--by", "mary an"))
    assert "did you mean 'Mary Ann'? (--by 'Mary Ann')" in spaced.stderr
    later = ok(cli("log", "--by", "bob", "--since", "2099-01-01"))
    assert later.stdout == "" and "No changes by 'bob' since 2099-01-01." in later.stderr
    stranger = ok(cli("log", "--by", "zed"))
    assert "No changes by 'zed'; the log's authors: 'Mary Ann', 'alice', 'bob'" in stranger.stderr


def test_log_by_unknown_finds_the_changes_shown_as_unknown(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seed's events record no author and ``log`` shows them as 'unknown': ``--by unknown``
    lists them (it listed nothing), and still no change of a named author."""
    as_user(monkeypatch, "alice")
    ok(cli("init", "--seed"))
    ok(cli("note", "1", "alice's note"))
    shown = log_json(cli)
    unknown = log_json(cli, "--by", "unknown")
    assert unknown and len(unknown) == len(shown) - 1
    assert all(e["author"] is None for e in unknown)
    assert [e["note"] for e in log_json(cli, "--by", "alice")] == ["alice's note"]
