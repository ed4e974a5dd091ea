"""The settings file (issue 16): ``config path/get/set/unset``, the checks, and the settings that act.

Covers: every key's set/get/unset round trip through a real file (the autouse fixture points
XDG_CONFIG_HOME into the test's tmp dir) read back with tomllib; TOML written by claimtrack reads back
exactly (quotes, backslashes, unicode; hostile values such as ``"]\\n[x]`` refused or escaped);
a directory, FIFO, unreadable file, invalid TOML, bad value or unknown key as the config is one
``Error:`` line and exit 1 with nothing changed, while ``--help``, ``--version``, ``config path``
and ``config set`` still work; ``CLAIMTRACK_CONFIG``; defaults.source_kind and defaults.tags in
add and import; output.pager and output.color under their flags and variables (on a real
terminal where it matters).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from claimtrack import config
from conftest import Run, run_process, table_digest
from test_pager import colour_codes

ANSI_COLOUR = "\x1b["


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    """Where the settings file is for this test (the default place, under XDG_CONFIG_HOME)."""
    return tmp_path / "home" / "xdg_config_home" / "claimtrack" / "config.toml"


def ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def one_error(run: Run) -> str:
    """The run failed with exit 1 and exactly one ``Error:`` line, no traceback."""
    assert run.exit_code == 1, (run.stdout, run.stderr)
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    return lines[0]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def settings_json(cli: Callable[..., Run]) -> dict[str, dict]:
    return {row["key"]: row for row in json.loads(ok(cli("config", "get", "--format", "json")).stdout)}


# ---- path ------------------------------------------------------------------------------------------


def test_path_is_in_the_user_config_dir_whether_or_not_it_exists(cli: Callable[..., Run], cfg: Path) -> None:
    assert ok(cli("config", "path")).stdout == f"{cfg}\n"
    assert not cfg.exists()


def test_claimtrack_config_points_elsewhere(
    cli: Callable[..., Run], cfg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "other" / "dir" / "mine.toml"
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(elsewhere))
    assert ok(cli("config", "path")).stdout == f"{elsewhere}\n"
    ok(cli("config", "set", "reviewer.name", "Jane Doe"))  # creates the folders
    assert tomllib.loads(elsewhere.read_text(encoding="utf-8")) == {"reviewer": {"name": "Jane Doe"}}
    assert not cfg.exists()
    assert ok(cli("config", "get", "reviewer.name")).stdout == "Jane Doe\n"
    monkeypatch.delenv("CLAIMTRACK_CONFIG")
    assert ok(cli("config", "get", "reviewer.name")).stdout == "\n"  # the default file has none


def test_claimtrack_config_relative_path_is_shown_absolute(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMTRACK_CONFIG", "rel.toml")
    assert ok(cli("config", "path")).stdout == f"{tmp_path / 'rel.toml'}\n"


# ---- every key: set, get, unset ----------------------------------------------------------------------

ROUND_TRIPS = [  # key, what is typed, what the file holds, what `config get KEY` prints
    ("reviewer.name", "  Jane Doe ", "Jane Doe", "Jane Doe"),
    ("reviewer.organisation", "Faktencheck Zoë", "Faktencheck Zoë", "Faktencheck Zoë"),
    (
        "reviewer.url",
        "https://factcheck.example.org/",
        "https://factcheck.example.org/",
        "https://factcheck.example.org/",
    ),
    (
        "claimreview.url_template",
        "https://factcheck.example.org/claims/{uuid}",
        "https://factcheck.example.org/claims/{uuid}",
        "https://factcheck.example.org/claims/{uuid}",
    ),
    ("defaults.source_kind", "Organization", "organisation", "organisation"),
    ("defaults.tags", "Russia, north korea,russia", ["russia", "north-korea"], "russia,north-korea"),
    ("output.pager", "no", False, "false"),
    ("output.color", "NEVER", "never", "never"),
]


@pytest.mark.parametrize("key, typed, stored, printed", ROUND_TRIPS, ids=[r[0] for r in ROUND_TRIPS])
def test_every_key_sets_gets_and_unsets(
    cli: Callable[..., Run], cfg: Path, key: str, typed: str, stored: object, printed: str
) -> None:
    default = config.KEYS[key].default
    assert settings_json(cli)[key] == {"key": key, "value": default, "from": "default"}
    ok(cli("config", "set", key, typed))
    section, name = key.split(".")
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {section: {name: stored}}
    assert ok(cli("config", "get", key)).stdout == printed + "\n"
    assert settings_json(cli)[key] == {"key": key, "value": stored, "from": "file"}
    assert json.loads(ok(cli("config", "get", key, "-f", "json")).stdout) == {
        "key": key,
        "value": stored,
        "from": "file",
    }
    run = ok(cli("config", "unset", key))
    assert "Removed" in run.stderr
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {}
    assert settings_json(cli)[key]["from"] == "default"
    assert "was not set" in ok(cli("config", "unset", key)).stderr


def test_set_keeps_the_other_keys(cli: Callable[..., Run], cfg: Path) -> None:
    for key, typed, _, _ in ROUND_TRIPS:
        ok(cli("config", "set", key, typed))
    expected = {
        "reviewer": {"name": "Jane Doe", "organisation": "Faktencheck Zoë", "url": "https://factcheck.example.org/"},
        "claimreview": {"url_template": "https://factcheck.example.org/claims/{uuid}"},
        "defaults": {"source_kind": "organisation", "tags": ["russia", "north-korea"]},
        "output": {"pager": False, "color": "never"},
    }
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == expected
    ok(cli("config", "set", "reviewer.name", "John Roe"))
    expected["reviewer"]["name"] = "John Roe"
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == expected
    ok(cli("config", "unset", "defaults.source_kind"))
    del expected["defaults"]["source_kind"]
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == expected
    assert not list(cfg.parent.glob(".*.tmp"))  # no temp file left behind


def test_empty_tags_and_the_table_of_all_settings(cli: Callable[..., Run]) -> None:
    ok(cli("config", "set", "defaults.tags", ""))
    assert settings_json(cli)["defaults.tags"] == {"key": "defaults.tags", "value": [], "from": "file"}
    table = ok(cli("config", "get", "--format", "table")).stdout
    for key in config.KEYS:
        assert key in table
    assert "(not set)" in table
    tsv = ok(cli("config", "get")).stdout.splitlines()
    assert "output.pager\ttrue\tdefault" in tsv
    assert "reviewer.name\t\tdefault" in tsv


@pytest.mark.parametrize(
    "key, value, says",
    [
        ("reviewer.name", "", "is empty"),
        ("reviewer.name", "   ", "is empty"),
        ("reviewer.name", "Jane\nDoe", "line break"),
        ("reviewer.name", '"]\n[x]', "line break"),
        ("reviewer.organisation", "x" * 201, "limit is 200"),
        ("reviewer.organisation", "Evil\x1b[31m Org", "control character"),
        ("reviewer.url", "ftp://example.org", "http:// or https://"),
        ("reviewer.url", "example.org", "http:// or https://"),
        ("reviewer.url", "https://exa mple.org", "http:// or https://"),
        ("claimreview.url_template", "https://x.example.org/claims/", "{uuid} nor {id}"),
        ("claimreview.url_template", "https://x.example.org/{uuid.__class__}", "nor {id}"),
        ("claimreview.url_template", "https://x.example.org/{uuid}/{name}", "brace"),
        ("claimreview.url_template", "{uuid}", "filled in"),
        ("claimreview.url_template", 'https://x.example.org/{uuid}"\n[x]', "line break"),
        ("defaults.source_kind", "alien", "person, outlet, organisation, government or other"),
        ("defaults.tags", "a tag,bad\x00", "argument"),  # a NUL never gets past the command line
        ("defaults.tags", ",".join(f"t{i}" for i in range(21)), "at most 20"),
        ("defaults.tags", "x" * 65, "invalid tag"),
        ("output.pager", "maybe", "true or false"),
        ("output.color", "blue", "auto, always or never"),
        ("output.colour", "never", "unknown setting"),
        ("reviewer", "x", "unknown setting"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    cli: Callable[..., Run], cfg: Path, key: str, value: str, says: str
) -> None:
    ok(cli("config", "set", "reviewer.name", "Before"))
    before = cfg.read_bytes()
    line = one_error(cli("config", "set", key, value))
    assert says in line
    assert cfg.read_bytes() == before


def test_unknown_key_suggests_the_nearest(cli: Callable[..., Run]) -> None:
    line = one_error(cli("config", "get", "reviewer.nmae"))
    assert "did you mean reviewer.name?" in line and "output.color" in line
    one_error(cli("config", "unset", "nothing.here"))


# ---- TOML written by hand reads back exactly ----------------------------------------------------------

HOSTILE = [
    '"] [x] = 1 #',
    "C:\\new\\table \\u0041 \\",
    "'''",
    '"""',
    'a"b',
    "Zoë 日本語 🙂 \u202eevil \u200b",
    "# not a comment",
    "= [[x]]",
    "\t tab inside \t",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_reads_back_exactly(cli: Callable[..., Run], cfg: Path, value: str) -> None:
    ok(cli("config", "set", "reviewer.organisation", value))
    data = tomllib.loads(cfg.read_text(encoding="utf-8"))
    assert data == {"reviewer": {"organisation": value.strip()}}  # no section injected
    assert ok(cli("config", "get", "reviewer.organisation", "-f", "json")).stdout.count("\n") >= 1
    assert json.loads(ok(cli("config", "get", "reviewer.organisation", "-f", "json")).stdout)["value"] == value.strip()


