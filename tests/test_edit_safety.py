"""``claimtrack edit`` when things go wrong: another change while the editor is open, a hostile
editor, a signal. Every case runs the real command as a process with a scripted ``$EDITOR`` (a
shell snippet or a small Python script) and checks that nothing was lost, changed, or left behind.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import forkserver
from claimtrack import editform
from conftest import Run, run_process, table_digest

WAIT = 120.0  # seconds a scripted editor waits for the test before giving up (a failure, not a measurement)

# Says it has opened the form (a marker file), waits for the test to say go, then edits the form.
WAITING_EDITOR = f"""\
import json, os, sys, time
path = sys.argv[-1]
open(os.environ["EDIT_OPENED"], "w").close()
deadline = time.monotonic() + {WAIT}
while not os.path.exists(os.environ["EDIT_GO"]):
    if time.monotonic() > deadline:
        sys.exit(9)
    time.sleep(0.02)
with open(path, encoding="utf-8", newline="") as f:
    text = f.read()
for old, new in json.loads(os.environ.get("EDIT_SUBS", "[]")):
    assert old in text, (old, text)
    text = text.replace(old, new)
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write(text)
"""


def add(cli: Callable[..., Run], *args: str) -> int:
    run = cli("add", *args, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)[0]["id"]


def shown(cid: int) -> dict:
    run = run_process("show", str(cid), "--format", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def leftovers(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir() if p.name.startswith("claimtrack-"))


@pytest.fixture
def tmpdir_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A TMPDIR of the test's own for the processes it starts, to see what is left in it."""
    tmp = tmp_path / "tmpdir"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.delenv("VISUAL", raising=False)
    return tmp


def shell_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snippet: str) -> None:
    """$EDITOR is ``sh SCRIPT`` running ``snippet`` with the form's path as $1."""
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\n{snippet}\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"sh {shlex.quote(str(script))}")


FULL = (
    "Russia vetoed new UN sanctions.",
    "--source",
    "The Bell",
    "--confidence",
    "very likely",
    "--said-on",
    "2022-05-26",
    "--tag",
    "un",
    "--tag",
    "sanctions",
)


# ---- another change while the editor is open ---------------------------------------------------


