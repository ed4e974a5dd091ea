"""A PostgreSQL role that may not do what a command asked, said in one line with the GRANT to ask for.

A team gives a colleague who only reads a *reader* role (SELECT on the tables) and one who records
changes an *editor* role (SELECT, INSERT, UPDATE, DELETE on the tables; USAGE, SELECT and UPDATE on
their sequences: an import moves them past the ids it keeps), and leaves creating and upgrading the
schema to the role that owns it (README, "Sharing with a team"). When the server refuses a statement for want of a privilege (SQLSTATE 42501,
``insufficient_privilege``; also "must be owner of table ..." for DDL), ``write_refused`` and
``upgrade_refused`` make the one ``DatabaseError`` line of it: which role, which privilege on
which table or sequence, and what to ask the owner for. Nothing here runs in the failed
transaction (it is rolled back by then): the role's name and privileges are read afresh through
``query`` (SQL text, ``:name`` parameters), and a failure to read them only makes the line vaguer.

The privilege is named from the statement when the driver's wrapper keeps it (SQLAlchemy's
``.statement``; the psycopg2 path passes it), else from the server's message ("permission denied
for table event"), else by asking the server which of INSERT, UPDATE and DELETE the role lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from claimtrack.errors import DatabaseError

INSUFFICIENT_PRIVILEGE = "42501"

Query = Callable[..., Iterable[Mapping[str, Any]]]  # (sql, params) -> rows, like ``Database.query``

_DENIED = re.compile(r"permission denied for (table|relation|sequence|schema|function|database) \"?([\w.$]+)\"?")
_STATEMENT = re.compile(
    r"^\s*(?:WITH\b.*?\)\s*)?(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE|SELECT)\s+(?:ONLY\s+)?\"?([\w.$]+)?",
    re.IGNORECASE | re.DOTALL,
)
_WRITES = ("INSERT", "UPDATE", "DELETE")


def editor_grants(role: str, schema: str = "public") -> str:
    """The statements that make ``role`` an editor (the README gives the same)."""
    return (
        f"GRANT USAGE ON SCHEMA {schema} TO {role}; "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}; "
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {role}"
    )


def write_refused(exc: BaseException, query: Query, statement: str | None = None) -> DatabaseError:
    """The line for a write the server refused for want of a privilege (``exc``: SQLSTATE 42501)."""
    role, schema = _who(query)
    message = _message(exc)
    statement = statement or getattr(exc, "statement", None)
    verb, table = _verb_and_table(statement)
    denied = _DENIED.search(message)
    kind, name = (denied.group(1), denied.group(2)) if denied else ("table", table)
    if kind == "sequence":
        if "setval" in (statement or "").lower():  # an import moving the ids past those it kept
            what = f"UPDATE the sequence {name}"
        else:
            what = f"use the sequence {name}" + (f" to INSERT into {table}" if verb == "INSERT" and table else "")
    elif kind == "schema":
        what = f"use the schema {name}"
    elif kind in ("table", "relation") and name:
        # The statement's verb names the privilege only when the table refused is the one it writes
        # (a trigger's write to another table is refused under the statement that fired it).
        verbs = [verb] if verb and name == table else _missing(query, name)
        what = f"{' or '.join(verbs) or 'write to'} {_preposition(verbs)}{name}"
    else:
        what = "make this change"
    return DatabaseError(
        f"the database refused this change: role {role} may not {what} (permission denied); "
        f"nothing was changed. Ask its owner for: {editor_grants(role, schema)}"
    )


def upgrade_refused(exc: BaseException, query: Query, target: str, found: int, latest: int) -> DatabaseError:
    """The line for a migration the role may not run (``exc``: SQLSTATE 42501): only the owner upgrades,
    connected as the owner (so the line names no URL: this one logs in as the role refused)."""
    command = "claimtrack init, connected as the owner"
    role, _ = _who(query)
    why = _message(exc) or "permission denied"
    if found == 0:
        return DatabaseError(
            f"cannot create the claimtrack tables in {target}: only the schema's owner may, and role {role} "
            f"may not ({why}); nothing was changed. Ask the database's owner to run: {command}"
        )
    return DatabaseError(
        f"{target} needs an upgrade from schema {found} to {latest}, which only the schema's owner may make, "
        f"and role {role} may not ({why}); nothing was changed. Ask the database's owner to run: {command}"
    )


def _message(exc: BaseException) -> str:
    """The server's primary message (psycopg2's ``diag``), raw or wrapped by SQLAlchemy."""
    orig = getattr(exc, "orig", None) or exc
    primary = getattr(getattr(orig, "diag", None), "message_primary", None)
    if primary:
        return str(primary)
    text = str(orig).strip()
    return text.splitlines()[0] if text else ""


def _who(query: Query) -> tuple[str, str]:
    """The session's role and schema, quoted as SQL identifiers where needed (a GRANT to copy)."""
    try:
        row = next(iter(query("SELECT current_user AS role, current_schema() AS schema")), None)
    except Exception:  # noqa: BLE001 - cannot even ask: a vaguer line, never a second error
        row = None
    role = str(row["role"]) if row and row["role"] else "(this role)"
    schema = str(row["schema"]) if row and row["schema"] else "public"
    return _identifier(role, always=True), _identifier(schema)


def _identifier(name: str, always: bool = False) -> str:
    """``name`` as a SQL identifier: quoted when it must be (or ``always``: a role reads better so)."""
    if name.startswith("(") or (not always and re.fullmatch(r"[a-z_][a-z0-9_$]*", name)):
        return name
    return '"' + name.replace('"', '""') + '"'


def _verb_and_table(statement: str | None) -> tuple[str | None, str | None]:
    """``INSERT``/``UPDATE``/``DELETE``... and the table a SQL statement writes, if it says."""
    found = _STATEMENT.match(statement or "")
    if not found:
        return None, None
    verb = found.group(1).split()[0].upper()
    return (verb if verb != "SELECT" else None), found.group(2)


def _missing(query: Query, table: str) -> list[str]:
    """Which of INSERT, UPDATE and DELETE the role lacks on ``table`` (none if it cannot be told)."""
    try:
        row = next(
            iter(
                query(
                    "SELECT has_table_privilege(:t, 'INSERT') AS \"INSERT\", has_table_privilege(:t, 'UPDATE') "
                    'AS "UPDATE", has_table_privilege(:t, \'DELETE\') AS "DELETE"',
                    {"t": table},
                )
            ),
            None,
        )
    except Exception:  # noqa: BLE001 - no such table, or cannot ask: the line names no privilege
        return []
    return [verb for verb in _WRITES if row is not None and not row[verb]]


def _preposition(verbs: list[str]) -> str:
    if verbs == ["INSERT"]:
        return "into "
    if verbs == ["DELETE"]:
        return "from "
    return "" if verbs in (["UPDATE"], ["TRUNCATE"]) else "on "