def test_a_tag_that_looks_like_toml_is_escaped(cli: Callable[..., Run], cfg: Path) -> None:
    ok(cli("config", "set", "defaults.tags", '"]\n[x]'))  # a tag folds whitespace to "-", as add --tag does
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {"defaults": {"tags": ['"]-[x]']}}


def test_set_keeps_unknown_keys_and_nested_tables(cli: Callable[..., Run], cfg: Path) -> None:
    write(cfg, '[reviewer]\nname = "A"\n[team]\nsize = 3\nratio = 0.5\n[team.sub]\nflag = true\n')
    run = ok(cli("config", "set", "output.pager", "false"))
    assert "Warning: config file" in run.stderr and "team.size" in run.stderr
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {
        "reviewer": {"name": "A"},
        "team": {"size": 3, "ratio": 0.5, "sub": {"flag": True}},
        "output": {"pager": False},
    }
    ok(cli("config", "unset", "team.size"))
    ok(cli("config", "unset", "team.ratio"))
    ok(cli("config", "unset", "team.sub.flag"))
    assert tomllib.loads(cfg.read_text(encoding="utf-8")) == {"reviewer": {"name": "A"}, "output": {"pager": False}}
    assert settings_json(cli)["output.pager"]["value"] is False


def test_set_keeps_values_of_every_toml_type(cli: Callable[..., Run], cfg: Path) -> None:
    """Dates, times and NaN, which no setting takes, stay as the user wrote them (tomlkit edits in place)."""
    text = "[team]\nsince = 2024-01-01\nat = 07:32:00\nratio = nan\n"
    write(cfg, text)
    assert "Warning: config file" in ok(cli("config", "set", "output.pager", "false")).stderr
    assert cfg.read_text(encoding="utf-8").startswith(text)


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks and modes")
def test_a_symlinked_config_stays_a_link_and_keeps_its_mode(cli: Callable[..., Run], cfg: Path, tmp_path: Path) -> None:
    real = write(tmp_path / "dotfiles" / "claimtrack.toml", '[output]\ncolor = "never"\n')
    real.chmod(0o640)
    cfg.parent.mkdir(parents=True)
    cfg.symlink_to(real)
    ok(cli("config", "set", "reviewer.name", "Jane"))
    assert cfg.is_symlink()
    assert tomllib.loads(real.read_text(encoding="utf-8")) == {
        "output": {"color": "never"},
        "reviewer": {"name": "Jane"},
    }
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


