"""The house rules of the code itself: no circle between modules, no module too long to read.

Imports are read from the source (``ast``), those inside functions included: a lazy import still
ties two modules together, it only hides the circle until run time. Imports under ``if
TYPE_CHECKING:`` are left out: they never run, they only name a type for the checker.
An import names the module it reads (``from claimtrack.service.base import X`` depends on
``claimtrack.service.base``, ``from claimtrack import textsafe`` on ``claimtrack.textsafe``), not the
packages on the way, whose ``__init__`` only gathers what is below. A circle fails with its path, so
a new one is caught where it is made.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "claimtrack"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path], type_only: bool = False) -> set[str]:
    """The claimtrack modules ``name`` imports, anywhere in its source (``type_only``: those under
    ``TYPE_CHECKING`` too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for block in ast.walk(tree) if not type_only else ():  # type-only imports never run: out of the graph
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test):
            block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in modules:
                    found.add(full)
                elif base in modules:
                    found.add(base)
    found.discard(name)
    return found


def _graph(type_only: bool = False) -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules, type_only) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each as a path that closes."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def test_the_checker_finds_a_circle_and_a_clean_graph_has_none() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_import_reader_sees_lazy_relative_and_package_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "claimtrack"
    (pkg / "sub").mkdir(parents=True)
    for rel in ("__init__.py", "a.py", "b.py", "sub/__init__.py", "sub/c.py"):
        (pkg / rel).write_text("")
    (pkg / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import claimtrack.sub\n"
        "def f():\n    from claimtrack.sub import c\n    from . import b\n"
    )
    modules = {
        "claimtrack": pkg / "__init__.py",
        "claimtrack.a": pkg / "a.py",
        "claimtrack.b": pkg / "b.py",
        "claimtrack.sub": pkg / "sub/__init__.py",
        "claimtrack.sub.c": pkg / "sub/c.py",
    }
    assert _imports("claimtrack.a", modules["claimtrack.a"], modules) == {"claimtrack.sub.c", "claimtrack.b"}


def test_no_module_imports_itself_back_through_others() -> None:
    found = circles(_graph())
    assert not found, "import circles: " + "; ".join(" <-> ".join(group) for group in found)


@pytest.mark.parametrize("name", sorted(_modules()))
def test_every_module_can_be_read_in_one_sitting(name: str) -> None:
    lines = len(_modules()[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by concern (at most {MAX_LINES})"


def test_the_health_check_never_reaches_the_database_module() -> None:
    """``db check`` reads through the ``Handle`` the database hands it (``store.handle``): neither
    it nor anything it imports, type-only imports included, imports ``store.database``."""
    graph = _graph(type_only=True)
    reached: set[str] = set()
    todo = ["claimtrack.store.health"]
    while todo:
        for imported in graph[todo.pop()] - reached:
            reached.add(imported)
            todo.append(imported)
    assert "claimtrack.store.handle" in reached
    assert "claimtrack.store.database" not in reached


def _defines_commands(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and any(
            isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ("command", "callback")
            for d in node.decorator_list
        )
        for node in ast.walk(tree)
    )


def _postpones_annotations(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(a.name == "annotations" for a in node.names)
        for node in tree.body
    )


def test_command_modules_keep_their_annotations_as_objects() -> None:
    """Typer reads each command's parameters from its annotations every time a process starts. With
    ``from __future__ import annotations`` they are strings that ``typing.get_type_hints`` must
    evaluate, which made building the CLI three times slower (43 ms against 13 per start): so the
    modules that define commands keep real annotations (a type known only to the checker is quoted)."""
    checked = {}
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if name.startswith(f"{PACKAGE}.cli") and _defines_commands(tree):
            checked[name] = _postpones_annotations(tree)
    assert len(checked) >= 10, sorted(checked)  # the reader finds the command modules
    assert [name for name, postponed in checked.items() if postponed] == []


def test_the_annotation_reader_sees_a_postponed_command_module() -> None:
    tree = ast.parse("from __future__ import annotations\n@app.command()\ndef add(text: str) -> None: ...\n")
    assert _defines_commands(tree) and _postpones_annotations(tree)
    assert not _postpones_annotations(ast.parse("import typer\n"))
