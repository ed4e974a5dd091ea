"""claimtrack's benchmark: every figure next to its reference, measured in the same run.

Usage (from the repository root, in an environment where claimtrack and sqlite-utils are
installed: ``pip install '.[bench]'``):

    python bench/run.py            # all sizes up to 1M claims (about 10-15 minutes on 2 cores)
    python bench/run.py --quick    # up to 100k claims, fewer runs (a smoke test)

It builds databases of 100, 10k, 100k and 1M claims through claimtrack's own ``import`` (the build
time is itself a figure), then times each command as the median of several cold process runs
(a new process each time), next to its reference, and writes ``bench/RESULTS.md``. Benchmarks are
not tests: nothing here passes or fails; the targets column says which ratios are met.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
PY = sys.executable
CT = [PY, "-m", "claimtrack"]
RARE = "zanzibar"  # in about 10 claims at every size
COMMON = "russia"  # in about a quarter of all claims
WORDS = ("north korea russia ukraine sanctions ammunition workers border missile alliance veto "
         "pyongyang moscow kremlin artillery shells trade grain oil railway port satellite envoy "
         "summit treaty troops drones export import currency bank embassy leader speech").split()


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


def cold(cmd: list[str], runs: int, env: dict[str, str] | None = None, prepare=None) -> tuple[float, int]:
    """Median wall time (s) and peak memory (KiB) of ``runs`` fresh processes."""
    times, peaks = [], []
    for i in range(runs):
        if prepare:
            prepare(i)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run(cmd(i) if callable(cmd) else cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, **(env or {})})
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"benchmark command failed: {cmd}\n{proc.stderr.decode()[-2000:]}")
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    return statistics.median(times), max(peaks)


def peak_rss(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one run, measured with /usr/bin/time when available."""
    timer = shutil.which("time") or "/usr/bin/time"
    start = time.perf_counter()
    proc = subprocess.run([timer, "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed: {cmd}\n{proc.stderr[-2000:]}")
    return elapsed, int(proc.stderr.strip().splitlines()[-1])


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="up to 100k claims, 5 runs")
    parser.add_argument("--runs", type=int, default=7, help="cold runs per figure (default 7)")
    args = parser.parse_args()
    runs = 5 if args.quick else max(5, args.runs)
    sizes = [100, 10_000, 100_000] if args.quick else [100, 10_000, 100_000, 1_000_000]
    big = sizes[-1]
    WORK.mkdir(exist_ok=True)
    figures: list[Figure] = []
    env_quiet = {"CI": "1"}  # no progress bars

    def db(n: int) -> str:
        return str(WORK / f"claims-{n}.db")

    # ---- build -----------------------------------------------------------------------------
    build: dict[int, float] = {}
    for n in sizes:
        data = WORK / f"claims-{n}.jsonl"
        if not data.exists():
            make_jsonl(data, n)
        for suffix in ("", "-wal", "-shm"):
            Path(db(n) + suffix).unlink(missing_ok=True)
        subprocess.run([*CT, "--db", db(n), "init"], check=True, capture_output=True)
        start = time.perf_counter()
        subprocess.run([*CT, "--db", db(n), "import", str(data)], check=True, capture_output=True, env={**os.environ, **env_quiet})
        build[n] = time.perf_counter() - start
        print(f"built {n:>9,} claims in {build[n]:.1f} s", file=sys.stderr)

    # ---- import throughput vs raw sqlite3 ----------------------------------------------------
    n_imp = 100_000 if 100_000 in sizes else sizes[-1]
    data = WORK / f"claims-{n_imp}.jsonl"
    times_ct, times_raw = [], []
    for _ in range(3):
        for which, bucket in (("ct", times_ct), ("raw", times_raw)):
            target = WORK / f"import-{which}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            subprocess.run([*CT, "--db", str(target), "init"], check=True, capture_output=True)
            cmd = ([*CT, "--db", str(target), "import", str(data)] if which == "ct"
                   else [PY, str(HERE / "raw_import.py"), str(target), str(data)])
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, **env_quiet})
            bucket.append(time.perf_counter() - start)
    ct_rate, raw_rate = n_imp / statistics.median(times_ct), n_imp / statistics.median(times_raw)
    figures.append(Figure(f"import {n_imp:,} JSONL claims (rows/s)", ct_rate, "rows/s",
                          "raw sqlite3 by hand, same work", raw_rate, ">= 0.35x", ct_rate / raw_rate >= 0.35))

    # ---- startup ---------------------------------------------------------------------------------
    typer_t, _ = cold([PY, "-c", "import typer"], runs)
    sqlmodel_t, _ = cold([PY, "-c", "import sqlmodel"], runs)
    version_t, _ = cold([*CT, "--version"], runs)
    help_t, _ = cold([*CT, "--help"], runs, env={"COLUMNS": "100"})
    mini_t, _ = cold([PY, str(HERE / "minimal_app.py"), "--help"], runs, env={"COLUMNS": "100"})
    figures += [
        Figure("claimtrack --version", version_t, "s", "python -c 'import typer'", typer_t, "<= 1.3x", version_t / typer_t <= 1.3),
        Figure("claimtrack --help", help_t, "s", "minimal 2-command Typer app --help", mini_t, "<= 1.5x", help_t / mini_t <= 1.5),
    ]

    # ---- per-command cost at each size -----------------------------------------------------------
    per_size: dict[str, dict[int, float]] = {"list --limit 20": {}, "show ID": {}, "confirm ID": {}, "summary": {}}
    for n in (sizes[0], big):
        unverified = [r[0] for r in sqlite3.connect(db(n)).execute(
            "SELECT id FROM claim WHERE status = 'unverified' ORDER BY id LIMIT ?", (runs,))]
        per_size["list --limit 20"][n], _ = cold([*CT, "--db", db(n), "list", "--limit", "20"], runs)
        per_size["show ID"][n], _ = cold([*CT, "--db", db(n), "show", str(unverified[0])], runs)
        per_size["confirm ID"][n], _ = cold(lambda i: [*CT, "--db", db(n), "confirm", str(unverified[i])], runs)
        per_size["summary"][n], _ = cold([*CT, "--db", db(n), "summary"], runs)
        for cid in unverified:  # put them back for the next run of the benchmark
            subprocess.run([*CT, "--db", db(n), "reopen", str(cid)], capture_output=True)
    for name, by_size in per_size.items():
        small, large = by_size[sizes[0]], by_size[big]
        if name != "summary":
            figures.append(Figure(f"{name} at {sizes[0]}", small, "s", "python -c 'import sqlmodel'", sqlmodel_t,
                                  "<= 1.3x", small / sqlmodel_t <= 1.3))
        figures.append(Figure(f"{name} at {big:,}", large, "s", f"same at {sizes[0]}", small,
                              "<= 1.2x" if name != "summary" else "", large / small <= 1.2 if name != "summary" else None))

    # ---- the read path: stdlib sqlite3 vs SQLAlchemy -----------------------------------------------
    alchemy_t, _ = cold([*CT, "--db", db(big), "list", "--limit", "20"], runs, env={"CLAIMTRACK_READ_DRIVER": "sqlalchemy"})
    figures.append(Figure(f"list --limit 20 at {big:,} (stdlib sqlite3 reads)", per_size["list --limit 20"][big], "s",
                          "same through SQLAlchemy (CLAIMTRACK_READ_DRIVER=sqlalchemy)", alchemy_t, "< 1x",
                          per_size["list --limit 20"][big] < alchemy_t))

    # ---- peers: sqlite-utils and the sqlite3 CLI doing the same reads --------------------------------
    list_sql = ("SELECT c.id, c.status, c.confidence, s.name, c.said_on, c.text FROM claim c "
                "JOIN source s ON s.id = c.source_id ORDER BY c.id LIMIT 20")
    show_sql = ("SELECT c.*, s.name FROM claim c JOIN source s ON s.id = c.source_id WHERE c.id = 1; "
                "SELECT * FROM event WHERE claim_id = 1 ORDER BY at, id")
    sqlite_utils = shutil.which("sqlite-utils", path=str(Path(PY).parent)) or shutil.which("sqlite-utils")
    if sqlite_utils:
        su_list, _ = cold([sqlite_utils, "query", db(big), list_sql], runs)
        su_show, _ = cold([sqlite_utils, "query", db(big), show_sql.split(";")[0]], runs)
        figures += [
            Figure(f"list --limit 20 at {big:,}", per_size["list --limit 20"][big], "s", "sqlite-utils query, same read", su_list,
                   "<= 1.2x (goal)", per_size["list --limit 20"][big] / su_list <= 1.2),
            Figure(f"show ID at {big:,}", per_size["show ID"][big], "s", "sqlite-utils query, same read", su_show,
                   "<= 1.2x (goal)", per_size["show ID"][big] / su_show <= 1.2),
        ]
    if shutil.which("sqlite3"):
        cli_list, _ = cold(["sqlite3", db(big), list_sql], runs)
        figures.append(Figure(f"sqlite3 CLI: the list read at {big:,}", cli_list, "s", "(peer floor, for scale)", None))

    # ---- search ------------------------------------------------------------------------------------
    rare_t, _ = cold([*CT, "--db", db(big), "list", "--search", RARE], runs)
    common_t, _ = cold([*CT, "--db", db(big), "list", "--search", COMMON, "--limit", "20"], runs)
    figures.append(Figure(f"list --search COMMON --limit 20 at {big:,}", common_t, "s", "list --search RARE", rare_t,
                          "<= 1.5x", common_t / rare_t <= 1.5))

    # ---- export: time and peak memory -----------------------------------------------------------------
    mid = 10_000
    for fmt in ("csv", "json"):
        small_t, small_m = peak_rss([*CT, "--db", db(mid), "export", "--format", fmt, "--output", str(WORK / f"e.{fmt}")])
        large_t, large_m = peak_rss([*CT, "--db", db(big), "export", "--format", fmt, "--output", str(WORK / f"e.{fmt}")])
        figures.append(Figure(f"export --format {fmt} at {big:,}: time", large_t, "s", f"at {mid:,}", small_t))
        figures.append(Figure(f"export --format {fmt} at {big:,}: peak memory", large_m / 1024, "MiB", f"at {mid:,}",
                              small_m / 1024, "<= 1.5x", large_m / small_m <= 1.5))
    write_results(figures, build, runs, sizes)


def write_results(figures: list[Figure], build: dict[int, float], runs: int, sizes: list[int]) -> None:
    import importlib.metadata as md

    versions = ", ".join(f"{p} {md.version(p)}" for p in ("claimtrack", "typer", "rich", "sqlmodel", "sqlalchemy", "pydantic"))
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; {versions}",
        f"- Method: median of {runs} cold process runs per figure (export: one run, peak RSS); "
        "references measured in the same run. Command: `python bench/run.py`.",
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
    notes = HERE / "NOTES.md"
    if notes.exists():
        text = notes.read_text(encoding="utf-8").strip()
        if text.startswith("## Notes"):  # drop the heading's remark about this file
            text = "## Notes\n\n" + text.split("\n", 1)[1].strip()
        lines += ["", text]
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