# ---- a config that is not right -------------------------------------------------------------------------

BAD_FILES = {
    "invalid-toml": ('[reviewer\nname = "x"\n', "is not valid TOML"),
    "not-utf8": (b'[reviewer]\nname = "\xff"\n', "is not UTF-8"),
    "wrong-type": ('[output]\npager = "yes"\n', "output.pager is text ('yes'); it takes true or false"),
    "bad-value": ('[output]\ncolor = "blue"\n', "output.color 'blue' is not accepted; it takes auto, always or never"),
    "bad-kind": ('[defaults]\nsource_kind = "alien"\n', "defaults.source_kind"),
    "tags-not-list": ('[defaults]\ntags = "a,b"\n', "defaults.tags is text, not a list"),
    "bad-tag": ('[defaults]\ntags = ["ok", "no,comma"]\n', "invalid tag"),
    "bad-url": ('[reviewer]\nurl = "javascript:alert(1)"\n', "reviewer.url"),
    "bad-template": ('[claimreview]\nurl_template = "https://x.org/claims"\n', "claimreview.url_template"),
    "name-newline": ('[reviewer]\nname = "a\\nb"\n', "line break"),
    "unknown-key": ('[output]\ncolour = "never"\n', "unknown setting 'output.colour' (did you mean output.color?)"),
    "unknown-section": ("[x]\ny = 1\n", "unknown setting 'x.y'"),
    "top-level": ('name = "x"\n', "unknown setting 'name'"),
    "section-not-table": ('reviewer = "x"\n', "unknown setting 'reviewer'"),
    "too-big": ("# " + "x" * 70_000 + "\n", "over 64 KiB"),
}


