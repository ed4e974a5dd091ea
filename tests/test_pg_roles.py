"""PostgreSQL roles (README, "Sharing with a team"): a *reader* with only SELECT runs every read
command and its first write is refused in one line naming the missing privilege; an *editor* with
DML rights but no DDL writes once the schema exists, and is told in one line when only the owner
can upgrade it. The roles are made with the README's own GRANT statements, so the two cannot drift,
and every command runs as a real process logged in as that role. Runs only with CLAIMTRACK_TEST_DB.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrack.store import migrations
from conftest import SERVER, _admin, alchemy_url, pg_connect, run_process, table_digest

pytestmark = pytest.mark.skipif(not SERVER, reason="needs a PostgreSQL server: set CLAIMTRACK_TEST_DB")

README = Path(__file__).resolve().parents[1] / "README.md"

READS = [
    ["list"],
    ["list", "--search", "Russia", "--format", "json"],
    ["list", "--status", "confirmed", "--sort", "confidence"],
    ["show", "1"],
    ["show", "1", "--format", "json"],
    ["log"],
    ["log", "1"],
    ["summary"],
    ["summary", "--by", "source"],
    ["sources"],
    ["due"],
    ["calibration"],
    ["export", "--format", "md"],
    ["export", "--format", "html"],
    ["export", "--format", "csv"],
    ["export", "--format", "json"],
    ["export", "--format", "jsonl"],
    ["export", "--format", "claimreview"],
    ["export", "--format", "claimreview-html"],
    ["db", "check"],
    ["db", "path"],
    ["init"],  # the schema is up to date: nothing to do, nothing written
]

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Trench</title><link>https://example.org/{n}</link>
<description>Kim Yo-Jong said North Korea stands in the same trench as the Russian army.</description></item>
</channel></rss>"""


def _readme_grants(reader: str, editor: str, database: str) -> str:
    """The README's SQL block that makes the two roles, for these role and database names."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, re.DOTALL)
    sql = next(b for b in blocks if "GRANT" in b and "reader" in b and "editor" in b)
    sql = re.sub(r"\breader\b", reader, sql)
    sql = re.sub(r"\beditor\b", editor, sql)
    return sql.replace("DATABASE claims", f'DATABASE "{database}"')


def _as(url: str, role: str) -> str:
    """``url`` logged in as ``role`` (trust authentication: no password)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{role}@{rest.rpartition('@')[2]}"


class Roles:
    def __init__(self, url: str) -> None:
        tag = uuid.uuid4().hex[:12]
        self.url = url
        self.database = url.rpartition("/")[2]
        self.reader, self.editor = f"ct_reader_{tag}", f"ct_editor_{tag}"

    def grant(self) -> None:
        """Run the README's statements as the owner, in the test's database."""
        with pg_connect(self.url, autocommit=True) as owner:
            sql = _readme_grants(self.reader, self.editor, self.database)
            code = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
            for statement in code.split(";"):
                if statement.strip():
                    owner.execute(statement)

    def run(self, role: str, *args: str) -> Any:
        return run_process(*args, env={"CLAIMTRACK_DB": _as(self.url, role)})


@pytest.fixture
def roles(db_path: Any) -> Iterator[Roles]:
    """The test's database with a reader and an editor role; both dropped at the end."""
    made = Roles(str(db_path))
    yield made
    with pg_connect(made.url, autocommit=True) as conn:  # their grants in this database
        for role in (made.reader, made.editor):
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                conn.execute(f'DROP OWNED BY "{role}"')
    with _admin() as admin:
        admin.execute(f'DROP ROLE IF EXISTS "{made.reader}", "{made.editor}"')


def _backup_with_a_new_claim(tmp_path: Path, text: str = "An imported claim") -> Path:
    """A JSON backup of a SQLite database holding one claim the server has not got."""
    backup, other = tmp_path / "other.json", {"CLAIMTRACK_DB": str(tmp_path / "other.db")}
    assert run_process("add", text, "--source", "Elsewhere", env=other).returncode == 0
    assert run_process("export", "--format", "json", "-o", str(backup), env=other).returncode == 0
    return backup


