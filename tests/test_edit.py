"""``claimtrack edit``: the form round-trips, saved changes land in one update, mistakes change nothing.

The CLI tests run the real command with ``$EDITOR`` set to a small Python script that edits the
file as a person would (``EDIT_SUBS``: JSON pairs of text to replace); the reopen-on-error loop is
driven through ``editform.edit`` with an editor function, since it needs a terminal in the CLI.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from claimtrack import editform
from claimtrack.errors import InvalidInput, NotFound
from claimtrack.service import Service
from conftest import Run, table_digest

EDITOR_SCRIPT = """\
import json, os, sys
path = sys.argv[-1]
with open(path, encoding="utf-8", newline="") as f:
    text = f.read()
with open(os.environ["EDIT_SEEN"], "a", encoding="utf-8") as log:
    log.write(json.dumps({"text": text, "mode": os.stat(path).st_mode & 0o777, "path": path}) + "\\n")
for old, new in json.loads(os.environ.get("EDIT_SUBS", "[]")):
    assert old in text, (old, text)
    text = text.replace(old, new)
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write(text)
sys.exit(int(os.environ.get("EDIT_EXIT", "0")))
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[dict]]:
    """Set $EDITOR to the script; call the fixture with replacements to make; returns what it saw."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR_SCRIPT, encoding="utf-8")
    seen = tmp_path / "seen.jsonl"
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDIT_SEEN", str(seen))

    def configure(*subs: tuple[str, str], exit_code: int = 0) -> list[dict]:
        monkeypatch.setenv("EDIT_SUBS", json.dumps(subs))
        monkeypatch.setenv("EDIT_EXIT", str(exit_code))
        return [json.loads(line) for line in seen.read_text(encoding="utf-8").splitlines()] if seen.exists() else []

    return configure


def add(cli: Callable[..., Run], *args: str) -> int:
    run = cli("add", *args, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)[0]["id"]


def shown(cli: Callable[..., Run], cid: int) -> dict:
    run = cli("show", str(cid), "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


FULL = (
    "Russia vetoed new UN sanctions.",
    "--source",
    "The Bell",
    "--confidence",
    "very likely",
    "--url",
    "https://example.org/a",
    "--said-on",
    "2022-05-26",
    "--tag",
    "un",
    "--tag",
    "sanctions",
    "--quote",
    "Russia vetoed",
    "--review-by",
    "2030-01-01",
)


# ---- the form ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        FULL,
        ("Bare claim", "--source", "Nobody"),
        ("Пхеньян поддержит Москву — 北朝鮮 ✓", "--source", "Ｔｈｅ Bell", "--tag", "café", "--quote", "«да»"),
        ("line one\n\n  indented line\n# not a comment\n\nlast", "--source", "Multi\nLine", "--quote", "a\nb"),
        (
            "[bold]x[/] \x1b[31mred\x1b[0m and\u2028sep\x85next\x0cff\ttab",
            "--source",
            "[red]S[/]",
            "--quote",
            "x  \nnext",
        ),
        ("numeric 0.675", "--source", "S", "--confidence", "0.675"),
        ("numeric 0.7", "--source", "S", "--confidence", "70%"),
        ("alias phrase", "--source", "S", "--confidence", "probable"),
        ("zero", "--source", "S", "--confidence", "0"),
    ],
)
def test_an_unchanged_form_round_trips_to_no_changes(cli: Callable[..., Run], args: tuple[str, ...]) -> None:
    cid = add(cli, *args)
    svc = Service()
    try:
        claim = svc.get(cid)
    finally:
        svc.close()
    form = editform.parse_form(editform.render_form(claim))
    assert form["text"] == claim["text"]
    assert form["source"] == claim["source"]
    assert editform.changes(claim, form) == {}


CLAIM = {
    "id": 4,
    "text": "T",
    "source": "S",
    "status": "unverified",
    "confidence": 0.97,
    "confidence_label": "97% almost certain",
    "quote": None,
    "url": "https://example.org/a",
    "said_on": "2024-01-02",
    "review_by": None,
    "tags": ["a", "b"],
}


def test_render_shows_a_header_and_one_line_a_field() -> None:
    text = editform.render_form(CLAIM)
    assert text.startswith("# Editing claim 4.")
    fields = [line for line in text.splitlines() if not line.startswith("#")]
    assert fields == [
        "text: T",
        "source: S",
        "confidence: almost certain",
        "quote:",
        "url: https://example.org/a",
        "said_on: 2024-01-02",
        "review_by:",
        "tags: a, b",
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("text: T\nsource: S\ncolour: red\n", "unknown field 'colour'"),
        ("text: T\ntext: U\nsource: S\n", "text is given twice"),
        ("text: T\nsource: S\njust words\n", "line 3 ('just words') is not \"name: value\""),
        ("source: S\nurl:\n", "no text line"),
        ("  floating\ntext: T\nsource: S\n", "line 1 is indented"),
    ],
)
def test_parse_refuses_a_broken_form(text: str, error: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        editform.parse_form(text)
    assert error in str(caught.value)


def test_parse_joins_continuations_and_ignores_comments() -> None:
    form = editform.parse_form("# c\ntext: first\n  second\n\n    indented\n# c\nsource:  S \r\nSaid-On: 2024-01-02\n")
    assert form == {"text": "first\nsecond\n\n  indented", "source": "S", "said_on": "2024-01-02"}


def test_changes_gives_only_what_differs_as_update_arguments() -> None:
    form = {
        "text": "T",
        "source": "S",
        "confidence": "Almost  Certain",
        "quote": "",
        "url": "",
        "said_on": "2024-01-02",
        "tags": "B, New Tag",
    }
    assert editform.changes(CLAIM, form) == {"url": "", "add_tags": ["new-tag"], "remove_tags": ["a"]}
    assert editform.changes(CLAIM, {"text": "T", "source": "S", "confidence": "none"}) == {"confidence": "none"}
    assert editform.changes(CLAIM, {"text": "T", "source": "S", "confidence": "maybe"}) == {"confidence": "maybe"}


# ---- the command -------------------------------------------------------------------------------


def test_edit_applies_every_change_in_one_update(cli: Callable[..., Run], editor: Callable[..., list[dict]]) -> None:
    cid = add(cli, *FULL)
    editor(
        ("text: Russia vetoed new UN sanctions.", "text: Russia vetoed the sanctions.\n  Again."),
        ("confidence: very likely", "confidence: 30%"),
        ("url: https://example.org/a", "url:"),
        ("tags: sanctions, un", "tags: un, veto"),
    )
    run = cli("edit", str(cid))
    assert run.exit_code == 0, run.stderr
    assert run.stderr == f"Claim {cid}: 5 changes recorded.\n"
    claim = shown(cli, cid)
    assert claim["text"] == "Russia vetoed the sanctions.\nAgain."
    assert (claim["confidence"], claim["url"], claim["tags"]) == (0.3, None, ["un", "veto"])
    assert claim["quote"] == "Russia vetoed" and claim["said_on"] == "2022-05-26"
    new = claim["events"][1:]
    assert sorted(((e["field"], e["old"], e["new"]) for e in new), key=repr) == [
        ("confidence", "very likely", "0.3"),
        ("tag", "sanctions", None),
        ("tag", None, "veto"),
        ("text", "Russia vetoed new UN sanctions.", "Russia vetoed the sanctions.\nAgain."),
        ("url", "https://example.org/a", None),
    ]
    assert len({e["recorded_at"] for e in new}) == 1
    seen = editor()
    assert len(seen) == 1 and seen[0]["mode"] == 0o600 and seen[0]["path"].endswith(".txt")
    assert not Path(seen[0]["path"]).exists()


def test_an_unchanged_or_emptied_file_changes_nothing(
    cli: Callable[..., Run], editor: Callable[..., list[dict]], db_path: object
) -> None:
    cid = add(cli, *FULL)
    before = table_digest(db_path)
    editor()
    run = cli("edit", str(cid))
    assert (run.exit_code, run.stderr) == (0, f"No changes; claim {cid} left as it was.\n")
    form = editor()[0]["text"]
    emptied = [(line + "\n", "") for line in form.splitlines() if not line.startswith("#")]
    editor(*emptied)
    run = cli("edit", str(cid))
    assert (run.exit_code, run.stderr) == (0, f"No changes; claim {cid} left as it was.\n")
    assert table_digest(db_path) == before
    assert len(shown(cli, cid)["events"]) == 1


def test_an_invalid_value_off_a_terminal_is_an_error_and_changes_nothing(
    cli: Callable[..., Run], editor: Callable[..., list[dict]], db_path: object
) -> None:
    cid = add(cli, *FULL)
    before = table_digest(db_path)
    editor(("confidence: very likely", "confidence: 170%"), ("quote: Russia vetoed", "quote: changed too"))
    run = cli("edit", str(cid))
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: invalid confidence '170%'") and run.stderr.count("\n") == 1
    assert table_digest(db_path) == before


@pytest.mark.parametrize("setting", ["missing", "failing"])
def test_an_editor_that_is_missing_or_fails_changes_nothing(
    cli: Callable[..., Run],
    editor: Callable[..., list[dict]],
    db_path: object,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    setting: str,
) -> None:
    cid = add(cli, *FULL)
    before = table_digest(db_path)
    if setting == "missing":
        monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))  # VISUAL comes before EDITOR
    else:
        editor(("confidence: very likely", "confidence: 10%"), exit_code=3)
    run = cli("edit", str(cid))
    assert run.exit_code == 1
    expected = "Error: cannot run the editor" if setting == "missing" else "Error: the editor"
    assert run.stderr.startswith(expected) and "nothing was changed" in run.stderr and run.stderr.count("\n") == 1
    assert table_digest(db_path) == before


def test_an_unknown_or_deleted_claim_is_refused_before_the_editor_opens(
    cli: Callable[..., Run], editor: Callable[..., list[dict]]
) -> None:
    editor()
    run = cli("edit", "1")
    assert run.exit_code == 1 and run.stderr.startswith("Error: there is no claimtrack database at ")
    cid = add(cli, *FULL)
    run = cli("edit", "99")
    assert (run.exit_code, run.stderr) == (1, "Error: no claim with id 99; list ids with: claimtrack list\n")
    svc = Service()
    try:
        svc.delete([cid])
    finally:
        svc.close()
    run = cli("edit", str(cid))
    assert run.exit_code == 1 and "is deleted" in run.stderr
    assert editor() == []


def test_edit_help_shows_an_example(cli: Callable[..., Run]) -> None:
    run = cli("edit", "--help")
    assert run.exit_code == 0
    assert "Example: claimtrack edit 3" in run.stdout


# ---- the reopen loop ---------------------------------------------------------------------------


def test_an_invalid_value_reopens_the_editor_with_the_error_on_top(cli: Callable[..., Run]) -> None:
    cid = add(cli, *FULL)
    seen: list[str] = []
    steps = [  # each save: the replacements made; the first two leave an invalid value
        [("confidence: very likely", "confidence: certainly")],
        [("confidence: certainly", "confidence: 40%"), ("url: https://example.org/a", "url: ftp://x")],
        [("url: ftp://x", "url: https://example.org/b")],
    ]

    def editor_fn(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        seen.append(text)
        for old, new in steps[len(seen) - 1]:
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")

    svc = Service()
    try:
        notices = editform.edit(svc, cid, editor_fn, retry=True)
        claim = svc.show(cid)
    finally:
        svc.close()
    assert notices == [f"Claim {cid}: 2 changes recorded."]
    assert len(seen) == 3
    assert "# Error" not in seen[0]
    assert seen[1].startswith("# Error: invalid confidence 'certainly'") and "confidence: certainly" in seen[1]
    assert seen[2].startswith("# Error: invalid --url 'ftp://x'") and seen[2].count("# Error:") == 1
    assert (claim["confidence"], claim["url"]) == (0.4, "https://example.org/b")
    assert [e["field"] for e in claim["events"][1:]] == ["confidence", "url"]


def test_without_retry_the_error_is_raised_and_quitting_after_an_error_cancels(cli: Callable[..., Run]) -> None:
    cid = add(cli, *FULL)
    calls: list[str] = []

    def bad_then_quit(path: Path) -> None:
        calls.append(path.read_text(encoding="utf-8"))
        if len(calls) == 1:
            path.write_text(calls[0].replace("said_on: 2022-05-26", "said_on: 3000-01-01"), encoding="utf-8")

    svc = Service()
    try:
        with pytest.raises(InvalidInput, match="in the future"):
            editform.edit(svc, cid, bad_then_quit)
        calls.clear()
        assert editform.edit(svc, cid, bad_then_quit, retry=True) == [f"No changes; claim {cid} left as it was."]
        assert len(calls) == 2 and len(svc.show(cid)["events"]) == 1
        with pytest.raises(NotFound):
            editform.edit(svc, cid + 1, bad_then_quit)
    finally:
        svc.close()
