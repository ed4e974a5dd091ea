"""claimtrack's benchmark: every figure next to its reference, measured in the same run.

Usage (from the repository root, in an environment where claimtrack and sqlite-utils are
installed: ``pip install '.[bench]'``):

    python bench/run.py            # all sizes up to 1M claims (about 20-25 minutes on 2 cores)
    python bench/run.py --quick    # up to 100k claims, fewer runs: a smoke test of every figure

It builds databases of 100, 10k, 100k and 1M claims through claimtrack's own ``import`` (the build
time is itself a figure), then times each command as the median of several cold process runs (a
new process each time) next to its reference, and writes ``bench/RESULTS.md``. A command and its
references are run in turns (one run of each, then the next round), so a burst of load on this
shared machine falls on both sides of a ratio. Benchmarks are not tests: nothing here passes or
fails; the targets column says which ratios are met, and a section lists the misses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
PY = sys.executable
CT = [PY, "-m", "claimtrack"]
RARE = "zanzibar"  # in about 10 claims at every size
COMMON = "russia"  # in about a quarter of all claims
WORDS = ("north korea russia ukraine sanctions ammunition workers border missile alliance veto "
         "pyongyang moscow kremlin artillery shells trade grain oil railway port satellite envoy "
         "summit treaty troops drones export import currency bank embassy leader speech").split()
BUILD_GOAL_S = 60.0  # issue 11: 1M claims imported in under a minute on this machine
INSERT_TABLE = "bench_insert"  # the table sqlite-utils inserts into (dropped afterwards)
# The rows an export writes, read by sqlite-utils: the claim columns of the CSV (render.CLAIM_FIELDS)
# joined with the source name, and each claim's tags (a correlated subquery, as the export reads
# them per claim). json and jsonl also hold every claim's events: their reference reads those too.
_TAGS = ("(SELECT group_concat(t.name) FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id "
         "WHERE ct.claim_id = c.id) AS tags")
_EVENTS = ("(SELECT json_group_array(json_array(e.at, e.recorded_at, e.kind, e.field, e.old, e.new, e.note, "
           "e.evidence_url)) FROM event e WHERE e.claim_id = c.id) AS events")
_CLAIMS = ("c.id, c.uuid, c.text, c.quote, s.name AS source, c.status, c.confidence, c.confidence_phrase, "
           "c.url, c.said_on, c.review_by, c.created_at, c.updated_at")
EXPORT_SQL = f"SELECT {_CLAIMS}, {_TAGS} FROM claim c JOIN source s ON s.id = c.source_id ORDER BY c.id"
EXPORT_EVENTS_SQL = f"SELECT {_CLAIMS}, {_TAGS}, {_EVENTS} FROM claim c JOIN source s ON s.id = c.source_id ORDER BY c.id"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    reference: str = ""
    ref_value: float | None = None
    target: str = ""
    ok: bool | None = None

    @property
    def ratio(self) -> float | None:
        return self.value / self.ref_value if self.ref_value else None


@dataclass
class Cmd:
    """One command to time: argv (or a function of the run number giving it), extra environment,
    standard input, and where standard output goes (a file name under WORK, else /dev/null)."""

    argv: list[str] | Callable[[int], list[str]]
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | None = None
    stdout: str | None = None

    def run(self, i: int) -> float:
        argv = self.argv(i) if callable(self.argv) else self.argv
        out: IO[bytes] | int = (WORK / self.stdout).open("wb") if self.stdout else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            proc = subprocess.run(argv, input=self.stdin, stdout=out, stderr=subprocess.PIPE,
                                  env={**os.environ, **self.env})
            elapsed = time.perf_counter() - start
        finally:
            if not isinstance(out, int):
                out.close()
        if proc.returncode != 0:  # e.g. a write that changed nothing: the figure would be wrong
            raise SystemExit(f"benchmark command failed: {argv}\n{proc.stderr.decode()[-2000:]}")
        return elapsed


def cold(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time (s) of ``runs`` fresh processes."""
    return interleaved({"cmd": Cmd(cmd, env or {})}, runs)["cmd"]