def start_edit(tmp_path: Path, cid: int, subs: list[tuple[str, str]], round_name: str) -> tuple[subprocess.Popen, Path]:
    """``claimtrack edit CID`` as a process whose editor waits, form open, for the returned go file."""
    script = tmp_path / "waiting_editor.py"
    script.write_text(WAITING_EDITOR, encoding="utf-8")
    opened, go = tmp_path / f"{round_name}.opened", tmp_path / f"{round_name}.go"
    env = {
        **os.environ,
        "EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}",
        "EDIT_OPENED": str(opened),
        "EDIT_GO": str(go),
        "EDIT_SUBS": json.dumps(subs),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "edit", str(cid)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + WAIT
    while not opened.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the editor never opened"
        time.sleep(0.02)
    return proc, go


def test_a_change_made_while_the_form_is_open_is_not_saved_over(
    cli: Callable[..., Run], tmp_path: Path, tmpdir_env: Path, monkeypatch: pytest.MonkeyPatch, db_path: object
) -> None:
    cid = add(cli, *FULL)
    mine = [
        ("text: Russia vetoed new UN sanctions.", "text: Russia vetoed the UN sanctions."),
        ("tags: sanctions, un", "tags: sanctions, veto"),
    ]

    # A note or a status change is no conflict: the form holds neither, so the edit is saved.
    proc, go = start_edit(tmp_path, cid, mine[:1], "first")
    assert run_process("confirm", str(cid), "--note", "seen").returncode == 0
    go.touch()
    out, err = proc.communicate(timeout=WAIT)
    assert (proc.returncode, err) == (0, f"Claim {cid}: 1 change recorded.\n")
    assert shown(cid)["text"] == "Russia vetoed the UN sanctions."

    # The case: `set --text --confidence` while the editor is open. The edit must not save over it.
    mine[0] = ("text: Russia vetoed the UN sanctions.", "text: Russia vetoed the sanctions, says the UN.")
    proc, go = start_edit(tmp_path, cid, mine, "second")
    concurrent = run_process("set", str(cid), "--text", "Concurrent", "--confidence", "0.9", "--add-tag", "theirs")
    assert concurrent.returncode == 0, concurrent.stderr
    before = table_digest(db_path)
    go.touch()
    out, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 1 and err.count("\n") == 1, err
    assert err.startswith(
        f"Error: claim {cid} was changed by another command while you were editing it "
        "(text, confidence, tags); nothing was saved. Your changes are kept"
    )
    assert table_digest(db_path) == before
    claim = shown(cid)
    assert (claim["text"], claim["confidence"], claim["tags"]) == ("Concurrent", 0.9, ["sanctions", "theirs", "un"])

    # The form is kept, private, in the user's data folder: the user's changes over the new values.
    retry = err.strip().rsplit("apply them with: ", 1)[1]
    assert retry.startswith(f"claimtrack edit {cid} --from ")
    kept = Path(shlex.split(retry)[-1])
    data = Path(os.environ["XDG_DATA_HOME"]) / "claimtrack" / "edits"
    assert kept.parent == data and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    form = editform.parse_form(kept.read_text(encoding="utf-8"))
    assert form["text"] == "Russia vetoed the sanctions, says the UN."
    assert form["confidence"] == "0.9" and form["tags"] == "sanctions, theirs, veto"
    assert leftovers(tmpdir_env) == []

    # The retry shows what saving changes, and applies the user's changes only.
    seen = tmp_path / "retry-seen.txt"
    shell_editor(tmp_path, monkeypatch, f'cp -- "$1" {shlex.quote(str(seen))}')  # quits without a change
    retried = run_process("edit", str(cid), "--from", str(kept))
    assert (retried.returncode, retried.stderr) == (0, f"Claim {cid}: 3 changes recorded.\n")
    notes = [line for line in seen.read_text(encoding="utf-8").splitlines() if line.startswith("# Saving changes ")]
    assert notes == [
        "# Saving changes text (now: 'Concurrent')",
        "# Saving changes tags (now: 'sanctions, theirs, un')",
    ]
    claim = shown(cid)
    assert (claim["text"], claim["confidence"], claim["tags"]) == (
        "Russia vetoed the sanctions, says the UN.",
        0.9,
        ["sanctions", "theirs", "veto"],
    )
    assert not kept.exists()  # applied: the kept form is tidied away
    assert leftovers(tmpdir_env) == []


def test_from_refuses_a_missing_file_a_pipe_and_another_claims_form(
    cli: Callable[..., Run], tmp_path: Path, tmpdir_env: Path, monkeypatch: pytest.MonkeyPatch, db_path: object
) -> None:
    cid = add(cli, *FULL)
    other = add(cli, "Another claim", "--source", "S")
    before = table_digest(db_path)
    shell_editor(tmp_path, monkeypatch, "")
    run = cli("edit", str(cid), "--from", str(tmp_path / "nope.txt"))
    assert (run.exit_code, run.stderr) == (1, f"Error: the form file '{tmp_path / 'nope.txt'}' does not exist\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = cli("edit", str(cid), "--from", str(fifo))  # opened without blocking, then refused
    assert (run.exit_code, run.stderr) == (1, f"Error: the form file '{fifo}' is a named pipe (FIFO), not a file\n")
    form = tmp_path / "other.txt"
    form.write_text(f"# Editing claim {other}.\ntext: Changed\nsource: S\n", encoding="utf-8")
    run = cli("edit", str(cid), "--from", str(form))
    assert run.exit_code == 1 and run.stderr.startswith(f"Error: '{form}' is a form for claim {other}, not {cid}; ")
    assert table_digest(db_path) == before


# ---- hostile editors ---------------------------------------------------------------------------


HOSTILE = {
    "deletes the form": (
        'rm -f -- "$1"',
        "the editor removed the form instead of saving it; nothing was changed "
        "(check that $VISUAL or $EDITOR saves the file it is given)",
    ),
    "leaves a directory": (
        'rm -f -- "$1"; mkdir -- "$1"; echo x > "$1/inside"',
        "the form the editor left is a directory, not a file; nothing was changed",
    ),
    "leaves a named pipe": (
        'rm -f -- "$1"; mkfifo -- "$1"',
        "the form the editor left is a named pipe (FIFO), not a file; nothing was changed",
    ),
    "leaves a symbolic link": (
        'rm -f -- "$1"; ln -s /etc/passwd "$1"',
        "the form the editor left is a symbolic link, not a file; nothing was changed",
    ),
    "saves Latin-1": (
        r'printf "# c\ntext: caf\351 au lait\nsource: S\n" > "$1"',
        "the form the editor left is not UTF-8 text (line 2 has the byte 0xe9); save it as UTF-8; nothing was changed",
    ),
    "saves 1.1 MB": (
        'head -c 1100000 /dev/zero | tr "\\000" a >> "$1"',
        "the form the editor left is larger than 1 MiB; a claim's form is far smaller; nothing was changed",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_editor_gets_one_error_line_and_changes_nothing(
    cli: Callable[..., Run],
    tmp_path: Path,
    tmpdir_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    db_path: object,
    case: str,
) -> None:
    cid = add(cli, *FULL)
    before = table_digest(db_path)
    snippet, error = HOSTILE[case]
    shell_editor(tmp_path, monkeypatch, snippet)
    run = run_process("edit", str(cid))  # a FIFO read the plain way would block: run_process times out then
    assert (run.returncode, run.stderr) == (1, f"Error: {error}\n")
    assert table_digest(db_path) == before
    assert leftovers(tmpdir_env) == []  # the form's folder went, with whatever the editor left in it


def test_the_form_is_private_in_a_private_folder(
    cli: Callable[..., Run], tmp_path: Path, tmpdir_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = add(cli, *FULL)
    seen = tmp_path / "seen.txt"
    shell_editor(tmp_path, monkeypatch, f'stat -c "%a %n" -- "$(dirname -- "$1")" "$1" > {shlex.quote(str(seen))}')
    run = run_process("edit", str(cid))
    assert (run.returncode, run.stderr) == (0, f"No changes; claim {cid} left as it was.\n")
    (folder_mode, folder), (file_mode, form) = (line.split(" ", 1) for line in seen.read_text().splitlines())
    assert (folder_mode, file_mode) == ("700", "600")
    assert Path(folder).parent == tmpdir_env and Path(folder).name.startswith("claimtrack-")
    assert Path(form).parent == Path(folder)
    assert leftovers(tmpdir_env) == []


# ---- signals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sig", "status", "said"),
    [(signal.SIGINT, 130, "Interrupted: nothing was saved.\n"), (signal.SIGTERM, 143, ""), (signal.SIGHUP, 129, "")],
)
def test_a_signal_while_the_editor_is_open_removes_the_form_and_saves_nothing(
    cli: Callable[..., Run],
    tmp_path: Path,
    tmpdir_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    db_path: object,
    sig: signal.Signals,
    status: int,
    said: str,
) -> None:
    cid = add(cli, *FULL)
    before = table_digest(db_path)
    opened = tmp_path / "opened"
    # The editor edits the form, says where it is, then waits as a person would (exec: one process to stop).
    shell_editor(
        tmp_path,
        monkeypatch,
        f'sed -i "s/^text: .*/text: Half done/" "$1"; '
        f'stat -c "%a %n" -- "$(dirname -- "$1")" > {shlex.quote(str(opened))}.part; '
        f"mv -- {shlex.quote(str(opened))}.part {shlex.quote(str(opened))}; exec sleep {int(WAIT)}",
    )
    proc = forkserver.popen(
        ["edit", str(cid)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, restore_sigint=True
    )
    deadline = time.monotonic() + WAIT
    while not opened.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the editor never opened"
        time.sleep(0.02)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=WAIT)
    assert (proc.returncode, err) == (status, said)
    mode, folder = opened.read_text().split(" ", 1)
    assert mode == "700" and Path(folder.strip()).parent == tmpdir_env
    assert not Path(folder.strip()).exists() and leftovers(tmpdir_env) == []
    assert table_digest(db_path) == before


def test_ctrl_c_in_the_editor_raises_interrupted_and_saves_nothing(cli: Callable[..., Run], db_path: object) -> None:
    from claimtrack.service import Service

    cid = add(cli, *FULL)
    before = table_digest(db_path)
    forms: list[Path] = []

    def interrupted(path: Path) -> None:
        forms.append(path)
        path.write_text(path.read_text(encoding="utf-8").replace("text: Russia", "text: Belarus"), encoding="utf-8")
        raise KeyboardInterrupt

    svc = Service()
    try:
        with pytest.raises(editform.Interrupted):
            editform.edit(svc, cid, interrupted)
    finally:
        svc.close()
    assert len(forms) == 1 and not forms[0].parent.exists()
    assert table_digest(db_path) == before