def _write_bad(cfg: Path, content: str | bytes) -> None:
    cfg.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        cfg.write_bytes(content)
    else:
        cfg.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_one_error_and_changes_nothing(
    seeded: Callable[..., Run], cfg: Path, db_path: object, case: str
) -> None:
    content, says = BAD_FILES[case]
    _write_bad(cfg, content)
    before, data = table_digest(db_path), cfg.read_bytes()
    for args in (
        ("config", "get"),
        ("list",),
        ("add", "A claim that must not be added.", "-s", "X"),
        ("show", "1", "--format", "table"),
    ):
        line = one_error(seeded(*args))
        assert says in line, line
        assert str(cfg) in line
    assert table_digest(db_path) == before
    assert cfg.read_bytes() == data
    # Commands that do not need the settings still work.
    assert ok(seeded("--version")).stdout.startswith("claimtrack ")
    assert "Usage" in ok(seeded("--help")).stdout
    assert ok(seeded("config", "path")).stdout == f"{cfg}\n"
    assert "Usage" in ok(seeded("config", "set", "--help")).stdout


@pytest.mark.parametrize("case", ["wrong-type", "bad-value", "unknown-key"])
def test_config_set_or_unset_repairs_a_bad_file(seeded: Callable[..., Run], cfg: Path, case: str) -> None:
    cli = seeded
    _write_bad(cfg, BAD_FILES[case][0])
    if case == "unknown-key":
        ok(cli("config", "unset", "output.colour"))
    else:
        key = "output.pager" if case == "wrong-type" else "output.color"
        run = ok(cli("config", "set", key, "false" if key == "output.pager" else "auto"))
        assert "Warning" not in run.stderr
    ok(cli("config", "get"))
    ok(cli("list"))


def test_set_on_invalid_toml_changes_nothing(cli: Callable[..., Run], cfg: Path) -> None:
    _write_bad(cfg, BAD_FILES["invalid-toml"][0])
    before = cfg.read_bytes()
    assert "is not valid TOML" in one_error(cli("config", "set", "output.pager", "false"))
    assert "is not valid TOML" in one_error(cli("config", "unset", "output.pager"))
    assert cfg.read_bytes() == before


