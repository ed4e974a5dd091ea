"""Issue 10, where an export goes: ``export --output PATH`` never damages what is at PATH.

Covers: a regular file is replaced atomically, but a character device, a FIFO, the process's own
descriptors (``/dev/stdout``, ``/dev/fd/N`` from a shell's ``>(...)``) are written through and stay
what they were; a symlink stays a link and the file it points to is replaced (or created); block
devices and directories are refused; temp files of a SIGKILLed export are removed by the next
export into that folder (never a live one's), and SIGTERM removes its own; a 250-character name
works; new files are 0600 and a replaced file keeps its mode; a full disk, a file size limit, an
unwritable or missing folder each give one ``Error:`` line and leave the old file as it was; paths
are echoed with control characters escaped; ClaimReview JSON-LD cannot close a ``<script>``.

Device nodes are made under the test's tmp dir (``os.mknod``, root only); the real ``/dev/null``
is never touched. Every wait on another process has a timeout, so a regression cannot hang.
"""

from __future__ import annotations

import json
import os
import re
import resource
import select
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Run, run_process

IS_ROOT = os.geteuid() == 0
root_only = pytest.mark.skipif(not IS_ROOT, reason="making device nodes needs root")
TIMEOUT = 60


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def _one_error_line(run: Run | subprocess.CompletedProcess[str]) -> str:
    code = run.exit_code if isinstance(run, Run) else run.returncode
    assert code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert "Traceback" not in run.stderr and "unexpected" not in run.stderr
    return lines[0]


def _report(cli: Callable[..., Run]) -> str:
    """The Markdown export as standard output gets it: what every --output must hold."""
    return _ok(cli("export", "--format", "md")).stdout


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    """A device whose writes fail with ENOSPC: a private node when root, else the real /dev/full."""
    if IS_ROOT:
        node = tmp_path / "full"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        return node
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    return Path("/dev/full")


# ---- what is at the path stays what it is ------------------------------------------------------


@root_only
def test_character_device_is_written_through_and_stays_a_device(seeded: Callable[..., Run], tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o644, os.makedev(1, 3))
    before = node.stat()
    run = _ok(seeded("export", "--format", "json", "-o", str(node)))
    assert "Exported" in run.stderr
    after = node.lstat()
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == os.makedev(1, 3)
    assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)  # never chmodded
    assert _listing(tmp_path).count("null") == 1 and not any(".tmp" in n for n in _listing(tmp_path))


def test_fifo_is_written_through_and_stays_a_fifo(seeded: Callable[..., Run], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o644)
    expected = _report(seeded)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    try:
        _ok(seeded("export", "--format", "md", "-o", str(fifo)))
        received, _ = reader.communicate(timeout=TIMEOUT)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.communicate()
    assert received == expected
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert stat.S_IMODE(fifo.lstat().st_mode) == 0o644
    assert not any(".tmp" in n for n in _listing(tmp_path))


