"""``--tag`` selects the claims of a tag by the tag's id, looked up first (``store.tagfilter``).

Joined with ``tag`` by name, PostgreSQL could not tell how many claims a tag holds and gathered
and sorted every tagged claim before ``LIMIT 20`` (52 ms at 50,000 claims, 1.6x SQLite in
``bench/pg_bench.py``'s terms; 0.2 ms by id). What the filter selects must not change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from conftest import Run


def ids(run: Run) -> list[int]:
    assert run.exit_code == 0, run.stderr
    return [c["id"] for c in json.loads(run.stdout)]


def test_a_tag_selects_the_same_claims_with_and_without_a_limit(seeded: Callable[..., Run]) -> None:
    everything = json.loads(seeded("list", "--format", "json").stdout)
    tagged = [c["id"] for c in everything if "north-korea" in c["tags"]]
    assert 3 < len(tagged) < len(everything)
    assert ids(seeded("list", "--tag", "north-korea", "--format", "json")) == tagged
    assert ids(seeded("list", "--tag", "North Korea", "--format", "json")) == tagged  # a spelling of the tag
    assert ids(seeded("list", "--tag", "north-korea", "--limit", "3", "--format", "json")) == tagged[:3]
    either = [c["id"] for c in everything if {"north-korea", "workers"} & set(c["tags"])]
    assert ids(seeded("list", "--tag", "north-korea", "--tag", "workers", "--format", "json")) == either
    assert ids(seeded("list", "--tag", "no-such-tag", "--format", "json")) == []


def test_the_condition_names_the_tag_by_id_without_joining_tag(seeded: Callable[..., Run], db_path: Any) -> None:
    from claimtrack.store.database import Database
    from claimtrack.store.queries import ClaimFilter, where_clause
    from claimtrack.store.target import resolve

    seeded("list")
    db = Database.open(resolve(str(db_path)))
    try:
        with db.reading():
            wanted = db.query_one("SELECT id FROM tag WHERE name = 'north-korea'")
            assert wanted is not None
            params: dict[str, Any] = {}
            sql = where_clause(ClaimFilter(tags=("north-korea",)), params, db=db)
            assert "JOIN tag" not in sql and "ct.tag_id IN (:tg0)" in sql and params["tg0"] == wanted["id"]
            nothing: dict[str, Any] = {}
            assert where_clause(ClaimFilter(tags=("no-such-tag",)), nothing, db=db).endswith("1 = 0")
    finally:
        db.close()
