"""claimtrack on PostgreSQL against the same commands on SQLite (issue 29, point 7).

Usage (from the repository root, with claimtrack installed with the ``postgres`` extra and the
PostgreSQL server binaries on the machine: ``apt-get install postgresql``):

    python bench/pg_bench.py                 # a throwaway cluster on a loopback port, 50,000 claims
    python bench/pg_bench.py --url postgresql://me@127.0.0.1:5432/postgres   # a running server
    python bench/pg_bench.py --claims 5000 --runs 3                                  # a quick look

It starts a PostgreSQL cluster in a temporary folder (``initdb``, trust auth, listening on
127.0.0.1 only, ``fsync=off`` as ``.ci/run`` does; as the ``postgres`` user when run as root) and
stops and removes it at the end, unless ``--url`` names a server, on which it makes fresh
databases and drops them again. It then imports the same JSONL claims (bench/run.py's generator)
into a SQLite file and a PostgreSQL database, in turns, and times each command as the median of
cold process runs, the two databases in turns, and writes the figures (PostgreSQL / SQLite, target
<= 1.5x) into their own section of bench/RESULTS.md (``--no-write`` only prints them).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import CT, RARE, WORK, Cmd, cached_bytecode, interleaved, make_jsonl  # noqa: E402

TARGET = 1.5
NEWS = WORK / "pg_bench_news.txt"
SECTION = "## PostgreSQL against SQLite (bench/pg_bench.py)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def cluster() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a loopback port; its admin URL."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: [int(x) for x in p.parent.name.split(".")])
    pg_bin = found[-1] if found else Path(shutil.which("initdb") or "initdb").parent
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-pgbench."))
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_pg:
        shutil.chown(folder, "postgres")
    port = free_port()
    data = folder / "data"
    subprocess.run([*as_pg, str(pg_bin / "initdb"), "-D", str(data), "-U", "claimtrack", "--auth=trust"],
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*as_pg, str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o", options,
                    "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://claimtrack@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_pg, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


class Server:
    """Fresh databases on a server, each dropped at the end."""

    def __init__(self, admin_url: str) -> None:
        import psycopg2

        self.base = admin_url.rpartition("/")[0]
        self.conn = psycopg2.connect("postgresql" + admin_url[len(admin_url.split(":", 1)[0]):])
        self.conn.autocommit = True
        self.made: list[str] = []

    def execute(self, sql: str) -> list[tuple[object, ...]]:
        with self.conn.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def fresh(self, name: str) -> str:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return f"{self.base}/{name}"

    def close(self) -> None:
        for name in self.made:
            self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.conn.close()


def ct(*args: str) -> None:
    proc = subprocess.run([*CT, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"failed: claimtrack {' '.join(args)}\n{proc.stderr[-2000:]}")


ALCHEMY = {"CLAIMTRACK_READ_DRIVER": "sqlalchemy", "CLAIMTRACK_WRITE_DRIVER": "sqlalchemy"}


def timed_import(db: str, jsonl: Path, env: dict[str, str] | None = None) -> float:
    ct("--db", db, "init")  # not timed: the import is
    start = time.perf_counter()
    proc = subprocess.run([*CT, "--db", db, "import", str(jsonl)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        raise SystemExit(f"failed: import into {db}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start


def measure(server: Server, claims: int, runs: int) -> list[tuple[str, float, float, float]]:
    WORK.mkdir(exist_ok=True)
    jsonl = WORK / f"pg_bench_{claims}.jsonl"
    if not jsonl.exists():
        make_jsonl(jsonl, claims)
    sqlite_file = WORK / "pg_bench.db"
    imports: dict[str, list[float]] = {"sqlite": [], "postgresql": [], "alchemy": []}
    for _ in range(min(runs, 3) if claims <= 100_000 else 1):  # the last import of each is the database timed below
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
        imports["sqlite"].append(timed_import(str(sqlite_file), jsonl))
        imports["alchemy"].append(timed_import(server.fresh("ct_pg_bench_alchemy"), jsonl, ALCHEMY))
        imports["postgresql"].append(timed_import(server.fresh("ct_pg_bench"), jsonl))
    pg = f"{server.base}/ct_pg_bench"
    rows = [(f"import {claims:,} JSONL claims", statistics.median(imports["postgresql"]),
             statistics.median(imports["sqlite"]), statistics.median(imports["alchemy"]))]
    commands: dict[str, list[str] | object] = {
        "list --limit 20": ["list", "--limit", "20"],
        "show ID": ["show", str(claims // 2)],
        # claims 1-50 are unverified: each round confirms the next on each side (SQLAlchemy's from 26 on)
        "confirm ID": lambda db, first: lambda i: [*CT, "--db", db, "confirm", str(first + i)],
        f"list --search {RARE}": ["list", "--search", RARE],
        "list --search russia --limit 20": ["list", "--search", "russia", "--limit", "20"],
        "log --limit 20": ["log", "--limit", "20"],
        "summary": ["summary"],
        # the other reads a desk runs (issue 29 point 7 asks for every command): each once missed
        "list --tag military --limit 20": ["list", "--tag", "military", "--limit", "20"],
        "due": ["due"],
        "list --as-of 2023-06-01 --limit 20": ["list", "--as-of", "2023-06-01", "--limit", "20"],
        "sources": ["sources"],
        "calibration": ["calibration"],
        # match by meaning reads every claim's vector (made by the warm-up run below, not timed)
        "match NEWS --all": ["match", str(NEWS), "--all"],
    }
    NEWS.write_text("North Korea shipped artillery shells to Russia by rail, officials said.\n", encoding="utf-8")
    for db in (pg, str(sqlite_file)):
        ct("--db", db, "match", str(NEWS), "--all")
    for name, args in commands.items():
        cmds = {}
        for label, db, env, first in (("postgresql", pg, {}, 1), ("sqlite", str(sqlite_file), {}, 1),
                                      ("alchemy", pg, ALCHEMY, 26)):
            cmds[label] = Cmd(args(db, first) if callable(args) else [*CT, "--db", db, *args], env)
        found = interleaved(cmds, runs)
        rows.append((f"{name} at {claims:,}", found["postgresql"], found["sqlite"], found["alchemy"]))
        print(f"{name}: PostgreSQL {found['postgresql']:.3f} s, SQLite {found['sqlite']:.3f} s, "
              f"PostgreSQL through SQLAlchemy {found['alchemy']:.3f} s", flush=True)
    return rows


def server_version(server: Server) -> str:
    found = server.execute("SHOW server_version")
    return str(found[0][0]) if found else "?"


def section(rows: list[tuple[str, float, float, float]], runs: int, where: str, version: str) -> str:
    import psycopg2

    lines = [
        SECTION,
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, shared with other work",
        f"- PostgreSQL {version} ({where}); psycopg2 {psycopg2.__version__.split()[0]}; Python {platform.python_version()}",
        f"- Method: median of {runs} cold process runs per command, PostgreSQL and SQLite in turns; import: "
        f"median of {min(runs, 3)}, a fresh database each, timed without its `init`. Command: `python bench/pg_bench.py`.",
        "",
        "PostgreSQL runs through psycopg2 (the default); the last two columns run the same command with",
        "`CLAIMTRACK_READ_DRIVER=sqlalchemy CLAIMTRACK_WRITE_DRIVER=sqlalchemy`, the path every command took before.",
        "",
        "| command | PostgreSQL | SQLite | ratio | target | met | PostgreSQL via SQLAlchemy | its ratio |",
        "|---|---:|---:|---:|---|---|---:|---:|",
    ]
    for name, pg, lite, alchemy in rows:
        ratio = pg / lite
        lines.append(f"| {name} | {pg:.3f} s | {lite:.3f} s | {ratio:.2f}x | <= {TARGET}x | "
                     f"{'yes' if ratio <= TARGET else 'no'} | {alchemy:.3f} s | {alchemy / lite:.2f}x |")
    lines += [
        "",
        "Where the rest goes: the queries take a few ms on a loopback server; what a light PostgreSQL command",
        "still pays over SQLite is importing psycopg2 (~20 ms: `list` loads 18 modules more than on SQLite;",
        "psycopg 3, the driver until issue 29, cost ~0.1 s and about 185 modules: asyncio, ssl,",
        "importlib.metadata), connecting, and the round trips; SQLAlchemy, SQLModel and pydantic (~0.3 s)",
        "are imported by neither path.",
    ]
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    """Put the section in bench/RESULTS.md, replacing an older one (run.py rewrites the rest)."""
    path = HERE / "RESULTS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    start = old.find(SECTION)
    if start >= 0:
        end = old.find("\n## ", start + len(SECTION))
        old = old[:start] + (old[end + 1:] if end >= 0 else "")
    path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running server's admin URL (default: start a throwaway cluster)")
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="print the figures, leave RESULTS.md alone")
    options = parser.parse_args()
    cached_bytecode()  # as run.py: both sides timed with claimtrack's bytecode cached
    with (contextmanager(lambda: (yield options.url))() if options.url else cluster()) as admin:
        server = Server(admin)
        try:
            rows = measure(server, options.claims, options.runs)
            text = section(rows, options.runs, "a running server" if options.url else
                           "a throwaway cluster on loopback started by the bench", server_version(server))
        finally:
            server.close()
    print(text)
    if not options.no_write:
        write(text)


if __name__ == "__main__":
    main()