def test_stdout_alias_is_written_through(seeded: Callable[..., Run], tmp_path: Path) -> None:
    """``-o /dev/stdout`` writes into the process's standard output: a pipe, or a file opened with ``>>``.

    As root the test uses its own link to /proc/self/fd/1 (what /dev/stdout is), so a broken build
    cannot replace the machine's /dev/stdout; otherwise it uses /dev/stdout itself too.
    """
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    expected = _report(seeded)
    for alias in [str(link)] + ([] if IS_ROOT else ["/dev/stdout"]):
        piped = run_process("export", "--format", "md", "-o", alias)
        assert piped.returncode == 0, piped.stderr
        assert piped.stdout == expected
        appended = tmp_path / "log.md"
        appended.write_text("earlier line\n", encoding="utf-8")
        with appended.open("a", encoding="utf-8") as log:
            done = subprocess.run(
                [sys.executable, "-m", "claimtrack", "export", "--format", "md", "-o", alias],
                stdout=log,
                stderr=subprocess.PIPE,
                text=True,
                timeout=TIMEOUT,
            )
        assert done.returncode == 0, done.stderr
        assert appended.read_text(encoding="utf-8") == "earlier line\n" + expected
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_process_substitution_receives_the_export(seeded: Callable[..., Run], tmp_path: Path) -> None:
    """``-o >(cat > out.md)``: bash passes /dev/fd/63, a pipe to the substituted process."""
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    out = tmp_path / "out.md"
    script = '"$0" -m claimtrack export --format md -o >(cat > "$1"); rc=$?; wait $!; exit $rc'
    done = subprocess.run(
        ["bash", "-c", script, sys.executable, str(out)], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == _report(seeded)
    assert "Exported" in done.stderr and "/dev/fd/" in done.stderr


def test_symlink_stays_a_link_and_its_file_is_replaced(seeded: Callable[..., Run], tmp_path: Path) -> None:
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    real = real_dir / "report.md"
    real.write_text("old report\n", encoding="utf-8")
    real.chmod(0o640)
    link = link_dir / "latest.md"
    link.symlink_to("../real/report.md")
    _ok(seeded("export", "--format", "md", "-o", str(link)))
    assert link.is_symlink() and os.readlink(link) == "../real/report.md"
    assert real.read_text(encoding="utf-8") == _report(seeded)
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert _listing(link_dir) == ["latest.md"] and _listing(real_dir) == ["report.md"]


def test_dangling_symlink_gets_its_file_created(seeded: Callable[..., Run], tmp_path: Path) -> None:
    link = tmp_path / "latest.md"
    link.symlink_to("report-2024.md")
    _ok(seeded("export", "--format", "md", "-o", str(link)))
    assert link.is_symlink() and os.readlink(link) == "report-2024.md"
    target = tmp_path / "report-2024.md"
    assert target.read_text(encoding="utf-8") == _report(seeded)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@root_only
def test_block_device_is_refused_and_left_alone(seeded: Callable[..., Run], tmp_path: Path) -> None:
    node = tmp_path / "disk"
    os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(7, 0))
    line = _one_error_line(seeded("export", "-o", str(node)))
    assert "block device" in line
    assert stat.S_ISBLK(node.lstat().st_mode) and _listing(tmp_path).count("disk") == 1


# ---- temp files ---------------------------------------------------------------------------------

# Runs the real CLI, but pauses once the export is written to its temp file (before the rename),
# says "ready" on stderr, and waits to be signalled.
_PAUSED_EXPORT = """
import sys, time
from claimtrack import export
from claimtrack.cli import app

real_write = export.write

def paused(fmt, claims, out, sources, *rest):
    n = real_write(fmt, claims, out, sources, *rest)
    out.flush()
    sys.stderr.write("ready\\n")
    sys.stderr.flush()
    time.sleep(600)
    return n

export.write = paused
app(args=sys.argv[1:], prog_name="claimtrack")
"""


@pytest.fixture
def paused_export() -> Iterator[Callable[..., subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []

    def start(*args: str) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", _PAUSED_EXPORT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        started.append(proc)
        assert proc.stderr is not None
        ready, _, _ = select.select([proc.stderr], [], [], TIMEOUT)
        assert ready, "the export never got to writing"
        assert proc.stderr.readline() == "ready\n", proc.stderr.read()
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=TIMEOUT)


def _temp_files(folder: Path) -> list[str]:
    return [n for n in _listing(folder) if n.endswith(".tmp")]


def test_killed_exports_temp_file_is_removed_by_the_next_export(
    seeded: Callable[..., Run], tmp_path: Path, paused_export: Callable[..., subprocess.Popen[str]]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "report.md").write_text("old report\n", encoding="utf-8")
    first = paused_export("export", "--format", "md", "-o", str(folder / "report.md"))
    assert len(_temp_files(folder)) == 1
    # A live export's temp file is not abandoned: another export into the folder leaves it alone.
    _ok(seeded("export", "--format", "md", "-o", str(folder / "other.md")))
    assert len(_temp_files(folder)) == 1
    first.kill()
    first.wait(timeout=TIMEOUT)
    assert len(_temp_files(folder)) == 1  # SIGKILL leaves it behind...
    assert (folder / "report.md").read_text(encoding="utf-8") == "old report\n"
    _ok(seeded("export", "--format", "csv", "-o", str(folder / "third.csv")))
    assert _listing(folder) == ["other.md", "report.md", "third.csv"]  # ...and the next export removes it


def test_sigterm_removes_the_temp_file_and_keeps_the_old_file(
    seeded: Callable[..., Run], tmp_path: Path, paused_export: Callable[..., subprocess.Popen[str]]
) -> None:
    target = tmp_path / "backup.json"
    target.write_text("precious old backup\n", encoding="utf-8")
    proc = paused_export("export", "--format", "json", "-o", str(target))
    assert len(_temp_files(tmp_path)) == 1
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=TIMEOUT)
    assert proc.returncode in (128 + signal.SIGTERM, -signal.SIGTERM)
    assert _temp_files(tmp_path) == []
    assert target.read_text(encoding="utf-8") == "precious old backup\n"


