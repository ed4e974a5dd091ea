"""Export's fast paths write exactly what the careful paths write.

``csv_row`` escapes a whole row with one search and ``json_text`` skips the escape pass for plain
ASCII: both must give the same text as escaping cell by cell. A CSV export reads no events (it has
no column for them), and the tag and event queries return tuples: the bytes must not change, on
either read driver, over many chunks of claims with hostile text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimtrack import textsafe
from conftest import SEED_CLAIMS

HOSTILE = [
    "=1+1",
    "'=x",
    "''@a",
    "-0.5",
    "+",
    "@SUM(A1)",
    "a\tb",
    "a\nb",
    "\x1b[31mred",
    "bidi\u202eevil",
    "zero\u200bwidth",
    "del\x7f",
    "\u2028",
    "caf\u00e9",
    "\U0001f600",
    "'quoted",
    "\r=cmd",
    "",
]

cells = st.one_of(
    st.none(), st.integers(-5, 10**6), st.floats(0, 1, allow_nan=False), st.sampled_from(HOSTILE), st.text()
)


@given(st.lists(cells, max_size=16))
@example(HOSTILE)
@example([None, 1, 0.5, "plain", "=x"])
@example(["x", "a;=1", "b, -2", "c|@d", "e\n+f", "g;' =h", "\\u200b", "C:\\Users", "\u00e9;=1", "Z\u00fcrich"])
def test_csv_row_is_csv_cell_of_every_value(values: list[object]):
    assert textsafe.csv_row(values) == [textsafe.csv_cell(v) for v in values]


def _careful_json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return textsafe._JSON_UNSAFE.sub(textsafe._json_escape, text)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.sampled_from(HOSTILE), st.text()),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


@given(json_values)
@example({"text": "del\x7f", "n": 1})
@example(["\x1b", "\u202e", "plain"])
def test_compact_json_text_is_the_careful_json(data: object):
    assert textsafe.json_text(data, indent=None) == _careful_json(data)


def _hostile_claims(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = f"Claim {i}: {HOSTILE[i % len(HOSTILE)] or 'plain'} about Rason port."
            record = {
                "text": text,
                "source": f"Source {i % 9} {HOSTILE[i % 7]}".strip() or "S",
                "tags": [f"t{i % 4}", "port"],
                "confidence": (i % 10) / 10,
            }
            if i % 3 == 0:
                record["quote"] = f"{HOSTILE[(i + 3) % len(HOSTILE)]} q"
            out.write(json.dumps(record) + "\n")
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_exports_are_the_same_bytes_on_both_read_drivers(
    seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
):
    assert seeded("import", str(_hostile_claims(tmp_path / "c.jsonl", 1_234))).exit_code == 0
    for cid in ("5", "600", "1200"):  # events beyond the created one, in several chunks
        assert seeded("confirm", cid, "--note", "seen \x1b[2J", "--evidence", "https://example.org/e").exit_code == 0
        assert seeded("set", cid, "--confidence", "0.9", "--add-tag", "checked").exit_code == 0
    out = {}
    for driver in ("sqlite3", "sqlalchemy"):
        monkeypatch.setenv("CLAIMTRACK_READ_DRIVER", driver)
        target = tmp_path / f"{driver}.{fmt}"
        result = seeded("export", "--format", fmt, "--output", str(target))
        assert result.exit_code == 0, result.stderr
        out[driver] = target.read_bytes()
    assert out["sqlite3"] == out["sqlalchemy"]
    text = out["sqlite3"].decode()
    assert "\x1b" not in text and "\u202e" not in text  # still inert
    if fmt == "csv":
        assert text.count("\n") >= 1_234 + SEED_CLAIMS
        assert "'=1+1 q" in text  # the formula guard
    else:
        status_events = sum(
            1 for line in seeded("log", "--format", "json").stdout.split("\n") if '"kind": "status"' in line
        )
        assert text.count('"kind":"status"') == status_events >= 3


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_backup_export_as_of_a_day_holds_the_phrase_of_that_day(seeded, tmp_path: Path, fmt: str):
    """``export --format json --as-of`` failed with KeyError 'confidence_phrase' before."""
    assert seeded("set", "1", "--confidence", "likely").exit_code == 0
    result = seeded("export", "--format", fmt, "--as-of", _today())
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    claims = (
        json.loads(text)["claims"]
        if fmt == "json"
        else [json.loads(line) for line in text.splitlines() if '"type":"claim"' in line]
    )
    assert len(claims) == SEED_CLAIMS
    first = next(c for c in claims if c["id"] == 1)
    assert first["confidence_phrase"] == "likely"
    restored = tmp_path / "restored.db"
    backup = tmp_path / f"b.{fmt}"
    backup.write_text(text, encoding="utf-8")
    assert seeded("--db", str(restored), "import", str(backup)).exit_code == 0


def _today() -> str:
    from claimtrack import timeutil

    return timeutil.today().isoformat()