def interleaved(cmds: dict[str, Cmd], runs: int) -> dict[str, float]:
    """Median wall time (s) of each command over ``runs`` rounds; each round runs every command once,
    in the order given (so a command may rely on the one before it, e.g. reopen after dispute)."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for i in range(runs):
        for name, cmd in cmds.items():
            times[name].append(cmd.run(i))
    return {name: statistics.median(t) for name, t in times.items()}


def peak_rss(cmd: list[str], stdout: str | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one run, measured with /usr/bin/time."""
    timer = shutil.which("time") or "/usr/bin/time"
    out: IO[bytes] | int = (WORK / stdout).open("wb") if stdout else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.run([timer, "-f", "%M", *cmd], stdout=out, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
    finally:
        if not isinstance(out, int):
            out.close()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed: {cmd}\n{proc.stderr.decode()[-2000:]}")
    return elapsed, int(proc.stderr.decode().strip().splitlines()[-1])


def make_jsonl(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = date(2022, 2, 24)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            words = rng.sample(WORDS, 8)
            if rng.random() < 0.27:
                words[rng.randrange(8)] = COMMON
            if i % max(1, n // 10) == 3:
                words[0] = RARE
            record = {
                "text": f"Claim {i}: " + " ".join(words) + ".",
                "source": f"Source {rng.randrange(200)}",
                "confidence": round(rng.random(), 3),
                "status": "unverified" if i < 50 else rng.choice(("unverified", "unverified", "confirmed", "refuted", "disputed")),
                "said_on": (start + timedelta(days=rng.randrange(900))).isoformat(),
                "tags": rng.sample(("north-korea", "russia", "ukraine", "sanctions", "trade", "military"), 2),
            }
            out.write(json.dumps(record) + "\n")


def fresh_db(path: Path | str) -> str:
    """An empty claimtrack database at ``path`` (any old one and its WAL files removed)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    subprocess.run([*CT, "--db", str(path), "init"], check=True, capture_output=True)
    return str(path)


def digest(path: str) -> dict[str, object]:
    """What an import must leave behind, independent of uuids, timestamps and id assignment order of
    tags: the same claims, sources, tag links, events and schema text, a search index holding the
    same rows that finds the same claims and passes FTS5's integrity-check, and a sound file."""
    conn = sqlite3.connect(path)

    def rows_hash(sql: str) -> str:
        h = hashlib.sha256()
        for row in conn.execute(sql):
            h.update(repr(row).encode())
        return h.hexdigest()[:16]

    for fts in ("claim_fts", "source_fts"):  # raises if an index is wrong or out of step with its table
        conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
    found = {w: conn.execute("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?", (w,)).fetchone()[0]
             for w in (RARE, COMMON)}
    result = {
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        "schema": rows_hash("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"),
        "claims": rows_hash("SELECT c.id, c.text, c.quote, s.name, c.url, c.said_on, c.status, c.confidence, "
                            "c.review_by FROM claim c JOIN source s ON s.id = c.source_id ORDER BY c.id"),
        "uuids": conn.execute("SELECT count(DISTINCT uuid) FROM claim").fetchone()[0],
        "sources": rows_hash("SELECT name, name_key, kind FROM source ORDER BY name_key"),
        "tags": rows_hash("SELECT ct.claim_id, t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id ORDER BY 1, 2"),
        "events": rows_hash("SELECT claim_id, kind, field, old, new, evidence_url FROM event ORDER BY claim_id, id"),
        "search rows": rows_hash("SELECT id, sz FROM claim_fts_docsize ORDER BY id"),
        "search hits": found,
    }
    conn.close()
    return result


def cached_bytecode() -> None:
    """Time every program as its users run it: with its bytecode compiled once and cached.

    ``pip install`` compiles a package's modules, but an editable install (``pip install -e``)
    leaves claimtrack as source, and ``PYTHONDONTWRITEBYTECODE`` (set on some machines, this one
    included) stops Python caching the compiled code: every timed claimtrack process would then
    compile all its modules again (~40 ms a command) while sqlite-utils, installed normally, would
    not. Compile both now and let the timed processes use the cache.
    """
    import compileall
    import importlib.util

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for package in ("claimtrack", "sqlite_utils"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="up to 100k claims, 5 runs, smaller import and exports")
    parser.add_argument("--runs", type=int, default=7, help="cold runs per figure (default 7)")
    parser.add_argument("--match", action="store_true", help="only time match against 100k claims; print, write nothing")
    args = parser.parse_args()
    if args.match:
        match_only(max(5, args.runs))
        return
    runs = 5 if args.quick else max(5, args.runs)
    sizes = [100, 10_000, 100_000] if args.quick else [100, 10_000, 100_000, 1_000_000]
    small, mid, big = sizes[0], 10_000, sizes[-1]
    WORK.mkdir(exist_ok=True)
    cached_bytecode()
    figures: list[Figure] = []
    env_quiet = {"CI": "1"}  # no progress bars
    sqlite_utils = shutil.which("sqlite-utils", path=str(Path(PY).parent)) or shutil.which("sqlite-utils")
    if not sqlite_utils:
        raise SystemExit("sqlite-utils is the peer of most figures: pip install '.[bench]'")

    def db(n: int) -> str:
        return str(WORK / f"claims-{n}.db")

    def jsonl(n: int) -> Path:
        path = WORK / f"claims-{n}.jsonl"
        if not path.exists():
            make_jsonl(path, n)
        return path

    # ---- build -----------------------------------------------------------------------------
    build: dict[int, float] = {}
    for n in sizes:
        data = jsonl(n)
        fresh_db(db(n))
        start = time.perf_counter()
        subprocess.run([*CT, "--db", db(n), "import", str(data)], check=True, capture_output=True, env={**os.environ, **env_quiet})
        build[n] = time.perf_counter() - start
        print(f"built {n:>9,} claims in {build[n]:.1f} s", file=sys.stderr)
    goal = BUILD_GOAL_S * big / 1_000_000
    figures.append(Figure(f"build {big:,} claims with import", build[big], "s",
                          "goal: 60 s per 1,000,000 claims" + (" (scaled)" if big != 1_000_000 else ""), goal,
                          f"< {goal:g} s", build[big] < goal))

    # ---- import throughput vs two raw-sqlite3 baselines -------------------------------------------------
    n_imp = 20_000 if args.quick else 200_000
    data = jsonl(n_imp)
    importers = {
        "claimtrack": lambda target: [*CT, "--db", target, "import", str(data)],
        "raw": lambda target: [PY, str(HERE / "raw_import.py"), target, str(data)],
        "lean": lambda target: [PY, str(HERE / "lean_import.py"), target, str(data)],
    }
    import_times: dict[str, list[float]] = {name: [] for name in importers}
    for _ in range(3):
        for name, argv in importers.items():
            target = fresh_db(WORK / f"import-{name}.db")
            import_times[name].append(Cmd(argv(target), env_quiet).run(0))
    digests = {name: digest(str(WORK / f"import-{name}.db")) for name in importers}
    for name in ("raw", "lean"):  # a baseline that did less work would make the ratio meaningless
        if digests[name] != digests["claimtrack"]:
            raise SystemExit(f"the {name} import baseline left a different database from claimtrack's:\n"
                             f"  claimtrack: {digests['claimtrack']}\n  {name}: {digests[name]}")
    print(f"import baselines checked: same rows, schema and search index ({digests['lean']['search hits']})",
          file=sys.stderr)
    rate = {name: n_imp / statistics.median(t) for name, t in import_times.items()}
    figures += [
        Figure(f"import {n_imp:,} JSONL claims (rows/s)", rate["claimtrack"], "rows/s",
               "raw sqlite3 by hand, same work, per-row triggers (raw_import.py)", rate["raw"],
               ">= 0.35x", rate["claimtrack"] / rate["raw"] >= 0.35),
        Figure(f"import {n_imp:,} JSONL claims (rows/s)", rate["claimtrack"], "rows/s",
               "lean raw sqlite3, same work, bulk index build (lean_import.py)", rate["lean"],
               ">= 0.5x", rate["claimtrack"] / rate["lean"] >= 0.5),
    ]

    # ---- startup ---------------------------------------------------------------------------------
    typer_t = cold([PY, "-c", "import typer"], runs)
    sqlmodel_t = cold([PY, "-c", "import sqlmodel"], runs)
    version_t = cold([*CT, "--version"], runs)
    help_t = cold([*CT, "--help"], runs, env={"COLUMNS": "100"})
    mini_t = cold([PY, str(HERE / "minimal_app.py"), "--help"], runs, env={"COLUMNS": "100"})
    figures += [
        Figure("claimtrack --version", version_t, "s", "python -c 'import typer'", typer_t, "<= 1.3x", version_t / typer_t <= 1.3),
        Figure("claimtrack --help", help_t, "s", "minimal 2-command Typer app --help", mini_t, "<= 1.5x", help_t / mini_t <= 1.5),
    ]

    # ---- extract on the seed article, with the quality figures tests/test_extract.py asserts ----------
    from extract_bench import BIG_GOAL_S, measure_big
    from extract_bench import measure as measure_extract

    found = measure_extract(runs)
    figures.append(Figure(f"extract data/seed-article.txt ({found['rules_ms']:.0f} ms in the rules; {found['summary']})",
                          found["process_s"], "s", "claimtrack --version", version_t))
    article = measure_big(min(runs, 3))  # issue 27: linear in the text, a 1 MB article in under 5 s
    figures.append(Figure(f"extract of a {article['bytes'] / (1024 * 1024):.1f} MB article "
                          f"({article['candidates']:.0f} candidates)",
                          article["process_s"], "s", "claimtrack --version", version_t, f"< {BIG_GOAL_S:.0f} s",
                          article["process_s"] < BIG_GOAL_S))

    # ---- reads at each size (before any write touches the databases) ---------------------------------
    reads: dict[str, dict[int, float]] = {"list --limit 20": {}, "show ID": {}, "summary": {}}
    for n in (small, big):
        first = sqlite3.connect(db(n)).execute("SELECT min(id) FROM claim").fetchone()[0]
        medians = interleaved({
            "list --limit 20": Cmd([*CT, "--db", db(n), "list", "--limit", "20"]),
            "show ID": Cmd([*CT, "--db", db(n), "show", str(first)]),
            "summary": Cmd([*CT, "--db", db(n), "summary"]),
        }, runs)
        for name, t in medians.items():
            reads[name][n] = t
    for name, by_size in reads.items():
        if name != "summary":
            figures.append(Figure(f"{name} at {small}", by_size[small], "s", "python -c 'import sqlmodel'", sqlmodel_t,
                                  "<= 1.3x", by_size[small] / sqlmodel_t <= 1.3))
        figures.append(Figure(f"{name} at {big:,}", by_size[big], "s", f"same at {small}", by_size[small],
                              "<= 1.2x" if name != "summary" else "",
                              by_size[big] / by_size[small] <= 1.2 if name != "summary" else None))

    # ---- the read path: stdlib sqlite3 vs SQLAlchemy -----------------------------------------------
    alchemy_t = cold([*CT, "--db", db(big), "list", "--limit", "20"], runs, env={"CLAIMTRACK_READ_DRIVER": "sqlalchemy"})
    figures.append(Figure(f"list --limit 20 at {big:,} (stdlib sqlite3 reads)", reads["list --limit 20"][big], "s",
                          "same through SQLAlchemy (CLAIMTRACK_READ_DRIVER=sqlalchemy)", alchemy_t, "< 1x",
                          reads["list --limit 20"][big] < alchemy_t))

    # ---- peers: sqlite-utils and the sqlite3 CLI doing the same reads --------------------------------
    list_sql = ("SELECT c.id, c.status, c.confidence, s.name, c.said_on, c.text FROM claim c "
                "JOIN source s ON s.id = c.source_id ORDER BY c.id LIMIT 20")
    show_sql = "SELECT c.*, s.name FROM claim c JOIN source s ON s.id = c.source_id WHERE c.id = 1"
    su_list = cold([sqlite_utils, "query", db(big), list_sql], runs)
    su_show = cold([sqlite_utils, "query", db(big), show_sql], runs)
    figures += [
        Figure(f"list --limit 20 at {big:,}", reads["list --limit 20"][big], "s", "sqlite-utils query, same read", su_list,
               "<= 1.0x", reads["list --limit 20"][big] / su_list <= 1.0),
        Figure(f"show ID at {big:,}", reads["show ID"][big], "s", "sqlite-utils query, same read", su_show,
               "<= 1.0x", reads["show ID"][big] / su_show <= 1.0),
    ]
    if shutil.which("sqlite3"):
        cli_list = cold(["sqlite3", db(big), list_sql], runs)
        figures.append(Figure(f"sqlite3 CLI: the list read at {big:,}", cli_list, "s", "(peer floor, for scale)", None))

    # ---- search ------------------------------------------------------------------------------------
    search = interleaved({
        "rare": Cmd([*CT, "--db", db(big), "list", "--search", RARE]),
        "common": Cmd([*CT, "--db", db(big), "list", "--search", COMMON, "--limit", "20"]),
    }, runs)
    figures.append(Figure(f"list --search COMMON --limit 20 at {big:,}", search["common"], "s", "list --search RARE",
                          search["rare"], "<= 1.5x", search["common"] / search["rare"] <= 1.5))

    # ---- match: a 2,000-word article against 100,000 claims (issue 17's target size) ------------------
    figures += match_figures(db(100_000 if 100_000 in sizes else big), runs)

    # ---- writes: every write command against sqlite-utils insert and list, at each size --------------
    writes: dict[str, dict[int, float]] = {}
    for n in (small, big):
        figures += write_figures(n, db(n), runs, sqlite_utils, writes)
    figures.append(Figure(f"confirm ID at {big:,}", writes["confirm ID"][big], "s", f"same at {small}",
                          writes["confirm ID"][small], "<= 1.2x", writes["confirm ID"][big] / writes["confirm ID"][small] <= 1.2))

    # ---- export: time against sqlite-utils reading the same rows, and peak memory ----------------------
    export_runs = 3  # median of 3 even at 1M: a single run moved by 15 % here
    formats = ("csv", "json", "jsonl")
    times: dict[str, list[float]] = {f: [] for f in (*formats, "su", "su-events")}
    peaks: dict[str, int] = {f: 0 for f in formats}
    for _ in range(export_runs):
        times["su"].append(peak_rss([sqlite_utils, "query", db(big), EXPORT_SQL, "--csv"], stdout="e-su.csv")[0])
        times["su-events"].append(peak_rss([sqlite_utils, "query", db(big), EXPORT_EVENTS_SQL, "--csv"],
                                           stdout="e-su.csv")[0])
        for fmt in formats:
            t, m = peak_rss([*CT, "--db", db(big), "export", "--format", fmt, "--output", str(WORK / f"e.{fmt}")])
            times[fmt].append(t)
            peaks[fmt] = max(peaks[fmt], m)
    for fmt in formats:
        t = statistics.median(times[fmt])
        with_events = fmt != "csv"
        su_export = statistics.median(times["su-events" if with_events else "su"])
        reference = ("sqlite-utils query DB 'SELECT claim columns, source, tags" + (", events" if with_events else "")
                     + "' --csv")
        _, small_m = peak_rss([*CT, "--db", db(mid), "export", "--format", fmt, "--output", str(WORK / f"e.{fmt}")])
        figures.append(Figure(f"export --format {fmt} at {big:,}: time", t, "s", reference, su_export,
                              "<= 2x", t / su_export <= 2))
        figures.append(Figure(f"export --format {fmt} at {big:,}: peak memory", peaks[fmt] / 1024, "MiB", f"at {mid:,}",
                              small_m / 1024, "<= 1.5x", peaks[fmt] / small_m <= 1.5))
    # The reports (md, html) spool their rows and add up their summary as they go: memory stays flat,
    # grouped or not (a grouped report keeps 16 bytes a row of places to read each group back).
    for label, args in (("html", ["--format", "html"]), ("html --group-by tag", ["--format", "html", "--group-by", "tag"])):
        t, big_m = peak_rss([*CT, "--db", db(big), "export", *args, "--output", str(WORK / "e.html")])
        _, mid_m = peak_rss([*CT, "--db", db(mid), "export", *args, "--output", str(WORK / "e.html")])
        figures.append(Figure(f"export --format {label} at {big:,}: peak memory ({t:.1f} s)", big_m / 1024, "MiB",
                              f"at {mid:,}", mid_m / 1024, "<= 1.5x", big_m / mid_m <= 1.5))
    write_results(figures, build, runs, sizes, n_imp, export_runs)


MATCH_WORDS = 2_000
MATCH_GOAL_S = 1.0  # issue 17: one 2,000-word article against 100k claims in under a second
_GLUE = ("the of and to in on that said with for as by from was were had has its their after while "
         "officials reported according analysts").split()


def match_article(path: Path, words: int = MATCH_WORDS, seed: int = 11) -> Path:
    """A 2,000-word article: the seed article, then wire-like sentences made of the words the claims
    are made of (so every sentence finds candidates in the index) and common English glue."""
    rng = random.Random(seed)
    text = (HERE.parent / "data" / "seed-article.txt").read_text(encoding="utf-8").split()
    paragraphs = [" ".join(text)]
    count = len(text)
    while count < words:
        sentences = []
        for _ in range(rng.randrange(2, 5)):
            n = rng.randrange(12, 28)
            sentence = [rng.choice(WORDS) if rng.random() < 0.45 else rng.choice(_GLUE) for _ in range(n)]
            sentence[0] = sentence[0].capitalize()
            sentences.append(" ".join(sentence) + ".")
            count += n
        paragraphs.append(" ".join(sentences))
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def match_figures(path: str, runs: int) -> list[Figure]:
    """``match`` of a 2,000-word article against every claim (``--all``) of ``path``, against the goal,
    and next to ``list --limit 20`` on the same database (the cost of starting a read command)."""
    article = match_article(WORK / "match-article.txt")
    size = sqlite3.connect(path).execute("SELECT count(*) FROM claim").fetchone()[0]
    times = interleaved({
        "match": Cmd([*CT, "--db", path, "match", str(article), "--all", "--format", "json"], stdout="match.json"),
        "list": Cmd([*CT, "--db", path, "list", "--limit", "20"]),
    }, runs)
    found = len(json.loads((WORK / "match.json").read_text(encoding="utf-8")))
    words = len(article.read_text(encoding="utf-8").split())
    return [
        Figure(f"match ARTICLE ({words:,} words) --all at {size:,} ({found} matches)", times["match"], "s",
               f"goal: {MATCH_GOAL_S:g} s", MATCH_GOAL_S, f"< {MATCH_GOAL_S:g} s", times["match"] < MATCH_GOAL_S),
        Figure(f"match ARTICLE ({words:,} words) --all at {size:,}", times["match"], "s",
               "list --limit 20, same database", times["list"], "", None),
    ]


def match_only(runs: int) -> None:
    """``--match``: build the 100k database if missing, time match alone and print the figures."""
    WORK.mkdir(exist_ok=True)
    cached_bytecode()
    path, data = WORK / "claims-100000.db", WORK / "claims-100000.jsonl"
    if not data.exists():
        make_jsonl(data, 100_000)
    if not path.exists():
        fresh_db(path)
        subprocess.run([*CT, "--db", str(path), "import", str(data)], check=True, capture_output=True,
                       env={**os.environ, "CI": "1"})
    for f in match_figures(str(path), runs):
        print(f"{f.name}: {f.value:.3f} s ({f.reference}: {f.ref_value:.3f} s; {f.target or 'no target'})")


# The write commands, in the order each round runs them. confirm, refute, dispute and reopen walk one
# unverified claim through every status and back (each step a real change: a command that changes
# nothing exits 1, and the benchmark stops); each round takes the next claim. set alternates between
# two confidences on each pass over the claims, so it always changes something too. delete, restore
# and undo then delete the claim, bring it back and delete it again (undo takes back the restore).
RUN_TAG = f"{os.getpid()}{int(time.time())}"  # add refuses a text already there: each run adds new ones
WRITES: dict[str, Callable[[int, int, bool], list[str]]] = {
    "add 'claim text' --source S": lambda i, cid, flip: ["add", f"Bench claim {RUN_TAG}-{i}: the envoy will visit the port.",
                                                         "--source", "Bench source"],
    "confirm ID": lambda i, cid, flip: ["confirm", str(cid)],
    "note ID text": lambda i, cid, flip: ["note", str(cid), f"Bench note {i}"],
    "refute ID": lambda i, cid, flip: ["refute", str(cid)],
    "set ID --confidence likely": lambda i, cid, flip: ["set", str(cid), "--confidence", "unlikely" if flip else "likely"],
    "dispute ID": lambda i, cid, flip: ["dispute", str(cid)],
    "reopen ID": lambda i, cid, flip: ["reopen", str(cid)],
    "delete ID": lambda i, cid, flip: ["delete", str(cid)],
    "restore ID": lambda i, cid, flip: ["restore", str(cid)],
    "undo": lambda i, cid, flip: ["undo"],  # takes the restore back: the claim, used once, stays deleted
}


def write_figures(n: int, path: str, runs: int, sqlite_utils: str, medians: dict[str, dict[int, float]]) -> list[Figure]:
    """Every write command at size ``n``, against sqlite-utils inserting one row into the same file
    and against ``list --limit 20``, all run in turns; medians are also kept in ``medians``."""
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM claim WHERE status = 'unverified' ORDER BY id LIMIT ?", (runs,))]
    conn.close()
    if not ids:
        raise SystemExit(f"no unverified claim in {path} to write to")
    row = json.dumps({"text": "Bench claim: the envoy will visit the port.", "source": "Bench source"}).encode() + b"\n"
    su_insert = Cmd([sqlite_utils, "insert", path, INSERT_TABLE, "-", "--nl"], stdin=row)
    su_insert.run(0)  # creates the table, so every timed run inserts into an existing one

    def claim_cmd(args: Callable[[int, int, bool], list[str]]) -> Callable[[int], list[str]]:
        # Run i writes to claim ids[i % len]; each pass over the claims flips set's confidence.
        return lambda i: [*CT, "--db", path, *args(i, ids[i % len(ids)], (i // len(ids)) % 2 == 1)]

    cmds = {"sqlite-utils insert": su_insert, "list --limit 20": Cmd([*CT, "--db", path, "list", "--limit", "20"])}
    cmds |= {name: Cmd(claim_cmd(args)) for name, args in WRITES.items()}
    times = interleaved(cmds, runs)
    conn = sqlite3.connect(path, timeout=30)
    conn.execute(f"DROP TABLE {INSERT_TABLE}")
    conn.commit()
    conn.close()
    figures = []
    for name in WRITES:
        medians.setdefault(name, {})[n] = t = times[name]
        size = f"{n:,}"
        figures += [
            Figure(f"{name} at {size}", t, "s", "sqlite-utils insert DB t - --nl (one row)", times["sqlite-utils insert"],
                   "<= 1.5x", t / times["sqlite-utils insert"] <= 1.5),
            Figure(f"{name} at {size}", t, "s", "list --limit 20, same database", times["list --limit 20"],
                   "<= 1.5x", t / times["list --limit 20"] <= 1.5),
        ]
    return figures


# The sections other scripts write into RESULTS.md (bench/sections.py, pg_bench.py): kept when run.py rewrites it.
OTHER_SECTIONS = ("## CLEF CheckThat!", "## ClaimBuster", "## PostgreSQL against SQLite")


def _other_sections(path: Path) -> str:
    """The other scripts' sections of ``path``, each from its heading to the next ``## `` heading."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = []
    for heading in OTHER_SECTIONS:
        start = old.find("\n" + heading)
        if start >= 0:
            end = old.find("\n## ", start + 1)
            kept.append(old[start + 1 : end + 1 if end >= 0 else len(old)].rstrip("\n") + "\n")
    return "".join("\n" + section for section in kept)


def write_results(figures: list[Figure], build: dict[int, float], runs: int, sizes: list[int], n_imp: int,
                  export_runs: int) -> None:
    import importlib.metadata as md

    versions = ", ".join(f"{p} {md.version(p)}" for p in ("claimtrack", "typer", "rich", "sqlmodel", "sqlalchemy",
                                                           "pydantic", "sqlite-utils"))
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; {versions}",
        f"- Method: median of {runs} cold process runs per figure, each command run in turns with its "
        f"references; import: median of 3 runs of {n_imp:,} claims per importer, in turns; export: "
        f"{'one run' if export_runs == 1 else f'median of {export_runs} runs'} each, peak RSS from /usr/bin/time. "
        f"References measured in the same run. Command: `python bench/run.py{' --quick' if sizes[-1] < 1_000_000 else ''}`.",
        "",
        "## Building the databases (claimtrack import)",
        "",
        "| claims | seconds | claims/s |",
        "|---:|---:|---:|",
    ]
    lines += [f"| {n:,} | {t:.2f} | {n / t:,.0f} |" for n, t in build.items()]
    lines += ["", "## Figures", "", "| figure | value | reference | reference value | ratio | target | met |",
              "|---|---:|---|---:|---:|---|---|"]
    for f in figures:
        fmt = (lambda v: f"{v:,.0f}") if f.unit == "rows/s" else (lambda v: f"{v:.3f}" if f.unit == "s" else f"{v:,.1f}")
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else ""
        ref = fmt(f.ref_value) if f.ref_value is not None else ""
        met = "" if f.ok is None else ("yes" if f.ok else "**no**")
        lines.append(f"| {f.name} | {fmt(f.value)} {f.unit} | {f.reference} | {ref} | {ratio} | {f.target} | {met} |")
    missed = [f for f in figures if f.ok is False]
    lines += ["", "## Where the time goes (misses)", ""]
    if missed:
        lines += ["One line per missed target, from profiles (`python -X importtime`, cProfile) of the command:", ""]
        lines += [f"- {f.name} ({f.ratio:.2f}x {f.reference}; target {f.target}): TO FILL" for f in missed]
    else:
        lines.append("Every target is met.")
    notes = HERE / "NOTES.md"
    if notes.exists():
        text = notes.read_text(encoding="utf-8").strip()
        if text.startswith("## Notes"):  # drop the heading's remark about this file
            text = "## Notes\n\n" + text.split("\n", 1)[1].strip()
        lines += ["", text]
    kept = _other_sections(HERE / "RESULTS.md")
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