def test_a_250_character_file_name_works(seeded: Callable[..., Run], tmp_path: Path) -> None:
    name = "r" * 247 + ".md"
    _ok(seeded("export", "--format", "md", "-o", str(tmp_path / name)))
    assert (tmp_path / name).read_text(encoding="utf-8") == _report(seeded)
    wide = "é" * 125 + ".md"  # 253 bytes in UTF-8
    _ok(seeded("export", "--format", "md", "-o", str(tmp_path / wide)))
    assert (tmp_path / wide).read_text(encoding="utf-8") == _report(seeded)
    line = _one_error_line(seeded("export", "-o", str(tmp_path / ("r" * 256))))
    assert "too long" in line
    assert _temp_files(tmp_path) == []


# ---- file modes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_new_export_files_are_private(seeded: Callable[..., Run], tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        for fmt in ("md", "html", "csv", "json", "jsonl", "claimreview", "claimreview-html"):
            _ok(seeded("export", "--format", fmt, "-o", str(tmp_path / f"all.{fmt}")))
            assert stat.S_IMODE((tmp_path / f"all.{fmt}").stat().st_mode) == 0o600, fmt
    finally:
        os.umask(previous)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644])
def test_reexport_keeps_the_files_mode(seeded: Callable[..., Run], tmp_path: Path, mode: int) -> None:
    target = tmp_path / "backup.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(mode)
    _ok(seeded("export", "--format", "json", "-o", str(target)))
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text(encoding="utf-8").startswith('{"format": "claimtrack"')


# ---- failures: one line, nothing damaged --------------------------------------------------------


def test_full_device_is_one_error_line(seeded: Callable[..., Run], full_device: Path) -> None:
    line = _one_error_line(seeded("export", "--format", "json", "-o", str(full_device)))
    assert "disk is full" in line and str(full_device) in line
    assert stat.S_ISCHR(full_device.lstat().st_mode)


def test_full_standard_output_is_one_error_line(seeded: Callable[..., Run], full_device: Path) -> None:
    fd = os.open(full_device, os.O_WRONLY)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "export", "--format", "json"],
            stdout=fd,
            stderr=subprocess.PIPE,
            text=True,
            timeout=TIMEOUT,
        )
    finally:
        os.close(fd)
    line = _one_error_line(done)
    assert "disk is full" in line and "standard output" in line


def test_file_size_limit_mid_export_keeps_the_old_file(seeded: Callable[..., Run], tmp_path: Path) -> None:
    """A regular file that cannot grow (RLIMIT_FSIZE: EFBIG, as a full disk gives ENOSPC) mid-export."""
    rows = tmp_path / "many.csv"
    rows.write_text("text,source\n" + "".join(f"Claim {i} {'x' * 1000},Tester\n" for i in range(120)), encoding="utf-8")
    _ok(seeded("import", str(rows)))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "backup.json"
    target.write_text("precious old backup\n", encoding="utf-8")
    limit = 64 * 1024  # above SQLite's 32 KiB -shm file, below the ~130 KiB export

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # Python ignores SIGXFSZ: writes get EFBIG

    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "export", "--format", "json", "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=small_files,
    )
    line = _one_error_line(done)
    assert "file size limit" in line and "nothing was written" in line and "backup.json" in line
    assert target.read_text(encoding="utf-8") == "precious old backup\n"
    assert _listing(folder) == ["backup.json"]


