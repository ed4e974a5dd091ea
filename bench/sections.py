"""A section of its own in bench/RESULTS.md, for the benchmarks that run apart from run.py.

Each such script (clef_bench.py, claimbuster_bench.py) writes its figures under its own ``## ``
heading and replaces only that section when it runs again, as pg_bench.py does.
"""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write(heading: str, text: str, path: Path = RESULTS) -> None:
    """Put ``text`` (starting with ``heading``) in ``path``, replacing the older section of that heading."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    start = old.find(heading)
    if start >= 0:
        end = old.find("\n## ", start + len(heading))
        old = old[:start] + (old[end + 1 :] if end >= 0 else "")
    path.write_text(old.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n", encoding="utf-8")