def test_a_directory_as_the_config(seeded: Callable[..., Run], cfg: Path) -> None:
    cli = seeded
    cfg.mkdir(parents=True)
    for args in (
        ("config", "get"),
        ("list",),
        ("config", "set", "output.pager", "false"),
        ("config", "unset", "output.pager"),
    ):
        assert "is a directory, not a file" in one_error(cli(*args))
    assert cfg.is_dir() and not any(cfg.iterdir())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_as_the_config_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)
    for args in (("config", "get"), ("config", "set", "output.pager", "false")):
        proc = run_process(*args, env={"CLAIMTRACK_CONFIG": str(fifo)})  # would hang if it opened the FIFO blocking
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr.startswith("Error: ") and proc.stderr.count("\n") == 1, proc.stderr
        assert "is not a regular file" in proc.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_config(seeded: Callable[..., Run], cfg: Path) -> None:
    cli = seeded
    write(cfg, "[output]\npager = false\n").chmod(0)
    try:
        for args in (("config", "get"), ("list",), ("config", "set", "output.pager", "true")):
            assert "cannot read config file" in one_error(cli(*args))
        cfg.chmod(0o600)
        assert cfg.read_text(encoding="utf-8") == "[output]\npager = false\n"
    finally:
        cfg.chmod(0o600)


def test_claimtrack_config_with_a_nul_is_refused(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "a\udcffb.toml"))
    assert "CLAIMTRACK_CONFIG" in one_error(cli("config", "get"))


PROBE = """
import runpy, sys
sys.argv = ["claimtrack", {arg!r}]
try:
    runpy.run_module("claimtrack", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
print("\\nPROBE", "tomllib" in sys.modules, "platformdirs" in sys.modules)
"""


@pytest.mark.parametrize("arg", ["--help", "--version"])
def test_help_and_version_never_read_the_settings(cfg: Path, arg: str) -> None:
    _write_bad(cfg, BAD_FILES["invalid-toml"][0])
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(arg=arg)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith("PROBE False False"), proc.stdout[-300:]


# ---- the settings that act now -----------------------------------------------------------------------


def _source_kinds(cli: Callable[..., Run]) -> dict[str, str]:
    return {row["name"]: row["kind"] for row in json.loads(ok(cli("sources", "-f", "json")).stdout)}


def test_add_uses_default_kind_and_tags(cli: Callable[..., Run]) -> None:
    ok(cli("init"))
    ok(cli("source", "set", "Old Source", "--kind", "outlet"))
    ok(cli("config", "set", "defaults.source_kind", "person"))
    ok(cli("config", "set", "defaults.tags", "ukraine,Russia"))
    claim = json.loads(
        ok(cli("add", "The war ends this year.", "-s", "New Person", "-t", "russia", "-t", "war", "-f", "json")).stdout
    )[0]
    assert claim["tags"] == ["russia", "ukraine", "war"]
    ok(cli("add", "Another thing happens.", "-s", "old source"))
    assert _source_kinds(cli) == {"Old Source": "outlet", "New Person": "person"}  # an existing source keeps its kind
    ok(cli("config", "unset", "defaults.tags"))
    claim = json.loads(ok(cli("add", "No default tags now.", "-s", "New Person", "-f", "json")).stdout)[0]
    assert claim["tags"] == []


def test_without_settings_add_makes_other_sources(cli: Callable[..., Run]) -> None:
    ok(cli("add", "Something is said.", "-s", "Someone"))
    assert _source_kinds(cli) == {"Someone": "other"}


def test_import_uses_default_kind_but_not_default_tags(cli: Callable[..., Run], tmp_path: Path) -> None:
    ok(cli("config", "set", "defaults.source_kind", "government"))
    ok(cli("config", "set", "defaults.tags", "mine"))
    data = tmp_path / "in.jsonl"
    data.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"type": "source", "name": "Kindless"},
                {"type": "source", "name": "Has Kind", "kind": "outlet"},
                {"type": "claim", "text": "First claim.", "source": "Kindless"},
                {"type": "claim", "text": "Second claim.", "source": "Has Kind"},
                {"type": "claim", "text": "Third claim.", "source": "Only In A Claim"},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    ok(cli("import", str(data)))
    assert _source_kinds(cli) == {"Kindless": "government", "Has Kind": "outlet", "Only In A Claim": "government"}
    assert all(c["tags"] == [] for c in json.loads(ok(cli("list", "-f", "json")).stdout))


