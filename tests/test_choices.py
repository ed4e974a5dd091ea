"""Fixed names typed with a hyphen or an underscore (a user's report): ``--sort said-on`` is ``said_on``.

Covers: each option whose values are fixed names with ``_`` or ``-`` in them (``--sort`` of list
and export, export's ``--format``, ``--columns``, the keys of ``config get/set/unset``) gives the
same output for either spelling, and output and the settings file keep the canonical one; a value
that is none of them is one ``Error:`` line naming it as typed with the nearest valid one (exit 2
for a choice, as before; exit 1 for a column or setting, as before); ``--help`` still lists the
canonical names.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run


def ok(run: Run) -> str:
    assert run.exit_code == 0, run.stderr
    return run.stdout


def one_error(run: Run, code: int) -> str:
    """The run failed with ``code`` and exactly one ``Error:`` line, nothing on stdout, no traceback."""
    assert run.exit_code == code, (run.stdout, run.stderr)
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert run.stdout == "" and "Traceback" not in run.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("command", "canonical", "other", "near_miss"),
    [
        (("list", "--format", "json", "--sort"), "said_on", "said-on", "sad-on"),
        (("export", "--format", "csv", "--sort"), "said_on", "said-on", "said-onn"),
    ],
)
def test_sort_takes_either_spelling(
    seeded: Callable[..., Run], command: tuple[str, ...], canonical: str, other: str, near_miss: str
) -> None:
    by_canonical = ok(seeded(*command, canonical))
    assert by_canonical != ok(seeded(*command[:-1]))  # said_on is not the default order (id)
    assert ok(seeded(*command, other)) == by_canonical
    assert ok(seeded(*command, canonical, "--desc")) == ok(seeded(*command, other, "--desc"))
    line = one_error(seeded(*command, near_miss), 2)
    assert f"'{near_miss}' is not one of 'id', 'confidence', 'status', 'said_on', 'updated'" in line
    assert line.endswith(f"; did you mean 'said_on'? (see: root {command[0]} -h)")  # CliRunner's name: root
    assert "said_on or updated" in ok(seeded(command[0], "--help"))
    far = one_error(seeded(*command, "zz\x1b[31m"), 2)  # no near choice: the choices alone; shown escaped
    assert "\x1b" not in far and "did you mean" not in far and "is not one of 'id'" in far


@pytest.mark.parametrize(
    ("canonical", "other", "near_miss"),
    [
        ("claimreview-html", "claimreview_html", "claimreview_htm"),
        # Datasette's metadata is for a SQLite file only (a server's database is refused, either spelling)
        pytest.param("datasette-metadata", "datasette_metadata", "datasette_meta", marks=pytest.mark.sqlite_only),
    ],
)
def test_export_format_takes_either_spelling(
    seeded: Callable[..., Run], tmp_path: Path, canonical: str, other: str, near_miss: str
) -> None:
    ok(seeded("export", "--format", canonical, "-o", str(tmp_path / "a")))
    ok(seeded("export", "--format", other, "-o", str(tmp_path / "b")))
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
    line = one_error(seeded("export", "--format", near_miss, "-o", str(tmp_path / "c")), 2)
    assert line.startswith(f"Error: Invalid value for '--format' / '-f': '{near_miss}' is not one of 'md'")
    assert line.endswith(f"; did you mean '{canonical}'? (see: root export -h)")
    assert not (tmp_path / "c").exists()
    assert canonical in " ".join(ok(seeded("export", "--help")).split())


@pytest.mark.parametrize(("command", "key"), [("list", "review_by"), ("log", "change_id")])
def test_columns_take_either_spelling_and_suggest_the_nearest(
    seeded: Callable[..., Run], command: str, key: str
) -> None:
    """Column names were already any case, with ``-`` for ``_``; a near miss now names the nearest."""
    table = (command, "--format", "table", "--columns")
    wanted = ok(seeded(*table, f"id,{key}"))
    assert ok(seeded(*table, f"id,{key.replace('_', '-').upper()}")) == wanted
    typo = key.replace("_", "-") + "x"
    line = one_error(seeded(*table, f"id,{typo}"), 1)
    assert line.startswith(f"Error: --columns: no column '{typo}' in this table (did you mean '{key}'?); choose from")


def test_config_keys_take_either_spelling(cli: Callable[..., Run], tmp_path: Path) -> None:
    file = tmp_path / "home" / "xdg_config_home" / "claimtrack" / "config.toml"
    assert cli("config", "set", "defaults.source-kind", "person").stderr.startswith("Set defaults.source_kind = ")
    ok(cli("config", "set", "claimreview.url-template", "https://example.org/{uuid}"))
    stored = tomllib.loads(file.read_text(encoding="utf-8"))
    assert stored == {
        "defaults": {"source_kind": "person"},
        "claimreview": {"url_template": "https://example.org/{uuid}"},
    }
    assert (
        ok(cli("config", "get", "defaults.source-kind"))
        == ok(cli("config", "get", "defaults.source_kind"))
        == "person\n"
    )
    assert '"key": "defaults.source_kind"' in ok(cli("config", "get", "defaults.source-kind", "--format", "json"))
    assert cli("config", "unset", "defaults.source-kind").stderr.startswith("Removed defaults.source_kind ")
    assert "nothing to remove" in cli("config", "unset", "defaults.source-kind").stderr
    assert tomllib.loads(file.read_text(encoding="utf-8")) == {
        "claimreview": {"url_template": "https://example.org/{uuid}"}
    }
    line = one_error(cli("config", "set", "defaults.source-knd", "person"), 1)
    assert "unknown setting 'defaults.source-knd' (did you mean defaults.source_kind?)" in line
    # A key the file holds as typed is the one unset (the error for an unknown key in the file says
    # to unset it as written), not the setting it would name.
    file.write_text('[defaults]\nsource_kind = "person"\nsource-kind = "x"\n', encoding="utf-8")
    assert "remove it with: claimtrack config unset defaults.source-kind" in one_error(cli("config", "get"), 1)
    assert cli("config", "unset", "defaults.source-kind").stderr.startswith("Removed defaults.source-kind ")
    assert tomllib.loads(file.read_text(encoding="utf-8")) == {"defaults": {"source_kind": "person"}}