def test_unwritable_folder_is_one_error_line(seeded: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    prefix: list[str] = []
    if IS_ROOT:  # root ignores folder modes unless it drops the capabilities that let it
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("needs setpriv to drop root's CAP_DAC_OVERRIDE")
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "claimtrack", "export", "-o", str(folder / "r.md")],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    finally:
        folder.chmod(0o700)
    line = _one_error_line(done)
    assert "permission denied" in line and "writable folder" in line
    assert _listing(folder) == []


def test_missing_folder_and_directory_are_one_error_line(seeded: Callable[..., Run], tmp_path: Path) -> None:
    line = _one_error_line(seeded("export", "-o", str(tmp_path / "no" / "such" / "r.md")))
    assert "does not exist" in line and "no/such" in line
    a_file = tmp_path / "file.txt"
    a_file.write_text("x\n", encoding="utf-8")
    line = _one_error_line(seeded("export", "-o", str(a_file / "r.md")))
    assert "not a folder" in line
    folder = tmp_path / "adir"
    folder.mkdir()
    assert "directory" in _one_error_line(seeded("export", "-o", str(folder)))
    assert "directory" in _one_error_line(seeded("export", "-o", str(folder) + "/"))
    assert _listing(folder) == [] and a_file.read_text(encoding="utf-8") == "x\n"