def test_import_from_csv_and_stdin_use_the_default_kind(cli: Callable[..., Run], tmp_path: Path) -> None:
    ok(cli("config", "set", "defaults.source_kind", "outlet"))
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("text,source\nA csv claim.,Csv Source\n", encoding="utf-8")
    ok(cli("import", str(csv_file)))
    ok(cli("import", "-", input=json.dumps({"text": "A stdin claim.", "source": "Stdin Source"}) + "\n"))
    assert _source_kinds(cli) == {"Csv Source": "outlet", "Stdin Source": "outlet"}


# ---- output.pager and output.color under the flags and variables ----------------------------------------


def test_color_always_colours_a_piped_table(seeded: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(var, raising=False)
    assert ANSI_COLOUR not in ok(seeded("list", "-f", "table")).stdout  # default: auto, and this is no terminal
    ok(seeded("config", "set", "output.color", "always"))
    assert ANSI_COLOUR in ok(seeded("list", "-f", "table")).stdout  # config > default
    assert ANSI_COLOUR not in ok(seeded("list", "-f", "tsv")).stdout  # only tables have colour
    monkeypatch.setenv("NO_COLOR", "1")
    assert colour_codes(ok(seeded("list", "-f", "table")).stdout) == []  # env > config


@pytest.mark.sqlite_only
def test_output_settings_on_a_terminal(tmp_path: Path) -> None:
    """On a real terminal: output.pager false keeps $PAGER away, CLAIMTRACK_PAGER and --no-pager
    still win; output.color never drops colour, FORCE_COLOR still wins."""
    from test_pager import recorder
    from test_terminal import UNSET, run_in_terminal, run_piped

    db = tmp_path / "t.db"
    assert run_piped("--db", str(db), "init", "--seed").returncode == 0
    conf = tmp_path / "settings.toml"
    paged = tmp_path / "paged.txt"

    def page(settings: str, *flags: str, **env: object) -> bool:
        conf.write_text(settings, encoding="utf-8")
        if paged.exists():
            paged.unlink()
        screen = run_in_terminal(
            "--db",
            str(db),
            "list",
            *flags,
            columns=80,
            rows=24,
            env={"CLAIMTRACK_CONFIG": conf, "CLAIMTRACK_PAGER": UNSET, **env},
        )
        assert screen.code == 0, screen.out
        return paged.exists()

    assert page("", PAGER=recorder(paged))  # control: the default pages
    assert not page("[output]\npager = false\n", PAGER=recorder(paged))  # config > default
    assert page("[output]\npager = false\n", CLAIMTRACK_PAGER=recorder(paged))  # env > config
    assert not page("", "--no-pager", CLAIMTRACK_PAGER=recorder(paged))  # flag > env

    def colours(settings: str, **env: object) -> list[str]:
        conf.write_text(settings, encoding="utf-8")
        screen = run_in_terminal(
            "--db", str(db), "list", "-n", "2", columns=120, env={"CLAIMTRACK_CONFIG": conf, **env}
        )
        assert screen.code == 0, screen.out
        return colour_codes(screen.raw)

    assert colours("")  # auto on a terminal: colour
    assert not colours('[output]\ncolor = "never"\n')  # config > default
    assert colours('[output]\ncolor = "never"\n', FORCE_COLOR="1")  # env > config
    assert not colours('[output]\ncolor = "always"\n', NO_COLOR="1")


def test_a_file_in_the_way_of_the_folder(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = write(tmp_path / "plain", "not a folder")
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(blocker / "config.toml"))
    assert "part of its path is a file" in one_error(cli("config", "get"))
    assert "part of its path is a file" in one_error(cli("config", "set", "output.pager", "false"))
    assert blocker.read_text(encoding="utf-8") == "not a folder"
