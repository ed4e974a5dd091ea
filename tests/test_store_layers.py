"""The store's modules import downward only: no circle, counting lazy and type-checking imports.

``db check`` (``store.health``) reads the database through ``store.handle.Handle``; it must never
import ``store.database``, or the database and its check would lean on each other again.
"""

from __future__ import annotations

import ast
from pathlib import Path

import claimtrack.store

STORE = Path(claimtrack.store.__file__).parent
PACKAGE = "claimtrack.store"


def _imports(path: Path) -> set[str]:
    """Every store module ``path`` imports anywhere in it (in functions, under TYPE_CHECKING too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        found.update(n.removeprefix(f"{PACKAGE}.").split(".")[0] for n in names if n.startswith(f"{PACKAGE}."))
    return found - {path.stem}


def _graph() -> dict[str, set[str]]:
    modules = {p.stem: p for p in STORE.glob("*.py") if p.stem != "__init__"}
    return {name: _imports(path) & modules.keys() for name, path in modules.items()}


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of imports, as the modules along it, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        if module in path:
            return [*path[path.index(module):], module]
        if module in done:
            return None
        path.append(module)
        for imported in sorted(graph[module]):
            found = visit(imported)
            if found:
                return found
        path.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        found = visit(module)
        if found:
            return found
    return None


def test_the_store_modules_import_in_no_circle():
    graph = _graph()
    assert {"database", "health", "queries"} <= graph.keys()  # the modules were really read
    assert "database" in graph["queries"]  # and their imports too
    circle = _circle(graph)
    assert circle is None, " -> ".join(circle or [])


def test_the_health_check_never_imports_the_database():
    graph = _graph()

    def below(module: str, seen: set[str]) -> set[str]:
        for imported in graph[module] - seen:
            seen.add(imported)
            below(imported, seen)
        return seen

    assert "handle" in graph["health"]
    assert "database" not in below("health", set())