def test_output_paths_are_echoed_escaped(seeded: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "re\x1b[31mport\rX.md"
    run = _ok(seeded("export", "-o", str(target)))
    assert "\x1b" not in run.stderr and "\r" not in run.stderr
    assert "re\\x1b[31mport\\rX.md" in run.stderr
    line = _one_error_line(seeded("export", "-o", str(tmp_path / "no\x1b]0;pwned\x07" / "r.md")))
    assert "\x1b" not in line and "\x07" not in line and "no\\x1b]0;pwned\\x07" in line


# ---- ClaimReview inside <script> ----------------------------------------------------------------


def test_claimreview_cannot_close_its_script_element(seeded: Callable[..., Run], tmp_path: Path) -> None:
    text = "Mayor said </script><script>alert(1)</script> & <!-- more -->"
    _ok(seeded("add", text, "--source", "Tester", "--status", "confirmed"))
    out = _ok(seeded("export", "--format", "claimreview")).stdout
    assert "<" not in out and ">" not in out and "&" not in out
    reviews = json.loads(out)["@graph"]
    assert text in [r["claimReviewed"] for r in reviews]
    assert "\\u003c/script\\u003e" in out and "\\u0026" in out
    _ok(seeded("export", "--format", "claimreview", "-o", str(tmp_path / "reviews.jsonld")))
    assert (tmp_path / "reviews.jsonld").read_text(encoding="utf-8") == out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_last_change_is_the_latest_by_when_it_happened(cli: Callable[..., Run], fmt: str) -> None:
    """A claim said in August, confirmed back-dated to 10 September and entered today: its last
    change is the confirmation, not today's entry (issue 14)."""
    assert (
        cli("add", "A claim resolved before it was entered.", "--source", "S", "--said-on", "2026-08-01").exit_code == 0
    )
    assert cli("confirm", "1", "--at", "2026-09-10").exit_code == 0
    assert cli("add", "A claim never changed.", "--source", "S", "--said-on", "2026-07-01").exit_code == 0
    assert cli("refute", "2", "--at", "2026-07-05").exit_code == 0
    assert cli("reopen", "2", "--at", "2026-07-06").exit_code == 0
    assert cli("add", "Said, nothing since.", "--source", "S", "--said-on", "2026-06-01").exit_code == 0
    run = cli("export", "--format", fmt)
    assert run.exit_code == 0, run.stderr
    text = re.sub(r"<[^>]+>", "", run.stdout)  # html: the text a reader sees
    assert "confirmed 2026-09-10" in text
    assert "reopened 2026-07-06" in text
    assert "said 2026-06-01" in text
    assert "created" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_says_when_each_claim_was_said_and_resolved(cli: Callable[..., Run], fmt: str) -> None:
    """Resolved on: the day of the status change that set the current status, back-dated or not."""
    assert cli("add", "Resolved back-dated.", "--source", "S", "--said-on", "2026-08-01").exit_code == 0
    assert cli("refute", "1", "--at", "2026-08-20").exit_code == 0
    assert cli("confirm", "1", "--at", "2026-09-10").exit_code == 0
    assert cli("add", "Disputed only.", "--source", "S", "--said-on", "2026-07-01").exit_code == 0
    assert cli("dispute", "2", "--at", "2026-07-03").exit_code == 0
    run = cli("export", "--format", fmt)
    assert run.exit_code == 0, run.stderr
    if fmt == "md":
        rows = {
            line.split(" | ")[0].strip("| "): line.split(" | ")
            for line in run.stdout.splitlines()
            if line.startswith("| ")
        }
        assert rows["1"][3] == "2026-08-01" and rows["1"][6] == "2026-09-10"
        assert rows["2"][3] == "2026-07-01" and rows["2"][6] == ""
    else:
        assert '<th scope="col">Said on</th>' in run.stdout and '<th scope="col">Resolved on</th>' in run.stdout
        row = re.search(r'<tr id="claim-1".*?</tr>', run.stdout).group()
        assert re.findall(r'<td class="day">([^<]*)</td>', row) == ["2026-08-01", "2026-09-10"]
        row = re.search(r'<tr id="claim-2".*?</tr>', run.stdout).group()
        assert re.findall(r'<td class="day">([^<]*)</td>', row) == ["2026-07-01", ""]


def test_report_title_coverage_date_evidence_and_last_note(seeded: Callable[..., Run]) -> None:
    assert (
        seeded(
            "confirm",
            "5",
            "--at",
            "2023-03-01",
            "--evidence",
            "https://www.reuters.com/a(1)",
            "--note",
            "Two | agencies",
        ).exit_code
        == 0
    )
    assert seeded("note", "5", "Later <b>note</b>", "--evidence", "https://example.org/b").exit_code == 0
    md = seeded("export", "--format", "md", "--status", "confirmed", "--title", "NK | tracker")
    assert md.exit_code == 0, md.stderr
    lines = md.stdout.splitlines()
    assert lines[0] == "# NK \\| tracker" and lines[2] == "Confirmed claims."
    row = next(line for line in lines if line.startswith("| 5 |"))
    assert (
        "[www&#46;reuters&#46;com](https://www.reuters.com/a%281%29), [example&#46;org](https://example.org/b)" in row
    )
    assert row.endswith("| Later &lt;b\\>note&lt;/b\\> |")
    assert "Made" not in md.stdout  # no date unless asked: the same data gives the same report
    stamped = seeded("export", "--format", "md", "--date", "2026-11-01", "--as-of", "2024-01-01")
    assert "All claims, as they stood at the end of 2024-01-01. Made 2026-11-01." in stamped.stdout
    html = seeded("export", "--format", "html", "--title", "<script>x</script>")
    assert html.exit_code == 0, html.stderr
    assert "<script>" not in html.stdout and "&lt;script&gt;x&lt;/script&gt;" in html.stdout
    assert (
        '<a href="https://example.org/b" title="https://example.org/b" rel="noopener noreferrer">example.<wbr>org</a>'
        in html.stdout  # a host breaks only after a dot
    )
    assert "Content-Security-Policy" in html.stdout
    bad = seeded("export", "--format", "md", "--date", "someday")
    assert bad.exit_code == 1 and "--date" in bad.stderr


def test_only_web_links_become_links() -> None:
    from claimtrack import export

    claim = {
        "events": [
            {"kind": "note", "evidence_url": "javascript:alert(1)", "note": "x", "at": "2024-01-01T00:00:00Z"},
            {"kind": "status", "evidence_url": "https://ok.example/", "note": None, "at": "2024-01-02T00:00:00Z"},
            {
                "kind": "note",
                "field": "withdrawn",
                "evidence_url": None,
                "note": "undo",
                "old": "gone",
                "at": "2024-01-03T00:00:00Z",
            },
        ],
        "said_on": None,
    }
    assert export.evidence(claim) == ["https://ok.example/"]
    assert export.last_note(claim) == "x"  # a withdrawn note is not the last word