def _refused(result: Any, role: str) -> None:
    """One ``Error:`` line naming the role, the privilege refused and the GRANT to ask for."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1 and lines[-1] == errors[0], result.stderr
    assert errors[0].startswith(f'Error: the database refused this change: role "{role}" may not '), errors[0]
    # The first statement refused: a row's INSERT, or (since the hash chain, issue 29) the nextval
    # that gives the new event its id.
    assert re.search(
        r"may not (INSERT into|UPDATE|DELETE from) \w+ \(permission denied\)|may not use the sequence \w+ \(permission denied\)",
        errors[0],
    ), errors[0]
    assert f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"' in errors[0]
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr


def _one_line(result: Any) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr
    return result.stderr


def test_a_reader_runs_every_read_command(seeded, roles: Roles, tmp_path: Path):
    news = tmp_path / "news.txt"
    news.write_text("Kim Yo-Jong said North Korea stands in the same trench as Russia's army.\n", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(n=1), encoding="utf-8")
    assert seeded("match", "--feed", str(feed)).exit_code == 0  # the owner saw the feed's item
    roles.grant()
    before = table_digest(roles.url)
    for args in [*READS, ["match", str(news)], ["match", "--feed", str(feed)]]:
        result = roles.run(roles.reader, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Error" not in result.stderr, (args, result.stderr)
        assert result.stdout.strip() or args[0] in ("init", "match"), args
    assert table_digest(roles.url) == before


def test_a_readers_first_write_is_one_line_naming_the_privilege(seeded, roles: Roles, tmp_path: Path):
    roles.grant()
    backup = _backup_with_a_new_claim(tmp_path)
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(n=2), encoding="utf-8")
    before = table_digest(roles.url)
    writes = [
        ["add", "A reader's claim", "--source", "Desk", "--confidence", "0.6"],
        ["add", "A reader's claim about The Bell", "--source", "The Bell"],
        ["refute", "15", "--note", "checked"],
        ["set", "4", "--confidence", "0.3"],
        ["note", "3", "a note"],
        ["delete", "5", "--yes"],
        ["undo"],
        ["source", "set", "A new source", "--kind", "person"],
        ["source", "rename", "The Bell", "The Bell (Russian service)"],
        ["import", str(backup)],
        ["match", "--feed", str(feed)],
    ]
    for args in writes:
        _refused(roles.run(roles.reader, *args), roles.reader)
    assert table_digest(roles.url) == before


def _build_previous_schema(url: str) -> None:
    """The schema as the claimtrack before the latest migration left it, made by the owner."""
    from sqlalchemy import create_engine

    engine = create_engine(alchemy_url(url))
    try:
        with engine.begin() as conn:
            migrations.create_version_table(conn)
            for number, migration in enumerate(migrations.MIGRATIONS[:-1], start=1):
                migration(conn)
                conn.exec_driver_sql(
                    f"INSERT INTO {migrations.VERSION_TABLE} VALUES (%s, %s, '2024-05-01T09:00:00Z')",
                    (number, migration.__name__),
                )
    finally:
        engine.dispose()


def test_only_the_owner_makes_the_schema_then_an_editor_writes(cli, roles: Roles, tmp_path: Path):
    roles.grant()  # on an empty database: the default privileges cover the tables the owner makes later
    for role in (roles.editor, roles.reader):
        line = _one_line(roles.run(role, "init"))
        assert f"cannot create the claimtrack tables in {_as(roles.url, role)}: only the schema's owner may" in line
        assert f'role "{role}" may not (permission denied for schema public)' in line
        assert "Ask the database's owner to run: claimtrack" in line
    _build_previous_schema(roles.url)
    before = table_digest(roles.url)
    previous = migrations.LATEST - 1
    for role, args in ((roles.editor, ["add", "Too early", "--source", "Desk"]), (roles.reader, ["list"])):
        line = _one_line(roles.run(role, *args))
        assert (
            f"needs an upgrade from schema {previous} to {migrations.LATEST}, which only the schema's owner may make, "
            f'and role "{role}" may not (' in line
        )
        assert "Ask the database's owner to run: claimtrack" in line and " init" in line
    assert table_digest(roles.url) == before
    assert cli("init", "--seed").exit_code == 0  # the owner upgrades it (and loads the seed)
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(n=3), encoding="utf-8")
    writes = [
        ["add", "An editor's claim", "--source", "A desk nobody named yet", "--confidence", "0.6"],
        ["refute", "15", "--note", "checked"],
        ["set", "4", "--confidence", "0.3"],
        ["note", "3", "a note"],
        ["delete", "5", "--yes"],
        ["restore", "5"],
        ["undo"],
        ["source", "set", "A new source", "--kind", "person"],
        ["source", "rename", "A new source", "A renamed source"],
        ["match", "--feed", str(feed)],
        ["import", str(_backup_with_a_new_claim(tmp_path))],
    ]
    for args in writes:
        result = roles.run(roles.editor, *args)
        assert result.returncode == 0, (args, result.stderr)
    listed = roles.run(roles.reader, "list", "--format", "json")
    assert listed.returncode == 0 and "An editor's claim" in listed.stdout and "An imported claim" in listed.stdout
    shown = roles.run(roles.reader, "show", "15", "--format", "json")
    assert shown.returncode == 0 and '"refuted"' in shown.stdout
    assert cli("db", "check").exit_code == 0


def test_a_raw_psycopg2_refusal_is_the_same_line(seeded, roles: Roles):
    """The psycopg2 path (no SQLAlchemy wrapper, so no statement on the error) says the same line."""
    import psycopg2

    from claimtrack.store import failures
    from claimtrack.store.database import Database
    from claimtrack.store.target import resolve

    roles.grant()
    statement = "UPDATE claim SET confidence = 0.5 WHERE id = 1"
    with pg_connect(_as(roles.url, roles.reader)) as conn:
        with pytest.raises(psycopg2.Error) as raised:
            conn.execute(statement)
    target = resolve(_as(roles.url, roles.reader))
    db = Database.open(target, create=False)
    try:
        for given, said in ((statement, "may not UPDATE claim"), (None, "may not INSERT or UPDATE or DELETE on claim")):
            line = str(failures.write_error(raised.value, target, db.query, db.dialect, given))
            assert line.startswith(f'the database refused this change: role "{roles.reader}" {said} (permission'), line
    finally:
        db.close()


def test_an_editor_imports_and_without_update_on_the_sequences_is_told_so(seeded, roles: Roles, tmp_path: Path):
    roles.grant()
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    assert roles.run(roles.editor, "import", str(_backup_with_a_new_claim(tmp_path / "first"))).returncode == 0
    with pg_connect(roles.url, autocommit=True) as owner:
        owner.execute(f'REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM "{roles.editor}"')
    backup = _backup_with_a_new_claim(tmp_path / "second", "Another imported claim, on another subject")
    before = table_digest(roles.url)
    line = _one_line(roles.run(roles.editor, "import", str(backup)))
    assert f'role "{roles.editor}" may not UPDATE the sequence claim_id_seq (permission denied)' in line
    assert f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{roles.editor}"' in line
    assert table_digest(roles.url) == before


def test_a_reader_sees_what_db_check_sees(seeded, roles: Roles):
    """SELECT on the sequences: the reader's ``db check`` reads the id counters as the owner's does."""
    roles.grant()
    with pg_connect(roles.url, autocommit=True) as owner:
        owner.execute("SELECT setval(pg_get_serial_sequence('claim', 'id'), 4611686018427387909)")
    owners = seeded("db", "check")
    readers = roles.run(roles.reader, "db", "check")
    assert owners.exit_code == 1 and "4611686018427387909" in owners.stdout + owners.stderr
    assert "4611686018427387909" in readers.stdout
    mine = [line for line in owners.stdout.splitlines() if not line.startswith("target\t")]
    theirs = [line for line in readers.stdout.splitlines() if not line.startswith("target\t")]
    assert (readers.returncode, theirs, readers.stderr) == (1, mine, owners.stderr)


def test_an_editor_loads_the_seed_and_the_history_stays_append_only(cli, roles: Roles):
    """``init --seed`` as an editor (no DDL rights): the seed's events, written by SQL without a
    hash, are hashed without lifting the guard (migration 14 lets a missing hash be filled, nothing
    else), so it works and ``db check`` passes; every other change to an event is still refused."""
    import psycopg2

    assert cli("init").exit_code == 0  # the owner makes the schema
    roles.grant()
    seeded_by_editor = roles.run(roles.editor, "init", "--seed")
    assert seeded_by_editor.returncode == 0, seeded_by_editor.stderr
    assert "Seed:" in seeded_by_editor.stdout + seeded_by_editor.stderr
    assert cli("db", "check").exit_code == 0
    with pg_connect(_as(roles.url, roles.editor), autocommit=True) as conn:
        for statement in (
            "UPDATE event SET note = 'rewritten' WHERE id = 1",
            "UPDATE event SET hash = NULL WHERE id = 1",
            "UPDATE event SET hash = repeat('0', 64) WHERE id = 1",
            "DELETE FROM event WHERE id = 1",
        ):
            with pytest.raises(psycopg2.Error, match="append-only"):
                conn.execute(statement)
    assert cli("db", "check").exit_code == 0
